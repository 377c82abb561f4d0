/**
 * Reading view: reveal.js 6's scroll view turned into study material. Slides read top to bottom,
 * each followed by its speaker notes as the explanation; every fragment is shown; it switches on
 * by itself on narrow screens; a toolbar button (and `R`) switches between the two views and
 * `?view=scroll` opens a deck in it.
 *
 * reveal rebuilds the slides from saved HTML when it leaves the scroll view, which destroys
 * whatever scripts mounted in them (terminals, diagrams): after every switch `Aula.remount()`
 * runs the mounts again on the new DOM.
 */
import { internalDeck, isScrollView, isTypingTarget, OPENED_WITH_HASH, scrollController, type AulaRuntime, type RevealLike, type ScrollViewController } from './reveal-view';
import { el } from './dom';
import { ICONS, setToolLabel, toolButton } from './toolbar';

/** Below this width (px) a deck opens in the reading view. */
export const READING_ACTIVATION_WIDTH = 600;

/** reveal options for the reading view; the deck runtime passes them to `Reveal.initialize`. */
export const READING_CONFIG = {
  scrollActivationWidth: READING_ACTIVATION_WIDTH,
  // One page per slide, as tall as the scaled slide: the notes follow right after it
  scrollLayout: 'compact',
  // Snapping would pull the reader away from the notes they are reading
  scrollSnap: false,
  scrollProgress: 'auto',
} as const;

const PREF_KEY = 'aula.view';
/** Height of the bar the reading view keeps at the top (reading.css), which slides scroll under. */
const READING_BAR_HEIGHT = 60;
type ViewName = 'scroll' | 'slides';

export interface ReadingView {
  isActive(): boolean;
  /** Switches view on the user's request (remembered for the browser session). */
  set(view: ViewName): void;
  toggle(): void;
}

