import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt, runOnce } from './fixtures';
import { findImage } from '../../../../src/docker/registry/catalog';

const run = runOnce;

test('node:latest is node 24.2.0 on buildpack-deps:bookworm, sharing the base python pulled', async () => {
  const e = engine();
  const [, nodePull] = await pull(e, 'python', 'node');
  // Debian, curl, scm and the toolchain come from buildpack-deps:bookworm like python's.
  assert.equal(nodePull.filter((l) => l.endsWith('Already exists')).length, 4);
  assert.equal(nodePull.filter((l) => l.endsWith('Pull complete')).length, 4);
  for (const tag of ['24', '24.2', '24.2.0', 'current', 'bookworm', '24-bookworm', 'current-bookworm']) assert.equal(findImage('library/node', tag), findImage('node', 'latest'), tag);
  const img = await e.imageInspect('node:latest');
  assert.ok(img.Config.Env?.includes('NODE_VERSION=24.2.0') && img.Config.Env.includes('YARN_VERSION=1.22.22'));
  assert.deepEqual([img.Config.Entrypoint, img.Config.Cmd], [['docker-entrypoint.sh'], ['node']]);
  // Built with BuildKit, and about 1.1GB like the real image.
  const hist = await e.imageHistory('node:latest');
  assert.equal(hist[0].Comment, 'buildkit.dockerfile.v0');
  assert.ok(hist.some((h) => h.CreatedBy === 'ENV NODE_VERSION=24.2.0'));
  assert.ok(img.Size > 1.1e9 && img.Size < 1.15e9, String(img.Size));
  const r = await run(e, 'node', ['sh', '-c', 'grep ^node: /etc/passwd; ls /usr/local/bin']);
  assert.equal(r.out, 'node:x:1000:1000::/home/node:/bin/bash\ncorepack\ndocker-entrypoint.sh\nnode\nnodejs\nnpm\nnpx\nyarn\nyarnpkg\n');
});

test('node:22 answers to its LTS tags', () => {
  for (const tag of ['22', '22.16', '22.16.0', 'jod', '22-bookworm', 'lts-bookworm', 'lts-jod']) assert.equal(findImage('node', tag), findImage('node', 'lts'), tag);
  assert.ok(findImage('node', 'lts')?.config.Env?.includes('NODE_VERSION=22.16.0'));
});

test('node, npm and yarn print the versions of the image\'s release', async () => {
  const e = engine();
  await pull(e, 'node', 'node:jod', 'node:14');
  const v = 'node --version; npm --version; yarn --version';
  assert.equal((await run(e, 'node', ['sh', '-c', v])).out, 'v24.2.0\n11.3.0\n1.22.22\n');
  assert.equal((await run(e, 'node:jod', ['sh', '-c', v])).out, 'v22.16.0\n10.9.2\n1.22.22\n');
  assert.equal((await run(e, 'node:14', ['sh', '-c', v])).out, 'v14.21.3\n6.14.18\n1.22.19\n');
});

test('the node 24 REPL greets with its own version', async () => {
  const e = engine();
  await pull(e, 'node');
  const { io } = await runIt(e, 'node');
  assert.equal(io.text, 'Welcome to Node.js v24.2.0.\nType ".help" for more information.\n');
});

test('npm 11 prints arborist\'s summary and writes package.json, without npm 6 warnings', async () => {
  const e = engine();
  await pull(e, 'node');
  const r = await run(e, 'node', ['sh', '-c', 'mkdir /w && cd /w && npm install lodash && cat package.json && npm install']);
  assert.equal(r.err, '');
  assert.equal(r.out, '\nadded 1 package, and audited 2 packages in 431ms\n\nfound 0 vulnerabilities\n{\n  "dependencies": {\n    "lodash": "^4.17.21"\n  }\n}\n\nup to date, audited 2 packages in 431ms\n\nfound 0 vulnerabilities\n');
});

