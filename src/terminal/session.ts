/**
 * One simulated machine shared by the terminals of a deck that name the same session: its shell,
 * its command history, how far each terminal's scenario has got, and its copy in localStorage.
 */
import type { Shell, ShellOptions, TermIO } from '../docker/shell';
import type { Scenario } from './scenario';

export type ShellFactory = (options: ShellOptions) => Shell;

/** The parts of `Storage` a session needs (localStorage, or a map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Stored {
  v: 1;
  deck: string;
  session: string;
  shell: string;
  history: string[];
  steps: number[];
  setup: number[];
}

const HISTORY_LIMIT = 200;

export const NOTICE_RESTORED = 'Sesión recuperada: tus imágenes y contenedores siguen aquí.';
export const NOTICE_CORRUPT = 'El estado guardado de esta terminal no era válido; se ha empezado de cero.';
export const NOTICE_RESET = 'Terminal reiniciada.';
export const NOTICE_CAUGHT_UP = 'Se han ejecutado los pasos pendientes de las terminales anteriores.';

/** Output nobody sees: setup commands run before the terminal shows anything. */
export const SILENT_IO: TermIO = {
  out() {},
  err() {},
  tty: false,
  columns: 80,
  sleep: () => Promise.resolve(),
};

/** Replayed steps run as they did for the class (and in the build): on a TTY, so `run -it` enters. */
const SILENT_TTY_IO: TermIO = { ...SILENT_IO, tty: true };

export function storageKey(deck: string, session: string): string {
  return `aula:terminal:${deck}:${session}`;
}

export class Session {
  shell: Shell;
  readonly history: string[] = [];
  /** Steps done per terminal (by its index in the session). */
  private steps: number[] = [];
  private setupDone = new Set<number>();
  private readonly scenarios = new Map<number, Scenario>();
  private chain: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  /** A short message for the terminals to show once (restored or discarded state). */
  notice: string | null = null;

  constructor(
    readonly deck: string,
    readonly name: string,
    private readonly seed: number,
    private readonly factory: ShellFactory,
    private readonly store: KeyValueStore | null,
  ) {
    this.shell = this.load();
  }

  private get key(): string {
    return storageKey(this.deck, this.name);
  }

  private load(): Shell {
    let raw: string | null = null;
    try {
      raw = this.store?.getItem(this.key) ?? null;
    } catch {
      raw = null; // storage disabled (private mode, file:// policies)
    }
    if (raw === null) return this.factory({ seed: this.seed });
    try {
      const s = JSON.parse(raw) as Stored;
      if (!s || s.v !== 1 || s.deck !== this.deck || s.session !== this.name || typeof s.shell !== 'string') throw new Error('foreign');
      const shell = this.factory({ seed: this.seed, state: s.shell });
      if (Array.isArray(s.history)) this.history.push(...s.history.filter((h) => typeof h === 'string').slice(-HISTORY_LIMIT));
      if (Array.isArray(s.steps)) this.steps = s.steps.map((n) => (Number.isInteger(n) && n >= 0 ? n : 0));
      if (Array.isArray(s.setup)) this.setupDone = new Set(s.setup.filter((n) => Number.isInteger(n)));
      this.notice = NOTICE_RESTORED;
      return shell;
    } catch {
      try {
        this.store?.removeItem(this.key);
      } catch {
        // nothing to clean
      }
      this.notice = NOTICE_CORRUPT;
      return this.factory({ seed: this.seed });
    }
  }

  save(): void {
    if (!this.store) return;
    try {
      const s: Stored = {
        v: 1,
        deck: this.deck,
        session: this.name,
        shell: this.shell.save(),
        history: this.history.slice(-HISTORY_LIMIT),
        steps: this.steps,
        setup: [...this.setupDone].sort((a, b) => a - b),
      };
      this.store.setItem(this.key, JSON.stringify(s));
    } catch {
      // full or disabled storage: the session still works, it just will not survive a reload
    }
  }

