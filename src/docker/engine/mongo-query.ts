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
export const js = JSON.stringify;
/** A value as the server's messages write it. */
export const bson = (v: V) => (v?.$oid ? `ObjectId('${v.$oid}')` : js(v ?? null));

/** The values a dotted path reaches, through arrays of subdocuments as the server does. */
const vals = (d: V, p: string[]): V[] =>
  !p.length ? [d] : Array.isArray(d) && !/^\d+$/.test(p[0]) ? d.flatMap((x) => (isObj(x) ? vals(x, p) : [])) : vals(d?.[p[0]], p.slice(1));
export const get = (d: V, k: string) => k.split('.').reduce((o, x) => o?.[x], d);
/** The object holding a path's last key (made on the way when `v` is set), and that key. */
const at = (d: V, k: string, v?: V) => {
  const p = k.split('.');
  const last = p.pop()!;
  for (const x of p) d = v === undefined ? d?.[x] : (d[x] ??= {});
  d && (v === undefined ? delete d[last] : (d[last] = v));
};
export const set = (d: V, k: string, v: V) => at(d, k, v);
const unset = (d: V, k: string) => at(d, k);

/** BSON's order of types, then values within a type. */
const rank = (v: V) => (v == null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : v.$oid ? 7 : typeof v === 'boolean' ? 8 : Array.isArray(v) ? 5 : 4);
const cmp = (a: V, b: V): number => {
  const [x, y] = [rank(a), rank(b)];
  [a, b] = x - y ? [x, y] : x < 3 ? [a, b] : [js(a), js(b)];
  return a < b ? -1 : +(a > b);
};
const eq = (v: V, x: V) => (x === null ? v == null : x?.$regex != null ? typeof v === 'string' && new RegExp(x.$regex, x.$options).test(v) : js(v) === js(x));
/** A candidate, or an element of an array candidate, satisfies the test. */
const some = (c: V[], f: (v: V) => boolean) => c.some((v) => f(v) || (Array.isArray(v) && v.some(f)));
const order = (f: (n: number) => boolean) => (c: V[], x: V) => some(c, (v) => rank(v) === rank(x) && f(cmp(v, x)));
const isIn = (c: V[], x: V) => (x?.map ? some(c, (v) => x.some((y: V) => eq(v, y))) : bad('$in needs an array'));

const OPS: Record<string, (c: V[], x: V, all: V) => boolean> = {
  $eq: (c, x) => some(c, (v) => eq(v, x)),
  $ne: (c, x) => !OPS.$eq(c, x, 0),
  $gt: order((n) => n > 0), $gte: order((n) => n >= 0), $lt: order((n) => n < 0), $lte: order((n) => n <= 0),
  $in: isIn, $nin: (c, x) => !isIn(c, x),
  $exists: (c, x) => c.some((v) => v !== undefined) === !!x,
  $regex: (c, x, all) => OPS.$eq(c, x.$regex ? x : { $regex: x, $options: all.$options }, 0),
  $options: () => true,
  $not: (c, x) => !field(c, x),
  $size: (c, x) => c.some((v) => v?.map && v.length === x),
  $all: (c, x) => x.every((y: V) => OPS.$eq(c, y, 0)),
  $elemMatch: (c, x) => c.some((v) => v?.map && v.some((e: V) => (isOp(x) ? field([e], x) : test(e, x)))),
};
const field = (c: V[], x: V): boolean => (isOp(x) ? Object.entries(x).every(([o, y]) => (OPS[o] ?? bad(`unknown operator: ${o}`))(c, y, x)) : OPS.$eq(c, x, 0));

/** A document matches a filter. */
export const test = (d: V, f: V): boolean =>
  Object.entries(f ?? {}).every(([k, x]: V) =>
    k[0] !== '$' ? field(vals(d, k.split('.')), x)
      : !/^\$(and|n?or)$/.test(k) ? bad(`unknown top level operator: ${k}. ${k === '$not' ? 'If you are trying to negate an entire expression, use $nor' : "If you have a field name that starts with a '$' symbol, consider using $getField or $setField"}.`)
        // $or wants one, $and all, $nor none
        : x?.map ? x[k > '$b' ? 'some' : 'every']((y: V) => test(d, y)) !== (k === '$nor') : bad(k + ' must be an array'));

/** An aggregation expression: `'$field'`, an object of expressions, a constant. */
const ev = (d: V, x: V): V => (x?.[0] === '$' ? get(d, x.slice(1)) : isObj(x) && !x.$oid ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, ev(d, y)])) : x);

