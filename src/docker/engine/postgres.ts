/**
 * The postgres images' main process: the entrypoint's check of the superuser password, initdb and
 * its temporary server on the first start, then the postmaster and its background workers; and
 * psql's interactive session.
 */
import { program, type Context, type Launch, type Proc } from './process';
import type { Out } from './shell/types';
import { envVar } from './env-var';
import { PG_NO_PASSWORD, PG_SOCKET, pgBuild, pgFailed, pgServe, psqlArgs, psqlBanner, psqlLine, psqlOpen, psqlPrompt, type PgConn } from './shell/psql';

const NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`;
const initdb = (data: string) => `The files belonging to this database system will be owned by user "postgres".
This user must also own the server process.

The database cluster will be initialized with locale "en_US.utf8".
The default database encoding has accordingly been set to "UTF8".
The default text search configuration will be set to "english".

Data page checksums are disabled.

fixing permissions on existing directory ${data} ... ok
creating subdirectories ... ok
selecting dynamic shared memory implementation ... posix
selecting default "max_connections" ... 100
selecting default "shared_buffers" ... 128MB
selecting default time zone ... Etc/UTC
creating configuration files ... ok
running bootstrap script ... ok
performing post-bootstrap initialization ... ok
syncing data to disk ... ok


Success. You can now start the database server using:

    pg_ctl -D ${data} -l logfile start

