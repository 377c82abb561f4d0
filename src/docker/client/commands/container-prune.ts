/** `docker container prune`, with docker's y/N question. */
import type { DockerApi } from '../../api';
import type { Handler } from '../cli';
import { humanSize } from '../format/units';
import { confirm, parseFilters, type Pruned } from './shared';

/** docker/cli's container.RunPrune, which `docker system prune` calls too. */
export async function pruneContainers(api: DockerApi, filters?: Record<string, string[]>): Promise<Pruned> {
  const r = await api.containersPrune(filters);
  if (!r.ContainersDeleted?.length) return [0, ''];
  return [r.SpaceReclaimed, 'Deleted Containers:\n' + r.ContainersDeleted.map((id) => id + '\n').join('')];
}

export const containerPrune: Handler = (ctx, f) => {
  const go = async (io = ctx.io): Promise<number> => {
    const [space, out] = await pruneContainers(ctx.api, parseFilters(f.list('filter')));
    io.out((out && out + '\n') + `Total reclaimed space: ${humanSize(space)}\n`);
    return 0;
  };
  if (f.bool('force')) return go();
  return confirm(ctx, 'WARNING! This will remove all stopped containers.', go);
};
