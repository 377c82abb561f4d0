/**
 * The host: the shared bash (common/sh) run by the course user `alumno` on the machine `aula`,
 * with the host's own programs (the `docker` client among them) and an in-memory filesystem where
 * `echo … > Dockerfile` writes and `docker build .` reads its context from.
 */
import type { TermIO } from '../../shell';
import type { Fs } from '../../common/sh/fs';
import { Shell, STD_PATH } from '../../common/sh/sh';
import type { Command, IO, Machine } from '../../common/sh/types';

/** A host program: a command of the shared shell (`docker` reads `io.stdin`, undefined for the terminal). */
export type Program = Command;

export const HOME = '/home/alumno';

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
    super(m, 'bash', 'bash', true, env, HOME, true, 'alumno');
    for (const dir of ['/tmp', HOME, '/dev']) fs.mkdir(dir, '/', true);
    const dev = fs.find(['dev']);
    if (dev?.kind === 'dir') dev.children.set('null', { kind: 'file', size: 0, data: '', mode: 0o666, rdev: [1, 3], mtime: now() });
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
    return this.input(line, io);
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
