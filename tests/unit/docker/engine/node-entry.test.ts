import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';
import { engine, pull, runIt, runOnce } from './fixtures';
import { createEngine } from '../../../../src/docker/engine';

const EVAL_FRAMES = '    at runScriptInThisContext (node:internal/vm:209:10)\n    at node:internal/process/execution:118:14\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.19.2\n';

test('a server started with node -e serves like one from a file: published port, logs, another container', async () => {
  const run = session();
  await run('docker pull -q node:20');
  const d = await run(`docker run -d --name web -p 3000:3000 node:20 node -e "require('http').createServer((q,r)=>{console.log(q.method, q.url); r.end('hi from '+q.url+'\\n')}).listen(3000, ()=>console.log('up'))"`);
  assert.equal(d.exit, 0);
  assert.equal((await run('docker inspect -f "{{.State.Status}}" web')).out, 'running\n');
  assert.equal((await run('curl -s localhost:3000/abc')).out, 'hi from /abc\n');
  // listen's callback runs once the program is done; the handler logs each request
  assert.equal((await run('docker logs web')).out, 'up\nGET /abc\n');
  await run('docker network create n1');
  await run(`docker run -d --name api --network n1 node:20 node -e "const http = require('http'); const port = process.env.PORT || 8080; http.createServer((req, res) => { res.writeHead(404); res.end('nope') }).listen(port)"`);
  assert.equal((await run('docker run --rm --network n1 node:20 curl -s api:8080')).out, 'nope');
});

test('node -p prints the value as util.inspect does; process.argv as node makes it for -e, a script and stdin', async () => {
  const e = engine();
  await pull(e, 'node:20');
  assert.equal((await runOnce(e, 'node:20', ['node', '-p', "[1, 'a', { b: null }]"])).out, "[ 1, 'a', { b: null } ]\n");
  assert.equal((await runOnce(e, 'node:20', ['node', '--print', 'process.argv', 'x'])).out, "[ '/usr/local/bin/node', 'x' ]\n");
  const r = await runOnce(e, 'node:20', ['sh', '-c', "cd /tmp && echo 'console.log(process.argv)' > a.js && node a.js x y && node - z < a.js && echo 'console.log(1)' | node && node --eval 'process.exit(3)'; echo $?"]);
  assert.equal(r.out, "[ '/usr/local/bin/node', '/tmp/a.js', 'x', 'y' ]\n[ '/usr/local/bin/node', '-', 'z' ]\n1\n3\n");
  assert.equal((await runOnce(e, 'node:20', ['node', '-e', 'process.exit(3)'])).state.ExitCode, 3);
  assert.match((await runOnce(e, 'node:20', ['node', '-h'])).out, /^Usage: node \[options\] \[ script\.js \] \[arguments\]\n/);
});

test('node -e errors: the [eval] frame, the caret under what failed, SyntaxError frames, a thrown value that is no Error', async () => {
  const e = engine();
  await pull(e, 'node:20');
  const ev = async (code: string) => {
    const r = await runOnce(e, 'node:20', ['node', '-e', code]);
    assert.equal(r.state.ExitCode, 1);
    return r.err;
  };
  assert.equal(await ev("throw new Error('x')"), `[eval]:1\nthrow new Error('x')\n^\n\nError: x\n    at [eval]:1:7\n${EVAL_FRAMES}`);
  assert.equal(await ev('const a = {}; a.b()'), `[eval]:1\nconst a = {}; a.b()\n                ^\n\nTypeError: a.b is not a function\n    at [eval]:1:17\n${EVAL_FRAMES}`);
  assert.equal(await ev('console.log('), '[eval]:1\nconsole.log(\n            \n\nSyntaxError: Unexpected end of input\n    at makeContextifyScript (node:internal/vm:185:14)\n    at node:internal/process/execution:107:22\n    at [eval]-wrapper:6:24\n    at runScript (node:internal/process/execution:101:62)\n    at evalScript (node:internal/process/execution:133:3)\n    at node:internal/main/eval_string:51:3\n\nNode.js v20.19.2\n');
  assert.match(await ev('let x = 1 2'), /^\[eval\]:1\nlet x = 1 2\n {10}\^\n\nSyntaxError: Unexpected number\n {4}at makeContextifyScript/);
  // (node v20.20.2 places the call at its require, past a variable of the module's name)
  assert.match(await ev("const nope = require('nope')"), /\n {4}at \[eval\]:1:14\n/);
  assert.equal(await ev("throw 'boom'"), "\n[eval]:1\nthrow 'boom'\n^\nboom\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n\nNode.js v20.19.2\n");
  assert.equal(await ev('throw {a: 1}'), '[eval]:1\nthrow {a: 1}\n^\n\n{ a: 1 }\n\nNode.js v20.19.2\n');
  assert.match(await ev("require('nope')"), /^node:internal\/modules\/cjs\/loader:1215\n {2}throw err;\n {2}\^\n\nError: Cannot find module 'nope'\nRequire stack:\n- \/\[eval\]\n[^]*\n {4}at require \(node:internal\/modules\/helpers:182:18\)\n {4}at \[eval\]:1:1\n {4}at runScriptInThisContext[^]*at evalScript \(node:internal\/process\/execution:133:3\) \{\n {2}code: 'MODULE_NOT_FOUND',\n {2}requireStack: \[ '\/\[eval\]' \]\n\}\n\nNode.js v20.19.2\n$/);
});

