/**
 * Following a container's main process: attach (a handle bound to one run, so a restart does
 * not feed an old terminal), its logs as the json-file driver stores them, and `top`.
 */
import { ApiError, type LogEntry, type LogsOptions, type ProcessHandle } from '../api';
import type { TermIO } from '../shell';
import type { Ctr, Engine, Sink } from './engine';
import type { Proc } from './process';
import { ATTACH_PAUSED, ATTACH_RESTARTING, ATTACH_STOPPED } from '../common/attach-errors';

export const attaching = {
  async containerLogs(this: Engine, id: string, opts: LogsOptions = {}): Promise<LogEntry[]> {
    this.tick();
    const c = this.get(id);
    // The none driver keeps nothing, and gets no cache to read from either (ErrReadLogsNotSupported).
    if ((c.hostConfig.LogConfig as { Type?: string } | undefined)?.Type === 'none') throw new ApiError(500, 'configured logging driver does not support reading');
    // Split into lines so `--tail` counts lines, as the json-file driver stores them.
    const lines = c.logs
      .filter((l) => (l.stream === 'stdout' ? opts.stdout : opts.stderr) !== false && (!opts.since || l.time >= opts.since * 1000) && (!opts.until || l.time <= opts.until * 1000))
      .flatMap((l) => l.text.split(/(?<=\n)/).filter(Boolean).map((text) => ({ ...l, text })));
    if (opts.tail !== undefined && opts.tail !== 'all') return opts.tail <= 0 ? [] : lines.slice(-opts.tail);
    return lines;
  },

  async containerAttach(this: Engine, id: string, io: TermIO, opts: { stdin?: boolean; beforeStart?: boolean; input?: string } = {}): Promise<ProcessHandle> {
    this.tick();
    const c = this.get(id);
    if (!opts.beforeStart || (c.status !== 'created' && c.status !== 'exited')) {
      if (c.status === 'paused') throw new ApiError(409, ATTACH_PAUSED);
      if (c.status === 'restarting') throw new ApiError(409, ATTACH_RESTARTING);
      if (c.status !== 'running') throw new ApiError(409, ATTACH_STOPPED);
    }
    const sink: Sink = { io };
    c.sinks.add(sink);
    this.ctrEvent(c, 'attach');
    const engine = this;
    const live = () => engine.isUp(c);
    // The run this handle follows: the current one, or the next start.
    const run = live() ? c.runs ?? 0 : (c.runs ?? 0) + 1;
    const stdin = opts.stdin !== false && c.config.OpenStdin;
    if (stdin && !live()) c.input = opts.input;
    const mine = () => (c.runs === run && live() ? c.proc : undefined);
    // Feeds this run's process from the terminal `io2`, then stops the container if it ended.
    const drive = async (io2: TermIO, act: (p: Proc) => Promise<void>) => {
      const p = mine();
      if (!p) return;
      sink.io = io2;
      await act(p);
      if (p.exitCode !== null && c.proc === p) engine.finish(c, p.exitCode);
      engine.tick();
    };
    const handle: ProcessHandle = {
      containerId: c.id,
      interactive: stdin,
      prompt: () => (c.status === 'running' ? mine()?.prompt() ?? '' : ''),
      async input(line, io2) {
        if (!stdin || c.status === 'paused') return;
        await drive(io2, async (p) => {
          if (c.config.Tty) c.logs.push({ stream: 'stdout', text: line + '\r\n', time: engine.now() });
          await p.input(line, engine.out(c));
          engine.logPrompt(c, p);
        });
      },
      eof: (io2) => drive(io2, (p) => p.eof(engine.out(c))),
      async interrupt(io2) {
        const p = mine();
        if (!p) return;
        sink.io = io2;
        if (c.config.Tty && p.readsInput) {
          await p.interrupt(engine.out(c));
          engine.logPrompt(c, p);
          // node's REPL leaves on a second Ctrl+C
          if (p.exitCode !== null && c.proc === p) engine.finish(c, p.exitCode);
        } else {
          const code = p.signal(2, engine.out(c));
          if (code !== null) engine.finish(c, code);
        }
      },
      detach() {
        c.sinks.delete(sink);
      },
      use(io2) {
        sink.io = io2;
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
      get echo() {
        return mine()?.echo;
      },
      get screen() {
        return !!mine()?.screen;
      },
      key: (data, io2) => drive(io2, async (p) => p.key?.(data, { ...engine.out(c), columns: io2.columns, rows: io2.rows })),
    };
    return handle;
  },

  /** With a TTY the echo and the prompts pass through the terminal, so the log has them. */
  logPrompt(this: Engine, c: Ctr, p: Proc): void {
    const prompt = c.config.Tty && p.exitCode === null ? p.prompt() : '';
    if (prompt) c.logs.push({ stream: 'stdout', text: prompt, time: this.now() });
  },
};
