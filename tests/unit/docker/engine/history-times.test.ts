// `docker history` of an image made on a base: the base's entries keep the base's own times, in
// catalogue images (python on debian, nginx:alpine on alpine) as in images built or committed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull } from './fixtures';

const created = async (e: ReturnType<typeof engine>, ref: string) => Date.parse((await e.imageInspect(ref)).Created) / 1000;

test('a catalogue image built on a base shows the base\'s entries at the base\'s time, its own at its time', async () => {
  const e = engine();
  await pull(e, 'python:3.12', 'debian:bookworm', 'nginx:alpine', 'alpine:3.21');
  const h = await e.imageHistory('python:3.12');
  assert.equal(h.at(-1)!.Created, await created(e, 'debian:bookworm'));
  assert.equal(h[0].Created, await created(e, 'python:3.12'));
  assert.ok(h.at(-1)!.Created < h[0].Created);
  // newest first: no entry is older than the one under it
  for (let i = 1; i < h.length; i++) assert.ok(h[i - 1].Created >= h[i].Created);
  const n = await e.imageHistory('nginx:alpine');
  assert.equal(n.at(-1)!.Created, await created(e, 'alpine:3.21'));
  assert.equal(n[0].Created, await created(e, 'nginx:alpine'));
  // the base image's own history is at its own time
  assert.deepEqual((await e.imageHistory('debian:bookworm')).map((x) => x.Created), [await created(e, 'debian:bookworm')]);
});

test('build FROM and commit keep the base\'s times under the new entries, also after a save and load', async () => {
  const e = engine();
  await pull(e, 'python:3.12');
  const base = (await e.imageHistory('python:3.12')).map((x) => x.Created);
  await e.imageBuild({ dockerfile: 'FROM python:3.12\nRUN echo hi > /hi\nCMD ["python3"]\n', files: {} }, { tags: ['app:1'] }, () => {});
  const built = (await e.imageHistory('app:1')).map((x) => x.Created);
  assert.deepEqual(built.slice(2), base);
  const { Id } = await e.containerCreate({ Image: 'python:3.12', Cmd: ['touch', '/x'] });
  await e.containerStart(Id);
  await e.containerCommit(Id, { reference: 'mine:1' });
  const committed = (await e.imageHistory('mine:1')).map((x) => x.Created);
  assert.deepEqual(committed.slice(1), base);
  const again = createEngine({ state: e.save() });
  assert.deepEqual((await again.imageHistory('mine:1')).map((x) => x.Created), committed);
});
