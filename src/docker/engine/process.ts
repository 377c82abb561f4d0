/**
 * What runs inside a container: its main process (PID 1) and `exec`'d processes. Each program
 * reacts to input lines and signals the way the real one does (bash ignores SIGTERM as PID 1,
 * nginx stops on SIGQUIT, httpd on SIGWINCH, a node script serves its port).
 */
import { nginxTemplates } from './shell/envsubst';
import type { FullScreen, HttpReply, HttpRequest, Machine, Out, ProcInfo } from './shell/types';
import { STD_PATH, Shell, flavorAt, type Flavor } from './shell/sh';
import { release, runNode, shown, type NodeRun } from './shell/node';
import { Exit, Open, inspect, repr } from './shell/repl-eval';
import { compileError, oldRepl, replError, runCode, runtime } from './shell/runtimes';
import { NGINX_DEFAULT_CONF } from '../registry/catalog';
import { clientRepl } from './clients';
import { NGINX_PID, nginxStamp, nginxVersion } from './shell/nginx';
import { signalName } from '../common/sh/signals';
import { lines } from '../common/sh/text';
import { FsError, reason, splitPath, type Fs } from '../common/sh/fs';
import { account, userGroups } from '../common/sh/passwd';
import { MYSQL_SOCK, mysqlInit, mysqlServe } from './sql/mysql';
import { byteLength } from './fs';
import { envVar } from './env-var';
import { clfTime, utcFields } from '../common/dates';
import { methodOf } from '../common/web';
import { phpPage } from './shell/php';

export { parseSignal } from '../common/sh/signals';

/** Where a process writes when nobody reads it. */
export const SILENT: Out = { out() {}, err() {}, sleep: async () => {} };

export interface Proc {
  pid: number;
  argv: string[];
  tty: boolean;
  start: number;
  /** True while it waits for lines (a shell or REPL with stdin open). */
  readsInput: boolean;
  prompt(): string;
  /** Runs at start; may finish the process at once. */
  boot(out: Out): Promise<void>;
  input(line: string, out: Out): Promise<void>;
  eof(out: Out): Promise<void>;
  interrupt(out: Out): Promise<void>;
  /** Delivers a signal: the exit code when the process ends on it, null when it survives. */
  /** `from`: the PID of a process inside the container that sent it (none from outside). */
  signal(sig: number, out: Out, from?: number): number | null;
  /** True when a handler of its own (a shell's trap) takes `sig`, so its default action does not apply. */
  traps?(sig: number): boolean;
  /** A trap's action under way, started by a signal (an interactive shell runs it at once). */
  acting?: Promise<void>;
  exitCode: number | null;
  /** The status of the last line run (a shell's `$?`); 0 for programs that read no commands. */
  lastStatus(): number;
  /** Absolute simulated time at which it ends by itself (`sleep 5`), if any. */
  deadline?: number;
  complete(word: string): string[];
  /** State to keep across save/load (a shell's directory, variables and history). */
  save(): unknown;
  /** False while the line it waits for is a password, which the terminal does not show. */
  echo?: boolean;
  /** True while a full-screen program (nano, vi) holds the terminal; `key` gives it the raw keys. */
  screen?: boolean;
  key?(data: string, out: Out): Promise<void>;
  restore(s: unknown): void;
  /** A web server's answer to a GET on one of its container's ports (null: nothing listens); `from`: the client's address. */
  serve?(port: number, path: string, req?: HttpRequest): HttpReply | null;
  /** The TCP ports it listens on beyond those of its program's defaults (a node app's), for netstat. */
  ports?(): number[];
  /** What ps shows when the program renames itself (nginx's `nginx: master process …`). */
  title?: string[];
  /** The user it runs as once its entrypoint stepped down from root (gosu redis), for ps and top. */
  user?: string;
  /** Processes it started that live as long as it does (nginx's workers), for ps and top. */
  children?(): ProcInfo[];
  /** The environment it was started with, as /proc/PID/environ keeps it. */
  env?: string[];
  /** A process a shell left in the background: the shell's PID, and the terminal it writes to. */
  ppid?: number;
  log?: Out;
}

/** Who a process is and the container it runs in. */
export interface Launch { pid: number; argv: string[]; tty: boolean; start: number; m: Machine; /** `-u`, USER */ user?: string }

/** The files as the container's user sees them: root's view for root. */
function userFs(m: Machine, user = ''): Fs {
  // root's needs no look-up in /etc/passwd (every server start)
  if (!user || /^(0|root)(:|$)/.test(user)) return m.fs;
  const e = account(m.fs, user.split(':')[0]);
  const uid = e ? e.uid : parseInt(user) || 0;
  return uid && m.fs.as ? m.fs.as(uid, userGroups(m.fs, user, e).map((g) => g[0])) : m.fs;
}

/** `touch FILE 2>/dev/null`: a user not root, or a read-only root filesystem, may not. */
function canTouch(fs: Fs, path: string): boolean {
  try {
    return fs.touch(path), true;
  } catch {
    return false;
  }
}

/** errno as the servers print it: `(13: Permission denied)` */
const errnoOf = (e: unknown) => `${e instanceof FsError && e.code === 'EROFS' ? 30 : 13}: ${reason(e)}`;

/** What the container's environment gives a program started from a command line. */
export interface Context { env: string[]; cwd: string; stdin: boolean; user?: string; /** A piped stdin, closed at its end. */ input?: string }

/**
 * A piped stdin streamed into a process that reads lines, then closed: a shell runs it as a
 * script, a REPL or client as its batch input. A one-shot command got it whole at start.
 */
export async function feedInput(p: Proc, input: string, out: Out): Promise<void> {
  if (!p.readsInput) return;
  for (const line of lines(input)) {
    if (p.exitCode !== null) return;
    await p.input(line, out);
  }
  // EOF stays: what read the rest (`cat` typed in the script) ends, then the shell
  for (let k = 0; p.exitCode === null && k < (p instanceof ShellProc ? 3 : 1); k++) await p.eof(out);
}

/** Without a handler of its own, a process dies of SIGKILL only (PID 1 gets no default handlers). */
const killedOnlyBy9 = (sig: number): number | null => (sig === 9 ? 137 : null);

/** A program that reads no input and only dies of SIGKILL, with its own behaviour on top. */
export function program(at: Launch, own: Partial<Proc>): Proc {
  const { pid, argv, tty, start } = at;
  return {
    pid, argv, tty, start, exitCode: null, readsInput: false,
    prompt: () => '',
    lastStatus: () => 0,
    async boot() {},
    async input() {},
    async eof() {},
    async interrupt() {},
    signal: killedOnlyBy9,
    complete: () => [],
    save: () => null,
    restore() {},
    ...own,
  };
}

