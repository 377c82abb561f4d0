/**
 * Processes a shell leaves running in a container: `sleep 100 &`, `redis-server &`,
 * `python3 -m http.server 8000 &`, `node server.js &`, and nginx, which daemonizes itself.
 * They live with the container's other processes (ps, top, kill, the ports they serve) and die
 * with it; a saved session drops them, as a restart would.
 */
import type { Ctr, Engine } from './engine';
import { SILENT, baseName, endsAt, idleUntil, nginx, nodeApp, program, type Launch, type Proc } from './process';
import { redisServer } from './redis';
import { runsProgram } from './shell/node';
import { envVar } from './env-var';
import type { BgProc, HttpReply, HttpRequest, Machine, Out } from './shell/types';
import { pythonRelease } from './shell/runtimes';
import { logTime } from '../common/dates';
import { methodOf } from '../common/web';
import { byteLength } from '../common/sh/fs';

/** The program `argv` runs when it keeps running (a server, `sleep`); undefined for one that ends at once. */
export function pick(at: Launch, env: string[], cwd: string): Proc | undefined {
  const { argv } = at;
  const b = baseName(argv[0]);
  const until = idleUntil(at);
  if (until !== undefined) return program(at, until < Infinity ? { deadline: until } : {});
  if (b === 'redis-server') return redisServer(at);
  if (b === 'nginx') return nginx(at, false, true);
  if (b === 'node' && runsProgram(argv)) return nodeApp(at, { env, cwd, stdin: false }, argv.slice(1));
  if (/^python3?(\.\d+)?$/.test(b) && argv[1] === '-m' && argv[2] === 'http.server') {
    // the port is its one positional argument, wherever options like `--bind ADDR` put it
    const port = argv.slice(3).find((a, i, rest) => /^\d+$/.test(a) && !/^(-b|--bind|-d|--directory)$/.test(rest[i - 1] ?? ''));
    return httpServer(at, port ? +port : 8000, cwd, env);
  }
  return undefined;
}

/**
 * `python3 -m http.server`: the files under the directory it was started in. Its stdout is a
 * pipe without a TTY, so what it prints waits in Python's buffer until it exits (unless
 * PYTHONUNBUFFERED); the request log goes to stderr at once.
 */
