/**
 * python's dict: its items in the order they were first put, for keys of every kind (a JS
 * object would put integer-like keys first, and take 1 and '1' for one key), with keys equal
 * as python's are (1, 1.0 and True are one key, which keeps the first written).
 */
import { TUPLE } from './repl-eval';
import { Sized } from './py-sized';
import { unhashable } from './py-set';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;

/** What python hashes a key as: equal keys the same JS value; a list or dict has no hash. */
const hash = (k: V): V => {
  if (typeof k === 'boolean' || (typeof k === 'number' && Number.isInteger(k))) return BigInt(k);
  if (Array.isArray(k) && (k as V)[TUPLE]) return '\0' + k.map((x) => { const h = hash(x); return typeof h + h; }).join('\0');
  unhashable(k);
  // (an object of the program's own is its own key, unless its class says how it hashes)
  hooks.hash?.(k, true);
  return k;
};

/** What the interpreter knows of the program's objects: their hash (`key`: as a dict's key) and equality. */
export const hooks: { eq: (a: V, b: V) => boolean; hash?: (v: V, key?: boolean) => bigint | undefined } = { eq: (a, b) => a === b };

export class Dict extends Sized {
  /** each key's hash to the key first written and its value */
  m = new Map<V, [V, V]>();
  /** os.environ's: the name its repr wraps the items in */
  declare wrap?: string;
  constructor(entries: Iterable<[V, V]> = []) {
    super();
    for (const [k, v] of entries) this.set(k, v);
  }
  get size() { return this.m.size; }
  has(k: V) { return this.m.has(hash(k)); }
  get(k: V): V { return this.m.get(hash(k))?.[1]; }
  set(k: V, v: V) {
    const h = hash(k), e = this.m.get(h);
    if (e) e[1] = v;
    else this.m.set(h, [k, v]);
  }
  delete(k: V) { return this.m.delete(hash(k)); }
  keys(): V[] { return [...this.m.values()].map((e) => e[0]); }
  values(): V[] { return [...this.m.values()].map((e) => e[1]); }
  /** what iterating it gives */
  list() { return this.keys(); }
  items(): [V, V][] { return [...this.m.values()].map((e) => Object.assign([e[0], e[1]] as [V, V], { [TUPLE]: true })); }
}

/** `d.keys()`, `.values()`, `.items()`: what the dict holds when they are read, not when they were made. */
export class DictView extends Sized {
  constructor(public kind: 'keys' | 'values' | 'items', public d: Dict) {
    super();
  }
  list(): V[] { return this.d[this.kind](); }
  get size() { return this.d.size; }
}
