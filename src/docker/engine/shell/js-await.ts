/**
 * The body of an async function for the evaluator, which runs statements from their text: a
 * generator that stops at each `await` with the value awaited, and goes on with what it settles
 * to. Blocks, ifs, loops and try go statement by statement; a statement (or a head) that awaits
 * is run again from its start after each await, its expression's parts already evaluated
 * answering from a tape (see taped), so each runs once and in node's order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;
type Run = Generator<V, V, V>;

const lf = (s: string) => s.split('\n').length - 1;
const TEMP = '$await$';

/**
 * What the parts of the statement running (evaluated in the order they started) gave: each
 * done one's value and where the tape stood after it; none outside a statement that awaits.
 */
interface Tape { v: ([V, number] | undefined)[]; at: number }
let tape: Tape | undefined;
/** An await reached: the value it waits for, and its place on the tape. */
class Suspend {
  constructor(public v: V, public k: number, public end: number) {}
}
/** `f` run at most once per statement: again when the statement runs again, its first value. */
export const taped = <F extends (...a: V[]) => V>(f: F): F => ((...a: V[]) => {
  const t = tape;
  if (!t) return f(...a);
  const k = t.at++, done = t.v[k];
  if (done) return (t.at = done[1]), done[0];
  const v = f(...a);
  t.v[k] = [v, t.at];
  return v;
}) as F;
const MEMO = Symbol('memo');
/** A part of an expression parsed while a statement awaits: taped, with its way to be called as a method. */
export const memo = <F extends ((s: V) => V) & { ref?: (s: V) => V }>(e: F): F => (!tape || (e as V)[MEMO] ? e : Object.assign(taped(e), e, { ref: e.ref && taped(e.ref), [MEMO]: 1 }));
/** `await x`: what x settles to, once the statement that runs it is run again (outside an async function's statement: refused). */
export const awaitOf = <S>(x: (s: S) => V, no: (what: string) => never) => (s: S): V => {
  const t = tape ?? no('await');
  const k = t.at++, done = t.v[k];
  if (done) return (t.at = done[1]), done[0];
  const v = x(s);
  throw new Suspend(v, k, t.at);
};
/** `f` with no statement's tape: a function's body runs its own statements. */
export const untaped = <T>(f: () => T): T => {
  const was = tape;
  tape = undefined;
  try {
    return f();
  } finally {
    tape = was;
  }
};
/** `f` (a statement or an expression) run until it ends, waiting at each of its awaits. */
function* replay(f: () => V): Run {
  const t: Tape = { v: [], at: 0 };
  for (;;) {
    const was = tape;
    let s: Suspend;
    try {
      tape = t;
      t.at = 0;
      return f();
    } catch (e) {
      if (!(e instanceof Suspend)) throw e;
      s = e;
    } finally {
      tape = was;
    }
    t.v[s.k] = [yield s.v, s.end];
  }
}

/**
 * `exec` runs statements, `evalIn` an expression;
 * `statements`, `body`, `tryParts`, `close` and `after` read the text as the evaluator does;
 * `caught` is a catch's value of what was thrown (what is no exception of the program's goes on
 * up); `jump` says an unlabeled break or continue; `at` sets the statement the program is at
 * (for the line of its errors); `no` refuses.
 */
