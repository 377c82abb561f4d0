/**
 * The part of Go's text/template that `--format` users write: field paths (`{{.State.Status}}`),
 * docker's functions (json, index, join, upper, lower, title, split, len, println, printf),
 * `if`/`else`/`range`/`end`, and `{{-`/`-}}` trimming. Values print like Go's `%v`.
 */
import { CliError } from '../errors';
import { goParseFloat, goParseInt } from '../../common/go-strconv';
import { memo } from '../memo';
import { GoNil, GoStruct, GoText, GoValue, MISSING, typed } from './go-types';

/** Actions keep where they start in the source (`at`), for Go's line:column in errors. */
type Node =
  | { k: 'text'; v: string }
  | { k: 'act'; p: string[]; f?: string; pos?: string; at: number; set?: string[] }
  | { k: 'if' | 'range' | 'with'; p: string[]; body: Node[]; no: Node[]; at: number; set?: string[] };

/** `$k, $v := pipeline`: the variables declared, and the pipeline. */
function declared(toks: string[]): [string[] | undefined, string[]] {
  const i = toks.indexOf(':=');
  return i < 0 ? [undefined, toks] : [toks.slice(0, i).map((t) => t.replace(/,$/, '')), toks.slice(i + 1)];
}

export class TemplateError extends CliError {}

/** Errors found while parsing read as the client reports them (`template parsing error: …`). */
const parseError = (message: string): TemplateError => new TemplateError('template parsing error: template: :1: ' + message);

/** Words of an action, one after the other from its start (sticky): strings, raw strings, the rest. */
const TOKEN = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|[()]|[^\s()]+)/gy;

function tokenize(src: string, closed = true): string[] {
  const rest = src.replace(TOKEN, '').trim();
  if (rest) throw parseError(`unexpected "${rest[0]}" in command`);
  // A field right after a closing paren, `(index .Mounts 0).Name`, is read from that value (a
  // chain node): it is kept as one `).Name` word.
  const toks: string[] = [];
  for (const m of src.matchAll(TOKEN)) {
    const prev = toks[toks.length - 1];
    checkWord(m[1], prev === undefined || prev === '|' || prev === '(');
    if (m[0] === m[1] && m[1][0] === '.' && prev === ')') toks[toks.length - 1] += m[1];
    else toks.push(m[1]);
  }
  if (!closed) return toks;
  let depth = 0;
  for (const t of toks) {
    depth += t === '(' ? 1 : t[0] === ')' ? -1 : 0;
    if (depth < 0) throw parseError('unexpected right paren');
  }
  if (depth) throw parseError('unclosed left paren');
  if (toks.some((t, k) => t === '(' && toks[k + 1]?.[0] === ')')) throw parseError('missing value for parenthesized pipeline');
  return toks;
}

/**
 * Go's lexer and parser on one word: a character no token starts with is a bad character right
 * after a name, otherwise unexpected where it stands, at the start of a command or after an operand.
 */
