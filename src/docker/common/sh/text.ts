/** Text handling that the host's and the containers' coreutils do the same way. */

/** The lines of a text, without the empty one after a final newline. */
export const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** What `head -n N` (or `tail -n N`) prints of a text. */
export function headOrTail(text: string, n: number, head: boolean): string {
  const all = lines(text);
  return (head ? all.slice(0, n) : all.slice(Math.max(0, all.length - n))).map((l) => l + '\n').join('');
}

/** `wc` counts: newlines, words and bytes (UTF-8). */
export const wcCounts = (text: string): Record<'l' | 'w' | 'c', number> => ({
  l: (text.match(/\n/g) ?? []).length,
  w: text.split(/\s+/).filter(Boolean).length,
  c: new TextEncoder().encode(text).length,
});

/** `history` as bash prints it (from entry `from`): the number right-aligned in 5 columns, two spaces, the line. */
export const historyText = (history: string[], from = 0): string => history.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).slice(from).join('');
