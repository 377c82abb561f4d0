/**
 * A comprehension is a function of its own whose first iterable alone is read in the enclosing
 * scope: CPython's compiler refuses a `yield` anywhere else in it, before anything runs.
 */
type Tok = { v: string; p: number };

/** The first `yield` of a line's tokens inside a comprehension: its kind, its bracket's offset, and where the yield starts and ends. */
export function yieldInComprehension(t: Tok[]): [kind: string, bracket: number, from: number, to: number] | undefined {
  const v = (k: number) => t[k]?.v ?? ')';
  const d = (k: number) => +'([{'.includes(v(k)) - +')]}'.includes(v(k));
  for (let j = 0; j < t.length; j++) {
    if (v(j) !== 'yield') continue;
    // (it goes on to the bracket that closes around it)
    let e = j + 1;
    for (let n = 0; (n += d(e)) >= 0; e++);
    // each bracket around it, from the innermost: `c` its token (or the bracket) inside `a`
    for (let c = j, a = j; ; c = a) {
      for (let n = 0; a-- > 0 && (n += d(a)) < 1;);
      if (a < 0) break;
      const own: number[] = [];
      for (let k = a + 1, n = 0; n >= 0; k++) (n || own.push(k), (n += d(k)));
      const f = own.find((k) => v(k) === 'for') ?? -1, i = own.find((k) => k > f && v(k) === 'in') ?? 1e9, s = own.find((k) => k > i && /^(for|if)$/.test(v(k))) ?? 1e9;
      // (a lambda in it is a function of its own, where a yield is allowed; the first iterable is read outside)
      if (own.some((k) => k < c && v(k) === 'lambda')) break;
      if (f < 0 || (c > i && c < s)) continue;
      return [v(a) < '[' ? 'generator expression' : `${v(a) < '{' ? 'list' : own.some((k) => k < f && v(k) === ':') ? 'dict' : 'set'} comprehension`, t[a].p, t[j].p, t[e - 1].p + v(e - 1).length];
    }
  }
  return undefined;
}
