/**
 * python's set and frozenset as CPython lays them out (Objects/setobject.c): an open-addressing
 * table probed by each key's hash, so that a set of ints prints in CPython's order. The hashes
 * are CPython's for ints, floats and tuples; a str's is randomised per run in CPython, so its
 * place here is one of the orders CPython may print.
 */
import { Thrown, TUPLE, Unsupported } from './repl-eval';
import { Sized } from './py-sized';
import { Dict, hooks } from './py-dict';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;

const P = (1n << 61n) - 1n, M = (1n << 64n) - 1n;
const DUMMY = Symbol('dummy');

const signed = (x: bigint) => BigInt.asIntN(64, x);
const fix = (h: bigint) => (h === -1n ? -2n : h);
/** hash() of a value, as CPython 3 computes it (a str's is a fixed stand-in for its random one). */
export function pyHash(k: V): bigint {
  if (typeof k === 'boolean') return BigInt(k);
  if (typeof k === 'bigint') return fix(k < 0n ? -(-k % P) : k % P);
  if (typeof k === 'number') {
    if (Number.isNaN(k)) throw new Unsupported('hash(nan)');
    if (!Number.isFinite(k)) return k > 0 ? 314159n : -314159n;
    // a float is a fraction a / 2**e, and 2**61 is 1 modulo P
    let a = Math.abs(k), e = 0;
    while (!Number.isInteger(a)) (a *= 2), e++;
    const h = ((BigInt(a) % P) << BigInt((61 - (e % 61)) % 61)) % P;
    return fix(k < 0 ? -h : h);
  }
  if (typeof k === 'string') {
    let h = 0x811c9dc5;
    for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
    return fix(BigInt(h) * 0x9e3779b1n);
  }
  if (Array.isArray(k) && (k as V)[TUPLE]) {
    // xxHash's rounds over the items' hashes (Objects/tupleobject.c)
    let acc = 2870177450012600261n;
    for (const x of k) {
      acc = (acc + BigInt.asUintN(64, pyHash(x)) * 14029467366897019727n) & M;
      acc = (((acc << 31n) | (acc >> 33n)) * 11400714785074694791n) & M;
    }
    acc = (acc + (BigInt(k.length) ^ 2870177450012600261n ^ 3527539n)) & M;
    return acc === M ? 1546275796n : signed(acc);
  }
  unhashable(k);
  // (None: 3.12 on, a constant, before its address; a function, a module, an exception: by its identity)
  if (k == null) return 4238894112n;
  return hooks.hash?.(k) ?? ids.get(k) ?? (ids.set(k, BigInt(ids.n = (ids.n ?? 0) + 1) * 0x51ed27n), ids.get(k)!);
}
/** Refuses what has no hash: a list, dict, view or set (a frozenset's is not simulated). */
export function unhashable(k: V) {
  if (k instanceof PySet && k.frozen) throw new Unsupported('hash(frozenset)');
  if (Array.isArray(k) || k instanceof Sized) throw new Thrown('TypeError', `unhashable type: '${k instanceof PySet ? 'set' : Array.isArray(k) ? 'list' : (k as V).kind ? 'dict_' + (k as V).kind : 'dict'}'`);
}
const ids: WeakMap<object, bigint> & { n?: number } = new WeakMap();

