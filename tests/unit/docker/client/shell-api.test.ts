import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { InvalidState, type TermIO } from '../../../../src/docker/shell';

function io(): TermIO & { text: () => string } {
  let s = '';
  return { out: (t) => { s += t; }, err: (t) => { s += t; }, tty: true, columns: 80, sleep: () => Promise.resolve(), text: () => s };
}

test('prompt follows the container session; detach keeps it running; eof leaves the shell', async () => {
  const sh = createShell({ seed: 2 });
  assert.equal(sh.prompt(), '$ ');
  await sh.run('docker run -it --name caja ubuntu bash', io());
  assert.ok(sh.inContainer());
  assert.match(sh.prompt(), /^root@[0-9a-f]{12}:\/# $/);
  await sh.run('cd /tmp', io());
  assert.match(sh.prompt(), /^root@[0-9a-f]{12}:\/tmp# $/);
  const d = io();
  await sh.detach(d);
  assert.equal(d.text(), 'read escape sequence\n');
  assert.equal(sh.prompt(), '$ ');
  const ps = io();
  await sh.run('docker ps --format "{{.Names}} {{.State}}"', ps);
  assert.equal(ps.text(), 'caja running\n');
  await sh.run('docker exec -it caja bash', io());
  assert.ok(sh.inContainer());
  await sh.eof(io());
  assert.ok(!sh.inContainer());
  const code = await sh.run('docker run -it ubuntu bash -c "exit 3"', io());
  assert.equal(code, 3);
  assert.ok(!sh.inContainer());
});

test('the rest of a line waits while a container has the terminal', async () => {
  const sh = createShell({ seed: 2 });
  const o = io();
  await sh.run('docker run -it alpine; echo despues $?', o);
  assert.ok(sh.inContainer());
  assert.ok(!o.text().includes('despues'));
  const after = io();
  assert.equal(await sh.run('exit 4', after), 0);
  assert.equal(after.text(), 'despues 4\n');
  assert.ok(!sh.inContainer());
  const chain = io();
  await sh.run('docker run -it alpine && echo no || echo si', chain);
  await sh.run('exit 1', chain);
  assert.match(chain.text(), /si\n$/);
});

test('save and restore keep engine, files and directory; corrupt state is refused', async () => {
  const sh = createShell({ seed: 5 });
  await sh.run('mkdir app && cd app && echo "FROM alpine" > Dockerfile', io());
  await sh.run('docker run -d --name web nginx', io());
  const restored = createShell({ seed: 5, state: sh.save() });
  const o = io();
  await restored.run('pwd; cat Dockerfile; docker ps --format "{{.Names}}"', o);
  assert.equal(o.text(), '/home/alumno/app\nFROM alpine\nweb\n');
  assert.throws(() => createShell({ state: 'not json' }), InvalidState);
  assert.throws(() => createShell({ state: '{"format":"other"}' }), InvalidState);
  assert.throws(() => createShell({ state: JSON.stringify({ format: 'aula-docker-shell', version: 1, engine: { format: 'x' } }) }), InvalidState);
});

test('completion offers commands, subcommands, flags, images and containers', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run('docker run -d --name servidor nginx', io());
  assert.deepEqual(sh.complete('doc', 3), { start: 0, candidates: ['docker'] });
  assert.ok(sh.complete('docker ru', 9).candidates.includes('run'));
  assert.deepEqual(sh.complete('docker container l', 18).candidates, ['list', 'logs', 'ls']);
  assert.ok(sh.complete('docker ps --no', 14).candidates.includes('--no-trunc'));
  assert.deepEqual(sh.complete('docker stop ser', 15), { start: 12, candidates: ['servidor'] });
  assert.ok(sh.complete('docker run ngi', 14).candidates.includes('nginx:latest') || sh.complete('docker run ngi', 14).candidates.includes('nginx'));
});

test('completion of paths on the host: any directory, directories marked with /, hidden names only when asked', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run('mkdir -p app/src && touch app/Dockerfile app/.dockerignore', io());
  assert.deepEqual(sh.complete('ls /ho', 6), { start: 3, candidates: ['/home/'] });
  assert.deepEqual(sh.complete('cat app/', 8), { start: 4, candidates: ['app/Dockerfile', 'app/src/'] });
  assert.deepEqual(sh.complete('cat app/.d', 10), { start: 4, candidates: ['app/.dockerignore'] });
  assert.deepEqual(sh.complete('docker build ap', 15), { start: 13, candidates: ['app/'] });
});

test('a prune question is answered on the next line', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run('docker run hello-world', io());
  const q = io();
  await sh.run('docker container prune', q);
  assert.equal(q.text(), 'WARNING! This will remove all stopped containers.\n');
  assert.equal(sh.prompt(), 'Are you sure you want to continue? [y/N] ');
  assert.ok(!sh.inContainer());
  const o = io();
  await sh.run('n', o);
  assert.equal(o.text(), '');
  assert.equal(sh.prompt(), '$ ');
  const ps = io();
  await sh.run('docker ps -aq | wc -l', ps);
  assert.equal(ps.text(), '1\n');
});

