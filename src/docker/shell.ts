/**
 * What a terminal (xterm in the browser, the `npm run sim` runner, the build's transcript maker)
 * sees of the simulated machine: a host shell whose `docker` command is the client, and which
 * enters a container's shell after `docker run -it`, `exec -it` or `attach`.
 */

/** Where a command writes, and how time passes for it. */
export interface TermIO {
  /** Standard output; may hold ANSI escapes when `tty` is true. */
  out(text: string): void;
  /** Standard error. */
  err(text: string): void;
  /** True in an interactive terminal: pull progress is drawn in place, layer by layer. */
  tty: boolean;
  /** Terminal width in columns (help texts wrap at 80 when not a TTY). */
  columns?: number;
  /** Rows of the screen that shows the output; unset where nothing is drawn (transcripts): full-screen programs then find no terminal. */
  rows?: number;
  /** Pacing for animations and waits; runners without a screen resolve at once. */
  sleep(ms: number): Promise<void>;
  /** A client in a job on the host: waits for the foreground to move the clock `ms` on (`poll`: or to look again sooner). */
  park?(ms: number, poll?: boolean): Promise<void>;
  /** Aborted on Ctrl+C: a running command stops as soon as it can and exits 130. */
  signal?: AbortSignal;
}

export interface Shell {
  /** `$ ` on the host, `root@<12 hex>:/# ` (with the current directory) inside a container. */
  prompt(): string;
  /** True while the input goes to a container's shell rather than the host. */
  inContainer(): boolean;
  /** Runs one input line (which may hold `;` and `&&`), returns the exit code of the last command. */
  run(line: string, io: TermIO): Promise<number>;
  /** Ctrl+D on an empty line: leaves a container shell (as `exit`); does nothing on the host. */
  eof(io: TermIO): Promise<void>;
  /** Ctrl+P Ctrl+Q: detaches from a container, which keeps running. */
  detach(io: TermIO): Promise<void>;
  /** Completion candidates for the word that ends at `cursor` (commands, flags, images, containers). */
  complete(line: string, cursor: number): { start: number; candidates: string[] };
  /** Serialisable state (engine, clock, seed position, shell position) for localStorage. */
  save(): string;
  /** False while the line being typed must not be shown (a password prompt). */
  echo?(): boolean;
  /** True while a full-screen program (nano, vi) holds the terminal: keys go to `key`, not lines to `run`. */
  screen?(): boolean;
  /** One raw key sequence (or a run of typed text; '' redraws) for the full-screen program. */
  key?(data: string, io: TermIO): Promise<void>;
}

export interface ShellOptions {
  /** Makes IDs, names and the clock deterministic. */
  seed?: number;
  /** A value from `save()`; throws `InvalidState` when it is corrupt or foreign. */
  state?: string;
}

export class InvalidState extends Error {}
