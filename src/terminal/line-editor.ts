import { charWidth, place } from './char-width';

/**
 * A bash-like line: the text being typed, the cursor in it, and browsing a shared history.
 * Pure state, no terminal; `LineView` turns it into escape sequences.
 */
export class LineEditor {
  text = '';
  cursor = 0;
  /** What Ctrl+Y inserts; kept from line to line, as readline's kill ring. */
  killed = '';
  private killing = false;
  private historyIndex: number;
  private draft = '';

  constructor(private lines: string[]) {
    this.historyIndex = lines.length;
  }

  /** The history Up/Down and Ctrl+R browse: that of the shell reading the line. */
  get history(): readonly string[] {
    return this.lines;
  }

  useHistory(lines: string[]): void {
    this.lines = lines;
    this.historyIndex = lines.length;
  }

  reset(): void {
    this.text = '';
    this.cursor = 0;
    this.historyIndex = this.lines.length;
    this.draft = '';
  }

  set(text: string, cursor = text.length): void {
    this.text = text;
    this.cursor = Math.max(0, Math.min(cursor, text.length));
  }

  insert(s: string): void {
    this.killing = false;
    this.text = this.text.slice(0, this.cursor) + s + this.text.slice(this.cursor);
    this.cursor += s.length;
  }

  left(): void {
    if (this.cursor > 0) this.cursor -= this.charBefore(this.cursor).length;
  }

  right(): void {
    if (this.cursor < this.text.length) this.cursor += this.charAt(this.cursor).length;
  }

  home(): void {
    this.cursor = 0;
  }

  end(): void {
    this.cursor = this.text.length;
  }

  backspace(): void {
    if (this.cursor === 0) return;
    const n = this.charBefore(this.cursor).length;
    this.text = this.text.slice(0, this.cursor - n) + this.text.slice(this.cursor);
    this.cursor -= n;
  }

  delete(): void {
    if (this.cursor >= this.text.length) return;
    const n = this.charAt(this.cursor).length;
    this.text = this.text.slice(0, this.cursor) + this.text.slice(this.cursor + n);
  }

  /** Ctrl+U: bash deletes from the start of the line to the cursor. */
  killToStart(): void {
    this.kill(0, this.cursor, true);
  }

  /** Ctrl+K */
  killToEnd(): void {
    this.kill(this.cursor, this.text.length, false);
  }

  /** Ctrl+W: the whitespace-delimited word before the cursor, as bash's unix-word-rubout. */
  killWordBack(): void {
    let i = this.cursor;
    while (i > 0 && this.text[i - 1] === ' ') i--;
    while (i > 0 && this.text[i - 1] !== ' ') i--;
    this.kill(i, this.cursor, true);
  }

  /** Alt+Backspace: readline's backward-kill-word, back to the start of a word of letters and digits. */
  killAlnumWordBack(): void {
    const end = this.cursor;
    this.wordLeft();
    this.kill(this.cursor, end, true);
  }

  /** Alt+D: readline's kill-word, up to the end of the next word. */
  killWord(): void {
    const start = this.cursor;
    this.wordRight();
    this.kill(start, this.cursor, false);
  }

  /** Ctrl+Y: puts back what the last kills took. */
  yank(): void {
    this.insert(this.killed);
  }

  /**
   * Takes text[from, to) out of the line into the kill buffer. Kills in a row add up, as in
   * readline (Ctrl+W Ctrl+W then Ctrl+Y gives both words back): forwards at the end, backwards
   * at the front.
   */
  private kill(from: number, to: number, backwards: boolean): void {
    const s = this.text.slice(from, to);
    // nothing to kill keeps the last kill (rl_kill_text with from == to)
    if (!s) return void (this.killing = true);
    if (!this.killing) this.killed = s;
    else this.killed = backwards ? s + this.killed : this.killed + s;
    this.killing = true;
    this.text = this.text.slice(0, from) + this.text.slice(to);
    this.cursor = from;
  }

  /** A key that is not a kill ends a run of kills. */
  endKill(): void {
    this.killing = false;
  }