export function awaits(
  exec: (src: string, sc: V, line: number) => V, evalIn: (src: string, sc: V) => V, statements: (src: string) => [string, number][],
  body: (s: string) => [string, string], tryParts: (t: string) => [string, string | undefined, string | undefined, string | undefined, string], close: (s: string, at: number) => number, after: (s: string) => string,
  caught: (j: unknown) => V, jump: (j: unknown) => string | undefined, at: (line: number, text: string) => void, no: (what: string) => never,
) {
  // (a template literal's `${…}` may await)
  const awaiting = (s: string) => /(?<![\w$.])await\b/.test(s.replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, ''));
  const inner = (sc: V) => ({ vars: new Map(), up: sc });
  /** A variable `name` of `sc` bound to `v` as a declaration's pattern (`const {a} = …`) would bind it. */
  const bind = (kind: string, pat: string, sc: V, v: V) => {
    sc.vars.set(TEMP, v);
    exec(`${kind} ${pat} = ${TEMP}`, sc, 1);
    sc.vars.delete(TEMP);
  };
  /** Statements, each run at once unless it awaits; the value of the last (a REPL shows it). */
  function* run(src: string, sc: V, base: number): Run {
    const fn = /^(async\s+)?function\s+[\w$]/;
    // (what follows a function's body on its line is a statement of its own)
    const all = statements(src).flatMap(([x, n]): [string, number][] => {
      const t = x.trim(), rest = fn.test(t) ? body(t.slice(close(t, t.indexOf('(')) + 1))[1] : '';
      return rest ? [[t.slice(0, -rest.length), n], [rest, n + lf(t.slice(0, -rest.length))]] : [[t, n]];
    });
    let v;
    // (function declarations are bound before any statement runs)
    for (const [text, n] of all) if (fn.test(text)) exec(text, sc, base + n - 1);
    for (const [text, n] of all) if (!fn.test(text)) v = yield* one(text.trim(), sc, base + n - 1);
    return v;
  }

  function* one(t: string, sc: V, L: number): Run {
    at(L, t);
    if (!awaiting(t)) return exec(t, sc, L);
    const kw = /^(if|for|while|try|do|switch)\b/.exec(t)?.[1];
    const on = (x: string) => L + lf(t.slice(0, t.length - x.length));
    if (t[0] === '{') {
      const [code, rest] = body(t);
      yield* run(code, inner(sc), L);
      if (rest) yield* run(rest, sc, on(rest));
      return;
    }
    if (kw === 'try') {
      const [code, param, handler, fin, rest] = tryParts(t);
      const line = (x: string) => L + lf(t.slice(0, t.lastIndexOf(x)));
      try {
        yield* run(code, inner(sc), line(code));
      } catch (j) {
        if (handler === undefined) throw j;
        const v = caught(j), s2 = inner(sc);
        if (param) bind('let', param, s2, v);
        yield* run(handler, s2, line(handler));
      } finally {
        if (fin !== undefined) yield* run(fin, inner(sc), line(fin));
      }
      if (rest) yield* run(rest, sc, on(rest));
      return;
    }
    if (kw === 'if' || kw === 'while' || kw === 'for' || kw === 'do') {
      const wait = kw === 'for' && /^for\s+await\b/.test(t);
      const open = t.indexOf('('), end = close(t, open);
      // (a do's test follows its body: `do BODY while (TEST)`)
      const [code, rest] = kw === 'do' ? body(t.slice(2)) : body(t.slice(end + 1));
      const head = kw === 'do' ? /^while\s*\(([^]*)\)$/.exec(rest)?.[1] ?? no('do') : t.slice(open + 1, end);
      /** An expression of the head, run where the loop is (a test: again each round). */
      const test = function* (x: string, s2: V): Run {
        const v = yield* replay(() => evalIn(x, s2));
        at(L, t);
        return v;
      };
      const from = L + lf(t.slice(0, t.indexOf(code)));
      let more = kw === 'do' ? '' : rest;
      /** One round of a loop; true when a `break` ends the loop. */
      const round = function* (s2: V): Generator<V, boolean, V> {
        try {
          yield* run(code, s2, from);
        } catch (j) {
          const k = jump(j);
          if (!k) throw j;
          return k === 'break';
        }
        return false;
      };
      let n = 0;
      const count = () => { if (++n > 100000) no('a loop of over 100000 rounds'); return true; };
      if (kw === 'if') {
        const other = /^else\b/.test(rest);
        if (yield* test(head, sc)) (yield* run(code, inner(sc), from), (more = other ? after(rest.slice(4)) : rest));
        else if (other) (yield* run(rest.slice(4), sc, on(rest)), (more = ''));
      } else {
        const of = kw === 'for' && /^(const|let|var)\s+([\w$\xc0-\u024f]+|[[{][^]*[\]}])\s+(of|in)\s+(.+)$/s.exec(head);
        const own2 = inner(sc);
        if (of) {
          const from = yield* test(of[4], sc);
          const items = [...(of[3] === 'of' ? from : Object.keys(from))];
          for (let x of items) {
            count();
            if (wait) x = yield x;
            const s2 = inner(own2);
            bind(of[1], of[2], s2, x);
            if (yield* round(s2)) break;
          }
        } else {
          if (wait) no('for await');
          // (a while is a for with no init and no step)
          const [init, cond, step = ''] = kw === 'for' ? head.split(';') : ['', head];
          let first = kw === 'do';
          if (init.trim()) yield* replay(() => exec(init, own2, L));
          // (a `let` of the head is each round's own: a closure keeps that round's value)
          let it = own2;
          const fresh = () => /^\s*let\b/.test(init) && (it = { ...it, vars: new Map(it.vars) });
          while (count() && (first || !cond.trim() || (yield* test(cond, it)))) {
            first = false;
            if (yield* round(inner(it))) break;
            fresh();
            if (step.trim()) yield* replay(() => exec(step, it, L));
          }
        }
      }
      if (more) yield* run(more, sc, on(more));
      return;
    }
    // (a statement that holds others is run again only by its parts)
    if (kw || /^[\w$]+\s*:(?!:)/.test(t)) no((kw ?? 'label') + ' with await');
    return yield* replay(() => exec(t, sc, L));
  }
  return run;
}

