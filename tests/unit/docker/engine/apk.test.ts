import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';

test('apk takes its options before or after the applet; -q says only errors; several unknown packages are one error', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('apk --no-cache add tree'), /^fetch [^]*\(1\/1\) Installing tree \(2\.2\.1-r0\)\n[^]*OK: \d+ MiB in 16 packages\n$/);
  assert.equal(await a.type('apk add -q jq; echo $?'), '0\n');
  assert.equal(await a.type('apk -q add nope gcc'), 'ERROR: unable to select packages:\n  nope (no such package):\n    required by: world[nope]\n  gcc (no such package):\n    required by: world[gcc]\n');
  assert.match(await a.type('apk -U add htop'), /^fetch [^]*\nfetch [^]*\n\(1\/3\) Installing libncursesw/);
});

test('apk add --virtual groups packages under a dated name; apk del of it, or of a package, purges what nothing else needs', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await runIt(e, 'alpine');
  await a.type('apk add -q jq');
  assert.match(await a.type('apk add --virtual .deps curl htop'), /\(12\/13\) Installing htop \(3\.3\.0-r0\)\n\(13\/13\) Installing \.deps \(20250616\.\d{6}\)\n[^]*OK: \d+ MiB in 30 packages\n$/);
  assert.equal((await a.type('apk info')).split('\n').slice(0, 3).join(' '), 'alpine-baselayout-data musl busybox');
  const del = await a.type('apk del .deps');
  assert.match(del, /^\(1\/13\) Purging \.deps \(20250616\.\d{6}\)\n\(2\/13\) Purging curl \(8\.12\.1-r1\)\n[^]*Executing busybox-1\.37\.0-r12\.trigger\nOK: \d+ MiB in 17 packages\n$/);
  assert.doesNotMatch(del, /oniguruma|jq/);
  assert.equal(await a.type('curl; htop'), '/bin/sh: curl: not found\n/bin/sh: htop: not found\n');
  assert.match(await a.type('jq --version; apk del -q jq; apk info | wc -l'), /15\n$/);
  // bind-tools' nslookup goes, busybox's link comes back
  await a.type('apk add -q bind-tools; apk del -q bind-tools');
  assert.match(await a.type('ls -l /usr/bin/nslookup'), /-> \/bin\/busybox\n$/);
});

test("an option of apk's that takes a value, given none: musl's getopt message, then the usage, exit 1 (nothing installed)", async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await runIt(e, 'alpine');
  const head = 'apk-tools 2.14.6, compiled for x86_64.\n\nusage: apk ';
  assert.equal(await a.type('apk add curl --virtual; echo $?'), `apk: option requires an argument: virtual\n${head}add [<OPTIONS>...] PACKAGES...\n1\n`);
  assert.equal(await a.type('apk add -t; apk -X; apk update --root; echo $?'), `apk: option requires an argument: t\n${head}add [<OPTIONS>...] PACKAGES...\napk: option requires an argument: X\n${head}[<OPTIONS>...] COMMAND [<ARGUMENTS>...]\napk: option requires an argument: root\n${head}update [<OPTIONS>...]\n1\n`);
  assert.equal(await a.type('command -v curl; apk info | grep -c curl'), '0\n');
});
