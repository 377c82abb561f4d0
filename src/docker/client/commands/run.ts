/** `docker run`: create (pulling when needed), attach, start, and wait or hand over the terminal. */
import { ApiError } from '../../api';
import { CliError, type Handler } from '../cli';
import { checkTty, containerSetup, createContainer, enterOrExit, waitAttached, withHelp } from './shared';

export const run: Handler = async (ctx, f, args) => {
  const detach = f.bool('detach');
  const interactive = f.bool('interactive');
  const tty = f.bool('tty');
  const cfg = containerSetup(ctx, f, args, 'run');
  // -a stdin attaches stdin as -i does: a TTY needs a terminal to read from.
  if (!detach) checkTty(ctx, !!cfg.AttachStdin, tty);
  else if (f.list('attach').length) throw new CliError('conflicting options: cannot specify both --attach and --detach');
  const { api, io } = ctx;
  // Ctrl+C while the image is pulled cancels the CLI's context: the pull stops drawing and no
  // container is made (the redirect target, if any, stays on the functions).
  const hush = (w: (t: string) => void) => Object.assign((t: string) => void (io.signal?.aborted || w.call(io, t)), w);
  const id = await createContainer(io.signal ? { ...ctx, io: { ...io, out: hush(io.out), err: hush(io.err) } } : ctx, f, cfg, 'run');
  if (io.signal?.aborted) {
    await api.containerRemove(id, { force: true });
    return 0;
  }
  try {
    // Detached, or attached to stdin alone (-a stdin): the client shows the ID and does not wait.
    if (detach || (!cfg.AttachStdout && !cfg.AttachStderr)) {
      // docker/cli prints the ID as soon as the container exists, so it comes before a failed start's error
      io.out(id + '\n');
      // -i -a stdin: a piped or redirected input still goes in (the process reads it, then EOF).
      if (!detach && interactive && ctx.stdin !== null) (await api.containerAttach(id, { ...io, out: () => {}, err: () => {} }, { stdin: true, beforeStart: true, input: ctx.stdin })).detach();
      await api.containerStart(id);
      return 0;
    }
    // A piped or redirected stdin is streamed in and closed: the process reads it, then EOF.
    // -a: only the streams asked for reach the terminal (a TTY has just the one).
    const quiet = () => {};
    const streams = f.has('attach') && !tty ? { ...io, out: cfg.AttachStdout ? io.out : quiet, err: cfg.AttachStderr ? io.err : quiet } : io;
    const handle = await api.containerAttach(id, streams, { stdin: interactive, beforeStart: true, input: ctx.stdin ?? undefined });
    await api.containerStart(id);
    if (interactive && ctx.stdin === null) return enterOrExit(ctx, handle);
    if (handle.exited) return handle.exitCode ?? 0;
    if (!io.signal) {
      // A runner without Ctrl+C cannot stop a foreground service: it keeps running, as if detached.
      handle.detach();
      return 0;
    }
    return await waitAttached(ctx, id, handle);
  } catch (e) {
    if (e instanceof ApiError) throw withHelp(`Error response from daemon: ${e.message}`, 'run', e.exitCode ?? 125);
    throw e;
  }
};
