/**
 * wget, for the containers that have it and for the host, and what it shares with curl: a GET
 * through the machine's network (inside the bridge, or from the host to the ports containers publish).
 */
import { byteLength, splitPath } from './sh/fs';
import { quote } from './sh/coreutils';
import { release } from './curl-version';
import { inetOf } from './internet';
import { isIpv4 } from './ipv4';
import { opts, usage } from './sh/opts';
import type { Command, HttpClient, HttpReply, IO, ShellLike } from './sh/types';

/** `site`: the host as a Host header names it, with the port unless it is the scheme's; `url`: the whole URL, normalized. */
export function parseUrl(u: string): { host: string; port: number; path: string; site: string; url: string } | null {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(u);
  if (!m) return null;
  const tls = m[1] === 'https';
  const port = m[3] ? Number(m[3]) : tls ? 443 : 80;
  const site = m[2] + (port === (tls ? 443 : 80) ? '' : ':' + port);
  const path = m[4] ?? '/';
  return { host: m[2], port, path, site, url: `http${tls ? 's' : ''}://${site}${path}` };
}

/** The address a client connects to: a literal one, or the name as the machine resolves it (its networks', then the internet's). */
export const addressOf = (sh: ShellLike, host: string) =>
  isIpv4(host) ? host : host === 'localhost' ? '127.0.0.1' : sh.m.resolve?.(host)?.ip ?? inetOf(sh.m, host);

/** The User-Agent wget sends: GNU wget's of the release (busybox's sends just `Wget`). */
const agent = (sh: ShellLike, io: IO) => (io.busybox ? 'Wget' : `Wget/1.21.${release(sh) === 'bookworm' ? 3 : 4}`);

/**
 * The response's header lines: the server's own, or what a server that keeps none sends (node's
 * http without headers set, which leaves Content-Length out of the answer to a HEAD).
 */
export const headOf = (r: HttpReply, now: number, size: number, head?: boolean) =>
  r.head ?? (r.server ? [`Server: ${r.server}`, 'Content-Type: text/html', `Content-Length: ${size}`] : [`Date: ${new Date(now).toUTCString()}`, 'Connection: keep-alive', 'Keep-Alive: timeout=5', ...(head ? [] : [`Content-Length: ${size}`])]);

/** A header's value among the response's lines (names are case-insensitive). */
export const headerOf = (lines: string[], name: string) => lines.find((l) => l.slice(0, name.length + 1).toLowerCase() === name + ':')?.replace(/^[^:]*: */, '');

/** The status line's text. */
export const reasonOf = (r: HttpReply) => r.reason ?? (r.status === 200 ? 'OK' : 'Not Found');
/** The response's first line: its HTTP version (1.1 unless the server says), status and reason. */
export const statusLine = (r: HttpReply) => `HTTP/${r.version ?? '1.1'} ${r.status} ${reasonOf(r)}`;

/** GNU wget's rate for a transfer of `n` bytes in 1 ms: `601 KB/s`, or with one letter (`601K`) in the dot progress. */
function rate(n: number, short: boolean): string {
  let r = n * 1000;
  let i = 0;
  for (; r >= 1024 && i < 3; i++) r /= 1024;
  const v = r.toFixed(r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2);
  return short ? v.padStart(4) + ' KMG'[i] : `${v} ${['B', 'KB', 'MB', 'GB'][i]}/s`;
}

/** GNU wget's Length: the bytes, and from 1K on their human_readable(n, 10, 1) size. */
function length(n: number): string {
  let v = n / 1024;
  let i = 0;
  for (; v >= 1024 && i < 3; i++) v /= 1024;
  return n < 1024 ? `${n}` : `${n} (${v.toFixed(v < 10 ? 1 : 0)}${'KMGT'[i]})`;
}

