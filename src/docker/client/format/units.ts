/**
 * Number formatting as Go's `fmt` and docker/go-units do it, so sizes and durations read exactly
 * like the real client's.
 */
import { memo } from '../memo';
import { goParseFloat } from '../../common/go-strconv';

const formatted = memo((key) => {
  const [x, p] = key.split(' ').map(Number);
  return formatG(x, p);
}, 4096);

/** Go's `%.<p>g`: round half to even on the exact binary value, trailing zeros dropped. */
export const goG = (x: number, p: number): string => formatted(`${x} ${p}`);

function formatG(x: number, p: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  // toPrecision rounds the exact binary value too, but a tie away from zero where Go goes to the
  // even digit. 60 fractional digits are exact for every value this simulator formats.
  const exact = abs.toExponential(60);
  const digits = exact[0] + exact.slice(2, 62);
  const evenTie = /^50*$/.test(digits.slice(p)) && Number(digits[p - 1]) % 2 === 0;
  const rounded = Number(evenTie ? exact.slice(0, p + 1) + exact.slice(62) : abs.toPrecision(p));
  const [mant, exp] = rounded.toExponential().split('e');
  const e = Number(exp);
  const out = e < -4 || e >= p ? `${mant}e${exp[0]}${String(Math.abs(e)).padStart(2, '0')}` : String(rounded);
  return (x < 0 ? '-' : '') + out;
}

/** go-units: `size` in the largest unit (steps of `base`) it reaches, no space (`10.1kB`, `1e+03MB`). */
function scaled(size: number, base: number, units: string[], precision: number): string {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return goG(size, precision) + units[i];
}

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** `images`, `ps -s`, `history` (go-units `HumanSizeWithPrecision`): three significant digits. */
export const sizeString = (n: number): string => scaled(n, 1000, DECIMAL, 3);
/** Pull progress and build context (`HumanSize`): four significant digits. */
export const humanSize = (n: number): string => scaled(n, 1000, DECIMAL, 4);
/** go-units `BytesSize` (`docker info`'s memory): binary units, four significant digits. */
export const bytesSize = (n: number): string => scaled(n, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB'], 4);

import { humanDuration } from '../../common/duration';

export { humanDuration };

/** `CREATED` columns: how long before `now` (ms) a unix time in seconds was (`3 hours ago`). */
export const ago = (now: number, seconds: number): string => humanDuration(now - seconds * 1000) + ' ago';

/** A unix time in seconds as Go prints a UTC `time.Time` (`2025-05-30 12:07:14 +0000 UTC`). */
const goTimeOf = memo((seconds) => new Date(Number(seconds) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'), 1000);
/** Go's time.Time String() in UTC; listings ask it of the same few image dates over and over. */
export const goTime = (seconds: number): string => goTimeOf(String(seconds));

/** `stringid.TruncateID`: drops any `algo:` prefix and keeps 12 characters. */
export function shortId(id: string): string {
  const i = id.indexOf(':');
  return (i >= 0 ? id.slice(i + 1) : id).slice(0, 12);
}

/**
 * go-units RAMInBytes (opts.MemBytes, tmpfs-size): the number ends at the last digit, dot or
 * space, its suffix is b, k, m, g, t or p with an optional b or ib, binary multiples, the
 * fraction cut off. Throws go-units' error (or ParseFloat's) for what is no size.
 */
export function parseRamSize(v: string): number {
  const sep = Math.max(...[...'0123456789. '].map((c) => v.lastIndexOf(c)));
  if (sep < 0) throw new Error(`invalid size: '${v}'`);
  const num = v.slice(0, v[sep] === ' ' ? sep : sep + 1);
  let sfx = v.slice(sep + 1);
  const size = goParseFloat(num);
  if (size < 0) throw new Error(`invalid size: '${v}'`);
  if (sfx.length > 3) throw new Error(`invalid suffix: '${sfx}'`);
  sfx = sfx.toLowerCase();
  if (!/^(b|[kmgtp](b|ib)?)?$/.test(sfx)) throw new Error(`invalid suffix: '${sfx}'`);
  return Math.trunc(size * 1024 ** Math.max(0, ' kmgtp'.indexOf(sfx[0] ?? ' ')));
}

/** parseRamSize, undefined when `v` is no size. */
export function ramInBytes(v: string): number | undefined {
  try {
    return parseRamSize(v);
  } catch {
    return undefined;
  }
}
