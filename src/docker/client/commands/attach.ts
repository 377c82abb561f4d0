/** `docker attach`: hands the terminal to the container's main process. */
import { CliError, type Handler } from '../cli';
import { checkTty, enterOrExit, waitAttached } from './shared';
import { lines } from '../../common/sh/text';
import { ATTACH_PAUSED, ATTACH_RESTARTING, ATTACH_STOPPED } from '../../common/attach-errors';

export const attach: Handler = async (ctx, f, [name]) => {
  const info = await ctx.api.containerInspect(name);
  if (!info.State.Running) throw new CliError(ATTACH_STOPPED);
  if (info.State.Paused) throw new CliError(ATTACH_PAUSED);
  if (info.State.Restarting) throw new CliError(ATTACH_RESTARTING);
  checkTty(ctx, !f.bool('no-stdin'), info.Config.Tty);
  const handle = await ctx.api.containerAttach(name, ctx.io, { stdin: !f.bool('no-stdin') });
  // in a job on the host it shows the output until the end, the terminal not its input
  if (ctx.io.park) return waitAttached(ctx, info.Id, handle);
  if (ctx.stdin === null || !handle.interactive) return enterOrExit(ctx, handle);
  // A piped input is streamed in; the container keeps its stdin open (no StdinOnce for a
  // detached run) and the client waits for its output, the terminal no longer its input.
  for (const line of lines(ctx.stdin)) await handle.input(line, ctx.io);
  return enterOrExit(ctx, Object.create(handle, { interactive: { value: false } }) as typeof handle);
};
