/**
 * curl as students type it: curl's option table (long options with values, combined short
 * flags), several URLs, -o/-O, -f, -w, -v, POST with -d/-X, and the progress meter it writes to
 * stderr when the body does not go to a terminal. Timings are fixed: each transfer takes 1 ms.
 */
import { CURL, curlVersion, release } from './curl-version';
import { reason } from './sh/fs';
import { byteLength } from './sh/fs';
import { addressOf, headerOf, headOf, parseUrl, statusLine } from './web';
import type { Command } from './sh/types';

// `name=x`: the long form of -x; `name:` takes a value; the others are flags
const LONG = new Map(('output=o request=X header=H data=d data-ascii=d data-raw: data-binary: data-urlencode: write-out=w user-agent=A max-time=m user=u referer=e cookie=b cookie-jar=c form=F upload-file=T proxy=x range=r cert=E config=K dump-header=D '
  + 'silent=s show-error=S fail=f location=L include=i head=I verbose=v insecure=k version=V remote-name=O ipv4=4 ipv6=6 no-buffer=N http1.0=0 get=G globoff=g help=h progress-bar=# remote-header-name=J '
  + 'connect-timeout: max-redirs: retry: retry-delay: retry-max-time: resolve: cacert: key: url: compressed http1.1 http2 fail-with-body no-progress-meter fail-early no-keepalive location-trusted').split(' ').map((w) => [w.split(/[=:]/)[0], w.split(/[=:]/).concat(w.endsWith(':') ? ':' : '')] as const));
const VALUED = 'AbcCdDeEFHKmorTuwxXyYzQtUP';
const FLAGS = 'aBfgGhiIjJklLMnNOpqRsSvVZ#0123456';

/** curl's progress meter field: five characters, in k and M past 100000 bytes (lib/progress.c max5data). */
function max5(n: number): string {
  const k = 1024, M = k * k;
  const s = n < 1e5 ? `${n}` : n < 1e4 * k ? `${Math.floor(n / k)}k` : n < 100 * M ? `${Math.floor(n / M)}.${Math.floor((n % M) / (M / 10))}M` : `${Math.floor(n / M)}M`;
  return s.padStart(5);
}
/** One line of the meter: total, received and sent with their percentages, speeds as bytes per 1 ms. */
function meter(total: number, got: number, up: number, sent: number, done: boolean): string {
  const pct = (a: number, of: number) => `${of ? Math.floor((a * 100) / of) : 0}`.padStart(3);
  const t = '--:--:--';
  return `\r${pct(got + sent, total + up)} ${max5(total + up)}  ${pct(got, total)} ${max5(got)}  ${pct(sent, up)} ${max5(sent)}  ${max5(done ? got * 1000 : 0)}  ${max5(done ? sent * 1000 : 0)} ${t} ${t} ${t} ${max5(done ? (got + sent) * 1000 : 0)}`;
}
const METER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

