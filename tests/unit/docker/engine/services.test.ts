import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { engine, execIt, pull, term } from './fixtures';
import { session } from '../client/session';


test('redis: the real startup log, redis-cli one-shot (raw without a terminal, typed on one) and errors', async () => {
  const run = session();
  await run('docker run -d --name cache redis');
  const logs = (await run('docker logs cache')).out;
  assert.match(logs, /^Starting Redis Server\n1:C \d\d \w{3} 2025 [\d:.]+ # WARNING Memory overcommit/);
  assert.match(logs, /\* Redis version=8\.0\.2, bits=64, commit=00000000, modified=1, pid=1, just started\n/);
  assert.match(logs, /1:M .* \* Ready to accept connections tcp\n$/);
  assert.deepEqual(await run('docker exec cache redis-cli ping'), { out: 'PONG\n', err: '', exit: 0 });
  assert.deepEqual(await run('docker exec cache redis-cli set nombre Ana'), { out: 'OK\n', err: '', exit: 0 });
  assert.deepEqual(await run('docker exec cache redis-cli get nombre'), { out: 'Ana\n', err: '', exit: 0 });
  assert.deepEqual(await run('docker exec -t cache redis-cli get nombre'), { out: '"Ana"\n', err: '', exit: 0 });
  assert.equal((await run('docker exec cache redis-cli incr nombre')).out, 'ERR value is not an integer or out of range\n');
  assert.match((await run('docker top cache')).out, /redis-server \*:6379\n$/);
  assert.deepEqual((await run('docker inspect -f "{{.Config.WorkingDir}} {{json .Config.Volumes}} {{json .Config.ExposedPorts}}" cache')).out, '/data {"/data":{}} {"6379/tcp":{}}\n');
  // Without a server the client says so.
  assert.equal((await run('docker exec cache redis-cli -h nohost ping')).err, 'Could not connect to Redis at nohost:6379: Name or service not known\n');
  assert.equal((await run('docker exec cache redis-cli -p 7000 ping')).err, 'Could not connect to Redis at 127.0.0.1:7000: Connection refused\n');
});

test('redis-cli interactive: its prompt, typed replies, unknown commands and quit; the data lives in the server', async () => {
  const e = engine();
  await pull(e, 'redis');
  const { Id } = await e.containerCreate({ Image: 'redis' }, 'cache');
  await e.containerStart(Id);
  const cli = await execIt(e, Id, ['redis-cli']);
  assert.equal(cli.h.prompt(), '127.0.0.1:6379> ');
  assert.equal(await cli.type('PING'), 'PONG\n');
  assert.equal(await cli.type('set visitas 10'), 'OK\n');
  assert.equal(await cli.type('INCR visitas'), '(integer) 11\n');
  assert.equal(await cli.type('get visitas'), '"11"\n');
  assert.equal(await cli.type('get nada'), '(nil)\n');
  assert.equal(await cli.type('set "dos palabras" "hola mundo"'), 'OK\n');
  assert.equal(await cli.type('keys *'), '1) "visitas"\n2) "dos palabras"\n');
  assert.equal(await cli.type('exists visitas nada'), '(integer) 1\n');
  assert.equal(await cli.type('hola que tal'), "(error) ERR unknown command 'hola', with args beginning with: 'que' 'tal' \n");
  assert.equal(await cli.type('get'), "(error) ERR wrong number of arguments for 'get' command\n");
  assert.equal(await cli.type('del visitas'), '(integer) 1\n');
  assert.equal(await cli.type('quit'), '');
  assert.ok(cli.h.exited);
  const again = await execIt(e, Id, ['redis-cli']);
  assert.equal(await again.type('keys *'), '1) "dos palabras"\n');
  assert.equal(await again.type('flushall'), 'OK\n');
  assert.equal(await again.type('keys *'), '(empty array)\n');
  // In a container without a server: the error, then the other prompt.
  await pull(e, 'alpine');
  const other = await e.containerCreate({ Image: 'redis', Cmd: ['sleep', '100'] });
  await e.containerStart(other.Id);
  const lost = await execIt(e, other.Id, ['redis-cli']);
  assert.equal(lost.start, 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
  assert.equal(lost.h.prompt(), 'not connected> ');
});

test('redis saves its data set in /data on docker stop and loads it on start; a saved engine keeps it', async () => {
  const run = session();
  await run('docker run -d --name cache redis');
  await run('docker exec cache redis-cli set curso docker');
  await run('docker stop cache');
  assert.match((await run('docker logs cache')).out, /1:signal-handler \(\d+\) Received SIGTERM scheduling shutdown\.\.\.\n1:M .* \* User requested shutdown\.\.\.\n.*\* Saving the final RDB snapshot before exiting\.\n.*\* DB saved on disk\n.*# Redis is now ready to exit, bye bye\.\.\.\n$/);
  assert.equal((await run('docker exec cache ls')).err, `Error response from daemon: container ${(await run('docker inspect -f {{.Id}} cache')).out.trim()} is not running\n`);
  await run('docker start cache');
  assert.match((await run('docker logs cache')).out, /\* Done loading RDB, keys loaded: 1, keys expired: 0\.\n/);
  assert.equal((await run('docker exec cache redis-cli get curso')).out, 'docker\n');
  assert.equal((await run('docker exec cache ls /data')).out, 'dump.rdb\n');

  const e = engine();
  await pull(e, 'redis');
  const { Id } = await e.containerCreate({ Image: 'redis' });
  await e.containerStart(Id);
  await e.exec(Id, { Cmd: ['redis-cli', 'set', 'k', 'v'] }, term(false));
  const b = createEngine({ seed: 7, state: JSON.parse(JSON.stringify(e.save())) });
  const io = term(false);
  await b.exec(Id, { Cmd: ['redis-cli', 'get', 'k'] }, io);
  assert.equal(io.text, 'v\n');
});

test('redis-server and postgres with options on the command line are still the servers', async () => {
  const run = session();
  await run('docker run -d --name cache redis redis-server --appendonly yes');
  assert.deepEqual(await run('docker exec cache redis-cli ping'), { out: 'PONG\n', err: '', exit: 0 });
  await run('docker run -d --name db -e POSTGRES_PASSWORD=x postgres postgres -c max_connections=200');
  assert.match((await run('docker logs db')).err, /database system is ready to accept connections\n$/);
});

test('an option as the first argument goes to the server each entrypoint script starts', async () => {
  const run = session();
  await run('docker run -d --name cache redis --appendonly yes');
  assert.deepEqual(await run('docker exec cache redis-cli ping'), { out: 'PONG\n', err: '', exit: 0 });
  await run('docker run -d --name db -e POSTGRES_PASSWORD=x postgres -c max_connections=200');
  assert.match((await run('docker logs db')).err, /database system is ready to accept connections\n$/);
  await run('docker pull -q node');
  assert.deepEqual(await run('docker run --rm node --version'), { out: 'v24.2.0\n', err: '', exit: 0 });
  assert.match((await run('docker run --rm node missing.js')).err, /Error: Cannot find module '\/missing.js'/);
});

test("nginx's entrypoint execs what it is given, and the shell says when that is no command (line 47)", async () => {
  const run = session();
  await run('docker pull -q nginx');
  await run('docker pull -q nginx:alpine');
  assert.deepEqual(await run("docker run nginx -g 'daemon off;'"), { out: '', err: '/docker-entrypoint.sh: 47: exec: -g: not found\n', exit: 127 });
  assert.deepEqual(await run('docker run nginx:alpine nope'), { out: '', err: '/docker-entrypoint.sh: exec: line 47: nope: not found\n', exit: 127 });
  assert.deepEqual(await run('docker run nginx /etc/passwd'), { out: '', err: '/docker-entrypoint.sh: 47: exec: /etc/passwd: Permission denied\n', exit: 126 });
  assert.match((await run('docker ps -a --format "{{.Status}}"')).out, /^Exited \(126\)/);
  assert.deepEqual(await run('docker run --rm nginx echo hola'), { out: 'hola\n', err: '', exit: 0 });
});

test('redis-cli reaches another container by name on a user network, as a TCP client does', async () => {
  const run = session();
  await run('docker pull -q redis');
  await run('docker network create red');
  await run('docker run -d --name cache --network red redis:alpine');
  assert.deepEqual(await run('docker run --rm --network red redis redis-cli -h cache ping'), { out: 'PONG\n', err: '', exit: 0 });
});

test('postgres without POSTGRES_PASSWORD exits 1 with the entrypoint\'s error in its logs', async () => {
  const run = session();
  await run('docker run -d --name db postgres');
  assert.equal((await run('docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" db')).out, 'exited 1\n');
  const logs = await run('docker logs db');
  assert.equal(logs.out, '');
  assert.match(logs.err, /^Error: Database is uninitialized and superuser password is not specified\.\n {7}You must specify POSTGRES_PASSWORD to a non-empty value for the\n/);
  assert.match(logs.err, /https:\/\/www\.postgresql\.org\/docs\/current\/auth-trust\.html\n$/);
});

test('postgres with a password: initdb, the temporary server, then ready; a restart skips initialization', async () => {
  const run = session();
  await run('docker run -d --name db -e POSTGRES_PASSWORD=secreto postgres');
  const logs = await run('docker logs db');
  assert.match(logs.out, /^The files belonging to this database system will be owned by user "postgres"\.\n/);
  assert.match(logs.out, /PostgreSQL init process complete; ready for start up\.\n\n$/);
  assert.match(logs.err, /\[1\] LOG: {2}starting PostgreSQL 17\.5 \(Debian 17\.5-1\.pgdg120\+1\) on x86_64-pc-linux-gnu, compiled by gcc \(Debian 12\.2\.0-14\) 12\.2\.0, 64-bit\n/);
  assert.match(logs.err, /\[1\] LOG: {2}database system is ready to accept connections\n$/);
  assert.equal((await run('docker inspect -f "{{.Config.StopSignal}}" db')).out, 'SIGINT\n');
  // The workers run as the image's postgres user (UID 999), which the host has no name for.
  assert.match((await run('docker top db')).out, /\n999 +\d+ +\d+ .* postgres: checkpointer/);
  await run('docker stop db');
  assert.match((await run('docker logs db')).err, /\[1\] LOG: {2}received fast shutdown request\n[^]*\[1\] LOG: {2}database system is shut down\n$/);
  await run('docker start db');
  assert.match((await run('docker logs db')).out, /\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n$/);
  assert.deepEqual(await run('docker exec db psql'), { out: '', err: 'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  role "root" does not exist\n', exit: 2 });
  assert.equal((await run('docker exec db psql -U postgres -c "SELECT version();"')).out.split('\n')[2], ' PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit');
  await run('docker run -d --name db2 -e POSTGRES_PASSWORD=x postgres:alpine');
  assert.match((await run('docker logs db2')).err, /starting PostgreSQL 17\.5 on x86_64-pc-linux-musl, compiled by gcc \(Alpine 14\.2\.0\) 14\.2\.0, 64-bit/);
});

test('psql: banner, prompt, \\l, \\dt, SELECT version(), statements over several lines, \\q', async () => {
  const e = engine();
  await pull(e, 'postgres');
  const { Id } = await e.containerCreate({ Image: 'postgres', Env: ['POSTGRES_PASSWORD=x'] });
  await e.containerStart(Id);
  const p = await execIt(e, Id, ['psql', '-U', 'postgres']);
  assert.equal(p.start, 'psql (17.5 (Debian 17.5-1.pgdg120+1))\nType "help" for help.\n\n');
  assert.equal(p.h.prompt(), 'postgres=# ');
  const l = (await p.type('\\l')).split('\n');
  assert.equal(l[1], '   Name    |  Owner   | Encoding | Locale Provider |  Collate   |   Ctype    | Locale | ICU Rules |   Access privileges   ');
  assert.equal(l[4], ' template0 | postgres | UTF8     | libc            | en_US.utf8 | en_US.utf8 |        |           | =c/postgres          +');
  assert.equal(l[8], '(3 rows)');
  assert.equal(await p.type('\\dt'), 'Did not find any relations.\n');
  assert.equal(await p.type('SELECT'), '');
  assert.equal(p.h.prompt(), 'postgres-# ');
  assert.match(await p.type('version();'), /^ +version +\n-+\n PostgreSQL 17\.5 .*\n\(1 row\)\n\n$/);
  assert.equal(await p.type('hola;'), 'ERROR:  syntax error at or near "hola"\nLINE 1: hola;\n        ^\n');
  assert.equal(await p.type('\\x1'), 'invalid command \\x1\nTry \\? for help.\n');
  await p.type('\\q');
  assert.ok(p.h.exited);
});
