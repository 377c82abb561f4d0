import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';

const HELP = '.break    Sometimes you get stuck, this gets you out\n.clear    Alias for .break\n.editor   Enter editor mode\n.exit     Exit the REPL\n.help     Print this help message\n.load     Load JS from a file into the REPL session\n.save     Save all evaluated commands in this REPL session to a file\n\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n';

test('the node REPL lists its dot-commands; node 14 still wrote ^C and repl', async () => {
  const e = engine();
  await pull(e, 'node', 'node:14');
  assert.equal(await (await runIt(e, 'node')).type('.help'), HELP);
  const old = await runIt(e, 'node:14');
  assert.equal(await old.type('.help'), HELP.replace('Exit the REPL', 'Exit the repl').replace('Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL', 'Press ^C to abort current expression, ^D to exit the repl'));
  assert.equal(await old.type('.nada'), 'Invalid REPL keyword\n');
  assert.equal(await old.type('.break'), '');
  old.io.text = '';
  await old.h.interrupt(old.io);
  assert.equal(old.io.text, '(To exit, press ^C again or ^D or type .exit)\n');
});

test('node declarations print undefined and bind their names for later lines', async () => {
  const e = engine();
  await pull(e, 'node');
  const { type } = await runIt(e, 'node');
  assert.equal(await type('let x = 5'), 'undefined\n');
  assert.equal(await type('const y = 2;'), 'undefined\n');
  assert.equal(await type('var z'), 'undefined\n');
  assert.equal(await type('x'), '5\n');
  assert.equal(await type('x + 1'), '6\n');
  assert.equal(await type('x * y / 4'), '2.5\n');
  assert.equal(await type('z'), 'undefined\n');
  assert.equal(await type('x = 7'), '7\n');
  assert.equal(await type('y = 3'), 'Uncaught TypeError: Assignment to constant variable.\n');
  assert.equal(await type('let x = 1'), "Uncaught SyntaxError: Identifier 'x' has already been declared\n");
  assert.equal(await type("let s = 'hola'"), 'undefined\n');
  assert.equal(await type("s + ' ' + x"), "'hola 7'\n");
  assert.equal(await type('console.log(x)'), '7\nundefined\n');
  assert.equal(await type("console.log('s =', s)"), 's = hola\nundefined\n');
  assert.equal(await type('x + foo'), 'Uncaught ReferenceError: foo is not defined\n');
});

test('python binds names silently and shows a float with its point', async () => {
  const e = engine();
  await pull(e, 'python');
  const { type } = await runIt(e, 'python');
  assert.equal(await type('x = 5'), '');
  assert.equal(await type('x'), '5\n');
  assert.equal(await type('x + 1'), '6\n');
  assert.equal(await type('y = x / 5'), '');
  assert.equal(await type('y'), '1.0\n');
  assert.equal(await type('print(x, y)'), '5 1.0\n');
  assert.equal(await type('s = "hola"'), '');
  assert.equal(await type('s + " mundo"'), "'hola mundo'\n");
  assert.equal(await type('x + foo'), 'Traceback (most recent call last):\n  File "<python-input-8>", line 1, in <module>\n    x + foo\n        ^^^\nNameError: name \'foo\' is not defined\n');
});

test('comparisons answer true/false (True/False in python); builtins and dot-commands are no unknown names', async () => {
  const e = engine();
  await pull(e, 'node', 'python');
  const js = await runIt(e, 'node');
  await js.type('let x = 5');
  assert.equal(await js.type('x > 3'), 'true\n');
  assert.equal(await js.type('x !== 5'), 'false\n');
  assert.equal(await js.type('true'), 'true\n');
  assert.equal(await js.type('"it\'s"'), '"it\'s"\n');
  for (const line of ['.editor', 'Math.max(x, 2)', "'abierta"]) assert.doesNotMatch(await js.type(line), /Invalid REPL keyword|ReferenceError/, line);
  const py = await runIt(e, 'python');
  await py.type('x = 5');
  assert.equal(await py.type('x == 5'), 'True\n');
  assert.equal(await py.type('x >= 5.5'), 'False\n');
  assert.equal(await py.type("'dice \"hola\"'"), "'dice \"hola\"'\n");
  assert.equal(await py.type('"it\'s"'), '"it\'s"\n');
  assert.doesNotMatch(await py.type('len("hola")'), /NameError/);
});

test('python before 3.13: the banner of its release and build, a bare exit only hints, tracebacks read <stdin>', async () => {
  const e = engine();
  await pull(e, 'python:3.11-slim', 'python:3.12-alpine', 'python');
  const py = await runIt(e, 'python:3.11-slim');
  assert.equal(py.io.text, 'Python 3.11.13 (main, Jun  3 2025, 23:02:53) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n');
  assert.equal(await py.type('exit'), 'Use exit() or Ctrl-D (i.e. EOF) to exit\n');
  assert.equal(await py.type('quit'), 'Use quit() or Ctrl-D (i.e. EOF) to exit\n');
  assert.equal(await py.type('foo + 1'), 'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nNameError: name \'foo\' is not defined\n');
  assert.match((await runIt(e, 'python:3.12-alpine')).io.text, /^Python 3\.12\.11 \(main, May 30 2025, 23:29:22\) \[GCC 14\.2\.0\] on linux\n/);
  assert.match((await runIt(e, 'python')).io.text, /^Python 3\.13\.3 \(main, Jun {2}4 2025, 01:14:42\) \[GCC 12\.2\.0\] on linux\n/);
});
