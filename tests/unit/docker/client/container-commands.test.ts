/** port, rename, top and wait, as docker/cli 28.2.2 and moby print them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { session } from './session';

test('port lists the bindings in natural order, IPv4 before IPv6, or those of one port', async () => {
  const run = session();
  await run('docker run -d --name web -p 8080:80 -p 127.0.0.1:5353:53/udp -p 9443:443 nginx');
  assert.equal((await run('docker port web')).out,
    '53/udp -> 127.0.0.1:5353\n80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n443/tcp -> 0.0.0.0:9443\n443/tcp -> [::]:9443\n');
  assert.equal((await run('docker port web 80')).out, '0.0.0.0:8080\n[::]:8080\n');
  assert.equal((await run('docker container port web 53/udp')).out, '127.0.0.1:5353\n');
  assert.deepEqual(await run('docker port web 53'), { out: '', err: "Error: No public port '53' published for web\n", exit: 1 });
  assert.equal((await run('docker port web 80/udp')).err, "Error: No public port '80/udp' published for web\n");
  assert.equal((await run('docker port web http')).err, 'Error: invalid port (http): strconv.ParseUint: parsing "http": invalid syntax\n');
  assert.equal((await run('docker port web 70000')).err, 'Error: invalid port (70000): strconv.ParseUint: parsing "70000": value out of range\n');
  assert.equal((await run('docker port nope')).err, 'Error response from daemon: No such container: nope\n');
  await run('docker stop web');
  assert.deepEqual(await run('docker port web'), { out: '', err: '', exit: 0 });
  assert.match((await run('docker port')).err, /^docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER \[PRIVATE_PORT\[\/PROTO\]\]\n/);
});

test('rename changes the name everywhere; its errors come with the client\'s own line', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('docker create --name other alpine');
  assert.deepEqual(await run('docker rename web site'), { out: '', err: '', exit: 0 });
  assert.equal((await run('docker ps --format "{{.Names}}"')).out, 'site\n');
  assert.equal((await run('docker inspect -f "{{.Name}}" site')).out, '/site\n');
  const fail = (daemon: string, name: string) => ({ out: '', err: `Error response from daemon: ${daemon}\nError: failed to rename container named ${name}\n`, exit: 1 });
  assert.deepEqual(await run('docker rename site site'), fail('Renaming a container with the same name as its current name', 'site'));
  assert.deepEqual(await run('docker container rename nope x1'), fail('No such container: nope', 'nope'));
  assert.deepEqual(await run("docker rename site 'a b'"), fail('Error when allocating new name: Invalid container name (/a b), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed', 'site'));
  const id = (await run('docker inspect -f "{{.Id}}" other')).out.trim();
  assert.deepEqual(await run('docker rename site other'), fail(`Error when allocating new name: Conflict. The container name "/other" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`, 'site'));
  assert.deepEqual(await run("docker rename ' ' x1"), { out: '', err: 'Error: Neither old nor new names may be empty\n', exit: 1 });
  // The old name is free again.
  assert.equal((await run('docker run -d --name web alpine sleep 60')).exit, 0);
});

test('top prints ps -ef of the container with host PIDs, exec\'d processes under the shim', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 600');
  await run('sleep 120');
  await run('docker exec -d box sleep 300');
  const lines = (await run('docker top box')).out.split('\n');
  assert.equal(lines[0], 'UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD');
  const rows = lines.slice(1, -1).map((l) => l.split(/ {3,}/));
  assert.equal(rows.length, 2);
  const [main, exec] = rows;
  assert.equal(main[7], 'sleep 600');
  assert.equal(exec[7], 'sleep 300');
  assert.ok(Number(main[1]) > 1 && Number(exec[1]) > Number(main[1]), 'host PIDs');
  assert.equal(exec[2], main[2], 'an exec\'d process is the shim\'s child, as PID 1 is');
  assert.notEqual(exec[4], main[4], 'each process has its own start time');
  await run('docker stop -t 0 box');
  const id = (await run('docker inspect -f "{{.Id}}" box')).out.trim();
  assert.deepEqual(await run('docker container top box'), { out: '', err: `Error response from daemon: container ${id} is not running\n`, exit: 1 });
});

test('top passes ps options to the host\'s ps: BSD aux and x, -o lists, and ps\'s and moby\'s errors', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  const rows = async (line: string) => (await run(line)).out.split('\n').slice(0, -1).map((l) => l.split(/ {3,}/));
  const aux = await rows('docker top web aux');
  assert.deepEqual(aux[0], ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND']);
  assert.deepEqual([aux[1][0], aux[1][7], aux[1][10]], ['root', 'Ss', 'nginx: master process nginx -g daemon off;']);
  assert.deepEqual([aux[2][0], aux[2][7], aux[2][10]], ['101', 'S', 'nginx: worker process']);
  assert.deepEqual((await rows('docker top web -x'))[0], ['PID', 'TTY', 'STAT', 'TIME', 'COMMAND']);
  assert.deepEqual((await rows('docker container top web -o pid,comm'))[2].slice(1), ['nginx'], 'comm is the executable, not the title');
  assert.deepEqual((await rows('docker top web -eo pid,etime'))[0], ['PID', 'ELAPSED']);
  const err = async (line: string) => (await run(line)).err;
  assert.equal(await err('docker top web -o user,comm'), "Error response from daemon: Couldn't find PID field in ps output\n");
  assert.equal(await err('docker top web -o foo'), 'Error response from daemon: ps: error: unknown user-defined format specifier "foo"\n');
  assert.equal(await err('docker top web -Q'), 'Error response from daemon: ps: error: unsupported SysV option\n');
  assert.equal(await err('docker top web --no-headers'), 'Error response from daemon: option --no-headers is not allowed\n');
  assert.equal(await err('docker top web -o user=PID'), 'Error response from daemon: specifying "user=PID" is not allowed\n');
  // each top that answers is an event
  const ev = await run('docker events --since 0 --until 0s --filter event=top --format "{{.Action}}"');
  assert.equal(ev.out, 'top\ntop\ntop\ntop\n');
});

test('wait prints exit codes as containers stop, errors joined at the end', async () => {
  const run = session();
  await run('docker run -d --name short alpine sh -c "sleep 5; exit 3"');
  await run('docker create --name fresh alpine');
  assert.deepEqual(await run('docker wait short nope fresh'), { out: '3\n0\n', err: 'Error response from daemon: No such container: nope\n', exit: 1 });
  await run('docker run -d --name srv nginx');
  // Ctrl+C while waiting for a server that never stops by itself: the cancelled wait exits 0, silent
  const ac = new AbortController();
  const r = await run('docker container wait srv', { signal: ac.signal, sleep: async () => ac.abort() });
  assert.deepEqual(r, { out: '', err: '', exit: 0 });
  assert.equal((await run('docker inspect -f "{{.State.Running}}" srv')).out, 'true\n');
});

test('the new commands check their arguments as cobra does and complete like the others', async () => {
  const run = session();
  const usage = (path: string, what: string, use: string, see = 'Run') =>
    `docker: '${path}' ${what}\n\nUsage:  ${path} ${use}\n\n${see} '${path} --help' for more information\n`;
  assert.deepEqual(await run('docker rename a'), { out: '', err: usage('docker rename', 'requires 2 arguments', 'CONTAINER NEW_NAME'), exit: 1 });
  assert.equal((await run('docker container wait')).err, usage('docker container wait', 'requires at least 1 argument', 'CONTAINER [CONTAINER...]', 'See'));
  assert.equal((await run('docker top')).err, usage('docker top', 'requires at least 1 argument', 'CONTAINER [ps OPTIONS]', 'See'));
  assert.equal((await run('docker stats --no-stream --bogus')).err, "unknown flag: --bogus\n\nUsage:  docker stats [OPTIONS] [CONTAINER...]\n\nRun 'docker stats --help' for more information\n");
  const sh = createShell({ seed: 1 });
  assert.deepEqual(sh.complete('docker container re', 19).candidates, ['remove', 'rename', 'restart']);
  // `stack` is a management command of the client too (cobra offers it, swarm or not)
  assert.deepEqual(sh.complete('docker st', 9).candidates, ['stack', 'start', 'stats', 'stop']);
});

test('exec -u: ps in the container names the user, docker top names the host\'s fixed users and numbers the rest', async () => {
  const run = session();
  await run('docker run -d --name box ubuntu sleep 1000');
  await run('docker exec -d -u nobody box sleep 100');
  await run('docker exec -d -u www-data:www-data box sleep 200');
  await run('docker exec -d -u 1000 box sleep 300');
  const ps = (await run('docker exec box ps aux')).out;
  assert.match(ps, /^nobody +7 .* sleep 100$/m);
  assert.match(ps, /^www-data +8 .* sleep 200$/m);
  const rows = (await run('docker top box')).out.split('\n').slice(1, -1).map((l) => l.split(/ {3,}/));
  assert.deepEqual(rows.map((r) => [r[0], r[7]]), [['root', 'sleep 1000'], ['nobody', 'sleep 100'], ['www-data', 'sleep 200'], ['1000', 'sleep 300']]);
  assert.ok(rows.every((r) => r[2] === rows[0][2]), 'every exec hangs from the shim, as PID 1 does');
});
