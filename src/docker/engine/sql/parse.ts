/**
 * The SQL a first lesson on databases types, parsed once for both servers: statements on
 * databases and tables, INSERT, SELECT from one table, UPDATE and DELETE. `my` (MySQL) and `pg`
 * (PostgreSQL) differ in quoting (backticks vs double quotes) and in folding names to lower case.
 */
export type Dialect = 'my' | 'pg';
export type Val = string | number | boolean | null;
export type Expr =
  | { k: 'lit'; v: Val; p?: number }
  | { k: 'col'; n: string; p: number }
  | { k: 'fn'; n: string; args: Expr[]; p: number }
  | { k: 'op'; op: string; a: Expr; b?: Expr; p: number };
export interface ColDef { name: string; type: string; notNull?: boolean; pk?: boolean; auto?: boolean; def?: Expr }
export interface Item { e?: Expr; as?: string; text: string }
export type Stmt =
  | { k: 'select'; distinct?: boolean; items: Item[]; from?: string; fp: number; where?: Expr; group: Expr[]; order: { e: Expr; desc: boolean }[]; limit?: number }
  | { k: 'insert'; t: string; tp: number; cols?: [string, number][]; rows: Expr[][] }
  | { k: 'update'; t: string; tp: number; sets: [string, number, Expr][]; where?: Expr }
  | { k: 'delete'; t: string; tp: number; where?: Expr }
  | { k: 'ctable'; t: string; tp: number; cols: ColDef[]; safe: boolean }
  | { k: 'dtable' | 'cdb' | 'ddb'; t: string; tp: number; safe: boolean }
  | { k: 'use' | 'describe'; t: string; tp: number }
  | { k: 'showdbs' | 'showtables' };

/** An error of the statement: its code (see the clients' message tables), arguments, and offset. */
export class SqlError {
  constructor(public code: string, public a: string[] = [], public pos = -1) {}
}

interface Tok { t: 'id' | 'qid' | 'num' | 'str' | 'op'; v: string; p: number; e: number }
const RESERVED = new Set('select from where group order by limit and or not null is like in between distinct as values set into insert update delete create drop table database use show describe desc asc primary key default'.split(' '));

function lex(s: string, d: Dialect): Tok[] {
  const re = d === 'my'
    ? /\s+|--[^\n]*|#[^\n]*|\/\*[^]*?\*\/|(\d+(?:\.\d+)?)|'((?:''|\\.|[^'\\])*)'|"((?:""|\\.|[^"\\])*)"|`([^`]*)`|(?!)()|([A-Za-z_][\w$]*)|(<=|>=|<>|!=|\|\||[(),;*+\-/%=<>.])/y
    : /\s+|--[^\n]*|\/\*[^]*?\*\/|(\d+(?:\.\d+)?)|'((?:''|[^'])*)'|(?!)()|(?!)()|"((?:""|[^"])*)"|([A-Za-z_][\w$]*)|(<=|>=|<>|!=|\|\||[(),;*+\-/%=<>.])/y;
  const out: Tok[] = [];
  let m: RegExpExecArray | null;
  for (let i = 0; i < s.length; i = re.lastIndex) {
    re.lastIndex = i;
    if (!(m = re.exec(s))) throw new SqlError('syntax', [], i);
    const tok = (t: Tok['t'], v: string) => out.push({ t, v, p: i, e: re.lastIndex });
    if (m[1] !== undefined) tok('num', m[1]);
    else if (m[2] !== undefined) tok('str', m[2].replace(/''/g, "'").replace(/\\(.)/g, '$1'));
    else if (m[3] !== undefined) tok('str', m[3].replace(/""/g, '"'));
    else if (m[4] !== undefined || m[5] !== undefined) tok('qid', m[4] ?? m[5]);
    else if (m[6] !== undefined) tok('id', m[6]);
    else if (m[7] !== undefined) tok('op', m[7]);
  }
  return out;
}

