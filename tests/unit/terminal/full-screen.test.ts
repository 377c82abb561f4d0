// The console with a full-screen program: every key (Esc, Ctrl+C, arrows, pasted text) goes to
// it, nothing is line-edited meanwhile, and the prompt comes back when it ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../src/docker/index';
import { SessionRegistry } from '../../../src/terminal/session';
import { makeTerminal, scenario } from './harness';
import type { Shell } from '../../../src/docker/shell';
import { MemoryStore } from './fake-shell';

async function run(sh: Shell, line: string) {
  let s = '';
  await sh.run(line, { out: (t) => (s += t), err: (t) => (s += t), tty: false, sleep: async () => {} });
  return s;
}

async function debianWithNano() {
  const store = new MemoryStore();
  const t = makeTerminal({ registry: new SessionRegistry((o) => createShell(o), store), store, rows: 24 });
  const type = async (s: string) => {
    t.con.input(s);
    await t.idle();
  };
  await type('docker run -it --name w1 debian bash\r');
  await type('apt-get update >/dev/null; apt-get install -y nano vim >/dev/null\r');
  return { ...t, type };
}

test('nano in the console: keys (Ctrl+C included) reach it, Ctrl+O Enter and Ctrl+X save and leave, the prompt comes back', async () => {
  const t = await debianWithNano();
  await t.type('nano /tmp/hola.txt\r');
  assert.equal(t.con.fullScreen(), true);
  assert.match(t.raw(), /\x1b\[\?1049h/);
  assert.match(t.text(), /GNU nano 7\.2/);
  // Ctrl+C is nano's (Cancel at its prompt), not an interrupt of the terminal
  await t.type('hola mundo\x0f\x03');
  assert.equal(t.con.fullScreen(), true);
  assert.match(t.text(), /\[ Cancelled \]/);
  await t.type('\x0f');
  await t.type('\r');
  assert.match(t.text(), /\[ Wrote 1 line \]/);
  await t.type('\x18');
  assert.equal(t.con.fullScreen(), false);
  assert.match(t.raw(), /\x1b\[\?1049l/);
  await t.type('cat /tmp/hola.txt\r');
  assert.match(t.text(), /# cat \/tmp\/hola\.txt\nhola mundo\nroot@\w+:\/#$/);
});

test('vim in the console: Esc leaves insert mode, :w writes, :q leaves; a reload while it is open finds the shell at its prompt', async () => {
  const t = await debianWithNano();
  await t.type('vim /v\r');
  await t.type('i');
  await t.type('uno');
  await t.type('\x1b');
  await t.type(':w\r');
  assert.match(t.text(), /"\/v" \[New\] 1L, 4B written/);
  // the session was saved with the file written and no editor: a reload is at the (host's) prompt
  const again = new SessionRegistry((o) => createShell(o), t.store).get(scenario());
  assert.equal(again.shell.screen?.(), false);
  assert.equal(again.shell.prompt(), '$ ');
  assert.match(await run(again.shell, 'docker exec w1 cat /v'), /^uno\n$/);
  await t.type(':q\r');
  assert.equal(t.con.fullScreen(), false);
  await t.type('cat /v\r');
  assert.match(t.text(), /\nuno\nroot@\w+:\/#$/);
});

test('Reiniciar with an editor open: the terminal leaves its alternate screen and shows the prompt', async () => {
  const t = await debianWithNano();
  await t.type('nano /x\r');
  assert.equal(t.con.fullScreen(), true);
  t.con.reset();
  await t.idle();
  assert.equal(t.con.fullScreen(), false);
  assert.match(t.raw().slice(t.raw().lastIndexOf('\x1b[?1049')), /^\x1b\[\?1049l/);
  assert.match(t.text(), /\$$/);
});

test('nano on the host: a Dockerfile written in the editor builds, and the rest of the line runs after Ctrl+X', async () => {
  const store = new MemoryStore();
  const t = makeTerminal({ registry: new SessionRegistry((o) => createShell(o), store), store, rows: 24 });
  const type = async (s: string) => {
    t.con.input(s);
    await t.idle();
  };
  await type('mkdir web && cd web && nano Dockerfile; echo "fin $?"\r');
  assert.equal(t.con.fullScreen(), true);
  assert.match(t.text(), /GNU nano 7\.2 +Dockerfile/);
  await type('FROM alpine\rCMD ["echo", "hola"]');
  await type('\x18');
  assert.match(t.text(), /Save modified buffer\?/);
  await type('y');
  await type('\r');
  assert.equal(t.con.fullScreen(), false);
  assert.match(t.text(), /fin 0\n\$ ?$/);
  await type('ls -l; cat Dockerfile\r');
  assert.match(t.text(), /-rw-r--r-- 1 alumno alumno 33 .* Dockerfile\nFROM alpine\nCMD \["echo", "hola"\]\n\$ ?$/);
  await type('vi notas.txt\r');
  assert.equal(t.con.fullScreen(), true);
  await type('iuna nota');
  await type('\x1b');
  await type(':wq\r');
  assert.equal(t.con.fullScreen(), false);
  await type('cat notas.txt\r');
  assert.match(t.text(), /\nuna nota\n\$ ?$/);
});
