/**
 * A small terminal screen in memory: enough of VT100/xterm (cursor moves, erase, SGR colours,
 * line wrap) to turn what a command printed on a TTY into the final lines a reader sees. Used for
 * the build's static transcripts and by tests that look at what a terminal shows.
 */

import { charWidth } from './char-width';

export interface CellStyle {
  fg: number; // -1 default, 0..15 palette
  bg: number;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
}

interface Cell {
  ch: string;
  style: CellStyle;
}

const PLAIN: CellStyle = { fg: -1, bg: -1, bold: false, dim: false, italic: false, underline: false, inverse: false };

export class ScreenModel {
  private lines: Cell[][] = [[]];
  private row = 0;
  private col = 0;
  private pendingWrap = false;
  private style: CellStyle = { ...PLAIN };
  private saved = { row: 0, col: 0 };
  private partial = '';

  /** `height`: rows of the visible screen (cursor home and clear work on the last `height` lines). */
  constructor(
    readonly cols: number,
    readonly height = Infinity,
    /** Oldest lines beyond this many are forgotten (a long-lived terminal's scrollback). */
    private readonly maxLines = Infinity,
  ) {}

  write(data: string): void {
    data = this.partial + data;
    this.partial = '';
    let i = 0;
    while (i < data.length) {
      const ch = data[i];
      if (ch === '\x1b') {
        const consumed = this.escape(data, i);
        if (consumed < 0) {
          this.partial = data.slice(i);
          return;
        }
        i += consumed;
        continue;
      }
      i++;
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.lineFeed();
      } else if (ch === '\b') {
        if (this.col > 0) this.col--;
        this.pendingWrap = false;
      } else if (ch === '\t') {
        this.col = Math.min(this.cols - 1, (Math.floor(this.col / 8) + 1) * 8);
      } else if (ch === '\x07' || ch.charCodeAt(0) < 0x20) {
        // bell and other controls draw nothing
      } else {
        let c = ch;
        const code = ch.charCodeAt(0);
        if (code >= 0xd800 && code <= 0xdbff && i < data.length) c += data[i++];
        this.put(c);
      }
    }
  }

  /** Draws one character with xterm.js's widths: a wide one takes two cells, a combining mark none. */
  private put(ch: string): void {
    const w = charWidth(ch);
    if (w === 0 && ch.charCodeAt(0) >= 0x300) {
      const cell = this.line(this.row)[this.pendingWrap ? this.col : this.col - 1];
      if (cell) cell.ch += ch;
      return;
    }
    if (this.pendingWrap || (w === 2 && this.col + 2 > this.cols)) {
      this.col = 0;
      this.lineFeed();
    }
    const line = this.line(this.row);
    while (line.length < this.col) line.push({ ch: ' ', style: PLAIN });
    line[this.col] = { ch, style: { ...this.style } };
    // the second cell of a wide character holds nothing of its own
    if (w === 2) line[this.col + 1] = { ch: '', style: { ...this.style } };
    const last = this.col + Math.max(1, w) - 1;
    if (last >= this.cols - 1) {
      this.col = this.cols - 1;
      this.pendingWrap = true;
    } else this.col = last + 1;
  }

  private lineFeed(): void {
    this.row++;
    this.line(this.row);
    this.pendingWrap = false;
    if (this.lines.length > this.maxLines) {
      const drop = this.lines.length - this.maxLines;
      this.lines.splice(0, drop);
      this.row -= drop;
      this.saved.row = Math.max(0, this.saved.row - drop);
    }
  }

  private line(r: number): Cell[] {
    while (this.lines.length <= r) this.lines.push([]);
    return this.lines[r];
  }

  private get top(): number {
    return Number.isFinite(this.height) ? Math.max(0, this.lines.length - this.height) : 0;
  }

  /** Handles the escape sequence at data[i]; returns its length, or -1 when it is cut short. */
  private escape(data: string, i: number): number {
    if (i + 1 >= data.length) return -1;
    const kind = data[i + 1];
    if (kind === '[') {
      let j = i + 2;
      while (j < data.length && !(data.charCodeAt(j) >= 0x40 && data.charCodeAt(j) <= 0x7e)) j++;
      if (j >= data.length) return -1;
      this.csi(data.slice(i + 2, j), data[j]);
      return j + 1 - i;
    }
    if (kind === ']') {
      // OSC (window title...): up to BEL or ST, ignored
      const bel = data.indexOf('\x07', i);
      const st = data.indexOf('\x1b\\', i);
      const ends = [bel >= 0 ? bel + 1 : -1, st >= 0 ? st + 2 : -1].filter((n) => n > 0);
      if (ends.length === 0) return -1;
      return Math.min(...ends) - i;
    }
    if (kind === '7') this.saved = { row: this.row, col: this.col };
    if (kind === '8') ({ row: this.row, col: this.col } = this.saved);
    if (kind === '(' || kind === ')') return 3;
    return 2;
  }

  private csi(params: string, final: string): void {
    const priv = params.startsWith('?');
    const nums = (priv ? params.slice(1) : params).split(';').map((p) => (p === '' ? NaN : Number(p)));
    const n = (k: number, d: number) => (Number.isFinite(nums[k]) && nums[k] > 0 ? nums[k] : d);
    if (priv) return; // mode switches (cursor visibility, bracketed paste) change nothing drawn
    this.pendingWrap = false;
    switch (final) {
      case 'A':
        this.row = Math.max(this.top, this.row - n(0, 1));
        break;
      case 'B':
      case 'E':
        this.row += n(0, 1);
        this.line(this.row);
        if (final === 'E') this.col = 0;
        break;
      case 'F':
        this.row = Math.max(this.top, this.row - n(0, 1));
        this.col = 0;
        break;
      case 'C':
        this.col = Math.min(this.cols - 1, this.col + n(0, 1));
        break;
      case 'D':
        this.col = Math.max(0, this.col - n(0, 1));
        break;
      case 'G':
        this.col = Math.min(this.cols - 1, n(0, 1) - 1);
        break;
      case 'H':
      case 'f':
        this.row = this.top + n(0, 1) - 1;
        this.line(this.row);
        this.col = Math.min(this.cols - 1, n(1, 1) - 1);
        break;
      case 'K': {
        const line = this.line(this.row);
        const mode = Number.isFinite(nums[0]) ? nums[0] : 0;
        if (mode === 0) line.length = Math.min(line.length, this.col);
        else if (mode === 1) for (let c = 0; c <= this.col && c < line.length; c++) line[c] = { ch: ' ', style: PLAIN };
        else line.length = 0;
        break;
      }
      case 'J': {
        const mode = Number.isFinite(nums[0]) ? nums[0] : 0;
        if (mode === 0) {
          this.line(this.row).length = Math.min(this.line(this.row).length, this.col);
          this.lines.length = this.row + 1;
        } else if (mode === 2 || mode === 3) {
          const top = mode === 3 ? 0 : this.top;
          for (let r = top; r < this.lines.length; r++) this.lines[r] = [];
          if (mode === 3) {
            this.lines = [[]];
            this.row = 0;
            this.col = 0;
          }
        }
        break;
      }
      case 'm':
        this.sgr(params === '' ? [0] : nums.map((x) => (Number.isFinite(x) ? x : 0)));
        break;
      case 's':
        this.saved = { row: this.row, col: this.col };
        break;
      case 'u':
        ({ row: this.row, col: this.col } = this.saved);
        break;
    }
  }

  private sgr(codes: number[]): void {
    const s = { ...this.style };
    for (let k = 0; k < codes.length; k++) {
      const c = codes[k];
      if (c === 0) Object.assign(s, PLAIN);
      else if (c === 1) s.bold = true;
      else if (c === 2) s.dim = true;
      else if (c === 3) s.italic = true;
      else if (c === 4) s.underline = true;
      else if (c === 7) s.inverse = true;
      else if (c === 22) s.bold = s.dim = false;
      else if (c === 23) s.italic = false;
      else if (c === 24) s.underline = false;
      else if (c === 27) s.inverse = false;
      else if (c >= 30 && c <= 37) s.fg = c - 30;
      else if (c >= 90 && c <= 97) s.fg = c - 90 + 8;
      else if (c === 39) s.fg = -1;
      else if (c >= 40 && c <= 47) s.bg = c - 40;
      else if (c >= 100 && c <= 107) s.bg = c - 100 + 8;
      else if (c === 49) s.bg = -1;
      else if (c === 38 || c === 48) {
        // 256-colour and true-colour: keep the 16 base colours, drop the rest
        const mode = codes[k + 1];
        const value = mode === 5 ? codes[k + 2] : -1;
        if (value >= 0 && value < 16) {
          if (c === 38) s.fg = value;
          else s.bg = value;
        }
        k += mode === 5 ? 2 : mode === 2 ? 4 : 1;
      }
    }
    this.style = s;
  }

  /** The lines as plain text, trailing blanks and blank last lines removed. */
  text(): string {
    const out = this.lines.map((l) => l.map((c) => c.ch).join('').replace(/\s+$/, ''));
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.join('\n');
  }

  /** Where the cursor is (row counted from the first line ever written). */
  cursor(): { row: number; col: number } {
    return { row: this.row, col: this.col };
  }

  /**
   * The finished lines (all but the one the cursor is on) as text with SGR colours, CRLF-ended:
   * written to a fresh terminal, it draws them again as they were.
   */
  ansi(): string {
    let out = '';
    for (let r = 0; r < this.row && r < this.lines.length; r++) {
      const line = this.lines[r];
      let end = line.length;
      while (end > 0 && line[end - 1].ch === ' ' && line[end - 1].style.bg < 0 && !line[end - 1].style.inverse) end--;
      let current = '';
      for (let c = 0; c < end; c++) {
        const codes = sgrCodes(line[c].style);
        if (codes !== current) {
          out += `\x1b[0${codes ? ';' + codes : ''}m`;
          current = codes;
        }
        out += line[c].ch;
      }
      if (current) out += '\x1b[0m';
      out += '\r\n';
    }
    return out;
  }

  /** The lines as HTML: text escaped, styled runs as spans with `t-*` classes. */
  html(): string {
    const rendered = this.lines.map((line) => {
      let end = line.length;
      while (end > 0 && line[end - 1].ch === ' ' && line[end - 1].style.bg < 0 && !line[end - 1].style.inverse) end--;
      let html = '';
      let run = '';
      let cls = '';
      const flush = () => {
        if (!run) return;
        html += cls ? `<span class="${cls}">${escapeHtml(run)}</span>` : escapeHtml(run);
        run = '';
      };
      for (let c = 0; c < end; c++) {
        const k = classes(line[c].style);
        if (k !== cls) {
          flush();
          cls = k;
        }
        run += line[c].ch;
      }
      flush();
      return html;
    });
    while (rendered.length && rendered[rendered.length - 1] === '') rendered.pop();
    return rendered.join('\n');
  }
}

function sgrCodes(s: CellStyle): string {
  const out: number[] = [];
  if (s.bold) out.push(1);
  if (s.dim) out.push(2);
  if (s.italic) out.push(3);
  if (s.underline) out.push(4);
  if (s.inverse) out.push(7);
  if (s.fg >= 0) out.push(s.fg < 8 ? 30 + s.fg : 90 + s.fg - 8);
  if (s.bg >= 0) out.push(s.bg < 8 ? 40 + s.bg : 100 + s.bg - 8);
  return out.join(';');
}

function classes(s: CellStyle): string {
  const out: string[] = [];
  if (s.fg >= 0) out.push(`t-fg${s.fg}`);
  if (s.bg >= 0) out.push(`t-bg${s.bg}`);
  if (s.bold) out.push('t-b');
  if (s.dim) out.push('t-dim');
  if (s.italic) out.push('t-i');
  if (s.underline) out.push('t-u');
  if (s.inverse) out.push('t-inv');
  return out.join(' ');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