test('docker logs -f follows until Ctrl+C; a foreground server stops on Ctrl+C', async () => {
  const sh = createShell({ seed: 3 });
  await sh.run('docker run -d --name web nginx', io());
  const ac = new AbortController();
  let sleeps = 0;
  const o = { ...io(), signal: ac.signal, sleep: async () => { if (++sleeps === 3) ac.abort(); } };
  assert.equal(await sh.run('docker logs -f web', o), 0);
  assert.ok(sleeps >= 3);
  const ac2 = new AbortController();
  const fg = { ...io(), signal: ac2.signal, sleep: async () => { ac2.abort(); } };
  await sh.run('docker run --name fg nginx', fg);
  const ps = io();
  await sh.run('docker ps -a --format "{{.Names}} {{.State}}"', ps);
  assert.match(ps.text(), /^fg exited\nweb running\n$/);
});

test('a pull on a terminal redraws each layer line in place and paces itself', async () => {
  const { flatten } = await import('../../../../src/docker/client/script');
  const sh = createShell({ seed: 1 });
  let raw = '';
  let slept = 0;
  const tty: TermIO = { out: (t) => { raw += t; }, err: (t) => { raw += t; }, tty: true, columns: 120, sleep: async (ms) => { slept += ms; } };
  await sh.run('docker pull nginx', tty);
  assert.match(raw, /\x1b\[\d+A\x1b\[2K\r[0-9a-f]{12}: Downloading \[=+>\s*\] +[\d.]+[kM]B\/[\d.]+[kM]B\r\x1b\[\d+B/);
  assert.ok(slept >= 1000 && slept <= 3000, `pull animated in ${slept} ms`);
  const screen = flatten(raw).split('\n');
  assert.equal(screen[0], 'Using default tag: latest');
  assert.equal(screen[1], 'latest: Pulling from library/nginx');
  const layers = screen.slice(2, screen.findIndex((l) => l.startsWith('Digest:')));
  assert.ok(layers.length >= 3);
  for (const l of layers) assert.match(l, /^[0-9a-f]{12}: Pull complete$/);
  assert.match(screen.at(-2)!, /^docker\.io\/library\/nginx:latest$/);
  // Narrow terminals get no bar, only the sizes (the client draws it above 110 columns).
  let narrow = '';
  await sh.run('docker pull httpd:2.4', { ...tty, columns: 80, out: (t) => { narrow += t; } });
  assert.ok(!narrow.includes('[='));
  assert.match(narrow, /Already exists/);
});

test('curl and wget on the host reach the ports containers publish, and only while they run', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run('docker run -d --name web -p 8080:80 httpd:2.4', io());
  const get = async (line: string) => {
    const o = io();
    const code = await sh.run(line, o);
    return [o.text(), code] as const;
  };
  assert.deepEqual(await get('curl localhost:8080'), ['<html><body><h1>It works!</h1></body></html>\n', 0]);
  assert.deepEqual(await get('wget -qO- http://127.0.0.1:8080/'), ['<html><body><h1>It works!</h1></body></html>\n', 0]);
  assert.deepEqual(await get('curl localhost:8081'), ["curl: (7) Failed to connect to localhost port 8081 after 0 ms: Couldn't connect to server\n", 7]);
  assert.deepEqual(await get('curl nope.example'), ['curl: (6) Could not resolve host: nope.example\n', 6]);
  assert.deepEqual(await get('curl -s nope.example'), ['', 6], '-s silences the error');
  assert.deepEqual(await get('curl -sS nope.example'), ['curl: (6) Could not resolve host: nope.example\n', 6], '-S shows it again');
  await sh.run('docker run -d -p 9000:81 httpd:2.4', io());
  assert.deepEqual(await get('curl localhost:9000'), ['curl: (56) Recv failure: Connection reset by peer\n', 56]);
  await sh.run('docker stop web', io());
  assert.equal((await get('curl localhost:8080'))[1], 7);
});

test('the screen of a scripted step honours cursor home and erase below, as docker stats redraws with them', async () => {
  const { flatten } = await import('../../../../src/docker/client/script');
  assert.equal(flatten('old 1\nold 2\nold 3\n\x1b[Hnew 1\x1b[K\nnew 2\x1b[K\n\x1b[J'), 'new 1\nnew 2\n');
  assert.equal(flatten('abc\ndef\x1b[1A\r\x1b[0J'), '');
});

test('curl -I and -i show each server\'s headers in its own order', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run('docker run -d --name web -p 8080:80 nginx', io());
  await sh.run('docker run -d --name ap -p 8081:80 httpd:2.4', io());
  const get = async (line: string) => {
    const o = io();
    await sh.run(line, o);
    return o.text().replace(/\r/g, '');
  };
  assert.match(await get('curl -I localhost:8080'), /^HTTP\/1\.1 200 OK\nServer: nginx\/1\.27\.5\nDate: \w{3}, \d\d \w{3} 2025 \d\d:\d\d:\d\d GMT\nContent-Type: text\/html\nContent-Length: 615\nLast-Modified: Wed, 16 Apr 2025 [\d:]+ GMT\nConnection: keep-alive\nETag: "[0-9a-f]{8}-267"\nAccept-Ranges: bytes\n\n$/);
  assert.match(await get('curl -I localhost:8080/nada'), /^HTTP\/1\.1 404 Not Found\nServer: nginx\/1\.27\.5\nDate: .*\nContent-Type: text\/html\nContent-Length: 153\nConnection: keep-alive\n\n$/);
  const apache = await get('curl -i localhost:8081');
  assert.match(apache, /^HTTP\/1\.1 200 OK\nDate: .*\nServer: Apache\/2\.4\.63 \(Unix\)\nLast-Modified: .*\nETag: "2d-[0-9a-f]+"\nAccept-Ranges: bytes\nContent-Length: 45\nContent-Type: text\/html\n\n<html><body><h1>It works!<\/h1><\/body><\/html>\n$/);
});
