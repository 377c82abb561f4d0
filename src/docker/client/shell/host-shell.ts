/**
 * The host: the shared bash (common/sh) run by the course user `alumno` on the machine `aula`,
 * with the host's own programs (the `docker` client among them) and an in-memory filesystem where
 * `echo … > Dockerfile` writes and `docker build .` reads its context from.
 */
import type { TermIO } from '../../shell';
import { splitPath, type DirNode, type Fs, type Node } from '../../common/sh/fs';
import { Shell, STD_PATH } from '../../common/sh/sh';
import type { BgProc, Command, FullScreen, IO, Machine, Out } from '../../common/sh/types';

/** A host program: a command of the shared shell (`docker` reads `io.stdin`, undefined for the terminal). */
export type Program = Command;

export const HOME = '/home/alumno';

/**
 * The laptop's accounts and system directories, made once (or on a tree saved before the host
 * had owners, whose files were all the user's: they become uid 1000's). With /etc/passwd the
 * shell runs as alumno and every access is checked, as on a real Linux laptop.
 */
export function hostSystem(fs: Fs, now: number): void {
  if (fs.find(['etc', 'passwd'])) return;
  const root = fs.find([]) as DirNode;
  const sys = new Set(['tmp', 'home', 'dev', 'dev/null'].map((p) => fs.find(splitPath(p))));
  const adopt = (d: DirNode) => {
    for (const n of d.children.values()) {
      if (n.kind !== 'whiteout' && n.uid === undefined && !sys.has(n)) Object.assign(n, { uid: 1000, gid: 1000 });
      if (n.kind === 'dir') adopt(n);
    }
  };
  adopt(root);
  for (const dir of ['/tmp', HOME, '/dev', '/etc']) fs.mkdir(dir, '/', true);
  const at = (p: string): Node => fs.find(splitPath(p))!;
  Object.assign(at(HOME), { uid: 1000, gid: 1000, mode: 0o750 });
  Object.assign(at('/tmp'), { mode: 0o1777 });
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nalumno:x:1000:1000:alumno:/home/alumno:/bin/bash\n');
  fs.writeFile('/etc/group', 'root:x:0:\nsudo:x:27:alumno\nalumno:x:1000:\ndocker:x:988:alumno\n');
  const dev = at('/dev');
  if (dev.kind === 'dir') dev.children.set('null', { kind: 'file', size: 0, data: '', mode: 0o666, rdev: [1, 3], mtime: now });
}

/** Builtins of bash that the host's completion offers with its programs. */
const BUILTIN_NAMES = ['cd', 'export', 'history', 'pwd', 'exit', 'unset', 'type'];

export class HostShell extends Shell {
  constructor(
    now: () => number,
    /** Moves the simulated clock (`sleep N`). */
    readonly advance: (ms: number) => void | Promise<void>,
    /** The host's programs by name: what its PATH holds. */
    readonly programs: Record<string, Program>,
    fs: Fs,
    /** A GET from the host (curl, wget): what the ports published by containers answer. */
    http: Machine['http'] = () => null,
  ) {
    let pids = 4242;
    const m: Machine = {
      fs,
      commands: programs,
      // The host keeps no program files: a name runs when the host has the program.
      which: (name) => (Object.hasOwn(programs, name) ? `/usr/bin/${name}` : undefined),
      shellPid: 4242,
      hostname: 'aula',
      ip: '10.0.2.15',
      now,
      kernel: '6.8.0-60-generic',
      procs: () => [],
      newPid: () => ++pids,
      http,
    };
    const env = [`HOME=${HOME}`, 'USER=alumno', 'LOGNAME=alumno', 'SHELL=/bin/bash', `PATH=${STD_PATH}`, 'LANG=C.UTF-8', 'TERM=xterm-256color'];
    hostSystem(fs, now());
    super(m, 'bash', 'bash', true, env, HOME, true, 'alumno');
    m.job = (_argv, body) => this.job(body);
    this.onScreen = (p) => void (this.held = p);
    // (without jobs, no more turns than the clock takes: health probes run between them)
    m.pass = (ms) => {
      const moved = Promise.resolve(advance(ms));
      return this.parked.length ? moved.then(() => this.flush()) : moved;
    };
  }

  /** A full-screen program (nano, vi) typed at the prompt, which takes the keys until it ends. */
  held?: FullScreen;

  /** A key for the program on screen; when it ends, its status is `$?` and the rest of the line runs. */
  async key(data: string, out: Out): Promise<number> {
    const code = this.held?.key(data, out);
    if (code === undefined) return this.lastExit;
    this.held = undefined;
    this.status = code;
    return this.resume(out);
  }

