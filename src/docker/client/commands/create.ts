/** `docker create`: prints the new container's full ID. */
import type { Handler } from '../cli';
import { createContainer } from './shared';

export const create: Handler = async (ctx, f, args) => {
  ctx.io.out((await createContainer(ctx, f, args, 'create')) + '\n');
  return 0;
};
