/**
 * A comprehension is a function of its own whose first iterable alone is read in the enclosing
 * scope: CPython's compiler refuses a `yield` anywhere else in it, before anything runs.
 */
type Tok = { v: string; p: number };
const KIND: Record<string, string> = { '[': 'list comprehension', '(': 'generator expression', '{': 'set comprehension' };

/** The first `yield` of a line's tokens inside a comprehension: its kind, its bracket's offset, and where the yield starts and ends. */
export function yieldInComprehension(t: Tok[]): [kind: string, bracket: number, from: number, to: number] | undefined {
  // each token's innermost open bracket, and each bracket's own tokens (not those of brackets inside it)
  const up: number[] = [], own = new Map<number, number[]>(), stack: number[] = [];
  t.forEach(({ v }, j) => {
    if (')]}'.includes(v)) stack.pop();
    up[j] = stack[stack.length - 1] ?? -1;
    own.get(up[j])?.push(j);
    if ('([{'.includes(v)) stack.push(j), own.set(j, []);
  });
  for (let j = 0; j < t.length; j++) {
    if (t[j].v !== 'yield') continue;
    for (let c = j, a = up[j]; a >= 0; c = a, a = up[a]) {
      const mine = own.get(a)!, at = (w: string, from = 0) => mine.findIndex((k, x) => x >= from && t[k].v === w);
      const f = at('for');
      // (a lambda in it is a function of its own, where a yield is allowed)
      if (mine.some((k) => k < c && t[k].v === 'lambda')) break;
      if (f < 0) continue;
      const i = at('in', f), stop = mine.findIndex((k, x) => x > i && /^(for|if)$/.test(t[k].v));
      if (i >= 0 && c > mine[i] && (stop < 0 || c < mine[stop])) continue;
      // (the yield goes on to the bracket that closes around it)
      let e = j + 1;
      for (let d = 0; e < t.length && (d || !')]}'.includes(t[e].v)); e++) d += '([{'.includes(t[e].v) ? 1 : ')]}'.includes(t[e].v) ? -1 : 0;
      const kind = t[a].v === '{' && mine.slice(0, f).some((k) => t[k].v === ':') ? 'dict comprehension' : KIND[t[a].v];
      return [kind, t[a].p, t[j].p, t[e - 1].p + t[e - 1].v.length];
    }
  }
  return undefined;
}