export const curl: Command = (args, io, sh) => {
  const o: Record<string, string[]> = {};
  // the -d family joins its parts in the order given
  const parts: [string, string][] = [];
  const put = (k: string, v: string) => ((o[k] ??= []).push(v), /^d/.test(k) && parts.push([k, v]));
  const urls: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    const bad = (why: string) => (io.err(`curl: option ${a}: ${why}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`), 2);
    const set = (k: string, valued: boolean) => {
      if (valued && i + 1 >= args.length) return false;
      put(k, valued ? args[++i] : '');
      return true;
    };
    // `--` ends the options
    if (a === '--') {
      urls.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, short, valued] = LONG.get(a.slice(2)) ?? [];
      if (name === undefined) return bad('is unknown');
      if (!set(short || name, short ? VALUED.includes(short) : !!valued)) return bad('requires parameter');
    } else if (a[0] === '-' && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (VALUED.includes(c)) {
          if (j + 1 < a.length) put(c, a.slice(j + 1));
          else if (!set(c, true)) return bad('requires parameter');
          break;
        }
        if (!FLAGS.includes(c)) return bad('is unknown');
        o[c] = [''];
      }
    } else urls.push(a);
  }
  const has = (k: string) => k in o;
  if (has('h')) {
    const rows = 'd data <data>:HTTP POST data|f fail:Fail fast with no output on HTTP errors|h help <category>:Get help for commands|i include:Include protocol response headers in the output|o output <file>:Write to file instead of stdout|O remote-name:Write output to a file named as the remote file|s silent:Silent mode|T upload-file <file>:Transfer local FILE to destination|u user <user:password>:Server user and password|A user-agent <name>:Send User-Agent <name> to server|v verbose:Make the operation more talkative|V version:Show version number and quit';
    io.out(`Usage: curl [options...] <url>\n${rows.split('|').map((r) => r.replace(/^(\S) ([^:]+(?::p\S+)?):(.*)/, (_, c: string, n: string, d: string) => ` -${c}, --${n.padEnd(21)}${d}\n`)).join('')}\nThis is not the full help, this menu is stripped into categories.\nUse "--help category" to get an overview of all categories.\nFor all options use the manual or "--help all".\n`);
    return 0;
  }
  if (has('V')) return io.out(curlVersion(sh)), 0;
  if (o.url) urls.push(...o.url);
  if (!urls.length) {
    io.err(`${args.length > 1 ? 'curl: no URL specified!\n' : ''}curl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  const read = (f: string, post = true) => {
    try {
      return f === '-' ? io.stdin ?? '' : sh.m.fs.readFile(f, sh.cwd);
    } catch {
      if (post) io.err(`Warning: Couldn't read data from file "${f}", this makes an empty POST.\n`);
      return '';
    }
  };
  // -d @file drops the file's newlines; --data-binary keeps them; --data-raw takes @ as text
  // --data-urlencode: `content`, `=content`, `name=content`, `@file`, `name@file`; all but the name percent-encoded as curl_easy_escape does
  const enc = (d: string, m = /^([^=@]*)([=@])([^]*)$/.exec(d)) => (m?.[1] ? m[1] + '=' : '') + encodeURIComponent(m ? (m[2] === '@' ? read(m[3]) : m[3]) : d).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const data = parts.map(([k, d]) => (k === 'data-urlencode' ? enc(d) : k === 'data-raw' || d[0] !== '@' ? d : k === 'd' ? read(d.slice(1)).replace(/[\r\n]/g, '') : read(d.slice(1))));
  const body = data.length ? data.join('&') : undefined;
  const head = has('I');
  const method = o.X?.at(-1) ?? (head ? 'HEAD' : body !== undefined ? 'POST' : 'GET');
  // -s silences the meter and the errors; -S brings the errors back
  const silent = has('s');
  const quiet = silent && !has('S');
  const verbose = has('v');
  // curl 7 numbers its connections and words a refusal as the system does
  const version = CURL[release(sh)] ?? CURL.noble;
  const old = version.startsWith('7');
  const ua = o.A?.at(-1) ?? 'curl/' + version;
  const outs = [...(o.o ?? [])];
  let code = 0;
  const err = (t: string) => (verbose ? io.err(t) : undefined);
  // curl -v points out a -X that names the method it would use anyway
  if (o.X && method === (body === undefined ? 'GET' : 'POST')) err(`Note: Unnecessary use of -X or --request, ${method} is already inferred.\n`);
  // -L: a redirect is followed in the same transfer (its output file, one meter, -w at the end)
  const queue: { url: string; hops: number; to?: string; lead?: string }[] = urls.map((url) => ({ url, hops: 0 }));
  for (let k = 0; k < queue.length; k++) {
    const { url, hops } = queue[k];
    const u = parseUrl(url);
    // -O names the file after the URL's last segment; -o files go to the URLs in order
    const to = hops ? queue[k].to : has('O') ? u?.path.split(/[?#]/)[0].split('/').pop() ?? '' : outs.shift();
    const file = to === '-' ? undefined : to;
    // these fail before a transfer starts: no meter
    if (!u || (has('O') && !to)) {
      if (!quiet) io.err(u ? 'curl: Remote file name has no length!\n' : 'curl: (3) URL rejected: Malformed input to a URL function\n');
      code = u ? 23 : 3;
      continue;
    }
    const progress = !silent && !has('no-progress-meter') && (file !== undefined || !io.tty);
    if (progress && !hops) io.err(METER + meter(0, 0, 0, 0, false));
    let result = 0;
    let msg = '';
    const ip = addressOf(sh, u.host) ?? '';
    // curl 8 tells how it resolved a name; on the host localhost is ::1 first, which docker-proxy answers too
    const six = !old && !sh.m.resolve && u.host === 'localhost';
    const addr = six ? '::1' : ip;
    if (!old && ip && ip !== u.host) err(`* Host ${u.host}:${u.port} was resolved.\n* IPv6: ${six ? '::1' : '(none)'}\n* IPv4: ${ip}\n`);
    if (ip) err(`*   Trying ${six ? '[::1]' : ip}:${u.port}...\n`);
    let reply = sh.m.http(u.host, u.port, u.path, { agent: ua, head, method, body });
    const connected = `* Connected to ${u.host} (${addr}) port ${u.port}${old ? ' (#0)' : ''}\n`;
    if (reply?.status === 0) {
      err(connected);
      [result, msg, reply] = [56, 'Recv failure: Connection reset by peer', null];
    } else if (!reply) {
      [result, msg] = ip ? [7, `Failed to connect to ${u.host} port ${u.port} after 0 ms: ${old ? 'Connection refused' : "Couldn't connect to server"}`] : [6, `Could not resolve host: ${u.host}`];
      const refused = (a: string, n: number) => err(`* connect to ${a} port ${u.port}${old ? '' : ` from ${a} port ${n}`} failed: Connection refused\n`);
      if (six) refused('::1', 38034), err(`*   Trying ${ip}:${u.port}...\n`);
      if (ip) refused(ip, 43170);
    }
    const size = reply ? byteLength(reply.body) : 0;
    const sent = body === undefined ? 0 : byteLength(body);
    let out = queue[k].lead ?? '';
    let fin = '';
    const lines = reply ? headOf(reply, sh.m.now(), size, head) : [];
    if (reply) {
      // over https curl speaks HTTP/2 (ALPN): no reason phrase, header names in lower case
      const h2 = u.url[4] === 's';
      const status = `${h2 ? `HTTP/2 ${reply.status} ` : statusLine(reply)}\r\n${lines.filter((l) => !h2 || !/^connection:/i.test(l)).map((l) => (h2 ? l.replace(/^[^:]+/, (n) => n.toLowerCase()) : l) + '\r\n').join('')}\r\n`;
      const extra = (o.H ?? []).filter((h) => /^[^:]+:\s*\S/.test(h));
      err(`${connected}${[`${method} ${u.path} HTTP/${h2 ? 2 : '1.1'}`, `Host: ${u.site}`, `User-Agent: ${ua}`, 'Accept: */*', ...extra,
        ...(body === undefined ? [] : [`Content-Length: ${sent}`, 'Content-Type: application/x-www-form-urlencoded']), ''].map((l) => `> ${l}\r\n`).join('')}${sent && !io.tty ? `} [${sent} bytes data]\n` : ''}${status.split('\n').slice(0, -1).map((l) => `< ${l}\n`).join('')}`);
      const to3xx = has('L') && /^30[12378]$/.test(String(reply.status)) ? headerOf(lines, 'location') : undefined;
      if (to3xx !== undefined) {
        const max = Number(o['max-redirs']?.at(-1) ?? 50);
        if (hops >= max && max >= 0) {
          if (!quiet) io.err(`curl: (47) Maximum (${max}) redirects followed\n`);
          code = 47;
          continue;
        }
        // resolved against the URL asked (RFC 3986): a path keeps its scheme, host and port
        const next = new URL(to3xx, u.url).href;
        // the redirect's own body is read and dropped (http.c's firstwrite)
        err(`${size && !head ? `* Ignoring the response-body\n${io.tty ? '' : `{ [${size} bytes data]\n`}` : ''}* Connection #0 to host ${u.host} left intact\n* Issue another request to this URL: '${next}'\n`);
        queue.splice(k + 1, 0, { url: next, hops: hops + 1, to, lead: out + (head || has('i') ? status : '') });
        continue;
      }
      // -f: an HTTP error ends the transfer before the body
      if (reply.status >= 400 && has('f')) {
        [result, msg] = [22, `The requested URL returned error: ${reply.status}`];
        if (progress) io.err(meter(size, 0, 0, 0, false));
      } else {
        out += (head || has('i') ? status : '') + (head ? '' : reply.body);
        if (size && !sent && !io.tty && !head) err(`{ [${size} bytes data]\n`);
        fin = meter(size, head ? 0 : size, sent, sent, true);
      }
    }
    if (file !== undefined && !result && file !== '/dev/null') {
      try {
        sh.m.fs.writeFile(file, out, sh.cwd);
      } catch (e) {
        io.err(`Warning: Failed to open the file ${file}: ${reason(e)}\n`);
        [result, msg] = [23, 'Failure writing output to destination'];
      }
    } else if (file === undefined) io.out(out);
    if (progress) io.err(reply && !result ? fin + '\n' : '\n');
    if (result) err(`* ${msg}\n`);
    if (!result || result === 22) err(`* Connection #0 to host ${u.host} left intact\n`);
    else err(`* Closing connection${old ? ' 0' : ''}\n`);
    if (result && !quiet) io.err(`curl: (${result}) ${msg}\n`);
    const w = o.w?.at(-1);
    if (w !== undefined) io.out(writeOut(w[0] === '@' ? read(w.slice(1), false) : w, { http_code: reply ? String(reply.status).padStart(3, '0') : '000', size_download: reply && !head ? size : 0, size_upload: sent, content_type: headerOf(lines, 'content-type') ?? '', url_effective: u.url, remote_ip: reply ? addr : '', remote_port: reply ? u.port : 0, num_redirects: hops, time_total: '0.001000', exitcode: result, method, errormsg: msg }, io.err));
    if (result) code = result;
    if (result && has('fail-early')) break;
  }
  return code;
};

/** -w: `%{name}` variables, `%%`, and the `\n`, `\r`, `\t` escapes (src/tool_writeout.c). */
function writeOut(f: string, v: Record<string, string | number>, err: (t: string) => void): string {
  v.response_code = v.http_code;
  return f.replace(/%%|%\{([^}]*)\}|\\([nrt])/g, (m, name?: string, esc?: string) => {
    if (esc) return esc === 'n' ? '\n' : esc === 't' ? '\t' : '\r';
    if (name === undefined) return '%';
    if (Object.hasOwn(v, name)) return String(v[name]);
    err(`curl: unknown --write-out variable: '${name}'\n`);
    return '';
  });
}
