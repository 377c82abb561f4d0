import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt, term, runOnce } from './fixtures';
import { createEngine } from '../../../../src/docker/engine';

const APP = {
  'package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { start: 'node app.js' }, dependencies: { express: '^4.18.2' } }),
  'app.js': "const express = require('express');\nconst app = express();\nconst PORT = process.env.PORT || 3000;\napp.get('/', (req, res) => res.send('Hola desde Node'));\napp.listen(PORT, () => console.log(`Servidor en el puerto ${PORT}`));\n",
};
const DOCKERFILE = 'FROM node:14\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\nEXPOSE 3000\nCMD ["node", "app.js"]\n';

const run = runOnce;

test('node:14 is Debian buster with sh, bash, apt, curl, node, npm and yarn', async () => {
  const e = engine();
  await pull(e, 'node:14');
  const r = await run(e, 'node:14', ['sh', '-c', 'cat /etc/os-release | head -1; ls -l /bin/sh; node --version; npm --version; yarn --version; which apt-get bash curl']);
  assert.equal(r.err, '');
  assert.equal(r.state.ExitCode, 0);
  assert.match(r.out, /^PRETTY_NAME="Debian GNU\/Linux 10 \(buster\)"\n/);
  assert.match(r.out, /\/bin\/sh -> dash\n/);
  assert.match(r.out, /\nv14\.21\.3\n6\.14\.18\n1\.22\.19\n/);
  assert.match(r.out, /\/usr\/bin\/apt-get\n\/bin\/bash\n\/usr\/bin\/curl\n$/);
});

test('node:14 shares the buster base and buildpack-deps layers with nothing downloaded twice', async () => {
  const e = engine();
  await pull(e, 'node:14');
  const node = await e.imageInspect('node:14');
  // debian (buster rootfs) + curl + gpg + scm + dev layers below the four node-specific ones.
  assert.equal(node.RootFS.Layers.length, 9);
  const hist = await e.imageHistory('node:14');
  assert.ok(hist.some((h) => h.CreatedBy.includes('if ! command -v gpg')), 'buildpack-deps:buster installs gpg on its own layer');
});

test('a FROM node:14 build runs npm install into its own layer and starts the app detached', async () => {
  const e = engine();
  await pull(e, 'node:14');
  let text = '';
  const r = await e.imageBuild({ dockerfile: DOCKERFILE, files: APP }, { tags: ['miapp'] }, (m) => {
    if (m.stream) text += m.stream;
  });
  assert.match(text, /Step 4\/7 : RUN npm install\n ---> Running in [0-9a-f]{12}\n/);
  assert.match(text, /npm notice created a lockfile as package-lock\.json/);
  assert.match(text, /added \d+ packages from \d+ contributors and audited \d+ packages in [\d.]+s\n/);
  assert.match(text, /found 0 vulnerabilities/);
  const hist = await e.imageHistory(r.Id);
  const install = hist.find((h) => h.CreatedBy === '/bin/sh -c npm install')!;
  assert.ok(install.Size > 1_000_000, `node_modules makes the layer grow (${install.Size} B)`);

  const io = term(false);
  const { Id } = await e.containerCreate({ Image: 'miapp', HostConfig: { PortBindings: { '3000/tcp': [{ HostIp: '', HostPort: '3000' }] } } }, 'web');
  await e.containerStart(Id);
  const c = await e.containerInspect(Id);
  assert.equal(c.State.Status, 'running');
  assert.deepEqual(c.Path, 'docker-entrypoint.sh');
  assert.deepEqual(c.Args, ['node', 'app.js']);
  const logs = (await e.containerLogs(Id)).map((l) => l.text).join('');
  assert.equal(logs, 'Servidor en el puerto 3000\n');
  // The app answers on its port inside the container, with what it sends.
  await e.exec(Id, { Cmd: ['curl', '-s', 'localhost:3000'] }, io);
  assert.equal(io.text, 'Hola desde Node');
  io.text = '';
  await e.exec(Id, { Cmd: ['ls', 'node_modules/express'] }, io);
  assert.equal(io.text, 'index.js\npackage.json\n');
  // node as PID 1 ignores SIGTERM: docker stop ends it with SIGKILL after the timeout.
  await e.containerStop(Id, { timeout: 1 });
  assert.equal((await e.containerInspect(Id)).State.ExitCode, 137);
});

