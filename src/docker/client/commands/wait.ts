/** `docker wait`: each container's exit code once it has stopped; the errors joined at the end. */
import { ApiError } from '../../api';
import type { Handler } from '../cli';
import { reportErrors } from './shared';

export const wait: Handler = async (ctx, _f, args) => {
  const errors: string[] = [];
  for (const a of args) {
    try {
      const res = await ctx.api.containerWait(a, ctx.io);
      // Ctrl+C cancels the CLI's context and the wait with it: a cancelled command exits 0, silent
      if (!res) return 0;
      ctx.io.out(`${res.StatusCode}\n`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return reportErrors(ctx, errors);
};
