/**
 * curl and wget, for the containers that have them and for the host: a GET through the machine's
 * network (inside the bridge, or from the host to the ports containers publish).
 */
import { splitPath } from './sh/fs';
import { CURL, curlVersion, release } from './curl-version';
import { opts, usage } from './sh/opts';
import type { Command, IO, ShellLike } from './sh/types';

function parseUrl(u: string): { host: string; port: number; path: string } | null {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(u);
  if (!m) return null;
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] ?? '/' };
}

const isAddress = (host: string) => /^(localhost|\d+\.\d+\.\d+\.\d+)$/.test(host);
const ipOf = (host: string) => (host === 'localhost' ? '127.0.0.1' : host);

/** The User-Agent servers log: the release's curl or GNU wget (busybox's wget sends just `Wget`). */
function agent(sh: ShellLike, io: IO, wget: boolean): string {
  const r = release(sh);
  if (wget) return io.busybox ? 'Wget' : `Wget/1.21.${r === 'bookworm' ? 3 : 4}`;
  return 'curl/' + (CURL[r] ?? CURL.noble);
}

export const curl: Command = (args, io, sh) => {
  const o = opts(args, 'oXHd');
  if (o.flags.has('V') || o.flags.has('--version')) return io.out(curlVersion(sh)), 0;
  const url = o.rest[0];
  if (!url) {
    io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  // -s silences curl's own messages, -S brings the errors back
  const silent = (o.flags.has('s') || o.flags.has('--silent')) && !(o.flags.has('S') || o.flags.has('--show-error'));
  const fail = (code: number, msg: string) => (silent || io.err(`curl: (${code}) ${msg}\n`), code);
  const u = parseUrl(url);
  if (!u) return fail(3, 'URL rejected: Malformed input to a URL function');
  // -I asks for the head only, -i shows it before the body
  const head = o.flags.has('I') || o.flags.has('--head');
  const reply = sh.m.http(u.host, u.port, u.path, { agent: agent(sh, io, false), head });
  // A published port whose container does not listen: docker-proxy accepts, then the connection drops
  if (reply?.status === 0) return fail(56, 'Recv failure: Connection reset by peer');
  if (!reply) {
    if (isAddress(u.host)) return fail(7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`);
    return fail(6, `Could not resolve host: ${u.host}`);
  }
  if (head || o.flags.has('i') || o.flags.has('--include')) {
    const lines = reply.head ?? [...(reply.server ? [`Server: ${reply.server}`] : []), 'Content-Type: text/html', `Content-Length: ${reply.body.length}`];
    io.out(`HTTP/1.1 ${reply.status} ${reply.reason ?? (reply.status === 200 ? 'OK' : 'Not Found')}\r\n${lines.map((l) => l + '\r\n').join('')}\r\n`);
    if (head) return 0;
  }
  if (o.values.o) {
    sh.m.fs.writeFile(o.values.o, reply.body, sh.cwd);
    return 0;
  }
  io.out(reply.body);
  return 0;
};

export const wget: Command = (args, io, sh) => {
  const o = opts(args, 'O');
  const u = o.rest[0] && parseUrl(o.rest[0]);
  if (!u) {
    if (io.busybox) usage(io, 'wget [-cqS] [-O FILE] URL...');
    else io.err('wget: missing URL\n');
    return 1;
  }
  const reply = sh.m.http(u.host, u.port, u.path, { agent: agent(sh, io, true) });
  const quiet = o.flags.has('q');
  const at = new Date(sh.m.now()).toISOString().slice(0, 19).replace('T', ' ');
  const url = `http://${u.host}${u.port === 80 ? '' : ':' + u.port}${u.path}`;
  if (!reply || reply.status === 0) {
    if (isAddress(u.host)) {
      const ip = ipOf(u.host);
      const named = ip === u.host ? `${ip}:${u.port}` : `${u.host} (${u.host})|${ip}|:${u.port}`;
      // The machine itself (or a proxy) refuses the port; an address nobody has does not answer at all
      const why = reply || ip === '127.0.0.1' ? 'Connection refused' : io.busybox ? 'Host is unreachable' : 'No route to host';
      if (io.busybox) io.err(`${quiet ? '' : `Connecting to ${u.host}:${u.port} (${ip}:${u.port})\n`}wget: can't connect to remote host (${ip}): ${why}\n`);
      else if (!quiet) io.err(`--${at}--  ${url}\n${ip === u.host ? '' : `Resolving ${u.host} (${u.host})... ${ip}\n`}Connecting to ${named}... failed: ${why}.\n`);
      return io.busybox ? 1 : 4;
    }
    if (io.busybox) io.err(`wget: bad address '${u.host}'\n`);
    else io.err(`${quiet ? '' : `--${at}--  ${url}\nResolving ${u.host} (${u.host})... failed: Name or service not known.\n`}wget: unable to resolve host address '${u.host}'\n`);
    return io.busybox ? 1 : 4;
  }
  // An error status is not saved: busybox dies with the status line, GNU wget exits 8.
  if (reply.status !== 200) {
    if (io.busybox) io.err(`${quiet ? '' : `Connecting to ${u.host} (${u.host}:${u.port})\n`}wget: server returned error: HTTP/1.1 ${reply.status} Not Found\n`);
    else if (!quiet) {
      io.err(`--${at}--  ${url}\nConnecting to ${u.host}:${u.port}... connected.\nHTTP request sent, awaiting response... ${reply.status} Not Found\n${at} ERROR ${reply.status}: Not Found.\n\n`);
    }
    return io.busybox ? 1 : 8;
  }
  const file = o.values.O ?? (splitPath(u.path).pop() || 'index.html');
  if (file === '-') io.out(reply.body);
  else sh.m.fs.writeFile(file, reply.body, sh.cwd);
  if (io.busybox && !quiet) io.err(`Connecting to ${u.host} (${u.host}:${u.port})\n${file === '-' ? 'writing to stdout' : `saving to '${file}'`}\n${file.padEnd(20)} 100% |********************************|   ${reply.body.length}  0:00:00 ETA\n${file === '-' ? 'written to stdout' : `'${file}' saved`}\n`);
  return 0;
};

