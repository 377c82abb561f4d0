// The line editor against bash 5.2 with GNU readline's defaults (emacs mode).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTerminal, scenario } from './harness';
import { SessionRegistry } from '../../../src/terminal/session';
import { createShell } from '../../../src/docker';
import { MemoryStore } from './fake-shell';

const ENTER = '\r';
const ALT_BS = '\x1b\x7f';
const CTRL_W = '\x17';
const CTRL_Y = '\x19';

test('Ctrl+Y yanks what Ctrl+W, Ctrl+U and Ctrl+K killed; kills in a row add up', async () => {
  const t = makeTerminal();
  t.con.input('echo uno dos' + CTRL_W + CTRL_W + 'tres ' + CTRL_Y + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo tres uno dos');
  t.con.input('echo a b' + '\x01' + '\x0b' + CTRL_Y + ' ' + CTRL_Y + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo a b echo a b');
  // the kill is remembered from one line to the next, and a move ends a run of kills
  t.con.input('x y' + '\x15' + CTRL_Y + '\x1b[D' + ' ' + CTRL_Y + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'x  x yy');
  // Left between two Ctrl+W: the second kill starts afresh ("p" only, not "pq")
  t.con.input('echo p q' + CTRL_W + '\x1b[D' + CTRL_W + CTRL_Y + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo p ');
});

test('Alt+D and Alt+Backspace kill words of letters and digits, as readline', async () => {
  const t = makeTerminal();
  // backward-kill-word stops at punctuation, unlike Ctrl+W
  t.con.input('docker run -it' + ALT_BS + 'ti' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'docker run -ti');
  t.con.input('echo mi_fichero.txt' + '\x01' + '\x1bf' + '\x1bd' + '\x1bd' + CTRL_Y + ENTER);
  await t.idle();
  // Alt+F stops after "echo"; two Alt+D take " mi" and "_fichero" (one kill, yanked back whole)
  assert.equal(t.shell().ran.at(-1), 'echo mi_fichero.txt');
  t.con.input('echo mi_fichero.txt' + '\x01' + '\x1bf' + '\x1bd' + '\x1bd' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo.txt');
  // `_` separates words for Alt+B too
  t.con.input('echo ab_cd' + '\x1bb' + 'X' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo ab_Xcd');
});

test('Tab in the middle of a line completes without adding a space', async () => {
  const t = makeTerminal();
  t.con.input('ima z' + '\x1b[D\x1b[D' + '\t' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'images z');
});

test('after a Tab that completed part of a word, the next Tab rings and the one after lists', async () => {
  const t = makeTerminal();
  t.con.input('sl\t');
  await t.idle();
  assert.equal(t.text(), '$ slow');
  t.con.input('\t');
  await t.idle();
  assert.equal(t.text(), '$ slow');
  t.con.input('\t');
  await t.idle();
  assert.equal(t.text(), '$ slow\nslow    slower\n$ slow');
});

test('a Tab listing fills its columns top to bottom, as readline', async () => {
  const t = makeTerminal({ cols: 20 });
  const shell = t.shell();
  shell.complete = (line, cursor) => ({ start: 0, candidates: ['a1', 'a2', 'a3', 'a4', 'a5'].filter((c) => c.startsWith(line.slice(0, cursor))) });
  t.con.input('a\t\t');
  await t.idle();
  // width 2 + 2 = 4 per column; 20 / 4 = 5 fits exactly, so readline takes one less
  assert.equal(t.text(), '$ a\na1  a3  a5\na2  a4\n$ a');
});

test('a container shell has a history of its own; a question answer goes in none', async () => {
  const t = makeTerminal();
  t.con.input('echo fuera' + ENTER + 'enter' + ENTER);
  await t.idle();
  // a new shell: Up finds nothing
  t.con.input('\x1b[A');
  await t.idle();
  assert.match(t.text(), /root@abcdef123456:\/#$/);
  t.con.input('pull dentro' + ENTER + '\x1b[A' + ENTER);
  await t.idle();
  assert.deepEqual(t.shell().insideContainer, ['dentro', 'dentro']);
  t.con.input('exit' + ENTER + 'prune' + ENTER + 'y' + ENTER);
  await t.idle();
  assert.deepEqual(t.session.history, ['echo fuera', 'enter', 'prune']);
  t.con.input('\x1b[A' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'prune');
});

test('Ctrl+C at the host prompt leaves $? at 130, as bash', async () => {
  const registry = new SessionRegistry((o) => createShell(o), new MemoryStore());
  const t = makeTerminal({ registry });
  t.con.input('echo $?' + ENTER + 'medio\x03' + 'echo $?' + ENTER);
  await t.idle();
  assert.equal(t.text(), '$ echo $?\n0\n$ medio^C\n$ echo $?\n130\n$');
});

test('Ctrl+R: the cursor goes to the last occurrence, Ctrl+R again looks further back in the same line', async () => {
  const t = makeTerminal();
  t.con.input('echo solo uno' + ENTER);
  await t.idle();
  t.con.input('\x12o');
  await t.idle();
  assert.deepEqual(t.screen.cursor().col, "(reverse-i-search)`o': echo solo uno".length - 1);
  t.con.input('\x12');
  await t.idle();
  assert.deepEqual(t.screen.cursor().col, "(reverse-i-search)`o': echo sol".length);
  t.con.input('\x01X' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'Xecho solo uno');
});

test('Ctrl+C during Ctrl+R drops the line, as bash', async () => {
  const t = makeTerminal();
  t.con.input('echo rojo' + ENTER + 'borrador\x12ro\x03');
  await t.idle();
  assert.match(t.text(), /\n\$ echo rojo\^C\n\$$/);
  t.con.input('echo fin' + ENTER);
  await t.idle();
  assert.deepEqual(t.shell().ran, ['echo rojo', 'echo fin']);
});

test('in a container, Ctrl+P waits for the next key (the detach keys) and what was typed stays', async () => {
  const t = makeTerminal();
  t.con.input('enter' + ENTER + 'pull uno' + ENTER + 'ls' + '\x10');
  await t.idle();
  // nothing happens yet: docker's client holds the Ctrl+P back
  assert.match(t.text(), /root@abcdef123456:\/# ls$/);
  t.con.input('\x11');
  await t.idle();
  assert.equal(t.shell().inContainer(), false);
  assert.match(t.text(), /root@abcdef123456:\/# ls\n\$$/);
  // any other key: the Ctrl+P reaches the shell first (previous line), then the key
  t.con.input('enter' + ENTER + 'pull dos' + ENTER + '\x10' + ENTER);
  await t.idle();
  assert.deepEqual(t.shell().insideContainer, ['uno', 'dos', 'dos']);
});

test('a listing of 100 or more asks first, and a list taller than the screen stops at --More--', async () => {
  const t = makeTerminal({ cols: 40, rows: 4 });
  const words = Array.from({ length: 120 }, (_, i) => `w${String(i).padStart(3, '0')}`);
  t.shell().complete = (line, cursor) => ({ start: 0, candidates: words.filter((w) => w.startsWith(line.slice(0, cursor))) });
  t.con.input('w\t\t');
  await t.idle();
  assert.equal(t.text(), '$ w\nDisplay all 120 possibilities? (y or n)');
  // other keys only ring; n gives the prompt back on the next row
  t.con.input('xn');
  await t.idle();
  assert.equal(t.text(), '$ w\nDisplay all 120 possibilities? (y or n)\n$ w');
  // 6 per row (6 * 6 = 36 of 40), 20 rows; three rows per page (screen height less one)
  t.con.input('\t\ty');
  await t.idle();
  assert.match(t.text(), /\(y or n\)\nw000  w020  w040  w060  w080  w100\nw001 .*\nw002 .*\n--More--$/);
  // Enter: one more row; q: stop, the prompt comes back where --More-- was
  t.con.input('\r');
  await t.idle();
  assert.match(t.text(), /\nw002 .*\nw003  w023  w043  w063  w083  w103\n--More--$/);
  t.con.input('q');
  await t.idle();
  assert.match(t.text(), /\nw003 .*\n\$ w$/);
  t.con.input('1\r');
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'w1');
});

test('Ctrl+R: a match at the start of a line still lets Ctrl+R go back; Ctrl+R Ctrl+R repeats the last search', async () => {
  const t = makeTerminal();
  t.con.input('echo pull' + ENTER + 'pull b' + ENTER);
  await t.idle();
  t.con.input('\x12pull\x12' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo pull');
  // the history is now echo pull, pull b, echo pull: the same search again, then further back
  t.con.input('\x12\x12');
  await t.idle();
  assert.match(t.text(), /\(reverse-i-search\)`pull': echo pull$/);
  t.con.input('\x12' + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'pull b');
});

test('Ctrl+C while a Tab listing asks ends it and drops the line', async () => {
  const t = makeTerminal({ cols: 40, rows: 4 });
  const words = Array.from({ length: 120 }, (_, i) => `w${i}`);
  t.shell().complete = () => ({ start: 0, candidates: words });
  t.con.input('w\t\t\x03');
  await t.idle();
  assert.match(t.text(), /\(y or n\)\n\$ w\^C\n\$$/);
  t.con.input('echo ok\r');
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo ok');
});

test('a kill with nothing to kill keeps what Ctrl+Y gives back', async () => {
  const t = makeTerminal();
  t.con.input('echo uno' + CTRL_W + '\x0b' + '\x01\x15' + '\x05' + CTRL_Y + ENTER);
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo uno');
});

test('the next step typed by the script first ends a Ctrl+R search or a Tab listing', async () => {
  const t = makeTerminal({ scenario: scenario({ steps: [{ command: 'echo paso' }] }) });
  t.con.input('echo a' + ENTER + '\x12ec');
  await t.idle();
  t.con.nextStep();
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo paso');
  assert.match(t.text(), /\n\$ echo paso\npaso\n\$$/);
});

test('in a container a Tab listing shows the last part of each path, directories with their slash', async () => {
  const t = makeTerminal();
  t.con.input('enter' + ENTER);
  await t.idle();
  t.shell().complete = () => ({ start: 3, candidates: ['/usr/share/', '/usr/sbin/', '/usr/src'] });
  t.con.input('ls /usr/s\t\t');
  await t.idle();
  assert.match(t.text(), /# ls \/usr\/s\nsbin\/ +share\/ +src\nroot@abcdef123456:\/# ls \/usr\/s$/);
});
