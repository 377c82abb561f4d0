/** `docker network prune`: custom networks no container uses, after docker's y/N question. */
import type { Handler } from '../cli';
import { confirm, parseFilters } from './shared';

export const networkPrune: Handler = (ctx, f) => {
  const go = async (io = ctx.io): Promise<number> => {
    const r = await ctx.api.networksPrune(parseFilters(f.list('filter')));
    // The client prints the list with Println: a blank line after it, nothing when none went.
    if (r.NetworksDeleted?.length) io.out('Deleted Networks:\n' + r.NetworksDeleted.map((n) => n + '\n').join('') + '\n');
    return 0;
  };
  if (f.bool('force')) return go();
  return confirm(ctx, 'WARNING! This will remove all custom networks not used by at least one container.', go);
};
