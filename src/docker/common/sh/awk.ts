/**
 * `awk [-F SEP] [-v VAR=VALUE] 'PROGRAM' [FILE]…`: the awk of one-liners — patterns (BEGIN,
 * END, /re/, expressions) with actions of print, printf, assignments, if/else, next and arrays
 * with `for (k in a)`; fields, NR, NF, FS, OFS, and the functions length, substr, index, split,
 * toupper, tolower. Debian's mawk and busybox's awk, one syntax error message for both.
 */
import { bbHead } from './opts';
import { lines } from './text';
import { printf } from './printf';
import { posixRegex } from './sed';
import type { IO, ShellLike } from './types';

type V = string | number;
type Fn = () => V;
class Next {}
class Exit {}

class AwkError extends Error {}

const TOKEN = /\s*(?:(\n|;)|(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+)|"((?:[^"\\]|\\.)*)"|([A-Za-z_]\w*)|(&&|\|\||[=!<>]=|[-+*/%^]=|\+\+|--|!~|[{}()[\];,<>!~+\-*/%^=?:$]))/y;

const numeric = (v: V) => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v);
const num = (v: V): number => (typeof v === 'number' ? v : parseFloat(v) || 0);
/** A number as awk prints it: integers whole, others with six significant digits (OFMT). */
const str = (v: V): string => (typeof v === 'string' ? v : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));
const unesc = (s: string) => s.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\', '"': '"', '/': '/' })[c] ?? '\\' + c);