/** A projection: fields kept (in the document's order) or removed, and computed ones. */
const project = (d: V, p: V): V => {
  const e = Object.entries(p ?? {});
  const keep = e.some(([k, v]) => (k !== '_id' || e.length < 2) && v !== 0 && v !== false);
  const r = !keep ? JSON.parse(js(d)) : p._id === 0 || p._id === false ? {} : { _id: d._id };
  for (const k in d) if (keep && (p[k] === 1 || p[k] === true)) r[k] = d[k];
  for (const [k, v] of e) {
    if (v === 0 || v === false) k === '_id' || !keep ? unset(r, k) : bad(`Cannot do exclusion on field ${k} in inclusion projection`, 'Location31254');
    else if (v !== 1 && v !== true) set(r, k, ev(d, v));
    else if (get(d, k) !== undefined) set(r, k, get(d, k));
  }
  return r;
};

const sort = (ds: V[], s: V) => [...ds].sort((a, b) => Object.entries<V>(s ?? {}).reduce((r, [k, dir]) => r || cmp(get(a, k), get(b, k)) * dir, 0));

/** $group's accumulators on the values of a group's documents. */
const ACC: Record<string, (v: V[]) => V> = {
  $sum: (v) => v.reduce((a, x) => a + (+x === x ? x : 0), 0),
  $avg: (v) => ((n) => (n.length ? ACC.$sum(n) / n.length : null))(v.filter((x) => +x === x)),
  $min: (v) => v.filter((x) => x != null).sort(cmp)[0] ?? null,
  $max: (v) => v.filter((x) => x != null).sort(cmp).pop() ?? null,
  $push: (v) => v,
};
const group = (ds: V[], g: V) => {
  const out = new Map<string, V[]>();
  for (const d of ds) {
    const k = js(ev(d, g._id) ?? null);
    out.set(k, [...(out.get(k) ?? []), d]);
  }
  return [...out].map(([k, docs]) => {
    const r: V = { _id: JSON.parse(k) };
    for (const [n, a] of Object.entries<V>(g)) {
      const [[o, x]] = n === '_id' ? [[]] : Object.entries<V>(a);
      if (o) r[n] = o === '$count' ? docs.length : (ACC[o] ?? bad(`unknown group operator '${o}'`, 'Location15952'))(docs.map((d) => ev(d, x)));
    }
    return r;
  });
};

/** An aggregation pipeline's stages, one after another. */
export const aggregate = (docs: V[], pipe: V[]) =>
  pipe.reduce((ds: V[], st: V) => {
    const [[s, x] = []]: V = Object.entries(st);
    // the stages find leaves empty
    return !s ? ds : s === '$match' ? ds.filter((d) => test(d, x))
      : s === '$sort' ? sort(ds, x)
        : s === '$limit' ? ds.slice(0, x || undefined)
          : s === '$skip' ? ds.slice(x)
            : s === '$project' ? ds.map((d) => project(d, x))
              : s === '$group' ? group(ds, x)
                : s === '$count' ? (ds.length ? [{ [x]: ds.length }] : [])
                  : s === '$unwind' ? ds.flatMap((d) => [get(d, x.slice(1)) ?? []].flat().map((v) => ((d = JSON.parse(js(d))), set(d, x.slice(1), v), d)))
                    : bad(`Unrecognized pipeline stage name: '${s}'`, 'Location40324');
  }, docs);

/** An update's operators on a document. */
export function update(d: V, up: V) {
  for (const [o, f] of Object.entries<V>(up)) {
    for (const [k, x] of Object.entries<V>(f)) {
      const old = get(d, k);
      const list = [old ?? []].flat();
      if (o === '$set') set(d, k, x);
      else if (o === '$unset') unset(d, k);
      else if (o === '$inc') set(d, k, +x !== x ? bad(`Cannot increment with non-numeric argument: {${k}: ${bson(x)}}`, '') : old === undefined || +old === old ? (old ?? 0) + x : bad(`Cannot apply $inc to a value of non-numeric type. {_id: ${bson(d._id)}} has the field '${k}' of non-numeric type ${typeof old}`, ''));
      else if (o === '$push') set(d, k, list.concat(x?.$each ?? [x]));
      else if (o === '$addToSet') set(d, k, list.some((z) => js(z) === js(x)) ? list : [...list, x]);
      else if (o === '$pull') old && set(d, k, list.filter((v) => !(isObj(x) && !isOp(x) ? test(v, x) : field([v], x))));
      else if (o === '$rename') old !== undefined && (unset(d, k), set(d, x, old));
      else bad(`Unknown modifier: ${o}. Expected a valid update modifier or pipeline-style update specified as an array`, '');
    }
  }
  return d;
}
