/**
 * The few sites of the simulated internet that answer HTTP: example.com's page and google.com's
 * redirect, with the headers those servers send. Other names resolve (ping) but serve nothing.
 */
import type { HttpReply } from './shell/types';

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

/** What the site at `host` answers on port 80 (any path), or null: nothing there. */
export function site(host: string, port: number, now: number): HttpReply | null {
  if (port !== 80) return null;
  const date = new Date(now).toUTCString();
  if (host === 'example.com' || host === 'www.example.com') {
    return { status: 200, body: EXAMPLE, server: '', head: ['Content-Type: text/html', 'ETag: "84238dfc8092e5d9c0dac8ef93371a07:1736799080.121134"', 'Last-Modified: Mon, 13 Jan 2025 20:11:20 GMT', 'Cache-Control: max-age=1868', `Date: ${date}`, `Content-Length: ${EXAMPLE.length}`, 'Connection: keep-alive'] };
  }
  if (host === 'google.com') {
    return {
      status: 301, reason: 'Moved Permanently', body: MOVED, server: 'gws',
      head: ['Location: http://www.google.com/', 'Content-Type: text/html; charset=UTF-8', `Date: ${date}`, `Expires: ${new Date(now + 2592e6).toUTCString()}`, 'Cache-Control: public, max-age=2592000', 'Server: gws', `Content-Length: ${MOVED.length}`, 'X-XSS-Protection: 0', 'X-Frame-Options: SAMEORIGIN'],
    };
  }
  return null;
}
