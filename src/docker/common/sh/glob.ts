/** Shell patterns: pathname expansion, `case`, `${x#pat}`, `[[ x == pat ]]`. */

/** A glob pattern (`*`, `?`, `[a-z]`, `[!x]`; `\\x` is x itself) as a regular expression. */
export function globRe(p: string): RegExp {
  let re = '';
  for (let k = 0; k < p.length; k++) {
    const c = p[k];
    const close = c === '[' ? p.indexOf(']', k + 2) : -1;
    if (c === '\\' && k + 1 < p.length) re += p[++k].replace(/[.+^$?*{}()|[\]\\/-]/g, '\\$&');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (close > 0) {
      const set = p.slice(k + 1, close);
      const neg = /^[!^]/.test(set);
      re += '[' + (neg ? '^' : '') + set.slice(+neg).replace(/[\\\]^[]/g, '\\$&') + ']';
      k = close;
    } else re += c.replace(/[.+^$?*{}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp('^' + re + '$', 's');
}
