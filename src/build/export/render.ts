/**
 * Prints one deck through reveal's print view (`?print-pdf`) in a shared Chromium: PDF, the
 * handout with speaker notes, and the first-slide thumbnail, all from a single page load.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export interface RenderOptions {
  /** also print the handout with the speaker notes under each slide */
  notes: boolean;
  /** width in CSS pixels of the thumbnail PNG */
  thumbWidth: number;
  /** how long to wait for reveal and for diagrams, transcripts and images */
  timeoutMs: number;
}

export interface RenderedDeck {
  pdf: Buffer;
  notesPdf: Buffer | null;
  png: Buffer;
  slides: number;
  warnings: string[];
}

/** A deck that could not be printed: names the deck and, where known, the slides at fault. */
export class RenderError extends Error {
  constructor(
    readonly deck: string,
    message: string,
  ) {
    super(`${deck}: ${message}`);
  }
}

/**
 * Reveal config given through the query string (reveal merges it over the deck's own):
 * fragments in their final state on one page, one page per slide even when it overflows, and the
 * slide number printed on every page.
 */
export const PRINT_QUERY = '?print-pdf&pdfSeparateFragments=false&pdfMaxPagesPerSlide=1&slideNumber=true&showSlideNumber=print';

/**
 * Whatever the deck shows around the slides (course link, toolbar, notices) would push the first
 * page down and print on its own page: in the printed document only the slides remain.
 */
const PRINT_CSS = 'html.reveal-print body > :not(.reveal){display:none !important}';

/** Below this a slide's text would be too small to read on paper: it is cut instead (with a warning). */
const MIN_FIT_SCALE = 0.6;

interface SlideProblem {
  index: number;
  source: string;
  problem: string;
  /** nothing on the page can still fix it (no script left to draw it, an image that failed): stop waiting */
  final?: boolean;
}

function describe(p: SlideProblem): string {
  return `diapositiva ${p.index}${p.source ? ` (${p.source})` : ''}: ${p.problem}`;
}

/** Runs in the page: every diagram, transcript and image of every printed slide, checked. */
function pageProblems(): { pages: number; problems: SlideProblem[]; overflow: SlideProblem[] } {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page'));
  const problems: SlideProblem[] = [];
  const overflow: SlideProblem[] = [];
  // Without the viewer's Mermaid fallback, a figure with no SVG will never get one.
  const drawsLater = !!(window as unknown as { Aula?: { config?: { scripts?: Record<string, string> } } }).Aula?.config?.scripts?.mermaid;
  pages.forEach((page, i) => {
    const section = page.querySelector<HTMLElement>(':scope > section');
    const where = { index: i + 1, source: section?.getAttribute('data-source') ?? '' };
    for (const fig of Array.from(page.querySelectorAll<HTMLElement>('figure.aula-diagram'))) {
      const svg = fig.querySelector('svg');
      const r = svg?.getBoundingClientRect();
      if (!svg || !r || r.width <= 16 || r.height <= 16) problems.push({ ...where, problem: 'el diagrama no se ha dibujado', final: !svg && !drawsLater });
    }
    // The static transcript stands next to (or inside) the live terminal's frame.
    for (const term of Array.from(page.querySelectorAll<HTMLElement>('.aula-terminal'))) {
      const next = term.nextElementSibling;
      const t = term.querySelector<HTMLElement>('.aula-transcript') ?? (next instanceof HTMLElement && next.matches('.aula-transcript') ? next : null);
      const r = t?.getBoundingClientRect();
      if (!t || !r || r.height === 0) problems.push({ ...where, problem: 'la transcripción de la terminal no está en su sitio', final: !t });
    }
    for (const img of Array.from(page.querySelectorAll<HTMLImageElement>('img'))) {
      if (!img.complete || img.naturalWidth === 0) problems.push({ ...where, problem: `la imagen ${img.getAttribute('src') ?? ''} no se ha cargado`, final: img.complete });
    }
    if (section && section.scrollHeight > page.clientHeight + 2) {
      overflow.push({ ...where, problem: 'el contenido no cabe en la página y sale recortado' });
    }
  });
  return { pages: pages.length, problems, overflow };
}

/**
 * Runs in the page: a slide taller than its page (a long transcript, say) is drawn smaller until it
 * fits, centred, rather than cut off: the PDF always shows all of it. The page is zoomed (reveal's
 * print styles keep sections from being scaled) and made taller by the same factor, so it still
 * prints as exactly one page. Returns the scale used for each such slide.
 */
