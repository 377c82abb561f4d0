/** `docker network prune`: custom networks no container uses, after docker's y/N question. */
import type { DockerApi } from '../../api';
import type { Handler } from '../cli';
import { confirm, parseFilters, type Pruned } from './shared';

/** docker/cli's network.RunPrune: networks reclaim no space. */
export async function pruneNetworks(api: DockerApi, filters?: Record<string, string[]>): Promise<Pruned> {
  const r = await api.networksPrune(filters);
  return [0, r.NetworksDeleted?.length ? 'Deleted Networks:\n' + r.NetworksDeleted.map((n) => n + '\n').join('') : ''];
}

export const networkPrune: Handler = (ctx, f) => {
  const go = async (io = ctx.io): Promise<number> => {
    // The client prints the list with Println: a blank line after it, nothing when none went.
    const [, out] = await pruneNetworks(ctx.api, parseFilters(f.list('filter')));
    if (out) io.out(out + '\n');
    return 0;
  };
  if (f.bool('force')) return go();
  return confirm(ctx, 'WARNING! This will remove all custom networks not used by at least one container.', go);
};
