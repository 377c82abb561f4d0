/**
 * `awk [-F SEP] [-v VAR=VALUE] [-f FILE | 'PROGRAM'] [FILE]…`: patterns (BEGIN, END, /re/,
 * expressions, ranges) with actions of print and printf (to a file or a command too),
 * assignments, if/else, for, for-in, while, do, break, continue, next, exit, delete, getline and
 * functions; fields, NR, FNR, NF, FS (a regex when longer than a character), OFS, FILENAME; the
 * functions length, substr, index, split, match, sub, gsub, sprintf, toupper, tolower, int, close.
 * Debian's mawk and busybox's awk, one syntax error message for both.
 */
import { bbHead } from './opts';
import { lines } from './text';
import { general, printf } from './printf';
import { posixRegex } from './sed';
import type { IO, ShellLike } from './types';

/**
 * A value read from the input (a field, a getline variable, an element split, a -v value): it
 * compares as a number when it looks like one, where a string constant never does. UNSET, what
 * a variable holds before it is set, compares as 0 and "".
 */
class Input {
  constructor(readonly s: string) {}
}
type V = string | number | Input;
const UNSET = new Input('');
type Fn = () => V;
type St = () => void;
class Next {}
class Jump {
  constructor(readonly kind: string, readonly v: V = '') {}
}
class AwkError extends Error {}
/** A command the program runs (`system`, `CMD | getline`, closing `print | CMD`) that this run has no answer for yet. */
class Need {
  constructor(readonly c: string, readonly k: string, readonly text = '') {}
}
/** What the runs before this one learnt: each command's status and output, and how much they wrote of awk's output (`o`), errors (`e`) and each file (`>name`). */
type Done = { r: [number, string][]; n: Record<string, number> };

