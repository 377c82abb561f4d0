/** `docker builder prune`: BuildKit's cache, after docker's y/N question (one line here). */
import type { Handler } from '../cli';
import { humanSize } from '../format/units';
import { confirm, parseFilters } from './shared';

export const builderPrune: Handler = (ctx, f) => {
  const all = f.bool('all');
  const go = async (io = ctx.io): Promise<number> => {
    const r = await ctx.api.buildCachePrune({ all, filters: parseFilters(f.list('filter')) });
    const deleted = r.CachesDeleted?.length ? `Deleted build cache objects:\n${r.CachesDeleted.join('\n')}\n\n` : '';
    io.out(`${deleted}Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`);
    return 0;
  };
  if (f.bool('force')) return go();
  return confirm(ctx, `WARNING! This will remove all ${all ? '' : 'dangling '}build cache. Are you sure you want to continue?`, go, true);
};
