/** `docker rm` / `docker container rm`. With `-f`, a missing container is reported but not an error. */
import { ApiError } from '../../api';
import type { Handler } from '../cli';
import { reportErrors } from './shared';

export const rm: Handler = async (ctx, f, args) => {
  const force = f.bool('force');
  const errors: string[] = [];
  for (const a of args) {
    const name = a.replace(/^\/+|\/+$/g, '');
    try {
      if (!name) throw new Error('Container name cannot be empty');
      await ctx.api.containerRemove(name, { force, volumes: f.bool('volumes') });
      ctx.io.out(a + '\n');
    } catch (e) {
      if (e instanceof ApiError) {
        if (force && e.status === 404) ctx.io.err(`Error response from daemon: ${e.message}\n`);
        else errors.push(`Error response from daemon: ${e.message}`);
      } else if (e instanceof Error && !name) errors.push(e.message);
      else throw e;
    }
  }
  return reportErrors(ctx, errors);
};
