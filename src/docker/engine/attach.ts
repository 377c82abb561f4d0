/**
 * Following a container's main process: attach (a handle bound to one run, so a restart does
 * not feed an old terminal), its logs as the json-file driver stores them, and `top`.
 */
import { ApiError, type LogEntry, type LogsOptions, type ProcessHandle } from '../api';
import type { TermIO } from '../shell';
import type { Engine, Sink } from './engine';
import type { Proc } from './process';
import { ATTACH_PAUSED, ATTACH_RESTARTING, ATTACH_STOPPED } from '../common/attach-errors';

export const attaching = {
  async containerLogs(this: Engine, id: string, opts: LogsOptions = {}): Promise<LogEntry[]> {
    this.tick();
    const c = this.get(id);
    let logs = c.logs.filter((l) => (l.stream === 'stdout' ? opts.stdout !== false : opts.stderr !== false));
    if (opts.since) logs = logs.filter((l) => l.time >= opts.since! * 1000);
    if (opts.until) logs = logs.filter((l) => l.time <= opts.until! * 1000);
    // Split into lines so `--tail` counts lines, as the json-file driver stores them.
    const lines: LogEntry[] = [];
    for (const l of logs) {
      const parts = l.text.split(/(?<=\n)/);
      for (const p of parts) if (p) lines.push({ ...l, text: p });
    }
    if (opts.tail !== undefined && opts.tail !== 'all') return opts.tail <= 0 ? [] : lines.slice(-opts.tail);
    return lines;
  },

  async containerAttach(this: Engine, id: string, io: TermIO, opts: { stdin?: boolean; beforeStart?: boolean } = {}): Promise<ProcessHandle> {
    this.tick();
    const c = this.get(id);
    if (!opts.beforeStart || (c.status !== 'created' && c.status !== 'exited')) {
      if (c.status === 'paused') throw new ApiError(409, ATTACH_PAUSED);
      if (c.status === 'restarting') throw new ApiError(409, ATTACH_RESTARTING);
      if (c.status !== 'running') throw new ApiError(409, ATTACH_STOPPED);
    }
    const sink: Sink = { io };
    c.sinks.add(sink);
    const live = () => this.isUp(c);
    // The run this handle follows: the current one, or the next start.
    const run = live() ? c.runs ?? 0 : (c.runs ?? 0) + 1;
    const engine = this;
    const stdin = opts.stdin !== false && c.config.OpenStdin;
    const mine = () => (c.runs === run && live() ? c.proc : undefined);
    const after = async (p: Proc) => {
      if (p.exitCode !== null && c.proc === p) engine.finish(c, p.exitCode);
      engine.tick();
    };
    const handle: ProcessHandle = {
      containerId: c.id,
      get interactive() {
        return stdin;
      },
      prompt: () => (c.status === 'running' ? mine()?.prompt() ?? '' : ''),
      async input(line, io2) {
        const p = mine();
        if (!p || !stdin || c.status === 'paused') return;
        sink.io = io2;
        if (c.config.Tty) c.logs.push({ stream: 'stdout', text: p.prompt() + line + '\n', time: engine.now() });
        await p.input(line, engine.out(c));
        await after(p);
      },
      async eof(io2) {
        const p = mine();
        if (!p) return;
        sink.io = io2;
        await p.eof(engine.out(c));
        await after(p);
      },
      async interrupt(io2) {
        const p = mine();
        if (!p) return;
        sink.io = io2;
        if (c.config.Tty && p.readsInput) await p.interrupt(engine.out(c));
        else {
          const code = p.signal(2, engine.out(c));
          if (code !== null) engine.finish(c, code);
        }
      },
      detach() {
        c.sinks.delete(sink);
      },
      get exited() {
        return (c.runs ?? 0) >= run && !(c.runs === run && live());
      },
      get exitCode() {
        return handle.exited ? c.exitCode : null;
      },
      get status() {
        return mine()?.lastStatus() ?? 0;
      },
      complete: (word) => mine()?.complete(word) ?? [],
    };
    return handle;
  },

  async containerTop(this: Engine, id: string): Promise<{ Titles: string[]; Processes: string[][] }> {
    const c = this.get(id);
    if (!this.isUp(c)) throw new ApiError(409, `container ${c.id} is not running`);
    const t = new Date(c.startedAt).toISOString().slice(11, 16);
    return {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: this.machine(c).procs().map((p, i) => ['root', String(c.pid + i * 37), i ? String(c.pid) : String(c.pid - 23), '0', t, p.tty ? 'pts/0' : '?', '00:00:00', p.argv.join(' ')]),
    };
  },
};
