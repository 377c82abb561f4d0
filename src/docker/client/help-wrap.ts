/**
 * The help texts keep each flag's description on one line, `  -a, --all\tShow all…` (a `\v` where
 * the description itself breaks the line); `expandFlags` lays them out as pflag's
 * `FlagUsagesWrapped` does for docker/cli on an 80-column screen (width 79): names padded to one
 * column, descriptions wrapped under it. Stored unwrapped, the texts are smaller once gzipped.
 */

const WIDTH = 79;

/** pflag `wrapN`: the first line of at most `i` characters (plus `slop`), and the rest. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/**
 * pflag `wrap`: `s` in lines of the screen width, continuation lines indented to column `i`.
 * Every table here leaves descriptions at least 24 columns, so pflag's narrow-screen fallbacks
 * never apply.
 */
function wrap(i: number, s: string): string {
  const slop = 5;
  const lines: string[] = [];
  let line: string;
  let rest = s;
  do {
    [line, rest] = wrapN(WIDTH - i - slop, slop, rest);
    lines.push(line);
  } while (rest !== '');
  return lines.join('\n').replaceAll('\n', '\n' + ' '.repeat(i));
}

/** Every run of `name\tdescription` lines becomes a padded, wrapped flag table. */
export function expandFlags(text: string): string {
  if (!text.includes('\t')) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let k = 0; k < lines.length; ) {
    if (!lines[k].includes('\t')) {
      out.push(lines[k++]);
      continue;
    }
    const block: [string, string][] = [];
    for (; k < lines.length && lines[k].includes('\t'); k++) {
      const tab = lines[k].indexOf('\t');
      block.push([lines[k].slice(0, tab), lines[k].slice(tab + 1).replaceAll('\v', '\n')]);
    }
    const maxlen = Math.max(...block.map(([name]) => name.length)) + 1;
    for (const [name, desc] of block) out.push(`${name} ${' '.repeat(maxlen - name.length)} ${wrap(maxlen + 2, desc)}`.replace(/\s+$/, ''));
  }
  return out.join('\n');
}