export class PySet extends Sized {
  k: V[] = Array(8);
  h: bigint[] = [];
  mask = 7;
  fill = 0;
  used = 0;
  finger = 0;
  /** 3.9 puts a new key in an unused slot; 3.10 on in the last deleted one its probes pass before it. */
  constructor(public frozen: boolean, public reuse: boolean) {
    super();
  }
  get size() { return this.used; }
  list() { return this.k.filter((x) => x !== undefined && x !== DUMMY); }
  /** The slots a hash probes, in CPython's order: a short linear run, then a perturbed jump. */
  *probe(hash: bigint) {
    const mask = BigInt(this.mask);
    let perturb = BigInt.asUintN(64, hash), i = perturb & mask;
    for (;;) {
      const j = Number(i);
      for (let q = 0; q <= (j + 9 <= this.mask ? 9 : 0); q++) yield j + q;
      perturb >>= 5n;
      i = (i * 5n + 1n + perturb) & mask;
    }
  }
  /** The slot holding `key`, or -1. */
  at(key: V, hash = pyHash(key)) {
    for (const s of this.probe(hash)) {
      const x = this.k[s];
      if (x === undefined) return -1;
      if (this.h[s] === hash && (x === key || hooks.eq(x, key))) return s;
    }
    return -1;
  }
  has(key: V) { return this.at(key) >= 0; }
  /** set_add_entry: a key not in the set goes to the first unused slot of its probes (3.10 on: the last deleted one before it, if any). */
  add(key: V, hash = pyHash(key)) {
    if (this.at(key, hash) < 0 && this.put(key, hash, this.reuse) && this.fill * 5 >= this.mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }
  put(key: V, hash: bigint, reuse = false) {
    let free = -1;
    for (const s of this.probe(hash)) {
      const x = this.k[s];
      if (x === undefined) {
        const t = free < 0 ? s : free;
        [this.k[t], this.h[t]] = [key, hash];
        this.used++;
        return free < 0 && ++this.fill;
      }
      if (reuse && x === DUMMY) free = s;
    }
  }
  /** A table of the smallest size over `min`, the keys put back in their order (no deleted slots). */
  resize(min: number) {
    let n = 8;
    while (n <= min) n *= 2;
    if (n === 8 && this.mask === 7 && this.fill === this.used) return;
    const old = this.entries();
    this.k = Array(n);
    this.h = [];
    this.mask = n - 1;
    this.fill = this.used = 0;
    for (const [x, hash] of old) this.put(x, hash);
  }
  discard(key: V) {
    const s = this.at(key);
    if (s < 0) return false;
    [this.k[s], this.h[s]] = [DUMMY, -1n];
    this.used--;
    return true;
  }
  /** set_pop: from the slot after the last one popped. */
  pop() {
    if (!this.used) throw Object.assign(new Thrown('KeyError', "'pop from an empty set'"), { args: ['pop from an empty set'] });
    let s = this.finger & this.mask;
    while (this.k[s] === undefined || this.k[s] === DUMMY) s = (s + 1) & this.mask;
    const x = this.k[s];
    [this.k[s], this.h[s]] = [DUMMY, -1n];
    this.used--;
    this.finger = s + 1;
    return x;
  }
  entries(): [V, bigint][] { return this.k.flatMap((x, s) => (x === undefined || x === DUMMY ? [] : [[x, this.h[s]]])); }
  /** set_update_internal: another set is merged (its table copied when it can be), a dict's keys after one resize, any other iterable key by key. */
  update(o: V, items: () => V[]) {
    if (o instanceof PySet) {
      if (o === this || !o.used) return;
      if ((this.fill + o.used) * 5 >= this.mask * 3) this.resize((this.used + o.used) * 2);
      if (!this.fill && this.mask === o.mask && o.fill === o.used) [this.k, this.h, this.fill, this.used] = [[...o.k], [...o.h], o.fill, o.used];
      else if (!this.fill) for (const [x, h] of o.entries()) this.put(x, h);
      else for (const [x, h] of o.entries()) this.add(x, h);
      return;
    }
    const l = items();
    if (o?.m && (this.fill + l.length) * 5 >= this.mask * 3) this.resize((this.used + l.length) * 2);
    for (const x of l) this.add(x);
  }
  copy(frozen = this.frozen) {
    const s = new PySet(frozen, this.reuse);
    s.update(this, () => []);
    return s;
  }
  /** After a difference_update: a table over a quarter deleted slots is rebuilt. */
  tidy() {
    if (this.fill - this.used > this.mask / 4) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }
}

/** `a | b`, `a & b`, `a - b`, `a ^ b` as setobject.c builds them (the result is of a's kind). */
export function setOp(op: string, a: PySet, b: PySet): PySet {
  if (op === '|') return ((r) => (r.update(b, () => []), r))(a.copy());
  if (op === '^') {
    const r = b.copy(a.frozen);
    for (const [x, h] of a.entries()) if (!r.discard(x)) r.add(x, h);
    return r;
  }
  if (op === '-' && a.used >> 2 > b.used) {
    const r = a.copy();
    for (const x of b.list()) r.discard(x);
    r.tidy();
    return r;
  }
  const r = new PySet(a.frozen, a.reuse);
  // (an intersection goes through the smaller set)
  const [big, small] = op === '&' && b.used > a.used ? [b, a] : [a, b];
  for (const [x, h] of (op === '&' ? small : a).entries()) if ((op === '&' ? big : b).at(x, h) >= 0 === (op === '&')) r.add(x, h);
  return r;
}

/** A set of what an iterable gives (`o` itself when it is one). */
const asSet = (o: V, items: (x: V) => V[], reuse: boolean) => (o instanceof PySet ? o : ((s) => (s.update(o, () => items(o)), s))(new PySet(false, reuse)));
/** The set's body takes another's table (set_swap_bodies). */
const take = (a: PySet, b: PySet) => void ([a.k, a.h, a.mask, a.fill, a.used] = [b.k, b.h, b.mask, b.fill, b.used]);
/** `a OP= b` on a set: it changes in place. */
export function setIop(op: string, a: PySet, b: PySet) {
  if (op === '|') a.update(b, () => []);
  else if (op === '&') take(a, setOp('&', a, b));
  else if (op === '-') {
    if (a === b) take(a, new PySet(a.frozen, a.reuse));
    for (const x of b.list()) a.discard(x);
    a.tidy();
  } else for (const [x, h] of b.entries()) if (!a.discard(x)) a.add(x, h);
  return a;
}

/** The methods of a set (a frozenset has those that change nothing); `items` lists an iterable, `missing` is KeyError's. */
export function setMethods(o: PySet, items: (x: V) => V[], missing: (k: V) => Thrown): Record<string, V> {
  const set = (x: V) => asSet(x, items, o.reuse);
  const m: Record<string, V> = {
    copy: () => o.copy(),
    union: (...a: V[]) => a.reduce((r: PySet, x) => (x === o || r.update(x, () => items(x)), r), o.copy()),
    intersection: (...a: V[]) => (a.length ? a.reduce((r, x) => {
      if (x instanceof PySet) return setOp('&', r, x);
      const out = new PySet(o.frozen, o.reuse);
      for (const y of items(x)) if (r.has(y)) out.add(y);
      return out;
    }, o) : o.copy()),
    // (what is no set nor dict is taken from a copy)
    difference: (...a: V[]) => (a.length ? a.slice(1).reduce((r: PySet, x) => setIop('-', r, set(x)), a[0] instanceof PySet || a[0] instanceof Dict ? setOp('-', o, set(a[0])) : setIop('-', o.copy(), set(a[0]))) : o.copy()),
    symmetric_difference: (x: V) => setOp('^', o, set(x)),
    issubset: (x: V) => ((s) => o.used <= s.used && o.list().every((y) => s.has(y)))(set(x)),
  };
  if (o.frozen) return m;
  return Object.assign(m, {
    add: (x: V) => (o.add(x), null),
    remove: (x: V) => { if (!o.discard(x)) throw missing(x); return null; },
    discard: (x: V) => (o.discard(x), null),
    pop: () => o.pop(),
    clear: () => (take(o, new PySet(false, o.reuse)), null),
    update: (...a: V[]) => (a.forEach((x) => o.update(x, () => items(x))), null),
  });
}
