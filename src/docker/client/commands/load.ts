/** `docker load` / `docker image load`: images from a tar (`-i FILE` or stdin). */
import { CliError, type Handler } from '../cli';
import { messageRenderer } from '../progress';
import { readHostFile } from '../tar-file';

export const load: Handler = async (ctx, f) => {
  const input = f.str('input');
  if (!input && ctx.stdin === null) throw new CliError('requested load from stdin, but stdin is empty');
  const data = input ? readHostFile(ctx, input) : ctx.stdin!;
  // Progress bars are for a terminal: otherwise the daemon is asked to be quiet.
  await ctx.api.imageLoad(data, messageRenderer(ctx.io, ctx.io.out), { quiet: f.bool('quiet') || !ctx.io.tty });
  return 0;
};
