/**
 * `diff [-u] [-U N] [-q] FILE1 FILE2`: GNU diffutils' normal and unified output; busybox's diff
 * knows only the unified one, with bare names in its header.
 */
import { opts } from './opts';
import { lines } from './text';
import { reason } from './fs';
import type { IO, ShellLike } from './types';
import { fullIso } from '../dates';

/** A run of changed lines: a[a..b) became b[c..d). */
type Change = { a: number; b: number; c: number; d: number };

/** The changes of a shortest edit script (a longest common subsequence kept), deletions first. */
function changes(x: string[], y: string[]): Change[] {
  const n = x.length, m = y.length;
  const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: Change[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++, j++;
      continue;
    }
    const c = { a: i, b: i, c: j, d: j };
    while ((i < n || j < m) && !(i < n && j < m && x[i] === y[j])) {
      if (j >= m || (i < n && L[i + 1][j] >= L[i][j + 1])) i++;
      else j++;
    }
    c.b = i;
    c.d = j;
    out.push(c);
  }
  return out;
}

export function diff(args: string[], io: IO, sh: ShellLike): number {
  const o = opts(args, 'UL');
  const bb = io.busybox;
  if (o.rest.length !== 2) {
    io.err(o.rest.length > 2 ? `diff: extra operand '${o.rest[2]}'\ndiff: Try 'diff --help' for more information.\n` : `diff: missing operand after '${o.rest[0] ?? 'diff'}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const text: string[] = [];
  const stamp: string[] = [];
  for (const f of o.rest) {
    try {
      text.push(f === '-' ? io.stdin ?? '' : sh.m.fs.readFile(f, sh.cwd));
      stamp.push(bb ? '' : `\t${fullIso(f === '-' ? sh.m.now() : (sh.m.fs.resolve(f, sh.cwd).node as { mtime: number }).mtime)}`);
    } catch (e) {
      io.err(bb ? `diff: can't stat '${f}': ${reason(e)}\n` : `diff: ${f}: ${reason(e)}\n`);
      return 2;
    }
  }
  const [x, y] = text.map(lines);
  const all = changes(x, y);
  if (!all.length) return 0;
  if (o.flags.has('q')) return io.out(`Files ${o.rest[0]} and ${o.rest[1]} differ\n`), 1;
  const put = (from: string[], s: number, e: number, mark: string) => from.slice(s, e).map((l) => mark + l + '\n').join('');
  let out = '';
  if (!bb && !o.flags.has('u') && !o.values.U) {
    const r = (s: number, e: number) => (e - s > 1 ? `${s + 1},${e}` : `${e}`);
    for (const c of all) {
      out += c.a === c.b ? `${c.a}a${r(c.c, c.d)}\n` : c.c === c.d ? `${r(c.a, c.b)}d${c.c}\n` : `${r(c.a, c.b)}c${r(c.c, c.d)}\n`;
      out += put(x, c.a, c.b, '< ') + (c.a < c.b && c.c < c.d ? '---\n' : '') + put(y, c.c, c.d, '> ');
    }
  } else {
    const ctx = +(o.values.U ?? 3);
    const r = (s: number, e: number) => (e - s === 1 ? `${e}` : `${e - s ? s + 1 : s},${e - s}`);
    out = `--- ${o.rest[0]}${stamp[0]}\n+++ ${o.rest[1]}${stamp[1]}\n`;
    for (let k = 0; k < all.length;) {
      // changes closer than twice the context share a hunk
      let e = k;
      while (e + 1 < all.length && all[e + 1].a - all[e].b <= 2 * ctx) e++;
      const lo = Math.max(0, all[k].a - ctx), hi = Math.min(x.length, all[e].b + ctx);
      const lc = all[k].c - (all[k].a - lo);
      out += `@@ -${r(lo, hi)} +${r(lc, all[e].d + hi - all[e].b)} @@\n`;
      let at = lo;
      for (; k <= e; k++) {
        const c = all[k];
        out += put(x, at, c.a, ' ') + put(x, c.a, c.b, '-') + put(y, c.c, c.d, '+');
        at = c.b;
      }
      out += put(x, at, hi, ' ');
    }
  }
  io.out(out);
  return 1;
}
