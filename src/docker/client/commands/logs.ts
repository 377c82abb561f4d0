/** `docker logs`: what the container printed, each stream to its own side; `-f` keeps following. */
import type { LogEntry, LogsOptions } from '../../api';
import { CliError, type Handler } from '../cli';

/** `--since`/`--until`: RFC 3339 or a relative duration (`42m`, `10s`, `2h`), as unix seconds. */
function timeArg(v: string, now: number): number {
  const rel = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(v);
  if (rel) return (now - Number(rel[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[rel[2] as 'ms']) / 1000;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new CliError(`invalid value for "since": failed to parse value as time or duration: "${v}"`);
  return t / 1000;
}

export const logs: Handler = async (ctx, f, [name]) => {
  const { api, io } = ctx;
  const opts: LogsOptions = {};
  const tail = f.str('tail');
  if (tail !== undefined && tail !== 'all') {
    if (!/^-?\d+$/.test(tail)) throw new CliError(`Error response from daemon: invalid value for "tail": "${tail}"`);
    if (Number(tail) >= 0) opts.tail = Number(tail);
  }
  if (f.has('since')) opts.since = timeArg(f.str('since')!, api.now());
  if (f.has('until')) opts.until = timeArg(f.str('until')!, api.now());
  const ts = f.bool('timestamps');
  const print = (e: LogEntry): void => {
    const text = ts ? new Date(e.time).toISOString().replace(/Z$/, '000000Z') + ' ' + e.text : e.text;
    if (e.stream === 'stderr') io.err(text);
    else io.out(text);
  };
  const entries = await api.containerLogs(name, opts);
  entries.forEach(print);
  if (!f.bool('follow') || !io.signal) return 0;
  // Following: new lines as they come, until Ctrl+C or the container stops.
  let seen = (await api.containerLogs(name, {})).length;
  while (!io.signal.aborted) {
    await io.sleep(500);
    const all = await api.containerLogs(name, {});
    all.slice(seen).forEach(print);
    seen = all.length;
    const info = await api.containerInspect(name);
    if (!info.State.Running) break;
  }
  return 0;
};
