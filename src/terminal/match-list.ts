/**
 * The list a second Tab shows, as readline's display_matches: past `completion-query-items`
 * (100) it first asks, and a list taller than the screen stops at `--More--` (page-completions).
 * A small state machine fed one key at a time; the console writes what it returns.
 */
import { cells } from './char-width';

const QUERY_ITEMS = 100;

export class MatchList {
  private asking: boolean;
  private next = 0;
  private readonly rows: string[];

  /** `height`: rows of the screen; the list fills all but one before `--More--`. */
  constructor(
    private readonly words: string[],
    cols: number,
    private readonly height: number,
  ) {
    this.rows = columns(words, cols);
    this.asking = words.length >= QUERY_ITEMS;
  }

  /** What to print first (on a fresh row); `done` when the list is over and the prompt comes back. */
  start(): { out: string; done: boolean } {
    if (this.asking) return { out: `Display all ${this.words.length} possibilities? (y or n)`, done: false };
    return this.page(this.height - 1);
  }

  /** A key while asking or at `--More--`; null when the key means nothing here (readline rings). */
  key(k: string): { out: string; done: boolean } | null {
    const yes = k === 'y' || k === 'Y' || k === ' ';
    const no = k === 'n' || k === 'N' || k === '\x7f' || k === '\x07';
    if (this.asking) {
      if (yes) {
        this.asking = false;
        const p = this.page(this.height - 1);
        return { out: '\r\n' + p.out, done: p.done };
      }
      return no ? { out: '\r\n', done: true } : null;
    }
    const erase = '\r\x1b[K';
    if (yes) return this.page(this.height - 1, erase);
    if (k === '\r' || k === '\n') return this.page(1, erase);
    if (no || k === 'q' || k === 'Q') return { out: erase, done: true };
    return null;
  }

  private page(n: number, before = ''): { out: string; done: boolean } {
    const rows = this.rows.slice(this.next, this.next + Math.max(1, n));
    this.next += rows.length;
    const out = before + rows.map((r) => r + '\r\n').join('');
    if (this.next >= this.rows.length) return { out, done: true };
    return { out: out + '--More--', done: false };
  }
}

/** Candidates in columns filled top to bottom, as readline's rl_display_match_list lays them out. */
export function columns(words: string[], cols: number): string[] {
  const width = Math.max(...words.map(cells)) + 2;
  let perRow = Math.floor(cols / width);
  if (perRow !== 1 && perRow * width === cols) perRow--;
  perRow = Math.max(1, perRow);
  const rows = Math.ceil(words.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let i = r; i < words.length; i += rows) line += i + rows < words.length ? words[i] + ' '.repeat(width - cells(words[i])) : words[i];
    out.push(line);
  }
  return out;
}