test('npm 11 run-script: banner without the directory, errors as `npm error` lines', async () => {
  const e = engine();
  await pull(e, 'node');
  const pkg = JSON.stringify({ name: 'app', version: '1.0.0', scripts: { hola: 'echo hola' } });
  const r = await run(e, 'node', ['sh', '-c', `mkdir /w && cd /w && echo '${pkg}' > package.json && npm run hola && npm start`]);
  assert.equal(r.out, '\n> app@1.0.0 hola\n> echo hola\n\nhola\n');
  assert.match(r.err, /^npm error Missing script: "start"\nnpm error\nnpm error Did you mean one of these\?\nnpm error   npm star # Mark your favorite packages\nnpm error   npm stars # View packages marked as favorites\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\nnpm error A complete log of this run can be found in: \/root\/\.npm\/_logs\/2025-06-16T\d\d_\d\d_\d\d_\d{3}Z-debug-0\.log\n$/);
  assert.equal(r.state.ExitCode, 1);
  const x = await run(e, 'node', ['sh', '-c', `mkdir /w && cd /w && echo '${pkg}' > package.json && npm run x`]);
  assert.match(x.err, /^npm error Missing script: "x"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error {3}npm run\nnpm error A complete/);
  // Without package.json npm 7+ fails reading it, before looking for the script.
  const none = await run(e, 'node', ['npm', 'start']);
  assert.match(none.err, /^npm error code ENOENT\nnpm error syscall open\nnpm error path \/package\.json\nnpm error errno -2\nnpm error enoent Could not read package\.json: Error: ENOENT: no such file or directory, open '\/package\.json'\nnpm error enoent This is related to npm not being able to find a file\.\nnpm error enoent\nnpm error A complete log/);
  assert.equal(none.state.ExitCode, 254, 'errno -2 as the exit status');
  const install = await run(e, 'node', ['sh', '-c', 'mkdir /v && cd /v && npm install']);
  assert.match(install.err, /^npm error code ENOENT\n(.*\n){3}npm error enoent Could not read package\.json: Error: ENOENT: no such file or directory, open '\/v\/package\.json'\n/);
  assert.equal(install.state.ExitCode, 254);
});

test('npm start as the main process of a node 24 app prints npm 11\'s banner', async () => {
  const e = engine();
  await pull(e, 'node');
  const files = { 'package.json': JSON.stringify({ name: 'web', version: '2.0.0' }), 'server.js': "require('http').createServer().listen(8080, () => console.log('listo'));\n" };
  await e.imageBuild({ dockerfile: 'FROM node\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n', files }, { tags: ['web'] }, () => {});
  const r = await run(e, 'web');
  assert.equal(r.state.Status, 'running');
  assert.equal(r.out, '\n> web@2.0.0 start\n> node server.js\n\nlisto\n');
});

test('a missing script or module fails with the loader frames of node 24 and 22, node:14 as before', async () => {
  const e = engine();
  await pull(e, 'node:24', 'node:22', 'node:14');
  const main24 = await run(e, 'node:24', ['node', 'nope.js']);
  assert.equal(main24.state.ExitCode, 1);
  assert.equal(main24.err, "node:internal/modules/cjs/loader:1408\n  throw err;\n  ^\n\nError: Cannot find module '/nope.js'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1405:15)\n    at defaultResolveImpl (node:internal/modules/cjs/loader:1061:19)\n    at resolveForCJSWithHooks (node:internal/modules/cjs/loader:1066:22)\n    at Module._load (node:internal/modules/cjs/loader:1215:37)\n    at TracingChannel.traceSync (node:diagnostics_channel:322:14)\n    at wrapModuleLoad (node:internal/modules/cjs/loader:235:24)\n    at Module.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:152:5)\n    at node:internal/main/run_main_module:33:47 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v24.2.0\n");
  const app = ['sh', '-c', "mkdir /app && cd /app && printf 'const x = 1;\\nconst express = require(\"express\");\\n' > app.js && node app.js"];
  const req22 = await run(e, 'node:22', app);
  assert.equal(req22.err, "node:internal/modules/cjs/loader:1404\n  throw err;\n  ^\n\nError: Cannot find module 'express'\nRequire stack:\n- /app/app.js\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1401:15)\n    at defaultResolveImpl (node:internal/modules/cjs/loader:1057:19)\n    at resolveForCJSWithHooks (node:internal/modules/cjs/loader:1062:22)\n    at Function._load (node:internal/modules/cjs/loader:1211:37)\n    at TracingChannel.traceSync (node:diagnostics_channel:322:14)\n    at wrapModuleLoad (node:internal/modules/cjs/loader:235:24)\n    at Module.require (node:internal/modules/cjs/loader:1487:12)\n    at require (node:internal/modules/helpers:135:16)\n    at Object.<anonymous> (/app/app.js:2:17)\n    at Module._compile (node:internal/modules/cjs/loader:1730:14) {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '/app/app.js' ]\n}\n\nNode.js v22.16.0\n");
  const req24 = await run(e, 'node:24', app);
  assert.match(req24.err, /\n {4}at Module\.require \(node:internal\/modules\/cjs\/loader:1491:12\)\n {4}at require \(node:internal\/modules\/helpers:135:16\)\n {4}at Object\.<anonymous> \(\/app\/app\.js:2:17\)\n {4}at Module\._compile \(node:internal\/modules\/cjs\/loader:1734:14\) \{\n/);
  // node 14.21's loader (as a node:14 container's logs show it), with no `Node.js v…` line yet
  assert.equal((await run(e, 'node:14', ['node', 'nope.js'])).err, "internal/modules/cjs/loader.js:934\n  throw err;\n  ^\n\nError: Cannot find module '/nope.js'\n    at Function.Module._resolveFilename (internal/modules/cjs/loader.js:931:15)\n    at Function.Module._load (internal/modules/cjs/loader.js:774:27)\n    at Function.executeUserEntryPoint [as runMain] (internal/modules/run_main.js:75:12)\n    at internal/main/run_main_module.js:17:47 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n");
});

test('npm 11 writes lockfile v3 (packages by install path), npm 6 lockfile v1', async () => {
  const e = engine();
  await pull(e, 'node', 'node:14');
  const lock = async (image: string) => {
    const r = await run(e, image, ['sh', '-c', 'mkdir /w && cd /w && echo \'{"name":"w","version":"1.0.0"}\' > package.json && npm install lodash >/dev/null 2>&1 && cat package-lock.json']);
    return JSON.parse(r.out) as Record<string, unknown>;
  };
  assert.deepEqual(await lock('node'), { name: 'w', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'w', version: '1.0.0', dependencies: { lodash: '^4.17.21' } }, 'node_modules/lodash': { version: '4.17.21' } } });
  assert.deepEqual(await lock('node:14'), { name: 'w', version: '1.0.0', lockfileVersion: 1, requires: true, dependencies: { lodash: { version: '4.17.21' } } });
});