  /** The terminal of the last line typed (at the host or in a container): what the jobs print shows there. */
  term?: Out;
  /** Jobs waiting in a client or a `sleep`: due at `at`, or (`early`) at the next prompt. */
  private parked: { at: number; early(): boolean; go(): Promise<void> }[] = [];
  private flushing = false;

  /**
   * `cmd &` on the host (`docker logs -f web &`, `{ sleep 2; date; } &`): a coroutine that parks
   * in its waits and goes on only when the foreground moves the clock or reaches a prompt, so a
   * run stays the same in every replay; its waits never move the clock themselves.
   */
  private job(body: (o: Out) => Promise<number>): BgProc {
    let code: number | null = null;
    let dead = false;
    let yielded = () => {};
    const step = () => new Promise<void>((r) => (yielded = r));
    const ac = new AbortController();
    const write = (k: 'out' | 'err') => (t: string) => void (!dead && this.term?.[k](t));
    const o: Out = {
      out: write('out'),
      err: write('err'),
      // what only paces a drawing (a pull's progress) is not worth waiting for
      sleep: () => Promise.resolve(),
      signal: ac.signal,
      // `poll`: a client's loop, which looks again at every prompt and ends on its signal; false: a
      // container's process the client is attached to; neither: the shell's own `sleep`, which
      // TERM or INT kills with the job
      park: (ms, poll) => new Promise<void>((wake) => {
        const shot = () => poll === undefined && ac.signal.aborted;
        this.parked.push({ at: this.m.now() + ms, early: () => !!poll || shot(), go: () => {
          const s = step();
          if (shot()) [code, dead] = [128 + ac.signal.reason, true];
          // one killed outright never runs again
          if (!dead) wake();
          else yielded();
          return s;
        } });
        yielded();
      }),
    };
    return {
      pid: this.m.newPid(),
      status: () => code,
      run: () => {
        const s = step();
        body(o).catch((e) => (o.err(`error interno del simulador: ${(e as Error)?.message}\n`), 1)).then((c) => {
          // a client whose wait `kill` cancelled exits 0 (moby's errdefs.IsCanceled), not Ctrl+C's 130
          code ??= c === 130 && ac.signal.reason === 15 ? 0 : c;
          yielded();
        });
        return s;
      },
      // the client catches INT and TERM and ends as on Ctrl+C; any other signal kills it
      kill: (sig) => {
        if (code !== null) return;
        if (sig === 2 || sig === 15) ac.abort(sig);
        else [code, dead] = [128 + sig, true];
      },
    };
  }

  /** The parked jobs that may go on: the polling ones once, then those due, earliest first. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      const now = this.m.now();
      const first = this.parked.filter((w) => w.early() || w.at <= now);
      this.parked = this.parked.filter((w) => !first.includes(w));
      for (const w of first) await w.go();
      for (let k = 0; k < 1000; k++) {
        const w = this.parked.reduce<(typeof this.parked)[number] | undefined>((a, b) => (b.at <= now && (!a || b.at < a.at) ? b : a), undefined);
        if (!w) break;
        this.parked.splice(this.parked.indexOf(w), 1);
        await w.go();
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The host's PS1 is a plain `$ `; `> ` or a question's own prompt while one waits; nothing while `cat` reads the terminal. */
  override prompt(): string {
    return this.reading ? '' : this.waiting ? super.prompt() : '$ ';
  }

  /** Each line comes from a terminal that says whether it is one (a browser's xterm, a test's recorder). */
  protected override io(out: TermIO | IO): IO {
    const io = super.io(out);
    io.tty = out.tty;
    return io;
  }

  /** `$?` of the last line. */
  get lastExit(): number {
    return this.status;
  }
  set lastExit(code: number) {
    this.status = code;
  }

  /** A line typed at the host's prompt: an unfinished command (`for …`, `echo 'a`) reads on with `> `, as interactive bash does. */
  async line(line: string, io: TermIO): Promise<number> {
    this.term = io;
    if (this.parked.length) await this.flush();
    return this.input(line, io);
  }

  protected override jobsRun(): Promise<void> {
    return this.flush();
  }

  override resume(out: Out): Promise<number> {
    this.term = out;
    return super.resume(out);
  }

  /** Runs a whole line; an unfinished one is an error. */
  override async run(line: string, io: TermIO | IO): Promise<number> {
    const own = this.io(io);
    own.stdin = 'stdin' in io ? io.stdin : undefined;
    const code = await super.run(line, own);
    // `exit` would close the terminal; the course's host stays open.
    this.exitCode = null;
    return code;
  }

  /** Names for completion: the programs and builtins. */
  commandNames(): string[] {
    return [...Object.keys(this.programs), ...BUILTIN_NAMES];
  }
}
