import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';

const PS_USAGE = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";

test('procps ps -o: headers right-aligned over numbers, left over text, the last column unpadded; = renames or hides', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  assert.match(await u.type('ps -o pid,user,comm'), /^ {4}PID USER {5}COMMAND\n {6}1 root {5}bash\n +\d+ root {5}ps\n$/);
  assert.match(await u.type('ps -o comm,pid'), /^COMMAND {13}PID\nbash {18}1\nps {12,}\d+\n$/);
  assert.match(await u.type('ps -eo pid,ppid,%cpu,%mem,args'), /^ {4}PID {4}PPID %CPU %MEM COMMAND\n {6}1 {7}0 {2}0\.0 {2}0\.0 \/bin\/bash\n +\d+ +1 {2}0\.0 {2}0\.0 ps -eo pid,ppid,%cpu,%mem,args\n$/);
  assert.match(await u.type('ps -o pid= -o comm='), /^ {6}1 bash\n +\d+ ps\n$/);
  assert.equal(await u.type('ps -p 1 -o comm='), 'bash\n');
  assert.equal(await u.type('ps -p 1 -o pid=PROCESS,cmd'), 'PROCESS CMD\n      1 /bin/bash\n');
  assert.match(await u.type('ps -ef'), /^UID {10}PID {4}PPID {2}C STIME TTY {10}TIME CMD\nroot {11}1 {7}0 {2}0 \d\d:\d\d pts\/0 {4}00:00:00 \/bin\/bash\nroot +\d+ +1 {2}0 \d\d:\d\d pts\/0 {4}00:00:00 ps -ef\n$/);
  // a cell wider than its column is taken back by the next one's padding (ADDR over `-`)
  assert.match(await u.type('ps -l'), /^F S {3}UID {5}PID {4}PPID {2}C PRI {2}NI ADDR SZ WCHAN {2}TTY {10}TIME CMD\n4 S {5}0 {7}1 {7}0 {2}0 {2}80 {3}0 - {2}\d+ do_wai pts\/0 {4}00:00:00 bash\n4 R .* ps\n$/);
});

test('procps ps selects with -p, -C, -U and sorts with --sort; no process listed is status 1', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  assert.match(await u.type('ps -e -o pid=,comm= --sort=-pid'), /^ +\d+ ps\n {6}1 bash\n$/);
  assert.match(await u.type('ps -C bash -o comm,etime'), /^COMMAND {13}ELAPSED\nbash {18}00:0\d\n$/);
  assert.equal(await u.type('ps -U root --no-headers -o comm'), 'bash\nps\n');
  assert.equal(await u.type('ps -p 999 -o pid; echo $?'), '    PID\n1\n');
  assert.match(await u.type('ps aux'), /^USER {9}PID %CPU %MEM {4}VSZ {3}RSS TTY {6}STAT START {3}TIME COMMAND\nroot {11}1 {2}0\.0 {2}0\.0 {3}4588 {2}3840 pts\/0 {4}Ss {3}\d\d:\d\d {3}0:00 \/bin\/bash\n/);
  assert.match(await u.type('ps ax'), /^ {4}PID TTY {6}STAT {3}TIME COMMAND\n {6}1 pts\/0 {4}Ss {5}0:00 \/bin\/bash\n/);
});

test('procps ps: bad options and format specifiers print its error and usage, status 1', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('ps -o x; echo $?'), `error: unknown user-defined format specifier "x"\n${PS_USAGE}1\n`);
  assert.equal(await u.type('ps -o pid,%vsz'), `error: improper AIX field descriptor\n${PS_USAGE}`);
  assert.equal(await u.type('ps -k'), `error: unsupported SysV option\n${PS_USAGE}`);
  assert.equal(await u.type('ps ab'), `error: unsupported option (BSD syntax)\n${PS_USAGE}`);
  assert.equal(await u.type('ps --bogus'), `error: unknown gnu long option\n${PS_USAGE}`);
  assert.equal(await u.type('ps -o'), `error: format specification must follow -o\n${PS_USAGE}`);
  assert.equal(await u.type('ps -p x'), `error: process ID list syntax error\n${PS_USAGE}`);
  assert.equal(await u.type('ps --sort=nope'), `error: unknown sort specifier\n${PS_USAGE}`);
  assert.equal(await u.type('ps -fu darth'), `error: user name does not exist\n${PS_USAGE}`);
});

