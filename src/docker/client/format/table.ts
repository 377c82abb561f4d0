/**
 * Go's `text/tabwriter` as docker/cli configures it (minwidth 10, tabwidth 1, padding 3, spaces):
 * every cell but the last of a line is padded to max(10, widest cell + 3).
 */
export function tabwrite(rows: string[][]): string {
  const widths: number[] = [];
  // the last cell of a line is never padded, so its width is never needed
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) {
      const w = width(row[i]) + 3;
      if (w > (widths[i] ?? 10)) widths[i] = w;
      else widths[i] ??= 10;
    }
  }
  let out = '';
  for (const row of rows) {
    const last = row.length - 1;
    for (let i = 0; i < last; i++) out += row[i] + ' '.repeat(widths[i] - width(row[i]));
    out += row[last] + '\n';
  }
  return out;
}

const LOW_SURROGATE = /[\udc00-\udfff]/;

/** Width in runes: Go's text/tabwriter gives every character the same width. */
function width(s: string): number {
  if (!LOW_SURROGATE.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

/** docker/cli `formatter.Ellipsis`: at most `max` runes, the last one `…` when cut. */
export function ellipsis(s: string, max: number): string {
  if (s.length <= max) return s;
  if (!/[\ud800-\udfff]/.test(s)) return max <= 0 ? '' : s.slice(0, max - 1) + '…';
  const rs = Array.from(s);
  if (rs.length <= max) return s;
  if (max <= 0) return '';
  return rs.slice(0, max - 1).join('') + '…';
}

/** Go's `strconv.Quote`. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const escape = '\x07\b\f\n\r\t\v'.indexOf(ch);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (escape >= 0) out += '\\' + 'abfnrtv'[escape];
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    // C1 controls, the replacement character and lone surrogates
    else if (c < 0xa0 || c === 0xfffd || (c >= 0xd800 && c < 0xe000)) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
