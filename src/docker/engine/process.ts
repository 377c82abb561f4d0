/**
 * What runs inside a container: its main process (PID 1) and `exec`'d processes. Each program
 * reacts to input lines and signals the way the real one does (bash ignores SIGTERM as PID 1,
 * nginx stops on SIGQUIT, httpd on SIGWINCH, hello-world prints and exits).
 */
import type { Out } from './shell/types';
import { Shell, flavorAt } from './shell/sh';
import { HELLO_TEXT, evalArith } from './shell/programs';
import { runScript } from './shell/node';
import type { Machine } from './shell/types';

export const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12,
  PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22,
  URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
};

/** `SIGTERM`, `TERM`, `15` → 15; undefined when invalid. */
export function parseSignal(s: string): number | undefined {
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 64 ? n : undefined;
  }
  return SIGNALS[s.toUpperCase().replace(/^SIG/, '')];
}

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
  signal(sig: number, out: Out): number | null;
  exitCode: number | null;
  /** The status of the last line run (a shell's `$?`); 0 for programs that read no commands. */
  lastStatus(): number;
  /** Absolute simulated time at which it ends by itself (`sleep 5`), if any. */
  deadline?: number;
  complete(word: string): string[];
  /** State to keep across save/load (a shell's directory, variables and history). */
  save(): unknown;
  restore(s: unknown): void;
}

abstract class Base implements Proc {
  exitCode: number | null = null;
  readsInput = false;
  deadline?: number;
  constructor(public pid: number, public argv: string[], public tty: boolean, public start: number) {}
  prompt(): string {
    return '';
  }
  lastStatus(): number {
    return 0;
  }
  async boot(_out: Out): Promise<void> {}
  async input(_line: string, _out: Out): Promise<void> {}
  async eof(_out: Out): Promise<void> {}
  async interrupt(out: Out): Promise<void> {
    const code = this.signal(2, out);
    if (code !== null) this.exitCode = code;
  }
  signal(sig: number, _out: Out): number | null {
    return sig === 9 ? 137 : null;
  }
  complete(_w: string): string[] {
    return [];
  }
  save(): unknown {
    return null;
  }
  restore(_s: unknown): void {}
}

/** An interactive (or stdin-fed) shell; nested shells typed at the prompt stack on top. */
export class ShellProc extends Base {
  stack: Shell[];
  constructor(pid: number, argv: string[], tty: boolean, start: number, private sh: Shell, private stdinOpen: boolean) {
    super(pid, argv, tty, start);
    this.stack = [sh];
    this.hook(sh);
    this.readsInput = stdinOpen;
  }
  private hook(s: Shell) {
    s.onNested = (child) => {
      this.hook(child);
      this.stack.push(child);
    };
  }
  private get top(): Shell {
    return this.stack[this.stack.length - 1];
  }
  prompt(): string {
    return this.sh.interactive ? this.top.prompt() : '';
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
    const top = this.top;
    await top.input(line, out);
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
    const top = this.top;
    if (top.reading) return top.endReading(0);
    if (top.interactive && top.flavor === 'bash') out.err('exit\n');
    top.exit(top.status);
    this.settle();
  }
  async interrupt(out: Out): Promise<void> {
    if (this.tty) out.out('^C\n');
    if (this.top.reading) return this.top.endReading(130);
    this.top.interrupt();
  }
  signal(sig: number): number | null {
    // PID 1 gets no default signal handlers: an interactive shell only dies of SIGKILL (and HUP).
    if (sig === 9) return 137;
    if (sig === 1 && this.pid === 1) return 129;
    return null;
  }
  complete(word: string): string[] {
    return this.top.complete(word, false).concat(this.top.complete(word, true)).filter((v, i, a) => a.indexOf(v) === i);
  }
  /** Interactive bash writes its history file when it exits. */
  history(): string[] {
    return this.sh.history;
  }
  save(): unknown {
    return this.sh.save();
  }
  restore(s: unknown): void {
    if (s) this.sh.restore(s as ReturnType<Shell['save']>);
  }
}