/**
 * Where a program (its tokens) awaits outside any function: the top-level await that makes node
 * 20.19 and 22 run it as an ES module (-1: none), and whether it is inside brackets (where V8,
 * reading a script, takes it for a name and fails otherwise). A `{` is a function's body after
 * `=>` or after the parameters of a name (a function, a method); an arrow's expression body ends
 * at a comma or semicolon of its own depth, at a bracket that closes around it, or at a line
 * whose first token no expression goes on with (a name, a number, a string).
 */
export function topAwait(t: { k: string; v: string; p: number }[], src: string): [number, boolean] {
  const open: boolean[] = [], opened: number[] = [], arrows: number[] = [];
  const pairs = new Map<number, number>();
  for (let k = 0; k < t.length; k++) {
    const { k: kind, v } = t[k], prev = t[k - 1];
    if (/^[ins]$/.test(kind) && prev && src.slice(prev.p, t[k].p).includes('\n')) while (arrows[arrows.length - 1] === open.length) arrows.pop();
    if (kind === 'o' && /^[([{]$/.test(v)) {
      const q = prev?.v === ')' ? t[pairs.get(k - 1)! - 1] : undefined;
      open.push(v === '{' && (prev?.v === '=>' || (q?.k === 'i' && !/^(if|for|while|switch|catch|with)$/.test(q.v))));
      opened.push(k);
    } else if (kind === 'o' && /^[)\]}]$/.test(v)) {
      open.pop();
      pairs.set(k, opened.pop()!);
      while (arrows.length && arrows[arrows.length - 1] > open.length) arrows.pop();
    } else if (v === '=>' && t[k + 1]?.v !== '{') arrows.push(open.length);
    else if (/^[,;]$/.test(v)) while (arrows[arrows.length - 1] === open.length) arrows.pop();
    else if (kind === 'i' && v === 'await' && !arrows.length && !open.includes(true)) return [t[k].p, open.length > 0];
  }
  return [-1, false];
}

/**
 * Where an `await` sits in a function that is not async (-1: nowhere). V8 refuses the whole
 * program for it before running any, whatever the program is run as.
 */
export function strayAwait(t: { k: string; v: string; p: number }[], src: string): number {
  // per open bracket: whether it is an async function's body (null: no function's body)
  const fns: (boolean | null)[] = [], opened: number[] = [], arrows: [number, boolean][] = [];
  const pairs = new Map<number, number>();
  // `async (…) =>` and `async x =>`; `async function* f(`, `async *m(`, `async m(`
  const arrowAsync = (k: number) => t[(t[k - 1]?.v === ')' ? pairs.get(k - 1)! : k - 1) - 1]?.v === 'async';
  const headAsync = (j: number) => {
    if (t[j - 1]?.v === '*') j--;
    if (t[j].v !== 'function' && t[j - 1]?.v === 'function') j--;
    return t[j - 1]?.v === 'async';
  };
  for (let k = 0; k < t.length; k++) {
    const { k: kind, v } = t[k], prev = t[k - 1];
    if (/^[ins]$/.test(kind) && prev && src.slice(prev.p, t[k].p).includes('\n')) while (arrows.length && arrows[arrows.length - 1][0] === fns.length) arrows.pop();
    if (kind === 'o' && /^[([{]$/.test(v)) {
      const j = prev?.v === ')' ? pairs.get(k - 1)! - 1 : -1, q = t[j];
      fns.push(v !== '{' ? null : prev?.v === '=>' ? arrowAsync(k - 1) : q?.k === 'i' && !/^(if|for|while|switch|catch|with|await)$/.test(q.v) ? headAsync(j) : null);
      opened.push(k);
    } else if (kind === 'o' && /^[)\]}]$/.test(v)) {
      fns.pop();
      pairs.set(k, opened.pop()!);
      while (arrows.length && arrows[arrows.length - 1][0] > fns.length) arrows.pop();
    } else if (v === '=>' && t[k + 1]?.v !== '{') arrows.push([fns.length, arrowAsync(k)]);
    else if (/^[,;]$/.test(v)) while (arrows.length && arrows[arrows.length - 1][0] === fns.length) arrows.pop();
    else if (kind === 'i' && v === 'await') {
      const inner = arrows.length ? arrows[arrows.length - 1][1] : fns.filter((f) => f !== null).pop();
      if (inner === false) return t[k].p;
    }
  }
  return -1;
}
