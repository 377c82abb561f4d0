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
  assert.match(await a.type('dd --help; echo $?'), /^BusyBox v1\.37\.0 .*\n\nUsage: dd \[if=FILE\][^]*\n0\n$/);
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
  assert.equal(await type('fallocate f; fallocate -l x f; fallocate -l 1M'), "fallocate: no length argument specified\nfallocate: invalid length value specified: 'x': Invalid argument\nfallocate: no filename specified\nTry 'fallocate --help' for more information.\n");
  assert.equal(await type('fallocate'), "fallocate: no filename specified\nTry 'fallocate --help' for more information.\n");
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

test('cmp, comm, fold, shuf, expand, unexpand, tsort, split, factor and numfmt', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm', 'alpine');
  const { type } = await runIt(e, 'debian:bookworm');
  await type("printf 'hello\\nworld\\n' > a; printf 'hello\\nwurld\\n' > b; head -c 3 a > c; : > e");
  assert.equal(await type('cmp a b; echo $?; cmp a a; echo $?; cmp -s a b; echo $?'), 'a b differ: char 8, line 2\n1\n0\n1\n');
  assert.equal(await type('cmp a c; cmp e a; cmp a nope; echo $?; cmp -l a b'), 'cmp: EOF on c after byte 3, line 1\ncmp: EOF on e which is empty\ncmp: nope: No such file or directory\n2\n 8 157 165\n');
  await type("printf 'a\\nb\\nc\\n' > x; printf 'b\\nc\\nd\\n' > y; printf 'b\\na\\n' > z");
  assert.equal(await type('comm x y; comm -12 x y'), 'a\n\t\tb\n\t\tc\n\td\nb\nc\n');
  assert.equal(await type('comm x'), "comm: missing operand after 'x'\nTry 'comm --help' for more information.\n");
  assert.equal(await type('comm z y; echo $?'), '\t\tb\ncomm: file 1 is not in sorted order\na\n\tc\n\td\ncomm: input is not in sorted order\n1\n');
  assert.equal(await type('echo "The quick brown fox jumps" | fold -w 10; echo "The quick brown fox jumps" | fold -sw 10'), 'The quick \nbrown fox \njumps\nThe quick \nbrown fox \njumps\n');
  assert.equal(await type('seq 5 | shuf | sort; shuf -i 1-9 -n 3 | wc -l; shuf -e a b c | sort'), '1\n2\n3\n4\n5\n3\na\nb\nc\n');
  assert.equal(await type("printf 'a\\tb\\n' | expand; printf '        x\\n' | unexpand | od -c"), 'a       b\n0000000  \\t   x  \\n\n0000003\n');
  assert.equal(await type("printf 'a b\\nb c\\n' | tsort; echo a | tsort"), 'a\nb\nc\ntsort: -: input contains an odd number of tokens\n');
  assert.equal(await type('seq 2500 > s; split s; wc -l xa*; split -l 1000 -d s p; ls p0* | cat; split nope'), " 1000 xaa\n 1000 xab\n  500 xac\n 2500 total\np00\np01\np02\nsplit: cannot open 'nope' for reading: No such file or directory\n");
  assert.equal(await type('factor 12 97 1000000007 x; echo $?'), "12: 2 2 3\n97: 97\n1000000007: 1000000007\nfactor: 'x' is not a valid positive integer\n1\n");
  assert.equal(await type('numfmt --to=iec 1048576 2000 123456789; numfmt --to=si 1000000; numfmt --from=iec 1K; numfmt x; echo $?'), "1.0M\n2.0K\n118M\n1.0M\n1024\nnumfmt: invalid number: 'x'\n2\n");
  assert.equal(await type('cmp --version | head -1; shuf --help | head -1'), 'cmp (GNU diffutils) 3.8\nUsage: shuf [OPTION]... [FILE]\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type("printf 'ab\\n' > a; printf 'ac\\n' > b; cmp a b; cmp a nope; echo $?"), "a b differ: char 2, line 1\ncmp: can't open 'nope': No such file or directory\n2\n");
});