/** An interactive (or stdin-fed) shell; nested shells typed at the prompt stack on top. */
export class ShellProc implements Proc {
  pid: number;
  argv: string[];
  tty: boolean;
  start: number;
  exitCode: number | null = null;
  readsInput: boolean;
  stack: Shell[];
  acting?: Promise<void>;
  /** A REPL typed at one of the shells: it reads the terminal until it exits. */
  private nested?: Proc;
  constructor(private at: Launch, private sh: Shell, private stdinOpen: boolean) {
    ({ pid: this.pid, argv: this.argv, tty: this.tty, start: this.start } = at);
    this.stack = [sh];
    this.hook(sh);
    this.readsInput = stdinOpen;
  }
  private hook(s: Shell) {
    s.onNested = (child) => {
      this.hook(child);
      this.stack.push(child);
    };
    s.onRepl = (argv, env, cwd) => this.nest([argv, env, cwd]);
    s.onScreen = (p) => void (this.held = p);
  }
  /** A full-screen program typed at the prompt (not kept by save: a reload finds the shell at its prompt). */
  private held?: FullScreen;
  get screen(): boolean {
    return !!this.held;
  }
  /** Its exit status is the shell's `$?`, and the rest of the line that started it runs then. */
  async key(data: string, out: Out): Promise<void> {
    const code = this.held?.key(data, out);
    if (code === undefined) return;
    this.held = undefined;
    this.top.status = code;
    await this.top.resume(out);
    this.settle();
  }
  /** What started the REPL, kept with the shell's state so a saved session finds it again. */
  private how?: [string[], string[], string];
  private nest(how: [string[], string[], string], state?: unknown): void {
    const { m } = this.at;
    const [argv, env, cwd] = (this.how = how);
    this.nested = repl({ pid: m.newPid(), argv, tty: this.tty, start: m.now(), m }, argv[0].includes('node') ? 'node' : 'python', true, env, cwd);
    if (state) this.nested.restore(state);
    else void this.nested.boot(this.sink);
  }
  /** Where the shell's line that started a REPL writes, for the REPL's banner. */
  private sink: Out = SILENT;
  /** A REPL that ended gives its status to the shell that started it. */
  private unnest(): void {
    if (this.nested?.exitCode == null) return;
    this.top.status = this.nested.exitCode;
    this.nested = undefined;
  }
  private get top(): Shell {
    return this.stack[this.stack.length - 1];
  }
  prompt(): string {
    return this.nested ? this.nested.prompt() : this.sh.interactive ? this.top.prompt() : '';
  }
  /** A password asked at the prompt (or by the REPL on top) is not shown. */
  get echo(): boolean {
    return this.nested ? this.nested.echo !== false : !this.top.secret;
  }
  lastStatus(): number {
    return this.top.status;
  }
  async boot(): Promise<void> {
    // bash without a terminal or open stdin reads EOF at once and exits 0.
    if (!this.stdinOpen && !this.tty) this.exitCode = 0;
  }
  async input(line: string, out: Out): Promise<void> {
    if (!this.stdinOpen) return;
    if (this.nested) return this.nested.input(line, out).then(() => this.unnest());
    this.sink = out;
    await this.top.input(line, out);
    this.sink = SILENT;
    this.settle();
  }
  private settle(): void {
    while (this.top.exited) {
      const done = this.stack.pop()!;
      if (!this.stack.length) {
        this.exitCode = done.exitCode;
        this.stack.push(done);
        return;
      }
      this.top.status = done.exitCode ?? 0;
    }
  }
  async eof(out: Out): Promise<void> {
    if (this.nested) return this.nested.eof(out).then(() => this.unnest());
    const top = this.top;
    if (top.reading) return top.endReading(0);
    if (await top.endQuestion(out)) return;
    if (!top.interactive) await top.endOfInput(out);
    if (top.interactive && top.flavor === 'bash') out.err(top.argv0[0] === '-' ? 'logout\n' : 'exit\n');
    top.exit(top.status);
    this.settle();
  }
  async interrupt(out: Out): Promise<void> {
    if (this.nested) return this.nested.interrupt(out).then(() => this.unnest());
    const top = this.top;
    const trap = top.trapped(2);
    // busybox's line editing runs a trap's action right after the ^C, on the same line
    if (this.tty) out.out(trap && top.flavor === 'ash' ? '^C' : '^C\n');
    if (top.reading) top.endReading(130);
    else top.interrupt();
    await top.runTraps(out);
    this.settle();
  }
  signal(sig: number, out: Out): number | null {
    if (this.top.trapped(sig)) {
      this.acting = this.top.runTraps(out).then(() => this.settle());
      return null;
    }
    // PID 1 gets no default signal handlers: an interactive shell only dies of SIGKILL (and HUP).
    return sig === 1 && this.pid === 1 ? 129 : killedOnlyBy9(sig);
  }
  traps(sig: number): boolean {
    return this.top.traps?.has(sig) ?? false;
  }
  complete(word: string): string[] {
    if (this.nested) return [];
    return [...new Set(this.top.complete(word, false).concat(this.top.complete(word, true)))];
  }
  /** Interactive bash writes its history file when it exits. */
  history(): string[] {
    return this.sh.history;
  }
  save(): unknown {
    return { ...this.sh.save(), ...(this.nested && { repl: [this.how, this.nested.save()] }) };
  }
  restore(s: unknown): void {
    if (!s) return;
    const state = s as ReturnType<Shell['save']> & { repl?: [[string[], string[], string], unknown] };
    this.sh.restore(state);
    if (state.repl) this.nest(...state.repl);
  }
}

/** A path's last component: the program's name. */
/** A program that ends on its own time (`sleep 100`) reads as exited once `now` gets there, unless it was told otherwise. */
export function endsAt(p: Proc, end: number, now: () => number): void {
  let code: number | null = null;
  Object.defineProperty(p, 'exitCode', { get: () => code ?? (now() >= end ? 0 : null), set: (v: number | null) => { code = v; } });
}

export const baseName = (s: string) => s.slice(s.lastIndexOf('/') + 1);

