/**
 * `printf FORMAT [ARGUMENT]…`, the builtin of bash, dash and busybox ash: C's conversions with
 * their flags, width and precision, `%b` and (bash) `%q`, the format used again while arguments
 * remain, and each shell's complaint about an argument that is not a number.
 */
import { bbHead } from './opts';
import { isUtf8, unescape } from './coreutils';
import { uchar } from './parse';
import type { IO, ShellLike } from './types';

const CUT = '\u0000\\c';
const SPEC = /%([-+ 0#]*)(\*|\d*)(?:\.(\*|\d*))?([diouxXfFeEgGcsbq%])|%|\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|.)?/g;

/** An escape of the format (`\n`, `\101`, `\x41`, `\u00e9`): its character. */
function escape(e: string | undefined, utf8: boolean): string {
  if (e === undefined) return '\\';
  if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 255);
  if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
  if (/^u./i.test(e)) return uchar(e.slice(1), e[0] === 'U', utf8);
  if (e === '"' || e === "'") return e;
  return unescape('\\' + e).text;
}

/** `%g`: the shorter of `%e` and `%f` for the precision, trailing zeros dropped unless `#`. */
export function general(n: number, p: number, alt: boolean, upper: boolean): string {
  const prec = p === 0 ? 1 : p;
  const x = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(n.toExponential(prec - 1)))));
  let s = prec > x && x >= -4 ? n.toFixed(prec - 1 - x) : exp(n, prec - 1);
  if (!alt) s = s.replace(/\.?0+(?=e|$)/, (m) => (s.includes('.') ? '' : m));
  return upper ? s.toUpperCase() : s;
}

/** C's `%.Nf`: a tie goes to the even digit, as glibc rounds (JavaScript rounds it up). */
function fixed(v: number, p: number): string {
  const e = v.toFixed(Math.min(100, p + 25));
  const head = e.slice(0, -25).replace(/\.$/, '');
  return /^50*$/.test(e.slice(-25)) && +head.slice(-1) % 2 === 0 ? head : v.toFixed(p);
}

/** C's `%e`: at least two digits of exponent. */
const exp = (n: number, p: number) => n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2');

/** bash's `%q`: the argument quoted to be read back by the shell. */
const shellQuote = (s: string) => (s === '' ? "''" : s.replace(/[^\w@%+=:,./-]/g, '\\$&'));

export function printf(argv: string[], io: IO, sh: ShellLike): number {
  let a = argv.slice(1);
  let target: string | undefined;
  if (sh.flavor === 'bash' && a[0] === '-v') {
    target = a[1];
    a = a.slice(2);
  }
  if (a[0] === '--') a = a.slice(1);
  if (!a.length) {
    io.err(sh.flavor === 'bash' ? 'printf: usage: printf [-v var] format [arguments]\n' : io.busybox ? bbHead(io) + 'printf FORMAT [ARG]...\n' : `${sh.prefix()}: printf: usage: printf format [arg ...]\n`);
    return io.busybox ? 1 : 2;
  }
  const [fmt, ...args] = a;
  let k = 0;
  let status = 0;
  let stop = false;
  const next = () => args[k++];
  const num = (s: string | undefined, int: boolean): number => {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.codePointAt(1) ?? 0;
    const t = s.trim();
    const n = int ? (/^[+-]?\d+$/.test(t) && !/^[+-]?0\d/.test(t) ? Number(t) : /^[+-]?0x[\da-f]+$/i.test(t) ? parseInt(t, 16) : /^[+-]?0[0-7]+$/.test(t) ? parseInt(t, 8) : NaN) : Number(t);
    if (!Number.isNaN(n)) return n;
    status = 1;
    const bad = sh.flavor === 'bash' ? 'invalid number' : 'expected numeric value';
    io.err(io.busybox ? `${sh.prefix()}: invalid number '${s}'\n` : `${sh.prefix()}: printf: ${s}: ${bad}\n`);
    return parseFloat(t) || 0;
  };
  let out = '';
  do {
    const before = k;
    out += fmt.replace(SPEC, (m, flags: string | undefined, w: string | undefined, p: string | undefined, c: string | undefined, esc: string | undefined) => {
      if (stop) return '';
      if (m[0] === '\\') {
        if (esc === 'c') {
          stop = true;
          return CUT;
        }
        return escape(esc, isUtf8(sh));
      }
      if (c === undefined) return m;
      if (c === '%') return '%';
      // so wide or precise a field would only hang the page (and JavaScript stops at 100 decimals)
      const width = Math.max(-1e5, Math.min(1e5, w === '*' ? num(next(), true) : Number(w || 0)));
      const given = p === undefined ? -1 : Math.min(p === '*' ? num(next(), true) : Number(p || 0), 'fFeEgG'.includes(c) ? 60 : 1e5);
      // a negative precision (from `*`) is none
      const prec = given < 0 ? undefined : given;
      const f = flags ?? '';
      let s: string;
      let sign = '';
      let numeric = true;
      if ('di'.includes(c)) {
        const n = Math.trunc(num(next(), true));
        sign = n < 0 ? '-' : f.includes('+') ? '+' : f.includes(' ') ? ' ' : '';
        s = String(Math.abs(n)).padStart(prec ?? 1, '0');
        if (prec === 0 && n === 0) s = '';
      } else if ('ouxX'.includes(c)) {
        const n = BigInt.asUintN(64, BigInt(Math.trunc(num(next(), true))));
        s = n.toString(c === 'o' ? 8 : c === 'u' ? 10 : 16).padStart(prec ?? 1, '0');
        if (c === 'X') s = s.toUpperCase();
        if (f.includes('#') && n && c !== 'u') s = (c === 'o' ? '0' : c === 'x' ? '0x' : '0X') + s;
      } else if ('fFeEgG'.includes(c)) {
        const n = num(next(), false);
        sign = n < 0 || Object.is(n, -0) ? '-' : f.includes('+') ? '+' : f.includes(' ') ? ' ' : '';
        const v = Math.abs(n);
        s = !Number.isFinite(v) ? (Number.isNaN(v) ? 'nan' : 'inf') : 'fF'.includes(c) ? fixed(v, prec ?? 6) : 'eE'.includes(c) ? exp(v, prec ?? 6) : general(v, prec ?? 6, f.includes('#'), false);
        if (c === c.toUpperCase()) s = s.toUpperCase();
      } else {
        numeric = false;
        const arg = next() ?? '';
        if (c === 'b') {
          const u = unescape(arg, { oct: true, hex: sh.flavor === 'bash', utf8: isUtf8(sh) });
          s = u.text;
          if (u.stop) {
            stop = true;
            return u.text + CUT;
          }
        } else s = c === 'c' ? arg.slice(0, 1) : c === 'q' ? shellQuote(arg) : arg;
        if (prec !== undefined && c !== 'c') s = s.slice(0, prec);
      }
      const left = f.includes('-') || width < 0;
      const room = Math.abs(width) - sign.length - s.length;
      if (room <= 0) return sign + s;
      if (left) return sign + s + ' '.repeat(room);
      return numeric && f.includes('0') && (prec === undefined || !'diouxX'.includes(c)) && /\d/.test(s) ? sign + '0'.repeat(room) + s : ' '.repeat(room) + sign + s;
    });
    if (k === before) break;
  } while (k < args.length && !stop);
  // `\c` ends the output there
  if (stop) out = out.slice(0, out.indexOf(CUT));
  if (target !== undefined) sh.setVar(target, out);
  else io.out(out);
  return status;
}
