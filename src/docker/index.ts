/**
 * The simulated machine a terminal talks to: the host's bash with the `docker` client, backed
 * by an engine reached only through the API; after `run -it`, `exec -it` or `attach` the input
 * goes to the container's process until it exits or detaches.
 */
import type { DockerApi, ProcessHandle } from './api';
// the engine first: its modules lie in the bundle where they gzip smallest
import { createEngine } from './engine';
import { docker } from './client/cli';
import { complete } from './client/complete';
import { HostShell, hostSystem, type Program } from './client/shell/host-shell';
import { HOST_PROGRAMS } from './client/shell/programs';
import { EDITORS } from './engine/shell/editor';
import { Overlay, fromJSON, newDir, newFile, put, toJSON } from './engine/fs';
import { InvalidState, type Shell, type ShellOptions, type TermIO } from './shell';
import type { Machine } from './common/sh/types';

const STATE_FORMAT = 'aula-docker-shell';
/** Prefix of the report of a fault inside the simulator (never expected; tests look for it). */
export const INTERNAL_ERROR = 'error interno del simulador';


/** The host as an earlier version saved it: variables, directory, history and a flat file list. */
interface OldHostState { env: Record<string, string>; cwd: string; fs: [string, { dir: boolean; data?: string; mtime: number }][]; history: string[] }

/**
 * On Ctrl+C the docker CLI cancels its context and returns without printing more (a pull stops
 * drawing); only run, start, attach and exec hand the signal to the container's process, whose
 * output (ping's statistics) still comes through.
 */
function cancelled<T extends { out(t: string): void; err(t: string): void; signal?: AbortSignal }>(args: string[], io: T): T {
  if (!io.signal) return io;
  const [a, b] = args.slice(1).filter((w) => !w.startsWith('-'));
  if (/^(run|start|attach|exec)$/.test(a === 'container' ? b : a)) return io;
  // (a redirected stdout keeps the file it names: `docker save` writes there directly)
  const hush = (f: (t: string) => void) => Object.assign((t: string) => void (io.signal?.aborted || f.call(io, t)), f);
  return { ...io, out: hush(io.out), err: hush(io.err) };
}

class SimShell implements Shell {
  readonly host: HostShell;
  private readonly fs: Overlay;
  private session: ProcessHandle | null = null;
  private readonly seeded: boolean;

  constructor(readonly api: DockerApi, opts: ShellOptions, http?: Machine['http']) {
    this.seeded = opts.seed !== undefined;
    const enter = (h: ProcessHandle): void => {
      this.session = h;
      this.host.stopLine = true;
    };
    const programs: Record<string, Program> = {
      ...HOST_PROGRAMS,
      // the laptop's editors are the same programs as the images'
      ...EDITORS,
      docker: (args, io) => docker(args.slice(1), { api, io: cancelled(args, io), stdin: io.stdin ?? null, sh: this.host, enter }),
    };
    // The host's files: one writable tree (an overlay without image layers).
    this.fs = new Overlay(newDir(), [], () => api.now());
    // The daemon runs on this machine: bind mounts see and change these same files.
    api.useHostFs?.(this.fs);
    this.host = new HostShell(() => api.now(), (ms) => api.advance(ms), programs, this.fs, http);
  }

  prompt(): string {
    return this.session ? this.session.prompt() : this.host.prompt();
  }

  echo(): boolean {
    return this.session?.echo !== false;
  }

  screen(): boolean {
    return this.session ? !!this.session.screen : !!this.host.held;
  }

  async key(data: string, io: TermIO): Promise<void> {
    const s = this.session;
    if (!s) return void (await this.guard(io, () => this.host.key(data, io)));
    if (!s.key) return;
    await this.guard(io, async () => {
      await s.key!(data, io);
      return this.settle(io);
    });
  }

  inContainer(): boolean {
    return this.session !== null && this.session.containerId !== '';
  }

  async run(line: string, io: TermIO): Promise<number> {
    // the detached scripts due by now run first (a real clock moves by itself), and an attached
    // session shows what they print on this line's terminal
    this.session?.use?.(io);
    this.host.term = io;
    const due = this.api.advance(this.seeded ? 1000 : 0);
    if (due) await due;
    return this.guard(io, async () => {
      if (this.session) {
        const s = this.session;
        if (s.interactive) await s.input(line, io);
        return this.settle(io);
      }
      return this.host.line(line, io);
    });
  }

