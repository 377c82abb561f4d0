import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, term } from './fixtures';

async function sh(image: string, script: string) {
  const e = engine();
  await pull(e, image);
  const io = term(false);
  const { Id } = await e.containerCreate({ Image: image, Cmd: ['sh', '-c', script] });
  await e.containerAttach(Id, io, { beforeStart: true });
  await e.containerStart(Id);
  return { out: io.text, err: io.errText, code: (await e.containerInspect(Id)).State.ExitCode };
}

const TEST = '  "scripts": {\n    "test": "echo \\"Error: no test specified\\" && exit 1"\n  },\n';

test('npm init -y writes and prints package.json in the order of each npm', async () => {
  assert.equal((await sh('node:14', 'mkdir /app && cd /app && npm init -y')).out, `Wrote to /app/package.json:\n\n{\n  "name": "app",\n  "version": "1.0.0",\n  "description": "",\n  "main": "index.js",\n${TEST}  "keywords": [],\n  "author": "",\n  "license": "ISC"\n}\n\n\n`);
  // npm 7+ re-adds the empty description last; npm 11 also writes the module type.
  const r = await sh('node:22', 'mkdir /app && cd /app && touch server.js && npm init -y >/dev/null && cat package.json');
  assert.equal(r.out, `{\n  "name": "app",\n  "version": "1.0.0",\n  "main": "server.js",\n${TEST}  "keywords": [],\n  "author": "",\n  "license": "ISC",\n  "description": ""\n}\n`);
  assert.match((await sh('node', 'mkdir /app && cd /app && npm init -y')).out, /"license": "ISC",\n {2}"type": "commonjs",\n {2}"description": ""\n\}\n\n\n$/);
});

const PKG = `echo '{"name":"a","version":"2.0.0","scripts":{"start":"node a.js","dev":"nodemon"}}' > package.json`;

test('npm run alone lists the lifecycle scripts, then the others', async () => {
  assert.equal((await sh('node:14', `mkdir /w && cd /w && ${PKG} && npm run`)).out, 'Lifecycle scripts included in a:\n  start\n    node a.js\n\navailable via `npm run-script`:\n  dev\n    nodemon\n');
  assert.equal((await sh('node', `mkdir /w && cd /w && ${PKG} && npm run`)).out, 'Lifecycle scripts included in a@2.0.0:\n  start\n    node a.js\navailable via `npm run-script`:\n  dev\n    nodemon\n');
  assert.equal((await sh('node', `mkdir /w && cd /w && echo '{"name":"a","scripts":{"dev":"x"}}' > package.json && npm run-script`)).out, 'Scripts available in a via `npm run-script`:\n  dev\n    x\n');
  const none = await sh('node', 'mkdir /w && cd /w && npm run');
  assert.equal(none.code, 254);
  assert.match(none.err, /^npm error code ENOENT\n/);
});

test('npm alone prints its usage and fails', async () => {
  const six = await sh('node:14', 'npm');
  assert.equal(six.code, 1);
  assert.match(six.out, /^\nUsage: npm <command>\n\nwhere <command> is one of:\n {4}access, adduser, audit, bin, bugs, c, cache, ci, cit,\n[\s\S]*\n {4}whoami\n\nnpm <command> -h {2}quick help on <command>\n[\s\S]*\nnpm@6\.14\.18 \/usr\/local\/lib\/node_modules\/npm\n$/);
  const ten = await sh('node:22', 'npm');
  assert.equal(ten.code, 1);
  assert.match(ten.out, /^npm <command>\n\nUsage:\n\nnpm install {8}install all the dependencies in your project\n[\s\S]*\nnpm help npm {7}more involved overview\n$/);
  assert.match((await sh('node', 'npm')).out, /^npm <command>\n\nUsage:\n[\s\S]*\nnpm help npm {7}more involved overview\n$/);
});

const FUND = '14 packages are looking for funding\n  run `npm fund` for details\n';

test('express as npm resolved it in June 2025: 4.21.2 for a ^4 range, 5.1.0 when unversioned, 14 funded packages', async () => {
  const four = await sh('node:22', `mkdir /w && cd /w && echo '{"dependencies":{"express":"^4.18.2"}}' > package.json && npm install && grep version node_modules/express/package.json && ls node_modules/send/node_modules`);
  assert.equal(four.out, `\nadded 69 packages, and audited 70 packages in 3s\n\n${FUND}\nfound 0 vulnerabilities\n  "version": "4.21.2",\nencodeurl\nms\n`);
  const five = await sh('node', 'mkdir /w && cd /w && npm install express && grep express package.json');
  assert.match(five.out, /^\nadded 67 packages, and audited 68 packages in \d+m?s\n\n14 packages are looking/);
  assert.match(five.out, /"express": "\^5\.1\.0"\n$/);
  const six = await sh('node:14', `mkdir /w && cd /w && echo '{"name":"w","dependencies":{"express":"^4.18.2"}}' > package.json && npm install lodash`);
  assert.match(six.out, /^\+ lodash@4\.17\.21\nadded 70 packages from \d+ contributors and audited 70 packages in [\d.]+s\n\n14 packages are looking for funding\n {2}run `npm fund` for details\n\nfound 0 vulnerabilities\n\n$/);
});

test('a script that fails gets npm 6 ELIFECYCLE (a bare line for test) or npm 7+ code/path/command lines', async () => {
  const test = await sh('node:14', `mkdir /w && cd /w && echo '{"scripts":{"test":"exit 3"}}' > package.json && npm test`);
  assert.equal(test.code, 1);
  const six = await sh('node:14', `mkdir /w && cd /w && npm init -y >/dev/null && npm test; echo '{"name":"a","version":"1.0.0","scripts":{"start":"exit 3"}}' > package.json && npm start`);
  assert.match(six.err, /^npm ERR! Test failed\. {2}See above for more details\.\nnpm ERR! code ELIFECYCLE\nnpm ERR! errno 3\nnpm ERR! a@1\.0\.0 start: `exit 3`\nnpm ERR! Exit status 3\nnpm ERR! \nnpm ERR! Failed at the a@1\.0\.0 start script\.\nnpm ERR! This is probably not a problem with npm\. There is likely additional logging output above\.\n\nnpm ERR! A complete log of this run can be found in:\nnpm ERR! {5}\/root\/\.npm\/_logs\/2025-06-16T\d\d_\d\d_\d\d_\d{3}Z-debug\.log\n$/);
  assert.equal(six.code, 3);
  const now = await sh('node', 'mkdir /w && cd /w && npm init -y >/dev/null && npm test');
  assert.match(now.err, /^npm error code 1\nnpm error path \/w\nnpm error command failed\nnpm error command sh -c echo "Error: no test specified" && exit 1\nnpm error A complete log of this run can be found in: \/root\/\.npm\/_logs\/\S+-debug-0\.log\n$/);
  assert.equal(now.code, 1);
});
