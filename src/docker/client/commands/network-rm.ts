/** `docker network rm`: each name on success, each daemon error on its own line; `-f` skips missing ones. */
import { ApiError } from '../../api';
import type { Handler } from '../cli';

export const networkRm: Handler = async (ctx, f, args) => {
  let failed = false;
  for (const a of args) {
    try {
      await ctx.api.networkRemove(a);
      ctx.io.out(a + '\n');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (f.bool('force') && e.status === 404) continue;
      ctx.io.err(`Error response from daemon: ${e.message}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
};
