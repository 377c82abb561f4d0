/**
 * The mysql monitor and what the official image's entrypoint creates for it: the accounts of
 * MYSQL_ROOT_PASSWORD and MYSQL_USER, MYSQL_DATABASE. The accounts live in the data directory
 * (like the real `mysql` schema), so a volume keeps the password it was initialised with.
 */
import type { Command, IO, Machine, ShellLike } from '../shell/types';
import { promptLoop } from './prompt-loop';
import { serveWire } from './wire';
import { run, type Res, type Session } from './eval';
import { SqlError, statements } from './parse';
import { Store } from './store';
import { envVar } from '../env-var';
import { exists } from '../shell/package-files';
import { accountStatement, privileges, readAccounts, USERS, type Accounts } from './mysql-users';

export const MYSQL_SOCK = '/var/run/mysqld/mysqld.sock';
const DATA = '/var/lib/mysql';
/** The server's version: the image's MYSQL_VERSION (`9.3.0-1.el9`) before the dash, or its MARIADB_VERSION (`1:11.8.2+maria~ubu2404`) as MariaDB names it. */
export const serverVersion = (env: string[]) => envVar(env, 'MARIADB_VERSION').replace(/^\d+:(.+)\+maria~(\w+)$/, '$1-MariaDB-$2') || envVar(env, 'MYSQL_VERSION').split('-')[0] || '9.3.0';
/** MariaDB's client speaks for a server of its own name. */
const isMaria = (v: string) => v.includes('MariaDB');
/** MySQL's client warns of a password on the command line; MariaDB's does not. */
export const passwordWarning = (v: string) => (isMaria(v) ? '' : PASSWORD_WARNING);
const maria = (v: string, text: string) => (isMaria(v) ? text.replace('MySQL server version', 'MariaDB server version').replace('local MySQL server', 'local server').replace('/var/run/', '/run/') : text);

/** The entrypoint's first start: system schemas, accounts, the database; its notes. */
export function mysqlInit(m: Machine, env: string[]): string[] {
  const st = new Store(m.fs, DATA);
  ['mysql', 'performance_schema', 'sys'].forEach(st.createDb);
  const notes: string[] = [];
  let root = envVar(env, 'MYSQL_ROOT_PASSWORD');
  if (!root && envVar(env, 'MYSQL_RANDOM_ROOT_PASSWORD')) {
    // `openssl rand -base64 24`: 32 characters
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    root = Array.from({ length: 32 }, () => B64[(m.random?.() ?? 0) & 63]).join('');
    notes.push(`GENERATED ROOT PASSWORD: ${root}`);
  }
  const acc: Accounts = { users: { root }, grants: {} };
  const [db, user] = [envVar(env, 'MYSQL_DATABASE'), envVar(env, 'MYSQL_USER')];
  if (db) (st.createDb(db), notes.push(`Creating database ${db}`));
  if (user && envVar(env, 'MYSQL_PASSWORD')) {
    acc.users[user] = envVar(env, 'MYSQL_PASSWORD');
    notes.push(`Creating user ${user}`);
    if (db) (acc.grants[user] = db), notes.push(`Giving user ${user} access to schema ${db}`);
  }
  m.fs.writeFile(USERS, JSON.stringify(acc));
  return notes;
}

export interface MysqlArgs { user: string; pass?: string; ask: boolean; db?: string; e?: string; version: boolean; bad?: string; host?: string; rest?: string[]; table?: boolean; N?: boolean }