test('node 20 and 18: a missing script or module has their loader\'s frames, without the resolve hooks of 22', async () => {
  const e = engine();
  await pull(e, 'node:20-alpine', 'node:18-slim');
  assert.equal((await run(e, 'node:20-alpine', ['node', 'bash'])).err, "node:internal/modules/cjs/loader:1215\n  throw err;\n  ^\n\nError: Cannot find module '/bash'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1212:15)\n    at Module._load (node:internal/modules/cjs/loader:1043:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v20.19.2\n");
  const app = ['sh', '-c', "mkdir /app && cd /app && printf 'const x = 1;\\nconst express = require(\"express\");\\n' > app.js && node app.js"];
  assert.equal((await run(e, 'node:18-slim', app)).err, "node:internal/modules/cjs/loader:1143\n  throw err;\n  ^\n\nError: Cannot find module 'express'\nRequire stack:\n- /app/app.js\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1140:15)\n    at Module._load (node:internal/modules/cjs/loader:981:27)\n    at Module.require (node:internal/modules/cjs/loader:1231:19)\n    at require (node:internal/modules/helpers:177:18)\n    at Object.<anonymous> (/app/app.js:2:17)\n    at Module._compile (node:internal/modules/cjs/loader:1364:14)\n    at Module._extensions..js (node:internal/modules/cjs/loader:1422:10)\n    at Module.load (node:internal/modules/cjs/loader:1203:32)\n    at Module._load (node:internal/modules/cjs/loader:1019:12)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:128:12) {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '/app/app.js' ]\n}\n\nNode.js v18.20.8\n");
  assert.match((await run(e, 'node:18-slim', ['node', '-v'])).out, /^v18\.20\.8\n$/);
});

test("node's full images carry Debian's python3 (mercurial in buildpack-deps needs it), for node-gyp", async () => {
  const e = engine();
  await pull(e, 'node:22');
  const r = await run(e, 'node:22', ['sh', '-c', 'command -v python3; python3 --version; python3 -c "print(6 * 7)"']);
  assert.equal(r.out, '/usr/bin/python3\nPython 3.11.2\n42\n');
});