export function awk(args: string[], io: IO, sh: ShellLike): number {
  const vars = new Map<string, V>([['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['NR', 0], ['NF', 0]]);
  const arrays = new Map<string, Map<string, V>>();
  let k = 1;
  for (; k < args.length && /^-[Fv]/.test(args[k]); k++) {
    const flag = args[k][1];
    const v = args[k].length > 2 ? args[k].slice(2) : args[++k] ?? '';
    if (flag === 'F') vars.set('FS', v === 't' ? '\t' : unesc(v));
    else vars.set(v.slice(0, v.indexOf('=')), unesc(v.slice(v.indexOf('=') + 1)));
  }
  const src = args[k++];
  if (src === undefined) {
    io.err(io.busybox ? bbHead(io) + 'awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n' : 'usage: mawk [-F value] [-v var=value] [--] \'program text\' [file ...]\n');
    return 2;
  }
  // --- the record and its fields
  let fields: string[] = [''];
  // regular expressions are POSIX extended ones, each translated once, not per record
  const regexes = new Map<string, RegExp>();
  const rx = (s: string, g = '') => regexes.get(g + '/' + s) ?? regexes.set(g + '/' + s, posixRegex(s, true, g)).get(g + '/' + s)!;
  const split = (s: string, fs: string) => (fs === ' ' ? s.split(/[ \t\n]+/).filter(Boolean) : s.split(fs.length === 1 ? fs : rx(fs)));
  const setRecord = (s: string) => {
    fields = [s, ...(s === '' ? [] : split(s, str(vars.get('FS')!)))];
    vars.set('NF', fields.length - 1);
  };
  const getField = (i: number): V => fields[i] ?? '';
  const setField = (i: number, v: V) => {
    if (i === 0) return setRecord(str(v));
    while (fields.length <= i) fields.push('');
    fields[i] = str(v);
    vars.set('NF', fields.length - 1);
    fields[0] = fields.slice(1).join(str(vars.get('OFS')!));
  };

  // --- the tokens, read with a one-token lookahead
  const toks: { t: string; v: string }[] = [];
  let prevOperand = false;
  for (let i = 0; i < src.length; ) {
    // a `/` where an operand may start opens a regular expression
    if (!prevOperand && /^\s*\//.test(src.slice(i))) {
      const at = src.indexOf('/', i) + 1;
      let j = at;
      while (j < src.length && src[j] !== '/') j += src[j] === '\\' ? 2 : 1;
      toks.push({ t: 're', v: src.slice(at, j) });
      i = j + 1;
      prevOperand = true;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(i))) break;
      return syntax(io, src.slice(i).trim()[0], args[0]);
    }
    i = TOKEN.lastIndex;
    const t = m[1] ? ';' : m[2] ? 'num' : m[3] !== undefined ? 'str' : m[4] ? 'name' : m[5];
    toks.push({ t, v: m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] });
    prevOperand = /num|str|name|[)\]$]/.test(t) && t !== '$';
  }
  let p = 0;
  const peek = () => toks[p]?.t ?? '';
  const take = (t?: string) => {
    if (t && peek() !== t) throw new AwkError(toks[p]?.v ?? 'end of file');
    return toks[p++];
  };
  const skip = () => {
    while (peek() === ';') p++;
  };

  // --- expressions, by precedence
  const lvalue = (): { get: Fn; set: (v: V) => void } | undefined => {
    if (peek() === '$') {
      p++;
      const i = primary();
      return { get: () => getField(num(i())), set: (v) => setField(num(i()), v) };
    }
    if (peek() !== 'name' || /^(getline|length|substr|index|split|toupper|tolower|sprintf|int|sub|gsub)$/.test(toks[p].v) || toks[p + 1]?.t === '(') return undefined;
    const name = take().v;
    if (peek() === '[') {
      p++;
      const key = expr();
      take(']');
      const arr = () => arrays.get(name) ?? arrays.set(name, new Map()).get(name)!;
      return { get: () => arr().get(str(key())) ?? '', set: (v) => arr().set(str(key()), v) };
    }
    return { get: () => vars.get(name) ?? '', set: (v) => vars.set(name, v) };
  };
  const call = (name: string): Fn => {
    take('(');
    // sub(RE, REPL [, TARGET]) and gsub: the replacements made in TARGET ($0), `&` the match
    if (name === 'sub' || name === 'gsub') {
      const re = peek() === 're' ? ((v) => () => v)(take().v) : expr();
      take(',');
      const repl = expr();
      let target = { get: () => getField(0), set: (v: V) => setField(0, v) };
      if (peek() === ',') {
        p++;
        target = lvalue() ?? (() => { throw new AwkError(toks[p]?.v ?? 'end of file'); })();
      }
      take(')');
      return () => {
        let n = 0;
        const r = str(repl());
        // in the replacement `\&` is a literal `&`, `\\&` a backslash and the match
        const v = str(target.get()).replace(rx(str(re()), name === 'gsub' ? 'g' : ''), (m) => (n++, r.replace(/\\{0,2}&/g, (x) => (x.length === 2 ? '&' : x.length === 3 ? '\\' + m : m))));
        if (n) target.set(v);
        return n;
      };
    }
    const a: Fn[] = [];
    // split(s, ARRAY [, sep]) names its array
    let arr = '';
    while (peek() !== ')') {
      if (name === 'split' && a.length === 1 && !arr) arr = take('name').v;
      // a /re/ given to match or split is the expression itself, not a test of $0
      else if (peek() === 're' && a.length) a.push(((v) => () => v)(take().v));
      else a.push(expr());
      if (peek() === ',') p++;
    }
    take(')');
    const s = (i: number) => str(a[i]?.() ?? getField(0));
    switch (name) {
      case 'length': return () => s(0).length;
      case 'int': return () => Math.trunc(num(a[0]()));
      case 'substr': return () => { const st = Math.round(num(a[1]?.() ?? 1)); const len = a[2] ? Math.round(num(a[2]())) : Infinity; return s(0).slice(Math.max(st, 1) - 1, Math.max(0, st - 1 + len)); };
      case 'index': return () => s(0).indexOf(s(1)) + 1;
      case 'toupper': return () => s(0).toUpperCase();
      case 'tolower': return () => s(0).toLowerCase();
      case 'split':
        return () => { const parts = split(s(0), a[1] ? s(1) : str(vars.get('FS')!)); arrays.set(arr, new Map(parts.map((x, i) => [String(i + 1), x]))); return parts.length; };
      case 'sprintf': return () => { let o = ''; printf(['printf', ...a.map((f) => str(f()))], { ...io, out: (t) => { o += t; } }, sh); return o; };
    }
    throw new AwkError(name);
  };
  const primary = (): Fn => {
    const t = peek();
    if (t === 'num') { const v = Number(take().v); return () => v; }
    if (t === 'str') { const v = unesc(take().v); return () => v; }
    if (t === 're') { const re = rx(take().v); return () => +re.test(str(getField(0))); }
    if (t === '(') { p++; const e = expr(); take(')'); return e; }
    if (t === '!') { p++; const e = primary(); return () => +!truth(e()); }
    if (t === '-' || t === '+') { p++; const e = primary(); return t === '-' ? () => -num(e()) : () => num(e()); }
    if (t === '++' || t === '--') {
      p++;
      const lv = lvalue();
      if (!lv) throw new AwkError(t);
      return () => { const v = num(lv.get()) + (t === '++' ? 1 : -1); lv.set(v); return v; };
    }
    if (t === 'name' && toks[p + 1]?.t === '(') return call(take().v);
    if (t === 'name' && toks[p].v === 'length') { p++; return () => str(getField(0)).length; }
    const lv = lvalue();
    if (!lv) throw new AwkError(toks[p]?.v ?? 'end of file');
    const op = peek();
    if (op === '++' || op === '--') {
      p++;
      return () => { const v = num(lv.get()); lv.set(v + (op === '++' ? 1 : -1)); return v; };
    }
    if (op === '=' || /^[-+*/%^]=$/.test(op)) {
      p++;
      const e = expr();
      return () => { const v = op === '=' ? e() : arith(op[0], lv.get(), e()); lv.set(v); return v; };
    }
    return lv.get;
  };
  const arith = (op: string, a: V, b: V): number => {
    const x = num(a), y = num(b);
    if (!y && (op === '/' || op === '%')) throw new AwkError('division by zero');
    return op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : op === '%' ? x % y : x ** y;
  };
  const binary = (next: () => Fn, ops: string[], f: (op: string, a: V, b: V) => V) => (): Fn => {
    let left = next();
    while (ops.includes(peek())) {
      const op = take().t;
      const l = left, r = next();
      left = () => f(op, l(), r());
    }
    return left;
  };
  const power = binary(primary, ['^'], arith);
  const mul = binary(power, ['*', '/', '%'], arith);
  const add = binary(mul, ['+', '-'], arith);
  // concatenation: operands side by side
  const concat = (): Fn => {
    let left = add();
    while (/^(num|str|name|\$|\(|!|re)$/.test(peek()) && !(peek() === 'name' && toks[p].v === 'in')) {
      const l = left, r = add();
      left = () => str(l()) + str(r());
    }
    return left;
  };
  const compare = binary(concat, ['<', '<=', '==', '!=', '>', '>='], (op, a, b) => {
    const [x, y] = numeric(a) && numeric(b) ? [num(a), num(b)] : [str(a), str(b)];
    return +(op === '<' ? x < y : op === '<=' ? x <= y : op === '==' ? x === y : op === '!=' ? x !== y : op === '>' ? x > y : x >= y);
  });
  const match = (): Fn => {
    let left = compare();
    while (peek() === '~' || peek() === '!~') {
      const neg = take().t === '!~';
      const l = left;
      const r = peek() === 're' ? ((v) => () => v)(take().v) : compare();
      left = () => +(rx(str(r())).test(str(l())) !== neg);
    }
    return left;
  };
  const and = binary(match, ['&&'], (_o, a, b) => +(truth(a) && truth(b)));
  const or = binary(and, ['||'], (_o, a, b) => +(truth(a) || truth(b)));
  const expr = (): Fn => {
    const c = or();
    if (peek() !== '?') return c;
    p++;
    const yes = expr();
    take(':');
    const no = expr();
    return () => (truth(c()) ? yes() : no());
  };
  const truth = (v: V) => (typeof v === 'number' ? v !== 0 : numeric(v) ? num(v) !== 0 : v !== '');

  // --- statements
  const out = (s: string) => io.out(s);
  const block = (): (() => void) => {
    take('{');
    const list: (() => void)[] = [];
    for (skip(); peek() !== '}'; skip()) list.push(stmt());
    take('}');
    return () => list.forEach((s) => s());
  };
  const stmt = (): (() => void) => {
    const t = peek() === 'name' ? toks[p].v : peek();
    if (t === '{') return block();
    if (t === 'print' || t === 'printf') {
      p++;
      const items: Fn[] = [];
      const paren = peek() === '(' && t === 'printf';
      if (paren) p++;
      while (!/^(;|}|\)|)$/.test(peek())) {
        items.push(expr());
        if (peek() === ',') p++;
      }
      if (paren) take(')');
      if (t === 'printf') return () => void printf(['printf', ...items.map((f) => str(f()))], io, sh);
      return () => out((items.length ? items.map((f) => str(f())).join(str(vars.get('OFS')!)) : fields[0]) + str(vars.get('ORS')!));
    }
    if (t === 'next') { p++; return () => { throw new Next(); }; }
    if (t === 'if') {
      p++;
      take('(');
      const c = expr();
      take(')');
      skip();
      const yes = stmt();
      skip();
      let no = () => {};
      if (peek() === 'name' && toks[p].v === 'else') {
        p++;
        skip();
        no = stmt();
      }
      return () => (truth(c()) ? yes() : no());
    }
    if (t === 'for' && toks[p + 3]?.v === 'in') {
      p += 2;
      const name = take('name').v;
      p++;
      const arr = take('name').v;
      take(')');
      skip();
      const body = stmt();
      return () => { for (const key of [...(arrays.get(arr)?.keys() ?? [])]) { vars.set(name, key); body(); } };
    }
    const e = expr();
    return () => void e();
  };

  // --- the program: pattern-action items
  const begin: (() => void)[] = [];
  const end: (() => void)[] = [];
  const main: [Fn | undefined, () => void][] = [];
  try {
    for (skip(); p < toks.length; skip()) {
      const w = peek() === 'name' ? toks[p].v : '';
      if (w === 'BEGIN' || w === 'END') {
        p++;
        (w === 'BEGIN' ? begin : end).push(block());
        continue;
      }
      const pat = peek() === '{' ? undefined : expr();
      main.push([pat, peek() === '{' ? block() : () => out(fields[0] + str(vars.get('ORS')!))]);
    }
  } catch (e) {
    if (!(e instanceof AwkError || e instanceof SyntaxError)) throw e;
    return syntax(io, e.message, args[0]);
  }
  const files = args.slice(k);
  let status = 0;
  try {
    begin.forEach((b) => b());
    if (main.length || end.length) {
      for (const f of files.length ? files : ['-']) {
        let text: string;
        try {
          text = f === '-' ? io.stdin ?? '' : sh.m.fs.readFile(f, sh.cwd);
        } catch {
          io.err(io.busybox ? `awk: cannot open ${f}: No such file or directory\n` : `${args[0]}: cannot open ${f} (No such file or directory)\n`);
          status = 2;
          continue;
        }
        for (const l of lines(text)) {
          vars.set('NR', num(vars.get('NR')!) + 1);
          setRecord(l);
          try {
            for (const [pat, act] of main) if (!pat || truth(pat())) act();
          } catch (e) {
            if (!(e instanceof Next)) throw e;
          }
        }
      }
    }
    end.forEach((b) => b());
  } catch (e) {
    // a regular expression made at run time that does not compile, a division by zero
    if (e instanceof SyntaxError || e instanceof AwkError) {
      const zero = e.message === 'division by zero';
      io.err(io.busybox ? `awk: cmd. line:1: ${zero ? 'Division by zero' : 'Unmatched ( or \\('}\n` : `${args[0]}: ${zero ? 'division by zero' : 'run time error: regular expression compile failed'}\n`);
      return 2;
    }
    if (!(e instanceof Exit)) throw e;
  }
  return status;
}

/** mawk names itself as it was called (`awk`). */
function syntax(io: IO, near: string, name = 'mawk'): number {
  io.err(io.busybox ? `awk: cmd. line:1: Unexpected token\n` : `${name}: line 1: syntax error at or near ${near}\n`);
  return 2;
}
