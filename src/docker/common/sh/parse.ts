/**
 * The POSIX-shell reader of every shell in the simulator (host bash, container bash, dash, ash):
 * words with their quoting kept apart (so expansion splits and globs only what was unquoted),
 * `$VAR` `${VAR}` `$(…)` `$((…))` `` `…` `` `~`, redirections, pipelines, the `;` `&` `&&` `||`
 * lists (newlines separate commands too), # comments, and the compound commands (if, for,
 * while/until, case, `{ }`, `( )`, functions), read by recursive descent.
 */

export type Part =
  | { t: 'lit'; v: string; q: boolean }
  /** `op`: `${#x}` is `len`; `${x:-d}` `${x=d}` `${x#p}` `${x%%p}`… the operator, `arg` the text after it. */
  | { t: 'var'; name: string; q: boolean; op?: string; arg?: string; /** bash's `${a[i]}`: the subscript as typed; `op` `keys` is `${!a[@]}`, `:` a substring. */ sub?: string }
  /** `$(…)`; `p`: bash's and ash's process substitution `<(…)` or `>(…)` instead. */
  | { t: 'sub'; src: string; q: boolean; p?: string }
  | { t: 'arith'; src: string; q: boolean }
  /** `${…}` that is not a parameter: `bad substitution` when expanded. */
  | { t: 'bad'; src: string; q: boolean }
  | { t: 'tilde'; user?: string }
  /** bash's `a=(x [k]=v …)`: the words of the list, after the `=`. */
  | { t: 'arr'; words: Word[]; q: boolean };

export type Word = Part[];

export interface Redirect {
  fd: number;
  /** bash's `{name}>file`: the descriptor is a free one from 10 up, its number put in `name`. */
  v?: string;
  /** `>` truncates (`>|` even under noclobber), `>>` appends, `<` reads, `<>` reads and writes, `>&` (and `<&`) duplicates another descriptor (`-` closes), `<<` is a here-document (`target` its text), `<<<` a here-string. */
  op: '>' | '>|' | '>>' | '<' | '<>' | '>&' | '<<' | '<<<';
  target: Word;
  /** How bash prints it (a here-document by its header), when it was written. */
  s?: string;
  /** A here-document's text as written, and its delimiter. */
  doc?: string;
}

export interface Simple {
  k?: undefined;
  words: Word[];
  redirs: Redirect[];
  /** Its words as written (`declare -f`, `$BASH_COMMAND`). */
  ws?: string[];
}

type List = AndOr[];
/** `ps`: the patterns as written. */
type Arm = { pats: Word[]; body: List; fall?: string; ps?: string[] };
export type Compound = { redirs: Redirect[]; text?: string } & (
  | { k: 'if'; arms: [List, List][]; els?: List }
  | { k: 'for'; name: string; words?: Word[]; body: List; ws?: string[] }
  /** `(( … ))`, and `for (( init; cond; step ))` */
  | { k: '(('; src: string }
  | { k: 'for(('; src: string[]; body: List }
  | { k: 'while' | 'until'; cond: List; body: List }
  /** `fall`: the arm ends in bash's `;&` (runs the next body too) or `;;&` (tests the next patterns too). */
  | { k: 'case'; word: Word; arms: Arm[]; ws?: string }
  | { k: '{' | '('; body: List }
  | { k: 'fn'; name: string; body: Cmd }
);
export type Cmd = Simple | Compound;

export interface AndOr {
  /** How this pipeline joins the previous one. */
  op: ';' | '&&' | '||';
  /** `! pipeline` */
  not?: boolean;
  /** It has a `<(…)` or `>(…)`, whose files go once it ran. */
  p?: boolean;
  /** bash's `time [-p] pipeline`: 'p' for the POSIX format */
  time?: '' | 'p';
  /** The line of the text it starts on, when the text has several (a script's error messages, `$LINENO`). */
  line?: number;
  pipeline: Cmd[];
  /** `&`: this item and the next n - 1 run as one background job; `text` is how `jobs` shows it. */
  bg?: { n: number; text: string };
}

/** A syntax error: `token` is what bash quotes (`newline`, `;;`, …). */
export class ShellSyntaxError extends Error {
  constructor(
    readonly token: string,
    message = `syntax error near unexpected token \`${token}'`,
    /** The word that would close the compound command (dash's and ash's `(expecting "fi")`). */
    readonly expecting = '',
  ) {
    super(message);
  }
}

