/** `docker image prune` (dangling images, or `-a` every image without a container), with the y/N question. */
import type { Handler } from '../cli';
import { humanSize } from '../format/units';
import { confirm, parseFilters } from './shared';

export const imagePrune: Handler = (ctx, f) => {
  const all = f.bool('all');
  const go = async (io = ctx.io): Promise<number> => {
    // The client always states which images it means: only dangling ones, or (-a) every unused one.
    const filters = parseFilters(f.list('filter')) ?? {};
    (filters.dangling ??= []).push(String(!all));
    const r = await ctx.api.imagesPrune(filters);
    let out = '';
    if (r.ImagesDeleted?.length) {
      out = 'Deleted Images:\n';
      for (const d of r.ImagesDeleted) out += d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted}\n`;
      out += '\n';
    }
    io.out(out + `Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`);
    return 0;
  };
  if (f.bool('force')) return go();
  const warning = all
    ? 'WARNING! This will remove all images without at least one container associated to them.'
    : 'WARNING! This will remove all dangling images.';
  return confirm(ctx, warning, go);
};