  /** Alt+B: back to the start of a word. */
  wordLeft(): void {
    let i = this.cursor;
    while (i > 0 && !isWordChar(this.text[i - 1])) i--;
    while (i > 0 && isWordChar(this.text[i - 1])) i--;
    this.cursor = i;
  }

  /** Alt+F: on to the end of a word. */
  wordRight(): void {
    let i = this.cursor;
    while (i < this.text.length && !isWordChar(this.text[i])) i++;
    while (i < this.text.length && isWordChar(this.text[i])) i++;
    this.cursor = i;
  }

  historyPrev(): void {
    if (this.historyIndex === 0) return;
    if (this.historyIndex === this.lines.length) this.draft = this.text;
    this.historyIndex--;
    this.set(this.lines[this.historyIndex]);
  }

  historyNext(): void {
    if (this.historyIndex >= this.lines.length) return;
    this.historyIndex++;
    this.set(this.historyIndex === this.lines.length ? this.draft : this.lines[this.historyIndex]);
  }

  /** Replaces text[start, cursor) by `word` (completion). */
  replaceWord(start: number, word: string): void {
    this.text = this.text.slice(0, start) + word + this.text.slice(this.cursor);
    this.cursor = start + word.length;
  }

  /** The character at `i` with the combining marks after it: readline moves over them as one. */
  private charAt(i: number): string {
    let j = i + String.fromCodePoint(this.text.codePointAt(i)!).length;
    while (j < this.text.length && isMark(this.text, j)) j += String.fromCodePoint(this.text.codePointAt(j)!).length;
    return this.text.slice(i, j);
  }

  private charBefore(i: number): string {
    let j = i;
    do {
      const code = this.text.charCodeAt(j - 1);
      j -= code >= 0xdc00 && code <= 0xdfff && j >= 2 ? 2 : 1;
    } while (j > 0 && isMark(this.text, j));
    return this.text.slice(j, i);
  }
}

/** A combining mark (or other zero-width character) at s[i]: it belongs to the character before. */
function isMark(s: string, i: number): boolean {
  const c = s.codePointAt(i)!;
  return c >= 0x300 && charWidth(String.fromCodePoint(c)) === 0;
}

/** readline's word characters for Alt+B/F/D: letters and digits only (`_` and `-` separate words). */
function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c);
}

/**
 * Draws the prompt and the line, and keeps track of where the cursor is relative to the line's
 * first row, so that a line wrapped over several rows is redrawn in place.
 */
export class LineView {
  private cursorRow = 0;
  /** The last render ended exactly at the right edge and moved on to the next row. */
  private endWrapped = false;

  /** Escape sequences that redraw the line with the cursor at `cursor` and an optional dim hint after it. */
  render(prompt: string, text: string, cursor: number, cols: number, hint = ''): string {
    let s = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A\r` : '\r';
    s += '\x1b[J' + prompt + text;
    if (hint) s += `\x1b[2m${hint}\x1b[22m`;
    const whole = prompt + text + hint;
    const end = place(whole, cols);
    // A line that fills its last row exactly leaves the cursor pending at the right edge; printing
    // one more cell and returning puts it on the next row, where all arithmetic below expects it.
    this.endWrapped = place(whole, cols, null).col === cols;
    if (this.endWrapped) s += ' \r\x1b[K';
    const at = place(prompt + text.slice(0, cursor), cols, text.slice(cursor) + hint);
    if (end.row > at.row) s += `\x1b[${end.row - at.row}A`;
    s += '\r';
    if (at.col > 0) s += `\x1b[${at.col}C`;
    this.cursorRow = at.row;
    return s;
  }

  /** Redraws the line without hint, leaves the cursor at the start of the row below it. */
  finish(prompt: string, text: string, cols: number): string {
    const s = this.render(prompt, text, text.length, cols);
    this.cursorRow = 0;
    return this.endWrapped ? s : s + '\r\n';
  }

  /** The line was abandoned (output or a new prompt follows on fresh rows). */
  forget(): void {
    this.cursorRow = 0;
  }
}
