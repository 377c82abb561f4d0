import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';

test('ls -R labels every directory and goes down depth first (GNU and busybox)', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const { type } = await runIt(e, 'ubuntu');
  await type('mkdir -p /t/a/x /t/b && touch /t/a/f /t/top && ln -s /t/a /t/l');
  assert.equal(await type('ls -R /t | cat'), '/t:\na\nb\nl\ntop\n\n/t/a:\nf\nx\n\n/t/a/x:\n\n/t/b:\n');
  assert.equal(await type('cd /t && ls -aR b | cat'), 'b:\n.\n..\n');
  assert.equal(await type('ls -R /t/ | head -8 | tail -2'), '/t/a:\nf\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('mkdir -p /t/d && cd /t && ls -lR | grep :$'), '.:\n./d:\n');
});

test('id USER: the entry of another user, or an error for one /etc/passwd does not have', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type('id nobody'), 'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n');
  assert.equal(await d.type('id nope; echo $?'), "id: 'nope': no such user\n1\n");
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('id nobody'), 'uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n');
  assert.equal(await a.type('id nope; echo $?'), 'id: unknown user nope\n1\n');
});

test('find: start paths, -name, -type, -maxdepth and the errors of GNU find and busybox find', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  await u.type('mkdir -p /t/d && touch /t/a.txt /t/d/b.txt && ln -s /t/d /t/l && cd /t');
  assert.equal(await u.type('find'), '.\n./a.txt\n./d\n./d/b.txt\n./l\n');
  assert.equal(await u.type('find /t/ -name "*.txt"'), '/t/a.txt\n/t/d/b.txt\n');
  assert.equal(await u.type('find . -type d'), '.\n./d\n');
  assert.equal(await u.type('find /t -maxdepth 1 -type l'), '/t/l\n');
  assert.equal(await u.type('find /nope d; echo $?'), "find: '/nope': No such file or directory\nd\nd/b.txt\n1\n");
  assert.equal(await u.type('find -type x'), 'find: Unknown argument to -type: x\n');
  assert.equal(await u.type('find -name'), "find: missing argument to `-name'\n");
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('find /etc -name passwd'), '/etc/passwd\n');
  assert.equal(await a.type('find /nope; echo $?'), 'find: /nope: No such file or directory\n1\n');
});

test('df, du and free: the host disk and memory as GNU, procps and busybox print them', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('df -h'), [
    'Filesystem      Size  Used Avail Use% Mounted on',
    'overlay          59G   13G   43G  24% /',
    'tmpfs            64M     0   64M   0% /dev',
    'shm              64M     0   64M   0% /dev/shm',
    '/dev/sda1        59G   13G   43G  24% /etc/hosts',
    'tmpfs           3.9G     0  3.9G   0% /proc/acpi',
    'tmpfs           3.9G     0  3.9G   0% /sys/firmware',
  ].join('\n') + '\n');
  assert.equal(await u.type('df /tmp'), 'Filesystem     1K-blocks     Used Available Use% Mounted on\noverlay         61202244 13568448  44573684  24% /\n');
  assert.equal(await u.type('df /nope; echo $?'), 'df: /nope: No such file or directory\n1\n');
  assert.equal(await u.type('free -h'), '               total        used        free      shared  buff/cache   available\nMem:           7.8Gi       768Mi       5.2Gi       3.0Mi       1.8Gi       6.8Gi\nSwap:             0B          0B          0B\n');
  assert.equal(await u.type('free -m | tail -1'), 'Swap:              0           0           0\n');
  // perl's 109875 bytes take 27 blocks of 4 KiB
  await u.type('mkdir -p /d/s && printf x > /d/a && cp /usr/bin/perl /d/s/b && ln -s a /d/l');
  assert.equal(await u.type('ls -l /d/s/b | cut -d" " -f5'), '109875\n');
  assert.equal(await u.type('du /d'), '112\t/d/s\n120\t/d\n');
  assert.equal(await u.type('du -sh /d /nope; echo $?'), "120K\t/d\ndu: cannot access '/nope': No such file or directory\n1\n");
  assert.equal(await u.type('du -a /d | head -2'), '4\t/d/a\n0\t/d/l\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('df -h / | tail -1'), 'overlay                  58.4G     12.9G     42.5G  23% /\n');
  assert.equal(await a.type('df | grep -c /dev/sda1'), '3\n');
  assert.equal(await a.type('free'), '              total        used        free      shared  buff/cache   available\nMem:        8129564      787112     5462208        3120     1880244     7086452\nSwap:             0           0           0\n');
  await a.type('mkdir /d && echo hi > /d/a');
  assert.equal(await a.type('du -sh /d'), '8.0K\t/d\n');
});

test('head, tail, grep and wc: operands in turn, -c, +N and -N counts, exit statuses and widths', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  await d.type("printf '1\\n2\\n3\\n4' > /n");
  assert.equal(await d.type('head -n 1 /n /nope /n; echo $?'), "==> /n <==\n1\nhead: cannot open '/nope' for reading: No such file or directory\n\n==> /n <==\n1\n1\n");
  assert.equal(await d.type('head -c 3 /n; echo; head -n -2 /n; tail -n +3 /n; echo; tail -1 /n; echo; tail -c 2 /n'), '1\n2\n1\n2\n3\n4\n4\n\n4');
  assert.equal(await d.type('grep 1 /n /nope /n; echo $?'), '/n:1\ngrep: /nope: No such file or directory\n/n:1\n2\n');
  assert.equal(await d.type('grep -q 1 /n /nope; echo $?'), '0\n');
  assert.equal(await d.type('wc -l /n /etc/passwd'), '  3 /n\n 18 /etc/passwd\n 21 total\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('grep root /nope /etc/passwd; echo $?'), 'grep: /nope: No such file or directory\n/etc/passwd:root:x:0:0:root:/root:/bin/sh\n2\n');
});

