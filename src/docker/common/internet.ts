/**
 * The simulated internet: a few well-known domains (and their subdomains) that resolve, each name
 * to one stable address; example.com's page, google.com's redirect and www.google.com's page
 * answer HTTP with the headers those servers send, the other names redirect to https.
 */
import type { HttpReply } from './sh/types';

// the page as served until late 2025 (1256 bytes)
const EXAMPLE = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <style type="text/css">
    body {
        background-color: #f0f0f2;
        margin: 0;
        padding: 0;
        font-family: -apple-system, system-ui, BlinkMacSystemFont, "Segoe UI", "Open Sans", "Helvetica Neue", Helvetica, Arial, sans-serif;
        
    }
    div {
        width: 600px;
        margin: 5em auto;
        padding: 2em;
        background-color: #fdfdff;
        border-radius: 0.5em;
        box-shadow: 2px 3px 7px 2px rgba(0,0,0,0.02);
    }
    a:link, a:visited {
        color: #38488f;
        text-decoration: none;
    }
    @media (max-width: 700px) {
        div {
            margin: 0 auto;
            width: auto;
        }
    }
    </style>    
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;
const MOVED = '<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n<A HREF="http://www.google.com/">here</A>.\r\n</BODY></HTML>\r\n';

const DOMAINS = /(^|\.)(example\.(com|org|net)|google\.com|github\.com|docker\.(com|io)|debian\.org|ubuntu\.com|alpinelinux\.org|npmjs\.org|pypi\.org|python\.org|nodejs\.org|cloudflare\.com|wikipedia\.org)$/;
// [IPv4, IPv6] of the names people look up most (the others get theirs from a hash of the name)
const KNOWN: Record<string, string> = { 'example.com': '23.192.228.80 2600:1406:3a00:21::173e:2e65', 'google.com': '142.250.70.130 2a00:1450:4001:82f::200e', 'www.google.com': '142.250.70.164 2a00:1450:4001:82a::2004' };

/** The internet's address of a name as a machine reaches it: none when the machine is offline. */
export const inetOf = (m: { online?: boolean }, host: string, v6 = false): string | undefined => (m.online === false ? undefined : inetAddr(host, v6));

/** The internet's address of a name (IPv6 with `v6`), undefined when no such name exists there. */
export function inetAddr(host: string, v6 = false): string | undefined {
  const k = KNOWN[host]?.split(' ');
  if (k) return k[+v6];
  if (!DOMAINS.test(host)) return undefined;
  const h = [...host].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7);
  return v6 ? `2606:4700::${(h & 0xffff).toString(16)}` : `104.${16 + (h % 16)}.${(h >>> 8) & 255}.${(h >>> 16) % 254 + 1}`;
}

// what else the servers hold, as `TTL data|data…` (none of a type: an empty answer; a reverse name not here: NXDOMAIN)
const RECORDS: Record<string, string> = {
  '. NS': '518400 ' + [...'abcdefghijklm'].map((c) => c + '.root-servers.net.').join('|'),
  'google.com MX': '300 10 smtp.google.com.',
  'google.com NS': '345600 ns1.google.com.|ns2.google.com.|ns3.google.com.|ns4.google.com.',
  'google.com TXT': '3600 "v=spf1 include:_spf.google.com ~all"',
  'example.com MX': '86400 0 .',
  'example.com NS': '86400 a.iana-servers.net.|b.iana-servers.net.',
  'example.com TXT': '86400 "v=spf1 -all"|"_k2n1y4vw3qtb4skdx9e7dxt97qrmmq9"',
  '80.228.192.23.in-addr.arpa PTR': '3600 a23-192-228-80.deploy.static.akamaitechnologies.com.',
  '130.70.250.142.in-addr.arpa PTR': '86400 syd15s17-in-f2.1e100.net.',
  '164.70.250.142.in-addr.arpa PTR': '86400 syd15s17-in-f4.1e100.net.',
};

/** What the internet's DNS answers for `name` (no final dot) and `type`: [TTL, data…], [] when it has none of that type, undefined: NXDOMAIN. */
export function inetRecords(name: string, type: string): string[] | undefined {
  const ip = /^A(AAA)?$/.test(type) && inetAddr(name, type > 'A');
  const r = RECORDS[`${name || '.'} ${type}`] ?? (ip ? '300 ' + ip : '');
  return r ? r.replace(' ', '|').split('|') : !name || inetAddr(name) ? [] : undefined;
}

const PAGE = '<!doctype html><html><head><title>Google</title></head><body><form action="/search"><input name="q"><input type="submit" value="Google Search"></form></body></html>';

/** What the site at `host` answers on port 80 or 443 (any path), or null: nothing there. */
export function site(host: string, port: number, now: number): HttpReply | null {
  if ((port !== 80 && port !== 443) || !inetAddr(host)) return null;
  const date = new Date(now).toUTCString();
  if (/^(www\.)?example\.(com|org|net)$/.test(host)) {
    return { status: 200, body: EXAMPLE, server: '', head: ['Content-Type: text/html', 'ETag: "84238dfc8092e5d9c0dac8ef93371a07:1736799080.121134"', 'Last-Modified: Mon, 13 Jan 2025 20:11:20 GMT', 'Cache-Control: max-age=1868', `Date: ${date}`, `Content-Length: ${EXAMPLE.length}`, 'Connection: keep-alive'] };
  }
  if (host === 'google.com') {
    return {
      status: 301, reason: 'Moved Permanently', body: MOVED, server: 'gws',
      head: ['Location: http://www.google.com/', 'Content-Type: text/html; charset=UTF-8', `Date: ${date}`, `Expires: ${new Date(now + 2592e6).toUTCString()}`, 'Cache-Control: public, max-age=2592000', 'Server: gws', `Content-Length: ${MOVED.length}`, 'X-XSS-Protection: 0', 'X-Frame-Options: SAMEORIGIN'],
    };
  }
  if (host === 'www.google.com') {
    return { status: 200, body: PAGE, server: 'gws', head: [`Date: ${date}`, 'Expires: -1', 'Cache-Control: private, max-age=0', 'Content-Type: text/html; charset=ISO-8859-1', 'Server: gws', `Content-Length: ${PAGE.length}`, 'X-XSS-Protection: 0', 'X-Frame-Options: SAMEORIGIN'] };
  }
  // the others send http to https, and serve a page there (a stub standing for theirs)
  if (port === 80) return { status: 301, reason: 'Moved Permanently', body: '', server: '', head: ['Content-Length: 0', `Location: https://${host}/`] };
  const body = `<!DOCTYPE html>\n<html><head><title>${host}</title></head><body></body></html>\n`;
  return { status: 200, body, server: '', head: [`Date: ${date}`, 'Content-Type: text/html; charset=utf-8', `Content-Length: ${body.length}`] };
}
