/** python's "Did you mean" (3.10 on): the name nearest a mistyped one, as CPython's traceback module finds it. */

/** Edit distance where a change of case costs half of any other step; over `max`: max + 1. */
function distance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  [a, b] = [a.slice(s, a.length - e), b.slice(s, b.length - e)];
  if (!a || !b) return (a.length + b.length) * 2;
  if (a.length > 40 || b.length > 40) return max + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * 2 > max) return max + 1;
  const row = Array.from(a, (_, i) => (i + 1) * 2);
  let result = 0;
  for (let j = 0; j < b.length; j++) {
    let d = (result = j * 2), min = Infinity;
    for (let i = 0; i < a.length; i++) {
      const sub = d + (b[j] === a[i] ? 0 : b[j].toLowerCase() === a[i].toLowerCase() ? 1 : 2);
      d = row[i];
      result = row[i] = Math.min(Math.min(result, d) + 2, sub);
      min = Math.min(min, result);
    }
    if (min > max) return max + 1;
  }
  return result;
}

/** The first of `names` nearest `wrong`, when no more than a third of their letters need a change. */
export function nearest(wrong: string, names: Iterable<string>): string | undefined {
  if (wrong.length > 40) return undefined;
  let best = wrong.length, hit: string | undefined;
  for (const n of names) {
    if (n === wrong) continue;
    const max = Math.min(Math.floor(((n.length + wrong.length + 3) * 2) / 6), best - 1);
    const d = distance(wrong, n, max);
    if (d <= max && (!hit || d < best)) [hit, best] = [n, d];
  }
  return hit;
}

/** The end of the traceback's last line: `. Did you mean: 'x'?` */
export const meant = (x: string | undefined) => (x === undefined ? '' : `. Did you mean: '${x}'?`);
