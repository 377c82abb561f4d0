/**
 * `GET /containers/{id}/top?ps_args=…`: the host's `ps` (procps) of the container's processes,
 * `-ef` unless other options are given, parsed as moby's parsePSOutput does.
 */
import { ApiError } from '../api';
import type { Ctr, Engine } from './engine';
import { PsError, psOptions, type PsView } from '../common/sh/ps';
import { TEXT } from '../registry/rootfs';
import { readOr } from './fs';

/** The users every Debian-family host has (base-passwd's fixed IDs): ps names these, numbers the rest. */
const HOST_USERS: Record<string, string> = Object.fromEntries(TEXT.passwdDeb.split('\n').filter(Boolean).map((l) => l.split(':')).map(([name, , id]) => [id, name]));

/** The executable's name: a process title (`nginx: worker process`) leaves it as it was. */
export const progName = (argv: string[]) => argv[0].replace(/[:\s].*$/, '').replace(/^.*\//, '');

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
    let cols;
    try {
      ({ cols } = psOptions(['ps', ...args]));
    } catch (e) {
      // the first line of ps's complaint, as the daemon reports it
      if (e instanceof PsError) throw new ApiError(500, 'ps: error: ' + e.message);
      throw e;
    }
    const shown = cols.filter(([t]) => t);
    const titles = shown.map(([t]) => t);
    if (!titles.includes('PID')) throw new ApiError(500, "Couldn't find PID field in ps output");
    const procs = this.hostProcs(c);
    this.ctrEvent(c, 'top');
    return { Titles: titles, Processes: procs.map((p) => shown.map(([, , cell]) => String(cell(p)))) };
  },

  /** The container's processes with host PIDs, users as the host names them, their state and memory. */
  hostProcs(this: Engine, c: Ctr): PsView[] {
    // Host PIDs: PID 1 is c.pid; the parent of PID 1 and of every exec'd process (runc hands
    // them over) is the containerd shim, started just before; docker-init's child is its own.
    const shim = c.pid - 23;
    const host = (pid: number) => c.pid + (pid - 1) * 37;
    // The host has no name for most of the image's users: their UID, from the container's /etc/passwd.
    const passwd = readOr(this.fsOf(c), '/etc/passwd');
    const uid = (u: string) => (/^\d+(:|$)/.test(u) ? u.split(':')[0] : new RegExp(`^${u.split(':')[0]}:[^:]*:(\\d+):`, 'm').exec(passwd)?.[1] ?? '101');
    const execs = new Set(c.execs.filter((e) => e.ppid === undefined).map((e) => e.pid));
    const now = this.now();
    return this.machine(c).procs().map((p) => {
      const id = p.user ? uid(p.user) : '0';
      // PID 1 (docker-init's, or the command's) and exec'd processes hang from the shim; a
      // program's own children (nginx's workers) and docker-init's child from their parent.
      const ppid = execs.has(p.pid) || p.pid === 1 ? shim : host(p.ppid);
      // Sizes that look like the program's: the same for the same executable.
      let h = 0;
      for (const ch of progName(p.argv)) h = (h * 31 + ch.charCodeAt(0)) % 9973;
      const vsz = 2000 + h * 3;
      return { user: HOST_USERS[id] ?? id, uid: id, pid: host(p.pid), ppid, start: p.start, tty: p.tty ? 'pts/0' : '?', argv: p.argv, stat: (p.pid === 1 ? 'Ss' : 'S') + (p.tty && p.pid === 1 ? '+' : ''), vsz, rss: Math.round(vsz * 0.6), now };
    });
  },
};