`;
const WORKERS = ['checkpointer', 'background writer', 'walwriter', 'autovacuum launcher', 'logical replication launcher'];
/** What each stop signal asks of the postmaster (docker stop sends the image's SIGINT: fast). */
const MODES: Record<number, string> = { 15: 'smart', 2: 'fast', 3: 'immediate' };
/** PostgreSQL's log time: `2025-06-10 09:30:00.123 UTC`. */
const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', ' UTC');

export function postgresServer(at: Launch, env: string[]): Proc {
  const { m } = at;
  const get = (k: string) => envVar(env, k);
  const data = get('PGDATA') || '/var/lib/postgresql/data';
  // the image's release (PG_VERSION `16.9-1.pgdg120+1` or `16.9`); 17 added the LSNs to the checkpoint line
  const build = () => pgBuild(m, get('PG_VERSION').split('-')[0] || '17.5');
  const control = data + '/global/pg_control';
  const major = () => Number(get('PG_MAJOR') || 17);
  // the postmaster's workers: checkpointer first, the logical replication launcher last
  let pids: number[] = [];
  const log = (pid: number, lines: string[]) => lines.map((l) => `${stamp(m.now())} [${pid}] LOG:  ${l}\n`).join('');
  const lastStop = () => {
    const n = m.fs.resolve(control).node;
    return stamp(n && 'mtime' in n ? n.mtime : m.now()).slice(0, 19) + ' UTC';
  };
  const start = (pid: number, tcp: boolean) => log(pid, [`starting ${build()}`, ...(tcp ? ['listening on IPv4 address "0.0.0.0", port 5432', 'listening on IPv6 address "::", port 5432'] : []), `listening on Unix socket "${PG_SOCKET}"`])
    + log(pids[2], [`database system was shut down at ${lastStop()}`]) + log(pid, ['database system is ready to accept connections']);
  const stop = (pid: number, mode: string) => {
    const [ckpt, , , , launcher] = pids;
    const text = log(pid, [`received ${mode} shutdown request`, ...(mode === 'immediate' ? [] : [...(mode === 'fast' ? ['aborting any active transactions'] : []), `background worker "logical replication launcher" (PID ${launcher}) exited with exit code 1`])])
      // log_checkpoints is on from 15
      + (mode === 'immediate' ? '' : log(ckpt, ['shutting down', ...(major() < 15 ? [] : ['checkpoint starting: shutdown immediate', `checkpoint complete: wrote ${pid === 1 ? 0 : 3} buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.006 s; sync files=${pid === 1 ? 0 : 2}, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB${major() < 17 ? '' : '; lsn=0/1908A18, redo lsn=0/1908A18'}`])]))
      + log(pid, ['database system is shut down']);
    m.fs.putNode(control, { kind: 'file', size: 8192, mode: 0o600, mtime: m.now() });
    return text;
  };
  const spawn = (from: number) => {
    while (m.newPid() < from);
    // checkpointer, background writer, startup (gone once recovery ends), walwriter, autovacuum, replication launcher
    const all = [0, 1, 2, 3, 4, 5].map(() => m.newPid());
    pids = [all[0], all[1], all[2], all[3], all[4], all[5]];
  };
  return program(at, {
    async boot(out) {
      if (!m.fs.resolve(data + '/PG_VERSION').node) {
        if (!get('POSTGRES_PASSWORD') && get('POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
          out.err(NO_PASSWORD);
          this.exitCode = 1;
          return;
        }
        out.out(initdb(data));
        // before 15 the hint was a paragraph of its own
        out.err(`initdb: warning: enabling "trust" authentication for local connections\n${major() < 15 ? 'You can change this by editing pg_hba.conf or using the option -A, or\n--auth-local and --auth-host, the next time you run initdb.' : 'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.'}\n`);
        m.fs.writeFile(data + '/PG_VERSION', (get('PG_MAJOR') || '17') + '\n', '/', false);
        for (const d of ['base', 'global', 'pg_wal', 'pg_xact', 'pg_stat', 'pg_tblspc', 'pg_logical']) m.fs.mkdir(`${data}/${d}`, '/', true);
        for (const d of ['template0', 'template1', 'postgres', get('POSTGRES_DB') || get('POSTGRES_USER')]) if (d) m.fs.mkdir(`${data}/base/${d}`, '/', true);
        m.fs.putNode(control, { kind: 'file', size: 8192, mode: 0o600, mtime: m.now() });
        m.fs.putNode(data + '/postgresql.conf', { kind: 'file', size: 30702, mode: 0o600, mtime: m.now() });
        m.fs.putNode(data + '/pg_hba.conf', { kind: 'file', size: 5743, mode: 0o600, mtime: m.now() });
        spawn(47);
        const tmp = pids[0] - 1;
        out.out('waiting for server to start....');
        out.err(start(tmp, false));
        const db = get('POSTGRES_DB');
        out.out(` done\nserver started\n${db && db !== 'postgres' ? 'CREATE DATABASE\n' : ''}\n/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*\n\nwaiting for server to shut down...`);
        out.err(stop(tmp, 'fast'));
        out.out(' done\nserver stopped\n\nPostgreSQL init process complete; ready for start up.\n\n');
      } else out.out('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
      spawn(62);
      out.err(start(1, true));
      m.fs.writeFile(PG_SOCKET, '', '/', false);
      m.fs.writeFile(data + '/postmaster.pid', `1\n${data}\n${Math.floor(at.start / 1000)}\n5432\n/var/run/postgresql\n*\n`, '/', false);
    },
    signal(sig, out) {
      const mode = MODES[sig];
      if (!mode) return sig === 9 ? 137 : null;
      out.err(stop(1, mode));
      for (const f of [PG_SOCKET, data + '/postmaster.pid']) {
        try {
          m.fs.remove(f);
        } catch { /* gone */ }
      }
      return 0;
    },
    serve: pgServe(m, env),
    title: ['postgres'],
    children: () => WORKERS.map((w, i) => ({ pid: pids[[0, 1, 3, 4, 5][i]], ppid: 1, argv: [`postgres: ${w} `], tty: false, start: at.start, user: 'postgres' })),
    save: () => pids,
    restore(s) {
      if (Array.isArray(s)) pids = s as number[];
    },
  });
}

/** psql's session: its banner, the database's prompt (`-#` while a statement goes on), a statement per `;`. */
export function psqlRepl(at: Launch, o: Context): Proc {
  const { m } = at;
  const a = psqlArgs(at.argv, o.env);
  const conn: PgConn & { buf: string; n?: number } = { db: a.db, buf: '', n: at.tty ? undefined : 0 };
  // '' while the server waits for the password
  let no: string | undefined;
  const open = (out: Out, pass?: string) => {
    no = psqlOpen(m, o.env, a, conn, pass);
    if (no) out.err(no);
    else if (no === undefined && at.tty) out.out(psqlBanner(m));
    return no ? 2 : null;
  };
  return program(at, {
    readsInput: o.stdin,
    prompt: () => (no === '' ? `Password for user ${a.user}: ` : at.tty ? psqlPrompt(conn) : ''),
    async boot(out) {
      this.exitCode = open(out);
      if (no === undefined && !o.stdin) this.exitCode = 0;
      if (no === '' && !o.stdin) (out.err(pgFailed(m, a.host) + PG_NO_PASSWORD), (this.exitCode = 2));
      this.echo = no !== '';
    },
    async input(line, out) {
      if (no === '') return (this.echo = true), void (this.exitCode = open(out, line));
      if (!psqlLine(m, o.env, conn, line, out)) this.exitCode = 0;
    },
    async eof(out) {
      if (at.tty) out.out('\\q\n');
      this.exitCode = 0;
    },
    async interrupt(out) {
      conn.buf = '';
      out.out('\n');
    },
  });
}
