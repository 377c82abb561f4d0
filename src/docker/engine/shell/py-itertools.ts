/** python's itertools: the iterators a course's programs take from it, each item made as it is taken. */
import { END, PyIter } from './py-iter';
import { PYD, SHOW, Thrown } from './repl-eval';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;

/** What the module needs of the interpreter: iter(), a tuple, `+`, ==, the keywords of a call, and an address for each object. */
export interface Needs { iter: (x: V) => PyIter; tuple: (l: V[]) => V[]; add: (a: V, b: V) => V; eq: (a: V, b: V) => boolean; opts: (a: V[]) => Record<string, V>; addr: () => number; repr: (v: V) => string }

export function itertoolsModule({ iter, tuple, add, eq, opts, addr, repr }: Needs): Record<string, V> {
  const it = (kind: string, pull: () => V, shown?: string) => Object.assign(new PyIter('itertools.' + kind, pull, addr()), shown ? { shown } : {});
  const all = (x: V) => [...iter(x)];
  /** A slice's bound: None or an int from 0 on. */
  const bound = (x: V, what: string, d: bigint) => {
    if (x === null || x === undefined) return d;
    if (typeof x !== 'bigint' || x < 0n) throw new Thrown('ValueError', `${what} for islice() must be None or an integer: 0 <= x <= sys.maxsize.`);
    return x;
  };
  /** Each item of a tuple-making generator as a tuple, made as it is taken (a big product is never built whole). */
  const lazy = (kind: string, g: Iterator<V[]>) => it(kind, () => ((r) => (r.done ? END : tuple(r.value)))(g.next()));
  const atLeast0 = (x: V, msg: string) => {
    if (x < 0n) throw new Thrown('ValueError', msg);
    return Number(x);
  };
  const chain = (...a: V[]) => {
    const src = a.map(iter);
    return it('chain', () => {
      for (let v; src.length; src.shift()) if ((v = src[0].pull()) !== END) return v;
      return END;
    });
  };
  /** (a function whose keywords come as its last argument) */
  const kw = (f: V) => Object.assign(f, { kw: true });
  return {
    count: kw((...a: V[]) => {
      const o = opts(a);
      let n = o.start ?? a[0] ?? 0n;
      const step = o.step ?? a[1] ?? 1n;
      const c = it('count', () => ((v) => ((n = add(n, step)), v))(n));
      return Object.defineProperty(c, 'shown', { get: () => `count(${repr(n)}${step === 1n ? '' : ', ' + repr(step)})` });
    }),
    repeat: (x: V, times?: V) => {
      // (a negative count is none; the count shown is what is left)
      let n = times === undefined ? -1n : times < 0n ? 0n : times;
      const r = it('repeat', () => (n === 0n ? END : ((n = n > 0n ? n - 1n : n), x)));
      return Object.defineProperty(r, 'shown', { get: () => `repeat(${repr(x)}${times === undefined ? '' : ', ' + repr(n)})` });
    },
    cycle: (x: V) => {
      const src = iter(x), seen: V[] = [];
      let k = -1;
      return it('cycle', () => {
        if (k < 0) { const v = src.pull(); if (v !== END) return seen.push(v), v; k = 0; }
        return seen.length ? seen[k++ % seen.length] : END;
      });
    },
    islice: (x: V, ...a: V[]) => {
      if (!a.length || a.length > 3) throw new Thrown('TypeError', `islice expected at most 4 arguments, got ${a.length + 1}`);
      const stop = bound(a.length > 1 ? a[1] : a[0], 'Stop argument', -1n), start = a.length > 1 ? bound(a[0], 'Indices', 0n) : 0n;
      const step = a[2] ?? 1n;
      if (typeof step !== 'bigint' || step < 1n) throw new Thrown('ValueError', 'Step for islice() must be a positive integer or None.');
      const src = iter(x);
      let k = 0n, next = start;
      // (as CPython's: the items up to the next one taken, then none past the stop)
      return it('islice', () => {
        for (; k < next; k++) if (src.pull() === END) return END;
        if (stop >= 0n && k >= stop) return END;
        const v = src.pull();
        if (v === END) return END;
        k++;
        next = stop >= 0n && next + step > stop ? stop : next + step;
        return v;
      });
    },
    // (a class, whose from_iterable takes the iterables from one)
    chain: Object.assign(chain, { [PYD]: { __name__: 'chain', from_iterable: (x: V) => chain(...all(x)) }, [SHOW]: "<class 'itertools.chain'>" }),
    product: kw((...a: V[]) => {
      const o = opts(a), each = a.map(all);
      const pools = Array.from({ length: atLeast0(o.repeat ?? 1n, 'repeat argument cannot be negative') }, () => each).flat();
      return lazy('product', odometer(pools));
    }),
    permutations: (x: V, r?: V) => ((pool) => lazy('permutations', picks(pool, r == null ? pool.length : atLeast0(r, 'r must be non-negative'), false)))(all(x)),
    combinations: (x: V, r: V) => lazy('combinations', picks(all(x), atLeast0(r, 'r must be non-negative'), true)),
    // (a group is taken from the same items as its groupby: the next group ends the one before)
    groupby: kw((...a: V[]) => {
      const o = opts(a), key = o.key ?? a[1] ?? null;
      if (a[0] === undefined) throw new Thrown('TypeError', "groupby() missing required argument 'iterable' (pos 1)");
      const src = iter(a[0]);
      let cur: V, k: V, target: V, group = 0, started = false;
      const step = () => void ((cur = src.pull()) !== END && (k = key === null ? cur : key(cur)));
      return it('groupby', () => {
        if (!started) step();
        while (started && cur !== END && eq(k, target)) step();
        if (cur === END) return END;
        started = true;
        target = k;
        const mine = ++group;
        return tuple([k, it('_grouper', () => (mine !== group || cur === END || !eq(k, target) ? END : ((v) => (step(), v))(cur)))]);
      });
    }),
  };
}

/** Tuples of `r` of the pool's items in CPython's order: indices each after the one before (`combinations`), or any unused one. */
function* picks(pool: V[], r: number, after: boolean): Generator<V[]> {
  const got: number[] = [];
  function* go(k: number): Generator<V[]> {
    if (got.length === r) return yield got.map((i) => pool[i]);
    for (let i = after ? k : 0; i < pool.length; i++) {
      if (after || !got.includes(i)) {
        got.push(i);
        yield* go(i + 1);
        got.pop();
      }
    }
  }
  if (r <= pool.length) yield* go(0);
}

/** One item of each pool, the last pool turning fastest. */
function* odometer(pools: V[][]): Generator<V[]> {
  if (pools.some((p) => !p.length)) return;
  const ix = pools.map(() => 0);
  for (let k = 0; k >= 0; ) {
    yield ix.map((i, j) => pools[j][i]);
    for (k = pools.length - 1; k >= 0 && ++ix[k] === pools[k].length; k--) ix[k] = 0;
  }
}