const TOKEN = /[ \t]*(?:\\\n[ \t]*)*(?:(#.*)?(\n|;|$)|(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+)|"((?:[^"\\]|\\.)*)"|([A-Za-z_]\w*)|(&&|\|\||[=!<>]=|[-+*/%^]=|\+\+|--|!~|>>|[{}()[\];,<>!~+\-*/%^=?:$|]))/y;
const BUILTIN = /^(length|substr|index|split|toupper|tolower|sprintf|int|sub|gsub|match|close|system|fflush|sqrt|exp|log|rand|srand)$/;
const KEYWORD = /^(getline|in|BEGIN|END|function|func|if|else|while|for|do|break|continue|next|exit|return|delete|print|printf)$/;

/** Whether a value compares as a number (busybox: any string that looks like one). */
const numeric = (v: V, loose = false) => typeof v === 'number' || v === UNSET || ((loose || v instanceof Input) && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(typeof v === 'string' ? v : v.s));
const num = (v: V): number => (typeof v === 'number' ? v : parseFloat(typeof v === 'string' ? v : v.s) || 0);
const unesc = (s: string) => s.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\', '"': '"', '/': '/' })[c] ?? '\\' + c);

/**
 * The program's commands run between its statements, which are not asynchronous: a run that
 * reaches a command it has no answer for stops, the command runs, and the program runs again
 * from its start with that answer, showing only the output the runs before did not.
 */
export async function awk(args: string[], real: IO, sh: ShellLike, done: Done = { r: [], n: {} }): Promise<number> {
  const seen: Record<string, number> = {};
  const gate = (k: string, w: (t: string) => void) => (t: string) => {
    const at = seen[k] ?? 0;
    const had = done.n[k] ?? 0;
    if ((seen[k] = at + t.length) > had) w(t.slice(Math.max(0, had - at)));
  };
  const io: IO = { ...real, out: gate('o', real.out), err: gate('e', real.err) };
  let calls = 0;
  // each command runs the program again: a loop of them stops, as a loop without end does
  const ask = (c: string, k: string, text?: string) => done.r[calls++] ?? (() => { throw calls > 1000 ? new AwkError('the simulated awk runs at most 1000 commands') : new Need(c, k, text); })();
  const vars = new Map<string, V>([['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['NR', 0], ['NF', 0], ['FNR', 0], ['FILENAME', ''], ['SUBSEP', '\x1c'], ['CONVFMT', '%.6g'], ['OFMT', '%.6g'], ['RSTART', 0], ['RLENGTH', -1]]);
  const arrays = new Map<string, Map<string, V>>();
  const name = args[0];
  let src: string | undefined;
  let k = 1;
  for (; k < args.length && /^-[Fvf\-W]/.test(args[k]); k++) {
    const flag = args[k][1];
    if (flag === '-') {
      k++;
      break;
    }
    const v = args[k].length > 2 ? args[k].slice(2) : args[++k] ?? '';
    // mawk's -W options: its version, and a word it does not know ignored
    if (flag === 'W') {
      if (/^v/.test(v)) return io.out('mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n'), io.err('random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n'), 0;
      io.err(`${name}: vacuous option: -W ${v}\n`);
    } else if (flag === 'F') vars.set('FS', unesc(v));
    else if (flag === 'v') vars.set(v.slice(0, v.indexOf('=')), new Input(unesc(v.slice(v.indexOf('=') + 1))));
    else
      try {
        src = sh.m.fs.readFile(v, sh.cwd);
      } catch {
        io.err(`${name}: cannot open ${v} (No such file or directory)\n`);
        return 2;
      }
  }
  src ??= args[k++];
  if (src === undefined) {
    io.err(io.busybox ? bbHead(io) + 'awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n' : 'usage: mawk [-F value] [-v var=value] [--] \'program text\' [file ...]\n');
    return 2;
  }
  /**
   * A number as awk prints it: mawk writes integers whole up to 2^31-1 (busybox any), others
   * with OFMT or CONVFMT (six significant digits).
   */
  const str = (v: V, fmt = 'CONVFMT'): string => {
    if (typeof v !== 'number') return typeof v === 'string' ? v : v.s;
    if (Number.isInteger(v) && (io.busybox || Math.abs(v) < 2 ** 31)) return String(v);
    const f = str(vars.get(fmt)!);
    return f === '%.6g' ? (Number.isFinite(v) ? general(v, 6, false, false) : v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan') : format([f, v]);
  };
  // --- the record and its fields
  let fields: string[] = [''];
  // regular expressions are POSIX extended ones, each translated once, not per record
  const regexes = new Map<string, RegExp>();
  const rx = (s: string, g = '') => regexes.get(g + '/' + s) ?? regexes.set(g + '/' + s, posixRegex(s, true, g)).get(g + '/' + s)!;
  const split = (s: string, fs: string) => (fs === ' ' ? s.split(/[ \t\n]+/).filter(Boolean) : s === '' ? [] : s.split(fs.length === 1 ? fs : rx(fs)));
  const setRecord = (s: string) => {
    fields = [s, ...split(s, str(vars.get('FS')!))];
    vars.set('NF', fields.length - 1);
  };
  const rebuild = () => {
    vars.set('NF', fields.length - 1);
    fields[0] = fields.slice(1).join(str(vars.get('OFS')!));
  };
  const getField = (i: number): V => new Input(fields[i] ?? '');
  const setField = (i: number, v: V) => {
    if (i === 0) return setRecord(str(v));
    while (fields.length <= i) fields.push('');
    fields[i] = str(v);
    rebuild();
  };
  const arr = (n: string) => arrays.get(n) ?? arrays.set(n, new Map()).get(n)!;
  let seed = 0;
  let seeded = 0;

  /** printf's conversions, each argument made what awk gives it (`%c` of a number is its character); too few is mawk's run time error. */
  const format = (a: V[], fn = 'printf'): string => {
    const f = str(a[0]);
    const conv: string[] = [];
    let i = 1;
    let cut: number | undefined;
    for (const m of f.matchAll(/%[-+ #0]*(\*|\d*)(?:\.(\*|\d*))?(.)/g)) {
      if (m[3] === '%') continue;
      const need = 1 + +(m[1] === '*') + +(m[2] === '*');
      // busybox gives what is missing as empty
      if (i + need > a.length && !io.busybox) {
        cut = m.index;
        break;
      }
      for (let j = 1; j < need; j++) conv.push(String(Math.trunc(num(a[i++] ?? 0))));
      const v = a[i++] ?? '';
      conv.push(/[dioxXu]/.test(m[3]) ? String(Math.trunc(num(v))) : m[3] === 'c' && typeof v === 'number' ? String.fromCharCode(v) : /[eEfgG]/.test(m[3]) ? String(num(v)) : str(v));
    }
    let o = '';
    printf(['printf', f.slice(0, cut).replace(/\\/g, '\\\\'), ...conv], { ...io, out: (t) => void (o += t) }, sh);
    if (cut !== undefined) throw Object.assign(new AwkError(`not enough arguments passed to ${fn}("${f}")`), { out: o });
    return o;
  };

  // --- the tokens, read with a one-token lookahead
  const toks: { t: string; v: string; line: number }[] = [];
  let prevOperand = false;
  let line = 1;
  for (let i = 0; i < src.length; ) {
    // a `/` where an operand may start opens a regular expression
    if (!prevOperand && /^[ \t]*\//.test(src.slice(i))) {
      const at = src.indexOf('/', i) + 1;
      let j = at;
      while (j < src.length && src[j] !== '/') j += src[j] === '\\' ? 2 : 1;
      toks.push({ t: 're', v: src.slice(at, j), line });
      i = j + 1;
      prevOperand = true;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(i))) break;
      return syntax(io, src.slice(i).trim()[0], name, line);
    }
    if (m[2] === '') break;
    i = TOKEN.lastIndex;
    const t = m[2] ? (m[2] === '\n' ? 'nl' : ';') : m[3] ? 'num' : m[4] !== undefined ? 'str' : m[5] ? 'name' : m[6];
    toks.push({ t, v: m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6], line });
    if (m[2] === '\n') line++;
    prevOperand = /num|str|name|[)\]$]/.test(t) && t !== '$';
  }
  let p = 0;
  const peek = () => toks[p]?.t ?? '';
  const word = (w: string) => peek() === 'name' && toks[p].v === w;
  const take = (t?: string) => {
    if (t && peek() !== t) throw new AwkError(t === '}' && p >= toks.length ? '}' : toks[p]?.v ?? 'end of file');
    return toks[p++];
  };
  const skip = (also = ';') => {
    while (peek() === 'nl' || peek() === also) p++;
  };
  // `>` and `|` after print's arguments redirect it, unless inside brackets
  let printing = false;
  const inner = <T,>(f: () => T): T => {
    const was = printing;
    printing = false;
    try {
      return f();
    } finally {
      printing = was;
    }
  };

  // --- expressions, by precedence
  const lvalue = (): { get: Fn; set: (v: V) => void; key?: () => string } | undefined => {
    if (peek() === '$') {
      p++;
      // `$NF = x` assigns the field, not NF
      const i = peek() === 'name' && !/[([]/.test(toks[p + 1]?.t ?? '') ? ((n) => () => vars.get(n) ?? UNSET)(take().v) : primary();
      return { get: () => getField(num(i())), set: (v) => setField(num(i()), v) };
    }
    if (peek() !== 'name' || BUILTIN.test(toks[p].v) || KEYWORD.test(toks[p].v) || toks[p + 1]?.t === '(') return undefined;
    const n = take().v;
    if (peek() === '[') {
      p++;
      const keys: Fn[] = [];
      do keys.push(inner(expr));
      while (peek() === ',' && ++p);
      take(']');
      const key = () => keys.map((f) => str(f())).join(str(vars.get('SUBSEP')!));
      return { get: () => arr(n).get(key()) ?? (arr(n).set(key(), UNSET), UNSET), set: (v) => arr(n).set(key(), v), key };
    }
    const nf = (v: V) => {
      fields = fields.slice(0, num(v) + 1);
      while (fields.length <= num(v)) fields.push('');
      rebuild();
    };
    return { get: () => vars.get(n) ?? UNSET, set: n === 'NF' ? nf : (v) => vars.set(n, v) };
  };
  const reRef = () => (peek() === 're' ? ((v) => () => v)(take().v) : undefined);
  const call = (n: string): Fn => {
    take('(');
    // sub(RE, REPL [, TARGET]) and gsub: the replacements made in TARGET ($0), `&` the match
    if (n === 'sub' || n === 'gsub') {
      const re = reRef() ?? expr();
      take(',');
      const repl = expr();
      let target = { get: () => getField(0), set: (v: V) => setField(0, v) };
      if (peek() === ',') {
        p++;
        target = lvalue() ?? (() => { throw new AwkError(toks[p]?.v ?? 'end of file'); })();
      }
      take(')');
      return () => {
        let c = 0;
        const r = str(repl());
        // in the replacement `\&` is a literal `&`, `\\&` a backslash and the match
        const v = str(target.get()).replace(rx(str(re()), n === 'gsub' ? 'g' : ''), (m) => (c++, r.replace(/\\{0,2}&/g, (x) => (x.length === 2 ? '&' : x.length === 3 ? '\\' + m : m))));
        if (c) target.set(v);
        return c;
      };
    }
    const a: Fn[] = [];
    // split(s, ARRAY [, sep]) names its array, length(ARRAY) may
    const names: string[] = [];
    inner(() => {
      while (peek() !== ')') {
        names[a.length] = peek() === 'name' && /^[,)]$/.test(toks[p + 1]?.t) ? toks[p].v : '';
        // a /re/ given to match or split is the expression itself, not a test of $0
        a.push(a.length && reRef() || (n === 'split' && a.length === 1 ? (p++, () => '') : expr()));
        if (peek() !== ')') take(',');
      }
    });
    take(')');
    const s = (i: number) => str(a[i]?.() ?? getField(0));
    const fns = fnsOf(n);
    if (fns) return () => fns(a, names);
    switch (n) {
      case 'length': return () => (names[0] && arrays.has(names[0]) ? arrays.get(names[0])!.size : s(0).length);
      case 'int': return () => Math.trunc(num(a[0]()));
      case 'sqrt': return () => Math.sqrt(num(a[0]()));
      // a generator of its own: srand(N) starts it again and answers the seed it had
      case 'rand': return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      case 'srand': return () => { const was = seeded; seed = seeded = a[0] ? num(a[0]()) : 0; return was; };
      case 'exp': return () => Math.exp(num(a[0]()));
      case 'log': return () => Math.log(num(a[0]()));
      // mawk 1.3.4 truncates the start, and from one before the first character takes more, not fewer
      case 'substr': return () => { const st = Math.trunc(num(a[1]?.() ?? 1)); const len = a[2] ? Math.trunc(num(a[2]())) : Infinity; return st < 1 ? s(0).slice(0, Math.max(0, len - st)) : s(0).slice(st - 1, st - 1 + Math.max(0, len)); };
      case 'index': return () => s(0).indexOf(s(1)) + 1;
      case 'match': return () => { const m = rx(s(1)).exec(s(0)); vars.set('RSTART', m ? m.index + 1 : 0); vars.set('RLENGTH', m ? m[0].length : -1); return m ? m.index + 1 : 0; };
      // bytes: what is not ASCII keeps its case
      case 'toupper': return () => s(0).replace(/[a-z]/g, (c) => c.toUpperCase());
      case 'tolower': return () => s(0).replace(/[A-Z]/g, (c) => c.toLowerCase());
      // closing `print | CMD` runs CMD now; a name never opened is -1
      case 'close': return () => { const x = s(0); const t = pipes.get(x); if (t !== undefined) return pipes.delete(x), ask(x, 'c', t)[0]; return outs.delete(x) || readers.delete(x) || readers.delete('|' + x) ? 0 : -1; };
      case 'system': return () => ask(s(0), 's')[0];
      // the output is never held back
      case 'fflush': return () => 0;
      case 'split':
        return () => { const parts = split(s(0), a[2] ? s(2) : str(vars.get('FS')!)); arrays.set(names[1], new Map(parts.map((x, i) => [String(i + 1), new Input(x)]))); return parts.length; };
      case 'sprintf': return () => format(a.map((f) => f()), n);
    }
    throw new AwkError(n);
  };
  /** A function of the program's own, called by name: its parameters are local, arrays passed by reference. */
  const funcs = new Map<string, [string[], St]>();
  let depth = 0;
  const fnsOf = (n: string) => {
    if (BUILTIN.test(n)) return undefined;
    return (a: Fn[], names: string[]): V => {
      const [params, body] = funcs.get(n) ?? (() => { throw new AwkError(n); })();
      // mawk's evaluation stack holds about a thousand calls
      if (++depth > 1010) throw new AwkError(' program limit exceeded: eval stack size=1024');
      const vals = params.map((_x, i) => (a[i] ? a[i]() : ''));
      const refs = params.map((_x, i) => (names[i] && !vars.has(names[i]) ? arr(names[i]) : undefined));
      const saved = params.map((x) => [vars.get(x), arrays.get(x)] as const);
      params.forEach((x, i) => {
        vars.delete(x);
        arrays.delete(x);
        if (refs[i]) arrays.set(x, refs[i]!);
        else if (i < a.length) vars.set(x, vals[i]);
      });
      try {
        body();
        return '';
      } catch (e) {
        if (e instanceof Jump && e.kind === 'return') return e.v;
        throw e;
      } finally {
        depth--;
        params.forEach((x, i) => {
          const [v, m] = saved[i];
          v === undefined ? vars.delete(x) : vars.set(x, v);
          m === undefined ? arrays.delete(x) : arrays.set(x, m);
        });
      }
    };
  };
  /** getline [VAR] [< FILE], or CMD | getline [VAR]: 1 read, 0 at the end, -1 no such file. */
  const getline = (cmd?: Fn): Fn => {
    const lv = peek() === '$' || (peek() === 'name' && !KEYWORD.test(toks[p].v)) ? lvalue() : undefined;
    const file = !cmd && peek() === '<' ? (p++, primary()) : undefined;
    return () => {
      const key = cmd ? '|' + str(cmd()) : file ? str(file()) : undefined;
      let l: string | undefined;
      if (key === undefined) {
        l = nextRecord();
        if (l !== undefined) for (const v of ['NR', 'FNR']) vars.set(v, num(vars.get(v)!) + 1);
      } else {
        let r = readers.get(key);
        if (!r) {
          try {
            r = { lines: lines(cmd ? '' : sh.m.fs.readFile(key, sh.cwd)), at: 0 };
          } catch {
            return -1;
          }
          if (cmd) r.lines = lines(ask(key.slice(1), 'g')[1]);
          readers.set(key, r);
        }
        l = r.lines[r.at++];
      }
      if (l === undefined) return 0;
      if (lv) lv.set(new Input(l));
      else setRecord(l);
      return 1;
    };
  };
  const primary = (): Fn => {
    const t = peek();
    if (t === 'num') { const v = Number(take().v); return () => v; }
    if (t === 'str') { const v = unesc(take().v); return () => v; }
    if (t === 're') { const re = rx(take().v); return () => +re.test(str(getField(0))); }
    if (t === '(') { p++; const e = inner(expr); take(')'); return e; }
    if (t === '!') { p++; const e = primary(); return () => +!truth(e()); }
    if (t === '-' || t === '+') { p++; const e = power(); return t === '-' ? () => -num(e()) : () => num(e()); }
    if (t === '++' || t === '--') {
      p++;
      const lv = lvalue();
      if (!lv) throw new AwkError(t);
      return () => { const v = num(lv.get()) + (t === '++' ? 1 : -1); lv.set(v); return v; };
    }
    if (word('getline')) return p++, getline();
    if (t === 'name' && toks[p + 1]?.t === '(') return call(take().v);
    if (word('length')) { p++; return () => str(getField(0)).length; }
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
    while (ops.includes(peek()) && !(printing && peek() === '>')) {
      const op = take().t;
      const l = left, r = next();
      left = () => f(op, l(), r());
    }
    return left;
  };
  // `^` is right-associative
  const power = (): Fn => {
    const b = primary();
    if (peek() !== '^') return b;
    p++;
    const e = power();
    return () => arith('^', b(), e());
  };
  const mul = binary(power, ['*', '/', '%'], arith);
  const add = binary(mul, ['+', '-'], arith);
  // concatenation: operands side by side; `CMD | getline` after them
  const concat = (): Fn => {
    const ops = [add()];
    while (/^(num|str|name|\$|\(|!|re)$/.test(peek()) && !word('in') && !word('getline')) ops.push(add());
    // mawk's command is the operand right before the `|`
    if (peek() === '|' && toks[p + 1]?.v === 'getline') (p += 2), ops.push(getline(ops.pop()!));
    return ops.reduce((l, r) => () => str(l()) + str(r()));
  };
  const compare = binary(concat, ['<', '<=', '==', '!=', '>', '>='], (op, a, b) => {
    const [x, y] = numeric(a, io.busybox) && numeric(b, io.busybox) ? [num(a), num(b)] : [str(a), str(b)];
    return +(op === '<' ? x < y : op === '<=' ? x <= y : op === '==' ? x === y : op === '!=' ? x !== y : op === '>' ? x > y : x >= y);
  });
  const match = (): Fn => {
    let left = compare();
    for (;;) {
      if (word('in')) {
        p++;
        const a = take('name').v;
        const l = left;
        left = () => +arr(a).has(str(l()));
        continue;
      }
      if (peek() !== '~' && peek() !== '!~') return left;
      const neg = take().t === '!~';
      const l = left;
      const r = reRef() ?? compare();
      left = () => +(rx(str(r())).test(str(l())) !== neg);
    }
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
  const truth = (v: V) => (numeric(v) ? num(v) !== 0 : str(v) !== '');

  // --- output: the terminal, files (truncated when first opened with >) and commands, run at the end
  const outs = new Set<string>();
  const pipes = new Map<string, string>();
  const write = (s: string, how?: string, to?: string) => {
    if (!how || to === '/dev/stdout' || to === '-') return io.out(s);
    if (to === '/dev/stderr') return io.err(s);
    if (how === '|') return void pipes.set(to!, (pipes.get(to!) ?? '') + s);
    const k = '>' + to;
    if (!outs.has(to!) && (outs.add(to!), how === '>') && (seen[k] ?? 0) >= (done.n[k] ?? 0)) sh.m.fs.writeFile(to!, '', sh.cwd);
    gate(k, (t) => sh.m.fs.writeFile(to!, t, sh.cwd, true))(s);
  };

  // --- statements
  const block = (): St => {
    take('{');
    const list: St[] = [];
    for (skip(); peek() !== '}' && p < toks.length; skip()) list.push(stmt());
    take('}');
    return () => list.forEach((s) => s());
  };
  /** A loop's body: an empty statement is a `;` on the same line. */
  const body = (): St => {
    skip('nl');
    return peek() === ';' ? (p++, () => {}) : stmt();
  };
  // the page would hang on a loop that never ends: the simulation stops it, as the REPLs do
  // one count for every loop of the run, so that nested loops cannot multiply it
  let rounds = 0;
  const loop = (cond: Fn, step: St, b: St, first = false) => {
    for (let go = first; go || truth(cond()); step(), (go = false)) {
      if (++rounds > 1e6) throw new AwkError('the simulated awk stops a loop after 1000000 rounds');
      try {
        b();
      } catch (e) {
        if (!(e instanceof Jump) || /return|exit/.test(e.kind)) throw e;
        if (e.kind === 'break') break;
      }
    }
  };
  const stmt = (): St => {
    const t = peek() === 'name' ? toks[p].v : peek();
    if (t === '{') return block();
    if (t === 'print' || t === 'printf') {
      p++;
      const items: Fn[] = [];
      // print (A, B): the brackets hold the whole list, and a `>` in them compares
      let group = false;
      if (peek() === '(') {
        let depth = 0;
        let q = p;
        for (; q < toks.length; q++) if ((depth += toks[q].t === '(' ? 1 : toks[q].t === ')' ? -1 : 0) === 0) break;
        group = /^(nl|;|}|>|>>|\||)$/.test(toks[q + 1]?.t ?? '');
      }
      p += +group;
      printing = !group;
      try {
        while (!/^(;|nl|}|\)|>|>>|\||)$/.test(peek())) {
          items.push(expr());
          if (peek() === ',') p++;
        }
        if (group) take(')');
      } finally {
        printing = false;
      }
      if (t === 'printf' && !items.length) throw new AwkError(' no arguments in call to printf');
      const how = /^(>|>>|\|)$/.test(peek()) ? take().t : undefined;
      const to = how ? concat() : undefined;
      if (t === 'printf') return () => write(format(items.map((f) => f())), how, to && str(to()));
      return () => write((items.length ? items.map((f) => str(f(), 'OFMT')).join(str(vars.get('OFS')!)) : fields[0]) + str(vars.get('ORS')!), how, to && str(to()));
    }
    if (/^(next|break|continue)$/.test(t)) {
      p++;
      return t === 'next' ? () => { throw new Next(); } : () => { throw new Jump(t); };
    }
    if (t === 'exit' || t === 'return') {
      p++;
      const e = /^(;|nl|}|)$/.test(peek()) ? undefined : expr();
      return () => { throw new Jump(t, e?.() ?? (t === 'exit' ? status : '')); };
    }
    if (t === 'delete') {
      p++;
      const a = take('name').v;
      if (peek() !== '[') return () => arr(a).clear();
      const key = (p--, lvalue()!.key!);
      return () => void arr(a).delete(key());
    }
    if (t === 'if') {
      p++;
      take('(');
      const c = expr();
      take(')');
      const yes = body();
      const at = p;
      skip();
      let no = () => {};
      if (word('else')) {
        p++;
        skip('nl');
        no = stmt();
      } else p = at;
      return () => (truth(c()) ? yes() : no());
    }
    if (t === 'while') {
      p++;
      take('(');
      const c = expr();
      take(')');
      const b = body();
      return () => loop(c, () => {}, b);
    }
    if (t === 'do') {
      p++;
      skip('nl');
      const b = stmt();
      skip();
      if (!word('while')) throw new AwkError(toks[p]?.v ?? 'end of file');
      p++;
      take('(');
      const c = expr();
      take(')');
      return () => loop(c, () => {}, b, true);
    }
    if (t === 'for' && toks[p + 3]?.v === 'in' && toks[p + 5]?.t === ')') {
      p += 2;
      const v = take('name').v;
      p++;
      const a = take('name').v;
      take(')');
      const b = body();
      return () => {
        const keys = [...arr(a).keys()];
        let i = 0;
        loop(() => +(i < keys.length), () => {}, () => (vars.set(v, keys[i++]), b()));
      };
    }
    if (t === 'for') {
      p++;
      take('(');
      const init = peek() === ';' ? () => 0 : expr();
      take(';');
      const c = peek() === ';' ? () => 1 : expr();
      take(';');
      const step = peek() === ')' ? () => 0 : expr();
      take(')');
      const b = body();
      return () => (init(), loop(c, step, b));
    }
    const e = expr();
    return () => void e();
  };

  // --- the program: pattern-action items, functions
  const begin: St[] = [];
  const end: St[] = [];
  const main: [Fn | undefined, St, Fn?, boolean?][] = [];
  try {
    for (skip(); p < toks.length; skip()) {
      const w = peek() === 'name' ? toks[p].v : '';
      if (w === 'BEGIN' || w === 'END') {
        p++;
        (w === 'BEGIN' ? begin : end).push(block());
        continue;
      }
      if (w === 'function' || w === 'func') {
        p++;
        const n = take('name').v;
        take('(');
        const params: string[] = [];
        while (peek() === 'name') {
          params.push(take().v);
          if (peek() === ',') p++;
        }
        take(')');
        skip('nl');
        funcs.set(n, [params, block()]);
        continue;
      }
      const pat = peek() === '{' ? undefined : expr();
      const to = peek() === ',' ? (p++, expr()) : undefined;
      main.push([pat, peek() === '{' ? block() : () => write(fields[0] + str(vars.get('ORS')!)), to]);
    }
  } catch (e) {
    if (!(e instanceof AwkError || e instanceof SyntaxError)) throw e;
    if (e.message === '}') return io.err(io.busybox ? 'awk: cmd. line:1: Unexpected end of string\n' : `${name}: line ${line + 1}: missing } near end of file\n`), 2;
    const at = toks[Math.min(p, toks.length - 1)]?.line ?? 1;
    if (e.message[0] === ' ') return io.err(`${name}: line ${at}:${e.message}\n`), 2;
    return syntax(io, e.message, name, at);
  }
  const readers = new Map<string, { lines: string[]; at: number }>();
  const operands = args.slice(k);
  arrays.set('ENVIRON', new Map(sh.env().map(([e, v]) => [e, new Input(v)])));
  arrays.set('ARGV', new Map([name, ...operands].map((a, i) => [String(i), new Input(a)])));
  vars.set('ARGC', operands.length + 1);
  const files = operands.filter((f) => !/^[A-Za-z_]\w*=/.test(f));
  let status = 0;
  // the input: the files one after another (standard input without any), assignments among them done on the way
  let at = 0;
  let cur: string[] = [];
  let pos = 0;
  const nextRecord = (): string | undefined => {
    while (pos >= cur.length) {
      if (at >= operands.length && (files.length || at > operands.length)) return undefined;
      const f = at < operands.length ? operands[at++] : (at++, '-');
      const eq = /^([A-Za-z_]\w*)=([^]*)/.exec(f);
      if (eq) {
        vars.set(eq[1], new Input(unesc(eq[2])));
        continue;
      }
      vars.set('FILENAME', f === '-' && !files.length ? '' : f);
      vars.set('FNR', 0);
      [cur, pos] = [[], 0];
      try {
        cur = lines(f === '-' ? io.stdin ?? '' : sh.m.fs.readFile(f, sh.cwd));
      } catch {
        io.err(io.busybox ? `awk: cannot open ${f}: No such file or directory\n` : `${name}: cannot open ${f} (No such file or directory)\n`);
        status = 2;
      }
    }
    return cur[pos++];
  };
  let exiting = false;
  const guard = (f: () => void) => {
    try {
      f();
    } catch (e) {
      // next, break or continue outside of where they belong do nothing
      if (!(e instanceof Jump || e instanceof Next)) throw e;
      if (e instanceof Jump && e.kind === 'exit') {
        status = num(e.v);
        exiting = true;
      }
    }
  };
  try {
    guard(() => begin.forEach((b) => b()));
    if (!exiting && (main.length || end.length))
      guard(() => {
        for (let l; (l = nextRecord()) !== undefined; ) {
          for (const v of ['NR', 'FNR']) vars.set(v, num(vars.get(v)!) + 1);
          setRecord(l);
          try {
            for (const item of main) {
              const [pat, act, to] = item;
              // a range: from a record its first pattern matches to one its second does
              let hit = !pat || item[3] || truth(pat());
              if (to && hit) item[3] = !truth(to());
              if (hit) act();
            }
          } catch (e) {
            if (!(e instanceof Next)) throw e;
          }
        }
      });
    guard(() => end.forEach((b) => b()));
  } catch (err) {
    if (err instanceof Need) {
      // mawk runs `system` through sh, its pipes through /bin/sh (which name themselves so in errors)
      Object.assign(done.n, seen);
      let o = '';
      const status = await sh.spawn([err.k === 's' || io.busybox ? 'sh' : '/bin/sh', '-c', err.c], { ...real, stdin: err.text, feed: undefined, ...(err.k === 'g' && { out: (t: string) => void (o += t) }) });
      done.r.push([status, o]);
      return real.signal?.aborted ? 130 : awk(args, real, sh, done);
    }
    // a string too long for the page is the memory mawk runs out of
    const e = err instanceof RangeError && /string length/.test(err.message) ? new AwkError('out of memory') : err;
    // a regular expression made at run time that does not compile, a division by zero, printf's missing arguments
    if (!(e instanceof SyntaxError || e instanceof AwkError)) throw e;
    const zero = e.message === 'division by zero';
    io.out((e as { out?: string }).out ?? '');
    const where = `\n\tFILENAME="${str(vars.get('FILENAME')!)}" FNR=${str(vars.get('FNR')!)} NR=${str(vars.get('NR')!)}`;
    io.err(io.busybox ? (e instanceof AwkError && !zero ? `awk: ${e.message.trim()}\n` : `awk: cmd. line:1: ${zero ? 'Division by zero' : 'Unmatched ( or \\('}\n`) : `${name}:${e.message[0] === ' ' ? e.message : ` ${zero ? 'division by zero' : `run time error: ${e instanceof AwkError ? e.message + where : 'regular expression compile failed'}`}`}\n`);
    return 2;
  }
  for (const [c, text] of pipes) await sh.spawn([io.busybox ? 'sh' : '/bin/sh', '-c', c], { ...real, stdin: text, feed: undefined });
  return status;
}

/** mawk names itself as it was called (`awk`). */
function syntax(io: IO, near: string, name = 'mawk', line = 1): number {
  io.err(io.busybox ? `awk: cmd. line:1: Unexpected token\n` : `${name}: line ${line}: syntax error at or near ${near}\n`);
  return 2;
}
