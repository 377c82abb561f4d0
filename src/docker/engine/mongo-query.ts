/**
 * The server's query language on stored documents (plain JSON: ObjectIds as {$oid}, regular
 * expressions as {$regex, $options}): filters with their operators, projections, sorts, update
 * operators and the aggregation stages a first course uses. Errors carry the server's code name
 * (`e`) and message, which mongosh shows as `MongoServerError[e]: msg`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;

export const bad = (msg: string, e = 'BadValue'): never => { throw { e, msg }; };
const isObj = (v: V) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** An operator document (`{$gt: 1}`), not a value such as an ObjectId. */
const isOp = (v: V) => isObj(v) && Object.keys(v)[0]?.[0] === '$' && !v.$oid;
const js = JSON.stringify;
export const clone = (v: V) => JSON.parse(js(v));

/** The values a dotted path reaches, through arrays of subdocuments as the server does. */
const vals = (d: V, p: string[]): V[] =>
  !p.length ? [d] : Array.isArray(d) && !/^\d+$/.test(p[0]) ? d.flatMap((x) => (isObj(x) ? vals(x, p) : [])) : vals(d?.[p[0]], p.slice(1));
export const get = (d: V, k: string) => k.split('.').reduce((o, x) => o?.[x], d);
/** The object holding a path's last key, made on the way when asked. */
const at = (d: V, k: string, make?: boolean): [V, string] => {
  const p = k.split('.');
  const last = p.pop()!;
  for (const x of p) d = d?.[x] ?? (make && d ? (d[x] = {}) : undefined);
  return [d, last];
};
export const set = (d: V, k: string, v: V) => { const [o, x] = at(d, k, true); o[x] = v; };
const unset = (d: V, k: string) => { const [o, x] = at(d, k); if (o) delete o[x]; };

/** BSON's order of types, then values within a type. */
const rank = (v: V) => (v == null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : v.$oid ? 7 : typeof v === 'boolean' ? 8 : Array.isArray(v) ? 5 : 4);
export const cmp = (a: V, b: V): number => {
  const [x, y] = [rank(a), rank(b)];
  if (x !== y) return x - y;
  [a, b] = x < 3 ? [a, b] : [js(a), js(b)];
  return a < b ? -1 : a > b ? 1 : 0;
};
const re = (x: V) => new RegExp(x.$regex, x.$options);
const eq = (v: V, x: V) => (x === null ? v == null : x?.$regex !== undefined ? typeof v === 'string' && re(x).test(v) : js(v) === js(x));
/** A candidate, or an element of an array candidate, satisfies the test. */
const some = (c: V[], f: (v: V) => boolean) => c.some((v) => f(v) || (Array.isArray(v) && v.some(f)));
const order = (f: (n: number) => boolean) => (c: V[], x: V) => some(c, (v) => rank(v) === rank(x) && f(cmp(v, x)));
const isIn = (c: V[], x: V) => (Array.isArray(x) ? some(c, (v) => x.some((y) => eq(v, y))) : bad('$in needs an array'));

const OPS: Record<string, (c: V[], x: V, all: V) => boolean> = {
  $eq: (c, x) => some(c, (v) => eq(v, x)),
  $ne: (c, x) => !some(c, (v) => eq(v, x)),
  $gt: order((n) => n > 0), $gte: order((n) => n >= 0), $lt: order((n) => n < 0), $lte: order((n) => n <= 0),
  $in: isIn, $nin: (c, x) => !isIn(c, x),
  $exists: (c, x) => c.some((v) => v !== undefined) === !!x,
  $regex: (c, x, all) => some(c, (v) => eq(v, x?.$regex !== undefined ? x : { $regex: x, $options: all.$options })),
  $options: () => true,
  $not: (c, x) => !field(c, x),
  $size: (c, x) => c.some((v) => v?.length === x && Array.isArray(v)),
  $all: (c, x) => x.every((y: V) => some(c, (v) => eq(v, y))),
  $elemMatch: (c, x) => c.some((v) => Array.isArray(v) && v.some((e) => (isOp(x) ? field([e], x) : test(e, x)))),
};
const field = (c: V[], x: V): boolean => (isOp(x) ? Object.entries(x).every(([o, y]) => (OPS[o] ?? bad(`unknown operator: ${o}`))(c, y, x)) : some(c, (v) => eq(v, x)));

