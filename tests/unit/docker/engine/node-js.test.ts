/** node's evaluator: regex literals beside comments, destructuring, path/fs, Map/Set/Date. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpreter } from '../../../../src/docker/engine/shell/repl-eval';
import { runCode } from '../../../../src/docker/engine/shell/runtimes';
import { Overlay, newDir } from '../../../../src/docker/engine/fs';

const fs = () => new Overlay(newDir(), [], () => Date.UTC(2025, 5, 1, 12, 30, 5));
const js = (src: string, f = fs(), cwd = '/') => {
  const r = runCode(interpreter({ py: false, fs: f, cwd, env: {}, hostname: 'h', kernel: '6.10', version: 'v22.16.0', random: () => 0.5, exists: () => false, now: () => Date.UTC(2025, 5, 16, 9, 30, 26) }), false, src, 'e', 'v22.16.0');
  return r.out + r.err + (r.code ? `[${r.code}]` : '');
};

test('a // inside a regex literal or a template literal is no comment', () => {
  assert.equal(js("console.log('a/b'.split(/\\//), `http://x`) // c"), "[ 'a', 'b' ] http://x\n");
  assert.equal(js('const r = /a\\/\\/b/; console.log(r.test("xa//b")) /* c */'), 'true\n');
  assert.equal(js('console.log(4 / 2) // 1 / 2'), '2\n');
  // brackets and quotes in a regex literal are its text, not the code's
  assert.equal(js("console.log('f(x)'.replace(/[()]/g, '_'), 'a(b'.split(/\\(/), \"it's\".replace(/'/g, ''))\nif (/[{]/.test('{')) { console.log('y') }"), "f_x_ [ 'a', 'b' ] its\ny\n");
});

test('destructuring: declarations, for…of, parameters; node\'s TypeErrors', () => {
  assert.equal(js("const {a, b: c = 2, ...r} = {a: 1, d: 4, e: 5}; const [x, , y = 1, ...z] = [7, 8, undefined, 9, 10]; console.log(a, c, r, x, y, z)"), '1 2 { d: 4, e: 5 } 7 1 [ 9, 10 ]\n');
  assert.equal(js("for (const [k, v] of Object.entries({a: 1, b: 2})) console.log(k, v)"), 'a 1\nb 2\n');
  assert.equal(js("const f = ({name}) => name; const g = ([a, b]) => a + b; function h({x = 3} = {}) { return x } console.log(f({name: 'n'}), g([1, 2]), h())"), 'n 3 3\n');
  assert.equal(js("let {p: {q}} = {p: {q: 'deep'}}, [m] = 'hi'; console.log(q, m)"), 'deep h\n');
  assert.match(js('const {a} = undefined'), /\nTypeError: Cannot destructure property 'a' of 'undefined' as it is undefined\.\n/);
  assert.match(js('const o = null; const {a} = o'), /\nTypeError: Cannot destructure property 'a' of 'o' as it is null\.\n/);
  assert.match(js('(({name}) => name)()'), /\nTypeError: Cannot destructure property 'name' of 'undefined' as it is undefined\.\n/);
  assert.match(js('const [a] = undefined'), /\nTypeError: undefined is not iterable \(cannot read property Symbol\(Symbol\.iterator\)\)\n/);
});

test('Map, Set and Date: node\'s inspect, the simulated clock in UTC', () => {
  assert.equal(js("const m = new Map([[1, 'a'], [2, 'b']]); m.set('k', {x: 1}); console.log(m, new Set([1, 2]), new Map(), new Set(), m.get(1), m.size, m instanceof Map)"), "Map(3) { 1 => 'a', 2 => 'b', 'k' => { x: 1 } } Set(2) { 1, 2 } Map(0) {} Set(0) {} a 3 true\n");
  assert.equal(js('const s = new Set([3, 3, 4]); s.add(5); console.log([...s], s.has(4), {s})'), '[ 3, 4, 5 ] true { s: Set(3) { 3, 4, 5 } }\n');
  assert.equal(js('const d = new Date(); console.log(d, Date.now(), d.toISOString(), d.getFullYear(), d.getMonth(), d.getHours(), String(d))'), '2025-06-16T09:30:26.000Z 1750066226000 2025-06-16T09:30:26.000Z 2025 5 9 Mon Jun 16 2025 09:30:26 GMT+0000 (Coordinated Universal Time)\n');
  assert.equal(js("console.log(new Date('2024-02-29T12:00:00Z').getDate(), new Date('x'), {d: new Date(0)})"), '29 Invalid Date { d: 1970-01-01T00:00:00.000Z }\n');
});

test("require('path'): join, resolve against the working directory, basename, dirname, extname, sep", () => {
  assert.equal(js("const path = require('path'); console.log(path.join('/a/b', '../c', 'd.txt'), path.join('a', '', './b/'), path.resolve('x/y', '..', 'z'), path.resolve('/r', 'q/'), path.sep)", fs(), '/app'), '/a/c/d.txt a/b/ /app/x/z /r/q /\n');
  assert.equal(js("const p = require('node:path'); console.log(p.basename('/a/b.js'), p.basename('/a/b.js', '.js'), p.basename('/a/dir/'), p.dirname('/a/b/c'), p.dirname('f'), p.dirname('/f'), p.extname('x.tar.gz'), p.extname('.bashrc'), p.extname('a'))"), "b.js b dir /a/b . / .gz  \n");
});

