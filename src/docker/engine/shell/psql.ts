/**
 * psql as a first look at PostgreSQL uses it: connecting through the server's socket (the role and
 * databases of the cluster), the meta-commands \l, \c, \d, \dt, \conninfo and \q, and the SQL
 * of sql/eval with PostgreSQL's command tags, aligned tables and errors.
 */
import { describePg, run, type Session } from '../sql/eval';
import { SqlError, statements } from '../sql/parse';
import { promptLoop } from '../sql/prompt-loop';
import { serveWire } from '../sql/wire';
import { Store } from '../sql/store';
import type { Command, Machine } from './types';
import { envList } from './node';
import { envVar } from '../env-var';

export const PG_SOCKET = '/var/run/postgresql/.s.PGSQL.5432';
const alpine = (m: Machine) => m.fs.resolve('/etc/alpine-release').node !== undefined;
/** The image's PostgreSQL release, from the PG_VERSION its processes were started with. */
const release = (m: Machine) => {
  for (const p of m.procs()) {
    const v = p.env?.find((e) => e.startsWith('PG_VERSION='));
    if (v) return v.slice(11).split('-')[0];
  }
  return '17.5';
};
/** What `SELECT version()` and the server's first log line say of the build. */
export const pgBuild = (m: Machine, v = release(m)) => alpine(m)
  ? `PostgreSQL ${v} on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit`
  : `PostgreSQL ${v} (Debian ${v}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`;
export const psqlVersion = (m: Machine, v = release(m)) => (alpine(m) ? v : `${v} (Debian ${v}-1.pgdg120+1)`);

/** psql's options: who connects to which database, and the command of `-c`. */
export function psqlArgs(args: string[], env: string[]): { user: string; db: string; c?: string; version?: boolean; host?: string } {
  let host: string | undefined;
  let user = env.find((e) => e.startsWith('PGUSER='))?.slice(7) ?? 'root';
  let db: string | undefined;
  let c: string | undefined;
  let version = false;
  for (let i = 1; i < args.length; i++) {
    const [flag, glued] = [args[i].slice(0, 2), args[i].slice(2)];
    const val = () => glued || args[++i] || '';
    if (flag === '-U') user = val();
    else if (flag === '-d') db = val();
    else if (flag === '-c') c = val();
    else if (/^--?(V|version)$/.test(args[i])) version = true;
    else if (flag === '-h') host = val();
    else if (flag === '-p') val();
    else if (!args[i].startsWith('-')) db = args[i];
  }
  return { user, db: db ?? user, c, version, host };
}

/** The cluster's databases: a directory each under PGDATA/base (an older data directory: the ones the image made). */
export function pgStore(m: Machine, env: string[]): Store {
  const st = new Store(m.fs, (envVar(env, 'PGDATA') || '/var/lib/postgresql/data') + '/base');
  if (!st.dbs().length && m.fs.resolve(st.root).node) [envVar(env, 'POSTGRES_DB') || envVar(env, 'POSTGRES_USER') || 'postgres', 'postgres', 'template0', 'template1'].forEach(st.createDb);
  return st;
}

/** Why the connection fails (psql's message), or undefined when it is accepted. */
export function psqlConnect(m: Machine, env: string[], user: string, db: string): string | undefined {
  const failed = `psql: error: connection to server on socket "${PG_SOCKET}" failed: `;
  if (!m.fs.resolve(PG_SOCKET).node) return `${failed}No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n`;
  const role = envVar(env, 'POSTGRES_USER') || 'postgres';
  if (user !== role) return `${failed}FATAL:  role "${user}" does not exist\n`;
  if (!pgStore(m, env).hasDb(db)) return `${failed}FATAL:  database "${db}" does not exist\n`;
  return undefined;
}

