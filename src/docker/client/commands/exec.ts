/** `docker exec`: a command in a running container; `-it` hands over the terminal. */
import { ApiError, type ExecConfig, type ProcessHandle } from '../../api';
import { CliError, type Handler } from '../cli';
import { checkTty, enterOrExit, hostReader, processFlags } from './shared';

export const exec: Handler = async (ctx, f, [name, ...cmd]) => {
  const interactive = f.bool('interactive');
  const tty = f.bool('tty');
  const detach = f.bool('detach');
  if (!detach) checkTty(ctx, interactive, tty);
  const cfg: ExecConfig = { Cmd: cmd, Tty: tty, AttachStdin: interactive, Detach: detach };
  try {
    processFlags(f, cfg, ctx.sh.env(), hostReader(ctx));
  } catch (e) {
    // An --env-file that cannot be read or parsed: the client's own error, plain.
    throw new CliError((e as Error).message);
  }
  let handle;
  try {
    // `-d` attaches no stream: a pipe is not read
    handle = await ctx.api.exec(name, cfg, ctx.io, detach ? undefined : ctx.stdin ?? undefined);
  } catch (e) {
    // A failed exec start reaches the client through the attached stream, without the daemon prefix.
    if (e instanceof ApiError && e.message.startsWith('OCI runtime exec failed')) throw new CliError(e.message, e.exitCode ?? 126);
    throw e;
  }
  if (detach) return 0;
  // Without a TTY, Ctrl+C cancels the client's context: it leaves (exit 0), the process stays.
  if (interactive && !tty && ctx.io.signal?.aborted) return 0;
  if (interactive && ctx.stdin === null) return enterOrExit(ctx, tty ? handle : leavesOnInterrupt(handle));
  return handle.exitCode ?? 0;
};

/**
 * `exec -i` without `-t`: Ctrl+C reaches the client, not the process. The client leaves (exit
 * 0), and the process reads the end of its input, so a shell or `cat` ends there.
 */
function leavesOnInterrupt(h: ProcessHandle): ProcessHandle {
  let left = false;
  return {
    containerId: h.containerId,
    interactive: h.interactive,
    prompt: () => h.prompt(),
    input: (line, io) => h.input(line, io),
    eof: (io) => h.eof(io),
    async interrupt(io) {
      io.out('^C\n');
      left = true;
      await h.eof({ ...io, out: () => {}, err: () => {} });
    },
    detach: () => h.detach(),
    get exited() {
      return left || h.exited;
    },
    get exitCode() {
      return left ? 0 : h.exitCode;
    },
    get status() {
      return h.status;
    },
    complete: (w) => h.complete(w),
  };
}