test('npm start prints its banner and runs the start script; missing pieces fail like node does', async () => {
  const e = engine();
  await pull(e, 'node:14');
  await e.imageBuild({ dockerfile: DOCKERFILE, files: APP }, { tags: ['miapp'] }, () => {});
  const start = await run(e, 'miapp', ['npm', 'start']);
  assert.equal(start.state.Status, 'running');
  assert.equal(start.out, '\n> app@1.0.0 start /app\n> node app.js\n\nServidor en el puerto 3000\n');
  // PORT from the environment wins when the code reads it.
  const env = await run(e, 'miapp', undefined, { Env: ['PORT=8080'] });
  assert.equal(env.out, 'Servidor en el puerto 8080\n');
  // Without npm install, require('express') fails and the container exits 1.
  await e.imageBuild({ dockerfile: 'FROM node:14\nWORKDIR /app\nCOPY . .\nCMD ["node", "app.js"]\n', files: APP }, { tags: ['sin-deps'] }, () => {});
  const bad = await run(e, 'sin-deps');
  assert.equal(bad.state.Status, 'exited');
  assert.equal(bad.state.ExitCode, 1);
  assert.match(bad.err, /Error: Cannot find module 'express'\nRequire stack:\n- \/app\/app\.js\n/);
  const missing = await run(e, 'node:14', ['node', 'nope.js']);
  assert.equal(missing.state.ExitCode, 1);
  assert.match(missing.err, /Cannot find module '\/nope\.js'/);
  const noScript = await run(e, 'node:14', ['npm', 'start']);
  assert.equal(noScript.state.ExitCode, 1);
  assert.match(noScript.err, /^npm ERR! missing script: start\n/);
});

test('npm install NAME adds the package to node_modules and package.json', async () => {
  const e = engine();
  await pull(e, 'node:14');
  const r = await run(e, 'node:14', ['sh', '-c', 'mkdir /w && cd /w && echo \'{"name":"w","version":"0.1.0"}\' > package.json && npm install lodash && cat package.json && ls node_modules']);
  assert.equal(r.state.ExitCode, 0);
  assert.match(r.out, /added 1 package from 1 contributor and audited 1 package in/);
  assert.match(r.out, /"dependencies": \{\n {4}"lodash": "\^4\.17\.21"\n {2}\}/);
  assert.match(r.out, /\nlodash\n$/);
  const diff = await e.containerChanges(r.id);
  assert.ok(diff.some((d) => d.Path === '/w/node_modules/lodash/index.js' && d.Kind === 1));
});

test('git --version is the git of the image\'s distribution', async () => {
  const e = engine();
  await pull(e, 'node:14', 'python');
  assert.equal(await (await runIt(e, 'node:14', undefined, ['bash'])).type('git --version'), 'git version 2.20.1\n');
  assert.equal(await (await runIt(e, 'python', undefined, ['bash'])).type('git --version'), 'git version 2.39.5\n');
});

test('node:14 has the node user its Dockerfile adds: docker run -u node runs as uid 1000', async () => {
  const e = engine();
  await pull(e, 'node:14');
  const r = await run(e, 'node:14', ['sh', '-c', 'whoami; id'], { User: 'node' });
  assert.equal(r.out, 'node\nuid=1000(node) gid=1000(node) groups=1000(node)\n');
});

test('a shell-form CMD node app.js: sh execs node, which serves what its handler sends (whatever the response is called)', async () => {
  const { session } = await import('../client/session');
  const run = session();
  await run('mkdir n && cd n');
  await run(`echo "require('http').createServer((q, r) => r.end('hola\\n')).listen(3000, () => console.log('escuchando'));" > app.js`);
  await run("printf 'FROM node:20-alpine\\nWORKDIR /app\\nCOPY . .\\nCMD node app.js\\n' > Dockerfile");
  await run('docker build -q -t napp .');
  await run('docker run -d --name n1 -p 3000:3000 napp');
  assert.equal((await run('docker inspect -f "{{.State.Status}}" n1')).out, 'running\n');
  assert.equal((await run('curl -s localhost:3000')).out, 'hola\n');
  assert.equal((await run('docker logs n1')).out, 'escuchando\n');
  assert.match((await run('docker top n1')).out, / node app\.js\n$/);
});

test('a node app as the main process still serves its port after a state restore', async () => {
  const e = engine();
  await pull(e, 'node:14');
  await e.imageBuild({ dockerfile: DOCKERFILE, files: APP }, { tags: ['miapp'] }, () => {});
  const { Id } = await e.containerCreate({ Image: 'miapp', HostConfig: { PortBindings: { '3000/tcp': [{ HostIp: '', HostPort: '3000' }] } } });
  await e.containerStart(Id);
  assert.equal(e.hostHttp('localhost', 3000, '/')?.body, 'Hola desde Node');
  const again = createEngine({ seed: 7, state: e.save() });
  assert.equal(again.hostHttp('localhost', 3000, '/')?.body, 'Hola desde Node');
  assert.equal((await again.containerLogs(Id)).map((l) => l.text).join(''), 'Servidor en el puerto 3000\n');
});

test('require reads a JSON file of the program\'s own, beside the script or from the working directory', async () => {
  const e = engine();
  await pull(e, 'node:22');
  const script = `cd /tmp && echo '{"a":[1,2]}' > p.json && node -p 'require("./p")' && node -e 'console.log(require("./p.json").a.length)' && echo 'console.log(require("./p.json").a)' > s.js && cd / && node /tmp/s.js && node -e 'require("./p.json")'`;
  const r = await run(e, 'node:22', ['sh', '-c', script]);
  assert.equal(r.out, '{ a: [ 1, 2 ] }\n2\n[ 1, 2 ]\n');
  assert.match(r.err, /Error: Cannot find module '\.\/p\.json'/);
  assert.equal(r.state.ExitCode, 1);
});
