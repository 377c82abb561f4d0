/**
 * The POSIX-shell reader of every shell in the simulator (host bash, container bash, dash, ash):
 * words with their quoting kept apart (so expansion splits and globs only what was unquoted),
 * `$VAR` `${VAR}` `$(…)` `` `…` `` `~`, redirections, pipelines and the `;` `&` `&&` `||` lists
 * (newlines separate commands too), # comments.
 */

export type Part =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean }
  | { t: 'sub'; src: string; q: boolean }
  /** `${…}` that is not a parameter: `bad substitution` when expanded. */
  | { t: 'bad'; src: string; q: boolean }
  | { t: 'tilde' };

export type Word = Part[];

export interface Redirect {
  fd: 1 | 2 | 0;
  /** `>` truncates, `>>` appends, `<` reads, `>&` duplicates onto the other stream. */
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

export interface Simple {
  words: Word[];
  redirs: Redirect[];
}

export interface AndOr {
  /** How this pipeline joins the previous one. */
  op: ';' | '&&' | '||';
  pipeline: Simple[];
}

/** A syntax error: `token` is what bash quotes (`newline`, `;;`, …). */
export class ShellSyntaxError extends Error {
  constructor(readonly token: string, message = `syntax error near unexpected token \`${token}'`) {
    super(message);
  }
}

/**
 * The text ends inside a construct: an interactive shell reads another line (`> `); run as a
 * whole, it is bash's `unexpected EOF while looking for matching …` (or `unexpected end of file`).
 */
export class Incomplete extends ShellSyntaxError {
  constructor(readonly closing = '') {
    super('end of file', closing ? `unexpected EOF while looking for matching \`${closing}'` : 'syntax error: unexpected end of file');
  }
}

const BLANK = /[ \t\r]/;
const META = /[ \t\r\n;&|<>]/;

/** Parses a text into a list; throws `ShellSyntaxError` (or `Incomplete`) with bash's wording. */
export function parseLine(src: string): AndOr[] {
  // A backslash before a newline joins the lines.
  const line = src.replace(/\\\n/g, '');
  const n = line.length;
  let i = 0;
  let cmd: Simple = { words: [], redirs: [] };
  let pipeline: Simple[] = [];
  const list: AndOr[] = [];
  let pendingOp: AndOr['op'] = ';';
  let expectCommand = true;

  const endCommand = (tok: string): void => {
    if (cmd.words.length === 0 && cmd.redirs.length === 0) unexpected(tok);
    pipeline.push(cmd);
    cmd = { words: [], redirs: [] };
  };
  const skipBlanks = (): void => {
    while (i < n && BLANK.test(line[i])) i++;
  };
  const readTarget = (): Word => {
    if (i >= n) unexpected('newline');
    if (line[i] === '\n') unexpected('newline');
    if (META.test(line[i])) unexpected(line[i] === '>' && line[i + 1] === '>' ? '>>' : line[i]);
    return readWord();
  };

  /** `$NAME`, `${NAME}`, `$?`, `$(…)`, `` `…` ``; null when the `$` is literal. */
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
      for (; j < n; j++) {
        const d = line[j];
        if (quote) {
          if (d === quote) quote = '';
          else if (d === '\\' && quote === '"') j++;
        } else if (d === "'" || d === '"') quote = d;
        else if (d === '\\') j++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
      }
      if (j >= n) throw new Incomplete(')');
      i = j + 1;
      return { t: 'sub', src: line.slice(at + 2, j), q };
    }
    if (c === '{') {
      const end = line.indexOf('}', at + 2);
      if (end < 0) throw new Incomplete('}');
      const name = line.slice(at + 2, end);
      i = end + 1;
      // bash reports a bad name when it expands the word, not while reading the line.
      return /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#])$/.test(name) ? { t: 'var', name, q } : { t: 'bad', src: `\${${name}}`, q };
    }
    if (c !== undefined && /[?$#0-9]/.test(c)) {
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
    if (line[i] === '~' && (i + 1 >= n || line[i + 1] === '/' || META.test(line[i + 1]))) {
      parts.push({ t: 'tilde' });
      i++;
    }
    while (i < n && !META.test(line[i])) {
      const c = line[i];
      if (c === '\\') {
        if (i + 1 >= n) throw new Incomplete();
        flush();
        parts.push({ t: 'lit', v: line[i + 1], q: true });
        i += 2;
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
        const dollar = c === '$' || c === '`' ? readDollar(false) : null;
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

  while (i < n) {
    const c = line[i];
    if (BLANK.test(c)) { i++; continue; }
    if (c === '#' && (i === 0 || META.test(line[i - 1]))) {
      while (i < n && line[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' && expectCommand && (pipeline.length || list.length)) {
      // After `|`, `&&` or `||` the command may follow on the next line.
      i++;
      continue;
    }
    if (c === '\n' && !cmd.words.length && !cmd.redirs.length) { i++; continue; }
    if (c === ';' || c === '&' || c === '|' || c === '\n') {
      let tok = c;
      if ((c === '&' || c === '|') && line[i + 1] === c) tok = c + c;
      else if (c === ';' && line[i + 1] === ';') tok = ';;';
      else if (c === '&' && line[i + 1] === '>') {
        // `&>file`: both streams to one file
        const append = line[i + 2] === '>';
        i += append ? 3 : 2;
        skipBlanks();
        const target = readTarget();
        cmd.redirs.push({ fd: 1, op: append ? '>>' : '>', target }, { fd: 2, op: '>&', target: [{ t: 'lit', v: '1', q: false }] });
        expectCommand = false;
        continue;
      }
      if (tok === ';;') unexpected(tok);
      i += tok.length;
      if (tok === '|') {
        endCommand('|');
        expectCommand = true;
        continue;
      }
      endCommand(tok === '\n' ? 'newline' : tok);
      list.push({ op: pendingOp, pipeline });
      pipeline = [];
      // `&` would run the pipeline in the background; here it runs to the end first.
      pendingOp = tok === '&&' ? '&&' : tok === '||' ? '||' : ';';
      expectCommand = true;
      continue;
    }
    if (c === '>' || c === '<' || ((c === '0' || c === '1' || c === '2') && (line[i + 1] === '>' || line[i + 1] === '<'))) {
      let fd: 0 | 1 | 2 = c === '<' ? 0 : 1;
      if (c !== '<' && c !== '>') { fd = Number(c) as 0 | 1 | 2; i++; }
      const d = line[i];
      let op: Redirect['op'];
      if (d === '<') { op = '<'; i++; }
      else if (line[i + 1] === '>') { op = '>>'; i += 2; }
      else if (line[i + 1] === '&' && /[0-9-]/.test(line[i + 2] ?? '')) { op = '>&'; i += 2; }
      else if (line[i + 1] === '&' && fd === 1) {
        // `>&file` is `&>file`
        i += 2;
        skipBlanks();
        const target = readTarget();
        cmd.redirs.push({ fd: 1, op: '>', target }, { fd: 2, op: '>&', target: [{ t: 'lit', v: '1', q: false }] });
        expectCommand = false;
        continue;
      } else if (line[i + 1] === '&') { op = '>&'; i += 2; }
      else { op = '>'; i++; }
      skipBlanks();
      const target = readTarget();
      cmd.redirs.push({ fd, op, target });
      expectCommand = false;
      continue;
    }
    cmd.words.push(readWord());
    expectCommand = false;
  }
  if (cmd.words.length || cmd.redirs.length) pipeline.push(cmd);
  else if (pipeline.length || (expectCommand && list.length && pendingOp !== ';')) {
    // `ls |` or `a &&` at the end: the command is still to come
    throw new Incomplete();
  }
  if (pipeline.length) list.push({ op: pendingOp, pipeline });
  return list;
}

function unexpected(tok: string): never {
  throw new ShellSyntaxError(tok);
}
