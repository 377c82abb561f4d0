import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';
import { createEngine } from '../../../../src/docker/engine';

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

test('the evaluator reads what a first lesson types, printed as util.inspect and repr print it', async () => {
  const e = engine();
  await pull(e, 'node', 'python');
  const js = await runIt(e, 'node');
  assert.equal(await js.type('[1,2,3].map(n => n*2)'), '[ 2, 4, 6 ]\n');
  assert.equal(await js.type("'hola'.toUpperCase()"), "'HOLA'\n");
  assert.equal(await js.type("'hola'.length"), '4\n');
  assert.equal(await js.type("let n = 'Ana'"), 'undefined\n');
  assert.equal(await js.type('`hola ${n}`'), "'hola Ana'\n");
  assert.equal(await js.type('process.version'), "'v24.2.0'\n");
  assert.equal(await js.type('process.platform'), "'linux'\n");
  assert.equal(await js.type('process.env.HOME'), "'/root'\n");
  assert.equal(await js.type("const os = require('os'); os.platform()"), "'linux'\n");
  assert.equal(await js.type('[1,2,3,4,5,6,7,8,9,10]'), '[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]\n');
  assert.equal(await js.type("({ a: 1, b: 'x' })"), "{ a: 1, b: 'x' }\n");
  assert.equal(await js.type('n.foo()'), 'Uncaught TypeError: n.foo is not a function\n');
  assert.match(await js.type("require('nada')"), /^Uncaught Error: Cannot find module 'nada'\nRequire stack:\n- <repl>/);
  const py = await runIt(e, 'python');
  assert.equal(await py.type('import sys, os, math, json, random'), '');
  assert.equal(await py.type('sys.version'), "'3.13.3 (main, Jun  4 2025, 01:14:42) [GCC 12.2.0]'\n");
  assert.equal(await py.type('sys.platform'), "'linux'\n");
  assert.equal(await py.type('os.getcwd()'), "'/'\n");
  assert.equal(await py.type("os.environ['HOME']"), "'/root'\n");
  assert.equal(await py.type("os.getenv('NADA')"), '');
  assert.equal(await py.type('math.sqrt(16)'), '4.0\n');
  assert.equal(await py.type('math.pi'), '3.141592653589793\n');
  assert.equal(await py.type("nombre = 'Ana'"), '');
  assert.equal(await py.type('f"hola {nombre}"'), "'hola Ana'\n");
  assert.equal(await py.type("'hola'.upper()"), "'HOLA'\n");
  assert.equal(await py.type('[1,2,3]'), '[1, 2, 3]\n');
  assert.equal(await py.type('len([1, 2, 3])'), '3\n');
  assert.equal(await py.type('2 ** 100'), '1267650600228229401496703205376\n');
  assert.equal(await py.type('7 // 2, 7 / 2'), '(3, 3.5)\n');
  assert.equal(await py.type('print("a", 1, [1, "b"], None)'), "a 1 [1, 'b'] None\n");
  assert.equal(await py.type('import nada'), "Traceback (most recent call last):\n  File \"<python-input-16>\", line 1, in <module>\n    import nada\nModuleNotFoundError: No module named 'nada'\n");
  assert.equal(await py.type("'a' + 1"), 'Traceback (most recent call last):\n  File "<python-input-17>", line 1, in <module>\n    \'a\' + 1\n    ~~~~^~~\nTypeError: can only concatenate str (not "int") to str\n');
  // 3.13 points at the innermost expression that raised: its operator, brackets or call
  assert.equal(await py.type('print([1][5])'), 'Traceback (most recent call last):\n  File "<python-input-18>", line 1, in <module>\n    print([1][5])\n          ~~~^^^\nIndexError: list index out of range\n');
  assert.match(await py.type("int('abc')"), /\n {4}int\('abc'\)\n {4}~~~\^{7}\nValueError: invalid literal for int\(\) with base 10: 'abc'\n$/);
  assert.match(await py.type("'hola'.nada()"), /\n {4}\^{11}\nAttributeError: 'str' object has no attribute 'nada'\n$/);
});

