/** `docker volume ls`: `DRIVER    VOLUME NAME`, sorted by name as the client sorts it. */
import type { Volume } from '../../api';
import type { Handler } from '../cli';
import { formatList } from '../format/list';
import { natural } from './port';
import { parseFilters } from './shared';

const HEADERS = { Driver: 'DRIVER', Name: 'VOLUME NAME', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', Group: 'GROUP', Availability: 'AVAILABILITY', Status: 'STATUS' };

/** The client's volume formatter row (`N/A` where only a cluster volume or a disk usage has a value). */
export function volumeRow(v: Volume): Record<string, unknown> {
  const usage = v.UsageData;
  return {
    Availability: 'N/A', Driver: v.Driver, Group: 'N/A', Labels: Object.entries(v.Labels ?? {}).map(([k, x]) => `${k}=${x}`).join(','),
    Links: usage ? String(usage.RefCount) : 'N/A', Mountpoint: v.Mountpoint, Name: v.Name, Scope: v.Scope, Size: 'N/A', Status: 'N/A',
    Label: (name: unknown) => v.Labels?.[String(name)] ?? '',
  };
}

export const volumeLs: Handler = async (ctx, f) => {
  const { Volumes } = await ctx.api.volumeList(parseFilters(f.list('filter')));
  Volumes.sort((a, b) => natural(a.Name, b.Name));
  const given = f.str('format') || 'table';
  const format = given === 'table' ? (f.bool('quiet') ? '{{.Name}}' : 'table {{.Driver}}\t{{.Name}}') : given === 'json' ? '{{json .}}' : given;
  ctx.io.out(formatList(format, Volumes.map(volumeRow), HEADERS, '*formatter.volumeContext'));
  return 0;
};
