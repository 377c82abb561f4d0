/** Runs a parsed statement on a server's store, with the typing and checks each server applies. */
import { parse, SqlError, type ColDef, type Dialect, type Expr, type Select, type Stmt, type Val } from './parse';
import type { Store, Table } from './store';

export interface Session { d: Dialect; store: Store; db?: string; now: () => number; version: string; user: string; visible?: (db: string) => boolean; remote?: (src: string) => Res; id?: number; may?: (cmd: string, db: string, t: string) => boolean; acct?: (st: Extract<Stmt, { k: 'user' }>) => Res; nofk?: boolean; N?: boolean }
export type Rows = { cols: string[]; rows: Val[][]; num: boolean[]; nul?: boolean[] };
/** A statement's outcome: rows, or the count and tag of what it changed (with a NOTICE or `info` line). */
export type Res = Rows | { tag: string; n: number; info?: string; warn?: number; notice?: string };

const INT = /^(int|integer|bigint|smallint|tinyint|mediumint|serial|bigserial|smallserial|int[248])\b/;
const isNumType = (t: string) => INT.test(t) || /^(decimal|numeric|float|double|real)\b/.test(t);
const PG_TYPES: Record<string, string> = { int: 'integer', int4: 'integer', serial: 'integer', int8: 'bigint', bigserial: 'bigint', int2: 'smallint', smallserial: 'smallint', varchar: 'character varying', char: 'character', bool: 'boolean', decimal: 'numeric', float4: 'real', float: 'double precision', float8: 'double precision', double: 'double precision', timestamp: 'timestamp without time zone' };
const MY_TYPES: Record<string, string> = { integer: 'int', boolean: 'tinyint(1)', bool: 'tinyint(1)', serial: 'bigint unsigned', numeric: 'decimal', character: 'char', 'double precision': 'double', real: 'double', float8: 'double', float4: 'float', int2: 'smallint', int4: 'int', int8: 'bigint' };
const KNOWN = /^(int|integer|bigint|smallint|tinyint|mediumint|serial|bigserial|smallserial|int[248]|varchar|char|character|text|boolean|bool|decimal|numeric|float[48]?|double|double precision|real|date|datetime|timestamp|time)$/;

/** The type as the server names it (DESCRIBE, \d). */
function typeName(t: string, d: Dialect, p: number): string {
  const [, base, args = ''] = /^([a-z0-9 ]+?)(\(.*\))?( unsigned)?$/.exec(t) ?? [];
  if (!KNOWN.test(base) || (d === 'pg' && /^(datetime|tinyint|mediumint)$/.test(base))) throw new SqlError(d === 'pg' ? 'type' : 'syntax', [base], p);
  if (d === 'pg') return (PG_TYPES[base] ?? base) + args;
  const my = MY_TYPES[base] ?? base;
  return (my === 'decimal' && !args ? 'decimal(10,0)' : my) + (/^(varchar|char|decimal|numeric)$/.test(base) ? args : '') + (t.endsWith(' unsigned') ? ' unsigned' : '');
}

export const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
const isNum = (v: Val) => typeof v === 'number' || (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v));
const AGG = /^(count|sum|min|max|avg)$/;
/** postgres's names of a table's primary key and of a column's UNIQUE key. */
const pgKey = (t: string, c?: string) => (c ? `${t}_${c}_key` : t + '_pkey');
/** The decimals a DECIMAL value (kept as its digits, '1.20') carries: sums and products keep them. */
const dec = (v: Val) => (typeof v === 'string' ? /^-?\d*\.(\d+)$/.exec(v)?.[1].length ?? 0 : 0);
const fixed = (n: number, sc: number) => (sc ? n.toFixed(sc) : n);

