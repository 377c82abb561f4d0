// Lines with accents, combining marks, CJK and emoji: the editor counts cells as xterm.js draws them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTerminal } from './harness';
import { cells, place } from '../../../src/terminal/char-width';

test('cells: accents and emoji one, CJK two, combining marks none', () => {
  assert.equal(cells('año é'), 5);
  assert.equal(cells('🐳'), 1); // xterm.js's default Unicode 6 widths
  assert.equal(cells('日本'), 4);
  assert.equal(cells('e\u0301'), 1);
});

test('place: a wide character that does not fit in the last cell goes whole to the next row', () => {
  assert.deepEqual(place('abc日', 4), { row: 1, col: 2 });
  assert.deepEqual(place('abcd', 4, null), { row: 0, col: 4 });
  assert.deepEqual(place('abc', 4, '日'), { row: 1, col: 0 });
});

test('editing a line with CJK wrapped over rows leaves no stale cells', async () => {
  const t = makeTerminal({ cols: 10 });
  // "$ echo " is 7 cells: 日 fits at 7-8, 本 (2 cells) no longer fits in the last one and wraps
  t.con.input('echo 日本語');
  await t.idle();
  assert.equal(t.text(), '$ echo 日\n本語');
  assert.deepEqual(t.screen.cursor(), { row: 1, col: 4 });
  t.con.input('\x1b[D\x1b[D\x7f');
  await t.idle();
  assert.equal(t.text(), '$ echo 本\n語');
  assert.deepEqual(t.screen.cursor(), { row: 0, col: 7 });
  t.con.input('\x01\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~');
  await t.idle();
  assert.equal(t.text(), '$ 本語');
  t.con.input('\r');
  await t.idle();
  assert.equal(t.shell().ran.at(-1), '本語');
});

test('a combining accent takes no cell: the cursor stays right after it', async () => {
  const t = makeTerminal({ cols: 20 });
  t.con.input('echo cafe\u0301 ok\x1b[D\x1b[D\x1b[D');
  await t.idle();
  assert.equal(t.text(), '$ echo cafe\u0301 ok');
  assert.deepEqual(t.screen.cursor(), { row: 0, col: 11 });
});

test('Left, Backspace and Delete take a letter with its combining accent as one character', async () => {
  const t = makeTerminal();
  t.con.input('echo cafe\u0301\x7f' + 'e\u0301!' + '\x1b[D\x1b[D' + 'X' + '\x1b[3~' + '\r');
  await t.idle();
  assert.equal(t.shell().ran.at(-1), 'echo cafX!');
});
