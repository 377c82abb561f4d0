/** `timeout [-s SIG] [-k DUR] DURATION COMMAND [ARG]…`: GNU coreutils' and busybox's, on the simulated clock. */
import { usage } from './opts';
import type { IO, ShellLike } from './types';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export async function timeout(args: string[], io: IO, sh: ShellLike): Promise<number> {
  let k = 1;
  for (; /^-./.test(args[k] ?? ''); k++) if (/^-[sk]$/.test(args[k])) k++;
  const [dur, ...cmd] = args.slice(k);
  const gnu = (msg: string) => (io.err(`timeout: ${msg}\nTry 'timeout --help' for more information.\n`), 125);
  if (!cmd.length) return io.busybox ? (usage(io, 'timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n\nRun PROG. Send SIG to it if it is not gone in SECS seconds.\nDefault SIG: TERM.\nIf it still exists in KILL_SECS seconds, send KILL.'), 1) : gnu(dur ? `missing operand after '${dur}'` : 'missing operand');
  const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(dur);
  if (!m) return io.busybox ? (io.err(`timeout: invalid number '${dur}'\n`), 1) : gnu(`invalid time interval '${dur}'`);
  // it runs a program, never a builtin of the shell
  if (!sh.which(cmd[0])) {
    io.err(io.busybox ? `timeout: can't execute '${cmd[0]}': No such file or directory\n` : `timeout: failed to run command '${cmd[0]}': No such file or directory\n`);
    return 127;
  }
  const ms = +m[1] * UNIT[m[2]] * 1000;
  const end = sh.m.now() + ms;
  const ctl = new AbortController();
  io.signal?.addEventListener('abort', () => ctl.abort());
  // a wait that would pass the deadline ends at it, with the command's SIGTERM
  const sub: IO = { ...io, signal: ctl.signal, async sleep(t, argv) {
    const left = end - sh.m.now();
    await io.sleep(ms && t >= left ? Math.max(0, left) : t, argv);
    if (ms && t >= left) ctl.abort();
  } };
  const s = await sh.spawn(cmd, sub);
  // GNU reports the timeout as 124; busybox execs the command, which dies of the signal
  if (!ctl.signal.aborted || io.signal?.aborted) return s;
  // (and ash says so, as of any job a SIGTERM ended)
  if (io.busybox) io.err('Terminated\n');
  return io.busybox ? 143 : 124;
}
