import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

function io(extra: Partial<TermIO> = {}): TermIO & { text: () => string } {
  let s = '';
  return { out: (t) => { s += t; }, err: (t) => { s += t; }, tty: true, columns: 80, sleep: () => Promise.resolve(), text: () => s, ...extra };
}

const LOOP = 'docker run -d --name loop alpine sh -c "while true; do echo hola; sleep 1; done"';

test('docker logs -f shows the lines of a detached loop as time passes, until Ctrl+C', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run(LOOP, io());
  const ac = new AbortController();
  let polls = 0;
  const seen: number[] = [];
  const o = io({ signal: ac.signal, sleep: async () => { seen.push(o.text().length); if (++polls === 8) ac.abort(); } });
  assert.equal(await sh.run('docker logs -f loop', o), 0);
  // two polls of half a second for each new line; nothing more once Ctrl+C cancelled the client
  assert.equal(o.text(), 'hola\n'.repeat(2 + 3));
  assert.ok(seen[1] < seen[7], 'lines came while it followed');
  const ps = io();
  await sh.run('docker ps --format "{{.Status}}"', ps);
  assert.equal(ps.text(), 'Up 6 seconds\n');
});

test('the host\'s sleep and docker stats move the clock the loop runs on', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run(LOOP, io());
  await sh.run('sleep 10', io());
  const n = io();
  await sh.run('docker logs loop | wc -l', n);
  assert.equal(n.text(), '13\n');
  const ac = new AbortController();
  let k = 0;
  await sh.run('docker stats loop', io({ signal: ac.signal, sleep: async () => { if (++k === 6) ac.abort(); } }));
  const m = io();
  await sh.run('docker logs loop | wc -l', m);
  assert.equal(m.text(), '17\n');
});

test('docker start without -a runs a script on the clock; with -a it waits and moves the clock', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run('docker create --name caja alpine sh -c "echo uno; sleep 30; echo dos"', io());
  const a = io();
  await sh.run('docker start caja', a);
  assert.equal(a.text(), 'caja\n');
  const st = io();
  await sh.run('docker ps -a --format "{{.Status}}"; docker logs caja', st);
  assert.equal(st.text(), 'Up 1 second\nuno\n');
  const b = io();
  await sh.run('sleep 30; docker start -a caja', b);
  assert.equal(b.text(), 'uno\ndos\n');
});

test('an attached session shows what the detached loop prints as each line moves the clock', async () => {
  const sh = createShell({ seed: 1 });
  await sh.run(LOOP, io());
  await sh.run('docker attach loop', io());
  assert.ok(sh.inContainer());
  const a = io();
  await sh.run('', a);
  assert.equal(a.text(), 'hola\n');
});
