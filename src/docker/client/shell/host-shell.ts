/**
 * The host's bash: expands words, applies redirections, runs pipelines and `;` `&&` `||` lists,
 * and provides the few commands a Docker lesson uses on the host (echo, cat, ls, mkdir, cd…).
 * `docker` is handed to the client.
 */
import type { TermIO } from '../../shell';
import { HostFs } from './host-fs';
import { parseLine, ShellSyntaxError, type AndOr, type Simple, type Word } from './parse';

/** One command's view of the world. */
export interface Proc {
  args: string[];
  /** Text piped or redirected in, null when it reads the terminal. */
  stdin: string | null;
  io: TermIO;
}

export type Program = (p: Proc, sh: HostShell) => Promise<number>;

export const HOME = '/home/alumno';

export class HostShell {
  env: Record<string, string> = {
    HOME,
    USER: 'alumno',
    LOGNAME: 'alumno',
    SHELL: '/bin/bash',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    PWD: HOME,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    HOSTNAME: 'aula',
  };
  cwd = HOME;
  lastExit = 0;
  history: string[] = [];
  readonly fs: HostFs;
  /** Set by a command that hands the terminal to a container (`docker run -it`): the rest of the line waits. */
  stopLine = false;

  constructor(
    readonly now: () => number,
    /** Moves the simulated clock (`sleep N`). */
    readonly advance: (ms: number) => void,
    readonly programs: Record<string, Program>,
  ) {
    this.fs = new HostFs(now, ['/tmp', HOME, '/dev']);
  }

  /** Runs one line; returns the exit status of the last command (bash's `$?`). */
  async run(line: string, io: TermIO): Promise<number> {
    if (line.trim()) {
      this.history.push(line);
      if (this.history.length > 1000) this.history.splice(0, this.history.length - 1000);
    }
    this.stopLine = false;
    let list;
    try {
      list = parseLine(line);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err(e.message + '\n');
      return (this.lastExit = 2);
    }
    return this.runList(list, io);
  }

  /** The rest of a line that waited while a container had the terminal (`docker run -it x; echo fin`). */
  private pending: AndOr[] = [];

  /** Runs what is left of the line once the container's process is gone; its `$?` is known now. */
  async resume(io: TermIO): Promise<number> {
    const rest = this.pending;
    this.pending = [];
    this.stopLine = false;
    return rest.length ? this.runList(rest, io) : this.lastExit;
  }

  private async runList(list: AndOr[], io: TermIO): Promise<number> {
    for (let k = 0; k < list.length; k++) {
      const item = list[k];
      if (item.op === '&&' && this.lastExit !== 0) continue;
      if (item.op === '||' && this.lastExit === 0) continue;
      this.lastExit = await this.pipeline(item.pipeline, io);
      if (this.stopLine) {
        this.pending = list.slice(k + 1);
        break;
      }
      if (io.signal?.aborted) break;
    }
    return this.lastExit;
  }

  private async pipeline(cmds: Simple[], io: TermIO): Promise<number> {
    let stdin: string | null = null;
    let code = 0;
    for (let k = 0; k < cmds.length; k++) {
      const last = k === cmds.length - 1;
      let captured = '';
      const cmdIo: TermIO = last ? io : { ...io, tty: false, out: (t) => { captured += t; } };
      code = await this.simple(cmds[k], stdin, cmdIo);
      stdin = captured;
    }
    return code;
  }

