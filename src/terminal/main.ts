/**
 * Entry of the terminal bundle (loaded by the deck runtime only on decks that have terminals):
 * turns every `.aula-terminal` of the slides into a live terminal on the simulated Docker.
 */
import '@xterm/xterm/css/xterm.css';
import './terminal.css';
import { createShell } from '../docker/index';
import { realTimer } from './console';
import { entryKey, TerminalEntry } from './entries';
import { readScenario } from './scenario';
import { SessionRegistry, type KeyValueStore } from './session';
import { TerminalWidget } from './widget';

interface RevealSlides {
  getCurrentSlide?(): HTMLElement | undefined;
  on?(type: string, fn: (e: Event) => void): void;
}

function storage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: terminals work, they just forget on reload
  }
}

const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const registry = new SessionRegistry((options) => createShell(options), storage());
const entries = new Map<string, TerminalEntry>();
const widgets = new Map<HTMLElement, TerminalWidget>();

function reveal(): RevealSlides | undefined {
  return window.Aula?.reveal as unknown as RevealSlides | undefined;
}

function isCurrent(el: HTMLElement): boolean {
  const current = reveal()?.getCurrentSlide?.();
  return !current || current.contains(el);
}

function isPrintView(): boolean {
  return document.documentElement.classList.contains('print-pdf') || /print-pdf/i.test(location.search);
}

/** Mounts every terminal below `root` not mounted yet; forgets widgets whose element is gone. */
export function mountAll(root: ParentNode = document): void {
  for (const [el, w] of widgets) {
    if (!el.isConnected) {
      w.dispose();
      widgets.delete(el);
    }
  }
  if (isPrintView()) return; // paper shows the transcript the build wrote
  for (const el of root.querySelectorAll<HTMLElement>('.aula-terminal[data-scenario]')) {
    if (widgets.has(el)) continue;
    const scenario = readScenario(el.getAttribute('data-scenario'));
    if (!scenario) continue;
    const key = entryKey(scenario);
    let entry = entries.get(key);
    if (!entry) {
      entry = new TerminalEntry(scenario, registry, realTimer, { typingDelay: reducedMotion ? 0 : 45 });
      entries.set(key, entry);
    }
    widgets.set(el, new TerminalWidget(el, scenario, entry, { isCurrent }));
  }
}

function whenSlideChanges(): void {
  reveal()?.on?.('slidechanged', () => {
    for (const [el, w] of widgets) if (el.isConnected && isCurrent(el) && el.getClientRects().length) w.visible();
  });
}

if (window.Aula?.registerMount) {
  window.Aula.registerMount('terminal', (root) => mountAll(root));
  whenSlideChanges();
} else {
  // A page without the deck runtime (tests, embedding): mount once the document is there.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll(document));
  else mountAll(document);
}