/** GNU wget's dot progress row: a dot per KiB, a space before each group of ten, fifty to a row. */
const dots = (n: number): string => Array.from({ length: 50 }, (_, i) => (i % 10 ? '' : ' ') + (i < n ? '.' : ' ')).join('');

/** The request's method: a client that names none sends GET, or HEAD when it only wants the head. */
export const methodOf = (req?: HttpClient): string => req?.method ?? (req?.head ? 'HEAD' : 'GET');

export const wget: Command = (args, io, sh) => {
  // -nv is one option (busybox accepts and ignores it)
  const o = opts(args.map((a) => (a === '--quiet' ? '-q' : a === '--server-response' ? '-S' : a === '-nv' ? '--no-verbose' : a.replace(/^--output-document=/, '-O'))), 'O');
  const first = parseUrl(o.rest[0] ?? '');
  if (!first) {
    if (io.busybox) usage(io, 'wget [-cqS] [-O FILE] URL...');
    else io.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
    return 1;
  }
  let u = first;
  const spider = o.flags.has('--spider');
  const quiet = o.flags.has('q');
  // GNU -nv: one line for a file saved, the URL and the error for a failure
  const brief = !io.busybox && o.flags.has('--no-verbose');
  const say = (t: string) => (quiet || brief ? undefined : io.err(t));
  const at = new Date(sh.m.now()).toISOString().slice(0, 19).replace('T', ' ');
  // a redirect is followed (busybox: 300 to 303, at most 4 times; GNU also 307 and 308, 20 times)
  for (let hops = 0, reuse = false, known = ''; ; hops++) {
    const reply = sh.m.http(u.host, u.port, u.path, { agent: agent(sh, io), head: spider });
    const ip = addressOf(sh, u.host);
    const named = ip === u.host ? `${ip}:${u.port}` : `${u.host} (${u.host})|${ip}|:${u.port}`;
    // GNU's block up to the connection (an open one to the same server is used again); busybox names the address it connects to
    const gnu = `${spider ? 'Spider mode enabled. Check if remote file exists.\n' : ''}--${at}--  ${u.url}\n${reuse ? `Reusing existing connection to ${u.host}:${u.port}.\n` : `${ip === u.host || known === u.host ? '' : `Resolving ${u.host} (${u.host})... ${ip}\n`}Connecting to ${named}... `}`;
    const bb = `Connecting to ${u.host} (${ip}:${u.port})\n`;
    if (!reply || reply.status === 0) {
      if (ip) {
        // The machine itself (or a proxy) refuses the port; an address nobody has does not answer at all
        const why = reply || ip === '127.0.0.1' || ip !== u.host ? 'Connection refused' : io.busybox ? 'Host is unreachable' : 'No route to host';
        if (io.busybox) io.err(`${quiet ? '' : bb}wget: can't connect to remote host (${ip}): ${why}\n`);
        else say(`${gnu}failed: ${why}.\n`);
        return io.busybox ? 1 : 4;
      }
      if (io.busybox) io.err(`wget: bad address '${u.host}'\n`);
      else io.err(`${quiet || brief ? '' : `--${at}--  ${u.url}\nResolving ${u.host} (${u.host})... failed: Name or service not known.\n`}wget: unable to resolve host address ${quote(sh, u.host)}\n`);
      return io.busybox ? 1 : 4;
    }
    const reason = reasonOf(reply);
    const size = byteLength(reply.body);
    const head = headOf(reply, sh.m.now(), size, spider);
    // -S: the response's head, indented
    const shown = o.flags.has('S') ? `  ${statusLine(reply)}\n${head.map((l) => `  ${l}\n`).join('')}` : '';
    say(io.busybox ? (reuse ? '' : bb) + shown : `${reuse ? gnu : gnu + 'connected.\n'}HTTP request sent, awaiting response... ${shown ? '\n' + shown : `${reply.status} ${reason}\n`}`);
    const to = (io.busybox ? /^30[0-3]$/ : /^30[12378]$/).test(String(reply.status)) && headerOf(head, 'location');
    let next = null;
    try {
      next = to && parseUrl(new URL(to, u.url).href);
    } catch { /* a Location that is no URL: the status stands */ }
    if (to && next) {
      if (hops === (io.busybox ? 4 : 20)) return io.err(io.busybox ? 'wget: too many redirections\n' : '20 redirections exceeded.\n'), io.busybox ? 1 : 8;
      if (!io.busybox) say(`Location: ${to} [following]\n`);
      // busybox connects again unless the new place is a path on the same server
      reuse = io.busybox ? to[0] === '/' : next.host + next.port === u.host + u.port;
      // GNU resolves a name once
      known = u.host;
      u = next;
      continue;
    }
    // An error status is not saved: busybox dies with the status line, GNU wget exits 8.
    if (reply.status !== 200) {
      if (io.busybox) io.err(`wget: server returned error: ${statusLine(reply)}\n`);
      else if (brief && !quiet) io.err(`${u.url}:\n${at} ERROR ${reply.status}: ${reason}.\n`);
      else say(`${spider ? 'Remote file does not exist -- broken link!!!' : `${at} ERROR ${reply.status}: ${reason}.`}\n\n`);
      return io.busybox ? 1 : 8;
    }
    const file = saved({ io, sh, at, say, spider, to: o.values.O }, u.path, reply.body, size, head);
    if (typeof file === 'number') return file;
    if (brief && !quiet && !spider) io.err(`${at} URL:${u.url} [${size}/${size}] -> "${file}" [1]\n`);
    return 0;
  }
};

