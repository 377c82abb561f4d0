/**
 * Ctrl+C on `docker exec` without `-it`: the terminal is not raw, so SIGINT goes to the client,
 * which cancels its context and exits 0 silently (context.Canceled); docker/cli forwards no signal
 * to an exec, so the process keeps running. With `-it` the ^C byte reaches the process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';
import { createShell } from '../../../../src/docker/index';

/** A terminal where Ctrl+C comes after `n` waits of the command. */
function ctrlC(n: number) {
  const ac = new AbortController();
  let waits = 0;
  return { tty: true, columns: 120, signal: ac.signal, sleep: async () => { if (++waits === n) ac.abort(); } };
}

test('exec without -t: Ctrl+C leaves the client, the process runs on', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  const r = await run('docker exec box ping 8.8.8.8', ctrlC(3));
  assert.equal(r.exit, 0);
  assert.match(r.out, /seq=2 [^\n]+\n$/);
  assert.doesNotMatch(r.out, /statistics/);
  assert.equal((await run('docker top box')).out.match(/ping 8\.8\.8\.8/g)?.length, 1);
  assert.equal((await run('docker inspect -f "{{len .ExecIDs}}" box')).out, '1\n');
  // -t alone does not make the terminal raw either.
  await run('docker exec -t box ping 8.8.8.8', ctrlC(2));
  assert.equal((await run('docker top box')).out.match(/ping 8\.8\.8\.8/g)?.length, 2);
  // With -it, ^C reaches ping: it prints its statistics and ends.
  const it = await run('docker exec -it box ping 8.8.8.8', ctrlC(2));
  assert.match(it.out, /--- 8\.8\.8\.8 ping statistics ---/);
  assert.equal((await run('docker top box')).out.match(/ping 8\.8\.8\.8/g)?.length, 2);
});

test('exec of sleep waits for it; after Ctrl+C it stays in top until its time is up', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  let slept = 0;
  assert.equal((await run('docker exec box sleep 3', { sleep: async (ms) => { slept += ms; } })).exit, 0);
  assert.ok(slept >= 3000, `waited ${slept} ms`);
  assert.equal((await run('docker exec box sleep 100', ctrlC(2))).exit, 0);
  assert.match((await run('docker top box')).out, /sleep 100\n$/);
  await run('sleep 100');
  assert.doesNotMatch((await run('docker top box')).out, /sleep 100\n/);
  assert.equal((await run('docker inspect -f "{{len .ExecIDs}}" box')).out, '0\n');
});

test('exec -i without -t: Ctrl+C returns to the host shell (exit 0), the process stays; -it sleep dies of SIGINT', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  assert.equal((await run('docker exec -i box ping 8.8.8.8', ctrlC(2))).exit, 0);
  assert.equal((await run('docker exec -i box sleep 50', ctrlC(2))).exit, 0);
  // the host shell has the terminal again: these lines are not fed to ping
  assert.match((await run('docker top box')).out, /ping 8\.8\.8\.8\n[^]*sleep 50\n$/);
  assert.equal((await run('docker exec -it box sleep 60', ctrlC(2))).exit, 130);
  assert.doesNotMatch((await run('docker top box')).out, /sleep 60/);
});

test('exec -d of sleep: listed while it sleeps, gone once its time is up', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  await run('docker exec -d box sleep 30');
  assert.match((await run('docker top box')).out, /sleep 30\n$/);
  await run('sleep 31');
  assert.doesNotMatch((await run('docker top box')).out, /sleep 30\n/);
});

test('exec -i sh without -t: Ctrl+C while the shell waits leaves the client; the shell reads the end of its input', async () => {
  const sh = createShell({ seed: 1 });
  let text = '';
  const io = { out: (t: string) => void (text += t), err: (t: string) => void (text += t), tty: true, columns: 80, sleep: async () => {} };
  await sh.run('docker run -d --name box alpine sleep 1000', io);
  await sh.run('docker exec -i box sh', io);
  await sh.run('echo dentro', io);
  text = '';
  await (sh as typeof sh & { interrupt(t: typeof io): Promise<void> }).interrupt(io);
  assert.equal(text, '^C\n');
  text = '';
  await sh.run('echo $?', io);
  assert.equal(text, '0\n');
  text = '';
  await sh.run('docker top box', io);
  assert.doesNotMatch(text, /\bsh\n/);
});
