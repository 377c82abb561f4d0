/**
 * The interactive side of one terminal: turns keys into line edits, runs finished lines through
 * the session's shell, and keeps everything typed in order. Knows nothing of the DOM: it writes
 * escape sequences to a `Screen` (xterm in the page, a buffer in tests).
 */
import type { Shell, TermIO } from '../docker/shell';
import { isPrintable, KEY, splitKeys } from './keys';
import { LineEditor, LineView } from './line-editor';
import { MatchList } from './match-list';
import type { Scenario, ScenarioStep } from './scenario';
import { NOTICE_CAUGHT_UP, NOTICE_RESET, type Session } from './session';

export interface Screen {
  write(data: string): void;
  cols(): number;
  /** Visible rows (a Tab listing pages by them); unknown means no paging. */
  rows?(): number;
  /** Shows lines that belong to this page load only (they are never saved with the screen). */
  note?(data: string): void;
}

export interface Timer {
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimer: Timer = {
  sleep(ms, signal) {
    return new Promise((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
  },
};

type Action =
  | { kind: 'keys'; keys: string[] }
  | { kind: 'step'; pause: boolean }
  | { kind: 'reset' }
  | { kind: 'setup' }
  | { kind: 'refresh' };

/** The host shell's prompt (the contract's). */
const HOST_PROMPT = '$ ';

/** The simulator's shell can also pass Ctrl+C on to a process it is attached to. */
interface Interruptible extends Shell {
  interrupt?(io: TermIO): Promise<void>;
}

/** The kill commands: one right after another adds to what Ctrl+Y gives back. */
const KILLS = [KEY.ctrlU, KEY.ctrlK, KEY.ctrlW, KEY.altBackspace, KEY.altD];

const DIM = (s: string) => `\x1b[2m${s}\x1b[22m`;

export interface ConsoleOptions {
  /** Pause between characters when a step is typed for the class (0: no animation). */
  typingDelay?: number;
  /** Pause after each step of "run all", so the class can read it. */
  stepPause?: number;
  /** Scales the waits commands ask for (pull animation, `docker stop`). */
  timeScale?: number;
}

export class TerminalConsole {
  private readonly queue: Action[] = [];
  private rest = '';
  private busy = false;
  /** Aborts whatever runs now: a command or the typing of a step. */
  private running: AbortController | null = null;
  private readonly editor: LineEditor;
  private readonly view = new LineView();
  private atLineStart = true;
  private promptShown = false;
  private afterCtrlP = false;
  private setupChecked = false;
  /**
   * Ctrl+R in progress: what is searched, where it was last found (`line` counts the history,
   * then the line being edited as one more), and the line as it was before searching.
   */
  private search: { query: string; line: number; at: number; failed: boolean; saved: string; cursor: number } | null = null;
  /** The previous key was Tab, and whether that Tab changed the line (readline lists on the next one if not). */
  private lastTab = false;
  /** The text of the last Ctrl+R search, for a Ctrl+R on an empty one. */
  private lastSearch = '';
  /** A Tab listing waiting for y/n or at `--More--`. */
  private matches: MatchList | null = null;
  private tabChanged = false;
  /** Where the line being typed goes once entered: a shell's history, or none (a question's answer). */
  private lineHistory: string[] | null = null;
  /** `running` is a command (not the typing of a step). */
  private commandRunning = false;
  private disposed = false;
  private readonly unsubscribe: () => void;
  private readonly typingDelay: number;
  private readonly stepPause: number;
  private readonly timeScale: number;
  private readonly watchers = new Set<() => void>();

  constructor(
    private readonly session: Session,
    private readonly scenario: Scenario,
    private readonly screen: Screen,
    private readonly timer: Timer = realTimer,
    options: ConsoleOptions = {},
  ) {
    this.editor = new LineEditor(session.history);
    this.typingDelay = options.typingDelay ?? 40;
    this.stepPause = options.stepPause ?? 600;
    this.timeScale = options.timeScale ?? 1;
    this.unsubscribe = session.onChange(() => {
      if (!this.busy && this.promptShown) this.enqueue({ kind: 'refresh' });
      this.onChange();
    });
  }

  /** Shows the notice (if any) and the first prompt. */
  start(): void {
    // Restored or discarded state is news for this load only: saved, it would pile up a copy per reload.
    if (this.session.notice) {
      const line = DIM(`(${this.session.notice})`) + '\r\n';
      if (this.screen.note) this.screen.note(line);
      else this.screen.write(line);
      this.atLineStart = true;
    }
    this.showPrompt();
  }

  /** The terminal is about to be seen: its setup commands run now, once per machine. */
  activate(): void {
    this.enqueue({ kind: 'setup' });
  }

  /** Calls `fn` whenever busy/idle or the next step changes (widgets update their buttons). */
  watch(fn: () => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  private onChange(): void {
    for (const fn of this.watchers) fn();
  }

  dispose(): void {
    this.disposed = true;
    this.running?.abort();
    this.queue.length = 0;
    this.unsubscribe();
  }

  /** Data from the emulator: typed keys, pasted text, escape sequences. */
  input(data: string): void {
    const { keys, rest } = splitKeys(this.rest + data);
    this.rest = rest;
    const pending: string[] = [];
    for (const key of keys) {
      // Ctrl+C cannot wait in the queue: it is what stops the thing the queue waits for.
      if (key === KEY.ctrlC && this.running && !this.fullScreen()) {
        if (pending.length) this.queue.push({ kind: 'keys', keys: pending.splice(0) });
        if (this.commandRunning && !this.running.signal.aborted) {
          // the terminal echoes ^C where the output stands, as a tty does
          this.screen.write('^C');
          this.atLineStart = false;
        }
        this.interrupt();
        continue;
      }
      pending.push(key);
    }
    if (pending.length) this.queue.push({ kind: 'keys', keys: pending });
    void this.pump();
  }

  /** Types the next scenario step and runs it. */
  nextStep(): void {
    this.enqueue({ kind: 'step', pause: false });
  }

  /** Queues every remaining step. */
  runAll(): void {
    const queued = this.queue.filter((a) => a.kind === 'step').length;
    const remaining = this.scenario.steps.length - this.stepsDone() - queued;
    for (let i = 0; i < remaining; i++) this.queue.push({ kind: 'step', pause: i > 0 || queued > 0 });
    void this.pump();
  }

  /** Back to the scenario's setup state; stops whatever runs and drops what was queued. */
  reset(): void {
    this.queue.length = 0;
    this.running?.abort();
    this.enqueue({ kind: 'reset' });
  }

  /** Ctrl+C on a running command or step: stops it and any "run all" still queued. */
  interrupt(): void {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].kind === 'step') this.queue.splice(i, 1);
    this.running?.abort();
  }

  isBusy(): boolean {
    return this.busy || this.queue.length > 0;
  }

  /** Steps of the scenario run so far (by the class or caught up). */
  stepsDone(): number {
    return this.session.stepsDone(this.scenario.index);
  }

  /** The step the class has not done yet, if any. */
  pendingStep(): ScenarioStep | null {
    return this.scenario.steps[this.stepsDone()] ?? null;
  }

  /**
   * Every step of the scenario has been run to its end: the last one is not merely started (it
   * counts as done as soon as it is submitted) but has finished, and nothing is left queued.
   */
  scriptFinished(): boolean {
    return this.scenario.steps.length > 0 && !this.pendingStep() && !this.isBusy();
  }

  /** Redraws the prompt line if idle (another terminal of the session may have changed it). */
  refresh(): void {
    this.enqueue({ kind: 'refresh' });
  }

  private enqueue(a: Action): void {
    this.queue.push(a);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.busy || this.disposed) return;
    this.busy = true;
    this.onChange();
    try {
      while (this.queue.length && !this.disposed) {
        const action = this.queue.shift()!;
        try {
          await this.perform(action);
        } catch (e) {
          this.print(`\x1b[31maula: error interno de la terminal: ${String((e as Error)?.message ?? e)}\x1b[0m\n`);
          this.showPrompt();
        }
      }
    } finally {
      this.busy = false;
      this.onChange();
    }
  }

  private async perform(a: Action): Promise<void> {
    switch (a.kind) {
      case 'keys':
        for (let i = 0; i < a.keys.length; i++) {
          if (this.fullScreen()) {
            // a full-screen program gets every key as it comes, a run of typed text at once
            let j = i + 1;
            while (j < a.keys.length && isPrintable(a.keys[i]) && isPrintable(a.keys[j])) j++;
            await this.screenKey(a.keys.slice(i, j).join(''));
            i = j - 1;
            continue;
          }
          // Runs of plain characters (pastes, fast typing) are inserted at once and drawn once.
          let j = i;
          while (!this.search && !this.matches && j < a.keys.length && isPrintable(a.keys[j])) j++;
          if (j > i) {
            if (this.afterCtrlP) this.editor.historyPrev();
            this.afterCtrlP = false;
            this.lastTab = false;
            this.editor.insert(a.keys.slice(i, j).join(''));
            this.render();
            i = j - 1;
            continue;
          }
          await this.key(a.keys[i]);
        }
        return;
      case 'step':
        if (a.pause && this.stepPause > 0) await this.timer.sleep(this.stepPause);
        return this.typeStep();
      case 'reset':
        await this.session.reset(this.scenario.index);
        this.matches = null;
        this.dropModes();
        this.editor.reset();
        this.view.forget();
        // an editor left open is gone with the machine: back from its alternate screen
        this.screen.write('\x1b[?1049l\x1b[H\x1b[2J\x1b[3J');
        this.atLineStart = true;
        this.print(DIM(`(${NOTICE_RESET})`) + '\n');
        this.showPrompt();
        return;
      case 'setup':
        if (await this.session.ensureSetup(this.scenario.index)) {
          // The notice goes above the prompt line, which is drawn again below it.
          this.screen.write(this.view.render('', '', 0, this.screen.cols()));
          this.view.forget();
          this.print(DIM(`(${NOTICE_CAUGHT_UP})`) + '\n');
        }
        this.setupChecked = true;
        this.render();
        return;
      case 'refresh':
        if (!this.promptShown) return;
        this.useHistory();
        this.render();
        return;
    }
  }

  private async key(k: string): Promise<void> {
    const e = this.editor;
    if (this.matches) {
      // The listing waits for its answer: other keys only ring, as readline's get_y_or_n; Ctrl+C
      // ends it and then drops the line.
      const r = this.matches.key(k === KEY.ctrlC ? KEY.backspace : k);
      if (!r) return;
      this.screen.write(r.out);
      if (!r.done) return;
      this.matches = null;
      this.view.forget();
      if (k !== KEY.ctrlC) return this.render();
    }
    if (this.search && this.searchKey(k)) return this.render();
    const wasCtrlP = this.afterCtrlP;
    this.afterCtrlP = false;
    // Docker's client held that Ctrl+P back: anything but Ctrl+Q sends it on, before this key.
    if (wasCtrlP && k !== KEY.ctrlQ) e.historyPrev();
    // A password is read by the kernel's line discipline, not readline: no search shows what was typed.
    if (k === KEY.ctrlR && this.secret()) return;
    if (k === KEY.ctrlR) {
      const n = e.history.length;
      this.search = { query: '', line: n, at: e.cursor, failed: false, saved: e.text, cursor: e.cursor };
      return this.render();
    }
    const wasTab = this.lastTab;
    this.lastTab = k === KEY.tab;
    if (!(KILLS as readonly string[]).includes(k)) e.endKill();
    if (k === KEY.enter || k === KEY.lineFeed) return this.submit();
    if (k === KEY.backspace || k === KEY.ctrlH) e.backspace();
    else if (k === KEY.ctrlA || (KEY.home as readonly string[]).includes(k)) e.home();
    else if (k === KEY.ctrlE || (KEY.end as readonly string[]).includes(k)) e.end();
    else if (k === KEY.ctrlB || (KEY.left as readonly string[]).includes(k)) e.left();
    else if (k === KEY.ctrlF || (KEY.right as readonly string[]).includes(k)) {
      const hint = this.hint();
      if (e.cursor === e.text.length && hint) e.insert(hint);
      else e.right();
    } else if ((KEY.delete as readonly string[]).includes(k)) e.delete();
    else if (k === KEY.ctrlU) e.killToStart();
    else if (k === KEY.ctrlK) e.killToEnd();
    else if (k === KEY.ctrlW) e.killWordBack();
    else if (k === KEY.altBackspace) e.killAlnumWordBack();
    else if (k === KEY.altD) e.killWord();
    else if (k === KEY.ctrlY) e.yank();
    else if ((KEY.wordLeft as readonly string[]).includes(k)) e.wordLeft();
    else if ((KEY.wordRight as readonly string[]).includes(k)) e.wordRight();
    else if (k === KEY.ctrlP || (KEY.up as readonly string[]).includes(k)) {
      // In a container Ctrl+P may start the detach keys: the client waits for the next key.
      if (k === KEY.ctrlP && !wasCtrlP && this.session.shell.inContainer()) {
        this.afterCtrlP = true;
        return;
      }
      e.historyPrev();
    } else if (k === KEY.ctrlN || (KEY.down as readonly string[]).includes(k)) e.historyNext();
    else if (k === KEY.ctrlQ && wasCtrlP && this.session.shell.inContainer()) {
      // Docker's detach keys: Ctrl+P Ctrl+Q leaves the container running, and what was typed on
      // its shell's line stays on the screen.
      this.screen.write(this.view.finish(this.prompt(), e.text, this.screen.cols()));
      e.reset();
      await this.withCommand((io) => this.session.shell.detach(io));
      return this.showPrompt();
    } else if (k === KEY.ctrlC) {
      const shell = this.session.shell as Interruptible;
      if (this.inSession() && typeof shell.interrupt === 'function') {
        // A process in a container (or a question) decides what Ctrl+C means: a shell
        // prints ^C and a new prompt, a server in the foreground stops.
        this.screen.write(this.view.render(this.prompt(), this.shown(e.text), e.text.length, this.screen.cols()));
        this.view.forget();
        this.atLineStart = false;
        e.reset();
        await this.withCommand((io) => shell.interrupt!(io));
        return this.showPrompt();
      }
      this.screen.write(this.view.render(this.prompt(), this.shown(e.text), e.text.length, this.screen.cols()) + '^C\r\n');
      this.view.forget();
      this.atLineStart = true;
      e.reset();
      // bash drops the line and sets $? to 130
      if (typeof shell.interrupt === 'function') await this.withCommand((io) => shell.interrupt!(io));
      return this.showPrompt();
    } else if (k === KEY.ctrlD) {
      if (e.text !== '') e.delete();
      else if (this.inSession()) {
        this.screen.write(this.view.finish(this.prompt(), '', this.screen.cols()));
        await this.withCommand((io) => this.session.shell.eof(io));
        return this.showPrompt();
      }
    } else if (k === KEY.ctrlL) {
      this.screen.write('\x1b[H\x1b[2J');
      this.view.forget();
    } else if (k === KEY.tab) {
      this.complete(wasTab);
      if (this.matches) return;
    }
    else if (isPrintable(k)) e.insert(k);
    else return; // unknown sequence: ignored, never printed raw
    this.render();
  }

  /**
   * Ctrl+R, readline's reverse-i-search: typed text narrows to the newest place holding it,
   * starting in the line being edited, Ctrl+R again goes further back, Ctrl+G gives the line back
   * as it was; any other key takes the match into the line and then does what it always does
   * (Ctrl+C thus drops it). True when consumed.
   */
  private searchKey(k: string): boolean {
    const s = this.search!;
    const lines = [...this.editor.history, s.saved];
    // The newest occurrence at or before (line, at); older lines are searched from their end,
    // skipping copies of the line it is on.
    const look = (line: number, at: number) => {
      if (!s.query) return;
      for (let i = line; i >= 0; i--) {
        if (i < line && lines[i] === lines[s.line]) continue;
        const found = lines[i].lastIndexOf(s.query, i === line ? at : Infinity);
        if (found >= 0) {
          s.line = i;
          s.at = found;
          s.failed = false;
          return;
        }
      }
      s.failed = true;
    };
    if (k === KEY.ctrlR && !s.query && this.lastSearch) {
      // readline: Ctrl+R on an empty search takes up the previous one
      s.query = this.lastSearch;
      look(s.line, s.at);
    } else if (k === KEY.ctrlR) {
      if (!s.failed) look(s.at > 0 ? s.line : s.line - 1, s.at > 0 ? s.at - 1 : Infinity);
    } else if (k === KEY.backspace || k === KEY.ctrlH) {
      s.query = [...s.query].slice(0, -1).join('');
      s.failed = false;
      s.line = lines.length - 1;
      s.at = s.cursor;
      look(s.line, s.at);
    } else if (isPrintable(k)) {
      s.query += k;
      if (!s.failed) look(s.line, s.at);
    } else if (k === KEY.ctrlG) {
      this.editor.set(s.saved, s.cursor);
      this.search = null;
      if (s.query) this.lastSearch = s.query;
    } else {
      if (s.query) this.lastSearch = s.query;
      this.editor.set(lines[s.line], s.at);
      this.search = null;
      return false;
    }
    return true;
  }

  /**
   * Tab as readline's complete: inserts the only candidate (and a space, at the end of the line)
   * or what all candidates share; a Tab right after one that changed nothing lists them.
   */
  private complete(again: boolean): void {
    const e = this.editor;
    const before = e.text;
    let result: { start: number; candidates: string[] };
    try {
      result = this.session.shell.complete(e.text, e.cursor);
    } catch {
      return;
    }
    const { start } = result;
    const candidates = [...new Set(result.candidates)].sort();
    if (candidates.length === 0) return void (this.tabChanged = false);
    if (again && !this.tabChanged && candidates.length > 1) {
      this.tabChanged = false;
      this.screen.write(this.view.finish(this.prompt(), e.text, this.screen.cols()));
      // In a container's shell the candidates are paths: bash lists only their last part.
      const shown = this.session.shell.inContainer() ? candidates.map((c) => c.replace(/^.*\/(?=[^/])/, '')) : candidates;
      const list = new MatchList(shown, this.screen.cols(), this.screen.rows?.() ?? Infinity);
      const r = list.start();
      this.screen.write(r.out);
      if (!r.done) this.matches = list;
      return;
    }
    if (candidates.length === 1) {
      const c = candidates[0];
      const closes = !/[/=:]$/.test(c) && e.cursor === e.text.length;
      e.replaceWord(start, closes ? c + ' ' : c);
    } else {
      const common = commonPrefix(candidates);
      if (common.length > e.cursor - start) e.replaceWord(start, common);
    }
    this.tabChanged = e.text !== before;
  }

  private async submit(): Promise<void> {
    const line = this.editor.text;
    this.screen.write(this.view.finish(this.prompt(), this.shown(line), this.screen.cols()));
    this.atLineStart = true;
    if (this.lineHistory) this.session.addHistory(line, this.lineHistory);
    this.editor.reset();
    // inside a container a blank line is input too (it ends a python block); the host only prompts again
    if (line.trim() === '' && !this.inSession()) return this.showPrompt();
    if (!this.setupChecked) {
      // A command before the terminal was ever shown (run all from the keyboard...): the
      // machine must first be where this terminal starts.
      this.setupChecked = true;
      if (await this.session.ensureSetup(this.scenario.index)) this.print(DIM(`(${NOTICE_CAUGHT_UP})`) + '\n');
    }
    const step = this.pendingStep();
    if (step && line.trim() === step.command) this.session.advanceStep(this.scenario.index);
    await this.withCommand((io) => this.session.shell.run(line, io));
    if (this.fullScreen()) return this.screenKey('');
    this.showPrompt();
  }

  /** A full-screen program (nano, vi) holds the keyboard: Ctrl+C, Esc and Tab are its keys too. */
  fullScreen(): boolean {
    return !!this.session.shell.screen?.();
  }

  /**
   * One key for the full-screen program (''  draws it first). The session is saved when it ends,
   * not on every key; a reload meanwhile finds the shell at its prompt.
   */
  private async screenKey(data: string): Promise<void> {
    await this.withCommand((io) => this.session.shell.key!(data, io), false);
    // Enter is when the editors write a file (^O's prompt, `:w`): that much survives a reload
    if (this.fullScreen()) return void (data === '\r' && this.session.save());
    this.session.save();
    // it left the cursor at the start of a line (vim's alternate screen, busybox vi's last row)
    this.atLineStart = true;
    this.showPrompt();
  }

  /** Runs a shell operation with a fresh TermIO, under the session lock, interruptible. */
  private async withCommand(fn: (io: TermIO) => Promise<unknown>, persist = true): Promise<void> {
    const control = new AbortController();
    this.running = control;
    this.commandRunning = true;
    this.onChange();
    const io: TermIO = {
      // Ctrl+C does not silence a command: the programs stop on `signal`, and what they print
      // on SIGINT (ping's statistics) shows after the ^C, as on a tty.
      out: (t) => this.print(t),
      err: (t) => this.print(t),
      tty: true,
      columns: this.screen.cols(),
      rows: this.screen.rows?.(),
      sleep: (ms) => this.timer.sleep(pace(ms) * this.timeScale, control.signal),
      signal: control.signal,
    };
    try {
      await this.session.lock(async () => {
        if (control.signal.aborted) return;
        await fn(io);
      });
    } catch (e) {
      this.print(`\x1b[31maula: error interno del simulador: ${String((e as Error)?.message ?? e)}\x1b[0m\n`);
    } finally {
      if (control.signal.aborted && !this.atLineStart) this.print('\n');
      this.running = null;
      this.commandRunning = false;
      if (persist) this.session.save();
    }
  }

  private async typeStep(): Promise<void> {
    const step = this.pendingStep();
    if (!step || this.fullScreen()) return;
    const control = new AbortController();
    this.running = control;
    this.onChange();
    // A Tab listing or a search in progress ends (as on Rubout and Ctrl+G); a Ctrl+P held for
    // the detach keys is not followed by Ctrl+Q.
    this.dropModes();
    try {
      const e = this.editor;
      if (!step.command.startsWith(e.text)) e.reset();
      e.end();
      for (const ch of step.command.slice(e.text.length)) {
        e.insert(ch);
        this.render();
        if (this.typingDelay > 0) await this.timer.sleep(this.typingDelay, control.signal);
        if (control.signal.aborted) break;
      }
    } finally {
      this.running = null;
    }
    if (control.signal.aborted) {
      await this.key(KEY.ctrlC);
      return;
    }
    await this.submit();
  }

  /** Leaves a Tab listing, a Ctrl+R search and a held Ctrl+P, as for keys typed by the script. */
  private dropModes(): void {
    if (this.matches) {
      this.screen.write(this.matches.key(KEY.backspace)?.out ?? '');
      this.matches = null;
      this.view.forget();
    }
    if (this.search) this.editor.set(this.search.saved, this.search.cursor);
    this.search = null;
    this.afterCtrlP = false;
    this.lastTab = false;
  }

  /** Output of a command: LF becomes CRLF for the emulator; remembers whether a line is open. */
  private print(text: string): void {
    if (!text) return;
    this.screen.write(text.replace(/\r?\n/g, '\r\n'));
    this.atLineStart = text.endsWith('\n');
  }

  /** The line the cursor sits on after the prompt (a question may print lines above it). */
  private prompt(): string {
    const p = this.session.shell.prompt();
    const nl = p.lastIndexOf('\n');
    return nl < 0 ? p : p.slice(nl + 1);
  }

  /** Input goes to a container's process or answers a question, not to the host's shell. */
  private inSession(): boolean {
    return this.session.shell.inContainer() || this.session.shell.prompt() !== HOST_PROMPT;
  }

  private showPrompt(): void {
    if (this.disposed) return;
    if (!this.atLineStart) this.screen.write('\r\n');
    this.atLineStart = true;
    const p = this.session.shell.prompt();
    const nl = p.lastIndexOf('\n');
    if (nl >= 0) this.print(p.slice(0, nl + 1));
    this.view.forget();
    this.promptShown = true;
    this.useHistory();
    this.render();
  }

  /**
   * Up, Down and Ctrl+R browse the history of whatever reads the line: the host's bash, the shell
   * in a container (a new one starts empty), or nothing for the answer to a command's question.
   */
  private useHistory(): void {
    const sh = this.session.shell;
    let h: string[] | null = null;
    if (sh.inContainer()) h = this.session.insideHistory ??= [];
    else {
      this.session.insideHistory = null;
      if (sh.prompt() === HOST_PROMPT) h = this.session.history;
    }
    if (h === this.lineHistory && h) return;
    this.lineHistory = h;
    this.editor.useHistory(h ?? []);
  }

  private hint(): string {
    const step = this.pendingStep();
    if (!step || this.running || this.secret()) return '';
    const t = this.editor.text;
    return step.command.startsWith(t) ? step.command.slice(t.length) : '';
  }

  private render(): void {
    if (!this.promptShown || this.matches || this.fullScreen()) return;
    if (this.search) {
      const s = this.search;
      const line = s.line < this.editor.history.length ? this.editor.history[s.line] : s.saved;
      const label = `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
      this.screen.write(this.view.render(label, line, s.at, this.screen.cols()));
      return;
    }
    const e = this.editor;
    const secret = this.secret();
    this.screen.write(this.view.render(this.prompt(), this.shown(e.text), secret ? 0 : e.cursor, this.screen.cols(), secret ? '' : this.hint()));
  }

  /** A password is being asked for: the line, the cursor's moves and any hint stay hidden. */
  private secret(): boolean {
    return this.session.shell.echo?.() === false;
  }

  /** What the line shows of what was typed: nothing while a password is asked for. */
  private shown(text: string): string {
    return this.secret() ? '' : text;
  }
}

/**
 * Waits as the class should live them: short ones (pull animation, a second of `sleep`) as asked,
 * long ones such as `docker stop`'s 10 s grace period cut to a fifth beyond the first second.
 */
export function pace(ms: number): number {
  return ms <= 1000 ? ms : 1000 + (ms - 1000) / 5;
}

function commonPrefix(words: string[]): string {
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}
