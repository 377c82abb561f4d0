// The ```terminal fence plugin on the real simulator: transcripts, shared sessions, and build
// errors at the exact line of the step that went wrong.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalPlugin } from '../../../src/build/fences/terminal';
import type { BuildContext, FenceBlock } from '../../../src/build/types';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** A build context with its own empty cache, so every render really replays. */
const made: string[] = [];
const fresh = (): BuildContext => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'aula-term-cache-'));
  made.push(cacheDir);
  return { root: ROOT, cacheDir, log() {}, warn() {} };
};
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const ctx = fresh();

function fence(id: string, line: number, body: string, options: Record<string, string> = {}, deck = 'lab'): FenceBlock {
  return { lang: 'terminal', options, body, file: `slides/01-${deck}.md`, line, deck, id };
}

const transcript = (html: string) => html.slice(html.indexOf('<figure'));

const scenarioOf = (html: string) =>
  JSON.parse(/data-scenario="([^"]*)"/.exec(html)![1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

test('a scenario becomes the live frame plus a transcript of what the simulator printed', async () => {
  const { results, errors } = await terminalPlugin.render([fence('a', 10, 'docker run hello-world\ndocker ps -a', { title: 'Hola' })], ctx);
  assert.deepEqual(errors, []);
  const r = results.get('a')!;
  assert.deepEqual(r.needs, ['terminal']);
  assert.match(r.html, /^<style data-aula-terminal>/);
  assert.match(r.html, /<div class="aula-terminal" id="aula-term-a" data-scenario="/);
  assert.match(r.html, /<figure class="aula-transcript"[^>]*><figcaption>Hola<\/figcaption>/);
  assert.match(r.html, /<span class="t-b">\$ docker run hello-world<\/span>\n/);
  assert.match(r.html, /Hello from Docker!/);
  assert.match(r.html, /<span class="t-b">\$ docker ps -a<\/span>\nCONTAINER ID +IMAGE +COMMAND/);
  assert.doesNotMatch(r.html, /\x1b/); // no raw escape sequence reaches the page
  const s = scenarioOf(r.html);
  assert.deepEqual(s.steps, [{ command: 'docker run hello-world' }, { command: 'docker ps -a' }]);
  assert.equal(s.title, 'Hola');
  assert.equal(s.session, 'principal');
});

test('the same course gives the same transcript (fixed seed)', async () => {
  const f = () => [fence('a', 1, 'docker run -d --name web nginx\ndocker ps')];
  const one = (await terminalPlugin.render(f(), fresh())).results.get('a')!.html;
  const two = (await terminalPlugin.render(f(), fresh())).results.get('a')!.html;
  assert.equal(one, two);
});

test('an unchanged session comes from the cache; a changed one is replayed', async () => {
  const c = fresh();
  const first = await terminalPlugin.render([fence('a', 1, 'docker run hello-world'), fence('b', 9, 'docker ps -a')], c);
  assert.ok(existsSync(join(c.cacheDir, 'terminal-replay.json')));
  const again = await terminalPlugin.render([fence('a', 1, 'docker run hello-world'), fence('b', 9, 'docker ps -a')], c);
  assert.equal(again.results.get('b')!.html, first.results.get('b')!.html);
  const changed = await terminalPlugin.render([fence('a', 1, 'docker run hello-world'), fence('b', 9, 'docker ps')], c);
  assert.match(changed.results.get('b')!.html, /\$ docker ps<\/span>/);
  // errors are never cached away
  const broken = await terminalPlugin.render([fence('a', 1, 'docker rmi nada')], c);
  const brokenAgain = await terminalPlugin.render([fence('a', 1, 'docker rmi nada')], c);
  assert.equal(broken.errors.length, 1);
  assert.equal(brokenAgain.errors.length, 1);
});

test('setup runs silently; terminals of a session share the machine, in source order', async () => {
  const fences = [
    fence('b', 40, 'docker images', { session: 'lab' }),
    fence('a', 10, 'setup: docker pull alpine\n---\ndocker pull busybox', { session: 'lab' }),
    fence('c', 70, 'docker images', { session: 'otra' }),
  ];
  const { results, errors } = await terminalPlugin.render(fences, ctx);
  assert.deepEqual(errors, []);
  const a = results.get('a')!.html;
  assert.doesNotMatch(transcript(a), /alpine/); // setup output is not part of the transcript
  const b = results.get('b')!.html;
  assert.match(b, /alpine/);
  assert.match(b, /busybox/);
  assert.doesNotMatch(results.get('c')!.html, /busybox/);
  assert.equal(scenarioOf(b).index, 1);
  assert.equal(scenarioOf(a).index, 0);
  assert.equal(scenarioOf(b).seed, scenarioOf(a).seed);
  // the transcript styles come once per deck
  assert.equal([...results.values()].filter((r) => r.html.startsWith('<style')).length, 1);
});

test('a step that fails is a build error at its own line', async () => {
  const { errors } = await terminalPlugin.render([fence('a', 20, 'setup: docker pull alpine\n---\ndocker images\n\ndocker rmi no-existe\ndocker ps')], ctx);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].file, 'slides/01-lab.md');
  assert.equal(errors[0].line, 25);
  assert.match(errors[0].message, /el paso «docker rmi no-existe» falló \(código de salida 1\): Error response from daemon: No such image: no-existe/);
});