function checkWord(w: string, first: boolean): void {
  if (w[0] === '"' || w[0] === '`') {
    // A quoted string ends at a line break (`{{"\n"}}` in ps/images --format, whose `\n` the
    // client turns into one first).
    if (w.length < 2 || w[w.length - 1] !== w[0] || (w[0] === '"' && w.includes('\n'))) throw parseError(`unterminated ${w[0] === '`' ? 'raw ' : ''}quoted string`);
    // strconv.Unquote: only Go's escapes
    if (w[0] === '"' && /\\(?![abfnrtv\\"]|x[\da-fA-F]{2}|u[\da-fA-F]{4}|U[\da-fA-F]{8}|[0-7]{3})/.test(w.replace(/\\\\/g, ''))) throw parseError('invalid syntax');
    return;
  }
  if (w[0] === "'") {
    if (w === "''") throw parseError('invalid syntax');
    if (w.length < 2 || w.at(-1) !== "'") throw parseError('unterminated character constant');
    if (!/^'(?:[^\\']|\\[abfnrtv\\']|\\x[\da-fA-F]{2}|\\u[\da-fA-F]{4}|\\[0-7]{3})'$/u.test(w)) throw parseError(`malformed character constant: ${w}`);
    return;
  }
  if (/^[+-]|^\.?\d/.test(w)) return checkNumber(w);
  // A field path: no empty part (`.A.`, `.A..B`), and a name that a `-` touches is refused.
  if (w[0] === '.' && w.length > 1) {
    if (w[1] === '.') throw parseError('unexpected . after term "."');
    if (/\.\.|\.$/.test(w)) throw parseError('unexpected <.> in operand');
  }
  const stray = /[^\p{L}\p{Nd}_.$|:=,+\-'()]/u.exec(w);
  const dash = /^[.$\p{L}_][\p{L}\p{Nd}_.$]*-/u.exec(w);
  const bad = stray ?? (dash && { 0: '-', index: dash[0].length - 1 });
  if (!bad) return;
  const c = bad[0];
  const code = c.codePointAt(0)!;
  const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
  // A field, variable or name must end at a terminator (space, `.`, `|`, `)`…): the lexer
  // refuses what touches it (`{{.Name}` at the end, `{{.A;}}`).
  if (bad.index && /^[.$\p{L}_][\p{L}\p{Nd}_.$]*$/u.test(w.slice(0, bad.index))) throw parseError(`bad character ${u}`);
  if (code > 126) throw parseError(`unrecognized character in action: ${u}`);
  throw parseError(`unexpected "${c}" in ${first && !bad.index ? 'command' : 'operand'}`);
}

/** Go's lexer (scanNumber) and parser (newNumber) on a word that starts as a number. */
function checkNumber(w: string): void {
  let i = 0;
  const one = (set: string): boolean => (i < w.length && set.includes(w[i]) ? (i++, true) : false);
  const run = (set: string): void => { while (i < w.length && set.includes(w[i])) i++; };
  one('+-');
  let digits = '0123456789_';
  if (one('0')) digits = one('xX') ? '0123456789abcdefABCDEF_' : one('oO') ? '01234567_' : one('bB') ? '01_' : digits;
  run(digits);
  if (one('.')) run(digits);
  if (digits.length === 11 && one('eE')) { one('+-'); run('0123456789_'); }
  if (digits.length === 23 && one('pP')) { one('+-'); run('0123456789_'); }
  one('i');
  if (i < w.length && /[\p{L}\p{Nd}_]/u.test(w[i])) throw parseError(`bad number syntax: ${JSON.stringify(w.slice(0, i + 1))}`);
  const text = w.slice(0, i);
  // what touches the number is the parser's next token: a number (`1.2.3`: ".3") or a field
  const next = /^\.[\p{L}\p{Nd}_]*/u.exec(w.slice(i));
  if (next && i) throw parseError(/^\.\d/.test(next[0]) ? `unexpected ${JSON.stringify(next[0])} in operand` : `unexpected . after term ${JSON.stringify(text)}`);
  if (i < w.length) return;
  // newNumber: an int64 or uint64, else a float (an integer too big for both overflows)
  const ok = (f: () => unknown) => { try { return f(), true; } catch { return false; } };
  const real = text.replace(/i$/, '');
  if (ok(() => goParseInt(real)) || ok(() => goParseInt(real, 64, true))) return;
  if (!ok(() => goParseFloat(real))) throw parseError(`illegal number syntax: ${JSON.stringify(text)}`);
  if (!/[.eEpP]/.test(text)) throw parseError(`integer overflow: ${JSON.stringify(text)}`);
}

/** A number constant as the template uses it: idealConstant's float64 or int, a rune's code, a complex printed. */
function numberValue(tok: string): number | string {
  if (tok[0] === "'") return unquote(tok).codePointAt(0)!;
  if (tok.endsWith('i')) return `(0+${goParseFloat(tok.slice(0, -1))}i)`;
  if (/[.eEpP]/.test(tok) && !/^[+-]?0[xX][^pP]*$/.test(tok)) return goParseFloat(tok);
  try {
    return Number(goParseInt(tok));
  } catch {
    throw new ExecFail(`${tok} overflows int`, tok);
  }
}

/** Parses a template. */
export function compile(src: string): Node[] {
  const pieces: (string | { a: string; at: number })[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) { pieces.push(src.slice(i)); break; }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src[start] === '-' && /\s/.test(src[start + 1])) { text = text.replace(/\s+$/, ''); start++; }
    const close = src.indexOf('}}', start);
    if (close < 0) {
      // The parser reads up to the end first: a stray character there is its error.
      tokenize(src.slice(start), false);
      throw parseError('unclosed action');
    }
    let end = close;
    let next = close + 2;
    if (src[close - 1] === '-' && /\s/.test(src[close - 2])) end = close - 1;
    const body = src.slice(start, end);
    pieces.push(text, { a: body.trim(), at: start + (body.length - body.trimStart().length) });
    if (end !== close) while (/\s/.test(src[next])) next++;
    i = next;
  }
  let pos = 0;
  // Variables in scope, innermost last: Go refuses an undeclared one as it parses.
  const scopes: string[][] = [['$']];
  let ranges = 0;
  const checkVars = (toks: string[]): void => {
    for (const t of toks) {
      const name = t[0] === '$' ? t.split('.')[0] : '';
      if (name && !scopes.some((sc) => sc.includes(name))) throw parseError(`undefined variable "${name}"`);
    }
  };
  /** if/range/with up to its {{end}}; `{{else if …}}` is a nested block sharing that end. */
  const block = (k: 'if' | 'range' | 'with', toks: string[], at: number): Node => {
    const [set, p] = declared(toks);
    if (!p.length) throw parseError(`missing value for ${k}`);
    checkVars(p);
    scopes.push(set ?? []);
    if (k === 'range') ranges++;
    const [body, how, etoks] = parse(['else', 'end']);
    if (k === 'range') ranges--;
    let no: Node[] = [];
    if (how === 'else' && (etoks[1] === 'if' || etoks[1] === 'with')) no = [block(etoks[1], etoks.slice(2), at)];
    else if (how === 'else') {
      const [rest, how2] = parse(['end', 'else']);
      if (how2 === 'else') throw parseError('expected end; found {{else}}');
      no = rest;
    }
    scopes.pop();
    return { k, p, body, no, at, set };
  };
  const parse = (stop: string[]): [Node[], string, string[]] => {
    const nodes: Node[] = [];
    while (pos < pieces.length) {
      const p = pieces[pos++];
      if (typeof p === 'string') { if (p) nodes.push({ k: 'text', v: p }); continue; }
      // {{/* a comment */}}, alone in its action
      if (p.a.startsWith('/*')) {
        if (p.a.endsWith('*/') && p.a.length > 3) continue;
        throw parseError(p.a.includes('*/') ? 'comment ends before closing delimiter' : 'unclosed comment');
      }
      const toks = tokenize(p.a);
      const head = toks[0];
      if (head === '|') throw parseError('unexpected "|" in command');
      if ((head === 'break' || head === 'continue') && !ranges) throw parseError(`{{${head}}} outside {{range}}`);
      for (const t of toks) {
        if (/^[A-Za-z_]\w*$/.test(t) && !Object.hasOwn(FUNCS, t) && !/^(if|range|with|else|end|true|false|nil|break|continue)$/.test(t)) {
          throw parseError(`function "${t}" not defined`);
        }
      }
      if (head === undefined) throw parseError('missing value for command');
      if (stop.includes(head)) return [nodes, head, toks];
      if (head === 'if' || head === 'range' || head === 'with') {
        nodes.push(block(head, toks.slice(1), p.at));
      } else if (head === 'end' || head === 'else') {
        throw parseError(`unexpected {{${head}}}`);
      } else if (toks.length === 1 && /^\.[^\W\d]\w*$/.test(head)) {
        // A lone field: its line:column goes into the error of a row that lacks it.
        nodes.push({ k: 'act', p: toks, f: head.slice(1), pos: linePos(src, p.at), at: p.at });
      } else {
        const [set, pipe] = declared(toks);
        checkVars(pipe);
        if (set) scopes[scopes.length - 1].push(...set);
        nodes.push({ k: 'act', p: pipe, at: p.at, set });
      }
    }
    if (stop.length) throw parseError('unexpected EOF');
    return [nodes, '', []];
  };
  const nodes = parse([])[0];
  sources.set(nodes, src);
  return nodes;
}

/** Each compiled template's source, for the line:column of its execution errors. */
const sources = new WeakMap<Node[], string>();

/** Go's `line:column` of a source offset (the column counts bytes from 0). */
function linePos(src: string, at: number): string {
  const before = src.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n') - 1}`;
}

const NO_VALUE = Symbol('no value');

/**
 * `typed`: the data are Go values (go-types); `raw`: decoded JSON, as `docker inspect` retries a
 * template that failed on the typed value, with missingkey=error: every object is then a map, a
 * missing key an error. Otherwise (listing rows, version, info) an object with capitalised keys
 * stands for a struct.
 */
let mode: '' | 'typed' | 'raw' = '';

/** An execution error at a node: `ctx` is the node as Go prints it, `find` where it starts in the source. */
class ExecFail extends Error {
  constructor(message: string, readonly ctx: string, readonly find = ctx) {
    super(message);
  }

  /** Where Go places the node: a field path `.A.B` (or `$v.A`) at its second part, as its parser does. */
  at(src: string, from: number): number {
    const i = src.indexOf(this.find, from);
    if (i < 0) return from;
    const dot = this.find[0] === '.' ? this.find.indexOf('.', 1) : this.find[0] === '$' ? this.find.indexOf('.') : -1;
    return i + Math.max(dot, 0);
  }
}

/** An error of a function, reported as `error calling <name>: …`. */
class FuncError extends Error {}

const isStruct = (v: object): boolean => {
  if (mode) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => /^[A-Z]/.test(k));
};

function field(dot: unknown, path: string): unknown {
  let v: unknown = dot;
  for (const key of path.split('.').filter(Boolean)) {
    if (v === NO_VALUE) return v;
    if (v instanceof GoValue) {
      v = v instanceof GoStruct ? v.get(key) : v instanceof GoNil && v.kind === 'm' ? NO_VALUE : MISSING;
      if (v === MISSING) throw new ExecFail(`can't evaluate field ${key}`, path);
      continue;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      throw new ExecFail(`can't evaluate field ${key} in type ${typeName(v)}`, path);
    }
    const parent = v as Record<string, unknown>;
    v = key in parent ? parent[key] : NO_VALUE;
    if (v === NO_VALUE && mode === 'raw') throw new ExecFail(`map has no entry for key "${key}"`, path);
  }
  return v;
}

function typeName(v: unknown): string {
  if (mode === 'raw') return 'interface {}';
  return typeof v === 'string' ? 'string' : typeof v === 'number' ? 'float64' : typeof v === 'boolean' ? 'bool' : 'interface {}';
}

/** What fmt prints for a pointer inside a value: an address, the same for the same data. */
function address(v: unknown): string {
  let h = 0x811c9dc5;
  for (const c of JSON.stringify(v) ?? '') h = Math.imul(h ^ c.charCodeAt(0), 0x1000193);
  return '0xc000' + (((h >>> 0) & 0xfff0) | 0x100000).toString(16);
}

/** Go's `%v`; `depth` > 0 inside a printed value, where a pointer prints as its address. */
export function goString(v: unknown, depth = 0): string {
  if (v === NO_VALUE || v === undefined) return '<no value>';
  // A JSON null decoded into an interface: text/template makes it an invalid value; fmt prints `<nil>`.
  if (v === null) return mode === 'raw' ? (depth ? '<nil>' : '<no value>') : '[]';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map((x) => goString(x, depth + 1)).join(' ') + ']';
  if (v instanceof GoValue) {
    if (v instanceof GoNil) return v.kind === '*' ? '<nil>' : v.kind === 'm' ? 'map[]' : '[]';
    const s = v as GoStruct | GoText;
    if (depth && s.ptr) return address(s.raw);
    if (s instanceof GoText) return s.text;
    return '{' + s.fields.map(([, x]) => goString(x, depth + 1)).join(' ') + '}';
  }
  // A Go struct prints its fields' values in order, without names: `{0.0.0.0 8080}`.
  if (isStruct(v as object)) return '{' + Object.values(v as object).map((x) => goString(x, depth + 1)).join(' ') + '}';
  const keys = Object.keys(v as object).sort();
  return 'map[' + keys.map((k) => `${k}:${goString((v as Record<string, unknown>)[k], depth + 1)}`).join(' ') + ']';
}

function truthy(v: unknown): boolean {
  if (v === NO_VALUE || !v) return false;
  if (v instanceof GoValue) return v instanceof GoText ? v.ptr || truthy(v.raw) : v instanceof GoStruct;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** Go compares only values of one basic kind: `eq .State.Running "true"` is an error, not false. */
function same(a: unknown, b: unknown): true {
  const kinds = ['string', 'number', 'boolean'];
  if (typeof a !== typeof b && kinds.includes(typeof a) && kinds.includes(typeof b)) throw new FuncError('incompatible types for comparison');
  return true;
}

const FUNCS: Record<string, (...a: unknown[]) => unknown> = {
  json: (v) => (v === NO_VALUE ? 'null' : JSON.stringify(v) ?? 'null'),
  upper: (s) => goString(s).toUpperCase(),
  lower: (s) => goString(s).toLowerCase(),
  title: (s) => goString(s).replace(/\b\w/g, (c) => c.toUpperCase()),
  join: (a, sep) => (Array.isArray(a) ? a.map(goString).join(goString(sep)) : goString(a)),
  split: (s, sep) => goString(s).split(goString(sep)),
  len: (v) => {
    if (v instanceof GoStruct || v instanceof GoText) throw new FuncError(`len of type ${goString(v)}`);
    return Array.isArray(v) || typeof v === 'string' ? v.length : v && typeof v === 'object' && !(v instanceof GoNil) ? Object.keys(v).length : 0;
  },
  index: (v, ...keys) => {
    let cur = v;
    for (const k of keys) {
      // Go's index: past the end is an error; at the end, reflect's own panic.
      // A string is indexed by byte.
      const str = typeof cur === 'string';
      if (str) cur = [...new TextEncoder().encode(cur as string)];
      if (Array.isArray(cur)) {
        const i = Number(k);
        if (i < 0 || i > cur.length) throw new FuncError(`index out of range: ${i}`);
        if (i === cur.length) throw new FuncError(`reflect: ${str ? 'string' : 'slice'} index out of range`);
        cur = cur[i];
        continue;
      }
      if (cur instanceof GoNil && cur.kind === 'm') return NO_VALUE;
      if (cur === NO_VALUE || cur === null) throw new FuncError('index of untyped nil');
      if (!cur || typeof cur !== 'object' || cur instanceof GoValue) throw new FuncError(`can't index item of type ${typeof cur === 'string' ? 'string' : 'interface {}'}`);
      const map = cur as Record<string, unknown>;
      // A missing key gives the map's zero value: "" for the string maps (labels) people index.
      cur = Object.hasOwn(map, String(k)) ? map[String(k)] : Object.values(map).every((x) => typeof x === 'string') ? '' : NO_VALUE;
    }
    return cur;
  },
  println: (...a) => a.map(goString).join(' ') + '\n',
  // fmt.Sprint: a space between two operands when neither is a string.
  print: (...a) => a.map((x, i) => (i && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + goString(x)).join(''),
  // fmt's verbs with flags, width and precision (`%-20s`, `%.10s`, `%05d`, `%.2f`); a verb that
  // does not fit its operand prints as fmt marks it (`%!d(string=web)`).
  printf: (fmt, ...a) => {
    let k = 0;
    return goString(fmt).replace(/%([-+ 0#]*)(\d*)(?:\.(\d*))?([a-zA-Z%])/g, (_, fl: string, w: string, p: string | undefined, c: string) => {
      if (c === '%') return '%';
      if (k >= a.length) return `%!${c}(MISSING)`;
      const val = a[k++];
      const num = typeof val === 'number';
      let s = c === 'd' && num ? String(Math.trunc(val)) : c === 'f' && num ? val.toFixed(p ? +p : 6) : c === 'x' && num ? Math.trunc(val).toString(16)
        : c === 'q' ? JSON.stringify(goString(val)) : c === 's' || c === 'v' || (c === 't' && typeof val === 'boolean') ? goString(val)
          : `%!${c}(${num ? (Number.isInteger(val) ? 'int' : 'float64') : typeof val === 'string' ? 'string' : 'bool'}=${goString(val)})`;
      if (p !== undefined && (c === 's' || c === 'v')) s = [...s].slice(0, +p).join('');
      return fl.includes('-') ? s.padEnd(+w) : s.padStart(+w, fl.includes('0') && num ? '0' : ' ');
    });
  },
  slice: (v, i, j) => {
    if (typeof v !== 'string' && !Array.isArray(v)) return v;
    const [a, b] = [Number(i ?? 0), j === undefined ? v.length : Number(j)];
    for (const x of [a, b]) if (x < 0 || x > v.length) throw new FuncError(`index out of range: ${x}`);
    if (a > b) throw new FuncError(`invalid slice index: ${a} > ${b}`);
    return v.slice(a, b);
  },
  eq: (a, ...b) => b.some((x) => same(a, x) && x === a),
  ne: (a, b) => same(a, b) && a !== b,
  lt: (a, b) => same(a, b) && (a as number) < (b as number),
  le: (a, b) => same(a, b) && (a as number) <= (b as number),
  gt: (a, b) => same(a, b) && (a as number) > (b as number),
  ge: (a, b) => same(a, b) && (a as number) >= (b as number),
  and: (...a) => a.find((x) => !truthy(x)) ?? a[a.length - 1],
  or: (...a) => a.find(truthy) ?? a[a.length - 1],
  not: (a) => !truthy(a),
  pad: (s, l, r) => (goString(s) ? ' '.repeat(Number(l)) + goString(s) + ' '.repeat(Number(r)) : ''),
  truncate: (s, n) => goString(s).slice(0, Number(n)),
};

/** How many arguments docker's functions and Go's fixed-arity builtins take. */
const ARITY: Record<string, number> = { json: 1, split: 2, join: 2, title: 1, lower: 1, upper: 1, pad: 3, truncate: 2, len: 1, not: 1, ne: 2, lt: 2, le: 2, gt: 2, ge: 2 };

/**
 * docker's header variants of its own functions (templates.HeaderFunctions): a table header
 * keeps the column name as it is, so `{{upper .Names}}` and `{{truncate .Names 3}}` say NAMES;
 * `pad` is left as is, to keep the header aligned with its column.
 */
const HEADER_SAME = new Set(['json', 'split', 'join', 'title', 'lower', 'upper', 'truncate']);

/** A word of an action, or a parenthesised pipeline. */
type Operand = string | Operand[];

/** Marks a nested operand `[CHAIN, pipeline, '.Field']`. */
const CHAIN = '\0';

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** strconv.Unquote of a Go string literal: its escapes, a raw tab kept. */
const unquote = (t: string): string => t.slice(1, -1).replace(/\\(x..|u.{4}|U.{8}|[0-7]{3}|.)/g, (_, e: string) =>
  ESCAPES[e] ?? (e.length < 2 ? e : String.fromCodePoint(/^\d/.test(e) ? parseInt(e, 8) : parseInt(e.slice(1), 16))));

function evalArg(tok: Operand, dot: unknown, header: boolean): unknown {
  if (Array.isArray(tok)) return tok[0] === CHAIN ? field(evalPipe(tok[1] as Operand[], dot, header), tok[2] as string) : evalPipe(tok, dot, header);
  if (tok === '.') return dot;
  if (tok[0] === '$') {
    const [name, ...path] = tok.split('.');
    if (!Object.hasOwn(vars, name)) throw parseError(`undefined variable "${name}"`);
    return path.length ? field(vars[name], '.' + path.join('.')) : vars[name];
  }
  if (/^([+-]?\.?\d|')/.test(tok)) return numberValue(tok);
  if (tok[0] === '.') return field(dot, tok);
  if (tok[0] === '"') return unquote(tok);
  if (tok[0] === '`') return tok.slice(1, -1);
  if (tok === 'true' || tok === 'false') return tok === 'true';
  if (Object.hasOwn(FUNCS, tok)) return FUNCS[tok]();
  throw parseError(`function "${tok}" not defined`);
}

/** Groups the words inside parentheses into nested operands. */
function nest(toks: Operand[]): Operand[] {
  const out: Operand[] = [];
  const stack: Operand[][] = [out];
  for (const t of toks) {
    if (t === '(') stack.push([]);
    else if (t[0] === ')') {
      const inner = stack.pop()!;
      stack[stack.length - 1].push(t.length > 1 ? [CHAIN, inner, t.slice(1)] : inner);
    } else stack[stack.length - 1].push(t);
  }
  return out;
}

function evalPipe(toks: Operand[], dot: unknown, header = false): unknown {
  const cmds: Operand[][] = [[]];
  for (const t of nest(toks)) {
    if (t === '|') cmds.push([]);
    else cmds[cmds.length - 1].push(t);
  }
  let prev: unknown = NO_VALUE;
  let first = true;
  for (const c of cmds) {
    const [head, ...rest] = c;
    if (head === undefined) throw new TemplateError('template: :1: missing value for command');
    const args = (): unknown[] => [...rest.map((t) => evalArg(t, dot, header)), ...(first ? [] : [prev])];
    const more = rest.length > 0 || !first;
    if (typeof head === 'string' && Object.hasOwn(FUNCS, head)) {
      // Go counts the arguments against the function's signature before it evaluates any.
      const want = ARITY[head];
      const got = rest.length + (first ? 0 : 1);
      if (want && got !== want && !header) throw new ExecFail(`wrong number of args for ${head}: want ${want} got ${got}`, head);
      const a = args();
      // strings.Join takes a []string: a string is refused as it is converted to the parameter.
      if (head === 'join' && !header && rest.length && !Array.isArray(a[0]) && !(a[0] instanceof GoNil)) {
        const t = opString(rest[0]);
        throw new ExecFail(/^["`]/.test(t) ? `can't handle ${t} for arg of type []string` : `wrong type for value; expected []string; got ${typeof a[0] === 'number' ? 'int' : typeof a[0] === 'boolean' ? 'bool' : 'string'}`, t);
      }
      try {
        prev = header && HEADER_SAME.has(head) ? a[0] : FUNCS[head](...a);
      } catch (e) {
        if (!(e instanceof FuncError)) throw e;
        throw new ExecFail(`error calling ${head}: ${e.message}`, pipeString(c), head);
      }
    } else {
      // Go refuses arguments to a value before it evaluates anything.
      if (more && Array.isArray(head) && head[0] !== CHAIN) {
        throw new ExecFail(`can't give argument to non-function ${pipeString(head)}`, pipeString(toks), opString(toks[0]));
      }
      const v = evalArg(head, dot, header);
      // A method of the row, such as the container formatter's `.Label "name"`.
      if (typeof v === 'function') prev = v(...args());
      else if (more && typeof head === 'string' && head[0] === '.') {
        const key = head.slice(head.lastIndexOf('.') + 1);
        throw new ExecFail(mode === 'raw' ? `${key} is not a method but has arguments` : `${key} has arguments but cannot be invoked as function`, head);
      } else if (more) throw new ExecFail(`can't give argument to non-function ${opString(head)}`, opString(head));
      else prev = v;
    }
    first = false;
  }
  return prev;
}

/** A pipeline and an operand as Go prints their nodes: `(.State) .Status`, `(index .Mounts 0).Name`. */
const pipeString = (toks: Operand[]): string => nest(toks).map(opString).join(' ');

function opString(o: Operand): string {
  if (!Array.isArray(o)) return o;
  return o[0] === CHAIN ? `(${pipeString(o[1] as Operand[])})${o[2] as string}` : `(${pipeString(o)})`;
}

/**
 * Runs compiled nodes. `rowType` names the Go type of a listing row: a field it lacks is then an
 * error (`can't evaluate field Nope in type *formatter.ContainerContext`), as on a Go struct.
 */
/** The template's variables: `$` is the data it was started on. */
let vars: Record<string, unknown> = {};
let depth = 0;
let top: Node[] = [];

export function execute(nodes: Node[], dot: unknown, rowType?: string, header = false): string {
  if (depth++ === 0) {
    vars = { $: dot };
    top = nodes;
  }
  try {
    return executeAll(nodes, dot, rowType, header);
  } finally {
    depth--;
  }
}

/** `{{break}}` or `{{continue}}` on its way out to its range, with what the iteration printed so far. */
class LoopJump {
  constructor(readonly brk: boolean, readonly out: string) {}
}

function executeAll(nodes: Node[], dot: unknown, rowType: string | undefined, header: boolean): string {
  let out = '';
  for (const n of nodes) {
    try {
      out += executeNode(n, dot, rowType, header);
    } catch (e) {
      if (e instanceof LoopJump) throw new LoopJump(e.brk, out + e.out);
      if (!(e instanceof ExecFail) || n.k === 'text') throw e;
      const source = sources.get(top) ?? '';
      throw new TemplateError(`template: :${linePos(source, e.at(source, n.at))}: executing "" at <${e.ctx}>: ${e.message}`);
    }
  }
  return out;
}

function executeNode(n: Node, dot: unknown, rowType: string | undefined, header: boolean): string {
  if (n.k === 'text') return n.v;
  if (n.k === 'act' && (n.p[0] === 'break' || n.p[0] === 'continue')) throw new LoopJump(n.p[0] === 'break', '');
  // `{{.Field}}` on a plain row: the common case of every listing, without the pipeline machinery.
  if (n.k === 'act' && n.f !== undefined && dot !== null && typeof dot === 'object' && !Array.isArray(dot) && !(dot instanceof GoValue)) {
    const v = (dot as Record<string, unknown>)[n.f];
    if (typeof v === 'string') return v;
    if (n.f in dot) return goString(v);
    if (rowType) throw new TemplateError(`template: :${n.pos}: executing "" at <.${n.f}>: can't evaluate field ${n.f} in type ${rowType}`);
    if (mode === 'raw') throw new ExecFail(`map has no entry for key "${n.f}"`, '.' + n.f);
    return goString(NO_VALUE);
  }
  const v = evalPipe(n.p, dot, header);
  if (n.k === 'range') {
    if (v instanceof GoStruct || v instanceof GoText) throw new ExecFail(`range can't iterate over ${goString(v)}`, pipeString(n.p));
    const keys: unknown[] = Array.isArray(v) ? v.map((_, i) => i) : v && typeof v === 'object' && !(v instanceof GoNil) ? Object.keys(v).sort() : [];
    let out = keys.length ? '' : executeAll(n.no, dot, rowType, header);
    for (const k of keys) {
      const it = (v as Record<string, unknown>)[k as string];
      // `range $v := …` names the element; `range $k, $v := …` the key (or index) and the element.
      if (n.set) Object.assign(vars, n.set.length > 1 ? { [n.set[0]]: k, [n.set[1]]: it } : { [n.set[0]]: it });
      try {
        out += executeAll(n.body, it, undefined, header);
      } catch (e) {
        if (!(e instanceof LoopJump)) throw e;
        out += e.out;
        if (e.brk) break;
      }
    }
    return out;
  }
  if (n.set) vars[n.set[0]] = v;
  if (n.k === 'act') return n.set ? '' : goString(v);
  // `with` moves dot to its value; `if` keeps it.
  return executeAll(truthy(v) ? n.body : n.no, truthy(v) && n.k === 'with' ? v : dot, rowType, header);
}

const compiled = memo(compile);

/** Runs `src` over `data`; throws TemplateError with Go's wording for bad templates. */
export function render(src: string, data: unknown): string {
  return execute(compiled(src), data);
}

/**
 * A command's own template (inspect, version, info). `name` is the template's name in Go's
 * messages; a parse error is the client's StatusError 64. `strict` is inspect's raw retry,
 * `typed` its first run on Go values.
 */
export function parseOwn(src: string, name = ''): Node[] {
  try {
    return compiled(src);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new TemplateError(e.message.replace('template: :', `template: ${name}:`), 64);
  }
}

export function renderOwn(nodes: Node[], _src: string, data: unknown, strict: boolean | 'typed', rowType?: string, name = ''): string {
  mode = strict === true ? 'raw' : strict || '';
  try {
    return execute(nodes, data, rowType);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new TemplateError(e.message.replace('template: :', `template: ${name}:`).replace('executing ""', `executing "${name}"`));
  } finally {
    mode = '';
  }
}

/**
 * docker/cli's TemplateInspector: the template runs on the typed value (`type`: container,
 * image, network, volume); only when that fails does it run again on the decoded JSON, whose
 * error is the one reported.
 */
export function renderInspect(nodes: Node[], data: unknown, type: string): string {
  try {
    return renderOwn(nodes, '', typed(data, type), 'typed');
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return renderOwn(nodes, '', data, true);
  }
}
