/**
 * Number formatting as Go's `fmt` and docker/go-units do it, so sizes and durations read exactly
 * like the real client's.
 */

const gCaches: Map<number, string>[] = [];

/** Go's `%.<p>g`: round half to even on the exact binary value, trailing zeros dropped. */
export function goG(x: number, p: number): string {
  // Listings format the same few sizes over and over.
  const cache = (gCaches[p] ??= new Map());
  let s = cache.get(x);
  if (s === undefined) {
    if (cache.size > 4096) cache.clear();
    cache.set(x, (s = formatG(x, p)));
  }
  return s;
}

function formatG(x: number, p: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  if (x === 0) return '0';
  const neg = x < 0;
  // 60 fractional digits are exact for every value this simulator formats, which makes ties visible.
  const [mant, expStr] = Math.abs(x).toExponential(60).split('e');
  const all = mant.replace('.', '');
  let exp = Number(expStr);
  const digits = all.slice(0, p).split('').map(Number);
  const next = Number(all[p] ?? '0');
  const rest = all.slice(p + 1);
  const up = next > 5 || (next === 5 && (/[1-9]/.test(rest) || digits[p - 1] % 2 === 1));
  if (up) {
    let i = p - 1;
    while (i >= 0) {
      if (digits[i] === 9) { digits[i] = 0; i--; } else { digits[i]++; break; }
    }
    if (i < 0) { digits.unshift(1); digits.pop(); exp++; }
  }
  let out: string;
  if (exp < -4 || exp >= p) {
    const frac = digits.slice(1).join('').replace(/0+$/, '');
    const e = Math.abs(exp);
    out = digits[0] + (frac ? '.' + frac : '') + 'e' + (exp < 0 ? '-' : '+') + (e < 10 ? '0' : '') + e;
  } else if (exp >= 0) {
    const int = digits.slice(0, exp + 1).join('');
    const frac = digits.slice(exp + 1).join('').replace(/0+$/, '');
    out = int + (frac ? '.' + frac : '');
  } else {
    const frac = ('0'.repeat(-exp - 1) + digits.join('')).replace(/0+$/, '');
    out = '0.' + frac;
  }
  return (neg ? '-' : '') + out;
}

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** go-units `HumanSizeWithPrecision`: decimal units, no space (`10.1kB`, `1e+03MB`). */
export function humanSizeWithPrecision(size: number, precision: number): string {
  let i = 0;
  while (size >= 1000 && i < DECIMAL.length - 1) {
    size /= 1000;
    i++;
  }
  return goG(size, precision) + DECIMAL[i];
}

/** `images`, `ps -s`, `history`: three significant digits. */
export const sizeString = (n: number): string => humanSizeWithPrecision(n, 3);
/** Pull progress and build context: four significant digits. */
export const humanSize = (n: number): string => humanSizeWithPrecision(n, 4);

import { humanDuration } from '../../common/duration';

export { humanDuration };

/** `CREATED` columns: how long before `now` (ms) a unix time in seconds was (`3 hours ago`). */
export const ago = (now: number, seconds: number): string => humanDuration(now - seconds * 1000) + ' ago';

/** A unix time in seconds as Go prints a UTC `time.Time` (`2025-05-30 12:07:14 +0000 UTC`). */
export const goTime = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC');

/** `stringid.TruncateID`: drops any `algo:` prefix and keeps 12 characters. */
export function shortId(id: string): string {
  const i = id.indexOf(':');
  return (i >= 0 ? id.slice(i + 1) : id).slice(0, 12);
}
