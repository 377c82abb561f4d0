/**
 * `python app.py` of a Flask app as the main process. Python's stdout is a pipe without `-t`, so
 * Flask's own lines wait in its buffer (unless PYTHONUNBUFFERED or -u) and reach the logs only
 * when it exits by Ctrl+C's KeyboardInterrupt, which Werkzeug takes as a clean stop; as PID 1 it
 * has no handler for SIGTERM, so `docker stop` waits for the SIGKILL and the buffer is lost.
 */
import type { Out } from './shell/types';
import { SILENT, program, type Context, type Launch, type Proc } from './process';
import { banner, flaskCli, flaskGet, runFlask, type FlaskApp } from './shell/flask';

/** The process, or undefined when the script does not use Flask. */
export function flaskMain(at: Launch, o: Context, env: string[], argv: string[]): Proc | undefined {
  const { m } = at;
  const cli = flaskCli(argv, env);
  const file = cli?.file ?? argv[argv.length - 1];
  const path = file.startsWith('/') ? file : `${o.cwd.replace(/\/$/, '')}/${file}`;
  let src: string;
  try {
    src = m.fs.readFile(path);
  } catch {
    return undefined;
  }
  if (!/^\s*(from\s+flask\s+import|import\s+flask)\b/m.test(src)) return undefined;
  const buffered = !at.tty && !argv.includes('-u') && !env.some((e) => /^PYTHONUNBUFFERED=./.test(e));
  let app: FlaskApp | undefined;
  let held = '';
  let log: Out = SILENT;
  const start = (out: Out) => {
    const r = runFlask(m, env, o.cwd, path, src, cli, argv[0]);
    const b = r?.app ? banner(r.app, m.ip) : { out: '', err: '' };
    app = r?.app;
    log = out;
    return { r: r!, b };
  };
  return program(at, {
    async boot(out) {
      const { r, b } = start(out);
      if (buffered) held = r.out + b.out;
      else out.out(r.out + b.out);
      out.err(r.err + b.err);
      if (app) return;
      out.out(held);
      this.exitCode = r.code;
    },
    serve(port, path, req) {
      const from = req?.from ?? '127.0.0.1';
      // a state brought back from a save runs the module again, silently
      if (!app) start(SILENT);
      if (!app || port !== app.port || (app.host === '127.0.0.1' && from !== '127.0.0.1')) return null;
      const g = flaskGet(app, path, from, m.now(), req?.method);
      log.err(g.log);
      return g.reply;
    },
    signal(sig, out) {
      if (sig === 9) return 137;
      if (sig !== 2) return null;
      out.out(held);
      return 0;
    },
  });
}
