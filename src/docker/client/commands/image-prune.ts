/** `docker image prune` (dangling images, or `-a` every image without a container), with the y/N question. */
import type { DockerApi } from '../../api';
import type { Handler } from '../cli';
import { humanSize } from '../format/units';
import { confirm, parseFilters, type Pruned } from './shared';

/** docker/cli's image.RunPrune: the client always states which images it means. */
export async function pruneImages(api: DockerApi, all: boolean, filters: Record<string, string[]> = {}): Promise<Pruned> {
  const r = await api.imagesPrune({ ...filters, dangling: [...(filters.dangling ?? []), String(!all)] });
  if (!r.ImagesDeleted?.length) return [r.SpaceReclaimed, ''];
  return [r.SpaceReclaimed, 'Deleted Images:\n' + r.ImagesDeleted.map((d) => (d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted}\n`)).join('')];
}

export const imagePrune: Handler = (ctx, f) => {
  const all = f.bool('all');
  const go = async (io = ctx.io): Promise<number> => {
    const [space, out] = await pruneImages(ctx.api, all, parseFilters(f.list('filter')));
    io.out((out && out + '\n') + `Total reclaimed space: ${humanSize(space)}\n`);
    return 0;
  };
  if (f.bool('force')) return go();
  const warning = all
    ? 'WARNING! This will remove all images without at least one container associated to them.'
    : 'WARNING! This will remove all dangling images.';
  return confirm(ctx, warning, go);
};
