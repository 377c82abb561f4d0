/** `docker volume prune`: unused anonymous volumes, or (`-a`) every unused one, with the y/N question. */
import type { DockerApi } from '../../api';
import { CliError, type Handler } from '../cli';
import { parseFilters, prune, type Pruned } from './shared';

/** docker/cli's volume.RunPrune (`docker system prune --volumes` never passes `all`). */
export async function pruneVolumes(api: DockerApi, filters?: Record<string, string[]>): Promise<Pruned> {
  const r = await api.volumesPrune(filters);
  if (!r.VolumesDeleted?.length) return [0, ''];
  return [r.SpaceReclaimed, 'Deleted Volumes:\n' + r.VolumesDeleted.map((n) => n + '\n').join('')];
}

export const volumePrune: Handler = (ctx, f) => {
  const all = f.bool('all');
  const filters = parseFilters(f.list('filter')) ?? {};
  if (all) {
    if (filters.all) throw new CliError('conflicting options: cannot specify both --all and --filter all=1');
    filters.all = ['true'];
  }
  return prune(ctx, f, `WARNING! This will remove ${all ? 'all' : 'anonymous'} local volumes not used by at least one container.`, () => pruneVolumes(ctx.api, filters));
};
