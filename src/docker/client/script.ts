/**
 * Replays a scenario (one input line per step) through a shell and keeps what a terminal would
 * finally show for each step: cursor movements of the pull progress are applied, so a step's
 * text is the screen it leaves behind. `^P^Q` detaches and `^D` sends end-of-input.
 */
import type { Shell, TermIO } from '../shell';

export interface Step {
  prompt: string;
  input: string;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they were written, after applying cursor movements. */
  screen: string;
  exit: number;
}

/** Applies `\r`, `\n`, cursor up/down/home, erase line, erase below and clear screen; drops other escapes. */
export function flatten(text: string): string {
  const rows: string[] = [''];
  let row = 0;
  let col = 0;
  const put = (ch: string): void => {
    const line = rows[row];
    rows[row] = (line.length < col ? line.padEnd(col) : line.slice(0, col)) + ch + line.slice(col + 1);
    col++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      row++;
      col = 0;
      if (rows.length <= row) rows.push('');
    } else if (c === '\r') col = 0;
    else if (c === '\x1b') {
      const m = /^\x1b\[([0-9;?]*)([A-Za-z])/.exec(text.slice(i, i + 16));
      if (!m) continue;
      i += m[0].length - 1;
      const n = Number(m[1] || '1');
      if (m[2] === 'A') row = Math.max(0, row - n);
      else if (m[2] === 'B') {
        row += n;
        while (rows.length <= row) rows.push('');
      } else if (m[2] === 'K') rows[row] = m[1] === '2' ? '' : rows[row].slice(0, col);
      else if (m[2] === 'H') {
        // cursor home (docker stats redraws its table from there)
        row = 0;
        col = 0;
      } else if (m[2] === 'J' && (!m[1] || m[1] === '0')) {
        rows[row] = rows[row].slice(0, col);
        rows.length = row + 1;
      }
      else if (m[2] === 'J' && (m[1] === '2' || m[1] === '3')) {
        rows.length = 0;
        rows.push('');
        row = 0;
        col = 0;
      }
    } else if (c >= ' ' || c === '\t') put(c);
  }
  return rows.map((r) => r.replace(/ +$/, '')).join('\n');
}

export interface ReplayOptions {
  tty?: boolean;
  columns?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Runs one step and records it. */
export async function step(shell: Shell, input: string, opts: ReplayOptions = {}): Promise<Step> {
  const prompt = shell.prompt();
  // A password typed at a prompt that does not echo is not part of what the screen shows.
  const shown = shell.echo?.() === false ? '' : input;
  let stdout = '';
  let stderr = '';
  let both = '';
  const io: TermIO = {
    out: (t) => { stdout += t; both += t; },
    err: (t) => { stderr += t; both += t; },
    tty: opts.tty ?? true,
    columns: opts.columns ?? 80,
    sleep: opts.sleep ?? (() => Promise.resolve()),
  };
  let exit = 0;
  if (input === '^P^Q') await shell.detach(io);
  else if (input === '^D') await shell.eof(io);
  else exit = await shell.run(input, io);
  return { prompt, input: shown, stdout, stderr, screen: flatten(both), exit };
}

/**
 * True for lines a scenario skips: `#` comments, and blank lines at the host's prompt (inside a
 * container a blank line is a keystroke: it ends a block in python's REPL).
 */
export function isComment(line: string, shell: Shell): boolean {
  return line.trimStart().startsWith('#') || (line.trim() === '' && !shell.inContainer());
}
