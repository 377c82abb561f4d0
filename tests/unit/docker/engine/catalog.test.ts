import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, term } from './fixtures';

test('mysql:8 is the 8.4 LTS image, sharing only the Oracle Linux base with mysql:latest', async () => {
  const e = engine();
  await pull(e, 'mysql');
  const [lines] = await pull(e, 'mysql:8');
  assert.equal(lines.filter((l) => l.endsWith('Already exists')).length, 1);
  for (const t of ['8.4', 'lts']) assert.equal((await e.imageInspect('mysql:8')).Id, (await pull(e, `mysql:${t}`), await e.imageInspect(`mysql:${t}`)).Id);
  const env = (await e.imageInspect('mysql:8')).Config.Env!;
  assert.ok(env.includes('MYSQL_VERSION=8.4.5-1.el9') && env.includes('MYSQL_MAJOR=8.4'));
  const oldest = (await e.imageHistory('mysql:8')).at(-1)!;
  assert.equal(oldest.CreatedBy, 'ADD oraclelinux-9-slim-amd64-rootfs.tar.xz / # buildkit');
  assert.equal(oldest.Comment, 'buildkit.dockerfile.v0');
});

test('node:14 is a classic-builder image: nine layers and #(nop) history entries without comments', async () => {
  const e = engine();
  const [lines] = await pull(e, 'node:14');
  assert.equal(lines.filter((l) => l.endsWith('Pull complete')).length, 9);
  const h = await e.imageHistory('node:14');
  assert.deepEqual([h[0].CreatedBy, h.at(-2)!.CreatedBy], ['/bin/sh -c #(nop)  CMD ["node"]', '/bin/sh -c #(nop)  CMD ["bash"]']);
  assert.match(h.at(-1)!.CreatedBy, /^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
  assert.ok(h.every((x) => x.Comment === '' && !x.CreatedBy.includes('# buildkit')));
  assert.ok(h.some((x) => x.CreatedBy.startsWith('/bin/sh -c set -ex; \tif ! command -v gpg')), 'buster buildpack-deps installs gpg in its own layer');
});

test('busybox:latest is the 1.37.0 glibc build, tagged unstable as BusyBox names its .0 releases', async () => {
  const e = engine();
  await pull(e, 'busybox', 'busybox:1', 'busybox:unstable', 'busybox:glibc');
  assert.equal(new Set(await Promise.all(['busybox', 'busybox:1', 'busybox:unstable', 'busybox:glibc'].map(async (r) => (await e.imageInspect(r)).Id))).size, 1);
});

test('busybox has a single history entry: it is not built from a Dockerfile', async () => {
  const e = engine();
  await pull(e, 'busybox');
  const h = await e.imageHistory('busybox');
  assert.deepEqual(h.map((x) => x.CreatedBy), ['BusyBox 1.37.0 (glibc), Debian 12']);
  assert.deepEqual((await e.imageInspect('busybox')).Config.Cmd, ['sh']);
});

test('node alpine: 22-alpine is lts-alpine and jod-alpine, alpine is 24; both on alpine:3.21\'s layer, with node, npm and the node user', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const [lines] = await pull(e, 'node:22-alpine');
  assert.deepEqual(lines.filter((l) => l.endsWith('Already exists')).length, 1);
  for (const t of ['lts-alpine', 'jod-alpine', '22-alpine3.21', '22.16.0-alpine']) assert.equal((await pull(e, `node:${t}`), await e.imageInspect(`node:${t}`)).Id, (await e.imageInspect('node:22-alpine')).Id);
  await pull(e, 'node:alpine', 'node:current-alpine', 'node:24-alpine');
  assert.equal((await e.imageInspect('node:alpine')).Id, (await e.imageInspect('node:24-alpine')).Id);
  assert.equal((await e.imageInspect('node:current-alpine')).Id, (await e.imageInspect('node:24-alpine')).Id);
  const out = async (image: string, ...cmd: string[]) => {
    const io = term(false);
    const { Id } = await e.containerCreate({ Image: image, Cmd: cmd });
    await e.containerAttach(Id, io, { beforeStart: true });
    await e.containerStart(Id);
    return io.text;
  };
  assert.equal(await out('node:22-alpine', 'node', '-v'), 'v22.16.0\n');
  assert.equal(await out('node:alpine', 'npm', '-v'), '11.3.0\n');
  assert.equal(await out('node:lts-alpine', 'yarn', '--version'), '1.22.22\n');
  assert.match(await out('node:22-alpine', 'grep', 'node', '/etc/passwd'), /^node:x:1000:1000:Linux User,,,:\/home\/node:\/bin\/sh\n$/);
  assert.equal(await out('node:22-alpine', 'cat', '/etc/alpine-release'), '3.21.3\n');
  for (const t of ['latest', 'current', 'lts', 'jod']) assert.ok(await pull(e, `node:${t}`));
});

