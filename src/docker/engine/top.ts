/**
 * `GET /containers/{id}/top?ps_args=…`: the host's `ps` (procps) of the container's processes,
 * `-ef` unless other options are given, parsed as moby's parsePSOutput does.
 */
import { ApiError } from '../api';
import type { Ctr, Engine } from './engine';

/** One process as the host's ps sees it. */
interface HostProc { user: string; uid: string; pid: number; ppid: number; start: number; tty: string; argv: string[]; stat: string; vsz: number; rss: number }

/** The users every Debian-family host has (base-passwd's fixed IDs): ps names these, numbers the rest. */
const HOST_USERS: Record<string, string> = { 0: 'root', 1: 'daemon', 2: 'bin', 3: 'sys', 4: 'sync', 5: 'games', 6: 'man', 7: 'lp', 8: 'mail', 9: 'news', 10: 'uucp', 13: 'proxy', 33: 'www-data', 34: 'backup', 38: 'list', 39: 'irc', 42: '_apt', 65534: 'nobody' };

/** procps' `-o` specifiers a class uses: header, then how the cell is written. */
const SPECS: Record<string, [string, (p: HostProc, now: number) => string]> = {
  pid: ['PID', (p) => String(p.pid)],
  ppid: ['PPID', (p) => String(p.ppid)],
  user: ['USER', (p) => p.user],
  euser: ['EUSER', (p) => p.user],
  uid: ['UID', (p) => p.uid],
  comm: ['COMMAND', (p) => base(p).slice(0, 15)],
  ucmd: ['CMD', (p) => base(p).slice(0, 15)],
  cmd: ['CMD', (p) => p.argv.join(' ')],
  args: ['COMMAND', (p) => p.argv.join(' ')],
  command: ['COMMAND', (p) => p.argv.join(' ')],
  tty: ['TT', (p) => p.tty],
  tname: ['TTY', (p) => p.tty],
  stat: ['STAT', (p) => p.stat],
  s: ['S', (p) => p.stat[0]],
  time: ['TIME', () => '00:00:00'],
  cputime: ['TIME', () => '00:00:00'],
  etime: ['ELAPSED', (p, now) => elapsed(now - p.start)],
  etimes: ['ELAPSED', (p, now) => String(Math.floor((now - p.start) / 1000))],
  '%cpu': ['%CPU', () => '0.0'],
  pcpu: ['%CPU', () => '0.0'],
  '%mem': ['%MEM', () => '0.0'],
  pmem: ['%MEM', () => '0.0'],
  vsz: ['VSZ', (p) => String(p.vsz)],
  rss: ['RSS', (p) => String(p.rss)],
  stime: ['STIME', (p) => hhmm(p.start)],
  start_time: ['START', (p) => hhmm(p.start)],
  c: ['C', () => '0'],
  ni: ['NI', () => '0'],
  nice: ['NI', () => '0'],
  pri: ['PRI', () => '19'],
  bsdtime: ['TIME', () => '0:00'],
};

/** The executable's name: a process title (`nginx: worker process`) leaves it as it was. */
const base = (p: { argv: string[] }) => p.argv[0].replace(/[:\s].*$/, '').replace(/^.*\//, '');
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const two = (n: number) => String(n).padStart(2, '0');
/** `[[dd-]hh:]mm:ss` */
function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [d, h, m] = [Math.floor(s / 86400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60];
  return (d ? `${d}-${two(h)}:` : h ? `${two(h)}:` : '') + `${two(m)}:${two(s % 60)}`;
}

/** The columns ps prints for `args` (procps' personality: SysV `-x`, BSD `x`, `-o list`). */
function columns(args: string[]): string[] {
  const out: string[] = [];
  let sysv = '';
  let bsd = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '') continue;
    const o = /^-(e?)o(.*)$/.exec(a) ?? (/^o(.*)$/.test(a) ? ['', '', a.slice(1)] : null);
    if (o) {
      const list = o[2] || args[++i];
      if (!list) throw psError('error: improper list');
      out.push(...list.split(/[,\s]+/).filter(Boolean));
    } else if (a.startsWith('-')) sysv += a.slice(1);
    else bsd += a;
  }
  if (/[^efAaxjlHFwcyT]/.test(sysv)) throw psError('error: unsupported SysV option');
  if (/[^auxwfejlrTSch]/.test(bsd)) throw psError('error: unsupported option (BSD syntax)');
  if (out.length) return out;
  if (bsd.includes('u')) return ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tname', 'stat', 'start_time', 'bsdtime', 'args'];
  if (bsd || /x/.test(sysv)) return ['pid', 'tname', 'stat', 'bsdtime', 'args'];
  if (/[fF]/.test(sysv)) return ['uid_name', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'];
  return ['pid', 'tname', 'time', 'ucmd'];
}

