/**
 * mongosh against a container's mongod: its banner, `use` and `show`, the `db` object whose
 * collections insert, find, count, update and delete documents, and util.inspect's way of printing
 * them. Requests travel to port 27017 as the driver's do, so the documents stay with the server
 * (one JSON file per database in /data/db: a volume keeps them) and other containers reach it too.
 */
import type { Machine } from './shell/types';
import type { Fs } from './fs';
import { CUSTOM, Exit, Open, Thrown, inspect, interpreter } from './shell/repl-eval';
import { program, type Launch, type Proc } from './process';
import { envVar } from './env-var';
import { aggregate, bad, bson, get, js, set, test, update } from './mongo-query';
import { promptLoop } from './sql/prompt-loop';
import { serveWire } from './sql/wire';
import type { Command } from './shell/types';

export const MONGOSH = '2.5.2';
const WIRE = '\0mongo ';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;

class ObjectId {
  constructor(public id: string) {}
  [CUSTOM]() { return `ObjectId('${this.id}')`; }
  toJSON() { return { $oid: this.id }; }
}
const revive = (_: string, v: V) => (typeof v?.$oid === 'string' ? new ObjectId(v.$oid) : v);

/** The server's side: one command of a client, checked against the root user the entrypoint created. */
/** The root user the entrypoint creates from the environment: [name, password], empty when none. */
export const mongoRoot = (env: string[]) => ['USERNAME', 'PASSWORD'].map((k) => envVar(env, 'MONGO_INITDB_ROOT_' + k));

function command(fs: Fs, [user, pass]: string[], version: string, { op, db, c, a = [], u, p, s }: V): V {
  // the root user is admin's: another authSource does not know it
  if (user && u !== undefined && (u !== user || p !== pass || s !== 'admin')) return { msg: 'Authentication failed.' };
  if (op === 'ping') return { v: [version, !!user, (fs.resolve('/data/db/WiredTiger').node as V)?.mtime] };
  if (user && u === undefined) return { e: 'Unauthorized', msg: `Command ${op} requires authentication` };
  const file = `/data/db/${db}.json`;
  let all: V = {};
  try { all = JSON.parse(fs.readFile(file)); } catch { /* a database nothing was written to */ }
  const docs: V[] = all[c] ?? [];
  const idx: V[] = all['$' + c] ?? [];
  const [f, o, many, nid] = a;
  const save = (v: V) => (Object.keys(all).length && fs.writeFile(file, js(all)), { v });
  try {
    const hit = () => docs.filter((d) => test(d, f)).slice(0, many === false ? 1 : undefined);
    switch (op) {
      case 'listDatabases': return { v: [...fs.list(['data', 'db']).keys()].filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) };
      case 'listCollections': return { v: Object.keys(all).filter((k) => k[0] !== '$') };
      case 'dropDatabase': return fs.remove(file), { v: 1 };
      case 'insert': {
        all[c] = docs;
        // _id, and each unique index, refuse a second document with the same value
        const keys = [['_id', '_id_'], ...idx.filter((i) => i.unique).map((i) => [Object.keys(i.key)[0], i.name])].map(([k, name]) => [k, name, new Set(docs.map((x) => js(get(x, k))))] as const);
        for (const d of a) {
          for (const [k, name, seen] of keys) {
            if (seen.has(js(get(d, k)))) save(0), bad(`E11000 duplicate key error collection: ${db}.${c} index: ${name} dup key: { ${k}: ${bson(get(d, k))} }`, '');
            seen.add(js(get(d, k)));
          }
          docs.push(d);
        }
        return save(a.length);
      }
      case 'delete': {
        const gone = hit();
        if (c in all) all[c] = docs.filter((d) => !gone.includes(d));
        return save(gone);
      }
      case 'drop': return delete all['$' + c], save(docs.length > 0 && delete all[c]);
      case 'update': {
        const some = hit();
        // a replacement keeps only the _id
        const put = (d: V) => (Object.keys(o)[0]?.[0] === '$' ? update(d, o) : Object.assign(Object.keys(d).forEach((k) => k === '_id' || delete d[k]) ?? d, o));
        const before = some[0] && JSON.parse(js(some[0]));
        const n = some.filter((d) => js(d) !== js(put(d))).length;
        let id;
        if (!some.length && nid) {
          // an upsert starts from the filter's equalities
          const d: V = { _id: nid };
          for (const [k, x] of Object.entries<V>(f)) if (k[0] !== '$') set(d, k, x?.$eq ?? x);
          some.push(put(d));
          id = d._id;
          all[c] = [...docs, d];
        }
        return save([some.length - +!!id, n, id, before, some[0]]);
      }
      // what reads runs as a pipeline; the name is the command's, which errors give
      case 'find': case 'count': case 'distinct': case 'aggregate': return { v: aggregate(docs, a) };
      case 'createIndex': {
        const name = o?.name ?? Object.entries(f).flat().join('_');
        idx.some((i) => i.name === name) || idx.push({ key: f, name, ...(o?.unique && { unique: true }) });
        return (all[c] = docs), (all['$' + c] = idx), save(name);
      }
      case 'listIndexes': return c in all ? { v: [{ key: { _id: 1 }, name: '_id_' }, ...idx].map((i) => ({ v: 2, ...i })) } : bad(`ns does not exist: ${db}.${c}`, 'NamespaceNotFound');
      default: return (all[c] = docs), save(1);
    }
  } catch (x) {
    // what the simulated server cannot take is still the server's error, not the shell's
    return (x as V)?.msg ? x : { msg: String((x as V)?.message ?? x) };
  }
}