/** psql's aligned table: the title and headers centred, numbers to the right, a line of dashes, the row count. */
function table(head: string[], rows: string[][], title = '', num: boolean[] = [], count = true): string {
  // A cell that goes on in the next line ends in ` +`, the mark written in the column's margin.
  const len = (c: string) => c.length - (c.endsWith(' +') ? 1 : 0);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => len(r[i]))));
  const n = rows.filter((r) => r[0]).length;
  const line = (cells: string[], center = false) => ' ' + cells.map((c, i) => (center ? c.padStart((w[i] + c.length) >> 1).padEnd(w[i]) : num[i] ? c.padStart(w[i]) : i < cells.length - 1 ? c.padEnd(w[i]) : c)).join(' | ') + (center ? ' ' : '');
  const width = w.reduce((a, b) => a + b + 3, -1);
  return (title ? title.padStart((width + title.length) >> 1).padEnd(width).trimEnd() + '\n' : '') + line(head, true) + '\n' + w.map((x) => '-'.repeat(x + 2)).join('+') + '\n' + rows.map((r) => line(r) + '\n').join('') + (count ? `(${n} row${n === 1 ? '' : 's'})\n\n` : '');
}

const ERRORS: Record<string, string> = {
  notable: 'relation "$1" does not exist',
  nocol: 'column "$0" does not exist',
  nocolrel: 'column "$0" of relation "$2" does not exist',
  nofn: 'function $0() does not exist\nHINT:  No function matches the given name and argument types. You might need to add explicit type casts.',
  texists: 'relation "$0" already exists',
  dbexists: 'database "$0" already exists',
  dropdb: 'database "$0" does not exist',
  dropcur: 'cannot drop the currently open database',
  droptable: 'table "$1" does not exist',
  dup: 'duplicate key value violates unique constraint "$5"\nDETAIL:  Key ($2)=($3) already exists.',
  ambig: 'column reference "$0" is ambiguous',
  subrows: 'more than one row returned by a subquery used as an expression',
  cols1: 'subquery must return only one column',
  fkchild: 'insert or update on table "$1" violates foreign key constraint "$2"\nDETAIL:  Key ($3)=($7) is not present in table "$4".',
  fkparent: 'update or delete on table "$4" violates foreign key constraint "$2" on table "$1"\nDETAIL:  Key ($5)=($7) is still referenced from table "$1".',
  fkdrop: 'cannot drop table $0 because other objects depend on it\nDETAIL:  constraint $1 on table $2 depends on table $0\nHINT:  Use DROP ... CASCADE to drop the dependent objects too.',
  nodrop: 'column "$0" of relation "$1" does not exist',
  dupcol: 'column "$0" of relation "$1" already exists',
  null: 'null value in column "$0" of relation "$1" violates not-null constraint\nDETAIL:  Failing row contains ($2).',
  count: 'INSERT has more expressions than target columns',
  fewer: 'INSERT has more target columns than expressions',
  badint: 'invalid input syntax for type integer: "$0"',
  badnum: 'invalid input syntax for type numeric: "$0"',
  badbool: 'invalid input syntax for type boolean: "$0"',
  long: 'value too long for type $1',
  div0: 'division by zero',
  type: 'type "$0" does not exist',
  star: 'SELECT * with no tables specified is not valid',
  baddate: 'invalid input syntax for type $3: "$0"',
  guc: 'unrecognized configuration parameter "$0"',
};

/** The server's error as psql shows it: the message, the statement's line with a caret under the place, then DETAIL or HINT. */
function pgError(e: SqlError, src: string): string {
  let pos = e.pos;
  const near = pos < 0 ? undefined : /^("[^"]*"|'[^']*'|\w+|<=|>=|<>|!=|\S)/.exec(src.slice(pos))?.[0];
  const code = e.code === 'nocol' && e.a[2] ? 'nocolrel' : e.code;
  let msg = ERRORS[code]?.replace(/\$(\d)/g, (_, k: string) => e.a[Number(k)] ?? '');
  if (!msg) (msg = near ? `syntax error at or near "${near}"` : 'syntax error at end of input'), pos < 0 && (pos = src.length);
  const [first, ...more] = msg.split('\n');
  let where = '';
  if (pos >= 0) {
    const before = src.slice(0, pos).split('\n');
    const head = `LINE ${before.length}: `;
    where = `${head}${src.split('\n')[before.length - 1]}\n${' '.repeat(head.length + before[before.length - 1].length)}^\n`;
  }
  return `ERROR:  ${first}\n${where}${more.map((l) => l + '\n').join('')}`;
}

/** What a psql session keeps: the database it is connected to, and the server's address when it went over TCP. */
export interface PgConn { db: string; remote?: (input: string) => [string, string] | null }

