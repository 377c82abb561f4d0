/** Runs a parsed statement on a server's store, with the typing and checks each server applies. */
import { parse, SqlError, type ColDef, type Dialect, type Expr, type Stmt, type Val } from './parse';
import type { Store, Table } from './store';

export interface Session { d: Dialect; store: Store; db?: string; now: () => number; version: string; user: string; visible?: (db: string) => boolean; remote?: (src: string) => Res; id?: number }
export type Rows = { cols: string[]; rows: Val[][]; num: boolean[]; nul?: boolean[] };
/** A statement's outcome: rows, or the count and tag of what it changed (with a NOTICE or `info` line). */
export type Res = Rows | { tag: string; n: number; info?: string; warn?: number; notice?: string };

const INT = /^(int|integer|bigint|smallint|tinyint|mediumint|serial|bigserial|smallserial|int[248])\b/;
const isNumType = (t: string) => INT.test(t) || /^(decimal|numeric|float|double|real)\b/.test(t);
const PG_TYPES: Record<string, string> = { int: 'integer', int4: 'integer', serial: 'integer', int8: 'bigint', bigserial: 'bigint', int2: 'smallint', smallserial: 'smallint', varchar: 'character varying', char: 'character', bool: 'boolean', decimal: 'numeric', float4: 'real', float: 'double precision', float8: 'double precision', double: 'double precision', timestamp: 'timestamp without time zone' };
const MY_TYPES: Record<string, string> = { integer: 'int', boolean: 'tinyint(1)', bool: 'tinyint(1)', serial: 'bigint unsigned', numeric: 'decimal', character: 'char', 'double precision': 'double' };
const KNOWN = /^(int|integer|bigint|smallint|tinyint|mediumint|serial|bigserial|smallserial|int[248]|varchar|char|character|text|boolean|bool|decimal|numeric|float[48]?|double|double precision|real|date|datetime|timestamp|time)$/;

/** The type as the server names it (DESCRIBE, \d). */
function typeName(t: string, d: Dialect, p: number): string {
  const [, base, args = ''] = /^([a-z0-9 ]+?)(\(.*\))?( unsigned)?$/.exec(t) ?? [];
  if (!KNOWN.test(base) || (d === 'pg' && /^(datetime|tinyint|mediumint)$/.test(base))) throw new SqlError(d === 'pg' ? 'type' : 'syntax', [base], p);
  if (d === 'pg') return (PG_TYPES[base] ?? base) + args;
  return (MY_TYPES[base] ?? (base === 'decimal' && !args ? 'decimal(10,0)' : base)) + (/^(varchar|char|decimal|numeric)$/.test(base) ? args : '') + (t.endsWith(' unsigned') ? ' unsigned' : '');
}

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
const isNum = (v: Val) => typeof v === 'number' || (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v));
const AGG = /^(count|sum|min|max|avg)$/;