test('an open bracket or block goes on behind `...` and then runs; what the evaluator cannot run says so', async () => {
  const e = engine();
  await pull(e, 'node', 'python');
  const js = await runIt(e, 'node');
  assert.equal(await js.type('for (let i = 0; i < 3; i++) {'), '');
  assert.equal(js.h.prompt(), '... ');
  assert.equal(await js.type('console.log(i * 2)'), '');
  assert.equal(await js.type('}'), '0\n2\n4\nundefined\n');
  assert.equal(js.h.prompt(), '> ');
  assert.equal(await js.type('function doble(n) { return n * 2 }'), 'undefined\n');
  assert.equal(await js.type('[1, 2].map(doble)'), '[ 2, 4 ]\n');
  assert.equal(await js.type("let t = 0; for (const n of [1, 2, 3]) { if (n === 2) continue; t += n }; t"), '4\n');
  assert.equal(await js.type('for (const n of [1, 2]) { console.log(`n = ${n}`) }'), 'n = 1\nn = 2\nundefined\n');
  assert.equal(await js.type('[1,'), '');
  assert.equal(await js.type('2]'), '[ 1, 2 ]\n');
  // (a comma at the end goes on too: node's "Unexpected end of input" is one to recover from)
  assert.equal(await js.type('1,'), '');
  assert.equal(js.h.prompt(), '... ');
  assert.equal(await js.type('2'), '2\n');
  assert.equal(await js.type('class A {'), '');
  assert.equal(await js.type('  constructor(x) { this.x = x }'), '');
  assert.equal(await js.type('}'), 'undefined\n');
  assert.equal(await js.type('new A(1)'), 'A { x: 1 }\n');
  assert.equal(await js.type('A'), '[class A]\n');
  assert.equal(await js.type('const B = class {}'), "Uncaught Error: the simulated interpreter cannot run 'class'\n");
  const py = await runIt(e, 'python');
  assert.equal(await py.type('for i in range(3):'), '');
  assert.equal(py.h.prompt(), '... ');
  assert.equal(await py.type('    print(i)'), '');
  assert.equal(await py.type(''), '0\n1\n2\n');
  for (const l of ['def saludo(n):', '    if n:', '        return f"hola {n}"', '    return "hola"']) assert.equal(await py.type(l), '');
  assert.equal(await py.type(''), '');
  assert.equal(await py.type('saludo("Ana"), saludo("")'), "('hola Ana', 'hola')\n");
  assert.equal(await py.type('1 +'), '  File "<python-input-3>", line 1\n    1 +\n       ^\nSyntaxError: invalid syntax\n');
  assert.equal(await py.type('class A:'), '');
  assert.equal(await py.type('    pass'), '');
  assert.equal(await py.type(''), '');
  assert.equal(await py.type('A(), A'), "(<__main__.A object at 0x7f3a2c1b5e40>, <class '__main__.A'>)\n");
  assert.equal(await py.type('class B:'), '');
  assert.equal(await py.type('    def __neg__(self): return 1'), '');
  assert.equal(await py.type(''), 'Traceback (most recent call last):\n  File "<python-input-6>", line 1, in <module>\n    class B:\nNotImplementedError: the simulated interpreter cannot run \'__neg__\'\n');
  assert.match(await py.type('nombre = input("Nombre: ")'), /\nNotImplementedError: the simulated interpreter cannot run 'input\(\)'\n$/);
});

