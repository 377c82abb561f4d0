import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, term } from './fixtures';
import type { Eng } from './fixtures';
import { findImage } from '../../../../src/docker/registry/catalog';

async function run(e: Eng, image: string, cmd?: string[]) {
  const io = term(false);
  const { Id } = await e.containerCreate({ Image: image, Cmd: cmd });
  await e.containerAttach(Id, io, { beforeStart: true });
  await e.containerStart(Id);
  return { id: Id, out: io.text, err: io.errText, state: (await e.containerInspect(Id)).State };
}

test('node:latest is node 24.2.0 on buildpack-deps:bookworm, sharing the base python pulled', async () => {
  const e = engine();
  const [, nodePull] = await pull(e, 'python', 'node');
  // Debian, curl, scm and the toolchain come from buildpack-deps:bookworm like python's.
  assert.equal(nodePull.filter((l) => l.endsWith('Already exists')).length, 4);
  assert.equal(nodePull.filter((l) => l.endsWith('Pull complete')).length, 4);
  for (const tag of ['24', '24.2', '24.2.0', 'current', 'bookworm', '24-bookworm', 'current-bookworm']) assert.equal(findImage('library/node', tag), findImage('node', 'latest'), tag);
  const img = await e.imageInspect('node:latest');
  assert.ok(img.Config.Env?.includes('NODE_VERSION=24.2.0') && img.Config.Env.includes('YARN_VERSION=1.22.22'));
  assert.deepEqual([img.Config.Entrypoint, img.Config.Cmd], [['docker-entrypoint.sh'], ['node']]);
  // Built with BuildKit, and about 1.1GB like the real image.
  const hist = await e.imageHistory('node:latest');
  assert.equal(hist[0].Comment, 'buildkit.dockerfile.v0');
  assert.ok(hist.some((h) => h.CreatedBy === 'ENV NODE_VERSION=24.2.0'));
  assert.ok(img.Size > 1.1e9 && img.Size < 1.15e9, String(img.Size));
  const r = await run(e, 'node', ['sh', '-c', 'grep ^node: /etc/passwd; ls /usr/local/bin']);
  assert.equal(r.out, 'node:x:1000:1000::/home/node:/bin/bash\ncorepack\ndocker-entrypoint.sh\nnode\nnodejs\nnpm\nnpx\nyarn\nyarnpkg\n');
});

test('node:22 answers to its LTS tags', () => {
  for (const tag of ['22', '22.16', '22.16.0', 'jod', '22-bookworm', 'lts-bookworm']) assert.equal(findImage('node', tag), findImage('node', 'lts'), tag);
  assert.ok(findImage('node', 'lts')?.config.Env?.includes('NODE_VERSION=22.16.0'));
});
