/**
 * The body of an async function for the evaluator, which runs statements from their text: a
 * generator that stops at each `await` with the value awaited, and goes on with what it settles
 * to. An await is taken out of its statement while nothing before it in the statement runs code
 * (`const x = await f()`, `console.log(await p)`, `return await p`), in blocks, ifs, loops and
 * try; one elsewhere in an expression (`a() + await b`, a loop's head) is refused.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;
type Run = Generator<V, V, V>;

const lf = (s: string) => s.split('\n').length - 1;
const TEMP = '$await$';

/**
 * `exec` runs statements (no await of the function's own in them), `evalIn` an expression,
 * `operand` reads the operand an await's text starts with (its code and length);
 * `statements`, `body`, `tryParts`, `close`, `after` and `quoted` read the text as the evaluator does;
 * `caught` is a catch's value of what was thrown (what is no exception of the program's goes on
 * up); `jump` says an unlabeled break or continue; `at` sets the statement the program is at
 * (for the line of its errors); `no` refuses.
 */
export function awaits(
  exec: (src: string, sc: V, line: number) => V, evalIn: (src: string, sc: V) => V, operand: (src: string) => [(sc: V) => V, number], statements: (src: string) => [string, number][],
  body: (s: string) => [string, string], tryParts: (t: string) => [string, string | undefined, string | undefined, string | undefined, string], close: (s: string, at: number) => number, after: (s: string) => string, quoted: RegExp,
  caught: (j: unknown) => V, jump: (j: unknown) => string | undefined, at: (line: number, text: string) => void, no: (what: string) => never,
) {
  const blank = (s: string) => s.replace(quoted, (m) => ' '.repeat(m.length));
  /** Where the function's own `await` is in `s` (none: -1); one after an arrow or `function` is an inner function's. */
  const own = (s: string) => {
    const b = blank(s), k = b.search(/(?<![\w$.])await\b/);
    return k < 0 || /=>|\bfunction\b/.test(b.slice(0, k)) ? -1 : k;
  };
  const inner = (sc: V) => ({ vars: new Map(), up: sc });
  /** A variable `name` of `sc` bound to `v` as a declaration's pattern (`const {a} = …`) would bind it. */
  const bind = (kind: string, pat: string, sc: V, v: V) => {
    sc.vars.set(TEMP, v);
    exec(`${kind} ${pat} = ${TEMP}`, sc, 1);
    sc.vars.delete(TEMP);
  };
  /** Statements, each run at once unless it awaits; the value of the last (a REPL shows it). */
  function* run(src: string, sc: V, base: number): Run {
    const all = statements(src);
    const fn = /^(async\s+)?function\s+[\w$]/;
    let v;
    // (function declarations are bound before any statement runs)
    for (const [text, n] of all) if (fn.test(text.trim())) exec(text, sc, base + n - 1);
    for (const [text, n] of all) if (!fn.test(text.trim())) v = yield* one(text.trim(), sc, base + n - 1);
    return v;
  }

  /** Each own await of `s` in turn, its value in a name of its own: `s` with the names, and the names (to delete once run). */
  function* lift(s: string, sc: V, L: number, t: string): Generator<V, [string, string[]], V> {
    const names: string[] = [];
    for (let k; (k = own(s)) >= 0; ) {
      if (!/^(?:(?:const|let|var|return|throw)\s+)?[\w$.\s[\]{},:=(]*$/.test(blank(s.slice(0, k)))) no('await');
      const [e, n] = operand(s.slice(k + 5)), name = TEMP + names.length;
      const v = yield e(sc);
      at(L, t);
      sc.vars.set(name, v);
      names.push(name);
      s = s.slice(0, k) + name + s.slice(k + 5 + n);
    }
    return [s, names];
  }

  function* one(t: string, sc: V, L: number): Run {
    at(L, t);
    const kw = /^(if|for|while|try|do|switch)\b/.exec(t)?.[1];
    // (a block, try, if or loop goes by its statements, whose arrows own none of the others' awaits)
    if (!((t[0] === '{' || /^(if|for|while|try)$/.test(kw ?? '')) && /(?<![\w$.])await\b/.test(blank(t))) && own(t) < 0) return exec(t, sc, L);
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
    if (kw === 'if' || kw === 'while' || kw === 'for') {
      const wait = kw === 'for' && /^for\s+await\b/.test(t);
      const open = t.indexOf('('), end = close(t, open);
      let head = t.slice(open + 1, end), names: string[] = [];
      // (an if's condition is run once: its awaits as a statement's; a loop's head would await each round)
      if (kw === 'if') [head, names] = yield* lift(head, sc, L, t);
      else if (own(head) >= 0) no('await');
      const [code, rest] = body(t.slice(end + 1));
      const from = L + lf(t.slice(0, t.indexOf(code)));
      let more = rest;
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
        const other = /^else\b/.test(rest), yes = evalIn(head, sc);
        for (const x of names) sc.vars.delete(x);
        if (yes) (yield* run(code, inner(sc), from), (more = other ? after(rest.slice(4)) : rest));
        else if (other) (yield* run(rest.slice(4), sc, on(rest)), (more = ''));
      } else {
        const of = kw === 'for' && /^(const|let|var)\s+([\w$\xc0-\u024f]+|[[{][^]*[\]}])\s+(of|in)\s+(.+)$/s.exec(head);
        const own2 = inner(sc);
        if (of) {
          const items = [...(of[3] === 'of' ? evalIn(of[4], sc) : Object.keys(evalIn(of[4], sc)))];
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
          const [init, test, step = ''] = kw === 'for' ? head.split(';') : ['', head];
          if (init.trim()) exec(init, own2, L);
          // (a `let` of the head is each round's own: a closure keeps that round's value)
          let it = own2;
          const fresh = () => /^\s*let\b/.test(init) && (it = { ...it, vars: new Map(it.vars) });
          for (; count() && (!test.trim() || evalIn(test, it)); fresh(), step.trim() && exec(step, it, L)) if (yield* round(inner(it))) break;
        }
      }
      if (more) yield* run(more, sc, on(more));
      return;
    }
    if (kw) no(kw + ' with await');
    const [s, names] = yield* lift(t, sc, L, t);
    try {
      return exec(s, sc, L);
    } finally {
      for (const x of names) sc.vars.delete(x);
    }
  }
  return run;
}
