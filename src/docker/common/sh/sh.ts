/**
 * Every shell of the simulator: the host's bash and the images' bash (Debian, Ubuntu), dash
 * (`/bin/sh` there) and busybox ash (Alpine, BusyBox). One interpreter, three dialects of prompts
 * and error messages; the machine (a container, or the host) brings the filesystem and programs.
 */
import { FsError, may, splitPath, joinPath, type Fs, type Node } from './fs';
import { functionText, simpleText } from './print-fn';
import { parseLine, parseWord, Incomplete, ShellSyntaxError, type AndOr, type Cmd, type Compound, type Redirect, type Simple, type Word } from './parse';
import { arith, ArithError } from './arith';
import { globRe, rewrite } from './glob';
import { BUILTINS, isBuiltin } from './builtins';
import { account, userGroups } from './passwd';
import { bashVersion } from './text';
import { bbBanner, busyboxMain } from './busybox';
import { bbRefused } from './bb-opts';
import { gnuArgs } from './gnu-opts';
import { background, notify, type Job } from './jobs';
import { exitTrap, runTraps, trapAction } from './trap';
import { FATAL } from './signals';
import { bang } from './bang';
import { fieldRe, keys, maxIndex, packList, unpackList, type Var } from './arrays';
import type { Asked, Command, FullScreen, IO, Machine, Out, ShellLike } from './types';

/** The PATH of every image that does not set its own (and of `docker run` without one). */
export const STD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type Flavor = 'bash' | 'dash' | 'ash';

/** Bumped at each fork: an array made since (`g` equal to the shell's) is no other shell's, and may change in place. */
let GEN = 0;

/** The writer of a closed standard output (`>&-`): what writes something to it fails with a write error. */
const shut = (t: string) => {
  if (t) throw shut;
};

/**
 * How a program meets a closed stdout: '^' it says so before it starts, '$' as it exits (mawk and
 * sed close it), '-' never (python's sys.stdout is None), '' at its first write; its status and message.
 */
const CLOSED: Record<string, [string, number?, string?]> = {
  cat: ['^', 1, 'standard output: Bad file descriptor'],
  awk: ['$', 2, 'close failed on file /dev/stdout (Bad file descriptor)'],
  sed: ['$', 4, "couldn't close stdout: Bad file descriptor"],
  sort: ['', 2, "fflush failed: 'standard output': Bad file descriptor\nsort: write error"],
  ls: ['', 2],
  grep: ['', 2],
  expr: ['', 3],
  env: ['', 125],
  python3: ['-'],
  node: ['-'],
};

/** The job table of every shell that has started none (most are copies made for a pipeline or `$(…)`). */
const NO_JOBS: readonly Job[] = [];

export interface ShellState { cwd: string; vars: [string, string, boolean, [string, string][]?, boolean?][]; history: string[]; status: number; aliases?: [string, string][]; funcs?: [string, Cmd][]; traps?: [number, string][] }

export class Shell implements ShellLike {
  cwd: string;
  vars = new Map<string, Var>();
  status = 0;
  lineNo = 0;
  /** How bash names its input in a syntax error: `-c: ` when it runs `bash -c`. */
  inputName = '';
  /** A subshell of an interactive shell: its `exit` says nothing, as only the shell at the prompt is interactive. */
  forked = false;
  private atEof = false;
  history: string[] = [];
  /** Programs found in PATH and run: the shells remember where (bash's `hash`, dash's tracked aliases). */
  hashed = new Map<string, string>();
  /** The PID of the process the shell is (an exec'd shell's); a subshell keeps it, as `$$` does. */
  pid?: number;
  get ownPid(): number {
    return this.pid ?? this.m.shellPid ?? 1;
  }
  funcs = new Map<string, Cmd>();
  /** `alias ll='ls -l'`: expanded where a command starts (bash only when interactive). */
  aliases = new Map<string, string>();
  /** The line each alias was made in (`stamp()`), where it is not expanded yet. */
  aliasAt = new Map<string, string>();
  private runs = 0;
  aliasing(): boolean {
    return this.interactive || this.flavor !== 'bash' || this.shopts.has('expand_aliases');
  }
  stamp(): string {
    return `${this.runs} ${this.lineNo}`;
  }
  /** bash's `export -f`: functions passed on in the environment as BASH_FUNC_name%%. */
  xfuncs = new Set<string>();
  /** `$1`…, `$#`, `$@` */
  args: string[] = [];
  /** Where getopts stopped: OPTIND then the letter inside that word. */
  optAt: [number, number] = [0, 1];
  /** A `break N`, `continue N` or `return` on its way out of loops and functions. */
  jump?: { k: 'break' | 'continue' | 'return' | 'abort'; n: number };
  /** How many loops enclose the running command (`break` outside one is an error in bash). */
  loops = 0;
  /** What each running function call's `local` names held before it (restored on return). */
  frames: Map<string, Var | undefined>[] = [];
  /** Its background jobs (`cmd &`) and `$!`, the PID of the last. */
  jobs: readonly Job[] = NO_JOBS;
  bgPid = '';
  /** `trap` actions by signal number (0: EXIT; '' ignores), and the caught signals whose action is due. */
  traps?: Map<number, string>;
  caught?: number[];
  /** What `exec 3>f` or `exec 2>log` redirected, for the lines typed after it. */
  private kept?: Pick<IO, 'fds'> & Partial<Pick<IO, 'out' | 'err' | 'tty'>>;
  /** Set on the shell runc starts: told of the script it runs, which is the process the signals reach. */
  onScript?: (child: Shell) => void;
  private buffer = '';
  private question?: { prompt: string; then: (answer: string, io: IO) => Promise<number> } & Asked;
  exitCode: number | null = null;

  constructor(
    public m: Machine,
    public flavor: Flavor,
    /** `$0` as invoked (`bash`, `/bin/sh`). */
    public argv0: string,
    /** Interactive: prompts, and bash's `bash: x: …` messages without a line number. */
    public interactive: boolean,
    env: string[],
    cwd: string,
    /** stdout is a terminal (`-t`). */
    public tty: boolean,
    public user = 'root',
    /** A program runc starts itself: its environment is the list it was given, in that order, with no PWD. */
    public direct = false,
  ) {
    this.cwd = cwd || '/';
    this.born = m.now();
    for (const e of env) {
      const eq = e.indexOf('=');
      const f = flavor === 'bash' && /^BASH_FUNC_(.+)%%=/.exec(e);
      if (f) {
        try {
          const c = parseLine(f[1] + ' ' + e.slice(eq + 1), flavor)[0]?.pipeline[0];
          if (c?.k === 'fn') this.funcs.set(c.name, c.body), this.xfuncs.add(c.name);
        } catch { /* not a function: dropped, as bash drops it */ }
      } else if (eq > 0) this.vars.set(e.slice(0, eq), { v: e.slice(eq + 1), x: true });
    }
    // runc takes HOME from the user's passwd entry, "/" when it has none.
    const entry = account(m.fs, user);
    const home = entry === null ? (user === 'root' ? '/root' : `/home/${user}`) : entry?.home ?? '/';
    // a process not root sees the files through its uid and groups (root skips every check);
    // a subshell or child of the same user already has that view
    const uid = entry ? entry.uid : parseInt(user) || 0;
    if (m.fs.as && uid !== (m.fs.cred?.uid ?? 0)) this.m = Object.create(m, { fs: { value: m.fs.as(uid, userGroups(m.fs, user, entry).map((g) => g[0])) } }) as Machine;
    if (!this.vars.has('HOME')) this.vars.set('HOME', { v: home, x: true });
    this.vars.set('HOSTNAME', { v: m.hostname, x: true });
    if (!direct) this.vars.set('PWD', { v: this.cwd, x: true });
    if (!this.vars.has('PATH')) this.vars.set('PATH', { v: STD_PATH, x: true });
    if (tty && !this.vars.has('TERM')) this.vars.set('TERM', { v: 'xterm', x: true });
    // bash counts itself one level deeper than the shell that started it
    if (flavor === 'bash' && !direct) this.vars.set('SHLVL', { v: String((parseInt(this.vars.get('SHLVL')?.v ?? '') || 0) + 1), x: true });
    else if (interactive && flavor !== 'dash') this.vars.set('SHLVL', { v: '1', x: true });
  }

  save(): ShellState {
    return {
      cwd: this.cwd, vars: [...this.vars].map(([k, o]) => (o.a ? [k, o.v, o.x, [...o.a], !!o.A] : [k, o.v, o.x])), history: this.history, status: this.status,
      ...(this.aliases.size && { aliases: [...this.aliases] }), ...(this.funcs.size && { funcs: [...this.funcs] }), ...(this.traps?.size && { traps: [...this.traps] }),
    };
  }

  restore(s: ShellState): void {
    this.cwd = s.cwd;
    this.vars = new Map(s.vars.map(([k, v, x, a, A]) => [k, a ? { v, x, a: new Map(a), A } : { v, x }]));
    this.history = s.history;
    this.status = s.status;
    this.aliases = new Map(s.aliases);
    this.funcs = new Map(s.funcs);
    if (s.traps) this.traps = new Map(s.traps);
  }

  /** Set by the process that hosts an interactive shell: `bash` typed at the prompt nests one. */
  onNested?: (child: Shell) => void;

  /** Set by the process that hosts an interactive shell: a REPL typed at the prompt reads the terminal until it exits. */
  onRepl?: (argv: string[], env: string[], cwd: string) => void;

  /** Set by the process that runs this shell: a full-screen program takes its keys, and the rest of the line waits for it. */
  onScreen?: (p: FullScreen) => void;

  screen(p: FullScreen): boolean {
    if (!this.onScreen) return false;
    this.onScreen(p);
    this.stopLine = true;
    return true;
  }

  repl(argv: string[]): boolean {
    if (!this.typed || !this.onRepl) return false;
    this.onRepl(argv, this.envList(), this.cwd);
    return true;
  }

  envList(): string[] {
    return this.env().map(([k, v]) => `${k}=${v}`);
  }

  /** Which shell a program name runs (following /bin/sh -> dash, applets -> busybox). */
  flavorOf(name: string): Flavor | undefined {
    const path = this.which(name);
    if (!path) return undefined;
    return flavorAt(this.m.fs, path, this.cwd);
  }

  get exited(): boolean {
    return this.exitCode !== null;
  }

