/** `docker rename`: the daemon's error, then the client's own line naming the container. */
import { ApiError } from '../../api';
import { CliError, type Handler } from '../cli';

export const rename: Handler = async (ctx, _f, args) => {
  const [from, to] = args.map((a) => a.trim());
  if (!from || !to) throw new CliError('Error: Neither old nor new names may be empty');
  try {
    await ctx.api.containerRename(from, to);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    ctx.io.err(`Error response from daemon: ${e.message}\n`);
    throw new CliError(`Error: failed to rename container named ${from}`);
  }
  return 0;
};