function fitOverflowing(minScale: number): { index: number; source: string; scale: number; fits: boolean }[] {
  const out: { index: number; source: string; scale: number; fits: boolean }[] = [];
  Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page')).forEach((page, i) => {
    const section = page.querySelector<HTMLElement>(':scope > section');
    if (!section) return;
    const room = page.clientHeight;
    const wide = page.clientWidth;
    const tall = section.scrollHeight;
    if (tall <= room + 2) return;
    const scale = Math.max(minScale, Math.floor((room / tall) * 100) / 100);
    page.style.zoom = String(scale);
    page.style.height = `${room / scale}px`;
    section.style.left = `${(wide / scale - section.offsetWidth) / 2}px`;
    section.style.top = `${Math.max(0, (room / scale - tall) / 2)}px`;
    out.push({ index: i + 1, source: section.getAttribute('data-source') ?? '', scale, fits: tall * scale <= room + 2 });
  });
  return out;
}

/** Runs in the page: lays each printed page out as a handout, the slide on top and its notes below. */
function layoutNotes(labels: { heading: string; empty: string }): void {
  const reveal = (window as unknown as { Reveal?: { getSlideNotes(s: HTMLElement): string | null } }).Reveal;
  const aula = (window as unknown as { Aula?: { reveal?: { getSlideNotes(s: HTMLElement): string | null } } }).Aula;
  const api = aula?.reveal ?? reveal;
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides .pdf-page'));
  if (pages.length === 0) return;
  // Rendered sizes: a page zoomed to fit a tall slide reports its own, larger, CSS size.
  const w = Math.round(pages[0].getBoundingClientRect().width);
  const h = Math.round(pages[0].getBoundingClientRect().height);
  // A4 proportions: the handout prints on ordinary paper with the slide in its upper half.
  const total = Math.round(w * Math.SQRT2);
  const style = document.createElement('style');
  style.textContent =
    `@page{size:${w}px ${total}px;margin:0}` +
    `html.reveal-print .reveal .slides .pdf-page{height:${total}px !important;background:#fff !important}` +
    `.aula-print-slide{position:absolute;left:0;top:0;width:${w}px;height:${h}px;overflow:hidden}` +
    `.aula-print-notes{position:absolute;left:0;top:${h}px;width:${w}px;height:${total - h}px;box-sizing:border-box;` +
    `padding:28px 48px 36px;background:#fff;color:#1a1a1a;font-family:'Atkinson Hyperlegible',system-ui,sans-serif;` +
    `font-size:26px;line-height:1.45;text-align:left;overflow:hidden;border-top:2px solid #bbb}` +
    `.aula-print-notes .aula-print-label{font-size:16px;letter-spacing:.08em;text-transform:uppercase;color:#555;margin:0 0 12px;font-weight:700;border:0;padding:0}` +
    `.aula-print-notes p{margin:0 0 .6em}.aula-print-notes ul,.aula-print-notes ol{margin:0 0 .6em 1.2em;padding:0}` +
    `.aula-print-notes .aula-print-lines{height:100%;background:repeating-linear-gradient(#fff 0 39px,#ccc 39px 40px)}`;
  document.head.appendChild(style);
  for (const page of pages) {
    // The slide keeps its own background and number inside a box of the slide's size.
    const box = document.createElement('div');
    box.className = 'aula-print-slide';
    box.style.background = page.style.background;
    page.style.background = '';
    const zoom = parseFloat(page.style.zoom || '1') || 1;
    if (zoom !== 1) {
      page.style.zoom = '';
      box.style.zoom = String(zoom);
      box.style.width = `${w / zoom}px`;
      box.style.height = `${h / zoom}px`;
    }
    while (page.firstChild) box.appendChild(page.firstChild);
    page.appendChild(box);
    const section = box.querySelector<HTMLElement>(':scope > section');
    const html = section && api ? api.getSlideNotes(section) : null;
    const notes = document.createElement('div');
    notes.className = 'aula-print-notes';
    const heading = document.createElement('p');
    heading.className = 'aula-print-label';
    heading.textContent = labels.heading;
    notes.appendChild(heading);
    const body = document.createElement('div');
    if (html && html.trim()) body.innerHTML = html;
    else {
      body.className = 'aula-print-lines';
      body.setAttribute('aria-label', labels.empty);
    }
    notes.appendChild(body);
    page.appendChild(notes);
    // Long notes shrink until they fit rather than spill onto a page of their own.
    let size = 26;
    while (notes.scrollHeight > notes.clientHeight + 1 && size > 11) {
      size -= 1;
      notes.style.fontSize = `${size}px`;
    }
  }
}