  env(): [string, string][] {
    // The order bash passes its environment on: its own variables first, the inherited after.
    const first = ['HOSTNAME', 'PWD', 'HOME', 'TERM', 'SHLVL'];
    const all = [...this.vars].filter(([, o]) => o.x && !o.a);
    if (this.direct) return all.map(([k, o]) => [k, o.v]);
    const rank = (k: string) => (first.includes(k) ? first.indexOf(k) : k === 'OLDPWD' ? 98 : k === '_' ? 99 : 50);
    return [...all.sort((a, b) => rank(a[0]) - rank(b[0])).map(([k, o]): [string, string] => [k, o.v]), ...[...this.xfuncs].map((n): [string, string] => [`BASH_FUNC_${n}%%`, functionText('', this.funcs.get(n)!, wordText, false)])];
  }
  getVar(name: string): string | undefined {
    return this.vars.get(name)?.v;
  }
  setVar(name: string, value: string, exported?: boolean): void {
    if (name === 'PATH') this.hashed.clear();
    const old = this.vars.get(name);
    // an array's name alone is its element 0
    this.vars.set(name, old?.a ? { ...old, v: value, a: new Map(old.a).set('0', value), x: exported ?? old.x } : { v: value, x: exported ?? old?.x ?? false });
  }
  unsetVar(name: string): void {
    this.vars.delete(name);
  }
  /** A readonly variable refused: bash's words, or dash's and busybox's. */
  readOnly(name: string, io?: IO, unset = ''): void {
    io?.err(`${this.prefix()}: ${this.flavor === 'bash' ? `${unset}${name}: ${unset && 'cannot unset: '}readonly variable` : `${name}: is read only`}\n`);
  }
  exit(code: number): void {
    this.exitCode = code & 255;
  }

  /** The due trap actions, now (the shell waits at its prompt). */
  runTraps(out: Out): Promise<void> {
    return runTraps(this, this.io(out));
  }

  /**
   * A signal arrives: true when a trap takes it (an action, due at the next command, or '' to ignore
   * it). A bash script with an EXIT trap catches the terminating signals too: it runs that trap and
   * exits 128+N, even as PID 1 (bash's initialize_terminating_signals and kill_shell).
   */
  trapped(sig: number): boolean {
    const t = this.traps?.get(sig);
    const term = t === undefined && this.flavor === 'bash' && !this.interactive && this.traps?.has(0) && FATAL.includes(sig) && sig !== 3;
    if (t || term) (this.caught ??= []).push(sig);
    return (t !== undefined || !!term) && sig !== 9;
  }

  prefix(): string {
    if (this.flavor === 'dash') return `${this.argv0}: ${this.lineNo}`;
    if (this.flavor === 'bash') return this.interactive ? 'bash' : `${this.argv0}: line ${this.lineNo}`;
    return this.argv0;
  }

  /** The prompt as the shell prints it (PS1 of each image). */
  prompt(): string {
    if (this.reading) return '';
    if (this.question) return this.question.prompt;
    if (this.buffer) return '> ';
    // a PS1 a script wrote around the shell's own (a venv's activate) keeps what it added
    const v = this.vars.get('PS1')?.v;
    const [pre, post] = v?.split(this.dynamic('PS1') ?? '\0') ?? [];
    // a PS1 of one's own (`PS1='\u:\W\$ '`) shows with its escapes
    return post === undefined ? this.ps1(v) : pre + this.ps1() + post;
  }

  private ps1(fmt?: string): string {
    const entry = account(this.m.fs, this.user);
    const root = entry ? entry.uid === 0 : /^(root|0)(:|$)/.test(this.user);
    // dash has no prompt escapes
    if (this.flavor === 'dash') return fmt ?? (root ? '# ' : '$ ');
    // bash abbreviates $HOME unless it is "/"; busybox's lineedit the home of the passwd entry.
    const home = this.flavor === 'ash' && entry !== null ? entry?.home ?? '' : this.getVar('HOME') ?? '/root';
    const tilde = home !== '' && (this.flavor === 'ash' || home.length > 1);
    const dir = !tilde ? this.cwd : this.cwd === home ? '~' : this.cwd.startsWith(home + '/') ? '~' + this.cwd.slice(home.length) : this.cwd;
    const esc: Record<string, string> = {
      // bash's \u when the uid has no name
      u: entry === null ? this.user : entry?.name ?? 'I have no name!', h: this.m.hostname.split('.')[0], H: this.m.hostname,
      w: dir, W: dir === '~' || this.cwd === '/' ? dir : this.cwd.slice(this.cwd.lastIndexOf('/') + 1), $: root ? '#' : '$', n: '\n', e: '\x1b', '[': '', ']': '', '\\': '\\', s: 'bash',
    };
    return (fmt ?? (this.flavor === 'ash' ? '\\w \\$ ' : this.bashrc ? '\\u@\\h:\\w\\$ ' : '\\s-\\v\\$ ')).replace(/\\(0?33|.)/g, (m, c: string) => (c.endsWith('33') ? '\x1b' : c === 'v' ? bashVersion(this.m.fs).slice(0, 3) : esc[c] ?? m));
  }

  /** Debian builds bash to read /etc/bash.bashrc, which sets its PS1; elsewhere (Oracle Linux slim, no ~/.bashrc) bash's own `\s-\v\$ ` shows. */
  private get bashrc(): boolean {
    return this.m.fs.find(['etc', 'bash.bashrc']) !== undefined;
  }

  /** A command still being typed (`> `) or a question waiting for its answer. */
  protected get waiting(): boolean {
    return this.buffer !== '' || this.question !== undefined;
  }

  ask(prompt: string, then: (answer: string, io: IO) => Promise<number>, how?: Asked): void {
    this.question = { prompt, then, ...how };
  }

  /** True while the line asked for is a password, which the terminal does not show. */
  get secret(): boolean {
    return !!this.question?.secret;
  }

  /** Ctrl+D at a client's prompt (mysql, psql, redis-cli typed at this shell) ends that client only: false when no question takes it. */
  async endQuestion(out: Out): Promise<boolean> {
    const q = this.question;
    if (!q?.eof) return false;
    this.question = undefined;
    this.status = await q.eof(this.io(out));
    return true;
  }

  /** `cat` (or `cat > file`) reading the terminal: each line goes through until Ctrl+D. */
  reading?: { file?: string };

  /** Ctrl+D (0) or Ctrl+C (130) ends what reads the terminal. */
  endReading(code: number): void {
    this.reading = undefined;
    this.status = code;
  }