test('date +FORMAT: strftime conversions in UTC, an unknown one left as written', async () => {
  const e = engine();
  await pull(e, 'debian');
  const d = await runIt(e, 'debian');
  const now = await d.type('date');
  assert.match(now, /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\n$/);
  const [, mon, day, time, year] = /^\w+ (\w+) +(\d+) (\S+) UTC (\d+)/.exec(now)!;
  const iso = await d.type("date '+%F %T|%b %e|%Q%%'");
  assert.equal(iso, `${year}-${String('JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(mon) / 3 + 1).padStart(2, '0')}-${day.padStart(2, '0')} ${time.slice(0, 6)}${iso.slice(17, 19)}|${mon} ${day.padStart(2)}|%Q%\n`);
});

test('basename, dirname and readlink', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('basename /a/b.txt .txt; basename /a/b/; basename /; basename .txt .txt; basename -s .c x/a.c b.c; basename -a p/q r'), 'b\nb\n/\n.txt\na\nb\nq\nr\n');
  assert.equal(await u.type('dirname /a/b/; dirname a; dirname /; dirname a/b/c'), '/a\n.\n/\na/b\n');
  assert.equal(await u.type('basename; echo $?'), "basename: missing operand\nTry 'basename --help' for more information.\n1\n");
  assert.equal(await u.type('readlink /bin; readlink -f /bin/ls; readlink /etc; echo $?'), 'usr/bin\n/usr/bin/ls\n1\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('readlink /bin/ls'), '/bin/busybox\n');
});

test('sort, uniq, cut and tr in pipelines, with GNU and busybox errors', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type("printf 'b\\na\\n10\\n9\\nb\\n' | sort | uniq -c"), '      1 10\n      1 9\n      1 a\n      2 b\n');
  assert.equal(await d.type("printf '10\\n9\\n-1\\n' | sort -rn; printf 'b\\na\\nb\\n' | sort -u"), '10\n9\n-1\na\nb\n');
  assert.equal(await d.type('sort -t: -k3 -n /etc/passwd | cut -d: -f1,3 | head -2'), 'root:0\ndaemon:1\n');
  assert.equal(await d.type('echo abcdef | cut -c2-4,6; echo a:b | cut -d, -f2'), 'bcdf\na:b\n');
  assert.equal(await d.type("echo 'hola  mundo' | tr a-z A-Z | tr -s ' '; echo hola | tr -d o; echo abc | tr '[:lower:]' x"), 'HOLA MUNDO\nhla\nxxx\n');
  assert.equal(await d.type('sort /nope; echo $?'), 'sort: cannot read: /nope: No such file or directory\n2\n');
  assert.equal(await d.type('tr a; echo $?'), "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n1\n");
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('sort /nope; echo $?'), "sort: can't open '/nope': No such file or directory\n1\n");
  assert.equal(await a.type("printf 'x\\nx\\ny\\n' | uniq -d"), 'x\n');
});

test('touch: -c creates nothing, -d DATE is a date and not a file to create', async () => {
  const e = engine();
  await pull(e, 'debian');
  const d = await runIt(e, 'debian');
  assert.equal(await d.type('mkdir /t && cd /t && touch -c b && touch -d 2020-01-02 a && ls -l'), 'total 0\n-rw-r--r-- 1 root root 0 Jan  2  2020 a\n');
});

test('grep -x matches whole lines and -w whole words (GNU and busybox); tee writes files in the images', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  for (const img of ['ubuntu', 'alpine']) {
    const { type } = await runIt(e, img);
    await type("printf 'tree\\npstree\\ntree x\\n' > /tmp/l");
    assert.equal(await type('grep -x tree /tmp/l'), 'tree\n');
    assert.equal(await type('grep -xc tre /tmp/l; echo $?'), '0\n1\n');
    assert.equal(await type('grep -w tree /tmp/l'), 'tree\ntree x\n');
    assert.equal(await type('echo hi | tee /tmp/t && echo ho | tee -a /tmp/t >/dev/null && cat /tmp/t'), 'hi\nhi\nho\n');
    assert.equal(await type('echo x | tee /nope/f; echo $?'), img === 'alpine' ? "tee: can't open '/nope/f': No such file or directory\nx\n1\n" : 'tee: /nope/f: No such file or directory\nx\n1\n');
    assert.equal(await type('which nope; echo $?'), '1\n');
  }
});

test("which: debianutils' script (-a, -s, usage on stdout) and busybox's applet", async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('which; echo $?'), '1\n');
  assert.equal(await u.type('which -x ls; echo $?'), 'Illegal option -x\nUsage: /usr/bin/which [-as] args\n2\n');
  assert.equal(await u.type('which -s ls; echo $?; which -s nope; echo $?'), '0\n1\n');
  assert.equal(await u.type('which ls nope sh; echo $?'), '/usr/bin/ls\n/usr/bin/sh\n1\n');
  assert.equal(await u.type('which ls -a; echo $?'), '/usr/bin/ls\n1\n');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('which; echo $?'), /multi-call binary\.\n\nUsage: which \[-a\] COMMAND\.\.\.\n\nLocate COMMAND\n\n\t-a\tShow all matches\n1\n$/);
  assert.match(await a.type('which -x ls; echo $?'), /^which: unrecognized option: x\nBusyBox v1\.37\.0 [^]*\n1\n$/);
});
