/** `docker container prune`, with docker's y/N question. */
import type { Handler } from '../cli';
import { humanSize } from '../format/units';
import { confirm, parseFilters } from './shared';

export const containerPrune: Handler = (ctx, f) => {
  const go = async (io = ctx.io): Promise<number> => {
    const r = await ctx.api.containersPrune(parseFilters(f.list('filter')));
    let out = '';
    if (r.ContainersDeleted?.length) out = 'Deleted Containers:\n' + r.ContainersDeleted.map((id) => id + '\n').join('') + '\n';
    io.out(out + `Total reclaimed space: ${humanSize(r.ContainersDeleted?.length ? r.SpaceReclaimed : 0)}\n`);
    return 0;
  };
  if (f.bool('force')) return go();
  return confirm(ctx, 'WARNING! This will remove all stopped containers.', go);
};
