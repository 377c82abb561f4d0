import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidEngineState } from '../../../../src/docker/api';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull, runIt } from './fixtures';

async function scene() {
  const e = engine(3);
  await pull(e, 'ubuntu', 'nginx');
  const { id, type } = await runIt(e, 'ubuntu', 'contenedor1');
  await type('cd /root && echo "000" > file.txt');
  const web = await e.containerCreate({ Image: 'nginx', HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } }, 'web');
  await e.containerStart(web.Id);
  await e.containerCommit(id, { reference: 'mio:v1' });
  await e.imageRemove('nginx', { force: true });
  return { e, id };
}

test('save/load round trip keeps images, layers, containers, their files, the clock and the PRNG', async () => {
  const { e, id } = await scene();
  const saved = JSON.parse(JSON.stringify(e.save()));
  const b = createEngine({ seed: 3, state: saved });
  assert.deepEqual(await b.imageList({ all: true }), await e.imageList({ all: true }));
  assert.deepEqual(await b.containerList({ all: true, size: true }), await e.containerList({ all: true, size: true }));
  assert.deepEqual(await b.containerChanges(id), await e.containerChanges(id));
  assert.equal(b.now(), e.now());
  assert.deepEqual(JSON.parse(JSON.stringify(b.save())), saved);
  // The running shell comes back where it was.
  const io = { text: '', out(t: string) { this.text += t; }, err(t: string) { this.text += t; }, tty: true, async sleep() {} };
  const h = await b.containerAttach('contenedor1', io);
  assert.match(h.prompt(), /:~# $/);
  await h.input('cat file.txt', io);
  assert.equal(io.text, '000\n');
  // Both engines create the same next container.
  const x = await e.containerCreate({ Image: 'ubuntu' });
  const y = await b.containerCreate({ Image: 'ubuntu' });
  assert.equal(x.Id, y.Id);
});

test('corrupt or foreign state is rejected', async () => {
  const { e } = await scene();
  const good = JSON.parse(JSON.stringify(e.save()));
  const bad = (mut: (s: Record<string, unknown>) => void) => {
    const s = structuredClone(good);
    mut(s);
    return () => createEngine({ seed: 3, state: s });
  };
  assert.throws(() => createEngine({ state: { format: 'otra-cosa', version: 1 } }), InvalidEngineState);
  assert.throws(() => createEngine({ state: 'texto' }), InvalidEngineState);
  assert.throws(() => createEngine({ state: null }), InvalidEngineState);
  assert.throws(bad((s) => { s.version = 99; }), InvalidEngineState);
  assert.throws(bad((s) => { (s.layers as { refs: number }[])[0].refs += 1; }), InvalidEngineState);
  assert.throws(bad((s) => { (s.layers as unknown[]).pop(); }), InvalidEngineState);
  assert.throws(bad((s) => { (s.images as { top: string }[])[0].top = 'sha256:' + '0'.repeat(64); }), InvalidEngineState);
  assert.throws(bad((s) => { (s.refs as string[][])[0][1] = 'sha256:nope'; }), InvalidEngineState);
  assert.throws(bad((s) => { (s.containers as { status: string }[])[0].status = 'flying'; }), InvalidEngineState);
  assert.throws(bad((s) => { (s.containers as { upper: unknown }[])[0].upper = { c: { 'a/b': { w: 1 } }, m: 1, t: 1 }; }), InvalidEngineState);
  assert.throws(bad((s) => { (s.layers as { key?: string }[]).find((l) => l.key)!.key = 'no-such-layer'; }), InvalidEngineState);
  assert.throws(bad((s) => { s.containers = 5; }), InvalidEngineState);
});

test('images of the earlier releases\' tags survive save and load, with their own and shared layers', async () => {
  const e = engine(5);
  await pull(e, 'node:18', 'python:3.12-slim', 'ubuntu:20.04', 'postgres:16-alpine');
  const b = createEngine({ seed: 5, state: JSON.parse(JSON.stringify(e.save())) });
  assert.deepEqual(await b.imageList({ all: true }), await e.imageList({ all: true }));
  const [lines] = await pull(b, 'node:22');
  assert.equal(lines.filter((l) => l.endsWith('Already exists')).length, 0, 'node:18 sits on the April bookworm');
  const [py] = await pull(b, 'python:3.13-slim');
  assert.equal(py.filter((l) => l.endsWith('Already exists')).length, 1);
});