const PG_WIRE = '\0pg ';
interface PgWire { user: string; pass?: string; db: string; input?: string }

/** The server's side of port 5432: a password checked as the image's pg_hba.conf asks, then psql's input run here. */
export const pgServe = (m: Machine, env: string[]) => serveWire(5432, PG_WIRE, (w: PgWire) => {
  const trust = envVar(env, 'POSTGRES_HOST_AUTH_METHOD') === 'trust';
  const role = envVar(env, 'POSTGRES_USER') || 'postgres';
  // '' asks for the password; a wrong role is refused like a wrong password
  const no = trust && w.user !== role ? `role "${w.user}" does not exist` : trust ? undefined : w.pass === undefined ? '' : w.pass !== envVar(env, 'POSTGRES_PASSWORD') || w.user !== role ? `password authentication failed for user "${w.user}"` : undefined;
  const c: PgConn = { db: w.db };
  return no !== undefined ? { no } : !pgStore(m, env).hasDb(w.db) ? { no: `database "${w.db}" does not exist` } : w.input === undefined ? {} : { r: psqlRun(m, env, c, w.input), db: c.db };
});

/** The start of psql's message when a TCP connection fails. */
export const pgFailed = (m: Machine, host = '', ip = /^[\d.]+$/.test(host) ? host : m.resolve?.(host)?.ip) => `psql: error: connection to server at "${host}"${ip === host ? '' : ` (${ip})`}, port 5432 failed: `;
export const PG_NO_PASSWORD = 'fe_sendauth: no password supplied\n';

/** Connects (`-h` goes over TCP): undefined once connected, '' when the server wants a password, or psql's error. */
export function psqlOpen(m: Machine, env: string[], a: { user: string; host?: string }, c: PgConn, pass = envVar(env, 'PGPASSWORD') || undefined): string | undefined {
  const host = a.host;
  if (!host || host === 'localhost' || host === '127.0.0.1') return psqlConnect(m, env, a.user, c.db);
  const ip = /^[\d.]+$/.test(host) ? host : m.resolve?.(host)?.ip;
  if (!ip) return `psql: error: could not translate host name "${host}" to address: Name or service not known\n`;
  const failed = pgFailed(m, host);
  const call = (input?: string) => {
    const r = m.http(ip, 5432, PG_WIRE + JSON.stringify({ user: a.user, pass, db: c.db, input }));
    return r?.status === 200 ? (JSON.parse(r.body) as { no?: string; r?: [string, string] | null; db?: string }) : undefined;
  };
  const hello = call();
  if (!hello) return `${failed}Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`;
  if (hello.no !== undefined) return hello.no ? `${failed}FATAL:  ${hello.no}\n` : '';
  c.remote = (input) => {
    const r = call(input);
    c.db = r?.db ?? c.db;
    return r?.r ?? (r ? null : ['', 'server closed the connection unexpectedly\n']);
  };
  return undefined;
}

