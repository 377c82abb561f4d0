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
