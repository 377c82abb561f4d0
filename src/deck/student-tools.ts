/**
 * What students reviewing at home get in every deck: reading view, progress and resume, course
 * search, keyboard help, and reveal's motion turned off for readers who asked for less motion.
 * Call once, right after reveal is ready and before any script mounts widgets in the slides
 * (the reading view keeps a copy of the slides as built).
 */
import { initHelpOverlay } from './help-overlay';
import { describeProgressBar, initProgress } from './progress';
import { isScrollView, type AulaRuntime } from './reveal-view';
import { initScrollView, READING_CONFIG as SCROLL_VIEW_CONFIG } from './scroll-view';
import { initSearch } from './search';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const STILL = { transition: 'none', backgroundTransition: 'none', autoAnimate: false } as const;

/**
 * reveal options for `Reveal.initialize`: the reading view's, and no animation for readers who
 * asked their system for less motion.
 */
export const READING_CONFIG = {
  ...SCROLL_VIEW_CONFIG,
  ...(typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION).matches ? STILL : {}),
};

/** Follows a change of the motion preference while the deck is open. */
export function respectReducedMotion(aula: AulaRuntime): void {
  const query = window.matchMedia?.(REDUCED_MOTION);
  const apply = () => {
    // configure() re-syncs the deck, which the scroll view does not survive in place: wait for slides
    if (!query?.matches || isScrollView(aula.reveal) || aula.reveal.getConfig().transition === 'none') return;
    aula.reveal.configure({ ...STILL });
  };
  apply();
  query?.addEventListener?.('change', apply);
}

/** Pages that only mirror a deck: the speaker view's previews, print / PDF. */
function isMirror(): boolean {
  return /receiver|print-pdf|view=print/i.test(location.search);
}

export function initStudentTools(runtime: { reveal: unknown; config: unknown; remount?: () => void }): void {
  const aula = runtime as AulaRuntime;
  respectReducedMotion(aula);
  if (isMirror()) return;
  initScrollView(aula);
  initProgress(aula);
  describeProgressBar(aula);
  initSearch(aula);
  initHelpOverlay(aula);
}
