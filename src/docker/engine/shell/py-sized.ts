/** A python container the evaluator keeps as a class of its own (dict, its views, set): what has a size and gives a list when iterated. */
export abstract class Sized {
  abstract size: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  abstract list(): any[];
  /** (JS's spread, as python's `*d`) */
  [Symbol.iterator]() {
    return this.list()[Symbol.iterator]();
  }
}