/** When `sleep N` (`infinity`) or `tail -f` ends of itself (Infinity: never); undefined for any other command. */
export function idleUntil({ argv, start }: Launch): number | undefined {
  const base = baseName(argv[0]);
  if (base === 'sleep' && argv.length === 2 && /^(\d+(\.\d+)?|infinity)$/.test(argv[1])) return argv[1] === 'infinity' ? Infinity : start + Number(argv[1]) * 1000;
  return base === 'tail' && argv.includes('-f') ? Infinity : undefined;
}

/** A command that runs to completion at start (`echo hi`, `ls -l`, `sh -c '…'`). */
function oneShot(at: Launch, sh: Shell, stdin = ''): Proc {
  const { argv } = at;
  const base = baseName(argv[0]);
  // top's screen (without -b: procps' on a terminal, busybox's anywhere) keeps the container up until
  // `q`, Ctrl+C or a signal it catches: procps' top then exits 0, busybox's dies of it
  const screen = base === 'top' && !argv.some((a) => /^-\w*b/.test(a)) && (at.tty || sh.flavor === 'ash');
  // the script it runs is this process: its traps take the signals
  let script: Shell | undefined;
  sh.onScript = (s) => void (script ??= s);
  // `docker exec -it c nano f`: the editor is the process, and it ends when the editor does
  let held: FullScreen | undefined;
  sh.onScreen = (p) => void (held = p);
  return program(at, {
    async key(data, out) {
      const code = held?.key(data, out);
      if (code !== undefined) [held, this.exitCode, this.screen] = [undefined, code, false];
    },
    signal: (sig) => (script?.exitCode === null && script.trapped(sig) ? null : killedOnlyBy9(sig)),
    traps: (sig) => !!script?.traps?.has(sig),
    ...(screen && {
      readsInput: at.tty,
      async input(line: string) {
        if (line.trim().startsWith('q')) this.exitCode = 0;
      },
      async interrupt() {
        this.exitCode = 0;
      },
      signal: (sig: number) => ([1, 2, 3, 15].includes(sig) ? (sh.flavor === 'ash' ? 128 + sig : 0) : killedOnlyBy9(sig)),
    }),
    async boot(out) {
      if (screen) return void (await sh.spawn(argv, { ...out, signal: undefined, tty: at.tty, busybox: sh.flavor === 'ash', stdin: '' }));
      // `sleep N` and `tail -f` as PID 1 keep the container up; they end on their own time.
      const until = idleUntil(at);
      if (until !== undefined) {
        if (until < Infinity) this.deadline = until;
        return;
      }
      const code = await sh.spawn(argv, { ...out, tty: at.tty, busybox: sh.flavor === 'ash', stdin });
      if (held) this.readsInput = this.screen = true;
      else this.exitCode = code;
    },
  });
}

/** Filters that read stdin when given no file: how many operands come before the files. */
const FILTERS: Record<string, number> = { cat: 0, tac: 0, wc: 0, sort: 0, uniq: 0, rev: 0, nl: 0, head: 0, tail: 0, cut: 0, base64: 0, md5sum: 0, sha256sum: 0, grep: 1, sed: 1, awk: 1, tr: 2 };
const readsStdin = (base: string, argv: string[]): boolean =>
  Object.hasOwn(FILTERS, base) && argv.slice(1).filter((a, i, all) => a !== '-' && !a.startsWith('-') && !/^-[ncdefktF]$/.test(all[i - 1] ?? '')).length <= FILTERS[base];

/**
 * A filter whose stdin stays open (`-i`, or a TTY): it waits for lines, so `docker run -di
 * alpine cat` keeps running. `cat` writes each line back as it reads it; the others run on all
 * of them at EOF (Ctrl+D).
 */
function filter(at: Launch, sh: Shell, base: string): Proc {
  let buf = '';
  const run = (stdin: string, out: Out) => sh.spawn(at.argv, { ...out, tty: at.tty, busybox: sh.flavor === 'ash', stdin });
  return program(at, {
    readsInput: true,
    async input(line, out) {
      if (base === 'cat') await run(line + '\n', out);
      else buf += line + '\n';
    },
    async eof(out) {
      this.exitCode = await run(buf, out);
    },
    // Ctrl+C through a TTY ends it (the terminal's SIGINT)
    async interrupt(out) {
      out.out('^C\n');
      this.exitCode = 130;
    },
  });
}

/** Looks a program up in the PATH of `env`, as runc does before it starts one. */
export function findProgram(m: Machine, env: string[], cwd: string, name: string): string | undefined {
  return new Shell(m, 'bash', 'sh', false, env, cwd, false).which(name);
}

/** What dockerd appends to an ENOTDIR from the runtime, taking it for a bind mount of the wrong type. */
export const MOUNT_HINT = ': Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type';

/**
 * Why runc cannot start `name`, as Go's exec.LookPath words it, with the exit code dockerd's
 * translateContainerdStartErr gives it and what it appends; undefined when it can run. A path
 * is taken as given; a bare name is searched in PATH for an executable file.
 */
export function lookPath(m: Machine, env: string[], cwd: string, name: string): { why: string; code: number; tail: string } | undefined {
  const at = (p: string) => m.fs.resolve(p, cwd).node;
  if (!name.includes('/')) {
    const path = env.find((e) => e.startsWith('PATH='))?.slice(5) ?? STD_PATH;
    for (const d of path.split(':')) {
      try {
        const n = at(`${d || '.'}/${name}`);
        if (n?.kind === 'file' && n.mode & 0o111) return undefined;
      } catch { /* not there */ }
    }
    return { why: `exec: "${name}": executable file not found in $PATH`, code: 127, tail: '' };
  }
  let node;
  let notDir;
  try {
    node = at(name);
    notDir = node?.kind === 'file' && name.endsWith('/');
  } catch (e) {
    notDir = (e as { code?: string }).code === 'ENOTDIR';
  }
  // A file where a directory should be (a trailing slash too): dockerd takes it for a bind mount of the wrong type.
  if (notDir) return { why: `exec: "${name}": stat ${name}: not a directory`, code: 127, tail: MOUNT_HINT };
  if (!node) return { why: `exec: "${name}": stat ${name}: no such file or directory`, code: 127, tail: '' };
  // Go reports a directory as EISDIR; dockerd adds EACCES's text so the CLI exits 126.
  if (node.kind === 'dir') return { why: `exec: "${name}": is a directory`, code: 126, tail: ': permission denied' };
  if (node.kind === 'file' && !(node.mode & 0o111)) return { why: `exec: "${name}": permission denied`, code: 126, tail: '' };
  return undefined;
}

