/**
 * The language of node's and python's REPLs (and of `node -e`, `python3 -c`, a script piped to
 * them): expressions with their operators, calls, members, arrays/lists, objects/dicts, arrow
 * functions and lambdas, template literals and f-strings, names bound by assignments and
 * declarations, and the modules a first lesson reaches (process, os, sys, math, json…). JS
 * values are the host's own (so `[1,2].map(n => n*2)` is the real Array method); python's int is
 * a bigint and its float a number. Blocks (loops, if, functions, try, python's with) answer
 * `Open` while they go on; what the evaluator does not run (classes, generators, destructuring,
 * a module's member it lacks) answers `Unsupported` rather than anything the runtime would not.
 */
import type { Fs } from '../fs';
import { listDir, reason } from '../../common/sh/fs';
import { exists } from './package-files';
import { USER, excClasses, isA } from './py-exceptions';
import { exp, fixed, formatSpec, percent, strFormat } from './py-format';
import { jsClasses } from './js-classes';
import { meant, nearest } from './py-suggest';
import { nodeFs, nodePath, type SysError } from './js-modules';
import { pyScan } from './py-scan';
import { yieldInComprehension } from './py-comprehension';
import { attrBuiltins } from './py-attrs';
import { Dict, DictView, hooks } from './py-dict';
import { Sized } from './py-sized';
import { PySet, pyHash, setIop, setMethods, setOp } from './py-set';
import { END, PyIter, seqIter } from './py-iter';
import { itertoolsModule } from './py-itertools';
import { randomModule } from './py-random';
import { Unhandled, eventLoop } from './js-async';
import { awaitOf, awaits, memo, strayAwait, taped, topAwait, untaped } from './js-await';

/** An exception of the program: its class and message (the REPL formats it as its runtime does). */
export class Thrown {
  /** Where python's traceback underlines: `~` from at[0] to at[3], `^` from at[1] to at[2]. */
  declare at?: number[];
  /** Raised by the program's own `throw` (node points at the statement). */
  declare user?: boolean;
  /** What the program threw (node), or python's exception's args. */
  declare value?: unknown;
  declare args?: unknown[];
  /** node: a failed system call's fields and where node:fs threw it. */
  declare sys?: SysError;
  /** python: found by the compiler after the parser (`return` outside a function), which reads no line of `-c` code. */
  declare late?: true;
  /** python: the line, statement and underline where a function's body raised, until its call takes it as a frame. */
  declare spot?: [number, string, number[]?];
  /** python: the calls it went through, outermost first: each `[line, statement, underline, function, input]` (the run that defined it: a REPL's input). */
  declare frames?: Frame[];
  /** python: where the module caught it (line, its text, its underline), for a traceback that shows it as a later one's context or cause */
  declare where?: [number, string, number[]?];
  /** python: where a function caught it, as the frames from that function on */
  declare local?: Frame[];
  /** python: the exception being handled when this one was raised, and the one `raise … from` names (`from None`: `cause` null) */
  declare context?: Thrown;
  declare cause?: Thrown | null;
  /** python: its attributes but args (an OSError's errno…) */
  declare attrs?: Record<string, unknown>;
  /** python: the program's own class it is of */
  declare cls?: unknown;
  /** python: what its traceback adds to the message (a name it may have meant) */
  declare hint?: string;
  /** node: the event loop's kind of callback it came out of (timer, immediate, tick, microtask). */
  declare via?: string;
  /** node: a promise's rejection nothing handled (its reason no Error: the message of node's own error). */
  declare rejected?: boolean;
  /** node: where the Error was made, its line at the top level (a rejection's report shows its making, not its throw) */
  declare made?: number;
  /** node: the functions it went through, innermost first: each with the line it was at, and whether the program's own code called it (true), an array method (its name) or another of the host's (false). */
  declare js?: [name: string, line: number, by: boolean | string][];
  /** node: the text JSON.parse failed to read. */
  declare json?: string;
  constructor(public type: string, public msg: string, public name?: string) {}
}
export type Frame = [line: number, text: string, at: number[] | undefined, name: string, input: number];
/** Input that goes on in the next line (an open bracket, string or block); `v8`: what `node -e` says of it when that is no "Unexpected end of input". */
export class Open {
  declare v8?: Thrown;
}
/** `exit()`, `sys.exit(n)`, `process.exit(n)`. */
export class Exit {
  constructor(public code: unknown = 0) {}
}
/** A complete construct the evaluator does not run. */
export class Unsupported {
  constructor(public what: string) {}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;
type Scope = { vars: Map<string, V>; up?: Scope; /** python's `global` names */ g?: Set<string>; /** the names a python function's body binds: its own even before they are */ loc?: Set<string>; /** the class whose body this is */ q?: string; /** a comprehension's own, where a `:=` binds no name */ cmp?: 1; /** a function's own: its name and the run that defined it */ f?: [string, number]; /** JS: its const names */ c?: Set<string> };
type Def = (name: string, v: V) => void;
type Pat = (s: Scope, v: V, def: Def, of?: string) => void;
/** Parameters' texts: split at the commas outside brackets and quotes (`b = [1, 2]`, `sep = ','`). */
/** `text` cut at each `sep` outside brackets and quotes. */
const topSplit = (text: string, sep: string) => {
  const out = [''];
  let d = 0;
  let q = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    // an escape and what it escapes go through together
    if (q && c === '\\') {
      out[out.length - 1] += c + (text[++k] ?? '');
      continue;
    }
    if (q) c === q && (q = '');
    else if ('\'"`'.includes(c)) q = c;
    else d += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0;
    // (python's `:=` is no colon)
    if (c === sep && !d && !q && !(sep === ':' && text[k + 1] === '=')) out.push('');
    else out[out.length - 1] += c;
  }
  return out;
};
/** JS's f.length: the parameters before the first with a default or the rest. */
const arity = (ps: string[]) => (ps.findIndex((x) => /=|^\.\.\./.test(x)) + 1 || ps.length + 1) - 1;
const params = (text: string) => topSplit(text, ',').map((x) => x.trim()).filter(Boolean);
type E = ((s: Scope) => V) & { isNew?: 1; set?: (s: Scope, v: V) => void; ref?: (s: Scope) => [V, V] };
/** How python shows objects that are not plain data: modules, classes, ranges, tuples. */
export const SHOW = Symbol('show');
export const TUPLE = Symbol('tuple');
const pyDict = (entries: Iterable<[V, V]>) => new Dict(entries);
export const KW = Symbol('kwargs');
const SPREAD = Symbol('spread');
const HOLE = Symbol('hole');
/** What an optional chain throws to its end when a link is nothing. */
const SHORT = Symbol('short');
const spread = (xs: V[]) => xs.flatMap((x) => (x?.[SPREAD] ? [...x[SPREAD]] : [x]));

export interface Host { py: boolean; fs: Fs; cwd: string; env: Record<string, string>; hostname: string; kernel: string; version: string; random(): number; exists(mod: string): boolean; /** node's process.argv */ argv?: string[]; /** python's build: `(main, Jun  4 2025, 01:14:42) [GCC 12.2.0]` */ build?: string; /** names a host program adds (mongosh's db) */ globals?: Record<string, V>; /** the simulated clock (ms) */ now?(): number }

/** JS's quoted strings; a template literal whose `${…}` hold others (`${`a${b}`}`) to depth `d`, and the code in one of them, with its strings and braces. */
const STR = String.raw`'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"`;
const tcode = (d: number): string => { const x = `${STR}|${tpl(d - 1)}|[^{}\`'"]`; let b = `(?:${x})`; for (let n = 0; n < 3; n++) b = `(?:${x}|\\{${b}*\\})`; return b + '*'; };
const tpl = (d: number): string => (d ? String.raw`\`(?:\\[^]|\$\{${tcode(d)}\}|\$(?!\{)|[^\`\\$])*\`` : String.raw`\`(?:\\[^]|[^\`\\])*\``);
const TPL = tpl(3);
const TCODE = new RegExp(tcode(3) + '\\}', 'y');
const LEX = new RegExp(String.raw`\s*(?:(\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?n?|\.\d+)|([fFrR]?(?:'''[^]*?(?:'''|$)|"""[^]*?(?:"""|$)|${STR})|${TPL})|([A-Za-z_$\xc0-\u024f][\w$\xc0-\u024f]*)|(\.\.\.|\*\*=?|\/\/=?|===?|!==?|=>|(?:<<|>>)=|>>>?|<<|[<>]=?|(?:&&|\|\||\?\?)=?|\?\.|\+\+|--|[-+*/%&|^]=|[-+*/%=!.,:;?()[\]{}&|^~@]))`, 'y');
interface Tok { k: 'n' | 's' | 'i' | 'o' | 'r' | ''; v: string; p: number }
const RE = /\/((?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\\\n[])+)\/([dgimsuy]*)/y;

/** A SyntaxError with where python's caret goes (`to`: the end of what it underlines). */
const syntax = (msg: string, at: number, to = at + 1) => Object.assign(new Thrown('SyntaxError', msg), { at: [at, at, to, to] });

/** python: a backslash ending a line joins it to the next (JS has no such thing). */
const JOIN = /[ \t]*\\\r?\n/y;
const skipJoins = (src: string) => {
  for (JOIN.lastIndex = LEX.lastIndex; JOIN.test(src); ) LEX.lastIndex = JOIN.lastIndex;
};

