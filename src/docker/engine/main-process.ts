/**
 * What runs as PID 1: the program the image's entrypoint hands over to (a server, a REPL, a
 * shell, a one-shot command), or runc's exit-127 error when it is not in the filesystem.
 */
import { ApiError } from '../api';
import type { Ctr, Engine } from './engine';
import { Hello, Httpd, Mysqld, Nginx, NodeApp, Repl, startProgram, type Proc } from './process';
import { npmScript } from './shell/node';
import { Shell } from './shell/sh';
import type { Machine } from './shell/types';

export const mainProcess = {
  /** Brings back the main process of a container that was running when the state was saved. */
  revive(this: Engine, c: Ctr, state: unknown, deadline?: number): void {
    const p = this.spawnMain(c);
    p.restore(state);
    if (deadline !== undefined) p.deadline = deadline;
    c.proc = p;
  },

  /** Picks the main program from Path/Args, as the image's entrypoint script would. */
  spawnMain(this: Engine, c: Ctr): Proc {
    const m = this.machine(c);
    let argv = [c.path, ...c.args];
    const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);
    const tty = c.config.Tty;
    const start = this.now();
    // Entrypoint scripts of the catalogue hand over to their arguments.
    if (base(argv[0]) === 'docker-entrypoint.sh' && argv.length > 1) {
      const next = argv[1];
      if (next === 'nginx' || next === 'nginx-debug') return new Nginx(1, argv, tty, start, m, this.osId(c) === 'alpine');
      if (next === 'mysqld') return new Mysqld(1, ['mysqld'], tty, start, m, c.config.Env);
      if (next.startsWith('-')) argv = ['node', ...argv.slice(1)];
      else argv = argv.slice(1);
    }
    this.requireExecutable(c, argv[0], m);
    const b = base(argv[0]);
    if (b === 'hello') return new Hello(1, argv, tty, start);
    if (b === 'httpd-foreground') return new Httpd(1, argv, tty, start, m);
    if (b === 'node' && argv.length === 1) return new Repl(1, argv, tty, start, 'node', c.config.OpenStdin);
    if (/^python3?(\.\d+)?$/.test(b) && argv.length === 1) return new Repl(1, argv, tty, start, 'python', c.config.OpenStdin);
    const env = c.config.Env;
    const cwd = c.config.WorkingDir || '/';
    const envMap = Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
    if (b === 'node' && argv.length === 2 && !argv[1].startsWith('-')) return new NodeApp(1, argv, tty, start, m, cwd, argv[1], envMap);
    // `npm start` runs its script under npm; a `node file` script becomes the server it starts.
    if (b === 'npm' && (argv[1] === 'start' || (argv[1] === 'run' && argv.length === 3))) {
      const s = npmScript(m.fs, cwd, argv[1] === 'run' ? argv[2] : 'start');
      const file = 'script' in s ? /^node\s+(\S+)$/.exec(s.script.trim())?.[1] : undefined;
      if (file && 'banner' in s) return new NodeApp(1, argv, tty, start, m, cwd, file, envMap, s.banner);
    }
    const user = c.config.User && c.config.User !== '0' && c.config.User !== 'root' ? c.config.User : 'root';
    return startProgram(m, 1, argv, start, { env, cwd, tty, stdin: c.config.OpenStdin, user });
  },

  osId(this: Engine, c: Ctr): string {
    try {
      return /^ID=(\S+)/m.exec(this.fsOf(c).readFile('/etc/os-release'))?.[1] ?? '';
    } catch {
      return '';
    }
  },

  /** runc's check that the executable exists (exit 127 errors of `docker run`). */
  requireExecutable(this: Engine, c: Ctr, cmd: string, m: Machine): void {
    const probe = new Shell(m, 'bash', 'sh', false, c.config.Env, c.config.WorkingDir || '/', false);
    if (probe.which(cmd)) return;
    const base = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';
    const why = cmd.includes('/') ? `exec: "${cmd}": stat ${cmd}: no such file or directory` : `exec: "${cmd}": executable file not found in $PATH`;
    throw new ApiError(400, `${base}${why}: unknown`, 127);
  },
};
