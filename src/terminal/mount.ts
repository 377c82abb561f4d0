/**
 * Turns every `.aula-terminal` of the slides into a live terminal, and keeps doing so whenever
 * the deck rebuilds its slides.
 */
import { realTimer } from './console';
import { entryKey, TerminalEntry } from './entries';
import { readScenario, type Scenario } from './scenario';
import { SessionRegistry, type KeyValueStore, type ShellFactory } from './session';
import { trackStepsInNotes } from './speaker-steps';
import { TerminalWidget } from './widget';
import { showModalFrom } from '../deck/dialog';
import { isReceiver } from '../deck/speaker-view';

interface RevealSlides {
  getCurrentSlide?(): HTMLElement | undefined;
  isOverview?(): boolean;
  on?(type: string, fn: (e: Event) => void): void;
}

function storage(): KeyValueStore | null {
  if (isPreviewFrame()) return null;
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: terminals work, they just forget on reload
  }
}

const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
let registry: SessionRegistry;
const entries = new Map<string, TerminalEntry>();
const widgets = new Map<HTMLElement, TerminalWidget>();
/** What keeps each slide terminal's steps in the speaker notes, to stop with the element. */
const stepNotes = new Map<HTMLElement, () => void>();

function reveal(): RevealSlides | undefined {
  return window.Aula?.reveal as unknown as RevealSlides | undefined;
}

function isCurrent(el: HTMLElement): boolean {
  const r = reveal();
  if (r?.isOverview?.()) return false;
  const current = r?.getCurrentSlide?.();
  return !current || current.contains(el);
}

function isPrintView(): boolean {
  return document.documentElement.classList.contains('print-pdf') || /print-pdf/i.test(location.search);
}

/**
 * The slide previews of the speaker view (the deck reopened with `?receiver`): they share the
 * presenter's storage, and a live terminal there would play the steps the class has not reached
 * yet (the "upcoming" preview catches up the current slide) and save them. They show the
 * transcript instead, and touch nothing.
 */
const isPreviewFrame = isReceiver;

/** Mounts every terminal below `root` not mounted yet; forgets widgets whose element is gone. */
export function mountAll(root: ParentNode = document): void {
  for (const [el, w] of widgets) {
    if (!el.isConnected) {
      w.dispose();
      widgets.delete(el);
    }
  }
  for (const [el, stop] of stepNotes) {
    if (!el.isConnected) {
      stop();
      stepNotes.delete(el);
    }
  }
  if (isPrintView() || isPreviewFrame()) return; // they show the transcript the build wrote
  for (const el of root.querySelectorAll<HTMLElement>('.aula-terminal[data-scenario]')) {
    if (widgets.has(el)) continue;
    const scenario = readScenario(el.getAttribute('data-scenario'));
    if (!scenario) continue;
    const key = entryKey(scenario);
    let entry = entries.get(key);
    if (!entry) {
      entry = new TerminalEntry(scenario, registry, realTimer, { typingDelay: reducedMotion ? 0 : 45 }, storage());
      entries.set(key, entry);
    }
    widgets.set(el, new TerminalWidget(el, scenario, entry, { isCurrent }));
    if (el.id) enableOpener(el, scenario, entry);
    const con = entry.console;
    stepNotes.set(el, trackStepsInNotes(el, scenario, () => con.stepsDone(), (fn) => con.watch(fn)));
  }
}

const openers = new WeakSet<HTMLElement>();

/** Reading view: the slide shows the transcript; its button opens the live terminal over the page. */
function enableOpener(el: HTMLElement, scenario: Scenario, entry: TerminalEntry): void {
  const button = el.parentElement?.querySelector<HTMLButtonElement>(`#${CSS.escape(el.id)} + .aula-transcript .aula-transcript-open`);
  if (!button || openers.has(button)) return;
  openers.add(button);
  button.hidden = false;
  button.addEventListener('click', () => openInDialog(scenario, entry, button));
}

function openInDialog(scenario: Scenario, entry: TerminalEntry, opener: HTMLElement): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'aula-term-dialog';
  dialog.setAttribute('aria-label', scenario.title ? `Terminal: ${scenario.title}` : 'Terminal');
  const frame = document.createElement('div');
  frame.className = 'aula-terminal';
  dialog.appendChild(frame);
  document.body.appendChild(dialog);
  const close = () => dialog.close();
  const widget = new TerminalWidget(frame, scenario, entry, { isCurrent: () => true, leave: close });
  widget.setLeaveLabel('Cerrar');
  widgets.set(frame, widget);
  dialog.addEventListener('close', () => {
    widgets.delete(frame);
    widget.dispose();
    dialog.remove();
  });
  showModalFrom(dialog, opener);
  widget.focus();
}

function whenSlideChanges(): void {
  const onShown = () => {
    for (const [el, w] of widgets) if (el.isConnected && isCurrent(el) && el.getClientRects().length) w.visible();
  };
  reveal()?.on?.('slidechanged', onShown);
  reveal()?.on?.('overviewhidden', onShown);
}

/** Read-only view for tools and tests: what a terminal element shows. */
export interface AulaTerminalApi {
  text(el: Element): string;
  count(): number;
  /** Sends data to a terminal as if typed (automation: thumbnails, measurements). */
  input(el: Element, data: string): void;
}

declare global {
  interface Window {
    AulaTerminal?: AulaTerminalApi;
  }
}

window.AulaTerminal = {
  text: (el) => widgets.get(el.closest<HTMLElement>('.aula-terminal')!)?.text() ?? '',
  count: () => [...widgets.keys()].filter((el) => el.isConnected).length,
  input: (el, data) => widgets.get(el.closest<HTMLElement>('.aula-terminal')!)?.input(data),
};

/** Starts the terminals of the page on the given simulator. */
export function startTerminals(factory: ShellFactory): void {
  registry = new SessionRegistry(factory, storage());
  if (window.Aula?.registerMount) {
    window.Aula.registerMount('terminal', (root) => mountAll(root));
    whenSlideChanges();
  } else if (document.readyState === 'loading') {
    // A page without the deck runtime (embedding): mount once the document is there.
    document.addEventListener('DOMContentLoaded', () => mountAll(document));
  } else mountAll(document);
}
