/**
 * python's iterators: what `next()` takes one item at a time from (a list's, a generator). A
 * generator's body is a JS generator over its statements, resumed at each item as CPython's is.
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
  /** a generator's send, throw and close */
  declare methods?: Record<string, V>;
  /** what it holds that a reference to it keeps: the iterators it takes from, a generator's local names */
  declare from?: () => V[];
  /** how it shows when it is no `<kind object at …>` (itertools.count's `count(5)`) */
  declare shown?: string;
  /** a generator's: the iterator its `yield from` takes from now */
  declare via?: PyIter;
  constructor(public kind: string, public pull: () => V, public addr = 0) {}
  /** (JS's spread, as python's `*it`) */
  *[Symbol.iterator]() {
    for (let v; (v = this.pull()) !== END;) yield v;
  }
}

/** A list's (or tuple's, str's…) iterator: it sees items appended while it goes. */
export const seqIter = (kind: string, l: ArrayLike<V>, addr: number) => {
  let k = 0;
  return new PyIter(kind, () => (k < l.length ? l[k++] : ((k = Infinity), END)), addr);
};