/** The monitor's options (`-uroot -psecret`, `-u root`, `--password=…`, `-D db` or the database last). */
export function mysqlArgs(args: string[]): MysqlArgs {
  const o: MysqlArgs = { user: 'root', ask: false, version: false };
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    const [, flag, val] = /^(-[a-zA-Z]|--[\w-]+)=?(.*)$/.exec(a) ?? [];
    const value = () => (val || (i + 1 < args.length ? args[++i] : ''));
    if (flag === '-p' || flag === '--password') val ? (o.pass = val) : (o.ask = true);
    else if (flag === '-u' || flag === '--user') o.user = value();
    else if (flag === '-D' || flag === '--database') o.db = value();
    else if (flag === '-e' || flag === '--execute') o.e = value();
    else if (/^(-V|--version)$/.test(a)) o.version = true;
    else if (flag === '-h' || flag === '--host') o.host = value();
    else if (/^(-P|--port|-S|--socket)$/.test(flag ?? '')) value();
    else if (!flag) (o.db = a), (o.rest ??= []).push(a);
    else if (/^(-t|--table|-B|--batch)$/.test(a)) o.table = /t/.test(a);
    else if (/^(-N|--skip-column-names)$/.test(a)) o.N = true;
    else if (!/^(-s|-v|-A|--silent|--verbose|--no-auto-rehash|--skip-auto-rehash)$/.test(a)) o.bad ??= a;
  }
  return o;
}

/** Opens the connection: the session, or the client's error (exit 1). */
export function mysqlConnect(m: Machine, o: MysqlArgs, env: string[], now: () => number, from = 'localhost'): Session | string {
  if (o.host && o.host !== 'localhost' && from === 'localhost') return mysqlRemote(m, o);
  // (/var/run is /run on Ubuntu, the mariadb images: resolve follows the link)
  if (!exists(m.fs, MYSQL_SOCK)) return `ERROR 2002 (HY000): Can't connect to local MySQL server through socket '${MYSQL_SOCK}' (2)\n`;
  const acc = readAccounts(m, env);
  const host = o.user === 'root' ? from : '%';
  if (acc.users[o.user] === undefined || acc.users[o.user] !== (o.pass ?? '')) return `ERROR 1045 (28000): Access denied for user '${o.user}'@'${from}' (using password: ${o.pass ? 'YES' : 'NO'})\n`;
  const store = new Store(m.fs, DATA, '.ibd');
  const pv = privileges(acc, o.user);
  if (o.db && !store.hasDb(o.db)) return `ERROR 1049 (42000): Unknown database '${o.db}'\n`;
  if (o.db && pv.visible?.(o.db) === false) return `ERROR 1044 (42000): Access denied for user '${o.user}'@'${host}' to database '${o.db}'\n`;
  const s: Session = { d: 'my', store, db: o.db, now, version: serverVersion(env), user: o.user, N: o.N, ...pv };
  s.acct = accountStatement(m, s, env);
  return s;
}

/** The next connection's id (the server counts them in its socket file). */
export function connectionId(m: Machine): number {
  const n = Number(m.fs.readFile(MYSQL_SOCK) || 7) + 1;
  m.fs.writeFile(MYSQL_SOCK, String(n));
  return n;
}