/**
 * The environment dockerd hands to runc: PATH, HOSTNAME and, with a TTY, TERM, then the
 * container's own variables (which replace those three in place). runc adds HOME last.
 */
export function daemonEnv(env: string[], hostname: string, tty: boolean): string[] {
  const list = [`PATH=${STD_PATH}`, `HOSTNAME=${hostname}`, ...(tty ? ['TERM=xterm'] : [])];
  for (const e of env) {
    const at = list.findIndex((d) => d.slice(0, d.indexOf('=') + 1) === e.slice(0, e.indexOf('=') + 1));
    if (at < 0) list.push(e);
    else list[at] = e;
  }
  return list;
}

/** How both PID 1 and `exec` start a program: a shell that reads its input, or a command run to completion. */
export function startProgram(at: Launch, o: Context): Proc {
  const { m, argv, tty } = at;
  const env = daemonEnv(o.env, m.hostname, tty);
  let home: string | undefined;
  const shell = (flavor: Flavor, name: string, interactive: boolean, direct = false) => {
    const s = new Shell(m, flavor, name, interactive, env, o.cwd, tty, o.user, direct);
    s.pid = at.pid;
    home = s.getVar('HOME');
    return s;
  };
  const flavor = flavorAt(m.fs, findProgram(m, o.env, o.cwd, argv[0]) ?? argv[0], o.cwd);
  const sh = () => shell(flavor === 'ash' ? 'ash' : 'bash', 'sh', false, true);
  const base = baseName(argv[0]);
  // a shell with only its interactive options reads its input; `bash --version` or `sh script` runs to completion
  const reads = ['bash', 'sh', 'dash', 'ash'].includes(base) && argv.slice(1).every((a) => /^(-[ilsxve]+|--login|--norc|--noprofile)$/.test(a));
  const proc: Proc = reads ? new ShellProc(at, shell(flavor, argv[0], tty), o.stdin)
    : argv.length === 1 && /^(node|python3?(\.\d+)?)$/.test(base) ? repl(at, base === 'node' ? 'node' : 'python', o.stdin, withHome(env, o.user === undefined || o.user === 'root' ? '/root' : undefined), o.cwd)
    : clientRepl(at, o, base) ?? (o.input === undefined && (o.stdin || tty) && readsStdin(base, argv) ? filter(at, sh(), base) : oneShot(at, sh(), o.input));
  proc.env = withHome(env, home);
  // `-u`: ps and top show the process as that user
  const user = o.user?.split(':')[0];
  if (user && user !== 'root' && user !== '0') proc.user ??= user;
  return proc;
}

/** runc adds HOME (from the user's passwd entry) after what the daemon passed, unless it is there. */
export const withHome = (env: string[], home: string | undefined): string[] =>
  home === undefined || env.some((e) => e.startsWith('HOME=')) ? env : [...env, 'HOME=' + home];

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain', png: 'image/png', jpg: 'image/jpeg', svg: 'image/svg+xml' };
const httpDate = (ms: number) => new Date(ms).toUTCString();
const hex = (n: number) => Math.floor(n).toString(16);

/** How a server logs a request it answered: its request line, status, body bytes and the file it looked for. */
type AccessLog = (req: HttpRequest, line: string, status: number, bytes: number, file: string) => void;

const REASONS: Record<number, string> = { 301: 'Moved Permanently', 403: 'Forbidden', 405: 'Not Allowed' };

/**
 * A web server's GET on port 80: the file under its document root, or its own 404 page, with the
 * headers each server writes in its order (nginx's ETag is mtime-size, Apache's size-microseconds).
 */

function website(m: Machine, root: string, server: string, notFound: string, logged: AccessLog, php?: string) {
  const apache = server.startsWith('Apache');
  return (port: number, path: string, req?: HttpRequest): HttpReply | null => {
    if (port !== 80) return null;
    // mod_php's DirectoryIndex: index.php before index.html
    const index = php && path.endsWith('/') && m.fs.find(splitPath(root + path + 'index.php')) ? 'index.php' : 'index.html';
    const file = root + (path.endsWith('/') ? path + index : path);
    const date = 'Date: ' + httpDate(m.now());
    const method = methodOf(req);
    const log = (status: number, bytes: number) => req && logged(req, `${method} ${path} HTTP/1.1`, status, req.head ? 0 : bytes, file);
    let body: string;
    let mtime: number;
    const fail = (status: number, page: string, location?: string) => {
      // Debian's signature names the host and port the client asked for
      if (php) page = page.replace('localhost Port 80', (req?.host ?? 'localhost').replace(/:(\d+)$|$/, (p, n?: string) => ` Port ${n ?? 80}`));
      const len = 'Content-Length: ' + byteLength(page);
      const at = location ? ['Location: ' + location] : [];
      const head = apache ? [date, 'Server: ' + server, ...at, len, 'Content-Type: text/html; charset=iso-8859-1'] : ['Server: ' + server, date, 'Content-Type: text/html', len, ...at, 'Connection: keep-alive'];
      log(status, byteLength(page));
      return { status, body: page, server, head, reason: REASONS[status] };
    };
    // nginx's pages are its 404 page with another status line
    const page = (status: number) => notFound.replace(/404 Not Found/g, `${status} ${REASONS[status]}`);
    // nginx's static module refuses other methods, and a POST to a file it has
    const refuse = () => fail(405, page(405));
    if (!apache && !/^(GET|HEAD|POST)$/.test(method)) return refuse();
    const dir = m.fs.find(splitPath(root + path));
    if (dir?.kind === 'dir') {
      // a directory named without its slash: a redirect, which nginx writes with its own port (80,
      // so none) and Apache with the client's Host; with the slash but no index.html, nginx forbids
      const host = req?.host ?? 'localhost';
      const to = `http://${apache ? host : host.replace(/:\d+$/, '')}${path}/`;
      if (!path.endsWith('/')) return fail(301, apache ? `${notFound.slice(0, notFound.indexOf('<title>'))}<title>301 Moved Permanently</title>\n</head><body>\n<h1>Moved Permanently</h1>\n<p>The document has moved <a href="${to}">here</a>.</p>\n</body></html>\n` : page(301), to);
      if (!apache && !dir.children.has('index.html')) return fail(403, page(403));
      if (php && index === 'index.html' && !dir.children.has('index.html')) return fail(403, notFound.replace(/404 Not Found/, '403 Forbidden').replace(/Not Found<[^]*?<\/p>/, "Forbidden</h1>\n<p>You don't have permission to access this resource.</p>"));
    }
    try {
      body = m.fs.readFile(file);
      const n = m.fs.resolve(file, '/').node;
      mtime = n && n.kind !== 'whiteout' ? n.mtime : m.now();
    } catch {
      return fail(404, notFound);
    }
    if (!apache && method === 'POST') return refuse();
    const size = byteLength(body);
    const type = 'Content-Type: ' + (MIME[file.slice(file.lastIndexOf('.') + 1)] ?? (apache ? 'text/plain' : 'application/octet-stream'));
    const modified = 'Last-Modified: ' + httpDate(mtime);
    const head = apache
      ? [date, 'Server: ' + server, modified, `ETag: "${hex(size)}-${hex(mtime * 1000)}"`, 'Accept-Ranges: bytes', 'Content-Length: ' + size, type]
      : ['Server: ' + server, date, type, 'Content-Length: ' + size, modified, 'Connection: keep-alive', `ETag: "${hex(mtime / 1000)}-${hex(size)}"`, 'Accept-Ranges: bytes'];
    if (php && file.endsWith('.php')) {
      const powered = [date, 'Server: ' + server, 'X-Powered-By: PHP/' + php];
      // WordPress without its wp-config.php sends the browser to its installer
      if (file === root + '/index.php' && m.fs.find(splitPath(root + '/wp-blog-header.php')) && !m.fs.find(splitPath(root + '/wp-config.php'))) {
        log(302, 0);
        return { status: 302, body: '', server, reason: 'Found', head: [...powered, 'Expires: Wed, 11 Jan 1984 05:00:00 GMT', 'Cache-Control: no-cache, must-revalidate, max-age=0', 'X-Redirect-By: WordPress', `Location: http://${req?.host ?? 'localhost'}/wp-admin/setup-config.php`, 'Content-Length: 0', 'Content-Type: text/html; charset=UTF-8'] };
      }
      body = phpPage(body, php) ?? '';
      log(200, byteLength(body));
      return { status: 200, body, server, head: [...powered, 'Content-Length: ' + byteLength(body), 'Content-Type: text/html; charset=UTF-8'] };
    }
    log(200, size);
    return { status: 200, body, server, head };
  };
}

