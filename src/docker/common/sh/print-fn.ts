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

/**
 * `f () \n{ \n    echo hi\n}` (`declare -f`, `type`), or the one-space-indented `() {  echo hi\n}`
 * that `export -f` puts in the environment: print_cmd.c's named_function_string.
 */
export function functionText(name: string, body: Cmd, word: (w: Simple['words'][0]) => string, multiline = true): string {
  let o = (name ? name + ' ' : '') + '() ' + (multiline ? '\n{ \n' : '{ ');
  // the indentation, and what a body adds to it (none in the environment's form)
  let ind = multiline ? 4 : 1;
  const amt = multiline ? 4 : 0;
  // commands that follow on the same line, not indented
  let skip = 0;
  // how deep in connections (`;` `&&` `|`…): a here-document's body waits for the connector
  let conn = 0;
  // a here-document's body ended the text: the `;` after it is left out
  let was = false;
  let def: Redirect[] = [];

  const indent = (): void => void (o += ' '.repeat(ind));
  const newline = (s: string): void => void ((o += '\n'), indent(), (o += s));
  const semicolon = (): void => void (/[&\n]$/.test(o) || (o += ';'));
  const bodies = (docs: Redirect[]): void => void ((o += '\n' + docs.map((d) => d.doc + '\n').join('')), (was = true));
  const deferred = (s: string): void => {
    const shown = s && s !== ';';
    if (shown) o += s;
    if (def.length) (bodies(def), shown && (o += ' '));
    def = [];
  };
  const flush = (): void => void (def.length && deferred(''));
  const redirs = (rs: Redirect[]): void => {
    was = false;
    o += rs.flatMap((r) => (r.s ? [r.s] : [])).join(' ');
    const docs = rs.filter((r) => r.doc !== undefined);
    if (docs.length && conn) def = docs;
    else if (docs.length) bodies(docs);
  };
  const list = (items: AndOr[]): void => {
    const n = tree(items);
    if (n) node(n);
  };
  /** A list one level in, its here-documents done. */
  const inner = (items: AndOr[]): void => {
    ind += amt;
    list(items);
    flush();
    ind -= amt;
  };
  const node = (n: Node): void => {
    if (skip) skip--;
    else indent();
    if (n.time !== undefined) o += 'time ' + (n.time ? '-p ' : '');
    if (n.not) o += '! ';
    if ('c' in n) return cmd(n.c);
    skip++;
    conn++;
    node(n.a);
    const op = n.op;
    if (op === '&' || op === '|') {
      deferred(' ' + op);
      if (op !== '&' || n.b) (o += ' '), skip++;
    } else if (op !== ';') {
      deferred(` ${op} `);
      if (n.b) skip++;
    } else {
      if (def.length) deferred('');
      else if (!was) o += ';';
      else was = false;
      o += '\n';
    }
    if (n.b) node(n.b);
    flush();
    conn--;
  };
  const cmd = (c: Cmd | undefined): void => {
    // `time` alone
    if (!c) return;
    if (!c.k) {
      o += simpleText({ ...c, redirs: [] }, word);
      if (c.redirs.length) (c.words.length && (o += ' '), redirs(c.redirs));
      return;
    }
    compound(c);
    if (c.redirs.length) (o += ' '), redirs(c.redirs);
  };
  /** The body of a loop: one level in, a `;` after it, then `done`. */
  const loop = (items: AndOr[]): void => {
    inner(items);
    semicolon();
    newline('done');
  };
  const compound = (c: Compound): void => {
    switch (c.k) {
      case 'if': {
        o += 'if ';
        skip++;
        list(c.arms[0][0]);
        semicolon();
        o += ' then\n';
        inner(c.arms[0][1]);
        // `elif` is an `if` in the else part
        const els = c.arms.length > 1 ? [{ op: ';', pipeline: [{ k: 'if', arms: c.arms.slice(1), els: c.els, redirs: [] }] } as AndOr] : c.els;
        if (els) (semicolon(), newline('else\n'), inner(els));
        semicolon();
        return newline('fi');
      }
      case 'while':
      case 'until':
        o += c.k + ' ';
        skip++;
        list(c.cond);
        flush();
        semicolon();
        o += ' do\n';
        return loop(c.body);
      case 'for':
      case 'for((':
        o += c.k === 'for' ? `for ${c.name} in ${(c.ws ?? c.words?.map(word) ?? ['"$@"']).join(' ')};` : `for ((${c.src.map((s) => s.trimStart() || '1').join('; ')}))`;
        newline('do\n');
        return loop(c.body);
      case '((':
        o += `((${c.src}))`;
        return;
      case 'case':
        o += `case ${c.ws ?? word(c.word)} in `;
        ind += amt;
        for (const a of c.arms) {
          newline((a.ps ?? a.pats.map(word)).join(' | ') + ')\n');
          inner(a.body);
          newline(a.fall ?? ';;');
        }
        ind -= amt;
        return newline('esac');
      case '{':
        o += '{ \n';
        inner(c.body);
        o += '\n';
        indent();
        o += '}';
        return;
      case '(':
        o += '( ';
        skip++;
        list(c.body);
        flush();
        o += ' )';
        return;
      case 'fn':
        o += `function ${c.name} () \n`;
        indent();
        o += '{ \n';
        ind += amt;
        fnBody(c.body);
        // bash puts the `;` after a definition even when a here-document ended it
        was = false;
    }
  };
  /** A function's body between `{ }`, already one level in; a group's own redirections go after its `}`. */
  const fnBody = (b: Cmd, top = false): void => {
    const group = b.k === '{';
    if (group) list(b.body);
    else node({ c: b });
    flush();
    // named_function_string puts the indentation back to none
    ind = top ? 0 : ind - amt;
    if (group && b.redirs.length) (newline('} '), redirs(b.redirs));
    else newline('}');
  };
  fnBody(body, true);
  return o;
}
