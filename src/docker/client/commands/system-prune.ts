/**
 * `docker system prune`: stopped containers, unused networks, (`--volumes`) unused anonymous
 * volumes, dangling (`-a`: unused) images and the build cache, in docker/cli's order, each listed
 * as its own prune command lists it, then the total.
 */
import { CliError, type Handler } from '../cli';
import { humanSize } from '../format/units';
import { pruneContainers } from './container-prune';
import { pruneImages } from './image-prune';
import { pruneNetworks } from './network-prune';
import { pruneVolumes } from './volume-prune';
import { confirm, parseFilters, type Pruned } from './shared';

export const systemPrune: Handler = (ctx, f) => {
  const all = f.bool('all');
  const volumes = f.bool('volumes');
  const filters = parseFilters(f.list('filter'));
  if (volumes && filters?.until) throw new CliError('ERROR: The "until" filter is not supported with "--volumes"');
  const go = async (io = ctx.io): Promise<number> => {
    const steps: (() => Promise<Pruned>)[] = [() => pruneContainers(ctx.api, filters), () => pruneNetworks(ctx.api, filters)];
    if (volumes) steps.push(() => pruneVolumes(ctx.api, filters));
    // The legacy builder keeps no BuildKit cache, so the cache step reclaims nothing.
    steps.push(() => pruneImages(ctx.api, all, filters));
    let total = 0;
    for (const step of steps) {
      const [space, out] = await step();
      total += space;
      if (out) io.out(out + '\n');
    }
    io.out(`Total reclaimed space: ${humanSize(total)}\n`);
    return 0;
  };
  if (f.bool('force')) return go();
  const warnings = ['all stopped containers', 'all networks not used by at least one container'];
  if (volumes) warnings.push('all anonymous volumes not used by at least one container');
  warnings.push(all ? 'all images without at least one container associated to them' : 'all dangling images');
  warnings.push(all ? 'all build cache' : 'unused build cache');
  const shown = ['label', 'label!', 'until'].flatMap((k) => (filters?.[k] ?? []).map((v) => `${k}=${v}`)).sort();
  const filtered = shown.length ? `\n  Items to be pruned will be filtered with:${shown.map((s) => `\n  - ${s}`).join('')}\n` : '';
  return confirm(ctx, `WARNING! This will remove:${warnings.map((w) => `\n  - ${w}`).join('')}\n${filtered}`, go);
};
