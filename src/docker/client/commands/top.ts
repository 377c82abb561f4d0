/**
 * `docker top CONTAINER [ps OPTIONS]`: the daemon's `ps` of the container (`-ef` unless options
 * follow), laid out by a tabwriter of minwidth 20.
 */
import type { Handler } from '../cli';
import { tabwrite } from '../format/table';

export const top: Handler = async (ctx, _f, [name, ...ps]) => {
  const { Titles, Processes } = await ctx.api.containerTop!(name, ps.join(' '));
  // Padding 3 on top of the client's usual minwidth 10 makes every column but the last 20 wide.
  ctx.io.out(tabwrite([Titles.map((t, i) => (i < Titles.length - 1 ? t.padEnd(17) : t)), ...Processes]));
  return 0;
};
