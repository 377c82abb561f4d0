import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TERMINAL_KEYS } from '../../../src/deck/help-overlay';
import { KEY } from '../../../src/terminal/keys';

const listed = TERMINAL_KEYS.flatMap(([keys]) => keys.flatMap((k) => k.split(/,\s*/)));

test('the keyboard help lists every key the terminal handles', () => {
  for (const key of [
    'Ctrl + Intro',
    'Ctrl + R',
    'Alt + Retroceso',
    'Ctrl + W',
    'Ctrl + P',
    'Ctrl + Q',
    'Ctrl + D',
    'Ctrl + C',
    'Ctrl + L',
    'Ctrl + U',
    'Ctrl + K',
    'Ctrl + A',
    'Ctrl + E',
    'Tab',
    'Esc',
    '↑',
    '↓',
  ]) {
    assert.ok(listed.includes(key), `falta ${key} en la ayuda`);
  }
  const detach = TERMINAL_KEYS.find(([keys]) => keys.some((k) => /Ctrl \+ P.*Ctrl \+ Q/.test(k)));
  assert.ok(detach, 'Ctrl+P Ctrl+Q aparece como una secuencia');
  assert.match(detach[1], /separarse|detach/i);
  const search = TERMINAL_KEYS.find(([keys]) => keys.includes('Ctrl + R'));
  assert.match(search![1], /historial/i);
});

test('every Ctrl + letter the help lists is a key the terminal knows', () => {
  for (const k of listed) {
    const m = /^Ctrl \+ ([A-Z])$/.exec(k);
    if (m) assert.ok(`ctrl${m[1]}` in KEY, `${k} no existe en el terminal`);
  }
});
