/** `docker start`: prints each argument; `-a`/`-i` attach to the one container started. */
import { ApiError } from '../../api';
import { CliError, type Handler } from '../cli';
import { checkTty, enterOrExit, sigProxy } from './shared';

export const start: Handler = async (ctx, f, args) => {
  const { api, io } = ctx;
  const attach = f.bool('attach');
  const interactive = f.bool('interactive');
  if (attach || interactive) {
    if (args.length > 1) throw new CliError('you cannot start and attach multiple containers at once');
    const info = await api.containerInspect(args[0]);
    checkTty(ctx, interactive, info.Config.Tty);
    const handle = await api.containerAttach(args[0], io, { stdin: interactive, beforeStart: true, input: ctx.stdin ?? undefined });
    await api.containerStart(args[0]);
    if ((interactive && ctx.stdin === null) || info.Config.Tty) return enterOrExit(ctx, handle);
    if (handle.exited) return handle.exitCode ?? 0;
    const res = io.signal ? await api.containerWait(args[0], io) : null;
    if (res) return res.StatusCode;
    if (!io.signal?.aborted) return handle.detach(), 0;
    // Ctrl+C: forwarded to the container, as `docker run` does
    return sigProxy(ctx, args[0], handle);
  }
  const failed: string[] = [];
  for (const a of args) {
    try {
      await api.containerStart(a);
      io.out(a + '\n');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      io.err(`Error response from daemon: ${e.message}\n`);
      failed.push(a);
    }
  }
  if (failed.length) throw new CliError(`Error: failed to start containers: ${failed.join(', ')}`);
  return 0;
};
