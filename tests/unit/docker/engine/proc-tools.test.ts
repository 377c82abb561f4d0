import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { engine, inside, pull, runIt, screen } from './fixtures';

test('procps pgrep: names, -l, -a, -f, -c, -n, -d, -u; status 1 when nothing matched, 2 without criteria', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  await u.type('sleep 100 &');
  await u.type('sleep 200 &');
  assert.match(await u.type('pgrep sleep'), /^(\d+)\n(\d+)\n$/);
  assert.match(await u.type('pgrep -l sleep'), /^\d+ sleep\n\d+ sleep\n$/);
  assert.match(await u.type('pgrep -a sleep'), /^\d+ sleep 100\n\d+ sleep 200\n$/);
  assert.match(await u.type('pgrep -f "sleep 2"'), /^\d+\n$/);
  assert.equal(await u.type('pgrep -c sleep'), '2\n');
  assert.match(await u.type('pgrep -d, sleep'), /^\d+,\d+\n$/);
  assert.equal(await u.type('pgrep -x -u root bash'), '1\n');
  assert.equal(await u.type('pgrep -u nobody bash; echo $?'), '1\n');
  assert.equal(await u.type('pgrep -u nadie bash; echo $?'), 'pgrep: invalid user name: nadie\n2\n');
  assert.equal(await u.type('pgrep -u 0 -x bash'), '1\n');
  assert.equal(await u.type('pgrep nada; echo $?'), '1\n');
  assert.equal(await u.type('pgrep; echo $?'), "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n2\n");
  assert.equal(await u.type('pgrep a b; echo $?'), "pgrep: only one pattern can be provided\nTry `pgrep --help' for more information.\n2\n");
  assert.equal(await u.type('pgrep averyveryverylongname'), "pgrep: pattern that searches for process name longer than 15 characters will result in zero matches\nTry `pgrep -f' option to match against the complete command line.\n");
  assert.match(await u.type('pkill -e -KILL sleep; echo $?'), /^sleep killed \(pid \d+\)\nsleep killed \(pid \d+\)\n0\n/);
  assert.equal(await u.type('pkill sleep; echo $?'), '1\n');
});

test('busybox pgrep, pkill and pidof; procps pidof newest first', async () => {
  const e = engine();
  await pull(e, 'alpine', 'ubuntu');
  const a = await runIt(e, 'alpine');
  await a.type('sleep 100 &');
  assert.match(await a.type('pgrep -l sleep'), /^\d+ sleep\n$/);
  assert.match(await a.type('pidof sleep sh'), /^\d+ 1\n$/);
  assert.match(await a.type('pgrep; echo $?'), /^BusyBox v1\.37\.0 .*\n\nUsage: pgrep \[-flanovx\] \[-s SID\|-P PPID\|PATTERN\]\n1\n$/);
  assert.match(await a.type('pkill -l'), /^ 1\) HUP\n 2\) INT\n/);
  assert.match(await a.type('pkill -9 sleep; echo $?'), /^0\n/);
  assert.equal(await a.type('pidof sleep; echo $?'), '1\n');
  await pull(e, 'busybox');
  const b = await runIt(e, 'busybox');
  await b.type('sleep 100 &');
  assert.match(await b.type('pgrep -l sleep; pidof sh'), /^\d+ sleep\n1\n$/);
  const u = await runIt(e, 'ubuntu');
  await u.type('sleep 100 &');
  await u.type('sleep 100 &');
  assert.match(await u.type('pidof sleep'), /^(\d+) (\d+)\n$/);
  const [x, y] = (await u.type('pidof sleep')).trim().split(' ').map(Number);
  assert.ok(x > y);
  assert.match(await u.type('pidof -s sleep'), /^\d+\n$/);
});

