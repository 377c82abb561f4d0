import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';

const PG_ROOT = '"root" execution of the PostgreSQL server is not permitted.\n';

test("postgres's entrypoint runs --version, -V, --help and --describe-config as given: no password asked, no initdb", async () => {
  const run = session();
  await run('docker pull -q postgres:16');
  const v = { out: 'postgres (PostgreSQL) 16.9 (Debian 16.9-1.pgdg120+1)\n', err: '', exit: 0 };
  assert.deepEqual(await run('docker run --rm postgres:16 --version'), v);
  assert.deepEqual(await run('docker run --rm postgres:16 postgres --version'), v);
  assert.deepEqual(await run('docker run --rm postgres:16 postgres -V'), v);
  const help = await run('docker run --rm postgres:16 --help');
  assert.equal(help.exit, 0);
  assert.match(help.out, /^postgres is the PostgreSQL server\.\n\nUsage:\n  postgres \[OPTION\]\.\.\.\n\nOptions:\n  -B NBUFFERS/);
  assert.match(help.out, /\n  -\?, --help         show this help, then exit\n[^]*PostgreSQL home page: <https:\/\/www\.postgresql\.org\/>\n$/);
  assert.deepEqual(await run('docker run --rm postgres:16 postgres -?'), help);
  const cfg = await run('docker run --rm postgres:16 --describe-config');
  assert.match(cfg.out, /^max_connections\tpostmaster\t[^\n]*\tINTEGER\t100\t/);
  assert.equal(cfg.exit, 0);
  // the script found a help option anywhere; postgres itself reads it only first, so as root it refuses
  const late = await run('docker run --rm postgres:16 -c max_connections=5 --version');
  assert.equal(late.exit, 1);
  assert.ok(late.err.startsWith(PG_ROOT));
  // nothing was initialized in any of them: a data directory still needs its password
  assert.equal((await run('docker ps -a -q')).out, '');
  assert.match((await run('docker run --rm postgres:16')).err, /^Error: Database is uninitialized and superuser password is not specified\./);
});

test("mysql's entrypoint runs --version and --help without MYSQL_ROOT_PASSWORD; mysql --version is the client's", async () => {
  const run = session();
  await run('docker pull -q mysql');
  const v = { out: '/usr/sbin/mysqld  Ver 9.3.0 for Linux on x86_64 (MySQL Community Server - GPL)\n', err: '', exit: 0 };
  assert.deepEqual(await run('docker run --rm mysql --version'), v);
  assert.deepEqual(await run('docker run --rm mysql mysqld --version'), v);
  assert.deepEqual(await run('docker run --rm mysql mysqld -V'), v);
  const brief = await run('docker run --rm mysql --help');
  assert.equal(brief.exit, 0);
  assert.ok(brief.out.startsWith(v.out + 'Copyright (c) 2000, 2025, Oracle and/or its affiliates.\n'));
  assert.match(brief.out, /\nUsage: \/usr\/sbin\/mysqld \[OPTIONS\]\n\nFor more help options \(several pages\), use mysqld --verbose --help\.\n$/);
  const verbose = await run('docker run --rm mysql --verbose --help');
  assert.match(verbose.out, /\nDefault options are read from the following files in the given order:\n\/etc\/my\.cnf \/etc\/mysql\/my\.cnf \/usr\/etc\/my\.cnf ~\/\.my\.cnf \nThe following groups are read: mysqld server mysqld-9\.3\n/);
  assert.deepEqual(await run('docker run --rm mysql mysql --version'), { out: 'mysql  Ver 9.3.0 for Linux on x86_64 (MySQL Community Server - GPL)\n', err: '', exit: 0 });
  // without a help option the setup still asks for a password
  assert.match((await run('docker run --rm mysql')).err, /Database is uninitialized and password option is not specified/);
});

test('redis: an option first becomes redis-server …; --version answers and leaves', async () => {
  const run = session();
  await run('docker pull -q redis');
  const v = { out: 'Redis server v=8.0.2 sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=c4b4e9a1d8f53a7\n', err: '', exit: 0 };
  assert.deepEqual(await run('docker run --rm redis --version'), v);
  assert.deepEqual(await run('docker run --rm redis redis-server -v'), v);
  assert.deepEqual(await run('docker run --rm redis redis-cli --version'), { out: 'redis-cli 8.0.2\n', err: '', exit: 0 });
  await run('docker run -d --name cache redis --appendonly yes');
  assert.equal((await run('docker inspect -f "{{.State.Running}}" cache')).out, 'true\n');
});

