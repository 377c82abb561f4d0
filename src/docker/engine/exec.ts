/** `docker exec`: a second process in a running container, with its own terminal handle. */
import { ApiError, type ExecConfig, type ProcessHandle } from '../api';
import type { TermIO } from '../shell';
import { mergeEnv } from './config';
import { ctrEnv } from './links';
import type { Ctr, Engine } from './engine';
import { pseudoHex } from '../common/hash';
import { MOUNT_HINT, ShellProc, endsAt, feedInput, lookPath, startProgram } from './process';
import { joinPath, splitPath } from './fs';
import { pick } from './background';
import type { Out } from './shell/types';

/** An exec's ID: the same for `docker exec`'s events and the container's ExecIDs in inspect. */
export const execIdOf = (c: Ctr, pid: number): string => pseudoHex(`exec:${c.id}:${c.runs ?? 0}:${pid}`);

export const execing = {
  async exec(this: Engine, id: string, config: ExecConfig, io: TermIO, input?: string): Promise<ProcessHandle> {
    this.tick();
    const c = this.get(id);
    // moby's errExecPaused names the container as the client gave it, capitalised
    if (c.status === 'paused') throw new ApiError(409, `Container ${id} is paused, unpause the container before exec`);
    if (c.status !== 'running') throw new ApiError(409, `container ${c.id} is not running`);
    if (!config.Cmd.length) throw new ApiError(400, 'No exec command specified');
    const m = this.machine(c);
    const env = mergeEnv(ctrEnv(this, c), config.Env ?? []);
    // runc starts an exec from the container's root, so a relative -w is taken from there.
    const cwd = joinPath(splitPath(config.WorkingDir || c.config.WorkingDir || '/'));
    const tty = !!config.Tty;
    const cmd = config.Cmd[0];
    // The exec is created and started (its events logged) before the runtime looks for the program.
    const execID = execIdOf(c, c.nextPid);
    const what = `${cmd} ${config.Cmd.slice(1).join(' ')}`;
    this.ctrEvent(c, 'exec_create: ' + what, { execID });
    this.ctrEvent(c, 'exec_start: ' + what, { execID });
    // `-u`, else the container's own user (the image's USER or `run -u`): dockerd looks it up
    // before runc changes to the working directory and looks for the program.
    const user = config.User || c.config.User;
    if (user) this.requireUser(user, m);
    let dir;
    try { dir = m.fs.resolve(cwd).node; } catch { /* a file on the way */ }
    const no = dir?.kind === 'dir' ? lookPath(m, env, cwd, cmd) : { why: `chdir to cwd ("${cwd}") set in config.json failed: ${dir ? 'not a directory' : 'no such file or directory'}`, code: 127, tail: dir ? MOUNT_HINT : '' };
    if (no) throw new ApiError(400, `OCI runtime exec failed: exec failed: unable to start container process: ${no.why}: unknown${no.tail}`, no.code);
    const stdin = !!config.AttachStdin;
    const at = { pid: m.newPid(), argv: config.Cmd, tty, start: this.now(), m };
    const who = user && user !== '0' && user !== 'root' ? user : 'root';
    // `-d` leaves a server running (nginx daemonizes by itself and sleep ends on its own: the usual way)
    const server = config.Detach && !/(^|\/)(nginx|sleep|tail)$/.test(cmd) ? pick(at, env, cwd) : undefined;
    if (server && who !== 'root') server.user = who.split(':')[0];
    const proc = server ?? startProgram(at, { env, cwd, stdin, user: who, input: stdin ? input : undefined });
    c.execs.push(proc);
    let sinkIo: TermIO = io;
    // Only `-it` puts the terminal in raw mode, where Ctrl+C reaches the process as a byte. Otherwise
    // it stops the client alone (docker/cli forwards no signal to an exec): the process runs on,
    // unseen. Its program then winds down on a signal of its own, and is kept as still running.
    const inner = !(tty && stdin) && io.signal ? new AbortController() : undefined;
    let gone = false;
    io.signal?.addEventListener('abort', () => { gone = !!inner; inner?.abort(); }, { once: true });
    const out = (): Out => ({
      out: (t) => { if (!config.Detach && !gone) sinkIo.out(t); },
      err: (t) => { if (!config.Detach && !gone) (tty ? sinkIo.out : sinkIo.err).call(sinkIo, t); },
      sleep: (ms) => this.wait(sinkIo, ms, false),
      signal: inner ? inner.signal : sinkIo.signal,
      rows: sinkIo.rows,
    });
    const engine = this;
    // Feeds the process from the terminal `io2`; once it has ended it is no longer an exec of the container.
    const reap = () => {
      if (proc.exitCode !== null && c.execs.includes(proc)) {
        c.execs = c.execs.filter((e) => e !== proc);
        engine.ctrEvent(c, 'exec_die', { execID, exitCode: String(proc.exitCode) });
      }
    };
    const feed = async (io2: TermIO, act: (o: Out) => Promise<void>) => {
      sinkIo = io2;
      await act(out());
      reap();
    };
    await feed(io, async (o) => {
      // `-d`: a script runs on the clock (timeline.ts)
      await (config.Detach && !server ? this.onClock(c, proc, o, (x) => proc.boot(x), reap) : proc.boot(o));
      if (stdin && input !== undefined) await feedInput(proc, input, o);
      if (proc instanceof ShellProc && !stdin) proc.exitCode = 0;
      const end = proc.deadline;
      // A program that ends on its own time (`sleep 100`) reads as exited once that time has come,
      // whether anyone waits for it or not (top, ExecIDs).
      if (end !== undefined && proc.exitCode === null) endsAt(proc, end, () => this.now());
      // The client waits for it, or until Ctrl+C.
      while (!config.Detach && !proc.readsInput && proc.exitCode === null && !gone && c.status === 'running') {
        // With -it the ^C reaches the program, which dies of SIGINT.
        if (io.signal?.aborted) proc.exitCode = 130;
        else if (end === undefined && !io.signal) break;
        else await this.wait(io, end === undefined ? 250 : Math.max(1, Math.min(1000, end - this.now())));
      }
      if (gone) proc.exitCode = null;
    });
    const running = () => proc.exitCode === null && c.status === 'running';
    return {
      containerId: c.id,
      interactive: stdin,
      prompt: () => (running() ? proc.prompt() : ''),
      async input(line, io2) {
        if (!running()) return;
        await feed(io2, (o) => proc.input(line, o));
        engine.tick();
      },
      eof: (io2) => feed(io2, (o) => proc.eof(o)),
      interrupt: (io2) => feed(io2, (o) => proc.interrupt(o)),
      detach() {},
      get exited() {
        return !running();
      },
      get exitCode() {
        return proc.exitCode ?? (c.status !== 'running' ? 137 : null);
      },
      get status() {
        return proc.lastStatus();
      },
      complete: (w) => proc.complete(w),
      get echo() {
        return running() ? proc.echo : undefined;
      },
      get screen() {
        return running() && !!proc.screen;
      },
      key: (data, io2) => feed(io2, async (o) => proc.key?.(data, { ...o, columns: io2.columns })),
    };
  },
};