function httpServer(at: Launch, port: number, dir: string, env: string[]): Proc {
  const { m } = at;
  const buffered = !at.tty && !env.some((e) => /^PYTHONUNBUFFERED=./.test(e));
  let held = '';
  const print = (out: Out, s: string) => (buffered ? (held += s) : out.out(s));
  const server = `SimpleHTTP/0.6 Python/${pythonRelease(m.fs, { PYTHON_VERSION: envVar(env, 'PYTHON_VERSION') || undefined }).split(' ')[0]}`;
  return program(at, {
    async boot(out) {
      print(out, `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    },
    // Python turns SIGINT into KeyboardInterrupt, which the server takes as a clean stop.
    signal(sig, out) {
      if (sig !== 2) return sig === 9 ? 137 : null;
      print(out, '\nKeyboard interrupt received, exiting.\n');
      out.out(held);
      return 0;
    },
    serve(p, path, req): HttpReply | null {
      if (p !== port) return null;
      // SimpleHTTPRequestHandler has do_GET and do_HEAD only: other methods are 501
      const method = methodOf(req);
      const other = !/^(GET|HEAD)$/.test(method) && `Unsupported method ('${method}')`;
      const r = listing(other ? '\0' : path);
      if (other) [r.status, r.body, r.reason] = [501, r.body.replace('404', '501').replace('File not found.', other.replace(/'/g, '&#x27;') + '.').replace('404 - Nothing matches the given URI', '501 - Server does not support this operation'), other];
      // http.server's log_message: the client, its own date format, the request line and `-` for the size
      const t = logTime(m.now());
      const line = (s: string) => req?.log.err(`${req.from} - - [${t}] ${s}\n`);
      if (r.status !== 200) line(`code ${r.status}, message ${other || 'File not found'}`);
      // BaseHTTPRequestHandler speaks HTTP/1.0; send_error adds Connection: close and its own Content-Type
      if (r.status !== 200) r.head = heads('Connection: close', 'Content-Type: text/html;charset=utf-8', `Content-Length: ${byteLength(r.body)}`);
      [r.version, r.reason] = ['1.0', r.reason ?? (r.status === 200 ? 'OK' : 'File not found')];
      line(`"${method} ${path} HTTP/1.1" ${r.status} -`);
      return r;
    },
  });
  /** send_response's Server and Date, then the handler's headers. */
  function heads(...more: string[]) {
    return [`Server: ${server}`, `Date: ${new Date(m.now()).toUTCString()}`, ...more];
  }
  /** A page: its type (a file's as mimetypes guesses it), its length and a file's Last-Modified. */
  function ok(body: string, type: string, mtime?: number): HttpReply {
    return { status: 200, body, server, head: heads(`Content-type: ${type}`, `Content-Length: ${byteLength(body)}`, ...(mtime ? [`Last-Modified: ${new Date(mtime).toUTCString()}`] : [])) };
  }
  function page(f: string): HttpReply {
    const ext = /\.(\w+)$/.exec(f)?.[1] ?? '';
    return ok(m.fs.readFile(f), /^html?$/.test(ext) ? 'text/html' : ext === 'txt' ? 'text/plain' : ext === 'json' ? 'application/json' : 'application/octet-stream', (m.fs.resolve(f).node as { mtime: number }).mtime);
  }
  function listing(path: string): HttpReply {
    const file = dir.replace(/\/$/, '') + path;
    try {
      const node = m.fs.resolve(file).node;
      if (node?.kind === 'dir') {
        const names = [...m.fs.list(file.split('/').filter(Boolean))].map(([n, k]) => (k.kind === 'dir' ? n + '/' : n)).sort();
        if (names.includes('index.html')) return page(file.replace(/\/?$/, '/index.html'));
        const title = `Directory listing for ${path}`;
        return ok(`<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<hr>\n<ul>\n${names.map((n) => `<li><a href="${n}">${n}</a></li>\n`).join('')}</ul>\n<hr>\n</body>\n</html>\n`, 'text/html; charset=utf-8');
      }
      return page(file);
    } catch {
      return { status: 404, body: '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n', server };
    }
  }
}

export const backgrounding = {
  /** What a port of `c` answers from the servers its shells started. */
  served(this: Engine, c: Ctr, port: number, path: string, req: HttpRequest): HttpReply | null {
    for (const e of c.execs) {
      // a server started from a shell logs where that shell's terminal was
      const r = e.exitCode === null ? e.serve?.(port, path, { ...req, log: e.log ?? SILENT }) : null;
      if (r) return r;
    }
    return null;
  },

  /** Starts a background process in `c` (Machine.background); its parent is the shell `ppid`. */
  background(this: Engine, c: Ctr, m: Machine, argv: string[], out: Out, env: string[], cwd: string, ppid: number): BgProc | undefined {
    // started from a terminal, it shares it (ps without options lists it); nginx leaves it
    const at: Launch = { pid: c.nextPid, argv, tty: 'tty' in out && !!out.tty && baseName(argv[0]) !== 'nginx', start: this.now(), m };
    const p = pick(at, env, cwd);
    if (!p) return undefined;
    c.nextPid++;
    p.ppid = ppid;
    p.log = out;
    // one that ends on its time reads as ended once the clock gets there (ps, jobs, wait)
    const end = p.deadline;
    if (end !== undefined) endsAt(p, end, () => this.now());
    // the ended ones are forgotten as new ones come
    c.execs = c.execs.filter((e) => e.exitCode === null || e.ppid === undefined).concat(p);
    return { pid: p.pid, end, status: () => p.exitCode, run: () => p.boot(out) };
  },

  /** A subshell the shell `ppid` left in the background: it parks in its sleeps, as a detached script does. */
  job(this: Engine, c: Ctr, m: Machine, argv: string[], body: (o: Out) => Promise<number>, out: Out, ppid: number): BgProc {
    const p = program({ pid: c.nextPid++, argv, tty: 'tty' in out && !!out.tty, start: this.now(), m }, { ppid, log: out });
    c.execs = c.execs.filter((e) => e.exitCode === null || e.ppid === undefined).concat(p);
    return { pid: p.pid, status: () => p.exitCode, run: () => this.onClock(c, p, out, async (o) => void (p.exitCode ??= await body(o)), () => {}) };
  },
};
