/**
 * Fence options of ```mermaid and the HTML a diagram becomes in the slide: a <figure> with the
 * inline SVG (build-time path) or with the escaped source for the viewer to draw (fallback path).
 */
import { escapeXml, instantiate } from './svg';
import { applySteps } from './steps';

export const MERMAID_OPTIONS = ['caption', 'alt', 'fragment', 'steps'] as const;

export interface DiagramOptions {
  caption?: string;
  alt?: string;
  /** reveal fragment style for the whole figure ('' = plain fragment), undefined = no fragment */
  fragment?: string;
  /** parts of the diagram revealed as fragments (see steps.ts) */
  steps?: string;
}

export interface OptionsCheck {
  options: DiagramOptions;
  errors: string[];
  warnings: string[];
}

/** Checks the values of the options (their names are checked by the build). */
export function readOptions(raw: Record<string, string>): OptionsCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const options: DiagramOptions = {};
  for (const name of ['caption', 'alt'] as const) {
    if (!Object.hasOwn(raw, name)) continue;
    const v = raw[name].trim();
    if (v === '' || v === 'true') errors.push(`la opción ${name} necesita un texto: ${name}="..."`);
    else options[name] = v.replace(/\s+/g, ' ');
  }
  if (Object.hasOwn(raw, 'fragment')) {
    const v = raw.fragment.trim();
    if (v === 'true' || v === '') options.fragment = '';
    else if (/^[a-z][a-z-]*$/.test(v)) options.fragment = v;
    else errors.push(`fragment="${v}" no es un estilo de fragmento de reveal.js (ejemplos: fragment, fragment=fade-up)`);
  }
  if (Object.hasOwn(raw, 'steps')) {
    const v = raw.steps.trim();
    if (v === '' || v === 'true') errors.push('steps necesita los pasos: steps="A B+C D" (nodos de un flowchart) o steps=messages (sequenceDiagram)');
    else options.steps = v;
  }
  const unknown = Object.keys(raw).filter((k) => !(MERMAID_OPTIONS as readonly string[]).includes(k));
  for (const k of unknown) errors.push(`opción desconocida «${k}» en un diagrama (se admiten: ${MERMAID_OPTIONS.join(', ')})`);
  if (errors.length === 0 && !options.alt && !options.caption) {
    warnings.push('diagrama sin texto alternativo: añada alt="..." (o caption="...") para quien no pueda verlo');
  }
  return { options, errors, warnings };
}

/** Accessible name of the diagram: alt, else the caption, else a generic name. */
export function diagramLabel(o: DiagramOptions): string {
  return o.alt ?? o.caption ?? 'Diagrama';
}

function figureClass(o: DiagramOptions, extra = ''): string {
  const cls = ['aula-diagram'];
  if (extra) cls.push(extra);
  if (o.fragment !== undefined) cls.push('fragment', ...(o.fragment ? [o.fragment] : []));
  return cls.join(' ');
}

/** What a click or Enter on the frame does (src/diagrams/zoom.ts), said to assistive technology. */
export function zoomLabel(label: string): string {
  return `Ampliar el diagrama: ${label}`;
}

/** The frame is what a click or Enter enlarges. */
function frameOpen(o: DiagramOptions): string {
  return `<div class="aula-diagram-frame" tabindex="0" role="button" aria-label="${escapeXml(zoomLabel(diagramLabel(o)))}">`;
}

function caption(o: DiagramOptions): string {
  return o.caption ? `<figcaption>${escapeXml(o.caption)}</figcaption>` : '';
}

/** SVG id of a fence: starts with a letter whatever the deck slug looks like. */
export function svgIdFor(fenceId: string): string {
  return `mmd-${fenceId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The diagram as drawn at build time: a figure around the cached SVG made unique. `problems` are
 * mistakes in the `steps` option, which only the drawing can reveal.
 */
export function figureHtml(fenceId: string, canonicalSvg: string, o: DiagramOptions, source: string): { html: string; problems: string[] } {
  const id = svgIdFor(fenceId);
  let svg = instantiate(canonicalSvg, id, diagramLabel(o));
  let problems: string[] = [];
  if (o.steps !== undefined) ({ svg, problems } = applySteps(svg, id, o.steps));
  const html =
    `<figure class="${figureClass(o)}" data-source="${escapeXml(source)}">` +
    `${frameOpen(o)}${svg}</div>` +
    caption(o) +
    `</figure>`;
  return { html, problems };
}

/**
 * The diagram left for the viewer to draw: the source travels escaped in the page (no fetch from
 * file://), and the alternative text is what shows until (or unless) the drawing arrives.
 */
export function pendingFigureHtml(fenceId: string, text: string, o: DiagramOptions, source: string): string {
  return (
    `<figure class="${figureClass(o, 'aula-diagram-pending')}" data-source="${escapeXml(source)}" ` +
    `data-aula-mermaid="${escapeXml(svgIdFor(fenceId))}" data-label="${escapeXml(diagramLabel(o))}"` +
    (o.steps !== undefined ? ` data-steps="${escapeXml(o.steps)}"` : '') +
    `>` +
    `<div class="aula-diagram-frame">` +
    `<pre class="aula-diagram-source" hidden>${escapeXml(text)}</pre>` +
    `<p class="aula-diagram-status" role="status">Dibujando el diagrama: ${escapeXml(diagramLabel(o))}</p>` +
    `</div>` +
    caption(o) +
    `</figure>`
  );
}

/** Room a diagram gets on a 960x700 slide (assets/theme/diagrams.css: width, max height, growth). */
export const SLIDE_ROOM = { width: 880, height: 470, grow: 1.3 } as const;

/** Smallest text size (px on the 960 px slide) still comfortable on a projector. */
export const MIN_LEGIBLE_PX = 14;

/**
 * Size in slide px at which the diagram's text will show, given the SVG's natural size and the
 * font size it was drawn with: wide or tall diagrams are scaled down to fit the slide.
 */
export function shownFontPx(width: number, height: number, fontPx: number): number {
  if (width <= 0 || height <= 0) return fontPx;
  const scale = Math.min(SLIDE_ROOM.grow, SLIDE_ROOM.width / width, SLIDE_ROOM.height / height);
  return Math.round(fontPx * scale * 10) / 10;
}
