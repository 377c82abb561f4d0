/** `docker search`: Docker Hub's repositories matching a term (registry/formatter_search.go). */
import type { Handler } from '../cli';
import { formatList } from '../format/list';
import { ellipsis } from '../format/table';
import { parseFilters } from './shared';

const TABLE = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';
const HEADERS = { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL' };

export const search: Handler = async (ctx, f, [term]) => {
  const filters = parseFilters(f.list('filter'));
  if (filters?.['is-automated']) ctx.io.err('WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n');
  // The client leaves out a limit that is not positive: the daemon then uses its default.
  const results = await ctx.api.imageSearch(term, { limit: Math.max(f.int('limit') ?? 0, 0), filters });
  const format = f.str('format') || 'table';
  const json = format === 'json';
  const rows = results.map((r) => {
    const desc = r.description.replace(/[\r\n]/g, ' ');
    return {
      Name: r.name,
      Description: f.bool('no-trunc') ? desc : ellipsis(desc, 45),
      StarCount: String(r.star_count),
      IsOfficial: json ? String(r.is_official) : r.is_official ? '[OK]' : '',
    };
  });
  ctx.io.out(formatList(format === 'table' ? TABLE : json ? '{{json .}}' : format, rows, HEADERS, '*registry.searchContext'));
  return 0;
};
