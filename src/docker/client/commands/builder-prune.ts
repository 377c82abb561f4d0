/** `docker builder prune`: BuildKit's cache, after docker's y/N question (one line here). */
import type { Handler } from '../cli';
import { parseFilters, prune } from './shared';

export const builderPrune: Handler = (ctx, f) => {
  const all = f.bool('all');
  return prune(ctx, f, `WARNING! This will remove all ${all ? '' : 'dangling '}build cache. Are you sure you want to continue?`, async () => {
    const r = await ctx.api.buildCachePrune({ all, filters: parseFilters(f.list('filter')) });
    return [r.SpaceReclaimed, r.CachesDeleted?.length ? `Deleted build cache objects:\n${r.CachesDeleted.map((id) => id + '\n').join('')}` : ''];
  }, true);
};
