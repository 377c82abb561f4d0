/**
 * The static side of a terminal: the transcript of its scenario (for print, PDF and the reading
 * view) and the frame the live terminal mounts into. Produced at build time, plain HTML.
 */
import { escapeHtml, ScreenModel } from './screen-model';
import type { Scenario } from './scenario';

/**
 * Lines are not cut at a terminal width: the page wraps them at the width it has (a table such
 * as `docker ps -a` breaks between columns rather than inside a word).
 */
export const TRANSCRIPT_COLS = 1000;

/** Records a replay: prompts and commands in bold, command output as the terminal drew it. */
export class TranscriptRecorder {
  readonly screen = new ScreenModel(TRANSCRIPT_COLS);

  command(prompt: string, line: string): void {
    this.screen.write(`\x1b[1m${prompt}${line}\x1b[22m\r\n`);
  }

  output(text: string): void {
    this.screen.write(text.replace(/\r?\n/g, '\r\n'));
  }

  /** Output that did not end its line: the next prompt starts on a new one. */
  endLine(): void {
    const { col } = this.screen.cursor();
    if (col > 0) this.screen.write('\r\n');
  }
}

/** Width of the transcript's text at reveal's 960px slide (panel minus its padding). */
const TEXT_WIDTH = 890;
const COLUMN_GAP = 18;
const LINE_HEIGHT = 1.3;
/** Fira Code's advance width, in em. */
const CHAR_WIDTH = 0.6;

/**
 * Smallest transcript text: 12px of the 960px slide is 9pt on the printed page and about 12px on
 * a laptop. Below it the text stops being read, so a long transcript grows taller instead.
 */
export const MIN_TRANSCRIPT_FONT = 12;

/** Font sizes tried with 1, 2 and 3 columns, in order of preference. */
const LAYOUTS: { columns: number; fonts: number[] }[] = [
  { columns: 1, fonts: [15, 14, 13, 12] },
  { columns: 2, fonts: [13, 12] },
  { columns: 3, fonts: [12] },
];

/**
 * A transcript takes the place of the live terminal in print, where a slide is one page: it aims
 * at the terminal's box (`rows`) with a font size and a number of columns that make the whole
 * output fit in it, as large as possible. When even the smallest legible size does not fit, it
 * keeps that size in the layout that needs the least height and the slide grows (the reading
 * view makes room; the PDF fits the page).
 */
export function fitTranscript(text: string, rows: number, titled: boolean): { font: number; columns: number } {
  const lines = text.split('\n').map((l) => [...l].length);
  const available = rows * 24 + 40 - (titled ? 30 : 0);
  const height = (columns: number, font: number) => {
    const width = (TEXT_WIDTH - (columns - 1) * COLUMN_GAP) / columns;
    const perLine = Math.max(1, Math.floor(width / (font * CHAR_WIDTH)));
    const visual = lines.reduce((n, len) => n + Math.max(1, Math.ceil(len / perLine)), 0);
    return Math.ceil(visual / columns) * font * LINE_HEIGHT;
  };
  for (const { columns, fonts } of LAYOUTS) {
    for (const font of fonts) if (height(columns, font) <= available) return { font, columns };
  }
  let best = { font: MIN_TRANSCRIPT_FONT, columns: 1 };
  for (const { columns } of LAYOUTS) if (height(columns, MIN_TRANSCRIPT_FONT) < height(best.columns, MIN_TRANSCRIPT_FONT)) best = { font: MIN_TRANSCRIPT_FONT, columns };
  return best;
}

/** The HTML that replaces a ```terminal fence. */
export function terminalHtml(scenario: Scenario, transcriptHtml: string, opts: { id: string; withStyle: boolean; transcriptText?: string }): string {
  const title = scenario.title;
  const label = title ? `Terminal: ${title}` : 'Terminal';
  const json = escapeHtml(JSON.stringify(scenario));
  return (
    (opts.withStyle ? `<style data-aula-terminal>${TRANSCRIPT_CSS}</style>` : '') +
    `<div class="aula-terminal" id="${escapeHtml(opts.id)}" data-scenario="${json}" style="--aula-term-rows:${scenario.rows}" aria-label="${escapeHtml(label)}">` +
    `<div class="aula-term-head"><span class="aula-term-title">${escapeHtml(title || 'Terminal')}</span></div>` +
    `<div class="aula-term-screen"></div>` +
    `</div>` +
    `<figure class="aula-transcript" aria-label="${escapeHtml(title ? `Transcripción: ${title}` : 'Transcripción de la terminal')}">` +
    (title ? `<figcaption>${escapeHtml(title)}</figcaption>` : '') +
    `<pre${preStyle(scenario, opts.transcriptText)}><code>${transcriptHtml}</code></pre>` +
    // Shown by the terminal script in the reading view, where the slide shows the transcript.
    `<button type="button" class="aula-transcript-open" hidden>Abrir la terminal</button>` +
    `</figure>`
  );
}

