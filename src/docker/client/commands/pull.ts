/** `docker pull` / `docker image pull`. */
import type { Handler } from '../cli';
import { CliError } from '../cli';
import { messageRenderer } from '../progress';
import { canonicalString, parseRef, RefError, withLatest } from '../reference';

export const pull: Handler = async (ctx, f, [image]) => {
  let ref;
  try {
    ref = parseRef(image);
  } catch (e) {
    if (e instanceof RefError) throw new CliError(e.message);
    throw e;
  }
  const quiet = f.bool('quiet');
  if (f.bool('all-tags')) {
    if (ref.tag || ref.digest) throw new CliError('tag can\'t be used with --all-tags/-a');
  } else if (!ref.tag && !ref.digest && !quiet) ctx.io.out('Using default tag: latest\n');
  const render = messageRenderer(ctx.io, ctx.io.out);
  await ctx.api.imagePull(image, quiet ? () => {} : render, { signal: ctx.io.signal });
  ctx.io.out(canonicalString(withLatest(ref)) + '\n');
  return 0;
};