test('an uncaught throw in a script: its file:line, the caret, Object.<anonymous> and the loader frames of each release', async () => {
  const e = engine();
  await pull(e, 'node:20', 'node:18-slim', 'node:22', 'node:14');
  const app = ['sh', '-c', "mkdir /app && cd /app && printf '// a comment\\nconst a = 1;\\n  throw new Error(\"x\")\\n' > t.js && node t.js"];
  const r20 = await runOnce(e, 'node:20', app);
  assert.equal(r20.err, '/app/t.js:3\n  throw new Error("x")\n  ^\n\nError: x\n    at Object.<anonymous> (/app/t.js:3:9)\n    at Module._compile (node:internal/modules/cjs/loader:1529:14)\n    at Module._extensions..js (node:internal/modules/cjs/loader:1613:10)\n    at Module.load (node:internal/modules/cjs/loader:1275:32)\n    at Module._load (node:internal/modules/cjs/loader:1096:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n    at node:internal/main/run_main_module:28:49\n\nNode.js v20.19.2\n');
  assert.match((await runOnce(e, 'node:18-slim', app)).err, /\n {4}at Module\._compile \(node:internal\/modules\/cjs\/loader:1364:14\)\n {4}at Module\._extensions\.\.js \(node:internal\/modules\/cjs\/loader:1422:10\)\n {4}at Module\.load \(node:internal\/modules\/cjs\/loader:1203:32\)\n {4}at Module\._load \(node:internal\/modules\/cjs\/loader:1019:12\)\n {4}at Function\.executeUserEntryPoint \[as runMain\] \(node:internal\/modules\/run_main:128:12\)\n/);
  assert.match((await runOnce(e, 'node:22', app)).err, /\(\/app\/t\.js:3:9\)\n {4}at Module\._compile \(node:internal\/modules\/cjs\/loader:1730:14\)\n {4}at Object\.\.js \(node:internal\/modules\/cjs\/loader:1895:10\)\n {4}at Module\.load \(node:internal\/modules\/cjs\/loader:1465:32\)\n {4}at Function\._load \(node:internal\/modules\/cjs\/loader:1282:12\)\n {4}at TracingChannel\.traceSync \(node:diagnostics_channel:322:14\)\n {4}at wrapModuleLoad \(node:internal\/modules\/cjs\/loader:235:24\)\n {4}at Function\.executeUserEntryPoint \[as runMain\] \(node:internal\/modules\/run_main:171:5\)\n {4}at node:internal\/main\/run_main_module:36:49\n\nNode.js v22\.16\.0\n$/);
  // node 14 names the loader's functions Function.Module.… and ends without the version line
  assert.match((await runOnce(e, 'node:14', app)).err, /\n {4}at Function\.Module\._load \(internal\/modules\/cjs\/loader\.js:819:12\)\n {4}at Function\.executeUserEntryPoint \[as runMain\] \(internal\/modules\/run_main\.js:75:12\)\n {4}at internal\/main\/run_main_module\.js:17:47\n$/);
  const missing = await runOnce(e, 'node:14', ['sh', '-c', "mkdir /app && cd /app && echo 'require(\"nope\")' > a.js && node a.js"]);
  assert.match(missing.err, /^internal\/modules\/cjs\/loader\.js:934\n[^]*\n {4}at require \(internal\/modules\/cjs\/helpers\.js:107:18\)\n {4}at Object\.<anonymous> \(\/app\/a\.js:1:1\)\n {4}at Module\._compile \(internal\/modules\/cjs\/loader\.js:1114:14\)\n/);
});

