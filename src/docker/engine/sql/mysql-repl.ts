/** The mysql monitor's interactive session: the password asked, the banner, `mysql>` and `->`, Bye. */
import { program, type Context, type Launch, type Proc } from '../process';
import type { Session } from './eval';
import { connectionId, MYSQL_BANNER, mysqlArgs, mysqlConnect, mysqlRun, PASSWORD_WARNING } from './mysql';

export function mysqlRepl(at: Launch, o: Context): Proc {
  const { m } = at;
  const a = mysqlArgs(at.argv);
  let s: Session | undefined;
  let buf = '';
  let asking = a.ask;
  const connect = (out: { out(s: string): void; err(s: string): void }) => {
    const r = mysqlConnect(m, a, o.env, () => m.now());
    if (typeof r === 'string') return out.err(r), false;
    s = r;
    out.out(MYSQL_BANNER(connectionId(m), r.version));
    return true;
  };
  return program(at, {
    readsInput: o.stdin,
    prompt: () => (asking ? 'Enter password: ' : buf ? '    -> ' : 'mysql> '),
    async boot(out) {
      if (a.pass) out.err(PASSWORD_WARNING);
      if (!asking && !connect(out)) this.exitCode = 1;
    },
    async input(line, out) {
      if (!s) {
        a.pass = line;
        asking = false;
        if (!connect(out)) this.exitCode = 1;
        return;
      }
      if (!buf && /^\s*(exit|quit|\\q)\s*;?\s*$/i.test(line)) return out.out('Bye\n'), void (this.exitCode = 0);
      if (/\\c\s*$/.test(line)) return void (buf = '');
      const [rest] = mysqlRun(s, buf + line + '\n', 'repl', (x, e) => (out.out(x), out.err(e)));
      buf = rest.trim() ? rest : '';
    },
    async eof(out) {
      if (s) out.out('Bye\n');
      this.exitCode = 0;
    },
    async interrupt(out) {
      buf = '';
      out.out('^C\n');
    },
  });
}