  register(scenario: Scenario): void {
    this.scenarios.set(scenario.index, scenario);
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  /** Runs `fn` after every earlier command of any terminal of this session has finished. */
  lock<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  stepsDone(index: number): number {
    return this.steps[index] ?? 0;
  }

  advanceStep(index: number): void {
    this.bumpStep(index);
    this.changed();
  }

  private bumpStep(index: number): void {
    while (this.steps.length <= index) this.steps.push(0);
    this.steps[index]++;
  }

  /**
   * The history of the shell inside a container while the terminal is in one: that shell is a
   * program of its own and starts with an empty history, apart from the host's.
   */
  insideHistory: string[] | null = null;

  addHistory(line: string, history = this.history): void {
    const l = line.trim();
    if (!l || history[history.length - 1] === l) return;
    history.push(l);
    if (history.length > HISTORY_LIMIT) history.splice(0, history.length - HISTORY_LIMIT);
  }

  /**
   * Runs a terminal's setup commands once per machine, silently. A terminal builds on the ones
   * before it in the session (the build plays them in order): steps of earlier terminals nobody
   * ran yet are played first, so that the class can jump ahead. Resolves to true when it did so.
   */
  ensureSetup(index: number): Promise<boolean> {
    // Done already: no need to wait behind a command of another terminal (`docker events`
    // following there would otherwise hold back every key typed here).
    if (this.setupDone.has(index)) return Promise.resolve(false);
    return this.lock(async () => {
      if (this.setupDone.has(index)) return false;
      const scenario = this.scenarios.get(index);
      if (!scenario) return false;
      let caughtUp = false;
      for (let i = 0; i < index; i++) {
        const earlier = this.scenarios.get(i);
        if (!earlier) continue;
        if (!this.setupDone.has(i)) {
          for (const command of earlier.setup) await this.runQuietly(command);
          this.setupDone.add(i);
        }
        while (this.stepsDone(i) < earlier.steps.length) {
          await this.runQuietly(earlier.steps[this.stepsDone(i)].command, SILENT_TTY_IO);
          this.bumpStep(i);
          caughtUp = true;
        }
      }
      for (const command of scenario.setup) await this.runQuietly(command);
      this.setupDone.add(index);
      this.save();
      if (caughtUp) this.changed();
      return caughtUp;
    });
  }

  /**
   * Back to where terminal `index` starts in the build's transcript: a fresh machine with the
   * same seed, the earlier terminals of the session played in full, then this one's setup.
   */
  reset(index: number): Promise<void> {
    return this.lock(async () => {
      this.shell = this.factory({ seed: this.seed });
      this.steps = [];
      this.setupDone = new Set();
      for (let i = 0; i <= index; i++) {
        const s = this.scenarios.get(i);
        if (!s) continue;
        for (const command of s.setup) await this.runQuietly(command);
        this.setupDone.add(i);
        if (i < index) {
          for (const step of s.steps) await this.runQuietly(step.command, SILENT_TTY_IO);
          this.steps[i] = s.steps.length;
        }
      }
      this.save();
      this.changed();
    });
  }

  private async runQuietly(command: string, io: TermIO = SILENT_IO): Promise<void> {
    try {
      await this.shell.run(command, io);
    } catch {
      // a setup line the simulator rejects must not leave the terminal unusable
    }
  }
}

/** The sessions of the page, one per deck and name. */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly factory: ShellFactory,
    private readonly store: KeyValueStore | null,
  ) {}

  get(scenario: Scenario): Session {
    const key = `${scenario.deck}\u0000${scenario.session}`;
    let s = this.sessions.get(key);
    if (!s) {
      s = new Session(scenario.deck, scenario.session, scenario.seed, this.factory, this.store);
      this.sessions.set(key, s);
    }
    s.register(scenario);
    return s;
  }
}