/** A command that runs to completion at start (`echo hi`, `ls -l`, `sh -c '…'`). */
export class OneShot extends Base {
  constructor(pid: number, argv: string[], tty: boolean, start: number, private sh: Shell, private stdin?: string) {
    super(pid, argv, tty, start);
  }
  async boot(out: Out): Promise<void> {
    const io = { ...out, tty: this.tty, busybox: this.sh.flavor === 'ash', stdin: this.stdin ?? '' };
    const argv = this.argv;
    const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    // `sleep N` and `tail -f` as PID 1 keep the container up; they end on their own time.
    if (base === 'sleep' && argv.length === 2 && (/^\d+(\.\d+)?$/.test(argv[1]) || argv[1] === 'infinity')) {
      if (argv[1] !== 'infinity') this.deadline = this.start + Number(argv[1]) * 1000;
      return;
    }
    if (base === 'tail' && argv.includes('-f')) return;
    const code = await this.sh.spawn(argv, io);
    this.exitCode = code;
  }
  signal(sig: number): number | null {
    return sig === 9 ? 137 : null;
  }
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');

/** nginx behind /docker-entrypoint.sh: configuration lines, then workers; SIGQUIT → graceful. */
export class Nginx extends Base {
  constructor(pid: number, argv: string[], tty: boolean, start: number, private m: Machine, private alpine: boolean) {
    super(pid, argv, tty, start);
  }
  async boot(out: Out): Promise<void> {
    const ep = '/docker-entrypoint.sh';
    out.out(`${ep}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n${ep}: Looking for shell scripts in /docker-entrypoint.d/\n${ep}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n`);
    const conf = '/etc/nginx/conf.d/default.conf';
    let text = '';
    try {
      text = this.m.fs.readFile(conf);
    } catch { /* removed */ }
    if (text && !text.includes('[::]:80')) {
      out.out(`10-listen-on-ipv6-by-default.sh: info: Getting the checksum of ${conf}\n10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in ${conf}\n`);
      this.m.fs.writeFile(conf, text.replace(/listen {7}80;\n/, 'listen       80;\n    listen  [::]:80;\n'));
    } else out.out(`10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled\n`);
    out.out(`${ep}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n${ep}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n${ep}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n${ep}: Configuration complete; ready for start up\n`);
    for (const d of ['client_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) this.m.fs.mkdir(`/var/cache/nginx/${d}`, '/', true);
    this.m.fs.writeFile('/run/nginx.pid', '1\n');
    const t = stamp(this.start);
    const n = (s: string) => out.err(`${t} [notice] 1#1: ${s}\n`);
    n('using the "epoll" event method');
    n('nginx/1.27.5');
    n(this.alpine ? 'built by gcc 14.2.0 (Alpine 14.2.0) ' : 'built by gcc 12.2.0 (Debian 12.2.0-14) ');
    n(`OS: Linux ${this.m.kernel}`);
    n('getrlimit(RLIMIT_NOFILE): 1048576:1048576');
    n('start worker processes');
    for (let w = 0; w < 2; w++) n(`start worker process ${29 + w}`);
  }
  signal(sig: number, out: Out): number | null {
    if (sig === 9) return 137;
    const t = stamp(this.m.now());
    const names: Record<number, string> = { 2: 'SIGINT', 3: 'SIGQUIT', 15: 'SIGTERM' };
    if (!names[sig]) return null;
    out.err(`${t} [notice] 1#1: signal ${sig} (${names[sig]}) received, ${sig === 3 ? 'shutting down' : 'exiting'}\n`);
    if (sig === 3) out.err(`${t} [notice] 29#29: gracefully shutting down\n${t} [notice] 29#29: exiting\n${t} [notice] 29#29: exit\n`);
    out.err(`${t} [notice] 1#1: signal 17 (SIGCHLD) received from 29\n${t} [notice] 1#1: worker process 29 exited with code 0\n${t} [notice] 1#1: exit\n`);
    try {
      this.m.fs.remove('/run/nginx.pid');
    } catch { /* gone */ }
    return 0;
  }
}

const apacheStamp = (ms: number) => {
  const d = new Date(ms);
  const s = d.toUTCString(); // "Mon, 16 Jun 2025 09:30:00 GMT"
  return `${s.slice(0, 3)} ${s.slice(8, 11)} ${s.slice(5, 7)} ${s.slice(17, 25)}.${String(d.getUTCMilliseconds() * 1000 + 123).padStart(6, '0')} ${d.getUTCFullYear()}`;
};

export class Httpd extends Base {
  constructor(pid: number, argv: string[], tty: boolean, start: number, private m: Machine) {
    super(pid, argv, tty, start);
  }
  async boot(out: Out): Promise<void> {
    const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${this.m.ip}. Set the 'ServerName' directive globally to suppress this message\n`;
    out.err(fqdn + fqdn);
    out.err(`[${apacheStamp(this.start)}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations\n`);
    out.err(`[${apacheStamp(this.start)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'\n`);
    this.m.fs.writeFile('/usr/local/apache2/logs/httpd.pid', '1\n');
  }
  signal(sig: number, out: Out): number | null {
    if (sig === 9) return 137;
    const msg: Record<number, string> = { 28: 'AH00492: caught SIGWINCH, shutting down gracefully', 15: 'AH00491: caught SIGTERM, shutting down', 2: 'AH00491: caught SIGTERM, shutting down' };
    if (!msg[sig]) return null;
    out.err(`[${apacheStamp(this.m.now())}] [mpm_event:notice] [pid 1:tid 1] ${msg[sig]}\n`);
    try {
      this.m.fs.remove('/usr/local/apache2/logs/httpd.pid');
    } catch { /* gone */ }
    return 0;
  }
}

export class Mysqld extends Base {
  constructor(pid: number, argv: string[], tty: boolean, start: number, private m: Machine, private env: string[]) {
    super(pid, argv, tty, start);
  }
  async boot(out: Out): Promise<void> {
    const t = new Date(this.start).toISOString().slice(0, 19).replace('T', ' ') + '+00:00';
    const note = (s: string) => out.out(`${t} [Note] [Entrypoint]: ${s}\n`);
    note('Entrypoint script for MySQL Server 9.3.0-1.el9 started.');
    note("Switching to dedicated user 'mysql'");
    note('Entrypoint script for MySQL Server 9.3.0-1.el9 started.');
    const has = (k: string) => this.env.some((e) => e.startsWith(k + '=') && e.length > k.length + 1);
    if (!has('MYSQL_ROOT_PASSWORD') && !has('MYSQL_ALLOW_EMPTY_PASSWORD') && !has('MYSQL_RANDOM_ROOT_PASSWORD')) {
      out.err(`${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`);
      this.exitCode = 1;
      return;
    }
    if (!this.m.fs.list(['var', 'lib', 'mysql']).size) {
      note('Initializing database files');
      this.m.fs.putNode('/var/lib/mysql/ibdata1', { kind: 'file', size: 12582912, mode: 0o640, mtime: this.start });
      note('MySQL init process done. Ready for start up.');
    }
    const z = new Date(this.start).toISOString().replace(/\.\d+Z$/, '.000000Z');
    out.err(`${z} 0 [System] [MY-015015] [Server] MySQL Server - start.\n${z} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 9.3.0) starting as process 1\n${z} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.3.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n`);
  }
  signal(sig: number, out: Out): number | null {
    if (sig === 9) return 137;
    if (sig !== 15 && sig !== 2 && sig !== 3) return null;
    const z = new Date(this.m.now()).toISOString().replace(/\.\d+Z$/, '.000000Z');
    out.err(`${z} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 9.3.0).\n${z} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld 9.3.0)  MySQL Community Server - GPL.\n${z} 0 [System] [MY-015016] [Server] MySQL Server - end.\n`);
    return 0;
  }
}

export class Hello extends Base {
  async boot(out: Out): Promise<void> {
    out.out(HELLO_TEXT);
    this.exitCode = 0;
  }
}

/** The node and python REPLs (with `-it`); without stdin they read EOF and exit 0. */
export class Repl extends Base {
  private line = 0;
  constructor(pid: number, argv: string[], tty: boolean, start: number, private kind: 'node' | 'python', private stdinOpen: boolean) {
    super(pid, argv, tty, start);
    this.readsInput = stdinOpen;
  }
  prompt(): string {
    return this.kind === 'node' ? '> ' : '>>> ';
  }
  async boot(out: Out): Promise<void> {
    if (!this.stdinOpen) {
      this.exitCode = 0;
      return;
    }
    if (this.kind === 'node') out.out('Welcome to Node.js v14.21.3.\nType ".help" for more information.\n');
    else out.out('Python 3.13.3 (main, Jun  4 2025, 01:14:42) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n');
  }
  async input(raw: string, out: Out): Promise<void> {
    const line = raw.trim();
    this.line++;
    if (!line) return;
    if (this.kind === 'node' ? line === '.exit' || line === 'process.exit()' : line === 'exit()' || line === 'quit()') {
      this.exitCode = 0;
      return;
    }
    const str = /^(?:console\.log|print)\((['"])(.*)\1\)$/.exec(line) ?? /^(['"])(.*)\1$/.exec(line);
    if (str) {
      const printed = line.startsWith('console.log') || line.startsWith('print');
      out.out(printed ? str[2] + '\n' + (this.kind === 'node' ? 'undefined\n' : '') : this.kind === 'node' ? `'${str[2]}'\n` : `'${str[2]}'\n`);
      return;
    }
    try {
      const inner = /^(?:console\.log|print)\((.*)\)$/.exec(line);
      const v = evalArith(inner ? inner[1] : line);
      out.out(String(v) + '\n' + (inner && this.kind === 'node' ? 'undefined\n' : ''));
    } catch {
      const word = /^[A-Za-z_]\w*/.exec(line)?.[0] ?? line;
      if (this.kind === 'node') out.out(`Uncaught ReferenceError: ${word} is not defined\n`);
      else out.out(`Traceback (most recent call last):\n  File "<python-input-${this.line - 1}>", line 1, in <module>\n    ${line}\nNameError: name '${word}' is not defined\n`);
    }
  }
  async eof(out: Out): Promise<void> {
    if (this.kind === 'node') out.out('\n');
    this.exitCode = 0;
  }
  async interrupt(out: Out): Promise<void> {
    out.out(this.kind === 'node' ? '(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n' : 'KeyboardInterrupt\n');
  }
}

/** How both PID 1 and `exec` start a program: a shell that reads its input, or a command run to completion. */
export function startProgram(m: Machine, pid: number, argv: string[], start: number, o: { env: string[]; cwd: string; tty: boolean; stdin: boolean; user?: string }): Proc {
  const path = new Shell(m, 'bash', 'sh', false, o.env, o.cwd, o.tty, o.user).which(argv[0]) ?? argv[0];
  const flavor = flavorAt(m.fs, path, o.cwd);
  const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  if (['bash', 'sh', 'dash', 'ash'].includes(base) && !argv.includes('-c')) {
    return new ShellProc(pid, argv, o.tty, start, new Shell(m, flavor, argv[0], o.tty, o.env, o.cwd, o.tty, o.user), o.stdin);
  }
  return new OneShot(pid, argv, o.tty, start, new Shell(m, flavor === 'ash' ? 'ash' : 'bash', 'sh', false, o.env, o.cwd, o.tty, o.user));
}

export { flavorAt };

/**
 * `node app.js` (or `npm start`) as the main process: it prints what the script logs and, when
 * the script listens on a port, stays up serving it. Node as PID 1 installs no signal handlers,
 * so SIGTERM is ignored and `docker stop` ends it with SIGKILL after the grace period.
 */
export class NodeApp extends Base {
  port?: number;
  body = '';
  constructor(pid: number, argv: string[], tty: boolean, start: number, private m: Machine, private cwd: string, private file: string, private env: Record<string, string>, private banner = '') {
    super(pid, argv, tty, start);
  }
  async boot(out: Out): Promise<void> {
    const r = runScript(this.m.fs, this.cwd, this.file, this.env);
    out.out(this.banner + r.out);
    out.err(r.err);
    this.port = r.port;
    this.body = r.body || 'Hello World!';
    if (r.code !== 0 || r.port === undefined) this.exitCode = r.code;
  }
}
