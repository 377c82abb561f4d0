/** `docker pull` / `docker image pull`. */
import { CliError, type Handler } from '../cli';
import { messageRenderer } from '../progress';
import { canonicalString, parseRef, withLatest } from '../reference';

export const pull: Handler = async (ctx, f, [image]) => {
  const ref = parseRef(image);
  const quiet = f.bool('quiet');
  const all = f.bool('all-tags');
  if (all) {
    if (ref.tag || ref.digest) throw new CliError('tag can\'t be used with --all-tags/-a');
  } else if (!ref.tag && !ref.digest && !quiet) ctx.io.out('Using default tag: latest\n');
  const render = messageRenderer(ctx.io, ctx.io.out);
  // The API client lowercases the platform before sending it.
  const platform = f.str('platform')?.toLowerCase() || undefined;
  await ctx.api.imagePull(image, quiet ? () => {} : render, { signal: ctx.io.signal, all, platform });
  // Ctrl+C cancels the CLI's context: the pull stops where it was, silently, with 128+SIGINT.
  if (ctx.io.signal?.aborted) return 130;
  // With -a the reference stays a repository: `docker.io/library/nginx`.
  ctx.io.out(canonicalString(all ? ref : withLatest(ref)) + '\n');
  return 0;
};
