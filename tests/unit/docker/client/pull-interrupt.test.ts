/**
 * Ctrl+C during `docker pull` (and the pull of `docker run`): the CLI's context is cancelled, the
 * daemon's pull with it; nothing more is printed, the exit status is 130, and no image is left.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';
import { flatten } from '../../../../src/docker/client/script';

/** A terminal (the pull paces its progress there) where Ctrl+C comes after `n` waits. */
function ctrlC(n: number) {
  const ac = new AbortController();
  let waits = 0;
  return { tty: true, columns: 120, signal: ac.signal, sleep: async () => { if (++waits === n) ac.abort(); } };
}

/** A run on that terminal, its output as the screen shows it. */
async function interrupted(run: ReturnType<typeof session>, line: string, n: number) {
  const r = await run(line, ctrlC(n));
  return { ...r, out: flatten(r.out), err: flatten(r.err) };
}

test('pull interrupted: no Digest, no reference, exit 130, no image nor layers left', async () => {
  const run = session();
  const r = await interrupted(run, 'docker pull nginx', 4);
  assert.equal(r.exit, 130);
  assert.equal(r.err, '');
  assert.match(r.out, /^Using default tag: latest\nlatest: Pulling from library\/nginx\n/);
  assert.doesNotMatch(r.out, /Digest:|Status:|docker\.io/);
  assert.equal((await run('docker images -q')).out, '');
  assert.match((await run('docker system df --format "{{.Type}} {{.TotalCount}} {{.Size}}"')).out, /^Images 0 0B\n/);
  // The next pull starts afresh: every layer is downloaded again.
  const again = await run('docker pull nginx');
  assert.doesNotMatch(again.out, /Already exists/);
  assert.match(again.out, /Status: Downloaded newer image for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
});

test('pull interrupted keeps the layers other images use', async () => {
  const run = session();
  await run('docker pull nginx');
  const before = (await run('docker system df --format "{{.Size}}"')).out;
  const r = await interrupted(run, 'docker pull redis', 3);
  assert.equal(r.exit, 130);
  assert.match(r.out, /Already exists/);
  assert.equal((await run('docker images --format "{{.Repository}}"')).out, 'nginx\n');
  assert.equal((await run('docker system df --format "{{.Size}}"')).out, before);
  assert.equal((await run('docker run --rm nginx nginx -v')).exit, 0);
});

test('run interrupted while pulling: no container, no image, exit 130 and nothing printed after', async () => {
  const run = session();
  const r = await interrupted(run, 'docker run --name web nginx', 3);
  assert.equal(r.exit, 130);
  assert.match(r.err, /^Unable to find image 'nginx:latest' locally\nlatest: Pulling from library\/nginx\n/);
  assert.doesNotMatch(r.err + r.out, /Digest:|Error|docker:/);
  assert.equal((await run('docker ps -aq')).out, '');
  assert.equal((await run('docker images -q')).out, '');
  assert.equal((await run('docker create --name web nginx')).exit, 0);
});
