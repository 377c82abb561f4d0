/** `docker volume update`: only cluster volumes (swarm) can be updated; a local one is refused. */
import { CliError, type Handler } from '../cli';

export const volumeUpdate: Handler = async (ctx, _f, [name]) => {
  // The client reads args[0] although cobra lets zero arguments through: Go panics.
  if (name === undefined) throw new CliError('panic: runtime error: index out of range [0] with length 0\n\ngoroutine 1 [running]:', 2);
  await ctx.api.volumeInspect(name);
  throw new CliError('Can only update cluster volumes');
};