async function waitForPrintView(page: Page, deck: string, timeoutMs: number): Promise<void> {
  try {
    await page.waitForFunction(() => (window as unknown as { __aulaPdfReady?: boolean }).__aulaPdfReady === true, null, { timeout: timeoutMs });
  } catch {
    throw new RenderError(deck, `la vista de impresión de reveal no terminó en ${Math.round(timeoutMs / 1000)} s (nunca llegó el evento pdf-ready)`);
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

export async function renderDeck(browser: Browser, deck: string, htmlPath: string, opts: RenderOptions): Promise<RenderedDeck> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  const warnings: string[] = [];
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let crashed = false;
    page.on('crash', () => (crashed = true));
    // pdf-ready does not bubble: a capturing listener on window sees it whenever it fires.
    await page.addInitScript((css) => {
      window.addEventListener('pdf-ready', () => ((window as unknown as { __aulaPdfReady?: boolean }).__aulaPdfReady = true), true);
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = css;
        document.head.appendChild(style);
      });
    }, PRINT_CSS);
    const url = pathToFileURL(htmlPath).href + PRINT_QUERY;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: opts.timeoutMs });
    } catch (e) {
      throw new RenderError(deck, `no se pudo abrir ${htmlPath}: ${(e as Error).message.split('\n')[0]}`);
    }
    await waitForPrintView(page, deck, opts.timeoutMs);

    const deadline = Date.now() + opts.timeoutMs;
    let state = await page.evaluate(pageProblems);
    while (state.problems.length > 0 && !state.problems.every((p) => p.final) && Date.now() < deadline && !crashed) {
      await page.waitForTimeout(100);
      state = await page.evaluate(pageProblems);
    }
    if (crashed) throw new RenderError(deck, 'la página del navegador se cerró de forma inesperada');
    if (state.problems.length > 0) {
      const extra = errors.length ? `\n  errores en la página: ${errors.join(' | ')}` : '';
      throw new RenderError(deck, state.problems.map(describe).join('; ') + extra);
    }
    if (state.pages === 0) throw new RenderError(deck, 'la vista de impresión no produjo ninguna página');
    if (state.overflow.length) {
      for (const f of await page.evaluate(fitOverflowing, MIN_FIT_SCALE)) {
        const where = { index: f.index, source: f.source };
        const pct = Math.round(f.scale * 100);
        warnings.push(
          describe({ ...where, problem: f.fits ? `no cabe en la página: se imprime al ${pct} %` : `no cabe en la página ni al ${pct} %: sale recortada` }),
        );
      }
    }
    for (const e of errors) warnings.push(`error en la página: ${e}`);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });

    // The handout changes the layout, so the thumbnail is taken first, from the slide view.
    const png = await thumbnail(page, opts.thumbWidth);
    let notesPdf: Buffer | null = null;
    if (opts.notes) {
      await page.evaluate(layoutNotes, { heading: 'Notas del ponente', empty: 'Sin notas: espacio para apuntes' });
      notesPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    }
    return { pdf, notesPdf, png, slides: state.pages, warnings };
  } finally {
    await context.close();
  }
}

/** The first printed page, drawn smaller by the browser itself so text stays crisp at the thumbnail's size. */
async function thumbnail(page: Page, width: number): Promise<Buffer> {
  const first = page.locator('.reveal .slides .pdf-page').first();
  await first.scrollIntoViewIfNeeded();
  const box = await first.evaluate((el, w) => {
    const r = el.getBoundingClientRect();
    const scale = w / r.width;
    el.style.transformOrigin = '0 0';
    el.style.transform = `scale(${scale})`;
    // a page number says nothing on a cover picture
    el.querySelectorAll<HTMLElement>('.slide-number-pdf').forEach((n) => (n.style.visibility = 'hidden'));
    const s = el.getBoundingClientRect();
    return { x: s.left, y: s.top, width: w, height: Math.round(r.height * scale) };
  }, width);
  try {
    return await page.screenshot({ clip: box, animations: 'disabled', caret: 'hide' });
  } finally {
    await first.evaluate((el) => {
      el.style.transform = '';
      el.style.transformOrigin = '';
      el.querySelectorAll<HTMLElement>('.slide-number-pdf').forEach((n) => (n.style.visibility = ''));
    });
  }
}
