/**
 * The SQL a first lesson on databases types, parsed once for both servers: statements on
 * databases and tables, INSERT, SELECT from one table, UPDATE and DELETE. `my` (MySQL) and `pg`
 * (PostgreSQL) differ in quoting (backticks vs double quotes) and in folding names to lower case.
 */
export type Dialect = 'my' | 'pg';
export type Val = string | number | boolean | null;
export type Expr =
  | { k: 'lit'; v: Val; p?: number }
  | { k: 'col'; n: string; q?: string; p: number }
  | { k: 'fn'; n: string; args: Expr[]; p: number; dist?: boolean }
  | { k: 'sub'; s: Select; p: number }
  | { k: 'op'; op: string; a: Expr; b?: Expr; p: number };
/** `q`: the table (or its alias) a column of a join comes from. */
export interface ColDef { name: string; type: string; notNull?: boolean; pk?: boolean; auto?: boolean; def?: Expr; uq?: boolean; q?: string }
/** A foreign key: column, constraint name, parent table and column, ON DELETE action. */
export interface Fk { c: string; n: string; t: string; r: string; del?: string }
export interface Item { e?: Expr; as?: string; text: string; q?: string }
/** A table of FROM and how it joins the ones before it. */
export interface Src { t: string; as: string; p: number; j?: string; on?: Expr }
export type Select = { k: 'select'; distinct?: boolean; items: Item[]; from: Src[]; fp: number; where?: Expr; group: Expr[]; having?: Expr; order: { e: Expr; desc: boolean }[]; limit?: number; offset?: number };
export type Stmt =
  | Select
  | { k: 'alter'; t: string; tp: number; op: string; c?: ColDef; n?: string; after?: string; fk: Fk[]; keys?: ColDef[] }
  | { k: 'truncate' | 'showcreate'; t: string; tp: number }
  | { k: 'set'; n: string; v?: string }
  | { k: 'user'; op: string; u: string; h?: string; pw?: string; privs?: string; on?: string; safe?: boolean }
  | { k: 'insert'; t: string; tp: number; cols?: [string, number][]; rows: Expr[][] }
  | { k: 'update'; t: string; tp: number; sets: [string, number, Expr][]; where?: Expr }
  | { k: 'delete'; t: string; tp: number; where?: Expr }
  | { k: 'ctable'; t: string; tp: number; cols: ColDef[]; safe: boolean; fk: Fk[]; seq?: number }
  | { k: 'dtable' | 'cdb' | 'ddb'; t: string; tp: number; safe: boolean }
  | { k: 'use' | 'describe'; t: string; tp: number }
  | { k: 'showdbs' | 'showtables' };

/** An error of the statement: its code (see the clients' message tables), arguments, and offset. */
export class SqlError {
  constructor(public code: string, public a: string[] = [], public pos = -1) {}
}

interface Tok { t: 'id' | 'qid' | 'num' | 'str' | 'op'; v: string; p: number; e: number }
const RESERVED = new Set('select from where group order by limit and or not null is like in between distinct as values set into insert update delete create drop table database use show describe desc asc primary key default join on inner left right cross having offset case when then else end exists'.split(' '));