/** A document matches a filter. */
export const test = (d: V, f: V): boolean =>
  Object.entries(f ?? {}).every(([k, x]) => {
    if (k[0] !== '$') return field(vals(d, k.split('.')), x);
    const all = (g: V) => (Array.isArray(x) ? (x.length ? x[g](((y: V) => test(d, y))) : bad('$and/$or/$nor must be a nonempty array')) : bad(`${k} must be an array`));
    return k === '$and' ? all('every') : k === '$or' ? all('some') : k === '$nor' ? !all('some') : bad(`unknown top level operator: ${k}. ${k === '$not' ? 'If you are trying to negate an entire expression, use $nor.' : "If you have a field name that starts with a '$' symbol, consider using $getField or $setField."}`);
  });

/** An aggregation expression: `'$field'`, an operator on expressions, an object of them, a constant. */
const EXPR: Record<string, (a: V[]) => V> = {
  $add: (a) => a.reduce((x, y) => x + y), $subtract: ([x, y]) => x - y, $multiply: (a) => a.reduce((x, y) => x * y), $divide: ([x, y]) => x / y,
  $concat: (a) => a.join(''), $toUpper: ([x]) => String(x ?? '').toUpperCase(), $toLower: ([x]) => String(x ?? '').toLowerCase(), $size: ([x]) => x.length,
};
export const ev = (d: V, x: V): V =>
  typeof x === 'string' && x[0] === '$' ? get(d, x.slice(1))
    : Array.isArray(x) ? x.map((y) => ev(d, y))
      : isOp(x) ? (([[o, a]]) => (EXPR[o] ?? bad(`Unrecognized expression '${o}'`, 'InvalidPipelineOperator'))([a].flat().map((y) => ev(d, y))))(Object.entries(x))
        : isObj(x) && !x.$oid ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, ev(d, y)])) : x;

/** A projection: fields kept (in the document's order) or removed, and computed ones. */
export const project = (d: V, p: V): V => {
  const e = Object.entries(p ?? {});
  const keep = e.some(([k, v]) => k !== '_id' && v !== 0 && v !== false);
  if (!e.length) return d;
  const r = keep ? {} : clone(d);
  if (keep && p._id !== 0 && p._id !== false && d._id !== undefined) r._id = d._id;
  for (const k of Object.keys(d)) if (keep && (p[k] === 1 || p[k] === true)) r[k] = d[k];
  for (const [k, v] of e) {
    if (v === 0 || v === false) k === '_id' || !keep ? unset(r, k) : bad(`Cannot do exclusion on field ${k} in inclusion projection`, 'Location31254');
    else if (v !== 1 && v !== true) set(r, k, ev(d, v));
    else if (k.includes('.') && get(d, k) !== undefined) set(r, k, get(d, k));
  }
  return r;
};

export const sort = (ds: V[], s: V) => [...ds].sort((a, b) => Object.entries(s ?? {}).reduce((r, [k, dir]) => r || cmp(get(a, k), get(b, k)) * (dir as number), 0));

