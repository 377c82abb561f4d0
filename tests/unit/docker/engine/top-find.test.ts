import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';

test('top -b -n 1 prints one frame: procps top on Ubuntu, busybox top on Alpine; plain top holds its screen until q', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  const frame = (await u.type('top -b -n 1')).split('\n');
  assert.match(frame[0], /^top - \d\d:\d\d:\d\d up +\d+:\d\d, {2}0 users, {2}load average: 0\.08, 0\.03, 0\.01$/);
  assert.equal(frame[1], 'Tasks:   2 total,   1 running,   1 sleeping,   0 stopped,   0 zombie');
  assert.equal(frame[3], 'MiB Mem :   7939.0 total,   5334.2 free,    768.7 used,   1836.2 buff/cache     ');
  assert.equal(frame[6], '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND');
  assert.match(frame[7], /^ {6}1 root {6}20 {3}0 {4}4588 {3}3840 {3}3328 S {3}0\.0 {3}0\.0 {3}0:00\.02 bash$/);
  assert.match(frame[8], / R {3}0\.0 {3}0\.1 {3}0:00\.00 top$/);
  assert.match(await u.type('top; echo $?'), /^top - [^]* top\n$/);
  assert.equal(await u.type('q'), '0\n');
  const a = await runIt(e, 'alpine');
  const bb = (await a.type('top -bn1')).split('\n');
  assert.equal(bb[0], 'Mem: 2667356K used, 5462208K free, 3120K shrd, 98304K buff, 1620020K cached');
  assert.equal(bb[3], '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND');
  assert.match(bb[5], /^ +\d+ +1 root +R .* top -bn1$/);
});

test('GNU find warns about -maxdepth given after a test; busybox does not', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('find /etc -name "os-*" -maxdepth 1'), 'find: warning: you have specified the global option -maxdepth after the argument -name, but global options are not positional, i.e., -maxdepth affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n/etc/os-release\n');
  assert.equal(await u.type('find /etc -maxdepth 1 -name "os-*"'), '/etc/os-release\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('find /etc -name "os-*" -maxdepth 1'), '/etc/os-release\n');
});

test('uptime and nproc agree with /proc/uptime and /proc/cpuinfo', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  const [secs] = (await u.type('cat /proc/uptime')).split(' ').map(Number);
  const line = await u.type('uptime');
  const m = /^ \d\d:\d\d:\d\d up +(\d+):(\d\d), {2}0 users, {2}load average: 0\.08, 0\.03, 0\.01\n$/.exec(line);
  assert.ok(m, line);
  assert.equal(Number(m[1]) * 60 + Number(m[2]), Math.floor(secs / 60));
  assert.equal(await u.type('nproc; grep -c ^processor /proc/cpuinfo'), '4\n4\n');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('uptime'), /^ \d\d:\d\d:\d\d up +\d+:\d\d, {2}load average: 0\.08, 0\.03, 0\.01\n$/);
});
