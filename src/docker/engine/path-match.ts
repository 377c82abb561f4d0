/** Patterns as Go's path.Match reads them: `docker images reference=` filters and COPY/ADD sources. */

/** Go's `path.Match`: `*` and `?` never cross a `/`; `[...]` classes with `^` negation; `\\` escapes. */
export function pathMatch(pattern: string): RegExp {
  let unclosed = false;
  const src = pattern.replace(/\\([^])|\[([^][^\]]*)\]|[^]/g, (ch, escaped?: string, set?: string) => {
    if (escaped !== undefined) return esc(escaped);
    if (set !== undefined) return set[0] === '^' ? `[^/${esc(set.slice(1), /[\]\\^]/g)}]` : `[${esc(set, /[\]\\^]/g)}]`;
    if (ch === '[') unclosed = true;
    return ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : esc(ch);
  });
  return unclosed ? /(?!)/ : new RegExp('^' + src + '$');
}

function esc(text: string, special = /[.*+?^${}()|[\]\\/-]/g): string {
  return text.replace(special, '\\$&');
}