  /** One line typed at the prompt; returns the status of what it ran (`$?`). */
  async input(line: string, out: Out): Promise<number> {
    if (this.reading) {
      const file = this.reading.file;
      if (file === undefined) out.out(line + '\n');
      else if (file !== '/dev/null') {
        try {
          this.m.fs.writeFile(file, line + '\n', this.cwd, true);
        } catch { /* the file went away */ }
      }
      return this.status;
    }
    const io = this.io(out);
    if (this.question) {
      const q = this.question;
      this.question = undefined;
      return (this.status = await q.then(line, io));
    }
    if (this.flavor === 'bash' && this.interactive && line.includes('!')) {
      const x = bang(line, this.history);
      // a missing event drops the line; an expanded one is shown before it runs
      if (typeof x !== 'string') {
        io.err(`bash: ${x[0]}: event not found\n`);
        return this.status;
      }
      if (x !== line) io.err(x + '\n');
      line = x;
    }
    const src = this.buffer ? this.buffer + '\n' + line : line;
    const hist = this.buffer ? this.hist + line : line;
    this.lineNo++;
    try {
      this.parsed = { src, items: parseLine(src, this.flavor) };
    } catch (e) {
      if (e instanceof Incomplete) {
        // An open quote or a trailing `|`: the command goes on in the next line (`> `).
        this.buffer = src;
        // bash keeps it as one history line: `; ` between its lines, a space after what wants
        // more (`do`, `|`…), the newline itself inside quotes and here-documents, nothing for a `\` newline
        const sep = /\\$/.test(line) ? '' : this.flavor !== 'bash' || /['"`]/.test(e.closing) || /<<-?[ \t]*['"]?\w/.test(hist) ? '\n' : /([;&|(){]|(^|\s)(do|then|else|elif|in))\s*$/.test(line) ? ' ' : '; ';
        this.hist = (sep ? hist : hist.slice(0, -1)) + sep;
        return this.status;
      }
    }
    this.buffer = '';
    const status = await this.runTyped(src, io, hist);
    // Ctrl+C ended the line: an INT trap's action runs once the command is gone
    if (io.signal?.aborted && this.trapped(2)) await runTraps(this, { ...io, signal: undefined });
    if (this.exited) await exitTrap(this, io);
    return status;
  }

  /**
   * The end of a script read line by line: a command left open is its syntax error. bash names
   * an open quote at the last line read and an open compound at the line after it; dash the latter.
   */
  async endOfInput(out: Out): Promise<void> {
    const src = this.buffer;
    if (!src) return;
    this.buffer = '';
    let quote = false;
    try {
      parseLine(src, this.flavor);
    } catch (e) {
      quote = e instanceof Incomplete && /['"`]/.test(e.closing);
    }
    if (!quote || this.flavor === 'dash') this.lineNo++;
    this.atEof = true;
    await this.run(src, this.io(out));
    this.atEof = false;
  }

  /** The last line `input` parsed, for `run` to use. */
  private parsed?: { src: string; items: AndOr[] };

  /** The history line of what `buffer` holds. */
  private hist = '';

  /** A complete line typed at the prompt: kept in the history, then run. */
  protected async runTyped(src: string, io: IO, hist = src): Promise<number> {
    if (src.trim() && this.flavor !== 'dash') {
      this.history.push(hist);
      // shift, unlike splice, drops the oldest line without moving the other 999
      while (this.history.length > 1000) this.history.shift();
    }
    // a shell reading its commands from a pipe shares it with them: `read` and `cat` take the next lines
    this.typed = io.tty || !this.interactive;
    try {
      return await this.run(src, io);
    } finally {
      this.typed = false;
      if (this.interactive && this.jobs.length) {
        await this.jobsRun();
        notify(this, io);
      }
    }
  }

  /** Before the notice of ended jobs: a machine whose jobs wait for the prompt lets them run (the host). */
  protected jobsRun(): Promise<void> | void {}

  /** True while a line typed at a terminal runs: `cat` without operands then reads the terminal. */
  typed = false;

  /** Ctrl+C at the prompt: the line is dropped. */
  interrupt(): void {
    // a client at its prompt (mysql, psql) drops the statement it was reading and goes on
    if (this.question?.int) return this.question.int();
    this.buffer = '';
    this.question = undefined;
    this.status = 130;
  }

  /** `sh -c script` or a script read from a pipe: runs, and returns the last status. */
  async script(src: string, out: Out | IO): Promise<number> {
    this.lineNo = 1;
    if (this.inputName && this.flavor === 'bash') {
      try {
        // parsed once, for run() to use
        this.parsed = { src, items: parseLine(src, this.flavor) };
        const last = this.parsed.items.at(-1);
        const c = last?.pipeline.length === 1 && !last.bg && !last.not ? last.pipeline[0] : undefined;
        if (c && !c.k && !c.redirs.length) this.oneshot = c;
      } catch { /* run() reports it */ }
    }
    const io = this.io(out);
    // `sh -c 'cat'` and `bash a.sh` read the input the shell was given
    if ('stdin' in out && out.stdin) [io.stdin, io.feed] = [out.stdin, out.feed ?? { rest: out.stdin }];
    await this.run(src, io);
    await exitTrap(this, io);
    return this.exitCode ?? this.status;
  }

  protected io(out: Out): IO {
    // one shape for every IO the shell makes (stdin and feed included), so spreading it stays cheap
    const k = this.kept;
    return { out: k?.out ?? ((t) => out.out(t)), err: k?.err ?? ((t) => out.err(t)), sleep: (ms, a) => out.sleep(ms, a), signal: out.signal, columns: out.columns, rows: out.rows, tty: k?.tty ?? this.tty, busybox: this.flavor === 'ash', bb: this.flavor === 'ash' ? this.banner() : undefined, stdin: undefined, feed: undefined, fds: k?.fds };
  }
  /** Read only when a usage message needs it; made per IO, not per shell, as most copies of a shell never run a busybox applet. */
  private banner(): () => string {
    const fs = this.m.fs;
    return () => bbBanner(fs);
  }

  /** Set by a command that hands the terminal to a container (`docker run -it`): the rest of the line waits. */
  stopLine = false;
  /** The rest of a line that waited while a container had the terminal (`docker run -it x; echo fin`). */
  private pending: AndOr[] = [];

  /** Runs what is left of the line once the container's process is gone; its `$?` is known now. */
  async resume(out: Out): Promise<number> {
    const rest = this.pending;
    this.pending = [];
    this.stopLine = false;
    this.jump = undefined;
    return rest.length ? this.runList(rest, this.io(out)) : this.status;
  }

  /** Runs a whole text (a line, a script): an unfinished one is a syntax error here. */
  async run(src: string, io: IO, nested = false): Promise<number> {
    this.stopLine = false;
    if (!nested) this.runs++;
    let items;
    try {
      // a typed line was parsed once already, to know whether it was complete
      items = this.parsed?.src === src ? this.parsed.items : parseLine(src, this.flavor);
      this.parsed = undefined;
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      // a script runs up to the line of its error, as the shells read it command by command
      const lines = src.split('\n');
      let bad = lines[0];
      if (!this.interactive && lines.length > 1) {
        let ok = 0;
        let k = 1;
        for (; k < lines.length; k++) {
          try {
            parseLine(lines.slice(0, k).join('\n'), this.flavor);
            ok = k;
          } catch (x) {
            if (!(x instanceof Incomplete)) break;
          }
        }
        if (ok) await this.run(lines.slice(0, ok).join('\n'), io);
        if (this.exited) return this.status;
        // the end of a script read line by line knows its line already; an open quote is
        // named at the last line read, an open compound at the line after it
        if (!(e instanceof Incomplete)) this.lineNo = k;
        else if (!this.atEof) this.lineNo = /['"`]/.test(e.closing) && src.endsWith('\n') ? k - 1 : k;
        bad = lines[k - 1];
      }
      // dash: `Syntax error: "done" unexpected`; busybox: `syntax error: unexpected "done"`
      const dash = this.flavor === 'dash';
      const inc = e instanceof Incomplete ? e : undefined;
      const tok = inc ? 'end of file' : /^(newline|word|redirection)$/.test(e.token) ? e.token : `"${e.token}"`;
      // an open `$(` waits for its `)` as a compound command waits for its closing word
      const quote = inc && /['"`]/.test(inc.closing);
      // `bash -c` reads a newline past the end of its text before it gives up on a compound command
      if (inc && (e.message.startsWith('syntax error') || (inc as { cmd?: boolean }).cmd) && this.flavor === 'bash' && this.inputName === '-c: ') this.lineNo = src.split('\n').length + (src.endsWith('\n') ? 0 : 1);
      const expecting = e.expecting || (inc?.closing === ')' ? ')' : '');
      const what = quote ? (dash ? (inc.closing === '`' ? 'EOF in backquote substitution' : 'Unterminated quoted string') : 'unterminated quoted string') : (dash ? `${tok} unexpected` : `unexpected ${tok}`) + (expecting ? ` (expecting "${expecting}")` : '');
      // bash -c and a script: `bash: -c: line 1: syntax error near …`, then the line itself
      const at = this.interactive ? 'bash' : `${this.argv0}: ${this.inputName}line ${this.lineNo}`;
      if (this.flavor === 'bash') io.err(`${at}: ${e.message}\n${this.interactive || inc ? '' : `${at}: \`${bad}'\n`}`);
      else io.err(`${this.prefix()}: ${dash ? 'Syntax' : 'syntax'} error: ${what}\n`);
      this.status = 2;
      return 2;
    }
    try {
      return await this.runList(items, io);
    } finally {
      // `eval` hands a break or return on to the loop or function it runs in
      if (!nested) this.jump = undefined;
    }
  }

  /** bash: `1/0: division by 0 (error token is "0")`; dash and busybox say it their way. */
  arithMessage(e: ArithError): string {
    // bash skips the blanks before the expression, not those after it
    const src = this.flavor === 'bash' ? e.expr.trimStart() : e.expr;
    if (this.flavor === 'bash') return `${src}: ${e.message} (error token is "${e.token}")`;
    const zero = e.message.startsWith('division');
    if (this.flavor === 'dash') return e.message.startsWith('Illegal') ? e.message : `arithmetic expression: ${zero ? 'division by zero' : 'expecting primary'}: "${src}"`;
    return zero ? 'divide by zero' : 'arithmetic syntax error';
  }

  /** A background job that runs to its end at once, in its own copy of the shell. */
  async subshell(items: AndOr[], io: IO): Promise<number> {
    const sub = this.fork();
    const s = await sub.runList(items, io);
    await exitTrap(sub, io);
    return sub.exitCode ?? s;
  }

  /** A copy of the shell for `( … )` and `$(…)`: what it changes stays in it. */
  private fork(): Shell {
    const sub = new Shell(this.m, this.flavor, this.argv0, this.interactive, [], this.cwd, false, this.user);
    sub.vars = new Map(this.vars);
    sub.funcs = new Map(this.funcs);
    sub.xfuncs = new Set(this.xfuncs);
    sub.procs = this.procs;
    sub.aliases = new Map(this.aliases);
    [sub.aliasAt, sub.runs] = [this.aliasAt, this.runs];
    sub.args = this.args;
    sub.status = this.status;
    sub.lineNo = this.lineNo;
    sub.errexit = this.errexit;
    // `set -E`: the ERR trap runs in subshells too
    const err = this.errtrace && this.traps?.get(66);
    if (typeof err === 'string') (sub.traps = new Map([[66, err]])), (sub.errtrace = true);
    sub.xtrace = this.xtrace;
    sub.nounset = this.nounset;
    sub.pipefail = this.pipefail;
    sub.noglob = this.noglob;
    sub.noclobber = this.noclobber;
    sub.shopts = new Set(this.shopts);
    sub.gen = this.bump();
    sub.pipeStatus = this.pipeStatus;
    sub.depth = this.depth;
    sub.forked = true;
    sub.born = this.born;
    sub.pid = this.pid;
    sub.history = this.history;
    sub.hashed = this.hashed;
    // `$(jobs -p)` still sees the jobs (bash and busybox make it so; `kill $(jobs -p)` relies on it)
    sub.jobs = this.jobs;
    sub.bgPid = this.bgPid;
    return sub;
  }

  /** After a loop's body: true when the loop ends here (`break`, `return`, `exit`, an error). */
  private leave(io: IO): boolean {
    const j = this.jump;
    if (!j) return this.exited || this.stopLine || !!io.signal?.aborted;
    if (j.k === 'return' || j.k === 'abort') return true;
    if (--j.n > 0) return true;
    this.jump = undefined;
    return j.k === 'break';
  }

  private exec(c: Cmd, io: IO): Promise<number> {
    return c.k ? this.compound(c, io) : this.simple(c, io);
  }

  /** The files of the `<(…)` and `>(…)` made since the n-th go, once their command ended; a `>(…)` reads what it was given. */
  private async endProcs(n: number, io: IO): Promise<void> {
    for (const [path, src, way] of this.procs.splice(n)) {
      let text = '';
      try {
        text = this.m.fs.readFile(path, '/');
        this.m.fs.remove(path, '/');
      } catch { /* a machine without /dev/fd */ }
      if (way === '>') await this.fork().run(src, { ...io, stdin: text, feed: undefined });
    }
  }

  private async compound(c: Compound, io: IO): Promise<number> {
    if (c.k === 'fn') {
      this.funcs.set(c.name, c.body);
      return 0;
    }
    const r = await this.redirect(c.redirs, io);
    if (!r) return 1;
    io = r.io;
    if (!this.frozen && (c.k === '(' || c.k === '((')) this.now = c;
    if (c.k === '{' || c.k === '(') {
      if (c.k === '{') return this.runList(c.body, io);
      const sub = this.fork();
      // a copy: an `exec >f` inside redirects the subshell only
      const sio = { ...io };
      const s = await sub.runList(c.body, sio);
      await exitTrap(sub, sio);
      return sub.exitCode ?? s;
    }
    if (c.k === 'if') {
      for (const [cond, body] of c.arms) {
        if ((await this.test(cond, io)) === 0 && !this.jump) return this.runList(body, io);
        if (this.jump || this.exited) return this.status;
      }
      return c.els ? this.runList(c.els, io) : 0;
    }
    if (c.k === '((') {
      try {
        if (this.xtrace) io.err(`${this.getVar('PS4') ?? '+ '}(( ${c.src.trim()} ))\n`);
        return (await this.calc(c.src, io)) ? 0 : 1;
      } catch (e) {
        // unlike `$(( ))`, a failing `(( ))` is a command that fails, and the line goes on
        if (!(e instanceof ArithError)) throw e;
        io.err(`${this.prefix()}: ((: ${this.arithMessage(e)}\n`);
        return 1;
      }
    }
    if (c.k === 'case') {
      const [word] = await this.expand([c.word], io, false);
      let status = 0;
      // bash's `;&` runs the next body without testing it, `;;&` goes on testing the next arms
      let through = false;
      for (const arm of c.arms) {
        for (const p of through ? [] : arm.pats) {
          const [pat] = await this.expand([p], io, false, true);
          if ((through = globRe(pat).test(word))) break;
        }
        if (!through) continue;
        status = await this.runList(arm.body, io);
        if (!arm.fall || this.jump || this.exited) return status;
        through = arm.fall === ';&';
      }
      return status;
    }
    let status = 0;
    this.loops++;
    try {
      if (c.k === 'for') {
        for (const v of c.words ? await this.expand(c.words, io) : this.args) {
          if (this.flavor === 'bash') this.trace(io, ['for', c.name, 'in', ...(c.words ?? [[{ t: 'lit', v: '"$@"', q: false }]]).map(wordText)], true);
          this.setVar(c.name, v);
          status = await this.runList(c.body, io);
          if (this.leave(io)) break;
        }
        return status;
      }
      if (c.k === 'for((') {
        // an empty expression is true
        const calc = async (src: string) => (/\S/.test(src) ? this.calc(src, io) : 1);
        const [init, cond, step] = c.src;
        await calc(init);
        for (let k = 0; k < LOOP_LIMIT && (await calc(cond)); k++) {
          status = await this.runList(c.body, io);
          if (this.leave(io)) break;
          await calc(step);
        }
        return status;
      }
      if (c.k !== 'while' && c.k !== 'until') return 0;
      // A loop that never ends would hang the page, or (sleeping, where no Ctrl+C can reach it:
      // a detached container, a build) move the clock by hours: it stops as if interrupted.
      const t0 = this.m.now();
      for (let k = 0, t = t0; k < LOOP_LIMIT && (io.signal || this.m.now() - t0 < LOOP_TIME); k++) {
        const s = await this.test(c.cond, io);
        if (this.jump ? this.leave(io) : this.exited || (s === 0) !== (c.k === 'while')) return status;
        status = await this.runList(c.body, io);
        if (this.leave(io)) return status;
        // where a signal can end it, a loop that waits on the clock runs on: only rounds that take no time count
        if (io.signal && this.m.now() !== t) [k, t] = [0, this.m.now()];
      }
      return 130;
    } finally {
      this.loops--;
    }
  }

  /** `set -e`: a failing command ends the shell, unless it is tested (if, while, `!`, before && or ||). */
  errexit = false;
  /** `set -E`: functions run the ERR trap too. */
  errtrace = false;
  /** `set -x`: each command is shown on stderr, after PS4, as it runs. */
  xtrace = false;
  /** `set -u`: expanding an unset variable is an error. */
  nounset = false;
  pipefail = false;
  /** `set -f`: no globbing. */
  noglob = false;
  /** set -C: `>` leaves an existing file alone */
  noclobber = false;
  /** bash's `shopt -s` options that are on. */
  shopts = new Set<string>();
  gen = 0;
  /** What the shell holds now is shared from here on (a subshell, a function's saved `local`). */
  bump(): number {
    return (this.gen = ++GEN);
  }
  /** bash's `$PIPESTATUS`: the statuses of the last pipeline's commands. */
  pipeStatus = [0];
  /** How many command substitutions deep the shell runs (bash repeats PS4's first character as many times more). */
  depth = 0;
  /** When the shell started (`$SECONDS`). */
  born = 0;

  /** The `set -x` line of a command: bash and busybox quote what needs it, dash prints the words as they are. */
  trace(io: IO, words: string[], raw = false): void {
    if (!this.xtrace) return;
    const ps4 = this.getVar('PS4') ?? '+ ';
    const q = (w: string) => (raw || this.flavor === 'dash' || /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);
    io.err((this.flavor === 'bash' ? ps4.slice(0, 1).repeat(this.depth) : '') + ps4 + words.map((w) => { const eq = /^\w+(\[[^\]]*\])?\+?=/.exec(w)?.[0]; return eq ? eq + (w[eq.length] === '\0' ? `(${unpackList(w.slice(eq.length)).map(([k, v]) => (k === null ? '' : `[${k}]=`) + v).join(' ')})` : q(w.slice(eq.length))) : q(w); }).join(' ') + '\n');
  }
  private tested = 0;

  /** The condition of an if, while or until, where a failure does not end a `set -e` shell. */
  private async test(cond: AndOr[], io: IO): Promise<number> {
    this.tested++;
    try {
      return await this.runList(cond, io);
    } finally {
      this.tested--;
    }
  }

  private async runList(items: AndOr[], io: IO): Promise<number> {
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (this.exited || io.signal?.aborted) break;
      if (item.op === '&&' && this.status !== 0) continue;
      if (item.op === '||' && this.status === 0) continue;
      if (item.bg) {
        this.status = await background(this, items.slice(k, k + item.bg.n), item.bg.text, io);
        k += item.bg.n - 1;
        continue;
      }
      // a script's messages name the line of the command
      if (item.line && !this.interactive) this.lineNo = item.line;
      try {
        const last = !items[k + 1] || items[k + 1].op === ';';
        if (!last || item.not) this.tested++;
        let s;
        const t0 = item.time !== undefined ? this.m.now() : 0;
        const n = this.procs.length;
        try {
          s = item.pipeline.length ? await this.pipeline(item.pipeline, io) : 0;
        } finally {
          if (!last || item.not) this.tested--;
          if (item.p) await this.endProcs(n, io);
        }
        if (item.time !== undefined) io.err(timeReport(item.pipeline.length ? this.m.now() - t0 + 3 : 0, item.time));
        this.status = item.not ? +!s : s;
        if (s && !this.tested && !item.not && last) {
          // bash's ERR trap (in a function only with `set -E`), after a simple command or ( ), (( )) but not
          // after the other compound commands, whose own failing command ran it; then `set -e`
          const k = item.pipeline[item.pipeline.length - 1]?.k;
          const t = (this.frames.length && !this.errtrace) || (k && k[0] !== '(') ? undefined : this.traps?.get(66);
          if (t !== undefined) {
            this.tested++;
            await trapAction(this, t, io, true).finally(() => this.tested--);
            this.status = s;
          }
          if (this.errexit) this.exit(s);
        }
        if (this.caught?.length && !this.jump) await runTraps(this, io);
      } catch (e) {
        if (!(e instanceof BadSubstitution || e instanceof ArithError || e instanceof ParamError)) throw e;
        // bash drops the rest of the line after an expansion error.
        io.err(`${this.prefix()}: ${e instanceof ArithError ? this.arithMessage(e) : e instanceof ParamError ? e.message : this.flavor === 'bash' ? `${e.message}: bad substitution` : 'Bad substitution'}\n`);
        this.status = this.flavor !== 'bash' && e instanceof ArithError ? 2 : 1;
        // bash's unset variable (`set -u`, `${x:?}`) ends a script with 127
        if (!this.interactive) this.exit(this.flavor === 'bash' ? (e instanceof ParamError && e.fatal ? 127 : 1) : 2);
        // nor do the loops and functions it ran in
        this.jump = { k: 'abort', n: 0 };
        break;
      }
      if (this.jump) break;
      if (this.stopLine) {
        this.pending = items.slice(k + 1);
        break;
      }
    }
    return this.status;
  }

  private async pipeline(cmds: Cmd[], io: IO): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    const all: number[] = [];
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      let captured = '';
      const feed = i ? undefined : io.feed;
      // a lone command runs with the IO it was given (the same stdin and feed)
      const stage: IO = cmds.length === 1 ? io : last ? { ...io, stdin, feed } : { ...io, stdin, feed, tty: false, out: (t) => { captured += t; } };
      // each command of a pipeline runs in a subshell: `echo a | read x` leaves x as it was
      const sh = cmds.length > 1 ? this.fork() : this;
      status = await sh.exec(cmds[i], stage);
      if (sh !== this) await exitTrap(sh, stage), (status = sh.exitCode ?? status);
      // (bash sets `$BASH_COMMAND` to a simple command or `( … )` before it forks)
      if (sh !== this && !this.frozen && (!cmds[i].k || cmds[i].k === '(')) this.now = cmds[i];
      all.push(status);
      stdin = captured;
      if (this.exited) break;
    }
    this.pipeStatus = all;
    // `set -o pipefail`: the last command that failed gives the status
    return this.pipefail ? all.reduce((a, s) => s || a, 0) : status;
  }

  /**
   * Word expansion: tilde, parameters, command substitution, then (of what was unquoted) field
   * splitting and pathname globbing. `split` false expands to one string (assignments).
   */
  async expand(words: Word[], io: IO, split = true, pattern = false): Promise<string[]> {
    const fields: string[] = [];
    // bash's brace expansion comes first: `{a,b}` and `{1..3}` in the unquoted text
    if (split && this.flavor === 'bash' && words.some((w) => w.some((p) => p.t === 'lit' && !p.q && p.v.includes('{')))) words = words.flatMap((w) => braces(w));
    for (const w of words) {
      // `pat` is the glob pattern of the field: quoted characters escaped, so only bare * and ? match.
      let cur = '';
      let pat = '';
      let glob = false;
      let has = false;
      const end = () => {
        if (has) fields.push(...(pattern ? [pat] : glob && !this.noglob ? this.glob(pat, cur) : [cur]));
        cur = pat = '';
        glob = has = false;
      };
      for (const p of w) {
        if (p.t === 'lit') {
          cur += p.v;
          pat += p.q ? p.v.replace(/[*?[\\]/g, '\\$&') : p.v;
          if (!p.q && split && /[*?[]/.test(p.v)) glob = true;
          has = has || p.q || p.v !== '';
          continue;
        }
        if (p.t === 'bad') throw new BadSubstitution(p.src);
        if (p.t === 'arr') {
          const els = packList(await this.elements(p.words, io));
          cur += els;
          pat += els;
          has = true;
          continue;
        }
        const pv = p.t === 'var' ? p : undefined;
        let list = pv && (pv.sub !== undefined || (/^[:#%/^,]/.test(pv.op ?? '') && /^[@*]$/.test(pv.name))) ? await this.items(pv, io) : pv && !pv.op && /^[@*]$/.test(pv.name) ? this.args : undefined;
        // unquoted, or `*`: the elements joined (by IFS's first character, quoted), then split as any value
        if (typeof list === 'object' && (!pv!.q || (pv!.sub ?? pv!.name) === '*')) list = list.join((this.getVar('IFS') ?? ' ').slice(0, 1) || (pv!.q ? '' : ' '));
        if (typeof list === 'object') {
          // "$@" and "${a[@]}": one field per element, the first and last joined to the text around them
          list.forEach((a, k) => {
            if (k > 0) {
              has = true;
              end();
            }
            cur += a;
            pat += a.replace(/[*?[\\]/g, '\\$&');
          });
          has = has || list.length > 0;
          continue;
        }
        const v = list !== undefined ? list : p.t === 'tilde' ? (p.user ? account(this.m.fs, p.user)?.home ?? '~' + p.user : this.getVar('HOME') ?? '/') : p.t === 'var' ? (p.op ? await this.param(p.name, p.op, p.arg ?? '', io) : this.variable(p.name)) : p.t === 'arith' ? String(await this.calc(p.src, io)) : p.p ? await this.procSub(p.src, p.p, io) : await this.substitute(p.src, io);
        if (p.t === 'tilde' || p.q || !split) {
          cur += v;
          pat += v.replace(/[*?[\\]/g, '\\$&');
          has = true;
          continue;
        }
        // split at IFS: pieces at even indexes, the delimiters between; an empty piece before a
        // delimiter that is not whitespace (`a::b` with IFS=:) is an empty field
        const ifs = this.getVar('IFS') ?? ' \t\n';
        const ws = ifs ? v.split(fieldRe(ifs)) : [v];
        for (let k = 0; k < ws.length; k += 2) {
          if (k > 0) end();
          if (ws[k] || /[^ \t\n]/.test(ws[k + 1] ?? '')) {
            cur += ws[k];
            pat += ws[k];
            if (/[*?[]/.test(ws[k])) glob = true;
            has = true;
          }
        }
      }
      if (!split) has = true;
      end();
    }
    return fields;
  }

  /** `loose`: an unset name is no error under `set -u` (`${x:-…}` and the like). */
  private variable(name: string, loose = false): string {
    if (name === '?') return String(this.status);
    if (name === '$') return String(this.ownPid);
    if (name === '!') return this.bgPid;
    if (name === '#') return String(this.args.length);
    if (name === '0') return this.argv0;
    if (name === '@' || name === '*') return this.args.join(' ');
    if (name[0] === '!') return this.indirect(name);
    const v = /^[1-9]$/.test(name) ? this.args[+name - 1] : this.getVar(name) ?? this.dynamic(name);
    if (v === undefined && this.nounset && !loose) throw new ParamError(this.flavor === 'bash' ? `${/\d/.test(name) ? '$' : ''}${name}: unbound variable` : `${name}: parameter not set`, true);
    return v ?? '';
  }

  /** `${!ref}` (bash only): the variable ref names; `${!prefix*}`: the names that start so. */
  private indirect(name: string): string {
    if (this.flavor !== 'bash') throw new BadSubstitution(`\${${name}}`);
    const ref = name.slice(1);
    if (/[*@]$/.test(ref)) return [...this.vars.keys()].filter((k) => k.startsWith(ref.slice(0, -1))).sort().join(' ');
    const to = this.variable(ref, true);
    if (!to) throw new ParamError(`${ref}: invalid indirect expansion`);
    if (!/^([A-Za-z_]\w*|\d+|[?$#@*!])$/.test(to)) throw new ParamError(`${to}: invalid variable name`);
    return this.variable(to);
  }

  /** The variables the shell computes while nobody has set them: `$RANDOM` (not in dash), `$SECONDS`, `$BASH_VERSION`… */
  private dynamic(name: string): string | undefined {
    const bash = this.flavor === 'bash';
    if (name === 'RANDOM' && !(this.flavor === 'dash')) return String(this.m.random ? this.m.random() : (this.seq = (this.seq * 1103515245 + 12345) & 0x7fffffff) >> 16);
    if (name === 'LINENO') return String(this.lineNo);
    if (name === 'PPID') return String(this.m.procs().find((p) => p.pid === this.ownPid)?.ppid ?? 0);
    // an interactive shell's own prompt: Debian's bash.bashrc, dash by the uid, busybox's default
    if (name === 'PS1' && this.interactive) return bash ? (this.bashrc ? '${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ ' : '\\s-\\v\\$ ') : this.flavor === 'ash' ? '\\w \\$ ' : this.ps1();
    if (name === 'BB_ASH_VERSION' && this.flavor === 'ash') return bbBanner(this.m.fs).split(' ')[1].slice(1);
    if (!bash) return undefined;
    if (name === 'SECONDS') return String(Math.floor((this.m.now() - this.born) / 1000));
    if (name === 'BASH_VERSION') return bashVersion(this.m.fs);
    if (name === 'BASH') return this.which('bash') ?? '/usr/bin/bash';
    // bash sets SHELL, unexported, to the user's login shell when it finds none
    if (name === 'SHELL') return account(this.m.fs, this.user)?.shell;
    if (name === 'PIPESTATUS') return String(this.pipeStatus[0]);
    if (name === 'BASH_COMMAND') return ((c) => (!c ? c : c.k === '(' ? c.text : c.k === '((' ? `((${c.src}))` : c.k ? '' : simpleText(c, wordText) + c.redirs.map((r) => (r.doc === undefined ? '' : '\n' + r.doc)).join('') + (c.redirs.some((r) => r.doc !== undefined) ? '\n' : '')))(this.now);
    return undefined;
  }
  /** The generator of `$RANDOM` on a machine without one of its own. */
  private seq = 1;

  arithVars = { get: (n: string) => (n.includes('[') ? this.element(n) : this.variable(n)), set: (n: string, v: string) => void (n.includes('[') ? this.assign(n, v) : this.setVar(n, v)), numbersOnly: () => this.flavor === 'dash' };

  /** An arithmetic expression, after the expansions in its text (`$x`, `$(…)`, `$((…))`) as in double quotes. */
  private async calc(src: string, io: IO): Promise<number> {
    return arith(await this.dq(src, io), this.arithVars);
  }

  /** A text expanded as inside double quotes; the text itself when it does not parse. */
  private async dq(src: string, io: IO): Promise<string> {
    try {
      return (await this.expand([parseWord(`"${src}"`)], io, false))[0];
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      return src;
    }
  }

  /** `${#x}`, `${x:-word}`, `${x:=word}`, `${x:+word}`, `${x:?word}` (and without `:`), `${x#pat}`, `${x%pat}`. */
  private async param(name: string, op: string, a0: string, io: IO, el?: string | null): Promise<string> {
    const set = el !== undefined ? el !== null : /^[1-9]$/.test(name) ? +name <= this.args.length : /^\w+$/.test(name) && !/^0$/.test(name) ? this.vars.has(name) : true;
    const v = el !== undefined ? el ?? '' : this.variable(name, /^:?[-=+?]$/.test(op));
    // `${#@}` and `${#*}` count the arguments, as `$#` does
    if (op === 'len') return String(el === undefined && /^[@*]$/.test(name) ? this.args.length : [...v].length);
    // the word is expanded only when it is used
    const word = async (arg = a0) => {
      const inner = /^'([^']*)'$/.exec(arg);
      if (inner) return inner[1];
      try {
        return (await this.expand([parseWord(`"${arg.replace(/^"([^"]*)"$/, '$1')}"`)], io, false))[0];
      } catch (e) {
        if (e instanceof ShellSyntaxError) return arg;
        throw e;
      }
    };
    if (op === ':') {
      // `${x:offset:length}` by characters; a negative offset counts from the end, a negative length too
      const cs = [...v];
      const [o, l] = await this.range(a0, io);
      const from = o < 0 ? cs.length + o : o;
      const to = l === undefined ? cs.length : l < 0 ? cs.length + l : from + l;
      if (to < from && l! < 0) throw new ParamError(`${l}: substring expression < 0`);
      return from < 0 ? '' : cs.slice(from, to).join('');
    }
    const empty = op.startsWith(':') ? v === '' : !set;
    switch (op.replace(':', '')) {
      case '-': return empty ? word() : v;
      case '+': return empty ? '' : word();
      case '=': {
        if (!empty) return v;
        const d = await word();
        if (el !== undefined) this.assign(name, d, io);
        else this.setVar(name, d);
        return d;
      }
      case '?':
        if (!empty) return v;
        // dash and busybox: `parameter not set or null`
        throw new ParamError(`${name}: ${(await word()) || (this.flavor === 'bash' ? (op === '?' ? 'parameter not set' : 'parameter null or not set') : 'parameter not set' + (op === '?' ? '' : ' or null'))}`, true);
    }
    // `${x/pat/rep}`: the pattern ends at the first unescaped `/`
    const [, p, rep] = op[0] === '/' ? /^((?:\\.|[^/])*)\/?([^]*)$/s.exec(a0)! : [, a0];
    let pat = '';
    try {
      pat = (await this.expand([parseWord(p!)], io, false, true))[0];
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
    }
    if (/^[/^,]/.test(op)) return rewrite(v, op, pat, rep ? await word(rep) : '', this.flavor === 'bash');
    // # and ## drop the shortest and longest matching prefix, % and %% the suffix.
    const re = globRe(pat);
    const cuts = [...Array(v.length + 1).keys()];
    if (op.length === 2) cuts.reverse();
    for (const k of cuts) {
      if (op[0] === '#' && re.test(v.slice(0, k))) return v.slice(k);
      if (op[0] === '%' && re.test(v.slice(v.length - k))) return v.slice(0, v.length - k);
    }
    return v;
  }

  /** `${a[…]}` and `${@:…}`: an element (its operator applied), or the list `[@]` and `[*]` make. */
  private async items(p: { name: string; sub?: string; op?: string; arg?: string }, io: IO): Promise<string | string[]> {
    const { name, sub = '@', op = '', arg = '' } = p;
    const o = this.arrayOf(name, p.sub ? undefined : [this.argv0, ...this.args]);
    if (/^[@*]$/.test(sub)) {
      // `${#a[@]}` counts without listing; `${#@}` leaves $0 out below
      if (op === 'len' && p.sub) return String(o?.a?.size ?? 0);
      let ks = o ? keys(o) : [];
      // `${@/a/b}`: the arguments, without $0 (which only `${@:0}` reaches)
      if (!p.sub && op !== ':') ks = ks.slice(1);
      if (op === ':') {
        // an indexed array's offset is an index, from which the length counts elements
        const [from, len] = await this.range(arg, io);
        if (len! < 0) throw new ParamError(`${len}: substring expression < 0`);
        const start = from < 0 ? (o?.A ? ks.length : maxIndex(o?.a) + 1) + from : from;
        ks = start < 0 ? [] : (o?.A ? ks.slice(start) : ks.filter((k) => +k >= start)).slice(0, len);
      }
      const list = op === 'keys' ? ks : ks.map((k) => o!.a!.get(k)!);
      return op === 'len' ? String(list.length) : !op || op === ':' || op === 'keys' ? list : /^[#%/^,]/.test(op) ? Promise.all(list.map((v) => this.param(name, op, arg, io, v))) : this.param(name, op, arg, io, list.length ? list.join(' ') : null);
    }
    if (op === 'keys') throw new BadSubstitution(`\${!${name}[${sub}]}`);
    const k = o && this.keyOf(o, o.A ? await this.dq(sub.replace(/^(["'])(.*)\1$/, '$2'), io) : String(await this.calc(sub, io)), name, io);
    const v = k && o!.a!.get(k);
    if (op === 'len') return String([...(v ?? '')].length);
    if (op) return this.param(`${name}[${sub}]`, op, arg, io, v ?? null);
    if (v === undefined && this.nounset) throw new ParamError(`${name}[${sub}]: unbound variable`, true);
    return v ?? '';
  }

  /** A variable (or `list`) as an array, a scalar being one of one element; undefined when unset. */
  arrayOf(name: string, list = name === 'PIPESTATUS' ? this.pipeStatus.map(String) : undefined): Var | undefined {
    const o = this.vars.get(name);
    if (o?.a && !list) return o;
    const v = list?.[0] ?? o?.v ?? this.dynamic(name);
    return v === undefined ? undefined : { v, x: false, a: new Map((list ?? [v]).map((x, k) => [String(k), x])) };
  }

  /** The key `k` (expanded) names: an indexed array's is evaluated, a negative one counting back from the end; undefined after the error. */
  keyOf(o: Var | undefined, k: string, name: string, io?: IO): string | undefined {
    if (!o?.A && k) {
      const n = arith(k, this.arithVars);
      k = String(n < 0 ? n + maxIndex(o?.a) + 1 : n);
    }
    if (k && (o?.A || k[0] !== '-')) return k;
    io?.err(`${this.prefix()}: ${name}: bad array subscript\n`);
  }

  /** `a[i]` in an arithmetic expression (whose text is expanded already). */
  private element(n: string): string {
    const [, name, sub] = /^(\w+)\[([^]*)\]$/.exec(n) ?? [];
    const o = this.arrayOf(name);
    const k = o && this.keyOf(o, sub, name);
    return (k && o!.a!.get(k)) || '';
  }

  /** `offset:length` of `${x:…}`, evaluated. */
  private range(arg: string, io: IO): Promise<[number, number?]> {
    return Promise.all(arg.split(':', 2).map((x) => this.calc(x, io))) as Promise<[number, number?]>;
  }

  /** The elements of `(…)`: `[key]=value` is one, neither split nor globbed; any other word may make several. */
  private async elements(words: Word[], io: IO): Promise<[string | null, string][]> {
    const els: [string | null, string][] = [];
    for (const e of words) {
      const f = e[0];
      const j = f.t === 'lit' && !f.q && f.v[0] === '[' ? e.findIndex((p) => p.t === 'lit' && !p.q && /\]\+?=/.test(p.v)) : -1;
      if (j < 0) {
        for (const x of await this.expand([e], io)) els.push([null, x]);
        continue;
      }
      const lit = (e[j] as { v: string }).v;
      const m = /\]\+?=/.exec(lit)!;
      const [k] = await this.expand([[...e.slice(0, j), { t: 'lit', v: lit.slice(0, m.index), q: false }]], io, false);
      const [v] = await this.expand([[{ t: 'lit', v: lit.slice(m.index + m[0].length), q: false }, ...e.slice(j + 1)]], io, false);
      els.push([k.slice(1), v]);
    }
    return els;
  }

  /** `x=v`, `x+=v`, `a[i]=v`, `a=(…)`, `a+=(…)` (`lhs` is what stands before the `=`); false after the error. */
  assign(lhs: string, val: string, io?: IO): boolean {
    const [, name = lhs, sub, plus] = /^(\w+)(?:\[([^]*)\])?(\+?)$/.exec(lhs) ?? [];
    const o = this.vars.get(name);
    if (o?.r) return this.readOnly(name, io), false;
    const list = val[0] === '\0';
    if (sub === undefined && !list && !o?.a) return this.setVar(name, plus ? (o?.v ?? '') + val : val), true;
    if (list && sub !== undefined) return io?.err(`${this.prefix()}: ${lhs}: cannot assign list to array member\n`), false;
    const A = o?.A;
    // a loop filling an array copies it once, not at each element
    const own = o?.a && o.g === this.gen && !(list && !plus);
    const a = own ? o.a! : new Map(list && !plus ? [] : o?.a ?? (o ? [['0', o.v]] : []));
    if (list) {
      const els = unpackList(val);
      let next = plus && !A ? maxIndex(a) + 1 : 0;
      // an associative array takes bash 5.1's `(key value key value)` too
      if (A && els[0]?.[0] === null) for (let j = 0; j < els.length; j += 2) a.set(els[j][1], els[j + 1]?.[1] ?? '');
      else for (const [k, x] of els) {
        if (A && k === null) io?.err(`${this.prefix()}: ${name}: ${x}: must use subscript when assigning associative array\n`);
        const key = k === null ? (A ? '' : String(next)) : this.keyOf({ v: '', x: false, a, A }, k, `[${k}]=${x}`, io);
        if (key) a.set(key, x), (next = +key + 1);
      }
    } else {
      const key = sub === undefined ? '0' : this.keyOf(o, sub, lhs, io);
      if (!key) return false;
      a.set(key, plus ? (a.get(key) ?? '') + val : val);
    }
    if (own) o.v = a.get('0') ?? '';
    else this.vars.set(name, { v: a.get('0') ?? '', x: o?.x ?? false, a, ...(A && { A }), g: this.gen });
    return true;
  }

  /** `$(…)`: runs in a copy of the shell (a subshell), its output without trailing newlines. */
  private async substitute(src: string, io: IO): Promise<string> {
    let captured = '';
    const sub = this.fork();
    sub.depth++;
    const o = { ...io, stdin: undefined, tty: false, out: (t: string) => { captured += t; } };
    const s = await sub.run(src, o);
    await exitTrap(sub, o);
    this.subStatus = sub.exitCode ?? s;
    return captured.replace(/\n+$/, '');
  }

  /** The files of the command's `<(…)` and `>(…)`, with the list and which way it goes. */
  private procs: [string, string, string][] = [];
  /** The lists of the `>(…)` an exec keeps open (`exec > >(tee log)`): each reads all the shell wrote to it as the shell exits. */
  private atExit: (() => Promise<number>)[] = [];
  async closeExec(): Promise<void> {
    for (const f of this.atExit.splice(0)) await f();
  }

  /** `<(list)`: its output, read from the file named; `>(list)` reads what the command wrote there once it ended. */
  private async procSub(src: string, way: string, io: IO): Promise<string> {
    const path = `/dev/fd/${63 - this.procs.length}`;
    let text = '';
    if (way === '<') await this.fork().run(src, { ...io, tty: false, out: (t) => void (text += t) });
    try {
      this.m.fs.writeFile(path, text, '/');
    } catch { /* read as missing */ }
    this.procs.push([path, src, way]);
    return path;
  }

  /** Pathname expansion of one field; the field itself when nothing matches. */
  private glob(pattern: string, text: string): string[] {
    const abs = pattern.startsWith('/');
    const parts = pattern.split('/').filter((p) => p !== '');
    let found: { parts: string[]; rel: string }[] = [{ parts: abs ? [] : splitPath(this.cwd), rel: '' }];
    const unescape = (p: string) => p.replace(/\\(.)/g, '$1');
    for (const p of parts) {
      const next: typeof found = [];
      const wild = /(^|[^\\])[*?[]/.test(p);
      const re = globRe(p);
      for (const f of found) {
        const join = (name: string) => f.rel + (f.rel || abs ? '/' : '') + name;
        if (!wild) {
          next.push({ parts: [...f.parts, unescape(p)], rel: join(unescape(p)) });
          continue;
        }
        let entries: string[] = [];
        try {
          const r = this.m.fs.resolve(joinPath(f.parts));
          // a directory it may not read matches nothing
          if (r.node?.kind === 'dir' && may(this.m.fs.cred, r.node, 4)) entries = [...this.m.fs.list(r.parts).keys()];
        } catch { /* unreadable */ }
        for (const e of entries.sort()) {
          if (e.startsWith('.') && !p.startsWith('.')) continue;
          if (re.test(e)) next.push({ parts: [...f.parts, e], rel: join(e) });
        }
      }
      found = next;
    }
    const out = found.filter((f) => {
      try {
        return !!this.m.fs.resolve(joinPath(f.parts)).node;
      } catch {
        return false;
      }
    });
    return out.length ? out.map((f) => (abs && !f.rel.startsWith('/') ? '/' + f.rel : f.rel)) : this.shopts.has('nullglob') ? [] : [text];
  }

  /** The last command of a `bash -c` text, which bash execs instead of forking. */
  private oneshot?: Simple;

  /** The status of the last command substitution of the command being expanded. */
  private subStatus = 0;

  /** bash's `$BASH_COMMAND`: the simple command, `( … )` or `(( … ))` that runs, kept while a trap's action runs (`frozen`). */
  private now?: Cmd;
  frozen = 0;

  private async simple(cmd: Simple, io: IO, expanded = new Set<string>()): Promise<number> {
    this.subStatus = 0;
    if (!this.frozen) this.now = cmd;
    // Leading NAME=value words: alone they set shell variables, before a command they set its env.
    let n = 0;
    while (n < cmd.words.length && isAssignment(cmd.words[n], this.flavor === 'bash')) n++;
    const p0 = cmd.words[n]?.length === 1 ? cmd.words[n][0] : undefined;
    const w0 = p0?.t === 'lit' && !p0.q ? p0.v : '';
    const alias = this.aliases.size && this.aliasing() && !expanded.has(w0) && this.aliasAt.get(w0) !== this.stamp() ? this.aliases.get(w0) : undefined;
    if (alias !== undefined) {
      // the alias's text takes the word's place; a name is not expanded again inside its own alias
      let items: AndOr[] = [];
      try {
        items = parseLine(alias || ':', this.flavor);
      } catch { /* run as text below, which reports the error */ }
      const only = items.length === 1 && items[0].pipeline.length === 1 && !items[0].not && !items[0].pipeline[0].k ? (items[0].pipeline[0] as Simple) : undefined;
      if (only) return this.simple({ words: [...cmd.words.slice(0, n), ...only.words, ...cmd.words.slice(n + 1)], redirs: [...only.redirs, ...cmd.redirs] }, io, expanded.add(w0));
      const rest = await this.expand(cmd.words.slice(n + 1), io);
      return this.run(alias + rest.map((a) => ` '${a.replace(/'/g, "'\\''")}'`).join(''), io);
    }
    const assigns: [string, string][] = [];
    for (const w of cmd.words.slice(0, n)) {
      const [text] = await this.expand([w], io, false);
      const eq = text.indexOf('=', /^\w+\[/.test(text) ? text.indexOf(']') : 0);
      assigns.push([text.slice(0, eq), text.slice(eq + 1)]);
    }
    // `[[ … ]]` neither splits nor globs its words
    const first = cmd.words[n]?.[0];
    const dbl = this.flavor !== 'dash' && cmd.words[n]?.length === 1 && first?.t === 'lit' && first.v === '[[' && !first.q;
    const argv = await this.expand(cmd.words.slice(n), io, !dbl);
    if (this.xtrace) {
      // bash shows a list as it was typed (here: its words, unquoted)
      const as = assigns.map(([k, v]) => `${k}=${v}`);
      // bash shows each assignment on a line of its own
      if (this.flavor === 'bash') [...as.map((a) => [a]), ...(argv.length ? [argv] : [])].forEach((l) => this.trace(io, l));
      else this.trace(io, [...as, ...argv]);
    }
    const n0 = this.procs.length;
    const r = await this.redirect(cmd.redirs, io);
    if (!r) return 1;
    const { io: cio, outFile } = r;
    const stdin = cio.stdin;

    if (!argv.length) {
      let ok = true;
      // a readonly name drops the rest of the line, as an expansion error does
      const ro = assigns.find(([k]) => this.vars.get(k.replace(/[[+][^]*/, ''))?.r);
      if (ro) throw new ParamError(this.flavor === 'bash' ? `${ro[0]}: readonly variable` : `${ro[0]}: is read only`);
      for (const [k, v] of assigns) if (/[[+]/.test(k) || v[0] === '\0' ? !this.assign(k, v, io) : void this.setVar(k, v)) ok = false;
      // `x=$(false)` fails as its last command substitution did (and ends a `set -e` shell)
      return ok ? this.subStatus : 1;
    }
    // `cat` with nothing to read but the terminal waits for lines, as on a real tty.
    // (busybox's refuses an option it lacks first)
    if (stdin === undefined && this.typed && argv[0] === 'cat' && argv.slice(1).every((a) => (this.flavor === 'ash' ? /^-[etvAnbu]*$/ : /^-/).test(a)) && this.which('cat')) {
      this.reading = { file: outFile };
      return 0;
    }
    // `exec` with redirections only: they stay for the rest of the shell
    if (argv.length === 1 && argv[0] === 'exec') {
      for (const [path, src, way] of this.procs.splice(n0)) {
        try {
          this.m.fs.remove(path, '/');
        } catch { /* a machine without /dev/fd */ }
        if (way === '<') continue;
        // its pipe: what the shell writes there from now on
        let text = '';
        const pipe = (f?: (t: string) => void) => ((f as { file?: string } | undefined)?.file === path ? (t: string) => void (text += t) : f);
        [cio.out, cio.err] = [pipe(cio.out)!, pipe(cio.err)!];
        for (const d of Object.values(cio.fds ?? {})) d.w = pipe(d.w);
        const at = { ...io };
        this.atExit.push(() => this.fork().run(src, { ...at, stdin: text, feed: undefined }));
      }
      // (stdout and stderr kept only when it changed them: the next line brings its own terminal)
      this.kept = { ...this.kept, fds: cio.fds, ...(cio.out !== io.out && { out: cio.out, tty: cio.tty }), ...(cio.err !== io.err && { err: cio.err }) };
      return Object.assign(io, cio), 0;
    }
    const fn = this.funcs.get(argv[0]);
    if (fn) {
      const saved = this.args;
      this.args = argv.slice(1);
      const frame = new Map<string, { v: string; x: boolean } | undefined>();
      this.frames.push(frame);
      try {
        const s = await this.exec(fn, cio);
        if (this.jump?.k !== 'return') return s;
        this.jump = undefined;
        return this.status;
      } finally {
        this.args = saved;
        this.frames.pop();
        for (const [k, o] of frame) {
          if (o) this.vars.set(k, o);
          else this.vars.delete(k);
        }
      }
    }
    // `bash -c` execs its last command in its own place, a level up (bash's ONESHOT)
    if (cmd === this.oneshot && !isBuiltin(this, argv[0]) && this.vars.has('SHLVL')) assigns.push(['SHLVL', String(+this.getVar('SHLVL')! - 1)]);
    // (a readonly name is refused, and the command still runs)
    const own = assigns.filter(([k]) => !this.vars.get(k)?.r);
    for (const [k] of assigns) if (this.vars.get(k)?.r) this.readOnly(k, cio);
    const saved = own.map(([k]) => [k, this.vars.get(k)] as const);
    for (const [k, v] of own) this.setVar(k, v, true);
    const [when, code = 1, msg = 'write error: Bad file descriptor'] = (cio.out === shut && !cio.busybox && CLOSED[argv[0].slice(argv[0].lastIndexOf('/') + 1)]) || [];
    try {
      if (when === '^') return cio.err(`${argv[0]}: ${msg}\n`), code;
      const s = await this.spawn(argv, when ? { ...cio, out: () => {} } : cio);
      return when === '$' ? (cio.err(`${argv[0]}: ${msg}\n`), code) : s;
    } catch (e) {
      if (e !== shut) throw e;
      cio.err(`${isBuiltin(this, argv[0]) ? this.prefix() + ': ' : ''}${argv[0]}: ${msg}\n`);
      return code;
    } finally {
      for (const [k, o] of saved) {
        if (o) this.vars.set(k, o);
        else this.vars.delete(k);
      }
    }
  }

  /** Redirections, in order, onto a copy of the streams; null after the error when one fails. */
  private async redirect(redirs: Redirect[], io: IO): Promise<{ io: IO; outFile?: string } | null> {
    // (most commands have none: their streams as they were, with a stdin of their own to read)
    if (!redirs.length) return { io: io.stdin === undefined || io.feed ? io : { ...io, feed: { rest: io.stdin } } };
    let { stdin, feed, out, err, tty, fds } = io;
    let outFile: string | undefined;
    type Fd = NonNullable<IO['fds']>[number] | undefined;
    const get = (n: number): Fd => (n ? (n < 3 ? { w: n < 2 ? out : err } : fds?.[n]) : { r: feed ?? { rest: stdin ?? '' } });
    const set = (n: number, f: Fd) => {
      if (!n) (feed = f?.r), (stdin = feed?.rest ?? '');
      else if (n > 2) {
        fds = { ...fds };
        if (f) fds[n] = f;
        else delete fds[n];
      } else if (n > 1) err = f?.w ?? (() => {});
      else {
        out = f?.w ?? shut;
        tty &&= out === io.out || out === io.err;
        outFile = (out as { file?: string }).file;
      }
    };
    for (const r of redirs) {
      const fields = await this.expand([r.target], io, r.op !== '<<<');
      if (fields.length !== 1) {
        io.err(`${this.prefix()}: ${wordText(r.target)}: ambiguous redirect\n`);
        return null;
      }
      const target = fields[0];
      let fd = r.fd;
      if (r.v) {
        // `{fd}>&-` closes the descriptor the name holds; `{fd}>f` takes the first free one from 10
        if (r.op === '>&' && target === '-') {
          const v = this.getVar(r.v);
          if (!v) {
            io.err(`${this.prefix()}: ${r.v}: ambiguous redirect\n`);
            return null;
          }
          // (a name that holds no number closes nothing)
          if (!/^\d+$/.test(v)) continue;
          fd = +v;
        } else {
          for (fd = 10; fds?.[fd]; fd++);
          this.setVar(r.v, String(fd));
        }
      }
      if (r.op === '>&') {
        const f = target === '-' ? undefined : /^\d+$/.test(target) ? get(+target) : null;
        if (f === null || (target !== '-' && !f)) {
          io.err(`${this.prefix()}: ${target}: Bad file descriptor\n`);
          return null;
        }
        set(fd, f);
        continue;
      }
      if (r.op === '<<' || r.op === '<<<') {
        set(fd, { r: { rest: r.op === '<<' ? target : target + '\n' } });
        continue;
      }
      if (r.op === '<' || r.op === '<>') {
        try {
          // `<>` opens for reading and writing, made when missing
          if (r.op === '<>') this.m.fs.writeFile(target, '', this.cwd, true);
          set(fd, { r: { rest: this.m.fs.readFile(target, this.cwd) }, w: r.op === '<>' ? this.openSink(target, true, io)! : undefined });
        } catch (e) {
          this.redirectError(target, e, io, true);
          return null;
        }
        continue;
      }
      // (a regular file: /dev/null is a device)
      let old;
      try {
        old = r.op === '>' && this.noclobber ? this.m.fs.resolve(target, this.cwd).node : undefined;
      } catch { /* openSink reports it */ }
      if (old?.kind === 'file' && !old.rdev) {
        io.err(`${this.prefix()}: ${this.flavor === 'bash' ? `${target}: cannot overwrite existing file` : `${this.flavor === 'dash' ? 'cannot' : "can't"} create ${target}: File exists`}\n`);
        return null;
      }
      const sink = this.openSink(target, r.op === '>>', io);
      if (!sink) return null;
      set(fd, { w: sink });
      if (fd === 1) (outFile = target), (tty = false);
    }
    return { io: { ...io, stdin, feed: stdin === undefined ? undefined : feed ?? { rest: stdin }, out, err, tty, fds }, outFile };
  }

  /** A writer for `> file`, which is created (or truncated) now; null after the error when it cannot be. */
  private openSink(target: string, append: boolean, io: IO): ((t: string) => void) | null {
    if (target === '/dev/null') return () => {};
    if (target === '/dev/stdout') return io.out;
    if (target === '/dev/stderr') return io.err;
    try {
      if (!target) throw new FsError('ENOENT', target);
      this.m.fs.writeFile(target, '', this.cwd, append);
    } catch (e) {
      this.redirectError(target, e, io, false);
      return null;
    }
    // The writer names its file, so a program that writes an archive can give it its real size.
    return Object.assign((t: string) => this.m.fs.writeFile(target, t, this.cwd, true), { file: target, cwd: this.cwd });
  }

  private redirectError(target: string, e: unknown, io: IO, reading: boolean): void {
    const code = e instanceof FsError ? e.code : 'ENOENT';
    const reason = code === 'EISDIR' ? 'Is a directory' : code === 'ENOTDIR' ? 'Not a directory' : code === 'ENAMETOOLONG' ? 'File name too long' : code === 'EROFS' ? 'Read-only file system' : code === 'EACCES' ? 'Permission denied' : 'No such file or directory';
    // A read-only mount or a denied access: every shell reports the errno's own text.
    const ro = (code === 'EROFS' || code === 'EACCES') && reason;
    if (this.flavor === 'bash') io.err(`${this.prefix()}: ${target}: ${reason}\n`);
    else if (this.flavor === 'dash') io.err(reading ? `${this.prefix()}: cannot open ${target}: ${ro || 'No such file'}\n` : `${this.prefix()}: cannot create ${target}: ${ro || (code === 'EISDIR' ? 'Is a directory' : 'Directory nonexistent')}\n`);
    else io.err(reading ? `${this.prefix()}: can't open '${target}': ${reason}\n` : `${this.prefix()}: can't create ${target}: ${ro || (code === 'EISDIR' ? 'Is a directory' : 'nonexistent directory')}\n`);
  }

  /** bash's listing of a function (`declare -f`, `type`). */
  fnText(name: string): string {
    return functionText(name, this.funcs.get(name)!, wordText);
  }

  which(name: string): string | undefined {
    return this.whichAll(name, true)[0];
  }

  /** Every file `name` is found as in PATH, in order (`type -a`); `first`: stops at the first. */
  whichAll(name: string, first = false): string[] {
    if (this.m.which) return [this.m.which(name) ?? []].flat();
    const found: string[] = [];
    const dirs = name.includes('/') ? [''] : (this.getVar('PATH') ?? '').split(':');
    for (const d of dirs) {
      const p = d ? `${d}/${name}` : name;
      try {
        if (this.m.fs.resolve(p, this.cwd).node?.kind === 'file' && found.push(p) && first) break;
      } catch { /* not there */ }
    }
    return found;
  }

  /** Runs argv: a builtin, or a program found in PATH in the container's filesystem. */
  async spawn(argv: string[], io: IO): Promise<number> {
    // su: the user's shell, at the prompt or running `-c`, with the environment su made for it
    if (argv[0] === '\u0000su') {
      const [, user, cwd, path, name, cmd, ...env] = argv;
      const s = new Shell(this.m, this.flavorOf(path) ?? this.flavor, name, !cmd, env, cwd, io.tty, user);
      if (cmd) return s.script(cmd, io);
      // busybox ash as a login shell reads /etc/profile (Alpine's sets PS1='\h:\w\$ ')
      if (name[0] === '-' && s.flavor === 'ash' && this.m.fs.find(['etc', 'profile'])) await s.run('. /etc/profile', s.io(io));
      this.onNested?.(s);
      return 0;
    }
    if (argv[0] === '\u0000script' || argv[0] === '\u0000interactive') {
      const name = argv[1];
      const flavor = this.flavorOf(name) ?? this.flavor;
      if (argv[0] === '\u0000interactive') {
        this.onNested?.(new Shell(this.m, flavor, name, true, this.envList(), this.cwd, io.tty, this.user));
        return 0;
      }
      // argv[3]: the script's name, its $0 (`bash a.sh`); then its arguments
      const child = new Shell(this.m, flavor, argv[3] ?? name, false, this.envList(), this.cwd, io.tty, this.user);
      // a shell runc started directly (`docker exec c sh -c …`) is that process
      if (this.direct) child.pid = this.pid;
      child.onNested = undefined;
      this.onScript?.(child);
      child.args = argv.slice(4);
      if (argv[3] === name) child.inputName = '-c: ';
      return child.script(argv[2], io);
    }
    const name = argv[0];
    if (isBuiltin(this, name)) return BUILTINS[name](argv, io, this);
    const path = this.which(name);
    if (!path) return this.notFound(name, io);
    if (!name.includes('/')) this.hashed.set(name, path);
    let file: Node | undefined;
    // The host's programs are not files (its `which` finds them): only a path typed as one is looked up
    if (!this.m.which || name.includes('/')) {
      try {
        file = this.m.fs.resolve(path, this.cwd).node;
      } catch { /* found by the machine itself */ }
    }
    if (file?.kind === 'file') {
      // execve(2) wants an x bit; a text file (a script) is run by its #! interpreter, or by
      // the shell itself when it has none (bash, dash and ash all do so on ENOEXEC).
      if (!(file.mode & 0o111)) {
        io.err(`${this.prefix()}: ${name}: Permission denied\n`);
        return 126;
      }
      if (file.data !== undefined) {
        const bang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(file.data);
        const interp = bang ? (bang[1].endsWith('/env') && bang[2] ? bang[2] : bang[1]) : undefined;
        if (interp && !this.which(interp)) {
          io.err(`${this.prefix()}: ${name}: ${interp}: bad interpreter: No such file or directory\n`);
          return 126;
        }
        // the kernel hands a #! interpreter the path it ran (the one found in PATH): that is the script's $0
        const as = bang ? path : name;
        if (interp && !/(^|\/)(ba|da|a)?sh$/.test(interp)) return this.spawn([interp, as, ...argv.slice(1)], io);
        return this.spawn(['\u0000script', interp ?? this.argv0, file.data, as, ...argv.slice(1)], io);
      }
    }
    // Busybox applets are symlinks to /bin/busybox: the link's name picks the applet. A machine
    // that finds its programs itself (the host) has no such files to look at.
    let busybox = false;
    if (!this.m.which) try {
      const link = this.m.fs.resolve(path, this.cwd, false);
      if (link.node?.kind === 'link' && /busybox$/.test(link.node.target)) busybox = true;
      if (path.endsWith('/busybox')) {
        busybox = true;
        const r = busyboxMain(argv, io, this.m.fs);
        if (typeof r === 'number') return r;
        argv = r;
      }
    } catch { /* resolved above */ }
    const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    const impl: Command | undefined = Object.hasOwn(this.m.commands, base) ? this.m.commands[base] : undefined;
    // after `read` took lines of a shared input, a program reads what is left of it
    const rest = io.feed && io.feed.rest !== io.stdin ? io.feed.rest : undefined;
    const bb = busybox ? io.bb ?? this.banner() : io.bb;
    const cio: IO = rest !== undefined ? { ...io, busybox, bb, stdin: rest } : io.busybox === busybox && (!busybox || io.bb) ? io : { ...io, busybox, bb };
    if (!impl) {
      io.err(`${base}: este programa no está disponible en el simulador\n`);
      return 126;
    }
    const refused = busybox ? bbRefused(base, argv, cio, !this.m.fs.find(['etc', 'alpine-release'])) : gnuArgs(base, argv, cio);
    if (typeof refused === 'number') return refused;
    if (refused) argv = refused;
    try {
      return await impl([base, ...argv.slice(1)], name.includes('/') ? { ...cio, exe: name } : cio, this);
    } catch (e) {
      if (e instanceof FsError) {
        io.err(`${base}: ${e.path}: No such file or directory\n`);
        return 1;
      }
      throw e;
    }
  }

  private notFound(name: string, io: IO): number {
    if (name.includes('/')) {
      let node;
      try {
        node = this.m.fs.resolve(name, this.cwd).node;
      } catch { /* missing */ }
      const isDir = node?.kind === 'dir';
      const bash = this.flavor === 'bash';
      io.err(`${this.prefix()}: ${name}: ${isDir ? (bash ? 'Is a directory' : 'Permission denied') : bash ? 'No such file or directory' : 'not found'}\n`);
      return isDir ? 126 : 127;
    }
    if (this.flavor === 'bash') io.err(`${this.prefix()}: ${displayName(name)}: command not found\n`);
    else io.err(`${this.prefix()}: ${name}: not found\n`);
    return 127;
  }

  /** Names for completion: commands in PATH and builtins, or entries of a directory. */
  complete(word: string, first: boolean): string[] {
    const slash = word.lastIndexOf('/');
    if (first && slash < 0) {
      const names = new Set(Object.keys(BUILTINS));
      for (const d of (this.getVar('PATH') ?? '').split(':')) {
        try {
          const r = this.m.fs.resolve(d);
          if (r.node?.kind === 'dir') for (const k of this.m.fs.list(r.parts).keys()) names.add(k);
        } catch { /* skip */ }
      }
      return [...names].filter((n) => n.startsWith(word)).sort();
    }
    const dir = slash < 0 ? '.' : word.slice(0, slash + 1) || '/';
    const stem = word.slice(slash + 1);
    try {
      const r = this.m.fs.resolve(dir, this.cwd);
      if (r.node?.kind !== 'dir') return [];
      const prefix = slash < 0 ? '' : word.slice(0, slash + 1);
      return [...this.m.fs.list(r.parts)]
        .filter(([k]) => k.startsWith(stem) && (stem.startsWith('.') || !k.startsWith('.')))
        .map(([k, n]) => prefix + k + (n.kind === 'dir' ? '/' : ''))
        .sort();
    } catch {
      return [];
    }
  }
}

export function flavorAt(fs: Fs, path: string, cwd = '/'): Flavor {
  let p = path;
  for (let hops = 0; hops < 10; hops++) {
    const r = fs.resolve(p, cwd, false);
    if (r.node?.kind !== 'link') {
      p = joinPath(r.parts);
      break;
    }
    p = r.node.target.startsWith('/') ? r.node.target : joinPath(r.parts.slice(0, -1)) + '/' + r.node.target;
  }
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base === 'busybox' ? 'ash' : base === 'dash' ? 'dash' : 'bash';
}

/** `while true` runs this many times at most, and for this long without a Ctrl+C to end it. */
const LOOP_LIMIT = 10000;
const LOOP_TIME = 10000;

/** An expansion error (`${x!}`): the rest of the line is dropped. */
class BadSubstitution extends Error {}
/** `${x:?message}` of an unset x: the same, with the message. */
class ParamError extends Error {
  constructor(msg: string, public fatal = false) {
    super(msg);
  }
}

/** `NAME=…` with the name unquoted, as bash recognises an assignment before expanding it. */
function isAssignment(w: Word, bash: boolean): boolean {
  const first = w[0];
  if (!first || first.t !== 'lit' || first.q) return false;
  // bash's `x+=v` and `a[i]=v` (the subscript may hold expansions and quotes)
  return /^[A-Za-z_]\w*=/.test(first.v) || (bash && /^[A-Za-z_]\w*[[+]/.test(first.v) && /^[A-Za-z_]\w*(\[[^]*?\])?\+?=/.test(w.map((p) => (p.t === 'lit' ? p.v : '$')).join('')));
}

/** The words a word's `{a,b}` and `{1..5}` (`{01..10..2}`, `{a..e}`) make, one part after another. */
function braces(w: Word, from = 0): Word[] {
  for (let j = from; j < w.length; j++) {
    const p = w[j];
    if (p.t !== 'lit' || p.q || !p.v.includes('{')) continue;
    const alts = brace(p.v);
    if (alts.length > 1) return alts.flatMap((v) => braces([...w.slice(0, j), { ...p, v }, ...w.slice(j + 1)], j + 1));
  }
  return [w];
}

function brace(s: string): string[] {
  for (let i = s.indexOf('{'); i >= 0; i = s.indexOf('{', i + 1)) {
    if (s[i - 1] === '$') continue;
    let depth = 0;
    let j = i;
    const commas: number[] = [];
    for (; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}' && --depth === 0) break;
      else if (s[j] === ',' && depth === 1) commas.push(j);
    }
    if (j >= s.length) return [s];
    const body = s.slice(i + 1, j);
    let alts: string[] | undefined;
    if (commas.length) alts = [i, ...commas].map((c, k) => s.slice(c + 1, commas[k] ?? j));
    else {
      const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
      if (m && /\d/.test(m[1]) === /\d/.test(m[2])) {
        const num = /\d/.test(m[1]);
        const [a, b] = num ? [+m[1], +m[2]] : [m[1].charCodeAt(0), m[2].charCodeAt(0)];
        const step = Math.abs(+(m[3] ?? 1)) || 1;
        // `{01..10}`: as wide as the wider end when one is zero-padded
        const width = num && (/^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0;
        alts = [];
        for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) alts.push(num ? String(v).padStart(width, '0') : String.fromCharCode(v));
      }
    }
    if (!alts) continue;
    const post = brace(s.slice(j + 1));
    return alts.flatMap((a) => brace(a).flatMap((x) => post.map((p) => s.slice(0, i) + x + p)));
  }
  return [s];
}

/** A word as typed (for `ambiguous redirect`). */
function wordText(w: Word): string {
  return w.map((p) => (p.t === 'lit' ? p.v : p.t === 'tilde' ? '~' + (p.user ?? '') : p.t === 'var' ? '$' + p.name : p.t === 'bad' ? p.src : p.t === 'arith' ? '$((' + p.src + '))' : p.t === 'arr' ? `(${p.words.map(wordText).join(' ')})` : '$(' + p.src + ')')).join('');
}

/** bash shows a name with control characters as `$'…'`. */
export function displayName(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x1f\x7f]/.test(s)) return s;
  let out = "$'";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 || c === 0x7f) out += '\\' + c.toString(8).padStart(3, '0');
    else if (ch === "'" || ch === '\\') out += '\\' + ch;
    else out += ch;
  }
  return out + "'";
}

/** bash's report of `time`: the simulated clock's wall time, and a few milliseconds of CPU. */
function timeReport(ms: number, posix: string): string {
  const real = ms / 1000;
  if (posix) return `real ${real.toFixed(2)}\nuser 0.00\nsys 0.00\n`;
  const f = (s: number) => `${Math.floor(s / 60)}m${(s % 60).toFixed(3)}s`;
  return `\nreal\t${f(real)}\nuser\t${f(ms && 0.001)}\nsys\t${f(ms && 0.002)}\n`;
}