test('busybox ps: its own columns, -o with left-aligned headers, BSD words ignored, its own errors', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('ps'), /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 \/bin\/sh\n +\d+ root {6}0:00 ps\n$/);
  assert.match(await a.type('ps aux'), /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 \/bin\/sh\n/);
  assert.match(await a.type('ps -ef'), /^PID {3}USER {5}TIME {2}COMMAND\n/);
  assert.match(await a.type('ps -o pid,comm'), /^PID {3}COMMAND\n {4}1 sh\n +\d+ ps\n$/);
  assert.match(await a.type('ps -o pid=,comm='), /^ {4}1 sh\n/);
  assert.equal(await a.type('ps -o foo; echo $?'), "ps: bad -o argument 'foo'\n1\n");
  assert.match(await a.type('ps -z; echo $?'), /^ps: unrecognized option: z\nBusyBox v1\.37\.0 \(.*\) multi-call binary\.\n\nUsage: ps \[-o COL1,COL2=HEADER\] \[-T\]\n[^]*\n1\n$/);
});

test('busybox: its banner and applet list, --list, an applet by name, a name it has not', async () => {
  const e = engine();
  await pull(e, 'alpine', 'alpine:3.19');
  const a = await runIt(e, 'alpine');
  const help = await a.type('busybox');
  assert.ok(help.startsWith('BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n\n'), help);
  assert.ok(help.includes('\nCurrently defined functions:\n\t[, [[, acpid, add-shell, addgroup, adduser,\n\tadjtimex, arch, arp, arping, ash, awk, base64,\n'), help);
  assert.ok(help.endsWith(', yes, zcat, zcip\n'), help);
  assert.equal(await a.type('busybox --list | wc -l'), '304\n');
  assert.equal(await a.type('busybox echo hi'), 'hi\n');
  assert.equal(await a.type('busybox nope; echo $?'), 'nope: applet not found\n127\n');
  assert.equal(await a.type('sh --help; echo $?'), "BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: sh [-il] [-|+Cabefmnuvx] [-|+o OPT]... [-c 'SCRIPT' [ARG0 ARGS] | FILE ARGS | -s ARGS]\n\nUnix shell interpreter\n0\n");
  // alpine 3.19 ships busybox 1.36.1, which has no `tree`
  const old = await runIt(e, 'alpine:3.19');
  assert.match(await old.type('busybox | head -1'), /^BusyBox v1\.36\.1 \(2023-11-07 18:53:09 UTC\) multi-call binary\.\n$/);
  assert.equal(await old.type('busybox --list | grep -c "^tree$"'), '0\n');
  assert.match(await old.type('seq'), /^BusyBox v1\.36\.1 \(/);
  assert.match(await old.type('apk add bash'), /Executing busybox-1\.36\.1-r15\.trigger\n/);
});

test('top without -b draws the screen of top -b -n 1 and holds it until q; without a terminal procps top fails', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  const screen = await u.type('top; echo status $?');
  const lines = screen.split('\n');
  assert.equal(lines[6], '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND');
  assert.match(lines[8], / R {3}0\.0 {3}0\.1 {3}0:00\.00 top$/);
  assert.ok(!screen.includes('status'), screen);
  assert.equal(await u.type('x'), '');
  assert.equal(await u.type('q'), 'status 0\n');
  assert.equal(await u.type('echo next'), 'next\n');
  assert.equal(await u.type('echo q | top; echo $?'), 'top: failed tty get\n1\n');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('top'), /^Mem: .*\n[^]*\n {2}PID {2}PPID USER {5}STAT {3}VSZ %VSZ CPU %CPU COMMAND\n[^]* top\n$/);
  assert.equal(await a.type('q'), '');
  assert.equal(await a.type('echo $?'), '0\n');
  // run by runc itself on a terminal it draws too
  const direct = await runIt(e, 'ubuntu', undefined, ['top']);
  assert.match(direct.io.text, /^top - [^]*\n {6}1 root .* top\n$/);
  assert.equal((await e.containerInspect(direct.id)).State.Running, true);
  await direct.type('q');
  assert.deepEqual([(await e.containerInspect(direct.id)).State.Running, (await e.containerInspect(direct.id)).State.ExitCode], [false, 0]);
  // busybox top keeps a detached container up, and dies of the TERM of docker stop
  const bb = await e.containerCreate({ Image: 'alpine', Cmd: ['top'] });
  await e.containerStart(bb.Id);
  assert.equal((await e.containerInspect(bb.Id)).State.Running, true);
  await e.containerStop(bb.Id);
  assert.equal((await e.containerInspect(bb.Id)).State.ExitCode, 143);
  const { Id } = await e.containerCreate({ Image: 'ubuntu', Cmd: ['top'] });
  await e.containerStart(Id);
  await e.containerWait(Id);
  assert.equal((await e.containerInspect(Id)).State.ExitCode, 1);
});
