/** `docker attach`: hands the terminal to the container's main process. */
import { CliError, type Handler } from '../cli';
import { checkTty, enterOrExit } from './shared';

export const attach: Handler = async (ctx, f, [name]) => {
  const info = await ctx.api.containerInspect(name);
  if (!info.State.Running) throw new CliError('You cannot attach to a stopped container, start it first');
  if (info.State.Paused) throw new CliError('You cannot attach to a paused container, unpause it first');
  if (info.State.Restarting) throw new CliError('You cannot attach to a restarting container, wait until it is running');
  checkTty(ctx, !f.bool('no-stdin'), info.Config.Tty);
  const handle = await ctx.api.containerAttach(name, ctx.io, { stdin: !f.bool('no-stdin') });
  return enterOrExit(ctx, handle);
};
