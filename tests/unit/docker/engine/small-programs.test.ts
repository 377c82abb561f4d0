import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, inside, pull, runIt, runOnce } from './fixtures';

test('a shell names itself in its errors as it was typed (argv[0]): /bin/sh, /bin/bash', async () => {
  const e = engine();
  await pull(e, 'alpine', 'debian');
  const err = async (image: string, ...cmd: string[]) => (await runOnce(e, image, cmd)).err;
  assert.equal(await err('alpine', '/bin/sh', '-c', 'nope'), '/bin/sh: nope: not found\n');
  assert.equal(await err('alpine', 'sh', '-c', 'nope'), 'sh: nope: not found\n');
  assert.equal(await err('debian', '/bin/sh', '-c', 'nope'), '/bin/sh: 1: nope: not found\n');
  assert.equal(await err('debian', 'bash', '-c', 'nope'), 'bash: line 1: nope: command not found\n');
  assert.equal(await err('debian', '/bin/bash', '-c', 'nope'), '/bin/bash: line 1: nope: command not found\n');
  assert.equal(await err('debian', '/bin/sh', '--x'), '/bin/sh: 0: Illegal option --\n');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type('/bin/sh -c \'echo $0; nope\''), '/bin/sh\n/bin/sh: 1: nope: not found\n');
});

test("bash's indirect expansion ${!ref} and ${!prefix*}; dash and ash refuse it", async () => {
  const e = engine();
  await pull(e, 'alpine', 'debian');
  const run = async (image: string, ...cmd: string[]) => {
    const r = await runOnce(e, image, cmd);
    return r.out + r.err + r.state.ExitCode;
  };
  assert.equal(await run('debian', 'bash', '-c', 'a=b; b=c; echo ${!a} "${!a}"; AB=1 AC=2; echo ${!A*}; n=1; echo ${!n} ${!}', 'x', 'one'), 'c c\nAB AC\none\n0');
  assert.equal(await run('debian', 'bash', '-c', 'echo ${!nope}; echo after'), 'bash: line 1: nope: invalid indirect expansion\n1');
  assert.equal(await run('debian', 'bash', '-c', 'a="b c"; echo ${!a}'), 'bash: line 1: b c: invalid variable name\n1');
  assert.equal(await run('debian', 'sh', '-c', 'a=b; echo ${!a}'), 'sh: 1: Bad substitution\n2');
  assert.equal(await run('alpine', 'sh', '-c', 'a=b; echo ${!a}'), 'sh: Bad substitution\n2');
});

test('python3 -VV adds the build line of its banner; each release says its own GNU tar (buster and focal 1.30)', async () => {
  const e = engine();
  await pull(e, 'python:3.13', 'node:14', 'debian');
  assert.match((await runOnce(e, 'python:3.13', ['python3', '-VV'])).out, /^Python 3\.13\.\d+ \(main, \w{3} [ \d]\d 20\d\d, \d\d:\d\d:\d\d\) \[GCC 12\.2\.0\]\n$/);
  assert.match((await runOnce(e, 'python:3.13', ['python3', '-V'])).out, /^Python 3\.13\.\d+\n$/);
  assert.match((await runOnce(e, 'node:14', ['tar', '--version'])).out, /^tar \(GNU tar\) 1\.30\nCopyright \(C\) 2017 /);
  assert.match((await runOnce(e, 'debian', ['tar', '--version'])).out, /^tar \(GNU tar\) 1\.34\nCopyright \(C\) 2021 /);
  // the Ubuntu releases without a dpkg status here: jammy's tar is 1.34, focal's 1.30, noble's 1.35
  await pull(e, 'ubuntu:22.04', 'ubuntu:20.04', 'ubuntu:24.04');
  for (const [img, v] of [['ubuntu:22.04', '1.34'], ['ubuntu:20.04', '1.30'], ['ubuntu:24.04', '1.35']]) {
    assert.match((await runOnce(e, img, ['tar', '--version'])).out, new RegExp(`^tar \\(GNU tar\\) ${v.replace('.', '\\.')}\n`), img);
  }
});