test("nginx's entrypoint configures, then execs nginx with the options given: -v, -V and -t answer on stderr", async () => {
  const run = session();
  await run('docker pull -q nginx');
  const v = await run('docker run --rm nginx nginx -v');
  assert.equal(v.err, 'nginx version: nginx/1.27.5\n');
  assert.equal(v.exit, 0);
  assert.match(v.out, /^\/docker-entrypoint\.sh: \/docker-entrypoint\.d\/ is not empty[^]*\/docker-entrypoint\.sh: Configuration complete; ready for start up\n$/);
  const t = await run('docker run --rm nginx nginx -t');
  assert.equal(t.err, 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
  assert.equal(t.out, v.out);
  assert.deepEqual(await run('docker run --rm nginx -v'), { out: '', err: '/docker-entrypoint.sh: 47: exec: -v: not found\n', exit: 127 });
});

test('redis:7 and redis:7-alpine are 7.4.4, images of their own: no modules, no banner line, gosu on Debian', async () => {
  const run = session();
  assert.equal((await run('docker pull -q redis:7')).exit, 0);
  assert.equal((await run('docker pull -q redis:7-alpine')).exit, 0);
  assert.deepEqual(await run('docker run --rm redis:7 --version'), { out: 'Redis server v=7.4.4 sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=c4b4e9a1d8f53a7\n', err: '', exit: 0 });
  assert.equal((await run('docker run --rm redis:7-alpine redis-cli --version')).out, 'redis-cli 7.4.4\n');
  await run('docker run -d --name cache redis:7.4.4-bookworm');
  const logs = (await run('docker logs cache')).out;
  assert.match(logs, /^1:C .* # WARNING Memory overcommit/);
  assert.match(logs, /\* Redis version=7\.4\.4, /);
  assert.doesNotMatch(logs, /Module '/);
  assert.deepEqual(await run('docker exec cache redis-cli ping'), { out: 'PONG\n', err: '', exit: 0 });
  assert.match((await run("docker inspect -f '{{json .Config.Env}}' redis:7")).out, /"GOSU_VERSION=1\.17","REDIS_VERSION=7\.4\.4","REDIS_DOWNLOAD_URL=http:\/\/download\.redis\.io\/releases\/redis-7\.4\.4\.tar\.gz",/);
  await run('docker pull -q redis');
  assert.notEqual((await run('docker images -q redis:7')).out, (await run('docker images -q redis')).out);
});

test('nginx:stable and nginx:stable-alpine are 1.28.0, their own images on the same bases as mainline', async () => {
  const run = session();
  await run('docker pull -q nginx');
  const pull = await run('docker pull nginx:stable');
  assert.equal(pull.exit, 0);
  // only the Debian base is shared with mainline
  assert.equal(pull.out.match(/Already exists/g)?.length, 1);
  assert.equal((await run('docker pull -q nginx:stable-alpine')).exit, 0);
  assert.equal((await run('docker run --rm nginx:stable nginx -v')).err, 'nginx version: nginx/1.28.0\n');
  assert.equal((await run('docker run --rm nginx:stable-alpine nginx -v')).err, 'nginx version: nginx/1.28.0\n');
  assert.equal((await run('docker run --rm nginx nginx -v')).err, 'nginx version: nginx/1.27.5\n');
  assert.equal((await run('docker image inspect -f "{{.Created}} {{index .Config.Env 1}}" nginx:stable')).out, '2025-04-23T18:00:49Z NGINX_VERSION=1.28.0\n');
  await run('docker run -d --name web nginx:stable');
  assert.match((await run('docker logs web')).err, /\[notice\] 1#1: nginx\/1\.28\.0\n/);
  assert.match((await run('docker exec web curl -s localhost/nope')).out, /<hr><center>nginx\/1\.28\.0<\/center>/);
});

test("node:14's buster lists its base packages to dpkg, as the newer releases do", async () => {
  const run = session();
  await run('docker pull -q node:14');
  const l = (await run('docker run --rm node:14 dpkg -l')).out.split('\n');
  assert.equal(l[3], '||/ Name                    Version                 Architecture Description');
  assert.equal(l[5], 'ii  adduser                 3.118                   all          add and remove users and groups');
  assert.ok(l.includes('ii  bash                    5.0-4                   amd64        GNU Bourne Again SHell'));
  assert.ok(l.some((x) => /^ii  libc6:amd64 +2\.28-10\+deb10u2 +amd64 /.test(x)));
  assert.equal((await run('docker run --rm node:14 dpkg -s dpkg')).out.match(/^Version: .*$/m)?.[0], 'Version: 1.19.8');
});

test('help options leave the container stopped with the program\'s status, as a one-shot command does', async () => {
  const run = session();
  await run('docker pull -q redis:alpine');
  await run('docker run --name v1 redis:alpine --version');
  await run('docker pull -q mysql');
  await run('docker run --name v2 mysql --help');
  assert.match((await run('docker ps -a --format "{{.Names}} {{.Status}}"')).out, /^v2 Exited \(0\) .*\nv1 Exited \(0\) /);
  assert.equal((await run('docker start -a v1')).out, 'Redis server v=8.0.2 sha=00000000:1 malloc=jemalloc-5.3.0 bits=64 build=c4b4e9a1d8f53a7\n');
});

test('redis-server -h and --help print its usage on stderr and exit 1, through the entrypoint or typed', async () => {
  const run = session();
  await run('docker pull -q redis');
  const r = await run('docker run --rm redis --help');
  assert.equal(r.exit, 1);
  assert.equal(r.out, '');
  assert.match(r.err, /^Usage: \.\/redis-server \[\/path\/to\/redis\.conf\] \[options\] \[-\]\n {7}\.\/redis-server - \(read config from stdin\)\n/);
  assert.ok(r.err.endsWith('\nSentinel mode:\n       ./redis-server /etc/sentinel.conf --sentinel\n'));
  assert.deepEqual(await run('docker run --rm redis redis-server -h'), r);
  assert.equal((await run("docker run --rm redis sh -c 'redis-server -h 2>&1 | head -1; redis-server --help 2>/dev/null; echo $?'")).out, 'Usage: ./redis-server [/path/to/redis.conf] [options] [-]\n1\n');
});

test('nginx -V tells how nginx.org built the image: compiler, OpenSSL, SNI and the configure arguments, on stderr', async () => {
  const run = session();
  for (const i of ['nginx', 'nginx:alpine', 'nginx:stable']) await run('docker pull -q ' + i);
  const deb = await run('docker run --rm nginx nginx -V');
  assert.equal(deb.exit, 0);
  assert.match(deb.err, /^nginx version: nginx\/1\.27\.5\nbuilt by gcc 12\.2\.0 \(Debian 12\.2\.0-14\) \nbuilt with OpenSSL 3\.0\.15 3 Sep 2024\nTLS SNI support enabled\nconfigure arguments: --prefix=\/etc\/nginx --sbin-path=\/usr\/sbin\/nginx [^\n]* --http-client-body-temp-path=\/var\/cache\/nginx\/client_temp [^\n]* --with-http_v3_module --with-mail [^\n]*debuild-base\/nginx-1\.27\.5=\. [^\n]* --with-ld-opt='-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'\n$/);
  const alp = await run('docker run --rm nginx:alpine nginx -V');
  assert.match(alp.err, /^nginx version: nginx\/1\.27\.5\nbuilt by gcc 14\.2\.0 \(Alpine 14\.2\.0\) \n[^]* --with-perl_modules_path=\/usr\/lib\/perl5\/vendor_perl --user=nginx [^\n]* --with-cc-opt='-Os -Wformat -Werror=format-security -g' --with-ld-opt='-Wl,--as-needed,-O1,--sort-common -Wl,-z,pack-relative-relocs'\n$/);
  assert.match((await run('docker run --rm nginx:stable nginx -V')).err, /^nginx version: nginx\/1\.28\.0\n[^]*debuild-base\/nginx-1\.28\.0=\./);
});
