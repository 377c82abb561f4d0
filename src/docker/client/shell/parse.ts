/**
 * A POSIX-shell reader for one input line: words with their quoting kept apart (so expansion can
 * split only what was unquoted), redirections, pipelines and the `;` `&&` `||` lists between them.
 */

export type Part =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean }
  | { t: 'sub'; src: string; q: boolean }
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

export class ShellSyntaxError extends Error {}

const BLANK = /[ \t]/;
const META = /[ \t;&|<>]/;

/** Parses a line into a list; throws `ShellSyntaxError` with bash's own message. */
export function parseLine(line: string): AndOr[] {
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
    if (META.test(line[i])) unexpected(line[i] === '>' && line[i + 1] === '>' ? '>>' : line[i]);
    return readWord();
  };

  /** `$NAME`, `${NAME}`, `$?`, `$(…)`, `` `…` ``; null when the `$` is literal. */
  const readDollar = (q: boolean): Part | null => {
    const at = i;
    if (line[at] === '`') {
      const end = line.indexOf('`', at + 1);
      if (end < 0) throw new ShellSyntaxError('bash: unexpected EOF while looking for matching ``\'');
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
      if (j >= n) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `)'");
      i = j + 1;
      return { t: 'sub', src: line.slice(at + 2, j), q };
    }
    if (c === '{') {
      const end = line.indexOf('}', at + 2);
      if (end < 0) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `}'");
      const name = line.slice(at + 2, end);
      if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#])$/.test(name)) throw new ShellSyntaxError(`bash: \${${name}}: bad substitution`);
      i = end + 1;
      return { t: 'var', name, q };
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
        if (i + 1 < n) {
          flush();
          parts.push({ t: 'lit', v: line[i + 1], q: true });
          i += 2;
        } else i++;
      } else if (c === "'") {
        const end = line.indexOf("'", i + 1);
        if (end < 0) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `''");
        flush();
        parts.push({ t: 'lit', v: line.slice(i + 1, end), q: true });
        i = end + 1;
      } else if (c === '"') {
        flush();
        i++;
        let s = '';
        let any = false;
        for (;;) {
          if (i >= n) throw new ShellSyntaxError('bash: unexpected EOF while looking for matching `"\'');
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
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#' && (i === 0 || BLANK.test(line[i - 1]) || ';&|'.includes(line[i - 1]))) break;
    if (c === ';' || c === '&' || c === '|') {
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
      endCommand(tok);
      list.push({ op: pendingOp, pipeline });
      pipeline = [];
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
      else if (line[i + 1] === '&') { op = '>&'; i += 2; }
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
    // `ls |` or `a &&` at the end: bash would wait for more input that a one-line terminal never sends
    throw new ShellSyntaxError('bash: syntax error: unexpected end of file');
  }
  if (pipeline.length) list.push({ op: pendingOp, pipeline });
  return list;
}

function unexpected(tok: string): never {
  throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${tok}'`);
}
