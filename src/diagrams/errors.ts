/**
 * Turning Mermaid's syntax errors into `file:line` build errors.
 *
 * Mermaid reports lines of the text its parser saw, which is not the text the author wrote:
 * before parsing it strips front matter, `%%{…}%%` directives, `%%` comment lines and leading
 * blank lines. `sourceLineMap` replays those steps while remembering where every character came
 * from, so a reported line can be traced back to the author's line.
 */

/** Same patterns Mermaid 12 applies in its preprocess step (src/diagram-api/regexes.ts, comments.ts). */
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;

interface Tracked {
  text: string;
  /** 1-based source line of every character of `text` */
  lineOf: number[];
}

function track(source: string): Tracked {
  const lineOf: number[] = [];
  let line = 1;
  for (const ch of source) {
    // Surrogate pairs count as two UTF-16 units, as in the string itself.
    for (let k = 0; k < ch.length; k++) lineOf.push(line);
    if (ch === '\n') line++;
  }
  return { text: source, lineOf };
}

function removeMatches(t: Tracked, re: RegExp): Tracked {
  let text = '';
  const lineOf: number[] = [];
  let last = 0;
  re.lastIndex = 0;
  const global = re.flags.includes('g');
  for (;;) {
    const m = re.exec(t.text);
    if (!m) break;
    text += t.text.slice(last, m.index);
    lineOf.push(...t.lineOf.slice(last, m.index));
    last = m.index + m[0].length;
    if (!global) break;
    if (m[0].length === 0) re.lastIndex++;
  }
  text += t.text.slice(last);
  lineOf.push(...t.lineOf.slice(last));
  return { text, lineOf };
}

/**
 * For a diagram body, the source line (1-based, relative to the body) of each line Mermaid's
 * parser sees: `map[n - 1]` is where parser line `n` came from.
 */
export function sourceLineMap(body: string): number[] {
  let t = track(body);
  // \r\n -> \n: drop the \r, keeping the \n's line
  t = removeMatches(t, /\r(?=\n)/g);
  t = removeMatches(t, FRONT_MATTER);
  t = removeMatches(t, DIRECTIVE);
  t = removeMatches(t, COMMENT_LINE);
  t = removeMatches(t, /^\s+/);
  const map: number[] = [];
  if (t.text.length === 0) return [1];
  map.push(t.lineOf[0]);
  for (let i = 0; i < t.text.length; i++) {
    if (t.text[i] === '\n' && i + 1 < t.text.length) map.push(t.lineOf[i + 1]);
  }
  return map;
}

/** What a Mermaid parse error carries that matters to us. */
export interface MermaidErrorInfo {
  message: string;
  /** line in the parsed text as Mermaid reports it (1-based), when it reports one */
  line?: number;
}

/**
 * Extracts the message and reported line from anything Mermaid throws: jison parsers attach
 * `hash.loc.first_line`, langium parsers and others only say "line N" in the message.
 */
export function mermaidErrorInfo(err: unknown): MermaidErrorInfo {
  const e = err as { message?: unknown; str?: unknown; hash?: { loc?: { first_line?: unknown }; line?: unknown } } | null;
  const raw = typeof e?.message === 'string' ? e.message : typeof e?.str === 'string' ? e.str : String(err);
  let line: number | undefined;
  const loc = e?.hash?.loc?.first_line;
  if (typeof loc === 'number' && loc > 0) line = loc;
  else if (typeof e?.hash?.line === 'number') line = e.hash.line + 1;
  else {
    const m = /\bline (\d+)/i.exec(raw);
    if (m) line = Number(m[1]);
  }
  return { message: tidyMessage(raw), line };
}

/** Mermaid's own words, minus the diagram dump some errors append and the stray blank lines. */
export function tidyMessage(raw: string): string {
  let msg = raw.replace(/\r\n?/g, '\n').trim();
  // "No diagram type detected matching given configuration for text: <the whole diagram>"
  msg = msg.replace(/(No diagram type detected[^:]*):[\s\S]*$/, '$1');
  msg = msg.replace(/^Parsing failed:\s+/, 'Parsing failed: ');
  const lines = msg.split('\n').filter((l) => l.trim() !== '');
  let out = lines.slice(0, 4).join('\n');
  if (out.length > 600) out = out.slice(0, 597) + '...';
  return out;
}

/**
 * Source line (in the slide file) of an error Mermaid reported at `reportedLine` of the diagram
 * whose opening fence is at `fenceLine`. Without a reported line, the fence itself.
 */
export function errorFileLine(fenceLine: number, body: string, reportedLine: number | undefined): number {
  if (reportedLine === undefined || !Number.isFinite(reportedLine) || reportedLine < 1) return fenceLine;
  const map = sourceLineMap(body);
  const bodyLines = body.replace(/\n$/, '').split('\n').length;
  const idx = Math.min(reportedLine, map.length) - 1;
  const bodyLine = Math.min(map[idx] ?? bodyLines, bodyLines);
  return fenceLine + bodyLine;
}
