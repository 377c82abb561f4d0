/**
 * Property test at the API: random sequences of daemon calls never fail with anything but an
 * ApiError, and after every call the store's bookkeeping holds: layer reference counts equal
 * the references that exist, every layer chain is complete, names are unique, and a container
 * whose image is gone still holds its layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ApiError } from '../../../../src/docker/api';
import { engine, term, type Eng } from './fixtures';

const IMAGES = ['alpine', 'busybox', 'hello-world', 'nginx:alpine', 'mine:1', 'mine:2'];
const NAMES = ['c0', 'c1', 'c2'];
const img = fc.constantFrom(...IMAGES);
const name = fc.constantFrom(...NAMES);
type Op = (e: Eng) => Promise<unknown>;
const op: fc.Arbitrary<[string, Op]> = fc.oneof(
  img.map((i) => [`pull ${i}`, (e: Eng) => e.imagePull(i, () => {})] as [string, Op]),
  fc.tuple(img, name, fc.boolean()).map(([i, n, tty]) => [`create ${n} ${i}`, (e: Eng) => e.containerCreate({ Image: i, Tty: tty, OpenStdin: tty, Cmd: tty ? undefined : ['sleep', '30'] }, n)] as [string, Op]),
  name.map((n) => [`start ${n}`, (e: Eng) => e.containerStart(n)] as [string, Op]),
  name.map((n) => [`stop ${n}`, (e: Eng) => e.containerStop(n, { timeout: 1 })] as [string, Op]),
  name.map((n) => [`kill ${n}`, (e: Eng) => e.containerKill(n)] as [string, Op]),
  name.map((n) => [`pause ${n}`, (e: Eng) => e.containerPause(n)] as [string, Op]),
  name.map((n) => [`unpause ${n}`, (e: Eng) => e.containerUnpause(n)] as [string, Op]),
  fc.tuple(name, fc.boolean()).map(([n, f]) => [`rm ${n} ${f}`, (e: Eng) => e.containerRemove(n, { force: f })] as [string, Op]),
  fc.tuple(img, fc.boolean()).map(([i, f]) => [`rmi ${i} ${f}`, (e: Eng) => e.imageRemove(i, { force: f })] as [string, Op]),
  fc.tuple(img, fc.constantFrom('mine:1', 'mine:2')).map(([i, t]) => [`tag ${i} ${t}`, (e: Eng) => e.imageTag(i, t)] as [string, Op]),
  fc.tuple(name, fc.constantFrom('mine:1', 'mine:2')).map(([n, t]) => [`commit ${n} ${t}`, (e: Eng) => e.containerCommit(n, { reference: t })] as [string, Op]),
  name.map((n) => [`exec ${n}`, (e: Eng) => e.exec(n, { Cmd: ['sh', '-c', 'echo x >> /f; rm -f /etc/hostname'] }, term(false))] as [string, Op]),
  fc.constant(['prune containers', (e: Eng) => e.containersPrune()] as [string, Op]),
  fc.boolean().map((a) => [`prune images ${a}`, (e: Eng) => e.imagesPrune({ dangling: [String(!a)] })] as [string, Op]),
  fc.integer({ min: 1, max: 40 }).map((s) => [`advance ${s}`, async (e: Eng) => e.advance(s * 1000)] as [string, Op]),
);

function check(e: Eng): void {
  const want = new Map<string, number>();
  const hold = (k: string | null) => k && want.set(k, (want.get(k) ?? 0) + 1);
  for (const l of e.layers.layers.values()) {
    if (l.parent) assert.ok(e.layers.layers.has(l.parent), 'chain complete');
    hold(l.parent);
  }
  for (const i of e.images.images.values()) hold(i.top);
  for (const c of e.containers.values()) {
    hold(c.top);
    if (c.top) assert.ok(e.layers.layers.has(c.top), 'a container keeps its layers');
  }
  for (const l of e.layers.layers.values()) assert.equal(l.refs, want.get(l.chainId) ?? 0);
  for (const id of e.images.refs.values()) assert.ok(e.images.images.has(id), 'references point at images');
  const names = [...e.containers.values()].map((c) => c.name);
  assert.equal(new Set(names).size, names.length);
}

test('random daemon calls keep the store consistent and fail only with ApiError', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
      const e = engine(5);
      for (const [label, run] of ops) {
        try {
          await run(e);
        } catch (err) {
          assert.ok(err instanceof ApiError, `${label}: ${(err as Error).stack}`);
        }
        check(e);
        const list = await e.containerList({ all: true, size: true });
        for (const c of list) assert.equal(c.SizeRootFs, e.layers.size(e.containers.get(c.Id)!.top) + c.SizeRw!);
      }
      // And the whole state survives a save/load round trip.
      const again = (await import('../../../../src/docker/engine')).createEngine({ seed: 5, state: JSON.parse(JSON.stringify(e.save())) });
      check(again);
    }),
    { numRuns: 150, seed: 7 },
  );
});
