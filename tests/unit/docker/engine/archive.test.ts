import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../src/docker/api';
import { createEngine } from '../../../../src/docker/engine';

const hex = (c: string) => 'sha256:' + c.repeat(64);

test('a damaged bundle in a load stores no layer at all', async () => {
  const e = createEngine({ seed: 1 });
  const image = { config: {}, created: 0, history: [], diffIds: [hex('a'), hex('b')], parent: '', comment: '', author: '', dockerVersion: '' };
  const layers = [{ diffId: hex('a'), key: 'alpine-3.21.3', mtime: 0, size: 1 }, { diffId: hex('b'), tree: 'roto', mtime: 0, size: 1 }];
  await assert.rejects(e.imageLoad(JSON.stringify({ aula: 'images', images: [[{ image, layers }, ['x:1']]] }), () => {}), (err: unknown) => err instanceof ApiError && err.message === 'archive/tar: invalid tar header');
  assert.equal(e.layers.layers.size, 0);
  assert.equal(e.images.refs.size, 0);
});

test('save → load round trip keeps the image ID, config and layers; state with pushed tags reloads', async () => {
  const e = createEngine({ seed: 1 });
  await e.imagePull('alpine', () => {});
  const before = await e.imageInspect('alpine');
  const t = await e.imageSave(['alpine']);
  await e.imageRemove('alpine');
  await e.imageLoad(t.data, () => {}, { quiet: true });
  const after = await e.imageInspect('alpine');
  assert.deepEqual([after.Id, after.RootFS, after.Config], [before.Id, before.RootFS, before.Config]);
  await e.imageTag('alpine', 'ana/a');
  await e.imagePush('ana/a', () => {}, { auth: { username: 'ana' } });
  const saved = JSON.parse(JSON.stringify(e.save()));
  assert.equal(createEngine({ state: saved }).hub.size, 1);
  saved.hub[0][1].bundle.layers[0].key = 'no-such-layer';
  assert.throws(() => createEngine({ state: saved }), /repositorio/);
});
