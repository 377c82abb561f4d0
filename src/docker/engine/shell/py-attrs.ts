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
const entry = (o: V, k: V): V => ({ 0: k, get 1() { return o[k]; }, set 1(v: V) { o[k] = v; } });
class Own extends Map<V, V> {
  constructor(public o: V) { super(); }
  get size() { return Object.keys(this.o).length; }
  has(k: V) { return Object.hasOwn(this.o, k); }
  get(k: V) { return this.has(k) && entry(this.o, k); }
  set(k: V, e: V) { if (typeof k !== 'string') throw new Unsupported('vars()[k]'); this.o[k] = e[1]; return this; }
  delete(k: V) { return this.has(k) && delete this.o[k]; }
  clear() { for (const k in this.o) delete this.o[k]; }
  values() { return Object.keys(this.o).map((k) => entry(this.o, k)).values(); }
}

/** `member`: the evaluator's attribute read; `minor`: python's 3.x release; `here`: where dir() is called at the module's top, its dunders (without their underscores) and the names it bound. */
export function attrBuiltins(member: (o: V, k: V) => V, typeName: (v: V) => string, minor: number, here: () => false | [string, string[]]) {
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
      if (!mine(o) || /^__.*__$/.test(k)) throw new Unsupported(f);
      return none();
    }
  };
  // object's attributes, and those every class of the program's adds (3.11 on: __getstate__; 3.13 on: where it starts and what self.x it sets)
  const dunders = (s: string) => s.split(' ').map((k) => `__${k}__`);
  const base = dunders(`class delattr dir doc eq format ge getattribute ${minor > 10 ? 'getstate ' : ''}gt hash init init_subclass le lt ne new reduce reduce_ex repr setattr sizeof str subclasshook dict module weakref${minor > 12 ? ' firstlineno static_attributes' : ''}`);
  return {
    getattr: (...a: V[]) => (a.length > 2 ? read(a[0], a[1], 'getattr', () => a[2]) : (named(a[1], 'getattr'), member(a[0], a[1]))),
    // (Own: what no attribute holds)
    hasattr: (o: V, k: V) => read(o, k, 'hasattr', () => Own) !== Own,
    setattr: (o: V, k: V, v: V) => {
      named(k, '');
      if (!mine(o)) throw new Unsupported('setattr');
      (o[PYD] ?? o)[k] = v;
      return null;
    },
    vars: (...a: V[]) => {
      const o = a[0];
      if (o?.[PYCLS]) return Object.assign(new Dict(), { m: new Own(o) });
      if (a.length && (o == null || /^(int|float|bool|str|list|tuple|dict)$/.test(typeName(o)))) throw new Thrown('TypeError', 'vars() argument must have __dict__ attribute');
      throw new Unsupported('vars');
    },
    dir: (...a: V[]) => {
      const o = a[0], top = a.length ? undefined : here();
      if (top) return [...dunders(top[0]), ...top[1]].sort();
      if (!mine(o)) throw new Unsupported('dir');
      const names = new Set([...base, ...Object.keys(o[PYD] ? {} : o)]);
      for (let c = o[PYCLS] ?? o; c; c = c.base) Object.keys(c[PYD]).forEach((k) => k !== '__name__' && names.add(k));
      return [...names].sort();
    },
  };
}