const ERRORS: Record<string, [number, string, string]> = {
  syntax: [1064, '42000', "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '$1' at line $2"],
  nodb: [1046, '3D000', 'No database selected'],
  unkdb: [1049, '42000', "Unknown database '$0'"],
  denied: [1044, '42000', "Access denied for user '$U'@'%' to database '$0'"],
  notable: [1146, '42S02', "Table '$0.$1' doesn't exist"],
  notables: [1096, 'HY000', 'No tables used'],
  nocol: [1054, '42S22', "Unknown column '$0' in '$1'"],
  nofn: [1305, '42000', 'FUNCTION $1.$0 does not exist'],
  texists: [1050, '42S01', "Table '$0' already exists"],
  dbexists: [1007, 'HY000', "Can't create database '$0'; database exists"],
  dropdb: [1008, 'HY000', "Can't drop database '$0'; database doesn't exist"],
  droptable: [1051, '42S02', "Unknown table '$0.$1'"],
  dup: [1062, '23000', "Duplicate entry '$0' for key '$1.$4'"],
  ambig: [1052, '23000', "Column '$0' in $1 is ambiguous"],
  subrows: [1242, '21000', 'Subquery returns more than 1 row'],
  cols1: [1241, '21000', 'Operand should contain 1 column(s)'],
  tdenied: [1142, '42000', "$0 command denied to user '$1'@'localhost' for table '$2'"],
  fkchild: [1452, '23000', 'Cannot add or update a child row: a foreign key constraint fails (`$0`.`$1`, CONSTRAINT `$2` FOREIGN KEY (`$3`) REFERENCES `$4` (`$5`)$6)'],
  fkparent: [1451, '23000', 'Cannot delete or update a parent row: a foreign key constraint fails (`$0`.`$1`, CONSTRAINT `$2` FOREIGN KEY (`$3`) REFERENCES `$4` (`$5`))'],
  fkdrop: [3730, 'HY000', "Cannot drop table '$0' referenced by a foreign key constraint '$1' on table '$2'."],
  fkopen: [1824, 'HY000', "Failed to open the referenced table '$0'"],
  nodrop: [1091, '42000', "Can't DROP '$0'; check that column/key exists"],
  dupcol: [1060, '42S21', "Duplicate column name '$0'"],
  userop: [1396, 'HY000', "Operation $0 failed for '$1'@'$2'"],
  nogrant: [1141, '42000', "There is no such grant defined for user '$0' on host '$1'"],
  nocreate: [1410, '42000', 'You are not allowed to create a user with GRANT'],
  needpriv: [1227, '42000', 'Access denied; you need (at least one of) the $0 privilege(s) for this operation'],
  null: [1048, '23000', "Column '$0' cannot be null"],
  nodefault: [1364, 'HY000', "Field '$0' doesn't have a default value"],
  count: [1136, '21S01', "Column count doesn't match value count at row $0"],
  fewer: [1136, '21S01', "Column count doesn't match value count at row $0"],
  badint: [1366, 'HY000', "Incorrect integer value: '$0' for column '$1' at row 1"],
  badnum: [1366, 'HY000', "Incorrect decimal value: '$0' for column '$1' at row 1"],
  long: [1406, '22001', "Data too long for column '$0' at row 1"],
  baddate: [1292, '22007', "Incorrect $2 value: '$0' for column '$1' at row 1"],
  gone: [2013, 'HY000', 'Lost connection to MySQL server during query'],
  idlong: [1059, '42000', "Identifier name '$0' is too long"],
};

/** The server's error line; `line` is given in batch mode (`ERROR 1146 (42S02) at line 3: …`). */
export function mysqlError(e: SqlError, src: string, user: string, line?: number): string {
  const [code, state, text] = ERRORS[e.code] ?? ERRORS.syntax;
  const pos = e.pos < 0 ? src.trimEnd().length : e.pos;
  const near = [src.slice(pos).trimEnd().slice(0, 80), String(src.slice(src.length - src.trimStart().length, pos).split('\n').length)];
  const msg = text.replace(/\$(\d|U)/g, (_, k: string) => (k === 'U' ? user : e.code === 'syntax' ? near[Number(k) - 1] : e.a[Number(k)] ?? ''));
  return `ERROR ${code} (${state})${line ? ` at line ${line}` : ''}: ${msg}\n`;
}

const cell = (v: unknown) => (v === null ? 'NULL' : typeof v === 'boolean' ? String(Number(v)) : String(v));

