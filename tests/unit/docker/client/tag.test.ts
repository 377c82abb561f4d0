import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { hostShell, run } from './harness';

test('tag takes a full image ID as its source, never as its target', async () => {
  const sh = hostShell(createEngine({ seed: 3 }));
  await run(sh, 'docker pull alpine');
  const id = (await run(sh, 'docker images -q --no-trunc alpine')).stdout.trim().slice(7);
  assert.deepEqual(await run(sh, `docker tag ${id} copia`), { stdout: '', stderr: '', both: '', exit: 0 });
  assert.equal((await run(sh, 'docker images -q copia')).stdout, id.slice(0, 12) + '\n');
  const bad = await run(sh, `docker tag alpine ${id}`);
  assert.equal(bad.exit, 1);
  assert.equal(bad.stderr, `Error parsing reference: "${id}" is not a valid repository/tag: invalid repository name (${id}), cannot specify 64-byte hexadecimal strings\n`);
});
