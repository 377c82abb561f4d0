/** `docker push` / `docker image push`, as whoever `docker login` stored credentials for. */
import { CliError, type Handler } from '../cli';
import { messageRenderer } from '../progress';
import { canonicalString, familiarString, parseRef, withLatest } from '../reference';
import { note, storedAuth } from './login';

export const push: Handler = async (ctx, f, [name]) => {
  if (f.str('platform')) ctx.io.out(note(ctx.io.tty, 'Using --platform pushes only the specified platform manifest of a multi-platform image index.\nOther components, like attestations, will not be included.\nTo push the complete multi-platform image, remove the --platform flag.\n'));
  const ref = parseRef(name);
  const all = f.bool('all-tags');
  const quiet = f.bool('quiet');
  if (all && (ref.tag || ref.digest)) throw new CliError("tag can't be used with --all-tags/-a");
  const target = all || ref.tag || ref.digest ? ref : withLatest(ref);
  if (target !== ref && !quiet) ctx.io.out('Using default tag: latest\n');
  const render = quiet ? () => {} : messageRenderer(ctx.io, ctx.io.out);
  await ctx.api.imagePush(familiarString(target), render, { all, auth: storedAuth(ctx), signal: ctx.io.signal });
  if (quiet) ctx.io.out(canonicalString(target) + '\n');
  return 0;
};
