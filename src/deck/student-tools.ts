/**
 * What students reviewing at home get in every deck: reading view, progress and resume, course
 * search, keyboard help, and reveal's motion turned off for readers who asked for less motion.
 * Call once, right after reveal is ready and before any script mounts widgets in the slides
 * (the reading view keeps a copy of the slides as built).
 */
import { initHelpOverlay } from './help-overlay';
import { initProgress } from './progress';
import type { AulaRuntime } from './reveal-view';
import { initScrollView } from './scroll-view';
import { initSearch } from './search';

export { READING_CONFIG } from './scroll-view';

export function respectReducedMotion(aula: AulaRuntime): void {
  const query = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  const apply = () => {
    if (query?.matches) aula.reveal.configure({ transition: 'none', backgroundTransition: 'none', autoAnimate: false });
  };
  apply();
  query?.addEventListener?.('change', apply);
}

export function initStudentTools(runtime: { reveal: unknown; config: unknown; remount?: () => void }): void {
  const aula = runtime as AulaRuntime;
  respectReducedMotion(aula);
  initScrollView(aula);
  initProgress(aula);
  initSearch(aula);
  initHelpOverlay(aula);
}
