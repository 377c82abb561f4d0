/** `docker logs`: what the container printed, each stream to its own side; `-f` keeps following. */
import type { LogEntry, LogsOptions } from '../../api';
import { durationMs } from '../../common/go-duration';
import { CliError, type Handler } from '../cli';

/**
 * `--since`/`--until` as the client's GetTimestamp reads them: a Go duration before now
 * (`42m`, `1h30m`), unix seconds, or a date; the error names the option.
 */
function timeArg(option: string, v: string, now: number): number {
  const ago = durationMs(v);
  if (ago !== undefined) return (now - ago) / 1000;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new CliError(`invalid value for "${option}": failed to parse value as time or duration: "${v}"`);
  return t / 1000;
}

export const logs: Handler = async (ctx, f, [name]) => {
  const { api, io } = ctx;
  const opts: LogsOptions = {};
  // The daemon reads a tail that is not a whole number (or is negative) as "all".
  const tail = f.str('tail') ?? '';
  if (/^\+?\d+$/.test(tail)) opts.tail = Number(tail);
  if (f.has('since')) opts.since = timeArg('since', f.str('since')!, api.now());
  if (f.has('until')) opts.until = timeArg('until', f.str('until')!, api.now());
  const ts = f.bool('timestamps');
  // --details puts the entry's attributes and a space before it: the json-file driver records
  // none unless asked (--log-opt labels/env), which leaves the space.
  const details = f.bool('details') ? ' ' : '';
  const print = (e: LogEntry): void => {
    const text = (ts ? new Date(e.time).toISOString().replace(/Z$/, '000000Z') + ' ' : '') + details + e.text;
    if (e.stream === 'stderr') io.err(text);
    else io.out(text);
  };
  const entries = await api.containerLogs(name, opts);
  entries.forEach(print);
  if (!f.bool('follow') || !io.signal) return 0;
  // Following: new lines as they come, until Ctrl+C or the container stops.
  let seen = (await api.containerLogs(name, {})).length;
  while (!io.signal.aborted) {
    // time passes while it follows: the container's sleeping script runs on (in a job on the host,
    // as the foreground moves the clock)
    if (io.park) await io.park(500, true);
    else {
      await io.sleep(500);
      await api.advance(500);
    }
    const all = await api.containerLogs(name, {});
    all.slice(seen).forEach(print);
    seen = all.length;
    const info = await api.containerInspect(name);
    if (!info.State.Running) break;
  }
  return 0;
};
