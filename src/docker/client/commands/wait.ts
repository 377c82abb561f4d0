/** `docker wait`: each container's exit code once it has stopped; the errors joined at the end. */
import { ApiError } from '../../api';
import type { Handler } from '../cli';
import { reportErrors } from './shared';

export const wait: Handler = async (ctx, _f, args) => {
  const errors: string[] = [];
  for (const a of args) {
    try {
      const res = await ctx.api.containerWait(a, ctx.io);
      // Ctrl+C ends the client (SIGINT); a runner without it cannot wait for a server that never stops.
      if (!res) return 130;
      ctx.io.out(`${res.StatusCode}\n`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  return reportErrors(ctx, errors);
};
