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
  return new Parser(line).parse();
}

function unexpected(tok: string): never {
  throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${tok}'`);
}

class Parser {
  private i = 0;
  private readonly n: number;
  private cmd: Simple = { words: [], redirs: [] };
  private pipeline: Simple[] = [];

  constructor(private readonly line: string) {
    this.n = line.length;
  }

  parse(): AndOr[] {
    const { line, n } = this;
    const list: AndOr[] = [];
    let pendingOp: AndOr['op'] = ';';
    let expectCommand = true;
    while (this.i < n) {
      const i = this.i;
      const c = line[i];
      if (c === ' ' || c === '\t') { this.i++; continue; }
      if (c === '#' && (i === 0 || BLANK.test(line[i - 1]) || ';&|'.includes(line[i - 1]))) break;
      if (c === ';' || c === '&' || c === '|') {
        let tok = c;
        if ((c === '&' || c === '|') && line[i + 1] === c) tok = c + c;
        else if (c === ';' && line[i + 1] === ';') tok = ';;';
        else if (c === '&' && line[i + 1] === '>') {
          // `&>file`: both streams to one file
          const append = line[i + 2] === '>';
          this.i += append ? 3 : 2;
          this.skipBlanks();
          const target = this.readTarget();
          this.cmd.redirs.push({ fd: 1, op: append ? '>>' : '>', target }, { fd: 2, op: '>&', target: [{ t: 'lit', v: '1', q: false }] });
          expectCommand = false;
          continue;
        }
        if (tok === ';;') unexpected(tok);
        this.i += tok.length;
        if (tok === '|') {
          this.endCommand('|');
          expectCommand = true;
          continue;
        }
        this.endCommand(tok);
        list.push({ op: pendingOp, pipeline: this.pipeline });
        this.pipeline = [];
        pendingOp = tok === '&&' ? '&&' : tok === '||' ? '||' : ';';
        expectCommand = true;
        continue;
      }
      if (c === '>' || c === '<' || ((c === '0' || c === '1' || c === '2') && (line[i + 1] === '>' || line[i + 1] === '<'))) {
        let fd: 0 | 1 | 2 = c === '<' ? 0 : 1;
        if (c !== '<' && c !== '>') { fd = Number(c) as 0 | 1 | 2; this.i++; }
        const d = line[this.i];
        let op: Redirect['op'];
        if (d === '<') { op = '<'; this.i++; }
        else if (line[this.i + 1] === '>') { op = '>>'; this.i += 2; }
        else if (line[this.i + 1] === '&') { op = '>&'; this.i += 2; }
        else { op = '>'; this.i++; }
        this.skipBlanks();
        const target = this.readTarget();
        this.cmd.redirs.push({ fd, op, target });
        expectCommand = false;
        continue;
      }
      this.cmd.words.push(this.readWord());
      expectCommand = false;
    }
    if (this.cmd.words.length || this.cmd.redirs.length) this.pipeline.push(this.cmd);
    else if (this.pipeline.length || (expectCommand && list.length && pendingOp !== ';')) {
      // `ls |` or `a &&` at the end: bash would wait for more input that a one-line terminal never sends
      throw new ShellSyntaxError('bash: syntax error: unexpected end of file');
    }
    if (this.pipeline.length) list.push({ op: pendingOp, pipeline: this.pipeline });
    return list;
  }

  private endCommand(tok: string): void {
    if (this.cmd.words.length === 0 && this.cmd.redirs.length === 0) unexpected(tok);
    this.pipeline.push(this.cmd);
    this.cmd = { words: [], redirs: [] };
  }

  private skipBlanks(): void {
    while (this.i < this.n && BLANK.test(this.line[this.i])) this.i++;
  }

  private readTarget(): Word {
    const { line, i } = this;
    if (i >= this.n) unexpected('newline');
    if (META.test(line[i])) unexpected(line[i] === '>' && line[i + 1] === '>' ? '>>' : line[i]);
    return this.readWord();
  }

  private readWord(): Word {
    const { line, n } = this;
    const parts: Part[] = [];
    let lit = '';
    if (line[this.i] === '~' && (this.i + 1 >= n || line[this.i + 1] === '/' || META.test(line[this.i + 1]))) {
      parts.push({ t: 'tilde' });
      this.i++;
    }
    while (this.i < n && !META.test(line[this.i])) {
      const c = line[this.i];
      if (c === '\\') {
        if (this.i + 1 < n) {
          if (lit) parts.push({ t: 'lit', v: lit, q: false });
          lit = '';
          parts.push({ t: 'lit', v: line[this.i + 1], q: true });
          this.i += 2;
        } else this.i++;
      } else if (c === "'") {
        const end = line.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `''");
        if (lit) parts.push({ t: 'lit', v: lit, q: false });
        lit = '';
        parts.push({ t: 'lit', v: line.slice(this.i + 1, end), q: true });
        this.i = end + 1;
      } else if (c === '"') {
        if (lit) parts.push({ t: 'lit', v: lit, q: false });
        lit = '';
        this.i++;
        let s = '';
        let any = false;
        for (;;) {
          if (this.i >= n) throw new ShellSyntaxError('bash: unexpected EOF while looking for matching `"\'');
          const d = line[this.i];
          if (d === '"') { this.i++; break; }
          if (d === '\\' && this.i + 1 < n && '$`"\\'.includes(line[this.i + 1])) {
            s += line[this.i + 1];
            this.i += 2;
          } else if (d === '$' || d === '`') {
            const dollar = this.readDollar(true);
            if (dollar) {
              if (s) parts.push({ t: 'lit', v: s, q: true });
              s = '';
              parts.push(dollar);
              any = true;
            } else {
              s += d;
              this.i++;
            }
          } else {
            s += d;
            this.i++;
          }
        }
        if (s || !any) parts.push({ t: 'lit', v: s, q: true });
      } else if (c === '$' || c === '`') {
        const dollar = this.readDollar(false);
        if (dollar) {
          if (lit) parts.push({ t: 'lit', v: lit, q: false });
          lit = '';
          parts.push(dollar);
        } else {
          lit += c;
          this.i++;
        }
      } else {
        lit += c;
        this.i++;
      }
    }
    if (lit) parts.push({ t: 'lit', v: lit, q: false });
    return parts;
  }

  /** `$NAME`, `${NAME}`, `$?`, `$(…)`, `` `…` ``; null when the `$` is literal. */
  private readDollar(q: boolean): Part | null {
    const { line, n, i } = this;
    if (line[i] === '`') {
      const end = line.indexOf('`', i + 1);
      if (end < 0) throw new ShellSyntaxError('bash: unexpected EOF while looking for matching ``\'');
      this.i = end + 1;
      return { t: 'sub', src: line.slice(i + 1, end), q };
    }
    const c = line[i + 1];
    if (c === '(') {
      let depth = 1;
      let j = i + 2;
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
      this.i = j + 1;
      return { t: 'sub', src: line.slice(i + 2, j), q };
    }
    if (c === '{') {
      const end = line.indexOf('}', i + 2);
      if (end < 0) throw new ShellSyntaxError("bash: unexpected EOF while looking for matching `}'");
      const name = line.slice(i + 2, end);
      if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#])$/.test(name)) throw new ShellSyntaxError(`bash: \${${name}}: bad substitution`);
      this.i = end + 1;
      return { t: 'var', name, q };
    }
    if (c !== undefined && /[?$#0-9]/.test(c)) {
      this.i += 2;
      return { t: 'var', name: c, q };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i + 1, i + 257));
    if (!m) return null;
    this.i += 1 + m[0].length;
    return { t: 'var', name: m[0], q };
  }
}
