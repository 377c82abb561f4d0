/**
 * Splits what the terminal emulator hands us (typed keys, escape sequences, pasted text) into
 * single keys, so that the line editor sees one key at a time, in order, whatever the chunking.
 */

const ESC = '\x1b';

/**
 * Cuts `data` into keys. A chunk may end in the middle of a CSI sequence or a bracketed paste;
 * the unfinished tail is returned as `rest` to be prefixed to the next chunk.
 */
export function splitKeys(data: string): { keys: string[]; rest: string } {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    const ch = data[i];
    if (ch !== ESC) {
      // A surrogate pair is one key (emoji, rare symbols).
      const code = data.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < data.length) {
        keys.push(data.slice(i, i + 2));
        i += 2;
      } else {
        keys.push(ch);
        i += 1;
      }
      continue;
    }
    if (i + 1 >= data.length) {
      // A lone Escape: the emulator never splits a sequence right after its ESC.
      keys.push(ESC);
      i += 1;
      continue;
    }
    const next = data[i + 1];
    if (next === '[') {
      // CSI: parameters and intermediates up to a final byte in @..~
      let j = i + 2;
      while (j < data.length && !(data.charCodeAt(j) >= 0x40 && data.charCodeAt(j) <= 0x7e)) j++;
      if (j >= data.length) return { keys, rest: data.slice(i) };
      const seq = data.slice(i, j + 1);
      if (seq === '\x1b[200~') {
        // Bracketed paste: everything up to the closing marker is literal text.
        const end = data.indexOf('\x1b[201~', j + 1);
        if (end < 0) return { keys, rest: data.slice(i) };
        for (const c of data.slice(j + 1, end).replace(/\r\n|\n/g, '\r')) keys.push(c);
        i = end + 6;
        continue;
      }
      keys.push(seq);
      i = j + 1;
      continue;
    }
    if (next === 'O') {
      if (i + 2 >= data.length) return { keys, rest: data.slice(i) };
      keys.push(data.slice(i, i + 3));
      i += 3;
      continue;
    }
    // Alt+key arrives as ESC followed by the key.
    keys.push(data.slice(i, i + 2));
    i += 2;
  }
  return { keys, rest: '' };
}

/** Names for the keys the line editor understands. */
export const KEY = {
  enter: '\r',
  lineFeed: '\n',
  tab: '\t',
  backspace: '\x7f',
  ctrlH: '\x08',
  ctrlA: '\x01',
  ctrlB: '\x02',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlE: '\x05',
  ctrlF: '\x06',
  ctrlG: '\x07',
  ctrlK: '\x0b',
  ctrlL: '\x0c',
  ctrlN: '\x0e',
  ctrlP: '\x10',
  ctrlQ: '\x11',
  ctrlR: '\x12',
  ctrlU: '\x15',
  ctrlW: '\x17',
  ctrlY: '\x19',
  altD: '\x1bd',
  altBackspace: '\x1b\x7f',
  up: ['\x1b[A', '\x1bOA'],
  down: ['\x1b[B', '\x1bOB'],
  right: ['\x1b[C', '\x1bOC'],
  left: ['\x1b[D', '\x1bOD'],
  home: ['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~'],
  end: ['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~'],
  delete: ['\x1b[3~'],
  wordLeft: ['\x1b[1;5D', '\x1bb', '\x1b[1;3D'],
  wordRight: ['\x1b[1;5C', '\x1bf', '\x1b[1;3C'],
} as const;

/** True for a key that inserts itself: printable characters, not controls or sequences. */
export function isPrintable(key: string): boolean {
  if (key.length === 0 || key[0] === '\x1b') return false;
  const code = key.codePointAt(0)!;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}