export function run(s: Session, src: string): Res {
  const st = parse(src, s.d);
  const my = s.d === 'my';
  /** The name a FOREIGN KEY gets when it names none: InnoDB numbers the table's keys, postgres names the column. */
  const fkName = (t: string, c: string, n: number) => (my ? `${t}_ibfk_${n}` : `${t}_${c}_fkey`);
  let tdb = s.db;
  // `db.table` (MySQL) names another database; PostgreSQL's `public.t` is the same table.
  const qualify = (t: string) => (t.includes('.') ? ((tdb = my ? t.slice(0, t.indexOf('.')) : tdb), t.slice(t.indexOf('.') + 1)) : t);
  if ('t' in st && !/^(cdb|ddb|use)$/.test(st.k)) st.t = qualify(st.t);
  const needDb = () => tdb ?? (my ? fail('nodb') : '');
  const fail = (code: string, a: string[] = [], p = -1): never => {
    throw new SqlError(code, a, p);
  };
  /** A table (`db.t` in MySQL), if the account may use it for the statement. */
  const getTable = (t: string, p: number): Table => {
    const dot = t.indexOf('.');
    const db = dot > 0 && my ? t.slice(0, dot) : needDb();
    t = t.slice(dot + 1);
    const cmd = ({ describe: 'SELECT', showcreate: 'SELECT', truncate: 'DROP' } as Record<string, string>)[st.k] ?? st.k.toUpperCase();
    if (s.may?.(cmd, db, t) === false) fail('tdenied', [cmd, s.user, t]);
    return s.store.table(db, t) ?? fail('notable', [db, t], p);
  };
  const same = (a: string, b: string) => (my ? a.toLowerCase() === b.toLowerCase() : a === b);
  /** A column by name (MySQL's names ignore case), of the table `q` in a join; a name two tables have is ambiguous. */
  const colIndex = (tb: Table, n: string, q?: string, clause = '', p = -1) => {
    let r = -1;
    tb.cols.forEach((c, k) => same(c.name, n) && (!q || c.q === undefined || same(c.q, q)) && (r = r < 0 ? k : fail('ambig', [n, clause], p)));
    return r;
  };
  /** The column an expression names (a result's type and nullability). */
  const colOf = (tb: Table | undefined, e: Expr) => (e.k === 'col' && tb ? tb.cols[colIndex(tb, e.n, e.q)] : undefined);
  /** The rows of the queries a subquery sits in, innermost last: a correlated subquery reads their columns. */
  const outer: [Table, Val[]][] = [];
  const subq = (q: Select, tb?: Table, row?: Val[]) => {
    if (tb) outer.push([tb, row ?? []]);
    try {
      return select(q).rows;
    } finally {
      if (tb) outer.pop();
    }
  };
  const ok = (tag: string, n = 0, x: Partial<{ info: string; warn: number; notice: string }> = {}): Res => ({ tag, n, ...x });

  /** Compares as numbers when both sides are; MySQL's strings compare without case. */
  const cmp = (a: Val, b: Val): number => {
    if (isNum(a) && isNum(b)) return Number(a) - Number(b);
    const [x, y] = [String(a), String(b)].map((v) => (my ? v.toLowerCase() : v));
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const evaluate = (e: Expr, tb: Table | undefined, row: Val[] | undefined, clause: string, group?: Val[][]): Val => {
    const ev = (x: Expr) => evaluate(x, tb, row, clause, group);
    switch (e.k) {
      case 'lit': return e.v;
      case 'col': {
        const i = tb ? colIndex(tb, e.n, e.q, clause, e.p) : -1;
        if (i >= 0) return (row ?? group?.[0])?.[i] ?? null;
        for (const [t, r] of outer) {
          const k = colIndex(t, e.n, e.q, clause, e.p);
          if (k >= 0) return r[k] ?? null;
        }
        return fail('nocol', [e.q ? e.q + '.' + e.n : e.n, clause], e.p);
      }
      case 'sub': {
        const r = subq(e.s, tb, row ?? group?.[0]);
        return e.s.items.length > 1 ? fail('cols1') : r.length > 1 ? fail('subrows') : r[0]?.[0] ?? null;
      }
      case 'fn': {
        if (AGG.test(e.n) && group) {
          let vs = group.map((r) => evaluate(e.args[0] ?? { k: 'lit', v: null }, tb, r, clause)).filter((v) => v !== null);
          if (e.dist) vs = vs.filter((v, k) => vs.findIndex((x) => cmp(x, v) === 0) === k);
          if (e.n === 'count') return vs.length;
          if (!vs.length) return null;
          const sum = vs.reduce<number>((a, v) => a + Number(v), 0);
          if (e.n === 'sum') return fixed(sum, Math.max(...vs.map(dec)));
          if (e.n === 'avg') {
            // the quotient's decimals: MySQL four more than the column's; PostgreSQL 16 significant digits
            const arg = e.args[0];
            const scale = Number(/,(\d+)\)/.exec(colOf(tb, arg)?.type ?? '')?.[1] ?? 0);
            const weight = (x: number) => (x ? Math.floor(Math.log10(Math.abs(x)) / 4) : 0);
            return quotient(sum, scale, vs.length, my ? scale + 4 : Math.max(0, 16 - (weight(sum) - weight(vs.length)) * 4, scale));
          }
          return vs.reduce((a, v) => ((cmp(v, a) < 0) === (e.n === 'min') ? v : a));
        }
        // CASE: condition and value pairs, then ELSE; only the value chosen is evaluated
        if (e.n === 'case') {
          for (let k = 0; k + 1 < e.args.length; k += 2) if (truthy(ev(e.args[k]))) return ev(e.args[k + 1]);
          return e.args.length % 2 ? ev(e.args[e.args.length - 1]) : null;
        }
        if (e.n === 'exists') return subq((e.args[0] as { s: Select }).s, tb, row).length > 0;
        const a = e.args.map(ev);
        const [x, y] = a;
        switch (e.n) {
          case 'ifnull': case 'coalesce': return a.find((v) => v !== null) ?? null;
          case 'if': return truthy(x) ? y : a[2];
          // half away from zero, as DECIMAL rounds
          case 'round': return x === null ? null : fixed(Math.sign(Number(x)) * Math.round(Math.abs(Number(x)) * 10 ** Number(y ?? 0)) / 10 ** Number(y ?? 0), Number(y ?? 0));
          case 'now': case 'current_timestamp': return stamp(s.now()) + (my ? '' : ('.' + String((s.now() % 1000) * 1000 + 123).padStart(6, '0')).replace(/0+$/, '') + '+00');
          case 'current_date': case 'curdate': return stamp(s.now()).slice(0, 10);
          case 'version': return s.version;
          case 'database': case 'current_database': return s.db ?? null;
          case 'user': case 'current_user': return my ? s.user + '@localhost' : s.user;
          case 'upper': case 'lower': return a[0] === null ? null : String(a[0])[e.n === 'upper' ? 'toUpperCase' : 'toLowerCase']();
          case 'length': return a[0] === null ? null : String(a[0]).length;
          case 'concat': return a.includes(null) ? null : a.join('');
        }
        return fail('nofn', [e.n, s.db ?? ''], e.p);
      }
      case 'op': {
        const x = ev(e.a);
        if (e.op === 'isnull' || e.op === 'notnull') return (x === null) === (e.op === 'isnull');
        if (e.op === 'neg') return x === null ? null : -Number(x);
        if (e.op === 'not') return x === null ? null : !x;
        // IN (SELECT …): true on a match, NULL when a NULL stood in the way
        if (e.op === 'in') {
          const vs = subq((e.b as { s: Select }).s, tb, row).map((r) => r[0]);
          return vs.some((v) => x !== null && v !== null && cmp(x, v) === 0) ? true : x === null || vs.includes(null) ? (vs.length ? null : false) : false;
        }
        const y = ev(e.b!);
        if (e.op === 'and') return x === false || y === false || x === 0 || y === 0 ? false : x === null || y === null ? null : true;
        if (e.op === 'or' || (e.op === '||' && my)) return x || y ? true : x === null || y === null ? null : false;
        if (x === null || y === null) return null;
        if (e.op === '||') return String(x) + String(y);
        if (e.op === 'like' || e.op === 'notlike') {
          const re = new RegExp('^' + String(y).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.') + '$', my ? 'is' : 's');
          return re.test(String(x)) === (e.op === 'like');
        }
        const [n, m] = [Number(x), Number(y)];
        const [sx, sy] = [dec(x), dec(y)];
        switch (e.op) {
          case '+': return fixed(n + m, Math.max(sx, sy));
          case '-': return fixed(n - m, Math.max(sx, sy));
          case '*': return fixed(n * m, sx + sy);
          // MySQL's quotient keeps four more decimals (div_precision_increment); PostgreSQL's of integers is one
          case '/': return m === 0 ? (my ? null : fail('div0')) : my ? (n / m).toFixed(sx + 4) : !Number.isInteger(n) || !Number.isInteger(m) ? n / m : Math.trunc(n / m);
          case '%': return m === 0 ? (my ? null : fail('div0')) : n % m;
        }
        const c = cmp(x, y);
        return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[e.op] ?? null;
      }
    }
  };
  const truthy = (v: Val) => v !== null && v !== false && v !== 0;
  const matching = (tb: Table, w: Expr | undefined) => tb.rows.filter((r) => !w || truthy(evaluate(w, tb, r, 'where clause')));

  /** The value as the column stores it, or the server's complaint. */
  const coerce = (c: ColDef, v: Val, p: number, tb: string): Val => {
    if (v === null) return null;
    const len = /^(var)?char\w*\((\d+)\)/.exec(c.type);
    if (INT.test(c.type)) {
      if (typeof v === 'boolean') return my ? Number(v) : fail('badint', [String(v), c.name], p);
      if (!isNum(v)) return fail('badint', [String(v), c.name, tb], p);
      return Math.round(Number(v));
    }
    if (/^(decimal|numeric)/.test(c.type)) {
      const scale = Number(/,(\d+)\)/.exec(c.type)?.[1] ?? (my ? 0 : -1));
      if (!isNum(v)) return fail('badnum', [String(v), c.name, tb], p);
      return scale < 0 ? Number(v) : Number(v).toFixed(scale);
    }
    if (c.type === 'boolean') {
      const t = String(v).toLowerCase();
      return /^(t|true|1|yes|on)$/.test(t) ? true : /^(f|false|0|no|off)$/.test(t) ? false : fail('badbool', [String(v)], p);
    }
    const str = String(v);
    const day = /^(date|datetime|timestamp)\b/.exec(c.type)?.[1];
    if (day) {
      const [, d, t = ' 00:00:00', f = ''] = /^(\d{4}-\d\d-\d\d)( \d\d:\d\d:\d\d)?(\.\d+)?/.exec(str) ?? fail('baddate', [str, c.name, day, c.type], p);
      return day === 'date' ? d : d + t + (my ? '' : f);
    }
    if (len && str.length > Number(len[2])) fail('long', [c.name, c.type], p);
    return str;
  };
  /** Checks the NOT NULL columns, the primary key and the UNIQUE columns of the rows about to be stored, and the foreign keys of `added`. */
  const check = (t: string, tb: Table, rows: Val[][], added = rows) => {
    for (const r of rows) {
      const i = r.findIndex((v, i) => v === null && tb.cols[i].notNull);
      if (i >= 0) fail('null', [tb.cols[i].name, t, r.map((v) => (v === null ? 'null' : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v))).join(', ')]);
    }
    // each key: its columns, its name in MySQL's message and PostgreSQL's
    const keys: [number[], string, string][] = [[tb.cols.flatMap((c, i) => (c.pk ? [i] : [])), 'PRIMARY', pgKey(t)], ...tb.cols.flatMap((c, i): [number[], string, string][] => (c.uq ? [[[i], c.name, pgKey(t, c.name)]] : []))];
    for (const [key, mk, pk] of keys) {
      const seen = new Set<string>();
      for (const r of key.length ? rows : []) {
        const vals = key.map((i) => String(r[i]));
        const k = JSON.stringify(vals);
        if (seen.has(k)) fail('dup', [vals.join('-'), t, key.map((i) => tb.cols[i].name).join(', '), vals.join(', '), mk, pk]);
        if (!key.some((i) => r[i] === null)) seen.add(k);
      }
    }
    for (const f of s.nofk ? [] : tb.fk ?? []) {
      const k = colIndex(tb, f.c);
      const p = f.t === t ? { ...tb, rows } : getTable(f.t, -1);
      const pk = colIndex(p, f.r);
      for (const r of added) if (r[k] !== null && !p.rows.some((x) => cmp(x[pk], r[k]) === 0)) fail('fkchild', [needDb(), t, f.n, f.c, f.t, f.r, f.del ? ' ON DELETE ' + f.del : '', String(r[k])]);
    }
  };
  /** The rows of other tables that point to `gone`: deleted with it (CASCADE), set to NULL, or the deletion refused. */
  const parents = (t: string, tb: Table, gone: Val[][]) => {
    for (const [ct, c, f] of gone.length ? referrers(t) : []) {
      const [pk, k] = [colIndex(tb, f.r), colIndex(c, f.c)];
      const hit = (r: Val[]) => r[k] !== null && gone.some((g) => cmp(g[pk], r[k]) === 0);
      const r = c.rows.find(hit);
      if (!r) continue;
      if (f.del === 'CASCADE') c.rows = c.rows.filter((x) => !hit(x));
      else if (f.del === 'SET NULL') c.rows.forEach((x) => hit(x) && (x[k] = null));
      else fail('fkparent', [needDb(), ct, f.n, f.c, t, f.r, '', String(r[k])]);
      s.store.save(needDb(), ct, c);
    }
  };
  /** The keys of the other tables that point to `t`, with their tables (none when foreign key checks are off). */
  const referrers = (t: string) => (s.nofk ? [] : s.store.all(needDb()).flatMap(([ct, c]) => (ct === t ? [] : (c.fk ?? []).filter((f) => f.t === t).map((f) => [ct, c, f] as const))));

  switch (st.k) {
    case 'use':
      if (!s.store.hasDb(st.t) || s.visible?.(st.t) === false) fail(s.store.hasDb(st.t) ? 'denied' : 'unkdb', [st.t]);
      s.db = st.t;
      return ok('use');
    case 'showdbs':
      return { cols: ['Database'], rows: ['information_schema', ...s.store.dbs()].sort().filter((d) => s.visible?.(d) !== false).map((d) => [d]), num: [false] };
    case 'showtables':
      return { cols: ['Tables_in_' + needDb()], rows: s.store.tables(needDb()).map((t) => [t]), num: [false] };
    case 'describe': {
      const tb = getTable(st.t, st.tp);
      // with no primary key, the first UNIQUE NOT NULL column shows as one
      const pri = !tb.cols.some((c) => c.pk) && tb.cols.find((c) => c.uq && c.notNull);
      return { cols: ['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'], num: [], rows: tb.cols.map((c) => [c.name, c.type, c.notNull ? 'NO' : 'YES', c.pk || c === pri ? 'PRI' : c.uq ? 'UNI' : tb.fk?.some((f) => f.c === c.name) ? 'MUL' : '', c.def?.k === 'lit' ? c.def.v : c.def ? 'CURRENT_TIMESTAMP' : null, c.auto ? 'auto_increment' : c.def?.k === 'fn' ? 'DEFAULT_GENERATED' : '']) };
    }
    case 'cdb':
      if (s.visible?.(st.t) === false) fail('denied', [st.t]);
      if (s.store.hasDb(st.t)) return st.safe ? ok('CREATE DATABASE', 1, { warn: 1 }) : fail('dbexists', [st.t]);
      s.store.createDb(st.t);
      return ok('CREATE DATABASE', 1);
    case 'ddb': {
      if (s.visible?.(st.t) === false) fail('denied', [st.t]);
      if (!s.store.hasDb(st.t)) return st.safe ? ok('DROP DATABASE', 0, { warn: 1, notice: `database "${st.t}" does not exist, skipping` }) : fail('dropdb', [st.t]);
      if (!my && st.t === s.db) fail('dropcur');
      if (st.t === s.db) s.db = undefined;
      return ok('DROP DATABASE', s.store.dropDb(st.t));
    }
    case 'ctable': {
      const db = needDb();
      st.cols.forEach((c) => (c.type = typeName(c.type, s.d, st.tp)));
      // MySQL keeps a default as the column stores it (DECIMAL(6,2) DEFAULT 0 is 0.00)
      if (my) for (const c of st.cols) if (c.def?.k === 'lit' && c.def.v !== null) c.def = { k: 'lit', v: coerce(c, c.def.v, -1, st.t) };
      if (s.store.table(db, st.t)) return st.safe ? ok('CREATE TABLE', 0, { warn: 1, notice: `relation "${st.t}" already exists, skipping` }) : fail('texists', [st.t]);
      st.fk.forEach((f, k) => ((f.n ||= fkName(st.t, f.c, k + 1)), f.t === st.t || s.store.table(db, f.t) || fail(my ? 'fkopen' : 'notable', [f.t, f.t])));
      s.store.save(db, st.t, { cols: st.cols, rows: [], seq: st.seq ?? 0, fk: st.fk });
      return ok('CREATE TABLE');
    }
    case 'dtable':
      if (!s.store.table(needDb(), st.t)) return st.safe ? ok('DROP TABLE', 0, { warn: 1, notice: `table "${st.t}" does not exist, skipping` }) : fail('droptable', [needDb(), st.t]);
      for (const [ct, , f] of referrers(st.t)) fail('fkdrop', [st.t, f.n, ct]);
      s.store.dropTable(needDb(), st.t);
      return ok('DROP TABLE');
    case 'insert': {
      const tb = getTable(st.t, st.tp);
      const idx = (st.cols ?? tb.cols.map((c) => [c.name, -1] as [string, number])).map(([n, p]) => {
        const i = colIndex(tb, n);
        return i < 0 ? fail('nocol', [n, 'field list', st.t], p) : i;
      });
      const rows = st.rows.map((vals, r) => {
        if (vals.length !== idx.length && (my || vals.length > idx.length || st.cols)) fail(vals.length > idx.length ? 'count' : 'fewer', [String(r + 1)], vals.length > idx.length ? valPos(vals[idx.length]) : -1);
        return tb.cols.map((c, i) => {
          const k = idx.indexOf(i);
          let v = k >= 0 && k < vals.length ? evaluate(vals[k], undefined, undefined, 'field list') : c.def ? evaluate(c.def, undefined, undefined, '') : null;
          if (c.auto && (k < 0 || k >= vals.length || (my && (v === null || v === 0)))) v = ++tb.seq;
          else if (k < 0 && my && c.notNull && !c.def) fail('nodefault', [c.name]);
          v = coerce(c, v, k >= 0 ? valPos(vals[k]) : -1, st.t);
          if (c.auto && my && typeof v === 'number' && v > tb.seq) tb.seq = v;
          return v;
        });
      });
      check(st.t, tb, [...tb.rows, ...rows], rows);
      tb.rows.push(...rows);
      s.store.save(needDb(), st.t, tb);
      return ok(`INSERT 0 ${rows.length}`, rows.length, rows.length > 1 ? { info: `Records: ${rows.length}  Duplicates: 0  Warnings: 0` } : {});
    }
    case 'update': {
      const tb = getTable(st.t, st.tp);
      const sets = st.sets.map(([n, p, e]) => {
        const i = colIndex(tb, n);
        return [i < 0 ? fail('nocol', [n, 'field list', st.t], p) : i, e] as const;
      });
      const hit = new Set(matching(tb, st.where));
      let changed = 0;
      const rows = tb.rows.map((r) => {
        if (!hit.has(r)) return r;
        const n = [...r];
        for (const [i, e] of sets) n[i] = coerce(tb.cols[i], evaluate(e, tb, r, 'field list'), valPos(e), st.t);
        if (JSON.stringify(n) !== JSON.stringify(r)) changed++;
        return n;
      });
      check(st.t, tb, rows);
      tb.rows = rows;
      s.store.save(needDb(), st.t, tb);
      return ok(`UPDATE ${hit.size}`, my ? changed : hit.size, { info: `Rows matched: ${hit.size}  Changed: ${changed}  Warnings: 0` });
    }
    case 'delete': {
      const tb = getTable(st.t, st.tp);
      const hit = new Set(matching(tb, st.where));
      parents(st.t, tb, [...hit]);
      tb.rows = tb.rows.filter((r) => !hit.has(r));
      s.store.save(needDb(), st.t, tb);
      return ok(`DELETE ${hit.size}`, hit.size);
    }
    case 'select':
      return select(st);
    case 'truncate': {
      const tb = getTable(st.t, st.tp);
      s.store.save(needDb(), st.t, { ...tb, rows: [], seq: 0 });
      return ok('TRUNCATE TABLE');
    }
    case 'set':
      if (st.n === 'foreign_key_checks') s.nofk = st.v === '0';
      return ok('SET');
    case 'user':
      return s.acct?.(st) ?? fail('syntax');
    case 'showcreate':
      return { cols: ['Table', 'Create Table'], rows: [[st.t, showCreate(st.t, getTable(st.t, st.tp))]], num: [] };
    case 'alter': {
      const tb = getTable(st.t, st.tp);
      const db = needDb();
      const at = st.n === undefined ? -1 : colIndex(tb, st.n);
      if (st.op === 'rename' && !st.c) {
        if (s.store.table(db, st.n!)) fail('texists', [st.n!]);
        s.store.save(db, st.n!, tb);
        s.store.dropTable(db, st.t);
        return ok('ALTER TABLE');
      }
      if (st.n !== undefined && at < 0) fail(st.op === 'drop' ? 'nodrop' : 'nocol', [st.n, st.t, st.t]);
      const c = st.c;
      if (c && !/rename|key/.test(st.op) && colIndex(tb, c.name) >= 0 && (at < 0 || colIndex(tb, c.name) !== at)) fail('dupcol', [c.name, st.t]);
      if (st.op === 'key') {
        for (const k of st.keys!) {
          const col = tb.cols[colIndex(tb, k.name)] ?? fail('nocol', [k.name, st.t]);
          (col.pk ||= k.pk), (col.notNull ||= !!k.pk), (col.uq ||= k.uq);
        }
        check(st.t, tb, tb.rows, []);
      } else if (st.op === 'fk') tb.fk = [...(tb.fk ?? []), ...st.fk.map((f, k) => ({ ...f, n: f.n || fkName(st.t, f.c, (tb.fk?.length ?? 0) + k + 1) }))];
      else if (st.op === 'drop') (tb.cols.splice(at, 1), tb.rows.forEach((r) => r.splice(at, 1)));
      else if (st.op === 'rename') tb.cols[at].name = c!.name;
      else if (c) {
        c.type = typeName(c.type, s.d, st.tp);
        const old = tb.cols[at] as ColDef | undefined;
        if (old) (c.pk ||= old.pk), (c.uq ||= old.uq), (c.notNull ||= old.pk);
        // a new column: after the one named, first, or last; the rows take its default (MySQL: NOT NULL, the type's zero)
        const k = old ? at : st.after === undefined ? tb.cols.length : st.after ? colIndex(tb, st.after) + 1 || fail('nocol', [st.after, st.t]) : 0;
        const fill = c.def ? evaluate(c.def, undefined, undefined, '') : my && c.notNull ? (isNumType(c.type) ? 0 : '') : null;
        tb.cols.splice(k, old ? 1 : 0, c);
        tb.rows.forEach((r) => r.splice(k, old ? 1 : 0, coerce(c, old ? r[k] : fill, -1, st.t)));
        check(st.t, tb, tb.rows, []);
      }
      s.store.save(db, st.t, tb);
      const n = /modify|change/.test(st.op) ? tb.rows.length : 0;
      return ok('ALTER TABLE', n, { info: `Records: ${n}  Duplicates: 0  Warnings: 0` });
    }
  }

  /** The table as MySQL's SHOW CREATE TABLE (and mysqldump) writes it. */
  function showCreate(t: string, tb: Table): string {
    const q = (n: string) => '`' + n + '`';
    const cols = tb.cols.map((c) => {
      const d = c.def?.k === 'fn' ? ' DEFAULT CURRENT_TIMESTAMP' : c.def?.k === 'lit' && c.def.v !== null ? ` DEFAULT '${c.def.v}'` : c.notNull || c.auto || /text|blob/.test(c.type) ? '' : ' DEFAULT NULL';
      return `${q(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : /^timestamp/.test(c.type) ? ' NULL' : ''}${d}${c.auto ? ' AUTO_INCREMENT' : ''}`;
    });
    const pk = tb.cols.filter((c) => c.pk).map((c) => q(c.name));
    const keys = [
      ...(pk.length ? [`PRIMARY KEY (${pk.join(',')})`] : []),
      ...tb.cols.filter((c) => c.uq && !c.pk).map((c) => `UNIQUE KEY ${q(c.name)} (${q(c.name)})`),
      // InnoDB gives each foreign key without an index of its own one named for the column
      ...(tb.fk ?? []).filter((f) => !tb.cols.some((c) => c.name === f.c && (c.uq || (c.pk && pk.length === 1)))).map((f) => `KEY ${q(f.c)} (${q(f.c)})`),
      ...(tb.fk ?? []).map((f) => `CONSTRAINT ${q(f.n)} FOREIGN KEY (${q(f.c)}) REFERENCES ${q(f.t)} (${q(f.r)})${f.del ? ' ON DELETE ' + f.del : ''}`),
    ];
    return `CREATE TABLE ${q(t)} (\n${[...cols, ...keys].map((l) => '  ' + l).join(',\n')}\n) ENGINE=InnoDB${tb.seq ? ` AUTO_INCREMENT=${tb.seq + 1}` : ''} DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci`;
  }

  /** The rows FROM makes: each table's columns marked with its name (or alias), the joins done row by row. */
  function joined(st: Select): Table | undefined {
    let tb: Table | undefined;
    for (const f of st.from) {
      const t = getTable(f.t, f.p);
      const r: Table = { cols: t.cols.map((c) => ({ ...c, q: f.as })), rows: t.rows, seq: 0 };
      if (!tb) {
        tb = r;
        continue;
      }
      const v: Table = { cols: [...tb.cols, ...r.cols], rows: [], seq: 0 };
      if (f.on) known(f.on, 'on clause', v);
      // RIGHT JOIN is LEFT JOIN the other way round; the side kept gets NULLs where nothing matched
      const right = f.j === 'right';
      const [a, b] = right ? [r, tb] : [tb, r];
      const pair = (x: Val[], y: Val[]) => (right ? [...y, ...x] : [...x, ...y]);
      if (/left|right/.test(f.j!)) b.cols.forEach((c) => (c.notNull = false));
      for (const x of a.rows) {
        const m = b.rows.map((y) => pair(x, y)).filter((row) => !f.on || truthy(evaluate(f.on, v, row, 'on clause')));
        v.rows.push(...(m.length || f.j === 'inner' || f.j === 'cross' ? m : [pair(x, b.cols.map(() => null))]));
      }
      tb = v;
    }
    return tb;
  }
  /** Every name must be a column even when no row is there to evaluate. */
  function known(e: Expr, clause: string, tb?: Table): void {
    if (e.k === 'col' && tb) evaluate(e, tb, [], clause);
    if (e.k === 'op') (known(e.a, clause, tb), e.b && known(e.b, clause, tb));
    if (e.k === 'fn') e.args.forEach((a) => known(a, clause, tb));
  }

  function select(st: Select): Rows {
    const tb = joined(st);
    if (!tb && st.items.some((it) => !it.e)) fail(my ? 'notables' : 'star', [], st.fp);
    const items = st.items.flatMap((it): { e: Expr; as?: string; text: string }[] => (it.e ? [{ ...it, e: it.e }] : tb!.cols.filter((c) => !it.q || same(c.q!, it.q)).map((c) => ({ e: { k: 'col', n: c.name, q: c.q, p: -1 } as Expr, as: c.name, text: c.name }))));
    const hasAgg = (e: Expr): boolean => (e.k === 'fn' && AGG.test(e.n)) || (e.k === 'op' && (hasAgg(e.a) || (!!e.b && hasAgg(e.b)))) || (e.k === 'fn' && e.args.some(hasAgg));
    items.forEach((it) => known(it.e, 'field list', tb));
    if (st.where) known(st.where, 'where clause', tb);
    let rows = tb ? matching(tb, st.where) : st.where && !truthy(evaluate(st.where, undefined, undefined, 'where clause')) ? [] : [[]];
    const names = items.map((it) => it.as ?? (it.e.k === 'col' ? it.e.n : my ? (it.e.k === 'lit' && typeof it.e.v === 'string' ? it.e.v : it.text) : it.e.k === 'fn' ? it.e.n : '?column?'));
    // an alias stands for its expression where no column bears the name; a number for the item at that place
    const alias = (e: Expr, clause?: string): Expr =>
      e.k === 'lit' && typeof e.v === 'number' && clause ? items[e.v - 1]?.e ?? fail('nocol', [String(e.v), clause]) :
      e.k === 'col' && !e.q && names.includes(e.n) && !tb?.cols.some((c) => c.name === e.n) ? items[names.indexOf(e.n)].e :
      e.k === 'op' ? { ...e, a: alias(e.a), b: e.b && alias(e.b) } : e.k === 'fn' ? { ...e, args: e.args.map((x) => alias(x)) } : e;
    const order = st.order.map((o) => ({ ...o, e: alias(o.e, 'order clause') }));
    // GROUP BY (or an aggregate alone: one group of all the rows) evaluates per group
    let groups: Val[][][] | undefined;
    if (st.group.length) {
      const by = new Map<string, Val[][]>();
      const group = st.group.map((g) => alias(g, 'group statement'));
      for (const r of rows) {
        const k = JSON.stringify(group.map((g) => evaluate(g, tb, r, 'group statement')));
        by.set(k, [...(by.get(k) ?? []), r]);
      }
      groups = [...by.values()];
    } else if (items.some((it) => hasAgg(it.e)) || st.having) groups = [rows];
    const having = st.having && alias(st.having);
    if (having) groups = groups!.filter((g) => truthy(evaluate(having, tb, g[0], 'having clause', g)));
    const keyed = (groups ?? rows.map((r) => [r])).map((g) => ({ g, k: order.map((o) => evaluate(o.e, tb, g[0], 'order clause', groups && g)) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < order.length; i++) {
        const [x, y] = [a.k[i], b.k[i]];
        const c = x === null || y === null ? (x === y ? 0 : (x === null) === my ? -1 : 1) : cmp(x, y);
        if (c) return order[i].desc ? -c : c;
      }
      return 0;
    });
    rows = keyed.map(({ g }) => items.map((it) => evaluate(it.e, tb, g[0], 'field list', groups && g)));
    if (st.distinct) rows = rows.filter((r, i) => rows.findIndex((x) => JSON.stringify(x) === JSON.stringify(r)) === i);
    const from = st.offset ?? 0;
    rows = rows.slice(from, st.limit === undefined ? undefined : from + st.limit);
    const of = items.map((it) => colOf(tb, it.e));
    const num = items.map((it, i) => (of[i] ? isNumType(of[i].type) : rows.some((r) => typeof r[i] === 'number') || /^-?[\d.]+$/.test(it.text) || (it.e.k === 'op' && /^([-+*/%]|neg)$/.test(it.e.op)) || (it.e.k === 'fn' && /^(avg|sum|round)$/.test(it.e.n))));
    return { cols: names, rows, num, nul: of.map((c, i) => (c ? !c.notNull : rows.some((r) => r[i] === null))) };
  }
}

