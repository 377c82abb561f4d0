import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull } from './fixtures';

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
