import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, type BuildOptions } from '../../../../src/docker/api';
import { parseDockerfile } from '../../../../src/docker/engine/dockerfile';
import { engine, pull, term } from './fixtures';

/** Builds `dockerfile` on an engine with alpine pulled; the stream text, and the error if it failed. */
async function build(dockerfile: string, opts: BuildOptions = {}, e = engine()) {
  if (!e.images.images.size) await pull(e, 'alpine');
  let text = '';
  try {
    const r = await e.imageBuild({ dockerfile, files: {} }, opts, (m) => {
      if (m.stream) text += m.stream;
    });
    return { e, text, id: r.Id, err: null };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return { e, text, id: '', err };
  }
}

test('parser directives: `# escape=` changes the continuation character; a bad one fails the parse', () => {
  assert.deepEqual(parseDockerfile('# escape=`\nFROM alpine\nRUN echo a `\n  b\n').map((s) => s.original), ['FROM alpine', 'RUN echo a   b']);
  assert.equal(parseDockerfile('# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN x \\\n').length, 2, 'a backslash no longer continues');
  assert.equal(parseDockerfile('FROM a\n# escape=`\nRUN x `\nRUN y\n').length, 3, 'below an instruction it is a comment');
  assert.throws(() => parseDockerfile('# escape=x\nFROM a\n'), { message: "failed to parse Dockerfile: invalid escape token 'x' does not match ` or \\" });
});

test('a blank line inside a continuation is skipped with the parser\'s warnings, printed red before Step 1', async () => {
  assert.deepEqual(parseDockerfile('FROM a\nRUN x \\\n\n  y\nRUN z \\\n# c\n  w\n').warnings, ['Empty continuation line found in: RUN x   y']);
  const { text } = await build('FROM alpine\nRUN echo a && \\\n\n  echo b\n');
  assert.ok(text.startsWith('\x1b[91m[WARNING]: Empty continuation line found in: RUN echo a &&   echo b\n\x1b[0m'
    + '\x1b[91m[WARNING]: Empty continuation lines will become errors in a future release.\n\x1b[0mStep 1/2 : FROM alpine\n'), JSON.stringify(text));
});

