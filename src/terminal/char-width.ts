/**
 * How many cells xterm.js gives a character with its default Unicode 6 widths (the page loads
 * no other): 2 for CJK and fullwidth forms, 0 for combining marks and invisible format
 * characters, 1 for the rest (emoji included). The line editor must count as the emulator
 * draws, or a redrawn line leaves stale characters behind.
 */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x300) return c < 0x20 || (c >= 0x7f && c < 0xa0) ? 0 : 1;
  if (/[\p{Mn}\p{Me}\u200b-\u200f\u202a-\u202e\u2060-\u2063\ufeff]/u.test(ch)) return 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    c === 0x2329 ||
    c === 0x232a ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe10 && c <= 0xfe19) ||
    (c >= 0xfe30 && c <= 0xfe6f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x2fffd) ||
    (c >= 0x30000 && c <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Cells a plain string takes on one row. */
export function cells(s: string): number {
  let n = 0;
  for (const ch of s) n += charWidth(ch);
  return n;
}

/**
 * Where the cursor ends after drawing `s` from the start of a row `cols` wide, as the emulator
 * wraps it: a wide character that does not fit in the last column goes whole to the next row.
 * `next` is what will be drawn there: the cursor is shown where it goes, so a full row (or a
 * wide character with one cell left) puts it at the start of the next row. Without `next`, a
 * full row gives `col === cols` (the emulator's pending wrap).
 */
export function place(s: string, cols: number, next: string | null = ' '): { row: number; col: number } {
  let row = 0;
  let col = 0;
  const step = (w: number) => {
    if (col + w > cols) {
      row++;
      col = 0;
    }
    col += w;
  };
  for (const ch of s) {
    const w = charWidth(ch);
    if (w > 0) step(w);
  }
  if (next === null) return { row, col };
  const following = [...next].find((ch) => charWidth(ch) > 0);
  if (col + (following ? charWidth(following) : 1) > cols) {
    row++;
    col = 0;
  }
  return { row, col };
}
