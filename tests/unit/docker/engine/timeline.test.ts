import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull, term, type Eng } from './fixtures';

const LOOP = 'while true; do echo hola; sleep 1; done';

async function detached(e: Eng, script: string, name?: string) {
  const { Id } = await e.containerCreate({ Image: 'alpine', Cmd: ['sh', '-c', script] }, name);
  await e.containerStart(Id);
  return Id;
}
const state = async (e: Eng, id: string) => (await e.containerInspect(id)).State;
const logs = async (e: Eng, id: string) => (await e.containerLogs(id, {})).map((l) => l.text).join('');

test('a detached script that sleeps keeps running and prints one line per second of clock', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const t0 = e.now();
  const id = await detached(e, LOOP, 'loop');
  assert.equal(e.now(), t0, 'starting it does not move the clock');
  assert.equal((await state(e, id)).Status, 'running');
  assert.equal(await logs(e, id), 'hola\n');
  await e.advance(5000);
  assert.equal(e.now(), t0 + 5000);
  const entries = await e.containerLogs(id, {});
  assert.deepEqual(entries.map((l) => l.time - t0), [0, 1000, 2000, 3000, 4000, 5000]);
  assert.equal((await state(e, id)).Running, true);
});

test('`echo start; sleep 1000` ends at its time, not at start', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const t0 = e.now();
  const id = await detached(e, 'echo start; sleep 1000; echo end; exit 4');
  assert.equal(e.now(), t0);
  assert.equal((await state(e, id)).Running, true);
  await e.advance(999_000);
  assert.equal((await state(e, id)).Running, true);
  await e.advance(5000);
  const s = await state(e, id);
  assert.equal(s.Status, 'exited');
  assert.equal(s.ExitCode, 4);
  assert.equal(Date.parse(s.FinishedAt), t0 + 1000_000, 'it ended at the sleep\'s end');
  assert.equal(await logs(e, id), 'start\nend\n');
  assert.equal(e.advance(1000), undefined, 'no parked script: advancing costs nothing more');
});

test('stop waits the 10 s grace (sh as PID 1 ignores SIGTERM) while the loop goes on, then 137', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const id = await detached(e, LOOP);
  const t0 = e.now();
  await e.containerStop(id, {}, term());
  assert.equal(e.now() - t0, 10_000);
  const s = await state(e, id);
  assert.equal(s.ExitCode, 137);
  assert.equal(await logs(e, id), 'hola\n'.repeat(11));
  await e.advance(5000);
  assert.equal(await logs(e, id), 'hola\n'.repeat(11), 'a stopped script stays stopped');
});

test('ps and top show the script and the sleep it waits in', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const id = await detached(e, LOOP);
  await e.advance(2000);
  const top = await e.containerTop(id);
  assert.deepEqual(top.Processes.map((p) => p[p.length - 1]), [`sh -c ${LOOP}`, 'sleep 1']);
  const out = term(false);
  const h = await e.exec(id, { Cmd: ['ps', '-o', 'pid,args'] }, out);
  assert.equal(h.exitCode, 0);
  assert.match(out.text, new RegExp(`^PID   COMMAND\\n    1 sh -c ${LOOP.replace(/;/g, ';')}\\n +\\d+ sleep 1\\n +\\d+ ps -o pid,args\\n$`));
});

test('a loop without sleeps still ends at once as interrupted; attached runs still move the clock', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const id = await detached(e, 'while true; do :; done');
  assert.equal((await state(e, id)).ExitCode, 130);
  const t0 = e.now();
  const { Id } = await e.containerCreate({ Image: 'alpine', Cmd: ['sh', '-c', 'sleep 2; echo x'] });
  const io = term(false);
  await e.containerAttach(Id, io, { beforeStart: true });
  await e.containerStart(Id);
  assert.equal(io.text, 'x\n');
  assert.equal(e.now() - t0, 2000);
  assert.equal((await state(e, Id)).Status, 'exited');
});

