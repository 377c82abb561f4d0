/**
 * Click (or Enter on a focused diagram) to see a diagram enlarged over the whole window; Esc, a
 * click or the close button return to the slide. Part of the deck runtime: diagrams drawn at build
 * time need no other script. Alt+click stays with reveal's zoom plugin.
 */
import { recloneIds } from './svg';

const FRAME = '.reveal .slides .aula-diagram .aula-diagram-frame';
let overlay: HTMLElement | null = null;
let returnFocus: HTMLElement | null = null;
let opened = 0;

function close(): void {
  if (!overlay) return;
  overlay.remove();
  overlay = null;
  document.removeEventListener('keydown', onKey, true);
  returnFocus?.focus({ preventScroll: true });
  returnFocus = null;
}

function onKey(e: KeyboardEvent): void {
  if (!overlay) return;
  // The overlay owns the keyboard while open: reveal must not change slides underneath.
  if (e.key === 'Escape' || e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    close();
  } else if (e.key === 'Tab') {
    e.preventDefault();
    overlay.querySelector<HTMLElement>('button')?.focus();
  }
  e.stopImmediatePropagation();
}

export function openDiagram(frame: HTMLElement): void {
  const svg = frame.querySelector('svg');
  if (!svg || overlay) return;
  const oldId = svg.id;
  const newId = `${oldId || 'mmd'}-zoom${++opened}`;
  const label = svg.getAttribute('aria-label') ?? 'Diagrama';
  const copy = oldId ? recloneIds(svg.outerHTML, oldId, newId) : svg.outerHTML;
  const caption = frame.closest('figure')?.querySelector('figcaption')?.textContent ?? '';
  overlay = document.createElement('div');
  overlay.className = 'aula-diagram-zoom';
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-label', `Diagrama ampliado: ${label}`);
  overlay.innerHTML =
    `<button type="button" class="aula-diagram-zoom-close" aria-label="Cerrar el diagrama ampliado">Cerrar ✕</button>` +
    `<div class="aula-diagram-zoom-body">${copy}</div>`;
  if (caption) {
    const p = document.createElement('p');
    p.className = 'aula-diagram-zoom-caption';
    p.textContent = caption;
    overlay.appendChild(p);
  }
  overlay.addEventListener('click', close);
  returnFocus = frame;
  document.body.appendChild(overlay);
  keepLegible(overlay);
  document.addEventListener('keydown', onKey, true);
  overlay.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
}

/** Text of the drawings is 20 units of their viewBox (theme.ts); below 14px on screen it is not read. */
const TEXT_UNITS = 20;
const MIN_TEXT_PX = 14;
const LEGIBLE_SCALE = 15 / TEXT_UNITS;

/**
 * A wide diagram fitted to a phone held upright would have 6px text: there it is shown at a
 * legible size instead, and the reader pans across it (a tap still closes it).
 */
function keepLegible(view: HTMLElement): void {
  const body = view.querySelector<HTMLElement>('.aula-diagram-zoom-body');
  const svg = body?.querySelector('svg');
  const box = svg?.viewBox?.baseVal;
  if (!body || !svg || !box || !box.width || !box.height) return;
  const fitted = Math.min(body.clientWidth / box.width, body.clientHeight / box.height);
  if (fitted * TEXT_UNITS >= MIN_TEXT_PX) return;
  view.classList.add('is-pannable');
  svg.style.width = `${Math.round(box.width * LEGIBLE_SCALE)}px`;
  svg.style.height = `${Math.round(box.height * LEGIBLE_SCALE)}px`;
  const hint = document.createElement('p');
  hint.className = 'aula-diagram-zoom-pan';
  hint.textContent = 'Desliza para recorrer el diagrama';
  body.after(hint);
}

function printing(): boolean {
  return /print-pdf/.test(location.search) || document.documentElement.classList.contains('print-pdf');
}

function inOverview(): boolean {
  return document.querySelector('.reveal.overview') !== null;
}

/**
 * One delegated listener for the whole page, so diagrams drawn later (viewer fallback) and slides
 * rebuilt by the scroll view need nothing more. The frames are focusable (tabindex in the HTML).
 */
export function installDiagramZoom(): void {
  if (printing()) return;
  document.addEventListener('click', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0 || inOverview()) return;
    // selecting the diagram's text (it is real text) is not asking for a bigger view
    if (window.getSelection()?.toString()) return;
    const frame = (e.target as Element | null)?.closest?.<HTMLElement>(FRAME);
    if (!frame || !frame.querySelector('svg')) return;
    e.preventDefault();
    openDiagram(frame);
  });
  document.addEventListener(
    'keydown',
    (e) => {
      if (overlay || e.key !== 'Enter' || inOverview()) return;
      const frame = (document.activeElement as Element | null)?.closest?.<HTMLElement>(FRAME);
      if (!frame || !frame.querySelector('svg')) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      openDiagram(frame);
    },
    true,
  );
}
