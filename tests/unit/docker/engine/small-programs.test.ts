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

test("bash's indirect expansion ${!ref} and ${!prefix*}; dash and ash refuse it", async () => {
  const e = engine();
  await pull(e, 'alpine', 'debian');
  const run = async (image: string, ...cmd: string[]) => {
    const r = await runOnce(e, image, cmd);
    return r.out + r.err + r.state.ExitCode;
  };
  assert.equal(await run('debian', 'bash', '-c', 'a=b; b=c; echo ${!a} "${!a}"; AB=1 AC=2; echo ${!A*}; n=1; echo ${!n} ${!}', 'x', 'one'), 'c c\nAB AC\none\n0');
  assert.equal(await run('debian', 'bash', '-c', 'echo ${!nope}; echo after'), 'bash: line 1: nope: invalid indirect expansion\n1');
  assert.equal(await run('debian', 'bash', '-c', 'a="b c"; echo ${!a}'), 'bash: line 1: b c: invalid variable name\n1');
  assert.equal(await run('debian', 'sh', '-c', 'a=b; echo ${!a}'), 'sh: 1: Bad substitution\n2');
  assert.equal(await run('alpine', 'sh', '-c', 'a=b; echo ${!a}'), 'sh: Bad substitution\n2');
});

test('python3 -VV adds the build line of its banner; buster says GNU tar 1.30', async () => {
  const e = engine();
  await pull(e, 'python:3.13', 'node:14', 'debian');
  assert.match((await runOnce(e, 'python:3.13', ['python3', '-VV'])).out, /^Python 3\.13\.\d+ \(main, \w{3} [ \d]\d 20\d\d, \d\d:\d\d:\d\d\) \[GCC 12\.2\.0\]\n$/);
  assert.match((await runOnce(e, 'python:3.13', ['python3', '-V'])).out, /^Python 3\.13\.\d+\n$/);
  assert.match((await runOnce(e, 'node:14', ['tar', '--version'])).out, /^tar \(GNU tar\) 1\.30\nCopyright \(C\) 2017 /);
  assert.match((await runOnce(e, 'debian', ['tar', '--version'])).out, /^tar \(GNU tar\) 1\.34\nCopyright \(C\) 2021 /);
});