function lex(s: string, d: Dialect): Tok[] {
  const re = d === 'my'
    ? /\s+|--[^\n]*|#[^\n]*|\/\*!\d*|\*\/|\/\*[^]*?\*\/|(\d+(?:\.\d+)?)|'((?:''|\\.|[^'\\])*)'|"((?:""|\\.|[^"\\])*)"|`([^`]*)`|(?!)()|([A-Za-z_][\w$]*)|(<=|>=|<>|!=|\|\||[(),;*+\-/%=<>.@])/y
    : /\s+|--[^\n]*|\/\*[^]*?\*\/|(\d+(?:\.\d+)?)|'((?:''|[^'])*)'|(?!)()|(?!)()|"((?:""|[^"])*)"|([A-Za-z_][\w$]*)|(<=|>=|<>|!=|\|\||[(),;*+\-/%=<>.@])/y;
  const out: Tok[] = [];
  let m: RegExpExecArray | null;
  for (let i = 0; i < s.length; i = re.lastIndex) {
    re.lastIndex = i;
    if (!(m = re.exec(s))) throw new SqlError('syntax', [], i);
    const tok = (t: Tok['t'], v: string) => out.push({ t, v, p: i, e: re.lastIndex });
    if (m[1] !== undefined) tok('num', m[1]);
    // MySQL reads \n, \t, \r, \0 in a string as those characters, and a backslash before any other as that one
    else if (m[2] !== undefined) tok('str', d === 'my' ? m[2].replace(/''/g, "'").replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', 0: '\0' } as Record<string, string>)[c] ?? c) : m[2].replace(/''/g, "'"));
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
  const my = d === 'my';
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
    if (t.v.length > 64 && my) throw new SqlError('idlong', [t.v], t.p);
    return [(t.t === 'id' && !my ? t.v.toLowerCase() : t.v).slice(0, 63 + +my), t.p];
  };
  const tname = (): [string, number] => {
    const [a, p] = name();
    return eat('.') ? [a + '.' + name()[0], p] : [a, p];
  };
  const num = () => (peek()?.t === 'num' ? Number(toks[i++].v) : fail());
  const ifx = (not: boolean) => (is('if') ? (i++, not && need('not'), need('exists'), true) : false);
  const list = () => {
    need('(');
    const r: string[] = [];
    do r.push(name()[0]);
    while (eat(','));
    return need(')'), r;
  };
  /** An alias: `AS x`, or a name that is no keyword; MySQL takes a string too. */
  const alias = () => {
    const as = eat('as');
    const t = peek();
    if (t?.t === 'str' && my) return i++, t.v;
    return as || t?.t === 'qid' || (t?.t === 'id' && !RESERVED.has(t.v.toLowerCase())) ? name()[0] : undefined;
  };
  const sub = (p: number): Expr => {
    const e: Expr = { k: 'sub', s: select(), p };
    return need(')'), e;
  };

  const primary = (): Expr => {
    const t = peek() ?? fail();
    const p = t.p;
    // a decimal literal keeps its digits (its scale): 1.50 is 1.50
    if (t.t === 'num' || t.t === 'str') return i++, { k: 'lit', v: t.t === 'num' && !t.v.includes('.') ? Number(t.v) : t.v, p };
    if (eat('(')) {
      if (is('select')) return sub(p);
      const e = expr();
      need(')');
      return e;
    }
    if (eat('-')) return { k: 'op', op: 'neg', a: primary(), p };
    if (eat('null')) return { k: 'lit', v: null };
    if (eat('true') || eat('false')) return { k: 'lit', v: t.v.toLowerCase() === 'true' };
    if (eat('exists')) return need('('), { k: 'fn', n: 'exists', args: [sub(p)], p };
    // CASE x WHEN a THEN b … as CASE WHEN x = a THEN b …: condition and value pairs, then ELSE
    if (eat('case')) {
      const base = is('when') ? undefined : expr();
      const args: Expr[] = [];
      while (eat('when')) {
        const w = expr();
        need('then');
        args.push(base ? { k: 'op', op: '=', a: base, b: w, p } : w, expr());
      }
      if (!args.length) fail();
      if (eat('else')) args.push(expr());
      need('end');
      return { k: 'fn', n: 'case', args, p };
    }
    if (/^(current_timestamp|current_date|current_user)$/i.test(t.v) && !is('(', 1)) return i++, { k: 'fn', n: t.v.toLowerCase(), args: [], p };
    // a function may bear a keyword's name: database(), left()
    const [n] = t.t === 'id' && is('(', 1) ? (i++, [t.v]) : name();
    if (eat('(')) {
      const args: Expr[] = [];
      const dist = eat('distinct');
      if (eat('*')) args.push({ k: 'lit', v: 1 });
      else if (!is(')')) do args.push(expr()); while (eat(','));
      need(')');
      return { k: 'fn', n: n.toLowerCase(), args, p, dist };
    }
    return eat('.') ? { k: 'col', q: n, n: name()[0], p } : { k: 'col', n, p };
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
      if (is('select')) {
        const e: Expr = { k: 'op', op: 'in', a, b: sub(p), p };
        return not ? { k: 'op', op: 'not', a: e, p } : e;
      }
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
  function select(): Select {
    need('select');
    const distinct = eat('distinct') || (eat('all'), false);
    const items: Item[] = [];
    do {
      const start = peek()?.p ?? -1;
      if (eat('*')) items.push({ text: '*' });
      else if (is('.', 1) && is('*', 2)) items.push({ text: '*', q: name()[0] }), (i += 2);
      else {
        const e = expr();
        items.push({ e, text: src.slice(start, toks[i - 1].e), as: alias() });
      }
    } while (eat(','));
    const from: Src[] = [];
    const fp = peek()?.p ?? -1;
    if (eat('from')) {
      const table = (j?: string): Src => {
        const [t, p] = tname();
        return { t, p, as: alias() ?? t.slice(t.indexOf('.') + 1), j };
      };
      from.push(table());
      for (;;) {
        if (eat(',')) {
          from.push(table('cross'));
          continue;
        }
        const j = ['left', 'right', 'inner', 'cross'].find((w) => eat(w));
        if (j === 'left' || j === 'right') eat('outer');
        if (!eat('join')) {
          if (j) fail();
          break;
        }
        const t = table(j ?? 'inner');
        if (eat('on')) t.on = expr();
        else if (j === 'left' || j === 'right' || !my) fail();
        from.push(t);
      }
    }
    const w = where();
    const group: Expr[] = [];
    if (eat('group')) {
      need('by');
      do group.push(expr());
      while (eat(','));
    }
    const having = eat('having') ? expr() : undefined;
    const order: { e: Expr; desc: boolean }[] = [];
    if (eat('order')) {
      need('by');
      do order.push({ e: expr(), desc: eat('desc') || (eat('asc'), false) });
      while (eat(','));
    }
    let limit: number | undefined;
    let offset: number | undefined;
    // LIMIT n OFFSET m; MySQL's LIMIT m, n
    if (eat('limit')) (limit = num()), my && eat(',') ? ((offset = limit), (limit = num())) : undefined;
    if (eat('offset')) offset = num();
    return { k: 'select', distinct, items, from, fp, where: w, group, having, order, limit, offset };
  }

  const fk: Fk[] = [];
  /** REFERENCES t (c) and its ON DELETE (ON UPDATE is read and let be). */
  const refs = (c: string, n = '') => {
    need('references');
    const f: Fk = { c, n, t: tname()[0], r: list()[0] };
    while (eat('on')) {
      const del = eat('delete') || (need('update'), false);
      const act = eat('cascade') ? 'CASCADE' : eat('restrict') ? 'RESTRICT' : eat('set') ? (eat('null') ? 'SET NULL' : (need('default'), 'SET DEFAULT')) : (need('no'), need('action'), 'NO ACTION');
      if (del) f.del = act;
    }
    fk.push(f);
  };
  const column = (): ColDef => {
    const [n] = name();
    // MySQL knows SERIAL alone of postgres's serial types
    const ty = peek()?.t === 'id' && !(my && /^(big|small)serial$/i.test(peek().v)) ? toks[i++].v.toLowerCase() : fail();
    let type = ty === 'double' && eat('precision') ? 'double precision' : ty === 'character' && eat('varying') ? 'varchar' : ty;
    if (eat('(')) {
      const args = [num()];
      if (eat(',')) args.push(num());
      need(')');
      type += `(${args.join(',')})`;
    }
    if (my && eat('unsigned')) type += ' unsigned';
    const c: ColDef = { name: n, type };
    if (/^(big|small)?serial$/.test(ty)) (c.auto = c.notNull = true), (c.uq ||= my);
    for (;;) {
      if (eat('not')) (need('null'), (c.notNull = true));
      else if (eat('null')) c.notNull = false;
      else if (eat('primary')) (need('key'), (c.pk = c.notNull = true));
      else if (my && eat('auto_increment')) c.auto = c.notNull = true;
      else if (eat('default')) c.def = primary();
      else if (eat('unique')) (eat('key'), (c.uq = true));
      else if (is('references')) refs(n);
      // what a dump's CREATE TABLE adds: COLLATE x, CHARACTER SET x, COMMENT 'x', ON UPDATE CURRENT_TIMESTAMP
      else if (my && (eat('collate') || eat('comment') || (eat('character') && (need('set'), true)) || (eat('on') && (need('update'), true)))) i++;
      else break;
    }
    return c;
  };
  /** One element of CREATE TABLE's list (or of ALTER TABLE … ADD): a column or a key. */
  const element = (cols: ColDef[], alter = false) => {
    const cn = eat('constraint') && !/^(primary|foreign|unique)$/i.test(peek()?.v ?? '') ? name()[0] : undefined;
    // ALTER TABLE … ADD PRIMARY KEY (c): a column without a type stands for the table's own
    const find = (c: string) => cols.find((x) => x.name === c) ?? (alter ? cols[cols.push({ name: c, type: '' }) - 1] : fail());
    if (eat('primary')) return need('key'), list().forEach((c) => (find(c).pk = find(c).notNull = true));
    if (eat('foreign')) return need('key'), (eat('key') || !is('(')) && name(), refs(list()[0], cn);
    const uq = eat('unique');
    if ((eat('key') || eat('index') || uq) && (is('(') || name())) return list().forEach((c) => (find(c).uq ||= uq));
    if (cn) fail();
    cols.push(column());
  };

  let s: Stmt;
  // what is only comments (a dump's /*!40101 SET … */) does nothing
  if (!toks.length) return { k: 'set', n: '' };
  if (is('select')) s = select();
  else if (eat('insert')) {
    need('into');
    const [t, tp] = tname();
    let cols: [string, number][] | undefined;
    if (eat('(')) {
      cols = [];
      do cols.push(name());
      while (eat(','));
      need(')');
    }
    if (!eat('values') && !(my && eat('value'))) fail();
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
  } else if (my && (is('create') || is('drop') || is('alter')) && is('user', 1)) {
    const op = toks[i].v.toLowerCase();
    i += 2;
    const safe = ifx(op === 'create');
    const [u, h] = user();
    const pw = eat('identified') ? (need('by'), str()) : undefined;
    s = { k: 'user', op, u, h, pw, safe };
  } else if (is('create') || is('drop')) {
    const create = toks[i++].v.toLowerCase() === 'create';
    if (eat('database') || (my && eat('schema'))) {
      const safe = ifx(create);
      const [t, tp] = name();
      // the options a dump writes: DEFAULT CHARACTER SET x COLLATE y DEFAULT ENCRYPTION='N'
      while (my && create && (eat('default'), eat('character') ? (need('set'), true) : eat('collate') || eat('charset') || eat('encryption'))) eat('='), i++;
      s = { k: create ? 'cdb' : 'ddb', t, tp, safe };
    } else {
      need('table');
      const safe = ifx(create);
      const [t, tp] = tname();
      if (!create) s = { k: 'dtable', t, tp, safe };
      else {
        need('(');
        const cols: ColDef[] = [];
        do element(cols);
        while (eat(','));
        need(')');
        let seq: number | undefined;
        // table options (ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=…): the counter is kept
        while (my && peek()) eat('auto_increment') ? (eat('='), (seq = num() - 1)) : i++;
        s = { k: 'ctable', t, tp, cols, safe, fk, seq };
      }
    }
  } else if (eat('alter')) {
    need('table');
    const [t, tp] = tname();
    // a dump's ALTER TABLE … DISABLE KEYS has nothing to do
    if (my && (eat('disable') || eat('enable'))) return need('keys'), { k: 'set', n: '' };
    const op = ['add', 'drop', 'rename', ...(my ? ['modify', 'change'] : [])].find((w) => eat(w)) ?? fail();
    const col = eat('column');
    s = { k: 'alter', t, tp, op, fk };
    if (op === 'add') {
      const cols: ColDef[] = [];
      if (col) cols.push(column());
      else element(cols, true);
      s.c = cols[0];
      if (s.c && !s.c.type) (s.op = 'key'), (s.keys = cols);
      if (fk.length) s.op = 'fk';
      if (my && eat('after')) s.after = name()[0];
      else if (my && eat('first')) s.after = '';
    } else if (op === 'rename' && !col) (eat('to') || eat('as'), (s.n = name()[0]));
    else {
      if (op !== 'modify') s.n = name()[0];
      if (op === 'rename') need('to');
      s.c = op === 'drop' ? undefined : op === 'rename' ? { name: name()[0], type: '' } : column();
      s.n ??= s.c!.name;
    }
  } else if (eat('truncate')) {
    eat('table');
    const [t, tp] = tname();
    s = { k: 'truncate', t, tp };
  } else if (eat('set') || (my && (eat('lock') || eat('unlock')))) {
    // SET NAMES …, SET FOREIGN_KEY_CHECKS = 0, LOCK TABLES … (what a dump says around its data)
    const k = toks.findIndex((t, j) => /^foreign_key_checks$/i.test(t.v) && toks[j + 1]?.v === '=');
    s = { k: 'set', n: k < 0 ? '' : 'foreign_key_checks', v: toks[k + 2]?.v };
    i = toks.length;
  } else if (my && (is('grant') || is('revoke'))) {
    const op = toks[i++].v.toLowerCase();
    const privs: string[] = [];
    while (!is('on')) privs.push((eat('all') ? (eat('privileges'), 'ALL PRIVILEGES') : toks[i++]?.v.toUpperCase()) ?? fail()), eat(',');
    need('on');
    eat('table');
    const part = () => (eat('*') ? '*' : name()[0]);
    const on = [part()];
    if (eat('.')) on.push(part());
    need(op === 'grant' ? 'to' : 'from');
    s = { k: 'user', op, u: user()[0], privs: privs.join(', '), on: on.join('.') };
    if (eat('with')) need('grant'), need('option');
  } else if (my && eat('flush')) {
    i = toks.length;
    s = { k: 'set', n: '' };
  } else if (my && eat('use')) {
    const [t, tp] = name();
    s = { k: 'use', t, tp };
  } else if (!my && eat('show')) {
    throw new SqlError('guc', [name()[0]]);
  } else if (my && eat('show')) {
    if (eat('create')) {
      need('table');
      const [t, tp] = tname();
      s = { k: 'showcreate', t, tp };
    } else if (eat('grants')) s = { k: 'user', op: 'show', u: eat('for') ? user()[0] : '' };
    else if (eat('columns') || eat('fields')) {
      need('from');
      const [t, tp] = tname();
      s = { k: 'describe', t, tp };
    } else s = eat('databases') || eat('schemas') ? { k: 'showdbs' } : (need('tables'), { k: 'showtables' });
  } else if (my && (eat('describe') || eat('desc'))) {
    const [t, tp] = tname();
    s = { k: 'describe', t, tp };
  } else return fail();
  eat(';');
  if (peek()) fail();
  return s;

  function str() {
    return peek()?.t === 'str' ? toks[i++].v : fail();
  }
  /** An account: 'u'@'host', u@host or 'u': its name and host as given. */
  function user(): [string, string | undefined] {
    const t = peek();
    if (!t || t.t === 'op' || t.t === 'num') fail();
    i++;
    return [t.v, eat('@') ? toks[i++]?.v : undefined];
  }
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
