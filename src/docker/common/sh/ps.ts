/**
 * `ps`: procps-ng 4.0.4's (Debian, Ubuntu) with its SysV, BSD and GNU options, `-o` formats and
 * selections, and busybox's (Alpine, BusyBox) with its own columns; both over the machine's processes.
 */
import { account } from './passwd';
import { asctime } from '../dates';
import { usage } from './opts';
import type { IO, ProcInfo, ShellLike } from './types';

/** One process as ps shows it; docker top builds the same from the host's side. */
export interface PsView { pid: number; ppid: number; user: string; uid: string; tty: string; argv: string[]; start: number; stat: string; vsz: number; rss: number; now: number }
type Row = PsView;

/** The executable's name: a process title (`nginx: master process`) keeps the program's. */
export const comm = (r: { argv: string[] }) => r.argv[0].replace(/[:\s].*$/, '').replace(/^.*\//, '').slice(0, 15);
const args = (r: Row) => r.argv.join(' ');
const hhmm = (r: Row) => new Date(r.start).toISOString().slice(11, 16);
const two = (n: number) => String(n).padStart(2, '0');
/** `[[dd-]hh:]mm:ss` */
function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [d, h, m] = [Math.floor(s / 86400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60];
  return (d ? `${d}-${two(h)}:` : h ? `${two(h)}:` : '') + `${two(m)}:${two(s % 60)}`;
}

/** procps' format specifiers: header, width (negative: left-aligned), cell. */
type Spec = [string, number, (r: Row) => string | number];
const S: Record<string, Spec> = {
  pid: ['PID', 7, (r) => r.pid], ppid: ['PPID', 7, (r) => r.ppid], pgid: ['PGID', 7, (r) => r.pid], sid: ['SID', 7, () => 1],
  user: ['USER', -8, (r) => r.user], uid: ['UID', 5, (r) => r.uid], group: ['GROUP', -8, (r) => r.user], gid: ['GID', 5, (r) => r.uid],
  comm: ['COMMAND', -15, comm], ucmd: ['CMD', -15, comm], args: ['COMMAND', -27, args], cmd: ['CMD', -27, args],
  tty: ['TT', -8, (r) => r.tty], tname: ['TTY', -8, (r) => r.tty], stat: ['STAT', -4, (r) => r.stat], s: ['S', 1, (r) => r.stat[0]],
  time: ['TIME', 8, () => '00:00:00'], bsdtime: ['TIME', 6, () => '0:00'], etime: ['ELAPSED', 11, (r) => elapsed(r.now - r.start)],
  etimes: ['ELAPSED', 7, (r) => Math.floor((r.now - r.start) / 1000)], '%cpu': ['%CPU', 4, () => '0.0'], '%mem': ['%MEM', 4, () => '0.0'],
  c: ['C', 2, () => 0], vsz: ['VSZ', 6, (r) => r.vsz], rss: ['RSS', 5, (r) => r.rss], sz: ['SZ', 5, (r) => r.vsz >> 2],
  ni: ['NI', 3, () => 0], pri: ['PRI', 3, () => 19], opri: ['PRI', 3, () => 80], addr: ['ADDR', 1, () => '-'], psr: ['PSR', 3, () => 0], f: ['F', 1, (r) => (r.uid === '0' ? 4 : 0)], wchan: ['WCHAN', -6, (r) => (r.stat[0] === 'R' ? '-' : 'do_wai')],
  stime: ['STIME', 5, hhmm], start_time: ['START', 5, hhmm], lstart: ['STARTED', 24, (r) => asctime(r.start)],
  // the defaults' own columns: -f shows the user's name under UID
  uid_name: ['UID', -8, (r) => r.user],
  // aliases that report their own header
  euser: ['EUSER', -8, (r) => r.user], ruser: ['RUSER', -8, (r) => r.user], command: ['COMMAND', -27, args],
};
// the same columns under their other names
for (const [alias, name] of Object.entries({ uname: 'user', euid: 'uid', ruid: 'uid', egroup: 'group', rgroup: 'group', egid: 'gid', rgid: 'gid', ucomm: 'comm', tt: 'tty', state: 's', cputime: 'time', pcpu: '%cpu', pmem: '%mem', vsize: 'vsz', rssize: 'rss', rsz: 'rss', nice: 'ni', start: 'start_time', flags: 'f', flag: 'f', sess: 'sid', pgrp: 'pgid' })) S[alias] = S[name];

const FORMATS = {
  std: 'pid tname time ucmd', full: 'uid_name pid ppid c stime tname time cmd', user: 'user pid %cpu %mem vsz rss tname stat start_time bsdtime args',
  bsd: 'pid tname stat bsdtime args', long: 'f s uid pid ppid c opri ni addr sz wchan tname time ucmd',
};

export class PsError extends Error {}
const PS_USAGE = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";

/** Parses procps' mix of SysV (`-ef`), BSD (`aux`) and GNU (`--sort`) options. */
function parse(argv: string[]) {
  const o = { sysv: '', bsd: '', format: [] as string[], pids: [] as string[], names: [] as string[], users: [] as string[], sort: [] as string[], headers: true };
  const list = (v: string | undefined, what: string) => {
    if (v === undefined || v === '') throw new PsError(what);
    return v.split(/[,\s]+/).filter(Boolean);
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const long = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (long) {
      const [, name, inline] = long;
      const val = () => inline ?? argv[++i];
      if (/^no-?headers?$|^no-?headings?$/.test(name)) o.headers = false;
      else if (name === 'sort') o.sort.push(...list(val(), 'long sort specification must follow --sort'));
      else if (name === 'format') o.format.push(...list(val(), 'format specification must follow --format'));
      else if (name === 'pid') o.pids.push(...list(val(), 'list of process IDs must follow --pid'));
      else if (name === 'user') o.users.push(...list(val(), 'list of effective users must follow --user'));
      else if (name !== 'cols' && name !== 'columns' && name !== 'width') throw new PsError('unknown gnu long option');
      else val();
      continue;
    }
    // `-aux` is taken for BSD `aux` (there is no user "x")
    const sysv = a.startsWith('-') && a !== '-aux';
    const flags = a.replace(/^-/, '');
    for (let j = 0; j < flags.length; j++) {
      const f = flags[j];
      const rest = () => flags.slice(j + 1) || argv[++i];
      const take = (what: string) => {
        const v = rest();
        j = flags.length;
        return list(v, what);
      };
      if (f === 'o' || (f === 'O' && sysv)) o.format.push(...take('format specification must follow -o'));
      else if (f === 'p' || f === 'q') o.pids.push(...take(`list of process IDs must follow ${sysv ? '-' : ''}${f}`));
      else if (f === 'C' && sysv) o.names.push(...take('list of command names must follow -C'));
      else if ((f === 'U' || f === 'u') && sysv) o.users.push(...take(`list of ${f === 'U' ? 'real' : 'effective'} users must follow -${f}`));
      else if (f === 'k' && !sysv) o.sort.push(...take('long sort specification must follow k'));
      else if (sysv ? 'AadefFjlHMNwxyTcLm'.includes(f) : 'aAcefhjlmrSTuvwxXgHLMs'.includes(f)) {
        if (sysv) o.sysv += f;
        else o.bsd += f;
      } else throw new PsError(sysv ? 'unsupported SysV option' : 'unsupported option (BSD syntax)');
    }
  }
  return o;
}

/** A spec of `-o`: `name[:width][=header]`. */
function spec(item: string): Spec {
  const m = /^([^:=]*)(?::(\d+))?(?:=(.*))?$/.exec(item)!;
  const base = S[m[1].toLowerCase()];
  if (!base) throw new PsError(m[1].startsWith('%') ? 'improper AIX field descriptor' : `unknown user-defined format specifier "${m[1]}"`);
  const head = m[3] ?? base[0];
  const w = Math.max(m[2] ? Number(m[2]) : Math.abs(base[1]), m[3]?.length ?? 0);
  return [head, base[1] < 0 ? -w : w, base[2]];
}

/** The options and the columns they ask for; a PsError says what procps would. */
export function psOptions(argv: string[]) {
  const o = parse(argv);
  const { sysv, bsd } = o;
  const fmt = o.format.length ? o.format.join(' ') : /u/.test(bsd) ? FORMATS.user : /l/.test(sysv) ? FORMATS.long : /[fF]/.test(sysv) ? FORMATS.full : /[ax]/.test(bsd) || /x/.test(sysv) ? FORMATS.bsd : FORMATS.std;
  const cols = fmt.split(' ').map(spec);
  if (o.pids.some((p) => !/^\d+$/.test(p) || +p < 1)) throw new PsError('process ID list syntax error');
  for (const k of o.sort) if (!S[k.replace(/^[+-]/, '')]) throw new PsError('unknown sort specifier');
  return { o, cols };
}

function procps(argv: string[], io: IO, sh: ShellLike, rows: Row[], self: Row): number {
  let o;
  let cols: Spec[];
  try {
    ({ o, cols } = psOptions(argv));
    if (o.users.some((u) => !/^\d+$/.test(u) && account(sh.m.fs, u) === undefined)) throw new PsError('user name does not exist');
  } catch (e) {
    if (!(e instanceof PsError)) throw e;
    io.err(`error: ${e.message}\n${PS_USAGE}`);
    return 1;
  }
  // procps selects by any list given; without one, -e/-A/ax take all, a those with a terminal,
  // x those of the user, and the rest those on ps's own terminal.
  const lists = o.pids.length || o.names.length || o.users.length;
  let shown = rows.filter((r) =>
    lists ? o.pids.includes(String(r.pid)) || o.names.includes(comm(r)) || o.users.includes(r.user) || o.users.includes(r.uid)
      : /[Ae]/.test(o.sysv) || (/a/.test(o.bsd) && /x/.test(o.bsd)) ? true
        : /a/.test(o.bsd + o.sysv) ? r.tty !== '?'
          : /x/.test(o.bsd + o.sysv) ? r.user === self.user : r.tty === self.tty && r.user === self.user);
  for (const k of [...o.sort].reverse()) {
    const cell = S[k.replace(/^[+-]/, '')][2];
    const dir = k.startsWith('-') ? -1 : 1;
    shown = [...shown].sort((a, b) => {
      const [x, y] = [cell(a), cell(b)];
      return dir * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0);
    });
  }
  // A cell wider than its column pushes the rest right until the padding of the next ones takes it back.
  const line = (cells: string[]) => {
    let s = '';
    let at = 0;
    cells.forEach((c, i) => {
      const w = cols[i][1];
      const last = i === cells.length - 1;
      if (i) (s += ' '), at++;
      const debt = s.length - at;
      if (w < 0) {
        const t = last ? c : c.slice(0, -w);
        s += last ? t : t + ' '.repeat(Math.max(0, -w - t.length - debt));
      } else s += ' '.repeat(Math.max(0, w - c.length - debt)) + c;
      at += Math.abs(w);
    });
    return s + '\n';
  };
  let out = o.headers && cols.some((c) => c[0]) ? line(cols.map((c) => c[0])) : '';
  for (const r of shown) out += line(cols.map((c) => String(c[2](r))));
  io.out(out);
  // procps exits 1 when it lists no process
  return shown.length ? 0 : 1;
}

