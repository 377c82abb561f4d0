/**
 * Remembers the last slide a student saw in each deck and offers to resume there on return
 * («Continuar donde lo dejaste»). The deck counts as done once its last slide was reached.
 */
import { readProgress, writeProgress, type DeckProgress } from './progress-store';
import { button, el } from './dom';
import { isScrollView, OPENED_WITH_HASH, type AulaRuntime, type RevealLike } from './reveal-view';

/** Number of vertical slides under each horizontal index, in either view. */
export function slideCounts(reveal: RevealLike): number[] {
  const root = reveal.getRevealElement();
  const counts: number[] = [];
  if (!root) return counts;
  if (isScrollView(reveal)) {
    for (const s of Array.from(root.querySelectorAll<HTMLElement>('.scroll-page section[data-index-h]'))) {
      const h = Number(s.dataset.indexH);
      const v = Number(s.dataset.indexV ?? 0);
      if (Number.isInteger(h) && Number.isInteger(v)) counts[h] = Math.max(counts[h] ?? 0, v + 1);
    }
    return Array.from(counts, (c) => c ?? 1);
  }
  const slides = reveal.getSlidesElement();
  if (!slides) return counts;
  for (const top of Array.from(slides.children)) {
    if (top.tagName !== 'SECTION') continue;
    const inner = Array.from(top.children).filter((c) => c.tagName === 'SECTION').length;
    counts.push(Math.max(inner, 1));
  }
  return counts;
}

export function linearIndex(counts: number[], h: number, v: number): number {
  let i = 0;
  for (let k = 0; k < h && k < counts.length; k++) i += counts[k];
  return i + Math.min(v, Math.max((counts[h] ?? 1) - 1, 0));
}

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Pages that only mirror the deck (speaker view panes, print/PDF) record nothing. */
function isSecondaryView(): boolean {
  const q = location.search;
  if (/receiver|print-pdf|view=print/i.test(q)) return true;
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/** True when the page was opened on a specific slide (a link, a search result). */
function hasDeepLink(): boolean {
  const hash = OPENED_WITH_HASH.replace(/^#\/?/, '');
  return hash !== '' && hash !== '0' && hash !== '0/0';
}

export function initProgress(aula: AulaRuntime): void {
  const reveal = aula.reveal;
  const slug = aula.config.deck;
  if (!slug || isSecondaryView()) return;

  // Counted once, on the slides as built: the deck does not change while it is open
  const counts = slideCounts(reveal);
  const total = counts.reduce((a, b) => a + b, 0);
  const saved = readProgress(slug);
  const start = reveal.getIndices();
  let moved = false;
  let prompt: HTMLElement | null = null;

  const record = (h: number, v: number) => {
    if (total === 0) return;
    const index = linearIndex(counts, h, v);
    const prev = readProgress(slug);
    const p: DeckProgress = {
      h,
      v,
      index,
      total,
      done: (prev?.done ?? false) || index >= total - 1,
      at: Date.now(),
    };
    writeProgress(slug, p);
  };

  // Opening a deck moves it by itself (the link's slide, the reading view settling its scroll
  // position): only what follows the student's own input counts as reading, so opening the deck
  // never erases where they were
  let touched = false;
  const onInput = () => {
    touched = true;
    for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, true);
  };
  for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });

  const onChange = () => {
    const { h, v } = reveal.getIndices();
    if (!moved && (!touched || (h === start.h && v === start.v))) return;
    moved = true;
    prompt?.remove();
    prompt = null;
    record(h, v);
  };
  reveal.on('slidechanged', onChange);

  if (saved && (saved.h !== 0 || saved.v !== 0) && !hasDeepLink() && saved.index < total) {
    prompt = resumePrompt(saved, total, () => {
      prompt?.remove();
      prompt = null;
      reveal.slide(saved.h, saved.v);
    }, () => {
      prompt?.remove();
      prompt = null;
    });
  } else if (hasDeepLink() || !saved) {
    // Arriving on a linked slide (or for the first time) already counts as reading it; in the
    // reading view the position settles a moment later and is recorded then
    moved = true;
    record(start.h, start.v);
  }
}

function resumePrompt(saved: DeckProgress, total: number, onResume: () => void, onDismiss: () => void): HTMLElement {
  const go = button({ className: 'aula-resume-go' }, onResume);
  go.append(
    el('span', { className: 'aula-resume-title', text: 'Continuar donde lo dejaste' }),
    el('span', { className: 'aula-resume-where', text: `Diapositiva ${saved.index + 1} de ${total}` }),
  );
  const close = button({ className: 'aula-resume-close', text: '×', attrs: { 'aria-label': 'No, empezar desde el principio', title: 'Empezar desde el principio' } }, onDismiss);
  const box = el('div', { className: 'aula-resume', attrs: { role: 'region', 'aria-label': 'Continuar la lectura' } }, go, close);
  document.body.appendChild(box);
  return box;
}

/**
 * reveal's progress bar is a plain div; named by the deck runtime, it needs a role to carry that
 * name, and as a progress bar it can also say where the reader is.
 */
export function describeProgressBar(aula: AulaRuntime): void {
  const reveal = aula.reveal;
  const counts = slideCounts(reveal);
  const total = counts.reduce((a, b) => a + b, 0);
  const update = () => {
    const bar = reveal.getRevealElement()?.querySelector<HTMLElement>(':scope > .progress');
    if (!bar || total === 0) return;
    const { h, v } = reveal.getIndices();
    const n = linearIndex(counts, h, v) + 1;
    bar.setAttribute('role', 'progressbar');
    if (!bar.hasAttribute('aria-label')) bar.setAttribute('aria-label', 'Progreso de la presentación');
    bar.setAttribute('aria-valuemin', '1');
    bar.setAttribute('aria-valuemax', String(total));
    bar.setAttribute('aria-valuenow', String(n));
    bar.setAttribute('aria-valuetext', `Diapositiva ${n} de ${total}`);
  };
  update();
  reveal.on('slidechanged', update);
}