test('SHELL must be JSON; ONBUILD cannot chain or trigger FROM/MAINTAINER', () => {
  const fails = (text: string, message: string) => assert.throws(() => parseDockerfile(text), { message });
  fails('FROM a\nSHELL /bin/bash -c\n', 'dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form');
  fails('FROM a\nSHELL []\n', 'dockerfile parse error on line 2: SHELL requires at least one argument');
  fails('FROM a\nONBUILD ONBUILD RUN x\n', 'dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
  fails('FROM a\nONBUILD from b\n', 'dockerfile parse error on line 2: FROM isn\'t allowed as an ONBUILD trigger');
});

test('--target builds the stages up to the named one (any case); an unknown stage fails before the stream', async () => {
  const df = 'FROM alpine AS base\nRUN echo b > /b\nFROM alpine\nRUN cat /b\n';
  const { text, err } = await build(df, { target: 'BASE' });
  assert.equal(err, null);
  assert.match(text, /^Step 1\/2 : FROM alpine AS base\n[\s\S]*Step 2\/2 : RUN echo b > \/b\n/);
  const bad = await build(df, { target: 'nope' });
  assert.equal(bad.text, '');
  assert.equal(bad.err?.message, 'failed to reach build target nope in Dockerfile');
  assert.equal(bad.err?.inStream, false);
});

test('EXPOSE checks its ports like nat.ParsePortSpecs and expands ranges', async () => {
  for (const [port, message] of [['abc', 'invalid containerPort: abc'], ['80/xyz', 'invalid proto: xyz'], ['70000', 'invalid containerPort: 70000'], ['x:80', 'invalid hostPort: x'], ['/udp', 'no port specified: /udp<empty>']]) {
    const { text, err } = await build(`FROM alpine\nEXPOSE ${port}\n`);
    assert.equal(err?.message, message);
    assert.equal(err?.exitCode, 1);
    assert.ok(text.endsWith(`Step 2/2 : EXPOSE ${port}\n`), 'fails before a container is created');
  }
  const { e, id } = await build('FROM alpine\nEXPOSE 8000-8001 53/UDP\n');
  assert.deepEqual(Object.keys((await e.imageInspect(id)).Config.ExposedPorts ?? {}).sort(), ['53/udp', '8000/tcp', '8001/tcp']);
});

test('RUN as an unknown USER, or with a SHELL that is not there, fails to start (exit 1, container left Created)', async () => {
  const user = await build('FROM alpine\nUSER nobodyx\nRUN id\n');
  assert.equal(user.err?.message, 'unable to find user nobodyx: no matching entries in passwd file');
  assert.equal(user.err?.exitCode, 1);
  assert.match(user.text, /Step 3\/3 : RUN id\n ---> Running in \w{12}\n$/);
  assert.match((await user.e.containerList({ all: true }))[0].Status, /^Created/);
  const shell = await build('FROM alpine\nSHELL ["/bin/bash", "-c"]\nRUN echo a\n');
  assert.equal(shell.err?.message, 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown');
  assert.equal(shell.err?.exitCode, 1);
});

test('SHELL is recorded in the config and used by later shell-form RUN, CMD and ENTRYPOINT', async () => {
  const { e, id, text } = await build('FROM alpine\nSHELL ["/bin/sh", "-ec"]\nRUN echo via shell\nCMD echo hi\n');
  assert.ok(text.includes('\nvia shell\n'), text);
  const img = await e.imageInspect(id);
  assert.deepEqual(img.Config.Shell, ['/bin/sh', '-ec']);
  assert.deepEqual(img.Config.Cmd, ['/bin/sh', '-ec', 'echo hi']);
  const history = (await e.imageHistory(id)).map((h) => h.CreatedBy);
  assert.deepEqual(history.slice(0, 3), ['/bin/sh -c #(nop)  CMD ["/bin/sh" "-ec" "echo hi"]', '/bin/sh -ec echo via shell', '/bin/sh -c #(nop)  SHELL [/bin/sh -ec]']);
  const strict = await build('FROM alpine\nSHELL ["/bin/sh", "-ec"]\nRUN false; echo survived\n');
  assert.equal(strict.err?.message, "The command '/bin/sh -ec false; echo survived' returned a non-zero code: 1");
});

test('HEALTHCHECK is committed as Go\'s %q of the config; overriding one prints a note', async () => {
  const { e, id, text } = await build('FROM alpine\nHEALTHCHECK --interval=90s --retries=3 CMD wget -q localhost || exit 1\nHEALTHCHECK NONE\n');
  assert.ok(text.includes('Step 3/3 : HEALTHCHECK NONE\nNote: overriding previous HEALTHCHECK: [CMD-SHELL wget -q localhost || exit 1]\n ---> Running in'), text);
  const history = (await e.imageHistory(id)).map((h) => h.CreatedBy);
  assert.deepEqual(history.slice(0, 2), [
    '/bin/sh -c #(nop)  HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" \'\\x00\'}',
    '/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "wget -q localhost || exit 1"] "1m30s" "0s" "0s" "0s" \'\\x03\'}',
  ]);
});

test('MAINTAINER sets the Author of every image after it in the stage', async () => {
  const { e, id } = await build('FROM alpine\nMAINTAINER Ana <ana@aula.es>\nRUN true\nENV A=1\n');
  assert.equal((await e.imageInspect(id)).Author, 'Ana <ana@aula.es>');
});

test('ONBUILD triggers are stored, then run inside the FROM step of a child build, and cleared', async () => {
  const parent = await build('FROM alpine\nONBUILD RUN echo child > /c\nONBUILD ENV X=1\n', { tags: ['base'] });
  assert.deepEqual((await parent.e.imageInspect('base')).Config.OnBuild, ['RUN echo child > /c', 'ENV X=1']);
  const child = await build('FROM base\nRUN cat /c; echo $X\n', {}, parent.e);
  assert.match(child.text, /^Step 1\/2 : FROM base\n# Executing 2 build triggers\n ---> Running in \w{12}\n ---> Removed intermediate container \w{12}\n ---> Running in \w{12}\n ---> Removed intermediate container \w{12}\n ---> \w{12}\nStep 2\/2 : RUN cat \/c; echo \$X\n ---> Running in \w{12}\nchild\n1\n/);
  assert.equal((await child.e.imageInspect(child.id)).Config.OnBuild ?? null, null);
  const again = await build('FROM base\nRUN cat /c; echo $X\n', {}, parent.e);
  assert.match(again.text, /# Executing 2 build triggers\n ---> Using cache\n ---> Using cache\n ---> \w{12}\nStep 2\/2/);
});

test('FROM whose name expands to nothing is blank', async () => {
  const { err, text } = await build('ARG TAG\nFROM ${NOPE}\n');
  assert.equal(err?.message, 'base name (${NOPE}) should not be blank');
  assert.ok(text.endsWith('Step 2/2 : FROM ${NOPE}\n'));
});

test('STOPSIGNAL must name a signal, checked before a container is created', async () => {
  const { err, text } = await build('FROM alpine\nSTOPSIGNAL SIGKIL\n');
  assert.equal(err?.message, 'invalid signal: SIGKIL');
  assert.ok(text.endsWith('Step 2/2 : STOPSIGNAL SIGKIL\n'));
});

test('COPY refuses a URL; ADD downloads it (mode 0600, Last-Modified time, named from the path) or says why not', async () => {
  assert.equal((await build('FROM alpine\nCOPY http://example.com/a /a\n')).err?.message, "COPY failed: source can't be a URL for COPY");
  const { e, id, text } = await build('FROM alpine\nADD http://example.com/index.html /site/\n');
  assert.match(text, /Step 2\/2 : ADD http:\/\/example.com\/index.html \/site\/\n\n ---> \w{12}\n/);
  const history = (await e.imageHistory(id)).map((h) => h.CreatedBy);
  assert.match(history[0], /^\/bin\/sh -c #\(nop\) ADD [0-9a-f]{64} in \/site\/ $/);
  const c = await e.containerCreate({ Image: id, Cmd: ['ls', '-l', '/site/index.html'] });
  const io = term(false);
  await e.containerAttach(c.Id, io, { beforeStart: true });
  await e.containerStart(c.Id);
  assert.match(io.text + io.errText, /^-rw------- +1 root +root +1256 Jan 13 20:11 \/site\/index.html\n$/);
  assert.equal((await build('FROM alpine\nADD http://example.com/ /x/\n')).err?.message, 'ADD failed: cannot determine filename for source http://example.com/');
  assert.equal((await build('FROM alpine\nADD https://nope.invalid/a.tgz /x/\n')).err?.message,
    'ADD failed: Get "https://nope.invalid/a.tgz": dial tcp: lookup nope.invalid on 127.0.0.53:53: no such host');
});

test('stage names: a bad one fails the parse, a repeated one fails when its stage begins', async () => {
  assert.throws(() => parseDockerfile('FROM alpine AS 1st\n'), { message: 'dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols' });
  const { err, text } = await build('FROM alpine AS app\nRUN true\nFROM alpine AS App\n');
  assert.equal(err?.message, 'app stage name already used');
  assert.equal(err?.inStream, true);
  assert.ok(!text.includes('Step 3/3'), 'before the FROM is announced');
});

test('ENV/LABEL pairs all need an =; EXPOSE of an unset variable exposes nothing, of a list several ports', async () => {
  assert.throws(() => parseDockerfile('FROM a\nENV PORT=3000 NODE_ENV production\n'), { message: 'failed to parse Dockerfile: Syntax error - can\'t find = in "NODE_ENV". Must be of the form: name=value' });
  const { e, id } = await build('FROM alpine\nARG PORTS="80 443"\nEXPOSE $NOPE\nEXPOSE $PORTS\n');
  const history = (await e.imageHistory(id)).map((h) => h.CreatedBy);
  assert.deepEqual(history.slice(0, 2), ['/bin/sh -c #(nop)  EXPOSE 80 443', '/bin/sh -c #(nop)  EXPOSE ']);
  assert.deepEqual(Object.keys((await e.imageInspect(id)).Config.ExposedPorts ?? {}).sort(), ['443/tcp', '80/tcp']);
});

test('the parser\'s errors come before any instruction\'s, which come in line order with the missing FROM', () => {
  assert.throws(() => parseDockerfile('FROM alpine\nRUNN x\nENV A\n'), { message: 'failed to parse Dockerfile: ENV must have two arguments' });
  assert.throws(() => parseDockerfile('RUN x\nFROM alpine\nRUNN y\n'), { message: 'no build stage in current context' });
  assert.throws(() => parseDockerfile('ARG V\nRUNN y\nRUN x\n'), { message: 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)' });
});