/** Runs one meta-command or SQL statement (with its `;`): [stdout, stderr]; null ends the session. */
export function psqlRun(m: Machine, env: string[], c: PgConn, input: string): [string, string] | null {
  const s = input.trim();
  if (/^\\q\b/.test(s)) return null;
  const role = envVar(env, 'POSTGRES_USER') || 'postgres';
  const store = pgStore(m, env);
  const [cmd, arg] = s.split(/\s+/);
  if (/^\\l\+?$/.test(cmd)) {
    const loc = ['UTF8', 'libc', 'en_US.utf8', 'en_US.utf8', '', ''];
    const rows = store.dbs().flatMap((n) => (/^template[01]$/.test(n) ? [[n, role, ...loc, `=c/${role}          +`], ['', '', '', '', '', '', '', '', `${role}=CTc/${role}`]] : [[n, role, ...loc, '']]));
    return [table(['Name', 'Owner', 'Encoding', 'Locale Provider', 'Collate', 'Ctype', 'Locale', 'ICU Rules', 'Access privileges'], rows, 'List of databases'), ''];
  }
  if (/^\\(c|connect)$/.test(cmd)) {
    if (arg && !store.hasDb(arg)) return ['', `connection to server on socket "${PG_SOCKET}" failed: FATAL:  database "${arg}" does not exist\nPrevious connection kept\n`];
    c.db = arg || c.db;
    return [`You are now connected to database "${c.db}" as user "${role}".\n`, ''];
  }
  if (/^\\d[t+]*$/.test(cmd)) {
    const tables = store.tables(c.db);
    if (arg) {
      const name = arg.replace(/^public\./, '');
      const tb = store.table(c.db, name);
      if (!tb) return ['', `Did not find any relation named "${arg}".\n`];
      const [r, idx] = describePg(name, tb);
      return [table(r.cols, r.rows.map((x) => x.map(String)), `Table "public.${name}"`, [], false) + idx + '\n', ''];
    }
    const seqs = cmd.startsWith('\\dt') ? [] : tables.flatMap((t) => store.table(c.db, t)!.cols.filter((x) => x.auto).map((x) => `${t}_${x.name}_seq`));
    const rows = [...tables.map((t) => ['public', t, 'table', role]), ...seqs.map((q) => ['public', q, 'sequence', role])].sort((a, b) => (a[1] < b[1] ? -1 : 1));
    return rows.length ? [table(['Schema', 'Name', 'Type', 'Owner'], rows, 'List of relations'), ''] : ['', 'Did not find any relations.\n'];
  }
  if (/^\\conninfo$/.test(s)) return [`You are connected to database "${c.db}" as user "${role}" via socket in "/var/run/postgresql" at port "5432".\n`, ''];
  if (s.startsWith('\\')) return ['', `invalid command ${cmd}\nTry \\? for help.\n`];
  const sess: Session = { d: 'pg', store, db: c.db, now: () => m.now(), version: pgBuild(m), user: role };
  try {
    const r = run(sess, s);
    if (!('cols' in r)) return [r.tag + '\n', r.notice && r.warn ? `NOTICE:  ${r.notice}\n` : ''];
    const cell = (v: unknown) => (v === null ? '' : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v));
    return [table(r.cols, r.rows.map((x) => x.map(cell)), '', r.num), ''];
  } catch (e) {
    if (!(e instanceof SqlError)) throw e;
    return ['', pgError(e, s)];
  }
}

export const psqlBanner = (m: Machine) => `psql (${psqlVersion(m)})\nType "help" for help.\n\n`;
export const psqlPrompt = (c: PgConn & { buf: string }) => `${c.db}${c.buf ? '-' : '='}# `;

/** One line typed to psql: a meta-command at once, SQL once its `;` comes; false when the session ends. */
export function psqlLine(m: Machine, env: string[], c: PgConn & { buf: string; n?: number }, line: string, out: { out(s: string): void; err(s: string): void }): boolean {
  const t = line.trim();
  // read from a pipe (n counts its lines), the server's messages say where they come from
  if (c.n !== undefined) c.n++;
  const say = { out: out.out, err: (e: string) => out.err(c.n !== undefined && /^(ERROR|NOTICE):/.test(e) ? `psql:<stdin>:${c.n}: ${e}` : e) };
  if (!c.buf && /^(exit|quit)$/.test(t)) return false;
  if (!c.buf && t.startsWith('--')) return true;
  if (!c.buf && t === 'help') return out.out('You are using psql, the command-line interface to PostgreSQL.\nType:  \\copyright for distribution terms\n       \\h for help with SQL commands\n       \\? for help with psql commands\n       \\g or terminate with semicolon to execute query\n       \\q to quit\n'), true;
  const meta = !c.buf && t.startsWith('\\');
  if (!meta) c.buf += (c.buf ? '\n' : '') + line;
  if (!meta && !t.endsWith(';')) return true;
  const r = (c.remote ?? ((q: string) => psqlRun(m, env, c, q)))(meta ? t : c.buf);
  c.buf = '';
  if (r) (say.out(r[0]), say.err(r[1]));
  return !!r;
}