test('od, cksum and sum read bytes: formats, repeated lines, a file known only by its size', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm');
  const { type } = await runIt(e, 'debian:bookworm');
  await type('echo hello > h');
  assert.equal(await type('od h; od -c h; od -x h; od -An -tx1 h; od -b h'), '0000000 062550 066154 005157\n0000006\n0000000   h   e   l   l   o  \\n\n0000006\n0000000 6568 6c6c 0a6f\n0000006\n 68 65 6c 6c 6f 0a\n0000000 150 145 154 154 157 012\n0000006\n');
  assert.equal(await type('od -An -c -N3 h; od -c -tx1 h'), '   h   e   l\n0000000   h   e   l   l   o  \\n\n         68  65  6c  6c  6f  0a\n0000006\n');
  assert.equal(await type('dd if=/dev/zero of=z bs=1k count=4 status=none; od -c z'), '0000000  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n*\n0010000\n');
  assert.equal(await type('cksum h; printf "" | cksum; sum h; sum h h; sum -s h'), '3015617425 6 h\n4294967295 0\n36979     1\n36979     1 h\n36979     1 h\n542 1 h\n');
  assert.equal(await type('cksum nope; od nope; echo $?'), 'cksum: nope: No such file or directory\nod: nope: No such file or directory\n1\n');
});

test('gzip, gunzip and zcat: the original comes back; sizes, suffixes, -k, -c, -l, -v and errors', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm', 'alpine');
  const { type } = await runIt(e, 'debian:bookworm');
  assert.equal(await type('echo hello > f; gzip f; ls f*; stat -c %s f.gz; zcat f.gz; gunzip f.gz; cat f'), 'f.gz\n28\nhello\nhello\n');
  assert.equal(await type('gzip -k f; ls f*; gzip f; gzip f.gz; echo $?'), 'f  f.gz\ngzip: f.gz already exists;\tnot overwritten\ngzip: f.gz already has .gz suffix -- unchanged\n2\n');
  assert.equal(await type('gzip -l f.gz'), '         compressed        uncompressed  ratio uncompressed_name\n                 28                   6 -33.3% f\n');
  assert.equal(await type('gzip -c f | zcat; gzip -dc f.gz; rm f.gz; gzip -v f'), 'hello\nhello\nf:\t-33.3% -- replaced with f.gz\n');
  assert.equal(await type('gzip nope; echo $?; echo y > g; gunzip g; echo $?; mkdir d; gzip d'), 'gzip: nope: No such file or directory\n1\ngzip: g: unknown suffix -- ignored\n2\ngzip: d is a directory -- ignored\n');
  assert.equal(await type('echo x > t.gz; gunzip t.gz; echo $?; gzip; echo hi | gzip | gunzip'), 'gzip: t.gz: not in gzip format\n1\ngzip: compressed data not written to a terminal. Use -f to force compression.\nFor help, type: gzip -h\nhi\n');
  assert.equal(await type('dd if=/dev/zero of=z bs=1M count=10 status=none; gzip z; stat -c %s z.gz; gunzip z; stat -c %s z'), '10209\n10485760\n');
  assert.equal(await type('gzip --version | head -1; dir /etc/apt; arch; hostid'), 'gzip 1.12\napt.conf.d  auth.conf.d  keyrings  preferences.d  sources.list.d  trusted.gpg.d\nx86_64\n11ac0200\n');
  const u = await runIt(e, 'debian:bookworm', undefined, undefined, 'nobody');
  assert.equal(await u.type('gzip /etc/passwd'), 'gzip: /etc/passwd.gz: Permission denied\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('echo hello > f; gzip f; ls f*; zcat f.gz; gunzip f.gz; cat f; gzip nope'), "f.gz\nhello\nhello\ngzip: can't open 'nope': No such file or directory\n");
});

test('a user without permission gets EACCES from each program, worded as it words it; nohup in the background', async () => {
  const e = engine();
  await pull(e, 'debian:bookworm');
  const u = await runIt(e, 'debian:bookworm', undefined, undefined, 'nobody');
  assert.equal(await u.type('cd /tmp; mktemp -p /root; truncate -s 1 /etc/passwd; install /etc/hostname /root/x; mkfifo /f; link /etc/passwd /p; unlink /etc/passwd'), [
    "mktemp: failed to create file via template '/root/tmp.XXXXXXXXXX': Permission denied",
    "truncate: cannot open '/etc/passwd' for writing: Permission denied",
    "install: cannot create regular file '/root/x': Permission denied",
    "mkfifo: cannot create fifo '/f': Permission denied",
    "link: cannot create link '/p' to '/etc/passwd': Permission denied",
    "unlink: cannot unlink '/etc/passwd': Permission denied",
  ].join('\n') + '\n');
  const { type } = await runIt(e, 'debian:bookworm');
  assert.match(await type('nohup sleep 100 &'), /^\[1\] \d+\nnohup: ignoring input and appending output to 'nohup.out'\n$/);
});
