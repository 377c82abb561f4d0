/** Go's time.ParseDuration (`1m30s`, `500ms`, `-2h`), in nanoseconds; throws its error text. */
export function parseGoDuration(s: string): number {
  const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };
  const bad = (why: string) => new Error(`time: ${why} ${JSON.stringify(s)}`);
  const body = s.replace(/^[+-]/, '');
  if (body === '0') return 0;
  if (!body) throw bad('invalid duration');
  let ns = 0;
  for (let rest = body; rest; ) {
    const [all, num, unit] = /^(\d*\.?\d*)([^\d.]*)/.exec(rest)!;
    if (!num || num === '.') throw bad('invalid duration');
    if (!unit) throw bad('missing unit in duration');
    if (!(unit in UNITS)) throw bad(`unknown unit ${JSON.stringify(unit)} in duration`);
    ns += Number(num) * UNITS[unit];
    rest = rest.slice(all.length);
  }
  return Math.round(s[0] === '-' ? -ns : ns);
}

/**
 * A Go duration in milliseconds, or undefined when `s` is not one: GetTimestamp (`--since`,
 * `--until`, `until=`) tries a duration first, then a date or Unix seconds. A bare `0` is seconds.
 */
export function durationMs(s: string): number | undefined {
  if (s === '0') return undefined;
  try {
    return parseGoDuration(s) / 1e6;
  } catch {
    return undefined;
  }
}

/** Go's time.Duration String(): `1m30s`, `500ms`, `0s`. */
export function goDuration(ns: number): string {
  const a = Math.abs(ns);
  const sign = ns < 0 ? '-' : '';
  if (a < 1e3) return a ? sign + a + 'ns' : '0s';
  if (a < 1e6) return sign + a / 1e3 + 'µs';
  if (a < 1e9) return sign + a / 1e6 + 'ms';
  const h = Math.floor(a / 36e11);
  const m = Math.floor((a % 36e11) / 6e10);
  return sign + (h ? `${h}h${m}m` : m ? `${m}m` : '') + (a % 6e10) / 1e9 + 's';
}