  private async simple(cmd: Simple, stdin: string | null, io: TermIO): Promise<number> {
    const argv = await this.expand(cmd.words, io);
    // Redirections, in order, onto a copy of the streams.
    let out = io.out;
    let err = io.err;
    let tty = io.tty;
    for (const r of cmd.redirs) {
      const fields = await this.expand([r.target], io);
      const raw = wordText(r.target);
      if (fields.length !== 1) {
        io.err(`bash: ${raw}: ambiguous redirect\n`);
        return 1;
      }
      const target = fields[0];
      if (r.op === '>&') {
        if (target === '1') err = out;
        else if (target === '2') out = err;
        else {
          io.err(`bash: ${target}: Bad file descriptor\n`);
          return 1;
        }
        continue;
      }
      if (r.op === '<') {
        const node = this.fs.get(HostFs.resolve(this.cwd, target));
        if (!node) {
          io.err(`bash: ${target}: No such file or directory\n`);
          return 1;
        }
        if (node.dir) {
          io.err(`bash: ${target}: Is a directory\n`);
          return 1;
        }
        stdin = node.data;
        continue;
      }
      const sink = this.openSink(target, r.op === '>>', io);
      if (!sink) return 1;
      if (r.fd === 2) err = sink;
      else {
        out = sink;
        tty = false;
      }
    }
    if (argv.length === 0) {
      // Only assignments (or nothing but redirections).
      return 0;
    }
    let i = 0;
    const assigns: [string, string][] = [];
    while (i < argv.length && isAssignment(cmd.words[i], argv[i])) {
      const eq = argv[i].indexOf('=');
      assigns.push([argv[i].slice(0, eq), argv[i].slice(eq + 1)]);
      i++;
    }
    if (i === argv.length) {
      for (const [k, v] of assigns) if (k !== '__proto__') this.env[k] = v;
      return 0;
    }
    const args = argv.slice(i);
    const prog = Object.hasOwn(this.programs, args[0]) ? this.programs[args[0]] : undefined;
    const pio: TermIO = { ...io, out, err, tty };
    if (!prog) {
      err(`bash: ${displayName(args[0])}: command not found\n`);
      return 127;
    }
    return prog({ args, stdin, io: pio }, this);
  }

  /** A writer for `> file`; null (after bash's message) when it cannot be opened. */
  private openSink(target: string, append: boolean, io: TermIO): ((t: string) => void) | null {
    if (target === '/dev/null') return () => {};
    if (target === '/dev/stdout') return io.out;
    if (target === '/dev/stderr') return io.err;
    const path = HostFs.resolve(this.cwd, target);
    const node = this.fs.get(path);
    if (node?.dir) {
      io.err(`bash: ${target}: Is a directory\n`);
      return null;
    }
    if (!this.fs.parentOk(path)) {
      io.err(`bash: ${target}: No such file or directory\n`);
      return null;
    }
    this.fs.write(path, '', append);
    return (t) => this.fs.write(path, t, true);
  }

  /** Word expansion: parameters, command substitution, tilde, field splitting of unquoted results. */
  async expand(words: Word[], io: TermIO): Promise<string[]> {
    const fields: string[] = [];
    for (const w of words) {
      let cur = '';
      let has = false;
      for (const p of w) {
        if (p.t === 'lit') {
          cur += p.v;
          has = has || p.q || p.v !== '';
        } else if (p.t === 'tilde') {
          cur += this.env.HOME ?? HOME;
          has = true;
        } else {
          const v = p.t === 'var' ? this.variable(p.name) : await this.substitute(p.src, io);
          if (p.q) {
            cur += v;
            has = true;
            continue;
          }
          const ws = v.split(/[ \t\n]+/);
          for (let k = 0; k < ws.length; k++) {
            if (k > 0) {
              if (has) fields.push(cur);
              cur = '';
              has = false;
            }
            if (ws[k]) {
              cur += ws[k];
              has = true;
            }
          }
        }
      }
      if (has) fields.push(cur);
    }
    return fields;
  }

  private variable(name: string): string {
    if (name === '?') return String(this.lastExit);
    if (name === '$') return '4242';
    if (name === '#') return '0';
    if (name === '0') return 'bash';
    if (/^[1-9]$/.test(name)) return '';
    return Object.hasOwn(this.env, name) ? this.env[name] : '';
  }

  private async substitute(src: string, io: TermIO): Promise<string> {
    let captured = '';
    const stop = this.stopLine;
    const hist = this.history.length;
    await this.run(src, { ...io, tty: false, out: (t) => { captured += t; } });
    this.history.length = hist;
    this.stopLine = stop;
    return captured.replace(/\n+$/, '');
  }

  save(): unknown {
    return { env: this.env, cwd: this.cwd, fs: this.fs.toJSON(), history: this.history.slice(-200) };
  }

  load(s: { env: Record<string, string>; cwd: string; fs: ConstructorParameters<typeof Map>[0]; history: string[] }): void {
    this.env = s.env;
    this.cwd = s.cwd;
    this.fs.load(s.fs as never);
    this.history = s.history;
  }
}

function wordText(w: Word): string {
  return w.map((p) => (p.t === 'lit' ? p.v : p.t === 'tilde' ? '~' : p.t === 'var' ? '$' + p.name : '$(' + p.src + ')')).join('');
}

function isAssignment(w: Word | undefined, text: string): boolean {
  const first = w?.[0];
  return !!first && first.t === 'lit' && !first.q && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.v) && text.includes('=');
}

/** bash shows a name with control characters as `$'…'`. */
export function displayName(s: string): string {
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