/** busybox's columns: width, header, cell; every header is left-aligned. */
const BB: Record<string, [number, string, (r: Row) => string]> = {
  user: [8, 'USER', (r) => r.user.slice(0, 8).padEnd(8)], group: [8, 'GROUP', (r) => r.user.padEnd(8)], comm: [16, 'COMMAND', comm],
  args: [0, 'COMMAND', args], pid: [5, 'PID', (r) => String(r.pid).padStart(5)], ppid: [5, 'PPID', (r) => String(r.ppid).padStart(5)],
  pgid: [5, 'PGID', (r) => String(r.pid).padStart(5)], etime: [7, 'ELAPSED', (r) => elapsed(r.now - r.start).padStart(7)],
  nice: [5, 'NI', () => '    0'], rgroup: [8, 'RGROUP', (r) => r.user.padEnd(8)], ruser: [8, 'RUSER', (r) => r.user.padEnd(8)],
  time: [5, 'TIME', () => ' 0:00'], tty: [6, 'TT', (r) => r.tty], vsz: [4, 'VSZ', (r) => (r.stat[0] === 'R' ? '1628' : '1700')],
  sid: [5, 'SID', () => '    1'], stat: [4, 'STAT', (r) => r.stat[0]], rss: [4, 'RSS', (r) => (r.stat[0] === 'R' ? '1064' : '1020')],
};
const BB_USAGE = 'ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads';

