/**
 * `ls` on a terminal: names down the columns, as few rows as fit the width, two spaces between
 * columns. Shared by the host's ls and the containers' ls.
 */

/**
 * `exactGnu` is the containers' GNU ls: it only tries the row counts that some column count gives
 * (rows = ceil(n / cols)), and at most width / 3 columns. Without it (the host's ls) every row
 * count from 1 up is tried.
 */
export function columns(names: string[], width: number, exactGnu = false): string {
  const n = names.length;
  for (let rows = 1; rows <= n; rows++) {
    const cols = Math.ceil(n / rows);
    if (exactGnu && (cols > Math.max(1, Math.floor(width / 3)) || Math.ceil(n / cols) !== rows)) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(...names.slice(c * rows, c * rows + rows).map((s) => s.length)));
    if (widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1) > width && rows < n) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const s = names[c * rows + r];
        if (s === undefined) continue;
        const last = c === cols - 1 || names[(c + 1) * rows + r] === undefined;
        line += last ? s : s.padEnd(widths[c] + 2);
      }
      out += line + '\n';
    }
    return out;
  }
  return '';
}

/**
 * busybox ls on a terminal: every column as wide as the longest name plus two, as many columns
 * as that width allows, filled down the rows.
 */
export function uniformColumns(names: string[], width: number): string {
  const w = Math.max(...names.map((s) => s.length)) + 2;
  const cols = Math.max(1, Math.floor(width / w));
  const rows = Math.ceil(names.length / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) if (c * rows + r < names.length) row.push(names[c * rows + r]);
    out += row.map((s, i) => (i < row.length - 1 ? s.padEnd(w) : s)).join('') + '\n';
  }
  return out;
}