/** Servers remove their PID file when they shut down (it may be gone already). */
function removePidFile(m: Machine, path: string): void {
  try {
    m.fs.remove(path);
  } catch { /* gone */ }
}

const nginx404 = (v: string) => `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${v}</center>\r\n</body>\r\n</html>\r\n`;
const NGINX_SIGNALS = [1, 2, 3, 10, 15];

/**
 * What nginx's /docker-entrypoint.sh does before it execs `nginx …`: its scripts in
 * /docker-entrypoint.d, the IPv6 one editing the packaged default.conf once.
 */
export function nginxEntrypoint(m: Machine, out: Out, fs = m.fs, env: string[] = []): void {
  const ep = '/docker-entrypoint.sh';
  out.out(`${ep}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n${ep}: Looking for shell scripts in /docker-entrypoint.d/\n${ep}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n`);
  const conf = '/etc/nginx/conf.d/default.conf';
  let text: string | undefined;
  try {
    text = m.fs.readFile(conf);
  } catch { /* removed */ }
  // The script edits only the packaged file (its checksum), once: a restart finds it done.
  const ipv6 = (s: string) => out.out(`10-listen-on-ipv6-by-default.sh: info: ${s}\n`);
  if (text === undefined) ipv6(`${conf} is not a file or does not exist`);
  else if (!canTouch(fs, conf)) ipv6(`can not modify ${conf} (read-only file system?)`);
  else if (text.includes('listen  [::]:80;')) ipv6('IPv6 listen already enabled');
  else {
    ipv6(`Getting the checksum of ${conf}`);
    if (text !== NGINX_DEFAULT_CONF) ipv6(`${conf} differs from the packaged version`);
    else {
      m.fs.writeFile(conf, text.replace(/listen {7}80;\n/, 'listen       80;\n    listen  [::]:80;\n'));
      ipv6(`Enabled listen on IPv6 in ${conf}`);
    }
  }
  out.out(`${ep}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n${ep}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n`);
  nginxTemplates(m.fs, env, out.out);
  out.out(`${ep}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n${ep}: Configuration complete; ready for start up\n`);
}

/**
 * nginx behind /docker-entrypoint.sh: configuration lines, then a worker per CPU. SIGQUIT stops them
 * gracefully, SIGTERM and SIGINT at once; SIGHUP starts new workers and retires the old ones.
 * A signal sent from the host has no sender inside the namespace, so no `from PID`.
 */
