/** `docker network ls`: sorted by name (natural order), IDs cut to 12 unless `--no-trunc`. */
import type { Handler } from '../cli';
import { formatList, listFormat } from '../format/list';
import { shortId } from '../format/units';
import { parseFilters } from './shared';

const DEFAULT = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const HEADERS = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' };
const natural = new Intl.Collator('en', { numeric: true });

export const networkLs: Handler = async (ctx, f) => {
  const list = await ctx.api.networkList(parseFilters(f.list('filter')));
  list.sort((a, b) => natural.compare(a.Name, b.Name));
  const trunc = !f.bool('no-trunc');
  const rows = list.map((n) => ({
    ID: trunc ? shortId(n.Id) : n.Id, Name: n.Name, Driver: n.Driver, Scope: n.Scope,
    IPv4: String(n.EnableIPv4), IPv6: String(n.EnableIPv6), Internal: String(n.Internal),
    Labels: Object.entries(n.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
    Label: (name: unknown) => n.Labels?.[String(name)] ?? '',
    // Go's time.Time String() of the creation time.
    CreatedAt: n.Created.replace('T', ' ').replace(/(\.\d+)?Z$/, (_m, frac: string | undefined) => `${frac ?? ''} +0000 UTC`),
  }));
  ctx.io.out(formatList(listFormat(f, DEFAULT), rows, HEADERS, '*network.networkContext'));
  return 0;
};