test('a ! step that succeeds is a build error; a ! step that fails is fine', async () => {
  const ok = await terminalPlugin.render([fence('a', 1, '! docker rmi no-existe\ndocker ps')], ctx);
  assert.deepEqual(ok.errors, []);
  const bad = await terminalPlugin.render([fence('a', 1, 'docker pull alpine\n! docker images')], ctx);
  assert.equal(bad.errors.length, 1);
  assert.equal(bad.errors[0].line, 3);
  assert.match(bad.errors[0].message, /marcado con «! »/);
});

test('a failing setup line, a bad option and an unknown header key are errors at their lines', async () => {
  const { errors } = await terminalPlugin.render(
    [fence('a', 5, 'setup: docker pul alpine\n---\ndocker ps'), fence('b', 30, 'color: rojo\n---\ndocker ps', { rows: '500' }, 'otro')],
    ctx,
  );
  const lines = errors.map((e) => `${e.file}:${e.line}`).sort();
  assert.deepEqual(lines, ['slides/01-lab.md:6', 'slides/01-otro.md:30', 'slides/01-otro.md:31']);
});

test('a container shell inside a scenario: its lines go to the container', async () => {
  const { results, errors } = await terminalPlugin.render([fence('a', 1, "docker run -it ubuntu bash\necho '<img src=x onerror=alert(1)>'\nexit\ndocker ps -a")], ctx);
  assert.deepEqual(errors, []);
  const html = results.get('a')!.html;
  assert.match(transcript(html), /root@[0-9a-f]{12}:\/# echo &#39;&lt;img src=x onerror=alert\(1\)&gt;&#39;<\/span>\n&lt;img src=x onerror=alert\(1\)&gt;\n/);
  assert.doesNotMatch(html.replace(/data-scenario="[^"]*"/, ''), /<img/);
});

test('Tab completion and the line editor on the real simulator', async () => {
  const { TerminalConsole } = await import('../../../src/terminal/console');
  const { SessionRegistry } = await import('../../../src/terminal/session');
  const { ScreenModel } = await import('../../../src/terminal/screen-model');
  const { createShell } = await import('../../../src/docker/index');
  const scenario = { v: 1 as const, deck: 'd', session: 's', index: 0, title: '', rows: 12, autoplay: false, seed: 3, setup: [], steps: [] };
  const session = new SessionRegistry((o) => createShell(o), null).get(scenario);
  const screen = new ScreenModel(100);
  const con = new TerminalConsole(session, scenario, { write: (d) => screen.write(d), cols: () => 100 }, { sleep: () => Promise.resolve() });
  con.start();
  const idle = async () => {
    for (let i = 0; i < 500 && con.isBusy(); i++) await new Promise((r) => setTimeout(r, 2));
  };
  con.input('docker pull alpine\r');
  await idle();
  con.input('docker ru\t--name tabulado alp\t\r');
  await idle();
  con.input('docker ps -a --format "{{.Names}}"\r');
  await idle();
  assert.match(screen.text(), /\$ docker run --name tabulado alpine\n/);
  assert.match(screen.text(), /\ntabulado\n\$$/);
});

test('a pull drawn in place on the TTY ends in the transcript as one final line per layer', async () => {
  const { results, errors } = await terminalPlugin.render([fence('a', 1, 'docker pull nginx')], fresh());
  assert.deepEqual(errors, []);
  const lines = transcript(results.get('a')!.html).split('\n');
  const layers = lines.filter((l) => /^[0-9a-f]{12}: /.test(l));
  assert.ok(layers.length >= 2, lines.join('\n'));
  for (const l of layers) assert.match(l, /^[0-9a-f]{12}: Pull complete$/);
  assert.equal(new Set(layers).size, layers.length);
  assert.ok(lines.some((l) => l.startsWith('Status: Downloaded newer image for nginx:latest')));
});

test('inside a container, Ctrl+D ends what a program reads from the terminal, then leaves the shell', async () => {
  const { TerminalConsole } = await import('../../../src/terminal/console');
  const { SessionRegistry } = await import('../../../src/terminal/session');
  const { ScreenModel } = await import('../../../src/terminal/screen-model');
  const { createShell } = await import('../../../src/docker/index');
  const scenario = { v: 1 as const, deck: 'd', session: 's', index: 0, title: '', rows: 12, autoplay: false, seed: 5, setup: [], steps: [] };
  const session = new SessionRegistry((o) => createShell(o), null).get(scenario);
  const screen = new ScreenModel(100);
  const con = new TerminalConsole(session, scenario, { write: (d) => screen.write(d), cols: () => 100 }, { sleep: () => Promise.resolve() });
  con.start();
  const idle = async () => {
    for (let i = 0; i < 500 && con.isBusy(); i++) await new Promise((r) => setTimeout(r, 2));
  };
  con.input('docker run -it ubuntu bash\r');
  await idle();
  con.input('cat > nota.txt\rhola desde el teclado\r\x04');
  await idle();
  con.input('cat nota.txt\r');
  await idle();
  assert.match(screen.text(), /# cat nota\.txt\nhola desde el teclado\nroot@[0-9a-f]{12}:\/#$/);
  con.input('\x04');
  await idle();
  assert.equal(session.shell.inContainer(), false);
  assert.match(screen.text(), /\n\$$/);
});
