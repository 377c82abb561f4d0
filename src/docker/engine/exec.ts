/** `docker exec`: a second process in a running container, with its own terminal handle. */
import { ApiError, type ExecConfig, type ProcessHandle } from '../api';
import type { TermIO } from '../shell';
import { mergeEnv } from './config';
import type { Engine } from './engine';
import { ShellProc, startProgram } from './process';
import { Shell } from './shell/sh';
import type { Out } from './shell/types';

export const execing = {
  async exec(this: Engine, id: string, config: ExecConfig, io: TermIO): Promise<ProcessHandle> {
    this.tick();
    const c = this.get(id);
    if (c.status === 'paused') throw new ApiError(409, `container ${c.id} is paused, unpause the container before exec`);
    if (c.status !== 'running') throw new ApiError(409, `container ${c.id} is not running`);
    if (!config.Cmd.length) throw new ApiError(400, 'No exec command specified');
    const m = this.machine(c);
    const env = mergeEnv(c.config.Env, config.Env ?? []);
    const cwd = config.WorkingDir || c.config.WorkingDir || '/';
    const tty = !!config.Tty;
    const probe = new Shell(m, 'bash', 'sh', false, env, cwd, tty);
    const path = probe.which(config.Cmd[0]);
    if (!path) {
      const why = config.Cmd[0].includes('/') ? `stat ${config.Cmd[0]}: no such file or directory` : `exec: "${config.Cmd[0]}": executable file not found in $PATH`;
      throw new ApiError(400, `OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown`, 127);
    }
    const stdin = !!config.AttachStdin;
    const proc = startProgram({ pid: m.newPid(), argv: config.Cmd, tty, start: this.now(), m }, { env, cwd, stdin });
    c.execs.push(proc);
    let sinkIo: TermIO = io;
    const out = (): Out => ({
      out: (t) => { if (!config.Detach) sinkIo.out(t); },
      err: (t) => { if (!config.Detach) (tty ? sinkIo.out : sinkIo.err).call(sinkIo, t); },
      sleep: (ms) => this.wait(sinkIo, ms),
      signal: sinkIo.signal,
    });
    const engine = this;
    const reap = () => {
      if (proc.exitCode !== null) c.execs = c.execs.filter((e) => e !== proc);
    };
    await proc.boot(out());
    if (proc instanceof ShellProc && !stdin) proc.exitCode = 0;
    reap();
    return {
      containerId: c.id,
      interactive: stdin,
      prompt: () => (proc.exitCode === null && c.status === 'running' ? proc.prompt() : ''),
      async input(line, io2) {
        if (proc.exitCode !== null || c.status !== 'running') return;
        sinkIo = io2;
        await proc.input(line, out());
        reap();
        engine.tick();
      },
      async eof(io2) {
        sinkIo = io2;
        await proc.eof(out());
        reap();
      },
      async interrupt(io2) {
        sinkIo = io2;
        await proc.interrupt(out());
        reap();
      },
      detach() {},
      get exited() {
        return proc.exitCode !== null || c.status !== 'running';
      },
      get exitCode() {
        return proc.exitCode ?? (c.status !== 'running' ? 137 : null);
      },
      get status() {
        return proc.lastStatus();
      },
      complete: (w) => proc.complete(w),
    };
  },
};