/** One wget run: where it speaks (`say`: what -q and -nv leave), when it started, `-O`'s file. */
interface Run { io: IO; sh: ShellLike; at: string; say: (t: string) => void; spider: boolean; to?: string }

/** What wget does with a page it got: a spider only tells it exists; the others save it (or write it out) and say so. */
function saved({ io, sh, at, say, spider, to }: Run, path: string, body: string, size: number, head: string[]): number | string {
  const type = headerOf(head, 'content-type')?.replace(/;.*/, '');
  if (spider) return say(io.busybox ? '' : `Length: ${length(size)}${type ? ` [${type}]` : ''}\nRemote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n`), 0;
  let file = to ?? (splitPath(path).pop() || 'index.html');
  // GNU keeps what is there (index.html.1…); busybox refuses to overwrite it
  if (to === undefined) {
    const taken = (f: string) => !!sh.m.fs.resolve(f, sh.cwd)?.node;
    if (taken(file) && io.busybox) return io.err(`wget: can't open '${file}': File exists\n`), 1;
    for (let n = 1, base = file; taken(file); n++) file = `${base}.${n}`;
  }
  // What is said before the transfer comes before the body on a terminal; the meter and the end after it.
  const q = quote(sh, file === '-' ? 'STDOUT' : file);
  say(io.busybox ? `${file === '-' ? 'writing to stdout' : `saving to '${file}'`}\n` : `Length: ${length(size)}${type ? ` [${type}]` : ''}\nSaving to: ${q}\n\n`);
  if (file === '-') io.out(body);
  else if (file !== '/dev/null') sh.m.fs.writeFile(file, body, sh.cwd);
  if (io.busybox) say(`${file.padEnd(20)} 100% |********************************|   ${size}  0:00:00 ETA\n${file === '-' ? 'written to stdout' : `'${file}' saved`}\n`);
  else {
    const bar = io.tty ? `${file.slice(0, 19).padEnd(20)}100%[===================>]${String(size).padStart(8)}  --.-KB/s    in 0s      ` : `     0K${dots(Math.min(50, size >> 10))}100% ${rate(size, true)}=0.001s`;
    say(`${bar}\n\n${at} (${rate(size, false)}) - ${file === '-' ? 'written to stdout' : q + ' saved'} [${size}/${size}]\n\n`);
  }
  return file;
}
