import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

test('mongo: on ubuntu noble (7.0 on jammy), sharing its layer; config of the official Dockerfile', async () => {
  const run = session();
  await run('docker pull ubuntu');
  const p = await run('docker pull mongo');
  assert.equal(p.exit, 0);
  assert.match(p.out, /^[0-9a-f]{12}: Already exists$/m);
  assert.equal((p.out.match(/Pull complete/g) ?? []).length, 7);
  assert.match((await run('docker images mongo')).out, /mongo +latest +\w+ +.+ +891MB\n/);
  const c = JSON.parse((await run("docker inspect -f '{{json .Config}}' mongo")).out);
  assert.deepEqual([c.Entrypoint, c.Cmd, c.ExposedPorts, Object.keys(c.Volumes)], [['docker-entrypoint.sh'], ['mongod'], { '27017/tcp': {} }, ['/data/configdb', '/data/db']]);
  assert.ok(c.Env.includes('MONGO_VERSION=8.0.10') && c.Env.includes('HOME=/data/db'));
  await run('docker pull ubuntu:22.04');
  assert.match((await run('docker pull mongo:7')).out, /Already exists/);
  assert.match((await run('docker history --no-trunc mongo:7')).out, /RUN \|2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org \/bin\/sh -c echo .*jammy/);
});

test('mongo: mongod stays up with its JSON log as the mongodb user, and leaves on docker stop', async () => {
  const run = session();
  assert.equal((await run('docker run -d --name db mongo')).exit, 0);
  const log = (await run('docker logs db')).out;
  assert.match(log, /^\{"t":\{"\$date":"[\d-]+T[\d:.]+\+00:00"\},"s":"I", {2}"c":"CONTROL", {2}"id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":\{"pid":1,"port":27017,"dbPath":"\/data\/db"/m);
  assert.match(log, /"c":"NETWORK", {2}"id":23016, {3}"ctx":"listener","msg":"Waiting for connections","attr":\{"port":27017,"ssl":"off"\}\}\n$/);
  assert.match((await run('docker ps')).out, /Up .* 27017\/tcp +db/);
  assert.match((await run('docker top db')).out, /999 .* mongod --bind_ip_all/);
  assert.equal((await run('docker exec db mongosh --version')).out, '2.5.2\n');
  assert.match((await run('docker exec db mongod --version')).out, /^db version v8\.0\.10\nBuild Info: \{\n {4}"version": "8\.0\.10",/);
  await run('docker stop db');
  assert.match((await run('docker logs db')).out, /"msg":"Shutting down","attr":\{"exitCode":0\}\}\n$/);
  assert.match((await run("docker inspect -f '{{.State.ExitCode}}' db")).out, /^0\n/);
});

test('mongo: a root user needs both MONGO_INITDB_ROOT_ variables; with both, init runs once and auth is on', async () => {
  const run = session();
  await run('docker pull -q mongo');
  const r = await run('docker run -e MONGO_INITDB_ROOT_PASSWORD=x mongo');
  assert.equal(r.err, "\nerror: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created\n\n");
  assert.equal(r.exit, 1);
  await run('docker run -d --name db -e MONGO_INITDB_ROOT_USERNAME=root -e MONGO_INITDB_ROOT_PASSWORD=x mongo');
  const log = (await run('docker logs db')).out;
  assert.match(log, /MongoDB init process complete; ready for start up\.\n/);
  assert.match(log, /"options":\{"net":\{"bindIp":"\*"\},"security":\{"authorization":"enabled"\}\}/);
  await run('docker restart db');
  assert.equal((await run('docker logs db')).out.match(/init process complete/g)?.length, 1);
});