export function nginx(at: Launch, alpine: boolean, daemon = false, env?: string[]): Proc {
  const { m } = at;
  const NGINX = nginxVersion(m.fs);
  // typed in a shell it forks away from it: the master is the child, its log the image's /dev/stderr link
  let master = 1;
  let toErr = true;
  // connections served, numbered from 1 in the error log (`*1`)
  let conn = 0;
  // the entrypoint's scripts take PIDs up to 28; then the workers, one per CPU (docker info says 4)
  let workers: number[] = [];
  const log = (t: string, pid: number, lines: string[]) => (toErr ? lines.map((s) => `${t} [notice] ${pid}#${pid}: ${s}\n`).join('') : '');
  const start = (t: string) => log(t, master, ['start worker processes', ...workers.map((w) => `start worker process ${w}`)]);
  // Each worker leaves on its own; the master reaps them one SIGCHLD at a time.
  const retire = (t: string, old: number[], graceful: boolean, last: string[]) =>
    old.map((w) => log(t, w, [...(graceful ? ['gracefully shutting down'] : []), 'exiting', 'exit'])).join('') +
    log(t, master, old.flatMap((w, i) => [`signal 17 (SIGCHLD) received from ${w}`, `worker process ${w} exited with code 0`, ...(i < old.length - 1 ? ['signal 29 (SIGIO) received'] : last)]));
  return program(at, {
    async boot(out) {
      if (daemon) {
        const t = nginxStamp(at.start);
        try {
          toErr = m.fs.resolve('/var/log/nginx/error.log', '/', false).node?.kind === 'link';
        } catch {
          toErr = false;
        }
        out.err(log(t, at.pid, ['using the "epoll" event method', NGINX, 'built by gcc 12.2.0 (Debian 12.2.0-14) ', `OS: Linux ${m.kernel}`, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576']));
        this.pid = master = m.newPid();
        m.fs.writeFile(NGINX_PID, master + '\n');
        workers = [1, 2, 3, 4].map(() => m.newPid());
        return void out.err(start(t));
      }
      const fs = userFs(m, at.user);
      nginxEntrypoint(m, out, fs, env);
      const t = nginxStamp(at.start);
      // a user not root (-u, USER): the stock configuration fails where it writes, on stderr twice
      const fail = (level: string, s: string) => (out.err(`${t} [${level}] 1#1: ${s}\nnginx: [${level}] ${s}\n`), level === 'emerg' && (this.exitCode = 1));
      // the stock nginx.conf's second line is `user  nginx;`
      if (fs.cred) fail('warn', 'the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2');
      for (const d of ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) {
        try {
          fs.mkdir(`/var/cache/nginx/${d}`, '/', true);
        } catch (e) {
          return void fail('emerg', `mkdir() "/var/cache/nginx/${d}" failed (${errnoOf(e)})`);
        }
      }
      const notices = log(t, 1, ['using the "epoll" event method', NGINX, alpine ? 'built by gcc 14.2.0 (Alpine 14.2.0) ' : 'built by gcc 12.2.0 (Debian 12.2.0-14) ',
        `OS: Linux ${m.kernel}`, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576']);
      try {
        fs.writeFile(NGINX_PID, '1\n');
      } catch (e) {
        return void (out.err(notices), fail('emerg', `open() "${NGINX_PID}" failed (${errnoOf(e)})`));
      }
      while (m.newPid() < 28);
      workers = [1, 2, 3, 4].map(() => m.newPid());
      out.err(notices + start(t));
    },
    signal(sig, out, from) {
      if (!NGINX_SIGNALS.includes(sig)) return killedOnlyBy9(sig);
      const name = 'SIG' + signalName(sig);
      const t = nginxStamp(m.now());
      const old = workers;
      // nginx names the sender when it is a process it can see
      const got = `signal ${sig} (${name}) received${from ? ` from ${from}` : ''}`;
      if (sig === 10) {
        out.err(log(t, master, [`${got}, reopening logs`, 'reopening logs']) + old.map((w) => log(t, w, ['reopening logs'])).join(''));
        return null;
      }
      if (sig === 1) {
        workers = old.map(() => m.newPid());
        out.err(log(t, master, [`${got}, reconfiguring`, 'reconfiguring', 'using the "epoll" event method']) + start(t) + retire(t, old, true, ['signal 29 (SIGIO) received']));
        return null;
      }
      out.err(log(t, master, [`${got}, ${sig === 3 ? 'shutting down' : 'exiting'}`]) + retire(t, old, sig === 3, ['exit']));
      removePidFile(m, NGINX_PID);
      return 0;
    },
    // A daemon's stdout is /dev/null, where the image's access.log points; the error log stays.
    serve: website(m, daemon && !toErr ? '/var/www/html' : '/usr/share/nginx/html', NGINX, nginx404(NGINX), (req, line, status, bytes, file) => {
      const w = workers[conn++ % workers.length];
      const why = status === 404 ? `open() "${file}" failed (2: No such file or directory)` : status === 403 ? `directory index of "${file.replace(/index\.html$/, '')}" is forbidden` : '';
      if (why && toErr) req.log.err(`${nginxStamp(m.now())} [error] ${w}#${w}: *${conn} ${why}, client: ${req.from}, server: localhost, request: "${line}", host: "${req.host}"\n`);
      if (!daemon) req.log.out(`${req.from} - - [${clfTime(m.now())}] "${line}" ${status} ${bytes} "-" "${req.agent}" "-"\n`);
    }),
    title: [daemon ? 'nginx: master process nginx' : 'nginx: master process nginx -g daemon off;'],
    children: () => workers.map((pid) => ({ pid, ppid: master, argv: ['nginx: worker process'], tty: false, start: at.start, user: daemon && !toErr ? 'www-data' : 'nginx' })),
  });
}

/** Apache's log time: `Mon Jun 16 09:30:00.123456 2025`. */
const apacheStamp = (ms: number) => {
  const [w, day, mon, year, time] = utcFields(ms);
  return `[${w.slice(0, 3)} ${mon} ${day} ${time}.${String((ms % 1000) * 1000 + 123).padStart(6, '0')} ${year}]`;
};
const APACHE_404 = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
const APACHE_STOPS: Record<number, string> = { 28: 'AH00492: caught SIGWINCH, shutting down gracefully', 15: 'AH00491: caught SIGTERM, shutting down', 2: 'AH00491: caught SIGTERM, shutting down' };

/** httpd's image, or (`php`: its version) Debian's apache2 with mod_php of the php:apache images. */
export function httpd(at: Launch, php?: string): Proc {
  const { m } = at;
  const pidFile = php ? '/var/run/apache2/apache2.pid' : '/usr/local/apache2/logs/httpd.pid';
  const [name, server, mpm] = php ? ['apache2', 'Apache/2.4.62 (Debian)', 'prefork'] : ['httpd', 'Apache/2.4.63 (Unix)', 'event'];
  // The event MPM's StartServers: three children, as the image's User (www-data).
  let kids: number[] = [];
  return program(at, {
    async boot(out) {
      kids = [m.newPid(), m.newPid(), m.newPid()];
      const fqdn = `AH00558: ${name}: Could not reliably determine the server's fully qualified domain name, using ${m.ip}. Set the 'ServerName' directive globally to suppress this message\n`;
      const t = apacheStamp(at.start);
      // the wordpress image's entrypoint fills an empty document root from /usr/src/wordpress
      const wp = m.fs.find(['usr', 'src', 'wordpress']);
      if (php && wp?.kind === 'dir' && !m.fs.find(['var', 'www', 'html', 'index.php'])) {
        out.err('WordPress not found in /var/www/html - copying now...\n');
        for (const [n, node] of m.fs.list(['usr', 'src', 'wordpress'])) m.fs.putNode('/var/www/html/' + n, structuredClone(node));
        out.err('Complete! WordPress has been successfully copied to /var/www/html\n');
      }
      try {
        // ap_log_pid exits when a user not root may not write logs/
        userFs(m, at.user).writeFile(pidFile, '1\n');
      } catch (e) {
        out.err(`${fqdn}${fqdn}${t} [core:error] [pid 1:tid 1] (${errnoOf(e).replace(': ', ')')}: AH00099: could not create ${pidFile}\n${t} [core:error] [pid 1:tid 1] AH00100: httpd: could not log pid to file ${pidFile}\n`);
        return void (this.exitCode = 1);
      }
      out.err(`${fqdn}${fqdn}${t} [mpm_${mpm}:notice] [pid 1:tid 1] ${php ? `AH00163: ${server} PHP/${php}` : `AH00489: ${server}`} configured -- resuming normal operations\n${t} [core:notice] [pid 1:tid 1] AH00094: Command line: '${name} -D FOREGROUND'\n`);
    },
    signal(sig, out) {
      const msg = APACHE_STOPS[sig];
      if (!msg) return killedOnlyBy9(sig);
      out.err(`${apacheStamp(m.now())} [mpm_${mpm}:notice] [pid 1:tid 1] ${php ? msg.replace('AH00492', 'AH00170').replace('AH00491', 'AH00169') : msg}\n`);
      removePidFile(m, pidFile);
      return 0;
    },
    // the image's CustomLog is /proc/self/fd/1 in the common format (`-` for no body)
    // Debian's default site logs in the combined format
    serve: website(m, php ? '/var/www/html' : '/usr/local/apache2/htdocs', server, php ? APACHE_404.replace('</body>', `<hr>\n<address>${server} Server at localhost Port 80</address>\n</body>`) : APACHE_404, (req, line, status, bytes) => req.log.out(`${req.from} - - [${clfTime(m.now())}] "${line}" ${status} ${php ? `${bytes} "-" "${req.agent}"` : bytes || '-'}\n`), php),
    // httpd-foreground execs `httpd -DFOREGROUND`.
    title: [name, '-DFOREGROUND'],
    children: () => kids.map((pid) => ({ pid, ppid: 1, argv: [name, '-DFOREGROUND'], tty: false, start: at.start, user: 'www-data' })),
  });
}

/** MySQL's own log lines carry microseconds. */
const mysqlStamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, '.000000Z');
const MYSQL_EDITION = 'MySQL Community Server - GPL.';

/**
 * The mysql and mariadb entrypoints' first notes (the script starts again as the mysql user), and
 * how it writes a note and refuses an uninitialised database.
 */
export function entrypoint(out: Out, start: number, server: string): [note: (s: string) => void, refuse: (how: string) => void] {
  const t = new Date(start).toISOString().slice(0, 19).replace('T', ' ') + '+00:00';
  const note = (s: string) => out.out(`${t} [Note] [Entrypoint]: ${s}\n`);
  const started = `Entrypoint script for ${server} started.`;
  note(started);
  note("Switching to dedicated user 'mysql'");
  note(started);
  return [note, (how) => out.err(`${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n${how}`)];
}

export function mysqld(at: Launch, env: string[]): Proc {
  const { m, start } = at;
  // The image's MYSQL_VERSION (`9.3.0-1.el9`): the package release, and the server's version before the dash
  const release = envVar(env, 'MYSQL_VERSION') || '9.3.0-1.el9';
  const v = release.split('-')[0];
  const v80 = v.startsWith('8.0.');
  const v57 = v.startsWith('5.');
  return program(at, {
    async boot(out) {
      const [note, refuse] = entrypoint(out, start, 'MySQL Server ' + release);
      const options = ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'];
      if (!options.some((k) => envVar(env, k))) {
        refuse(`    You need to specify one of the following as an environment variable:\n${options.map((k) => `    - ${k}\n`).join('')}`);
        this.exitCode = 1;
        return;
      }
      if (!m.fs.list(['var', 'lib', 'mysql']).size) {
        note('Initializing database files');
        m.fs.putNode('/var/lib/mysql/ibdata1', { kind: 'file', size: 12582912, mode: 0o640, mtime: start });
        mysqlInit(m, env).forEach(note);
        note('MySQL init process done. Ready for start up.');
      }
      const z = mysqlStamp(start);
      m.fs.mkdir('/var/run/mysqld', '/', true);
      m.fs.writeFile(MYSQL_SOCK, '', '/', false);
      // 5.7 logged plain notes, its first line the warning of its default for TIMESTAMP
      if (v57) return out.err(`${z} 0 [Warning] TIMESTAMP with implicit DEFAULT value is deprecated. Please use --explicit_defaults_for_timestamp server option (see documentation for more details).\n${z} 0 [Note] mysqld (mysqld ${v}) starting as process 1 ...\n${z} 0 [Note] mysqld: ready for connections.\nVersion: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)\n`);
      // 8.0 has no start and end lines yet, and its entrypoint still passes --skip-host-cache
      out.err(`${v80 ? `${z} 0 [Warning] [MY-011068] [Server] The syntax '--skip-host-cache' is deprecated and will be removed in a future release. Please use SET GLOBAL host_cache_size=0 instead.\n` : `${z} 0 [System] [MY-015015] [Server] MySQL Server - start.\n`}${z} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${v}) starting as process 1\n${z} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  ${MYSQL_EDITION}\n`);
    },
    signal(sig, out) {
      if (sig !== 15 && sig !== 2 && sig !== 3) return killedOnlyBy9(sig);
      const z = mysqlStamp(m.now());
      removePidFile(m, MYSQL_SOCK);
      if (v57) return out.err(['Giving 0 client threads a chance to die gracefully', 'Shutting down slave threads', 'Forcefully disconnecting 0 remaining clients', 'Event Scheduler: Purging the queue. 0 events', 'Binlog end', 'mysqld: Shutdown complete\n'].map((l) => `${z} 0 [Note] ${l}\n`).join('')), 0;
      out.err(`${z} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${v}).\n${z} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${v})  ${MYSQL_EDITION}\n${v80 ? '' : `${z} 0 [System] [MY-015016] [Server] MySQL Server - end.\n`}`);
      return 0;
    },
    serve: mysqlServe(m, env),
  });
}

/**
 * The node and python REPLs (repl-eval.ts reads what they are typed). Without a terminal they
 * read their whole input as a script and run it at its end; without stdin they read EOF and
 * exit 0. An unfinished line (an open bracket or block) goes on behind a `... ` prompt.
 */
export function repl(at: Launch, kind: 'node' | 'python', stdinOpen: boolean, env: string[] = [], cwd = '/'): Proc {
  const node = kind === 'node';
  const rt = runtime(at.m, !node, env, cwd);
  const old313 = !node && oldRepl(rt.version);
  let lines = 0;
  let buffer = '';
  let script = '';
  // what was typed, replayed on restore to bring its names back
  const typed: string[] = [];
  // node leaves on a second Ctrl+C in a row
  let interrupted = false;
  // node 14 still wrote ^C, ^D and repl in its messages.
  const old = () => release(at.m.fs).node.startsWith('v14.');
  return program(at, {
    readsInput: stdinOpen,
    prompt: () => (!at.tty ? '' : buffer ? '... ' : node ? '> ' : '>>> '),
    async boot(out) {
      if (!stdinOpen) this.exitCode = 0;
      else if (!at.tty) return;
      else if (node) out.out(`Welcome to Node.js ${release(at.m.fs).node}.\nType ".help" for more information.\n`);
      else out.out(`Python ${rt.version} on linux\nType "help", "copyright", "credits" or "license" for more information.\n`);
    },
    async input(raw, out) {
      interrupted = false;
      if (!at.tty) return void (script += raw + '\n');
      typed.push(raw);
      /** node's timers and promises due by now (`ahead`: and in the moment the prompt takes to come back), and what they wrote. */
      const loop = (ahead = 0) => {
        const l = rt.settle(ahead);
        out.out(l.out);
        out.err(l.err);
        if (l.error instanceof Exit) this.exitCode = Number(l.error.code) || 0;
        else if (l.error) out.out(replError(false, l.error, '', 0));
      };
      // (what came due while the line was typed was written before it)
      if (node && (loop(), this.exitCode !== null)) return;
      const line = raw.trim();
      const src = buffer ? buffer + '\n' + raw : line;
      if (!src.trim()) return;
      // Python 3.13's REPL also leaves on a bare `exit` or `quit`; before, they only say how to leave
      if (!node && !buffer && /^(exit|quit)$/.test(line) && old313) return out.out(`Use ${line}() or Ctrl-D (i.e. EOF) to exit\n`);
      if (node ? line === '.exit' : !buffer && /^(exit|quit)$/.test(line)) {
        this.exitCode = 0;
        return;
      }
      // The CLI's REPL shares the global scope, so its .clear is only an alias.
      if (node && line === '.help') {
        return out.out(`.break    Sometimes you get stuck, this gets you out\n.clear    Alias for .break\n.editor   Enter editor mode\n.exit     Exit the ${old() ? 'repl' : 'REPL'}\n.help     Print this help message\n.load     Load JS from a file into the REPL session\n.save     Save all evaluated commands in this REPL session to a file\n\nPress ${old() ? '^C to abort current expression, ^D to exit the repl' : 'Ctrl+C to abort current expression, Ctrl+D to exit the REPL'}\n`);
      }
      if (node && /^\.(break|clear)$/.test(line)) return void (buffer = '');
      if (node && /^\.(editor|load|save)\b/.test(line)) return;
      if (node && /^\.\w/.test(line)) return out.out('Invalid REPL keyword\n');
      const r = rt.run(src, true);
      if (r.error instanceof Open) return void (buffer = src);
      // (node's REPL takes an illegal break or continue for unfinished: it reports it once more is typed)
      if (node && compileError(r.error) && /^Illegal (break|cont)/.test(r.error.msg) && src.trimEnd().split('\n').length === (r.line ?? 1)) return void (buffer = src);
      buffer = '';
      // each input run is one `<python-input-N>`
      lines++;
      if (!(node && compileError(r.error))) (out.out(r.out), out.err(r.err));
      if (r.error instanceof Exit) {
        this.exitCode = Number(r.error.code) || 0;
        return;
      }
      // node shows every value (undefined after a declaration); python all but None
      // (node shows the line as it was typed)
      if (r.error) (node ? out.out : out.err)(replError(!node, r.error, node ? (src === line ? raw : src.split('\n').slice((r.line ?? 1) - 1).join('\n')) : (src.split('\n')[(r.line ?? 1) - 1] ?? '').trim(), lines - 1, r.line, old313));
      else if (node) {
        // (a value the evaluator cannot show, as globalThis, is refused as the REPL reports an error)
        let text: string;
        try {
          text = inspect(r.value === rt.NOTHING ? undefined : r.value) + '\n';
        } catch (u) {
          text = replError(false, u, '', 0);
        }
        out.out(text);
      } else if (r.value !== rt.NOTHING && r.value != null) out.out(repr(r.value) + '\n');
      // node's timers and promises run once the value is shown
      if (node) loop(100);
    },
    async eof(out) {
      if (!at.tty) {
        const r = runCode(rt, !node, script, 'stdin', release(at.m.fs).node);
        out.out(r.out);
        out.err(r.err);
        this.exitCode = r.code;
        return;
      }
      if (node) out.out('\n');
      this.exitCode = 0;
    },
    save: () => (typed.length || script ? { typed, script } : null),
    restore(s) {
      const saved = s as { typed: string[]; script: string } | null;
      if (!saved) return;
      script = saved.script;
      for (const l of saved.typed) void this.input?.(l, SILENT);
    },
    async interrupt(out) {
      const again = interrupted || !node;
      interrupted = !buffer;
      if (buffer) return void (buffer = '');
      if (node && again) {
        this.exitCode = 0;
        return;
      }
      out.out(node ? `(To exit, press ${old() ? '^C again or ^D' : 'Ctrl+C again or Ctrl+D'} or type .exit)\n` : 'KeyboardInterrupt\n');
    },
  });
}

/**
 * `node app.js` (or `npm start`, `node -e CODE`) as the main process: it prints what the program
 * logs and, when it listens on a port, stays up serving it. Node as PID 1 installs no signal
 * handlers, so SIGTERM is ignored and `docker stop` ends it with SIGKILL after the grace period.
 */
export function nodeApp(at: Launch, o: Context, args: string[], banner = ''): Proc {
  const { m } = at;
  let r: NodeRun | undefined;
  const load = () => (r = runNode(m, o.cwd, o.env, args, '', at.pid));
  return program(at, {
    // PID 1 gets no default handlers; started from a shell, the signals that end a process end it
    signal: (sig) => (sig === 9 || at.pid > 1 ? 128 + sig : null),
    async boot(out) {
      const r = load();
      out.out(banner);
      // (a program whose timers Ctrl+C stopped is ended by the signal)
      if (!(await shown(out, r))) return;
      if (r.code !== 0 || r.port === undefined) this.exitCode = r.code;
    },
    ports: () => (r?.port === undefined ? [] : [r.port]),
    // a state brought back from a save did not boot: the program runs again, silently
    serve(p, path, req) {
      const { port, body, serve } = r ?? load();
      const a = serve?.(p, path, req?.method);
      if (a) req?.log.out(a.out);
      return a ? { status: a.status, body: a.body, server: '' } : p === port ? { status: 200, body: body || 'Hello World!', server: '' } : null;
    },
  });
}
