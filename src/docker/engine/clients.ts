/** The database clients whose interactive mode is a process of its own: redis-cli, psql and mysql without a command. */
import { psqlRepl } from './postgres';
import type { Context, Launch, Proc } from './process';
import { redisCliRepl } from './redis';
import { psqlArgs } from './shell/psql';
import { redisArgs } from './shell/redis';
import { mysqlArgs } from './sql/mysql';
import { mysqlRepl } from './sql/mysql-repl';
import { mongoshRepl } from './mongosh';

export function clientRepl(at: Launch, o: Context, base: string): Proc | undefined {
  if (base === 'mysql' || base === 'mariadb') {
    const a = mysqlArgs(at.argv);
    return (at.tty || o.stdin) && a.e === undefined && !a.version && !a.bad ? mysqlRepl(at, o, a) : undefined;
  }
  if (base === 'mongosh') return at.argv.some((a) => /^--(eval|version)$/.test(a)) ? undefined : mongoshRepl(at, o.stdin);
  if (base !== 'redis-cli' && base !== 'psql') return undefined;
  const version = /^-(-?version|v|V)$/.test(at.argv[1] ?? '');
  if (base === 'redis-cli' && !version && !redisArgs(at.argv).rest.length) return redisCliRepl(at, o.stdin);
  if (base === 'psql' && !version && psqlArgs(at.argv, o.env).c === undefined) return psqlRepl(at, o);
  return undefined;
}