test('w, vmstat, pmap, dmesg, usleep, ping6', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  assert.match(await u.type('w'), /^ \d\d:\d\d:\d\d up .*, {2}0 users, {2}load average: [\d., ]+\nUSER {5}TTY {6}FROM {13}LOGIN@ {3}IDLE {3}JCPU {3}PCPU WHAT\n$/);
  assert.equal(await u.type('vmstat'), 'procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st\n 1  0      0 5462208 98304 1781940   0    0     6    11   38   61  0  0 100 0  0\n');
  assert.equal((await u.type('vmstat 1 3')).split('\n').length, 6);
  assert.match(await u.type('pmap 1'), /^1: {3}\/bin\/bash\n[0-9a-f]{16} +\d+K r---- bash\n[^]* total {13}4584K\n$/);
  assert.equal(await u.type('pmap 999; echo $?'), '42\n');
  assert.equal(await u.type('pmap; echo $?'), 'pmap: argument missing\n1\n');
  assert.equal(await u.type('pgrep -V; vmstat --version'), 'pgrep from procps-ng 4.0.4\nvmstat from procps-ng 4.0.4\n');
  assert.equal(await u.type('dmesg; echo $?'), 'dmesg: read kernel buffer failed: Operation not permitted\n1\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('dmesg; echo $?'), 'dmesg: klogctl: Operation not permitted\n1\n');
  assert.equal(await a.type('usleep 1000; echo $?'), '0\n');
  assert.match(await a.type('pmap 1'), /^1: \/bin\/sh\n[0-9a-f]{16} +196K r--p  sh\n[^]*rw-p  \[stack\]\nmapped: 4584K\n$/);
  assert.equal(await a.type('pmap 99; echo $?'), '99: no such process\n42\n');
  assert.equal(await a.type('ping6 google.com; echo $?'), "ping6: bad address 'google.com'\n1\n");
  assert.equal(await a.type('ping6 2001:db8::1; echo $?'), 'PING 2001:db8::1 (2001:db8::1): 56 data bytes\nping6: sendto: Network unreachable\n1\n');
});

test('watch: a title line over the output until Ctrl+C; procps needs a terminal', async () => {
  const { run } = await inside('ubuntu');
  const out = await run('watch -n 1 echo hola', 2);
  assert.match(out, /^\x1b\[H\x1b\[JEvery 1\.0s: echo hola +\w+: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n\nhola\n\x1b\[H\x1b\[J/);
  assert.equal(out.split('hola\n').length, 3);
  assert.equal(await run('echo $?'), '0\n');
  assert.equal(await run('TERM= watch date; echo $?'), 'Error opening terminal: unknown.\n1\n');
  assert.match(await run('watch; echo $?'), /^\nUsage:\n watch \[options\] command\n[^]*1\n$/);
  const b = await inside('alpine');
  const bb = await b.run('watch date', 1);
  assert.match(bb, /^\x1b\[H\x1b\[JEvery 2\.0s: date {40,}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n\n/);
  assert.equal(await b.run('echo $?'), '130\n');
});

test('busybox netstat -tlnp: the servers the container runs, on both stacks; none established', async () => {
  const sh = createShell({ seed: 2 });
  const run = async (line: string) => {
    const t = screen();
    await sh.run(line, t);
    return t.text();
  };
  await run('docker run -d --name web nginx:alpine');
  const head = 'Proto Recv-Q Send-Q Local Address           Foreign Address         State       ';
  assert.equal(await run('docker exec web netstat -tln'), `Active Internet connections (only servers)\n${head}\ntcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      \ntcp        0      0 :::80                   :::*                    LISTEN      \n`);
  assert.equal(await run('docker exec web netstat -tlnp'), `Active Internet connections (only servers)\n${head}PID/Program name    \ntcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      1/nginx\ntcp        0      0 :::80                   :::*                    LISTEN      1/nginx\n`);
  assert.equal(await run('docker exec web netstat -n'), `Active Internet connections (w/o servers)\n${head}\n`);
  await run(`docker run -d --name app node:22-alpine node -e "require('http').createServer((q, s) => s.end('hi')).listen(3000)"`);
  assert.equal(await run('docker exec app netstat -tlnp'), `Active Internet connections (only servers)\n${head}PID/Program name    \ntcp        0      0 :::3000                 :::*                    LISTEN      1/node\n`);
});