/** The first line of ps's complaint, as the daemon reports it (`ps: …`). */
const psError = (line: string) => new ApiError(500, 'ps: ' + line);

/** Headers and cells of the defaults' own columns (ps -f prints the user's name under UID). */
const EXTRA: Record<string, [string, (p: HostProc, now: number) => string]> = {
  uid_name: ['UID', (p) => p.user],
};

export const topping = {
  async containerTop(this: Engine, id: string, psArgs = ''): Promise<{ Titles: string[]; Processes: string[][] }> {
    const args = (psArgs || '-ef').split(' ');
    // validatePSArgs: a column may be renamed, but only pid may be called PID
    for (const [, k, v] of psArgs.matchAll(/\s+([^\s]*)=\s*(PID[^\s]*)/g)) if (k !== 'pid') throw new ApiError(500, `specifying "${k}=${v}" is not allowed`);
    this.tick();
    const c = this.get(id);
    if (!this.isUp(c)) throw new ApiError(409, `container ${c.id} is not running`);
    const noHeader = args.find((a) => /^--no-?headers?$|^--no-?headings?$/.test(a));
    if (noHeader) throw new ApiError(500, `option ${noHeader} is not allowed`);
    const cols = columns(args);
    const specs = cols.map((col) => {
      const [name, title] = col.split('=');
      const spec = SPECS[name] ?? EXTRA[name];
      if (!spec) throw psError(`error: unknown user-defined format specifier "${name}"`);
      return [title ?? spec[0], spec[1]] as const;
    });
    const titles = specs.map(([t]) => t).filter(Boolean);
    if (!titles.includes('PID')) throw new ApiError(500, "Couldn't find PID field in ps output");
    const now = this.now();
    const procs = this.hostProcs(c);
    this.ctrEvent(c, 'top');
    return { Titles: titles, Processes: procs.map((p) => specs.filter(([t]) => t).map(([, cell]) => cell(p, now))) };
  },

  /** The container's processes with host PIDs, users as the host names them, their state and memory. */
  hostProcs(this: Engine, c: Ctr): HostProc[] {
    // Host PIDs: PID 1 is c.pid; the parent of PID 1 and of every exec'd process (runc hands
    // them over) is the containerd shim, started just before; docker-init's child is its own.
    const shim = c.pid - 23;
    const host = (pid: number) => c.pid + (pid - 1) * 37;
    // The host has no name for most of the image's users: their UID, from the container's /etc/passwd.
    let passwd = '';
    try {
      passwd = this.fsOf(c).readFile('/etc/passwd');
    } catch { /* none */ }
    const uid = (u: string) => (/^\d+(:|$)/.test(u) ? u.split(':')[0] : new RegExp(`^${u.split(':')[0]}:[^:]*:(\\d+):`, 'm').exec(passwd)?.[1] ?? '101');
    const execs = new Set(c.execs.filter((e) => e.ppid === undefined).map((e) => e.pid));
    return this.machine(c).procs().map((p) => {
      const id = p.user ? uid(p.user) : '0';
      // PID 1 (docker-init's, or the command's) and exec'd processes hang from the shim; a
      // program's own children (nginx's workers) and docker-init's child from their parent.
      const ppid = execs.has(p.pid) || p.pid === 1 ? shim : host(p.ppid);
      // Sizes that look like the program's: the same for the same executable.
      let h = 0;
      for (const ch of base(p)) h = (h * 31 + ch.charCodeAt(0)) % 9973;
      const vsz = 2000 + h * 3;
      return { user: HOST_USERS[id] ?? id, uid: id, pid: host(p.pid), ppid, start: p.start, tty: p.tty ? 'pts/0' : '?', argv: p.argv, stat: (p.pid === 1 ? 'Ss' : 'S') + (p.tty && p.pid === 1 ? '+' : ''), vsz, rss: Math.round(vsz * 0.6) };
    });
  },
};
