/**
 * The terminals of the page outlive their DOM: reveal rebuilds the slides when the scroll view
 * is left, and the new element must show the same screen, line and history. One entry per
 * terminal (deck, session, index) keeps the console and everything it has printed.
 */
import { TerminalConsole, type ConsoleOptions, type Screen, type Timer } from './console';
import type { Scenario } from './scenario';
import { ScreenModel } from './screen-model';
import { NOTICE_RESTORED, type KeyValueStore, type SessionRegistry } from './session';

/** Scrollback kept for a re-created screen; older output is dropped at a line start. */
const BUFFER_LIMIT = 256 * 1024;
/** Lines of the screen kept in localStorage, so that a reload shows what was done. */
const SAVED_LINES = 200;

export function screenKey(s: Scenario): string {
  return `aula:terminal-screen:${s.deck}:${s.session}:${s.index}`;
}

export interface ScreenSink {
  write(data: string): void;
  cols(): number;
  rows?(): number;
}

export class TerminalEntry implements Screen {
  readonly console: TerminalConsole;
  private buffer = '';
  /** Emulators showing this terminal; the last one attached sets the width. */
  private readonly sinks: ScreenSink[] = [];
  private lastCols = 80;

  /** What the screen shows, kept to be saved (the raw buffer holds every redraw of every line). */
  private model: ScreenModel;
  private readonly key: string;

  constructor(
    scenario: Scenario,
    registry: SessionRegistry,
    timer: Timer | undefined,
    options: ConsoleOptions,
    private readonly store: KeyValueStore | null = null,
  ) {
    const session = registry.get(scenario);
    this.key = screenKey(scenario);
    this.model = new ScreenModel(this.lastCols, Infinity, SAVED_LINES + 1);
    this.console = new TerminalConsole(session, scenario, this, timer, options);
    // The screen comes back only with the machine it belongs to.
    const saved = session.notice === NOTICE_RESTORED ? this.read() : null;
    if (saved) this.write(saved);
    else this.forget();
    this.console.start();
    this.console.watch(() => {
      if (!this.console.isBusy()) this.save();
    });
  }

  private read(): string | null {
    try {
      const v = this.store?.getItem(this.key) ?? null;
      // only text and SGR colours were saved; anything else is not ours
      return v && !/\x1b(?!\[[0-9;]*m)/.test(v) ? v : null;
    } catch {
      return null;
    }
  }

  private forget(): void {
    try {
      this.store?.removeItem(this.key);
    } catch {
      // storage blocked
    }
  }

  private save(): void {
    if (!this.store) return;
    try {
      this.store.setItem(this.key, this.model.ansi());
    } catch {
      // full or blocked storage: the screen is simply not kept
    }
  }

  write(data: string): void {
    if (this.model.cols !== this.lastCols) {
      // width changed: start a new model from what is saved so far
      const kept = this.model.ansi();
      this.model = new ScreenModel(this.lastCols, Infinity, SAVED_LINES + 1);
      this.model.write(kept);
    }
    this.model.write(data);
    this.buffer += data;
    if (this.buffer.length > BUFFER_LIMIT) {
      const cut = this.buffer.indexOf('\r\n', this.buffer.length - BUFFER_LIMIT / 2);
      if (cut > 0) this.buffer = this.buffer.slice(cut + 2);
    }
    for (const s of this.sinks) s.write(data);
  }

  note(data: string): void {
    this.buffer += data;
    for (const s of this.sinks) s.write(data);
  }

  cols(): number {
    const sink = this.sinks[this.sinks.length - 1];
    if (sink) this.lastCols = sink.cols();
    return this.lastCols;
  }

  rows(): number {
    return this.sinks[this.sinks.length - 1]?.rows?.() ?? Infinity;
  }

  /** Shows this terminal in a (new) emulator: replays what was printed so far. */
  attach(sink: ScreenSink): void {
    this.sinks.push(sink);
    if (this.buffer) sink.write(this.buffer);
  }

  detach(sink: ScreenSink): void {
    const i = this.sinks.indexOf(sink);
    if (i >= 0) this.sinks.splice(i, 1);
  }
}

export function entryKey(s: Scenario): string {
  return `${s.deck}\u0000${s.session}\u0000${s.index}`;
}