function busybox(argv: string[], io: IO, rows: Row[]): number {
  // -a -A -d -e -f -l (and BSD words like `aux`) are taken and ignored
  const list: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      if (a[j] === 'o') {
        const v = a.slice(j + 1) || argv[++i];
        if (v === undefined) return io.err('ps: option requires an argument: o\n'), usage(io, BB_USAGE), 1;
        list.push(...v.split(','));
        break;
      }
      if (!'ZaAdeflTw'.includes(a[j])) return io.err(`ps: unrecognized option: ${a[j]}\n`), usage(io, BB_USAGE), 1;
    }
  }
  const items = list.length ? list : ['pid', 'user', 'time', 'args'];
  const bad = items.find((item) => !BB[item.split('=')[0]]);
  if (bad !== undefined) return io.err(`ps: bad -o argument '${bad.split('=')[0]}'\n`), 1;
  const cols = items.map((item) => {
    const [name, head] = item.split(/=(.*)/);
    const c = BB[name];
    return [head === undefined ? c[0] : Math.max(c[0], head.length), head ?? c[1], c[2]] as const;
  });
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(cols[i][0]))).join(' ') + '\n';
  let out = cols.some((c) => c[1]) ? line(cols.map((c) => c[1])) : '';
  for (const r of rows) out += line(cols.map((c) => c[2](r) || '-'));
  io.out(out);
  return 0;
}

