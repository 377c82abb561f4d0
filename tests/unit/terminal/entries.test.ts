import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TerminalEntry, screenKey } from '../../../src/terminal/entries';
import { ScreenModel } from '../../../src/terminal/screen-model';
import { SessionRegistry, storageKey } from '../../../src/terminal/session';
import { FakeShell, MemoryStore } from './fake-shell';
import { fastTimer, scenario } from './harness';

function entry(store: MemoryStore, sc = scenario()) {
  const e = new TerminalEntry(sc, new SessionRegistry((o) => new FakeShell(o), store), fastTimer, { typingDelay: 0, stepPause: 0 }, store);
  const screen = new ScreenModel(80);
  e.attach({ write: (d) => screen.write(d), cols: () => 80 });
  const idle = async () => {
    for (let i = 0; i < 1000 && e.console.isBusy(); i++) await new Promise((r) => setTimeout(r, 2));
  };
  return { e, screen, idle };
}

test('a new screen shows everything printed so far', async () => {
  const store = new MemoryStore();
  const { e, idle } = entry(store);
  e.console.input('echo uno\recho dos\r');
  await idle();
  const again = new ScreenModel(80);
  e.attach({ write: (d) => again.write(d), cols: () => 80 });
  assert.equal(again.text(), '$ echo uno\nuno\n$ echo dos\ndos\n$');
});

test('after a reload the screen comes back with the machine, colours included', async () => {
  const store = new MemoryStore();
  const first = entry(store);
  first.e.console.input('echo uno\rnope\r');
  await first.idle();
  assert.ok(store.getItem(screenKey(scenario())));
  const second = entry(store);
  await second.idle();
  assert.equal(second.screen.text(), '$ echo uno\nuno\n$ nope\nnope: command not found\n(Sesión recuperada: tus imágenes y contenedores siguen aquí.)\n$');
});

test('the restored-session notice shows on each reload but is never saved with the screen', async () => {
  const store = new MemoryStore();
  const first = entry(store);
  first.e.console.input('echo uno\r');
  await first.idle();
  let last = first;
  for (let i = 0; i < 3; i++) {
    last = entry(store);
    await last.idle();
    last.e.console.input('\r'); // something happens, so the screen is saved again
    await last.idle();
  }
  assert.equal((last.screen.text().match(/Sesión recuperada/g) ?? []).length, 1, last.screen.text());
  assert.doesNotMatch(store.getItem(screenKey(scenario())) ?? '', /Sesión recuperada/);
});

test('a screen is not restored without its machine, nor after a reset', async () => {
  const store = new MemoryStore();
  const first = entry(store);
  first.e.console.input('echo uno\r');
  await first.idle();
  store.setItem(storageKey('d', 'principal'), 'roto');
  const second = entry(store);
  await second.idle();
  assert.doesNotMatch(second.screen.text(), /uno/);
  assert.equal(store.getItem(screenKey(scenario())), null);

  const third = entry(store);
  third.e.console.input('echo tres\r');
  await third.idle();
  third.e.console.reset();
  await third.idle();
  const fourth = entry(store);
  await fourth.idle();
  assert.doesNotMatch(fourth.screen.text(), /tres/);
});

test('a stored screen with anything but text and colours is ignored', async () => {
  const store = new MemoryStore();
  const first = entry(store);
  first.e.console.input('echo uno\r');
  await first.idle();
  store.setItem(screenKey(scenario()), 'x\x1b]0;titulo\x07\r\n');
  const second = entry(store);
  await second.idle();
  assert.doesNotMatch(second.screen.text(), /x|titulo/);
});

test('the screen model writes its finished lines back as text with colours', () => {
  const m = new ScreenModel(40);
  m.write('\x1b[1m$ ls\x1b[22m\r\nrojo \x1b[31mR\x1b[0m fin\r\n$ ');
  const replay = new ScreenModel(40);
  replay.write(m.ansi());
  assert.equal(replay.text(), '$ ls\nrojo R fin');
  assert.equal(replay.html(), '<span class="t-b">$ ls</span>\nrojo <span class="t-fg1">R</span> fin');
});

test('the screen model forgets the oldest lines beyond its limit', () => {
  const m = new ScreenModel(20, Infinity, 3);
  m.write('1\r\n2\r\n3\r\n4\r\n5');
  assert.equal(m.text(), '3\n4\n5');
});