const ACC: Record<string, (v: V[]) => V> = {
  $sum: (v) => v.reduce((a, x) => a + (typeof x === 'number' ? x : 0), 0),
  $avg: (v) => ((n) => (n.length ? ACC.$sum(n) / n.length : null))(v.filter((x) => typeof x === 'number')),
  $min: (v) => sort(v.filter((x) => x != null).map((x) => ({ x })), { x: 1 })[0]?.x ?? null,
  $max: (v) => sort(v.filter((x) => x != null).map((x) => ({ x })), { x: -1 })[0]?.x ?? null,
  $push: (v) => v, $addToSet: (v) => v.filter((x, i) => v.findIndex((y) => js(y) === js(x)) === i), $first: (v) => v[0] ?? null, $last: (v) => v[v.length - 1] ?? null,
};
const group = (ds: V[], g: V) => {
  const out = new Map<string, [V, V[]]>();
  for (const d of ds) {
    const id = ev(d, g._id) ?? null;
    const k = js(id);
    out.set(k, out.get(k) ?? [id, []]);
    out.get(k)![1].push(d);
  }
  return [...out.values()].map(([_id, docs]) => {
    const r: V = { _id };
    for (const [k, a] of Object.entries(g)) {
      if (k === '_id') continue;
      const [[o, x]] = Object.entries(a as V);
      r[k] = o === '$count' ? docs.length : (ACC[o] ?? bad(`unknown group operator '${o}'`, 'Location15952'))(docs.map((d) => ev(d, x)));
    }
    return r;
  });
};

/** An aggregation pipeline's stages, one after another. */
export const aggregate = (docs: V[], pipe: V[]) =>
  pipe.reduce((ds: V[], st: V) => {
    const [[s, x]]: V = Object.entries(st);
    const p = String(x?.path ?? x).slice(1);
    return s === '$match' ? ds.filter((d) => test(d, x))
      : s === '$sort' ? sort(ds, x)
        : s === '$limit' ? ds.slice(0, x)
          : s === '$skip' ? ds.slice(x)
            : s === '$project' ? ds.map((d) => project(d, x))
              : s === '$addFields' || s === '$set' ? ds.map((d) => ({ ...d, ...ev(d, x) }))
                : s === '$count' ? (ds.length ? [{ [x]: ds.length }] : [])
                  : s === '$group' ? group(ds, x)
                    : s === '$unwind' ? ds.flatMap((d) => [get(d, p)].flat().filter((v) => v !== undefined).map((v) => ((d = clone(d)), set(d, p, v), d)))
                      : bad(`Unrecognized pipeline stage name: '${s}'`, 'Location40324');
  }, docs);

/** An update's operators on a document (`$setOnInsert` only when the update inserts it). */
export function update(d: V, up: V, inserting?: boolean) {
  const id = () => `{_id: ${d._id?.$oid ? `ObjectId('${d._id.$oid}')` : js(d._id)}}`;
  for (const [o, f] of Object.entries(up)) {
    for (const [k, x] of Object.entries<V>(f as V)) {
      const old = get(d, k);
      const list = (): V[] => (old === undefined ? [] : Array.isArray(old) ? old : bad(`The field '${k}' must be an array but is of type ${typeof old} in document ${id()}`, ''));
      const each = (x?.$each ?? [x]) as V[];
      if (o === '$set' || (o === '$setOnInsert' && inserting)) set(d, k, x);
      else if (o === '$unset') unset(d, k);
      else if (o === '$inc') set(d, k, old === undefined || typeof old === 'number' ? (old ?? 0) + x : bad(`Cannot apply $inc to a value of non-numeric type. ${id()} has the field '${k}' of non-numeric type ${typeof old}`, ''));
      else if (o === '$push') set(d, k, [...list(), ...each]);
      else if (o === '$addToSet') set(d, k, each.reduce((a, y) => (a.some((z: V) => js(z) === js(y)) ? a : [...a, y]), list()));
      else if (o === '$pull') old !== undefined && set(d, k, list().filter((v) => !(isOp(x) ? field([v], x) : isObj(x) ? test(v, x) : eq(v, x))));
      else if (o === '$rename') old !== undefined && (unset(d, k), set(d, x, old));
      else if (o !== '$setOnInsert') bad(`Unknown modifier: ${o}. Expected a valid update modifier or pipeline-style update specified as an array`, '');
    }
  }
  return d;
}
