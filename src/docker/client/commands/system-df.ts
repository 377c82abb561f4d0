/** `docker system df`: images, containers, volumes and build cache usage. */
import type { Handler } from '../cli';
import { formatList } from '../format/list';
import { humanSize } from '../format/units';

const DEFAULT = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const HEADERS = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

function reclaim(reclaimable: number, total: number): string {
  return total > 0 ? `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)` : humanSize(reclaimable);
}

export const systemDf: Handler = async (ctx, f) => {
  const df = await ctx.api.systemDf();
  let used = 0;
  for (const i of df.Images) if (i.Containers > 0 && i.Size >= 0 && i.SharedSize >= 0) used += i.Size - i.SharedSize;
  const cSize = df.Containers.reduce((s, c) => s + (c.SizeRw ?? 0), 0);
  const cReclaim = df.Containers.filter((c) => c.State !== 'running').reduce((s, c) => s + (c.SizeRw ?? 0), 0);
  const rows = [
    { Type: 'Images', TotalCount: String(df.Images.length), Active: String(df.Images.filter((i) => i.Containers > 0).length), Size: humanSize(df.LayersSize), Reclaimable: reclaim(df.LayersSize - used, df.LayersSize) },
    { Type: 'Containers', TotalCount: String(df.Containers.length), Active: String(df.Containers.filter((c) => c.State === 'running').length), Size: humanSize(cSize), Reclaimable: reclaim(cReclaim, cSize) },
    { Type: 'Local Volumes', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
    { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
  ];
  let format = f.str('format') ?? DEFAULT;
  if (format === 'json') format = '{{json .}}';
  ctx.io.out(formatList(format, rows, HEADERS));
  return 0;
};
