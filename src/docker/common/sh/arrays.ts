/** bash's arrays: how a variable holds one, lists its keys, and shows it (`declare -p`, `set`). */

/** A shell variable; `a` holds an array's elements (`A`: an associative one), `v` then being element 0. */
export interface Var { v: string; x: boolean; a?: Map<string, string>; A?: boolean; /** The shell's generation when the array was made. */ g?: number; /** readonly (declare -r) */ r?: boolean }

/** bash's hash_string (FNV-1) into 1024 buckets: an associative array lists bucket by bucket, the newest key first in each. */
const utf8 = new TextEncoder();
const bucket = (k: string): number => {
  let h = 2166136261;
  for (const b of utf8.encode(k)) h = (Math.imul(h, 16777619) ^ (b > 127 ? b | ~255 : b)) >>> 0;
  return h & 1023;
};

export const keys = (o: Var): string[] => (o.A ? [...o.a!.keys()].reverse().map((k) => [bucket(k), k] as const).sort((x, y) => x[0] - y[0]).map((x) => x[1]) : [...o.a!.keys()].sort((x, y) => +x - +y));

/** A double-quoted value as `declare -p` and `export -p` show it. */
export const dq = (v: string) => `"${v.replace(/[\\"$`]/g, '\\$&')}"`;

/** `([0]="uno" [1]="dos")`; bash ends an associative one with a space before its `)`. */
export const arrayText = (o: Var): string => `(${keys(o).map((k) => `[${o.A && /[\s'"\\|&;()<>!{}*[?\]^$`]/.test(k) ? dq(k) : k}]=${dq(o.a!.get(k)!)}${o.A ? ' ' : ''}`).join(o.A ? '' : ' ')})`;

/** A line of `declare -p`. */
export const declareLine = (k: string, o: Var): string => `declare -${o.a ? (o.A ? 'A' : 'a') : ''}${o.x ? 'x' : o.a ? '' : '-'} ${k}${o.a ? '=' + arrayText(o) : `=${dq(o.v)}`}\n`;

/** The highest index of an indexed array, -1 when empty. */
export const maxIndex = (a?: Map<string, string>): number => {
  let m = -1;
  for (const k of a?.keys() ?? []) m = Math.max(m, +k);
  return m;
};

/** `a=(…)` travels as one string (a word may hold no NUL in bash): its elements, `[key, value]` or `[null, value]`. */
export const packList = (els: [string | null, string][]): string => '\0' + JSON.stringify(els);
export const unpackList = (v: string): [string | null, string][] => JSON.parse(v.slice(1)) as [string | null, string][];

const esc = (t: string) => t.replace(/[\]\\^-]/g, '\\$&');
let last: [string, RegExp, RegExp] = ['', /$^/, /$^/];
/** An IFS's splitting and trimming patterns, kept for the next field split with the same IFS. */
const ifsRes = (ifs: string) => {
  if (last[0] !== ifs) {
    const w = esc(ifs.replace(/[^ \t\n]/g, ''));
    last = [ifs, new RegExp(`([${w}]*[${esc(ifs.replace(/[ \t\n]/g, ''))}][${w}]*|[${w}]+)`), new RegExp(`^[${w}]+|[${w}]+$`, 'g')];
  }
  return last;
};
/** What splits an unquoted expansion: a run of IFS whitespace, or one other IFS character with the whitespace around it (captured, to tell the two apart). */
export const fieldRe = (ifs: string): RegExp => ifsRes(ifs)[1];

/** `read`'s fields: split at IFS (a run of its whitespace, or one other IFS character with the whitespace around it); `max` fields at most, the last taking the rest. */
export function ifsFields(s: string, ifs: string, max = Infinity): string[] {
  const [, delim, trim] = ifsRes(ifs);
  s = s.replace(trim, '');
  const out: string[] = [];
  for (let m; ifs && s && out.length < max - 1 && (m = delim.exec(s)); s = s.slice(m.index + m[0].length)) out.push(s.slice(0, m.index));
  if (s || !ifs) out.push(s);
  return out;
}
