import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull, runIt } from './fixtures';

test('dd makes a file of its size: the writable layer grows (ps -s, ls, du) and survives save', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm');
  const { id, type } = await runIt(e, 'debian:bookworm', 'c1');
  assert.equal(await type('dd if=/dev/zero of=big bs=1M count=10'), '10+0 records in\n10+0 records out\n10485760 bytes (10 MB, 10 MiB) copied, 0.00502918 s, 2.1 GB/s\n');
  assert.equal(await type('ls -l big | cut -d" " -f5; du -h big'), '10485760\n10M\tbig\n');
  const [s] = await e.containerList({ size: true });
  assert.equal(s.SizeRw, 10485760);
  assert.deepEqual(await e.containerChanges(id), [{ Kind: 1, Path: '/big' }]);
  const again = createEngine({ state: e.save() });
  const [t] = await again.containerList({ all: true, size: true });
  assert.equal(t.SizeRw, 10485760);
  // text is copied as text: bs, count and skip in blocks; a pipe gives partial records
  await type('printf "hello world" > h');
  assert.equal(await type('dd if=h bs=2 count=2 skip=1 status=none'), 'llo ');
  assert.equal(await type('echo hi | dd of=o; cat o'), '0+1 records in\n0+1 records out\n3 bytes copied, 3.00325e-05 s, 100 kB/s\nhi\n');
  assert.equal(await type('dd if=/dev/zero of=k bs=1000 count=1 status=noxfer'), '1+0 records in\n1+0 records out\n');
  assert.equal(await type('dd if=/dev/zero of=k bs=1000 count=1 2>&1 | tail -1'), '1000 bytes (1.0 kB) copied, 3.07062e-05 s, 33 MB/s\n');
  assert.equal(await type('dd if=/dev/zero of=/dev/null bs=1M count=1 status=none; echo $?'), '0\n');
});

test('dd errors: operands, numbers, files it cannot open (GNU and busybox), a user without permission', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm', 'alpine');
  const { type } = await runIt(e, 'debian:bookworm');
  assert.equal(await type('dd if=nope of=x; echo $?'), "dd: failed to open 'nope': No such file or directory\n1\n");
  assert.equal(await type('dd if=/dev/zero of=/nodir/x count=1; echo $?'), "dd: failed to open '/nodir/x': No such file or directory\n1\n");
  assert.equal(await type('dd foo; echo $?'), "dd: unrecognized operand 'foo'\nTry 'dd --help' for more information.\n1\n");
  assert.equal(await type('dd bs=x'), "dd: invalid number: 'x'\n");
  assert.equal(await type('dd conv=foo'), "dd: invalid conversion: 'foo'\nTry 'dd --help' for more information.\n");
  assert.equal(await type('dd --version | head -1'), 'dd (GNU coreutils) 9.1\n');
  assert.equal(await type('dd --help | head -2'), 'Usage: dd [OPERAND]...\n  or:  dd OPTION\n');
  const u = await runIt(e, 'debian:bookworm', undefined, undefined, 'nobody');
  assert.equal(await u.type('dd if=/dev/zero of=/root/x count=1'), "dd: failed to open '/root/x': Permission denied\n");
  assert.equal(await u.type('dd if=/etc/shadow of=/tmp/s'), "dd: failed to open '/etc/shadow': Permission denied\n");
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('dd if=/dev/zero of=big bs=1M count=10'), '10+0 records in\n10+0 records out\n10485760 bytes (10.0MB) copied, 0.005029 seconds, 1.9GB/s\n');
  assert.equal(await a.type('dd if=nope; echo $?'), "dd: can't open 'nope': No such file or directory\n1\n");
  assert.match(await a.type('dd foo; echo $?'), /^BusyBox v1\.37\.0 .*\n\nUsage: dd \[if=FILE\][^]*\n1\n$/);
});

test('truncate and fallocate set a size: grow, shrink, relative sizes and their errors', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm', 'alpine');
  const { type } = await runIt(e, 'debian:bookworm');
  assert.equal(await type('truncate -s 100M t; stat -c %s t'), '104857600\n');
  assert.equal(await type('truncate -s +1K t; stat -c %s t'), '104858624\n');
  assert.equal(await type('echo hello > h; truncate -s 3 h; cat h; echo; truncate -c -s 1 none; ls none'), "hel\nls: cannot access 'none': No such file or directory\n");
  assert.equal(await type('truncate t'), "truncate: you must specify either '--size' or '--reference'\nTry 'truncate --help' for more information.\n");
  assert.equal(await type('truncate -s 1K'), "truncate: missing file operand\nTry 'truncate --help' for more information.\n");
  assert.equal(await type('truncate -s 5x t; echo $?'), "truncate: Invalid number: '5x'\n1\n");
  assert.equal(await type('truncate -s 1 /no/f'), "truncate: cannot open '/no/f' for writing: No such file or directory\n");
  assert.equal(await type('fallocate -l 20M f; stat -c %s f; fallocate -l 1K f; stat -c %s f'), '20971520\n20971520\n');
  assert.equal(await type('fallocate f; fallocate -l x f; fallocate -l 1M'), "fallocate: no length argument specified\nfallocate: invalid length value specified\nfallocate: no filename specified\nTry 'fallocate --help' for more information.\n");
  assert.equal(await type('fallocate --version'), 'fallocate from util-linux 2.38.1\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('truncate -s 1M t && fallocate -l 2M f && stat -c %s t f'), '1048576\n2097152\n');
});

