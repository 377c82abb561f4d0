/** `docker create`: prints the new container's full ID. */
import type { Handler } from '../cli';
import { containerSetup, createContainer } from './shared';

export const create: Handler = async (ctx, f, args) => {
  const cfg = containerSetup(ctx, f, args, 'create');
  ctx.io.out((await createContainer(ctx, f, cfg, 'create')) + '\n');
  return 0;
};
