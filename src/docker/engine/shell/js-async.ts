/**
 * node's event loop for the evaluator, once the main script has run: process.nextTick's queue,
 * then the microtasks (promise reactions, queueMicrotask), then the timers by due time and
 * creation order, and setImmediate's callbacks after each round of due timers. Time is
 * simulated: waiting for the next timer moves `elapsed` on at once.
 */
const CUSTOM = Symbol.for('nodejs.util.inspect.custom');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;
type Job = () => void;
type Queued = [Job, string];
interface Timer { at: number; ms: number; f: V; a: V[]; every: boolean; ref: boolean; n: number }
/** A rejection no handler took by the time the microtasks ran out: node ends with it. */
export class Unhandled {
  constructor(public reason: V) {}
}

/** `value`: what a `catch` would get for an exception of the program's (others go on up); `no`: refuses what the evaluator does not run. */
export function eventLoop(value: (e: unknown) => V, show: (v: V) => string, no: (what: string) => never) {
  const ticks: Job[] = [], jobs: Queued[] = [];
  /** What kind of callback of the loop's is running ('' for none: the main script), or a promise's executor. */
  let ctx = '';
  let immediates: Job[] = [];
  const timers = new Set<Timer>();
  const unhandled = new Set<P>();
  let elapsed = 0, made = 0, fired = 0;

  const S = Symbol('state');
  type St = { s: 0 | 1 | 2; v: V; r: Job[]; h?: boolean };
  class P {
    declare [S]: St;
    constructor(run?: V) {
      this[S] = { s: 0, v: undefined, r: [] };
      if (run === NEW) return;
      if (typeof run !== 'function') throw new TypeError(`Promise resolver ${show(run)} is not a function`);
      const [res, rej] = resolvers(this), was = ctx;
      ctx = 'executor';
      try {
        run(res, rej);
      } catch (e) {
        rej(value(e));
      } finally {
        ctx = was;
      }
    }
    then(ok?: V, bad?: V) {
      const q = new P(NEW), st = this[S];
      const react = () => jobs.push([() => {
        const f = st.s === 1 ? ok : bad;
        if (typeof f !== 'function') return st.s === 1 ? resolve(q, st.v) : settle(q, 2, st.v);
        let r;
        try {
          r = f(st.v);
        } catch (e) {
          return settle(q, 2, value(e));
        }
        resolve(q, r);
      }, 'reaction']);
      st.h = true;
      unhandled.delete(this);
      if (st.s) react();
      else st.r.push(react);
      return q;
    }
    catch(bad?: V) {
      return this.then(undefined, bad);
    }
    finally(f?: V) {
      // its own outcome, once what f returns has settled (f's failure instead)
      const after = (ok: boolean) => (v: V) => P.resolve(f()).then(() => (ok ? v : P.reject(v)));
      return typeof f === 'function' ? this.then(after(true), after(false)) : this.then(f, f);
    }
    [CUSTOM]() {
      const { s, v } = this[S];
      const x = show(v);
      if (x.includes('\n')) no('util.inspect(promise)');
      return `Promise { ${s === 0 ? '<pending>' : s === 2 ? '<rejected> ' + x : x} }`;
    }
    static resolve(x?: V) {
      if (x instanceof P) return x;
      const q = new P(NEW);
      resolve(q, x);
      return q;
    }
    static reject(x?: V) {
      const q = new P(NEW);
      settle(q, 2, x);
      return q;
    }
  }
  const NEW = Symbol('new');
  /** Promise.all (0), allSettled (1), race (2) and any (3): each input's outcome in its place, or the first to settle the whole. */
  const gather = (xs: V, m: number) => {
    const q = new P(NEW), out: V[] = [];
    let all: V[];
    try {
      all = [...xs];
    } catch (e) {
      // (V8 rejects, naming the type, and the value of a number or boolean)
      const t = typeof xs, what = xs === null ? 'object null' : t === 'number' || t === 'boolean' ? `${t} ${xs}` : t;
      return P.reject(value(typeof xs?.[Symbol.iterator] === 'function' ? e : new TypeError(`${what} is not iterable (cannot read property Symbol(Symbol.iterator))`)));
    }
    let n = all.length + 1;
    const done = () => --n || (m === 3 ? settle(q, 2, new AggregateError(out, 'All promises were rejected')) : resolve(q, out));
    all.forEach((x, k) => P.resolve(x).then(
      (value: V) => (m & 2 ? resolve(q, value) : ((out[k] = m ? { status: 'fulfilled', value } : value), done())),
      (reason: V) => (m === 2 || !m ? settle(q, 2, reason) : ((out[k] = m === 1 ? { status: 'rejected', reason } : reason), done())),
    ));
    if (m !== 2) done();
    return q;
  };
  const settle = (p: P, s: 1 | 2, v: V) => {
    const st = p[S];
    if (st.s) return;
    Object.assign(st, { s, v });
    if (s === 2 && !st.h) unhandled.add(p);
    st.r.splice(0).forEach((f) => f());
  };
  /** The functions an executor gets: the first call of either counts. */
  const resolvers = (p: P): [(x?: V) => void, (x?: V) => void] => {
    let done = false;
    const once = (f: (x: V) => void) => (x?: V) => void (done || ((done = true), f(x)));
    return [once((x) => resolve(p, x)), once((x) => settle(p, 2, x))];
  };
  /** Resolving with a thenable follows it, a job later. */
  const resolve = (p: P, x: V) => {
    if (x === p) return settle(p, 2, new TypeError('Chaining cycle detected for promise #<Promise>'));
    let then;
    try {
      then = x !== null && (typeof x === 'object' || typeof x === 'function') ? x.then : undefined;
    } catch (e) {
      return settle(p, 2, value(e));
    }
    if (typeof then !== 'function') return settle(p, 1, x);
    const [res, rej] = resolvers(p);
    jobs.push([() => {
      try {
        then.call(x, res, rej);
      } catch (e) {
        rej(value(e));
      }
    }, 'reaction']);
  };
  /** A callback of the loop's; what it throws says which (node's report shows the loop's frames below it). */
  const call = (f: Job, via: string) => {
    const was = ctx;
    ctx = via;
    try {
      f();
    } catch (e) {
      if (e && typeof e === 'object' && !('via' in e)) Object.assign(e, { via });
      throw e;
    } finally {
      ctx = was;
    }
  };
  /** The ticks, then the microtasks, until both are empty; then a rejection nothing handled ends the program. */
  const drain = () => {
    // (callbacks that queue themselves for ever would hang node; here they are stopped)
    let n = 0;
    const next = <T>(q: T[]) => (++n > 1e5 ? no('microtasks without end') : q.shift()!);
    while (ticks.length || jobs.length) {
      while (ticks.length) call(next(ticks), 'tick');
      while (jobs.length) call(...next(jobs));
    }
    for (const p of unhandled) throw (unhandled.clear(), new Unhandled(p[S].v));
  };
  /** Node's delay: a number of ms from 1 to 2^31-1, else 1. */
  const timer = (every: boolean) => (f: V, ms?: V, ...a: V[]) => {
    if (typeof f !== 'function') no('setTimeout(' + typeof f + ')');
    let d = Number(ms);
    if (!(d >= 1 && d <= 2 ** 31 - 1)) d = 1;
    const t: Timer = { at: elapsed + d, ms: d, f, a, every, ref: true, n: made++ };
    timers.add(t);
    const h = { ref: () => ((t.ref = true), h), unref: () => ((t.ref = false), h), hasRef: () => t.ref, [TIMER]: t, [CUSTOM]: () => no('util.inspect(Timeout)'), [Symbol.toPrimitive]: () => no('+timeout') };
    return h;
  };
  const TIMER = Symbol('timer');
  const clear = (h: V) => void timers.delete(h?.[TIMER]);
  const globals = {
    Promise: Object.assign((run: V) => new P(run), { prototype: P.prototype, fname: 'Promise', resolve: P.resolve, reject: P.reject, ...Object.fromEntries(['all', 'allSettled', 'race', 'any'].map((k, m) => [k, (xs: V) => gather(xs, m)])) }),
    setTimeout: timer(false), setInterval: timer(true), clearTimeout: clear, clearInterval: clear,
    setImmediate: (f: V, ...a: V[]) => { const job = () => f(...a); immediates.push(job); return { [CUSTOM]: () => no('util.inspect(Immediate)'), [TIMER]: job }; },
    clearImmediate: (h: V) => void (immediates = immediates.filter((j) => j !== h?.[TIMER])),
    queueMicrotask: (f: V) => void jobs.push([() => f(), 'microtask']),
  };
  return {
    globals,
    nextTick: (f: V, ...a: V[]) => void ticks.push(() => f(...a)),
    context: () => ctx,
    /** The simulated ms the loop has waited so far. */
    elapsed: () => elapsed,
    /** A new count of timer callbacks against the limit (each REPL input's own). */
    fresh: () => void (fired = 0),
    /** The loop's time moved on to `ms` with no timer due (the REPL waiting for its next input). */
    reach: (ms: number) => void (elapsed = Math.max(elapsed, ms)),
    drain,
    /**
     * One round of the loop: the due timers (each followed by the ticks and microtasks), then the
     * immediates; false when nothing is left that keeps the program running (or nothing due by `until`).
     */
    round(until = Infinity): boolean {
      drain();
      const next = immediates.length ? 0 : Math.min(...[...timers].filter((t) => t.ref).map((t) => t.at));
      if (next > until || next === Infinity) return false;
      // (node's first round finds the 1 ms timers due: the main script took longer)
      elapsed = Math.max(elapsed || 1, next);
      for (let t; (t = [...timers].filter((x) => x.at <= elapsed).sort((x, y) => x.at - y.at || x.n - y.n)[0]); ) {
        // (a program whose timers never stop is stopped here rather than hang the page; the last one goes)
        if (++fired > 10000) (timers.delete(t), no('timers without end'));
        if (t.every) t.at = elapsed + t.ms;
        else timers.delete(t);
        const { f, a } = t;
        call(() => f(...a), 'timer');
        drain();
      }
      const now = immediates;
      immediates = [];
      for (const j of now) (call(j, 'immediate'), drain());
      return true;
    },
  };
}