export function initScrollView(aula: AulaRuntime): ReadingView {
  const reveal = aula.reveal;
  const sv = scrollController(reveal);
  const slidesEl = reveal.getSlidesElement();
  const viewport = reveal.getViewportElement() ?? document.body;

  // The slides exactly as built, before any script mounted something in them: what reveal
  // restores when leaving the scroll view (restoring mounted widgets would leave dead copies)
  const pristine = sv?.active ? sv.slideHTMLBeforeActivation : slidesEl?.innerHTML ?? null;

  const button = toolButton('view', 'Modo lectura', ICONS.reading);
  button.setAttribute('aria-keyshortcuts', 'R');

  const update = () => {
    const on = isScrollView(reveal);
    document.documentElement.classList.toggle('aula-reading', on);
    setToolLabel(button, on ? 'Modo diapositivas' : 'Modo lectura', on ? ICONS.slides : ICONS.reading);
    button.title = on ? 'Ver como diapositivas (R)' : 'Leer la presentación como una página, con las explicaciones (R)';
  };

  const afterActivate = (target: { h: number; v: number }) => {
    if (!sv) return;
    const { h, v } = target;
    decoratePages(reveal);
    // reveal scrolled to the slide before the notes were added (or to a position saved earlier
    // in this tab); bring the slide being read back to the top
    reveal.slide(h, v);
    watchSizes();
    update();
    aula.remount?.();
  };
  // Slides change size after the first layout (fonts arriving, diagrams drawn late): the pages
  // holding them are measured again
  let watcher: ResizeObserver | null = null;
  let queued = 0;
  const watchSizes = () => {
    watcher?.disconnect();
    if (typeof ResizeObserver !== 'function') return;
    watcher = new ResizeObserver(() => {
      if (queued) return;
      queued = requestAnimationFrame(() => {
        queued = 0;
        if (isScrollView(reveal)) reveal.layout();
      });
    });
    reveal.getRevealElement()?.querySelectorAll('.scroll-page section[data-index-h]').forEach((el) => watcher!.observe(el));
  };

  const afterDeactivate = () => {
    watcher?.disconnect();
    watcher = null;
    update();
    aula.remount?.();
  };

  if (sv) {
    patchScrollView(sv, viewport, pristine, () => reveal.getIndices(), afterActivate, afterDeactivate);
  }

  const setUrl = (view: ViewName) => {
    const url = new URL(location.href);
    if (view === 'scroll') url.searchParams.set('view', 'scroll');
    else url.searchParams.delete('view');
    try {
      history.replaceState(history.state, '', url.toString());
    } catch {
      // some file:// setups refuse replaceState; the view still switches
    }
  };

  const api: ReadingView = {
    isActive: () => isScrollView(reveal),
    set(view) {
      try {
        sessionStorage.setItem(PREF_KEY, view);
      } catch {
        /* storage disabled: the choice lasts for this page only */
      }
      apply(view);
      setUrl(view);
    },
    toggle() {
      api.set(isScrollView(reveal) ? 'slides' : 'scroll');
    },
  };

  // reveal's width check reads these two settings on every layout. They are set on its config
  // object directly: `configure()` would re-sync the deck, and a sync while the scroll view is on
  // sends reveal back to the first slide.
  const cfg = reveal.getConfig();
  const apply = (view: ViewName) => {
    if (view === 'scroll') {
      cfg.view = 'scroll';
      if (!isScrollView(reveal)) reveal.toggleScrollView?.(true);
    } else {
      cfg.view = null;
      cfg.scrollActivationWidth = null;
      if (isScrollView(reveal)) reveal.toggleScrollView?.(false);
    }
    update();
  };

  // reveal writes the hash on slide transitions and fragment steps, which the reading view has
  // none of: keep the address on the slide being read (reloads, shared links, back to slides).
  // Through reveal's own writer, so a stale write it still has pending is replaced, not replayed.
  const urlWriter = internalDeck(reveal)?.location;
  reveal.on('slidechanged', () => {
    if (isScrollView(reveal)) urlWriter?.writeURL();
  });

  button.addEventListener('click', () => api.toggle());
  window.addEventListener(
    'keydown',
    (e) => {
      if ((e.key === 'r' || e.key === 'R') && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) {
        if (document.querySelector('dialog[open]') || reveal.isOverlayOpen?.() || reveal.isOverview?.()) return;
        e.preventDefault();
        api.toggle();
      }
    },
    true,
  );

  // A choice made earlier in this browser session wins over the automatic switch by width
  let pref: string | null = null;
  try {
    pref = sessionStorage.getItem(PREF_KEY);
  } catch {
    pref = null;
  }
  const fromUrl = new URLSearchParams(location.search).get('view');
  if (fromUrl === 'scroll') apply('scroll');
  else if (pref === 'slides' || pref === 'scroll') apply(pref);

  // Opened in the reading view: reveal scrolled to the linked slide by its own even split of the
  // page, which the notes have since made wrong; the address the page was opened with says which
  if (isScrollView(reveal)) afterActivate(hashIndices(OPENED_WITH_HASH) ?? { h: 0, v: 0 });
  else update();

  return api;
}

/**
 * Hooks into reveal's scroll view controller. reveal keeps one controller per deck and calls its
 * methods through the instance, so wrapping them here covers the button, `?view=scroll` and the
 * automatic switch on narrow screens alike.
 */