/** Parses one statement (without its `;`). */
export function parse(src: string, d: Dialect): Stmt {
  const toks = lex(src, d);
  let i = 0;
  const peek = (o = 0) => toks[i + o];
  const fail = (): never => {
    throw new SqlError('syntax', [], peek()?.p ?? -1);
  };
  const is = (w: string, o = 0) => {
    const t = peek(o);
    return !!t && (t.t === 'id' || t.t === 'op') && t.v.toLowerCase() === w;
  };
  const eat = (w: string) => (is(w) ? (i++, true) : false);
  const need = (w: string) => void (eat(w) || fail());
  const name = (): [string, number] => {
    const t = peek();
    if (!t || (t.t !== 'id' && t.t !== 'qid') || (t.t === 'id' && RESERVED.has(t.v.toLowerCase()))) fail();
    i++;
    // PostgreSQL cuts a name to 63 characters; MySQL refuses one over 64
    if (t.v.length > 64 && d === 'my') throw new SqlError('idlong', [t.v], t.p);
    return [(t.t === 'id' && d === 'pg' ? t.v.toLowerCase() : t.v).slice(0, 63 + +(d === 'my')), t.p];
  };
  const tname = (): [string, number] => {
    const [a, p] = name();
    return eat('.') ? [a + '.' + name()[0], p] : [a, p];
  };
  const num = () => (peek()?.t === 'num' ? Number(toks[i++].v) : fail());
  const ifx = (not: boolean) => (is('if') ? (i++, not && need('not'), need('exists'), true) : false);

  const primary = (): Expr => {
    const t = peek() ?? fail();
    const p = t.p;
    if (t.t === 'num' || t.t === 'str') return i++, { k: 'lit', v: t.t === 'num' ? Number(t.v) : t.v, p };
    if (eat('(')) {
      const e = expr();
      need(')');
      return e;
    }
    if (eat('-')) return { k: 'op', op: 'neg', a: primary(), p };
    if (eat('null')) return { k: 'lit', v: null };
    if (eat('true') || eat('false')) return { k: 'lit', v: t.v.toLowerCase() === 'true' };
    if (/^(current_timestamp|current_date|current_user)$/i.test(t.v) && !is('(', 1)) return i++, { k: 'fn', n: t.v.toLowerCase(), args: [], p };
    // a function may bear a keyword's name: database()
    const [n] = t.t === 'id' && is('(', 1) ? (i++, [t.v]) : name();
    if (eat('(')) {
      const args: Expr[] = [];
      if (eat('*')) args.push({ k: 'lit', v: 1 });
      else if (!is(')')) do args.push(expr()); while (eat(','));
      need(')');
      return { k: 'fn', n: n.toLowerCase(), args, p };
    }
    return { k: 'col', n, p };
  };
  const binary = (next: () => Expr, ops: string[]) => (): Expr => {
    let a = next();
    for (let t = peek(); t && ops.includes(t.v.toLowerCase()) && t.t !== 'str' && t.t !== 'qid'; t = peek()) {
      i++;
      a = { k: 'op', op: t.v.toLowerCase(), a, b: next(), p: t.p };
    }
    return a;
  };
  const mul = binary(primary, ['*', '/', '%']);
  const add = binary(mul, ['+', '-', '||']);
  const cmp = (): Expr => {
    const a = add();
    const p = peek()?.p ?? -1;
    if (eat('is')) {
      const not = eat('not');
      need('null');
      return { k: 'op', op: not ? 'notnull' : 'isnull', a, p };
    }
    const not = eat('not');
    if (eat('like')) return { k: 'op', op: not ? 'notlike' : 'like', a, b: add(), p };
    // IN and BETWEEN as the comparisons they stand for (NULL behaves the same)
    const [eq, join] = not ? ['<>', 'and'] : ['=', 'or'];
    if (eat('in')) {
      need('(');
      let e: Expr = { k: 'op', op: eq, a, b: expr(), p };
      while (eat(',')) e = { k: 'op', op: join, a: e, b: { k: 'op', op: eq, a, b: expr(), p }, p };
      need(')');
      return e;
    }
    if (eat('between')) {
      const lo = add();
      need('and');
      return { k: 'op', op: not ? 'or' : 'and', a: { k: 'op', op: not ? '<' : '>=', a, b: lo, p }, b: { k: 'op', op: not ? '>' : '<=', a, b: add(), p }, p };
    }
    if (not) fail();
    const t = peek();
    // = <= >= != < <> >
    if (t && t.t === 'op' && /^([<>!]?=|<>?|>)$/.test(t.v)) return i++, { k: 'op', op: t.v === '!=' ? '<>' : t.v, a, b: add(), p };
    return a;
  };
  const not = (): Expr => (is('not') ? { k: 'op', op: 'not', p: toks[i++].p, a: not() } : cmp());
  const and = binary(not, ['and']);
  const expr = binary(and, ['or']);

  const where = () => (eat('where') ? expr() : undefined);
  let s: Stmt;
  if (eat('select')) {
    const distinct = eat('distinct');
    const items: Item[] = [];
    do {
      const start = peek()?.p ?? -1;
      if (eat('*')) items.push({ text: '*' });
      else {
        const e = expr();
        const text = src.slice(start, toks[i - 1].e);
        items.push({ e, text, as: eat('as') || peek()?.t === 'qid' || (peek()?.t === 'id' && !RESERVED.has(peek().v.toLowerCase())) ? name()[0] : undefined });
      }
    } while (eat(','));
    let from: string | undefined;
    let fp = -1;
    if (eat('from')) [from, fp] = tname();
    const w = where();
    const group: Expr[] = [];
    if (eat('group')) {
      need('by');
      do group.push(expr());
      while (eat(','));
    }
    const order: { e: Expr; desc: boolean }[] = [];
    if (eat('order')) {
      need('by');
      do order.push({ e: expr(), desc: eat('desc') || (eat('asc'), false) });
      while (eat(','));
    }
    s = { k: 'select', distinct, items, from, fp, where: w, group, order, limit: eat('limit') ? num() : undefined };
  } else if (eat('insert')) {
    need('into');
    const [t, tp] = tname();
    let cols: [string, number][] | undefined;
    if (eat('(')) {
      cols = [];
      do cols.push(name());
      while (eat(','));
      need(')');
    }
    if (!eat('values') && !(d === 'my' && eat('value'))) fail();
    const rows: Expr[][] = [];
    do {
      need('(');
      const r: Expr[] = [];
      do r.push(expr());
      while (eat(','));
      need(')');
      rows.push(r);
    } while (eat(','));
    s = { k: 'insert', t, tp, cols, rows };
  } else if (eat('update')) {
    const [t, tp] = tname();
    need('set');
    const sets: [string, number, Expr][] = [];
    do {
      const [c, p] = name();
      need('=');
      sets.push([c, p, expr()]);
    } while (eat(','));
    s = { k: 'update', t, tp, sets, where: where() };
  } else if (eat('delete')) {
    need('from');
    const [t, tp] = tname();
    s = { k: 'delete', t, tp, where: where() };
  } else if (is('create') || is('drop')) {
    const create = toks[i++].v.toLowerCase() === 'create';
    if (eat('database') || (d === 'my' && eat('schema'))) {
      const safe = ifx(create);
      const [t, tp] = name();
      s = { k: create ? 'cdb' : 'ddb', t, tp, safe };
    } else {
      need('table');
      const safe = ifx(create);
      const [t, tp] = tname();
      if (!create) s = { k: 'dtable', t, tp, safe };
      else {
        need('(');
        const cols: ColDef[] = [];
        do {
          if (eat('primary')) {
            need('key');
            need('(');
            const [c] = name();
            need(')');
            const col = cols.find((x) => x.name === c) ?? fail();
            col.pk = col.notNull = true;
            continue;
          }
          const [n] = name();
          const ty = peek()?.t === 'id' ? toks[i++].v.toLowerCase() : fail();
          let type = ty === 'double' && eat('precision') ? 'double precision' : ty === 'character' && eat('varying') ? 'varchar' : ty;
          if (eat('(')) {
            const args = [num()];
            if (eat(',')) args.push(num());
            need(')');
            type += `(${args.join(',')})`;
          }
          if (d === 'my' && eat('unsigned')) type += ' unsigned';
          const c: ColDef = { name: n, type };
          if (/^(big|small)?serial$/.test(ty)) c.auto = c.notNull = true;
          for (;;) {
            if (eat('not')) (need('null'), (c.notNull = true));
            else if (eat('null')) c.notNull = false;
            else if (eat('primary')) (need('key'), (c.pk = c.notNull = true));
            else if (d === 'my' && eat('auto_increment')) c.auto = c.notNull = true;
            else if (eat('default')) c.def = primary();
            else if (eat('unique')) void 0;
            else break;
          }
          cols.push(c);
        } while (eat(','));
        need(')');
        s = { k: 'ctable', t, tp, cols, safe };
      }
    }
  } else if (d === 'my' && eat('use')) {
    const [t, tp] = name();
    s = { k: 'use', t, tp };
  } else if (d === 'pg' && eat('show')) {
    throw new SqlError('guc', [name()[0]]);
  } else if (d === 'my' && eat('show')) {
    s = eat('databases') || eat('schemas') ? { k: 'showdbs' } : (need('tables'), { k: 'showtables' });
  } else if (d === 'my' && (eat('describe') || eat('desc'))) {
    const [t, tp] = tname();
    s = { k: 'describe', t, tp };
  } else return fail();
  eat(';');
  if (peek()) fail();
  return s;
}

/** Splits typed text into the complete statements (each without its `;`) and what is left open; `esc`: a backslash escapes the next character of a string (MySQL). */
export function statements(text: string, esc = false): [string[], string] {
  const done: string[] = [];
  let start = 0;
  let q = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (esc && c === '\\' && q !== '`') i++;
      else if (c === q) q = '';
    } else if (c === "'" || c === '"' || c === '`') q = c;
    else if (c === ';') (done.push(text.slice(start, i)), (start = i + 1));
  }
  return [done, text.slice(start)];
}