test('python 3.13 slim and alpine: the aliases, their bases\' layers, python inside', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm-slim', 'alpine');
  for (const [ref, aliases] of [['python:3.13-slim', ['3-slim', 'slim', '3.13-slim-bookworm']], ['python:3.13-alpine', ['3-alpine', 'alpine']]] as const) {
    const [lines] = await pull(e, ref);
    assert.equal(lines.filter((l) => l.endsWith('Already exists')).length, 1, ref);
    for (const a of aliases) assert.equal((await pull(e, `python:${a}`), await e.imageInspect(`python:${a}`)).Id, (await e.imageInspect(ref)).Id);
    assert.deepEqual((await e.imageInspect(ref)).Config.Cmd, ['python3']);
    assert.ok((await e.imageInspect(ref)).Config.Env!.includes('PYTHON_VERSION=3.13.3'));
    const io = term(false);
    const { Id } = await e.containerCreate({ Image: ref, Cmd: ['python', '--version'] });
    await e.containerAttach(Id, io, { beforeStart: true });
    await e.containerStart(Id);
    assert.equal(io.text, 'Python 3.13.3\n');
  }
});

test('redis and postgres: tags, ports, volumes, stop signal and history of the real images', async () => {
  const e = engine();
  await pull(e, 'redis', 'redis:8', 'redis:8.0', 'redis:bookworm', 'redis:alpine', 'postgres', 'postgres:17', 'postgres:17.5', 'postgres:alpine');
  assert.equal(new Set(await Promise.all(['redis', 'redis:8', 'redis:8.0', 'redis:bookworm'].map(async (r) => (await e.imageInspect(r)).Id))).size, 1);
  assert.equal(new Set(await Promise.all(['postgres', 'postgres:17', 'postgres:17.5'].map(async (r) => (await e.imageInspect(r)).Id))).size, 1);
  const redis = (await e.imageInspect('redis:alpine')).Config;
  assert.deepEqual([redis.Cmd, redis.Entrypoint, redis.WorkingDir, redis.Volumes, redis.ExposedPorts], [['redis-server'], ['docker-entrypoint.sh'], '/data', { '/data': {} }, { '6379/tcp': {} }]);
  const pg = (await e.imageInspect('postgres')).Config;
  assert.deepEqual([pg.Cmd, pg.StopSignal, pg.Volumes, pg.ExposedPorts], [['postgres'], 'SIGINT', { '/var/lib/postgresql/data': {} }, { '5432/tcp': {} }]);
  assert.ok(pg.Env!.includes('PG_VERSION=17.5-1.pgdg120+1') && pg.Env!.includes('PGDATA=/var/lib/postgresql/data'));
  const h = (await e.imageHistory('postgres')).map((x) => x.CreatedBy);
  assert.deepEqual(h.slice(0, 4), ['CMD ["postgres"]', 'EXPOSE map[5432/tcp:{}]', 'STOPSIGNAL SIGINT', 'ENTRYPOINT ["docker-entrypoint.sh"]']);
  // BuildKit's WORKDIR leaves its empty layer in the redis images.
  assert.equal((await e.imageInspect('redis')).RootFS.Layers.length, 7);
});

test('catalogue invariants: a tag names one image, a layer key one layer, a version tag its image\'s release, a variant its base', async () => {
  const { CATALOG } = await import('../../../../src/docker/registry/catalog');
  const refs = CATALOG.flatMap((i) => i.tags.map((t) => `${i.repo}:${t}`));
  assert.deepEqual(refs.filter((r, k) => refs.indexOf(r) !== k), [], 'no tag twice');
  const byKey = new Map<string, object>();
  for (const i of CATALOG) {
    const layers = i.history.flatMap(([, l]) => (l ? [l] : []));
    assert.ok(layers.length && i.tags.length && !Number.isNaN(Date.parse(i.created)) && i.created < '2025-06-16', `${i.repo}:${i.tags[0]}`);
    // digests derive from keys: two specs with one key would be one blob with two contents
    for (const l of layers) assert.equal(byKey.get(l.key) ?? byKey.set(l.key, l).get(l.key), l, l.key);
    const v = i.config.Env?.find((e) => /^(PYTHON|NODE|PG|MYSQL|NGINX|HTTPD)_VERSION=/.test(e))?.split('=')[1];
    for (const t of i.tags.filter((x) => /^\d/.test(x)).map((x) => x.split('-')[0])) {
      if (v) assert.ok(v === t || v.startsWith(t + '.') || v.startsWith(t + '-'), `${i.repo}:${t} is ${v}`);
    }
    const base = layers[0].key;
    if (i.tags.some((t) => t.endsWith('alpine3.21'))) assert.equal(base, 'alpine-3.21.3', `${i.repo}:${i.tags[0]}`);
    const slim = i.tags.some((t) => /slim/.test(t)) || /^(nginx|redis|postgres)$/.test(i.repo);
    if (i.tags.some((t) => /(^|-)bookworm(-slim)?$/.test(t))) assert.match(base, slim ? /^debian-bookworm-slim(-\d+)?$/ : /^debian-bookworm(-\d+)?$/, `${i.repo}:${i.tags[0]}`);
  }
});
