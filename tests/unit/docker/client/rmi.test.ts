import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { hostShell, run } from './harness';

test('rmi -f still reports images that are not there, but only another error fails it', async () => {
  const sh = hostShell(createEngine({ seed: 3 }));
  await run(sh, 'docker pull alpine');
  const gone = await run(sh, 'docker rmi -f nope alpine');
  assert.equal(gone.exit, 0);
  assert.match(gone.stdout, /^Untagged: alpine:latest\n/);
  assert.equal(gone.stderr, 'Error response from daemon: No such image: nope:latest\n');
  await run(sh, 'docker pull alpine');
  await run(sh, 'docker run -d alpine sleep 100');
  const used = await run(sh, 'docker rmi -f nope alpine:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000');
  assert.equal(used.exit, 0, 'two missing images: still not fatal');
  const id = (await run(sh, 'docker images -q alpine')).stdout.trim();
  const fatal = await run(sh, `docker rmi -f nope ${id}`);
  assert.equal(fatal.exit, 1);
  assert.match(fatal.stderr, /^Error response from daemon: No such image: nope:latest\nError response from daemon: conflict: unable to delete [0-9a-f]{12} \(cannot be forced\) - image is being used by running container [0-9a-f]{12}\n$/);
});