test('node: spread, ternaries, objects and a second Ctrl+C in a row that leaves the REPL', async () => {
  const e = engine();
  await pull(e, 'node');
  const js = await runIt(e, 'node');
  assert.equal(await js.type('Math.max(...[3, 9, 4])'), '9\n');
  assert.equal(await js.type('[0, ...[1, 2]]'), '[ 0, 1, 2 ]\n');
  assert.equal(await js.type("5 > 3 ? 'si' : 'no'"), "'si'\n");
  assert.equal(await js.type('null.x'), "Uncaught TypeError: Cannot read properties of null (reading 'x')\n");
  // (node prints [Function: String]: the evaluator refuses what it would answer otherwise)
  assert.equal(await js.type("''.constructor"), "Uncaught Error: the simulated interpreter cannot run '.constructor'\n");
  js.io.text = '';
  await js.h.interrupt(js.io);
  assert.equal(js.io.text, '(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
  await js.h.interrupt(js.io);
  assert.equal(js.h.exited, true);
});

test('python: an error inside a function is reported at the line that called it and in the function, at its input; one inside a loop at its own line', async () => {
  const e = engine();
  await pull(e, 'python');
  const py = await runIt(e, 'python');
  for (const l of ['def f(x):', '    return x + nada', '']) await py.type(l);
  assert.equal(await py.type('f(1)'), "Traceback (most recent call last):\n  File \"<python-input-1>\", line 1, in <module>\n    f(1)\n    ~^^^\n  File \"<python-input-0>\", line 2, in f\n    return x + nada\n               ^^^^\nNameError: name 'nada' is not defined\n");
  for (const l of ['for i in range(2):', '    print(i, nada)']) await py.type(l);
  assert.equal(await py.type(''), "Traceback (most recent call last):\n  File \"<python-input-2>\", line 2, in <module>\n    print(i, nada)\n             ^^^^\nNameError: name 'nada' is not defined\n");
});

test('break, continue and return where nothing takes them are the compilers\' SyntaxErrors', async () => {
  const e = engine();
  await pull(e, 'node', 'python');
  const js = await runIt(e, 'node');
  // (node v20.20.2's REPL: V8's arrow above; a break waits for the next line, which does not run)
  assert.equal(await js.type('break'), '');
  assert.equal(await js.type('let a = 2'), 'break\n^^^^^\n\nUncaught SyntaxError: Illegal break statement\n');
  assert.equal(await js.type('a'), 'Uncaught ReferenceError: a is not defined\n');
  assert.equal(await js.type('return 1'), 'return 1\n^^^^^^\n\nUncaught SyntaxError: Illegal return statement\n');
  const py = await runIt(e, 'python');
  assert.equal(await py.type('break'), '  File "<python-input-0>", line 1\n    break\n    ^^^^^\nSyntaxError: \'break\' outside loop\n');
  assert.equal(await py.type("'abc"), '  File "<python-input-1>", line 1\n    \'abc\n    ^\nSyntaxError: unterminated string literal (detected at line 1)\n');
});

test('a saved engine brings back the REPLs with their names: one as PID 1, one typed in a shell', async () => {
  const e = engine();
  await pull(e, 'node', 'python');
  const js = await runIt(e, 'node', 'repl1');
  await js.type("let saludo = 'hola'");
  const sh = await runIt(e, 'python', 'shell1', ['bash']);
  await sh.type('python3');
  await sh.type('x = 21');
  const b = createEngine({ seed: 1, state: JSON.parse(JSON.stringify(e.save())) });
  const io = { text: '', out(t: string) { this.text += t; }, err(t: string) { this.text += t; }, tty: true, async sleep() {} };
  const h1 = await b.containerAttach('repl1', io);
  await h1.input('saludo.toUpperCase()', io);
  assert.equal(io.text, "'HOLA'\n");
  const h2 = await b.containerAttach('shell1', io);
  assert.equal(h2.prompt(), '>>> ');
  io.text = '';
  await h2.input('x * 2', io);
  assert.equal(io.text, '42\n');
});

test('python builtins for loops over data; names the runtimes have but the evaluator lacks are not unknown names', async () => {
  const e = engine();
  await pull(e, 'node', 'python');
  const py = await runIt(e, 'python');
  assert.equal(await py.type("list(enumerate(['a', 'b']))"), "[(0, 'a'), (1, 'b')]\n");
  assert.equal(await py.type('list(zip([1, 2], "ab")), sorted([3, 1, 2])'), "([(1, 'a'), (2, 'b')], [1, 2, 3])\n");
  assert.equal(await py.type("'{} y {}'.format(1, 'dos')"), "'1 y dos'\n");
  assert.equal(await py.type('set([1])'), '{1}\n');
  assert.match(await py.type('bytes([1])'), /NotImplementedError: the simulated interpreter cannot run 'bytes'\n$/);
  const js = await runIt(e, 'node');
  assert.equal(await js.type("Symbol('s')"), "Uncaught Error: the simulated interpreter cannot run 'Symbol'\n");
  assert.equal(await js.type('Date.now()'), '1750066200000\n');
});

test('values too big to hold or to write: python says MemoryError or the 4300-digit limit, quickly', async () => {
  const e = engine();
  await pull(e, 'node', 'python');
  const py = await runIt(e, 'python');
  assert.match(await py.type('2**10**8'), /\nValueError: Exceeds the limit \(4300 digits\) for integer string conversion; use sys\.set_int_max_str_digits\(\) to increase the limit\n$/);
  assert.equal(await py.type('len(str(2**100))'), '31\n');
  assert.match(await py.type("'x' * (2**30)"), /\nMemoryError\n$/);
  assert.match(await py.type('10**10**10'), /\nMemoryError\n$/);
  const js = await runIt(e, 'node');
  assert.equal(await js.type('2**10**8'), 'Infinity\n');
  assert.equal(await js.type("let s = 'a'; for (let i = 0; i < 40; i++) s = s + s"), 'Uncaught RangeError: Invalid string length\n');
  assert.equal(await js.type('Array.isArray([]) && [] instanceof Array'), 'true\n');
  assert.equal(await js.type('new Array(1e9).fill(0).length'), "Uncaught Error: the simulated interpreter cannot run 'Array(n)'\n");
  assert.equal(await js.type('Array.from({ length: 1e9 }).length'), "Uncaught Error: the simulated interpreter cannot run 'Array(n)'\n");
});

test('python list comprehensions: a filter, several names, their own scope', async () => {
  const e = engine();
  await pull(e, 'python');
  const py = await runIt(e, 'python');
  await py.type('nombres = ["ana", "luis"]');
  assert.equal(await py.type('[n.upper() for n in nombres]'), "['ANA', 'LUIS']\n");
  assert.equal(await py.type('[x * x for x in range(6) if x % 2 == 0]'), '[0, 4, 16]\n');
  assert.equal(await py.type('[(i, c) for i, c in enumerate("ab")]'), "[(0, 'a'), (1, 'b')]\n");
  assert.match(await py.type('n'), /NameError: name 'n' is not defined\n$/);
  assert.match(await py.type('[x for in y]'), /SyntaxError: invalid syntax\n$/);
});

test('python: round halves to even, builtins keep their names, tuples say tuple, float() reads nan and inf', async () => {
  const e = engine();
  await pull(e, 'python');
  const { type } = await runIt(e, 'python');
  const last = async (l: string) => (await type(l)).trimEnd().split('\n').pop();
  for (const [l, out] of [['round(2.5)', '2'], ['round(3.5)', '4'], ['round(-2.5)', '-2'], ['round(0.125, 2)', '0.12'], ['round(2.675, 2)', '2.67'], ['round(2.5, 0)', '2.0'], ['round(1250, -2)', '1200'], ['round(7, 1)', '7'],
    ['float("nan")', 'nan'], ['float("-inf")', '-inf'], ['float(" Infinity ")', 'inf'], ['float("x")', "ValueError: could not convert string to float: 'x'"],
    ['round(float("inf"))', 'OverflowError: cannot convert float infinity to integer'], ['int(float("nan"))', 'ValueError: cannot convert float NaN to integer'],
    ['(1, 2)[5]', 'IndexError: tuple index out of range'], ['(1, 2)["a"]', 'TypeError: tuple indices must be integers or slices, not str'], ['[1][3]', 'IndexError: list index out of range']]) {
    assert.equal(await last(l), out, l);
  }
  await type('import math');
  assert.equal(await type('math.sqrt'), '<built-in function sqrt>\n');
  assert.equal(await type('math.pow'), '<built-in function pow>\n');
});

test('python imports the standard library it does not model, and says so when one of its names is used', async () => {
  const e = engine();
  await pull(e, 'python');
  const { type } = await runIt(e, 'python');
  assert.equal(await type('import urllib, json, random, datetime, time, re, subprocess, pathlib, collections, hashlib'), '');
  assert.match(await type("re.compile('a+')"), /NotImplementedError: the simulated interpreter cannot run 're.compile'\n$/);
  assert.equal(await type('time.sleep(1)'), '');
  assert.match(await type('import nope'), /ModuleNotFoundError: No module named 'nope'\n$/);
});

test("node's require finds only its own modules: no names inherited from Object", async () => {
  const e = engine();
  await pull(e, 'node');
  const { type } = await runIt(e, 'node');
  assert.match(await type("require('constructor')"), /Cannot find module 'constructor'/);
  assert.equal(await type("require('os').platform()"), "'linux'\n");
});

test("node's REPL: a failed fs call shows node:fs's frames and the errno fields; fs and path are globals", async () => {
  const e = engine();
  await pull(e, 'node');
  const js = await runIt(e, 'node');
  assert.equal(await js.type("fs.readFileSync('/x')"), "Uncaught Error: ENOENT: no such file or directory, open '/x'\n    at Object.openSync (node:fs:562:18)\n    at Object.readFileSync (node:fs:446:35) {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'open',\n  path: '/x'\n}\n");
  assert.equal(await js.type("path.join('/a', '..', 'b')"), "'/b'\n");
});

test("python 3.12's REPL shows the exception an except block was handling above what it raised", async () => {
  const e = engine();
  await pull(e, 'python', 'python:3.12');
  const { type } = await runIt(e, 'python:3.12');
  const typed = async (src: string) => { let out = ''; for (const l of src.split('\n')) out += await type(l); return out; };
  // (what the real python 3.12 REPL printed)
  assert.equal(await typed('try:\n    1/0\nexcept ZeroDivisionError:\n    raise ValueError("x")\n'), 'Traceback (most recent call last):\n  File "<stdin>", line 2, in <module>\nZeroDivisionError: division by zero\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File "<stdin>", line 4, in <module>\nValueError: x\n');
  await typed('def f():\n    try:\n        {}["k"]\n    except KeyError as e:\n        raise TypeError("t") from e\n');
  assert.equal(await type('f()'), 'Traceback (most recent call last):\n  File "<stdin>", line 3, in f\nKeyError: \'k\'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n  File "<stdin>", line 5, in f\nTypeError: t\n');
});

test("python's REPL keeps the last value it showed but None as the builtin _, which a global _ hides (as python3 -i)", async () => {
  const e = engine();
  await pull(e, 'python');
  const py = await runIt(e, 'python');
  assert.match(await py.type('_'), /NameError: name '_' is not defined\n$/);
  assert.equal(await py.type('3'), '3\n');
  await py.type('None');
  await py.type('print(7)');
  assert.equal(await py.type('_ * 2'), '6\n');
  await py.type('[1, 2]');
  await py.type('_.append(3)');
  await py.type('x = 5');
  await py.type('1/0');
  assert.equal(await py.type('_'), '[1, 2, 3]\n');
  await py.type('_ = 9');
  await py.type('10');
  assert.equal(await py.type('_'), '9\n');
  await py.type('del _');
  assert.equal(await py.type('_'), '9\n');
});

test("python's REPL says the parser's error in a compound statement's first line at once, not after the blank line", async () => {
  const e = engine();
  await pull(e, 'python');
  const py = await runIt(e, 'python');
  assert.equal(await py.type('try: x = 1; except: pass'), '  File "<python-input-0>", line 1\n    try: x = 1; except: pass\n                ^^^^^^\nSyntaxError: invalid syntax\n');
  assert.equal(await py.type('for i in range(2): print(i)'), '');
  assert.equal(await py.type(''), '0\n1\n');
});

test("dir() in python's REPL: 3.13's has __file__ and __cached__, the older REPL not (as the real ones on a terminal)", async () => {
  const e = engine();
  await pull(e, 'python', 'python:3.12');
  const py = await runIt(e, 'python');
  await py.type('x = 1');
  assert.equal(await py.type('dir()'), "['__annotations__', '__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__name__', '__package__', '__spec__', 'x']\n");
  const old = await runIt(e, 'python:3.12');
  assert.equal(await old.type('dir()'), "['__annotations__', '__builtins__', '__doc__', '__loader__', '__name__', '__package__', '__spec__']\n");
});
