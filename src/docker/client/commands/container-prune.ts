/** `docker container prune`, with docker's y/N question. */
import type { DockerApi } from '../../api';
import type { Handler } from '../cli';
import { parseFilters, prune, type Pruned } from './shared';

/** docker/cli's container.RunPrune, which `docker system prune` calls too. */
export async function pruneContainers(api: DockerApi, filters?: Record<string, string[]>): Promise<Pruned> {
  const r = await api.containersPrune(filters);
  if (!r.ContainersDeleted?.length) return [0, ''];
  return [r.SpaceReclaimed, 'Deleted Containers:\n' + r.ContainersDeleted.map((id) => id + '\n').join('')];
}

export const containerPrune: Handler = (ctx, f) =>
  prune(ctx, f, 'WARNING! This will remove all stopped containers.', () => pruneContainers(ctx.api, parseFilters(f.list('filter'))));