/** The server's port: a client's command gets its answer; other protocols get the connection closed. */
export const mongoServe = (fs: Fs, env: string[], version: string) => {
  const root = mongoRoot(env);
  return serveWire(27017, WIRE, (req: Parameters<typeof command>[3]) => command(fs, root, version, req));
};

/** One mongosh: its options, its connection, and each line typed; answers are [stdout, stderr, exit status if it ends]. */
export function mongoshSession(m: Machine, argv: string[]) {
  const rnd = (n: number) => [...Array(n)].map(() => ((m.random?.() ?? 7) & 15).toString(16)).join('');
  const o: Record<string, string> = {};
  const ev: string[] = [];
  let uri = '';
  for (let i = 1; i < argv.length; i++) {
    const k = argv[i].replace(/^-(u|p)$/, (_, x) => (x === 'u' ? '--username' : '--password'));
    if (k === '--eval') ev.push(argv[++i] ?? '');
    else if (k === '--quiet') o.quiet = '1';
    else if (k.startsWith('--')) o[k.slice(2)] = argv[++i] ?? '';
    else uri = k;
  }
  const url = /^mongodb:\/\/(?:([^:@]*):?([^@]*)@)?([^/:?]+)(?::(\d+))?\/?([^?]*)/.exec(uri);
  const host = url?.[3] ?? '127.0.0.1';
  const port = +(url?.[4] ?? 27017);
  const u = o.username ?? (url?.[1] && decodeURIComponent(url[1]));
  const p = o.password ?? decodeURIComponent(url?.[2] ?? '');
  let cur = (url ? url[5] : uri) || 'test';
  // users authenticate against the database they connect to unless authSource says another
  const src = /authSource=([^&]+)/.exec(uri)?.[1] ?? o.authenticationDatabase ?? (cur === 'test' ? 'admin' : cur);
  // the driver's ObjectId: seconds, then a random value of the process and a counter
  const proc = rnd(10);
  let count = parseInt(rnd(6), 16);
  const oid = () => new ObjectId(Math.floor(m.now() / 1000).toString(16).padStart(8, '0') + proc + (count++ & 0xffffff).toString(16).padStart(6, '0'));
  const call = (op: string, c?: string, ...a: V[]): V => {
    const ip = host === 'localhost' ? '127.0.0.1' : /^[\d.]+$/.test(host) ? host : m.resolve?.(host)?.ip;
    if (!ip) throw new Thrown('MongoNetworkError', `getaddrinfo ENOTFOUND ${host}`);
    const r = m.http(ip, port, WIRE + JSON.stringify({ op, db: cur, c, a, u: u || undefined, p, s: src }, (_, v) => (v instanceof RegExp ? { $regex: v.source, $options: v.flags } : v)));
    if (r?.status !== 200) throw new Thrown('MongoNetworkError', `connect ECONNREFUSED ${ip}:${port}`);
    const res = JSON.parse(r.body, revive);
    if (res.msg) throw new Thrown(`MongoServerError${res.e ? `[${res.e}]` : ''}`, res.msg);
    return res.v;
  };
  let say: V;
  const warned = new Set<string>();
  const old = (m: string, use: string) => warned.has(m) || (warned.add(m), say(`DeprecationWarning: Collection.${m}() is deprecated. Use ${use}.`));
  /** `it`: the next batch of the cursor shown last. */
  let more: (() => string) | undefined;
  /** A cursor: its documents fetched when first read, shown 20 at a time. */
  const cursor = (get: (o: V) => V[]): V => {
    const o: V = {};
    let docs: V[] | undefined;
    let shown: string | undefined;
    let at = 0;
    const all = () => (docs ??= get(o));
    const batch = () => {
      const b = all().slice(at, (at += 20));
      more = batch;
      return b.length ? inspect(b) + (at < all().length ? '\nType "it" for more' : '') : '';
    };
    const k: V = {
      [CUSTOM]: () => (shown ??= batch()),
      toArray: () => all().slice(at), count: () => all().length, forEach: (f: V) => void k.toArray().forEach((d: V) => f(d)),
      map: (f: V) => cursor(() => k.toArray().map((d: V) => f(d))),
      hasNext: () => at < all().length, next: () => all()[at++] ?? null, pretty: () => k,
    };
    for (const m of ['sort', 'limit', 'skip', 'projection']) k[m] = (x: V) => ((o[m] = x), k);
    return k;
  };
  const coll = (c: string) => {
    const add = (docs: V[]) => {
      const ids = docs.map((d) => (d._id ??= oid()));
      call('insert', c, ...docs.map((d) => ({ _id: d._id, ...d })));
      return ids;
    };
    // the driver's bulk write: one document at a time, an ordered one stopping at the first error;
    // mongosh shows the error 6 levels deep (inspectDepth), the document too
    const many = (ds: V[], o: V = {}) => {
      const ids: V = {};
      const w: V[] = [];
      for (const [index, d] of ds.entries()) {
        try {
          ids[index] = add([d])[0];
        } catch (e) {
          if (!/^E11000/.test((e as Thrown).msg)) throw e;
          w.push({ err: { index, code: 11000, errmsg: (e as Thrown).msg, errInfo: undefined, op: { [CUSTOM]: () => inspect({ _id: d._id, ...d }).replace(/\n/g, '\n      ') } } });
          if (o.ordered !== false) break;
        }
      }
      if (!w.length) return { acknowledged: true, insertedIds: ids };
      const n = Object.keys(ids).length;
      const r = inspect({ insertedCount: n, matchedCount: 0, modifiedCount: 0, deletedCount: 0, upsertedCount: 0, upsertedIds: {}, insertedIds: ids });
      throw new Thrown('MongoBulkWriteError', `${w[0].err.errmsg}\nResult: BulkWriteResult ${r}\nWrite Errors: ${inspect(w).replace(/\{\n {4}err/g, 'WriteError {\n    err')}`);
    };
    const find = (f: V = {}, o: V = {}, op = 'find') => call(op, c, { $match: f }, { $sort: o.sort }, { $skip: o.skip }, { $limit: o.limit }, { $project: o.projection });
    /** The server counts: no documents come back. */
    const counted = (op: string, f: V = {}): number => call(op, c, { $match: f }, { $count: 'n' })[0]?.n ?? 0;
    const up = (many: boolean, repl: boolean, f: V, u: V = {}, o: V = {}) => {
      if (repl === (Object.keys(u)[0]?.[0] === '$')) throw new Thrown('MongoInvalidArgumentError', repl ? 'Replacement document must not contain atomic operators' : 'Update document requires atomic operators');
      const [matchedCount, modifiedCount, insertedId = null, ...docs] = call('update', c, f, u, many, o.upsert && oid());
      return o.one ? docs[+!!(o.returnNewDocument || o.returnDocument === 'after')] ?? null : { acknowledged: true, insertedId, matchedCount, modifiedCount, upsertedCount: +!!insertedId };
    };
    const remove = (many: boolean) => (f: V = {}) => ({ acknowledged: true, deletedCount: call('delete', c, f, 0, many).length });
    return {
      [CUSTOM]: () => `${cur}.${c}`,
      insertOne: (d: V) => ({ acknowledged: true, insertedId: add([d])[0] }),
      insertMany: many,
      insert: (d: V) => (old('insert', 'insertOne, insertMany, or bulkWrite'), many([d].flat())),
      find: (f: V, projection: V) => cursor((o) => find(f, { projection, ...o })),
      findOne: (f: V, projection: V) => find(f, { projection, limit: 1 })[0] ?? null,
      countDocuments: (f: V) => counted('aggregate', f),
      estimatedDocumentCount: () => counted('count'),
      count: (f: V) => (old('count', 'countDocuments or estimatedDocumentCount'), counted('count', f)),
      // the server's distinct: each value once (an array's elements one by one), in order
      distinct: (k: string, f: V = {}) => call('distinct', c, { $match: f }, { $unwind: '$' + k }, { $group: { _id: '$' + k } }, { $sort: { _id: 1 } }).map((d: V) => d._id),
      aggregate: (...p: V[]) => cursor(() => call('aggregate', c, ...p.flat())),
      updateOne: (f: V, u: V, o: V) => up(false, false, f, u, o),
      updateMany: (f: V, u: V, o: V) => up(true, false, f, u, o),
      replaceOne: (f: V, u: V, o: V) => up(false, true, f, u, o),
      update: (f: V, u: V, o: V = {}) => (old('update', 'updateOne, updateMany, or bulkWrite'), up(!!o.multi, false, f, u, o)),
      findOneAndUpdate: (f: V, u: V, o: V) => up(false, false, f, u, { ...o, one: 1 }),
      deleteOne: remove(false), deleteMany: remove(true),
      remove: (f: V, one?: boolean) => (old('remove', 'deleteOne, deleteMany, findOneAndDelete, or bulkWrite'), remove(!one)(f)),
      createIndex: (k: V, o: V) => call('createIndex', c, k, o),
      getIndexes: () => call('listIndexes', c),
      drop: () => call('drop', c),
    };
  };
  const db = new Proxy({ [CUSTOM]: () => cur, getName: () => cur, getCollection: (c: string) => coll(c), createCollection: (c: string) => (call('create', c), { ok: 1 }), version: () => call('ping')[0], dropDatabase: () => (call('dropDatabase'), { ok: 1, dropped: cur }) } as V, {
    get: (t, k) => (typeof k === 'symbol' || k in t ? t[k] : coll(k)),
  });
  const leave = () => { throw new Exit(); };
  const rt = interpreter({ py: false, fs: m.fs, cwd: '/', env: {}, hostname: m.hostname, kernel: m.kernel, version: 'v20.19.2', random: Math.random, exists: () => false, globals: { db, print: (...a: V[]) => say(...a), printjson: (x: V) => say(x), ObjectId: (h?: string) => (h ? new ObjectId(h) : oid()), exit: leave, quit: leave } });
  say = rt.run('console.log').value;
  const fail = (e: V) => `${e.type ?? 'Error'}: ${e.msg ?? e.what}\n`;
  // an empty cursor shows nothing at all
  const show = (v: V, s = inspect(v)) => (v === rt.NOTHING || v === undefined ? '' : typeof v === 'string' ? v + '\n' : s && s + '\n');
  let pending = '';
  /** A line: the shell's own commands, else JavaScript (an open bracket waits for the next line). */
  const line = (text: string): [string, string, number?] => {
    const [, cmd, arg] = /^\s*(use|show|exit|quit|it)\b\s*(\S*)\s*;?\s*$/.exec(text) ?? [];
    try {
      if (pending || !cmd) {
        const r = rt.run((pending += text + '\n'));
        if (r.error instanceof Open) return ['', ''];
        pending = '';
        if (r.error instanceof Exit) return [r.out, r.err, 0];
        return r.error ? [r.out, r.err + fail(r.error), 1] : [r.out + show(r.value), r.err, undefined];
      }
      if (cmd === 'it') return [(more?.() || 'no cursor') + '\n', ''];
      if (cmd === 'use') return [arg === cur ? `already on db ${cur}\n` : `switched to db ${(cur = arg)}\n`, ''];
      if (/^(dbs|databases)$/.test(arg)) {
        const names = ['admin', 'config', 'local', ...call('listDatabases')].sort();
        const w = Math.max(...names.map((n) => n.length));
        return [names.map((n) => `${n.padEnd(w)}  ${n === 'config' ? 12 : 40}.00 KiB\n`).join(''), ''];
      }
      if (/^(collections|tables)$/.test(arg)) return [call('listCollections').map((c: string) => c + '\n').join(''), ''];
      return ['', '', 0];
    } catch (e) {
      return ['', fail(e), 1];
    }
  };
  return {
    ev,
    prompt: () => (pending ? '... ' : cur + '> '),
    line,
    /** The banner and the connection; a status when it ends there (an error, or --eval done). */
    start(): [string, string, number?] {
      const creds = u ? '<credentials>@' : '';
      const head = `Current Mongosh Log ID:\t${Math.floor(m.now() / 1000).toString(16)}${rnd(16)}\nConnecting to:\t\tmongodb://${creds}${host}${url && !url[4] ? '' : ':' + port}/${url ? url[5] : uri}?${url && uri.includes('?') ? uri.split('?')[1] + '&' : ''}directConnection=true${url ? '' : '&serverSelectionTimeoutMS=2000'}&appName=mongosh+${MONGOSH}\n`;
      let info: V[];
      try {
        info = call('ping');
      } catch (e) {
        return [o.quiet ? '' : head, fail(e), 1];
      }
      const [version, auth, since] = info;
      const t = new Date(since ?? m.now()).toISOString().replace('Z', '+00:00');
      // the first of the server's warnings, the one a lesson on security starts from
      const warn = ev.length || auth ? '' : `------\n   The server generated these startup warnings when booting\n   ${t}: Access control is not enabled for the database. Read and write access to data and configuration is unrestricted\n------\n\n`;
      let out = o.quiet ? '' : `${head}Using MongoDB:\t\t${version}\nUsing Mongosh:\t\t${MONGOSH}\n\nFor mongosh info see: https://www.mongodb.com/docs/mongodb-shell/\n\n${warn}`;
      if (!ev.length) return [out, ''];
      for (const e of ev) {
        const [x, err, code] = line(e);
        out += x;
        if (err) return [out, err, code];
        // what --eval leaves open ends there: the parser's error at the end of the text
        if (pending) {
          const rows = e.split('\n');
          return [out, `SyntaxError: Unexpected token (${rows.length}:${rows[rows.length - 1].length})\n`, 1];
        }
      }
      return [out, '', 0];
    },
  };
}

