/** `docker logs`: what the container printed, each stream to its own side. */
import type { LogsOptions } from '../../api';
import { CliError, type Handler } from '../cli';

export const logs: Handler = async (ctx, f, [name]) => {
  const opts: LogsOptions = {};
  const tail = f.str('tail');
  if (tail !== undefined && tail !== 'all') {
    if (!/^-?\d+$/.test(tail)) throw new CliError(`Error response from daemon: invalid value for "tail": "${tail}"`);
    if (Number(tail) >= 0) opts.tail = Number(tail);
  }
  const entries = await ctx.api.containerLogs(name, opts);
  const ts = f.bool('timestamps');
  for (const e of entries) {
    const text = ts ? new Date(e.time).toISOString().replace(/Z$/, '000000Z') + ' ' + e.text : e.text;
    if (e.stream === 'stderr') ctx.io.err(text);
    else ctx.io.out(text);
  }
  return 0;
};