function preStyle(scenario: Scenario, text: string | undefined): string {
  if (text === undefined) return '';
  const { font, columns } = fitTranscript(text, scenario.rows, scenario.title !== '');
  if (font === 15 && columns === 1) return '';
  return ` style="font-size:${font}px${columns > 1 ? `;column-count:${columns}` : ''}"`;
}

/**
 * Styles that must exist before (or without) the terminal script: the frame's size, and the
 * transcript that replaces it in print and in the reading view.
 */
export const TRANSCRIPT_CSS = `
.reveal .aula-terminal{box-sizing:border-box;width:100%;margin:.3em 0;background:#14181f;border:2px solid #2b3340;border-radius:10px;overflow:hidden;text-align:left}
.reveal .aula-terminal:not(.is-live) .aula-term-head{padding:6px 10px;background:#232a35;color:#f2f4f7;font-size:17px;line-height:1.3;font-weight:700;min-height:44px;box-sizing:border-box;display:flex;align-items:center}
.reveal .aula-terminal:not(.is-live) .aula-term-screen{height:calc(var(--aula-term-rows,12)*24px + 12px)}
.reveal .aula-transcript{display:none;margin:.3em 0;text-align:left}
.reveal-scroll .reveal .aula-terminal,.print-pdf .reveal .aula-terminal,.reveal-print .reveal .aula-terminal,.aula-receiver .reveal .aula-terminal{display:none!important}
.reveal-scroll .reveal .aula-transcript,.print-pdf .reveal .aula-transcript,.reveal-print .reveal .aula-transcript,.aula-receiver .reveal .aula-transcript{display:block}
.reveal .aula-transcript figcaption{font-size:.5em;font-weight:700;color:var(--aula-muted,#3c4450);margin:0 0 .2em}
.reveal .aula-transcript pre{margin:0;width:100%;box-sizing:border-box;box-shadow:none;background:#14181f;color:#f2f4f7;border-radius:10px;padding:10px 14px;font-family:var(--aula-mono,'Fira Code',monospace);font-size:15px;line-height:1.3;white-space:pre-wrap;overflow-wrap:anywhere;font-variant-ligatures:none;font-feature-settings:'liga' 0,'calt' 0;column-gap:18px;column-rule:1px solid #2b3340;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.reveal .aula-transcript .aula-transcript-open{margin-top:.3em;font:inherit;font-size:.5em;min-height:44px;padding:4px 14px;border-radius:8px;border:2px solid var(--aula-accent,#0b4fa8);background:#fff;color:var(--aula-accent,#0b4fa8);cursor:pointer}
.reveal .aula-transcript .aula-transcript-open[hidden],.print-pdf .aula-transcript-open,.reveal-print .aula-transcript-open{display:none}
@media print{.aula-transcript-open{display:none}}
.reveal .aula-transcript code{display:inline;overflow:visible;overflow-wrap:anywhere;word-break:break-all;font:inherit;background:none;color:inherit;padding:0;white-space:inherit;max-height:none}
.aula-transcript .t-b{font-weight:700}.aula-transcript .t-dim{opacity:.7}.aula-transcript .t-i{font-style:italic}.aula-transcript .t-u{text-decoration:underline}.aula-transcript .t-inv{background:#f2f4f7;color:#14181f}
.aula-transcript .t-fg0{color:#8b949e}.aula-transcript .t-fg1{color:#ff6b6b}.aula-transcript .t-fg2{color:#7ee787}.aula-transcript .t-fg3{color:#ffd84d}.aula-transcript .t-fg4{color:#79b8ff}.aula-transcript .t-fg5{color:#f0a6ff}.aula-transcript .t-fg6{color:#66d9e8}.aula-transcript .t-fg7{color:#d9dee5}
.aula-transcript .t-fg8{color:#8b949e}.aula-transcript .t-fg9{color:#ff8f8f}.aula-transcript .t-fg10{color:#a5f3a9}.aula-transcript .t-fg11{color:#ffe58a}.aula-transcript .t-fg12{color:#a5d0ff}.aula-transcript .t-fg13{color:#f5c2ff}.aula-transcript .t-fg14{color:#99e9f2}.aula-transcript .t-fg15{color:#fff}
`.trim();
