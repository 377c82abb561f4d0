import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario, readScenario, seedFor } from '../../../src/terminal/scenario';
import { replayScenarios, stripAnsi } from '../../../src/terminal/replay';
import { ScreenModel } from '../../../src/terminal/screen-model';
import { terminalHtml } from '../../../src/terminal/transcript';
import { FakeShell } from './fake-shell';
import { createShell } from '../../../src/docker/index';

test('options on the fence line, header lines and steps with their source lines', () => {
  const body = ['setup: pull alpine', 'setup: pull nginx', '# comentario', '---', 'echo uno', '', '# otro', '! nada', 'enter'].join('\n');
  const { scenario, problems } = parseScenario({ title: 'Hola', session: 'lab', rows: '8', autoplay: 'true' }, body, 10);
  assert.deepEqual(problems, []);
  assert.equal(scenario.title, 'Hola');
  assert.equal(scenario.session, 'lab');
  assert.equal(scenario.rows, 8);
  assert.equal(scenario.autoplay, true);
  assert.deepEqual(scenario.setup, [
    { command: 'pull alpine', line: 11 },
    { command: 'pull nginx', line: 12 },
  ]);
  assert.deepEqual(scenario.steps, [
    { command: 'echo uno', fail: false, line: 15 },
    { command: 'nada', fail: true, line: 18 },
    { command: 'enter', fail: false, line: 19 },
  ]);
});

test('defaults: no header, default session, 12 rows, no autoplay', () => {
  const { scenario, problems } = parseScenario({}, 'docker ps\n', 1);
  assert.deepEqual(problems, []);
  assert.equal(scenario.session, 'principal');
  assert.equal(scenario.rows, 12);
  assert.equal(scenario.autoplay, false);
  assert.deepEqual(scenario.steps, [{ command: 'docker ps', fail: false, line: 2 }]);
});

test('options may also be given in the header', () => {
  const { scenario, problems } = parseScenario({}, 'title: "Mi título"\nsession: b\nrows: 6\nautoplay: true\n---\necho x', 1);
  assert.deepEqual(problems, []);
  assert.equal(scenario.title, 'Mi título');
  assert.equal(scenario.session, 'b');
  assert.equal(scenario.rows, 6);
  assert.equal(scenario.autoplay, true);
});

test('every mistake is reported at its line', () => {
  const body = ['setup:', 'color: rojo', 'esto no', 'rows: 7', '---', '!', 'echo a', '---'].join('\n');
  const { problems } = parseScenario({ rows: 'mucho', session: 'con espacio', foo: 'x', autoplay: 'quizas' }, body, 20);
  const at = problems.map((p) => `${p.line}: ${p.message}`);
  assert.ok(at.some((m) => m.startsWith('20: opción desconocida «foo»')), at.join('\n'));
  assert.ok(at.some((m) => m.startsWith('20: rows=«mucho»')));
  assert.ok(at.some((m) => m.startsWith('20: nombre de sesión no válido')));
  assert.ok(at.some((m) => m.startsWith('20: autoplay=«quizas»')));
  assert.ok(at.some((m) => m.startsWith('21: «setup:» sin orden')));
  assert.ok(at.some((m) => m.startsWith('22: clave de cabecera desconocida «color»')));
  assert.ok(at.some((m) => m.startsWith('23: línea de cabecera no válida')));
  assert.ok(at.some((m) => m.startsWith('24: la opción «rows» aparece dos veces')));
  assert.ok(at.some((m) => m.startsWith('26: «!» sin orden')));
  assert.ok(at.some((m) => m.startsWith('28: segundo «---»')));
});

test('seeds are stable per deck and session', () => {
  assert.equal(seedFor('imagenes', 'principal'), seedFor('imagenes', 'principal'));
  assert.notEqual(seedFor('imagenes', 'principal'), seedFor('imagenes', 'lab'));
  assert.ok(seedFor('x', 'y') > 0);
});

test('readScenario rejects what is not a scenario', () => {
  assert.equal(readScenario('{'), null);
  assert.equal(readScenario('{"v":2}'), null);
  assert.equal(readScenario(null), null);
  const ok = readScenario(JSON.stringify({ v: 1, deck: 'd', session: 's', steps: [], setup: [] }));
  assert.equal(ok?.deck, 'd');
});

