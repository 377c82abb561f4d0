/** GNU nano: the title bar, the text, the status line and two rows of shortcuts. */
import { arrow, at, inv, isBs, isText, keyEnd, keyHome, size, type Text } from './editor';
import type { FullScreen, Out } from './types';

const menu = (s: string) => s.split('|').map((x) => [x.slice(0, x.indexOf(' ')), x.slice(x.indexOf(' ') + 1)]);
/** The main menu in nano's order (a pair per column), as many as the width holds. */
const MAIN = menu('^G Help|^X Exit|^O Write Out|^R Read File|^W Where Is|^\\ Replace|^K Cut|^U Paste|^T Execute|^J Justify|^C Location|^/ Go To Line|M-U Undo|M-E Redo|M-A Set Mark|M-6 Copy');
const WRITE = menu('^G Help|^C Cancel|M-D DOS Format|M-M Mac Format|M-A Append|M-P Prepend|M-B Backup File|^T Browse');
const FIND = menu('^G Help|^C Cancel|M-C Case Sens|M-R Reg.exp.|M-B Backwards|^R Replace|^P Older|^N Newer|^T Go To Line');
const GOTO = menu('^G Help|^C Cancel|^W Begin of Paragr.|^O End of Paragraph|^Y First Line|^V Last Line|^T Go To Text');
const YES = 'Save modified buffer?';
const HELP = menu('^L Refresh|^X Close|^Y Prev Page|^V Next Page|^P Prev Line|^N Next Line|M-\\ First Line|M-/ Last Line|^W Where Is|^Q Where Was|M-Q Previous|M-W Next');
/** help_init()'s main text after its title: the introduction, then the first two of the shortcuts. */
const HELP_TEXT = " The nano editor is designed to emulate the functionality and ease-of-use of the UW Pico text editor.  There are four main sections of the editor.  The top line shows the program version, the current filename being edited, and whether or not the file has been modified.  Next is the main editor window showing the file being edited.  The status line is the third line from the bottom and shows important messages.  The bottom two lines show the most commonly used shortcuts in the editor.\n\n Shortcuts are written as follows: Control-key sequences are notated with a '^' and can be entered either by using the Ctrl key or pressing the Esc key twice.  Meta-key sequences are notated with 'M-' and can be entered using either the Alt, Cmd, or Esc key, depending on your keyboard setup.  Also, pressing Esc twice and then typing a three-digit decimal number from 000 to 255 will enter the character with the corresponding value.  The following keystrokes are available in the main editor window.  Alternative keys are shown in parentheses:\n\n^G     (F1)      Display this help text\n^X     (F2)      Close the current buffer / Exit from nano";

/** wrap_help_text_into_buffer(): a blank line first, then each paragraph broken at the last blank before the 40..74th column. */
function helpLines(C: number): string[] {
  const goal = Math.min(Math.max(C, 40), 74);
  const out = [' '];
  for (let p of HELP_TEXT.split('\n')) {
    for (let i; p.length >= goal && (i = p.lastIndexOf(' ', goal - 1)) > 0; p = p.slice(i + 1).replace(/^ +/, '')) out.push(p.slice(0, i));
    out.push(p);
  }
  return out;
}

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
/** printf's `%*d`: as wide as `w` is long. */
const pad = (n: number, w: number) => String(n).padStart(String(w).length);

/** A question on the status line: the answer typed so far, its menu, and what Enter does with it. */
interface Ask { q: string; a: string; m: string[][]; go(a: string): number | void }

