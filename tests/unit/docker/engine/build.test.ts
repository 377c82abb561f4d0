import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../src/docker/api';
import { engine, pull, term } from './fixtures';

const DOCKERFILE = `# Una web estática
FROM nginx:alpine
LABEL autor="Aula"
WORKDIR /usr/share/nginx/html
COPY index.html .
RUN echo "construida" > /build.txt && ls /usr/share/nginx/html
ENV MODO=prod
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
`;

async function build(e: ReturnType<typeof engine>, files: Record<string, string>, tags = ['web:1']) {
  let text = '';
  const r = await e.imageBuild({ dockerfile: DOCKERFILE, files }, { tags }, (m) => {
    if (m.stream) text += m.stream;
  });
  return { id: r.Id, text };
}

test('legacy builder: steps, intermediate containers, one layer per filesystem change, tags', async () => {
  const e = engine();
  await pull(e, 'nginx:alpine');
  const base = await e.imageInspect('nginx:alpine');
  const { id, text } = await build(e, { 'index.html': '<h1>Hola</h1>\n' });
  const lines = text.split('\n');
  assert.equal(lines[0], 'Step 1/8 : FROM nginx:alpine');
  assert.equal(lines[1], ` ---> ${base.Id.slice(7, 19)}`);
  assert.equal(lines[2], 'Step 2/8 : LABEL autor="Aula"');
  assert.match(lines[3], /^ ---> Running in [0-9a-f]{12}$/);
  assert.match(lines[4], /^ ---> Removed intermediate container [0-9a-f]{12}$/);
  assert.ok(text.includes('index.html\n'), 'RUN output is streamed');
  assert.ok(text.endsWith(`Successfully built ${id.slice(7, 19)}\nSuccessfully tagged web:1:latest\n`.replace('web:1:latest', 'web:1')));
  const img = await e.imageInspect('web:1');
  // WORKDIR (existing dir: no layer), COPY and RUN add layers.
  assert.equal(img.RootFS.Layers.length, base.RootFS.Layers.length + 2);
  assert.deepEqual(img.Config.Cmd, ['nginx', '-g', 'daemon off;']);
  assert.ok(img.Config.Env!.includes('MODO=prod'));
  assert.equal(img.Config.WorkingDir, '/usr/share/nginx/html');
  assert.equal(img.Config.Labels!.autor, 'Aula');
  // Intermediate images are hidden from `images` and shown by `images -a`.
  assert.equal((await e.imageList()).length, 2);
  assert.equal((await e.imageList({ all: true })).length, 2 + 6, 'one intermediate image per step but the last');
  // The built image serves the copied page.
  const c = await e.containerCreate({ Image: 'web:1', Cmd: ['cat', 'index.html'] });
  const io = term(false);
  await e.containerAttach(c.Id, io, { beforeStart: true });
  await e.containerStart(c.Id);
  assert.equal(io.text, '<h1>Hola</h1>\n');
});

test('rebuilding reuses the cache until the first changed step', async () => {
  const e = engine();
  await pull(e, 'nginx:alpine');
  const first = await build(e, { 'index.html': 'a' });
  const again = await build(e, { 'index.html': 'a' });
  assert.equal(again.id, first.id);
  assert.equal(again.text.split('\n').filter((l) => l === ' ---> Using cache').length, 7);
  const changed = await build(e, { 'index.html': 'b' });
  assert.notEqual(changed.id, first.id);
  assert.equal(changed.text.split('\n').filter((l) => l === ' ---> Using cache').length, 2, 'LABEL and WORKDIR come from the cache');
  // The old image lost its tag: dangling.
  assert.equal((await e.imageList({ filters: { dangling: ['true'] } })).length, 1);
});

test('a failing RUN stops the build with the command and its exit code', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  await assert.rejects(
    e.imageBuild({ dockerfile: 'FROM ubuntu\nRUN noexiste\n', files: {} }, {}, () => {}),
    (err: unknown) => err instanceof ApiError && err.inStream && err.exitCode === 127 && err.message === "The command '/bin/sh -c noexiste' returned a non-zero code: 127",
  );
  await assert.rejects(e.imageBuild({ dockerfile: 'FROM ubuntu\nFOO bar\n', files: {} }, {}, () => {}),
    (err: unknown) => err instanceof ApiError && err.message === 'dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)');
  await assert.rejects(e.imageBuild({ dockerfile: 'FROM ubuntu\nCOPY nada.txt /\n', files: {} }, {}, () => {}),
    (err: unknown) => err instanceof ApiError && /^COPY failed: file not found in build context/.test(err.message));
});

test('FROM an image that is not local pulls it inside the build stream', async () => {
  const e = engine();
  const statuses: string[] = [];
  await e.imageBuild({ dockerfile: 'FROM alpine\nRUN touch /x\n', files: {} }, { tags: ['a'] }, (m) => {
    if (m.status) statuses.push(m.status);
  });
  assert.equal(statuses[0], 'Pulling from library/alpine');
  assert.ok(statuses.includes('Status: Downloaded newer image for alpine:latest'));
});

