import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';
import { session } from '../client/session';

test('/proc: a directory per process, and the kernel files made from the container\'s state', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const { type } = await runIt(e, 'alpine');
  const ls = await type('ls -1 /proc');
  assert.match(ls, /^1\nacpi\n/, 'the shell, PID 1');
  for (const n of ['cpuinfo', 'meminfo', 'mounts', 'self', 'sys', 'uptime', 'version']) assert.match(ls, new RegExp(`^${n}$`, 'm'), n);
  assert.equal(await type('cat /proc/1/cmdline'), '/bin/sh\0');
  assert.equal(await type('cat /proc/1/comm; grep -E "^(Name|Pid|PPid|Uid|VmRSS):" /proc/1/status'), 'sh\nName:\tsh\nPid:\t1\nPPid:\t0\nUid:\t0\t0\t0\t0\nVmRSS:\t    3840 kB\n');
  assert.equal(await type('cat /proc/sys/kernel/osrelease; cut -d" " -f1-3 /proc/version'), '6.8.0-60-generic\nLinux version 6.8.0-60-generic\n');
  assert.equal(await type('grep -c ^processor /proc/cpuinfo; grep -E "^Mem(Total|Free):" /proc/meminfo'), '4\nMemTotal:        8129564 kB\nMemFree:         5462208 kB\n');
  assert.match(await type('free | grep Mem'), /^Mem:\s+8129564\s+787112\s+5462208/, 'free agrees with meminfo');
  assert.match(await type('cat /proc/uptime'), /^\d+\.\d\d \d+\.\d\d\n$/);
  assert.equal(await type('grep -c " /etc/" /proc/mounts; head -2 /proc/mounts | cut -d" " -f1-3'), '3\noverlay / overlay\nproc /proc proc\n');
  assert.equal(await type('readlink /proc/1/exe; readlink /proc/1/cwd'), '/bin/busybox\n/\n');
  assert.equal(await type('cat /proc/nope'), 'cat: can\'t open \'/proc/nope\': No such file or directory\n');
});

test('/proc follows the processes: an exec appears while it runs, and docker export leaves /proc empty', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const { Id } = await e.containerCreate({ Image: 'alpine', Cmd: ['sleep', '1000'] }, 'web');
  await e.containerStart(Id);
  const fs = e.fsOf(e.get(Id));
  assert.deepEqual([...fs.list(['proc'])].filter(([n]) => /^\d+$/.test(n)).map(([n]) => n), ['1']);
  assert.equal(fs.readFile('/proc/1/cmdline'), 'sleep\u00001000\u0000');
  assert.equal(fs.readFile('/proc/self/status').split('\n')[0], 'Name:\tsleep');
  const tar = await e.containerExport(Id);
  assert.ok(!tar.data.includes('cmdline'));
});

test('ls -l /proc: what Docker masks is /dev/null, root-only files keep their modes, links have no size', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu');
  const out = await type('ls -l /proc | grep -E " (kcore|kmsg|self|sysrq-trigger)( |$)"');
  assert.match(out, /^crw-rw-rw- 1 root root 1, 3 .* kcore\n-r-------- 1 root root {4}0 .* kmsg\nlrwxrwxrwx 1 root root {4}0 .* self -> 1\n--w------- 1 root root {4}0 .* sysrq-trigger\n$/);
  assert.equal(await type('cat /proc/kcore | wc -c'), '0\n');
});

test('/proc/PID/environ: the daemon\'s environment, the image\'s and -e, then the HOME runc adds', async () => {
  const run = session();
  await run('docker run -d --name web -e A=1 nginx');
  assert.equal((await run('docker exec web tr "\\0" "\\n" < /dev/null')).exit, 0);
  const env = (await run('docker exec web sh -c "tr \\"\\\\0\\" \\"\\\\n\\" < /proc/1/environ"')).out.split('\n');
  assert.deepEqual([env[0].slice(0, 5), env[1].slice(0, 9), env.at(-3), env.at(-2)], ['PATH=', 'HOSTNAME=', 'A=1', 'HOME=/root']);
  await run('docker run -d --name box -u nobody ubuntu sleep 100');
  assert.equal((await run('docker exec box sh -c "tr \\"\\\\0\\" \\" \\" < /proc/1/environ"')).out.replace(/HOSTNAME=\w+/, 'HOSTNAME=x'),
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOSTNAME=x HOME=/nonexistent ');
});

test('tr reads octal escapes (\\0, \\141) as GNU and busybox tr do', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu');
  assert.equal(await type("printf 'a\\0b\\0' | tr '\\0' '\\n'"), 'a\nb\n');
  assert.equal(await type("echo abc | tr '\\141' X"), 'Xbc\n');
});