export function nano(t: Text, read: number | string | undefined, version: string): FullScreen {
  let msg = !t.name ? '' : read === undefined ? 'New File' : typeof read === 'number' ? `Read ${lines(read)}` : `Error reading ${t.name}: ${read}`;
  // nano blanks a message after 26 keystrokes, as Pico does
  let left = 26;
  let ask: Ask | null = null;
  let cut: string[] = [];
  // what the last key changed (and on which line): typing, deleting and cutting in a row undo together
  let last = '';
  let prev = '';
  let find = '';
  let rows = 20;
  const say = (m: string) => void ([msg, left] = [m, 26]);
  const change = (kind: string, joins = 0) => {
    if (!joins || prev !== kind + t.y) t.mark(kind);
    [last, t.dirty] = [kind + t.y, true];
  };
  const write = (name: string): boolean => {
    const r = t.save(name);
    if (typeof r === 'string') return say(`Error writing ${name}: ${r}`), false;
    t.name = name;
    say(`Wrote ${lines(r[0])}`);
    return true;
  };
  const question = (q: string, a: string, m: string[][], go: Ask['go']) => void (ask = { q, a, m, go });
  /** Puts the cursor there; a line off the screen comes to its middle (adjust_viewport(CENTERING)). */
  const jump = (y: number, x: number, centre = false) => {
    [t.y, t.x] = [y, Math.min(x, t.lines[y].length)];
    if (centre || y < t.top || y >= t.top + rows) t.top = Math.max(0, y - (rows >> 1));
  };
  /** findnextstr(): case-insensitive, from after the cursor round to it, saying when it wrapped or found only itself. */
  const seek = () => {
    if (!find) return say('No current search pattern');
    const r = t.hit(new RegExp(find.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'), 'gi'));
    if (!r) return say(`"${find}" not found`);
    say(r[0] === t.off ? 'This is the only occurrence' : r[1] ? 'Search Wrapped' : '');
    t.off = r[0];
    jump(t.y, t.x);
  };
  /** report_cursor_position(): each of line, column and character as `%*d/%d (%d%%)`, the last (empty) line counted. */
  const where = () => {
    const part = (a: number, b: number, wa: number, wp = 10, wb = 1) => `${pad(a, wa)}/${pad(b, wb)} (${pad(b && ((100 * a) / b) | 0, wp)}%)`;
    const [n, all, w] = [t.lines.length, t.lines.join('\n').length, t.line.length + 1];
    say(`line ${part(t.y + 1, n, n)}, col ${part(t.x + 1, w, 10, 100, 10)}, char ${part(t.off, all, all)}`);
  };
  /** do_gotolinecolumn(): "line", "line,column", negative from the end. */
  const goTo = (a: string) => {
    const m = /^ *(-?\d+)?(?:[,. /;m] *(-?\d+))? *$/.exec(a);
    if (!m || !(m[1] ?? m[2])) return say('Invalid line or column number');
    const n = t.lines.length;
    let [y, x] = [+(m[1] ?? t.y + 1), +(m[2] ?? 1)];
    y = Math.min(n, Math.max(1, y < 0 ? n + y + 1 : y)) - 1;
    jump(y, Math.max(1, x < 0 ? t.lines[y].length + x + 2 : x) - 1, true);
  };
  const undo = (redo: boolean) => {
    const r = t.undo(redo);
    say(r ? `${redo ? 'Redid' : 'Undid'} ${r[1].tag}` : `Nothing to ${redo ? 'redo' : 'undo'}`);
  };
  /** do_page_up/down(): the screen moves by all its rows but two, and stops at the first or last line. */
  const page = (d: number) => {
    const m = rows - 2;
    const top = t.top + d * m;
    if (top < 0 || top >= t.lines.length) return jump(d < 0 ? 0 : t.lines.length - 1, d < 0 ? 0 : 1e9);
    t.top = top;
    jump(Math.min(t.lines.length - 1, t.y + d * m), t.x);
  };
  // ^G: the help text in place of the file, its title in place of the name, until ^X
  let help = false;
  const draw = (o: Out) => {
    const [R, C] = size(o);
    const v = '  GNU nano ' + version;
    const path = help ? 'Main nano help text' : t.name || 'New Buffer';
    // titlebar(): the name centred between the version and room for "Modified"
    const title = (v.padEnd(v.length + 1 + Math.max(0, (C - v.length - 12 - path.length) >> 1)) + path).padEnd(C);
    if (help) return o.out('\x1b[H\x1b[2J' + at(1) + inv(title.slice(0, C)) + helpLines(C).slice(0, R - 4).map((l, i) => at(2 + i) + l.slice(0, C)).join('') + bars(HELP, R, C));
    let s = t.page(C, 2, R - 4, true) + at(1) + inv((t.dirty ? title.slice(0, C - 10) + 'Modified  ' : title).slice(0, C));
    const q = ask && `${ask.q}${ask.q === YES ? ' ' : ': '}`;
    if (ask) s += at(R - 2) + inv(`${q}${ask.a}`.padEnd(C).slice(0, C));
    else if (msg) s += at(R - 2, ((C - msg.length - 4) >> 1) + 1) + inv(`[ ${msg} ]`);
    s += ask?.q === YES ? at(R - 1) + inv(' Y') + ' Yes' + at(R) + inv(' N') + ' No' + at(R, 17) + inv('^C') + ' Cancel' : bars(ask ? ask.m : MAIN, R, C);
    o.out(s + (ask ? at(R - 2, Math.min(C, q!.length + ask.a.length + 1)) : t.cursor));
  };
  const done = (o: Out) => (o.out('\x1b[?1049l'), 0);
  return {
    key(k, o) {
      rows = size(o)[0] - 4;
      [prev, last] = [last, ''];
      const meta = k.toLowerCase();
      if (k && msg && !--left) msg = '';
      if (help) help = k !== '\x18';
      else if (k === '\x07' && !ask) help = true;
      else if (ask?.q === YES) {
        if (/^[yY]$/.test(k)) question('File Name to Write', t.name, WRITE, (a) => (write(a) ? 0 : undefined));
        else if (/^[nN]$/.test(k)) return done(o);
        else if (k === '\x03') (ask = null), say('Cancelled');
      } else if (ask) {
        const a = ask;
        if (k === '\r') {
          ask = null;
          if (!a.a && a.m !== FIND) say('Cancelled');
          else if (a.go(a.a) === 0) return done(o);
        } else if (k === '\x03') (ask = null), say('Cancelled');
        else if (isBs(k)) a.a = a.a.slice(0, -1);
        else if (isText(k)) a.a += k;
      } else if (k === '\x18') {
        if (!t.dirty) return done(o);
        question(YES, '', [], () => {});
      } else if (k === '\x0f') question('File Name to Write', t.name, WRITE, (a) => void write(a));
      else if (k === '\x17') question('Search' + (find && ` [${find}]`), '', FIND, (a) => ((find = a || find) ? seek() : say('Cancelled')));
      else if (meta === '\x1bw') seek();
      else if (k === '\x1f' || meta === '\x1bg') question('Enter line number, column number', '', GOTO, goTo);
      else if (k === '\x03') where();
      else if (meta === '\x1bu' || meta === '\x1be') undo(meta === '\x1be');
      else if (k === '\x1b[5~' || k === '\x19' || k === '\x1b[6~' || k === '\x16') page(k === '\x1b[5~' || k === '\x19' ? -1 : 1);
      else if (k === '\x0b') {
        if (t.y < t.lines.length - 1 || t.line) {
          change('cut', 1);
          cut = [...(prev === last ? cut : []), t.lines.splice(t.y, 1)[0]];
          if (t.y === t.lines.length) t.lines.push('');
          t.x = 0;
        }
      } else if (k === '\x15' && !cut.length) say('Cutbuffer is empty');
      else if (k === '\x15') {
        change('paste');
        t.lines.splice(t.y, 0, ...cut);
        [t.y, t.x] = [t.y + cut.length, 0];
      } else if (k === '\r') change('line break'), t.enter();
      else if (isBs(k)) {
        if (t.x || t.y) change(t.x ? 'deletion' : 'line join', t.x), t.backspace();
      } else if (k === '\x1b[3~' || k === '\x04') {
        if (t.x < t.line.length || t.y < t.lines.length - 1) change(t.x < t.line.length ? 'deletion' : 'line join', +(t.x < t.line.length)), t.del();
      } else if (keyHome(k) || k === '\x01') t.x = 0;
      else if (keyEnd(k) || k === '\x05') t.x = t.line.length;
      else if (arrow(k, '\x10\x0e\x06\x02')) t.move(...arrow(k, '\x10\x0e\x06\x02')!, true);
      else if (isText(k)) change('addition', 1), t.insert(k);
      draw(o);
      return undefined;
    },
  };
}
