/**
 * psql as a first look at PostgreSQL uses it: connecting through the server's socket (the role and
 * database the image created), the meta-commands \l, \dt, \conninfo and \q, and SELECT version().
 * Other SQL is left unanswered rather than answered wrong.
 */
import type { Command, Machine } from './types';

export const PG_SOCKET = '/var/run/postgresql/.s.PGSQL.5432';
const alpine = (m: Machine) => m.fs.resolve('/etc/alpine-release').node !== undefined;
/** What `SELECT version()` and the server's first log line say of the build. */
export const pgBuild = (m: Machine) => alpine(m)
  ? 'PostgreSQL 17.5 on x86_64-pc-linux-musl, compiled by gcc (Alpine 14.2.0) 14.2.0, 64-bit'
  : 'PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit';
export const psqlVersion = (m: Machine) => (alpine(m) ? '17.5' : '17.5 (Debian 17.5-1.pgdg120+1)');

/** psql's options: who connects to which database, and the command of `-c`. */
export function psqlArgs(args: string[], env: string[]): { user: string; db: string; c?: string; version?: boolean } {
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
    else if (flag === '-h' || flag === '-p') val();
    else if (!args[i].startsWith('-')) db = args[i];
  }
  return { user, db: db ?? user, c, version };
}

/** Why the connection fails (psql's message), or undefined when it is accepted. */
export function psqlConnect(m: Machine, env: string[], user: string, db: string): string | undefined {
  const failed = `psql: error: connection to server on socket "${PG_SOCKET}" failed: `;
  if (!m.fs.resolve(PG_SOCKET).node) return `${failed}No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n`;
  const get = (k: string) => env.find((e) => e.startsWith(k + '='))?.slice(k.length + 1);
  const role = get('POSTGRES_USER') || 'postgres';
  if (user !== role) return `${failed}FATAL:  role "${user}" does not exist\n`;
  if (![get('POSTGRES_DB') || role, 'postgres', 'template1'].includes(db)) return `${failed}FATAL:  database "${db}" does not exist\n`;
  return undefined;
}

/** psql's aligned table: the title and headers centred, a line of dashes, the row count. */
function table(head: string[], rows: string[][], title = ''): string {
  // A cell that goes on in the next line ends in ` +`, the mark written in the column's margin.
  const len = (c: string) => c.length - (c.endsWith(' +') ? 1 : 0);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => len(r[i]))));
  const n = rows.filter((r) => r[0]).length;
  const line = (cells: string[], center = false) => ' ' + cells.map((c, i) => (center ? c.padStart((w[i] + c.length) >> 1).padEnd(w[i]) : i < cells.length - 1 ? c.padEnd(w[i]) : c)).join(' | ') + (center ? ' ' : '');
  const width = w.reduce((a, b) => a + b + 3, -1);
  return (title ? title.padStart((width + title.length) >> 1).padEnd(width).trimEnd() + '\n' : '') + line(head, true) + '\n' + w.map((x) => '-'.repeat(x + 2)).join('+') + '\n' + rows.map((r) => line(r) + '\n').join('') + `(${n} row${n === 1 ? '' : 's'})\n\n`;
}

const SQL = /^(select|insert|update|delete|create|drop|alter|grant|revoke|begin|commit|rollback|with|show|set|explain|truncate|copy|values|table|analyze|vacuum)\b/i;

/** Runs one meta-command or SQL statement: [stdout, stderr]; null ends the session. */
export function psqlRun(m: Machine, env: string[], db: string, input: string): [string, string] | null {
  const s = input.trim();
  if (/^\\q\b/.test(s)) return null;
  const role = env.find((e) => e.startsWith('POSTGRES_USER='))?.slice(14) || 'postgres';
  if (/^\\l\+?$/.test(s)) {
    const loc = ['UTF8', 'libc', 'en_US.utf8', 'en_US.utf8', '', ''];
    const tmpl = (n: string) => [[n, role, ...loc, `=c/${role}          +`], ['', '', '', '', '', '', '', '', `${role}=CTc/${role}`]];
    const dbs = [...new Set([env.find((e) => e.startsWith('POSTGRES_DB='))?.slice(12) || role, 'postgres'])].sort().map((n) => [n, role, ...loc, '']);
    return [table(['Name', 'Owner', 'Encoding', 'Locale Provider', 'Collate', 'Ctype', 'Locale', 'ICU Rules', 'Access privileges'], [...dbs, ...tmpl('template0'), ...tmpl('template1')], 'List of databases'), ''];
  }
  if (/^\\dt\b/.test(s)) return ['', 'Did not find any relations.\n'];
  if (/^\\conninfo$/.test(s)) return [`You are connected to database "${db}" as user "${role}" via socket in "/var/run/postgresql" at port "5432".\n`, ''];
  if (s.startsWith('\\')) return ['', `invalid command ${s.split(/\s/)[0]}\nTry \\? for help.\n`];
  if (/^select\s+version\(\s*\)\s*;$/i.test(s)) return [table(['version'], [[pgBuild(m)]]), ''];
  if (!SQL.test(s)) {
    const word = /^[^\s;(]+/.exec(s)?.[0] ?? s;
    return ['', `ERROR:  syntax error at or near "${word}"\nLINE 1: ${s}\n        ^\n`];
  }
  return ['', ''];
}

const psql: Command = (args, io, sh) => {
  const env = sh.env().map(([k, v]) => `${k}=${v}`);
  const o = psqlArgs(args, env);
  if (o.version) return io.out(`psql (PostgreSQL) ${psqlVersion(sh.m)}\n`), 0;
  const no = psqlConnect(sh.m, env, o.user, o.db);
  if (no) return io.err(no), 2;
  if (o.c === undefined) return io.err('psql: el modo interactivo necesita un terminal: docker exec -it <contenedor> psql -U postgres\n'), 1;
  const r = psqlRun(sh.m, env, o.db, /^\\/.test(o.c) ? o.c : o.c.replace(/;?\s*$/, ';'));
  if (r) {
    io.out(r[0]);
    io.err(r[1]);
  }
  return r?.[1].startsWith('ERROR') ? 1 : 0;
};

export const PSQL_PROGRAMS: Record<string, Command> = {
  psql,
  postgres: (args, io, sh) => (/^-(V|-version)$/.test(args[1] ?? '') ? (io.out(`postgres (PostgreSQL) ${psqlVersion(sh.m)}\n`), 0) : (io.err('"root" execution of the PostgreSQL server is not permitted.\nThe server must be started under an unprivileged user ID to prevent\npossible system security compromise.  See the documentation for\nmore information on how to properly start the server.\n'), 1)),
};
