/**
 * mariadbd as the main process of the mariadb images: its entrypoint's notes (the first start
 * initialises the data directory with a temporary server), the server's own log, and the SQL
 * engine and accounts of the mysql image behind port 3306 and the socket.
 */
import { entrypoint, program, type Launch, type Proc } from './process';
import { envVar } from './env-var';
import { sha256 } from '../common/hash';
import { MYSQL_SOCK, mysqlInit, mysqlServe, serverVersion } from './sql/mysql';
import type { Command } from './shell/types';

/** The entrypoint's file_env: each MYSQL_ variable stands for its MARIADB_ one. */
export const mariaEnv = (env: string[]): string[] => [...env, ...env.filter((e) => e.startsWith('MARIADB_')).map((e) => 'MYSQL_' + e.slice(8).replace('_EMPTY_ROOT_', '_EMPTY_'))];
const has = (env: string[], k: string) => envVar(env, 'MARIADB_' + k) || envVar(env, 'MYSQL_' + k);
/** The server's log time: `2025-06-16  9:30:00`. */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/T0?/, (t) => (t === 'T0' ? '  ' : ' '));
const DIST = 'mariadb.org binary distribution';

export function mariadbd(at: Launch, raw: string[]): Proc {
  const { m, start } = at;
  const env = mariaEnv(raw);
  const v = serverVersion(env);
  const server = (ms: number, lines: string[]) => lines.map((l) => (l.startsWith('Version') ? l : `${stamp(ms)} 0 [Note] ${l}`) + '\n').join('');
  const ready = (port: number) => ['mariadbd: ready for connections.', `Version: '${v}'  socket: '/run/mysqld/mysqld.sock'  port: ${port}  ${DIST}`];
  const starting = (pid: number) => `Starting MariaDB ${v} source revision ${sha256(v).slice(0, 40)} server_uid ${btoa(sha256(m.hostname).slice(0, 20))} as process ${pid}`;
  const stop = (ms: number) => server(ms, ['mariadbd (initiated by: unknown): Normal shutdown', 'InnoDB: Starting shutdown...', 'mariadbd: Shutdown complete']) + '\n';
  return program(at, {
    async boot(out) {
      const [note, refuse] = entrypoint(out, start, 'MariaDB Server ' + envVar(env, 'MARIADB_VERSION'));
      if (!m.fs.list(['var', 'lib', 'mysql']).size) {
        if (!['ROOT_PASSWORD', 'ROOT_PASSWORD_HASH', 'ALLOW_EMPTY_ROOT_PASSWORD', 'RANDOM_ROOT_PASSWORD', 'ALLOW_EMPTY_PASSWORD'].some((k) => has(env, k))) {
          refuse(`\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD\n`);
          return void (this.exitCode = 1);
        }
        ['Initializing database files', 'Database files initialized', 'Starting temporary server', 'Waiting for server startup'].forEach(note);
        m.fs.putNode('/var/lib/mysql/ibdata1', { kind: 'file', size: 12582912, mode: 0o660, mtime: start });
        out.err(server(start, [starting(m.newPid()), ...ready(0)]));
        note('Temporary server started.');
        mysqlInit(m, env).forEach(note);
        note('Securing system users (equivalent to running mysql_secure_installation)');
        out.out('\n');
        note('Stopping temporary server');
        out.err(stop(start));
        note('Temporary server stopped');
        out.out('\n');
        note('MariaDB init process done. Ready for start up.');
        out.out('\n');
      }
      m.fs.mkdir('/var/run/mysqld', '/', true);
      m.fs.writeFile(MYSQL_SOCK, '', '/', false);
      out.err(server(start, [starting(at.pid), ...['0.0.0.0', '::'].map((ip) => `Server socket created on IP: '${ip}', port: '3306'.`), 'mariadbd: Event Scheduler: Loaded 0 events', ...ready(3306)]));
    },
    signal(sig, out) {
      if (sig !== 15 && sig !== 2 && sig !== 3) return sig === 9 ? 137 : null;
      try {
        m.fs.remove(MYSQL_SOCK);
      } catch { /* gone */ }
      out.err(stop(m.now()));
      return 0;
    },
    serve: mysqlServe(m, env),
    title: ['mariadbd'],
  });
}

export const MARIADB_PROGRAMS: Record<string, Command> = {
  mariadbd(a, io, sh) {
    if (!/^-(V|-version)$/.test(a[1] ?? '')) return io.err('mariadbd: este programa no se puede ejecutar así en el simulador; prueba mariadbd --version\n'), 1;
    io.out(`mariadbd  Ver ${serverVersion(sh.env().map(([k, x]) => `${k}=${x}`))} for debian-linux-gnu on x86_64 (${DIST})\n`);
    return 0;
  },
};
