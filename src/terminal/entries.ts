/**
 * The terminals of the page outlive their DOM: reveal rebuilds the slides when the scroll view
 * is left, and the new element must show the same screen, line and history. One entry per
 * terminal (deck, session, index) keeps the console and everything it has printed.
 */
import { TerminalConsole, type ConsoleOptions, type Screen, type Timer } from './console';
import type { Scenario } from './scenario';
import type { SessionRegistry } from './session';

/** Scrollback kept for a re-created screen; older output is dropped at a line start. */
const BUFFER_LIMIT = 256 * 1024;

export interface ScreenSink {
  write(data: string): void;
  cols(): number;
}

export class TerminalEntry implements Screen {
  readonly console: TerminalConsole;
  private buffer = '';
  /** Emulators showing this terminal; the last one attached sets the width. */
  private readonly sinks: ScreenSink[] = [];
  private lastCols = 80;

  constructor(scenario: Scenario, registry: SessionRegistry, timer: Timer | undefined, options: ConsoleOptions) {
    this.console = new TerminalConsole(registry.get(scenario), scenario, this, timer, options);
    this.console.start();
  }

  write(data: string): void {
    this.buffer += data;
    if (this.buffer.length > BUFFER_LIMIT) {
      const cut = this.buffer.indexOf('\r\n', this.buffer.length - BUFFER_LIMIT / 2);
      if (cut > 0) this.buffer = this.buffer.slice(cut + 2);
    }
    for (const s of this.sinks) s.write(data);
  }

  cols(): number {
    const sink = this.sinks[this.sinks.length - 1];
    if (sink) this.lastCols = sink.cols();
    return this.lastCols;
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
