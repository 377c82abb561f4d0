import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';
import { HostShell } from '../../../../src/docker/client/shell/host-shell';
import { HOST_PROGRAMS } from '../../../../src/docker/client/shell/programs';
import { Overlay, newDir } from '../../../../src/docker/engine/fs';
import type { Machine } from '../../../../src/docker/common/sh/types';

const METER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const ZERO = '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

async function web() {
  const run = session();
  await run('docker run -d --name web -p 8080:80 nginx');
  await run(`docker run -d --name api -p 3000:3000 node:20 node -e "require('http').createServer((q, r) => r.end(q.method + ' ' + q.url)).listen(3000)"`);
  return run;
}

test('curl takes long options with values, combined short flags and several URLs as curl does', async () => {
  const run = await web();
  const w = await run(`curl --silent --output /dev/null --write-out '%{http_code} %{size_download} %{content_type}\\n' localhost:8080`);
  assert.deepEqual(w, { out: '200 615 text/html\n', err: '', exit: 0 });
  assert.equal((await run('curl -fsSL localhost:3000/a')).out, 'GET /a');
  // -o goes to the first URL, the second is written out
  assert.equal((await run('curl -s localhost:8080 localhost:3000/b -o page.html')).out, 'GET /b');
  assert.equal((await run('wc -c < page.html')).out, '615\n');
  assert.equal((await run('ls /dev/null')).exit, 0);
  assert.deepEqual(await run('curl --foo localhost'), { out: '', err: "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exit: 2 });
  assert.deepEqual(await run('curl -sSo'), { out: '', err: "curl: option -sSo: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exit: 2 });
  assert.equal((await run('curl --constructor')).err, "curl: option --constructor: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  assert.equal((await run('curl -s')).err, "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  assert.equal((await run('curl -O localhost:8080/')).err, 'curl: Remote file name has no length!\n');
});

test('curl -w writes its variables after the body, 000 when the connection fails; -f fails with 22 and no body', async () => {
  const run = await web();
  const w = await run(`curl -s -w '|%{response_code} %{url_effective} %{remote_ip}:%{remote_port} %{time_total} %{exitcode} %{method} 100%%\\t%{bogus}%{toString}\\n' -X PUT localhost:3000/x`);
  assert.deepEqual(w, { out: 'PUT /x|200 http://localhost:3000/x ::1:3000 0.001000 0 PUT 100%\t\n', err: "curl: unknown --write-out variable: 'bogus'\ncurl: unknown --write-out variable: 'toString'\n", exit: 0 });
  const down = await run(`curl -w '%{http_code} %{exitcode}\\n' -s localhost:9999`);
  assert.deepEqual(down, { out: '000 7\n', err: '', exit: 7 });
  assert.deepEqual(await run('curl -sSf localhost:8080/nope'), { out: '', err: 'curl: (22) The requested URL returned error: 404\n', exit: 22 });
  assert.equal((await run('curl -s localhost:8080/nope -w %{http_code} -o /dev/null')).out, '404');
});

test('curl writes its progress meter when the body does not go to a terminal', async () => {
  const run = await web();
  const r = await run('curl -o page.html localhost:8080');
  assert.equal(r.err, `${METER}${ZERO}\r100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`);
  assert.equal((await run('curl localhost:8080', { tty: true })).err, '');
  assert.equal((await run('curl -s localhost:8080 | head -1')).err, '');
  assert.equal((await run('curl localhost:9999')).err, `${METER}${ZERO}\ncurl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server\n`);
  // -f stops at the head: the size is known, nothing received
  assert.match((await run('curl -f localhost:8080/nope')).err, /\r {2}0 {3}153 {4}0 {5}0 .*\n/);
  assert.equal((await run('docker exec web curl -s -o /dev/null localhost')).err, '');
  assert.match((await run('docker exec web curl -o /dev/null localhost')).err, /600k\n$/);
});

test('curl -v shows the connection, the request and the response head on stderr; POST reaches the servers', async () => {
  const run = await web();
  const v = await run('curl -v localhost:3000/hola', { tty: true });
  assert.equal(v.out, 'GET /hola');
  assert.match(v.err, /^\* Host localhost:3000 was resolved\.\n\* IPv6: ::1\n\* IPv4: 127\.0\.0\.1\n\* {3}Trying \[::1\]:3000\.\.\.\n\* Connected to localhost \(::1\) port 3000\n> GET \/hola HTTP\/1\.1\r\n> Host: localhost:3000\r\n> User-Agent: curl\/8\.5\.0\r\n> Accept: \*\/\*\r\n> \r\n< HTTP\/1\.1 200 OK\r\n< Date: .*\r\n< Connection: keep-alive\r\n< Keep-Alive: timeout=5\r\n< Content-Length: 9\r\n< \r\n\* Connection #0 to host localhost left intact\n$/);
  assert.match((await run('docker exec web curl -sv localhost')).err, /port 80 \(#0\)\n[^]*\{ \[615 bytes data\]\n/);
  const post = await run('curl -s -d a=1 localhost:8080');
  assert.match(post.out, /<title>405 Not Allowed<\/title>/);
  assert.match((await run('curl -sI -X DELETE localhost:8080/nope')).out, /^HTTP\/1\.1 405 Not Allowed\r\n/);
  assert.equal((await run('curl -s --data-raw x=1 localhost:3000/alta')).out, 'POST /alta');
  assert.match((await run('docker logs web')).out, /"POST \/ HTTP\/1\.1" 405 157 "-" "curl\/8\.5\.0"/);
});

test('wget saves index.html then index.html.1 (GNU) or refuses to overwrite (busybox), with their progress', async () => {
  const run = await web();
  await run('docker pull -q alpine');
  await run('docker pull -q debian:12');
  const bb = await run(`docker run --rm --network container:web alpine sh -c 'wget localhost; wget localhost; echo $?; wget -q --spider localhost; echo $?'`);
  assert.equal(bb.out, '1\n0\n');
  assert.match(bb.err, /^Connecting to localhost \(127\.0\.0\.1:80\)\nsaving to 'index\.html'\n[^]*\nConnecting to localhost \(127\.0\.0\.1:80\)\nwget: can't open 'index\.html': File exists\n$/);
  await run('docker run -d --name deb --network container:web debian:12 sleep 1000');
  await run('docker exec deb sh -c "apt-get update; apt-get install -y wget"');
  const g = await run('docker exec deb sh -c "cd /tmp && wget localhost && wget -O x localhost/nope; wget localhost; ls"');
  assert.equal(g.out, 'index.html\nindex.html.1\n');
  assert.match(g.err, /^--2025-\S+ \S+--  http:\/\/localhost\/\nResolving localhost \(localhost\)\.\.\. 127\.0\.0\.1\nConnecting to localhost \(localhost\)\|127\.0\.0\.1\|:80\.\.\. connected\.\nHTTP request sent, awaiting response\.\.\. 200 OK\nLength: 615 \[text\/html\]\nSaving to: 'index\.html'\n\n {5}0K {55}100%  601K=0\.001s\n\n\S+ \S+ \(601 KB\/s\) - 'index\.html' saved \[615\/615\]\n\n/);
  assert.match(g.err, /awaiting response\.\.\. 404 Not Found\n\S+ \S+ ERROR 404: Not Found\.\n/);
  assert.match((await run('docker exec deb wget --spider -S localhost')).err, /awaiting response\.\.\. \n {2}HTTP\/1\.1 200 OK\n {2}Server: nginx\/1\.27\.5\n[^]*Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving\.\n\n$/);
});

test('curl --help prints its stripped menu', async () => {
  const run = session();
  const h = await run('curl --help');
  assert.equal(h.exit, 0);
  assert.match(h.out, /^Usage: curl \[options\.\.\.\] <url>\n -d, --data <data> {10}HTTP POST data\n[^]* -u, --user <user:password> Server user and password\n[^]*\nFor all options use the manual or "--help all"\.\n$/);
  assert.equal((await run('curl -h')).out, h.out);
});

test('a Flask app routes by method: POST reaches a methods=[…] or @app.post view, other methods get 405', async () => {
  const run = session();
  const app = 'from flask import Flask\\napp = Flask(__name__)\\n\\n@app.route(\\"/\\")\\ndef hola():\\n    return \\"hola\\"\\n\\n@app.route(\\"/alta\\", methods=[\\"GET\\", \\"POST\\"])\\ndef alta():\\n    return \\"alta\\"\\n\\n@app.post(\\"/solo\\")\\ndef solo():\\n    return \\"solo\\"\\n\\napp.run(host=\\"0.0.0.0\\", port=5000)\\n';
  await run(`printf "${app}" > app.py`);
  await run("printf 'FROM python:3.12-slim\\nWORKDIR /app\\nRUN pip install -q flask\\nCOPY app.py .\\nCMD [\"python\", \"-u\", \"app.py\"]\\n' > Dockerfile");
  assert.equal((await run('docker build -q -t fl .')).exit, 0);
  await run('docker run -d --name fl -p 5000:5000 fl');
  assert.equal((await run('curl -s -d x=1 localhost:5000/alta')).out, 'alta');
  assert.equal((await run('curl -s -X POST localhost:5000/solo')).out, 'solo');
  const no = await run('curl -si -d x=1 localhost:5000/');
  assert.match(no.out, /^HTTP\/1\.1 405 METHOD NOT ALLOWED\r\n[^]*<title>405 Method Not Allowed<\/title>/);
  assert.equal((await run('curl -s -o /dev/null -w %{http_code} localhost:5000/solo')).out, '405');
  assert.match((await run('docker logs fl')).err, /"POST \/alta HTTP\/1\.1" 200 -\n.*"POST \/solo HTTP\/1\.1" 200 -\n.*"\x1b\[31m\x1b\[1mPOST \/ HTTP\/1\.1\x1b\[0m" 405 -\n/);
});

test('python -m http.server answers other methods than GET and HEAD with its 501 page', async () => {
  const run = session();
  await run('docker run -d --name py -p 8000:8000 python:3.12-slim python -m http.server');
  const r = await run('curl -si -d a=1 localhost:8000/');
  assert.match(r.out, /^HTTP\/1\.0 501 Unsupported method \('POST'\)\r\n[^]*<p>Message: Unsupported method \(&#x27;POST&#x27;\)\.<\/p>\n {8}<p>Error code explanation: 501 - Server does not support this operation\.<\/p>/);
  assert.match((await run('docker logs py')).err, /\] code 501, message Unsupported method \('POST'\)\n.*\] "POST \/ HTTP\/1\.1" 501 -\n$/);
});

test('curl -v notes a -X that names the inferred method; refused on the host it tries ::1 then 127.0.0.1', async () => {
  const run = session();
  assert.match((await run('curl -v -X POST -d a localhost:1')).err, /^Note: Unnecessary use of -X or --request, POST is already inferred\.\n/);
  assert.equal((await run('curl -sv localhost:1')).err, "* Host localhost:1 was resolved.\n* IPv6: ::1\n* IPv4: 127.0.0.1\n*   Trying [::1]:1...\n* connect to ::1 port 1 from ::1 port 38034 failed: Connection refused\n*   Trying 127.0.0.1:1...\n* connect to 127.0.0.1 port 1 from 127.0.0.1 port 43170 failed: Connection refused\n* Failed to connect to localhost port 1 after 0 ms: Couldn't connect to server\n* Closing connection\n");
});

test('curl takes `--` as the end of its options', async () => {
  const run = session();
  assert.equal((await run('curl --')).err, "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  assert.equal((await run('curl -s -- localhost:1')).exit, 7);
});

test("curl 7 (Debian 12's) words a refused connection as the system does and numbers the connection", async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  const r = await run('docker exec web curl -sSv localhost:81');
  assert.equal(r.err, "*   Trying 127.0.0.1:81...\n* connect to 127.0.0.1 port 81 failed: Connection refused\n* Failed to connect to localhost port 81 after 0 ms: Connection refused\n* Closing connection 0\ncurl: (7) Failed to connect to localhost port 81 after 0 ms: Connection refused\n");
});

test("nginx's 50x.html holds its page (497 bytes); python's http.server names the image's python in its Server header", async () => {
  const run = session();
  assert.match((await run('docker run --rm nginx sh -c "wc -c /usr/share/nginx/html/50x.html; grep h1 /usr/share/nginx/html/50x.html"')).out, /^497 \/usr\/share\/nginx\/html\/50x.html\n<h1>An error occurred.<\/h1>\n$/);
  await run('docker run -d --name hs -p 8000:8000 python:3.12-slim python -m http.server');
  assert.match((await run('curl -sI localhost:8000')).out, /\r\nServer: SimpleHTTP\/0.6 Python\/3.12.11\r\n/);
});

test('a directory without its slash is redirected (nginx with its own port, Apache with the Host); nginx forbids one without index.html and logs why', async () => {
  const run = session();
  await run('docker run -d --name web -p 8080:80 nginx');
  await run('docker exec web mkdir -p /usr/share/nginx/html/docs /usr/share/nginx/html/vacio');
  await run('docker exec web sh -c "echo hola > /usr/share/nginx/html/docs/index.html"');
  const r = (await run('curl -i localhost:8080/docs')).out;
  assert.match(r, /^HTTP\/1.1 301 Moved Permanently\r\nServer: nginx\/1.27.5\r\nDate: .*\r\nContent-Type: text\/html\r\nContent-Length: 169\r\nLocation: http:\/\/localhost\/docs\/\r\nConnection: keep-alive\r\n\r\n<html>\r\n<head><title>301 Moved Permanently<\/title>/);
  assert.equal((await run('curl -s localhost:8080/docs/')).out, 'hola\n');
  assert.match((await run('curl -sI localhost:8080/vacio/')).out, /^HTTP\/1.1 403 Forbidden\r\n/);
  assert.match((await run('docker logs --tail 2 web')).err, /\[error\] \d+#\d+: \*\d+ directory index of "\/usr\/share\/nginx\/html\/vacio\/" is forbidden, client: 172.17.0.1, server: localhost, request: "HEAD \/vacio\/ HTTP\/1.1", host: "localhost:8080"\n$/);
  await run('docker run -d --name ap -p 8081:80 httpd');
  await run('docker exec ap mkdir /usr/local/apache2/htdocs/docs');
  assert.match((await run('curl -i localhost:8081/docs')).out, /^HTTP\/1.1 301 Moved Permanently\r\nDate: .*\r\nServer: Apache\/2.4.63 \(Unix\)\r\nLocation: http:\/\/localhost:8081\/docs\/\r\nContent-Length: 235\r\n[^]*<p>The document has moved <a href="http:\/\/localhost:8081\/docs\/">here<\/a>.<\/p>\n<\/body><\/html>\n$/);
});

test("curl -L follows a redirect in the same transfer: nginx's Location without the published port fails on the host's port 80", async () => {
  const run = session();
  await run('docker run -d --name web -p 8080:80 nginx');
  await run('docker exec web mkdir /usr/share/nginx/html/docs');
  const r = await run('curl -siL localhost:8080/docs');
  assert.equal(r.exit, 7);
  assert.match(r.out, /^HTTP\/1.1 301 Moved Permanently\r\n[^]*Location: http:\/\/localhost\/docs\/\r\nConnection: keep-alive\r\n\r\n$/);
  await run('docker run -d --name w80 -p 80:80 nginx');
  await run('docker exec w80 sh -c "mkdir /usr/share/nginx/html/docs && echo hola > /usr/share/nginx/html/docs/index.html"');
  assert.deepEqual(await run('curl -sL -w "%{http_code} %{num_redirects} %{url_effective}\\n" localhost/docs'), { out: 'hola\n200 1 http://localhost/docs/\n', err: '', exit: 0 });
  assert.equal((await run('curl -sIL localhost/docs | grep "^HTTP"')).out, 'HTTP/1.1 301 Moved Permanently\r\nHTTP/1.1 200 OK\r\n');
});

test('GNU wget without a URL says so with its usage line, exit 1', async () => {
  const run = session();
  assert.deepEqual(await run('wget'), { out: '', err: "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", exit: 1 });
});

/** A host whose port answers /a with a relative redirect to /b (and /dir/a to `c`), recording what reaches it. */
function redirecting() {
  const hits: string[] = [];
  const now = () => Date.UTC(2025, 5, 1);
  const http: Machine['http'] = (host, port, path, req) => {
    hits.push(`${host}:${port}${path}${req?.body === undefined ? '' : ' ' + req.body}`);
    const to = path === '/a' ? '/b' : path === '/dir/a' ? 'c' : '';
    return to ? { status: 302, reason: 'Found', body: '', server: '', head: ['Content-Length: 0', 'Location: ' + to] } : { status: 200, body: 'B', server: '', head: ['Content-Length: 1'] };
  };
  const sh = new HostShell(now, () => {}, HOST_PROGRAMS, new Overlay(newDir(), [], now), http);
  const go = async (line: string) => {
    const o = { out: '', err: '' };
    await sh.run(line, { out: (t) => void (o.out += t), err: (t) => void (o.err += t), tty: false, sleep: () => Promise.resolve() });
    return o;
  };
  return { hits, go };
}

test('curl -L and wget resolve a relative Location against the URL asked: its scheme, host and port stay', async () => {
  const { hits, go } = redirecting();
  const run2 = session();
  assert.equal((await go("curl -sL -w ' %{url_effective} %{num_redirects}' https://localhost:8443/a")).out, 'B https://localhost:8443/b 1');
  assert.equal((await go("curl -sL -w ' %{url_effective}' https://localhost/dir/a")).out, 'B https://localhost/dir/c');
  assert.deepEqual(hits, ['localhost:8443/a', 'localhost:8443/b', 'localhost:443/dir/a', 'localhost:443/dir/c']);
  assert.match((await go('wget -O - https://localhost:8443/a')).err, /Location: \/b \[following\]\n--[^\n]*--  https:\/\/localhost:8443\/b\n/);
  assert.equal((await go('curl -sL --max-redirs 0 https://localhost/a')).err, '');
  assert.match((await run2('curl -svL -o /dev/null http://google.com')).err, /\n< \r\n\* Ignoring the response-body\n\{ \[219 bytes data\]\n\* Connection #0 to host google\.com left intact\n\* Issue another request to this URL: 'http:\/\/www\.google\.com\/'\n/);
  assert.equal((await go('curl -L --max-redirs 0 -s -S https://localhost/a')).err, 'curl: (47) Maximum (0) redirects followed\n');
});

test('curl counts the bytes it sends (UTF-8) and --data-urlencode escapes as curl_easy_escape does', async () => {
  const { hits, go } = redirecting();
  const v = await go("curl -sv -d 'név=é' localhost/b");
  assert.match(v.err, /\n> Content-Length: 7\r\n/);
  await go(`curl -s --data-urlencode 'q=a b&c' --data-urlencode '=x!y' --data-urlencode 'ñ' localhost/b`);
  assert.equal(hits.at(-1), "localhost:80/b q=a%20b%26c&x%21y&%C3%B1");
  await go("printf 'l1\\nl2\\n' > f; curl -s --data-urlencode v@f -d @f --data-binary @f localhost/b");
  assert.equal(hits.at(-1), 'localhost:80/b v=l1%0Al2%0A&l1l2&l1\nl2\n');
});

test("curl -I: http.server answers in HTTP/1.0 with send_response's Server and Date; node's http leaves Content-Length out of a HEAD", async () => {
  const run = await web();
  await run('docker run -d --name py -p 8000:8000 python:3.12-slim python -m http.server');
  assert.match((await run('curl -sI localhost:8000')).out, /^HTTP\/1\.0 200 OK\r\nServer: SimpleHTTP\/0\.6 Python\/3\.12\.\d+\r\nDate: [^\r]+ GMT\r\nContent-type: text\/html; charset=utf-8\r\nContent-Length: \d+\r\n\r\n$/);
  await run("docker exec py sh -c 'echo hi > /a.txt'");
  assert.match((await run('curl -sI localhost:8000/a.txt')).out, /^HTTP\/1\.0 200 OK\r\n[^]*\r\nContent-type: text\/plain\r\nContent-Length: 3\r\nLast-Modified: [^\r]+ GMT\r\n\r\n$/);
  assert.match((await run('curl -si localhost:8000/nope')).out, /^HTTP\/1\.0 404 File not found\r\nServer: [^\r]+\r\nDate: [^\r]+\r\nConnection: close\r\nContent-Type: text\/html;charset=utf-8\r\nContent-Length: 335\r\n\r\n<!DOCTYPE HTML>/);
  assert.match((await run('curl -sI localhost:3000')).out, /^HTTP\/1\.1 200 OK\r\nDate: [^\r]+\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n$/);
  assert.match((await run('curl -si localhost:3000')).out, /\r\nKeep-Alive: timeout=5\r\nContent-Length: 5\r\n\r\nGET \/$/);
});
