/**
 * The mysql monitor reading its input: on a terminal the password asked, the banner, `mysql>` and
 * `->`, Bye; from a pipe (`docker exec -i`) batch mode, tab-separated, ending at the first error.
 */
import { program, type Context, type Launch, type Proc } from '../process';
import type { Session } from './eval';
import { connectionId, MYSQL_BANNER, mysqlArgs, mysqlConnect, mysqlRun, PASSWORD_WARNING } from './mysql';

export function mysqlRepl(at: Launch, o: Context): Proc {
  const { m } = at;
  const a = mysqlArgs(at.argv);
  let s: Session | undefined;
  let buf = '';
  let asking = a.ask;
  const tty = at.tty;
  // batch mode: the input line the open statement began on
  let line = 0;
  let first = 1;
  const connect = (out: { out(s: string): void; err(s: string): void }) => {
    const r = mysqlConnect(m, a, o.env, () => m.now());
    if (typeof r === 'string') return out.err(r), false;
    s = r;
    const id = connectionId(m);
    if (tty) out.out(MYSQL_BANNER(id, r.version));
    return true;
  };
  const p = program(at, {
    readsInput: o.stdin,
    prompt: () => (asking ? 'Enter password: ' : !tty ? '' : buf ? '    -> ' : 'mysql> '),
    async boot(out) {
      if (a.pass) out.err(PASSWORD_WARNING);
      if (!asking && !connect(out)) this.exitCode = 1;
    },
    async input(text, out) {
      if (!s) {
        a.pass = text;
        asking = false;
        this.echo = true;
        if (!connect(out)) this.exitCode = 1;
        return;
      }
      line++;
      if (!buf && /^\s*(exit|quit|\\q)\s*;?\s*$/i.test(text)) return tty && out.out('Bye\n'), void (this.exitCode = 0);
      if (/\\c\s*$/.test(text)) return void (buf = '');
      if (!buf) first = line;
      const all = buf + text + '\n';
      const [rest, ok] = mysqlRun(s, all, tty ? 'repl' : 'batch', (x, e) => (out.out(x), out.err(e)), first);
      if (!ok) this.exitCode = 1;
      buf = rest.trim() ? rest : '';
      // what is left after a `;` of this line begins on this line
      if (rest !== all) first = line;
    },
    async eof(out) {
      if (s && tty) out.out('Bye\n');
      this.exitCode = 0;
    },
    async interrupt(out) {
      buf = '';
      out.out('^C\n');
    },
  });
  p.echo = !asking;
  return p;
}
