/** The mysql monitor as the process `docker exec -it db mysql …` (or `-i`, from a pipe) runs. */
import { program, type Context, type Launch, type Proc } from '../process';
import { mysqlReader, passwordWarning, serverVersion, type MysqlArgs } from './mysql';

/** `a`: the options clientRepl read to choose the monitor. */
export function mysqlRepl(at: Launch, o: Context, a: MysqlArgs): Proc {
  const r = mysqlReader(at.m, a, o.env, at.tty);
  const p = program(at, {
    readsInput: o.stdin,
    prompt: r.prompt,
    async boot(out) {
      if (a.pass) out.err(passwordWarning(serverVersion(o.env)));
      if (!a.ask && !r.open(out)) this.exitCode = 1;
    },
    async input(text, out) {
      this.echo = true;
      this.exitCode = r.line(text, out);
    },
    async eof(out) {
      // at `Enter password: ` Ctrl+D sends no password
      if (!this.echo) return void ((this.echo = true), (this.exitCode = r.line('', out)));
      this.exitCode = r.end(out);
    },
    async interrupt(out) {
      r.clear();
      out.out('^C\n');
    },
  });
  p.echo = !a.ask;
  return p;
}