/**
 * The text ends inside a construct: an interactive shell reads another line (`> `); run as a
 * whole, it is bash's `unexpected EOF while looking for matching …` (or `unexpected end of file`).
 */
export class Incomplete extends ShellSyntaxError {
  /** `expecting`: the word that would close the compound command (dash's and ash's message). */
  constructor(readonly closing = '', expecting = '') {
    super('end of file', closing ? `unexpected EOF while looking for matching \`${closing}'` : 'syntax error: unexpected end of file', expecting);
  }
}

/** bash's \u and \U: the character in a UTF-8 locale; in the images' C locale only ASCII, others spelled out as bash does. */
export function uchar(hex: string, big: boolean, utf8: boolean): string {
  const n = parseInt(hex, 16);
  return n > 0x10ffff ? '' : n < 128 || utf8 ? String.fromCodePoint(n) : (big ? '\\U' : '\\u') + hex.toUpperCase().padStart(big ? 8 : 4, '0');
}

const ANSI: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
/** The text of `$'…'`: `\n`, `\x41`, `\101`, `\u00e9` (as in the images' C locale), `\cA`…; an unknown escape stays as typed. */
const ansiC = (s: string): string =>
  s.replace(/\\(?:([0-7]{1,3})|x([\da-fA-F]{1,2})|u([\da-fA-F]{1,4})|U([\da-fA-F]{1,8})|c(.)|(.))/gs, (m, o, x, u, U, c, e) =>
    o ? String.fromCharCode(parseInt(o, 8) & 255) : x ? String.fromCharCode(parseInt(x, 16)) : u || U ? uchar(u || U, !!U, false) : c ? String.fromCharCode(c.toUpperCase().charCodeAt(0) ^ 64) : ANSI[e] ?? (`'"?\\`.includes(e) ? e : m));
const BLANK = /[ \t\r]/;
const META = /[ \t\r\n;&|<>()]/;
/** Words that open or close a compound command where a command may start. */
const RESERVED = /^(if|then|elif|else|fi|for|do|done|while|until|case|esac|in|[{}!])(?=[ \t\r\n;&|<>()]|$)/;

/**
 * The text with each backslash-newline taken out, as bash joins lines: not inside single quotes,
 * a comment or a here-document's text (whose lines are joined unless its delimiter is quoted).
 */
