/** `docker volume update`: only cluster volumes (swarm) can be updated; a local one is refused. */
import { CliError, type Handler } from '../cli';

export const volumeUpdate: Handler = async (ctx, _f, [name]) => {
  await ctx.api.volumeInspect(name);
  throw new CliError('Can only update cluster volumes');
};
