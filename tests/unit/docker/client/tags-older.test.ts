import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';
import { engine, execIt, pull } from '../engine/fixtures';

/** The layer lines of a pull, without the progress: `Already exists` or `Pull complete`. */
const layers = (out: string) => out.split('\n').filter((l) => /: (Already exists|Pull complete)$/.test(l)).map((l) => l.split(': ')[1]);
/** `docker images`' SIZE of each image, by its reference. */
const sizes = async (run: ReturnType<typeof session>) => Object.fromEntries((await run('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"')).out.trim().split('\n').map((l) => l.split(' ')));
const env = async (run: ReturnType<typeof session>, ref: string) => (await run(`docker image inspect -f "{{json .Config.Env}}" ${ref}`)).out;

test('mysql 5.7: 5.7.44 on Oracle Linux 7, its logs, client and server versions, its banner', async () => {
  const run = session();
  for (const t of ['5', '5.7.44', '5.7-oracle']) assert.equal((await run('docker pull -q mysql:' + t)).exit, 0, t);
  assert.equal(layers((await run('docker pull mysql:5.7')).out).length, 0, 'the same image as 5');
  assert.equal(layers((await run('docker pull mysql:8.0')).out)[0], 'Pull complete', 'Oracle Linux 7 is not 9');
  assert.equal((await sizes(run))['mysql:5.7'], '501MB');
  assert.ok((await env(run, 'mysql:5.7')).includes('"GOSU_VERSION=1.16","MYSQL_MAJOR=5.7","MYSQL_VERSION=5.7.44-1.el7","MYSQL_SHELL_VERSION=8.0.35-1.el7"'));
  assert.match((await run('docker history mysql:5.7')).out, /RUN \/bin\/sh -c ln -s usr\/local\/bin\/docker-en… {3}34B {7}buildkit\.dockerfile\.v0\n[^]*\/bin\/sh -c #\(nop\) ADD file:2726e2d5d9aaf4024… {3}133MB/);
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql:5.7');
  const logs = (await run('docker logs db')).err;
  assert.match(logs, /Z 0 \[Warning\] TIMESTAMP with implicit DEFAULT value is deprecated\. [^\n]*\n\S+Z 0 \[Note\] mysqld \(mysqld 5\.7\.44\) starting as process 1 \.\.\.\n/);
  assert.match(logs, /Z 0 \[Note\] mysqld: ready for connections\.\nVersion: '5\.7\.44'  socket: '\/var\/run\/mysqld\/mysqld\.sock'  port: 3306  MySQL Community Server \(GPL\)\n$/);
  assert.equal((await run('docker exec db mysql --version')).out, 'mysql  Ver 14.14 Distrib 5.7.44, for Linux (x86_64) using  EditLine wrapper\n');
  assert.equal((await run('docker exec db mysqld --version')).out, 'mysqld  Ver 5.7.44 for Linux on x86_64 (MySQL Community Server (GPL))\n');
  assert.equal((await run('docker exec db mysqlsh --version')).out, 'mysqlsh   Ver 8.0.35 for Linux on x86_64 - for MySQL 8.0.35 (MySQL Community Server (GPL))\n');
  assert.match((await run('docker exec db mysqld --help')).out, /^mysqld  Ver 5\.7\.44 [^\n]*\nCopyright \(c\) 2000, 2023, Oracle[^]*\nUsage: mysqld \[OPTIONS\]\n/);
  assert.match((await run('docker exec db grep PRETTY /etc/os-release')).out, /^PRETTY_NAME="Oracle Linux Server 7\.9"\n$/);
  assert.equal((await run('docker exec db mysql -uroot -px -e "select version()"')).out, 'version()\n5.7.44\n');
  await run('docker stop db');
  assert.match((await run('docker logs db')).err, /Z 0 \[Note\] Binlog end\n\S+Z 0 \[Note\] mysqld: Shutdown complete\n\n$/);
});

test('mysql 5.7: the monitor says the server\'s edition in parentheses and its 2023 copyright', async () => {
  const e = engine();
  await pull(e, 'mysql:5.7');
  const { Id } = await e.containerCreate({ Image: 'mysql:5.7', Env: ['MYSQL_ROOT_PASSWORD=x'] });
  await e.containerStart(Id);
  const p = await execIt(e, Id, ['mysql', '-uroot', '-px']);
  assert.match(p.start, /\nServer version: 5\.7\.44 MySQL Community Server \(GPL\)\n\nCopyright \(c\) 2000, 2023, Oracle/);
  assert.equal(await p.type('select 1;'), '+---+\n| 1 |\n+---+\n| 1 |\n+---+\n1 row in set (0.00 sec)\n\n');
});

test('node 16: its last builds, on buster and on alpine 3.18, with npm 8 and yarn 1.22.19', async () => {
  const run = session();
  await run('docker pull node:14');
  assert.deepEqual(layers((await run('docker pull node:16')).out), Array(8).fill('Pull complete'), 'built in August 2023 on the buster of its month');
  for (const t of ['gallium', '16.20.2-buster', '16-alpine3.18', 'gallium-alpine']) assert.equal((await run(`docker pull -q node:${t}`)).exit, 0, t);
  const s = await sizes(run);
  assert.deepEqual([s['node:16'], s['node:16-alpine3.18']], ['909MB', '118MB']);
  assert.equal((await run('docker run --rm node:16 sh -c "node -v; npm -v; yarn -v; cat /etc/debian_version"')).out, 'v16.20.2\n8.19.4\n1.22.19\n10.13\n');
  assert.equal((await run('docker run --rm node:gallium-alpine sh -c "node --version; cat /etc/alpine-release"')).out, 'v16.20.2\n3.18.3\n');
  assert.ok((await env(run, 'node:16')).includes('"NODE_VERSION=16.20.2","YARN_VERSION=1.22.19"'));
  const h = (await run('docker history node:16')).out;
  assert.match(h, /\/bin\/sh -c groupadd --gid 1000 node   && use… {3}334kB +\n/, 'useradd\'s lastlog and faillog');
  assert.match(h, /\/bin\/sh -c ARCH= && dpkgArch="\$\(dpkg --print… {3}98\.5MB +\n/);
  assert.match((await run('docker run --rm node:16 node nope.js')).err, /^node:internal\/modules\/cjs\/loader:\d+\n {2}throw err;[^]*\n\nNode\.js v16\.20\.2\n$/);
});

test('ubuntu 18.04: bionic\'s os-release, its last build of May 2023', async () => {
  const run = session();
  await run('docker pull ubuntu:18.04');
  assert.equal((await run('docker images -q ubuntu:bionic')).out, '');
  await run('docker pull ubuntu:bionic');
  assert.equal((await run('docker images -q ubuntu:bionic')).out, (await run('docker images -q ubuntu:18.04')).out);
  assert.equal((await sizes(run))['ubuntu:18.04'], '63.2MB');
  assert.equal((await run('docker run --rm ubuntu:18.04 cat /etc/os-release')).out, 'NAME="Ubuntu"\nVERSION="18.04.6 LTS (Bionic Beaver)"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 18.04.6 LTS"\nVERSION_ID="18.04"\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nVERSION_CODENAME=bionic\nUBUNTU_CODENAME=bionic\n');
  assert.equal((await run('docker run --rm ubuntu:18.04 cat /etc/debian_version /etc/lsb-release')).out.split('\n')[0], 'buster/sid');
  assert.equal((await run('docker image inspect -f "{{.Created}}" ubuntu:18.04')).out, '2023-05-30T09:32:09Z\n');
  assert.equal((await run('docker run --rm ubuntu:18.04 apt --version')).out, 'apt 1.6.17 (amd64)\n');
  assert.match((await run('docker history --no-trunc ubuntu:18.04')).out, /ADD file:3c74e7e08cbf9a87694ce6fa541af617599680fa54d9e48556fc0fbc120b4a83 in \//);
});

test('alpine 3.18: its February 2025 point release and busybox 1.36.1', async () => {
  const run = session();
  await run('docker pull alpine:3.18.12');
  assert.equal((await sizes(run))['alpine:3.18.12'], '7.36MB');
  assert.equal((await run('docker run --rm alpine:3.18 sh -c "cat /etc/alpine-release; grep PRETTY /etc/os-release; busybox | head -1"')).out, '3.18.12\nPRETTY_NAME="Alpine Linux v3.18"\nBusyBox v1.36.1 (2024-06-02 11:42:27 UTC) multi-call binary.\n');
});

test('python 3.10 and 3.9: full, slim and alpine on the bases the newer releases share', async () => {
  const run = session();
  await run('docker pull python:3.12-slim');
  assert.deepEqual(layers((await run('docker pull python:3.10-slim')).out), ['Already exists', 'Pull complete', 'Pull complete', 'Pull complete']);
  await run('docker pull python:3.11');
  assert.deepEqual(layers((await run('docker pull python:3.9')).out), [...Array(4).fill('Already exists'), ...Array(3).fill('Pull complete')]);
  for (const t of ['3.10', '3.10.18-slim-bookworm', '3.10-alpine', '3.9-slim', '3.9.23-bookworm']) assert.equal((await run(`docker pull -q python:${t}`)).exit, 0, t);
  for (const [t, v] of [['3.10', '3.10.18'], ['3.10-slim', '3.10.18'], ['3.10-alpine', '3.10.18'], ['3.9-slim', '3.9.23'], ['3.9', '3.9.23']]) {
    assert.equal((await run(`docker run --rm python:${t} python3 --version`)).out, `Python ${v}\n`, t);
  }
  assert.ok((await env(run, 'python:3.10')).includes('"GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D","PYTHON_VERSION=3.10.18","PYTHON_SHA256=ae665bc678abd9ab6a6e1573d2481625a53719bc517e9a634ed2b9fefae3817f"'));
  assert.ok((await env(run, 'python:3.9-slim')).includes('"LANG=C.UTF-8","GPG_KEY=E3FF2839C048B25C084DEBE9B26995E310250568","PYTHON_VERSION=3.9.23"'));
  assert.equal((await run('docker run --rm python:3.10-slim readlink /usr/local/bin/python3')).out, 'python3.10\n');
});

test('nginx 1.26 and 1.25: their last releases on the bases of their last builds, which the server, -v and the logs name', async () => {
  const run = session();
  await run('docker pull alpine:3.20');
  assert.equal(layers((await run('docker pull nginx:1.26-alpine')).out)[0], 'Already exists', 'built on alpine 3.20.6');
  await run('docker pull nginx');
  assert.equal(layers((await run('docker pull nginx:1.26')).out)[0], 'Pull complete', 'the bookworm-slim of April, not of May');
  for (const t of ['1.25', '1.25.5-alpine3.19', '1.26.3-bookworm']) assert.equal((await run(`docker pull -q nginx:${t}`)).exit, 0, t);
  const s = await sizes(run);
  assert.deepEqual([s['nginx:1.26'], s['nginx:1.26-alpine'], s['nginx:1.25'], s['nginx:1.25.5-alpine3.19']], ['192MB', '47.9MB', '188MB', '43.3MB']);
  assert.ok((await env(run, 'nginx:1.26')).endsWith('"NGINX_VERSION=1.26.3","NJS_VERSION=0.8.9","NJS_RELEASE=1~bookworm","PKG_RELEASE=1~bookworm","DYNPKG_RELEASE=2~bookworm"]\n'));
  assert.ok((await env(run, 'nginx:1.25')).endsWith('"NGINX_VERSION=1.25.5","NJS_VERSION=0.8.4","NJS_RELEASE=3~bookworm","PKG_RELEASE=1~bookworm"]\n'), '1.25 had no DYNPKG_RELEASE');
  assert.equal((await run('docker run --rm --entrypoint nginx nginx:1.25.5-alpine3.19 -v')).err, 'nginx version: nginx/1.25.5\n');
  assert.equal((await run('docker run --rm nginx:1.25 cat /etc/debian_version')).out, '12.5\n');
  assert.match((await run('docker history nginx:1.25')).out, /\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]+… {3}74\.8MB/);
  await run('docker run -d --name web -p 8080:80 nginx:1.26');
  assert.match((await run('curl -sI localhost:8080')).out, /\nServer: nginx\/1\.26\.3\r?\n/);
  assert.match((await run('docker logs web')).err, /\[notice\] 1#1: nginx\/1\.26\.3\n/);
});

test('postgres 14 and 13 (+ alpine): their releases, initdb\'s hint and no checkpoint lines before 15', async () => {
  const run = session();
  await run('docker pull postgres:16');
  assert.equal(layers((await run('docker pull postgres:14')).out)[0], 'Already exists');
  for (const t of ['14.18-bookworm', '13', '13.21-alpine3.21', '14-alpine']) assert.equal((await run(`docker pull -q postgres:${t}`)).exit, 0, t);
  assert.ok((await env(run, 'postgres:13')).includes('"PG_MAJOR=13","PG_VERSION=13.21-1.pgdg120+1"'));
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x postgres:14');
  const logs = (await run('docker logs pg')).err;
  assert.match(logs, /initdb: warning: enabling "trust" authentication for local connections\nYou can change this by editing pg_hba\.conf or using the option -A, or\n--auth-local and --auth-host, the next time you run initdb\.\n/);
  assert.match(logs, /\[1\] LOG: {2}starting PostgreSQL 14\.18 \(Debian 14\.18-1\.pgdg120\+1\) on x86_64-pc-linux-gnu/);
  assert.match(logs, /LOG: {2}shutting down\n\S+ \S+ UTC \[\d+\] LOG: {2}database system is shut down\n/, 'log_checkpoints was off');
  assert.equal((await run('docker exec pg psql --version')).out, 'psql (PostgreSQL) 14.18 (Debian 14.18-1.pgdg120+1)\n');
  assert.equal((await run('docker exec pg cat /var/lib/postgresql/data/PG_VERSION')).out, '14\n');
  await run('docker run -d --name pga -e POSTGRES_PASSWORD=x postgres:13-alpine');
  assert.equal((await run('docker exec pga postgres --version')).out, 'postgres (PostgreSQL) 13.21\n');
  await run('docker run -d --name pg16 -e POSTGRES_PASSWORD=x postgres:16');
  assert.match((await run('docker logs pg16')).err, /initdb: hint: You can change this[^\n]*\n[^]*checkpoint complete: /, '15 and later');
});

test('redis 6: 6.2.18 on today\'s bookworm-slim, with 6.2\'s log levels and messages', async () => {
  const run = session();
  await run('docker pull redis:7');
  assert.equal(layers((await run('docker pull redis:6')).out)[0], 'Already exists');
  for (const t of ['6.2', '6.2.18-bookworm', '6-alpine', '6.2-alpine3.21']) assert.equal((await run(`docker pull -q redis:${t}`)).exit, 0, t);
  const s = await sizes(run);
  assert.deepEqual([s['redis:6'], s['redis:6-alpine']], ['105MB', '32.5MB']);
  assert.ok((await env(run, 'redis:6')).includes('"GOSU_VERSION=1.17","REDIS_VERSION=6.2.18","REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-6.2.18.tar.gz","REDIS_DOWNLOAD_SHA=470c75bac73d7390be4dd66479c6f29e86371c5d380ce0c7efb4ba2bbda3612d"'));
  await run('docker run -d --name cache redis:6');
  const logs = (await run('docker logs cache')).out;
  assert.match(logs, /^1:C .* # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n1:C .* # Redis version=6\.2\.18, bits=64, /);
  assert.match(logs, / # Server initialized\n1:M .* # WARNING overcommit_memory is set to 0! [^\n]*\n1:M .* \* Ready to accept connections\n$/);
  assert.equal((await run('docker exec cache redis-cli --version')).out, 'redis-cli 6.2.18\n');
  assert.equal((await run('docker exec cache redis-cli set k v')).out, 'OK\n');
  await run('docker stop cache');
  assert.match((await run('docker logs cache')).out, / # User requested shutdown\.\.\.\n/);
  await run('docker run -d --name c7 redis:7');
  assert.match((await run('docker logs c7')).out, /\* Ready to accept connections tcp\n$/, '7 names the listener');
});