function joinLines(src: string): string {
  let out = '';
  let q = '';
  const docs: [string, boolean][] = [];
  // open parentheses of an arithmetic `((…))` or `$((…))`, where `<<` is a shift
  let arith = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && q !== "'") {
      if (src[i + 1] !== '\n') out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (q) {
      if (c === (q === '"' ? '"' : "'")) q = '';
    } else if (c === "'" || c === '"') q = c === "'" && src[i - 1] === '$' ? '$' : c;
    else if (c === '#' && (!i || META.test(src[i - 1]))) {
      const end = src.indexOf('\n', i);
      out += src.slice(i, (i = end < 0 ? src.length : end));
      i--;
      continue;
    } else if (arith || (c === '(' && src[i + 1] === '(')) {
      arith += c === '(' ? 1 : c === ')' ? -1 : 0;
    } else if (c === '<' && src[i + 1] === '<' && src[i + 2] !== '<') {
      const m = /^<<(-?)[ \t]*((?:[^\s;&|<>()'"]|'[^']*'|"[^"]*")+)/.exec(src.slice(i));
      if (m) {
        docs.push([m[2].replace(/['"\\]/g, ''), /['"\\]/.test(m[2])]);
        out += m[0];
        i += m[0].length - 1;
        continue;
      }
    } else if (c === '\n' && docs.length) {
      // the here-documents' lines, up to each one's delimiter
      out += c;
      for (const [delim, quoted] of docs.splice(0)) {
        for (let end = i; end >= 0 && end < src.length; ) {
          end = src.indexOf('\n', i + 1);
          const text = src.slice(i + 1, end < 0 ? src.length : end);
          out += (quoted ? text : text.replace(/\\$/, '')) + (end < 0 || (!quoted && text.endsWith('\\')) ? '' : '\n');
          i = end < 0 ? src.length : end;
          if (text.replace(/^\t+/, '') === delim) break;
        }
      }
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * Parses a text into a list; throws `ShellSyntaxError` (or `Incomplete`) with bash's wording.
 * In bash and busybox `[[ … ]]` is a keyword whose `&&` `||` `<` `>` `(` `)` are its own
 * operands (busybox turns `&&` and `||` into `-a` and `-o`, and so does this reader); bash
 * alone has `(( … ))` and `for (( ; ; ))`.
 */
export function parseLine(src: string, dialect: 'bash' | 'dash' | 'ash' = 'bash'): AndOr[] {
  const dbl = dialect !== 'dash';
  const bash = dialect === 'bash';
  const line = joinLines(src);
  const n = line.length;
  let i = 0;

  const skipBlanks = (): void => {
    while (i < n && BLANK.test(line[i])) i++;
    if (line[i] === '#') while (i < n && line[i] !== '\n') i++;
  };
  const skipLines = (): void => {
    for (skipBlanks(); line[i] === '\n'; skipBlanks()) eol();
  };
  /** Here-documents whose text starts after the next newline. */
  const docs: { redir: Redirect; delim: string; strip: boolean; quoted: boolean }[] = [];
  /** Steps over a newline, and over the here-documents it starts. */
  const eol = (): void => {
    i++;
    for (const d of docs.splice(0)) {
      const from = i;
      let to = i;
      for (;;) {
        if (i >= n) throw new Incomplete();
        const end = line.indexOf('\n', i) < 0 ? n : line.indexOf('\n', i);
        const text = line.slice(i, end);
        to = i;
        i = Math.min(end + 1, n);
        if ((d.strip ? text.replace(/^\t+/, '') : text) === d.delim) break;
      }
      d.redir.target = hereText(from, to, d.strip, d.quoted);
      d.redir.doc = (d.strip ? line.slice(from, to).replace(/^\t+/gm, '') : line.slice(from, to)) + d.delim;
    }
  };
  /** The text of a here-document: `$…` and `` `…` `` expanded unless its delimiter was quoted. */
  const hereText = (from: number, to: number, strip: boolean, quoted: boolean): Word => {
    const parts: Part[] = [];
    let s = '';
    const at = i;
    for (i = from; i < to; ) {
      const c = line[i];
      const d = !quoted && (c === '$' || c === '`') ? readDollar(true) : null;
      if (d) {
        parts.push({ t: 'lit', v: s, q: true }, d);
        s = '';
      } else if (strip && c === '\t' && (i === from || line[i - 1] === '\n')) i++;
      else if (!quoted && c === '\\' && '$`\\'.includes(line[i + 1])) {
        s += line[i + 1];
        i += 2;
      } else s += line[i++];
    }
    i = at;
    parts.push({ t: 'lit', v: s, q: true });
    return parts;
  };
  /** The token at `i` as bash names it in `unexpected token`. */
  const token = (): string => {
    if (i >= n || line[i] === '\n') return 'newline';
    const two = line.slice(i, i + 2);
    if (['&&', '||', ';;', '>>'].includes(two)) return two;
    if (META.test(line[i])) return line[i];
    return /^[^ \t\r\n;&|<>()]*/.exec(line.slice(i))![0];
  };
  const fail = (): never => {
    if (i >= n) throw new Incomplete();
    return unexpected(token());
  };
  const reserved = (): string | undefined => {
    skipBlanks();
    return RESERVED.exec(line.slice(i, i + 6))?.[1];
  };
  /** Steps over the reserved word `w`, or fails there. */
  const expect = (w: string): void => {
    skipLines();
    if (i >= n) throw new Incomplete('', w);
    if (reserved() !== w) fail();
    i += w.length;
  };
  /** Where a `$'…'` was read, and how bash prints it: single-quoted, its escapes done. */
  const ansi: [number, number, string][] = [];
  /** The text from `at` to `i` as bash keeps a word it read. */
  const written = (at: number): string => {
    let s = line.slice(at, i);
    for (const [a, b, t] of ansi) if (a >= at && b <= i) s = s.slice(0, a - at - (i - at - s.length)) + t + s.slice(b - at - (i - at - s.length));
    return s;
  };
  /** How many `<(…)` and `>(…)` were read so far. */
  let procs = 0;
  /** bash's and ash's `<(…)` and `>(…)` start a word here. */
  const procAt = () => dbl && /[<>]/.test(line[i]) && line[i + 1] === '(';
  const readTarget = (): Word => {
    if (i >= n) unexpected('newline');
    if (line[i] === '\n') unexpected('newline');
    if (META.test(line[i]) && !procAt()) unexpected(line[i] === '>' && line[i + 1] === '>' ? '>>' : line[i]);
    return readWord();
  };

  /** `$NAME`, `${NAME}`, `$?`, `$(…)`, `$((…))`, `` `…` ``; null when the `$` is literal. */
  const readDollar = (q: boolean): Part | null => {
    const at = i;
    if (line[at] === '`') {
      const end = line.indexOf('`', at + 1);
      if (end < 0) throw new Incomplete('`');
      i = end + 1;
      return { t: 'sub', src: line.slice(at + 1, end), q };
    }
    const c = line[at + 1];
    if (c === '(') {
      let depth = 1;
      let j = at + 2;
      let quote = '';
      // where the second `(` of `$((` closes: right before the last `)`, it is arithmetic
      let inner = -1;
      for (; j < n; j++) {
        const d = line[j];
        if (quote) {
          if (d === quote) quote = '';
          else if (d === '\\' && quote === '"') j++;
        } else if (d === "'" || d === '"') quote = d;
        else if (d === '\\') j++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
        else if (d === ')' && depth === 1 && inner < 0) inner = j;
      }
      // bash reads a command substitution as commands, which look for a line past the end
      if (j >= n) throw Object.assign(new Incomplete(')'), { cmd: line[at + 2] !== '(' });
      i = j + 1;
      if (line[at + 2] === '(' && inner === j - 1) return { t: 'arith', src: line.slice(at + 3, j - 1), q };
      return { t: 'sub', src: line.slice(at + 2, j), q };
    }
    if (c === '{') {
      let end = at + 2;
      for (let depth = 1; end < n; end++) {
        if (line[end] === '\\') end++;
        else if (line[end] === '{' && line[end - 1] === '$') depth++;
        else if (line[end] === '}' && --depth === 0) break;
      }
      if (end >= n) throw new Incomplete('}');
      const body = line.slice(at + 2, end);
      i = end + 1;
      const name = '([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!])';
      const len = new RegExp(`^#${name}$`).exec(body);
      if (len) return { t: 'var', name: len[1], q, op: 'len' };
      // bash's indirection: `${!ref}`, and the names `${!prefix*}`
      if (/^![A-Za-z_]\w*[*@]?$/.test(body)) return { t: 'var', name: body, q };
      const ops = `(?:(:?[-=+?]|##?|%%?${dbl ? '|:|/[/#%]?' : ''}${bash ? '|\\^\\^?|,,?' : ''})([^]*))?$`;
      // bash's arrays: `${a[i]}`, `${#a[@]}`, `${!a[@]}`, `${a[@]:1:2}`, `${a[i]#pat}`…
      const a = bash ? new RegExp(`^([#!]?)([A-Za-z_]\\w*)\\[([^\\]]+)\\]${ops}`).exec(body) : null;
      if (a && !(a[1] && a[4])) return { t: 'var', name: a[2], sub: a[3], q, op: a[1] ? (a[1] === '#' ? 'len' : 'keys') : a[4], arg: a[5] };
      const m = new RegExp(`^${name}${ops}`).exec(body);
      // bash reports a bad name when it expands the word, not while reading the line.
      return m ? { t: 'var', name: m[1], q, op: m[2], arg: m[3] } : { t: 'bad', src: `\${${body}}`, q };
    }
    if (c !== undefined && /[?$#@*0-9!]/.test(c)) {
      i += 2;
      return { t: 'var', name: c, q };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(at + 1, at + 257));
    if (!m) return null;
    i += 1 + m[0].length;
    return { t: 'var', name: m[0], q };
  };

  const readWord = (): Word => {
    const parts: Part[] = [];
    let lit = '';
    /** Ends the unquoted text gathered so far before a quoted or expanded part. */
    const flush = () => {
      if (lit) parts.push({ t: 'lit', v: lit, q: false });
      lit = '';
    };
    // `~` is $HOME, `~name` that user's home directory
    const user = line[i] === '~' ? /^[a-z_][\w-]*/.exec(line.slice(i + 1))?.[0] ?? '' : '';
    if (line[i] === '~' && (i + user.length + 1 >= n || line[i + user.length + 1] === '/' || META.test(line[i + user.length + 1]))) {
      parts.push(user ? { t: 'tilde', user } : { t: 'tilde' });
      i += user.length + 1;
    }
    while (i < n && (!META.test(line[i]) || procAt())) {
      const c = line[i];
      if (c === '\\') {
        if (i + 1 >= n) throw new Incomplete();
        flush();
        parts.push({ t: 'lit', v: line[i + 1], q: true });
        i += 2;
      } else if (c === '$' && line[i + 1] === "'" && dbl) {
        // bash's and ash's `$'…'`: C's escapes, quoted
        const m = /^\$'((?:\\[^]|[^'\\])*)'/.exec(line.slice(i));
        if (!m) throw new Incomplete("'");
        flush();
        parts.push({ t: 'lit', v: ansiC(m[1]), q: true });
        ansi.push([i, i + m[0].length, `'${ansiC(m[1]).replace(/'/g, "'\\''")}'`]);
        i += m[0].length;
      } else if (c === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new Incomplete("'");
        flush();
        parts.push({ t: 'lit', v: line.slice(i + 1, end), q: true });
        i = end + 1;
      } else if (c === '"') {
        flush();
        i++;
        let s = '';
        let any = false;
        for (;;) {
          if (i >= n) throw new Incomplete('"');
          const d = line[i];
          if (d === '"') { i++; break; }
          if (d === '\\' && i + 1 < n && '$`"\\'.includes(line[i + 1])) {
            s += line[i + 1];
            i += 2;
          } else {
            const dollar = d === '$' || d === '`' ? readDollar(true) : null;
            if (dollar) {
              if (s) parts.push({ t: 'lit', v: s, q: true });
              s = '';
              parts.push(dollar);
              any = true;
            } else {
              s += d;
              i++;
            }
          }
        }
        if (s || !any) parts.push({ t: 'lit', v: s, q: true });
      } else {
        const dollar = c === '$' || c === '`' ? readDollar(false) : procAt() ? (procs++, { ...(readDollar(false) as Part & { t: 'sub' }), p: c }) : null;
        if (dollar) {
          flush();
          parts.push(dollar);
        } else {
          lit += c;
          i++;
        }
      }
    }
    flush();
    return parts;
  };

  /** A redirection at `i` onto `redirs`; false when there is none. */
  const redirect = (redirs: Redirect[]): boolean => {
    const from = i;
    const had = redirs.length;
    const r = red(redirs);
    if (r && !redirs[had].s) redirs[had].s = redShown(written(from));
    return r;
  };
  const red = (redirs: Redirect[]): boolean => {
    const c = line[i];
    const both = (append: boolean) => {
      skipBlanks();
      const target = readTarget();
      redirs.push({ fd: 1, op: append ? '>>' : '>', target }, { fd: 2, op: '>&', target: [{ t: 'lit', v: '1', q: false }] });
      return true;
    };
    if (c === '&' && line[i + 1] === '>') {
      // `&>file`: both streams to one file
      const append = line[i + 2] === '>';
      i += append ? 3 : 2;
      return both(append);
    }
    // (most words start otherwise: no slice, no regex for them)
    if (!/[\d{<>]/.test(c)) return false;
    // dash takes one digit (`10>f` is the word 10), busybox ash up to nine; bash any number, and `{name}`
    const m = (bash ? /^(\d+|\{[A-Za-z_]\w*\})?[<>]/ : dbl ? /^(\d{1,9})?[<>]/ : /^(\d)?[<>]/).exec(line.slice(i, i + 40));
    if (!m || (!m[1] && procAt())) return false;
    const v = m[1]?.[0] === '{' ? m[1].slice(1, -1) : undefined;
    const fd = v ? -1 : m[1] ? +m[1] : c === '<' ? 0 : 1;
    i += m[1]?.length ?? 0;
    const d = line[i];
    let op: Redirect['op'];
    if (d === '<' && line[i + 1] === '<' && line[i + 2] === '<') {
      // dash reads `<<` and then a `<` where the delimiter should be
      if (!dbl) throw new ShellSyntaxError('redirection');
      i += 3;
      skipBlanks();
      redirs.push({ fd, op: '<<<', target: readTarget() });
      return true;
    }
    if (d === '<' && line[i + 1] === '<') {
      // `<<WORD` and `<<-WORD`: the text comes in the next lines, up to WORD
      const strip = line[i + 2] === '-';
      i += strip ? 3 : 2;
      skipBlanks();
      const w = readTarget();
      const delim = w.map((p) => (p.t === 'lit' ? p.v : '')).join('');
      const quoted = w.some((p) => p.t === 'lit' && p.q);
      const redir: Redirect = { fd, op: '<<', target: [], s: `${fd || ''}<<${strip ? '-' : ''}${quoted ? `'${delim}'` : delim}` };
      redirs.push(redir);
      docs.push({ redir, strip, delim, quoted });
      return true;
    }
    if (line[i + 1] === '&') {
      // `>&file` is `&>file`
      if (d === '>' && fd === 1 && !/[0-9$-]/.test(line[i + 2] ?? '')) return (i += 2), both(false);
      op = '>&';
      i += 2;
    } else if (d === '<') (op = line[i + 1] === '>' ? '<>' : '<'), (i += op.length);
    else if (line[i + 1] === '>') { op = '>>'; i += 2; }
    else if (line[i + 1] === '|') { op = '>|'; i += 2; }
    else { op = '>'; i++; }
    skipBlanks();
    const target = readTarget();
    redirs.push({ fd, op, target, ...(v && { v }) });
    return true;
  };

  /** Commands up to one of `ends` (left unread) or the end of the text. */
  const list = (ends: string[]): List => {
    const out: List = [];
    for (;;) {
      skipLines();
      if (i >= n) {
        if (ends.length || docs.length) throw new Incomplete('', ends[ends.length - 1]);
        return out;
      }
      const r = reserved();
      if ((r && ends.includes(r)) || (line[i] === ')' && ends.includes(')')) || armEnd(ends)) return out;
      // After a first command, dash and ash read a wrong closing word as the end of the list.
      if (r && out.length && ends.length && !/^(if|for|while|until|case|in|[{!])$/.test(r)) throw new ShellSyntaxError(r, undefined, ends[ends.length - 1]);
      let op: AndOr['op'] = ';';
      const first = out.length;
      const from = i;
      for (;;) {
        const had = procs;
        let not = reserved() === '!';
        if (not) i++;
        skipBlanks();
        // bash's `time` keyword times the whole pipeline after it, a `!` included
        const timed = bash ? /^time(?: +(-p))?(?=[ \t\n;&|]|$)/.exec(line.slice(i, i + 8)) : null;
        if (timed) {
          i += timed[0].length;
          skipBlanks();
          if (reserved() === '!') (not = !not), i++;
        }
        const at = lineAt(i);
        // `time` alone times nothing
        const pipeline = timed && (i >= n || /[;&\n]/.test(line[i])) ? [] : [command()];
        for (skipBlanks(); line[i] === '|' && line[i + 1] !== '|'; skipBlanks()) {
          // bash's `|&`: the standard error into the pipe too, after the command's own redirections
          if (line[++i] === '&' && bash) (i++, pipeline[pipeline.length - 1]?.redirs.push({ fd: 2, op: '>&', target: [{ t: 'lit', v: '1', q: false }], s: '2>&1' }));
          skipLines();
          pipeline.push(command());
        }
        const item: AndOr = not ? { op, not, pipeline } : { op, pipeline };
        if (timed) item.time = timed[1] ? 'p' : '';
        if (procs > had) item.p = true;
        if (at) item.line = at;
        out.push(item);
        const two = line.slice(i, i + 2);
        if (two !== '&&' && two !== '||') break;
        op = two;
        i += 2;
        // After `|`, `&&` or `||` the command may follow on the next line.
        skipLines();
      }
      const c = line[i];
      if (c === '&' && line[i + 1] !== '&') out[first].bg = { n: out.length - first, text: line.slice(from, i).trim().replace(/\s*\n\s*/g, '; ') };
      if (c === '\n') eol();
      else if ((c === ';' && line[i + 1] !== ';' && !armEnd(ends)) || (c === '&' && line[i + 1] !== '&')) i++;
      else if (i < n && !(c === ')' && ends.includes(')')) && !armEnd(ends)) fail();
    }
  };
  /** The line number of `pos` in a text of several lines (0 in one of one line), counted on from the last asked. */
  const multi = line.includes('\n');
  let seen = 0;
  let lines = 1;
  const lineAt = (pos: number): number => {
    if (!multi) return 0;
    for (; seen < pos; seen++) if (line[seen] === '\n') lines++;
    return lines;
  };
  /** At the end of a case arm: `;;`, or bash's `;&` and `;;&`. */
  const armEnd = (ends: string[]): boolean => ends.includes(';;') && (line.startsWith(';;', i) || (bash && line.startsWith(';&', i)));
  /** The text of `(( … ))` at `i`, which is stepped over. */
  const math = (): string => {
    let depth = 0;
    for (let j = i + 2; j < n; j++) {
      if (line[j] === '(') depth++;
      else if (line[j] === ')' && depth) depth--;
      else if (line.startsWith('))', j)) {
        const text = line.slice(i + 2, j);
        i = j + 2;
        return text;
      }
    }
    throw new Incomplete('))');
  };
  /** A list that may not be empty (`if then` is an error at `then`). */
  const body = (ends: string[]): List => {
    const l = list(ends);
    if (!l.length) fail();
    return l;
  };

  const command = (): Cmd => {
    skipBlanks();
    const r = reserved();
    let c: Compound;
    if (r === 'if') {
      i += 2;
      const arms: [List, List][] = [];
      let els: List | undefined;
      for (;;) {
        const cond = body(['then']);
        expect('then');
        arms.push([cond, body(['elif', 'else', 'fi'])]);
        const w = reserved()!;
        i += w.length;
        if (w === 'elif') continue;
        if (w === 'else') {
          els = body(['fi']);
          i += 2;
        }
        break;
      }
      c = { k: 'if', arms, els, redirs: [] };
    } else if (r === 'while' || r === 'until') {
      i += r.length;
      const cond = body(['do']);
      expect('do');
      c = { k: r, cond, body: body(['done']), redirs: [] };
      i += 4;
    } else if (bash && line.startsWith('((', i)) {
      c = { k: '((', src: math(), redirs: [] };
    } else if (r === 'for' && bash && /^for[ \t]*\(\(/.test(line.slice(i, i + 16))) {
      i = line.indexOf('((', i);
      const src = math().split(';');
      if (src.length !== 3) unexpected('((');
      skipBlanks();
      if (line[i] === ';') i++;
      expect('do');
      c = { k: 'for((', src, body: body(['done']), redirs: [] };
      i += 4;
    } else if (r === 'for') {
      i += 3;
      skipBlanks();
      const name = /^[A-Za-z_]\w*/.exec(line.slice(i, i + 256))?.[0];
      if (!name) fail();
      i += name!.length;
      skipBlanks();
      let words: Word[] | undefined;
      const ws: string[] = [];
      if (line[i] === ';') i++;
      skipLines();
      if (reserved() === 'in') {
        i += 2;
        words = [];
        for (skipBlanks(); i >= n || !/[;\n]/.test(line[i]); skipBlanks()) {
          if (i >= n || (META.test(line[i]) && !procAt())) fail();
          const at = i;
          words.push(readWord());
          ws.push(written(at));
        }
        if (line[i] === '\n') eol();
        else i++;
      }
      expect('do');
      c = { k: 'for', name: name!, words, body: body(['done']), redirs: [], ...(words && { ws }) };
      i += 4;
    } else if (r === 'case') {
      i += 4;
      skipBlanks();
      if (i >= n || META.test(line[i])) fail();
      const at = i;
      const word = readWord();
      const ws = written(at);
      expect('in');
      const arms: Arm[] = [];
      for (;;) {
        skipLines();
        if (reserved() === 'esac') break;
        if (line[i] === '(') i++;
        // dash and ash read bash's `;;&` as `;;` and a `&` taken for a pattern, then want its `)`
        if (line[i] === '&' && !bash && /^&[ \t]*[^ \t\r\n;&|<>()]/.test(line.slice(i, i + 40))) throw new ShellSyntaxError('word', undefined, ')');
        const pats: Word[] = [];
        const ps: string[] = [];
        for (;;) {
          skipBlanks();
          if (i >= n || META.test(line[i])) fail();
          const at = i;
          pats.push(readWord());
          ps.push(written(at));
          skipBlanks();
          if (line[i++] === ')') break;
          if (line[i - 1] !== '|') {
            i--;
            fail();
          }
        }
        const arm: Arm = { pats, body: list([';;', 'esac']), ps };
        arms.push(arm);
        const end = bash ? /^;(;&|&|;)/.exec(line.slice(i, i + 3))?.[0] : line.startsWith(';;', i) ? ';;' : '';
        if (!end) break;
        if (end !== ';;') arm.fall = end;
        i += end.length;
      }
      expect('esac');
      c = { k: 'case', word, arms, redirs: [], ws };
    } else if (r === '{') {
      i++;
      c = { k: '{', body: body(['}']), redirs: [] };
      i++;
    } else if (line[i] === '(') {
      const at = ++i;
      c = { k: '(', body: body([')']), redirs: [] };
      c.text = `( ${line.slice(at, i++).trim().replace(/;$/, '')} )`;
    } else if (r && r !== '!' && r !== 'in') {
      return unexpected(r);
    } else {
      // `name()` or (bash and busybox) `function name` with or without `()`
      const fn = (dbl ? /^function[ \t]+([A-Za-z_][\w.-]*)(?:[ \t]*\([ \t]*\))?|^([A-Za-z_][\w.-]*)[ \t]*\([ \t]*\)/ : /^()([A-Za-z_][\w.-]*)[ \t]*\([ \t]*\)/).exec(line.slice(i, i + 300));
      if (fn) {
        i += fn[0].length;
        skipLines();
        if (i >= n) throw new Incomplete();
        // the body is a compound command
        if (!/^(if|for|while|until|case|\{)$/.test(reserved() ?? '') && line[i] !== '(') fail();
        return { k: 'fn', name: fn[1] || fn[2], body: command(), redirs: [] };
      }
      const cmd: Simple = { words: [], redirs: [] };
      let test = dbl && line.startsWith('[[', i) && META.test(line[i + 2] ?? ' ');
      const ws: string[] = [];
      let at = i;
      for (skipBlanks(); i < n; ws.length < cmd.words.length && ws.push(written(at)), skipBlanks()) {
        at = i;
        // after `=~` the regular expression is one word: its brackets and `|` are its own
        if (test && wordLit(cmd.words[cmd.words.length - 1] ?? []) === '=~') {
          const re: Word = [];
          for (let depth = 0; i < n && (depth || !/[\s;&]/.test(line[i])); ) {
            if (META.test(line[i])) (depth += line[i] === '(' ? 1 : line[i] === ')' ? -1 : 0), re.push({ t: 'lit', v: line[i++], q: false });
            else re.push(...readWord());
          }
          cmd.words.push(re);
          continue;
        }
        const op = test ? /^(&&|\|\||[<>()])/.exec(line.slice(i, i + 2))?.[1] : undefined;
        if (op) {
          cmd.words.push([{ t: 'lit', v: op === '&&' ? '-a' : op === '||' ? '-o' : op, q: false }]);
          i += op.length;
          continue;
        }
        if (redirect(cmd.redirs)) continue;
        if (META.test(line[i]) && !procAt()) {
          // `echo a (b)`
          if (line[i] === '(') fail();
          break;
        }
        const w = readWord();
        if (w.length === 1 && w[0].t === 'lit' && w[0].v === ']]' && !w[0].q) test = false;
        // bash's `a=(…)` and `a+=(…)`, where an assignment may stand (or after `declare`, `local`…)
        if (bash && line[i] === '(' && w.length === 1 && w[0].t === 'lit' && !w[0].q && /^[A-Za-z_]\w*(\[[^\]]*\])?\+?=$/.test(w[0].v) && (cmd.words.every((x) => x[0]?.t === 'lit' && /^[A-Za-z_]\w*(\[.*\])?\+?=/.test(x[0].v)) || /^(declare|typeset|local|readonly|export)$/.test(wordLit(cmd.words[0])))) {
          const words: Word[] = [];
          for (i++, skipLines(); line[i] !== ')'; skipLines()) {
            if (i >= n) throw new Incomplete(')');
            if (META.test(line[i])) fail();
            words.push(readWord());
          }
          i++;
          w.push({ t: 'arr', words, q: true });
        }
        cmd.words.push(w);
      }
      if (!cmd.words.length && !cmd.redirs.length) fail();
      cmd.ws = ws;
      return cmd;
    }
    skipBlanks();
    for (let at = c.redirs.length; redirect(c.redirs); skipBlanks(), at = c.redirs.length) if (c.k === '(') c.text += ' ' + c.redirs[at].s;
    return c;
  };

  return list([]);
}

/** One word as it would be read in a command (the operand of `${x#pat}`, `${x:-word}`). */
export const parseWord = (src: string): Word => (parseLine(': ' + src)[0]?.pipeline[0] as Simple | undefined)?.words[1] ?? [];

/**
 * bash prints `2>/dev/null` as `2> /dev/null`, `>&2` as `1>&2`, `2<&-` as `2>&-`, `<< E` as `<<E`;
 * the descriptor only when it is not the operator's own (`<>` counts as an output).
 */
const redShown = (r: string): string =>
  r.replace(/^(\d*|\{\w+\}|&)(<<<|<<-?|<>|>>|>\||[<>]&?)[ \t]*/, (m, fd: string, op: string) => {
    const t = r.slice(m.length);
    const own = op[0] === '<' && op !== '<>' ? '0' : '1';
    return op[1] === '&' ? (fd || (/^[\d-]/.test(t) ? (op[0] === '<' ? '0' : '1') : '')) + (t === '-' ? '>&' : op) : (fd === own ? '' : fd || (op === '<>' ? '0' : '')) + op + (/^<<(?!<)/.test(op) ? '' : ' ');
  });

const wordLit = (w: Word): string => (w.length === 1 && w[0].t === 'lit' && !w[0].q ? w[0].v : '');

function unexpected(tok: string): never {
  throw new ShellSyntaxError(tok);
}