function lex(src: string, py: boolean): Tok[] {
  const out: Tok[] = [];
  let pos = (LEX.lastIndex = 0);
  for (let m, r; pos < src.length && (py && skipJoins(src), (m = LEX.exec(src))); pos = LEX.lastIndex) {
    // a slash where a value starts opens a regular expression literal (JS only)
    const prev = out[out.length - 1];
    if (!py && m[4] === '/' && (!prev || (prev.k === 'o' && !/^[)\]}]$/.test(prev.v))) && (RE.lastIndex = LEX.lastIndex - 1, (r = RE.exec(src)))) {
      out.push({ k: 'r', v: r[0], p: LEX.lastIndex - 1 });
      LEX.lastIndex = RE.lastIndex;
      continue;
    }
    // the group that matched is the token's kind
    const g = m.findIndex((x, j) => j && x !== undefined);
    // V8's scanner takes a number running into a name (`12abc`, not `0x1f`) as one bad token
    if (!py && g === 1 && /^[A-Za-z_$]/.test(src.slice(LEX.lastIndex)) && !(m[1] === '0' && /^[xob]/i.test(src.slice(LEX.lastIndex)))) throw syntax('Invalid or unexpected token', LEX.lastIndex - m[1].length, LEX.lastIndex);
    // (python's `:=` is one operator)
    if (py && m[g] === ':' && src[LEX.lastIndex] === '=') m[g] += src[LEX.lastIndex++];
    out.push({ k: ' nsio'[g] as Tok['k'], v: m[g], p: LEX.lastIndex - m[g].length });
    // a triple quote goes on in the next line until it is closed
    const triple = /^[fFrR]?('''|""")/.exec(m[g])?.[1];
    if (triple && (m[g].length < triple.length * 2 + m[g].indexOf(triple) || !m[g].endsWith(triple))) throw new Open();
  }
  const rest = src.slice(pos);
  if (rest.trim()) {
    // An open template literal goes on; an open quote is an error.
    if (/^\s*`/.test(rest)) throw new Open();
    // (a class's private names are the evaluator's limit)
    if (!py && /^\s*#[\w$]/.test(rest)) throw new Unsupported(/#[\w$]+/.exec(rest)![0]);
    // (V8 marks an unclosed quote to the end of its line)
    const at = src.length - rest.trimStart().length;
    // (a character that is no ASCII gets no caret from node)
    if (!py && /^[^\x00-\x7f]/.test(rest.trimStart())) throw syntax('Invalid or unexpected token', at, at);
    throw syntax(py ? (/^\s*['"]/.test(rest) ? 'unterminated string literal (detected at line 1)' : 'invalid syntax') : 'Invalid or unexpected token', at, /^\s*['"]/.test(rest) && !py ? at + rest.trimStart().split('\n')[0].length : at + 1);
  }
  out.push({ k: '', v: '', p: src.length });
  return out;
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/** What a bracket token does to the depth. */
const dep = (v: string) => (/^[([{]$/.test(v) ? 1 : /^[)\]}]$/.test(v) ? -1 : 0);
/** What V8 names a call's argument after: a value's last token. */
/** V8's name for a token it did not expect. */
const unexpected = (tk: Tok) => `Unexpected ${tk.k === 'i' ? `identifier '${tk.v}'` : tk.k === 'n' ? 'number' : tk.k === 's' ? (tk.v[0] === '`' ? 'template string' : 'string') : `token '${tk.v}'`}`;
const ends = (tk?: Tok) => !!tk && (/^[nsr]$/.test(tk.k) || (tk.k === 'i' && !/^(typeof|new|delete|void|in|of|instanceof|return|await|yield|case|const|let|var|else|do|class|function)$/.test(tk.v)) || /^[)\]}]$/.test(tk.v));
/**
 * V8 reads a whole program before it runs any of it: a bracket closed by another kind or never
 * opened, a `;` inside brackets (but a for's), a `{` after a value in an if's or for's head or in
 * parameters are its SyntaxErrors; in a call's arguments after a complete one any of those, or the end of the
 * input, is a "missing )" at the argument's last token. Input that ends inside brackets is Open.
 * So are a const declared without its value and a function statement without its name.
 */
function v8Brackets(src: string): void {
  const t = lex(src, false);
  const open: number[] = [];
  // the `)` that ends a function's parameters, which its body's `{` follows
  let params = -1;
  // the brackets open around a const declaration (-1: none), whether a name it declares comes next, and the errors found ahead at their token
  let decl = -1, name = false;
  const late: Thrown[] = [];
  const shut = (j: number) => { for (let d = 0; j < t.length - 1; j++) if (!(d += /^[([{]$/.test(t[j].v) ? 1 : /^[)\]}]$/.test(t[j].v) ? -1 : 0)) return j; return -1; };
  const nl = (k: number) => k > 0 && /\n/.test(src.slice(t[k - 1].p, t[k].p));
  /** Whether the `:` after token j ends a switch's `case …` or `default` (a block may follow it). */
  const caseHead = (j: number): boolean => {
    for (let q = j; q >= 0; q--) {
      if (/^(case|default)$/.test(t[q].v)) return true;
      if (/^([;{}:(=,]|return)$/.test(t[q].v)) return false;
    }
    return false;
  };
  const starts = (k: number): boolean => { const p = t[k - 1]; return !p || /^([;}]|else|do)$/.test(p.v) || (p.v === '{' && !/^([=(,:[]|return)$/.test(t[k - 2]?.v)) || (p.v === 'async' && starts(k - 1)) || (p.v === ':' && t[k - 2].k === 'i' && starts(k - 2)) || (nl(k) && ends(p)); };
  for (let k = 0; k < t.length; k++) {
    const tk = t[k];
    if (late[k]) throw late[k];
    if (open.length < decl || (open.length === decl && (tk.v === ';' || (nl(k) && ends(t[k - 1]) && tk.k !== 'o')))) decl = -1;
    if (name && (tk.k === 'i' || /^[[{]$/.test(tk.v))) {
      const e = tk.k === 'i' ? k : shut(k);
      if (e >= 0 && !/^(=|in|of)$/.test(t[e + 1].v)) late[e + 1] = syntax(`Missing initializer in ${tk.k === 'i' ? 'const' : 'destructuring'} declaration`, tk.p, t[e].p + t[e].v.length);
    }
    name = tk.k === 'i' && tk.v === 'const' ? ((decl = open.length), true) : tk.v === ',' && open.length === decl;
    if (tk.k === 'i' && tk.v === 'function' && t[k + 1].v === '(' && starts(k)) throw syntax('Function statements require a function name', tk.p, tk.p + 8);
    // (a label a break or continue names is one of a statement before it)
    const to = t[k + 1];
    if (tk.k === 'i' && /^(break|continue)$/.test(tk.v) && to.k === 'i' && !nl(k + 1) && !t.some((x, j) => x.v === to.v && t[j + 1].v === ':')) throw syntax(`Undefined label '${to.v}'`, to.p, to.p + to.v.length);
    const v = t[k].k === 'o' ? t[k].v : t[k].k ? '' : 'end';
    const o = open[open.length - 1] ?? -1;
    const before = t[o - 1]?.v, paren = t[o]?.v === '(';
    const fn = paren && (before === 'function' || t[o - 2]?.v === 'function');
    const head = paren && /^(if|for|while|switch|catch)$/.test(before);
    const call = paren && !fn && !head && ends(t[o - 1]) && !/^(return|typeof)$/.test(before);
    let bad;
    if (/^[([{]$/.test(v)) {
      bad = v === '{' && (fn || head || call) && params !== k - 1 && (ends(t[k - 1]) || /^(\+\+|--)$/.test(t[k - 1].v));
      if (!bad) open.push(k);
    } else if (/^[)\]}]$/.test(v)) {
      bad = CLOSER[t[o]?.v] !== v;
      if (!bad) open.pop(), fn && (params = k);
    } else {
      const prev = t[k - 1];
      // (also a `;` where an operand should be; a value right after a value in an array or object literal; an if or for without its bracket; the end after a comma)
      bad = (v === ';' && ((o >= 0 && t[o].v !== '{' && before !== 'for') || (prev?.k === 'o' && !/^([)\]};:({]|\+\+|--)$/.test(prev.v)))) || (v === 'end' && (o >= 0 || prev?.v === ','))
        || (/^[ins]$/.test(t[k].k) && ((ends(prev) && !/^(get|set|async|static)$/.test(prev.v) && (t[o]?.v === '[' || (t[o]?.v === '{' && /^[=(,:[]$/.test(before) && !(before === ':' && ((t[o - 2].k === 'i' && starts(o - 2)) || caseHead(o - 2)))))) || (prev?.k === 'i' && /^(if|for|while|switch)$/.test(prev.v) && !(prev.v === 'for' && tk.v === 'await'))));
    }
    if (!bad) continue;
    const last = t[k - 1];
    // (of a template with `${…}`, V8's last token is its tail, from the last `}`)
    const e = call && ends(last) ? syntax('missing ) after argument list', last.p + (/^`.*\$\{/s.test(last.v) ? last.v.lastIndexOf('}') : 0), last.p + last.v.length) : v !== 'end' && syntax(unexpected(t[k]), t[k].p, t[k].p + t[k].v.length);
    if (v === 'end') throw Object.assign(new Open(), { v8: e || undefined });
    throw e;
  }
}

/** A template literal's text and its `${…}` codes, alternating; a code ends at its own closing brace (`${{}}`). */
function tparts(b: string): string[] {
  const out = [];
  let from = 0;
  for (let m, R = /\\[^]|\$\{/g; (m = R.exec(b));) {
    if (m[0] !== '${') continue;
    TCODE.lastIndex = m.index + 2;
    const j = TCODE.exec(b) ? TCODE.lastIndex - 1 : b.length;
    out.push(b.slice(from, m.index), b.slice(m.index + 2, j));
    R.lastIndex = from = j + 1;
  }
  return [...out, b.slice(from)];
}

const unescape = (s: string) => s.replace(/\\(u\{?[\da-fA-F]{4,5}\}?|x[\da-fA-F]{2}|[^])/g, (_, c: string) => (c.length > 1 ? String.fromCodePoint(parseInt(c.replace(/[ux{}]/g, ''), 16)) : ({ n: '\n', t: '\t', r: '\r', 0: '\0' } as Record<string, string>)[c] ?? c));

/** A quoted string as util.inspect (quote) or repr (python) writes it. */
function quote(s: string, py: boolean): string {
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !py && !s.includes('`') ? '`' : "'";
  return q + s.replace(/[\\\n\t]/g, (c) => ({ '\n': '\\n', '\t': '\\t' })[c] ?? '\\\\').replaceAll(q, '\\' + q) + q;
}

const fname = (f: V) => f.fname ?? f.name;
/** python's built-in classes, which the evaluator has as functions. */
const BUILTIN_TYPES = /^(int|float|str|bool|list|tuple|dict|set|frozenset|range|type|object)$/;
const isObj = (v: V) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** util.inspect's one-line or indented form; arrays of more than 6 entries in columns (groupArrayElements). */
/** util.inspect's hook: an object that says how it is shown (mongosh's ObjectId). */
export const CUSTOM = Symbol.for('nodejs.util.inspect.custom');
/** A JS class's instances: the name util.inspect writes before them (a class: how `new` makes one); the instance a `super` stands for. */
const CLASS = Symbol('class');
const SUPER = Symbol('super');
/** An async function of the program's. */
const ASYNC = Symbol('async');
/** The objects util.inspect is inside of, and the numbers of those found inside themselves. */
const seen: object[] = [];
let refs = new Map<object, number>();
export function inspect(v: V, lvl = 0): string {
  if (typeof v === 'string') return quote(v, false);
  if (typeof v === 'bigint') return v + 'n';
  if (typeof v === 'function' && v[CLASS]) return `[class ${fname(v)}${v.base ? ` extends ${fname(v.base)}` : ''}]`;
  if (typeof v === 'function') return `[${v[ASYNC] ? 'AsyncFunction' : 'Function'}${fname(v) ? ': ' + fname(v) : ' (anonymous)'}]`;
  if (Object.is(v, -0)) return '-0';
  if (v === null || typeof v !== 'object') return String(v);
  if (v[CUSTOM]) return v[CUSTOM]();
  if (v instanceof RegExp) return String(v);
  // node shows an Error with its stack, which the evaluator does not keep
  if (v instanceof Error) throw new Unsupported('util.inspect(error)');
  if (v instanceof Date) return isNaN(+v) ? 'Invalid Date' : v.toISOString();
  const arr = Array.isArray(v);
  const map = v instanceof Map;
  const kind = map ? 'Map' : v instanceof Set ? 'Set' : '';
  // an object inside itself: node numbers each such object and marks it where it starts
  if (!seen.length) refs = new Map();
  if (seen.includes(v)) return `[Circular *${refs.get(v) ?? (refs.set(v, refs.size + 1), refs.size)}]`;
  if (lvl > 4) return arr ? '[Array]' : `[${kind || 'Object'}]`;
  const at = (x: V) => inspect(x, lvl + 2);
  seen.push(v);
  let out;
  try {
    out = arr ? items(v, at) : kind ? [...v].map((x: V) => (map ? `${at(x[0])} => ${at(x[1])}` : at(x))) : Object.entries(v).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k, false)}: ${at(x)}`);
  } finally {
    seen.pop();
  }
  const [o, c] = arr ? '[]' : [kind ? `${kind}(${v.size}) {` : `${v[CLASS] ? v[CLASS] + ' ' : ''}{`, '}'];
  const ref = refs.has(v) ? `<ref *${refs.get(v)}> ` : '';
  if (!out.length) return o + c;
  const n = out.length;
  if (arr && n > 6) out = group(out, v, lvl);
  if (out.length === n && out.reduce((a: number, s: string) => a + s.length + 1, n + lvl + o.length + ref.length + 10) <= 80 && !out.join('').includes('\n')) return `${ref}${o} ${out.join(', ')} ${c}`;
  const ind = '\n' + ' '.repeat(lvl);
  return `${ref}${o}${ind}  ${out.join(`,${ind}  `)}${ind}${c}`;
}

/** An array's first 100 entries as node shows them (a run of holes is one), then how many more items it has. */
function items(v: V[], at: (x: V) => string): string[] {
  const out: string[] = [];
  const some = (n: number, what: string) => `${n} ${what}item${n > 1 ? 's' : ''}`;
  let k = 0;
  for (; k < v.length && out.length < 100; k++) {
    let j = k;
    while (j < v.length && !(j in v)) j++;
    out.push(j > k ? `<${some(j - k, 'empty ')}>` : at(v[k]));
    if (j > k) k = j - 1;
  }
  return k < v.length ? [...out, `... ${some(v.length - k, 'more ')}`] : out;
}

function group(all: string[], v: V[], lvl: number): string[] {
  // the line of how many more items there are stays out of the columns
  const out = all.slice(0, 100);
  const len = out.map((s) => s.length);
  const total = len.reduce((a, b) => a + b + 2, 0);
  const max = Math.max(...len) + 2;
  if (!(max * 3 + lvl < 80 && (total / max > 5 || max <= 8))) return all;
  const biased = Math.max(max - 3 - Math.sqrt(max - total / all.length), 1);
  const cols = Math.min(Math.round(Math.sqrt(2.5 * biased * out.length) / biased), Math.floor((80 - lvl) / max), 12);
  if (cols <= 1) return all;
  const widths = [...Array(cols)].map((_, i) => Math.max(...len.filter((_, j) => j % cols === i)) + 2);
  const num = v.slice(0, all.length).every((x) => typeof x === 'number' || typeof x === 'bigint');
  const rows = [];
  for (let i = 0; i < out.length; i += cols) {
    const row = out.slice(i, i + cols);
    rows.push(row.map((s, j) => (j === row.length - 1 ? (num ? s.padStart(widths[j] - 2) : s) : num ? `${s}, `.padStart(widths[j]) : `${s}, `.padEnd(widths[j]))).join(''));
  }
  return [...rows, ...all.slice(100)];
}

/** python's float repr: always a point or an exponent, two exponent digits. */
// JS's toFixed drops the sign of -0; python keeps it
const pyFloat = (v: number) => (Object.is(v, -0) ? '-0.0' : Number.isNaN(v) ? 'nan' : !Number.isFinite(v) ? (v > 0 ? 'inf' : '-inf') : reprFloat(v));
// repr's shortest digits, written out from 1e-4 to 1e16 and with an exponent of two digits or more outside
const reprFloat = (v: number) => { const e = v.toExponential(), x = Number(e.slice(e.indexOf('e') + 1)); return x < -4 || x >= 16 ? exp(e) : Number.isInteger(v) ? v.toFixed(1) : String(v); };

const INT_MAX_STR = 10n ** 4300n;
/** A python instance's class and its place in memory (its default repr). */
export const PYCLS = Symbol('pycls');
const ADDR = Symbol('addr');
export const PYD = Symbol('pyd');
const isSub = (k: V, c: V): boolean => !!k && (k === c || isSub(k.base, c));
/** Attribute `k` of python class `c` or its bases; a function of it bound to `me`. */
const find = (c: V, k: string, me?: V): V => {
  for (; c; c = c.base) if (Object.hasOwn(c[PYD], k)) { const v = c[PYD][k]; return me && typeof v === 'function' && !v[PYD] ? Object.assign((...a: V[]) => v(me, ...a), { fname: v.fname, kw: true }) : v; }
};
/** The simulated address of the n-th object made. */
const at = (n: number) => '0x' + (0x7f3a2c1b5e40 + n * 48).toString(16);
export function repr(v: V): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyFloat(v);
  if (typeof v === 'string') return quote(v, true);
  if (v[PYCLS]) return find(v[PYCLS], '__repr__', v)?.() ?? `<__main__.${fname(v[PYCLS])} object at ${at(v[ADDR])}>`;
  if (v[SHOW]) return v[SHOW];
  if (v instanceof Thrown) return `${v.type}(${(v.args ?? [v.msg]).map(repr).join(', ')})`;
  if (typeof v === 'function') return `<${BUILTIN_TYPES.test(fname(v)) ? 'class' : 'built-in function'} ${fname(v)}>`.replace(/class (\w+)/, "class '$1'");
  // CPython refuses to write an int of over 4300 digits (sys.set_int_max_str_digits)
  if (typeof v === 'bigint' && (v < 0n ? -v : v) >= INT_MAX_STR) throw new Thrown('ValueError', 'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit');
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return (v as V)[TUPLE] ? `(${v.map(repr).join(', ')}${v.length === 1 ? ',' : ''})` : `[${v.map(repr).join(', ')}]`;
  if (v instanceof DictView) return `dict_${v.kind}(${repr(v.list())})`;
  if (v instanceof PyIter) return v.shown ?? `<${v.kind} object${v.name ? ' ' + v.name : ''} at ${at(v.addr)}>`;
  if (v instanceof PySet) return ((l) => (v.frozen ? `frozenset(${l})` : l))(v.used ? `{${v.list().map(repr).join(', ')}}` : v.frozen ? '' : 'set()');
  if (v instanceof Dict) return ((items) => (v.wrap ? `${v.wrap}(${items})` : items))(`{${v.items().map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(', ')}}`);
  return '{}';
}
export const pyStr = (v: V): string => (typeof v === 'string' ? v : v instanceof Thrown ? v.msg : (v?.[PYCLS] && find(v[PYCLS], '__str__', v))?.() ?? repr(v));

/** The key is the exception's argument: its message is the key's repr, its repr the key's. */
const keyError = (k: V) => Object.assign(new Thrown('KeyError', repr(k)), { args: [k] });
/** A float as a python int: infinities and NaN have none. */
const big = (r: number) => { if (!Number.isFinite(r)) throw new Thrown(r ? 'OverflowError' : 'ValueError', `cannot convert float ${r ? 'infinity' : 'NaN'} to integer`); return BigInt(r); };
/** Rounds a tie to the even neighbour. */
const half = (s: number) => { const f = Math.floor(s), d = s - f; return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f; };
const typeName = (v: V): string => (v instanceof Thrown ? v.type : v?.[PYCLS] ? fname(v[PYCLS]) : v?.[PYD] ? 'type' : v === null || v === undefined ? 'NoneType' : typeof v === 'bigint' ? 'int' : typeof v === 'number' ? 'float' : typeof v === 'boolean' ? 'bool' : typeof v === 'string' ? 'str' : typeof v === 'function' ? (v.doc === undefined ? 'builtin_function_or_method' : 'function') : Array.isArray(v) ? ((v as V)[TUPLE] ? 'tuple' : 'list') : v[SHOW]?.startsWith('<module') ? 'module' : v instanceof DictView ? 'dict_' + v.kind : v instanceof PySet ? (v.frozen ? 'frozenset' : 'set') : v instanceof PyIter ? v.kind : v.wrap ? '_Environ' : 'dict');
const pyTruth = (v: V): boolean => (v?.[PYCLS] ? objTruth(v) : !(v === null || v === undefined || v === false || v === 0 || v === 0n || v === '' || (Array.isArray(v) ? !v.length : v instanceof Sized && !v.size)));
/** An object of the program's own: its __bool__, else its __len__, else true. */
const objTruth = (v: V) => {
  const b = find(v[PYCLS], '__bool__', v), l = find(v[PYCLS], '__len__', v);
  const r = b ? b() : l ? l() !== 0n : true;
  if (typeof r !== 'boolean') throw new Thrown('TypeError', `__bool__ should return bool, returned ${typeName(r)}`);
  return r;
};
/** The method `k` of an object of the program's own, bound to it. */
const dunder = (v: V, k: string) => v?.[PYCLS] && find(v[PYCLS], k, v);
const RICH: Record<string, string> = { '<': 'lt', '>': 'gt', '<=': 'le', '>=': 'ge', '==': 'eq', '!=': 'ne', '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '//': 'floordiv', '%': 'mod' };
/** `a < b` with an object of the program's own: a's method, else b's reflected one. */
const rich = (op: string, a: V, b: V) => {
  const fa = dunder(a, `__${RICH[op]}__`), fb = dunder(b, `__${RICH[op.replace(/[<>]/, (c) => (c === '<' ? '>' : '<'))]}__`);
  if (!fa && !fb) throw new Thrown('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  return fa ? fa(b) : fb(a);
};
const num = (v: V) => (typeof v === 'boolean' ? BigInt(v) : v);
const isNum = (v: V) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
// (sequences item by item, dicts key by key in any order, views of keys or items as sets)
const pyEq = (a: V, b: V): boolean => {
  if (isNum(a) && isNum(b)) return num(a) == num(b);
  const ea = dunder(a, '__eq__'), eb = dunder(b, '__eq__');
  if (ea || eb) return pyTruth(ea ? ea(b) : eb(a));
  if (Array.isArray(a) && Array.isArray(b)) return !(a as V)[TUPLE] === !(b as V)[TUPLE] && (a as V)[SHOW] === (b as V)[SHOW] && a.length === b.length && a.every((x, k) => pyEq(x, b[k]));
  if (a instanceof Dict && b instanceof Dict) return a.size === b.size && a.keys().every((k) => b.has(k) && pyEq(a.get(k), b.get(k)));
  if (a instanceof PySet && b instanceof PySet) return a.used === b.used && a.list().every((x) => b.has(x));
  if (a instanceof DictView && b instanceof DictView) return a.kind === b.kind && a.kind < 'v' && a.size === b.size && a.list().every((x) => b.list().some((y) => pyEq(x, y)));
  return a === b || (a == null && b == null);
};
hooks.eq = pyEq;
// an object's hash: its class's __hash__, none when the class defines __eq__ alone, else its address's
hooks.hash = (v: V, key?: boolean) => {
  if (!v?.[PYCLS]) return undefined;
  for (let c = v[PYCLS]; c; c = c.base) {
    const own = (k: string) => Object.hasOwn(c[PYD], k);
    if (own('__hash__') && c[PYD].__hash__ !== null) {
      if (key) throw new Unsupported('a dict key of a class with __hash__');
      const r = find(c, '__hash__', v)();
      if (typeof r !== 'bigint' && typeof r !== 'boolean') throw new Thrown('TypeError', '__hash__ method should return an integer');
      return pyHash(r);
    }
    if (own('__hash__') || own('__eq__')) throw new Thrown('TypeError', `unhashable type: '${typeName(v)}'`);
  }
  const a = BigInt(at(v[ADDR]));
  return BigInt.asIntN(64, (a >> 4n) | (a << 60n));
};
const mod = (name: string, attrs: Record<string, V>) => Object.assign(attrs, { [SHOW]: `<module '${name}' (built-in)>` });
const fn = (name: string, f: (...a: V[]) => V) => Object.assign(f, { fname: name });
/** Keys that would lead from a value to the host's Function constructor. */
const HIDDEN = /^(constructor|prototype|__\w*)$/;

const JS_ERRORS = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError'];
const JS_OPS: Record<string, (a: V, b: V) => V> = {
  in: (a, b) => a in b,
  instanceof: (a, b) => a instanceof b,
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '%': (a, b) => a % b, '**': (a, b) => a ** b,
  '==': (a, b) => a == b, '!=': (a, b) => a != b, '===': (a, b) => a === b, '!==': (a, b) => a !== b,
  '<': (a, b) => a < b, '>': (a, b) => a > b, '<=': (a, b) => a <= b, '>=': (a, b) => a >= b,
};

// python orders numbers with numbers, strings with strings, sequences (lists with lists, tuples with tuples) item by item
const cmp = (a: V, b: V, op = '<'): number => {
  // (sorted asks only whether one is less than the other; max whether greater)
  if (a?.[PYCLS] || b?.[PYCLS]) return pyTruth(rich(op, a, b)) ? (op[0] === '<' ? -1 : 1) : 0;
  if (Array.isArray(a) && Array.isArray(b) && !(a as V)[TUPLE] === !(b as V)[TUPLE]) return a.reduce((c: number, x: V, k: number) => c || (k < b.length ? cmp(x, b[k], op) : 1), 0) || a.length - b.length;
  if (isNum(a) !== isNum(b) || (!isNum(a) && (typeof a !== 'string' || typeof b !== 'string'))) throw new Thrown('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  return num(a) < num(b) ? -1 : num(a) > num(b) ? 1 : 0;
};
/** python's binary operators on its values: ints stay exact (bigint), `/` makes a float; `v`: python's version, for the messages that changed (3.11 names the modulo). */
function pyOp(op: string, a: V, b: V, v = ''): V {
  // an object of the program's own: its method, else the other's reflected one (`__radd__`)
  const own = dunder(a, `__${RICH[op]}__`), ref = dunder(b, `__r${RICH[op]}__`);
  if (own || ref) return own ? own(b) : ref(a);
  const bad = () => new Thrown('TypeError', op === '+' && typeof a === 'string' ? `can only concatenate str (not "${typeName(b)}") to str` : `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (a instanceof PySet && b instanceof PySet && /^[-|&^]$/.test(op)) return setOp(op, a, b);
  // (a dict view's set operations build their result their own way)
  if ((a instanceof DictView || b instanceof DictView) && /^[-|&^]$/.test(op)) throw new Unsupported(`dict_keys ${op}`);
  if (op === '|' && a instanceof Dict && b instanceof Dict && !a.wrap) return new Dict([...a.items(), ...b.items()]);
  // an int's bits (a bool's stay a bool)
  if (/^([|&^]|<<|>>)$/.test(op)) {
    if (![a, b].every((x) => typeof x === 'bigint' || typeof x === 'boolean')) throw bad();
    const [x, y] = [num(a), num(b)];
    if (op.length > 1 && y < 0n) throw new Thrown('ValueError', 'negative shift count');
    const r = op === '|' ? x | y : op === '&' ? x & y : op === '^' ? x ^ y : op === '<<' ? x << y : x >> y;
    return typeof a === 'boolean' && typeof b === 'boolean' ? !!r : r;
  }
  // a list joins lists and a tuple tuples
  if (op === '+' && Array.isArray(a) && Array.isArray(b) && !(a as V)[TUPLE] === !(b as V)[TUPLE]) return Object.assign([...a, ...b], (a as V)[TUPLE] ? { [TUPLE]: true } : {});
  if (op === '+' && Array.isArray(a)) throw new Thrown('TypeError', `can only concatenate ${typeName(a)} (not "${typeName(b)}") to ${typeName(a)}`);
  // a sequence times an int, in either order, repeats it (a tuple stays one)
  const seq = (x: V) => typeof x === 'string' || Array.isArray(x);
  if (op === '*' && seq(b) && !seq(a)) [a, b] = [b, a];
  if (op === '*' && seq(a)) {
    if (typeof b !== 'bigint' && typeof b !== 'boolean') throw new Thrown('TypeError', `can't multiply sequence by non-int of type '${typeName(b)}'`);
    return typeof a === 'string' ? a.repeat(Math.max(0, Number(b))) : Object.assign([...Array(Math.max(0, Number(b)))].flatMap(() => a), { [TUPLE]: (a as V)[TUPLE] });
  }
  if (op === '%' && typeof a === 'string') return percent(a, b, v);
  if (!isNum(a) || !isNum(b)) throw bad();
  let [x, y] = [num(a), num(b)];
  const ints = typeof x === 'bigint' && typeof y === 'bigint';
  if ((op === '/' || op === '//' || op === '%') && !Number(y)) throw new Thrown('ZeroDivisionError', op === '/' ? (ints ? 'division by zero' : 'float division by zero') : ints ? (op === '%' && !/^3\.([0-9]|10)\./.test(v) ? 'integer modulo by zero' : 'integer division or modulo by zero') : op === '%' ? 'float modulo' : 'float floor division by zero');
  if (ints && !(op === '**' && y < 0n)) {
    if (op === '/') return Number(x) / Number(y);
    if (op !== '//' && op !== '%') return JS_OPS[op](x, y);
    // python's remainder takes the divisor's sign; the floor quotient is what is left, divided
    const r = x % y;
    const m = r && r < 0n !== y < 0n ? r + y : r;
    return op === '%' ? m : (x - m) / y;
  }
  [x, y] = [Number(x), Number(y)];
  return op === '//' ? Math.floor(x / y) : op === '%' ? x - y * Math.floor(x / y) : JS_OPS[op](x, y);
}

/** python's sys.version, as the official image's build says it. */
const pyBuild = (h: Host) => `${h.version} ${h.build ?? '(main, Jun  4 2025, 01:14:42) [GCC 12.2.0]'}`;

/** An interpreter with its own names; `run` evaluates one input (statements separated by `;` or newlines). */
export function interpreter(h: Host) {
  const py = h.py;
  /** python's minor release, for what changed between them. */
  const minor = py ? +h.version.split('.')[1] : 0;
  const log: string[] = [];
  /** What the program wrote to stderr (console.error, python's file=sys.stderr). */
  const errs: string[] = [];
  /** The standard streams as the program writes to them. */
  const stream = (to: string[], name: string) => ({ [SHOW]: `<_io.TextIOWrapper name='<${name}>' mode='w' encoding='utf-8'>`, write: (x: V) => (to.push(String(x)), py ? BigInt(String(x).length) : true), flush: () => null });
  const stdout = stream(log, 'stdout'), stderr = stream(errs, 'stderr');
  const servers = new Map<number, V>();
  const later: V[] = [];
  // (node: timers and promises, run once the program's own code has)
  // (the REPL shows a promise with the async ids its hooks give it)
  const tasks = py ? undefined : eventLoop((e) => caught(e), (v) => (inRepl ? no('util.inspect(promise)') : inspect(v)), (w) => no(w));
  let inRepl = false;
  /** The simulated clock, and its time when the program started (the loop's time 0). */
  const clock = h.now ?? Date.now, born = clock();
  const top: Scope = { vars: new Map() };
  let fromFile = false;
  const declared = new Map<string, string>();
  const env = { ...h.env };
  const print = (...a: V[]) => {
    const kw = a[a.length - 1]?.[KW] ? a.pop() : {};
    (kw.file ?? stdout).write(a.map(pyStr).join(kw.sep ?? ' ') + (kw.end ?? '\n'));
    return null;
  };
  const show = (a: V[]) => {
    // console.log's first string formats the arguments after it (util.format); %o shows hidden fields the evaluator does not know
    const hidden = () => { throw new Unsupported('%o'); };
    if (typeof a[0] === 'string' && a.length > 1) {
      let k = 1;
      const f = a[0].replace(/%[sdifjoOc%]/g, (m) => (m === '%%' ? '%' : k >= a.length ? m : ((v: V) => (m === '%c' ? '' : m === '%j' ? JSON.stringify(v) : m === '%o' ? hidden() : m === '%O' || (m === '%s' && v && typeof v === 'object') ? inspect(v) : typeof v === 'bigint' ? v + 'n' : m === '%s' ? String(v) : String((m === '%i' ? parseInt : m === '%f' ? parseFloat : Number)(v))))(a[k++])));
      a = [f, ...a.slice(k)];
    }
    return a.map((x) => (typeof x === 'string' ? x : inspect(x))).join(' ') + '\n';
  };
  const say = (...a: V[]) => void log.push(show(a));
  const warn = (...a: V[]) => void errs.push(show(a));
  const node = (): Record<string, V> => {
    // a member the evaluator lacks is no undefined of the real runtime
    const strict = (name: string, o: V): V => new Proxy(o, { get: (t, k) => { if (typeof k === 'symbol' || k in t) return t[k]; throw new Unsupported(`${name}.${k}`); } });
    const os = strict('os', { platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', hostname: () => h.hostname, homedir: () => env.HOME ?? '/root', EOL: '\n' });
    // a server: its port and handler; listen's callback runs once the script is done
    const http = strict('http', { createServer: fn('createServer', (handler?: V) => { const srv: V = strict('server', { listen: fn('listen', (port: V, ...a: V[]) => (servers.set(Number(port) || 0, handler), later.push(...a.filter((x) => typeof x === 'function')), srv)) }); return srv; }) });
    const builtins: Record<string, V> = { os, http, path: strict('path', nodePath(h.cwd)), fs: strict('fs', nodeFs(h.fs, h.cwd, (msg, sys) => { throw Object.assign(new Thrown('Error', msg), { sys }); })) };
    /** The program's own modules, each run once in a scope of its own; the stack is where a require inside one looks. */
    const modules = new Map<string, V>();
    const dirs: string[] = [];
    const load = (file: string, n: string): V => {
      if (modules.has(file)) return modules.get(file).exports;
      const mod: V = { exports: {} };
      modules.set(file, mod);
      const dir = file.replace(/\/[^/]*$/, '') || '/';
      const at = [line, piece] as const;
      dirs.push(dir);
      try {
        jsExec(h.fs.readFile(file), { vars: new Map<string, V>([['module', mod], ['exports', mod.exports], ['__filename', file], ['__dirname', dir]]) });
      } catch (e) {
        // (a module's own error would need its file in node's stack: the evaluator's limit)
        if (e instanceof Thrown) throw new Unsupported(`require('${n}')`);
        throw e;
      } finally {
        dirs.pop();
        [line, piece] = at;
      }
      return mod.exports;
    };
    const require = fn('require', (name: V) => {
      const n = String(name).replace(/^node:/, '');
      if (Object.hasOwn(builtins, n)) return builtins[n];
      // a package npm installed may be a function (express): calling it is as unknown as its members
      if (/^(https|events|util|crypto|child_process|net|url|stream|buffer|zlib|assert)$/.test(n)) return strict(n, {});
      if (h.exists(n)) return strict(n, fn(n, () => { throw new Unsupported(n + '()'); }));
      // a file of the program's own, beside the script (or in the working directory for -e)
      if (/^\.{0,2}\//.test(n)) {
        const dir = dirs[dirs.length - 1] ?? (h.argv?.[1]?.startsWith('/') ? h.argv[1].replace(/\/[^/]*$/, '') : h.cwd);
        const p = nodePath(dir).resolve(n);
        const file = [p, p + '.js', p + '.json'].find((f) => { try { return h.fs.resolve(f).node?.kind === 'file'; } catch { return false; } });
        if (file?.endsWith('.json')) {
          const text = h.fs.readFile(file);
          try { return JSON.parse(text); } catch (e) { throw new Thrown('SyntaxError', `${file}: ${(e as Error).message}`); }
        }
        if (file) return load(file, n);
      }
      throw new Thrown('Error', `Cannot find module '${n}'`, n);
    });
    const process = strict('process', { nextTick: tasks!.nextTick, version: h.version, platform: 'linux', env, argv: h.argv ?? ['/usr/local/bin/node'], cwd: () => h.cwd, stdout: strict('process.stdout', stdout), stderr: strict('process.stderr', stderr), exitCode: undefined, exit: (c?: V) => { throw new Exit(c); } });
    // the host's classes, so `instanceof` and e.name hold; `new` is a call here
    // (each remembers the calls it was made in: an unhandled rejection's report is the Error's stack)
    const errors = Object.fromEntries(JS_ERRORS.map((name) => { const C = (globalThis as V)[name]; return [name, Object.assign({ [name]: (...a: V[]) => { const e = new C(...a); origins.set(e, [tasks!.context(), [...running.map(([f, , by], k): [string, number, boolean | string] => [f, running[k + 1]?.[1] ?? line, by]).reverse()], running[0]?.[1] ?? line]); return e; } }[name], { prototype: C.prototype, captureStackTrace: C.captureStackTrace })]; }));
    return { ...builtins, ...errors, require, process, console: strict('console', { log: say, info: say, error: warn, warn }), Math: { ...Object.fromEntries(Object.getOwnPropertyNames(Math).map((k) => [k, (Math as V)[k]])), random: h.random }, JSON: { stringify: JSON.stringify, parse: (x: V, f?: V) => { try { return JSON.parse(x, f); } catch (e) { throw Object.assign(new Thrown('SyntaxError', (e as Error).message), { json: String(x) }); } } }, Number, String, Boolean, parseInt, parseFloat, isNaN, Object: strict('Object', { [Symbol.hasInstance]: (x: V) => x instanceof Object, keys: Object.keys, values: Object.values, entries: Object.entries, assign: Object.assign, fromEntries: Object.fromEntries }), Array: arrays(Array), ...((f = h.argv?.[1]) => (f?.startsWith('/') ? { __filename: f, __dirname: f.replace(/\/[^/]*$/, '') || '/' } : { __filename: '[eval]', __dirname: '.' }))(), ...jsClasses(() => born + Math.max(clock() - born, tasks!.elapsed())), ...tasks!.globals, true: true, false: false, null: null, undefined, NaN, Infinity, ...((g) => ({ globalThis: g, this: g }))({ [CUSTOM]: () => { throw new Unsupported('util.inspect(globalThis)'); } }), ...h.globals };
  };
  /** node's Array, but an array of millions of items (that the page would fill) is the evaluator's limit. */
  const arrays = (A: V) => {
    const n = (x: V) => { if ((typeof x === 'number' ? x : x?.length) > 1e6) throw new Unsupported('Array(n)'); return x; };
    return Object.assign(fn('Array', (...a: V[]) => A(...a.map(n))), { prototype: A.prototype, isArray: A.isArray, of: A.of, from: (x: V, ...a: V[]) => A.from(n(x), ...a) });
  };
  const newSet = (frozen = false) => new PySet(frozen, minor > 9);
  const python = (): Record<string, V> => {
    const int = (x: V, base?: V) => (base !== undefined ? (() => { throw new Unsupported('int(x, base)'); })() : typeof x === 'string' ? (/^\s*[-+]?\d+\s*$/.test(x) ? BigInt(x.trim()) : (() => { throw new Thrown('ValueError', `invalid literal for int() with base 10: ${repr(x)}`); })()) : isNum(x) ? big(Math.trunc(Number(num(x)))) : (() => { throw new Thrown('TypeError', `int() argument must be a string, a bytes-like object or a ${minor < 10 ? '' : 'real '}number, not '${typeName(x)}'`); })());
    const float = (x: V) => { const t = typeof x === 'string' && /^\s*([-+]?)(inf(inity)?|(nan))\s*$/i.exec(x); const f = t ? (t[4] ? NaN : t[1] === '-' ? -Infinity : Infinity) : Number(typeof x === 'string' ? x.trim() || 'x' : num(x)); if (Number.isNaN(f) && typeof x === 'string' && !t) throw new Thrown('ValueError', `could not convert string to float: ${repr(x)}`); return f; };
    const len = (...a: V[]) => { if (a.length !== 1) throw new Thrown('TypeError', `len() takes exactly one argument (${a.length} given)`); const x = a[0]; if (typeof x === 'string' || Array.isArray(x)) return BigInt(x.length); if (x instanceof Sized) return BigInt(x.size); const f = dunder(x, '__len__'); if (f) return f(); throw new Thrown('TypeError', `object of type '${typeName(x)}' has no len()`); };
    const iter = (x: V): V[] => (typeof x === 'string' ? [...x] : Array.isArray(x) ? x : x?.readlines ? x.readlines() : x instanceof Sized ? x.list() : x instanceof PyIter || x?.[PYCLS] ? drain(toIter(x)) : (() => { throw new Thrown('TypeError', `'${typeName(x)}' object is not iterable`); })());
    const drain = (it: PyIter) => {
      const out: V[] = [];
      for (let v; (v = it.pull()) !== END; out.push(v)) if (out.length >= 100000) throw endless();
      return out;
    };
    /** iter(): an iterator as it is, an object's by __iter__ (its __next__ until StopIteration) or __getitem__ (until IndexError), a sequence's over its items. */
    const toIter = (x: V): PyIter => {
      if (x instanceof PyIter) return x;
      const stop = (f: () => V, end: RegExp) => () => { try { return f(); } catch (e) { if (e instanceof Thrown && end.test(e.type)) return END; throw e; } };
      const f = dunder(x, '__iter__'), g = dunder(x, '__getitem__');
      if (f) {
        const r = f(), n = dunder(r, '__next__');
        if (r instanceof PyIter) return r;
        if (!n) throw new Thrown('TypeError', `iter() returned non-iterator of type '${typeName(r)}'`);
        return new PyIter(typeName(r), stop(n, /^StopIteration$/));
      }
      let k = 0n;
      if (g) return new PyIter('iterator', stop(() => g(k++), /^(IndexError|StopIteration)$/));
      const t = typeName(x);
      return seqIter(x?.[SHOW]?.startsWith('range') ? 'range_iterator' : t === 'dict' ? 'dict_keyiterator' : t === 'str' && minor > 11 && /^[\0-\x7f]*$/.test(x) ? 'str_ascii_iterator' : t + '_iterator', iter(x), objs++);
    };
    /** enumerate and zip of an iterator go item by item, as each is taken. */
    const lazy = (kind: string, a: V[], f: (vs: V[]) => V) => {
      const its = a.map(toIter);
      return Object.assign(new PyIter(kind, () => { const vs: V[] = []; for (const it of its) { const v = it.pull(); if (v === END) return END; vs.push(v); } return f(vs); }, objs++), { from: () => its });
    };
    /** Whether an item's truth is `t`, taken up to the first that is. */
    const decides = (a: V, t: boolean) => { const it = toIter(a); for (let v; (v = it.pull()) !== END;) if (pyTruth(v) === t) return true; return false; };
    const tuple = (l: V[]) => Object.assign(l, { [TUPLE]: true });
    // (made whole: one too big for the page's memory is refused, where CPython's counts as it goes)
    const range = (a: V, b?: V, s: V = 1n) => { if (b === undefined) [a, b] = [0n, a]; if (s === 0n) throw new Thrown('ValueError', 'range() arg 3 must not be zero'); if ((b - a) / s > 10_000_000n) throw new Unsupported('a range of more than 10000000 items'); const r: V = []; for (let i = a; s > 0n ? i < b : i > b; i += s) r.push(i); r[SHOW] = `range(${a}, ${b}${s === 1n ? '' : ', ' + s})`; return r; };
    const real = (x: V, msg: string) => { if (!isNum(x)) throw new Thrown('TypeError', msg); return num(x); };
    const opts = (a: V[]) => (a[a.length - 1]?.[KW] ? a.pop() : {});
    /** sorted()'s order: by `key`, stable, `reverse` keeping equal items in their order. */
    const order = (l: V[], kw: V) => {
      const ks = l.map((x) => (kw.key ? kw.key(x) : x));
      // python asks whether the later item is less than the earlier
      return l.map((_, k) => k).sort((x, y) => (kw.reverse ? -1 : 1) * (x > y ? cmp(ks[x], ks[y]) : -cmp(ks[y], ks[x])) || x - y).map((k) => l[k]);
    };
    const most = (name: string, sign: number) => (...a: V[]) => {
      const kw = opts(a);
      const l = a.length === 1 ? iter(a[0]) : a;
      if (!l.length) { if ('default' in kw) return kw.default; throw new Thrown('ValueError', /^3\.([0-9]|1[01])\./.test(h.version) ? `${name}() arg is an empty sequence` : `${name}() iterable argument is empty`); }
      return l.reduce((x: V, y: V) => (cmp(kw.key ? kw.key(y) : y, kw.key ? kw.key(x) : x, sign > 0 ? '>' : '<') * sign > 0 ? y : x));
    };
    // math's functions take numbers only, and a NaN out of numbers is a domain error
    const f = (m: (...a: V[]) => number) => (...a: V[]) => {
      const bad = a.find((x) => !isNum(x));
      if (bad !== undefined) throw new Thrown('TypeError', `must be real number, not ${typeName(bad)}`);
      const x = a.map((v) => Number(num(v))), r = m(...x);
      if (Number.isNaN(r) && !x.some(Number.isNaN)) throw new Thrown('ValueError', 'math domain error');
      return r;
    };
    const toInt = (m: (x: number) => number) => fn(m.name, (x: V) => big(m(Number(num(x)))));
    const math = mod('math', { pi: Math.PI, e: Math.E, sqrt: fn('sqrt', f(Math.sqrt)), pow: fn('pow', f(Math.pow)), floor: toInt(Math.floor), ceil: toInt(Math.ceil) });
    // json.dumps: python escapes what is not ASCII
    const jstr = (x: string) => JSON.stringify(x).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    // (a dict's keys become strings; what is no JSON value fails deep in the json module, whose frames the traceback would show)
    const dumps = (v: V): string => (v == null ? 'null' : typeof v === 'boolean' ? String(v) : typeof v === 'string' ? jstr(v) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : isNum(v) ? repr(v) : Array.isArray(v) && !(v as V)[SHOW] ? `[${v.map(dumps).join(', ')}]` : v instanceof Dict ? `{${v.items().map(([k, x]) => `${typeof k === 'string' ? jstr(k) : `"${k == null || isNum(k) ? dumps(k) : nojson(k)}"`}: ${dumps(x)}`).join(', ')}}` : nojson(v));
    const nojson = (x: V) => { throw new Unsupported(`json.dumps(${typeName(x)})`); };
    // JSON.parse, once each key is marked as no integer (which a JS object would put first) and each number
    // as text (which tells an int from a float); what is no JSON fails inside the json module, refused
    const loads = (s: V) => {
      try {
        return JSON.parse(s.replace(/("(?:\\.|[^"\\])*")(\s*:)?|-?\d+(\.\d+)?([eE][-+]?\d+)?/g, (m: string, q?: string, key?: string) => (q ? (key ? '"\\u0001' + m.slice(1) : m) : `{"\\u0002":"${m}"}`)), (_k, x) =>
          !x || typeof x !== 'object' || Array.isArray(x) ? x : Object.hasOwn(x, '\u0002') ? (/[.eE]/.test(x['\u0002']) ? +x['\u0002'] : BigInt(x['\u0002'])) : pyDict(Object.entries(x).map(([k, y]) => [k.slice(1), y])));
      } catch {
        throw new Unsupported('json.loads(…)');
      }
    };
    const version = pyBuild(h);
    // the container's files: an OSError of errno's class, with its number and the C library's text
    const io = <T>(p: string, f: () => T): T => {
      try {
        return f();
      } catch (e) {
        const [n, cls] = ({ ENOENT: [2, 'FileNotFound'], EEXIST: [17, 'FileExists'], ENOTDIR: [20, 'NotADirectory'], EISDIR: [21, 'IsADirectory'], EACCES: [13, 'Permission'] } as Record<string, [number, string]>)[(e as V)?.code] ?? [5, 'OS'];
        throw Object.assign(new Thrown(cls + 'Error', `[Errno ${n}] ${reason(e)}: ${repr(p)}`), { args: [BigInt(n), reason(e)], attrs: { errno: BigInt(n), strerror: reason(e), filename: p } });
      }
    };
    const node = (p: string) => {
      try {
        return h.fs.resolve(p, h.cwd).node;
      } catch {
        return undefined;
      }
    };
    /** A text file: read at open, written through at each write. */
    const open = (p: V, mode: V = 'r') => {
      if (/[b+x]/.test(mode)) throw new Unsupported(`open(mode=${repr(mode)})`);
      if (/[wa]/.test(mode)) io(p, () => h.fs.writeFile(p, '', h.cwd, mode === 'a'));
      const text = mode === 'r' ? io(p, () => h.fs.readFile(p, h.cwd)) : '';
      let at = 0;
      const lines = () => text.slice(at, (at = text.length)).split(/(?<=\n)/).filter(Boolean);
      return { [SHOW]: `<_io.TextIOWrapper name=${repr(p)} mode=${repr(mode)} encoding='UTF-8'>`, read: () => text.slice(at, (at = text.length)), readlines: lines, readline: () => text.slice(at, (at = text.indexOf('\n', at) + 1 || text.length)), write: (x: V) => (io(p, () => h.fs.writeFile(p, x, h.cwd, true)), BigInt(x.length)), close: () => null };
    };
    let slept = 0;
    const environ = Object.assign(pyDict(Object.entries(env)), { wrap: 'environ' });
    const modules: Record<string, V> = {
      sys: mod('sys', { version, platform: 'linux', argv: h.argv ?? [''], stdout, stderr, exit: (c?: V) => { throw new Exit(c); } }),
      os: mod('os', { name: 'posix', environ, getcwd: () => h.cwd, getenv: (k: V, d: V = null) => (environ.has(k) ? environ.get(k) : d), listdir: (p: V = '.') => io(p, () => listDir(h.fs, p, h.cwd)),
        path: mod('posixpath', { exists: (p: V) => exists(h.fs, p, h.cwd), isdir: (p: V) => node(p)?.kind === 'dir', isfile: (p: V) => node(p)?.kind === 'file', join: (...a: V[]) => a.reduce((x, y) => (y[0] === '/' ? y : !x || x.endsWith('/') ? x + y : x + '/' + y)), basename: (p: V) => p.slice(p.lastIndexOf('/') + 1), dirname: (p: V) => p.slice(0, p.lastIndexOf('/') + 1).replace(/(?!^)\/+$/, '') }) }),
      math,
      json: mod('json', { dumps, loads, load: (f: V) => loads(f.read()) }),
      // (the program runs at once: its clock counts the seconds it slept)
      time: mod('time', { time: () => h.now!() / 1000 + slept, sleep: (x: V) => ((slept += Number(num(x))), null) }),
      // (seeded, CPython's own sequence)
      random: mod('random', randomModule(h.random)),
      itertools: mod('itertools', itertoolsModule({ iter: toIter, tuple, add: (a, b) => pyOp('+', a, b), eq: pyEq, opts, addr: () => objs++, repr })),
    };
    const b: Record<string, V> = {
      isinstance: (x: V, c: V): boolean => (Array.isArray(c) ? c.some((k) => b.isinstance(x, k)) : c?.[PYD] ? isSub(x?.[PYCLS], c) : c?.exc ? isA(x?.type, c) : fname(c) === typeName(x) || (fname(c) === 'int' && typeof x === 'boolean')),
      print, len, int, float, range, repr, open, format: (v: V, spec?: V) => formatSpec(v, spec),
      str: pyStr, bool: (x: V) => pyTruth(x), abs: (x: V) => (real(x, `bad operand type for abs(): '${typeName(x)}'`) < 0 ? -num(x) : num(x)),
      // half to even, as CPython rounds the exact binary value; with no ndigits an int
      round: (x: V, n?: V) => { const v = Number(real(x, `type ${typeName(x)} doesn't define __round__ method`)), r = n == null ? half(v) : n >= 0 ? Number(fixed(v, Number(n))) : half(v / 10 ** -Number(n)) * 10 ** -Number(n); return n == null ? toInt(Math.trunc)(r) : typeof x === 'bigint' ? BigInt(r) : r; },
      max: most('max', 1), min: most('min', -1),
      // 3.12 on adds floats with Neumaier's compensation (sum([0.1] * 10) == 1.0)
      sum: (a: V) => {
        let t: V = 0n, c = 0;
        for (const y of iter(a)) {
          if (minor > 11 && typeof t === 'number' && isNum(y)) { const x = Number(num(y)), s = t + x; c += Math.abs(t) >= Math.abs(x) ? t - s + x : x - s + t; t = s; } else t = pyOp('+', t, y);
        }
        return typeof t === 'number' && Number.isFinite(c) ? t + c : t;
      },
      sorted: (...a: V[]) => order([...iter(a[0])], opts(a)), hash: (x: V) => pyHash(x),
      set: (x?: V) => ((r) => (x === undefined || r.update(x, () => iter(x)), r))(newSet()), frozenset: (x?: V) => ((r) => (x === undefined || r.update(x, () => iter(x)), r))(newSet(true)),
      list: (a: V = []) => [...iter(a)], tuple: (a: V = []) => tuple([...iter(a)]),
      enumerate: (...a: V[]) => { let st = opts(a).start ?? a[1] ?? 0n; return a[0] instanceof PyIter ? lazy('enumerate', [a[0]], ([x]) => tuple([st++, x])) : iter(a[0]).map((x, k) => tuple([BigInt(k) + st, x])); },
      zip: (...a: V[]) => a.some((x) => x instanceof PyIter) ? lazy('zip', a, tuple) : iter(a[0]).slice(0, Math.min(...a.map((x) => iter(x).length))).map((_, k) => tuple(a.map((x) => iter(x)[k]))),
      // (iterators: each item made as it is taken)
      map: (f: V, ...a: V[]) => lazy('map', a, (vs) => f(...vs)), filter: (f: V, a: V) => ((it: PyIter) => Object.assign(new PyIter('filter', () => { for (let v; (v = it.pull()) !== END;) if (pyTruth(f === null ? v : f(v))) return v; return END; }, objs++), { from: () => [it] }))(toIter(a)),
      // (they stop at the first item that decides)
      any: (a: V) => decides(a, true), all: (a: V) => !decides(a, false),
      iter: toIter,
      next: (it: V, ...d: V[]) => {
        const n = dunder(it, '__next__');
        if (n) return n();
        if (!(it instanceof PyIter)) throw new Thrown('TypeError', `'${typeName(it)}' object is not an iterator`);
        const v = it.pull();
        if (v !== END) return v;
        if (d.length) return d[0];
        throw Object.assign(new Thrown('StopIteration', it.ret == null ? '' : pyStr(it.ret)), { args: it.ret == null ? [] : [it.ret] });
      }, reversed: (a: V) => { if (a instanceof PyIter || a instanceof PySet) throw new Thrown('TypeError', `'${typeName(a)}' object is not reversible`); const kind = ((t) => (t === 'list' ? 'list_reverseiterator' : t === 'dict' ? 'dict_reversekeyiterator' : a?.[SHOW]?.startsWith('range') ? 'range_iterator' : 'reversed'))(typeName(a));
        // (a list's goes down from its end by index, as the list is when each item is taken)
        let k = Array.isArray(a) ? a.length : -1;
        return k < 0 ? seqIter(kind, [...iter(a)].reverse(), objs++) : new PyIter(kind, () => (--k >= 0 && k < a.length ? a[k] : ((k = 0), END)), objs++);
      },
      // from keywords, a dict, or pairs (a list of them, zip…), then keywords
      dict: (...a: V[]) => { const kw = opts(a), d = pyDict(a[0] instanceof Dict ? a[0].items() : a.length ? iter(a[0]).map((p) => globals.list(p) as [V, V]) : []); Object.entries(kw).forEach(([k, v]) => d.set(k, v)); return d; },
      // the builtin class itself, so that `type(x) is list` and `type(e).__name__` hold
      type: (x: V) => x?.[PYCLS] ?? x?.cls ?? b[x instanceof Thrown ? x.type : BUILTIN_TYPES.test(typeName(x)) ? typeName(x) : ''] ?? Object.assign(fn(typeName(x).replace(/.*\./, ''), () => { throw new Unsupported(typeName(x)); }), { [SHOW]: `<class '${x?.wrap ? 'os.' : ''}${typeName(x)}'>` }),
      input: () => { throw new Unsupported('input()'); }, help: () => null, exit: (c?: V) => { throw new Exit(c); }, quit: (c?: V) => { throw new Exit(c); },
      True: true, False: false, None: null, __name__: '__main__',
      __import__: (n: string) => modules[n],
      // (a module run from a file, stdin or 3.13's REPL knows where it came from)
      ...attrBuiltins((o, k) => member(o, k), typeName, minor, () => !running.length && [`annotations builtins ${fromFile ? 'cached file ' : ''}doc loader name package spec`, [...top.vars.keys()]]),
    };
    for (const [k, v] of Object.entries(b)) if (typeof v === 'function') fn(k, v);
    return Object.assign(b, excClasses());
  };
  const globals = py ? python() : node();
  const truth = py ? pyTruth : (v: V) => !!v;
  /** Modules python imports silently but the evaluator gives no attributes. */
  const STDLIB = new Set('abc argparse array ast asyncio base64 bisect calendar collections concurrent configparser contextlib copy csv ctypes dataclasses datetime decimal difflib email enum fnmatch fractions functools getpass glob gzip hashlib heapq hmac html http importlib inspect io ipaddress itertools logging multiprocessing operator pathlib pickle platform pprint queue re secrets select shlex shutil signal socket sqlite3 ssl statistics string struct subprocess tempfile textwrap threading time timeit traceback types typing unittest urllib uuid venv warnings weakref xml zipfile zlib'.split(' '));

  /** 3.10 on: the attribute it may have meant. */
  const attrHint = (k: string, names: string[]) => (minor < 10 ? undefined : meant(nearest(k, names)));
  /** A class's attributes and its bases'. */
  const classAttrs = (c: V): string[] => (c ? [...Object.keys(c[PYD]), ...classAttrs(c.base)] : []);
  /** Builtins the evaluator lacks, which python may still suggest for a mistyped name. */
  const BUILTINS = 'NotImplemented chr ord hex bin oct divmod pow id delattr issubclass globals locals object super bytes callable format property staticmethod classmethod slice complex bytearray eval exec compile ascii'.split(' ');
  const lookup = (s: Scope, name: string): V => {
    for (let c: Scope | undefined = s; c; c = c.up) {
      if (c.vars.has(name)) return c.vars.get(name) === SUPER ? noThis() : c.vars.get(name);
      if (c.loc?.has(name)) throw new Thrown('UnboundLocalError', minor < 11 ? `local variable '${name}' referenced before assignment` : `cannot access local variable '${name}' where it is not associated with a value`, name);
    }
    // (dir() names the scope it is called in: only the module's is known)
    if (py && name === 'dir' && s !== top) return fn('dir', (...a: V[]) => (a.length ? globals.dir(...a) : no('dir()')));
    if (Object.hasOwn(globals, name)) return globals[name];
    // the runtime's own names the evaluator lacks are not unknown names
    if (py ? BUILTINS.includes(name) || /^(\w+Error|Exception)$/.test(name) : /^(Date|Set|Map|Array|ArrayBuffer|\w+Array|DataView|Text(En|De)coder|AbortController|atob|btoa|Symbol|BigInt|RegExp|\w*Error|Buffer|URL\w*|fetch|Intl|Reflect|Proxy|Weak\w+|global|module|exports|__(dir|file)name|Function|eval|(en|de)codeURI\w*|isFinite|structuredClone|performance)$/.test(name) && !(esm && /^(exports|__(dir|file)name)$/.test(name))) throw new Unsupported(name);
    // (node: a name the program declares further on, at its top level, is there before its declaration runs: a var as undefined)
    const later = !py && new RegExp(`^(let|const|var)\\s+${name}\\b`, 'm').exec(lines.join('\n'))?.[1];
    if (later === 'var') return undefined;
    throw Object.assign(new Thrown(py ? 'NameError' : 'ReferenceError', later ? `Cannot access '${name}' before initialization` : py ? `name '${name}' is not defined` : `${name} is not defined`, name), { hint: py ? nameHint(s, name) : undefined });
  };
  /** 3.10 on names the nearest of the function's, the module's and the builtin names; 3.12 an attribute of self, or a module not imported. */
  const nameHint = (s: Scope, name: string) => {
    if (minor < 10) return undefined;
    const me = s.vars.get('self');
    if (minor > 11 && me?.[PYCLS] && (Object.hasOwn(me, name) || find(me[PYCLS], name, me) !== undefined)) return meant('self.' + name);
    const hit = nearest(name, [...(s === top ? [] : s.vars.keys()), ...top.vars.keys(), ...Object.keys(globals), ...BUILTINS]);
    return minor > 11 && (STDLIB.has(name) || /^(sys|os|math|json|random)$/.test(name)) ? `${hit === undefined ? '.' : meant(hit) + ' Or'} did you forget to import '${name}'?`.replace('. did', '. Did') : meant(hit);
  };

  const noSet = (o: V, k: V) => { throw new Thrown('TypeError', `Cannot set properties of ${o} (setting '${String(k)}')`); };
  /** Member `k` of `o`: JS reads the host's own property (methods included), python its own table. */
  const member = (o: V, k: V): V => {
    if (!py) {
      if (o === null || o === undefined) throw new Thrown('TypeError', `Cannot read properties of ${o} (reading '${String(k)}')`);
      // a function of the program's own: the name V8 gives it and its count of parameters
      if (typeof o === 'function' && (k === 'name' || k === 'length') && o.flen !== undefined) return k === 'name' ? o.fname : o.flen;
      // (a class's constructor and prototype are the evaluator's own)
      if (HIDDEN.test(String(k))) throw new Unsupported('.' + String(k));
      return o[k];
    }
    // a def's or class's docstring (a builtin's is a text the evaluator lacks; 3.13 strips the indentation of one of many lines)
    if (k === '__doc__') {
      const c = (o?.[PYCLS] ?? o)?.[PYD], d = c ? c.__doc__ : o?.doc;
      if (d === undefined || /\n/.test(d) && minor > 12) throw new Unsupported(`${typeName(o)}.__doc__`);
      return d;
    }
    if (o?.[SUPER] || o?.[PYCLS] || o?.[PYD]) {
      // super(): the bases' attributes on the instance, object's __init__ at the end
      const [c, me] = o[SUPER] ?? (o[PYD] ? [o] : [o[PYCLS], o]);
      const v = me && !o[SUPER] && Object.hasOwn(o, k) ? o[k] : find(c, k, me) ?? (o[SUPER] && k === '__init__' ? () => null : undefined);
      if (v === undefined) throw Object.assign(new Thrown('AttributeError', o[PYD] ? `type object '${fname(o)}' has no attribute '${k}'` : `'${o[SUPER] ? 'super' : typeName(o)}' object has no attribute '${k}'`), { hint: attrHint(k, [...Object.keys(me ?? {}), ...classAttrs(c)]) });
      return v;
    }
    // (an iterator's send, close, __next__…)
    if (o instanceof PyIter) return o.methods?.[k] ?? no(`${o.kind}.${k}`);
    // (a generator's return value)
    if (o instanceof Thrown && o.type === 'StopIteration' && k === 'value') return o.args?.[0] ?? null;
    if (o instanceof Thrown && k === 'args') return Object.assign([...(o.args ?? [o.msg])], { [TUPLE]: true });
    // (an OSError's errno, strerror and filename)
    if (o instanceof Thrown && o.attrs && Object.hasOwn(o.attrs, k)) return o.attrs[k];
    // a function's (or builtin class's) name
    if (typeof o === 'function' && !o[PYD] && k === '__name__') return fname(o);
    // `str.lower`: a method taken from its class
    if (o === globals.str && !/^__/.test(k)) throw new Unsupported(`str.${k}`);
    const own = (m: Record<string, V>) => (Object.hasOwn(m, k) ? m[k] : undefined);
    const at = (x: V, msg = `${repr(x)} is not in list`) => { const i = o.findIndex((y: V) => pyEq(x, y)); if (i < 0) throw new Thrown('ValueError', msg); return i; };
    const methods: Record<string, V> | undefined = typeof o === 'string'
      ? { upper: () => o.toUpperCase(), lower: () => o.toLowerCase(), strip: (c?: V) => trim(o, c, 3), lstrip: (c?: V) => trim(o, c, 1), rstrip: (c?: V) => trim(o, c, 2), count: (x: V) => BigInt(o.split(x).length - 1), isdigit: () => /^\d+$/.test(o), isalpha: () => /^\p{L}+$/u.test(o), isalnum: () => /^[\p{L}\d]+$/u.test(o), isspace: () => /^\s+$/.test(o), isupper: () => /\p{Lu}/u.test(o) && !/\p{Ll}/u.test(o), islower: () => /\p{Ll}/u.test(o) && !/\p{Lu}/u.test(o),
        zfill: (w: V) => o.replace(/^[-+]?/, (x) => x + '0'.repeat(Math.max(0, Number(w) - o.length))), ljust: (w: V, f = ' ') => o.padEnd(Number(w), f), rjust: (w: V, f = ' ') => o.padStart(Number(w), f), center: (w: V, f = ' ') => { const n = Math.max(0, Number(w) - o.length), l = (n >> 1) + (n & Number(w) & 1); return f.repeat(l) + o + f.repeat(n - l); },
        index: (x: V) => { const k = o.indexOf(x); if (k < 0) throw new Thrown('ValueError', 'substring not found'); return BigInt(k); }, rfind: (x: V) => BigInt(o.lastIndexOf(x)), splitlines: () => (o ? o.replace(/\n$/, '').split(/\r?\n/) : []), title: () => o.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()), capitalize: () => o.charAt(0).toUpperCase() + o.slice(1).toLowerCase(), split: (sep?: V, max?: V) => { if (max !== undefined && (sep == null || max < 0n)) throw new Unsupported('str.split(maxsplit)'); const l = sep == null ? o.trim().split(/\s+/).filter(Boolean) : o.split(sep); return max === undefined || l.length <= Number(max) + 1 ? l : [...l.slice(0, Number(max)), l.slice(Number(max)).join(sep)]; }, join: (l: V) => (globals.list as (x: V) => V[])(l).map((x, k) => { if (typeof x !== 'string') throw new Thrown('TypeError', `sequence item ${k}: expected str instance, ${typeName(x)} found`); return x; }).join(o), replace: (a: V, b: V, n = -1n) => ((p) => (n < 0 ? o.replaceAll(a, b) : p.slice(0, Number(n) + 1).join(b) + (p.length > n + 1n ? a + p.slice(Number(n) + 1).join(a) : '')))(o.split(a)), format: (...a: V[]) => strFormat(o, a, a[a.length - 1]?.[KW] ? a.pop() : {}), startswith: (p: V) => [p].flat().some((x) => o.startsWith(x)), endswith: (p: V) => [p].flat().some((x) => o.endsWith(x)), find: (p: V) => BigInt(o.indexOf(p)) }
      : Array.isArray(o) && (!(o as V)[TUPLE] || /^(count|index)$/.test(k)) ? { append: (x: V) => (o.push(x), null), pop: (i: V = -1n) => { const k = Number(i) < 0 ? o.length + Number(i) : Number(i); if (k < 0 || k >= o.length) throw new Thrown('IndexError', o.length ? 'pop index out of range' : 'pop from empty list'); return o.splice(k, 1)[0]; }, insert: (i: V, x: V) => (o.splice(Number(i), 0, x), null), reverse: () => (o.reverse(), null), sort: (...a: V[]) => (o.splice(0, o.length, ...globals.sorted(o, ...a)), null), index: (x: V) => BigInt(at(x)), extend: (x: V) => (o.push(...globals.list(x)), null), remove: (x: V) => (o.splice(at(x, 'list.remove(x): x not in list'), 1), null), count: (x: V) => BigInt(o.filter((y) => pyEq(x, y)).length), copy: () => [...o], clear: () => ((o.length = 0), null) }
      : o instanceof PySet ? setMethods(o, globals.list, keyError)
      : o instanceof Dict ? { keys: () => new DictView('keys', o), values: () => new DictView('values', o), items: () => new DictView('items', o), get: (x: V, d: V = null) => (o.has(x) ? o.get(x) : d), copy: () => pyDict(o.items()), clear: () => (o.m.clear(), null),
        update: (...a: V[]) => (globals.dict(...a).items().forEach(([k, v]: V[]) => o.set(k, v)), null), setdefault: (x: V, d: V = null) => (o.has(x) ? o.get(x) : (o.set(x, d), d)),
        pop: (x: V, ...d: V[]) => { if (!o.has(x)) { if (d.length) return d[0]; throw keyError(x); } const v = o.get(x); o.delete(x); return v; } } : undefined;
    // a method of str, list or dict the evaluator lacks is no missing attribute
    if (methods && !Object.hasOwn(methods, k) && /^(is\w+|r?partition|rindex|rsplit|remove(prefix|suffix)|casefold|expandtabs|swapcase|translate|maketrans|encode|format_map|popitem|fromkeys|\w+_update)$/.test(k)) throw new Unsupported(`${typeName(o)}.${k}`);
    const v = methods ? own(methods) : isObj(o) && o[SHOW] && !HIDDEN.test(k) ? own(o) : undefined;
    // a module's attribute the evaluator lacks may well be a real one
    if (v === undefined && typeName(o) === 'module') throw new Unsupported(`${/'(\w+)'/.exec(o[SHOW])![1]}.${k}`);
    if (v === undefined) throw Object.assign(new Thrown('AttributeError', `'${typeName(o)}' object has no attribute '${k}'`), { hint: attrHint(k, Object.keys(methods ?? {})) });
    return methods ? fn(k, v) : v;
  };
  /** python's str.strip (`how` 1: the start, 2: the end, 3: both) of whitespace or of the characters `c`. */
  const trim = (s: string, c: V, how: number) => {
    const set = c ?? ' \t\n\r\v\f';
    while (how & 1 && s && set.includes(s[0])) s = s.slice(1);
    while (how & 2 && s && set.includes(s[s.length - 1])) s = s.slice(0, -1);
    return s;
  };
  /** python's `x[a:b:step]`, whose bounds are clamped and counted from the end when negative. */
  const slice = (x: V, a: V, b: V, by: V) => {
    if (x?.[PYCLS]) throw new Unsupported('a slice of an object');
    const n = x.length, st = Number(by);
    if (!st) throw new Thrown('ValueError', 'slice step cannot be zero');
    const at = (v: V, d: number) => (v == null ? d : Math.min(Math.max(Number(v) < 0 ? Number(v) + n : Number(v), st < 0 ? -1 : 0), st < 0 ? n - 1 : n));
    const r = [];
    for (let k = at(a, st < 0 ? n - 1 : 0), end = at(b, st < 0 ? -1 : n); st > 0 ? k < end : k > end; k += st) r.push(x[k]);
    return typeof x === 'string' ? r.join('') : Object.assign(r, { [TUPLE]: x[TUPLE] });
  };
  const index = (o: V, k: V): V => {
    if (!py) return member(o, k);
    if (Array.isArray(o) || typeof o === 'string') {
      if (typeof k !== 'bigint') throw new Thrown('TypeError', `${typeName(o) === 'str' ? 'string' : typeName(o)} indices must be integers or slices, not ${typeName(k)}`);
      const i = Number(k < 0n ? BigInt(o.length) + k : k);
      if (i < 0 || i >= o.length) throw new Thrown('IndexError', `${typeName(o) === 'str' ? 'string' : typeName(o)} index out of range`);
      return o[i];
    }
    if (o instanceof Dict) {
      if (!o.has(k)) throw keyError(k);
      return o.get(k);
    }
    const f = dunder(o, '__getitem__');
    if (f) return f(k);
    throw new Thrown('TypeError', `'${typeName(o)}' object is not subscriptable`);
  };

  /** Parses one expression or statement of `src` into closures. */
  function parser(src: string) {
    const t = lex(src, py);
    let i = 0;
    const peek = (o = 0) => t[i + o];
    /** The token is `v` (a string token's text keeps its quotes: it is never a keyword or operator). */
    const is = (v: string, o = 0) => t[i + o].v === v;
    /** A value right after a whole expression: inside brackets 3.10 on marks both, a comma likely missing between them. */
    let probing = false;
    const comma = (s0: number): never => {
      const k = i, open = depth(k);
      let z = -1;
      probing = true;
      try { expr(); z = end(); } catch { /* no second expression */ }
      [i, probing] = [k, false];
      if (minor > 9 && open > 0 && z > 0) throw syntax('invalid syntax. Perhaps you forgot a comma?', s0, z);
      return fail();
    };
    const fail = (): never => {
      // what ends before it is complete goes on in the next line (python: only inside brackets)
      if (!t[i].k && (!py || depth(t.length) > 0)) throw new Open();
      throw syntax(py ? 'invalid syntax' : !t[i].k ? 'Unexpected end of input' : unexpected(t[i]), t[i].p, t[i].p + Math.max(1, t[i].v.length));
    };
    /** How many brackets are open before token `k`. */
    const depth = (k: number) => t.slice(0, k).reduce((d, x) => d + dep(x.v), 0);
    const eat = (v: string) => (is(v) ? (i++, true) : false);
    const need = (v: string) => void (eat(v) || fail());
    /** An item of an array or of a call's arguments, which JS may spread (`...nums`). */
    const item = (): E => (eat(py ? '*' : '...') ? ((e: E) => (s: Scope) => ({ [SPREAD]: e(s) }))(expr()) : expr());
    /** `args`: a JS call's, where V8 wants a `)` after an argument that is not followed by a comma. */
    const list = (close: string, item: () => E, args = false): E[] => {
      const r: E[] = [];
      while (!eat(close)) {
        r.push(item());
        if (!eat(',')) {
          if (args && !py && peek().k && !is(close)) throw syntax('missing ) after argument list', t[i - 1].p, end());
          need(close);
          break;
        }
      }
      return r;
    };
    const BIN: Record<string, number> = py
      ? { or: 1, and: 2, '==': 4, '!=': 4, '<': 4, '>': 4, '<=': 4, '>=': 4, in: 4, not: 4, is: 4, '|': 5, '^': 6, '&': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '//': 10, '%': 10, '**': 12 }
      : { '??': 1, '||': 1, '&&': 2, '==': 4, '!=': 4, '===': 4, '!==': 4, '<': 5, '>': 5, '<=': 5, '>=': 5, instanceof: 5, in: 5, '+': 6, '-': 6, '*': 7, '/': 7, '%': 7, '**': 9 };
    const fnBody = (params: string[], body: E, name = ''): E => (s) => Object.assign(fn(name, (...a: V[]) => body({ vars: bind(params, a, s), up: s })), { flen: arity(params) });
    /** The token that closes the bracket at `k` (the end of input when none does). */
    const match = (k: number) => {
      for (let d = 0; k < t.length - 1; k++) if (!(d += dep(t[k].v))) break;
      return k;
    };
    /** The parameters' text between the brackets at `a` and `b`. */
    const paramsIn = (a: number, b: number) => params(src.slice(t[a].p + 1, t[b].p));
    /** The end of the last token read. */
    const end = () => t[i - 1].p + t[i - 1].v.length;
    /** python's traceback marks the innermost expression that raised, with its anchors (operator, brackets). */
    const mark = (e: E, s0: number, a: number, b = end()): E => {
      if (!py) return e;
      const at = [s0, a, b, end()];
      const guard = <F extends (s: Scope, v?: V) => V>(f: F) => ((s: Scope, v?: V) => {
        try {
          return f(s, v);
        } catch (x) {
          if (x instanceof Thrown) x.at ??= at;
          throw x;
        }
      }) as F;
      return Object.assign(guard(e), { set: e.set && guard(e.set), ref: e.ref && guard(e.ref) });
    };
    /** Where python takes a `name := value`: inside brackets, and as an if's or while's test. */
    let named = false;
    const expr = (min = 0): E => {
      const s0 = peek().p, i0 = i;
      let left = unary(), chain: [string[], E[]] | undefined;
      if (py && !min && is(':=') && i === i0 + 1 && t[i0].k === 'i' && (named || depth(i0) > 0)) {
        i++;
        const name = t[i0].v, v = expr();
        // (it binds in the function or module the comprehension is in)
        return (s) => { const x = v(s); let c = s; while (c.cmp && c.up) c = c.up; assign(c, name, x); return x; };
      }
      for (;;) {
        const tk = peek();
        if (py && (tk.k === 's' || tk.k === 'n')) {
          if (probing) return left;
          comma(s0);
        }
        let op = tk.v;
        // an assignment inside an expression (`n => t += n`, `(o[k] = v)`): its value is what it assigns
        if (!py && !min && left.set && /^([-+*/%]|\*\*|&&|\|\||\?\?)?=$/.test(op)) {
          i++;
          const [to, e] = [left, expr()];
          left = memo((s) => assignBy(op.slice(0, -1), [to], e, s)[1]);
          continue;
        }
        if (min === 0 && is(py ? 'if' : '?')) {
          i++;
          // python: `yes if cond else no`; JS: `cond ? yes : no`
          const first = left;
          const second = expr(py ? 1 : 0);
          need(py ? 'else' : ':');
          const no = expr(0);
          const [cond, yes] = py ? [second, first] : [first, second];
          left = memo((s) => (truth(cond(s)) ? yes(s) : no(s)));
          continue;
        }
        const p = Object.hasOwn(BIN, op) ? BIN[op] : 0;
        // (bitwise operators are the evaluator's limit)
        if (!py && /^([&|^]=?|>>>?=?|<<=?)$/.test(op)) throw new Unsupported(op);
        if (!p || p < min) return left;
        i++;
        if (op === 'not') need('in'), (op = 'not in');
        if (op === 'is' && eat('not')) op = 'is not';
        const a = left;
        const b = expr(op === '**' ? p : p + 1);
        // python chains comparisons: `a < b < c` is `a < b and b < c`, b read once
        if (py && p === 4) {
          const ts = (chain ??= [[], [a]])[1], os = chain[0];
          os.push(op), ts.push(b);
          left = mark((s) => { let x = ts[0](s); return os.every((o, k) => { const y = ts[k + 1](s), r = pyBin(o, () => x, () => y, s); x = y; return r; }); }, s0, s0);
          continue;
        }
        chain = undefined;
        // (a comparison has no anchor: all of it is marked)
        left = py ? (p < 5 ? mark((s) => pyBin(op, a, b, s), s0, s0) : mark((s) => pyBin(op, a, b, s), s0, tk.p, tk.p + tk.v.length)) : memo((s) => jsBin(op, a(s), () => b(s)));
      }
    };
    const pyBin = (op: string, a: E, b: E, s: Scope): V => {
      const x = a(s);
      if (op === 'and' || op === 'or') return pyTruth(x) === (op === 'and') ? b(s) : x;
      const y = b(s);
      // `!=`, `is not` and `not in` are the negations of `==`, `is` and `in`
      const yes = !/!|not/.test(op);
      if (/^[=!]=$/.test(op)) return pyEq(x, y) === yes;
      if (/is/.test(op)) return (x === y || (x == null && y == null)) === yes;
      if (/in/.test(op)) {
        const has = dunder(y, '__contains__');
        if (has) return pyTruth(has(x)) === yes;
        // (an iterator is taken up to the item)
        if (y instanceof PyIter) { for (let v; (v = y.pull()) !== END;) if (pyEq(x, v)) return yes; return !yes; }
        const seq = Array.isArray(y) ? y : y instanceof DictView ? y.list() : dunder(y, '__iter__') || dunder(y, '__getitem__') ? globals.list(y) : undefined;
        if (!seq && typeof y !== 'string' && !(y instanceof Sized)) throw new Thrown('TypeError', `argument of type '${typeName(y)}' is not iterable`);
        if (typeof y === 'string' && typeof x !== 'string') throw new Thrown('TypeError', `'in <string>' requires string as left operand, not ${typeName(x)}`);
        return (typeof y === 'string' ? y.includes(x) : seq ? seq.some((z: V) => pyEq(x, z)) : y.has(x)) === yes;
      }
      if (/^[<>]=?$/.test(op)) {
        if (x?.[PYCLS] || y?.[PYCLS]) return rich(op, x, y);
        // sets order by inclusion
        if (x instanceof PySet && y instanceof PySet) { const [a, b] = op[0] === '<' ? [x, y] : [y, x]; return a.used <= b.used - +!op[1] && a.list().every((z: V) => b.has(z)); }
        return isNum(x) && isNum(y) ? JS_OPS[op](num(x), num(y)) : JS_OPS[op](cmp(x, y, op), 0);
      }
      return pyOp(op, x, y, h.version);
    };
    const jsBin = (op: string, x: V, y: () => V): V => {
      return op === '&&' ? x && y() : op === '||' ? x || y() : op === '??' ? x ?? y() : JS_OPS[op](x, y());
    };
    // (what a statement that awaits evaluates is taped: run again after an await, it is not evaluated twice)
    const unary = (): E => memo(prefixed());
    const prefixed = (): E => {
      const op = peek().v;
      if (!py && (op === '++' || op === '--')) {
        i++;
        const a = unary();
        if (!a.set) fail();
        return (s) => { const v = a(s) + (op === '++' ? 1 : -1); a.set!(s, v); return v; };
      }
      if (!py && /^(delete|~)$/.test(op)) throw new Unsupported(op);
      if (/^[-+!]$/.test(op) || op === (py ? 'not' : 'typeof') || (py && op === '~')) {
        const k = ++i, a = py ? expr(op === 'not' ? 3 : 11) : unary();
        // (`typeof x` of a name never declared is 'undefined')
        const bare = op === 'typeof' && i === k + 1 && t[k].k === 'i';
        return (s) => {
          let v;
          try {
            v = a(s);
          } catch (x) {
            if (!bare || !(x instanceof Thrown && x.type === 'ReferenceError')) throw x;
          }
          if (py && /^[-+~]$/.test(op) && !(op === '~' ? typeof v === 'bigint' : isNum(v))) throw typeof v === 'boolean' ? new Unsupported('~bool') : new Thrown('TypeError', `bad operand type for unary ${op}: '${typeName(v)}'`);
          return op === '~' ? -(v as bigint) - 1n : op === '-' ? (py && typeof v !== 'number' ? pyOp('-', 0n, v) : -v) : op === '+' ? (py ? v : +v) : op === 'typeof' ? typeof v : op === '!' ? !v : !pyTruth(v);
        };
      }
      const start = peek().p;
      return postfix(primary(), start);
    };
    const postfix = (e: E, start: number): E => {
      let short = 0;
      for (;;) {
        e = memo(e);
        const at = peek().p;
        // JS's `i++` in an expression: the value before the step
        if (!py && e.set && (is('++') || is('--'))) {
          const d = t[i++].v === '++' ? 1 : -1, a = e;
          return (s) => { const v = a(s); a.set!(s, v + d); return v; };
        }
        if (!py && eat('?.')) {
          // `a?.b.c`, `a?.[k]`, `f?.()`: nothing on, the whole chain is undefined
          const o = e;
          const nil = (x: V) => { if (x == null) throw SHORT; return x; };
          e = Object.assign((s: Scope) => nil(o(s)), { ref: o.ref && ((s: Scope) => { const r = o.ref!(s); nil(r[1]); return r; }) });
          short = 1;
          if (peek().k !== 'i') continue;
          i--;
        }
        if (eat('.') || eat('?.')) {
          const k = peek().v;
          if (peek().k !== 'i') fail();
          i++;
          const o = e;
          // `new a.B()`: the member access still names what `new` constructs
          e = mark(Object.assign((s: Scope) => member(o(s), k), { ref: (s: Scope): [V, V] => { const x = o(s); return [x, member(x, k)]; }, set: (s: Scope, v: V) => { const x = o(s); if (py) (x?.[PYD] ?? x)[k] = v; else if (x == null) noSet(x, k); else if (typeof x === 'object' || typeof x === 'function') Reflect.set(x, k, v); }, isNew: o.isNew }), start, start);
        } else if (eat('[')) {
          const o = e;
          // (python: `d[1, 2]` is the tuple's item)
          let k: E = is(':') ? () => undefined : expr();
          if (py && is(',')) {
            const ts = [k];
            while (eat(',') && !is(']')) ts.push(expr());
            k = (s) => Object.assign(ts.map((x) => x(s)), { [TUPLE]: true });
          }
          if (py && eat(':')) {
            const end = /^[\]:]$/.test(peek().v) ? () => undefined : expr();
            const by = eat(':') && !is(']') ? expr() : () => 1n;
            need(']');
            e = mark(Object.assign((s: Scope) => slice(o(s), k(s), end(s), by(s)), { set: (s: Scope, v: V) => {
              // `l[a:b] = …` puts the items in place of the slice
              const x = o(s);
              if (py && (x?.[TUPLE] || !Array.isArray(x))) throw new Thrown('TypeError', `'${typeName(x)}' object does not support item assignment`);
              if (by(s) !== 1n) {
                // a step's slice takes as many items as it has places
                const ks = slice([...x.keys()], k(s), end(s), by(s)) as number[], l = globals.list(v);
                if (l.length !== ks.length) throw new Thrown('ValueError', `attempt to assign sequence of size ${l.length} to extended slice of size ${ks.length}`);
                return void ks.forEach((i: number, j: number) => (x[i] = l[j]));
              }
              const at = (i: V, d: number) => (i == null ? d : Math.min(Math.max(Number(i) < 0 ? Number(i) + x.length : Number(i), 0), x.length));
              const a = at(k(s), 0);
              x.splice(a, Math.max(0, at(end(s), x.length) - a), ...globals.list(v));
            } }), start, at);
            continue;
          }
          need(']');
          e = mark(Object.assign((s: Scope) => index(o(s), k(s)), { set: (s: Scope, v: V) => {
            const x = o(s); const key = k(s);
            if (py && (x?.[TUPLE] || x === null || typeof x !== 'object')) throw new Thrown('TypeError', `'${typeName(x)}' object does not support item assignment`);
            const at = Array.isArray(x) && typeof key === 'bigint' ? Number(key < 0n ? BigInt(x.length) + key : key) : -1;
            if (py && Array.isArray(x) && typeof key === 'bigint' && (at < 0 || at >= x.length)) throw new Thrown('IndexError', 'list assignment index out of range');
            // (JS as `node -e` runs it, not strict: a frozen object or a primitive ignores the assignment)
            if (at >= 0) x[at] = v; else if (py) { if (dunder(x, '__setitem__')) return void dunder(x, '__setitem__')(key, v); if (!(x instanceof Dict)) throw new Thrown('TypeError', `'${typeName(x)}' object does not support item assignment`); x.set(key, v); } else if (x == null) noSet(x, key); else if (typeof x === 'object' || typeof x === 'function') Reflect.set(x, key, v);
          } }), start, at);
        } else if (is('(')) {
          i++;
          // `sum(x for x in xs)`: a generator expression, run as the list it yields
          const args = list(')', () => (py && peek().k === 'i' && is('=', 1) ? ((k) => ((i += 2), ((v: E) => (s: Scope) => ({ [KW]: true, [k]: v(s) }))(expr())))(peek().v) : ((e: E) => (py && is('for') ? genexpr(e) : e))(item())), true);
          const callee = e;
          const called = (f: E) => mark(f, start, at);
          // V8 names the callee as written, without the brackets around it
          const text = src.slice(start, at).trim().replace(/^\(([^()]*)\)$/, '$1');
          e = called((s) => {
            // (python: an object with __call__)
            let [self, f] = callee.ref ? callee.ref(s) : [undefined, callee(s)];
            if (py && f?.[PYCLS]) f = dunder(f, '__call__') ?? f;
            const a = spread(args.map((x) => x(s)));
            const kw = a.filter((x) => x?.[KW]);
            const pos = a.filter((x) => !x?.[KW]);
            if (kw.length) pos.push(Object.assign({}, ...kw));
            // a builtin that would take keywords as one more argument
            if (py && kw.length && !f.kw && !/^(print|sorted|max|min|enumerate|sort|format|dict|update)$/.test(fname(f))) throw new Unsupported(`${fname(f)}(${Object.keys(pos[pos.length - 1])[0]}=…)`);
            if (typeof f !== 'function') throw new Thrown('TypeError', py ? `'${typeName(f)}' object is not callable` : `${text.replace(/^new\s+/, '')} is not a ${callee.isNew ? 'constructor' : 'function'}`);
            direct = f;
            // `new` of a function of the program's own: a fresh object, named after it, is its `this`
            const me = callee.isNew && !f[CLASS] && f.flen !== undefined ? { [CLASS]: fname(f) } : undefined;
            const r = callee.isNew && f[CLASS] ? f[CLASS](pos) : Reflect.apply(f, me ?? self, pos);
            return me && (r === null || typeof r !== 'object') ? me : r;
          });
        } else if (e.isNew) {
          // `new A` without parentheses constructs with no arguments
          const c = e;
          const text = src.slice(start, peek().p).trim().replace(/^new\s+/, '');
          return (s) => { const f = c(s); if (typeof f !== 'function') throw new Thrown('TypeError', `${text} is not a constructor`); return f?.[CLASS] ? f[CLASS]([]) : Reflect.apply(f, undefined, []); };
        } else return short ? (s) => { try { return e(s); } catch (x) { if (x !== SHORT) throw x; } } : e;
      }
    };
    /**
     * python's comprehension after its expression: `for names in source` and `if cond` clauses
     * (then `close`), each round's scope inside the last; `each` gives a round's item.
     * Its `items` go round by round, a generator expression's as each is taken.
     */
    const comp = (each: E, close = ''): E & { items: (s: Scope, first?: PyIter) => Generator<V>; first: E } => {
      const cl: [string[] | null, E][] = [];
      while (is('for') || is('if')) {
        if (eat('if')) {
          cl.push([null, expr(1)]);
          continue;
        }
        i++;
        const names: string[] = [];
        while (!is('in')) {
          if (peek().k !== 'i') fail();
          names.push(t[i++].v);
          eat(',');
        }
        if (!names.length) fail();
        i++;
        cl.push([names, expr(1)]);
      }
      if (close) need(close);
      const go = function* (k: number, s: Scope, first?: PyIter): Generator<V> {
        if (k === cl.length) return yield each(s);
        const [names, e] = cl[k];
        if (!names) return truth(e(s)) && (yield* go(k + 1, s));
        const it: PyIter = first ?? items(e(s));
        for (let v, n = 0; (v = it.pull()) !== END;) {
          if (++n > 100000) throw endless();
          yield* go(k + 1, { vars: new Map(names.map((n, j) => [n, names.length > 1 ? v[j] : v])), up: s, cmp: 1 }, undefined);
        }
      };
      return Object.assign((s: Scope) => [...go(0, s)], { items: (s: Scope, first?: PyIter) => go(0, s, first), first: cl[0][1] });
    };
    /** `(x for x in xs)`: a generator whose body is the comprehension; its first source is taken at once, as CPython's. */
    const genexpr = (e: E, close = ''): E => ((c) => (s) => generator('<genexpr>', c.items(s, items(c.first(s)))))(comp(e, close));
    /** An arrow function's (or a function expression's) body: an expression, or a block run as statements. */
    /** `own`: a function or method, whose `this` is what it is called on (an arrow's is its maker's). */
    const arrow = (params: string[], name = '', own = false): E => {
      const isAsync = async;
      async = false;
      // an async arrow's expression is what its body returns
      if (isAsync && !is('{')) {
        const from = t[i].p, down = lf(src.slice(0, from));
        expr(0);
        const code = 'return ' + src.slice(from, t[i]?.p ?? src.length);
        return (s) => { const at = line + down; return Object.assign(userFn(name, params, (s2) => asyncCall(code, s2, at, name), s, undefined, own), { [ASYNC]: 1 }); };
      }
      // (JS: an arrow's value is its return, from its own line: a frame of node's report)
      if (!is('{')) return py ? fnBody(params, expr(0)) : ((down: number, e: E): E => (s) => ((at: number) => Object.assign(userFn(name, params, (s2) => { line = at; throw new Jump('return', e(s2)); }, s), { flen: arity(params) }))(line + down))(lf(src.slice(0, t[i].p)), expr(0));
      const k = match(i);
      if (k >= t.length - 1) fail();
      const code = src.slice(t[i].p + 1, t[k].p), down = lf(src.slice(0, t[i].p));
      i = k + 1;
      // (its body's lines count from the line of the statement that makes it)
      return (s) => { const at = line + down; return Object.assign(userFn(name, params, (s2) => (isAsync ? asyncCall(code, s2, at, name) : jsExec(code, s2, at)), s, undefined, own), { [ASYNC]: isAsync }); };
    };
    /** An f-string's `{code!conv:spec}`; `{code=}` writes the code before its value (a repr unless a spec says). */
    const fField = (p: string): E => {
      let at = -1;
      for (let d = 0, k = 0; k < p.length && at < 0; k++) {
        const c = p[k];
        if (c === '"' || c === "'") k = p.indexOf(c, k + 1);
        else if ('([{'.includes(c)) d++;
        else if (')]}'.includes(c)) d--;
        else if (c === ':' && !d) at = k;
      }
      const [, code, eq, conv] = /^([^]*?)(=\s*)?(?:!([rsa]))?$/.exec(at < 0 ? p : p.slice(0, at))!;
      const spec = at < 0 ? '' : p.slice(at + 1);
      const e = parser(code).whole();
      return (s: Scope) => {
        const v = e(s);
        return (eq ? code + eq : '') + formatSpec(conv === 'r' || conv === 'a' || (eq && !conv && !spec) ? repr(v) : conv === 's' ? pyStr(v) : v, spec);
      };
    };
    const template = (parts: string[]): E => {
      const exprs = parts.map((p, k) => {
        if (k % 2 === 0) return () => unescape(p);
        // an f-string's doubled brace is the brace itself
        if (py) return /^([{}])\1$/.test(p) ? () => p[0] : fField(p.slice(1, -1));
        const e = parser(p).whole();
        return (s: Scope) => `${e(s)}`;
      });
      return (s) => exprs.map((x) => x(s)).join('');
    };
    const str = (tk: Tok): E => {
      const f = /^[fF]/.test(tk.v);
      const raw = /^[rR]/.test(tk.v);
      const q = /^[fFrR]?('''|""")/.test(tk.v) ? 3 : 1;
      const body = tk.v.slice((f || raw ? 1 : 0) + q, -q);
      if (f) return template(body.split(/(\{\{|\}\}|\{[^{}]*\})/));
      if (tk.v[0] === '`') return template(tparts(body));
      return () => (raw ? body : unescape(body));
    };
    /** JS: the function the next arrow or `function` makes is async. */
    let async = false;
    const primary = (): E => {
      const tk = peek();
      i++;
      if (tk.k === 'n') {
        const n = tk.v.replace(/_/g, '');
        if (n.endsWith('n')) throw new Unsupported('BigInt');
        return py && /^\d+$/.test(n) ? () => BigInt(n) : () => Number(n);
      }
      if (tk.k === 'r') {
        const [, b, f] = /^\/(.*)\/(\w*)$/s.exec(tk.v)!;
        return () => new RegExp(b, f);
      }
      if (tk.k === 's') {
        // python joins the strings written one after another (`'a' 'b'`, across lines in brackets)
        const parts = [str(tk)];
        while (py && peek().k === 's') parts.push(str(t[i++]));
        return parts.length > 1 ? (s) => parts.map((x) => x(s)).join('') : parts[0];
      }
      if (tk.k === 'i') {
        const name = tk.v;
        if (!py && is('=>')) {
          i++;
          return arrow([name]);
        }
        if (!py && name === 'function') {
          if (is('*')) throw new Unsupported('function*');
          const fname = peek().k === 'i' ? t[i++].v : '';
          if (!is('(')) fail();
          const k = match(i);
          const params = paramsIn(i, k);
          i = k + 1;
          if (!is('{')) fail();
          return arrow(params, fname, true);
        }
        if (py && name === 'lambda') {
          // its parameters (with their defaults) end at the colon outside brackets
          let k = i;
          for (let d = 0; k < t.length - 1 && (d || t[k].v !== ':'); k++) d += dep(t[k].v);
          const ps = params(src.slice(t[i].p, t[k].p));
          i = k;
          need(':');
          return fnBody(ps, expr(0), '<lambda>');
        }
        if (!py && name === 'new') return Object.assign(primary(), { isNew: 1 });
        if (!py && name === 'async' && (is('function') || is('(') || (peek().k === 'i' && is('=>', 1)))) return (async = true), primary();
        if (!py && name === 'await' && peek().k && (peek().k !== 'o' || /^([([{!~+-]|\+\+|--)$/.test(peek().v))) return awaitOf(unary(), no);
        if (/^(class|if|for|while|def|return|try|do|switch|with|yield|async|await|else|elif|except|finally|import)$/.test(name)) throw new Unsupported(name);
        return mark(Object.assign((s: Scope) => lookup(s, name), { set: (s: Scope, v: V) => assign(s, name, v) }), tk.p, tk.p);
      }
      if (tk.v === '(') {
        // `(a, b) => …` : the parameters, then the arrow
        const close = match(i - 1);
        if (!py && t[close + 1]?.v === '=>') {
          const params = paramsIn(i - 1, close);
          i = close + 2;
          return arrow(params);
        }
        if (py && !is(')')) {
          const at = i, e = expr();
          if (is('for')) return genexpr(e, ')');
          i = at;
        }
        const items = list(')', () => expr());
        const tuple = py && (items.length !== 1 || t[i - 2].v === ',');
        // (JS's `(a, b)` runs both and is worth b)
        return tuple ? unpacking(items) : items.length === 1 ? items[0] : !py && items.length ? (s: Scope) => items.reduce((_: V, e) => e(s), undefined) : fail();
      }
      if (tk.v === '[') {
        if (py && !is(']')) {
          // `[expr for names in source if cond]`: its names live in the comprehension's own scope
          const at = i;
          const each = expr();
          if (is('for')) return comp(each, ']');
          i = at;
        }
        // (JS: `[1, , 3]` has a hole)
        const items = list(']', () => (!py && is(',') ? () => HOLE : item()));
        return (s) => ((l: V[]) => l.reduce((a: V[], x, k) => (x === HOLE || (a[k] = x), a), Array(l.length)))(spread(items.map((x) => x(s))));
      }
      if (tk.v === '{') {
        if (py && !is('}')) {
          const at = i;
          const key = is('*') ? undefined : expr();
          if (key && is('for')) return ((c: E) => (s: Scope) => c(s).reduce((r: PySet, x: V) => (r.add(x), r), newSet()))(comp(key, '}'));
          if (!key || is(',') || is('}')) {
            i = at;
            const items = list('}', item);
            // CPython keeps a display of over two constants as a frozenset, rebuilt once in its own order, that the new set copies
            const folded = items.length > 2 && t.slice(at, i - 1).every((x) => x.k === 'n' || (x.k === 's' && !/^[fF]/.test(x.v)) || /^(True|False|None|[-+*/%(),]|\*\*|\/\/)$/.test(x.v));
            return mark((s) => {
              const r = newSet();
              for (const x of items.map((e) => e(s))) if (x?.[SPREAD]) r.update(x[SPREAD], () => globals.list(x[SPREAD])); else r.add(x);
              if (!folded) return r;
              const f = newSet(true), o = newSet();
              r.list().forEach((x) => f.add(x));
              o.update(f, () => []);
              return o;
            }, tk.p, tk.p);
          }
          const val = eat(':') ? expr() : fail();
          if (is('for')) return ((c: E) => (s: Scope) => pyDict(c(s)))(comp((s) => [key(s), val(s)], '}'));
          i = at;
        }
        const entries = list('}', () => {
          const kt = peek();
          // (JS: spread, methods, getters and generators are the evaluator's limits)
          if (!py && eat('...')) return ((e: E) => (s: Scope) => [SPREAD, e(s)])(expr());
          // (JS: a method `m() {…}`; getters and generators are the evaluator's limits)
          if (!py && kt.k === 'i' && is('(', 1)) {
            const k = match(++i), f = ((ps) => ((i = k + 1), arrow(ps, kt.v, true)))(paramsIn(i, k));
            return (s: Scope) => [kt.v, f(s)];
          }
          if (!py && (kt.v === '*' || (kt.k === 'i' && peek(1).k === 'i'))) throw new Unsupported(kt.v);
          const key: E = kt.k === 'i' && !py ? (i++, () => kt.v) : kt.k === 's' ? primary() : !py && is('[') ? (i++, ((e: E) => (need(']'), e))(expr())) : expr();
          if (!py && kt.k === 'i' && (is(',') || is('}'))) return (s: Scope) => [kt.v, lookup(s, kt.v)];
          need(':');
          const v = expr();
          // (V8 names a function by the key it is written under)
          return (s: Scope) => ((k: V, x: V) => [k, typeof x === 'function' && x.fname === '' ? Object.assign(x, { fname: String(k) }) : x])(key(s), v(s));
        });
        const made: E = (s) => (py ? pyDict : (l: V[]) => l.reduce((o, [k, v]) => (k === SPREAD ? Object.assign(o, v) : Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })), {}))(entries.map((x) => x(s)));
        // (3.13 marks a display whose key is unhashable)
        return mark(made, tk.p, tk.p);
      }
      i--;
      return fail();
    };
    const whole = (test = false): E => {
      named = test;
      let e = expr();
      named = false;
      // python's bare `a, b` is a tuple
      if (py && is(',')) {
        const items = [e];
        while (eat(',') && peek().k) items.push(expr());
        e = unpacking(items);
      }
      if (peek().k) fail();
      return e;
    };
    /**
     * A binding target: a name, or a `{…}`/`[…]` pattern with defaults, renames and rests; what it
     * gives binds each name by `def`. `of`: the source text V8 names in its error.
     */
    const pattern = (): Pat => {
      const tk = peek();
      if (tk.k === 'i') return i++, (_s, v, def) => def(tk.v, v);
      const arr = eat('[');
      if (!arr && !eat('{')) fail();
      const parts: [E | null, Pat | null, E?, boolean?][] = [];
      while (!eat(arr ? ']' : '}')) {
        if (arr && eat(',')) { parts.push([null, null]); continue; }
        const rest = eat('...');
        const kt = peek();
        const key: E | null = arr || rest ? null : kt.k === 'i' || kt.k === 's' ? (i++, () => (kt.k === 's' ? unescape(kt.v.slice(1, -1)) : kt.v)) : eat('[') ? ((e: E) => (need(']'), e))(expr()) : fail();
        const p = !key ? pattern() : eat(':') ? pattern() : kt.k === 'i' ? (_s: Scope, v: V, def: Def) => def(kt.v, v) : fail();
        parts.push([key, p, eat('=') ? expr() : undefined, rest]);
        if (!eat(',')) { need(arr ? ']' : '}'); break; }
      }
      return (s, v, def, of) => {
        if (arr && (v == null || typeof v[Symbol.iterator] !== 'function')) throw new Thrown('TypeError', `${v == null ? v : typeof v === 'object' ? 'object' : `${typeof v} ${inspect(v)}`} is not iterable (cannot read property Symbol(Symbol.iterator))`);
        if (v == null) throw new Thrown('TypeError', parts[0]?.[0] ? `Cannot destructure property '${parts[0][0](s)}' of '${of ?? inspect(v)}' as it is ${v}.` : `Cannot destructure '${v}' as it is ${v}.`);
        const items = arr ? [...v] : v;
        const taken: V[] = [];
        parts.forEach(([key, p, d, rest], k) => {
          if (!p) return;
          const name = key?.(s);
          taken.push(name);
          let x = arr ? (rest ? items.slice(k) : items[k]) : rest ? Object.fromEntries(Object.entries(v).filter(([n]) => !taken.includes(n))) : member(v, name);
          if (x === undefined && d) x = d(s);
          p(s, x, def);
        });
      };
    };
    return { whole, expr, peek, eat, fail, pattern, t, at: () => i, seek: (k: number) => void (i = k) };
  }

  const bad = () => { throw new Thrown('SyntaxError', py ? 'cannot assign to expression' : 'Invalid left-hand side in assignment'); };
  /** python's tuple of targets: a tuple to read, and what unpacks an iterable into its targets. */
  /** (`star`: the index of the `*rest` that takes what the others leave, as a list) */
  const unpacking = (ts: E[], at?: number[], star = -1): E => Object.assign((s: Scope) => Object.assign(ts.flatMap((x, k) => (k === star ? globals.list(x(s)) : [x(s)])), { [TUPLE]: true }), { set: (s: Scope, v: V) => {
    let l: V[] = [];
    try { l = globals.list(v); } catch { throw Object.assign(new Thrown('TypeError', `cannot unpack non-iterable ${typeName(v)} object`), { at }); }
    const n = ts.length - (star < 0 ? 0 : 1), rest = l.length - n;
    if (star < 0 ? rest : rest < 0) throw Object.assign(new Thrown('ValueError', rest > 0 ? `too many values to unpack (expected ${n})` : `not enough values to unpack (expected ${star < 0 ? '' : 'at least '}${n}, got ${l.length})`), { at });
    ts.forEach((x, k) => (x.set ?? bad)(s, k === star ? l.slice(k, k + rest) : l[k < star || star < 0 ? k : k + rest - 1]));
  } });
  function assign(s: Scope, name: string, v: V): void {
    // python binds in the scope that runs (a function's own, or the module's)
    if (py) return void (s.g?.has(name) ? top : s).vars.set(name, v);
    let c: Scope | undefined = s;
    while (c && !c.vars.has(name)) c = c.up;
    // the program's top-level declarations are the ones known by kind (a function's own name may shadow one)
    if (((c ?? top) === top ? declared.get(name) === 'const' : c?.c?.has(name))) throw new Thrown('TypeError', 'Assignment to constant variable.');
    if (!c && esm) throw new Thrown('ReferenceError', `${name} is not defined`);
    (c ?? top).vars.set(name, v);
  }

  /** A quoted string, or JS's regex literal (a slash where a value starts): brackets and comments in them are text. */
  const Q = String.raw`'(?:\\[^]|[^\\'])*'|"(?:\\[^]|[^\\"])*"|${TPL}` + (py ? '' : String.raw`|(?<=(?:^|[(,=:[!&|?{};]|\breturn)\s*)\/(?![/*])(?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\\\n[])+\/`);
  const QUOTED = new RegExp(Q, 'g');
  const STMT = new RegExp(Q + String.raw`|[([{]|[)\]}]|[;\n]|[^'"\`()[\]{};\n/]+|[^]`, 'g');
  const BRACKET = new RegExp(Q + String.raw`|[([{]|[)\]}]`, 'g');
  const COMMENT = new RegExp(Q + String.raw`|\/\/.*|\/\*[^]*?\*\/`, 'g');
  /** More brackets open than closed, outside strings (python: or a string or line that goes on). */
  const unclosed = (s: string) => {
    if (py) return pyScan(s).more;
    const code = s.replace(QUOTED, '');
    return (code.match(/[([{]/g)?.length ?? 0) > (code.match(/[)\]}]/g)?.length ?? 0);
  };
  /**
   * JS: whether a statement goes on past `;` or a line's end: to an `else`; and past a line's end
   * when the line ends with an operator or with the head of an if, for, while, function or else, or the
   * next line starts with one that cannot start a statement (`.map(…)`, `? a`, `+ 1`).
   */
  const NEXT = /\s*(?:else\b|[.?:*%<>,=&|]|!=|[-+](?![-+])|\/(?![/*]))/y, ELSE = /\s*else\b/y;
  const goesOn = (x: string, cur: string, src: string, at: number): boolean => {
    const R = x === ';' ? ELSE : NEXT, c = cur.trim();
    R.lastIndex = at;
    // (`do x++; while (…)`: a do's body ends before its while)
    return R.test(src) || (/^do\b(?![^]*\bwhile\s*\()/.test(c) && /^\s*while\b/.test(src.slice(at))) || (x === '\n' && (/(?:[=<>,.?:*%&|]|(^|[^-+])[-+]|(^|[\s}])(else|do))$/.test(c) || (/^(if|for|while|function)\b/.test(c) && !c.slice(close(c, c.indexOf('(')) + 1).trim())));
  };
  /** Splits on `;` and newlines outside brackets and quotes: each statement and its line. */
  const statements = (src: string): [string, number][] => {
    if (py) {
      const out: [string, number][] = [];
      let from = 0;
      for (const k of [...pyScan(src).cuts, src.length]) {
        const x = src.slice(from, k);
        if (x.trim()) out.push([x, lf(src.slice(0, from + x.length - x.trimStart().length)) + 1]);
        from = k + 1;
      }
      return out;
    }
    const out: [string, number][] = [];
    let depth = 0;
    let cur = '';
    let line = 1;
    let at = 1;
    for (const m of src.matchAll(STMT)) {
      const x = m[0];
      if (/^[([{]$/.test(x)) depth++;
      if (/^[)\]}]$/.test(x)) depth--;
      if (depth <= 0 && /^[;\n]$/.test(x) && !(!py && goesOn(x, cur, src, m.index + 1))) (out.push([cur, at]), (cur = ''));
      else cur += x;
      line += x.split('\n').length - 1;
      if (!cur.trim()) at = line;
    }
    return [...out, [cur, at] as [string, number]].filter(([x]) => x.trim());
  };

  /** `a OP= b` (`bin`: OP) to every target: the old value and the new; `a ||= b` assigns only when `a || b` would be b. */
  function assignBy(bin: string, ts: E[], e: E, s: Scope): [V, V] {
    const old = bin ? ts[0](s) : undefined;
    const logic = /^(&&|\|\||\?\?)$/.test(bin);
    if (logic && (bin === '??' ? old != null : bin === '&&' ? !old : old)) return [old, old];
    // (a set's `|=`, `&=`, `-=` and `^=` change it in place)
    const v = bin && !logic ? (py ? ((r: V) => (old instanceof PySet && !old.frozen && r instanceof PySet && /^[-|&^]$/.test(bin) ? setIop(bin, old, r) : pyOp(bin, old, r, h.version)))(e(s)) : JS_OPS[bin](old, e(s))) : e(s);
    for (const x of ts) x.set!(s, v);
    return [old, v];
  }
  /** One statement: its value (`NOTHING` for what shows none: declarations in python, imports). */
  const NOTHING = Symbol('nothing');
  function statement(src: string, sc: Scope = top): V {
    const p = parser(src);
    const first = p.peek();
    if (py && (first.v === 'import' || first.v === 'from')) {
      const names = src.trim().split(/\s+/);
      const mods = first.v === 'from' ? [names[1]] : src.replace(/^\s*import\s+/, '').split(',').map((x) => x.trim());
      for (const m of mods) {
        const [name, , alias] = m.split(/\s+/);
        const base = name.split('.')[0];
        const found = (globals.__import__(base) as V) ?? (STDLIB.has(base) || h.exists(base) ? mod(base, {}) : undefined);
        if (!found) throw new Thrown('ModuleNotFoundError', `No module named '${base}'`);
        if (first.v === 'import') sc.vars.set(alias ?? base, found);
        else for (const n of src.replace(/^.*\bimport\s+/, '').split(',').map((x) => x.trim())) sc.vars.set(n, member(found, n));
      }
      return NOTHING;
    }
    if (py && first.v === 'global') src.replace(/^\s*global\s+/, '').split(',').forEach((n) => (sc.g ??= new Set()).add(n.trim()));
    if (py && first.v === 'nonlocal') throw new Unsupported('nonlocal');
    if (py && first.v === 'del') return pyDel(src.slice(first.p + 3), first.p + 3, sc);
    if (py && /^(pass|global)$/.test(first.v)) return NOTHING;
    // JS declarations: `let a = 1, b`
    const decl = !py && /^(let|const|var)$/.test(first.v) ? first.v : '';
    if (decl) {
      p.eat(decl);
      // (a var belongs to its function, or the program, not to the block)
      let vs = sc;
      while (decl === 'var' && !vs.f && vs.up) vs = vs.up;
      do {
        const bare = p.peek().k === 'i', at = p.peek().p;
        const pat = p.pattern();
        const from = p.peek().p, to = p.t[p.at() - 1].p + p.t[p.at() - 1].v.length;
        const init = p.eat('=');
        // (V8 marks the name or pattern that lacks it)
        const e = init ? p.expr() : decl === 'const' || !bare ? (() => { throw syntax(`Missing initializer in ${bare ? 'const' : 'destructuring'} declaration`, at, to); })() : () => undefined;
        taped(() => pat(sc, e(sc), (name, v) => {
          if (vs === top && declared.has(name) && (decl !== 'var' || declared.get(name) !== 'var')) { const k = at + src.slice(at, to).search(new RegExp(`(?<![\\w$])${name.replaceAll('$', '\\$')}(?![\\w$])`)); throw syntax(`Identifier '${name}' has already been declared`, k, k + name.length); }
          // (V8 names a function by the name it is declared as)
          if (typeof v === 'function' && v.fname === '') v.fname = name;
          if (decl === 'const' && sc !== top) (sc.c ??= new Set()).add(name);
          if (!(decl === 'var' && !init && vs.vars.has(name))) vs.vars.set(name, v);
          if (vs === top) declared.set(name, decl);
        }, src.slice(from, p.peek().p).replace(/^\s*=/, '').trim()))();
      } while (p.eat(','));
      if (p.peek().k) p.fail();
      return undefined;
    }
    // `i++, j--`: JS's comma operator runs each part in turn and is worth the last (each part keeps its columns)
    const parts = py || src.includes('/') ? [] : topSplit(src, ',');
    if (parts.length > 1 && parts.every((x) => x.trim())) {
      let v: V, off = 0;
      for (const x of parts) (v = statement(src.slice(0, off).replace(/[^\n]/g, ' ') + x, sc)), (off += x.length + 1);
      return v;
    }
    // python's `a, b = …`: the targets as one, which unpacks what it is given
    const many = (first: E | undefined, from: number): E => {
      let star = first ? -1 : 0;
      first ??= p.expr(1);
      if (!py || p.peek().v !== ',') return first;
      const ts = [first];
      while (p.eat(',') && !/^=?$/.test(p.peek().v)) {
        if (p.eat('*')) star = ts.length;
        ts.push(p.expr(1));
      }
      // (the traceback marks the targets when they are too many or too few)
      const to = from + src.slice(from, p.peek().p).replace(/[\s,]*$/, '').length;
      return unpacking(ts, [from, from, to, to], star);
    };
    // `[a, b] = [b, a]`: an array pattern assigned to names already bound
    if (!py && first.v === '[') {
      let pat: Pat | undefined;
      try { pat = p.pattern(); } catch { /* an array literal */ }
      if (pat && p.eat('=')) {
        const v = p.expr();
        if (p.peek().k) p.fail();
        const x = v(sc);
        pat(sc, x, (n, y) => assign(sc, n, y));
        return x;
      }
      p.seek(0);
    }
    // `*init, last = …`: a starred first target
    const target = many(py && p.eat('*') ? undefined : p.expr(1), first.p);
    const op = p.peek().v;
    if (/^(=|[-+*/%]=|\*\*=|\/\/=|\+\+|--|(&&|\|\||\?\?)=)$/.test(op) || (py && /^([&|^]|<<|>>)=$/.test(op))) {
      const step = op === '++' || op === '--';
      // `a = b = 0`: every target but the last expression
      const ts = [target];
      let e: E;
      for (;;) {
        p.seek(p.at() + 1);
        const from = p.peek().p;
        e = step && !py ? () => 1 : many(p.expr(), from);
        if (op !== '=' || p.peek().v !== '=') break;
        ts.push(e);
      }
      if (p.peek().k) p.fail();
      if (ts.some((x) => !x.set)) bad();
      const [old, v] = assignBy(step ? op[0] : op.slice(0, -1), ts, e, sc);
      return py ? NOTHING : step ? old : v;
    }
    p.seek(0);
    return p.whole()(sc);
  }

  /** `return`, `break` and `continue` on their way out of a block. */
  class Jump {
    constructor(public k: string, public v: V = py ? null : undefined, public label = '') {}
  }
  let line = 1;
  let piece = '';
  /** node: the user function a call of the program's own code is about to run. */
  let direct: V;
  /** node: the program's functions running, outermost first: each one's name, the line it was called on and who called it (as Thrown.js). */
  const running: [string, number, boolean | string][] = [];
  /** node: the simulated ms at which each round of the event loop ran, and how many writes to stdout and stderr had been made by its end. */
  const marks: number[][] = [];
  /** node: the program's rounds, each at its ms with the lengths of stdout and stderr at its end. */
  const rounds = () => { const sums = (a: string[]) => a.reduce((p, x) => (p.push(p[p.length - 1] + x.length), p), [0]), o = sums(log), e = sums(errs); return marks.map(([ms, a, b]) => [ms, o[a], e[b]]); };
  /** node: the most calls the program went into: the page's own stack ends far before node's (about 10,000 frames), so a recursion that reaches it is refused. */
  let deepest = 0;
  const overflow = (e: unknown) => (!py && e instanceof RangeError && /call stack/.test(e.message) ? new Unsupported(`recursion deeper than ${deepest} calls`) : e);
  /** node: the Errors the program made: the frames then (as Thrown.js) and the line at the top level. */
  const origins = new WeakMap<object, [string, [string, number, boolean | string][], number]>();
  /** node: an unhandled rejection as the program's uncaught error (an Error of the program's: where it was made). */
  const rejection = (v: V): Thrown => {
    if (!(v instanceof Error)) return Object.assign(new Thrown('UnhandledPromiseRejection', `This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${v !== null && typeof v === 'object' ? (Array.isArray(v) ? '[object Array]' : Object.getPrototypeOf(v) === Object.prototype ? '#<Object>' : no('reason')) : typeof v === 'function' ? no('reason') : String(v)}".`), { rejected: true });
    const [via, js, top] = origins.get(v) ?? no('rejection');
    // one function the host called: the loop's callback (the outermost) or a promise's executor, which node shows below it
    const host = js.filter(([, , by]) => by === false);
    if (host.length > 1 || (host.length && via !== 'executor' && js[js.length - 1][2] !== false)) no('rejection');
    if (host.length && via === 'executor') host[0][2] = 'new Promise';
    line = top;
    return Object.assign(new Thrown(v.name, v.message), { js: js.length ? js : undefined, made: js[0]?.[1] ?? top, via: via === 'executor' ? undefined : via || undefined });
  };
  const no = (what: string): never => { throw new Unsupported(what); };
  let lines: string[] = [];
  /** From the statement's own text to the line as the traceback shows it (dedented). */
  const placed = (at?: number[]) => {
    const phys = lines[line - 1] ?? '';
    return at?.map((x) => x + phys.indexOf(piece.trim().split('\n')[0]) - indent(piece) - indent(phys));
  };
  /** The runs of whole input so far (a REPL's inputs): where a function was defined. */
  let runs = 0;
  /** `break` or `return` where nothing takes it: the compilers' SyntaxError. */
  const illegal = (j: Jump) => new Thrown('SyntaxError', py ? (j.k === 'continue' ? "'continue' not properly in loop" : `'${j.k}' outside ${j.k === 'return' ? 'function' : 'loop'}`) : `Illegal ${j.k} statement${j.k === 'continue' ? ': no surrounding iteration statement' : ''}`);
  const evalIn = (src: string, sc: Scope) => parser(src).whole()(sc);
  /** An if's or while's test, which may bind a name (`while (n := n - 1):`). */
  const cond = (src: string, sc: Scope) => pyTruth(parser(src).whole(true)(sc));
  /** A user function: its body runs in a scope of its own; `return` gives its value. */
  const userFn = (name: string, params: string[] | ((a: V[]) => [string, V][]), run: (sc: Scope) => V, up: Scope, input = runs - 1, own = false): V => {
    const self: V = fn(name, function (this: V, ...a: V[]) {
      const from: [number, string] = [line, piece], was = direct, d = direct === self || (!!direct && (Array.prototype as V)[direct.name] === direct && direct.name);
      direct = undefined;
      deepest = Math.max(deepest, running.push([fname(self), line, d]));
      try {
        const vars = typeof params === 'function' ? new Map(params(a)) : bind(params, a, up);
        // (a function called on nothing has the global object as its `this`, outside strict mode)
        if (own) vars.set('this', this ?? globals.globalThis);
        untaped(() => run({ vars, up, f: [fname(self) ?? name, input] }));
        return py ? null : undefined;
      } catch (j) {
        if (j instanceof Jump) {
          if (j.k === 'return') return j.v;
          throw illegal(j);
        }
        // the traceback's frame is the caller's line, marked at the call
        if (j instanceof Thrown) {
          // (V8 names a method by what it was called on)
          if (!py) (j.js ??= []).push([this && /^[of]/.test(typeof this) && !Array.isArray(this) ? `${typeof this === 'function' ? fname(this) : this[CLASS] ?? 'Object'}.${fname(self)}` : fname(self), line, d]);
          if (j.spot) (j.frames ??= []).unshift([j.spot[0], j.spot[1], j.spot[2], fname(self) ?? name, input]);
          j.at = j.spot = undefined;
        }
        throw j;
      } finally {
        // (node: back at the caller's line; an array method calls it again for the next item)
        if (!py) [line, piece] = from;
        running.pop();
        if (typeof d === 'string') direct = was;
      }
    });
    // node's f.length: the parameters before the first with a default or the rest
    if (!py && Array.isArray(params)) self.flen = arity(params);
    return self;
  };
  /** JS parameters (`a`, `b = 2`, `...rest`) bound to a call's arguments; a default sees the parameters before it. */
  const bind = (params: string[], a: V[], up: Scope) => {
    const vars = new Map<string, V>();
    params.forEach((p, k) => {
      const [, rest, n, d] = /^(\.\.\.)?([\w$\xc0-\u024f]+)\s*(?:=([^]*))?$/.exec(p) ?? [];
      if (n) return void vars.set(n, rest ? a.slice(k) : a[k] === undefined && d ? evalIn(d, { vars, up }) : a[k]);
      const q = parser(p);
      const pat = q.pattern();
      const e = q.eat('=') ? q.expr() : undefined;
      pat({ vars, up }, a[k] === undefined && e ? e({ vars, up }) : a[k], (x, v) => vars.set(x, v));
    });
    return vars;
  };
  /** What a for loop or a comprehension takes items from: a list as it is at each item, no object of its own (which would take an address). */
  const items = (x: V): PyIter => (x instanceof PyIter || x?.[PYCLS] ? globals.iter(x) : seqIter('', Array.isArray(x) ? x : (globals.list as (x: V) => V[])(x), 0));
  const endless = () => new Thrown('RuntimeError', 'the simulated interpreter stops a loop after 100000 rounds');
  /** A loop's rounds; `after` (a for's update) runs after a `continue` too. True when it ended by `break`. */
  const loop = (next: () => boolean, round: () => void, after?: () => void, labels: string[] = []) => {
    for (let n = 0; next(); n++) {
      if (n > 100000) throw endless();
      try {
        round();
      } catch (j) {
        if (!(j instanceof Jump) || j.k === 'return' || (j.label && !labels.includes(j.label))) throw j;
        if (j.k === 'break') return true;
      }
      after?.();
    }
    return false;
  };
  /** node: an async function's body, whose statements stop at each await (js-await.ts). */
  let bodies: ReturnType<typeof awaits> | undefined;
  const gen = (code: string, sc: Scope, at: number) => (bodies ??= awaits((x, s, l) => jsExec(x, s, l), evalIn, statements, body, tryParts, close, after, caught, (j) => (j instanceof Jump && j.k !== 'return' && !j.label ? j.k : undefined), (l, x) => void ([line, piece] = [l, x]), no))(code, sc, at);
  /** What a `throw` of `x` throws, for a generator to take in where it awaited. */
  const thrown = (x: V) => { try { return raise(x); } catch (t) { return t; } };
  /** node's REPL: an input with top-level awaits, each waited for (the loop runs until it settles). */
  const awaited = (code: string) => {
    const g = gen(code, top, 1), P = tasks!.globals.Promise;
    try {
      for (let r = g.next(); ; ) {
        if (r.done) return r.value;
        let done = 0, got: V;
        P.resolve(r.value).then((v: V) => ((done = 1), (got = v)), (e: V) => ((done = 2), (got = e)));
        // (one that never settles would keep node's REPL waiting; one the microtasks settle goes on before any timer)
        while ((tasks!.drain(), !done) && tasks!.round());
        r = done === 1 ? g.next(got) : done ? g.throw(thrown(got)) : no('await');
      }
    } catch (e) {
      // (node's REPL runs such an input as an async function: an Error out of it shows a frame of its own)
      throw e instanceof Thrown && !(e.user && !(e.value instanceof Error)) ? new Unsupported('rejection') : e;
    }
  };
  /** node: an ES module runs strict (no name is made by assigning it), and from a microtask: the ticks it queues wait for the microtasks. */
  let esm = false;
  /** (an error out of it node reports as a module's, which the evaluator does not) */
  const module = (code: string) => void tasks!.globals.queueMicrotask(() => {
    try {
      asyncCall(code, top, 1, '');
    } catch (j) {
      if (!(j instanceof Jump)) throw j;
      j.v.then(undefined, () => no('an error of an ES module'));
    }
  });
  /** node: an async function's call: it runs to its first await, and returns the promise of what it returns. */
  const asyncCall = (code: string, sc: Scope, at: number, name: string): never => {
    const g = gen(code, sc, at), P = tasks!.globals.Promise;
    let ok: V, bad: V, first = true;
    const q = P((a: V, b: V) => ((ok = a), (bad = b)));
    // (resumed by the loop, its frame is the only one of the program's; an await hands a rejection in as a throw)
    const step = (v: V, fail: boolean) => {
      let r;
      if (!first) running.push([name, line, false]);
      // (an Error a promise's callback made, awaited here, has this function in node's stack: `at async …`)
      if (fail && origins.get(v)?.[0] === 'reaction') origins.delete(v);
      try {
        r = fail ? g.throw(thrown(v)) : g.next(v);
      } catch (j) {
        return void (j instanceof Jump && j.k === 'return' ? ok(j.v) : bad(caught(j)));
      } finally {
        if (!first) running.pop();
        first = false;
      }
      if (r.done) return void ok(undefined);
      P.resolve(r.value).then((x: V) => step(x, false), (e: V) => step(e, true));
    };
    step(undefined, false);
    throw new Jump('return', q);
  };
  /** node's `throw`: an Error as its class and message, any other value as itself. */
  const raise = (v: V): never => {
    // a value that is no object is written bare (the REPL inspects it), an object as util.inspect shows it
    throw Object.assign(v instanceof Error ? new Thrown(v.name, v.message) : v !== null && typeof v === 'object' ? new Thrown('{', inspect(v)) : new Thrown('', String(v), inspect(v)), { user: true, value: v });
  };
  const ctl = (head: string, sc: Scope) => {
    const [, k, rest] = /^(return|break|continue)\b\s*([^]*)$/.exec(head)!;
    throw new Jump(k, k === 'return' && rest.trim() ? evalIn(rest, sc) : undefined, k === 'return' ? '' : rest.trim());
  };

  /** python: its lines into blocks by indentation, a block's head with what follows its colon on the line. */
  type Block = [head: string, line: number, body: Block[]];
  /** The names a function's body assigns, loops over, defines or imports (not those it declares global): python's compiler makes them local. */
  const bound = (body: Block[], out = new Set<string>(), glob = new Set<string>()): Set<string> => {
    for (const [head, , inner] of body) {
      const m = /^(?:for\s+(.+?)\s+in\b|(?:def|class)\s+(\w+)|import\s+([\w.]+)|(?:global|nonlocal)\s+(.+)|(.*?)(?:[-+*/%&|^]|\/\/|\*\*|<<|>>)?=(?!=))/.exec(head) ?? [];
      const as = /\bas\s+(\w+)\s*:?$/.exec(head)?.[1];
      if (m[4]) m[4].split(',').forEach((n) => glob.add(n.trim()));
      for (const n of [...(m[1] ?? m[5] ?? '').split(/[,=]/), m[2], m[3]?.split('.')[0], as]) if (n && /^\w+$/.test(n.replace(/^[\s(*]+|[\s)]+$/g, ''))) out.add(n.replace(/^[\s(*]+|[\s)]+$/g, ''));
      if (!/^(def|class)\b/.test(head)) bound(inner, out, glob);
    }
    glob.forEach((n) => out.delete(n));
    return out;
  };
  /** How many line feeds `s` holds. */
  const lf = (s: string) => s.split('\n').length - 1;
  const indent = (l: string) => l.length - l.trimStart().length;
  /** python's lines as its tokenizer joins them (inside brackets or a triple quote, after a backslash), each with the number of its first; none blank. */
  const logical = (src: string) => {
    const out: [string, number][] = [];
    const ls = src.split('\n');
    for (let k = 0; k < ls.length; k++) {
      let text = ls[k];
      const n = k + 1;
      while (k + 1 < ls.length && unclosed(text)) text += '\n' + ls[++k];
      if (text.trim()) out.push([text, n]);
    }
    return out;
  };
  const blocks = (lines: [string, number][]): Block[] => {
    const out: Block[] = [];
    while (lines.length) {
      const [text, n] = lines.shift()!;
      const body: [string, number][] = [];
      while (lines.length && (!lines[0][0].trim() || indent(lines[0][0]) > indent(text))) body.push(lines.shift()!);
      // the head ends at the first colon outside brackets and strings (`def f(a=(1, 2)):`, `lambda y: y`)
      const [head, ...after] = /^\s*(for|if|elif|else|while|def|try|except|finally|class|with)\b/.test(text) ? topSplit(text, ':') : [];
      const rest = after.join(':');
      if (after.length) out.push([head.trim() + ':', n, rest.trim() ? statements(rest).map(([t]): Block => [t.trim(), n, []]) : blocks(body)]);
      // (a simple statement has no deeper lines: checkIndent refused them)
      else out.push(...statements(text).map(([t]): Block => [t.trim(), n, []]));
    }
    return out;
  };
  /**
   * What python's tokenizer refuses before anything runs: an indent no block opened, a dedent to
   * no level above, a block head with no indented line after it, and a clause (`else:`) with no
   * statement of its own kind before it at its level.
   */
  const COMPOUND = /^(for|if|elif|else|while|def|try|except|finally|class|with)\b/;
  const AFTER: Record<string, string> = { def: 'function definition', class: 'class definition' };
  const CLAUSE: Record<string, RegExp> = { else: /^(if|elif|for|while|try|except)$/, elif: /^(if|elif)$/, except: /^(try|except)$/, finally: /^(try|except|else)$/ };
  const checkIndent = (lines: [string, number][]) => {
    const levels = [0];
    // the compound statement last seen at each level, and the head waiting for its block
    const last = new Map<number, string>();
    let head: [string, number] | undefined;
    for (const [text, n] of lines) {
      const col = indent(text), code = text.trim();
      const fail = (type: string, msg: string, at?: number[]) => { [line, piece] = [n, code]; throw Object.assign(new Thrown(type, msg), { at }); };
      const top = levels[levels.length - 1];
      // (3.13 marks the line's first token)
      const w = minor > 12 ? /^\w+|/.exec(code)![0].length || 1 : 1;
      if (head && col <= top) fail('IndentationError', `expected an indented block after ${AFTER[head[0]] ?? `'${head[0]}' statement`} on line ${head[1]}`, [0, 0, w, w]);
      if (col > top) {
        if (!head) fail('IndentationError', 'unexpected indent', [-1, -1, -1, -1]);
        levels.push(col);
      }
      while (col < levels[levels.length - 1]) last.delete(levels.pop()!);
      if (col !== levels[levels.length - 1]) fail('IndentationError', 'unindent does not match any outer indentation level', [code.split('\n')[0].length, 0, 0, code.split('\n')[0].length + 1]);
      const kw = COMPOUND.exec(code)?.[1];
      const end = code.length;
      // python 2's print statement: 3.10 on marks all of it, 3.9 its arguments, which it quotes
      const arg = /^print\s+(?!(in|is|if|else|and|or|not|for)\b)["'\w]/.exec(code)?.[0].length ?? 0;
      if (arg) fail('SyntaxError', `Missing parentheses in call to 'print'. Did you mean print(${minor < 10 ? code.slice(arg - 1) : '...'})?`, minor < 10 ? [arg - 1, arg - 1, arg, arg] : [0, 0, end, end]);
      // (a clause with no statement to go on fails at its keyword, before its line ends)
      if (kw && CLAUSE[kw] && !CLAUSE[kw].test(last.get(col) ?? '')) fail('SyntaxError', 'invalid syntax', [0, 0, kw.length, kw.length]);
      // `if x = 1:` (3.10 on): the name and the value it would take, marked as a comparison meant
      const cond = minor > 9 ? /^(if|elif|while)\s+/.exec(code)?.[0].length ?? 0 : 0;
      const eq = cond ? /^([A-Za-z_]\w*\s*=(?!=)\s*)(.*?)\s*(?=\b(?:and|or|if|else)\b|[<>!]|==|:\s*$)/.exec(code.slice(cond)) : null;
      if (eq?.[2]) fail('SyntaxError', "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", [cond, cond, cond + eq[1].length + eq[2].length, cond + eq[1].length + eq[2].length]);
      if (!code.includes('\n')) {
        // the parser's own errors at the end of a line, which come before what the next lines hold
        if (kw && topSplit(code, ':').length < 2) {
          // a token after the head's whole expression is a stray one, not a missing colon
          let stop: { k: string; v: string; p: number } | undefined;
          try { const p = parser(code.slice(kw.length)); p.expr(); stop = p.peek(); } catch { /* the colon's error */ }
          const b = kw.length + (stop?.p ?? 0);
          if (stop?.k) fail('SyntaxError', 'invalid syntax', [b, b, b + (minor < 10 ? 1 : stop.v.length), b + (minor < 10 ? 1 : stop.v.length)]);
          fail('SyntaxError', "expected ':'", [end, end, end + 1, end + 1]);
        }
        // a compound statement is never one of a line's simple statements (`x = 1; if x: …`, `if a: if b: …`)
        const cuts = pyScan(code).cuts;
        for (const c of kw ? [topSplit(code, ':')[0].length, ...cuts] : cuts) {
          const k = c + 1 + indent(code.slice(c + 1)), s = COMPOUND.exec(code.slice(k))?.[1];
          if (s) fail('SyntaxError', 'invalid syntax', [k, k, k + (minor < 10 ? 1 : s.length), k + (minor < 10 ? 1 : s.length)]);
        }
      }
      last.set(col, kw ?? '');
      // a head whose block is on its own line after it (not `if x: y`)
      head = kw && /:\s*$/.test(code) && topSplit(code, ':').slice(1).join(':').trim() === '' ? [kw, n] : undefined;
    }
  };
  /** A def's parameters (`a, b=2, *rest, **kw`, annotated or not): what binds a call's arguments to them. */
  const pyParams = (text: string, sc: Scope, name: string) => {
    const ps = params(text).map((p) => {
      const [, star, n, d] = /^(\*{0,2})(\w+)\s*(?::[^=]*)?(?:=([^]*))?$/.exec(p) ?? [];
      if (!n) throw syntax('invalid syntax', 0);
      return { star, n, d: d === undefined ? undefined : [evalIn(d, sc)] };
    });
    const plain = ps.filter((p) => !p.star);
    const names = (l: string[]) => l.map((x) => `'${x}'`).join(', ').replace(/, ([^,]*)$/, l.length > 2 ? ', and $1' : ' and $1');
    return (a: V[]): [string, V][] => {
      const kw = { ...(a[a.length - 1]?.[KW] ? a.pop() : {}) };
      const miss: string[] = [];
      let k = 0;
      const out = ps.map(({ star, n, d }): [string, V] => {
        if (star) return [n, star === '*' ? Object.assign(a.slice(k, (k = Math.max(k, a.length))), { [TUPLE]: true }) : pyDict(Object.entries(kw).filter(([x]) => !plain.some((p) => p.n === x)))];
        const v = k < a.length ? a[k++] : Object.hasOwn(kw, n) ? kw[n] : d ? d[0] : miss.push(n);
        delete kw[n];
        return [n, v];
      });
      const most = plain.length, least = plain.filter((p) => !p.d).length;
      if (k < a.length) throw new Thrown('TypeError', `${name}() takes ${least < most ? `from ${least} to ${most}` : most} positional argument${most === 1 ? '' : 's'} but ${a.length} ${a.length === 1 ? 'was' : 'were'} given`);
      // python names a keyword it does not know before the arguments missing
      const extra = !ps.some((p) => p.star === '**') && Object.keys(kw)[0];
      if (extra) throw new Thrown('TypeError', `${name}() got an unexpected keyword argument '${extra}'`);
      if (miss.length) throw new Thrown('TypeError', `${name}() missing ${miss.length} required positional argument${miss.length > 1 ? 's' : ''}: ${names(miss)}`);
      return out;
    };
  };
  /** The exception an `except` block handles: what a bare `raise` raises again. */
  let handling: Thrown | undefined;
  const pyRaise = (src: string, sc: Scope): never => {
    if (!src.trim()) throw handling ?? new Thrown('RuntimeError', 'No active exception to reraise');
    // `raise X from Y`: the cause is shown only in the traceback's chain
    const from = /\sfrom\s([^]*)$/.exec(src)?.[1];
    let v = evalIn(src.replace(/\sfrom\s[^]*$/, ''), sc);
    if (typeof v === 'function' && v.exc) v = v();
    if (!(v instanceof Thrown)) throw new Thrown('TypeError', 'exceptions must derive from BaseException');
    if (from !== undefined) { const c = evalIn(from, sc); v.cause = c instanceof Thrown ? c : null; }
    throw v;
  };
  /** `del a, b[k], c.n` (at `off` in the statement): a name unbound, a list's item or slice, a dict's key, an object's attribute. */
  const pyDel = (src: string, off: number, sc: Scope) => {
    for (const part of topSplit(src, ',')) {
      const t = part.trim(), b = off + part.length - part.trimStart().length, z = b + t.length;
      off += part.length + 1;
      // (the subscript's bracket: the one that closes the target)
      let k = t.endsWith(']') ? t.length - 1 : 0;
      for (let d = 0; k > 0; k--) if (!(d += t[k] === ']' ? 1 : t[k] === '[' ? -1 : 0)) break;
      const dot = /^(.+)\.\s*(\w+)$/.exec(t), x = k > 0 ? evalIn(t.slice(0, k), sc) : dot ? evalIn(dot[1], sc) : undefined;
      try {
        if (k > 0) {
          const [key, ...cut] = topSplit(t.slice(k + 1, -1), ':');
          if (Array.isArray(x) && !(x as V)[TUPLE]) {
            const n = BigInt(x.length), at = (v: V, d: bigint) => (v.trim() ? ((i) => Number(i < 0n ? (i + n < 0n ? 0n : i + n) : i > n ? n : i))(evalIn(v, sc)) : Number(d));
            if (cut.length > 1) no('del with a step');
            if (cut.length) { const a = at(key, 0n); x.splice(a, Math.max(0, at(cut[0], n) - a)); continue; }
            const i = evalIn(key, sc);
            if (typeof i !== 'bigint') throw new Thrown('TypeError', `list indices must be integers or slices, not ${typeName(i)}`);
            if (i >= n || i < -n) throw new Thrown('IndexError', 'list assignment index out of range');
            x.splice(Number(i < 0n ? i + n : i), 1);
          } else if (x instanceof Dict && !cut.length) {
            const v = evalIn(key, sc);
            if (!x.delete(v)) throw keyError(v);
          } else if (dunder(x, '__delitem__') && !cut.length) dunder(x, '__delitem__')(evalIn(key, sc));
          else if (x?.[TUPLE] || typeof x === 'string') throw new Thrown('TypeError', `'${typeName(x)}' object doesn't support item deletion`);
          else no('del ' + t);
        } else if (dot) {
          if (!x?.[PYCLS]) no('del ' + t);
          // (before 3.11 the message is the name alone)
          if (!Object.hasOwn(x, dot[2])) throw new Thrown('AttributeError', minor < 11 ? dot[2] : `'${typeName(x)}' object has no attribute '${dot[2]}'`);
          delete x[dot[2]];
        } else if (/^[A-Za-z_]\w*$/.test(t)) {
          if (!(sc.g?.has(t) ? top : sc).vars.delete(t)) throw sc.f ? no('del ' + t) : new Thrown('NameError', `name '${t}' is not defined`);
        } else no('del ' + t);
      } catch (e) {
        if (e instanceof Thrown) e.at ??= [b, k > 0 ? b + k : b, z, z];
        throw e;
      }
    }
    return NOTHING;
  };
  /** `assert test, message`: an AssertionError of the message when the test is false. */
  const pyAssert = (src: string, sc: Scope) => {
    const [test, ...msg] = topSplit(src, ',');
    if (pyTruth(evalIn(test, sc))) return NOTHING;
    const m = msg.length ? evalIn(msg.join(','), sc) : undefined;
    // the traceback marks the test (3.12 marks nothing)
    const b = 6 + test.length - test.trimStart().length, z = 6 + test.trimEnd().length;
    throw Object.assign(new Thrown('AssertionError', m === undefined ? '' : pyStr(m)), { args: m === undefined ? [] : [m], at: minor === 12 ? undefined : [b, b, z, z] });
  };
  /** `try:` with its `except X as e:`, `else:` and `finally:` blocks. */
  const pyTry = function* (body: Block[], clauses: Block[], sc: Scope): Generator<V, void, V> {
    const part = (kw: string) => clauses.filter(([h]) => h.startsWith(kw));
    // (a close would run its finally, or an except that takes GeneratorExit; in a handler only the finally)
    const fin = +clauses.some(([h]) => h.startsWith('finally'));
    let guard = +(fin || clauses.some(([h]) => /^except\s*(:|.*\b(GeneratorExit|BaseException)\b)/.test(h)));
    guards += guard;
    try {
      try {
        yield* pyRun(body, sc);
      } catch (j) {
        // the evaluator's own limits and exit() are no exceptions of the program
        if (!(j instanceof Thrown)) throw j;
        const h = part('except').find(([head]) => { const w = /^except\s*(.*?)(?:\s+as\s+(\w+))?\s*:$/.exec(head)!; return !w[1] || isA(j.type, evalIn(w[1], sc)); });
        if (!h) throw j;
        const name = /\bas\s+(\w+)\s*:$/.exec(h[0])?.[1];
        if (name) sc.vars.set(name, j);
        const was = handling;
        handling = j;
        guards += fin - guard;
        guard = fin;
        // (what the module catches is shown again above what its handler raises)
        if (!sc.f) j.where = [line, (lines[line - 1] ?? '').trim(), placed(j.at)];
        // (in a function: from the line of its body that raised, down through the calls it made)
        else if (j.spot) j.local = [[j.spot[0], j.spot[1], j.spot[2], ...sc.f], ...(j.frames ?? [])];
        try {
          yield* pyRun(h[2], sc);
        } catch (k) {
          if (k instanceof Thrown && k !== j) k.context ??= j;
          throw k;
        } finally {
          handling = was;
        }
        return;
      }
      for (const [, , e] of part('else')) yield* pyRun(e, sc);
    } finally {
      // what propagates through the finally block keeps the line it was raised on
      const was: [number, string] = [line, piece];
      guards -= guard;
      for (const [, , f] of part('finally')) yield* pyRun(f, sc);
      [line, piece] = was;
    }
  };
  /** The methods running (their class and self): what `super()` is of. */
  const calls: V[][] = [];
  let objs = 0;
  /** StopIteration of an iterator's return value. */
  const stopped = (ret: V) => Object.assign(new Thrown('StopIteration', ret == null ? '' : pyStr(ret)), { args: ret == null ? [] : [ret] });
  /** The try blocks a generator is suspended in that its close would run (a finally, an except that takes GeneratorExit), counted while it runs. */
  let guards = 0;
  /** The generator whose body runs now. */
  let active: PyIter | undefined;
  /** Generators suspended inside such blocks: CPython closes each when the last reference to it goes. */
  const pending = new Set<PyIter>();
  /** The iterators of the module's for loops that run now. */
  const looping: V[] = [];
  /**
   * A generator: its body resumed at each item, `send`'s value given to the `yield` it stopped at
   * and `throw`'s exception raised there. `def` is its function's frame in a traceback: its name,
   * the run that defined it, its line and text.
   */
  const generator = (name: string, body: Generator<V, V, V>, def?: [string, number, number, string], vars?: Map<string, V>): PyIter => {
    // (0: not started, 1: stopped at a yield, 2: running, 3: done)
    let state = 0, own: Thrown | undefined, mine = 0;
    const resume = (how: 'next' | 'throw', v?: V): V => {
      if (state === 2) throw new Thrown('ValueError', 'generator already executing');
      if (state === 3) {
        g.ret = null;
        if (how === 'throw') throw v;
        return END;
      }
      const was = handling, out = guards, up = active;
      [handling, guards, active] = [own, mine, g];
      state = 2;
      try {
        const r = body[how](v);
        state = r.done ? 3 : 1;
        return r.done ? ((g.ret = r.value), END) : r.value;
      } catch (j) {
        state = 3;
        if (!(j instanceof Thrown)) throw j;
        // a frame of its function's: where its body raised, or its def when it had not started
        if (def) (j.frames ??= []).unshift(j.spot ? [j.spot[0], j.spot[1], j.spot[2], def[0], def[1]] : [def[2], def[3], undefined, def[0], def[1]]);
        j.at = j.spot = undefined;
        // (a StopIteration out of its body is an error, caused by it: shown from this frame on)
        throw j.type === 'StopIteration' ? Object.assign(new Thrown('RuntimeError', 'generator raised StopIteration'), { cause: Object.assign(j, { local: j.frames }) }) : j;
      } finally {
        [own, mine] = [handling, guards];
        [handling, guards, active] = [was, out, up];
        if (state === 1 && mine) pending.add(g);
        else pending.delete(g);
      }
    };
    const g = new PyIter('generator', () => resume('next'), objs++);
    const close = () => {
      if (state !== 1) return state === 2 ? resume('next') : ((state = 3), null);
      let v;
      try {
        v = resume('throw', new Thrown('GeneratorExit', ''));
      } catch (j) {
        if (j instanceof Thrown && j.type === 'GeneratorExit') return null;
        throw j;
      }
      if (v !== END) throw new Thrown('RuntimeError', 'generator ignored GeneratorExit');
      // (3.13 gives what the body returned)
      return minor > 12 ? g.ret : null;
    };
    const ok = (v: V) => (v === END ? (() => { throw stopped(g.ret); })() : v);
    g.name = name;
    g.from = () => [...(vars?.values() ?? []), ...(g.via ? [g.via] : [])];
    g.methods = {
      send: fn('send', (v: V) => { if (!state && v !== null) throw new Thrown('TypeError', "can't send non-None value to a just-started generator"); return ok(resume('next', v)); }),
      throw: fn('throw', (e: V, ...more: V[]) => {
        if (more.length) throw new Unsupported('throw(type, value, traceback)');
        if (e?.exc) e = e();
        if (!(e instanceof Thrown)) throw new Thrown('TypeError', `exceptions must be classes or instances deriving from BaseException, not ${typeName(e)}`);
        return ok(resume('throw', e));
      }),
      close: fn('close', close), __next__: fn('__next__', () => ok(resume('next'))),
    };
    return g;
  };
  /**
   * After a statement of the module: a generator suspended in a try whose last reference went is
   * one CPython closed then, which for the one a `for` made and left is as it left (`fresh`);
   * any other is refused, its close's place not known.
   */
  const dropped = (fresh?: V) => {
    const held = reach([...top.vars.values(), ...looping]), gone = reach([fresh]);
    for (const g of pending) if (!held.has(g)) gone.has(g) ? g.methods!.close() : no(`${g.name}() left suspended in its try block`);
  };
  /** The iterators `xs` hold, themselves included. */
  const reach = (xs: V[], out = new Set<V>()) => {
    for (const x of xs) if (x instanceof PyIter && !out.has(x)) reach(x.from?.() ?? [], out.add(x));
    return out;
  };
  /** `yield x`, `yield from xs`, `target = yield x`: what the generator's taker sends back is its value. */
  const yieldStmt = function* (head: string, sc: Scope): Generator<V, V, V> {
    const [, target, from, src] = /^(?:([^=]+?)\s*(?<![-+*/%&|^<>!=])=\s*)?yield(\s+from\b)?([^]*)$/.exec(head)!;
    let v: V = null;
    if (!from) v = yield src.trim() ? evalIn(src, sc) : null;
    else {
      // (what is sent or thrown in goes on to a generator it delegates to; its return value is this one's)
      const it = globals.iter(evalIn(src, sc)), m = it.methods, me = active!;
      me.via = it;
      for (let n = 0, how = 'send', arg: V = null; ; n++) {
        if (n > 100000) throw endless();
        let x: V;
        try {
          if (how === 'throw' && (!m || arg.type === 'GeneratorExit')) throw (m?.close(), arg);
          x = m ? m[how](arg) : it.pull();
        } catch (e) {
          if (m && e !== arg && e instanceof Thrown && e.type === 'StopIteration') { v = e.args?.[0] ?? null; break; }
          throw e;
        }
        if (x === END) break;
        try {
          [how, arg] = ['send', yield x];
        } catch (e) {
          [how, arg] = ['throw', e];
        }
      }
      me.via = undefined;
    }
    if (target) (parser(target).whole().set ?? bad)(sc, v);
    return NOTHING;
  };
  /** The line of a body's first `yield` (a def inside it is another function), 0 if none. */
  const yields = (b: Block[]): number => {
    for (const [h, n, inner] of b) if (!/^(def|class)\b/.test(h)) {
      const t = /\byield\b/.test(h) ? lex(h, true) : [], y = t.findIndex((x) => x.k === 'i' && x.v === 'yield');
      // (a lambda that yields is a generator of its own)
      if (y >= 0) return t.slice(0, y).some((x) => x.v === 'lambda') ? no('lambda: (yield)') : n;
      const k = yields(inner);
      if (k) return k;
    }
    return 0;
  };
  /**
   * `class P(Base):`: calling P makes an instance and runs its __init__; the body's names are its
   * attributes, its operators' methods (`__eq__`, `__add__`…) what its operators call.
   */
  const pyClass = (head: string, body: Block[], sc: Scope) => {
    const [, name, b] = /^(\w+)\s*(?:\((.*)\))?$/s.exec(head) ?? [];
    if (!name) throw new Thrown('SyntaxError', 'invalid syntax');
    const base = b?.trim() ? evalIn(b, sc) : undefined;
    // an exception class of the program's own: raised as its base is, named after itself (a body of methods is not run)
    if (base?.exc && body.every(([h]) => /^(pass$|['"])/.test(h))) {
      USER[name] = base.exc;
      const E: V = fn(name, (...a: V[]) => Object.assign(base(...a), { type: name, cls: E }));
      return void sc.vars.set(name, Object.assign(E, { exc: name, [SHOW]: `<class '__main__.${name}'>` }));
    }
    if (base && !base[PYD]) throw new Unsupported(`class ${name}(${b})`);
    // @staticmethod, @property…
    for (const [h] of body) if (h[0] === '@') throw new Unsupported(h);
    const C: V = fn(name, (...a: V[]) => {
      const me = { [PYCLS]: C, [ADDR]: objs++ };
      const init = find(C, '__init__', me);
      if (init) init(...a);
      else if (a.length) throw new Thrown('TypeError', `${name}() takes no arguments`);
      return me;
    });
    const cs: Scope = { vars: new Map(), up: { vars: new Map([['super', fn('super', () => { const [c, me] = calls[calls.length - 1] ?? []; return { [SUPER]: [c?.base, me] }; })]]), up: sc }, q: name };
    pyExec(body, cs);
    const wrap = (k: string, f: V) => {
      if (/^__\w+__$/.test(k) && !/^__(init|str|repr|(r?(add|sub|mul|truediv|floordiv|mod))|eq|ne|lt|le|gt|ge|len|(get|set)item|contains|iter|next|bool|call|hash)__$/.test(k)) throw new Unsupported(k);
      return Object.assign(fn(k, (...a: V[]) => { calls.push([C, a[0]]); try { return f(...a); } finally { calls.pop(); } }), { kw: true, [SHOW]: f[SHOW] });
    };
    sc.vars.set(name, Object.assign(C, { base, kw: true, [PYD]: Object.fromEntries([['__name__', name], ['__doc__', docOf(body)], ...[...cs.vars].map(([k, v]) => [k, typeof v === 'function' && !v[PYD] ? wrap(k, v) : v])]), [SHOW]: `<class '__main__.${name}'>` }));
  };
  /** A def's or class's docstring: the string its body starts with. */
  const docOf = (body: Block[]): V => {
    const [head, , inner] = body[0] ?? [];
    let doc: V = null;
    try {
      const p = parser(head);
      if (p.t[0].k === 's' && p.t.length === 2 && !/^f/i.test(head) && !inner.length) doc = p.whole()(top);
    } catch { /* no string */ }
    return doc;
  };
  /** A body's statements; a generator's stops at each `yield`, which the others do not reach. */
  const pyExec = (b: Block[], sc: Scope): V => {
    const r = pyRun(b, sc).next();
    // (a class's body that yields)
    if (!r.done) no('yield');
    return r.value;
  };
  /** A python loop's rounds, which may stop at a yield. True when it ended by `break`. */
  const pyLoop = function* (next: () => boolean, round: () => Generator<V, V, V>): Generator<V, boolean, V> {
    for (let n = 0; next(); n++) {
      if (n > 100000) throw endless();
      try {
        yield* round();
      } catch (j) {
        if (!(j instanceof Jump) || j.k === 'return') throw j;
        if (j.k === 'break') return true;
      }
    }
    return false;
  };
  const pyRun = function* (b: Block[], sc: Scope): Generator<V, V, V> {
    let value: V = NOTHING;
    let taken = false;
    for (let k = 0; k < b.length; k++) {
      const [head, n, body] = b[k];
      try {
        // (a head may go on over lines inside its brackets)
        const m = /^(for|if|elif|else|while|def|try|class|with)\b\s*(.*?)\s*:$/s.exec(head);
        // a head's traceback marks its expression
        if (sc === top) [line, piece] = [n, m?.[2] || head];
        const kw = m?.[1];
        if (!m) {
          value = /^(return|break|continue)\b/.test(head) ? ctl(head, sc) : /^([^=]+?\s*(?<![-+*/%&|^<>!=])=\s*)?yield\b/.test(head) ? yield* yieldStmt(head, sc) : /^raise\b/.test(head) ? pyRaise(head.slice(5), sc) : /^assert\b/.test(head) ? pyAssert(head.slice(6), sc) : statement(head, sc);
          if (sc === top && pending.size) dropped();
          continue;
        }
        value = NOTHING;
        if (kw === 'try') {
          const clauses: Block[] = [];
          while (b[k + 1] && /^(except|else|finally)\b/.test(b[k + 1][0])) clauses.push(b[++k]);
          yield* pyTry(body, clauses, sc);
          if (sc === top && pending.size) dropped();
          continue;
        }
        if (kw === 'with') {
          // `with open(…) as f:` closes what it opened, whatever happens in its block
          const [, src, name] = /^(.+?)(?:\s+as\s+(\w+))?$/.exec(m[2])!;
          const v = evalIn(src, sc);
          if (!v?.close) throw new Unsupported('with');
          if (name) sc.vars.set(name, v);
          try {
            yield* pyRun(body, sc);
          } finally {
            v.close();
          }
          continue;
        }
        if (kw === 'class') pyClass(m[2], body, sc);
        else if (kw === 'def') {
          const [, name, params] = /^(\w+)\s*\((.*)\)\s*(?:->.*)?$/s.exec(m[2]) ?? [];
          if (!name) throw new Thrown('SyntaxError', 'invalid syntax');
          const q = sc.q ? `${sc.q}.${name}` : name;
          const loc = bound(body), args = pyParams(params, sc, q), run = (s2: Scope) => ((s2.loc = loc), pyRun(body, s2));
          // a generator's arguments are bound at its call, its body run as its items are taken
          const input = runs - 1;
          const gen = yields(body) && fn(name, (...a: V[]) => ((s2: Scope) => generator(name, (function* () {
            try {
              yield* run(s2);
            } catch (j) {
              if (!(j instanceof Jump)) throw j;
              if (j.k !== 'return') throw illegal(j);
              return j.v;
            }
            return null;
          })(), [name, input, n, head], s2.vars))({ vars: new Map(args(a)), up: sc, f: [name, input] }));
          sc.vars.set(name, Object.assign(gen || userFn(name, args, (s2) => pyExec(body, (s2.loc = loc, s2)), sc), { [SHOW]: `<function ${q} at 0x7f3a2c1b5e40>`, kw: true, doc: docOf(body) }));
        } else if (kw === 'for') {
          // (a head without its targets or its iterable is the parser's error, at its `in` or its colon)
          const [, names, src] = /^(.+?)\s+in\s+(.+)$/s.exec(m[2]) ?? (() => { const k = /^in\b/.test(m[2]) ? 0 : m[2].length + 1; throw syntax('invalid syntax', k, k + (k ? 1 : 2)); })();
          const it = evalIn(src, sc);
          // (an iterator's items are taken as each round starts)
          const each = ((x: PyIter) => () => x.pull())(items(it));
          let v: V;
          const target = parser(names).whole();
          // a dict that grows or shrinks under its loop stops it (3.13 marks the iterable, a call's brackets)
          const d = it instanceof DictView ? it.d : it instanceof Dict || it instanceof PySet ? it : undefined, size = d?.size;
          const b = m[2].length - src.length, z = m[2].length, x = b + Math.max(0, src.search(/\((?:[^()]|\([^()]*\))*\)$/));
          const changed = () => Object.assign(new Thrown('RuntimeError', d instanceof PySet ? 'Set changed size during iteration' : 'dictionary changed size during iteration'), { at: minor > 12 ? [b, x, z, z] : undefined });
          // the loop's `else` runs unless it ended by `break`
          // (its next item is taken on its line, where what fails then fails)
          if (sc === top) looping.push(it);
          try {
          taken = yield* pyLoop(() => { if (sc === top) [line, piece] = [n, m[2]]; if (d && d.size !== size) throw changed(); try { return (v = each()) !== END; } catch (e) { if (e instanceof Thrown && minor > 12) e.at ??= [b, x, z, z]; if (e instanceof Thrown && sc.f && e.at) e.spot ??= [n, head, e.at.map((k) => k + head.indexOf(m[2]))]; throw e; } }, () => {
            // (what cannot unpack into the targets fails under them)
            try {
              (target.set ?? bad)(sc, v);
            } catch (e) {
              if (e instanceof Thrown) e.at ??= [0, 0, names.length, names.length];
              throw e;
            }
            return pyRun(body, sc);
          });
          } finally {
            // (a generator the loop's head made goes with the loop)
            if (sc === top) looping.pop();
            if (sc === top && pending.size) dropped(/^\w+\s*\(/.test(src) ? it : undefined);
          }
        } else if (kw === 'while') taken = yield* pyLoop(() => cond(m[2], sc), () => pyRun(body, sc));
        else {
          if (kw === 'if') taken = false;
          if (taken) continue;
          taken = kw === 'else' || cond(m[2], sc);
          if (taken) yield* pyRun(body, sc);
        }
      } catch (j) {
        // where a function's body was when it raised: the frame its call adds to python's traceback
        if (j instanceof Thrown && sc.f && !j.spot) j.spot = [n, head, /^(for|with)\b/.test(head) ? undefined : j.at?.map((x) => x + (/^(return|raise|if|elif|while)\b\s*|^([^=]+?=\s*)?yield(\s+from\b)?/.exec(head)?.[0].length ?? 0))];
        throw j;
      }
    }
    return value;
  };

  /** JS: a bracket's match in `s` from `at`, outside strings. */
  const close = (s: string, at: number): number => {
    let depth = 0;
    for (const m of s.slice(at).matchAll(BRACKET)) {
      depth += dep(m[0]);
      if (!depth) return at + m.index!;
    }
    throw new Open();
  };
  /** JS: a statement or block after a head (`for (…) BODY`), and what follows it. */
  const body = (s: string): [string, string] => {
    s = s.trim();
    // (a statement ends at `;`, or at the line's end before an else)
    if (s[0] !== '{') { const k = Math.min(topSplit(s, ';')[0].length, (s.search(/\n\s*else\b/) + 1 || s.length + 1) - 1); return [s.slice(0, k), s.slice(k + 1).trim()]; }
    const end = close(s, 0);
    return [s.slice(1, end), s.slice(end + 1).trim()];
  };
  /** What follows the statement `s` starts with (an if's else included). */
  const after = (s: string): string => {
    s = s.trim();
    const kw = /^(if|for|while)\b/.exec(s)?.[1];
    const r = kw ? body(s.slice(close(s, s.indexOf('(')) + 1))[1] : s[0] === '{' ? body(s)[1] : '';
    return kw === 'if' && /^else\b/.test(r) ? after(r.slice(4)) : r;
  };
  /** `{ … } REST`: the block in a scope of its own, then what follows it. */
  const jsBlock = (t: string, sc: Scope, L: number): V => {
    const [code, rest] = body(t);
    const v = jsExec(code, { vars: new Map(), up: sc }, L);
    return rest ? jsExec(rest, sc, L + lf(t.slice(0, -rest.length))) : v;
  };
  /** What a `catch` gets: the value thrown, or the Error of what the runtime raised. */
  const caught = (j: unknown): V => {
    // a SyntaxError of the source is no exception of the program, nor is a limit of the evaluator
    if (j instanceof Error) { const u = overflow(j); if (u !== j) throw u; return j; }
    if (!(j instanceof Thrown) || (j.type === 'SyntaxError' && !j.user && j.json === undefined) || (!j.user && !JS_ERRORS.includes(j.type))) throw j;
    return j.user ? j.value : Object.assign(new (globalThis as V)[j.type](j.msg), j.sys?.fields);
  };
  /** `try {…} catch (e) {…} finally {…} REST`. */
  /** `try {…} catch (e) {…} finally {…} REST`: the try's code, the catch's parameter and code, the finally's code, and what follows. */
  const tryParts = (t: string): [string, string | undefined, string | undefined, string | undefined, string] => {
    let [code, rest] = body(t.slice(3));
    const c = /^catch\b\s*(?:\(([^)]*)\))?/.exec(rest);
    const handler = c ? body(rest.slice(c[0].length)) : undefined;
    if (handler) rest = handler[1];
    const fin = /^finally\b/.test(rest) ? body(rest.slice(7)) : undefined;
    if (fin) rest = fin[1];
    if (!handler && !fin) throw syntax('Missing catch or finally after try', 0);
    return [code, c?.[1]?.trim(), handler?.[0], fin?.[0], rest];
  };
  const jsTry = (t: string, sc: Scope, L: number): V => {
    const on = (x: string) => L + lf(t.slice(0, t.lastIndexOf(x)));
    const [code, param, handler, fin, rest] = tryParts(t);
    const inner = (vars: [string, V][] = []) => ({ vars: new Map(vars), up: sc });
    try {
      jsExec(code, inner(), L + lf(t.slice(0, t.indexOf(code))));
    } catch (j) {
      if (handler === undefined) throw j;
      const v = caught(j), s2 = inner();
      if (param) parser(param).pattern()(s2, v, (n, x) => s2.vars.set(n, x));
      jsExec(handler, s2, on(handler));
    } finally {
      if (fin !== undefined) jsExec(fin, inner(), on(fin));
    }
    return rest ? jsExec(rest, sc, on(rest)) : undefined;
  };
  /** `do BODY while (TEST)`: the body once before the first test. */
  const jsDo = (t: string, sc: Scope, L: number, labels?: string[]): V => {
    const s = t.slice(2).trim(), w = /[;\n]\s*(while\s*\([^]*\))$/.exec(s);
    const [code, rest] = s[0] === '{' || !w ? body(s) : [s.slice(0, w.index), w[1]];
    const test = /^while\s*\(([^]*)\)$/.exec(rest)?.[1];
    if (test === undefined) throw syntax('Unexpected end of input', t.length);
    let first = true;
    loop(() => first || !!evalIn(test, sc), () => ((first = false), jsExec(code, { vars: new Map(), up: sc }, L + lf(t.slice(0, t.indexOf(code))))), () => (first = false), labels);
    return undefined;
  };
  /**
   * `switch (X) { case A: … default: … } REST`: from the first case equal to X (===), or else from
   * default, the clauses' code runs on in one scope until a `break`.
   */
  const jsSwitch = (t: string, sc: Scope, L: number): V => {
    const open = t.indexOf('('), end = close(t, open);
    const [code, rest] = body(t.slice(end + 1));
    const x = evalIn(t.slice(open + 1, end), sc), own = { vars: new Map(), up: sc }, base = L + lf(t.slice(0, t.indexOf(code)));
    // each clause's test (none: default), where its code starts and where its head does
    const heads: [string, number, number][] = [];
    const flat = code.replace(QUOTED, (m) => m.replace(/[^\n]/g, ' '));
    for (let d = 0, m, R = /[([{]|[)\]}]|\b(case|default)\b/g; (m = R.exec(flat));) {
      d += '([{'.includes(m[0]) ? 1 : ')]}'.includes(m[0]) ? -1 : 0;
      if (d || !m[1]) continue;
      // (a case's test ends at the first colon outside its brackets; default's is empty)
      const at = m.index + m[1].length, to = at + topSplit(flat.slice(at), ':')[0].length;
      heads.push([code.slice(at, to).trim(), (R.lastIndex = to + 1), m.index]);
    }
    let k = heads.findIndex(([test]) => test && evalIn(test, own) === x);
    if (k < 0) k = heads.findIndex(([test]) => !test);
    try {
      for (; k >= 0 && k < heads.length; k++) jsExec(code.slice(heads[k][1], heads[k + 1]?.[2] ?? code.length), own, base + lf(code.slice(0, heads[k][1])));
    } catch (j) {
      if (!(j instanceof Jump && j.k === 'break' && !j.label)) throw j;
    }
    return rest ? jsExec(rest, sc, L + lf(t.slice(0, -rest.length))) : undefined;
  };
  /** In a derived class's constructor, `this` before `super(…)`. */
  const noThis = () => { throw new Thrown('ReferenceError', "Must call super constructor in derived class before accessing 'this' or returning from derived constructor"); };
  /**
   * `class A extends B { … } REST`: A runs only under `new`; its constructor, fields and
   * methods see `this`, and `super` is both the base's constructor and its methods on `this`.
   */
  const jsClass = (t: string, sc: Scope, L: number): V => {
    const [h, name, ext] = /^class\s+([\w$]+)\s*(?:extends\s+([^{]+?))?\s*(?={)/.exec(t) ?? [];
    if (!h) throw new Unsupported('class');
    const base: V = ext && evalIn(ext, sc);
    if (ext && !base?.[CLASS]) throw new Unsupported('extends');
    const proto = Object.create(base ? base.prototype : Object.prototype, { [CLASS]: { value: name } });
    const fields: [string, string][] = [];
    let ctor: V;
    const method = (m: string, ps: string[], code: string, isCtor = false) => function self(this: V, ...a: V[]) {
      const me = this?.[SUPER] ?? this;
      let s2: Scope;
      // (called by the program's own code, its frame is the method's, named by its class)
      const r = ((u: V) => ((direct = direct === self ? u : direct), u.call(me, ...a)))(userFn(m, ps, (s) => {
        s2 = s;
        s.vars.set('this', isCtor && base ? SUPER : me);
        if (base) s.vars.set('super', Object.setPrototypeOf(fn('super', (...b: V[]) => { base.init(me, b); init(me); s.vars.set('this', me); }), Object.create(base.prototype, { [SUPER]: { value: me } })));
        jsExec(code, s, L + lf(t.slice(0, t.indexOf(code))));
      }, sc));
      if (s2!.vars.get('this') === SUPER) noThis();
      return r;
    };
    const init = (me: V) => { for (const [k, e] of fields) me[k] = evalIn(e, { vars: new Map([['this', me]]), up: sc }); };
    const C: V = Object.assign(fn(name, () => { throw new Thrown('TypeError', `Class constructor ${name} cannot be invoked without 'new'`); }), {
      prototype: proto, base, flen: 0,
      init: (me: V, a: V[]) => (base || init(me), ctor ? ctor.call(me, ...a) : base && (base.init(me, a), init(me))),
      [CLASS]: (a: V[]) => { const me = Object.create(proto); C.init(me, a); return me; },
    });
    const [code, rest] = body(t.slice(h.length));
    for (let s = code.trim(), m; s; s = s.trim()) {
      if (!(m = /^(static\s+)?(?:([gs]et)\s+(?=[\w$]+\s*\())?([\w$]+)\s*/.exec(s))) throw new Unsupported('class');
      const [all, st, acc, k] = m;
      const to = st ? C : proto;
      s = s.slice(all.length);
      if (s[0] !== '(') {
        // a field ends at `;` or the line's end: what else follows a name (`async m()`) is not run
        if (!/\n/.test(all) && !/^([=;]|$)/.test(s)) throw new Unsupported('class');
        const [f, e = 'undefined'] = /^(?:=([^;\n]*))?;?/.exec(s)!;
        s = s.slice(f.length);
        if (st) C[k] = evalIn(e, sc);
        else fields.push([k, e]);
        continue;
      }
      const end = close(s, 0);
      const [b, r] = body(s.slice(end + 1));
      const ps = params(s.slice(1, end));
      const f = method(k, ps, b, k === 'constructor' && !st);
      s = r;
      if (k === 'constructor' && !st) (ctor = f), (C.flen = arity(ps));
      else if (acc) Object.defineProperty(to, k, { [acc]: f, configurable: true });
      else Object.defineProperty(to, k, { value: f, writable: true, configurable: true });
    }
    sc.vars.set(name, C);
    return rest ? jsExec(rest, sc, L + lf(t.slice(0, -rest.length))) : undefined;
  };
  /** JS statements; `labels`: the labels of the first, which its loop's `continue` may name. */
  const jsExec = (src: string, sc: Scope, base = 1, labels: string[] = []): V => {
    let value: V = NOTHING;
    // the labels of the statement to come (`outer:` on a line of its own)
    let pend: string[] = [];
    const all = statements(src);
    // (the block's function declarations are bound before any of it runs)
    for (const hoist of [1, 0]) for (const [text, n] of all) {
      if (hoist && !/^(async\s+)?function\s+[\w$]/.test(text.trim())) continue;
      // (node reports the line that raised, at any depth)
      const L = ([line, piece] = [base + n - 1, text])[0];
      const isAsync = /^async\s+function\b/.test(text.trim());
      const t = text.trim().slice(isAsync ? 5 : 0).trim();
      /** The line where the end `x` of the statement starts. */
      const on = (x: string) => L + lf(t.slice(0, t.length - x.length));
      const lab = /^([A-Za-z_$][\w$]*)\s*:(?!:)/.exec(t);
      if (pend.length || lab) {
        // `name: statement`: a `break name` in it ends it
        const ls = [...labels, ...pend, ...(lab ? [lab[1]] : [])], rest = lab ? t.slice(lab[0].length).trim() : t;
        pend = rest ? [] : ls;
        try {
          if (rest) value = jsExec(rest, sc, on(rest), ls);
        } catch (j) {
          if (!(j instanceof Jump && j.k === 'break' && ls.includes(j.label))) throw j;
          value = undefined;
        }
        continue;
      }
      const kw = /^(for|while|if|function|do|try|class|switch)\b/.exec(t)?.[1];
      if (kw === 'do' || kw === 'try' || kw === 'class' || kw === 'switch') {
        value = (kw === 'do' ? jsDo : kw === 'try' ? jsTry : kw === 'class' ? jsClass : jsSwitch)(t, sc, L, labels);
        continue;
      }
      if (!kw) {
        if (/^throw\b/.test(t)) raise(evalIn(t.slice(5), sc));
        value = /^(return|break|continue)\b/.test(t) ? ctl(t, sc) : t[0] === '{' ? jsBlock(t, sc, L) : statement(text, sc);
        continue;
      }
      const open = t.indexOf('(');
      const end = close(t, open);
      const head = t.slice(open + 1, end);
      const [code, rest] = body(t.slice(end + 1));
      const block = (s2: Scope) => jsExec(code, s2, on(t.slice(end + 1).trimStart()));
      const inner = () => ({ vars: new Map(), up: sc });
      if (kw === 'function') {
        const name = t.slice(8, open).trim();
        // a generator runs lazily: the evaluator has no such thing
        if (name[0] === '*') throw new Unsupported('function*');
        sc.vars.set(name, Object.assign(userFn(name, params(head), isAsync ? (s2) => asyncCall(code, s2, on(t.slice(end + 1).trimStart()), name) : block, sc, undefined, true), { [ASYNC]: isAsync }));
        value = rest && !hoist ? jsExec(rest, sc, on(rest)) : NOTHING;
        continue;
      }
      value = undefined;
      // what follows the statement on its line (`for (…) {…} console.log(s)`) runs after it
      let more = rest;
      if (kw === 'if') {
        const other = /^else\b/.test(rest);
        // (the branch taken gives the REPL its value)
        if (evalIn(head, sc)) (value = block(inner())), (more = other ? after(rest.slice(4)) : rest);
        else if (other) (value = jsExec(rest.slice(4), sc, on(rest))), (more = '');
      } else if (kw === 'while') loop(() => !!evalIn(head, sc), () => block(inner()), undefined, labels);
      else {
        const of = /^(?:const|let|var)\s+([\w$\xc0-\u024f]+|[[{][^]*[\]}])\s+(of|in)\s+(.+)$/s.exec(head);
        const own = inner();
        if (of) {
          const items = [...(of[2] === 'of' ? evalIn(of[3], sc) : Object.keys(evalIn(of[3], sc)))];
          const pat = parser(of[1]).pattern();
          loop(() => items.length > 0, () => { const vars = new Map(); pat(own, items.shift(), (n, v) => vars.set(n, v)); block({ vars, up: own }); }, undefined, labels);
        } else {
          const [init, test, step] = head.split(';');
          if (init.trim()) statement(init, own);
          // (a `let` of the head is each round's own: a closure keeps that round's value)
          let it = own;
          loop(() => !test.trim() || !!evalIn(test, it), () => block({ vars: new Map(), up: it }), () => (/^\s*let\b/.test(init) && (it = { ...it, vars: new Map(it.vars) }), step.trim() && statement(step, it)), labels);
        }
      }
      if (more) value = jsExec(more, sc, on(more));
    }
    return value;
  };

  /**
   * node: the program's brackets, as V8 reads them before running any of it (see v8Brackets); true
   * when it runs as an ES module: `type` says, or else one that awaits at its top level does from
   * node 20.19 and 22 on (before, it is a SyntaxError, whose report from a `file` the evaluator lacks).
   */
  const jsChecked = (src: string, { type, file }: { type?: string; file?: boolean } = {}): boolean => {
    const code = src.replace(COMMENT, (m) => (/^\/[/*]/.test(m) ? m.replace(/[^\n]/g, ' ') : m));
    try {
      v8Brackets(code);
      const tokens = lex(code, false), stray = strayAwait(tokens, code);
      const message = h.version.startsWith('v14.') ? 'await is only valid in async function' : 'await is only valid in async functions and the top level bodies of modules';
      // (`for await` outside an async function is a word V8 reserves there)
      if (stray >= 0) throw syntax(/\bfor\s*$/.test(code.slice(0, stray)) ? 'Unexpected reserved word' : message, stray, stray + 5);
      const [k, deep] = type ? [-1] : topAwait(tokens, code);
      if (k < 0 || /^v(2[2-9]|20\.(19|[2-9]\d))/.test(h.version)) return type === 'module' || k >= 0;
      // (inside brackets V8 reads the await as a name, and fails on what follows it)
      throw deep || file ? new Unsupported('await') : syntax(message, k, k + 5);
    } catch (e) {
      // from the program's place to its line, counted from the line's first word
      const x = e instanceof Open ? e.v8 : e;
      if (x instanceof Thrown && x.at) {
        const from = x.at[0], n = code.slice(0, from).split('\n').length, phys = src.split('\n')[n - 1];
        [line, piece] = [n, phys.trim()];
        x.at = x.at.map((a) => a - (code.lastIndexOf('\n', from - 1) + 1) - indent(phys));
      }
      throw e;
    }
  };

  return {
    NOTHING,
    /** What sys.version (python) or process.version (node) says. */
    version: py ? pyBuild(h) : h.version,
    /**
     * Runs `src`; returns what it printed and the value of its last statement. `repl`: a REPL's
     * input, whose event loop runs once its value is shown (settle).
     */
    run(src: string, repl = false, as: { type?: string; warn?: string; file?: boolean } = {}): { out: string; err: string; value: V; error?: unknown; line?: number; code?: unknown; esm?: boolean } {
      log.length = errs.length = marks.length = 0;
      inRepl = repl;
      fromFile = repl ? minor > 12 : !!as.file;
      tasks?.fresh();
      let value: V = NOTHING;
      line = 1;
      piece = '';
      // (a script's first line `#!/usr/bin/env node` is a comment to V8)
      if (!py) src = src.replace(/^#!.*/, '');
      try {
        // an open bracket, or python's block until the blank line that ends it
        // (a compound statement on one line waits for the blank line too)
        lines = src.split('\n');
        // (the REPL awaits at its top level as a script, from node 16 on)
        esm = !py && jsChecked(src, repl ? { type: h.version.startsWith('v14.') ? undefined : 'commonjs' } : as);
        if (esm) {
          // (an ES module has no require, module or __dirname, and no this at its top)
          for (const k of ['require', '__filename', '__dirname']) delete globals[k];
          globals.this = undefined;
          // (a script's warning names node's pid: refused where it is not known)
          if (!as.type && as.warn !== undefined) errs.push(as.warn || no('a warning of node'));
        }
        // (node's brackets are jsChecked's, outside comments)
        // (python: its comments blanked, which the tokenizer skips)
        const scan = py ? pyScan(src) : undefined;
        const code = scan?.code ?? src;
        if (scan?.more) throw new Open();
        // (what the parser refuses in the lines so far it says at once, not after the blank line)
        if (py && /:\s*$|^(for|if|while|def|class|with|try)\b/.test(code.split('\n')[0]) && !/\n\s*$/.test(src)) throw (checkIndent(logical(code)), new Open());
        // JS comments become blanks, which keeps lines and columns; a regex literal (a slash where a value starts) is no comment
        runs++;
        lines = src.split('\n');
        const ls = py ? logical(code) : [];
        if (py) checkIndent(ls);
        const js = src.replace(COMMENT, (m) => (/^\/[/*]/.test(m) ? m.replace(/[^\n]/g, ' ') : m));
        // (a yield inside a comprehension, a function of its own, is the compiler's error too, and found first)
        for (const [text, n] of ls) {
          let c;
          try { c = /\byield\b/.test(text) ? yieldInComprehension(lex(text, true)) : undefined; } catch { /* the parser's error, when it runs */ }
          if (!c) continue;
          // (3.9 marks the comprehension, later releases the yield)
          const [b, e] = minor < 10 ? [c[1], c[1] + 1] : [c[2], c[3]], k = text.lastIndexOf('\n', b) + 1, phys = lines[(line = n + lf(text.slice(0, b))) - 1];
          piece = phys.trim();
          throw Object.assign(new Thrown('SyntaxError', `'yield' inside ${c[0]}`), { late: true, at: [b, b, e, e].map((x) => x - k - indent(phys)) });
        }
        // (a yield outside a function is the compiler's error: nothing runs)
        const bl = py ? blocks(ls) : [], y = yields(bl);
        if (y) throw Object.assign(new Thrown('SyntaxError', "'yield' outside function"), { late: true, at: ((t) => [t.indexOf('yield'), t.indexOf('yield'), t.length, t.length])(lines[(line = y) - 1].trim()) });
        value = py ? pyExec(bl, top) : repl && /\bawait\b/.test(js) ? awaited(js) : esm ? module(js) : jsExec(js, top);
        // (a program's end closes the generator left in its try block, as CPython's teardown; the order of several is not known)
        if (py && !repl && pending.size) [...pending].forEach((g, k) => (k ? no('generators left suspended in their try blocks') : g.methods!.close()));
        while (later.length) later.shift()();
        // (node: each round of the loop at its time, with what the program had written by its end)
        if (!repl) for (let go = !py; go; go = tasks!.round()) marks.push([tasks!.elapsed(), log.length, errs.length]);
        // what the REPL will show must be writable (python's int digits limit); its displayhook keeps it as the builtin `_`
        if (py && value !== NOTHING && value != null) (repr(value), repl && (globals._ = value));
      } catch (e) {
        if (!py) marks.push([tasks!.elapsed(), log.length, errs.length]);
        // (CPython would close a generator left in its try block after its traceback)
        if (py && !repl && pending.size && e instanceof Thrown) e = new Unsupported('a generator left in its try block at an error');
        if (e instanceof Unhandled) try { e = rejection(e.reason); } catch (u) { e = u; }
        // (V8 marks the keyword, python the statement)
        if (e instanceof Jump) { const w = py ? piece.length : e.k.length; e = Object.assign(illegal(e), { at: [0, 0, w, w], late: true }); }
        // from the statement's own text to the line as the traceback shows it (dedented)
        if (e instanceof Thrown && e.at) e.at = placed(e.at);
        // the tokenizer counts the program's lines, the statement's lexer only its own
        if (e instanceof Thrown && e.msg.endsWith('(detected at line 1)')) e.msg = e.msg.replace(/\d+\)$/, `${line})`);
        e = overflow(e);
        return { out: log.join(''), err: errs.join(''), value, error: e instanceof Error ? (py && e instanceof RangeError ? new Thrown('MemoryError', '') : new Thrown(e.name, e.message)) : e, line };
      }
      // node's process.exitCode, the status it ends with when nothing else sets one
      return { out: log.join(''), err: errs.join(''), value, code: globals.process?.exitCode, esm };
    },
    /**
     * node's REPL: the event loop as far as the clock has gone since it started (and `ahead` ms
     * more), and what it wrote; an error of it as the REPL reports it.
     */
    settle(ahead = 0): { out: string; err: string; error?: unknown } {
      log.length = errs.length = 0;
      try {
        tasks!.fresh();
        const now = Math.max(clock() - born, tasks!.elapsed());
        while (tasks!.round(now));
        tasks!.reach(now);
        while (tasks!.round(now + ahead));
        return { out: log.join(''), err: errs.join('') };
      } catch (e) {
        let error = overflow(e);
        // (node's REPL reports a rejection's Error with its whole stack)
        if (e instanceof Unhandled) try { raise(e.reason instanceof Error ? no('rejection') : e.reason); } catch (t) { error = t; }
        return { out: log.join(''), err: errs.join(''), error };
      }
    },
    /** node: when the program wrote what (see marks), for a terminal that shows it as it comes. */
    rounds,
    /** The ports the program listens on. */
    ports: () => [...servers.keys()],
    /** A request for `url` on `port` (null: nothing listens there): the handler's response and what it logged. */
    request(port: number, url: string, method = 'GET'): { status: number; body: string; out: string } | null {
      if (!servers.has(port)) return null;
      log.length = 0;
      let body = '';
      const res = { statusCode: 200, setHeader() {}, writeHead: (c: number) => ((res.statusCode = c), res), write: (x: V) => ((body += x), true), end: (x: V = '') => void (body += x) };
      try {
        servers.get(port)?.({ url, method, headers: {} }, res);
      } catch { /* what was sent before the handler failed */ }
      return { status: res.statusCode, body, out: log.join('') };
    },
  };
}
