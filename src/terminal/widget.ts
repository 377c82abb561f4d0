/**
 * The terminal on the slide: an xterm.js screen, a title bar with the teacher's buttons, and
 * the focus rules that keep the deck's keys away while someone types in it.
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { TerminalEntry } from './entries';
import type { Scenario } from './scenario';

export const LABELS = {
  step: 'Siguiente paso',
  all: 'Ejecutar todo',
  reset: 'Reiniciar',
  leave: 'Salir de la terminal',
  region: 'Terminal',
  idleHint: 'Clic o Intro: escribir',
  focusedHint: 'Esc: volver · Ctrl+Intro: siguiente paso',
  editorHint: 'Esc es del editor · «Salir de la terminal»: volver',
  stepTitle: 'Escribe y ejecuta el siguiente paso del guion (Ctrl+Intro)',
  allTitle: 'Ejecuta uno tras otro todos los pasos pendientes',
  resetTitle: 'Vuelve al estado inicial de esta terminal',
  leaveTitle: 'Devuelve el teclado a la presentación (Esc)',
  done: 'Guion completado',
} as const;

const THEME: ITheme = {
  background: '#14181f',
  foreground: '#f2f4f7',
  cursor: '#ffd84d',
  cursorAccent: '#14181f',
  selectionBackground: '#3d5a80',
  black: '#1d2129',
  red: '#ff6b6b',
  green: '#7ee787',
  yellow: '#ffd84d',
  blue: '#79b8ff',
  magenta: '#f0a6ff',
  cyan: '#66d9e8',
  white: '#d9dee5',
  brightBlack: '#8b949e',
  brightRed: '#ff8f8f',
  brightGreen: '#a5f3a9',
  brightYellow: '#ffe58a',
  brightBlue: '#a5d0ff',
  brightMagenta: '#f5c2ff',
  brightCyan: '#99e9f2',
  brightWhite: '#ffffff',
};

export const FONT_SIZE = 18;

export interface WidgetHooks {
  /** Is the slide holding `el` the one on screen (autoplay waits for it)? */
  isCurrent(el: HTMLElement): boolean;
  /** Where the keyboard goes on Esc / «Salir del terminal» (default: the frame, i.e. the deck). */
  leave?(): void;
}

export class TerminalWidget {
  private term: Terminal | null = null;
  private fit: FitAddon | null = null;
  private readonly screenEl: HTMLElement;
  private readonly hintEl: HTMLElement;
  private readonly buttons: Record<'step' | 'all' | 'reset' | 'leave', HTMLButtonElement>;
  private readonly cleanups: (() => void)[] = [];
  private sink: { write(d: string): void; cols(): number; rows(): number } | null = null;
  private autoplayed = false;

