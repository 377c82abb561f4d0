/** python's format-spec mini-language (`format()`, str.format, f-strings) and printf-style `%`. */
import { TUPLE, Thrown, pyStr, repr } from './repl-eval';
import { Dict } from './py-dict';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;
const kind = (v: V) => (typeof v === 'bigint' || typeof v === 'boolean' ? 'int' : typeof v === 'number' ? 'float' : typeof v === 'string' ? 'str' : '');
/** python writes an exponent with two digits at least. */
export const exp = (s: string) => s.replace(/e([+-])(\d)$/, 'e$10$2');
/** toFixed with python's tie to the even digit (JS rounds an exact tie up). */
export const fixed = (f: number, p: number) => {
  const q = Math.min(p + 25, 100), long = f.toFixed(q), cut = long.slice(0, long.length - (q - p) - (p ? 0 : 1));
  return /^50*$/.test(long.slice(long.length - (q - p))) && !(+cut.slice(-1) % 2) ? cut : f.toFixed(p);
};

/** `format(v, spec)`: fill, align, sign, `#`, `0`, width, grouping, precision and type. */
export function formatSpec(v: V, spec = ''): string {
  if (!spec) return pyStr(v);
  const k = kind(v);
  const m = /^(?:([^]?)([<>^=]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!k) throw new Thrown('TypeError', `unsupported format string passed to ${v == null ? 'NoneType' : Array.isArray(v) ? 'list' : 'dict'}.__format__`);
  if (!m) throw new Thrown('ValueError', `Invalid format specifier '${spec}' for object of type '${k}'`);
  let [, fill, align, sign = '-', alt, zero, width, group, prec, type = ''] = m;
  const p = prec === undefined ? undefined : Number(prec);
  if ((k === 'str' ? type && type !== 's' : type === 's') || (k === 'float' && /[bcdoxX]/.test(type))) throw new Thrown('ValueError', `Unknown format code '${type}' for object of type '${k}'`);
  let body: string;
  let lead = '';
  if (k === 'str') body = p === undefined ? v : v.slice(0, p);
  else {
    const n = typeof v === 'boolean' ? BigInt(v) : v;
    const neg = n < 0 || Object.is(n, -0);
    const a = neg ? -n : n;
    const f = Number(a);
    const t = type || (k === 'int' ? 'd' : p === undefined ? 'r' : 'g');
    const g = (q: number) => {
      const x = Number(f.toExponential(q - 1).split('e')[1]);
      const s = x < -4 || x >= q ? exp(f.toExponential(q - 1)) : fixed(f, q - 1 - x);
      return alt ? s : s.replace(/\.?0+(?=e|$)/, (z) => (s.includes('.') ? '' : z));
    };
    body = t === 'd' || t === 'n' ? String(a) : /[xXob]/.test(t) ? (alt ? '0' + t : '') + a.toString({ x: 16, X: 16, o: 8, b: 2 }[t as 'x']) : t === 'c' ? String.fromCodePoint(f)
      : /[fF%]/.test(t) ? (t === '%' ? fixed(f * 100, p ?? 6) + '%' : fixed(f, p ?? 6)) : /[eE]/.test(t) ? exp(f.toExponential(p ?? 6)) : t === 'r' ? repr(f) : g(p || (t === 'g' ? 6 : p === 0 ? 1 : p ?? 12));
    if (type === 'X' || type === 'E' || type === 'G' || type === 'F') body = body.toUpperCase();
    if (group) body = body.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, group));
    lead = neg ? '-' : sign === '-' ? '' : sign;
  }
  if (zero) (fill ||= '0'), (align ||= k === 'str' ? '<' : '=');
  align ||= k === 'str' ? '<' : '>';
  const pad = Math.max(0, Number(width ?? 0) - lead.length - [...body].length);
  const fl = (n: number) => (fill || ' ').repeat(n);
  return align === '=' ? lead + fl(pad) + body : align === '<' ? lead + body + fl(pad) : align === '^' ? fl(pad >> 1) + lead + body + fl(pad - (pad >> 1)) : fl(pad) + lead + body;
}

/** `str.format(*args, **kw)`: `{}`, `{0}`, `{name}`, `!r`/`!s` and `:spec`; `{{` and `}}` are braces. */
export function strFormat(s: string, a: V[], kw: Record<string, V>): string {
  let next = 0;
  return s.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rs]))?(?::([^{}]*))?\}/g, (all, f: string, conv?: string, spec?: string) => {
    if (all.length === 2 && all[0] === all[1]) return all[0];
    const i = f === '' ? next++ : /^\d+$/.test(f) ? Number(f) : -1;
    if (i >= a.length) throw new Thrown('IndexError', `Replacement index ${i} out of range for positional args tuple`);
    if (i < 0 && !Object.hasOwn(kw, f)) throw new Thrown('KeyError', repr(f));
    const v = i < 0 ? kw[f] : a[i];
    return formatSpec(conv === 'r' ? repr(v) : v, spec);
  });
}

/** `fmt % args`: the conversions `%s %r %d %i %f %e %g %x %o %c %%` with flags, width and precision; `%(name)s` from a dict; `version`: python's (3.9 asked for a number, not a real one). */
export function percent(fmt: string, args: V, version = ''): string {
  const tuple = Array.isArray(args) && (args as V)[TUPLE];
  const list: V[] = tuple ? [...args] : [args];
  let used = 0;
  const out = fmt.replace(/%(?:\((\w+)\))?([-+ 0#]*)(\d+)?(?:\.(\d+))?([diouxXeEfFgGcrsa%])/g, (all, key?: string, flags = '', width = '', prec?: string, t = '') => {
    if (t === '%') return '%';
    if (!key && used >= list.length) throw new Thrown('TypeError', 'not enough arguments for format string');
    // (a list is a mapping to `%` — python indexes it with the key)
    if (key && !(args instanceof Dict)) throw new Thrown('TypeError', Array.isArray(args) && !tuple ? 'list indices must be integers or slices, not str' : 'format requires a mapping');
    if (key && !args.has(key)) throw Object.assign(new Thrown('KeyError', repr(key)), { args: [key] });
    const v = key ? args.get(key) : list[used++];
    if (/[diouxXeEfFgGc]/.test(t) && typeof v === 'string' && t !== 'c') throw new Thrown('TypeError', /[eEfFgG]/.test(t) ? 'must be real number, not str' : `%${t} format: ${/[xXo]/.test(t) ? 'an integer' : `a ${version.startsWith('3.9.') ? '' : 'real '}number`} is required, not str`);
    const x = /[di]/.test(t) && typeof v === 'number' ? BigInt(Math.trunc(v)) : v;
    const spec = `${flags.includes('-') ? '<' : flags.includes('0') ? '' : '>'}${flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : ''}${flags.includes('#') ? '#' : ''}${flags.includes('0') && !flags.includes('-') ? '0' : ''}${width}${prec !== undefined && !/[dioxXc]/.test(t) ? '.' + prec : ''}${/[rsa]/.test(t) ? '' : t.replace(/[iu]/, 'd')}`;
    return formatSpec(t === 'r' || t === 'a' ? repr(v) : /[rsa]/.test(t) ? pyStr(v) : x, spec);
  });
  if (!tuple && typeof args === 'object' && args !== null && !Array.isArray(args)) return out;
  if (used < list.length) throw new Thrown('TypeError', 'not all arguments converted during string formatting');
  return out;
}
