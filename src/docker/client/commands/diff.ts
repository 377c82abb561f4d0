/** `docker diff`: A (added), C (changed), D (deleted) paths of the writable layer. */
import type { Handler } from '../cli';

const KIND = ['C', 'A', 'D'];

export const diff: Handler = async (ctx, _f, [name]) => {
  const changes = await ctx.api.containerChanges(name);
  ctx.io.out(changes.map((c) => `${KIND[c.Kind]} ${c.Path}\n`).join(''));
  return 0;
};
