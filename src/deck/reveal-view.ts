/**
 * The part of reveal.js 6 the reading view, progress and search use. `isScrollView`,
 * `toggleScrollView` and the scroll view controller (`reveal.scroll`) exist at runtime but are
 * missing from reveal's type definitions, so they are described here.
 */

export interface RevealLike {
  getConfig(): Record<string, unknown>;
  configure(options: Record<string, unknown>): void;
  on(type: string, listener: (event: Event) => void): void;
  off(type: string, listener: (event: Event) => void): void;
  getIndices(slide?: HTMLElement): { h: number; v: number; f?: number };
  slide(h?: number, v?: number, f?: number): void;
  getTotalSlides(): number;
  getSlidesElement(): HTMLElement | null;
  getViewportElement(): HTMLElement | null;
  getRevealElement(): HTMLElement | null;
  layout(): void;
  isScrollView?(): boolean;
  toggleScrollView?(override?: boolean): void;
  isOverlayOpen?(): boolean;
  isOverview?(): boolean;
  registerPlugin?(plugin: { id: string; init?(deck: { scroll?: ScrollViewController }): void }): void;
  /** only on reveal's internal deck object (what plugins receive), not on the public API */
  scroll?: ScrollViewController;
}

/** reveal.js's ScrollView controller instance (js/controllers/scrollview.js). */
export interface ScrollViewController {
  active: boolean;
  activate(): void;
  deactivate(): void;
  isActive(): boolean;
  setTriggerRanges(): void;
  scrollToSlide(slide: HTMLElement): void;
  createFragmentTriggersForPage(page: unknown, slide?: HTMLElement): number;
  slideHTMLBeforeActivation: string | null;
  slideTriggers?: Array<{ range: [number, number]; page: { pageElement?: HTMLElement; slideElement: HTMLElement } }>;
}

/** What the deck runtime publishes as `window.Aula`. */
export interface AulaRuntime {
  reveal: RevealLike;
  config: DeckPageConfig;
  registerMount?(name: string, fn: (root: HTMLElement) => void): void;
  remount?(): void;
}

export interface DeckPageConfig {
  deck: string;
  title?: string;
  scripts?: Record<string, string | undefined>;
  [key: string]: unknown;
}

interface InternalDeck {
  scroll?: ScrollViewController;
  location?: { writeURL(delay?: number): void };
}

let internal: InternalDeck | null | undefined;

/**
 * reveal's internal deck object, which holds its controllers (scroll view, location). The public
 * API does not expose it, but reveal hands it to every plugin's `init`, also after start-up.
 */
export function internalDeck(reveal: RevealLike): InternalDeck | null {
  if (reveal.scroll) return reveal as InternalDeck;
  if (internal !== undefined) return internal;
  internal = null;
  reveal.registerPlugin?.({
    id: 'aula-reading-view',
    init(deck) {
      internal = deck as InternalDeck;
    },
  });
  return internal;
}

export function scrollController(reveal: RevealLike): ScrollViewController | null {
  return internalDeck(reveal)?.scroll ?? null;
}

export function isScrollView(reveal: RevealLike): boolean {
  if (typeof reveal.isScrollView === 'function') return reveal.isScrollView();
  return reveal.scroll?.isActive() ?? false;
}

/** True when a key event belongs to something that reads the keyboard itself (a field, a terminal). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : document.activeElement;
  if (!el) return false;
  if (el.closest('.aula-terminal, .xterm')) return true;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return /^(input|textarea|select)$/i.test(el.tagName);
}

/**
 * The address the deck was opened with, read when the deck script runs, before reveal starts
 * rewriting the hash (in the scroll view its first rewrites can name the wrong slide).
 */
export const OPENED_WITH_HASH = typeof location === 'undefined' ? '' : location.hash;