const fence = (over: Partial<{ id: string; line: number; deck: string; body: string; options: Record<string, string>; file: string }>) => ({
  id: 't1',
  file: 'slides/01-x.md',
  line: 5,
  deck: 'x',
  options: {},
  body: '',
  ...over,
});

test('replay records prompts, commands and outputs into the transcript', async () => {
  const { results, problems } = await replayScenarios([fence({ body: 'setup: pull alpine\n---\nimages\necho <b>&\nenter\necho dentro\n' })], (o) => new FakeShell(o));
  assert.deepEqual(problems, []);
  const r = results.get('t1')!;
  assert.deepEqual(r.scenario.setup, ['pull alpine']);
  assert.equal(r.scenario.steps.length, 4);
  assert.equal(r.scenario.index, 0);
  assert.equal(r.scenario.seed, seedFor('x', 'principal'));
  assert.equal(
    r.transcriptHtml,
    '<span class="t-b">$ images</span>\nalpine\n<span class="t-b">$ echo &lt;b&gt;&amp;</span>\n&lt;b&gt;&amp;\n<span class="t-b">$ enter</span>\n<span class="t-b">root@abcdef123456:/# echo dentro</span>\ndentro',
  );
});

test('a failing step is an error at its line; a ! step must fail', async () => {
  const { problems } = await replayScenarios([fence({ body: 'echo a\n! echo b\n' }), fence({ id: 't2', line: 30, session: undefined, body: 'nope\n' } as never)], (o) => new FakeShell(o));
  assert.equal(problems.length, 1, JSON.stringify(problems)); // the session stops at the first broken step
  assert.equal(problems[0].line, 7);
  assert.match(problems[0].message, /marcado con «! »/);

  const r2 = await replayScenarios([fence({ body: 'echo a\n\nnope arg\n' })], (o) => new FakeShell(o));
  assert.equal(r2.problems.length, 1);
  assert.equal(r2.problems[0].line, 8);
  assert.equal(r2.problems[0].file, 'slides/01-x.md');
  assert.match(r2.problems[0].message, /el paso «nope arg» falló \(código de salida 127\): nope: command not found/);

  const r3 = await replayScenarios([fence({ body: '! nope\necho ok\n' })], (o) => new FakeShell(o));
  assert.deepEqual(r3.problems, []);
});

test('a setup line that fails is an error at its line', async () => {
  const { problems } = await replayScenarios([fence({ body: 'setup: nope\n---\necho a\n' })], (o) => new FakeShell(o));
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 6);
  assert.match(problems[0].message, /setup: nope/);
});

test('terminals of one session share a machine; other sessions start fresh', async () => {
  const fences = [
    fence({ id: 'a', line: 1, body: 'pull nginx\n' }),
    fence({ id: 'b', line: 10, options: { session: 'otra' }, body: 'images\n' }),
    fence({ id: 'c', line: 20, body: 'images\n' }),
  ];
  const { results, problems } = await replayScenarios(fences, (o) => new FakeShell(o));
  assert.deepEqual(problems, []);
  assert.match(results.get('c')!.transcriptHtml, /nginx/);
  assert.doesNotMatch(results.get('b')!.transcriptHtml, /nginx/);
  assert.equal(results.get('c')!.scenario.index, 1);
  assert.equal(results.get('b')!.scenario.index, 0);
});

test('a step that never ends is reported, not waited for', async () => {
  const { problems } = await replayScenarios([fence({ body: 'slower\n' })], (o) => new FakeShell(o));
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /no termina/);
});

