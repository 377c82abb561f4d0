// Wires a TerminalConsole to a fake shell, an in-memory screen and a manual clock.
import { TerminalConsole, type Timer } from '../../../src/terminal/console';
import type { Scenario } from '../../../src/terminal/scenario';
import { ScreenModel } from '../../../src/terminal/screen-model';
import { SessionRegistry, type KeyValueStore } from '../../../src/terminal/session';
import { FakeShell, MemoryStore } from './fake-shell';

/** Sleeps resolve on the next macrotask (so tests can type "during" a command), or on abort. */
export const fastTimer: Timer = {
  sleep(_ms, signal) {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(resolve, 1);
      signal?.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });
  },
};

export function scenario(over: Partial<Scenario> = {}): Scenario {
  return { v: 1, deck: 'd', session: 'principal', index: 0, title: '', rows: 12, autoplay: false, seed: 7, setup: [], steps: [], ...over };
}

export function makeTerminal(opts: { scenario?: Scenario; store?: KeyValueStore; registry?: SessionRegistry; cols?: number; rows?: number } = {}) {
  const store = opts.store ?? new MemoryStore();
  const registry = opts.registry ?? new SessionRegistry((o) => new FakeShell(o), store);
  const sc = opts.scenario ?? scenario();
  const session = registry.get(sc);
  const screen = new ScreenModel(opts.cols ?? 80);
  let raw = '';
  const con = new TerminalConsole(session, sc, { write: (d) => ((raw += d), screen.write(d)), cols: () => screen.cols, rows: () => opts.rows ?? Infinity }, fastTimer, {
    typingDelay: 1,
    stepPause: 1,
  });
  con.start();
  return {
    con,
    session,
    screen,
    store,
    registry,
    shell: () => session.shell as FakeShell,
    raw: () => raw,
    text: () => screen.text(),
    /** Resolves once nothing is queued or running. */
    idle: async () => {
      for (let i = 0; i < 2000; i++) {
        await new Promise((r) => setTimeout(r, 2));
        if (!con.isBusy()) return;
      }
      throw new Error('terminal never became idle');
    },
  };
}
