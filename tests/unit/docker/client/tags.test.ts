import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

/** The layer lines of a pull, without the progress: `Already exists` or `Pull complete`. */
const layers = (out: string) => out.split('\n').filter((l) => /: (Already exists|Pull complete)$/.test(l)).map((l) => l.split(': ')[1]);
/** `docker images`' SIZE of each image, by its reference. */
const sizes = async (run: ReturnType<typeof session>) => Object.fromEntries((await run('docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"')).out.trim().split('\n').map((l) => l.split(' ')));

test('ubuntu 22.04 and 20.04: their own base layer, os-release, lsb-release, bash; no ubuntu user before 23.04', async () => {
  const run = session();
  await run('docker pull ubuntu');
  for (const t of ['22.04', 'jammy', '20.04', 'focal']) assert.deepEqual(layers((await run('docker pull ubuntu:' + t)).out), /^\d/.test(t) ? ['Pull complete'] : [], t);
  assert.equal((await run('docker images -q ubuntu:jammy')).out, (await run('docker images -q ubuntu:22.04')).out);
  assert.deepEqual(await sizes(run), { 'ubuntu:latest': '78.1MB', 'ubuntu:22.04': '77.9MB', 'ubuntu:jammy': '77.9MB', 'ubuntu:20.04': '72.8MB', 'ubuntu:focal': '72.8MB' });
  const jammy = (await run('docker run --rm ubuntu:22.04 cat /etc/os-release /etc/lsb-release')).out;
  assert.match(jammy, /^PRETTY_NAME="Ubuntu 22\.04\.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22\.04"\nVERSION="22\.04\.5 LTS \(Jammy Jellyfish\)"\nVERSION_CODENAME=jammy\n/);
  assert.ok(!jammy.includes('LOGO'), 'jammy has no LOGO line');
  assert.ok(jammy.endsWith('UBUNTU_CODENAME=jammy\nDISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION="Ubuntu 22.04.5 LTS"\n'));
  assert.match((await run('docker run --rm ubuntu:20.04 cat /etc/os-release')).out, /^NAME="Ubuntu"\nVERSION="20\.04\.6 LTS \(Focal Fossa\)"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 20\.04\.6 LTS"\nVERSION_ID="20\.04"\n[^]*VERSION_CODENAME=focal\nUBUNTU_CODENAME=focal\n$/);
  assert.equal((await run('docker run --rm ubuntu:22.04 bash -c \'echo $BASH_VERSION; cat /etc/debian_version /etc/issue\'')).out, '5.1.16(1)-release\nbookworm/sid\nUbuntu 22.04.5 LTS \\n \\l\n\n');
  assert.match((await run('docker run --rm ubuntu:focal bash -c "bash --version"')).out, /^GNU bash, version 5\.0\.17\(1\)-release \(x86_64-pc-linux-gnu\)\nCopyright \(C\) 2019 /);
  assert.equal((await run('docker run --rm ubuntu:22.04 id ubuntu')).err, "id: 'ubuntu': no such user\n");
  assert.equal((await run('docker run --rm ubuntu:20.04 apt --version')).out, 'apt 2.0.10 (amd64)\n');
  assert.equal((await run('docker run --rm ubuntu id ubuntu')).exit, 0, 'noble keeps its user');
  assert.deepEqual((await run('docker image inspect -f "{{index .Config.Labels \\"org.opencontainers.image.version\\"}}" ubuntu:20.04')).out, '20.04\n');
});

test('debian bullseye: 11 and 11-slim, split /usr, Debian 11.11, bash 5.1', async () => {
  const run = session();
  await run('docker pull debian:bookworm-slim');
  assert.deepEqual(layers((await run('docker pull debian:bullseye-slim')).out), ['Pull complete']);
  for (const t of ['11', 'bullseye', '11.11']) await run('docker pull -q debian:' + t);
  assert.deepEqual(await sizes(run), { 'debian:11': '124MB', 'debian:11.11': '124MB', 'debian:bullseye': '124MB', 'debian:bullseye-slim': '80.6MB', 'debian:bookworm-slim': '74.8MB' });
  assert.equal((await run('docker run --rm debian:11-slim bash -c \'cat /etc/debian_version; echo $BASH_VERSION; grep PRETTY /etc/os-release\'')).out, '11.11\n5.1.4(1)-release\nPRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\n');
  assert.match((await run('docker run --rm debian:bullseye ls -ld /bin /usr/bin/ls')).out, /^drwxr-xr-x .* \/bin\n/, 'bullseye never merged /usr');
  assert.match((await run('docker run --rm debian:bullseye bash -c "bash --version"')).out, /Copyright \(C\) 2020 /);
  assert.equal((await run('docker run --rm debian:11 grep ^deb /etc/apt/sources.list')).out, 'deb http://deb.debian.org/debian bullseye main\ndeb http://deb.debian.org/debian-security bullseye-security main\ndeb http://deb.debian.org/debian bullseye-updates main\n');
  assert.equal((await run('docker run --rm debian:11-slim apt --version')).out, 'apt 2.2.4 (amd64)\n');
});

test('alpine 3.20 and 3.19: their point releases of February 2025, each its own minirootfs', async () => {
  const run = session();
  await run('docker pull alpine');
  assert.deepEqual(layers((await run('docker pull alpine:3.20')).out), ['Pull complete']);
  await run('docker pull alpine:3.19.7');
  assert.deepEqual(await sizes(run), { 'alpine:latest': '7.83MB', 'alpine:3.20': '7.8MB', 'alpine:3.19.7': '7.38MB' });
  assert.equal((await run('docker run --rm alpine:3.20.6 cat /etc/alpine-release')).out, '3.20.6\n');
  assert.equal((await run('docker run --rm alpine:3.19 sh -c "grep VERSION_ID /etc/os-release; grep PRETTY /etc/os-release; cat /etc/apk/repositories"')).out, 'VERSION_ID=3.19.7\nPRETTY_NAME="Alpine Linux v3.19"\nhttps://dl-cdn.alpinelinux.org/alpine/v3.19/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.19/community\n');
  assert.equal((await run('docker image inspect -f "{{.Created}}" alpine:3.19')).out, '2025-02-14T03:05:02Z\n');
});

test('python 3.12 and 3.11: full, slim and alpine share their bases\' layers; version, sizes and REPL follow', async () => {
  const run = session();
  await run('docker pull python:3.13-slim');
  assert.deepEqual(layers((await run('docker pull python:3.12-slim')).out), ['Already exists', 'Pull complete', 'Pull complete', 'Pull complete']);
  await run('docker pull python');
  assert.deepEqual(layers((await run('docker pull python:3.11')).out), [...Array(4).fill('Already exists'), ...Array(3).fill('Pull complete')], 'buildpack-deps:bookworm is shared');
  await run('docker pull python:3.13-alpine');
  assert.deepEqual(layers((await run('docker pull python:3.11-alpine3.21')).out).slice(0, 2), ['Already exists', 'Pull complete']);
  for (const t of ['3.12.11-slim-bookworm', '3.12-slim-bookworm', '3.12.11-slim']) assert.equal((await run(`docker pull -q python:${t}`)).exit, 0, t);
  // the tzdata and certificates layer counts in history and images alike
  assert.match((await run('docker history python:3.12-slim')).out, /apt-get update;  a…   4\.08MB /);
  assert.deepEqual(await sizes(run), { 'python:latest': '1.02GB', 'python:3.13-slim': '120MB', 'python:3.13-alpine': '45.4MB', 'python:3.12-slim': '124MB', 'python:3.12-slim-bookworm': '124MB', 'python:3.12.11-slim': '124MB', 'python:3.12.11-slim-bookworm': '124MB', 'python:3.11': '1.02GB', 'python:3.11-alpine3.21': '57.1MB' });
  for (const [t, v] of [['3.12', '3.12.11'], ['3.11-slim', '3.11.13'], ['3.12-alpine', '3.12.11']]) {
    assert.equal((await run(`docker run --rm python:${t} python --version`)).out, `Python ${v}\n`, t);
  }
  assert.equal((await run('docker run --rm python:3.11-slim sh -c "ls /usr/local/lib; readlink /usr/local/bin/python3; python3.11 -V"')).out, 'libpython3.11.so.1.0\npython3.11\npython3.11\nPython 3.11.13\n');
  assert.match((await run('docker image inspect -f "{{json .Config.Env}}" python:3.12-slim')).out, /"LANG=C\.UTF-8","GPG_KEY=7169605F/, 'before 3.13 the slim images set LANG');
  assert.doesNotMatch((await run('docker image inspect -f "{{json .Config.Env}}" python:3.13-slim')).out, /LANG/);
  const env = (await run('docker image inspect -f "{{json .Config.Env}}" python:3.11')).out;
  assert.ok(env.includes('"GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D","PYTHON_VERSION=3.11.13","PYTHON_SHA256=8fb5f9fbc7609fa822cb31549884575db7fd9657cbffb89510b5d7975963a83a"'), env);
});

test('node 20 and 18: bookworm, slim and alpine variants with their node, npm and yarn', async () => {
  const run = session();
  await run('docker pull node');
  assert.deepEqual(layers((await run('docker pull node:iron')).out), [...Array(4).fill('Already exists'), ...Array(4).fill('Pull complete')]);
  await run('docker pull debian:bookworm-slim');
  assert.deepEqual(layers((await run('docker pull node:20-slim')).out), ['Already exists', ...Array(4).fill('Pull complete')]);
  await run('docker pull alpine');
  assert.deepEqual(layers((await run('docker pull node:hydrogen-alpine')).out), ['Already exists', ...Array(3).fill('Pull complete')]);
  assert.deepEqual(layers((await run('docker pull node:18')).out), Array(8).fill('Pull complete'), 'the last node:18 was built on the bookworm of April');
  assert.equal((await run('docker run --rm node:18 cat /etc/debian_version')).out, '12.10\n');
  for (const t of ['18.20.8-bookworm-slim', '20-alpine3.21', '20.19-bookworm']) assert.equal((await run(`docker pull -q node:${t}`)).exit, 0, t);
  const s = await sizes(run);
  assert.deepEqual([s['node:18'], s['node:iron'], s['node:20-slim'], s['node:hydrogen-alpine'], s['node:20-alpine3.21']], ['1.1GB', '1.12GB', '200MB', '135MB', '144MB']);
  for (const [t, v] of [['20', 'v20.19.2'], ['20-slim', 'v20.19.2'], ['18-alpine', 'v18.20.8'], ['18.20.8-bookworm-slim', 'v18.20.8']]) {
    assert.equal((await run(`docker run --rm node:${t} node --version`)).out, v + '\n', t);
  }
  assert.equal((await run('docker run --rm node:18 sh -c "npm -v; yarn -v; id node"')).out, '10.8.2\n1.22.22\nuid=1000(node) gid=1000(node) groups=1000(node)\n');
  assert.equal((await run('docker run --rm node:20-slim cat /etc/debian_version')).out, '12.11\n');
});

test('mysql 8.0: the 8.0.42 server on Oracle Linux 9, its version in the logs and the client', async () => {
  const run = session();
  await run('docker pull mysql:8');
  assert.deepEqual(layers((await run('docker pull mysql:8.0')).out).slice(0, 2), ['Already exists', 'Pull complete']);
  assert.equal((await run('docker image inspect -f "{{json .Config.Env}}" mysql:8.0')).out.includes('"MYSQL_MAJOR=8.0","MYSQL_VERSION=8.0.42-1.el9"'), true);
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql:8.0.42');
  const logs = (await run('docker logs db')).err;
  assert.match(logs, /\[MY-010116\] \[Server\] \/usr\/sbin\/mysqld \(mysqld 8\.0\.42\) starting as process 1\n/);
  assert.match(logs, /ready for connections\. Version: '8\.0\.42'/);
  assert.match(logs, /Z 0 \[Warning\] \[MY-011068\] \[Server\] The syntax '--skip-host-cache' is deprecated and will be removed in a future release\. Please use SET GLOBAL host_cache_size=0 instead\.\n.*Z 0 \[System\] \[MY-010116\]/);
  assert.ok(!logs.includes('MY-015015'), '8.0 has no start line');
  assert.equal((await run('docker exec db mysql --version')).out, 'mysql  Ver 8.0.42 for Linux on x86_64 (MySQL Community Server - GPL)\n');
  await run('docker stop db');
  const end = (await run('docker logs db')).err;
  assert.match(end, /Shutdown complete \(mysqld 8\.0\.42\) {2}MySQL Community Server - GPL\.\n$/);
});

test('postgres 16 and 15 (+ alpine): PG_MAJOR, the server\'s binaries, its log and the cluster\'s PG_VERSION', async () => {
  const run = session();
  for (const t of ['16', '16.9', '16-bookworm', '15-alpine', '15.13-alpine3.21', '16-alpine', '15']) assert.equal((await run(`docker pull -q postgres:${t}`)).exit, 0, t);
  const env = (await run('docker image inspect -f "{{json .Config.Env}}" postgres:16')).out;
  assert.ok(env.includes('"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin"') && env.includes('"PG_MAJOR=16","PG_VERSION=16.9-1.pgdg120+1"'), env);
  assert.ok((await run('docker image inspect -f "{{json .Config.Env}}" postgres:15-alpine')).out.includes('"PG_MAJOR=15","PG_VERSION=15.13"'));
  assert.equal((await run('docker run --rm postgres:15 ls /usr/lib/postgresql')).out, '15\n');
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x postgres:16');
  assert.match((await run('docker logs pg')).err, /\[1\] LOG: {2}starting PostgreSQL 16\.9 \(Debian 16\.9-1\.pgdg120\+1\) on x86_64-pc-linux-gnu, compiled by gcc \(Debian 12\.2\.0-14\) 12\.2\.0, 64-bit\n/);
  assert.equal((await run('docker exec pg cat /var/lib/postgresql/data/PG_VERSION')).out, '16\n');
  await run('docker run -d --name pga -e POSTGRES_PASSWORD=x postgres:15-alpine');
  assert.match((await run('docker logs pga')).err, /starting PostgreSQL 15\.13 on x86_64-pc-linux-musl/);
  // the client and the server in the image say the image's release
  assert.equal((await run('docker exec pg psql --version')).out, 'psql (PostgreSQL) 16.9 (Debian 16.9-1.pgdg120+1)\n');
  assert.match((await run('docker exec pg psql -U postgres -c "select version()"')).out, /\n PostgreSQL 16\.9 \(Debian 16\.9-1\.pgdg120\+1\) on x86_64/);
  assert.equal((await run('docker exec pga postgres --version')).out, 'postgres (PostgreSQL) 15.13\n');
  assert.match((await run('docker logs pga')).err, /LOG: {2}checkpoint complete: wrote 3 buffers \(0\.0%\); .*; distance=0 kB, estimate=0 kB\n/, 'no LSNs before 17');
});