/** A result as the monitor prints it: boxed on a terminal (with the count when interactive), tab-separated in batch. */
export function mysqlFormat(r: Res, mode: 'repl' | 'box' | 'batch', vertical = false, N = false): string {
  const repl = mode === 'repl';
  if (!('cols' in r)) {
    if (!repl) return '';
    if (r.tag === 'use') return 'Database changed\n';
    const w = r.warn ? `, ${r.warn} warning${r.warn > 1 ? 's' : ''}` : '';
    return `Query OK, ${r.n} row${r.n === 1 ? '' : 's'} affected${w} (${r.tag === 'DROP DATABASE' || r.tag === 'CREATE TABLE' ? '0.02' : '0.01'} sec)\n${r.info ? r.info + '\n' : ''}\n`;
  }
  const rows = r.rows.map((row) => row.map(cell));
  const n = rows.length;
  // an empty result prints nothing, not even its header, unless typed at the prompt
  if (!n) return repl ? 'Empty set (0.00 sec)\n\n' : '';
  // `\G`: a block per row, the names aligned on the right
  const nw = Math.max(...r.cols.map((c) => c.length));
  const count = repl ? `${n} row${n === 1 ? '' : 's'} in set (0.00 sec)\n\n` : '';
  if (vertical) return rows.map((x, i) => `${'*'.repeat(27)} ${i + 1}. row ${'*'.repeat(27)}\n` + r.cols.map((c, j) => `${c.padStart(nw)}: ${x[j]}\n`).join('')).join('') + count;
  // batch mode writes a newline, tab or backslash of a value as \n, \t, \\
  if (mode === 'batch') return (N ? rows : [r.cols, ...rows]).map((x) => x.map((c) => c.replace(/[\\\n\t]/g, (ch) => ({ '\n': '\\n', '\t': '\\t' })[ch] ?? '\\\\')).join('\t') + '\n').join('');
  // a column that may hold NULL has room for the word; -N leaves the names out of the widths too
  const w = r.cols.map((c, i) => Math.max(N ? 0 : c.length, r.nul?.[i] ? 4 : 0, ...rows.map((x) => x[i].length)));
  const bar = '+' + w.map((x) => '-'.repeat(x + 2)).join('+') + '+\n';
  const line = (x: string[], head = false) => '| ' + x.map((c, i) => (r.num[i] && !head ? c.padStart(w[i]) : c.padEnd(w[i]))).join(' | ') + ' |\n';
  return bar + (N ? '' : line(r.cols, true) + bar) + rows.map((x) => line(x)).join('') + bar + count;
}

type Out = { out(s: string): void; err(s: string): void };

/** Runs the complete statements of `text` (`\G`/`\g` end one too): what is left open, and false after an error in batch. */
export function mysqlRun(s: Session, text: string, mode: 'repl' | 'box' | 'batch', o: Out, first = 1): [string, boolean] {
  const [done, rest] = statements(text.replace(/\\g/g, ';').replace(/\\G/g, '\0;'), true);
  let at = 0;
  for (const src of done) {
    const line = mode === 'repl' ? undefined : text.slice(0, at + src.length - src.trimStart().length).split('\n').length + first - 1;
    at += src.length + 1;
    if (!src.trim()) {
      o.err('ERROR: \nNo query specified\n\n');
      continue;
    }
    try {
      o.out(mysqlFormat((s.remote ?? ((q: string) => run(s, q)))(src.replace('\0', '')), mode, src.endsWith('\0'), s.N));
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      o.err(mysqlError(e, src, s.user, line));
      if (mode !== 'repl') return [rest, false];
    }
  }
  return [rest, true];
}

