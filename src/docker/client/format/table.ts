/**
 * Go's `text/tabwriter` as docker/cli configures it (minwidth 10, tabwidth 1, padding 3, spaces):
 * every cell but the last of a line is padded to max(10, widest cell + 3).
 */
export function tabwrite(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) {
      widths[i] = Math.max(widths[i] ?? 10, width(row[i]) + 3);
    }
  }
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) {
      line += i < row.length - 1 ? row[i] + ' '.repeat(widths[i] - width(row[i])) : row[i];
    }
    out += line + '\n';
  }
  return out;
}

/** Display width in runes (the client measures with go-runewidth; the text here is narrow). */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** docker/cli `formatter.Ellipsis`: at most `max` runes, the last one `…` when cut. */
export function ellipsis(s: string, max: number): string {
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
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if ((c >= 0x80 && c < 0xa0) || c === 0xfffd || (c >= 0xd800 && c < 0xe000)) out += c < 0x10000 ? '\\u' + c.toString(16).padStart(4, '0') : ch;
    else out += ch;
  }
  return out + '"';
}
