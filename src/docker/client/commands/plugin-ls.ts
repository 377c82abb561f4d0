/** `docker plugin ls`: the daemon's plugins (none here), as docker/cli's plugin formatter lays them out. */
import type { Handler } from '../cli';
import { formatList, listFormat } from '../format/list';
import { parseFilters } from './shared';

const TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Description}}\t{{.Enabled}}';
const HEADERS = { ID: 'ID', Name: 'NAME', Description: 'DESCRIPTION', Enabled: 'ENABLED' };

export const pluginLs: Handler = async (ctx, f) => {
  const plugins = await ctx.api.pluginList(parseFilters(f.list('filter')));
  const rows = plugins.map((p) => ({ ID: f.bool('no-trunc') ? p.Id : p.Id.slice(0, 12), Name: p.Name, Description: p.Config.Description, Enabled: String(p.Enabled) }));
  ctx.io.out(formatList(listFormat(f, TABLE), rows, HEADERS));
  return 0;
};
