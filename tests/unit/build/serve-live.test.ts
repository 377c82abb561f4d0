/**
 * `node build.mjs --serve` as a process: prints its URL, serves the build with the live-reload
 * script, tells open pages to reload after a good rebuild, sends the errors of a failed one and
 * keeps serving the last good build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { FIXTURES, ROOT } from './fixture-decks';

function waitFor<T>(probe: () => T | undefined, what: string, ms = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const v = probe();
      if (v !== undefined) return resolve(v);
      if (Date.now() - started > ms) return reject(new Error(`tiempo agotado esperando ${what}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
}

/** Collects the named events of a Server-Sent Events stream. */
function listen(url: string): { events: { event: string; data: string }[]; close(): void } {
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  const req = request(url, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        if (event) events.push({ event, data });
      }
    });
  });
  req.on('error', () => {});
  req.end();
  return { events, close: () => req.destroy() };
}

test('npm start: URL, recarga en vivo y errores en la página sin perder la última compilación buena', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-serve-live-'));
  const slides = join(dir, 'slides');
  cpSync(join(FIXTURES, 'small'), slides, { recursive: true });
  const out = join(dir, 'dist');
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'build.mjs'), '--serve', '--port', '18731', '--slides', slides, '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const sse: { close(): void }[] = [];
  try {
    const url = await waitFor(() => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log)?.[0], 'la dirección');
    await waitFor(() => (/Compilado en/.test(log) ? true : undefined), 'la primera compilación');
    const page = await get(`${url}uno/index.html`);
    assert.equal(page.status, 200);
    assert.match(page.body, /EventSource\('\/__aula\/events'\)/);
    assert.match(page.body, /<h1>Uno<\/h1>/);
    assert.doesNotMatch(readFileSync(join(out, 'uno', 'index.html'), 'utf8'), /EventSource/, 'la recarga solo la añade el servidor');

    const stream = listen(`${url}__aula/events`);
    sse.push(stream);
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(slides, '01-uno.md'), readFileSync(join(slides, '01-uno.md'), 'utf8').replace('# Uno', '# Uno cambiado'));
    await waitFor(() => (stream.events.some((e) => e.event === 'reload') ? true : undefined), 'la orden de recargar');
    assert.match((await get(`${url}uno/index.html`)).body, /<h1>Uno cambiado<\/h1>/);

    writeFileSync(join(slides, '02-dos.md'), '---\ntitle: Dos\n---\n\n```bash\nsin cerrar\n');
    const errors = await waitFor(() => stream.events.find((e) => e.event === 'errors'), 'los errores');
    const list = JSON.parse(errors.data) as string[];
    assert.ok(list.some((e) => /02-dos\.md:1: falta `summary`/.test(e)), list.join('\n'));
    assert.ok(list.some((e) => /02-dos\.md:5: bloque de código sin cerrar/.test(e)), list.join('\n'));
    // the last good build is still served
    assert.match((await get(`${url}dos/index.html`)).body, /<h1>Dos<\/h1>/);

    // a page opened now gets the errors as soon as it connects
    const late = listen(`${url}__aula/events`);
    sse.push(late);
    await waitFor(() => (late.events.some((e) => e.event === 'errors') ? true : undefined), 'los errores al conectar');
  } finally {
    for (const s of sse) s.close();
    child.kill();
  }
});