test('expr: arithmetic, comparisons, strings, regex matches, its exit status and errors', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm', 'alpine');
  const { type } = await runIt(e, 'debian:bookworm');
  assert.equal(await type("expr 1 + 2; expr 10 / 3 \\* 2; expr \\( 1 + 2 \\) \\* 3; expr 7 % 3; expr 5 \\> 3; expr abc \\< abd; expr 10 \\< 9"), '3\n6\n9\n1\n1\n1\n0\n');
  assert.equal(await type("expr length hello; expr substr hello 2 3; expr index hello l; expr hello : 'h\\(.*\\)o'; expr hello : 'hel'; expr 0 \\| 5; expr 3 \\& 0"), '5\nell\n3\nell\n3\n5\n0\n');
  assert.equal(await type('expr 1 - 1; echo $?; expr ""; echo $?'), '0\n1\n\n1\n');
  assert.equal(await type('expr a + 1; echo $?'), 'expr: non-integer argument\n2\n');
  assert.equal(await type('expr 1 2; echo $?'), "expr: syntax error: unexpected argument '2'\n2\n");
  assert.equal(await type('expr 1 /; expr 4 / 0'), "expr: syntax error: missing argument after '/'\nexpr: division by zero\n");
  assert.equal(await type('expr; echo $?'), "expr: missing operand\nTry 'expr --help' for more information.\n2\n");
  assert.equal(await type('i=1; i=$(expr $i + 1); echo $i'), '2\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('expr 2 \\* 21; expr a + 1; echo $?; expr 1 2; echo $?'), '42\nexpr: non-numeric argument\n2\nexpr: syntax error\n2\n');
});

test('mktemp, link, unlink, mkfifo, install, nice, nohup and sync', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm', 'alpine');
  const { type } = await runIt(e, 'debian:bookworm');
  assert.match(await type('mktemp'), /^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/);
  assert.match(await type('d=$(mktemp -d) && ls -ld $d | cut -c1-10'), /^drwx------\n$/);
  assert.match(await type('f=$(mktemp) && ls -l $f | cut -c1-10'), /^-rw-------\n$/);
  assert.equal(await type('mktemp fooXX; mktemp /nodir/aXXXX; echo $?'), "mktemp: too few X's in template 'fooXX'\nmktemp: failed to create file via template '/nodir/aXXXX': No such file or directory\n1\n");
  assert.equal(await type('echo x > a; link a b; cat b; link a b; link a'), "x\nlink: cannot create link 'b' to 'a': File exists\nlink: missing operand after 'a'\nTry 'link --help' for more information.\n");
  assert.equal(await type('unlink b; ls b; unlink b; unlink /tmp'), "ls: cannot access 'b': No such file or directory\nunlink: cannot unlink 'b': No such file or directory\nunlink: cannot unlink '/tmp': Is a directory\n");
  assert.equal(await type('mkfifo p; ls p; mkfifo p'), "p\nmkfifo: cannot create fifo 'p': File exists\n");
  assert.equal(await type('install -m 644 a /usr/local/bin/a; ls -l /usr/local/bin/a | cut -c1-10; install -d /opt/x/y && ls -d /opt/x/y'), '-rw-r--r--\n/opt/x/y\n');
  assert.equal(await type('install nope /tmp; install'), "install: cannot stat 'nope': No such file or directory\ninstall: missing file operand\nTry 'install --help' for more information.\n");
  assert.equal(await type('nice; nice -n 5 echo hi; nice -n x echo; nice foo; echo $?'), "0\nhi\nnice: invalid adjustment 'x'\nTry 'nice --help' for more information.\nnice: 'foo': No such file or directory\n127\n");
  assert.equal(await type('nohup echo hi; cat nohup.out'), "nohup: ignoring input and appending output to 'nohup.out'\nhi\n");
  assert.equal(await type('nohup; echo $?; nohup nope; echo $?'), "nohup: missing operand\nTry 'nohup --help' for more information.\n125\nnohup: ignoring input and appending output to 'nohup.out'\nnohup: failed to run command 'nope': No such file or directory\n127\n");
  assert.equal(await type('echo x | nohup echo piped | cat'), 'piped\n');
  assert.equal(await type('sync; echo $?; sync --help | head -1'), '0\nUsage: sync [OPTION] [FILE]...\n');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('mktemp'), /^\/tmp\/tmp\.[A-Za-z0-9]{6}\n$/);
  assert.equal(await a.type('nohup echo hi; cat nohup.out; unlink nohup.out; unlink nohup.out'), "hi\nunlink: can't delete 'nohup.out': No such file or directory\n");
});
