/**
 * bash's history expansion of a line typed at an interactive prompt: `!!`, `!N`, `!-N`, `!$` and
 * `!prefix`. Single quotes and a backslash protect a `!`, as do a blank, `=` or (inside double
 * quotes) `"` after it; inside double quotes it still expands (`"#!/bin/x"` is an event). Returns the line unchanged, the expanded line, or the missing event as
 * `[event]`.
 */
export function bang(line: string, hist: string[]): string | [string] {
  let out = '';
  let dq = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' || (c === "'" && !dq)) {
      const end = c === '\\' ? i + 1 : line.indexOf("'", i + 1);
      if (end < 0) return out + line.slice(i);
      out += line.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '"') dq = !dq;
    // bash leaves `$!`, `${!name}` and a `[!…]` pattern alone
    const m = c === '!' && !/^[\s=]|^$/.test(line.slice(i + 1)) && !(dq && line[i + 1] === '"') && !/(\$|\[|\$\{)$/.test(line.slice(0, i)) ? /^!(!|\$|-?\d+|[^\s;&|<>()"'`:]+)/.exec(line.slice(i)) : null;
    if (!m) {
      out += c;
      continue;
    }
    const w = m[1];
    const n = /^-?\d+$/.test(w) ? Number(w) : 0;
    const e = w === '!' || w === '$' ? hist.at(-1) : n ? hist[n < 0 ? hist.length + n : n - 1] : [...hist].reverse().find((l) => l.startsWith(w));
    if (e === undefined) return [m[0]];
    out += w === '$' ? /[^\s<>;&|]+$|[<>;&|]*$/.exec(e.trimEnd())![0] : e;
    i += m[0].length - 1;
  }
  return out;
}