/** Builds `dockerfile` (alpine already pulled) and returns the stream text and the history. */
async function built(dockerfile: string, files: Record<string, string> = {}, buildArgs: Record<string, string> = {}) {
  const e = engine();
  await pull(e, 'alpine');
  let text = '';
  const r = await e.imageBuild({ dockerfile, files }, { buildArgs }, (m) => {
    if (m.stream) text += m.stream;
  });
  const history = (await e.imageHistory(r.Id)).map((h) => h.CreatedBy);
  return { e, id: r.Id, text, history, config: (await e.imageInspect(r.Id)).Config };
}

test('errors after the first Step arrive inside the stream (no "Error response from daemon")', async () => {
  const e = engine();
  for (const df of ['FROM nope:1\n', 'FROM scratch\nCOPY nada /\n', 'FROM scratch\nADD nada /\n']) {
    await assert.rejects(e.imageBuild({ dockerfile: df, files: {} }, {}, () => {}), (err: unknown) => err instanceof ApiError && err.inStream && err.exitCode === 1);
  }
  await assert.rejects(e.imageBuild({ dockerfile: 'FROM scratch\nADD nada /\n', files: {} }, {}, () => {}),
    { message: 'ADD failed: file not found in build context or excluded by .dockerignore: stat nada: file does not exist' });
  await assert.rejects(e.imageBuild({ dockerfile: 'FROM scratch\nCOPY *.md /\n', files: {} }, {}, () => {}), { message: 'COPY failed: no source files were specified' });
  await assert.rejects(e.imageBuild({ dockerfile: 'FROM scratch\nRUN --mount=type=cache,target=/x true\n', files: {} }, {}, () => {}),
    { message: 'the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled' });
});

test('an exec-form RUN that fails is reported with its words joined by spaces', async () => {
  await assert.rejects(built('FROM alpine\nRUN ["sh", "-c", "exit 3"]\n'), { message: "The command 'sh -c exit 3' returned a non-zero code: 3" });
});

test('build args reach RUN as environment, not as text; history and cache record them as |N K=V', async () => {
  const df = 'ARG BASE=1\nFROM alpine\nARG V=1\nARG BASE\nRUN echo "$V $BASE" \'$V\'\nRUN echo "[$NOTARG]"\n';
  const { text, history } = await built(df, {}, { V: '9', EXTRA: 'x', HTTP_PROXY: 'p' });
  assert.ok(text.includes('\n9 1 $V\n'), text);
  assert.ok(text.includes('\n[]\n'));
  assert.ok(text.includes('[Warning] One or more build-args [EXTRA] were not consumed\n'));
  assert.equal(history[0], '|2 BASE=1 V=9 /bin/sh -c echo "[$NOTARG]"');
  assert.equal(history[2], '/bin/sh -c #(nop)  ARG BASE');
  // An ARG before FROM alone is not visible in the stage.
  const meta = await built('ARG M=5\nFROM alpine\nRUN echo "[$M]"\n');
  assert.ok(meta.text.includes('\n[]\n'));
  assert.equal(meta.history[0], '/bin/sh -c echo "[$M]"');
});

test('metadata steps record what moby commits: resolved WORKDIR, ENV/LABEL pairs, VOLUME list, sorted EXPOSE', async () => {
  const df = 'FROM alpine\nWORKDIR app\nWORKDIR sub\nENV NODE_ENV production\nENV A=1 B="x y" C=$NODE_ENV\nLABEL "a b"=c\nVOLUME /data /logs\nEXPOSE 80 443\nENTRYPOINT ["node"]\n';
  const { history, config } = await built(df);
  assert.deepEqual(history.slice(0, 8).reverse(), [
    '/bin/sh -c #(nop)  WORKDIR /app',
    '/bin/sh -c #(nop)  WORKDIR /app/sub',
    '/bin/sh -c #(nop)  ENV NODE_ENV=production',
    '/bin/sh -c #(nop)  ENV A=1 B=x y C=production',
    '/bin/sh -c #(nop)  LABEL a b=c',
    '/bin/sh -c #(nop)  VOLUME [/data /logs]',
    '/bin/sh -c #(nop)  EXPOSE 443 80',
    '/bin/sh -c #(nop)  ENTRYPOINT ["node"]',
  ]);
  assert.deepEqual(config.Labels, { 'a b': 'c' });
  assert.ok(config.Env!.includes('NODE_ENV=production') && config.Env!.includes('C=production'));
  assert.equal(config.Cmd ?? null, null, "ENTRYPOINT drops the base image's CMD");
  const kept = await built('FROM alpine\nCMD ["a"]\nENTRYPOINT ["b"]\n');
  assert.deepEqual(kept.config.Cmd, ['a'], 'but not a CMD set in the same stage');
});

