/**
 * procps-ng 4.0's small process tools (pgrep, pkill, pidof, watch, w, vmstat, pmap) and busybox's
 * applets of the same names, over the machine's processes; busybox's usleep, dmesg and ping6.
 */
import { comm } from '../../common/sh/ps';
import { account } from '../../common/sh/passwd';
import { parseSignal, signalList } from '../../common/sh/signals';
import { opts, usage } from '../../common/sh/opts';
import { asctime, strftime } from '../../common/dates';
import { uptime } from './top';
import { packaged } from './package-files';
import type { Command, IO, ProcInfo, ShellLike } from './types';

const ownerOf = (sh: ShellLike, p: ProcInfo) => {
  const u = p.user?.split(':')[0] ?? 'root';
  return [u, String(account(sh.m.fs, u)?.uid ?? u)];
};
const more = (n: string) => `Try \`${n} --help' for more information.\n`;
const LONG: Record<string, string> = { full: 'f', 'list-name': 'l', 'list-full': 'a', exact: 'x', count: 'c', newest: 'n', oldest: 'o', inverse: 'v', echo: 'e', 'ignore-case': 'i' };

/** pgrep and pkill: every criterion must match; status 1 when nothing did, 2 for a wrong call. */
const pgrep: Command = (args, io, sh) => {
  const n = args[0];
  const kill = n === 'pkill';
  const bb = io.busybox;
  let sig = 15;
  const argv = [...args];
  // pkill's -SIGNAL: procps finds it anywhere, busybox only first
  const at = kill ? argv.findIndex((a, i) => i && (!bb || i === 1) && /^-\w+$/.test(a) && parseSignal(a.slice(1)) !== undefined) : -1;
  if (at > 0) sig = parseSignal(argv.splice(at, 1)[0].slice(1))!;
  const o = opts(argv, 'uUPdst');
  for (const f of o.flags) if (f.startsWith('--')) o.flags.add(LONG[f.slice(2)] ?? f);
  const i = argv.findIndex((a) => /^--signal(=|$)/.test(a));
  if (i > 0 && kill) sig = parseSignal(argv[i].slice(9) || (o.rest.shift() ?? '')) ?? 15;
  const f = (c: string) => o.flags.has(c);
  if (kill && bb && f('l')) return io.out(signalList('ash')), 0;
  const pattern = o.rest[0];
  const criteria = 'uUPst'.split('').some((c) => c in o.values) || f('n') || f('o');
  if (o.rest.length > 1 || (!pattern && !criteria)) {
    if (bb) return usage(io, `${n} [-flanovx] [-s SID|-P PPID|PATTERN]`), 1;
    return io.err(`${n}: ${o.rest.length > 1 ? 'only one pattern can be provided' : 'no matching criteria specified'}\n${more(n)}`), 2;
  }
  let re: RegExp | undefined;
  try {
    re = pattern === undefined ? undefined : new RegExp(f('x') ? `^(${pattern})$` : pattern, f('i') ? 'i' : '');
  } catch {
    return io.err(`${n}: regex error: Invalid regular expression\n`), 2;
  }
  const list = (c: string) => o.values[c]?.split(',');
  const users = list('u') ?? list('U');
  const ppids = list('P');
  const bad = users?.find((u) => !/^\d+$/.test(u) && !account(sh.m.fs, u));
  if (bad && !bb) return io.err(`${n}: invalid user name: ${bad}\n`), 2;
  let found = sh.m.procs().filter((p) => {
    const ok = (!re || re.test(f('f') ? p.argv.join(' ') : comm(p)))
      && (!users || ownerOf(sh, p).some((x) => users.includes(x)))
      && (!ppids || ppids.includes(String(p.ppid)));
    return ok !== f('v');
  });
  if (f('n') || f('o')) found = found.sort((a, b) => a.start - b.start || a.pid - b.pid).slice(f('n') ? -1 : 0, f('n') ? undefined : 1);
  if (!found.length && pattern && !f('f') && !bb && pattern.length > 15 && !/[|[]/.test(pattern)) {
    io.err(`${n}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${n} -f' option to match against the complete command line.\n`);
  }
  const label = (p: ProcInfo) => (f('a') ? p.argv.join(' ') : comm(p));
  if (kill) {
    let done = 0;
    for (const p of found) {
      if (!sh.m.signal?.(p.pid, sig, sh.ownPid)) continue;
      done++;
      if (f('e')) io.out(`${comm(p)} killed (pid ${p.pid})\n`);
    }
    if (f('c')) io.out(`${found.length}\n`);
    return done ? 0 : 1;
  }
  if (f('c')) io.out(`${found.length}\n`);
  else if (found.length) io.out(found.map((p) => (f('l') || f('a') ? `${p.pid} ${label(p)}` : p.pid)).join(o.values.d ?? '\n') + '\n');
  return found.length ? 0 : 1;
};

/** pidof: sysvinit's and procps' list the newest first, busybox's in /proc's order; -s stops at one. */
const pidof: Command = (args, io, sh) => {
  const o = opts(args, 'o');
  const omit = (o.values.o ?? '').split(',');
  const all = sh.m.procs().filter((p) => !omit.includes(String(p.pid)));
  if (!io.busybox) all.reverse();
  let pids = o.rest.flatMap((x) => all.filter((p) => x === p.argv[0] || x === comm(p)).map((p) => p.pid));
  if (o.flags.has('s')) pids = pids.slice(0, 1);
  if (pids.length) io.out(pids.join(' ') + '\n');
  return pids.length ? 0 : 1;
};

/**
 * watch: the command's output under a title line, again every interval until Ctrl+C. procps'
 * draws with curses, which needs to know the terminal; busybox's only clears the screen.
 */
const watch: Command = async (args, io, sh) => {
  const o = opts(args, 'n');
  const bb = io.busybox;
  if (!o.rest.length) return bb ? (usage(io, 'watch [-n SEC] [-t] PROG ARGS\n\nRun PROG periodically\n\n\t-n SEC\tPeriod (default 2)\n\t-t\tDon\'t print header'), 1) : (io.err('\nUsage:\n watch [options] command\n'), 1);
  // curses knows the terminal by $TERM, which `docker run` sets only with -t
  if (!sh.getVar('TERM') && !bb) return io.err('Error opening terminal: unknown.\n'), 1;
  const secs = Number(o.values.n ?? 2);
  const cmd = o.rest.join(' ');
  const w = io.columns ?? 80;
  do {
    const now = sh.m.now();
    const left = `Every ${secs.toFixed(1)}s: ${cmd}`;
    const right = bb ? strftime(new Date(now), '%Y-%m-%d %H:%M:%S') : `${sh.m.hostname}: ${asctime(now)}`;
    io.out('\x1b[H\x1b[J' + (o.flags.has('t') ? '' : (bb ? left.padEnd(w - 20).slice(0, w - 20) + right : left.padEnd(w - right.length) + right) + '\n\n'));
    await sh.spawn(['sh', '-c', cmd], { ...io, stdin: undefined });
    await io.sleep(secs * 1000);
  } while (io.signal && !io.signal.aborted);
  // busybox dies of the SIGINT; procps' handler ends curses and exits
  return bb ? 130 : 0;
};

/** vmstat's columns and widths; a number wider than its column pushes the next ones right. */
const VM = 'r 2 b 2 swpd 6 free 6 buff 6 cache 6 si 4 so 4 bi 5 bo 5 in 4 cs 4 us 2 sy 2 id 2 wa 2 st 2'.split(' ');
const vmstat: Command = async (args, io) => {
  const o = opts(args);
  const [delay, count] = o.rest.map(Number);
  const row = (v: number[]) => {
    let skew = 0;
    return v.map((x, k) => {
      let w = +VM[2 * k + 1];
      const d = String(x).length;
      while (skew > 0 && d < w) w--, skew--;
      skew += Math.max(0, d - w);
      return String(x).padStart(w);
    }).join(' ') + '\n';
  };
  io.out('procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n' + VM.filter((_, k) => !(k % 2)).map((h, k) => h.padStart(+VM[2 * k + 1])).join(' ') + '\n');
  io.out(row([1, 0, 0, 5462208, 98304, 1781940, 0, 0, 6, 11, 38, 61, 0, 0, 100, 0, 0]));
  for (let k = 1; delay > 0 && (count ? k < count : !io.signal?.aborted) && (io.signal || count); k++) {
    await io.sleep(delay * 1000);
    if (!io.signal?.aborted) io.out(row([0, 0, 0, 5462208, 98304, 1781940, 0, 0, 0, 0, 21, 34, 0, 0, 100, 0, 0]));
  }
  return 0;
};

/** pmap PID: a process's mappings, adding up to its size; 42 when a PID has no process. */
const pmap: Command = (args, io, sh) => {
  const o = opts(args);
  if (!o.rest.length) return io.busybox ? (usage(io, 'pmap [-xq] PID...'), 1) : (io.err('pmap: argument missing\n'), 1);
  let code = 0;
  for (const pid of o.rest) {
    const p = sh.m.procs().find((x) => String(x.pid) === pid.replace(/^\/proc\//, ''));
    if (!p) {
      if (io.busybox) io.out(`${pid}: no such process\n`);
      code = 42;
      continue;
    }
    // busybox prints the kernel's 4-letter modes and names, and a `mapped:` total
    const bb = io.busybox;
    const maps: [number, string, string][] = [[196, 'r--', comm(p)], [1004, 'r-x', comm(p)], [2068, 'r--', 'libc.so.6'], [1184, 'rw-', bb ? '' : '  [ anon ]'], [132, 'rw-', bb ? '[stack]' : '  [ stack ]']];
    let at = 0x55d5c3a00000;
    io.out(`${p.pid}:${bb ? ' ' : '   '}${p.argv.join(' ')}\n${maps.map(([k, m, name]) => `${(at += k * 1024).toString(16).padStart(16, '0')} ${String(k).padStart(bb ? 7 : 6)}K ${m}${bb ? 'p  ' : '-- '}${name}\n`).join('')}${bb ? 'mapped: 4584K' : ` total ${String(4584).padStart(16)}K`}\n`);
  }
  return code;
};

const w: Command = (args, io, sh) => {
  if (!opts(args).flags.has('h')) uptime(['uptime'], io, sh), io.out('USER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT\n');
  return 0;
};

const usleep: Command = async (args, io) => {
  if (!/^\d+$/.test(args[1] ?? '')) return usage(io, 'usleep N\n\nPause for N microseconds'), 1;
  await io.sleep(Number(args[1]) / 1000);
  return 0;
};

/** A container may not read the kernel's ring buffer (CAP_SYSLOG). */
const dmesg: Command = (_a, io) => (io.err(io.busybox ? 'dmesg: klogctl: Operation not permitted\n' : 'dmesg: read kernel buffer failed: Operation not permitted\n'), 1);

/** ping6: Docker's default networks carry no IPv6, so a name has no address and an address no route. */
const ping6: Command = (args, io: IO) => {
  const host = opts(args, 'cWsIi').rest[0];
  if (!host) return usage(io, 'ping6 [OPTIONS] HOST'), 1;
  if (!host.includes(':')) return io.err(`ping6: bad address '${host}'\n`), 1;
  io.out(`PING ${host} (${host}): 56 data bytes\n`);
  return io.err('ping6: sendto: Network unreachable\n'), 1;
};

/** The servers known by their program: the ports their default configuration listens on (v4, v6); a node app's on v6 (`::`). */
const LISTENS: Record<string, string> = { nginx: '80 80', 'redis-server': '6379 6379', postgres: '5432 5432', mysqld: ' 3306 33060', httpd: ' 80' };

/** netstat: the container's listening TCP servers (-l), none established; -p adds who listens. */
const netstat: Command = (args, io, sh) => {
  const o = opts(args);
  const f = (c: string) => o.flags.has(c);
  const p = f('p');
  const rows = f('l') || f('a') ? [...new Map(sh.m.procs().reverse().map((x) => [comm(x), x])).values()].reverse().flatMap((x) => (LISTENS[comm(x)] ?? x.ports?.map((n) => ' ' + n).join('') ?? '').split(' ').map((port, v6) => port && `tcp        0      0 ${(v6 ? ':::' : '0.0.0.0:') + port}`.padEnd(44) + `${v6 ? ':::*' : '0.0.0.0:*'}`.padEnd(24) + `LISTEN      ${p ? `${x.pid}/${comm(x)}` : ''}\n`).filter(Boolean)) : [];
  io.out(`Active Internet connections (${f('a') ? 'servers and established' : f('l') ? 'only servers' : 'w/o servers'})\nProto Recv-Q Send-Q Local Address           Foreign Address         State       ${p ? 'PID/Program name    ' : ''}\n${f('u') && !f('t') ? '' : rows.join('')}`);
  return 0;
};

/** procps' programs name their release for -V (bookworm's 4.0.2, noble's 4.0.4). */
const procps = (c: Command): Command => (args, io, sh) => (!io.busybox && /^-(V|-version)$/.test(args[1] ?? '') ? (io.out(`${args[0]} from procps-ng 4.0.${packaged(sh.m.fs, ['4', '2', '2', '2'])}\n`), 0) : c(args, io, sh));

export const PROC_TOOLS: Record<string, Command> = { netstat, pgrep: procps(pgrep), pkill: procps(pgrep), pidof, watch: procps(watch), vmstat: procps(vmstat), pmap: procps(pmap), w: procps(w), usleep, dmesg, ping6 };
