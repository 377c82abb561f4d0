/**
 * What runs as PID 1: the program the image's entrypoint hands over to (a server, a REPL, a
 * shell, a one-shot command), or runc's exit-127 error when it is not in the filesystem.
 */
import { ApiError } from '../api';
import { FATAL } from '../common/sh/signals';
import { account, groupOf } from '../common/sh/passwd';
import { osRelease } from './fs';
import type { Ctr, Engine } from './engine';
import { baseName, daemonEnv, httpd, lookPath, mysqld, nginx, nginxEntrypoint, nodeApp, program, repl, startProgram, withHome, type Context, type Launch, type Proc } from './process';
import { npmScript, runsProgram } from './shell/node';
import { flaskMain } from './flask-app';
import { pick } from './background';
import { redisServer } from './redis';
import { postgresServer } from './postgres';
import { registryMain } from './distribution';
import { mongod } from './mongod';
import { mariadbd } from './mariadb';
import { envVar } from './env-var';
import { ctrEnv } from './links';
import type { Machine, ProcInfo } from './shell/types';


export const RUNC_FAILED = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';

export const mainProcess = {
  /** Brings back the main process of a container that was running when the state was saved. */
  revive(this: Engine, c: Ctr, state: unknown, deadline?: number): void {
    const p = this.spawnMain(c);
    p.restore(state);
    if (deadline !== undefined) p.deadline = deadline;
    c.proc = p;
  },

  /**
   * `--init`: docker-init (tini) is PID 1 and the command its child; the signals it forwards
   * get the child's default handlers, so `docker stop` ends a plain `sleep` at once.
   */
  spawnMain(this: Engine, c: Ctr, input?: string): Proc {
    const p = this.spawnProgram(c, input);
    // the servers started by an entrypoint script got the daemon's environment and root's HOME
    p.env ??= withHome(daemonEnv(ctrEnv(this, c), c.config.Hostname, c.config.Tty), '/root');
    if (!c.hostConfig.Init) return p;
    const own = p.signal.bind(p);
    p.signal = (sig, out) => own(sig, out) ?? (FATAL.includes(sig) && !p.readsInput && !p.traps?.(sig) ? 128 + sig : null);
    return p;
  },

  /** docker-init's line in `ps` and `docker top`, above the command it started. */
  initProc(this: Engine, c: Ctr): ProcInfo[] {
    const p = c.proc;
    return c.hostConfig.Init && p && p.exitCode === null ? [{ pid: 1, ppid: 0, argv: ['/sbin/docker-init', '--', c.path, ...c.args], tty: p.tty, start: p.start }] : [];
  },

  /** Picks the main program from Path/Args, as the image's entrypoint script would. */
  spawnProgram(this: Engine, c: Ctr, input?: string): Proc {
    const m = this.machine(c);
    // Under docker-init the command is its first child.
    const pid = c.hostConfig.Init ? 7 : 1;
    if (pid > 1) c.nextPid = Math.max(c.nextPid, 8);
    this.requireUser(c.config.User, m);
    const { Tty: tty, OpenStdin: stdin, User } = c.config;
    const env = ctrEnv(this, c);
    const rootEnv = () => withHome(daemonEnv(env, m.hostname, tty), '/root');
    let argv = [c.path, ...c.args];
    const launch = (): Launch => ({ pid, argv, tty, start: this.now(), m, user: User });
    let configure = false;
    // Entrypoint scripts of the catalogue hand over to their arguments.
    if (baseName(argv[0]) === 'docker-entrypoint.sh' && argv.length > 1) {
      const cwd = c.config.WorkingDir || '/';
      const ownNginx = !lookPath(m, env, cwd, 'nginx');
      const server = ownNginx ? undefined : entrypointServer(m, env, cwd, argv[1]);
      if (server) argv = [argv[0], server, ...argv.slice(1)];
      const next = argv[1];
      const web = next === 'nginx' || next === 'nginx-debug';
      // An option that makes the program answer and leave skips the script's setup (`_pg_want_help`,
      // `_mysql_want_help`; nginx's scripts still run): it is exec'd as given, as root.
      const asks = (re: RegExp) => argv.slice(2).some((a) => re.test(a));
      const leave = next === 'postgres' ? asks(/^(-[?V]|--(help|version|describe-config))$/) : next === 'mysqld' ? asks(/^(-[?V]|--(help|version|print-defaults))$/)
        : next === 'mariadbd' ? asks(/^(-[?V]|--(help|version|print-defaults))$/) : next === 'mongod' ? asks(/^(-[hf]|--(help|version))$/) : next === 'redis-server' ? /^-(v|-version|h|-help)$/.test(argv[2]) : web && asks(/^-\w*[?hvVtTs]/);
      if (web && !leave) return nginx(launch(), this.osId(c) === 'alpine', false, env);
      configure = web;
      // nginx's script ends in `exec "$@"` on its line 47, under dash or busybox ash
      const no = ownNginx ? lookPath(m, env, cwd, next) : undefined;
      if (no) {
        const why = no.code === 126 ? 'Permission denied' : 'not found';
        const msg = this.osId(c) === 'alpine' ? `exec: line 47: ${next}: ${why}` : `47: exec: ${next}: ${why}`;
        return program(launch(), { async boot(out) { out.err(`${argv[0]}: ${msg}\n`); this.exitCode = no.code; } });
      }
      // their options (`--appendonly yes`, `-c max_connections=200`) change nothing a lesson sees;
      // started as root, the script steps down to the image's own user with gosu
      const gosu = (p: Proc, name: string): Proc => Object.assign(p, { user: User && !/^(0|root)(:|$)/.test(User) ? User : name });
      if (!leave && next === 'redis-server') return gosu(redisServer(launch()), 'redis');
      if (!leave && next === 'postgres') return gosu(postgresServer(launch(), env), 'postgres');
      if (!leave && next === 'mariadbd') return gosu(mariadbd(launch(), env), 'mysql');
      if (!leave && next === 'mongod') return gosu(mongod(launch(), env), 'mongodb');
      if (!leave && next === 'mysqld') {
        argv = ['mysqld'];
        return gosu(mysqld(launch(), env), 'mysql');
      }
      argv = argv.slice(1);
    }
    // The registry images' entrypoint: `registry serve` for a config file (or `serve`), anything else exec'd as given.
    if (baseName(argv[0]) === 'entrypoint.sh' && argv.length > 1 && !lookPath(m, env, '/', 'registry')) {
      argv = /\.ya?ml$/.test(argv[1]) ? ['registry', 'serve', ...argv.slice(1)] : /^(serve|garbage-collect|help|-.*)$/.test(argv[1]) ? ['registry', ...argv.slice(1)] : argv.slice(1);
    }
    const reg = baseName(argv[0]) === 'registry' && !lookPath(m, env, '/', argv[0]) && registryMain(launch());
    if (reg) return reg;
    // the php images' entrypoint puts php before an option and execs the rest
    if (baseName(argv[0]) === 'docker-php-entrypoint' && argv.length > 1) argv = argv[1].startsWith('-') ? ['php', ...argv.slice(1)] : argv.slice(1);
    this.requireExecutable(c, argv[0], m);
    // A shell-form CMD of one simple command (`CMD node app.js`): dash, ash and bash exec it, so the
    // runtime it names is PID 1 and serves as in the exec form.
    const one = argv[1] === '-c' && argv.length === 3 && /^(ba|da|a)?sh$/.test(baseName(argv[0])) ? /^\s*(?:exec\s+)?([^\s;&|<>$`'"\\]+(?:\s+[^\s;&|<>$`'"\\]+)*)\s*$/.exec(argv[2])?.[1].split(/\s+/) : undefined;
    if (one && /^(node|npm|python3?(\.\d+)?|flask|sleep)$/.test(baseName(one[0]))) argv = one;
    const b = baseName(argv[0]);
    const o: Context = { env, cwd: c.config.WorkingDir || '/', stdin, user: User && User !== '0' && User !== 'root' ? User : 'root', input };
    if (b === 'httpd-foreground') return httpd(launch());
    if (b === 'apache2-foreground') return httpd(launch(), envVar(env, 'PHP_VERSION') || '8.4.8');
    if (argv.length === 1 && (b === 'node' || /^python3?(\.\d+)?$/.test(b))) return repl(launch(), b === 'node' ? 'node' : 'python', stdin, rootEnv(), o.cwd);
    // node as PID 1 sees what runc hands it: PATH, HOSTNAME, the image's variables, HOME
    if (b === 'node' && runsProgram(argv)) return nodeApp(launch(), { ...o, env: rootEnv() }, argv.slice(1));
    const flask = ((/^python3?(\.\d+)?$/.test(b) && /^(-u )?[^-]\S*$/.test(argv.slice(1).join(' '))) || (b === 'flask' && argv[1] === 'run')) && flaskMain(launch(), o, rootEnv(), argv);
    if (flask) return flask;
    if (/^python3?(\.\d+)?$/.test(b) && argv[1] === '-m' && argv[2] === 'http.server') return pick(launch(), env, o.cwd)!;
    // `npm start` runs its script under npm; a `node file` script becomes the server it starts.
    if (b === 'npm' && (argv[1] === 'start' || (argv[1] === 'run' && argv.length === 3))) {
      const s = npmScript(m.fs, o.cwd, argv[1] === 'run' ? argv[2] : 'start');
      const file = 'script' in s ? /^node\s+(\S+)$/.exec(s.script.trim())?.[1] : undefined;
      if (file && 'banner' in s) return nodeApp(launch(), o, [file], s.banner);
    }
    const p = startProgram(launch(), o);
    if (configure) {
      const boot = p.boot.bind(p);
      p.boot = async (out) => (nginxEntrypoint(m, out, m.fs, env), boot(out));
    }
    return p;
  },

  osId(this: Engine, c: Ctr): string {
    return /^ID=(\S+)/m.exec(osRelease(this.fsOf(c)))?.[1] ?? '';
  },

  /** The daemon's getUser when it builds the OCI spec: a user name must be in /etc/passwd, a group name in /etc/group. */
  requireUser(this: Engine, user: string, m: Machine): void {
    const name = user.split(':')[0];
    if (name && !/^\d+$/.test(name) && !account(m.fs, name)) throw new ApiError(500, `unable to find user ${name}: no matching entries in passwd file`);
    if (Number.isNaN(groupOf(m.fs, user))) throw new ApiError(500, `unable to find group ${user.slice(name.length + 1)}: no matching entries in group file`);
  },

  /** runc's check that the executable exists (exit 127 errors of `docker run`). */
  requireExecutable(this: Engine, c: Ctr, cmd: string, m: Machine): void {
    const no = lookPath(m, c.config.Env, c.config.WorkingDir || '/', cmd);
    if (no) throw new ApiError(400, `${RUNC_FAILED}${no.why}: unknown${no.tail}`, no.code);
  },
};

/**
 * The server an official entrypoint script puts before a first argument that is one of its
 * options: redis's for `-…` or `*.conf`, postgres's and mysql's for `-…`, node's for `-…`, a
 * name that is no command, or a file that is not executable (nginx's script puts none: not asked there).
 */
function entrypointServer(m: Machine, env: string[], cwd: string, first: string): string | undefined {
  const has = (p: string) => lookPath(m, env, cwd, p) === undefined;
  const flag = first.startsWith('-');
  if (has('redis-server')) return flag || first.endsWith('.conf') ? 'redis-server' : undefined;
  if (has('postgres')) return flag ? 'postgres' : undefined;
  if (has('mariadbd')) return flag ? 'mariadbd' : undefined;
  if (has('mysqld')) return flag ? 'mysqld' : undefined;
  if (has('mongod')) return flag ? 'mongod' : undefined;
  if (!has('node')) return undefined;
  if (flag || !has(first)) return 'node';
  try {
    const n = m.fs.resolve(first, cwd).node;
    return n?.kind === 'file' && !(n.mode & 0o111) ? 'node' : undefined;
  } catch {
    return undefined;
  }
}
