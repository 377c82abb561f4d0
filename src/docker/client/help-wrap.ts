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

/** pflag `wrap`: `s` wrapped to width `w`, continuation lines indented by `i`. */
function wrap(i: number, w: number, s: string): string {
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i - 1);
  }
  if (width < 24) return s.replaceAll('\n', r);
  const slop = 5;
  width -= slop;
  const indent = '\n' + ' '.repeat(i);
  let [line, rest] = wrapN(width, slop, s);
  r += line.replaceAll('\n', indent);
  while (rest !== '') {
    [line, rest] = wrapN(width, slop, rest);
    r += indent + line.replaceAll('\n', indent);
  }
  return r;
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
    for (const [name, desc] of block) out.push(`${name} ${' '.repeat(maxlen - name.length)} ${wrap(maxlen + 2, WIDTH, desc)}`.replace(/\s+$/, ''));
  }
  return out.join('\n');
}
