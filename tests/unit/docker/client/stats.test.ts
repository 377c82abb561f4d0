import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

const HEADER = /^CONTAINER ID +NAME +CPU % +MEM USAGE \/ LIMIT +MEM % +NET I\/O +BLOCK I\/O +PIDS\n/;

test('stats --no-stream: one table of the running containers (all with -a), deterministic', async () => {
  const run = session();
  assert.equal((await run('docker stats --no-stream')).out, 'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS\n');
  await run('docker run -d --name box alpine sleep 1000');
  await run('docker create --name cre alpine');
  const r = await run('docker stats --no-stream');
  assert.match(r.out, HEADER);
  assert.match(r.out, /\n[0-9a-f]{12} {3}box {7}\d+\.\d\d% +[\d.]+[KM]iB \/ 7\.753GiB +\d+\.\d\d% +[\d.]+k?B \/ 0B +[\d.]+k?B \/ 0B +1\n$/);
  assert.equal((await run('docker stats --no-stream')).out, r.out, 'the same numbers again');
  const all = (await run('docker container stats -a --no-stream --format "{{.Name}} {{.MemUsage}} {{.MemPerc}} {{.NetIO}} {{.PIDs}}"')).out;
  assert.match(all, /^cre 0B \/ 0B 0\.00% 0B \/ 0B 0\nbox /);
});

test('stats of named containers: as named, --format json, --no-trunc, errors joined', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  const id = (await run('docker inspect -f "{{.Id}}" box')).out.trim();
  const j = JSON.parse((await run('docker stats --no-stream --format json box')).out);
  assert.deepEqual(Object.keys(j), ['BlockIO', 'CPUPerc', 'Container', 'ID', 'MemPerc', 'MemUsage', 'Name', 'NetIO', 'PIDs']);
  assert.equal(j.Container, 'box');
  assert.equal(j.ID, id.slice(0, 12));
  assert.equal((await run('docker stats --no-stream --no-trunc --format "{{.ID}}" ' + id.slice(0, 5))).out, id + '\n');
  assert.deepEqual(await run('docker stats --no-stream box nope nada'), { out: '', err: 'Error response from daemon: No such container: nope\nError response from daemon: No such container: nada\n', exit: 1 });
});

test("stats: the servers' threads and memory at rest (PIDS counts threads; a master leaves them to its workers)", async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql');
  await run('docker run -d --name ap httpd:2.4');
  await run('docker run -d --name web nginx');
  const rows = (await run('docker stats --no-stream --format "{{.Name}} {{.MemUsage}} {{.PIDs}}"')).out;
  assert.match(rows, /^db 4\d\d\.\d+MiB \/ 7\.753GiB 37$/m);
  assert.match(rows, /^ap \d+\.\d+MiB \/ 7\.753GiB 82$/m);
  assert.match(rows, /^web \d\.\d+MiB \/ 7\.753GiB 5$/m);
});

test("httpd runs as httpd -DFOREGROUND (httpd-foreground execs it) with three children as www-data", async () => {
  const run = session();
  await run('docker run -d --name ap httpd:2.4');
  const top = (await run('docker top ap')).out.split('\n').slice(1, -1);
  assert.deepEqual(top.map((l) => [l.split(/ +/)[0], l.split(/ {2,}/).pop()]), [['root', 'httpd -DFOREGROUND'], ...Array(3).fill(['www-data', 'httpd -DFOREGROUND'])]);
});
