/**
 * The shells of the images: bash (Debian, Ubuntu), dash (`/bin/sh` there) and busybox ash
 * (Alpine, BusyBox). One interpreter, three dialects of prompts and error messages.
 */
import { FsError, splitPath, joinPath, type Overlay } from '../fs';
import { parse, Incomplete, SyntaxError, type Word, type Simple } from './lexer';
import { historyText } from '../../common/sh/text';
import { COMMANDS } from './commands';
import type { IO, Machine, Out, ShellLike } from './types';

/** The PATH of every image that does not set its own (and of `docker run` without one). */
export const STD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type Flavor = 'bash' | 'dash' | 'ash';

export interface ShellState { cwd: string; vars: [string, string, boolean][]; history: string[]; status: number }

export class Shell implements ShellLike {
  cwd: string;
  vars = new Map<string, { v: string; x: boolean }>();
  status = 0;
  lineNo = 0;
  history: string[] = [];
  private buffer = '';
  private question?: { prompt: string; then: (answer: string, io: IO) => Promise<number> };
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
  ) {
    this.cwd = cwd || '/';
    for (const e of env) {
      const eq = e.indexOf('=');
      if (eq > 0) this.vars.set(e.slice(0, eq), { v: e.slice(eq + 1), x: true });
    }
    const home = user === 'root' ? '/root' : `/home/${user}`;
    if (!this.vars.has('HOME')) this.vars.set('HOME', { v: home, x: true });
    this.vars.set('HOSTNAME', { v: m.hostname, x: true });
    this.vars.set('PWD', { v: this.cwd, x: true });
    if (!this.vars.has('PATH')) this.vars.set('PATH', { v: STD_PATH, x: true });
    if (tty && !this.vars.has('TERM')) this.vars.set('TERM', { v: 'xterm', x: true });
    if (interactive && flavor !== 'dash') this.vars.set('SHLVL', { v: '1', x: true });
  }

  save(): ShellState {
    return { cwd: this.cwd, vars: [...this.vars].map(([k, o]) => [k, o.v, o.x]), history: this.history, status: this.status };
  }

  restore(s: ShellState): void {
    this.cwd = s.cwd;
    this.vars = new Map(s.vars.map(([k, v, x]) => [k, { v, x }]));
    this.history = s.history;
    this.status = s.status;
  }

  /** Set by the process that hosts an interactive shell: `bash` typed at the prompt nests one. */
  onNested?: (child: Shell) => void;

  private envList(): string[] {
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
    const all = [...this.vars].filter(([, o]) => o.x);
    const rank = (k: string) => (first.includes(k) ? first.indexOf(k) : k === 'OLDPWD' ? 98 : k === '_' ? 99 : 50);
    return all.sort((a, b) => rank(a[0]) - rank(b[0])).map(([k, o]) => [k, o.v]);
  }
  getVar(name: string): string | undefined {
    return this.vars.get(name)?.v;
  }
  setVar(name: string, value: string, exported?: boolean): void {
    const old = this.vars.get(name);
    this.vars.set(name, { v: value, x: exported ?? old?.x ?? false });
  }
  unsetVar(name: string): void {
    this.vars.delete(name);
  }
  exit(code: number): void {
    this.exitCode = code & 255;
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
    const root = this.user === 'root';
    if (this.flavor === 'dash') return root ? '# ' : '$ ';
    const home = this.getVar('HOME') ?? '/root';
    const dir = this.cwd === home ? '~' : this.cwd.startsWith(home + '/') ? '~' + this.cwd.slice(home.length) : this.cwd;
    if (this.flavor === 'ash') return `${dir} ${root ? '#' : '$'} `;
    return `${this.user}@${this.m.hostname}:${dir}${root ? '#' : '$'} `;
  }

  ask(prompt: string, then: (answer: string, io: IO) => Promise<number>): void {
    this.question = { prompt, then };
  }

  /** `cat` (or `cat > file`) reading the terminal: each line goes through until Ctrl+D. */
  reading?: { file?: string };

  /** Ctrl+D (0) or Ctrl+C (130) ends what reads the terminal. */
  endReading(code: number): void {
    this.reading = undefined;
    this.status = code;
  }

  /** One line typed at the prompt. */
  async input(line: string, out: Out): Promise<void> {
    if (this.reading) {
      const file = this.reading.file;
      if (file === undefined) out.out(line + '\n');
      else if (file !== '/dev/null') {
        try {
          this.m.fs.writeFile(file, line + '\n', this.cwd, true);
        } catch { /* the file went away */ }
      }
      return;
    }
    const io = this.io(out);
    if (this.question) {
      const q = this.question;
      this.question = undefined;
      this.status = await q.then(line, io);
      return;
    }
    const src = this.buffer ? this.buffer + '\n' + line : line;
    this.lineNo++;
    try {
      parse(src);
    } catch (e) {
      if (e instanceof Incomplete) {
        this.buffer = src;
        return;
      }
    }
    this.buffer = '';
    if (src.trim() && this.flavor !== 'dash') this.history.push(src);
    await this.run(src, io);
  }

  /** Ctrl+C at the prompt: the line is dropped. */
  interrupt(): void {
    this.buffer = '';
    this.question = undefined;
    this.status = 130;
  }

  /** `sh -c script` or a script read from a pipe: runs, and returns the last status. */
  async script(src: string, out: Out): Promise<number> {
    this.lineNo = 1;
    await this.run(src, this.io(out));
    return this.exitCode ?? this.status;
  }

  private io(out: Out): IO {
    return { out: (t) => out.out(t), err: (t) => out.err(t), sleep: (ms) => out.sleep(ms), signal: out.signal, tty: this.tty, busybox: this.flavor === 'ash' };
  }

  async run(src: string, io: IO): Promise<number> {
    let items;
    try {
      items = parse(src);
    } catch (e) {
      if (e instanceof SyntaxError || e instanceof Incomplete) {
        const tok = e instanceof SyntaxError ? e.token : 'end of file';
        if (this.flavor === 'bash') {
          if (e instanceof Incomplete) io.err(`${this.prefix()}: unexpected EOF while looking for matching \`"'\n`);
          else io.err(`${this.prefix()}: syntax error near unexpected token \`${tok}'\n`);
        } else io.err(`${this.prefix()}: syntax error: ${e instanceof Incomplete ? 'unterminated quoted string' : `"${tok}" unexpected`}\n`);
        this.status = 2;
        return 2;
      }
      throw e;
    }
    for (const item of items) {
      if (this.exited || io.signal?.aborted) break;
      if (item.op === '&&' && this.status !== 0) continue;
      if (item.op === '||' && this.status === 0) continue;
      this.status = await this.pipeline(item.pipeline.cmds, io);
    }
    return this.status;
  }

  private async pipeline(cmds: Simple[], io: IO): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    for (let i = 0; i < cmds.length; i++) {
      const last = i === cmds.length - 1;
      let captured = '';
      const stage: IO = last ? { ...io, stdin } : { ...io, stdin, tty: false, out: (t) => { captured += t; } };
      status = await this.simple(cmds[i], stage);
      stdin = captured;
      if (this.exited) break;
    }
    return status;
  }

  /** Expands one word: variables, then (unquoted) field splitting and globbing. */
  expand(word: Word): string[] {
    const fields: string[] = [''];
    let glob = false;
    let quotedAny = false;
    for (const part of word) {
      if (part.q === 1) {
        fields[fields.length - 1] += part.text;
        quotedAny = true;
        continue;
      }
      const text = part.text.replace(/\$(\?|\$|[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})/g, (_, n: string) => {
        const name = n.startsWith('{') ? n.slice(1, -1) : n;
        if (name === '?') return String(this.status);
        if (name === '$') return '1';
        return this.getVar(name) ?? '';
      });
      if (part.q === 2) {
        fields[fields.length - 1] += text;
        quotedAny = true;
      } else {
        if (/[*?]/.test(text)) glob = true;
        const split = text.split(/[ \t\n]+/);
        fields[fields.length - 1] += split[0];
        for (const s of split.slice(1)) fields.push(s);
      }
    }
    const out = fields.filter((f, i) => f !== '' || (quotedAny && i === 0));
    if (!glob) return out;
    return out.flatMap((f) => this.glob(f));
  }

  private glob(pattern: string): string[] {
    if (!/[*?]/.test(pattern)) return [pattern];
    const abs = pattern.startsWith('/');
    const parts = splitPath(pattern);
    let bases: string[][] = [abs ? [] : splitPath(this.cwd)];
    let rels: string[] = [''];
    for (const p of parts) {
      const nb: string[][] = [];
      const nr: string[] = [];
      bases.forEach((b, k) => {
        if (!/[*?]/.test(p)) {
          nb.push([...b, p]);
          nr.push(rels[k] + (rels[k] || abs ? '/' : '') + p);
          return;
        }
        const re = new RegExp('^' + p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
        let entries: string[] = [];
        try {
          const r = this.m.fs.resolve(joinPath(b));
          if (r.node?.kind === 'dir') entries = [...this.m.fs.list(r.parts).keys()];
        } catch { /* unreadable */ }
        for (const e of entries.sort()) {
          if (e.startsWith('.') && !p.startsWith('.')) continue;
          if (re.test(e)) {
            nb.push([...b, e]);
            nr.push(rels[k] + (rels[k] || abs ? '/' : '') + e);
          }
        }
      });
      bases = nb;
      rels = nr;
    }
    return rels.length ? rels.map((r) => (abs && !r.startsWith('/') ? '/' + r : r)) : [pattern];
  }

  private async simple(cmd: Simple, io: IO): Promise<number> {
    const argv = cmd.words.flatMap((w) => this.expand(w));
    // Leading assignments: alone they set shell variables, before a command they set its env.
    const assigns: [string, string][] = [];
    while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
      const a = argv.shift()!;
      const eq = a.indexOf('=');
      assigns.push([a.slice(0, eq), a.slice(eq + 1)]);
    }
    // Redirections
    let stdin = io.stdin;
    let outFile: { path: string; append: boolean } | undefined;
    let errFile: { path: string; append: boolean } | undefined;
    let errToOut = false;
    let bothToFile = false;
    for (const r of cmd.redirects) {
      if (r.op === '>&1') {
        errToOut = true;
        continue;
      }
      const target = this.expand(r.target!).join(' ');
      if (r.op === '<') {
        try {
          stdin = this.m.fs.readFile(target, this.cwd);
        } catch (e) {
          this.redirectError(target, e, io, true);
          return 1;
        }
        continue;
      }
      const spec = { path: target, append: r.op === '>>' };
      if (r.op === '&>') bothToFile = true;
      if (r.fd === 2) errFile = spec;
      else outFile = spec;
      // Truncate (or create) the file now, as the shell does before running the command.
      if (target !== '/dev/null' && target !== '/dev/stdout' && target !== '/dev/stderr') {
        try {
          if (spec.append) this.m.fs.writeFile(target, '', this.cwd, true);
          else this.m.fs.writeFile(target, '', this.cwd);
        } catch (e) {
          this.redirectError(target, e, io, false);
          return 1;
        }
      }
    }
    const sink = (spec: { path: string; append: boolean } | undefined, fallback: (t: string) => void) => {
      if (!spec) return fallback;
      if (spec.path === '/dev/null') return () => {};
      if (spec.path === '/dev/stdout') return io.out;
      if (spec.path === '/dev/stderr') return io.err;
      return (t: string) => this.m.fs.writeFile(spec.path, t, this.cwd, true);
    };
    const out = sink(outFile, io.out);
    const err = bothToFile ? out : errToOut ? out : sink(errFile, io.err);
    const cio: IO = { ...io, stdin, out, err, tty: io.tty && !outFile };

    if (!argv.length) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return 0;
    }
    // `cat` with nothing to read but the terminal waits for lines, as on a real tty.
    if (stdin === undefined && this.interactive && this.tty && argv[0] === 'cat' && argv.slice(1).every((a) => a.startsWith('-')) && this.which('cat')) {
      this.reading = { file: outFile?.path };
      return 0;
    }
    const saved = assigns.map(([k]) => [k, this.vars.get(k)] as const);
    for (const [k, v] of assigns) this.setVar(k, v, true);
    try {
      return await this.spawn(argv, cio);
    } finally {
      for (const [k, o] of saved) {
        if (o) this.vars.set(k, o);
        else this.vars.delete(k);
      }
    }
  }

  private redirectError(target: string, e: unknown, io: IO, reading: boolean): void {
    const code = e instanceof FsError ? e.code : 'ENOENT';
    const reason = code === 'EISDIR' ? 'Is a directory' : code === 'ENOTDIR' ? 'Not a directory' : code === 'ENAMETOOLONG' ? 'File name too long' : 'No such file or directory';
    if (this.flavor === 'bash') io.err(`${this.prefix()}: ${target}: ${reason}\n`);
    else if (this.flavor === 'dash') io.err(reading ? `${this.prefix()}: cannot open ${target}: No such file\n` : `${this.prefix()}: cannot create ${target}: ${code === 'EISDIR' ? 'Is a directory' : 'Directory nonexistent'}\n`);
    else io.err(reading ? `${this.prefix()}: can't open '${target}': ${reason}\n` : `${this.prefix()}: can't create ${target}: ${code === 'EISDIR' ? 'Is a directory' : 'nonexistent directory'}\n`);
  }

  which(name: string): string | undefined {
    const dirs = name.includes('/') ? [''] : (this.getVar('PATH') ?? '').split(':');
    for (const d of dirs) {
      const p = d ? `${d}/${name}` : name;
      try {
        const r = this.m.fs.resolve(p, this.cwd);
        if (r.node && r.node.kind === 'file') return p;
      } catch { /* not there */ }
    }
    return undefined;
  }

  /** Runs argv: a builtin, or a program found in PATH in the container's filesystem. */
  async spawn(argv: string[], io: IO): Promise<number> {
    if (argv[0] === '\u0000script' || argv[0] === '\u0000interactive') {
      const name = argv[1];
      const flavor = this.flavorOf(name) ?? this.flavor;
      if (argv[0] === '\u0000interactive') {
        this.onNested?.(new Shell(this.m, flavor, name, true, this.envList(), this.cwd, io.tty, this.user));
        return 0;
      }
      const child = new Shell(this.m, flavor, name, false, this.envList(), this.cwd, io.tty, this.user);
      child.onNested = undefined;
      return child.script(argv[2], io);
    }
    const name = argv[0];
    const builtin = BUILTINS[name];
    if (builtin && (this.flavor !== 'dash' || name !== 'history')) return builtin(argv, io, this);
    const path = this.which(name);
    if (!path) return this.notFound(name, io);
    // Busybox applets are symlinks to /bin/busybox: the link's name picks the applet.
    let busybox = false;
    try {
      const link = this.m.fs.resolve(path, this.cwd, false);
      if (link.node?.kind === 'link' && /busybox$/.test(link.node.target)) busybox = true;
      if (path.endsWith('/busybox')) {
        busybox = true;
        argv = argv.slice(1);
        if (!argv.length) return 0;
      }
    } catch { /* resolved above */ }
    const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    const impl = COMMANDS[base];
    const cio: IO = { ...io, busybox };
    if (!impl) {
      io.err(`${base}: este programa no está disponible en el simulador\n`);
      return 126;
    }
    try {
      return await impl([base, ...argv.slice(1)], cio, this);
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
    if (this.flavor === 'bash') io.err(`${this.prefix()}: ${name}: command not found\n`);
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

export function flavorAt(fs: Overlay, path: string, cwd = '/'): Flavor {
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

type Builtin = (argv: string[], io: IO, sh: Shell) => number | Promise<number>;

const BUILTINS: Record<string, Builtin> = {
  cd(argv, io, sh) {
    const target = argv[1] === undefined || argv[1] === '~' ? sh.getVar('HOME') ?? '/' : argv[1] === '-' ? sh.getVar('OLDPWD') ?? sh.cwd : argv[1].replace(/^~(?=\/)/, sh.getVar('HOME') ?? '/root');
    let r;
    try {
      r = sh.m.fs.resolve(target, sh.cwd);
    } catch {
      r = undefined;
    }
    if (!r?.node || r.node.kind !== 'dir') {
      const why = r?.node ? 'Not a directory' : 'No such file or directory';
      if (sh.flavor === 'bash') io.err(`${sh.prefix()}: cd: ${argv[1]}: ${why}\n`);
      else if (sh.flavor === 'dash') io.err(`${sh.prefix()}: cd: can't cd to ${argv[1]}\n`);
      else io.err(`${sh.prefix()}: cd: can't cd to ${argv[1]}: ${why}\n`);
      return sh.flavor === 'dash' ? 2 : 1;
    }
    // Logical path (as typed), like the shells' default `cd -L`.
    const logical = splitPath(target.startsWith('/') ? target : sh.cwd + '/' + target).reduce<string[]>((acc, p) => (p === '..' ? acc.slice(0, -1) : [...acc, p]), []);
    sh.setVar('OLDPWD', sh.cwd, true);
    sh.cwd = joinPath(logical);
    sh.setVar('PWD', sh.cwd, true);
    if (argv[1] === '-') io.out(sh.cwd + '\n');
    return 0;
  },
  pwd(_a, io, sh) {
    io.out(sh.cwd + '\n');
    return 0;
  },
  exit(argv, io, sh) {
    if (sh.interactive && sh.flavor === 'bash') io.err('exit\n');
    const n = argv[1] === undefined ? sh.status : Number(argv[1]);
    if (!Number.isInteger(n)) {
      io.err(sh.flavor === 'bash' ? `${sh.prefix()}: exit: ${argv[1]}: numeric argument required\n` : `${sh.prefix()}: exit: Illegal number: ${argv[1]}\n`);
      sh.exit(2);
      return 2;
    }
    sh.exit(n);
    return n & 255;
  },
  export(argv, _io, sh) {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq > 0) sh.setVar(a.slice(0, eq), a.slice(eq + 1), true);
      else sh.setVar(a, sh.getVar(a) ?? '', true);
    }
    return 0;
  },
  unset(argv, _io, sh) {
    for (const a of argv.slice(1)) sh.unsetVar(a);
    return 0;
  },
  history(_a, io, sh) {
    io.out(historyText(sh.history));
    return 0;
  },
  type(argv, io, sh) {
    let status = 0;
    for (const n of argv.slice(1)) {
      if (BUILTINS[n] || n === 'echo' || n === 'true' || n === 'false') io.out(`${n} is a shell builtin\n`);
      else {
        const p = sh.which(n);
        if (p) io.out(`${n} is ${p}\n`);
        else {
          io.err(sh.flavor === 'bash' ? `${sh.prefix()}: type: ${n}: not found\n` : `${n}: not found\n`);
          status = 1;
        }
      }
    }
    return status;
  },
  echo: COMMANDS.echo,
  printf: COMMANDS.printf,
  true: COMMANDS.true,
  false: COMMANDS.false,
  ':': COMMANDS.true,
  kill: COMMANDS.kill,
};
