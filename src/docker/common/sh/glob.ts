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

/**
 * `${x/pat/rep}` and its `//` (every match), `/#` (at the start), `/%` (at the end), the longest
 * match each time; bash 5.2 puts the match where `rep` has a bare `&` (`amp`). bash's `${x^pat}`
 * `^^` `,` `,,` change the case of the first (or every) character `pat` matches, any by default.
 */
export function rewrite(v: string, op: string, pat: string, rep: string, amp: boolean): string {
  if (op[0] !== '/') {
    const re = globRe(pat || '?');
    return [...v].map((c, k) => ((k && !op[1]) || !re.test(c) ? c : op[0] === '^' ? c.toUpperCase() : c.toLowerCase())).join('');
  }
  const src = globRe(pat).source.slice(1, -1);
  const re = new RegExp(op === '/#' ? `^(?:${src})` : op === '/%' ? `(?:${src})$` : src, op === '//' ? 'gs' : 's');
  return !pat && !/[#%]/.test(op) ? v : v.replace(re, (m) => (amp ? rep.replace(/\\?&/g, (a) => (a[1] ? '&' : m)) : rep));
}
