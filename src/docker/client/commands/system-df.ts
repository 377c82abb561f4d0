/** `docker system df`: images, containers, volumes and build cache usage. */
import type { Handler } from '../cli';
import { formatList, listFormat } from '../format/list';
import { ago, humanSize, shortId, sizeString } from '../format/units';
import { IMAGE_HEADERS } from './images';
import { CONTAINER_HEADERS, containerRow } from './ps';
import { volumeRow } from './volume-ls';

const DEFAULT = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const HEADERS = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };

function reclaim(reclaimable: number, total: number): string {
  return total > 0 ? `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)` : humanSize(reclaimable);
}

const IMAGES_V = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';
const CONTAINERS_V = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';

/**
 * `-v`: one table per kind of object, as the client's verbose disk usage writer lays them out
 * (containers without their virtual size), with the column titles of `docker images` and `ps`.
 */
async function verbose(ctx: Parameters<Handler>[0]): Promise<number> {
  const df = await ctx.api.systemDf();
  const now = ctx.api.now();
  const images = df.Images.flatMap((i) => {
    const base = {
      ID: shortId(i.Id),
      CreatedSince: ago(now, i.Created),
      Size: sizeString(i.Size),
      SharedSize: i.SharedSize < 0 ? 'N/A' : sizeString(i.SharedSize),
      UniqueSize: i.SharedSize < 0 ? 'N/A' : sizeString(i.Size - i.SharedSize),
      Containers: String(i.Containers),
    };
    if (!i.RepoTags?.length) return [{ ...base, Repository: '<none>', Tag: '<none>' }];
    return i.RepoTags.map((t) => {
      const colon = t.lastIndexOf(':');
      return { ...base, Repository: t.slice(0, colon), Tag: t.slice(colon + 1) };
    });
  });
  let out = 'Images space usage:\n\n' + formatList(IMAGES_V, images, IMAGE_HEADERS);
  out += '\nContainers space usage:\n\n' + formatList(CONTAINERS_V, df.Containers.map((c) => containerRow({ ...c, SizeRootFs: 0 }, now, true)), CONTAINER_HEADERS);
  const volumes = df.Volumes.map((v) => ({ ...volumeRow(v), Size: humanSize(v.UsageData?.Size ?? 0) }));
  out += '\nLocal Volumes space usage:\n\n' + formatList('table {{.Name}}\t{{.Links}}\t{{.Size}}', volumes, { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' });
  out += '\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n';
  ctx.io.out(out);
  return 0;
}

export const systemDf: Handler = async (ctx, f) => {
  if (f.bool('verbose') && !f.has('format')) return verbose(ctx);
  const df = await ctx.api.systemDf();
  let used = 0;
  for (const i of df.Images) if (i.Containers > 0 && i.Size >= 0 && i.SharedSize >= 0) used += i.Size - i.SharedSize;
  const cSize = df.Containers.reduce((s, c) => s + (c.SizeRw ?? 0), 0);
  const cReclaim = df.Containers.filter((c) => c.State !== 'running').reduce((s, c) => s + (c.SizeRw ?? 0), 0);
  let [vActive, vSize, vReclaim] = [0, 0, 0];
  for (const { UsageData: u } of df.Volumes) {
    if (u!.RefCount) vActive++;
    else vReclaim += u!.Size;
    vSize += u!.Size;
  }
  const rows = [
    { Type: 'Images', TotalCount: String(df.Images.length), Active: String(df.Images.filter((i) => i.Containers > 0).length), Size: humanSize(df.LayersSize), Reclaimable: reclaim(df.LayersSize - used, df.LayersSize) },
    { Type: 'Containers', TotalCount: String(df.Containers.length), Active: String(df.Containers.filter((c) => c.State === 'running').length), Size: humanSize(cSize), Reclaimable: reclaim(cReclaim, cSize) },
    { Type: 'Local Volumes', TotalCount: String(df.Volumes.length), Active: String(vActive), Size: humanSize(vSize), Reclaimable: reclaim(vReclaim, vSize) },
    { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
  ];
  // The images row comes first, so its type is the one an unknown field is reported against.
  ctx.io.out(formatList(listFormat(f, DEFAULT), rows, HEADERS, '*formatter.diskUsageImagesContext'));
  return 0;
};
