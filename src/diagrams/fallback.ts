/**
 * Viewer fallback, loaded lazily only by decks built without a browser: draws each pending
 * diagram with Mermaid in the page and puts the SVG in its figure.
 *
 * Drawing happens in an off-screen box that is displayed and has a real width, attached to <body>
 * (outside reveal's slides). Mermaid measures text with the live layout engine, so drawing inside
 * a hidden slide (display:none, beyond the view distance, before reveal starts) would give a
 * 16x16 or empty SVG; this way every slide gets a full drawing whatever its state.
 */
import mermaid from 'mermaid';
import { errorFileLine, mermaidErrorInfo } from './errors';
import { zoomLabel } from './figure';
import { polishSvg } from './polish';
import { canonicalize, escapeXml, instantiate } from './svg';
import { applySteps } from './steps';
import { MERMAID_CONFIG } from './theme';

mermaid.initialize({ ...MERMAID_CONFIG });

const PENDING = 'figure.aula-diagram-pending[data-aula-mermaid]';
/** Figures already queued; a rebuilt slide DOM brings new elements, which are queued again. */
const queued = new WeakSet<Element>();
let chain: Promise<void> = Promise.resolve();
let inFlight = 0;
let counter = 0;

function scratch(): HTMLElement {
  let el = document.getElementById('aula-diagram-scratch');
  if (!el) {
    el = document.createElement('div');
    el.id = 'aula-diagram-scratch';
    el.setAttribute('aria-hidden', 'true');
    // Displayed, laid out and wide, just not where anyone looks.
    el.style.cssText = 'position:absolute;left:-20000px;top:0;width:1600px;visibility:visible;display:block;pointer-events:none;';
    document.body.appendChild(el);
  }
  return el;
}

async function fontsReady(): Promise<void> {
  try {
    await Promise.all([document.fonts.load('20px "Atkinson Hyperlegible"'), document.fonts.load('bold 20px "Atkinson Hyperlegible"')]);
    await document.fonts.ready;
  } catch {
    // a missing font only changes the look, never whether the diagram shows
  }
}

function setState(): void {
  document.body.dataset.aulaDiagrams = inFlight > 0 ? 'drawing' : 'ready';
}

async function draw(fig: HTMLElement): Promise<void> {
  const frame = fig.querySelector<HTMLElement>('.aula-diagram-frame') ?? fig;
  const text = fig.querySelector('pre.aula-diagram-source')?.textContent ?? '';
  const label = fig.dataset.label || 'Diagrama';
  const base = fig.dataset.aulaMermaid || 'mmd';
  const renderId = `${base}-v${++counter}`;
  const host = scratch();
  try {
    await mermaid.parse(text);
    const { svg } = await mermaid.render(renderId, text, host);
    const canonical = canonicalize(polishSvg(svg, host), renderId);
    if (canonical.width <= 0 || canonical.height <= 0) throw new Error('Mermaid devolvió un dibujo vacío (sin tamaño)');
    let placed = instantiate(canonical.svg, renderId, label);
    if (fig.dataset.steps) {
      const stepped = applySteps(placed, renderId, fig.dataset.steps);
      if (stepped.problems.length) console.warn(`Aula: diagrama: ${stepped.problems.join('; ')}`);
      placed = stepped.svg;
    }
    frame.innerHTML = placed;
    frame.tabIndex = 0;
    frame.setAttribute('role', 'button');
    frame.setAttribute('aria-label', zoomLabel(label));
    fig.classList.remove('aula-diagram-pending');
    // new fragments inside the slide: reveal must count them
    const slide = fig.closest('section');
    if (fig.dataset.steps && slide && window.Aula) window.Aula.reveal.syncFragments(slide);
  } catch (err) {
    const { message, line: reported } = mermaidErrorInfo(err);
    // the line as the author counts it inside the block (comments and front matter included)
    const line = reported ? errorFileLine(0, text, reported) : undefined;
    frame.innerHTML =
      `<div class="aula-diagram-error" role="alert">` +
      `<p class="aula-diagram-error-title">No se pudo dibujar este diagrama${line ? ` (línea ${line} del diagrama)` : ''}.</p>` +
      `<pre class="aula-diagram-error-message">${escapeXml(message)}</pre>` +
      `<p class="aula-diagram-error-alt">Lo que muestra: ${escapeXml(label)}</p>` +
      `</div>`;
    fig.classList.remove('aula-diagram-pending');
    fig.classList.add('aula-diagram-failed');
  } finally {
    // Mermaid's leftovers stay in the scratch box (a failed render leaves its element behind);
    // never look them up by id in the document, where the finished SVG now carries that id.
    host.replaceChildren();
  }
}

/**
 * Print view lays each slide on its page once, centred by the height it had then (before the
 * diagram arrived). Pages holding a diagram are centred again the same way reveal does it.
 */
function recenterPrintPages(): void {
  if (!document.documentElement.classList.contains('print-pdf')) return;
  for (const page of document.querySelectorAll<HTMLElement>('.pdf-page')) {
    const slide = page.querySelector<HTMLElement>(':scope > section');
    if (!slide || !slide.querySelector('.aula-diagram')) continue;
    const pageHeight = page.offsetHeight;
    slide.style.top = `${Math.max((pageHeight - slide.scrollHeight) / 2, 0)}px`;
  }
}

/** Queues every pending figure below `root`; safe to call again on the same or a rebuilt DOM. */
export function mountDiagrams(root: ParentNode): void {
  for (const fig of root.querySelectorAll<HTMLElement>(PENDING)) {
    if (queued.has(fig)) continue;
    queued.add(fig);
    inFlight++;
    setState();
    chain = chain
      .then(fontsReady)
      .then(() => draw(fig))
      .catch((e) => console.error('Aula: diagrama', e))
      .finally(() => {
        inFlight--;
        setState();
        // the slide grew: let reveal centre and scale it again
        if (inFlight === 0) {
          window.Aula?.reveal.layout();
          recenterPrintPages();
        }
      });
  }
}

function start(): void {
  const aula = window.Aula;
  if (aula) aula.registerMount('mermaid', mountDiagrams);
  else mountDiagrams(document);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