test('a clock jump wakes at most 1000 rounds, in time order across containers, and the run stays deterministic', async () => {
  const run = async () => {
    const e = engine();
    await pull(e, 'alpine');
    const a = await detached(e, 'while true; do echo a; sleep 0.1; done');
    const b = await detached(e, 'while true; do echo b; sleep 0.25; done');
    await e.advance(3600_000);
    const la = await e.containerLogs(a, {});
    const lb = await e.containerLogs(b, {});
    // the first second: 10 of a's rounds for 4 of b's, each at its time
    const first = [...la, ...lb].filter((l) => l.time - la[0].time < 1000).map((l) => l.text.trim()).join('');
    await e.advance(1000);
    return { total: la.length + lb.length, first, after: (await e.containerLogs(a, {})).length - la.length, times: la.slice(0, 3).map((l) => l.time - la[0].time) };
  };
  const r = await run();
  assert.ok(r.total <= 1002, `${r.total} lines`);
  assert.equal(r.first, 'aaaaaaaaaabbbb');
  assert.deepEqual(r.times, [0, 100, 200]);
  assert.ok(r.after >= 10, 'it goes on after the jump');
  assert.deepEqual(await run(), r);
});

test('a paused container\'s script waits until it is resumed', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const id = await detached(e, LOOP);
  await e.containerPause(id);
  await e.advance(5000);
  assert.equal(await logs(e, id), 'hola\n');
  await e.containerUnpause(id);
  const t = e.now();
  await e.advance(1000);
  assert.deepEqual((await e.containerLogs(id, {})).slice(1).map((l) => l.time - t), [0, 1000], 'it goes on from the unpause');
});

test('docker wait follows a parked script to its end; without Ctrl+C an endless one gives up', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const id = await detached(e, 'sleep 5; exit 3');
  const t0 = e.now();
  assert.deepEqual(await e.containerWait(id), { StatusCode: 3 });
  assert.equal(e.now() - t0, 5000);
  const loop = await detached(e, LOOP);
  assert.equal(await e.containerWait(loop), null);
});

test('exec -d runs its script on the clock, as a process of the container until it ends', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const id = await detached(e, 'sleep 1000');
  const t0 = e.now();
  await e.exec(id, { Cmd: ['sh', '-c', 'sleep 3; echo done > /tmp/d'], Detach: true }, term());
  assert.equal(e.now(), t0);
  const ps = async () => (await e.containerTop(id)).Processes.map((p) => p[p.length - 1]);
  assert.deepEqual(await ps(), ['sleep 1000', 'sh -c sleep 3; echo done > /tmp/d', 'sleep 3']);
  await e.advance(3000);
  assert.deepEqual(await ps(), ['sleep 1000']);
  const out = term(false);
  await e.exec(id, { Cmd: ['cat', '/tmp/d'] }, out);
  assert.equal(out.text, 'done\n');
  assert.ok(e.events.some((ev) => ev.action === 'exec_die'));
});

test('a saved session cannot keep a script midway: loading runs it again, on the clock', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const id = await detached(e, 'echo start; while true; do sleep 1; echo tick; done');
  await e.advance(2000);
  const b = createEngine({ seed: 7, state: JSON.parse(JSON.stringify(e.save())) });
  await b.advance(1000);
  assert.equal((await b.containerInspect(id)).State.Running, true);
  assert.equal(await logs(b, id), 'start\ntick\ntick\nstart\ntick\n');
  await b.containerStop(id, { timeout: 0 });
  assert.equal((await b.containerInspect(id)).State.ExitCode, 137);
});

test('on a clock that moves by itself, catching up (advance 0) wakes the due scripts; nothing parked, it does nothing', async () => {
  let t = Date.UTC(2025, 5, 16, 9, 30);
  const e = createEngine({ seed: 7, clock: { now: () => t, advance: () => {} } });
  await pull(e, 'alpine');
  assert.equal(e.advance(0), undefined);
  const id = await detached(e, LOOP);
  t += 3000;
  await e.advance(0);
  assert.equal(await logs(e, id), 'hola\n'.repeat(4));
  const ps = (await e.containerTop(id)).Processes;
  assert.equal(ps[1][ps[1].length - 1], 'sleep 1');
});

test('ps shows the sleep command as typed, and nothing for the shell\'s own waits (wait for a job)', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await detached(e, 'while :; do sleep 1m; done');
  const b = await detached(e, 'sleep 5 & wait; echo fin');
  const cmds = async (id: string) => (await e.containerTop(id)).Processes.map((p) => p[p.length - 1]);
  assert.deepEqual(await cmds(a), ['sh -c while :; do sleep 1m; done', 'sleep 1m']);
  assert.deepEqual(await cmds(b), ['sh -c sleep 5 & wait; echo fin', 'sleep 5']);
  await e.advance(5000);
  assert.equal(await logs(e, b), 'fin\n');
  assert.equal((await state(e, b)).Status, 'exited');
});