/** sum / n with r decimals, rounded half away from zero in decimal (as NUMERIC does), for a sum of s decimals. */
function quotient(sum: number, s: number, n: number, r: number): string {
  const big = (BigInt(Math.round(sum * 10 ** s)) * 10n ** BigInt(r - s + 1)) / BigInt(n);
  const q = (big + (big < 0n ? -5n : 5n)) / 10n;
  const digits = (q < 0n ? -q : q).toString().padStart(r + 1, '0');
  return (q < 0n ? '-' : '') + (r ? digits.slice(0, -r) + '.' + digits.slice(-r) : digits);
}

/** Where an expression starts in the statement (for psql's caret). */
const valPos = (e: Expr): number => e.p ?? -1;

/** PostgreSQL's \d of a table: its columns, and the index of its primary key. */
export function describePg(t: string, tb: Table): [Rows, string] {
  const def = (c: ColDef) => (c.auto ? `nextval('${t}_${c.name}_seq'::regclass)` : c.def?.k === 'fn' ? c.def.n.toUpperCase().replace('NOW', 'now()') : c.def?.k === 'lit' ? (typeof c.def.v === 'string' ? `'${c.def.v}'::${c.type.replace(/\(.*/, '')}` : String(c.def.v)) : '');
  const key = tb.cols.filter((c) => c.pk).map((c) => c.name);
  const idx = [...(key.length ? [`"${pgKey(t)}" PRIMARY KEY, btree (${key.join(', ')})`] : []), ...tb.cols.filter((c) => c.uq).map((c) => `"${pgKey(t, c.name)}" UNIQUE CONSTRAINT, btree (${c.name})`)];
  const fk = (tb.fk ?? []).map((f) => `    "${f.n}" FOREIGN KEY (${f.c}) REFERENCES ${f.t}(${f.r})${f.del ? ' ON DELETE ' + f.del : ''}\n`).join('');
  return [{ cols: ['Column', 'Type', 'Collation', 'Nullable', 'Default'], num: [], rows: tb.cols.map((c) => [c.name, c.type, '', c.notNull ? 'not null' : '', def(c)]) }, (idx.length ? `Indexes:\n${idx.map((l) => `    ${l}\n`).join('')}` : '') + (fk ? 'Foreign-key constraints:\n' + fk : '')];
}