  /** A fault in the simulation must never take the terminal down: it is reported like a crash. */
  private async guard(io: TermIO, fn: () => Promise<number>): Promise<number> {
    try {
      return await fn();
    } catch (e) {
      io.err(`${INTERNAL_ERROR}: ${(e as Error)?.message ?? String(e)}\n`);
      this.host.lastExit = 1;
      return 1;
    }
  }

  /**
   * Leaves a session whose process ended: the exit code becomes the host's `$?` and the rest of
   * the line that started it runs.
   */
  private async settle(io: TermIO): Promise<number> {
    const s = this.session;
    if (!s) return this.host.lastExit;
    if (!s.exited) return s.status;
    this.session = null;
    this.host.lastExit = s.exitCode ?? 0;
    return this.host.resume(io);
  }

  async eof(io: TermIO): Promise<void> {
    const s = this.session;
    // Ctrl+D ends `cat` reading the terminal.
    if (!s) return this.host.reading ? this.host.endReading(0) : undefined;
    await this.guard(io, async () => {
      await s.eof(io);
      return this.settle(io);
    });
  }

  async detach(io: TermIO): Promise<void> {
    const s = this.session;
    if (!s || s.containerId === '') return;
    s.detach();
    this.session = null;
    io.err('read escape sequence\n');
    this.host.lastExit = 0;
    await this.guard(io, () => this.host.resume(io));
  }

  /** Ctrl+C inside a container process (the terminal calls it through `interrupt`). */
  async interrupt(io: TermIO): Promise<void> {
    const s = this.session;
    if (!s) {
      if (this.host.reading) this.host.endReading(130);
      else this.host.interrupt();
      return;
    }
    await this.guard(io, async () => {
      await s.interrupt(io);
      return this.settle(io);
    });
  }

  complete(line: string, cursor: number): { start: number; candidates: string[] } {
    if (this.session) {
      const before = line.slice(0, cursor);
      const start = before.search(/\S*$/);
      return { start, candidates: this.session.complete(before.slice(start)) };
    }
    return complete(line, cursor, this.api, this.host);
  }

  save(): string {
    return JSON.stringify({ format: STATE_FORMAT, version: 1, engine: this.api.save(), host: { shell: this.host.save(), fs: toJSON(this.fs.upper) } });
  }

  /** Puts back a saved host (also one saved by the previous host shell, with its flat file list). */
  load(state: unknown): void {
    const h = state as { shell: ReturnType<HostShell['save']>; fs: unknown } | OldHostState;
    if ('shell' in h) {
      const root = fromJSON(h.fs);
      if (root.kind !== 'dir') throw new Error('sistema de ficheros del anfitrión ilegible');
      this.fs.upper = root;
      hostSystem(this.fs, this.api.now());
      // Containers that were running when saved see the restored files through their binds.
      this.api.useHostFs?.(this.fs);
      this.host.restore(h.shell);
      return;
    }
    const root = newDir();
    for (const [path, n] of h.fs) if (path !== '/') put(root, path, n.dir ? newDir(n.mtime) : newFile(n.data ?? '', n.mtime));
    this.fs.upper = root;
    hostSystem(this.fs, this.api.now());
    this.api.useHostFs?.(this.fs);
    this.host.restore({ cwd: h.cwd, vars: Object.entries(h.env).map(([k, v]) => [k, v, true]), history: h.history, status: 0 });
  }
}

export function createShell(opts: ShellOptions = {}): Shell {
  let engineState: unknown;
  let hostState: unknown;
  if (opts.state !== undefined) {
    let parsed: { format?: string; version?: number; engine?: unknown; host?: unknown };
    try {
      parsed = JSON.parse(opts.state);
    } catch {
      throw new InvalidState('estado guardado ilegible');
    }
    if (!parsed || parsed.format !== STATE_FORMAT || parsed.version !== 1) throw new InvalidState('estado guardado de otro formato');
    engineState = parsed.engine;
    hostState = parsed.host;
  }
  let engine: ReturnType<typeof createEngine>;
  try {
    engine = createEngine({ seed: opts.seed, state: engineState });
  } catch (e) {
    throw new InvalidState((e as Error).message);
  }
  // The host reaches published ports through the network, not through the Docker API
  const shell = new SimShell(engine, opts, (host, port, path, client) => engine.hostHttp(host, port, path, client));
  if (hostState) {
    try {
      shell.load(hostState);
    } catch (e) {
      throw new InvalidState((e as Error).message);
    }
  }
  return shell;
}

export type { Shell, ShellOptions, TermIO } from './shell';