function patchScrollView(
  sv: ScrollViewController,
  viewport: HTMLElement,
  pristine: string | null,
  indices: () => { h: number; v: number },
  afterActivate: (slideBefore: { h: number; v: number }) => void,
  afterDeactivate: () => void,
): void {
  const activate = sv.activate.bind(sv);
  const deactivate = sv.deactivate.bind(sv);
  const setTriggerRanges = sv.setTriggerRanges.bind(sv);
  const scrollToSlide = sv.scrollToSlide.bind(sv);

  sv.activate = () => {
    if (sv.active) return;
    // In the scroll view reveal reads its indices off the page layout, so they are taken before
    const before = indices();
    activate();
    if (pristine !== null) sv.slideHTMLBeforeActivation = pristine;
    afterActivate(before);
  };
  sv.deactivate = () => {
    if (!sv.active) return;
    deactivate();
    afterDeactivate();
  };

  // Fragments are all shown while reading (CSS), so they get no scroll steps of their own
  sv.createFragmentTriggersForPage = () => 0;

  // reveal splits the scroll range evenly between pages; with notes under each slide the pages
  // differ in height, so the ranges come from where each page really is
  sv.setTriggerRanges = () => {
    setTriggerRanges();
    const triggers = sv.slideTriggers ?? [];
    if (triggers.length === 0 || triggers.some((t) => !t.page.pageElement)) return;
    fitTallSlides(triggers.map((t) => ({ page: t.page.pageElement!, slide: t.page.slideElement })));
    const max = viewport.scrollHeight - viewport.clientHeight;
    if (max <= 0) return;
    const offset = viewport.clientHeight / 3;
    const base = viewport.getBoundingClientRect().top - viewport.scrollTop;
    const tops = triggers.map((t) => (t.page.pageElement!.getBoundingClientRect().top - base - offset) / max);
    triggers.forEach((t, i) => {
      t.range = [i === 0 ? 0 : clamp(tops[i]), i === triggers.length - 1 ? 1 : clamp(tops[i + 1])];
    });
  };

  sv.scrollToSlide = (slide: HTMLElement) => {
    const page = slide.closest<HTMLElement>('.scroll-page');
    if (!sv.active || !page) return scrollToSlide(slide);
    const base = viewport.getBoundingClientRect().top - viewport.scrollTop;
    viewport.scrollTop = page.getBoundingClientRect().top - base - READING_BAR_HEIGHT;
  };
}

function hashIndices(hash: string): { h: number; v: number } | null {
  const m = /^#\/(\d+)(?:\/(\d+))?/.exec(hash);
  return m ? { h: Number(m[1]), v: Number(m[2] ?? 0) } : null;
}

/**
 * A slide whose content is taller than the slide size (a terminal's whole transcript, say) would
 * be cut by its page, which is one scaled slide tall: such a page grows to hold it. reveal resets
 * the page heights on every layout, right before computing its scroll ranges, so this runs there.
 */
function fitTallSlides(pages: Array<{ page: HTMLElement; slide: HTMLElement }>): void {
  for (const { page, slide } of pages) {
    const sticky = page.querySelector<HTMLElement>(':scope > .scroll-page-sticky');
    if (!sticky) continue;
    const need = Math.ceil(slide.getBoundingClientRect().height) + 2 * TALL_SLIDE_PADDING;
    if (need > sticky.getBoundingClientRect().height) page.style.setProperty('--page-height', `${need}px`);
  }
}

const TALL_SLIDE_PADDING = 16;

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** Puts each slide's notes under it, as the explanation a student reads. */
function decoratePages(reveal: RevealLike): void {
  const root = reveal.getRevealElement();
  if (!root) return;
  for (const page of Array.from(root.querySelectorAll<HTMLElement>('.scroll-page'))) {
    if (page.querySelector(':scope > .aula-reading-notes')) continue;
    // the author's notes (the terminals add their steps for the speaker view in notes of their own)
    const notes = page.querySelector<HTMLElement>('section aside.notes:not(.aula-steps-notes)');
    if (!notes || !notes.textContent?.trim()) continue;
    const body = el('div', { className: 'aula-reading-notes-body' }, ...Array.from(notes.childNodes, (child) => child.cloneNode(true)));
    const box = el('div', { className: 'aula-reading-notes', attrs: { role: 'note' } },
      el('p', { className: 'aula-reading-notes-label', text: 'Explicación' }), body);
    const sticky = page.querySelector(':scope > .scroll-page-sticky');
    page.insertBefore(box, sticky ? sticky.nextSibling : null);
  }
  // Page heights changed: reveal recomputes its scroll ranges; once the web fonts are in, a
  // transcript's lines take their final height, and a tall slide's page is fitted again
  reveal.layout();
  refitOnResize(reveal, root);
}

let resizeWatch: ResizeObserver | undefined;

/**
 * A slide can grow after the first layout (web fonts arriving, a terminal mounted into it): its
 * page is fitted again before the frame is painted. Only pages are resized, so it never feeds itself.
 */
function refitOnResize(reveal: RevealLike, root: HTMLElement): void {
  if (typeof ResizeObserver === 'undefined') return;
  resizeWatch?.disconnect();
  resizeWatch = new ResizeObserver(() => reveal.layout());
  for (const slide of Array.from(root.querySelectorAll<HTMLElement>('.scroll-page section'))) resizeWatch.observe(slide);
}
