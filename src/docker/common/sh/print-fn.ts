/**
 * Commands printed back the way bash's print_cmd.c re-reads them (`declare -f`, `type f`, the
 * `BASH_FUNC_f%%` of `export -f`, `$BASH_COMMAND`): its own indentation, a `;` after each command
 * of an if/loop body, here-document bodies after the connector that follows their command.
 */
import type { AndOr, Cmd, Compound, Redirect, Simple } from './parse';

/** A pipeline or a connection of two (`b` absent: a trailing `&`), as bash's parser joins them. */
type Node = ({ c: Cmd } | { a: Node; op: string; b?: Node }) & { not?: boolean; time?: string };

/** The list as bash's tree: left-associative connections, `&` after a background job's last item. */
function tree(items: AndOr[]): Node | undefined {
  const amp = new Set(items.flatMap((it, j) => (it.bg ? [j + it.bg.n - 1] : [])));
  let n: Node | undefined;
  items.forEach((it, j) => {
    let p: Node = { c: it.pipeline[0] };
    for (const c of it.pipeline.slice(1)) p = { a: p, op: '|', b: { c } };
    if (it.not || it.time !== undefined) p = { ...p, not: it.not, time: it.time };
    n = n ? { a: n, op: it.op !== ';' ? it.op : amp.has(j - 1) ? '&' : ';', b: p } : p;
  });
  return n && amp.has(items.length - 1) ? { a: n, op: '&' } : n;
}

/** The words of a simple command as written, then its redirections (here-documents by their header). */
export const simpleText = (c: Simple, word: (w: Simple['words'][0]) => string): string =>
  [...(c.ws ?? c.words.map(word)), ...c.redirs.flatMap((r) => (r.s ? [r.s] : []))].join(' ');

class Printer {
  o = '';
  ind: number;
  amt: number;
  skip = 0;
  conn = 0;
  was = false;
  def: Redirect[] = [];

  constructor(multiline: boolean, readonly word: (w: Simple['words'][0]) => string) {
    this.ind = multiline ? 4 : 1;
    this.amt = multiline ? 4 : 0;
  }