test('COPY history names one file, one directory, or several sources (each wildcard match is one)', async () => {
  const files = { 'src/a.txt': 'a', 'src/b.txt': 'b', 'one.txt': '1' };
  const { history } = await built('FROM alpine\nCOPY src /s/\nCOPY src/a* /t/\nCOPY src/*.txt /u/\nCOPY one.txt ./\n', files);
  assert.deepEqual(history.slice(0, 4).reverse().map((h) => h.replace(/:[0-9a-f]{64}/, '')), [
    '/bin/sh -c #(nop) COPY dir in /s/ ',
    '/bin/sh -c #(nop) COPY file in /t/ ',
    '/bin/sh -c #(nop) COPY multi in /u/ ',
    '/bin/sh -c #(nop) COPY file in ./ ',
  ]);
});

test("a RUN step's stderr is wrapped in red like the daemon's stderr writer", async () => {
  const { text } = await built('FROM alpine\nRUN ls /nada || true\n');
  assert.ok(text.includes('\x1b[91mls: /nada: No such file or directory\n\x1b[0m'), JSON.stringify(text));
});

test('a failed RUN leaves its exited container behind (no --force-rm); a successful one is removed', async () => {
  const e = engine();
  await pull(e, 'alpine');
  let text = '';
  await assert.rejects(e.imageBuild({ dockerfile: 'FROM alpine\nRUN true\nRUN exit 2\n', files: {} }, {}, (m) => {
    if (m.stream) text += m.stream;
  }));
  const list = await e.containerList({ all: true });
  assert.equal(list.length, 1);
  assert.equal(text.split('Running in').length - 1, 2);
  assert.equal(text.split('Removed intermediate container').length - 1, 1);
  assert.ok(text.endsWith(`Running in ${list[0].Id.slice(0, 12)}\n`));
  assert.equal(list[0].Command, '/bin/sh -c \'exit 2\'');
  assert.match(list[0].Status, /^Exited \(2\)/);
});

test('multi-stage: FROM a named stage and COPY --from a stage (by name or index) or an image', async () => {
  const df = 'FROM alpine AS build\nWORKDIR /src\nRUN mkdir dist && echo hi > dist/index.html && echo x > dist/a.txt\n'
    + 'FROM build AS again\nRUN echo 2 > /two\nFROM alpine\nCOPY --from=build /src/dist /site\nCOPY --from=1 /two /src/dist/*.txt /more/\n';
  const { e, id } = await built(df);
  const c = await e.containerCreate({ Image: id, Cmd: ['cat', '/site/index.html', '/more/two', '/more/a.txt'] });
  const io = term(false);
  await e.containerAttach(c.Id, io, { beforeStart: true });
  await e.containerStart(c.Id);
  assert.equal(io.text, 'hi\n2\nx\n');
  await assert.rejects(built('FROM alpine AS b\nFROM alpine\nCOPY --from=b /nada /x\n'), { message: 'COPY failed: stat nada: file does not exist' });
});

test('several COPY sources need a destination ending in /', async () => {
  await assert.rejects(built('FROM alpine\nCOPY a b /d\n', { a: '1', b: '2' }), { message: 'When using COPY with more than one source file, the destination must be a directory and end with a /' });
  await assert.rejects(built('FROM alpine\nCOPY *.txt /d\n', { 'a.txt': '1', 'b.txt': '2' }), { message: 'When using COPY with more than one source file, the destination must be a directory and end with a /' });
  await built('FROM alpine\nCOPY *.txt /d\n', { 'a.txt': '1' });
});

test('an ARG inside a FROM scratch stage belongs to the stage, not to the meta args', async () => {
  const e = engine();
  let text = '';
  await e.imageBuild({ dockerfile: 'FROM scratch\nARG V=1\nLABEL v=$V\n', files: {} }, {}, (m) => {
    if (m.stream) text += m.stream;
  });
  assert.match(text, /Step 2\/3 : ARG V=1\n ---> Running in/);
  assert.equal((await e.imageList({ all: true })).find((i) => i.Labels?.v)?.Labels?.v, '1');
});

test('COPY flags may precede the JSON form of its operands', async () => {
  const { history } = await built('FROM alpine\nCOPY --chown=1:1 ["a b.txt", "/x/"]\n', { 'a b.txt': 'hi' });
  assert.match(history[0], /^\/bin\/sh -c #\(nop\) COPY --chown=1:1file:[0-9a-f]{64} in \/x\/ $/, 'performCopy puts --chown= right before the hash');
});

test('USER applies to the RUN steps after it, with that account\'s HOME', async () => {
  const { text } = await built('FROM alpine\nUSER nobody\nRUN whoami; echo $HOME\nUSER 0\nRUN whoami\n');
  assert.ok(text.includes('\nnobody\n/\n'), text);
  assert.ok(/Step 5\/5 : RUN whoami\n ---> Running in \w+\nroot\n/.test(text), text);
});
