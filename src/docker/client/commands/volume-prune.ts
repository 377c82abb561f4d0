/** `docker volume prune`: unused anonymous volumes, or (`-a`) every unused one, with the y/N question. */
import { CliError, type Handler } from '../cli';
import { humanSize } from '../format/units';
import { confirm, parseFilters } from './shared';

export const volumePrune: Handler = (ctx, f) => {
  const all = f.bool('all');
  const filters = parseFilters(f.list('filter')) ?? {};
  if (all) {
    if (filters.all) throw new CliError('conflicting options: cannot specify both --all and --filter all=1');
    filters.all = ['true'];
  }
  const go = async (io = ctx.io): Promise<number> => {
    const r = await ctx.api.volumesPrune(filters);
    const out = r.VolumesDeleted?.length ? 'Deleted Volumes:\n' + r.VolumesDeleted.map((n) => n + '\n').join('') + '\n' : '';
    io.out(out + `Total reclaimed space: ${humanSize(r.SpaceReclaimed)}\n`);
    return 0;
  };
  if (f.bool('force')) return go();
  return confirm(ctx, `WARNING! This will remove ${all ? 'all' : 'anonymous'} local volumes not used by at least one container.`, go);
};