/** `mysql -e …` and `mysql < file`: boxed on a terminal for -e, tab-separated otherwise; the first error stops it. */
export const mysqlCommand: Command = (args, io, sh) => {
  const env = sh.env().map(([k, v]) => `${k}=${v}`);
  const a = mysqlArgs(args);
  const v = serverVersion(env);
  if (a.version) return io.out(isMaria(v) ? `${args[0]} from ${v.replace(/-ubu\d+$/, '')}, client 15.2 for debian-linux-gnu (x86_64) using  EditLine wrapper\n` : v.startsWith('5.') ? `mysql  Ver 14.14 Distrib ${v}, for Linux (x86_64) using  EditLine wrapper\n` : `mysql  Ver ${v} for Linux on x86_64 (MySQL Community Server - GPL)\n`), 0;
  if (a.bad) return io.err(`mysql: [ERROR] unknown option '${a.bad}'.\n`), 7;
  if (a.pass) io.err(passwordWarning(v));
  if (a.e === undefined && io.stdin === undefined && io.tty && sh.ask) return mysqlAtPrompt(sh, a, env, io);
  const input = a.e !== undefined ? a.e.replace(/(;|\\[gG])?\s*$/, (t) => t || ';') : io.stdin ?? '';
  if (a.ask) a.pass = io.stdin?.split('\n')[0] ?? '';
  const s = mysqlConnect(sh.m, a, env, () => sh.m.now());
  if (typeof s === 'string') return io.err(maria(v, s)), 1;
  if (!s.remote) connectionId(sh.m);
  const err = io.err;
  if (isMaria(v)) io = { ...io, err: (t) => err(maria(v, t)) };
  const [rest, ok] = mysqlRun(s, a.ask && a.e === undefined ? input.slice(input.indexOf('\n') + 1) : input, a.table ?? (a.e !== undefined && io.tty) ? 'box' : 'batch', io);
  if (ok && rest.trim()) return mysqlRun(s, rest + ';', a.table ? 'box' : 'batch', io)[1] ? 0 : 1;
  return ok ? 0 : 1;
};

/**
 * The monitor reading its input line by line: on a terminal the password asked, the banner,
 * `mysql>` and `->`, Bye; otherwise batch mode, ending at the first error. `line` answers the
 * exit code once the session is over, null while it goes on.
 */
export function mysqlReader(m: Machine, a: MysqlArgs, env: string[], tty: boolean) {
  let s: Session | undefined;
  const v = serverVersion(env);
  const mv = isMaria(v) ? v : '';
  let buf = '';
  // batch mode: the input line the open statement began on
  let n = 0;
  let first = 1;
  const r = {
    prompt: () => (!s && a.ask ? 'Enter password: ' : !tty ? '' : buf ? '    -> ' : mv ? `MariaDB [${s?.db ?? '(none)'}]> ` : 'mysql> '),
    open(o: Out): boolean {
      const c = mysqlConnect(m, a, env, () => m.now());
      if (typeof c === 'string') return o.err(maria(mv, c)), false;
      s = c;
      const id = c.id ?? connectionId(m);
      if (tty) o.out(mv ? MARIA_BANNER(id, mv) : MYSQL_BANNER(id, c.version));
      return true;
    },
    line(text: string, out: Out): number | null {
      const o = mv ? { out: out.out, err: (t: string) => out.err(maria(mv, t)) } : out;
      if (!s) return (a.pass = text), r.open(o) ? null : 1;
      n++;
      if (!buf && /^\s*(exit|quit|\\q)\s*;?\s*$/i.test(text)) return tty && o.out('Bye\n'), 0;
      if (/\\c\s*$/.test(text) || (!buf && /^\s*--/.test(text))) return (buf = ''), null;
      if (!buf) first = n;
      // `use` (and `\u`) at the start of a line is the client's own command: it needs no `;`
      if (!buf && /^\s*(use|\\u)\s+\S/i.test(text)) text = text.replace(/^\s*\\u/, 'use').replace(/;?\s*$/, ';');
      const all = buf + text + '\n';
      const [rest, ok] = mysqlRun(s, all, tty ? 'repl' : 'batch', o, first);
      buf = rest.trim() ? rest : '';
      // what is left after a `;` of this line begins on this line
      if (rest !== all) first = n;
      return ok ? null : 1;
    },
    /** The exit status at the end of input: batch mode runs a last statement left without `;`, as mysql.cc does. */
    end(o: Out): number {
      if (s && tty) o.out('Bye\n');
      return s && !tty && buf.trim() ? Number(!mysqlRun(s, buf + ';', 'batch', o, first)[1]) : 0;
    },
    clear: () => void (buf = ''),
  };
  return r;
}

