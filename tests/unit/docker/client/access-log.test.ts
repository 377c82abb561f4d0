import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

const T = String.raw`\[16/Jun/2025:09:30:\d\d \+0000\]`;

test("nginx logs each request as its image configures it: the client, the request, status, bytes and curl's agent", async () => {
  const run = session();
  await run('docker run -d --name web -p 8080:80 nginx');
  await run('curl -s localhost:8080');
  await run('curl -sI localhost:8080/nope');
  await run('docker exec web curl -s localhost/');
  const [out, err] = [(await run('docker logs web 2>/dev/null')).out, (await run('docker logs web 2>&1 >/dev/null')).out];
  assert.match(out, new RegExp(String.raw`\n172\.17\.0\.1 - - ${T} "GET / HTTP/1\.1" 200 615 "-" "curl/8\.5\.0" "-"\n` +
    String.raw`172\.17\.0\.1 - - ${T} "HEAD /nope HTTP/1\.1" 404 0 "-" "curl/8\.5\.0" "-"\n` +
    String.raw`127\.0\.0\.1 - - ${T} "GET / HTTP/1\.1" 200 615 "-" "curl/7\.88\.1" "-"\n$`));
  // a missing file is an error of the worker that served it, on the second connection
  assert.match(err, /\n2025\/06\/16 09:30:\d\d \[error\] (\d+)#\1: \*2 open\(\) "\/usr\/share\/nginx\/html\/nope" failed \(2: No such file or directory\), client: 172\.17\.0\.1, server: localhost, request: "HEAD \/nope HTTP\/1\.1", host: "localhost:8080"\n$/);
});

test("httpd logs in the common format, and a client container is logged by its address with busybox wget", async () => {
  const run = session();
  await run('docker run -d --name ap -p 8081:80 httpd:2.4');
  await run('curl -s localhost:8081/x');
  await run('docker run --rm alpine wget -qO- 172.17.0.2');
  assert.match((await run('docker logs ap 2>/dev/null')).out, new RegExp(String.raw`^172\.17\.0\.1 - - ${T} "GET /x HTTP/1\.1" 404 196\n172\.17\.0\.3 - - ${T} "GET / HTTP/1\.1" 200 45\n$`));
});

test("nginx started as a daemon from a shell loses its access log (stdout is /dev/null) but keeps its errors, on the shell's terminal", async () => {
  const run = session();
  let screen = '';
  const term = { out: (t: string) => { screen += t; }, err: (t: string) => { screen += t; }, tty: true };
  await run('docker run -it --name web nginx bash', term);
  await run('nginx', term);
  await run('curl -s localhost/nope', term);
  assert.match(screen, /\[error\] (\d+)#\1: \*1 open\(\) "\/usr\/share\/nginx\/html\/nope" failed \(2: No such file or directory\), client: 127\.0\.0\.1, server: localhost, request: "GET \/nope HTTP\/1\.1", host: "localhost"\n<html>/);
  assert.doesNotMatch(screen, /"GET \/nope HTTP\/1\.1" 404/);
});

test("python's http.server as PID 1: the request log on stderr at once, its own lines held in Python's buffer until Ctrl+C's KeyboardInterrupt", async () => {
  const run = session();
  await run('docker run -d --name py -p 8000:8000 python:3.12-slim python3 -m http.server');
  assert.match((await run('curl -s localhost:8000/nada')).out, /<p>Error code explanation: 404 - Nothing matches the given URI\.<\/p>\n    <\/body>\n<\/html>\n$/);
  const d = String.raw`\[16/Jun/2025 09:30:\d\d\]`;
  const log = new RegExp(String.raw`^172\.17\.0\.1 - - ${d} code 404, message File not found\n172\.17\.0\.1 - - ${d} "GET /nada HTTP/1\.1" 404 -\n`);
  assert.match((await run('docker logs py')).err, new RegExp(log.source + '$'));
  assert.equal((await run('docker logs py')).out, '');
  await run('docker kill -s INT py');
  assert.equal((await run('docker inspect -f "{{.State.ExitCode}}" py')).out, '0\n');
  assert.equal((await run('docker logs py 2>/dev/null')).out, 'Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n\nKeyboard interrupt received, exiting.\n');
  await run('docker run -d --name py2 -e PYTHONUNBUFFERED=1 python:3.12-slim python3 -m http.server 9000');
  assert.equal((await run('docker logs py2')).out, 'Serving HTTP on 0.0.0.0 port 9000 (http://0.0.0.0:9000/) ...\n');
});

test("on a network with a gateway of its own, docker-proxy's connections come from that gateway", async () => {
  const run = session();
  await run('docker network create --subnet 172.30.0.0/16 --gateway 172.30.0.254 lan');
  await run('docker run -d --name web --network lan -p 8080:80 nginx');
  await run('curl -s localhost:8080');
  assert.match((await run('docker logs web 2>/dev/null')).out, new RegExp(String.raw`\n172\.30\.0\.254 - - ${T} "GET / HTTP/1\.1" 200 615 `));
});

test('python -m http.server takes its port after options such as --bind', async () => {
  const run = session();
  await run('docker run -d --name py -p 8080:8080 -e PYTHONUNBUFFERED=1 python:3.12-slim python3 -m http.server --bind 0.0.0.0 8080');
  assert.equal((await run('docker logs py')).out, 'Serving HTTP on 0.0.0.0 port 8080 (http://0.0.0.0:8080/) ...\n');
  assert.match((await run('curl -s localhost:8080/')).out, /Directory listing for \//);
});
