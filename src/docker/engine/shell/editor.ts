/**
 * nano and vi on one text buffer. They redraw the whole screen at the terminal's size on each
 * key, and read and write through the container's files as the user running them, so the
 * writable layer, `docker diff` and permissions all apply.
 */
import { byteLength, reason } from '../../common/sh/fs';
import { packaged } from './package-files';
import { nano } from './nano';
import { vi } from './vi';
import type { Command, Out, ShellLike } from './types';

export const at = (r: number, c = 1): string => `\x1b[${r};${c}H`;
export const inv = (s: string): string => `\x1b[7m${s}\x1b[0m`;
/** Typed text (a key or a paste), not a control or an escape sequence. */
export const isBs = (k: string): boolean => k === '\x7f' || k === '\b';
export const isText = (k: string): boolean => (k >= ' ' || k === '\t') && k !== '\x7f' && k[0] !== '\x1b';
/** A line as the screen shows it: each tab up to the next multiple of 8 columns. */
const expand = (l: string): string => {
  if (!l.includes('\t')) return l;
  let shift = 0;
  return l.replace(/\t/g, (_t, i: number) => {
    const pad = 8 - ((i + shift) & 7);
    shift += pad - 1;
    return ' '.repeat(pad);
  });
};
export const keyHome = (k: string): boolean => /^\x1b([[O]H|\[[17]~)$/.test(k);
export const keyEnd = (k: string): boolean => /^\x1b([[O]F|\[[48]~)$/.test(k);
/** An arrow (or one of the `keys` that mean up, down, right, left): the move it makes. */
export function arrow(k: string, keys = ''): [number, number] | undefined {
  const i = /^\x1b[[O][A-D]$/.test(k) ? k.charCodeAt(2) - 65 : k ? keys.indexOf(k) : -1;
  return i < 0 ? undefined : ([[-1, 0], [1, 0], [0, 1], [0, -1]] as [number, number][])[i];
}
/** Where the editors draw: the terminal's size. */
export const size = (o: Out): [number, number] => [o.rows ?? 24, o.columns ?? 80];

/** A state of the text: what undo and redo go back and forth between; `tag` names the change, `at` when it was made. */
export interface Snap { l: string[]; y: number; x: number; d: boolean; tag: string; at: number }

/** The lines of a file; `magic`: nano's empty line after a final newline, which vi does not show. */
export class Text {
  lines = [''];
  y = 0;
  x = 0;
  top = 0;
  dirty = false;
  /** The states before each change, and after each one undone, for undo and redo. */
  past: Snap[] = [];
  next: Snap[] = [];
  constructor(public name: string, readonly sh: ShellLike, readonly magic: boolean) {}
  snap(tag = ''): Snap {
    return { l: this.lines.slice(), y: this.y, x: this.x, d: this.dirty, tag, at: this.sh.m.now() };
  }
  /** Before a change (or with the state taken before it): the point undo comes back to; what was undone is gone. */
  mark(s: Snap | string): void {
    this.past.push(typeof s === 'string' ? this.snap(s) : s);
    this.next = [];
  }
  /** One change back (or forward): [the state left, the one restored], or undefined when there is none. */
  undo(redo = false): [Snap, Snap] | undefined {
    const s = (redo ? this.next : this.past).pop();
    if (!s) return;
    const cur = { ...this.snap(s.tag), at: s.at };
    (redo ? this.past : this.next).push(cur);
    [this.lines, this.y, this.x, this.dirty] = [s.l, s.y, s.x, s.d];
    return [cur, s];
  }
  /** The line count read, or why it could not be (undefined: a new file). */
  load(): number | string | undefined {
    try {
      const t = this.sh.m.fs.readFile(this.name, this.sh.cwd);
      this.lines = (this.magic || !t.endsWith('\n') ? t : t.slice(0, -1)).split('\n');
      return this.count();
    } catch (e) {
      return reason(e) === reason(0) ? undefined : reason(e);
    }
  }
  count(): number {
    return this.lines.length - +(this.magic && this.lines[this.lines.length - 1] === '');
  }
  /** Writes the buffer to `name` (a final newline added): [lines, bytes], or the error's text. */
  save(name: string): [number, number] | string {
    const n = this.count();
    const data = n ? this.lines.slice(0, n).join('\n') + '\n' : '';
    try {
      this.sh.m.fs.writeFile(name, data, this.sh.cwd);
    } catch (e) {
      return reason(e);
    }
    if (this.magic && this.lines[this.lines.length - 1]) this.lines.push('');
    // every other state now differs from the file
    for (const s of [...this.past, ...this.next]) s.d = true;
    this.dirty = false;
    return [n, byteLength(data)];
  }
  /** The cursor as an offset into the lines joined by newlines (searches run over that), and back. */
  get off(): number {
    let o = this.x;
    for (let y = 0; y < this.y; y++) o += this.lines[y].length + 1;
    return o;
  }
  set off(o: number) {
    let y = 0;
    for (const L = this.lines; y < L.length - 1 && o > L[y].length; y++) o -= L[y].length + 1;
    // past the end: the end of the last line
    [this.y, this.x] = [y, Math.min(o, this.lines[y].length)];
  }
  /** Where `re` (global) matches next after the cursor (or before it), and whether that went round the end. */
  hit(re: RegExp, rev = false): [number, boolean] | undefined {
    const o = this.off;
    const all = [...this.lines.join('\n').matchAll(re)].map((m) => m.index);
    const on = all.filter((i) => (rev ? i < o : i > o));
    const i = rev ? on.at(-1) ?? all.at(-1) : on[0] ?? all[0];
    return i === undefined ? undefined : [i, !on.length];
  }
  get line(): string {
    return this.lines[this.y];
  }
  set line(s: string) {
    this.lines[this.y] = s;
    this.dirty = true;
  }
  insert(t: string): void {
    this.line = this.line.slice(0, this.x) + t + this.line.slice(this.x);
    this.x += t.length;
  }
  enter(): void {
    const l = this.line;
    this.line = l.slice(0, this.x);
    this.lines.splice(++this.y, 0, l.slice(this.x));
    this.x = 0;
  }
  backspace(): void {
    if (this.x) {
      this.line = this.line.slice(0, this.x - 1) + this.line.slice(this.x--);
    } else if (this.y) {
      const l = this.lines.splice(this.y--, 1)[0];
      this.x = this.line.length;
      this.line += l;
    }
  }
  del(): void {
    if (this.x < this.line.length || this.y < this.lines.length - 1) this.move(0, 1, true), this.backspace();
  }
  /** Arrows: a line up or down keeps the column where it can; left and right may cross lines (`wrap`). */
  move(dy: number, dx: number, wrap = false): void {
    const y = Math.max(0, Math.min(this.lines.length - 1, this.y + dy));
    if (dx < 0 && !this.x && wrap && y) [this.y, this.x] = [y - 1, this.lines[y - 1].length];
    else if (dx > 0 && this.x >= this.line.length && wrap && y < this.lines.length - 1) [this.y, this.x] = [y + 1, 0];
    else [this.y, this.x] = [y, Math.max(0, Math.min(this.lines[y].length, this.x + dx))];
  }
  private shown = false;
  /** Where the cursor stands on the screen, as the last page drawn placed it. */
  cursor = '';
  /**
   * Clears the screen (entering the alternate one, the first time, when `alt`) and draws the
   * lines that keep the cursor's in sight on `rows` rows from screen row `first`. vi (`then`: what
   * fills the rows past the end) wraps long lines; nano scrolls the cursor's line sideways, a `>`
   * at the edge of any longer than the screen (get_page_start()).
   */
  page(C: number, first: number, rows: number, alt: boolean, then = ''): string {
    const cache = new Map<number, string>();
    const exp = (y: number) => cache.get(y) ?? cache.set(y, expand(this.lines[y] ?? '')).get(y)!;
    const h = (y: number) => (then && Math.ceil(exp(y).length / C)) || 1;
    const cx = expand(this.line.slice(0, this.x)).length;
    // the cursor's row within its own (wrapped) line, and the lines above it that still fit
    const own = then ? Math.floor(cx / C) : 0;
    let above = 0;
    const low = Math.min(this.top, this.y);
    let t = this.y;
    while (t > low && own + above + h(t - 1) < rows) above += h(--t);
    this.top = t;
    // a wrapped line longer than the screen shows from the rows that hold the cursor
    const skip = Math.max(0, own - rows + 1);
    const start = then || cx + 2 < C ? 0 : cx - 6 - ((cx - 6) % (C - 8));
    let s = (this.shown || !alt ? '' : '\x1b[?1049h') + '\x1b[H\x1b[2J';
    this.shown = true;
    for (let y = this.top, r = 0; r < rows; y++) {
      const l = this.lines[y];
      let e = l === undefined ? then : exp(y).slice(y === this.y ? start : 0);
      if (!then && y === this.y && start) e = '<' + e.slice(1);
      if (!then && e.length > C) e = e.slice(0, C - 1) + '>';
      const n = h(y);
      for (let i = y === this.y ? skip : 0; i < n && r < rows; i++) s += at(first + r++) + e.slice(i * C, i * C + C);
    }
    this.cursor = at(first + above + own - skip, 1 + (then ? cx % C : cx - start));
    return s;
  }
}

/**
 * Without a terminal to draw on (`docker exec` without -t, a pipe, a transcript) curses finds
 * none; vim warns and then reads its input to the end.
 */
function noTerminal(name: string, io: Out, sh: ShellLike): number {
  if (name === 'nano') io.err('Error opening terminal: unknown.\n');
  else if (name === 'vi' && sh.flavor === 'ash') io.err(`vi: can't read user input\n`);
  else io.err('Vim: Warning: Output is not to a terminal\nVim: Warning: Input is not from a terminal\nVim: Error reading input, exiting...\nVim: Finished.\n');
  return 1;
}

/** nano's release per distribution; since 4.x one major release a year, which its copyright line gives. */
const nanoVersion = (sh: ShellLike) => packaged(sh.m.fs, ['7.2', '8.2', '3.2', '7.2', '6.2', '4.8', '5.4']);
const vimVersion = (sh: ShellLike) => packaged(sh.m.fs, ['9.1.0016', '9.1.1105', '8.1.0875', '9.0.1378', '8.2.3995', '8.1.2269', '8.2.2434']);
/** Each vim release's date, as its banner gives it. */
const VIM_DATES: Record<string, string> = { '9.1': '2024 Jan 02', '9.0': '2022 Jun 28', '8.2': '2019 Dec 12', '8.1': '2018 May 18' };

const editor = (name: string): Command => (args, io, sh) => {
  const vim = name !== 'nano';
  const busybox = name === 'vi' && sh.flavor === 'ash';
  if (!busybox && /^(--version|-V)$/.test(args[1] ?? '')) {
    const v = vim ? vimVersion(sh) : nanoVersion(sh);
    io.out(vim ? `VIM - Vi IMproved ${v.slice(0, 3)} (${VIM_DATES[v.slice(0, 3)]}, compiled Apr 01 2025 20:12:31)\nIncluded patches: 1-${+v.slice(4)}\n` : ` GNU nano, version ${v}\n (C) ${2016 + parseInt(v)} the Free Software Foundation and various contributors\n Compiled options: --disable-libmagic --enable-utf8\n`);
    return 0;
  }
  const file = args.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+')) ?? '';
  const text = new Text(file, sh, !vim);
  if (!io.tty || !io.rows || !sh.screen) return noTerminal(name, io, sh);
  const read = file ? text.load() : undefined;
  return sh.screen(vim ? vi(text, read, busybox) : nano(text, read, nanoVersion(sh))) ? 0 : noTerminal(name, io, sh);
};

export const EDITORS: Record<string, Command> = { nano: editor('nano'), vi: editor('vi'), vim: editor('vim'), 'vim.basic': editor('vim') };
