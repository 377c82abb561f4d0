import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

test('--restart always: a failing container restarts with waits doubling from 100 ms, Restarting in ps, counted in inspect; stop ends it', async () => {
  const run = session();
  await run('docker run -d --name r1 --restart always alpine sh -c "echo up; exit 1"');
  assert.match((await run('docker ps --format "{{.Status}}"')).out, /^Restarting \(1\) Less than a second ago\n$/);
  await run('sleep 5');
  // waits of 0.1, 0.2, 0.4, 0.8, 1.6 and 3.2 s: six restarts and the seventh planned
  assert.equal((await run('docker inspect -f "{{.RestartCount}} {{.State.Status}} {{.State.Restarting}}" r1')).out, '7 restarting true\n');
  assert.equal((await run('docker logs r1')).out, 'up\n'.repeat(7));
  assert.deepEqual(await run('docker kill r1'), { out: '', err: `Error response from daemon: cannot kill container: r1: Container ${(await run('docker inspect -f "{{.Id}}" r1')).out.trim()} is restarting, wait until the container is running\n`, exit: 1 });
  await run('docker stop r1');
  await run('sleep 5');
  assert.equal((await run('docker inspect -f "{{.RestartCount}} {{.State.Status}}" r1')).out, '7 exited\n');
  await run('docker start r1');
  assert.equal((await run('docker inspect -f "{{.RestartCount}}" r1')).out, '4\n', 'a start by hand counts afresh: 0.1, 0.2 and 0.4 s, and the next planned');
});

test('on-failure:N gives up after N restarts and not after a clean exit; a kill by hand is not restarted; a run of 10 s resets the wait', async () => {
  const run = session();
  await run('docker run -d --name r2 --restart on-failure:2 alpine sh -c "exit 3"');
  await run('docker run -d --name ok --restart on-failure alpine true');
  await run('docker run -d --name web --restart always nginx');
  await run('docker kill web');
  await run('docker run -d --name slow --restart unless-stopped alpine sh -c "sleep 12"');
  await run('sleep 30');
  assert.equal((await run('docker ps -a --format "{{.Names}} {{.Status}}"')).out, 'slow Up 7 seconds\nweb Exited (137) 33 seconds ago\nok Exited (0) 35 seconds ago\nr2 Exited (3) 35 seconds ago\n');
  assert.equal((await run('docker inspect -f "{{.RestartCount}}" r2 ok web slow')).out, '2\n0\n0\n2\n');
});