test('a script that ends inside an unfinished command is reported at its last step; one spread over steps is fine', async () => {
  const open = await replayScenarios([fence({ body: "echo 'sin cerrar\n" })], (o) => createShell(o));
  assert.equal(open.problems.length, 1);
  assert.equal(open.problems[0].line, 6);
  assert.match(open.problems[0].message, /sin acabar tras «echo 'sin cerrar»/);
  const loop = await replayScenarios([fence({ body: 'for i in 1 2\ndo echo $i\ndone\n' })], (o) => createShell(o));
  assert.deepEqual(loop.problems, []);
  assert.match(loop.results.get('t1')!.transcriptText, /> done\n1\n2/);
});

test('the screen model keeps the last state of in-place progress and escapes HTML', () => {
  const s = new ScreenModel(40);
  s.write('a: Pulling\r\nb: Pulling\r\n\x1b[2A\r\x1b[Ka: \x1b[32mDone\x1b[0m\r\n\x1b[1B<img src=x onerror=alert(1)>\r\n');
  assert.equal(s.text(), 'a: Done\nb: Pulling\n<img src=x onerror=alert(1)>');
  assert.equal(s.html(), 'a: <span class="t-fg2">Done</span>\nb: Pulling\n&lt;img src=x onerror=alert(1)&gt;');
  assert.equal(stripAnsi('\x1b[1mX\x1b[0m\x1b]0;t\x07'), 'X');
});

test('the fence HTML carries the scenario as escaped JSON and the transcript', () => {
  const html = terminalHtml(
    { v: 1, deck: 'd', session: 'principal', index: 0, title: 'A "b" <c>', rows: 8, autoplay: false, seed: 1, setup: [], steps: [{ command: "echo '<img src=x>'" }] },
    'salida',
    { id: 'term-1', withStyle: true },
  );
  assert.match(html, /^<style data-aula-terminal>/);
  assert.match(html, /class="aula-terminal" id="term-1" data-scenario="\{&quot;v&quot;:1,/);
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /<figure class="aula-transcript"[^>]*><figcaption>A &quot;b&quot; &lt;c&gt;<\/figcaption><pre><code>salida<\/code><\/pre><button type="button" class="aula-transcript-open" hidden>Abrir la terminal<\/button><\/figure>$/);
  const json = /data-scenario="([^"]*)"/.exec(html)![1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  assert.equal(JSON.parse(json).steps[0].command, "echo '<img src=x>'");
});

test('a transcript gets the live terminal\'s box: smaller type and columns when the output is long', async () => {
  const { fitTranscript } = await import('../../../src/terminal/transcript');
  assert.deepEqual(fitTranscript('$ docker ps\nCONTAINER ID   IMAGE', 12, true), { font: 15, columns: 1 });
  const json = Array.from({ length: 100 }, (_, i) => `    "Clave${i}": "valor",`).join('\n');
  const long = fitTranscript(json, 12, true);
  assert.ok(long.columns >= 2, JSON.stringify(long));
  // the same lines with room for them stay in one column
  assert.equal(fitTranscript(json.split('\n').slice(0, 10).join('\n'), 12, true).columns, 1);
  // a wide line counts for the rows it wraps into
  const wide = fitTranscript(Array.from({ length: 12 }, () => 'x'.repeat(200)).join('\n'), 12, true);
  assert.ok(wide.font < 15 || wide.columns > 1, JSON.stringify(wide));
  // never smaller than legible print: a transcript too long for its box keeps 12px and grows
  assert.deepEqual(fitTranscript(Array.from({ length: 5000 }, () => 'y').join('\n'), 4, true), { font: 12, columns: 3 });
  const wideAndLong = fitTranscript(Array.from({ length: 80 }, () => 'z'.repeat(110)).join('\n'), 10, true);
  assert.deepEqual(wideAndLong, { font: 12, columns: 1 }, 'lines as wide as the slide stay in one column');
});

test('the fitted size is written on the transcript only when it differs from the default', () => {
  const base = { v: 1 as const, deck: 'd', session: 'principal', index: 0, title: '', rows: 6, autoplay: false, seed: 1, setup: [], steps: [] };
  assert.match(terminalHtml(base, 'x', { id: 'a', withStyle: false, transcriptText: 'x' }), /<pre><code>x<\/code><\/pre>/);
  const many = Array.from({ length: 60 }, (_, i) => `linea ${i}`).join('\n');
  assert.match(terminalHtml(base, 'x', { id: 'a', withStyle: false, transcriptText: many }), /<pre style="font-size:\d+px;column-count:\d"><code>/);
});

test('a step that answers a password prompt is not written in the transcript, as the live terminal hides it', async () => {
  const { results, problems } = await replayScenarios([fence({ body: 'docker login -u ana\nsecreto\necho fin\n' })], (o) => createShell(o));
  assert.deepEqual(problems, []);
  const text = results.get('t1')!.transcriptText;
  assert.doesNotMatch(text, /secreto/);
  assert.match(text, /\nPassword: ?\n[\s\S]*Login Succeeded\n\$ echo fin\nfin$/);
});
