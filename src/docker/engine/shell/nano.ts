/** GNU nano: the title bar, the text, the status line and two rows of shortcuts. */
import { arrow, at, inv, isBs, isText, keyEnd, keyHome, size, type Text } from './editor';
import type { FullScreen, Out } from './types';

const menu = (s: string) => s.split('|').map((x) => [x.slice(0, x.indexOf(' ')), x.slice(x.indexOf(' ') + 1)]);
/** The main menu in nano's order (a pair per column), as many as the width holds. */
const MAIN = menu('^G Help|^X Exit|^O Write Out|^R Read File|^W Where Is|^\\ Replace|^K Cut|^U Paste|^T Execute|^J Justify|^C Location|^/ Go To Line|M-U Undo|M-E Redo|M-A Set Mark|M-6 Copy');
const WRITE = menu('^G Help|^C Cancel|M-D DOS Format|M-M Mac Format|M-A Append|M-P Prepend|M-B Backup File|^T Browse');
const YES = 'Save modified buffer?';

/** bottombars(): columns of equal width, the last two items taking the slack (the item count is even). */
function bars(items: string[][], R: number, C: number): string {
  const n = Math.min(items.length, Math.floor((C + 40) / 20) * 2);
  const w = Math.floor(C / Math.floor((n + 1) / 2));
  return items.slice(0, n).map(([k, tag], i) => {
    const room = w + (i + 2 >= n ? C % w : 0) - k.length;
    return at(R - 1 + (i % 2), 1 + Math.floor(i / 2) * w) + inv(k) + (room < 2 ? '' : ' ' + tag.slice(0, room - 1));
  }).join('');
}

const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;

export function nano(t: Text, read: number | string | undefined, version: string): FullScreen {
  let msg = !t.name ? '' : read === undefined ? 'New File' : typeof read === 'number' ? `Read ${lines(read)}` : `Error reading ${t.name}: ${read}`;
  // nano blanks a message after 26 keystrokes, as Pico does
  let left = 26;
  let ask: { q: string; a: string; exit: boolean } | null = null;
  let cut: string[] = [];
  let cutting = false;
  const say = (m: string) => void ([msg, left] = [m, 26]);
  const write = (name: string): boolean => {
    const r = t.save(name);
    if (typeof r === 'string') return say(`Error writing ${name}: ${r}`), false;
    t.name = name;
    say(`Wrote ${lines(r[0])}`);
    return true;
  };
  const draw = (o: Out) => {
    const [R, C] = size(o);
    const v = '  GNU nano ' + version;
    const path = t.name || 'New Buffer';
    // titlebar(): the name centred between the version and room for "Modified"
    const title = (v.padEnd(v.length + 1 + Math.max(0, (C - v.length - 12 - path.length) >> 1)) + path).padEnd(C);
    let s = t.page(C, 2, R - 4, true) + at(1) + inv((t.dirty ? title.slice(0, C - 10) + 'Modified  ' : title).slice(0, C));
    if (ask) s += at(R - 2) + inv(`${ask.q}${ask.q === YES ? ' ' : ': '}${ask.a}`.padEnd(C).slice(0, C));
    else if (msg) s += at(R - 2, ((C - msg.length - 4) >> 1) + 1) + inv(`[ ${msg} ]`);
    s += ask?.q === YES ? at(R - 1) + inv(' Y') + ' Yes' + at(R) + inv(' N') + ' No' + at(R, 17) + inv('^C') + ' Cancel' : bars(ask ? WRITE : MAIN, R, C);
    o.out(s + (ask ? at(R - 2, Math.min(C, ask.q.length + ask.a.length + 3)) : t.cursor));
  };
  const done = (o: Out) => (o.out('\x1b[?1049l'), 0);
  return {
    key(k, o) {
      const wasCutting = cutting;
      cutting = false;
      if (k && msg && !--left) msg = '';
      if (ask?.q === YES) {
        if (/^[yY]$/.test(k)) ask = { q: 'File Name to Write', a: t.name, exit: true };
        else if (/^[nN]$/.test(k)) return done(o);
        else if (k === '\x03') (ask = null), say('Cancelled');
      } else if (ask) {
        if (k === '\r') {
          const exit = ask.exit && !!ask.a && write(ask.a);
          if (!ask.a) say('Cancelled');
          else if (!ask.exit) write(ask.a);
          ask = null;
          if (exit) return done(o);
        } else if (k === '\x03') (ask = null), say('Cancelled');
        else if (isBs(k)) ask.a = ask.a.slice(0, -1);
        else if (isText(k)) ask.a += k;
      } else if (k === '\x18') {
        if (!t.dirty) return done(o);
        ask = { q: YES, a: '', exit: true };
      } else if (k === '\x0f') ask = { q: 'File Name to Write', a: t.name, exit: false };
      else if (k === '\x0b') {
        if (t.y < t.lines.length - 1 || t.line) {
          cut = [...(wasCutting ? cut : []), t.lines.splice(t.y, 1)[0]];
          if (t.y === t.lines.length) t.lines.push('');
          [t.x, t.dirty, cutting] = [0, true, true];
        }
      } else if (k === '\x15' && !cut.length) say('Cutbuffer is empty');
      else if (k === '\x15') {
        t.lines.splice(t.y, 0, ...cut);
        [t.y, t.x, t.dirty] = [t.y + cut.length, 0, true];
      } else if (k === '\r') t.enter();
      else if (isBs(k)) t.backspace();
      else if (k === '\x1b[3~' || k === '\x04') t.del();
      else if (keyHome(k) || k === '\x01') t.x = 0;
      else if (keyEnd(k) || k === '\x05') t.x = t.line.length;
      else if (arrow(k, '\x10\x0e\x06\x02')) t.move(...arrow(k, '\x10\x0e\x06\x02')!, true);
      else if (isText(k)) t.insert(k);
      draw(o);
      return undefined;
    },
  };
}