test('diff: GNU normal and unified output, busybox unified only; exit 0, 1 or 2', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  await d.type("printf 'a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\ni\\nj\\nk\\n' > x; printf 'a\\nB\\nc\\nd\\ne\\nf\\ng\\nh\\ni\\nk\\nl\\n' > y");
  assert.equal(await d.type('diff x y; echo $?'), '2c2\n< b\n---\n> B\n10d9\n< j\n11a11\n> l\n1\n');
  assert.equal(await d.type('diff -u x y | tail -n +3'), '@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,5 +7,5 @@\n g\n h\n i\n-j\n k\n+l\n');
  assert.match(await d.type('diff -u x y | head -2'), /^--- x\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n\+\+\+ y\t/);
  assert.equal(await d.type('diff x x; echo $?; diff -q x y'), '0\nFiles x and y differ\n');
  assert.equal(await d.type('diff x nope; echo $?'), 'diff: nope: No such file or directory\n2\n');
  assert.equal(await d.type('diff x; echo $?'), "diff: missing operand after 'x'\ndiff: Try 'diff --help' for more information.\n2\n");
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type("printf 'a\\nb\\n' > x; printf 'a\\nc\\n' > y; diff x y; echo $?"), '--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n1\n');
  assert.equal(await a.type('diff x nope; echo $?'), "diff: can't stat 'nope': No such file or directory\n2\n");
});

test('tac, nl, paste, yes and base64 as coreutils and busybox print them', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type("printf 'a\\nb\\nc\\n' | tac; tac nope"), "c\nb\na\ntac: failed to open 'nope' for reading: No such file or directory\n");
  assert.equal(await d.type("printf 'one\\n\\ntwo\\n' | nl"), '     1\tone\n       \n     2\ttwo\n');
  assert.equal(await d.type("printf 'one\\n\\ntwo\\n' | nl -ba -w3 -s': '"), '  1: one\n  2: \n  3: two\n');
  assert.equal(await d.type("printf '1\\n2\\n3\\n' > n; printf 'x\\ny\\n' > l; paste n l; paste -sd, n"), '1\tx\n2\ty\n3\t\n1,2,3\n');
  assert.equal(await d.type('yes | head -3; yes hi there | head -2'), 'y\ny\ny\nhi there\nhi there\n');
  assert.equal(await d.type("echo hello | base64; echo aGVsbG8K | base64 -d; echo '!!' | base64 -d; echo $?"), 'aGVsbG8K\nhello\nbase64: invalid input\n1\n');
  assert.equal(await d.type('seq 30 | base64 -w 20 | head -2'), 'MQoyCjMKNAo1CjYKNwo4\nCjkKMTAKMTEKMTIKMTMK\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type("printf 'a\\nb\\n' | tac; tac /nope"), "b\na\ntac: can't open '/nope': No such file or directory\n");
  assert.equal(await a.type('echo hi | base64 | base64 -d'), 'hi\n');
});

test("sha256sum: the engine's SHA-256, -c checks a list; a saved image's blobs hash to their names", async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type('echo -n hello | sha256sum'), '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824  -\n');
  assert.equal(await d.type('echo a > x; echo b > n; sha256sum x n > sums; sha256sum -c sums; echo z >> n; sha256sum -c sums; echo $?'), 'x: OK\nn: OK\nx: OK\nn: FAILED\nsha256sum: WARNING: 1 computed checksum did NOT match\n1\n');
  assert.equal(await d.type('sha256sum nope; echo $?'), 'sha256sum: nope: No such file or directory\n1\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('echo -n hello | sha256sum'), '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824  -\n');
  assert.equal(await a.type('echo a > x; sha256sum x > s; echo b > x; sha256sum -c s'), 'x: FAILED\nsha256sum: WARNING: 1 of 1 computed checksums did NOT match\n');
  const h = await inside('alpine', 'exit', 'docker save -o a.tar alpine', 'mkdir t && cd t && tar xf ../a.tar');
  const out = await h.run('sha256sum blobs/sha256/*');
  assert.ok(out.includes('blobs/sha256/') && out.split('\n').filter(Boolean).every((l) => l.slice(0, 64) === l.slice(-64)), out);
});

test('timeout: the command under a deadline on the clock; 124 (GNU) or killed by SIGTERM (busybox)', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  const t0 = await e.now();
  assert.equal(await d.type('timeout 2 sleep 5; echo $?; timeout 5 sleep 1; echo $?'), '124\n0\n');
  assert.equal((await e.now()) - t0, 3000);
  assert.equal(await d.type('timeout 1 nope; echo $?'), "timeout: failed to run command 'nope': No such file or directory\n127\n");
  assert.equal(await d.type('timeout x sleep 1; echo $?'), "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n125\n");
  assert.equal(await d.type('timeout; echo $?'), "timeout: missing operand\nTry 'timeout --help' for more information.\n125\n");
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('timeout 1 sleep 3; echo $?'), 'Terminated\n143\n');
  assert.equal(await a.type('timeout 1 nope; echo $?'), "timeout: can't execute 'nope': No such file or directory\n127\n");
});

