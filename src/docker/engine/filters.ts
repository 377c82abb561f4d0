/**
 * Validation of list filters as the daemon does it before listing (api/types/filters and
 * daemon/list.go): an unknown key, or a value a known key cannot take, fails the whole request.
 */
import { ApiError } from '../api';
import { durationMs } from '../common/go-duration';

type Filters = Record<string, string[]>;

/** `Args.Validate`: the first key not accepted is reported without its value. */
export function validateKeys(f: Filters, accepted: readonly string[]): void {
  for (const key of Object.keys(f)) if (!accepted.includes(key)) throw invalidFilter(key);
}

/** `Args.GetBoolOrDefault`: `1`/`true` or `0`/`false`, never both, never anything else alone. */
export function boolFilter(f: Filters, key: string): boolean | undefined {
  const values = f[key];
  if (!values) return undefined;
  const isTrue = values.includes('1') || values.includes('true');
  const isFalse = values.includes('0') || values.includes('false');
  // Go prints the value list with %s: `[maybe]`, `[true false]`.
  if (isTrue === isFalse) throw invalidFilter(key, `[${[...new Set(values)].join(' ')}]`);
  return isTrue;
}

export function invalidFilter(key: string, value?: string): ApiError {
  return new ApiError(400, `invalid filter '${key}${value === undefined ? '' : '=' + value}'`);
}

/** `strconv.Atoi`, with its error text for anything that is not a decimal integer. */
export function atoi(value: string): number {
  const n = Number(value);
  const fail = (why: string) => new ApiError(400, `strconv.Atoi: parsing ${JSON.stringify(value)}: ${why}`);
  if (!/^[+-]?\d+$/.test(value)) throw fail('invalid syntax');
  if (!Number.isSafeInteger(n)) throw fail('value out of range');
  return n;
}


/**
 * `timestamp.GetTimestamp` for `until=`: a Go duration before now (`24h`, `1h30m`), Unix seconds
 * (`1700000000`, `1700000000.5`) or an RFC 3339 date/time. Returns epoch milliseconds.
 */
export function timestampFilter(value: string, now: number): number {
  const ago = durationMs(value);
  if (ago !== undefined) return now - ago;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const zone = /(Z|[+-]\d{2}:?\d{2})$/;
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) {
    const t = Date.parse(value.replace(' ', 'T') + (zone.test(value) || value.length === 10 ? '' : 'Z'));
    if (!Number.isNaN(t)) return t;
  }
  throw new ApiError(400, `failed to parse value as time or duration: ${JSON.stringify(value)}`);
}

/**
 * `Args.MatchKVList`: every `key` or `key=value` of the filter is among the labels. A missing
 * filter matches everything.
 */
export function matchKV(values: string[] | undefined, labels: Record<string, string> | null | undefined): boolean {
  return (values ?? []).every((kv) => {
    const eq = kv.indexOf('=');
    const key = eq < 0 ? kv : kv.slice(0, eq);
    return !!labels && key in labels && (eq < 0 || labels[key] === kv.slice(eq + 1));
  });
}

/** The daemon's `matchLabels` for prune: all `label=` filters hold and not all `label!=` do. */
export function pruneLabels(f: Filters, labels: Record<string, string> | null | undefined): boolean {
  return matchKV(f.label, labels) && !(f['label!'] && matchKV(f['label!'], labels));
}

/** `getUntilFromPruneFilters`: at most one `until`, as epoch milliseconds (Infinity when absent). */
export function pruneUntil(f: Filters, now: number): number {
  const until = f.until ?? [];
  if (until.length > 1) throw new ApiError(400, 'more than one until filter specified');
  return until.length ? timestampFilter(until[0], now) : Infinity;
}
