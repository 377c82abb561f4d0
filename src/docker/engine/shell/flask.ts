/**
 * A Flask app run with `python app.py` (or `flask run`): its module runs in the python evaluator
 * without the parts that need Flask (the app object, the route decorators, `app.run`), whose
 * routes and address are read from the source; Werkzeug's development server then answers GETs
 * by calling the route's function, and logs each request as it does.
 */
import type { Machine } from './types';
import { logTime } from '../../common/dates';
import { byteLength } from '../../common/sh/fs';
import { pythonRelease, runCode, runtime, sitePackages, venvOf, type Runtime } from './runtimes';
import type { HttpReply } from './types';
import { exists } from './package-files';
import { Dict } from './py-dict';
import { envVar } from '../env-var';

export interface FlaskApp { name: string; host: string; port: number; debug: boolean; routes: Map<string, string>; rt: Runtime; python: string }

/** The module's own output, and the app when it got as far as `app.run`. */
export interface FlaskRun { out: string; err: string; code: number; app?: FlaskApp }

const arg = (args: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:(['"])(.*?)\\1|(\\w+))`).exec(args);

/** The module run up to its app.run (`file`: its path, as the traceback names it); null when it does not use Flask. */
export function runFlask(m: Machine, env: string[], cwd: string, file: string, src: string, cli?: { host: string; port: number }, exe = 'python'): FlaskRun | null {
  if (!/^\s*(from\s+flask\s+import|import\s+flask)\b/m.test(src)) return null;
  const vars = Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const rt = runtime(m, true, env, cwd, exe);
  // with Flask installed its imports give nothing the module uses outside Flask's parts
  const python = pythonRelease(m.fs, vars);
  const installed = exists(m.fs, `${sitePackages(python, venvOf(m.fs, exe, vars.PATH))}/flask`);
  const app = /^(\w+)\s*=\s*(?:flask\.)?Flask\(/m.exec(src)?.[1] ?? 'app';
  // `METHOD rule` → the view function
  const routes = new Map<string, string>();
  let pending: string[] = [];
  let run: string | undefined;
  // the lines Flask would run become blank (or `pass`), so the tracebacks keep their line numbers
  const lines = src.split('\n').map((l) => {
    const t = l.trim();
    const route = new RegExp(`^@${app}\\.(route|get|post|put|delete|patch)\\(\\s*(['"])(.*?)\\2(.*)`).exec(t);
    if (route) return pending.push(...(route[1] === 'route' ? /methods\s*=\s*\[([^\]]*)/.exec(route[4])?.[1].match(/\w+/g) ?? ['GET'] : [route[1]]).map((v) => `${v.toUpperCase()} ${route[3]}`)), '';
    const def = /^def\s+(\w+)/.exec(t);
    if (def && pending.length) pending.forEach((p) => routes.set(p, def[1])), (pending = []);
    if (/^@/.test(t) || (installed && /^(from\s+flask\b|import\s+flask\s*$)/.test(t)) || new RegExp(`^${app}\\s*=\\s*(flask\\.)?Flask\\(|^${app}\\.\\w+(\\.|\\[)`).test(t)) return '';
    if (/^if\s+__name__\s*==\s*['"]__main__['"]\s*:/.test(t)) return l.replace(/__name__.*:/, 'True:');
    if (new RegExp(`^${app}\\.run\\(`).test(t)) return (run ??= t.slice(t.indexOf('(') + 1)), l.replace(/\S.*/, 'pass');
    return l;
  });
  // jsonify's dict becomes the JSON reply as a returned dict does
  if (installed && /\bjsonify\b/.test(src)) rt.run('def jsonify(x):\n    return x\n');
  const r = runCode(rt, true, lines.join('\n'), file, '');
  if (r.code || (run === undefined && !cli)) return r;
  // `flask run` imports the module, whose app.run does not run
  if (cli) run = `host="${cli.host}", port=${cli.port}`;
  const port = Number(arg(run ?? '', 'port')?.[3] ?? /^\s*['"][^'"]*['"]\s*,\s*(\d+)/.exec(run ?? '')?.[1] ?? 5000);
  const host = arg(run ?? '', 'host')?.[2] ?? /^\s*['"]([^'"]*)['"]/.exec(run ?? '')?.[1] ?? '127.0.0.1';
  // Flask(__name__) is named after its file (flask run names it by its import path)
  const name = file.replace(/^.*\//, '').replace(/\.py$/, '');
  return { ...r, app: { name, host, port, debug: arg(run ?? '', 'debug')?.[3] === 'True', routes, rt, python } };
}

/** `flask run`'s options and the module it finds (FLASK_APP, else app.py); undefined for any other command line. */
export function flaskCli(argv: string[], env: string[]): { host: string; port: number; file: string } | undefined {
  if (!/(^|\/)flask$/.test(argv[0]) || argv[1] !== 'run') return undefined;
  const opt = (k: string) => { const i = argv.findIndex((a) => a.startsWith(`--${k}`) || a === `-${k[0]}`); return i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]; };
  const app = envVar(env, 'FLASK_APP') || 'app.py';
  return { host: opt('host') ?? '127.0.0.1', port: Number(opt('port') ?? 5000), file: app.endsWith('.py') ? app : app + '.py' };
}

/** Werkzeug colours its messages even without a terminal (only Windows without colorama goes plain). */
const style = (s: string, ...codes: number[]) => codes.reduce((v, c) => `\x1b[${c}m${v}`, s) + '\x1b[0m';

/** The debugger's PIN, a hash of the machine in groups of three digits. */
const pin = (seed: string) => String([...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1e9, 7)).padStart(9, '1').replace(/(\d{3})(?=\d)/g, '$1-');

/** What app.run prints: Flask's lines on stdout, Werkzeug's on stderr. */
export function banner(a: FlaskApp, ip: string): { out: string; err: string } {
  const all = a.host === '0.0.0.0';
  return {
    out: ` * Serving Flask app '${a.name}'\n * Debug mode: ${a.debug ? 'on' : 'off'}\n`,
    err: `${style('WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.', 1, 31)}\n${all ? ` * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:${a.port}\n` : ''} * Running on http://${all ? ip : a.host}:${a.port}\n${style('Press CTRL+C to quit', 33)}\n${a.debug ? ` * Restarting with stat\n * Debugger is active!\n * Debugger PIN: ${pin(ip)}\n` : ''}`,
  };
}

const NOT_FOUND = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
const ERROR_500 = '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';

/** A request: the route function's value (a dict as Flask's compact JSON), and Werkzeug's log line. */
export function flaskGet(a: FlaskApp, path: string, from: string, now: number, method = 'GET'): { reply: HttpReply; log: string } {
  // a rule's <name> and <int:name> parts are the function's arguments; a rule without the method answers 405
  let call = '';
  let other = false;
  for (const [key, f] of a.routes) {
    const rule = key.slice(key.indexOf(' ') + 1);
    const ints: boolean[] = [];
    const m = new RegExp(`^${rule.replace(/[.+?()]/g, '\\$&').replace(/<(?:(\w+):)?\w+>/g, (_x, conv: string) => (ints.push(conv === 'int'), conv === 'int' ? '(\\d+)' : conv === 'path' ? '(.+)' : '([^/]+)'))}$`).exec(decodeURIComponent(path.replace(/\?.*$/, '')));
    if (m && !key.startsWith((method === 'HEAD' ? 'GET' : method) + ' ')) other = true;
    else if (m && !call) call = `${f}(${m.slice(1).map((v, k) => (ints[k] ? v : JSON.stringify(v))).join(', ')})`;
  }
  const fn = call;
  let status = fn ? 200 : other ? 405 : 404;
  let body = other ? '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n' : NOT_FOUND;
  let type = 'text/html; charset=utf-8';
  if (fn) {
    const r = a.rt.run(call + '\n');
    const v = r.value;
    if (r.error) [status, body] = [500, ERROR_500];
    else if (v && typeof v === 'object') {
      body = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x instanceof Dict ? Object.fromEntries(x.items().sort()) : x)) + '\n';
      type = 'application/json';
    } else body = String(v ?? '');
  }
  const line = `${method} ${path} HTTP/1.1`;
  const log = `${from} - - [${logTime(now)}] "${status === 404 ? style(line, 33) : status === 405 ? style(line, 1, 31) : status === 500 ? style(line, 1, 35) : line}" ${status} -\n`;
  const head = [`Server: Werkzeug/3.1.3 Python/${a.python}`, `Date: ${new Date(now).toUTCString()}`, `Content-Type: ${type}`, `Content-Length: ${byteLength(body)}`, 'Connection: close'];
  return { reply: { status, body, server: '', head, reason: ['OK', 'NOT FOUND', 'INTERNAL SERVER ERROR', 'METHOD NOT ALLOWED'][[200, 404, 500, 405].indexOf(status)] }, log };
}