test('sha256sum -c: a list with no checksum line is an error (GNU); busybox counts misformatted lines as failures; su -c without a command is a usage error', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type('sha256sum -c /etc/hostname; echo $?'), `sha256sum: /etc/hostname: no properly formatted checksum lines found\n1\n`);
  assert.equal(await d.type('echo hola > f; sha256sum f > s; echo basura >> s; sha256sum -c s; echo $?'), 'f: OK\nsha256sum: WARNING: 1 line is improperly formatted\n0\n');
  assert.equal(await d.type('su -c; echo $?'), "su: option requires an argument -- 'c'\nTry 'su --help' for more information.\n1\n");
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('echo hola > f; sha256sum f > s; echo basura >> s; sha256sum -c s; echo $?'), 'f: OK\nsha256sum: WARNING: 1 of 2 computed checksums did NOT match\n1\n');
  assert.match(await a.type('su -s; echo $?'), /^su: option requires an argument: s\nBusyBox v1\.37\.0 [^]*\nUsage: su \[-lmp\][^]*\n1\n$/);
});

test('md5sum, sha1sum: GNU --tag, -b, -c with unreadable files, --quiet, --status; busybox -c counts every line', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type('echo hi | md5sum; echo hi > f; sha1sum -b f; md5sum --tag f'), '764efa883dda1e11db47671c4a3bbd9e  -\n55ca6286e3e4f4fba5d0448333fa99fc5a404a73 *f\nMD5 (f) = 764efa883dda1e11db47671c4a3bbd9e\n');
  await d.type("md5sum --tag f > s; echo '# note' >> s; echo '00000000000000000000000000000000  nope' >> s; echo '00000000000000000000000000000000 *f' >> s; echo bad >> s");
  const warn = 'md5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 listed file could not be read\nmd5sum: WARNING: 1 computed checksum did NOT match\n';
  assert.equal(await d.type('md5sum -c s; echo $?'), `f: OK\nmd5sum: nope: No such file or directory\nnope: FAILED open or read\nf: FAILED\n${warn}1\n`);
  assert.equal(await d.type('md5sum -c --quiet s'), `md5sum: nope: No such file or directory\nnope: FAILED open or read\nf: FAILED\n${warn}`);
  assert.equal(await d.type('md5sum -c --status s; echo $?; sha1sum -c s; md5sum -c < /dev/null'), 'md5sum: nope: No such file or directory\n1\nsha1sum: s: no properly formatted checksum lines found\nmd5sum: standard input: no properly formatted checksum lines found\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('echo hi | sha1sum; echo hi > f; md5sum -b f > s; echo x >> s; md5sum -c s; echo $?'), '55ca6286e3e4f4fba5d0448333fa99fc5a404a73  -\nf: OK\nmd5sum: WARNING: 1 of 2 computed checksums did NOT match\n1\n');
  assert.equal(await a.type("echo '00000000000000000000000000000000  nope' | md5sum -c -s; echo $?; md5sum -c /dev/null"), "md5sum: can't open 'nope': No such file or directory\n1\nmd5sum: /dev/null: no checksum lines found\n");
});

test('ls -n is the long listing with numeric owners (root is 0 in a container, the host user 1000)', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('ls -n /etc/passwd'), /^-rw-r--r-- {4}1 0 {8}0 +\d+ \w{3} \d\d \d\d:\d\d \/etc\/passwd\n$/);
  await a.type('adduser -D ana; su ana -c "touch /tmp/a"');
  assert.match(await a.type('ls -n /tmp/a'), / 1000 {5}1000 /);
  const { createShell } = await import('../../../../src/docker/index');
  const sh = createShell({ seed: 1 });
  let out = '';
  await sh.run('touch h; ls -n h', { out: (t) => { out += t; }, err: () => {}, tty: false, sleep: () => Promise.resolve() });
  assert.match(out, /^-rw-r--r-- 1 1000 1000 0 /);
});