export function run(s: Session, src: string): Res {
  const st = parse(src, s.d);
  const my = s.d === 'my';
  let tdb = s.db;
  // `db.table` (MySQL) names another database; PostgreSQL's `public.t` is the same table.
  const qualify = (t: string) => (t.includes('.') ? ((tdb = my ? t.slice(0, t.indexOf('.')) : tdb), t.slice(t.indexOf('.') + 1)) : t);
  if (st.k === 'select' && st.from) st.from = qualify(st.from);
  else if ('t' in st && !/^(cdb|ddb|use)$/.test(st.k)) st.t = qualify(st.t);
  const needDb = () => tdb ?? (my ? fail('nodb') : '');
  const fail = (code: string, a: string[] = [], p = -1): never => {
    throw new SqlError(code, a, p);
  };
  const getTable = (t: string, p: number): Table => s.store.table(needDb(), t) ?? fail('notable', [needDb(), t], p);
  /** A column by name: MySQL's names ignore case. */
  const colIndex = (tb: Table, n: string) => tb.cols.findIndex((c) => (my ? c.name.toLowerCase() === n.toLowerCase() : c.name === n));
  /** The column an expression names, in any case (a result's type and nullability). */
  const colOf = (tb: Table | undefined, e: Expr) => (e.k === 'col' ? tb?.cols.find((c) => c.name.toLowerCase() === e.n.toLowerCase()) : undefined);
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
        const i = tb ? colIndex(tb, e.n) : -1;
        if (i < 0) fail('nocol', [e.n, clause], e.p);
        return (row ?? group?.[0])?.[i] ?? null;
      }
      case 'fn': {
        if (AGG.test(e.n) && group) {
          const vs = group.map((r) => evaluate(e.args[0] ?? { k: 'lit', v: null }, tb, r, clause)).filter((v) => v !== null);
          if (e.n === 'count') return vs.length;
          if (!vs.length) return null;
          const sum = vs.reduce<number>((a, v) => a + Number(v), 0);
          if (e.n === 'sum') return sum;
          if (e.n === 'avg') {
            // the quotient's decimals: MySQL four more than the column's; PostgreSQL 16 significant digits
            const arg = e.args[0];
            const scale = Number(/,(\d+)\)/.exec(colOf(tb, arg)?.type ?? '')?.[1] ?? 0);
            const weight = (x: number) => (x ? Math.floor(Math.log10(Math.abs(x)) / 4) : 0);
            return quotient(sum, scale, vs.length, my ? scale + 4 : Math.max(0, 16 - (weight(sum) - weight(vs.length)) * 4, scale));
          }
          return vs.reduce((a, v) => ((cmp(v, a) < 0) === (e.n === 'min') ? v : a));
        }
        const a = e.args.map(ev);
        switch (e.n) {
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
        switch (e.op) {
          case '+': return n + m;
          case '-': return n - m;
          case '*': return n * m;
          // MySQL's quotient keeps four more decimals (div_precision_increment); PostgreSQL's of integers is one
          case '/': return m === 0 ? (my ? null : fail('div0')) : my ? (n / m).toFixed(4) : !Number.isInteger(n) || !Number.isInteger(m) ? n / m : Math.trunc(n / m);
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
  /** Checks the NOT NULL columns and the primary key of the rows about to be stored. */
  const check = (t: string, tb: Table, rows: Val[][]) => {
    const key = tb.cols.map((c, i) => (c.pk ? i : -1)).filter((i) => i >= 0);
    const seen = new Set<string>();
    for (const r of rows) {
      const i = r.findIndex((v, i) => v === null && tb.cols[i].notNull);
      if (i >= 0) fail('null', [tb.cols[i].name, t, r.map((v) => (v === null ? 'null' : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v))).join(', ')]);
      if (!key.length) continue;
      const vals = key.map((i) => String(r[i]));
      const k = JSON.stringify(vals);
      if (seen.has(k)) fail('dup', [vals.join('-'), t, key.map((i) => tb.cols[i].name).join(', '), vals.join(', ')]);
      seen.add(k);
    }
  };

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
      return { cols: ['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'], num: [], rows: tb.cols.map((c) => [c.name, c.type, c.notNull ? 'NO' : 'YES', c.pk ? 'PRI' : '', c.def?.k === 'lit' ? c.def.v : c.def ? 'CURRENT_TIMESTAMP' : null, c.auto ? 'auto_increment' : c.def?.k === 'fn' ? 'DEFAULT_GENERATED' : '']) };
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
      s.store.save(db, st.t, { cols: st.cols, rows: [], seq: 0 });
      return ok('CREATE TABLE');
    }
    case 'dtable':
      if (!s.store.table(needDb(), st.t)) return st.safe ? ok('DROP TABLE', 0, { warn: 1, notice: `table "${st.t}" does not exist, skipping` }) : fail('droptable', [needDb(), st.t]);
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
      check(st.t, tb, [...tb.rows, ...rows]);
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
      tb.rows = tb.rows.filter((r) => !hit.has(r));
      s.store.save(needDb(), st.t, tb);
      return ok(`DELETE ${hit.size}`, hit.size);
    }
    case 'select':
      return select(st);
  }

  function select(st: Extract<Stmt, { k: 'select' }>): Rows {
    const tb = st.from === undefined ? undefined : getTable(st.from, st.fp);
    if (!tb && st.items.some((it) => !it.e)) fail(my ? 'notables' : 'star', [], st.fp);
    const items = st.items.flatMap((it): { e: Expr; as?: string; text: string }[] => (it.e ? [{ ...it, e: it.e }] : tb!.cols.map((c) => ({ e: { k: 'col', n: c.name, p: -1 } as Expr, as: c.name, text: c.name }))));
    const hasAgg = (e: Expr): boolean => (e.k === 'fn' && AGG.test(e.n)) || (e.k === 'op' && (hasAgg(e.a) || (!!e.b && hasAgg(e.b))));
    // every name must be a column even when no row is there to evaluate
    const known = (e: Expr, clause: string): void => {
      if (e.k === 'col' && tb) evaluate(e, tb, [], clause);
      if (e.k === 'op') (known(e.a, clause), e.b && known(e.b, clause));
      if (e.k === 'fn') e.args.forEach((a) => known(a, clause));
    };
    items.forEach((it) => known(it.e, 'field list'));
    if (st.where) known(st.where, 'where clause');
    let rows = tb ? matching(tb, st.where) : st.where && !truthy(evaluate(st.where, undefined, undefined, 'where clause')) ? [] : [[]];
    const names = items.map((it) => it.as ?? (my ? (it.e.k === 'lit' && typeof it.e.v === 'string' ? it.e.v : it.text) : it.e.k === 'col' ? it.e.n : it.e.k === 'fn' ? it.e.n : '?column?'));
    const order = st.order.map((o) => {
      const byName = o.e.k === 'col' ? names.indexOf((o.e as { n: string }).n) : -1;
      return { ...o, e: o.e.k === 'lit' && typeof o.e.v === 'number' ? items[o.e.v - 1]?.e ?? o.e : byName >= 0 && !tb?.cols.some((c) => c.name === names[byName]) ? items[byName].e : o.e };
    });
    // GROUP BY (or an aggregate alone: one group of all the rows) evaluates per group
    let groups: Val[][][] | undefined;
    if (st.group.length) {
      const by = new Map<string, Val[][]>();
      for (const r of rows) {
        const k = JSON.stringify(st.group.map((g) => evaluate(g, tb, r, 'group statement')));
        by.set(k, [...(by.get(k) ?? []), r]);
      }
      groups = [...by.values()];
    } else if (items.some((it) => hasAgg(it.e))) groups = [rows];
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
    if (st.limit !== undefined) rows = rows.slice(0, st.limit);
    const of = items.map((it) => colOf(tb, it.e));
    const num = items.map((it, i) => (of[i] ? isNumType(of[i].type) : rows.some((r) => typeof r[i] === 'number') || (it.e.k === 'op' && /^([-+*/%]|neg)$/.test(it.e.op)) || (it.e.k === 'fn' && it.e.n === 'avg')));
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
  return [{ cols: ['Column', 'Type', 'Collation', 'Nullable', 'Default'], num: [], rows: tb.cols.map((c) => [c.name, c.type, '', c.notNull ? 'not null' : '', def(c)]) }, key.length ? `Indexes:\n    "${t}_pkey" PRIMARY KEY, btree (${key.join(', ')})\n` : ''];
}