  indent(n = this.ind): void {
    this.o += ' '.repeat(n);
  }
  newline(s: string): void {
    this.o += '\n';
    this.indent();
    this.o += s;
  }
  semicolon(): void {
    if (!/[&\n]$/.test(this.o)) this.o += ';';
  }
  bodies(docs: Redirect[]): void {
    this.o += '\n' + docs.map((d) => d.doc + '\n').join('');
    this.was = true;
  }
  deferred(s: string): void {
    const shown = s && s !== ';';
    if (shown) this.o += s;
    if (this.def.length) {
      this.bodies(this.def);
      if (shown) this.o += ' ';
    }
    this.def = [];
  }
  flush(): void {
    if (this.def.length) this.deferred('');
  }
  redirs(rs: Redirect[]): void {
    this.was = false;
    this.o += rs.flatMap((r) => (r.s ? [r.s] : [])).join(' ');
    const docs = rs.filter((r) => r.doc !== undefined);
    if (docs.length && this.conn) this.def = docs;
    else if (docs.length) this.bodies(docs);
  }
  list(items: AndOr[]): void {
    const n = tree(items);
    if (n) this.node(n);
  }
  /** Indented, with body and redirections. */
  node(n: Node): void {
    if (this.skip) this.skip--;
    else this.indent();
    if (n.time !== undefined) this.o += 'time ' + (n.time ? '-p ' : '');
    if (n.not) this.o += '! ';
    if ('c' in n) return this.cmd(n.c);
    this.skip++;
    this.conn++;
    this.node(n.a);
    const op = n.op;
    if (op === '&' || op === '|') {
      this.deferred(' ' + op);
      if (op !== '&' || n.b) (this.o += ' '), this.skip++;
    } else if (op !== ';') {
      this.deferred(` ${op} `);
      if (n.b) this.skip++;
    } else {
      if (this.def.length) this.deferred('');
      else if (!this.was) this.o += ';';
      else this.was = false;
      this.o += '\n';
    }
    if (n.b) this.node(n.b);
    this.flush();
    this.conn--;
  }
  cmd(c: Cmd): void {
    if (!c.k) {
      this.o += c.ws?.length || c.words.length ? simpleText({ ...c, redirs: [] }, this.word) : '';
      if (c.redirs.length) {
        if (c.words.length) this.o += ' ';
        this.redirs(c.redirs);
      }
      return;
    }
    this.compound(c);
    if (c.redirs.length) (this.o += ' '), this.redirs(c.redirs);
  }
  /** A body one level in, and the word that closes it. */
  body(items: AndOr[], close: string): void {
    this.ind += this.amt;
    this.list(items);
    this.flush();
    this.semicolon();
    this.ind -= this.amt;
    this.newline(close);
  }
  compound(c: Compound): void {
    switch (c.k) {
      case 'if': {
        this.o += 'if ';
        this.skip++;
        this.list(c.arms[0][0]);
        this.semicolon();
        this.o += ' then\n';
        this.ind += this.amt;
        this.list(c.arms[0][1]);
        this.flush();
        this.ind -= this.amt;
        // `elif` is an `if` in the else part
        const els = c.arms.length > 1 ? [{ op: ';', pipeline: [{ k: 'if', arms: c.arms.slice(1), els: c.els, redirs: [] }] } as AndOr] : c.els;
        if (els) {
          this.semicolon();
          this.newline('else\n');
          this.ind += this.amt;
          this.list(els);
          this.flush();
          this.ind -= this.amt;
        }
        this.semicolon();
        return this.newline('fi');
      }
      case 'while':
      case 'until':
        this.o += c.k + ' ';
        this.skip++;
        this.list(c.cond);
        this.flush();
        this.semicolon();
        this.o += ' do\n';
        return this.body(c.body, 'done');
      case 'for':
      case 'for((':
        this.o += c.k === 'for' ? `for ${c.name} in ${(c.ws ?? ['"$@"']).join(' ')};` : `for ((${c.src.map((s) => s.trimStart()).join('; ')}))`;
        this.newline('do\n');
        return this.body(c.body, 'done');
      case '((':
        this.o += `((${c.src}))`;
        return;
      case 'case':
        this.o += `case ${c.ws} in `;
        this.ind += this.amt;
        for (const a of c.arms) {
          this.newline((a.ps ?? []).join(' | ') + ')\n');
          this.ind += this.amt;
          this.list(a.body);
          this.ind -= this.amt;
          this.flush();
          this.newline(a.fall ?? ';;');
        }
        this.ind -= this.amt;
        return this.newline('esac');
      case '{':
        this.o += '{ \n';
        this.ind += this.amt;
        this.list(c.body);
        this.flush();
        this.o += '\n';
        this.ind -= this.amt;
        this.indent();
        this.o += '}';
        return;
      case '(':
        this.o += '( ';
        this.skip++;
        this.list(c.body);
        this.flush();
        this.o += ' )';
        return;
      case 'fn':
        this.o += `function ${c.name} () \n`;
        this.indent();
        this.o += '{ \n';
        this.ind += this.amt;
        return this.fnBody(c.body);
    }
  }
  /** A function's body inside `{ }` (a group's own redirections go after its `}`), one level in already. */
  fnBody(b: Cmd, outer?: number): void {
    const group = b.k === '{';
    if (group) this.list(b.body);
    else this.node({ c: b });
    this.flush();
    this.ind = outer ?? this.ind - this.amt;
    if (outer !== undefined) this.amt = 4;
    if (group && b.redirs.length) (this.newline('} '), this.redirs(b.redirs));
    else this.newline('}');
  }
}

/** `f () \n{ \n    echo hi\n}` (`declare -f`, `type`), or the one-space-indented `() {  echo hi\n}` that `export -f` puts in the environment. */
export function functionText(name: string, body: Cmd, word: (w: Simple['words'][0]) => string, multiline = true): string {
  const p = new Printer(multiline, word);
  p.o = (name ? name + ' ' : '') + '() ' + (multiline ? '\n{ \n' : '{ ');
  p.fnBody(body, 0);
  return p.o;
}
