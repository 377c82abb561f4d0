/** `docker rmi` / `docker image rm`: `Untagged:` and `Deleted:` lines, errors joined at the end. */
import { ApiError } from '../../api';
import type { Handler } from '../cli';
import { reportErrors } from './shared';

export const rmi: Handler = async (ctx, f, args) => {
  const errors: string[] = [];
  const force = f.bool('force');
  // runRemove: with --force, images that are not there are still reported, but only another
  // error makes the command fail.
  let fatal = !force;
  for (const a of args) {
    try {
      const items = await ctx.api.imageRemove(a, { force, noprune: f.bool('no-prune') });
      for (const it of items) {
        if (it.Untagged) ctx.io.out(`Untagged: ${it.Untagged}\n`);
        if (it.Deleted) ctx.io.out(`Deleted: ${it.Deleted}\n`);
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status !== 404) fatal = true;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return reportErrors(ctx, errors) && (fatal ? 1 : 0);
};
