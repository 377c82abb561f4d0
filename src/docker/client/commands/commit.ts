/** `docker commit`: the container's writable layer becomes a new image; prints its ID. */
import type { CommitOptions } from '../../api';
import type { Handler } from '../cli';
import { parseRef } from '../reference';

export const commit: Handler = async (ctx, f, [name, reference]) => {
  const opts: CommitOptions = { pause: f.bool('pause', true) };
  if (reference !== undefined) {
    parseRef(reference);
    opts.reference = reference;
  }
  if (f.has('message')) opts.comment = f.str('message');
  if (f.has('author')) opts.author = f.str('author');
  if (f.list('change').length) opts.changes = f.list('change');
  const { Id } = await ctx.api.containerCommit(name, opts);
  ctx.io.out(Id + '\n');
  return 0;
};