test("require('fs'): the sync API on the container's files; ENOENT as node 22 prints it", () => {
  const f = fs();
  assert.equal(js("const fs = require('fs'); fs.mkdirSync('/d/e', {recursive: true}); fs.writeFileSync('/d/e/a.txt', 'hola'); fs.appendFileSync('/d/e/a.txt', '\\n'); console.log(fs.readFileSync('/d/e/a.txt', 'utf8'), fs.readFileSync('/d/e/a.txt'), fs.existsSync('/d/e'), fs.existsSync('/nope'), fs.readdirSync('/d/e'), fs.statSync('/d/e/a.txt').size, fs.statSync('/d').isDirectory(), fs.statSync('/d').isFile())", f), "hola\n <Buffer 68 6f 6c 61 0a> true false [ 'a.txt' ] 5 true false\n");
  assert.equal(js("const fs = require('fs'); fs.unlinkSync('/d/e/a.txt'); console.log(fs.readdirSync('/d/e'), fs.mkdirSync('/d/f/g', {recursive: true}), fs.mkdirSync('/d/f/h', {recursive: true}), fs.mkdirSync('/d/f', {recursive: true}))", f), '[] /d/f /d/f/h undefined\n');
  assert.equal(js("const fs = require('fs')\nfs.readFileSync('/x', 'utf8')"), "node:fs:441\n    return binding.readFileUtf8(path, stringToFlags(options.flag));\n                   ^\n\nError: ENOENT: no such file or directory, open '/x'\n    at Object.readFileSync (node:fs:441:20)\n    at [eval]:2:4\n    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3 {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'open',\n  path: '/x'\n}\n\nNode.js v22.16.0\n[1]");
  assert.match(js("require('fs').readFileSync('/x')"), /^node:fs:562\n  return binding\.open\(\n {17}\^\n\nError: ENOENT: no such file or directory, open '\/x'\n    at Object\.openSync \(node:fs:562:18\)\n    at Object\.readFileSync \(node:fs:446:35\)\n    at \[eval\]:1:15\n/);
  assert.equal(js("try { require('fs').mkdirSync('/') } catch (e) { console.log(e.code, e.errno, e.syscall, e.path, e.message) }"), "EEXIST -17 mkdir / EEXIST: file already exists, mkdir '/'\n");
});

test('an array pattern assigns to names already bound (the swap); an array literal stays one', () => {
  assert.equal(js('let a = 1, b = 2; [a, b] = [b, a]; console.log(a, b); [1, 2].forEach((x) => console.log(x))'), '2 1\n1\n2\n');
  assert.match(js('const c = 1; [c] = [2]'), /TypeError: Assignment to constant variable\.\n/);
});

test('dates from fields or a zoneless date-time are UTC, as in the container', () => {
  assert.equal(js("console.log(new Date(2025, 0, 31, 10), new Date('2025-03-01T08:00'), new Date('2025-03-01').getDay(), new Date(2025, 0, 1).toLocaleDateString())"), '2025-01-31T10:00:00.000Z 2025-03-01T08:00:00.000Z 6 1/1/2025\n');
});

test('fs with a path that is no string is refused, not an ENOENT of "undefined"', () => {
  assert.match(js("require('fs').readFileSync()"), /Error: the simulated interpreter cannot run 'fs\.readFileSync\(undefined\)'\n/);
});

test('a return whose value runs over several lines returns it whole', () => {
  assert.equal(js('function f() {\n  return {\n    a: 1\n  }\n}\nconsole.log(f())'), '{ a: 1 }\n');
});

test("python: a return whose value runs over several lines returns it whole", () => {
  const r = runCode(interpreter({ py: true, fs: fs(), cwd: '/', env: {}, hostname: 'h', kernel: '6.10', version: '3.11.13', random: () => 0.5, exists: () => false, now: () => 0 }), true, 'def f():\n    return {"a": 1,\n            "b": 2}\nprint(f())', 'c', '3.11.13');
  assert.equal(r.out + r.err, "{'a': 1, 'b': 2}\n");
});

test('the global object is the this of a function called on nothing, which the evaluator does not print', () => {
  assert.equal(js('function f() { return this === globalThis }\nconsole.log(f(), typeof this)'), 'true object\n');
  assert.match(js('console.log(this)'), /Error: the simulated interpreter cannot run 'util\.inspect\(globalThis\)'\n/);
});

test('what the evaluator lacks is refused, never answered otherwise: private names, class expressions, an interval never cleared, even inside a try', () => {
  assert.match(js('class A { #x = 1 }\nconsole.log(new A())'), /^Error: the simulated interpreter cannot run '#x'\n/m);
  assert.match(js('console.log(typeof class {})'), /^Error: the simulated interpreter cannot run 'class'\n/m);
  // (timers, promises and async functions run: node's answers)
  assert.equal(js('try { setTimeout(() => console.log(2), 0) } catch { console.log("no") }'), '2\n');
  assert.equal(js('try { new Promise((r) => r(1)) } catch (e) { console.log("no") }'), '');
  assert.equal(js('async function f() { await null }\nf()'), '');
  assert.match(js('setInterval(() => {}, 10)'), /^Error: the simulated interpreter cannot run 'timers without end'\n/m);
  assert.match(js('console.log([1n])'), /^Error: the simulated interpreter cannot run 'BigInt'\n/m);
  assert.match(js('console.log(~~3.7)'), /^Error: the simulated interpreter cannot run '~'\n/m);
  assert.match(js('console.log(7 >> 1)'), /^Error: the simulated interpreter cannot run '>>'\n/m);
  assert.match(js('class V {}\nconsole.log(new V().constructor.name)'), /^Error: the simulated interpreter cannot run '\.constructor'\n/m);
  assert.match(js('function P(n) { this.n = n }\nP.prototype.hola = function () { return this.n }'), /^Error: the simulated interpreter cannot run '\.prototype'\n/m);
});
