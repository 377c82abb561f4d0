/** `docker image prune` (dangling images, or `-a` every image without a container), with the y/N question. */
import type { DockerApi } from '../../api';
import type { Handler } from '../cli';
import { parseFilters, prune, type Pruned } from './shared';

/** docker/cli's image.RunPrune: the client always states which images it means. */
export async function pruneImages(api: DockerApi, all: boolean, filters: Record<string, string[]> = {}): Promise<Pruned> {
  const r = await api.imagesPrune({ ...filters, dangling: [...(filters.dangling ?? []), String(!all)] });
  if (!r.ImagesDeleted?.length) return [r.SpaceReclaimed, ''];
  return [r.SpaceReclaimed, 'Deleted Images:\n' + r.ImagesDeleted.map((d) => (d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted}\n`)).join('')];
}

export const imagePrune: Handler = (ctx, f) => {
  const all = f.bool('all');
  const warning = all
    ? 'WARNING! This will remove all images without at least one container associated to them.'
    : 'WARNING! This will remove all dangling images.';
  return prune(ctx, f, warning, () => pruneImages(ctx.api, all, parseFilters(f.list('filter'))));
};