test('a script knows its __dirname and __filename; an error inside a function has its frame above Object.<anonymous> (as node v20.20.2 prints)', async () => {
  const e = engine();
  await pull(e, 'node:20');
  const r = await runOnce(e, 'node:20', ['sh', '-c', "mkdir /app && cd /app && printf 'function f() {\\n  return x;\\n}\\nconsole.log(__dirname, __filename);\\nf();\\n' > t.js && node t.js"]);
  assert.equal(r.out, '/app /app/t.js\n');
  assert.match(r.err, /^\/app\/t\.js:2\n {2}return x;\n {2}\^\n\nReferenceError: x is not defined\n {4}at f \(\/app\/t\.js:2:3\)\n {4}at Object\.<anonymous> \(\/app\/t\.js:5:1\)\n {4}at Module\._compile /);
});

test('a script the evaluator cannot run is still read for its port and what it sends; one it runs serves by its handler', async () => {
  const e = engine();
  await pull(e, 'node:20');
  // an Express-style app whose module the evaluator lacks: read, not run
  const files = { 'server.js': "const { createServer } = require('http');\nconst server = createServer((req, res) => {\n  if (req.url === '/hola') return res.end('hola');\n  res.statusCode = 404;\n  res.end('no');\n});\nserver.listen(8080, () => console.log('en 8080'));\n" };
  await e.imageBuild({ dockerfile: 'FROM node:20\nCOPY server.js /\nCMD ["node", "/server.js"]\n', files }, { tags: ['srv'] }, () => {});
  const { Id } = await e.containerCreate({ Image: 'srv', HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
  await e.containerStart(Id);
  assert.equal(e.hostHttp('localhost', 8080, '/hola')?.body, 'hola');
  // destructuring is read, not run: the port and the first thing sent
  assert.equal((await e.containerLogs(Id)).map((l) => l.text).join(''), 'en 8080\n');
  const plain = { 'app.js': "const http = require('http');\nhttp.createServer((req, res) => {\n  if (req.url === '/') {\n    res.end('inicio');\n  } else {\n    res.writeHead(404);\n    res.end('no hay ' + req.url);\n  }\n}).listen(3000);\n" };
  await e.imageBuild({ dockerfile: 'FROM node:20\nCOPY app.js /\nCMD ["node", "/app.js"]\n', files: plain }, { tags: ['plain'] }, () => {});
  const p = await e.containerCreate({ Image: 'plain', HostConfig: { PortBindings: { '3000/tcp': [{ HostIp: '', HostPort: '3000' }] } } });
  await e.containerStart(p.Id);
  assert.deepEqual([e.hostHttp('localhost', 3000, '/')?.body, e.hostHttp('localhost', 3000, '/x')?.status, e.hostHttp('localhost', 3000, '/x')?.body], ['inicio', 404, 'no hay /x']);
  // after a restore the program runs again and its handler answers
  const again = createEngine({ seed: 7, state: e.save() });
  assert.equal(again.hostHttp('localhost', 3000, '/y')?.body, 'no hay /y');
});

test('a server that routes with switch runs its handler: each path gets its own answer, not the first one sent', async () => {
  const e = engine();
  await pull(e, 'node:20');
  const files = { 'app.js': "const http = require('http');\nconst server = http.createServer((req, res) => {\n  switch (req.url) {\n    case '/':\n      res.end('inicio');\n      break;\n    case '/salud':\n      res.end('ok');\n      break;\n    default:\n      res.statusCode = 404;\n      res.end(`no hay ${req.url}`);\n  }\n});\nconst PORT = process.env.PORT || 3000;\nserver.listen(PORT, () => console.log(`Escuchando en el puerto ${PORT}`));\n" };
  await e.imageBuild({ dockerfile: 'FROM node:20\nCOPY app.js /\nCMD ["node", "/app.js"]\n', files }, { tags: ['rutas'] }, () => {});
  const { Id } = await e.containerCreate({ Image: 'rutas', HostConfig: { PortBindings: { '3000/tcp': [{ HostIp: '', HostPort: '3000' }] } } });
  await e.containerStart(Id);
  const get = (path: string) => ((r) => [r?.status, r?.body])(e.hostHttp('localhost', 3000, path));
  assert.deepEqual([get('/'), get('/salud'), get('/x')], [[200, 'inicio'], [200, 'ok'], [404, 'no hay /x']]);
  assert.equal((await e.containerLogs(Id)).map((l) => l.text).join(''), 'Escuchando en el puerto 3000\n');
});

test('the REPL: a thrown value as node shows it, members the evaluator lacks, comments', async () => {
  const e = engine();
  await pull(e, 'node:20');
  const { type } = await runIt(e, 'node:20');
  assert.equal(await type("throw 'x'"), "Uncaught 'x'\n");
  assert.equal(await type('throw {a: 1}'), 'Uncaught { a: 1 }\n');
  assert.equal(await type("throw new TypeError('t')"), 'Uncaught TypeError: t\n');
  assert.equal(await type('process.on'), "Uncaught Error: the simulated interpreter cannot run 'process.on'\n");
  assert.equal(await type('1 // a comment'), '1\n');
});

test('node in the foreground of a shell is a process of its own that serves; started from a shell, SIGTERM ends it', async () => {
  const run = session();
  await run('docker pull -q node:20');
  await run(`docker run -d --name fg -p 3000:3000 node:20 sh -c "cd /tmp && node -e \\"require('http').createServer((q,r)=>r.end('fg')).listen(3000)\\""`);
  assert.equal((await run('curl -s localhost:3000')).out, 'fg');
  assert.match((await run('docker top fg')).out, / node -e require\('http'\)[^\n]*\n$/);
  const bg = await run(`docker exec fg sh -c "node -e \\"require('http').createServer((q,r)=>r.end('bg')).listen(4000)\\" & sleep 1; curl -s localhost:4000; kill %1; wait %1; echo \\" \\$?\\""`);
  assert.equal(bg.out, 'bg 143\n');
});

test("a script's own modules: module.exports and exports, run once, required relative to the requiring file (real node's answers)", async () => {
  const e = engine();
  await pull(e, 'node:22');
  const script = [
    'mkdir -p /tmp/nm/lib && cd /tmp/nm',
    'echo "module.exports = (a, b) => a + b" > m.js',
    'echo "const suma = require(\'./m\'); console.log(suma(1, 2), require(\'./m\') === suma)" > app.js',
    'echo "const m = require(\'../m\'); exports.doble = (x) => m(x, x); exports.nombre = __filename" > lib/d.js',
    'echo "const { doble, nombre } = require(\'./lib/d\'); console.log(doble(4), nombre)" > b.js',
    'node app.js; node b.js',
  ].join('; ');
  const r = await runOnce(e, 'node:22', ['sh', '-c', script]);
  assert.equal(r.out, '3 true\n8 /tmp/nm/lib/d.js\n');
});

test('a script the evaluator cannot finish is refused, never half answered from its text', async () => {
  const e = engine();
  await pull(e, 'node:22');
  // (a timer runs, as in node; what it calls that the evaluator lacks is refused)
  const ok = await runOnce(e, 'node:22', ['sh', '-c', "echo \"setTimeout(() => console.log('tarde'), 10); console.log('pronto')\" > /t.js; node /t.js"]);
  assert.equal(ok.out, 'pronto\ntarde\n');
  const r = await runOnce(e, 'node:22', ['sh', '-c', "echo \"setTimeout(() => console.log('tarde', 7 >> 1), 10); console.log('pronto')\" > /t.js; node /t.js"]);
  assert.doesNotMatch(r.out, /tarde/);
  assert.match(r.err, /cannot run '>>'/);
  assert.equal(r.state.ExitCode, 1);
});

test('a top-level await: node 20.19 and 22 run the program as an ES module (a .js of a package.json without "type" with its warning), node 18 and 14 say V8\'s SyntaxError; a .mjs is a module in each', async () => {
  const e = engine();
  await pull(e, 'node:20', 'node:22', 'node:18-slim', 'node:14');
  const tla = 'console.log(1 + await Promise.resolve(1), typeof require, this)';
  // (node v20.20.2 here: the warning's text, and what the module prints)
  const warned = ['sh', '-c', `mkdir /app && cd /app && echo '{"name":"x"}' > package.json && echo '${tla}' > a.js && node a.js`];
  const warning = (pid: string) => `(node:${pid}) [MODULE_TYPELESS_PACKAGE_JSON] Warning: Module type of file:///app/a.js is not specified and it doesn't parse as CommonJS.\nReparsing as ES module because module syntax was detected. This incurs a performance overhead.\nTo eliminate this warning, add "type": "module" to /app/package.json.\n(Use \`node --trace-warnings ...\` to show where the warning was created)\n`;
  for (const image of ['node:20', 'node:22']) {
    const r = await runOnce(e, image, warned);
    assert.equal(r.out, '2 undefined undefined\n');
    assert.equal(r.err, warning(/\(node:(\d+)\)/.exec(r.err)?.[1] ?? '?'));
    assert.equal((await runOnce(e, image, ['node', '-e', tla])).out, '2 undefined undefined\n');
  }
  // a type of its package.json's, or none to find: no warning
  const typed = await runOnce(e, 'node:20', ['sh', '-c', `mkdir /app && cd /app && echo '{"type":"module"}' > package.json && echo '${tla}' > a.js && node a.js && echo '${tla}' > /b.js && node /b.js`]);
  assert.deepEqual([typed.out, typed.err], ['2 undefined undefined\n2 undefined undefined\n', '']);
  // (V8 reads the whole script first: nothing of it runs)
  for (const [image, msg] of [['node:18-slim', 'await is only valid in async functions and the top level bodies of modules'], ['node:14', 'await is only valid in async function']]) {
    const r = await runOnce(e, image, ['node', '-e', 'console.log(1)\nconst v = 1 + await Promise.resolve(2)']);
    assert.equal(r.out, '');
    assert.match(r.err, new RegExp(`^\\[eval\\]:2\nconst v = 1 \\+ await Promise\\.resolve\\(2\\)\n {14}\\^{5}\n\nSyntaxError: ${msg}\n`));
    const m = await runOnce(e, image, ['sh', '-c', `echo '${tla}' > /a.mjs && node /a.mjs`]);
    assert.deepEqual([m.out, m.err], ['2 undefined undefined\n', '']);
  }
});

test("a script with a SyntaxError: V8's report before any of it runs, never read for its logs; a release whose frames are unknown is refused", async () => {
  const e = engine();
  await pull(e, 'node:20', 'node:22', 'node:18-slim');
  // (node v20.20.2's answer here; the loader's lines are 20.19's and 22.16's, as their own reports print them)
  const bad = ['sh', '-c', "mkdir /app && cd /app && printf 'const http = require(\"http\");\\nconsole.log(\"arranca\");\\nhttp.createServer((q, r) => r.end(\"x\")).listen(3000);\\nlet y = 1 2\\n' > app.js && node app.js"];
  const r20 = await runOnce(e, 'node:20', bad);
  assert.deepEqual([r20.out, r20.state.ExitCode], ['', 1]);
  assert.equal(r20.err, '/app/app.js:4\nlet y = 1 2\n          ^\n\nSyntaxError: Unexpected number\n    at wrapSafe (node:internal/modules/cjs/loader:1472:18)\n    at Module._compile (node:internal/modules/cjs/loader:1501:20)\n    at Module._extensions..js (node:internal/modules/cjs/loader:1613:10)\n    at Module.load (node:internal/modules/cjs/loader:1275:32)\n    at Module._load (node:internal/modules/cjs/loader:1096:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n    at node:internal/main/run_main_module:28:49\n\nNode.js v20.19.2\n');
  const r22 = await runOnce(e, 'node:22', bad);
  assert.match(r22.err, /^\/app\/app\.js:4\nlet y = 1 2\n {10}\^\n\nSyntaxError: Unexpected number\n {4}at wrapSafe \(node:internal\/modules\/cjs\/loader:1662:18\)\n {4}at Module\._compile \(node:internal\/modules\/cjs\/loader:1704:20\)\n {4}at Object\.\.js \(node:internal\/modules\/cjs\/loader:1895:10\)\n/);
  const r18 = await runOnce(e, 'node:18-slim', bad);
  assert.deepEqual([r18.out, r18.state.ExitCode], ['', 1]);
  assert.match(r18.err, /^Error: the simulated interpreter cannot run 'a SyntaxError of a script in node v18\.20\.8'\n/m);
  // node -e: nothing printed before the error either, and no server left listening
  const ev = await runOnce(e, 'node:20', ['node', '-e', "require('http').createServer((q, r) => r.end('x')).listen(3000); console.log('arriba'); a b"]);
  assert.deepEqual([ev.out, ev.state.ExitCode], ['', 1]);
  assert.match(ev.err, /^\[eval\]:1\n.* a b\n {90}\^\n\nSyntaxError: Unexpected identifier 'b'\n/);
});

test("the REPL's SyntaxError: the line as typed and V8's arrow above it, nothing of the line run; if/else and do without braces", async () => {
  const e = engine();
  await pull(e, 'node:20');
  const { type } = await runIt(e, 'node:20');
  // (node v20.20.2's REPL on a terminal)
  assert.equal(await type('a bcd'), "a bcd\n  ^^^\n\nUncaught SyntaxError: Unexpected identifier 'bcd'\n");
  assert.equal(await type('  x y'), "  x y\n    ^\n\nUncaught SyntaxError: Unexpected identifier 'y'\n");
  assert.equal(await type('console.log(1); 1 +* 2'), "console.log(1); 1 +* 2\n                   ^\n\nUncaught SyntaxError: Unexpected token '*'\n");
  assert.equal(await type('"abc'), '"abc\n^^^^\n\nUncaught SyntaxError: Invalid or unexpected token\n');
  assert.equal(await type('let q = 1; let q = 2'), "let q = 1; let q = 2\n               ^\n\nUncaught SyntaxError: Identifier 'q' has already been declared\n");
  // (an input over several lines: the line the token is on)
  assert.equal(await type('x = 1 +'), '');
  assert.equal(await type('  * 2'), "  * 2\n  ^\n\nUncaught SyntaxError: Unexpected token '*'\n");
  assert.equal(await type('if (0) 1; else 2'), '2\n');
  assert.equal(await type('let w = 0; if (w) w = 1; else if (w === 0) w = 2; else w = 3'), '2\n');
  assert.equal(await type('if (1) console.log(3); else 4'), '3\nundefined\n');
  assert.equal(await type('let i = 0; do i++; while (i < 3); i'), '3\n');
});

test('an Express app the evaluator cannot run is read for what it logs as it starts: its top level and listen\'s callback, not its handlers\' logs', async () => {
  const e = engine();
  await pull(e, 'node:20');
  const files = { 'app.js': "const express = require('express');\nconst app = express();\nconsole.log('configurando \\'app\\'');\nconsole.log('modo: ' + app.get('env'));\napp.get('/', (req, res) => {\n  console.log('petición');\n  res.send('hola');\n});\nconst PORT = 3000;\napp.listen(PORT, () => {\n  console.log(`en http://localhost:${PORT}/`);\n});\n" };
  await e.imageBuild({ dockerfile: 'FROM node:20\nWORKDIR /app\nRUN npm install express\nCOPY app.js .\nCMD ["node", "app.js"]\n', files }, { tags: ['exp'] }, () => {});
  const { Id } = await e.containerCreate({ Image: 'exp', HostConfig: { PortBindings: { '3000/tcp': [{ HostIp: '', HostPort: '3000' }] } } });
  await e.containerStart(Id);
  assert.equal(e.hostHttp('localhost', 3000, '/')?.body, 'hola');
  assert.equal((await e.containerLogs(Id)).map((l) => l.text).join(''), "configurando 'app'\nen http://localhost:3000/\n");
});
