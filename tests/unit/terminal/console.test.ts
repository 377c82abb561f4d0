import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTerminal, scenario } from './harness';
import { MemoryStore } from './fake-shell';
import { storageKey, NOTICE_CORRUPT, NOTICE_RESTORED } from '../../../src/terminal/session';

const ENTER = '\r';
const LEFT = '\x1b[D';

test('typing a command and Enter runs it and shows a new prompt', async () => {
  const t = makeTerminal();
  t.con.input('echo hola');
  t.con.input(ENTER);
  await t.idle();
  assert.equal(t.text(), '$ echo hola\nhola\n$');
  assert.deepEqual(t.shell().ran, ['echo hola']);
});

test('line editing: left, Home/End, Backspace, Delete, Ctrl+A/E/U/K/W', async () => {
  const t = makeTerminal();
  // "echo hlo" -> insert "o" after h: "echo holo"? build "echo hola" by moving around
  t.con.input('echo hla' + LEFT + LEFT + 'o' + '\x1b[F' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo hola');
  t.con.input('xecho uno' + '\x01' + '\x1b[3~' + '\x05' + '\x7f' + 'o dos' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo uno dos');
  t.con.input('basura' + '\x15' + 'echo tres cuatro' + '\x17' + '\x17' + 'cinco' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo cinco');
  t.con.input('echo seis siete' + '\x1b\x7f' + 'ocho' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo seis ocho');
  t.con.input('echo seis siete' + '\x01' + '\x1b[1;5C' + '\x1b[1;5C' + '\x0b' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo seis');
  t.con.input('echo ocho' + '\x1b[H' + '\x1b[C'.repeat(5) + 'y ' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo y ocho');
});

test('keys typed while a command runs are queued and none is lost', async () => {
  const t = makeTerminal();
  t.con.input('slow' + ENTER);
  // typed immediately, one key at a time, while "slow" is still ticking
  for (const ch of 'echo rapido') t.con.input(ch);
  t.con.input(ENTER);
  for (const ch of 'echo otra') t.con.input(ch);
  t.con.input(ENTER);
  await t.idle();
  assert.deepEqual(t.shell().ran, ['slow', 'echo rapido', 'echo otra']);
  const text = t.text();
  assert.match(text, /tick 9\ndone\n\$ echo rapido\nrapido\n\$ echo otra\notra\n\$$/);
});

test('a pasted three-line script runs each line in order', async () => {
  const t = makeTerminal();
  t.con.input('echo uno\recho dos\recho tres\r');
  await t.idle();
  assert.deepEqual(t.shell().ran, ['echo uno', 'echo dos', 'echo tres']);
  assert.equal(t.text(), '$ echo uno\nuno\n$ echo dos\ndos\n$ echo tres\ntres\n$');
});

test('bracketed paste with LF line ends runs each line too', async () => {
  const t = makeTerminal();
  t.con.input('\x1b[200~echo a\necho b\n\x1b[201~');
  await t.idle();
  assert.deepEqual(t.shell().ran, ['echo a', 'echo b']);
});

test('Ctrl+C interrupts a running command, and the queue after it still runs', async () => {
  const t = makeTerminal();
  t.con.input('slower' + ENTER);
  while (!t.text().includes('tick 3')) await new Promise((r) => setTimeout(r, 2));
  t.con.input('echo despues' + '\x03');
  t.con.input(ENTER);
  await t.idle();
  assert.doesNotMatch(t.text(), /done/);
  assert.deepEqual(t.shell().ran, ['slower', 'echo despues']);
  // ^C shows where the output stood, nothing the command prints afterwards does
  assert.match(t.text(), /tick \d+\n\^C\n\$ echo despues\ndespues\n\$$/);
});

test('what a program prints when Ctrl+C stops it shows after the ^C, and the prompt after that', async () => {
  const t = makeTerminal();
  t.con.input('pinger' + ENTER);
  while (!t.text().includes('reply 2')) await new Promise((r) => setTimeout(r, 2));
  t.con.input('\x03');
  await t.idle();
  assert.match(t.text(), /reply 2\n(reply \d+\n)?\^C\n--- statistics ---\n\$$/);
});

test('Ctrl+C on a line being typed cancels it', async () => {
  const t = makeTerminal();
  t.con.input('echo nada\x03');
  await t.idle();
  assert.equal(t.text(), '$ echo nada^C\n$');
  assert.deepEqual(t.shell().ran, []);
});

test('history with Up/Down, shared by the terminals of a session', async () => {
  const t = makeTerminal();
  t.con.input('echo 1\recho 2\r');
  await t.idle();
  t.con.input('\x1b[A\x1b[A' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo 1');
  t.con.input('borrador\x1b[A\x1b[B');
  await t.idle();
  assert.match(t.text(), /\$ borrador$/);
  const second = makeTerminal({ registry: t.registry, scenario: scenario({ index: 1 }) });
  second.con.input('\x1b[A' + ENTER);
  await second.idle();
  assert.equal(t.shell().ran.at(-1), 'echo 1');
});

test('Tab completes a unique word and lists several', async () => {
  const t = makeTerminal();
  t.con.input('ima\t');
  await t.idle();
  assert.match(t.text(), /\$ images$/);
  // as readline: the first Tab adds nothing (the choices share only "e"), the second lists them
  t.con.input('\x15e\t');
  await t.idle();
  assert.equal(t.text(), '$ e');
  t.con.input('\t');
  await t.idle();
  assert.match(t.text(), /echo +enter +exit\n\$ e$/);
  t.con.input('\x15ima\tx\r');
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'images x');
});

test('Ctrl+D leaves a container shell and does nothing on the host', async () => {
  const t = makeTerminal();
  t.con.input('\x04');
  t.con.input('enter\r');
  await t.idle();
  assert.match(t.text(), /\$ enter\nroot@abcdef123456:\/#$/);
  t.con.input('\x04');
  await t.idle();
  assert.equal(t.shell().inContainer(), false);
  assert.match(t.text(), /root@abcdef123456:\/#\nexit\n\$$/);
});

test('Ctrl+P Ctrl+Q detaches from a container', async () => {
  const t = makeTerminal();
  t.con.input('enter\r\x10\x11');
  await t.idle();
  assert.equal(t.shell().inContainer(), false);
  assert.match(t.text(), /\$$/);
});

test('Ctrl+L clears the screen and keeps the line being typed', async () => {
  const t = makeTerminal();
  t.con.input('echo x\rmedio\x0c');
  await t.idle();
  assert.equal(t.text(), '$ medio');
});

test('in-place progress (carriage return + erase) ends as one line', async () => {
  const t = makeTerminal();
  t.con.input('progress\r');
  await t.idle();
  assert.equal(t.text(), '$ progress\nlayer: done\n$');
});

test('long lines wrap and are redrawn in place when edited', async () => {
  const t = makeTerminal({ cols: 20 });
  const long = 'echo ' + 'a'.repeat(40);
  t.con.input(long + '\x01' + '\x1b[3~'.repeat(5) + 'echo b');
  await t.idle();
  // the line is "echo b" + 40 a's = 46 chars + "$ " = 48 cells -> 3 rows
  assert.equal(t.text(), ('$ echo b' + 'a'.repeat(40)).match(/.{1,20}/g)!.join('\n'));
  t.con.input(ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo b' + 'a'.repeat(40));
});

test('a line exactly as wide as the terminal leaves the cursor on the next row', async () => {
  const t = makeTerminal({ cols: 10 });
  t.con.input('echo abc');
  await t.idle();
  assert.deepEqual(t.screen.cursor(), { row: 1, col: 0 });
  assert.equal(t.text(), '$ echo abc');
  t.con.input('\x7f');
  await t.idle();
  assert.deepEqual(t.screen.cursor(), { row: 0, col: 9 });
  assert.equal(t.text(), '$ echo ab');
  t.con.input('c' + LEFT + LEFT);
  await t.idle();
  assert.deepEqual(t.screen.cursor(), { row: 0, col: 8 });
  t.con.input(ENTER);
  await t.idle();
  assert.equal(t.text(), '$ echo abc\nabc\n$');
});

test('next step types the pending line, runs it, and the hint moves on', async () => {
  const t = makeTerminal({ scenario: scenario({ steps: [{ command: 'echo paso1' }, { command: 'echo paso2' }] }) });
  assert.match(t.raw(), /\x1b\[2mecho paso1\x1b\[22m/);
  t.con.nextStep();
  await t.idle();
  assert.deepEqual(t.shell().ran, ['echo paso1']);
  assert.equal(t.con.pendingStep()?.command, 'echo paso2');
  assert.match(t.text(), /\$ echo paso1\npaso1\n\$ echo paso2$/); // the hint is drawn dim after the prompt
  // typing the step by hand also counts
  t.con.input('echo paso2\r');
  await t.idle();
  assert.equal(t.con.pendingStep(), null);
  assert.equal(t.text().split('\n').at(-1), '$');
});

test('Right arrow at the end of the line accepts the hint', async () => {
  const t = makeTerminal({ scenario: scenario({ steps: [{ command: 'echo sugerido' }] }) });
  t.con.input('ec\x1b[C\r');
  await t.idle();
  assert.deepEqual(t.shell().ran, ['echo sugerido']);
});

test('run all plays every remaining step in order; Ctrl+C stops it', async () => {
  const steps = [{ command: 'echo a' }, { command: 'echo b' }, { command: 'echo c' }];
  const t = makeTerminal({ scenario: scenario({ steps }) });
  t.con.runAll();
  await t.idle();
  assert.deepEqual(t.shell().ran, ['echo a', 'echo b', 'echo c']);

  const u = makeTerminal({ scenario: scenario({ deck: 'otro', steps: [{ command: 'slower' }, { command: 'echo b' }] }) });
  u.con.runAll();
  while (!u.text().includes('tick 3')) await new Promise((r) => setTimeout(r, 2));
  u.con.input('\x03');
  await u.idle();
  assert.deepEqual(u.shell().ran, ['slower']);
});

test('reset goes back to the setup state and the first step', async () => {
  const sc = scenario({ setup: ['pull alpine'], steps: [{ command: 'pull nginx' }] });
  const t = makeTerminal({ scenario: sc });
  t.con.activate();
  await t.idle();
  t.con.nextStep();
  t.con.input('pull redis\r');
  await t.idle();
  assert.deepEqual(t.shell().images, ['alpine', 'nginx', 'redis']);
  t.con.reset();
  await t.idle();
  assert.deepEqual(t.shell().images, ['alpine']);
  assert.equal(t.con.pendingStep()?.command, 'pull nginx');
  assert.match(t.text(), /^\(Terminal reiniciada\.\)\n\$ pull nginx$/);
});

test('reset of a later terminal replays the earlier terminals of the session', async () => {
  const store = new MemoryStore();
  const first = makeTerminal({ store, scenario: scenario({ steps: [{ command: 'pull a' }] }) });
  const second = makeTerminal({ registry: first.registry, scenario: scenario({ index: 1, setup: ['pull b'], steps: [{ command: 'pull c' }] }) });
  second.con.reset();
  await second.idle();
  assert.deepEqual(second.shell().images, ['a', 'b']);
  assert.equal(first.con.pendingStep(), null);
});

test('reset replays earlier container sessions on a TTY, as the class saw them', async () => {
  const first = makeTerminal({ scenario: scenario({ steps: [{ command: 'enter' }, { command: 'pull dentro' }, { command: 'exit' }, { command: 'pull fuera' }] }) });
  const second = makeTerminal({ registry: first.registry, scenario: scenario({ index: 1, steps: [{ command: 'images' }] }) });
  second.con.reset();
  await second.idle();
  assert.deepEqual(second.shell().images, ['fuera']);
  assert.deepEqual(second.shell().insideContainer, ['dentro']);
  assert.equal(second.shell().inContainer(), false);
});

test('a later terminal first plays what earlier terminals of the session left pending', async () => {
  const first = makeTerminal({ scenario: scenario({ setup: ['pull base'], steps: [{ command: 'pull a' }, { command: 'pull b' }] }) });
  first.con.nextStep();
  await first.idle();
  const second = makeTerminal({ registry: first.registry, scenario: scenario({ index: 1, setup: ['pull c'], steps: [{ command: 'images' }] }) });
  second.con.activate();
  await second.idle();
  assert.deepEqual(second.shell().images, ['base', 'a', 'b', 'c']);
  assert.equal(first.con.pendingStep(), null);
  assert.equal(second.text(), '(Se han ejecutado los pasos pendientes de las terminales anteriores.)\n$ images');
  // only once
  second.con.activate();
  await second.idle();
  assert.equal(second.shell().ran.filter((c) => c === 'pull c').length, 1);
});

test('state, history and step position survive a reload', async () => {
  const store = new MemoryStore();
  const sc = scenario({ steps: [{ command: 'pull nginx' }, { command: 'images' }] });
  const t = makeTerminal({ store, scenario: sc });
  t.con.nextStep();
  await t.idle();
  const again = makeTerminal({ store, scenario: sc });
  assert.deepEqual(again.shell().images, ['nginx']);
  assert.equal(again.con.pendingStep()?.command, 'images');
  assert.match(again.text(), new RegExp(NOTICE_RESTORED.replace(/[.:]/g, '.')));
  again.con.input('\x1b[A\r');
  await again.idle();
  assert.equal(again.shell().ran.at(-1), 'pull nginx');
});

test('a corrupt or foreign stored value starts clean with a notice', async () => {
  for (const bad of ['{no json', JSON.stringify({ v: 1, deck: 'd', session: 'principal', shell: '{"otro":1}' }), JSON.stringify({ v: 9 }), '"texto"', 'null']) {
    const store = new MemoryStore();
    store.setItem(storageKey('d', 'principal'), bad);
    const t = makeTerminal({ store });
    assert.match(t.text(), /no era válido/, bad);
    assert.ok(t.text().includes(NOTICE_CORRUPT));
    t.con.input('echo ok\r');
    await t.idle();
    assert.match(t.text(), /\nok\n\$$/);
    const saved = JSON.parse(store.getItem(storageKey('d', 'principal'))!);
    assert.equal(saved.deck, 'd');
  }
});

test('a storage that throws does not break the terminal', async () => {
  const store = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {} };
  const t = makeTerminal({ store });
  t.con.input('echo ok\r');
  await t.idle();
  assert.match(t.text(), /\nok\n\$$/);
});

test('unknown escape sequences are ignored, never printed', async () => {
  const t = makeTerminal();
  t.con.input('\x1b[15~\x1bOP' + 'echo z\r');
  await t.idle();
  assert.deepEqual(t.shell().ran, ['echo z']);
  assert.doesNotMatch(t.text(), /15~|OP/);
});

test('a question printed by a command is answered on its own line', async () => {
  const t = makeTerminal();
  t.con.input('prune\ry\r');
  await t.idle();
  assert.equal(t.text(), '$ prune\nWARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] y\nDeleted\n$');
  t.con.input('prune\r\x03');
  await t.idle();
  assert.match(t.text(), /\[y\/N\] \^C\n\$$/);
  assert.equal(t.shell().question, null);
});

test('Ctrl+C inside a container goes to its process', async () => {
  const t = makeTerminal();
  t.con.input('enter\rmedio\x03');
  await t.idle();
  assert.equal(t.shell().interrupted, 1);
  assert.match(t.text(), /root@abcdef123456:\/# medio\^C\nroot@abcdef123456:\/#$/);
  t.con.input('\x03');
  await t.idle();
  assert.equal(t.shell().interrupted, 2);
  t.con.input('exit\recho fuera\x03');
  await t.idle();
  assert.equal(t.shell().interrupted, 3); // on the host the line is dropped, and bash's $? becomes 130
  assert.match(t.text(), /\$ echo fuera\^C\n\$$/);
});

test('long waits are shortened for the class, short ones kept', async () => {
  const { pace } = await import('../../../src/terminal/console');
  assert.equal(pace(200), 200);
  assert.equal(pace(1000), 1000);
  assert.equal(pace(10_000), 2800);
});

test('Ctrl+R searches the history backwards, as bash does', async () => {
  const t = makeTerminal();
  t.con.input('echo rojo\recho verde\recho rosa\r');
  await t.idle();
  t.con.input('\x12ro');
  await t.idle();
  assert.match(t.text(), /\(reverse-i-search\)`ro': echo rosa$/);
  t.con.input('\x12');
  await t.idle();
  assert.match(t.text(), /\(reverse-i-search\)`ro': echo rojo$/);
  t.con.input('\r');
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo rojo');
  // as in bash, the accepted line is shown again after the normal prompt
  assert.match(t.text(), /\nrosa\n\$ echo rojo\nrojo\n\$$/);

  // no match: says so, still showing the line being edited (readline searches it too);
  // Ctrl+G gives back the line as it was
  t.con.input('borrador\x12zz');
  await t.idle();
  assert.match(t.text(), /\(failed reverse-i-search\)`zz': borrador$/);
  t.con.input('\x07');
  await t.idle();
  assert.match(t.text(), /\n\$ borrador$/);

  // another key takes the match into the line for editing
  t.con.input('\x15\x12verde\x1b[F 2\r');
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo verde 2');
  // Backspace widens the search again
  t.con.input('\x12rojox\x7f\r');
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo rojo');
});

test('the script counts as finished only once its last step has finished running', async () => {
  const t = makeTerminal({ scenario: scenario({ steps: [{ command: 'echo uno' }, { command: 'slow' }] }) });
  const seen: boolean[] = [];
  t.con.watch(() => seen.push(t.con.scriptFinished()));
  assert.equal(t.con.scriptFinished(), false);
  t.con.runAll();
  // the last step is under way: it has been submitted (no step pending) but still prints
  while (!t.text().includes('tick 3')) await new Promise((r) => setTimeout(r, 2));
  assert.equal(t.con.pendingStep(), null);
  assert.equal(t.con.scriptFinished(), false);
  await t.idle();
  assert.match(t.text(), /done\n\$$/);
  assert.equal(t.con.scriptFinished(), true);
  // watchers were told when it became true, after every earlier notification said false
  assert.equal(seen.at(-1), true);
  assert.equal(seen.indexOf(true), seen.length - 1);
});

test('a password asked for is not shown as it is typed, nor once entered', async () => {
  const t = makeTerminal();
  t.con.input('password' + ENTER);
  await t.idle();
  t.con.input('secreto');
  await t.idle();
  assert.equal(t.text(), '$ password\nPassword:');
  t.con.input(ENTER);
  await t.idle();
  assert.equal(t.text(), '$ password\nPassword:\n$');
  assert.deepEqual(t.shell().ran, ['password', 'secreto']);
});

test('Ctrl+C at a password prompt drops what was typed without showing it', async () => {
  const t = makeTerminal();
  t.con.input('password' + ENTER);
  await t.idle();
  t.con.input('secreto');
  await t.idle();
  t.con.input('\x03');
  await t.idle();
  assert.equal(t.text(), '$ password\nPassword: ^C\n$');
  assert.doesNotMatch(t.raw(), /secreto/);
});

test('at a password prompt Ctrl+R searches nothing and no hint of the next step is drawn', async () => {
  const t = makeTerminal({ scenario: scenario({ steps: [{ command: 'password' }, { command: 'echo fin' }] }) });
  t.con.nextStep();
  await t.idle();
  const before = t.raw().length;
  t.con.input('sec\x12re' + '\x1b[C');
  await t.idle();
  const drawn = t.raw().slice(before);
  assert.doesNotMatch(drawn, /reverse-i-search|sec|echo fin/);
  assert.equal(t.text(), '$ password\nPassword:');
  t.con.input(ENTER);
  await t.idle();
  assert.deepEqual(t.shell().ran, ['password', 'secre']);
});

test('while another terminal of the session follows a command, keys typed here still show; the line runs after it', async () => {
  const first = makeTerminal();
  const second = makeTerminal({ registry: first.registry, scenario: scenario({ index: 1, setup: ['pull b'] }) });
  second.con.activate();
  await second.idle();
  first.con.input('slower' + ENTER);
  await new Promise((r) => setTimeout(r, 20));
  // the second terminal is shown again (its setup is checked) and typed into
  second.con.activate();
  second.con.input('echo hola' + ENTER);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(second.text(), '$ echo hola');
  first.con.input('\x03');
  await first.idle();
  await second.idle();
  assert.equal(second.text(), '$ echo hola\nhola\n$');
  assert.deepEqual(first.shell().ran, ['pull b', 'slower', 'echo hola']);
});

test('a blank line goes to the process in a container (it ends a python block) but not to the host shell', async () => {
  const t = makeTerminal();
  t.con.input(ENTER);
  await t.idle();
  assert.deepEqual(t.shell().ran, []);
  t.con.input('enter' + ENTER);
  await t.idle();
  t.con.input(ENTER);
  await t.idle();
  assert.deepEqual(t.shell().ran, ['enter', '']);
});
