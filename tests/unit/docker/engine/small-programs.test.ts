import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt, runOnce } from './fixtures';

test('a shell names itself in its errors as it was typed (argv[0]): /bin/sh, /bin/bash', async () => {
  const e = engine();
  await pull(e, 'alpine', 'debian');
  const err = async (image: string, ...cmd: string[]) => (await runOnce(e, image, cmd)).err;
  assert.equal(await err('alpine', '/bin/sh', '-c', 'nope'), '/bin/sh: nope: not found\n');
  assert.equal(await err('alpine', 'sh', '-c', 'nope'), 'sh: nope: not found\n');
  assert.equal(await err('debian', '/bin/sh', '-c', 'nope'), '/bin/sh: 1: nope: not found\n');
  assert.equal(await err('debian', 'bash', '-c', 'nope'), 'bash: line 1: nope: command not found\n');
  assert.equal(await err('debian', '/bin/bash', '-c', 'nope'), '/bin/bash: line 1: nope: command not found\n');
  assert.equal(await err('debian', '/bin/sh', '--x'), '/bin/sh: 0: Illegal option --\n');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type('/bin/sh -c \'echo $0; nope\''), '/bin/sh\n/bin/sh: 1: nope: not found\n');
});