/**
 * The processes with the one running `argv` (ps, top) among them, and that one: started by runc
 * itself (`docker exec c ps`, or as PID 1) it is in the list already, else the shell's child.
 */
export function withSelf(sh: ShellLike, argv: string[], io: IO, user?: string): [ProcInfo[], ProcInfo] {
  const procs = sh.m.procs();
  const own = sh.direct ? [...procs].reverse().find((p) => p.argv.join('\0') === argv.join('\0')) : undefined;
  const self = own ?? { pid: sh.m.newPid(), ppid: procs.at(-1)?.pid ?? 1, argv, tty: io.tty, start: sh.m.now(), user };
  return [own ? procs : [...procs, self], self];
}

export function ps(argv: string[], io: IO, sh: ShellLike): number {
  const now = sh.m.now();
  const [list, mine] = withSelf(sh, argv, io, sh.user.split(':')[0]);
  // a uid shows as its name when /etc/passwd has one; procps marks a name cut to its column with +
  const names = new Map<string, [string, string]>();
  const rows = list.map((p): Row => {
    const u = p.user?.split(':')[0] ?? 'root';
    if (!names.has(u)) {
      const a = account(sh.m.fs, u);
      const n = (/^\d+$/.test(u) && a?.name) || u;
      names.set(u, [io.busybox || n.length <= 8 ? n : n.slice(0, 7) + '+', a ? String(a.uid) : /^\d+$/.test(u) ? u : '0']);
    }
    const [user, uid] = names.get(u)!;
    const me = p === mine;
    // Session leaders (PID 1) carry `s`; ps itself runs, in the terminal's foreground when it has one.
    const stat = (me ? 'R' : 'S') + (p.pid === 1 ? 's' : '') + (me && p.tty ? '+' : '');
    return { pid: p.pid, ppid: p.ppid, user, uid, tty: p.tty ? 'pts/0' : '?', argv: p.argv, start: p.start, stat, vsz: me ? 7888 : 4588, rss: me ? 4096 : 3840, now };
  });
  const self = rows[list.indexOf(mine)];
  return io.busybox ? busybox(argv, io, rows) : procps(argv, io, sh, rows, self);
}
