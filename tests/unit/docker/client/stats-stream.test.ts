import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

/** A terminal whose user presses Ctrl+C after `ticks` half-second waits. */
function ctrlCAfter(ticks: number) {
  const ctl = new AbortController();
  let n = 0;
  return { signal: ctl.signal, tty: true, sleep: async () => { if (++n >= ticks) ctl.abort(); } };
}

test('stats streams: a frame every half second as docker/cli 28 draws it, until Ctrl+C (a cancelled command exits 0)', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('docker run -d --name box alpine sleep 1000');
  const r = await run('docker stats --format "{{.Name}} {{.CPUPerc}} {{.MemUsage}}"', ctrlCAfter(9));
  assert.equal(r.exit, 0);
  const frames = r.out.split('\x1b[J');
  assert.equal(frames.pop(), '');
  assert.equal(frames.length, 8);
  for (const f of frames) {
    // cursor home, the table, then home again and each line (the empty last one too) with erase-line
    const m = /^\x1b\[H((?:[^\x1b\n]*\n)+)\x1b\[H((?:[^\x1b\n]*\x1b\[K\n)+)$/.exec(f);
    assert.ok(m, JSON.stringify(f));
    assert.equal(m[2], m[1].split('\n').map((l) => l + '\x1b[K\n').join(''));
    assert.match(m[1], /^box \d+\.\d\d% [\d.]+[KM]iB \/ 7\.753GiB\nweb /);
  }
  // a new sample each second: two frames alike, and the numbers move over the seconds
  assert.equal(frames[1], frames[2]);
  assert.equal(frames[3], frames[4]);
  assert.ok(new Set(frames.map((f) => f.split('\x1b[H')[1])).size > 1, 'the numbers move');
});

test('stats without Ctrl+C to end it (a script runner) prints the one table of --no-stream', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  const once = await run('docker stats');
  assert.deepEqual(once, await run('docker stats --no-stream'));
  assert.equal(once.out.split('\n').length, 3);
  assert.doesNotMatch(once.out, /\x1b/);
  assert.equal((await run('docker stats --no-stream --format "{{.Container}}"')).out.trim().length, 12, 'the short ID of a listed container');
});
