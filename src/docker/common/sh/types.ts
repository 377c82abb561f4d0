/** What the shared shell and core programs see of the process and machine they run on. */
import type { Fs } from './fs';

/** Where a process writes and how it waits. */
export interface Out {
  out(text: string): void;
  err(text: string): void;
  /** Waits `ms` of simulated time (advances the engine clock); `argv`: the `sleep` command that waits, a process of its own. */
  sleep(ms: number, argv?: string[]): Promise<void>;
  signal?: AbortSignal;
  /** In a job on the host: waits until the foreground has moved the clock `ms` on (`poll`: or looks again at the next prompt). */
  park?(ms: number, poll?: boolean): Promise<void>;
  /** Terminal width, when stdout is a terminal that knows it (`ls` columns). */
  columns?: number;
  /** Terminal height, when a screen shows the output (a full-screen program can draw on it). */
  rows?: number;
}

/** What a command sees: its output, its input (from a pipe or `<`), whether stdout is a terminal. */
export interface IO extends Out {
  stdin?: string;
  /** What `read` has not taken yet of `stdin` (shared by the commands of a loop or a group). */
  feed?: { rest: string };
  /** The descriptors from 3 up (`exec 3>f`, `3<&0`): a writer, or what is left to read. */
  fds?: Record<number, { w?: (t: string) => void; r?: { rest: string } }>;
  tty: boolean;
  /** Busybox applets print busybox-style messages. */
  busybox: boolean;
  /** The banner of the machine's busybox (`BusyBox v1.37.0 (…)`), for its usage messages; read when asked. */
  bb?: () => string;
  /** The program's path when it was started by one (`venv/bin/python`), which its argv[0] leaves out. */
  exe?: string;
}

/** A program started in the background (`cmd &`, a daemon): its PID and its exit status once it ended. */
export interface BgProc {
  pid: number;
  status(): number | null;
  /** When it ends by itself (`sleep 5 &`). */
  end?: number;
  /** Starts it, once the shell has said its PID (its first log lines come after `[1] PID`). */
  run?(): Promise<void>;
  /** A signal to a job of a machine that keeps no processes (the host's `kill %1`). */
  kill?(sig: number): void;
}

export interface ProcInfo { pid: number; ppid: number; argv: string[]; tty: boolean; start: number; user?: string; env?: string[]; ports?: number[] }

/** Reply of a web server in the container network (for curl/wget). */
/** `head`: the response's header lines in the server's own order (curl -I and -i show them). */
/** `reason`: the status line's text when the server words it otherwise (Werkzeug's `NOT FOUND`). */
export interface HttpReply { status: number; body: string; server: string; head?: string[]; reason?: string; /** The status line's HTTP version when not 1.1 (http.server's 1.0). */ version?: string }

/** What the client sends besides the path: its User-Agent, HEAD for `curl -I`, another method and its body (`curl -d`). */
export interface HttpClient { agent: string; head?: boolean; method?: string; body?: string }

/** A GET as the server sees it: the client's address, the Host header, and where the server logs it. */
export interface HttpRequest extends HttpClient { from: string; host: string; log: Out }

/** The machine the processes run in: a container, or the host. */
export interface Machine {
  fs: Fs;
  /** The programs installed: a name in PATH runs the command of its base name. */
  commands: Record<string, Command>;
  /**
   * Where a name is found when the machine keeps no program files (the host): the path, or
   * undefined; without it PATH is searched in `fs`.
   */
  which?(name: string): string | undefined;
  /** `$RANDOM`: 0 to 32767, from the engine's seeded generator so a `--seed` replays the same. */
  random?(): number;
  /** `$$` of a shell started here. */
  shellPid?: number;
  hostname: string;
  ip: string;
  now(): number;
  kernel: string;
  procs(): ProcInfo[];
  newPid(): number;
  /** A GET to host:port from inside this container (other containers, published ports, itself). */
  http(host: string, port: number, path: string, client?: HttpClient): HttpReply | null;
  /** Name resolution inside a container (its network's DNS): the address, and the name it reverses to. */
  resolve?(host: string): { ip: string; name?: string } | null;
  /** A signal from the process `from` inside this machine; false when no process has that PID. */
  signal?(pid: number, sig: number, from: number): boolean;
  /**
   * Starts `argv` as a process that outlives the command line (`sleep 100 &`, `redis-server &`,
   * nginx daemonizing): undefined when it is not a program that keeps running.
   */
  background?(argv: string[], out: Out, env: string[], cwd: string, ppid: number): BgProc | undefined;
  /** A subshell in the background (`{ sleep 2; echo a; } &`): a process of its own whose sleeps run on the clock. */
  job?(argv: string[], body: (o: Out) => Promise<number>, out: Out, ppid: number): BgProc;
  /** Lets `ms` go by while a shell waits (`wait`, `fg`): the host moves the clock and its jobs run on. */
  pass?(ms: number): Promise<void>;
  /** False when no network of the container leads out (none, or only internal networks). */
  online?: boolean;
  /** The interfaces `ip` and `ifconfig` show: lo, then one per network (the host's own on `--network host`). */
  ifaces?(): Iface[];
}

/** An interface: `peer` is the host side's index of a veth (`eth0@if7`); `gw` the default route through it. */
export interface Iface { name: string; ip: string; bits: number; mac: string; peer?: number; gw?: string }

export type Command = (args: string[], io: IO, sh: ShellLike) => number | Promise<number>;

/** What commands may use of the shell that runs them. */
export interface ShellLike {
  m: Machine;
  cwd: string;
  /** The shell's own PID (`$$`): its process's, else the machine's shell (the host's, PID 1). */
  readonly ownPid: number;
  env(): [string, string][];
  getVar(name: string): string | undefined;
  setVar(name: string, value: string, exported?: boolean): void;
  unsetVar(name: string): void;
  /** Error prefix: `bash`, `sh: 1`, `/bin/sh`. */
  prefix(): string;
  flavor: 'bash' | 'dash' | 'ash';
  /** Not a shell but a program runc started directly (see Shell). */
  direct?: boolean;
  /** Who runs the shell (owner shown by `ls -l`). */
  user: string;
  history: string[];
  /** Asks a question (`[Y/n]`) and continues with the answer on the next input line. */
  ask?(prompt: string, then: (answer: string, io: IO) => Promise<number>, how?: Asked): void;
  exit(code: number): void;
  /** Looks a command up in PATH: the path found, or undefined. */
  which(name: string): string | undefined;
  /** Hands the terminal to a REPL (`node`, `python3` typed at an interactive prompt); false when no terminal is there to take. */
  repl?(argv: string[]): boolean;
  /** Runs a command line (for `sh -c`, `bash -c` run from inside). */
  spawn(argv: string[], io: IO): Promise<number>;
  /** Hands the terminal's keys to a full-screen program (nano, vi) until it ends; false when nothing can pass them on. */
  screen?(p: FullScreen): boolean;
}

/** A program that holds the terminal: it draws with escape sequences and takes raw keys. */
export interface FullScreen {
  /** One key, or a run of typed text ('' only draws); the exit status once it has ended. */
  key(data: string, out: Out): number | undefined;
}

/**
 * How a question reads its line: hidden (a password); what Ctrl+D answers (none: it ends the
 * shell); what Ctrl+C does instead of dropping the question (none: it drops it).
 */
export interface Asked { secret?: boolean; eof?: (io: IO) => Promise<number>; int?: () => void }
