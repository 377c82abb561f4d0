/**
 * getattr, hasattr, setattr, vars and dir, answered for the program's own classes and their
 * instances. A builtin type or a module has more attributes (dunders above all) than the evaluator
 * holds, so what would take its missing ones for absent is refused.
 */
import { Dict } from './py-dict';
import { PYCLS, PYD, Thrown, Unsupported } from './repl-eval';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;

/** An instance's attributes as its __dict__: read from and written to the object itself. */
class Own extends Map<V, [V, V]> {
  constructor(private o: V) { super(); }
  private at(k: V): [V, V] { const o = this.o; return { 0: k, get 1() { return o[k]; }, set 1(v: V) { o[k] = v; } } as V; }
  get size() { return Object.keys(this.o).length; }
  has(k: V) { return typeof k === 'string' && Object.hasOwn(this.o, k); }
  get(k: V) { return this.has(k) ? this.at(k) : undefined; }
  set(k: V, e: [V, V]) { if (typeof k !== 'string') throw new Unsupported('a __dict__ key that is no str'); this.o[k] = e[1]; return this; }
  delete(k: V) { return this.has(k) && delete this.o[k]; }
  clear() { Object.keys(this.o).forEach((k) => delete this.o[k]); }
  values() { return Object.keys(this.o).map((k) => this.at(k))[Symbol.iterator](); }
}

/** `member`: the evaluator's attribute read; `minor`: python's 3.x release; `here`: the module's names, where dir() is called at its top. */
export function attrBuiltins(member: (o: V, k: V) => V, typeName: (v: V) => string, minor: number, here: () => string[] | undefined) {
  const mine = (o: V) => !!(o?.[PYCLS] || o?.[PYD]);
  const named = (k: V, f: string) => {
    if (typeof k !== 'string') throw new Thrown('TypeError', minor < 11 && f ? `${f}(): attribute name must be string` : `attribute name must be string, not '${typeName(k)}'`);
  };
  /** `o.k`, or `none()` where it is absent: an absence the evaluator's tables prove (not a dunder's, nor a builtin's) */
  const read = (o: V, k: V, f: string, none: () => V) => {
    named(k, f);
    try {
      return member(o, k);
    } catch (e) {
      if (!(e instanceof Thrown && e.type === 'AttributeError')) throw e;
      if (!mine(o) || /^__.*__$/.test(k)) throw new Unsupported(`${f}(${typeName(o)}, '${k}')`);
      return none();
    }
  };
  // object's attributes, and those every class of the program's adds (3.11 on: __getstate__; 3.13 on: where it starts and what self.x it sets)
  const base = `class delattr dir doc eq format ge getattribute ${minor > 10 ? 'getstate ' : ''}gt hash init init_subclass le lt ne new reduce reduce_ex repr setattr sizeof str subclasshook dict module weakref${minor > 12 ? ' firstlineno static_attributes' : ''}`.split(' ').map((k) => `__${k}__`);
  return {
    getattr: (...a: V[]) => (a.length > 2 ? read(a[0], a[1], 'getattr', () => a[2]) : (named(a[1], 'getattr'), member(a[0], a[1]))),
    hasattr: (o: V, k: V) => {
      let has = true;
      read(o, k, 'hasattr', () => (has = false));
      return has;
    },
    setattr: (o: V, k: V, v: V) => {
      named(k, '');
      if (!mine(o)) throw new Unsupported(`setattr(${typeName(o)})`);
      (o[PYD] ?? o)[k] = v;
      return null;
    },
    vars: (...a: V[]) => {
      const o = a[0];
      if (o?.[PYCLS]) return Object.assign(new Dict(), { m: new Own(o) });
      if (a.length && (o == null || /^(int|float|bool|str|list|tuple|dict)$/.test(typeName(o)))) throw new Thrown('TypeError', 'vars() argument must have __dict__ attribute');
      throw new Unsupported(a.length ? `vars(${typeName(o)})` : 'vars()');
    },
    dir: (...a: V[]) => {
      const o = a[0], top = a.length ? undefined : here();
      if (top) return top.sort();
      if (!mine(o)) throw new Unsupported(a.length ? `dir(${typeName(o)})` : 'dir() in a function, class or comprehension');
      const names = new Set([...base, ...Object.keys(o[PYD] ? {} : o)]);
      for (let c = o[PYCLS] ?? o; c; c = c.base) Object.keys(c[PYD]).forEach((k) => k !== '__name__' && names.add(k));
      return [...names].sort();
    },
  };
}