const psql: Command = (args, io, sh) => {
  const env = envList(sh);
  const o = psqlArgs(args, env);
  if (o.version) return io.out(`psql (PostgreSQL) ${psqlVersion(sh.m)}\n`), 0;
  const c = { db: o.db, buf: '' } as PgConn & { buf: string };
  const no = psqlOpen(sh.m, env, o, c);
  if (no !== undefined) return io.err(no || pgFailed(sh.m, o.host) + PG_NO_PASSWORD), 2;
  if (o.c === undefined) {
    // typed at a container's shell: the session goes on at its prompt; from a pipe: line by line
    if (io.stdin === undefined && io.tty && sh.ask) return io.out(psqlBanner(sh.m)), promptLoop(sh, () => psqlPrompt(c), (t, o2) => psqlLine(sh.m, env, c, t, o2), (o2) => (o2.out('\\q\n'), 0), undefined, () => void (c.buf = '')), 0;
    const piped = { ...c, n: 0 };
    for (const line of (io.stdin ?? '').split('\n')) if (!psqlLine(sh.m, env, piped, line, io)) break;
    return 0;
  }
  // several statements in one -c: each runs, the last one's result is shown, an error stops them
  let r: [string, string] | null = null;
  const [done, rest] = o.c.startsWith('\\') ? [[], o.c] : statements(o.c);
  for (const q of [...done.map((x) => x + ';'), rest].filter((x) => x.trim())) {
    r = (c.remote ?? ((x: string) => psqlRun(sh.m, env, c, x)))(q);
    if (r?.[1].startsWith('ERROR')) break;
  }
  if (r) {
    io.out(r[0]);
    io.err(r[1]);
  }
  return r?.[1].startsWith('ERROR') ? 1 : 0;
};

/** main.c's help() of PostgreSQL 16 and 17 (built with SSL). */
const PG_HELP = `postgres is the PostgreSQL server.

Usage:
  postgres [OPTION]...

Options:
  -B NBUFFERS        number of shared buffers
  -c NAME=VALUE      set run-time parameter
  -C NAME            print value of run-time parameter, then exit
  -d 1-5             debugging level
  -D DATADIR         database directory
  -e                 use European date input format (DMY)
  -F                 turn fsync off
  -h HOSTNAME        host name or IP address to listen on
  -i                 enable TCP/IP connections (deprecated)
  -k DIRECTORY       Unix-domain socket location
  -l                 enable SSL connections
  -N MAX-CONNECT     maximum number of allowed connections
  -p PORT            port number to listen on
  -s                 show statistics after each query
  -S WORK-MEM        set amount of memory for sorts (in kB)
  -V, --version      output version information, then exit
  --NAME=VALUE       set run-time parameter
  --describe-config  describe configuration parameters, then exit
  -?, --help         show this help, then exit

Developer options:
  -f s|i|o|b|t|n|m|h forbid use of some plan types
  -O                 allow system table structure changes
  -P                 disable system indexes
  -t pa|pl|ex        show timings after each query
  -T                 send SIGABRT to all backend processes if one dies
  -W NUM             wait NUM seconds to allow attach from a debugger

Options for single-user mode:
  --single           selects single-user mode (must be first argument)
  DBNAME             database name (defaults to user name)
  -d 0-5             override debugging level
  -E                 echo statement before execution
  -j                 do not use newline as interactive query delimiter
  -r FILENAME        send stdout and stderr to given file

Options for bootstrapping mode:
  --boot             selects bootstrapping mode (must be first argument)
  --check            selects check mode (must be first argument)
  DBNAME             database name (mandatory argument in bootstrapping mode)
  -r FILENAME        send stdout and stderr to given file

Please read the documentation for the complete list of run-time
configuration settings and how to set them on the command line or in
the configuration file.

Report bugs to <pgsql-bugs@lists.postgresql.org>.
PostgreSQL home page: <https://www.postgresql.org/>
`;

export const PSQL_PROGRAMS: Record<string, Command> = {
  psql,
  postgres: (args, io, sh) => {
    // main.c answers --help and --version, and lets root describe the configuration, before its root check
    const a = args[1] ?? '';
    if (/^-(V|-version)$/.test(a)) return io.out(`postgres (PostgreSQL) ${psqlVersion(sh.m)}\n`), 0;
    if (/^-([?]|-help)$/.test(a)) return io.out(PG_HELP), 0;
    const conn = 'Connections and Authentication / Connection Settings\tINTEGER\t';
    if (a === '--describe-config') return io.out(`max_connections\tpostmaster\t${conn}100\t1\t262143\tSets the maximum number of concurrent connections.\t\nport\tpostmaster\t${conn}5432\t1\t65535\tSets the TCP port the server listens on.\t\n`), 0;
    return io.err('"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n'), 1;
  },
};