/** The monitor started from a container's shell: its session goes on at the shell's prompt. */
function mysqlAtPrompt(sh: ShellLike, a: MysqlArgs, env: string[], io: IO): number {
  const r = mysqlReader(sh.m, a, env, true);
  if (!a.ask && !r.open(io)) return 1;
  // Ctrl+D at `Enter password: ` sends no password; at `mysql>` it says Bye.
  const asking = () => !r.prompt().endsWith('> ');
  promptLoop(sh, r.prompt, (t, o) => r.line(t, o) ?? true, (o) => (asking() ? r.line('', o) ?? true : (r.end(o), 0)), asking, r.clear);
  return 0;
}

/** What a client sends to port 3306: who it is, the database it uses, the statement (none: connecting). */
interface Wire { a: MysqlArgs; from: string; db?: string; src?: string }
const WIRE = '\0mysql ';

/** The server's side of port 3306: the statement runs on its own files; other protocols get the connection closed. */
export const mysqlServe = (m: Machine, env: string[]) => serveWire(3306, WIRE, (w: Wire) => {
  const s = mysqlConnect(m, { ...w.a, host: undefined, db: w.src === undefined ? w.a.db : undefined }, env, () => m.now(), w.from);
  let body: unknown = typeof s === 'string' ? { no: s } : { v: s.version, id: w.src === undefined ? connectionId(m) : 0 };
  if (typeof s !== 'string' && w.src !== undefined) {
    s.db = w.db;
    try {
      body = { res: run(s, w.src), db: s.db ?? null };
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      body = { err: [e.code, e.a, e.pos] };
    }
  }
  return body;
});

/** A connection over TCP (`-h db`): each statement travels to the server named. */
function mysqlRemote(m: Machine, a: MysqlArgs): Session | string {
  const host = a.host!;
  const call = (w: Partial<Wire>): Record<string, unknown> | string => {
    if (!/^[\d.]+$/.test(host) && m.resolve && !m.resolve(host)) return `ERROR 2005 (HY000): Unknown MySQL server host '${host}' (-2)\n`;
    const r = m.http(host, 3306, WIRE + JSON.stringify({ a, from: m.ip, ...w }));
    return r?.status === 200 ? (JSON.parse(r.body) as Record<string, unknown>) : `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:3306' (111)\n`;
  };
  const hello = call({});
  if (typeof hello === 'string' || hello.no) return typeof hello === 'string' ? hello : String(hello.no);
  const s: Session = { d: 'my', store: new Store(m.fs, DATA), db: a.db, now: () => m.now(), version: String(hello.v), user: a.user, id: Number(hello.id), N: a.N };
  s.remote = (src) => {
    const r = call({ db: s.db, src });
    if (typeof r === 'string') throw new SqlError('gone');
    if (r.err) throw new SqlError(...(r.err as [string, string[], number]));
    s.db = (r.db as string | null) ?? undefined;
    return r.res as Res;
  };
  return s;
}

/** The notice every MySQL program prints under its version (ORACLE_WELCOME_COPYRIGHT_NOTICE). */
export const ORACLE = 'Copyright (c) 2000, 2025, Oracle and/or its affiliates.\n\nOracle is a registered trademark of Oracle Corporation and/or its\naffiliates. Other names may be trademarks of their respective\nowners.\n';
/** The notice of release `v`: 5.7's last release dates from 2023. */
export const oracle = (v: string) => (v.startsWith('5.') ? ORACLE.replace('2025', '2023') : ORACLE);
/** 5.7 still wrote its edition in parentheses. */
export const MYSQL_BANNER = (id: number, v: string) => `Welcome to the MySQL monitor.  Commands end with ; or \\g.
Your MySQL connection id is ${id}
Server version: ${v} MySQL Community Server ${v.startsWith('5.') ? '(GPL)' : '- GPL'}

${oracle(v)}
Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.

`;
const MARIA_BANNER = (id: number, v: string) => `Welcome to the MariaDB monitor.  Commands end with ; or \\g.
Your MariaDB connection id is ${id}
Server version: ${v} mariadb.org binary distribution

Copyright (c) 2000, 2018, Oracle, MariaDB Corporation Ab and others.

Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.

`;
export const PASSWORD_WARNING = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';