  constructor(
    readonly el: HTMLElement,
    private readonly scenario: Scenario,
    private readonly entry: TerminalEntry,
    private readonly hooks: WidgetHooks,
  ) {
    // Whatever a previous life of this element left (reveal restores slides from their HTML).
    el.replaceChildren();
    el.classList.add('is-live');
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', scenario.title ? `${LABELS.region}: ${scenario.title}` : LABELS.region);
    el.tabIndex = 0;

    const head = document.createElement('div');
    head.className = 'aula-term-head';
    const title = document.createElement('span');
    title.className = 'aula-term-title';
    title.textContent = scenario.title || LABELS.region;
    this.hintEl = document.createElement('span');
    this.hintEl.className = 'aula-term-hint';
    this.hintEl.textContent = LABELS.idleHint;
    const bar = document.createElement('div');
    bar.className = 'aula-term-controls';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Controles de la terminal');
    const button = (name: keyof typeof this.buttons, label: string, tip: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `aula-term-btn aula-term-${name}`;
      b.textContent = label;
      b.title = tip;
      bar.appendChild(b);
      return b;
    };
    this.buttons = {
      step: button('step', LABELS.step, LABELS.stepTitle),
      all: button('all', LABELS.all, LABELS.allTitle),
      reset: button('reset', LABELS.reset, LABELS.resetTitle),
      leave: button('leave', LABELS.leave, LABELS.leaveTitle),
    };
    head.append(title, this.hintEl, bar);
    this.screenEl = document.createElement('div');
    this.screenEl.className = 'aula-term-screen';
    this.screenEl.style.setProperty('--aula-term-rows', String(scenario.rows));
    el.append(head, this.screenEl);

    const con = entry.console;
    this.on(this.buttons.step, 'click', () => con.nextStep());
    this.on(this.buttons.all, 'click', () => con.runAll());
    this.on(this.buttons.reset, 'click', () => con.reset());
    this.on(this.buttons.leave, 'click', () => this.leave());
    this.cleanups.push(con.watch(() => this.update()));

    // No key pressed inside the terminal reaches reveal.js (it listens on the document).
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      this.on(el, type, (e) => {
        const ke = e as KeyboardEvent;
        if (ke.target === el && ke.type === 'keydown' && (ke.key === 'Enter' || ke.key === ' ')) {
          ke.preventDefault();
          ke.stopPropagation();
          this.focus();
          return;
        }
        if (ke.target === el) return; // the frame itself: keys go on to the deck
        if (this.screenEl.contains(ke.target as Node)) return ke.stopPropagation();
        // On a button only the keys that press it stay here; arrows still move the deck.
        if (ke.key === 'Enter' || ke.key === ' ') ke.stopPropagation();
      });
    }
    // Swipes and taps inside the terminal are for the terminal, not for changing slides.
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'touchstart', 'touchmove', 'touchend', 'wheel'] as const) {
      this.on(el, type, (e) => e.stopPropagation(), { passive: true });
    }
    this.on(this.screenEl, 'click', () => this.focus());
    this.on(el, 'focusin', () => this.update());
    this.on(el, 'focusout', () => queueMicrotask(() => this.update()));

    const seen = new IntersectionObserver((records) => {
      if (records.some((r) => r.isIntersecting)) this.visible();
    });
    seen.observe(el);
    this.cleanups.push(() => seen.disconnect());
    const resized = new ResizeObserver(() => this.resize());
    resized.observe(this.screenEl);
    this.cleanups.push(() => resized.disconnect());
    this.update();
  }

  private on(target: EventTarget, type: string, fn: (e: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, fn, options);
    this.cleanups.push(() => target.removeEventListener(type, fn, options));
  }

  /** First time on screen: the emulator opens (it cannot measure its font while hidden). */
  visible(): void {
    this.open();
    this.resize();
    // Only the slide being presented prepares its machine (the overview shows every slide).
    if (!this.hooks.isCurrent(this.el)) return;
    this.entry.console.activate();
    if (this.scenario.autoplay && !this.autoplayed) {
      this.autoplayed = true;
      // runAll() counts what is already queued, so a second call adds nothing
      if (this.entry.console.pendingStep()) this.entry.console.runAll();
    }
  }

  private open(): void {
    if (this.term) return;
    const term = new Terminal({
      rows: this.scenario.rows,
      cols: 80,
      fontFamily: "'Fira Code', 'DejaVu Sans Mono', ui-monospace, monospace",
      fontSize: FONT_SIZE,
      lineHeight: 1,
      cursorBlink: true,
      scrollback: 2000,
      screenReaderMode: true,
      theme: THEME,
      allowProposedApi: false,
      // Our own line editor decides what every key does; nothing is sent anywhere else.
      macOptionIsMeta: true,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(this.screenEl);
    this.term = term;
    this.fit = fit;
    if (term.textarea) {
      term.textarea.setAttribute('aria-label', this.scenario.title ? `Entrada de la terminal: ${this.scenario.title}` : 'Entrada de la terminal');
      // Phones: a tap must raise the on-screen keyboard, and it should not "correct" commands.
      term.textarea.setAttribute('autocapitalize', 'off');
      term.textarea.setAttribute('autocorrect', 'off');
      term.textarea.setAttribute('spellcheck', 'false');
      term.textarea.setAttribute('inputmode', 'text');
    }
    term.attachCustomKeyEventHandler((e) => {
      // While nano or vi holds the terminal, Esc is theirs: «Salir del terminal» still leaves.
      if (e.key === 'Escape' && this.entry.console.fullScreen()) return true;
      if (e.type !== 'keydown') return !(e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey)));
      if (e.key === 'Escape') {
        e.preventDefault();
        this.leave();
        return false;
      }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.entry.console.nextStep();
        return false;
      }
      return true;
    });
    const input = term.onData((d) => this.entry.console.input(d));
    this.cleanups.push(() => input.dispose());
    this.sink = { write: (d) => term.write(d), cols: () => term.cols, rows: () => term.rows };
    this.entry.attach(this.sink);
    // The web font may arrive after the first measure: measure again once it is there.
    document.fonts?.load(`${FONT_SIZE}px 'Fira Code'`).then(
      () => {
        if (this.term !== term) return;
        term.options.fontFamily = "'Fira Code', 'DejaVu Sans Mono', ui-monospace, monospace ";
        this.resize();
      },
      () => undefined,
    );
  }

  private resize(): void {
    if (!this.term || !this.fit || !this.el.isConnected) return;
    const dims = this.fit.proposeDimensions();
    if (!dims || !Number.isFinite(dims.cols) || dims.cols < 20) return;
    if (dims.cols !== this.term.cols || this.term.rows !== this.scenario.rows) {
      this.term.resize(dims.cols, this.scenario.rows);
      this.entry.console.refresh();
    }
  }

  setLeaveLabel(label: string): void {
    this.buttons.leave.textContent = label;
  }

  focus(): void {
    this.open();
    this.resize();
    this.entry.console.activate();
    this.term?.focus();
  }

  /** Gives the keyboard back to the deck; the frame keeps the focus ring so Enter comes back. */
  leave(): void {
    this.term?.blur();
    if (this.hooks.leave) this.hooks.leave();
    else this.el.focus({ preventScroll: true });
  }

  hasFocus(): boolean {
    return !!this.term?.textarea && document.activeElement === this.term.textarea;
  }

  private update(): void {
    const con = this.entry.console;
    const pending = con.pendingStep();
    this.buttons.step.disabled = !pending;
    this.buttons.all.disabled = !pending;
    const focused = this.hasFocus();
    this.el.classList.toggle('is-focused', focused);
    // «Guion completado» once the last step's output is all there, not when it starts
    this.hintEl.textContent = con.scriptFinished() && !focused ? LABELS.done : focused ? (con.fullScreen() ? LABELS.editorHint : LABELS.focusedHint) : LABELS.idleHint;
  }

  input(data: string): void {
    this.open();
    this.entry.console.input(data);
  }

  /**
   * Everything the screen holds (scrollback included), as plain text lines; the dimmed hint of
   * the next step on the line being typed is left out (it is a suggestion, not input).
   */
  text(): string {
    const buf = this.term?.buffer.active;
    if (!buf) return '';
    const lines: string[] = [];
    let inputRow = buf.baseY + buf.cursorY;
    while (inputRow > 0 && buf.getLine(inputRow)?.isWrapped) inputRow--;
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      if (!line) continue;
      let t = '';
      if (i >= inputRow) {
        for (let x = 0; x < line.length; x++) {
          const cell = line.getCell(x);
          // the second cell of a wide character (width 0) holds nothing of its own
          if (cell && !cell.isDim() && cell.getWidth() > 0) t += cell.getChars() || ' ';
        }
        t = t.replace(/\s+$/, '');
      } else t = line.translateToString(true);
      if (line.isWrapped && lines.length) lines[lines.length - 1] += t;
      else lines.push(t);
    }
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  dispose(): void {
    for (const c of this.cleanups.splice(0)) c();
    if (this.sink) this.entry.detach(this.sink);
    this.term?.dispose();
    this.term = null;
  }
}
