import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

test('stop/restart -s: moby/sys ParseSignal refuses the signal of a running container, each with its wrapping', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  assert.deepEqual(await run('docker stop -s FOO web'), { out: '', err: 'Error response from daemon: cannot stop container: web: invalid signal: FOO\n', exit: 1 });
  assert.deepEqual(await run('docker restart --signal 0 web'), { out: '', err: 'Error response from daemon: Cannot restart container web: invalid signal: 0\n', exit: 1 });
  assert.match((await run('docker ps')).out, /Up \d+ seconds/, 'still running');
  assert.deepEqual(await run('docker kill -s -1 web'), { out: '', err: 'Error response from daemon: cannot kill container: web: the linux daemon does not support signal -1\n', exit: 1 });
  // A stopped container is not signalled, so the signal is never read.
  await run('docker stop web');
  assert.deepEqual(await run('docker stop -s FOO web'), { out: 'web\n', err: '', exit: 0 });
  assert.deepEqual(await run('docker restart -s FOO web'), { out: 'web\n', err: '', exit: 0 });
});

test('stop -s KILL ends a process that ignores SIGTERM at once, without the grace period', async () => {
  const run = session();
  await run('docker run -d --name sl alpine sleep 1000');
  assert.deepEqual(await run('docker stop -s KILL sl'), { out: 'sl\n', err: '', exit: 0 });
  const [code, started, finished] = (await run('docker inspect -f "{{.State.ExitCode}} {{.State.StartedAt}} {{.State.FinishedAt}}" sl')).out.trim().split(' ');
  assert.equal(code, '137');
  assert.ok(Date.parse(finished) - Date.parse(started) < 5000, `no 10 s wait: ${started} ${finished}`);
});

test('kill -s: a number is read as Go\'s Atoi reads it, sign included', async () => {
  const run = session();
  await run('docker run -d --name sl alpine sleep 1000');
  assert.equal((await run('docker kill -s 99 sl')).err, 'Error response from daemon: cannot kill container: sl: the linux daemon does not support signal 99\n');
  assert.equal((await run('docker kill -s +0 sl')).err, 'Error response from daemon: cannot kill container: sl: invalid signal: +0\n');
  assert.deepEqual(await run('docker kill -s +9 sl'), { out: 'sl\n', err: '', exit: 0 });
  assert.equal((await run('docker inspect -f "{{.State.ExitCode}}" sl')).out, '137\n');
});
