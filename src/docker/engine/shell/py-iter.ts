/**
 * python's iterators: what `next()` takes one item at a time from (a list's, a generator). A
 * generator's body runs whole at its first item, its output held back and written as each
 * item is taken, so what it prints comes between the items as CPython's lazy run prints it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;

/** What an iterator gives when it has no more. */
export const END = Symbol('end');

export class PyIter {
  /** a generator's return value, StopIteration's */
  ret: V = null;
  /** a generator's function's name */
  declare name?: string;
  /** a generator's: the names its body reads from outside, and why it may no longer be taken */
  declare reads?: Set<string>;
  declare stale?: string;
  /** `cap`: how many items the taker may want, which a generator's first run stops at (Infinity: all) */
  constructor(public kind: string, public pull: (cap?: number) => V, public addr = 0) {}
  /** (JS's spread, as python's `*it`) */
  *[Symbol.iterator]() {
    for (let v; (v = this.pull(Infinity)) !== END;) yield v;
  }
}

/** A list's (or tuple's, str's…) iterator: it sees items appended while it goes. */
export const seqIter = (kind: string, l: ArrayLike<V>, addr: number) => {
  let k = 0;
  return new PyIter(kind, () => (k < l.length ? l[k++] : ((k = Infinity), END)), addr);
};
