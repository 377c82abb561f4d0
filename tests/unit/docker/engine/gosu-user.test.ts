/**
 * The redis, postgres and mysql entrypoints start as root and step down with gosu: PID 1 runs as
 * the image's user, which `docker top` (the host's ps) shows by UID, and ps inside by name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';

const users = async (run: ReturnType<typeof session>, name: string) =>
  (await run(`docker top ${name}`)).out.split('\n').slice(1).filter(Boolean).map((l) => l.split(/\s{2,}/)[0] + ' ' + l.split(/\s{2,}/).at(-1));

test('docker top: redis-server and postgres run as 999, redis:alpine as 999, postgres:alpine as 70', async () => {
  const run = session();
  await run('docker run -d --name rr redis');
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x postgres');
  await run('docker run -d --name pa -e POSTGRES_PASSWORD=x postgres:alpine');
  assert.deepEqual(await users(run, 'rr'), ['999 redis-server *:6379']);
  const pg = await users(run, 'pg');
  assert.equal(pg[0], '999 postgres');
  assert.ok(pg.every((l) => l.startsWith('999 ')));
  assert.equal((await users(run, 'pa'))[0], '70 postgres');
  // PID 1 still hangs from the shim; its workers from it.
  const [main, worker] = (await run('docker top pg')).out.split('\n').slice(1).map((l) => l.split(/\s+/));
  assert.equal(worker[2], main[1]);
  assert.equal(Number(main[2]), Number(main[1]) - 23);
  // exec'd commands are root, as the container's user is.
  assert.equal((await run('docker exec rr id')).out, 'uid=0(root) gid=0(root) groups=0(root)\n');
});

test('ps inside names the user; -u keeps the given user (no step down)', async () => {
  const run = session();
  await run('docker run -d --name ra redis:alpine');
  assert.match((await run('docker exec ra ps')).out, /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 redis {5}0:00 redis-server \*:6379\n/);
  await run('docker run -d --name ru -u 1000 redis');
  assert.deepEqual(await users(run, 'ru'), ['1000 redis-server *:6379']);
});