/** `docker exec -it db mongosh`: the session as the process the terminal talks to. */
export function mongoshRepl(at: Launch, stdin: boolean): Proc {
  const s = mongoshSession(at.m, at.argv);
  return program(at, {
    readsInput: stdin,
    prompt: () => (at.tty ? s.prompt() : ''),
    async boot(out) {
      const [o, e, c] = s.start();
      out.out(o);
      out.err(e);
      if (c !== undefined || !stdin) this.exitCode = c ?? 0;
    },
    async input(text, out) {
      const [o, e, c] = s.line(text);
      out.out(o);
      out.err(e);
      if (c === 0) this.exitCode = 0;
    },
    async eof() {
      this.exitCode = 0;
    },
  });
}

/** mongosh typed at a shell: --eval runs and leaves; otherwise its prompt until exit or Ctrl+D. */
export const mongoshCommand: Command = (a, io, sh) => {
  if (a[1] === '--version') return io.out(MONGOSH + '\n'), 0;
  const s = mongoshSession(sh.m, a);
  const [o, e, c] = s.start();
  io.out(o);
  io.err(e);
  if (c !== undefined || !sh.ask) return c ?? 0;
  promptLoop(sh, s.prompt, (t, io) => {
    const [o, e, c] = s.line(t);
    io.out(o);
    io.err(e);
    return c === 0 ? 0 : true;
  });
  return 0;
};
