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
    (err: unknown) => err instanceof ApiError && err.message === 'dockerfile parse error on line 2: unknown instruction: FOO');
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
