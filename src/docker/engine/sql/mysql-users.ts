/**
 * MySQL's accounts and privileges, kept in the data directory like the real `mysql` schema:
 * CREATE/ALTER/DROP USER, GRANT and REVOKE (on *.*, db.* or db.table), SHOW GRANTS, and the
 * checks a connection's statements pass.
 */
import type { Machine } from '../shell/types';
import type { Res, Session } from './eval';
import { SqlError, type Stmt } from './parse';
import { envVar } from '../env-var';

export const USERS = '/var/lib/mysql/mysql.ibd';
/** A grant: its privileges ('ALL PRIVILEGES' or 'SELECT, INSERT') and what it is on ('*.*', 'db.*', 'db.t'); an older data directory kept one database name. */
type Grant = [string, string];
export type Accounts = { users: Record<string, string>; grants: Record<string, string | Grant[]>; hosts?: Record<string, string> };

/** The accounts; a data directory made before they were kept has root with the container's password. */
export function readAccounts(m: Machine, env: string[]): Accounts {
  try {
    return JSON.parse(m.fs.readFile(USERS)) as Accounts;
  } catch {
    return { users: { root: envVar(env, 'MYSQL_ROOT_PASSWORD') }, grants: {} };
  }
}

export const grantsOf = (acc: Accounts, u: string): Grant[] => {
  const g = acc.grants[u];
  return typeof g === 'string' ? [['ALL PRIVILEGES', g + '.*']] : g ?? [];
};
const on = (g: Grant, db: string, t?: string) => g[1] === '*.*' || g[1] === db + '.*' || (t !== undefined && g[1] === db + '.' + t);

/** What the account `u` may see and do: root everything, others what their grants name. */
export function privileges(acc: Accounts, u: string): Pick<Session, 'visible' | 'may'> {
  if (u === 'root') return {};
  return {
    visible: (db) => /^(information_schema|performance_schema)$/.test(db) || grantsOf(acc, u).some((g) => on(g, db) || g[1].startsWith(db + '.')),
    may: (cmd, db, t) => grantsOf(acc, u).some((g) => on(g, db, t) && (g[0] === 'ALL PRIVILEGES' || g[0].split(', ').includes(cmd))),
  };
}

const ROOT = 'SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD, SHUTDOWN, PROCESS, FILE, REFERENCES, INDEX, ALTER, SHOW DATABASES, SUPER, CREATE TEMPORARY TABLES, LOCK TABLES, EXECUTE, REPLICATION SLAVE, REPLICATION CLIENT, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, CREATE USER, EVENT, TRIGGER, CREATE TABLESPACE, CREATE ROLE, DROP ROLE';

/** Runs an account statement of the session `s` on the accounts of machine `m`. */
export const accountStatement = (m: Machine, s: Session, env: string[]) => (st: Extract<Stmt, { k: 'user' }>): Res => {
  const acc = readAccounts(m, env);
  const hosts = (acc.hosts ??= {});
  const who = st.u || s.user;
  const host = (u: string) => (u === 'root' ? 'localhost' : hosts[u] ?? '%');
  const fail = (code: string, ...a: string[]): never => {
    throw new SqlError(code, a);
  };
  const ok: Res = { tag: st.op, n: 0 };
  if (st.op === 'show') {
    if (acc.users[who] === undefined) fail('nogrant', who, host(who));
    const to = ` TO \`${who}\`@\`${host(who)}\``;
    const q = (x: string) => x.split('.').map((p) => (p === '*' ? p : `\`${p}\``)).join('.');
    const rows = who === 'root' ? [`GRANT ${ROOT} ON *.*${to} WITH GRANT OPTION`, `GRANT PROXY ON \`\`@\`\`${to} WITH GRANT OPTION`] : [`GRANT USAGE ON *.*${to}`, ...grantsOf(acc, who).map(([p, o]) => `GRANT ${p} ON ${q(o)}${to}`)];
    return { cols: [`Grants for ${who}@${host(who)}`], rows: rows.map((r) => [r]), num: [] };
  }
  if (s.user !== 'root') fail('needpriv', 'CREATE USER');
  const known = acc.users[st.u] !== undefined;
  if (st.op === 'create' || st.op === 'drop' || st.op === 'alter') {
    if (known === (st.op === 'create')) return st.safe ? { ...ok, warn: 1 } : fail('userop', st.op.toUpperCase() + ' USER', st.u, st.h ?? host(st.u));
    if (st.op === 'drop') delete acc.users[st.u], delete acc.grants[st.u];
    else (acc.users[st.u] = st.pw ?? ''), st.h && (hosts[st.u] = st.h);
  } else if (st.op === 'grant' || st.op === 'revoke') {
    if (!known) fail(st.op === 'grant' ? 'nocreate' : 'nogrant', st.u, host(st.u));
    const target = st.on!.includes('.') ? st.on! : st.on === '*' ? `${s.db ?? fail('nodb')}.*` : `${s.db ?? fail('nodb')}.${st.on}`;
    const gs = grantsOf(acc, st.u);
    const g = gs.find((x) => x[1] === target);
    const privs = st.privs!.split(', ');
    if (st.op === 'grant') {
      if (!g) gs.push([st.privs!, target]);
      else g[0] = g[0] === 'ALL PRIVILEGES' || st.privs === 'ALL PRIVILEGES' ? 'ALL PRIVILEGES' : [...new Set([...g[0].split(', '), ...privs])].join(', ');
    } else {
      if (!g) fail('nogrant', st.u, host(st.u));
      g![0] = st.privs === 'ALL PRIVILEGES' ? '' : g![0].split(', ').filter((p) => !privs.includes(p)).join(', ');
    }
    acc.grants[st.u] = gs.filter((x) => x[0]);
  }
  m.fs.writeFile(USERS, JSON.stringify(acc));
  return ok;
};
