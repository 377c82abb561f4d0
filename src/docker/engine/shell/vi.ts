/** vim (Debian's vim.basic, with defaults.vim's ruler) and busybox vi: normal, insert and command-line modes. */
import { byteLength } from '../../common/sh/fs';
import { exists } from './package-files';
import { arrow, at, isBs, isText, keyEnd, keyHome, size, type Snap, type Text } from './editor';
import type { FullScreen, Out } from './types';

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;
/** A vim pattern in JavaScript: there `+ ? ( ) { } |` are literal unless escaped. */
function regex(p: string, flags = ''): RegExp | undefined {
  try {
    return new RegExp(p.replace(/\\?[+?(){}|]/g, (c) => c[1] ?? '\\' + c), flags);
  } catch {
    return undefined;
  }
}
/** Where words start: a run of keyword characters, or of other non-blank ones, or an empty line. */
const WORD = /(?<!\w)\w|(?<![^\w\s])[^\w\s]|^$/gm;
const first = (l: string) => l.search(/\S|$/);

export function vi(t: Text, read: number | string | undefined, bb: boolean): FullScreen {
  // 0 normal, 1 insert, 2 the command line (`lead`: `:` or a search's `/` or `?`)
  let mode = 0;
  let cmd = '';
  let lead = ':';
  let pending = '';
  let count = 0;
  let reg: { l: string[]; whole: boolean } | undefined;
  let pat = '';
  let back = false;
  // the change number vim shows, and the state an insert started from
  let seq = 0;
  let pre: Snap | undefined;
  let typed = false;
  let msg = bb || !t.name ? '' : read === undefined ? `"${t.name}" [New]` : typeof read === 'string' ? `"${t.name}" [Permission Denied]` : `"${t.name}" ${read}L, ${byteLength(t.lines.join('\n') + '\n')}B`;
  // vim's ErrorMsg is white on red and its WarningMsg red; busybox's "bold" messages are reverse video
  const err = (m: string, warn = 0) => void (msg = `\x1b[${bb ? 7 : warn ? 31 : '97;41'}m${m}\x1b[0m`);
  const change = (s = t.snap()) => t.mark(((s.tag = String(++seq)), s));
  /** vim tells of more than 'report' (2) lines; busybox of every yank, delete and put, from its register D. */
  const tell = (n: number, m: string, op: string, r = reg!, c = 1) => {
    const s = r.l.join('\n') + (r.whole ? '\n' : '');
    if (bb) msg = `${op} ${(s.split('\n').length - 1) * c} lines (${s.length * c} chars) from [D]`;
    else if (n > 2) msg = m;
  };
  const search = (p: string, rev: boolean) => {
    if (!p) return err(bb ? 'No previous search' : 'E35: No previous regular expression');
    const re = regex(p, 'gm');
    const r = re && t.hit(re, rev);
    if (!r) return err(bb ? 'Pattern not found' : `E486: Pattern not found: ${p}`);
    t.off = r[0];
    if (r[1]) err(`search hit ${rev ? 'TOP, continuing at BOTTOM' : 'BOTTOM, continuing at TOP'}`, 1);
    else if (!bb) msg = (rev ? '?' : '/') + p;
  };
  const undo = (redo: boolean) => {
    const r = t.undo(redo);
    if (!r) return void (msg = bb ? 'Already at oldest change' : `Already at ${redo ? 'newest' : 'oldest'} change`);
    const [a, b] = [r[0].l, r[1].l];
    // busybox tells what its last undo record put back or took out, and where (its text ends in a newline)
    if (bb) {
      const [A, B] = [a.join('\n') + '\n', b.join('\n') + '\n'];
      let i = 0;
      while (i < A.length && A[i] === B[i]) i++;
      t.off = i;
      return void (msg = `Undo [${t.past.length + 1}] ${B.length < A.length ? 'deleted' : 'restored'} ${Math.abs(B.length - A.length)} chars at position ${i}`);
    }
    // vim: the first line changed, on the column the change was made from when it is that line
    let y = 0;
    while (y < b.length - 1 && a[y] === b[y]) y++;
    [t.y, t.x] = [y, r[1].y === y ? r[1].x : first(b[y])];
    // u_undo_end(): lines gained or lost, else lines changed; an emptied buffer counts no line
    const d = a.length - b.length + +(b.length === 1 && !b[0]);
    const n = Math.abs(d) || b.filter((l, i) => l !== a[i]).length || 1;
    const s = ((t.sh.m.now() - r[1].at) / 1000) | 0;
    msg = `${d < 0 ? plural(n, 'more line') : d ? plural(n, 'line less', 'fewer lines') : plural(n, 'change')}; ${redo ? 'after' : 'before'} #${r[1].tag}  ${plural(s, 'second')} ago`;
  };
  const subst = (all: string, p: string, r: string, g: string) => {
    const [re, each] = [regex(p || pat, g), regex(p || pat, 'g')];
    const to = r.replace(/\$|\\?&|\\./g, (m) => (m === '$' ? '$$' : m === '&' ? '$&' : /\d/.test(m[1]) ? '$' + m[1] : m[1]));
    const s = t.snap();
    let subs = 0;
    let lines = 0;
    for (let y = all ? 0 : t.y; re && each && y < (all ? t.lines.length : t.y + 1); y++) {
      const k = (t.lines[y].match(each) ?? []).length;
      if (!k) continue;
      [t.lines[y], subs, lines, t.y] = [t.lines[y].replace(re, to), subs + (g ? k : 1), lines + 1, y];
    }
    if (!subs) return err(bb ? 'No match' : `E486: Pattern not found: ${p || pat}`);
    change(s);
    [t.x, t.dirty] = [first(t.line), true];
    if (bb ? subs > 1 : subs > 2) msg = bb ? `${subs} substitutions on ${lines} lines` : `${plural(subs, 'substitution')} on ${plural(lines, 'line')}`;
  };
  /** An ex command: undefined while the editor stays, the exit status when it ends. */
  const ex = (c: string): number | undefined => {
    const unsaved = () => err(bb ? `No write since last change (:${c}! overrides)` : 'E37: No write since last change (add ! to override)');
    if (!bb) msg = ':' + c;
    if (/^\d+$/.test(c)) return void ([t.y, t.x] = [Math.min(t.lines.length, +c || 1) - 1, 0]);
    let m = /^(%?)s\/((?:\\.|[^/])*)\/((?:\\.|[^/])*)\/?(g?)$/.exec(c);
    if (m) return subst(m[1], m[2], m[3], m[4]);
    if ((m = /^e(?:dit)?(!?)$/.exec(c))) {
      if (!t.name) return err(bb ? 'No current filename' : 'E32: No file name');
      if (t.dirty && !m[1]) return unsaved();
      const s = t.snap();
      const n = t.load();
      if (typeof n !== 'number') return;
      change(s);
      [t.y, t.dirty] = [Math.min(t.y, t.lines.length - 1), false];
      const b = byteLength(t.lines.join('\n') + '\n');
      msg = bb ? `'${t.name}' ${n}L, ${b}C` : `"${t.name}" ${n}L, ${b}B`;
      return;
    }
    m = /^(wq|w|x|q)a?(!?)(?:\s+(\S+))?$/.exec(c);
    if (!m) return c ? err(bb ? `'${c}' is not implemented` : `E492: Not an editor command: ${c}`) : undefined;
    const [, op, force, file] = m;
    if (op !== 'q' && (op !== 'x' || t.dirty || file)) {
      const name = file ?? t.name;
      if (!name) return err(bb ? 'No current filename' : 'E32: No file name');
      const fresh = !exists(t.sh.m.fs, name, t.sh.cwd);
      const r = t.save(name);
      if (typeof r === 'string') return err(bb ? `'${name}' ${r}` : `"${name}" E212: Can't open file for writing`);
      t.name ||= name;
      msg = bb ? `'${name}' ${r[0]}L, ${r[1]}C` : `"${name}" ${fresh ? '[New] ' : ''}${r[0]}L, ${r[1]}B written`;
      if (op === 'w') return;
    }
    if (op === 'q' && t.dirty && !force) return unsaved();
    return 0;
  };
  const draw = (o: Out) => {
    const [R, C] = size(o);
    let s = t.page(C, 1, R - 1, !bb, bb ? '~' : '\x1b[94m~\x1b[0m') + at(R);
    if (mode === 2) s += lead + cmd;
    else if (bb) s += msg || `${'-I'[mode]} ${t.name || 'No file'}${t.dirty ? ' [Modified]' : ''} ${t.y + 1}/${t.lines.length} ${Math.floor((100 * (t.y + 1)) / t.lines.length)}%`;
    else {
      // the ruler of defaults.vim: line,column and where the window stands in the file
      const above = t.top;
      const below = t.lines.length - above - (R - 1);
      const where = below <= 0 ? (above ? 'Bot' : 'All') : !above ? 'Top' : `${Math.floor((above * 100) / (above + below))}%`;
      s += (mode ? '\x1b[1m-- INSERT --\x1b[0m' : msg) + at(R, C - 17) + `${t.y + 1},${t.line ? t.x + 1 : '0-1'}`.padEnd(14) + where;
    }
    o.out(s + (mode === 2 ? at(R, 2 + cmd.length) : t.cursor));
  };
  /** One key: what it does to the text and the modes; the exit status when it leaves. */
  const step = (k: string): number | undefined => {
    if (bb && k) msg = '';
    const p = pending;
    pending = '';
    let code: number | undefined;
    const move = arrow(k, mode ? '' : 'kjlh');
    if (mode === 2) {
      if (k === '\r') {
        mode = 0;
        if (lead === ':') code = ex(cmd.trim());
        else search((pat = cmd || pat), (back = lead === '?'));
      } else if (k === '\x1b' || (isBs(k) && !cmd)) mode = 0;
      else if (isBs(k)) cmd = cmd.slice(0, -1);
      else if (isText(k)) cmd += k;
    } else if (mode === 1) {
      typed ||= k === '\r' || isBs(k) || k === '\x1b[3~' || isText(k);
      if (k === '\x1b') {
        [mode, msg, t.x] = [0, '', Math.max(0, t.x - 1)];
        if (typed) change(pre);
      } else if (k === '\r') t.enter();
      else if (isBs(k)) t.backspace();
      else if (k === '\x1b[3~') t.del();
      else if (move) t.move(...move);
      else if (isText(k)) t.insert(k);
    } else if (/^[1-9]$/.test(k) || (k === '0' && count)) count = count * 10 + +k;
    else {
      const n = count;
      const c = n || 1;
      count = 0;
      const L = t.lines;
      if (p + k === 'dd' || p + k === 'yy') {
        reg = { l: L.slice(t.y, t.y + c), whole: true };
        const d = reg.l.length;
        if (k === 'y') tell(d, `${d} lines yanked`, 'Yank');
        else {
          change();
          L.splice(t.y, d);
          if (!L.length) L.push(''), (msg = bb ? '' : '--No lines in buffer--');
          [t.y, t.dirty] = [Math.min(t.y, L.length - 1), true];
          t.x = first(t.line);
          tell(d, plural(d, 'line less', 'fewer lines'), 'Delete');
        }
      } else if (p + k === 'ZZ') code = ex('x');
      else if (p + k === 'gg' || k === 'G') (t.y = Math.min(k === 'G' ? n || L.length : c, L.length) - 1), (t.x = first(t.line));
      else if (/^[dyZg]$/.test(k)) [pending, count] = [k, n];
      else if (k === ':' || k === '/' || k === '?') [mode, cmd, lead] = [2, '', k];
      else if (k === 'n' || k === 'N') search(pat, back !== (k === 'N'));
      else if (k === 'u') undo(false);
      else if (k === '\x12' && !bb) undo(true);
      else if (k === 'p' || k === 'P') {
        if (!reg) err(bb ? 'Nothing in register D' : 'E353: Nothing in register "');
        else if (change(), reg.whole) {
          const ls = Array<string[]>(c).fill(reg.l).flat();
          L.splice((t.y += +(k === 'p')), 0, ...ls);
          t.x = first(ls[0]);
          tell(ls.length, plural(ls.length, 'more line'), 'Put', reg, c);
          t.dirty = true;
        } else {
          const s = reg.l[0].repeat(c);
          const x = t.line ? t.x + +(k === 'p') : 0;
          [t.line, t.x] = [t.line.slice(0, x) + s + t.line.slice(x), x + s.length - 1];
          tell(0, '', 'Put', reg, c);
        }
      } else if (/^[iaAIoO]$/.test(k)) {
        [mode, pre, typed] = [1, t.snap(), /[oO]/.test(k)];
        if (k === 'a') t.x = Math.min(t.x + 1, t.line.length);
        if (k === 'A') t.x = t.line.length;
        if (k === 'I') t.x = first(t.line);
        if (typed) L.splice((t.y += +(k === 'o')), 0, ''), ([t.x, t.dirty] = [0, true]);
      } else if ((k === 'x' || k === '\x1b[3~') && t.line) {
        change();
        reg = { l: [t.line.slice(t.x, t.x + c)], whole: false };
        t.line = t.line.slice(0, t.x) + t.line.slice(t.x + c);
      } else if (k === 'w' || k === 'b') {
        for (let i = 0, r; i < c; i++) (r = t.hit(WORD, k === 'b')) && !r[1] ? (t.off = r[0]) : k === 'w' && ([t.y, t.x] = [L.length - 1, 1e9]);
      }
      else if (k === '0' || keyHome(k)) t.x = 0;
      else if (k === '^') t.x = first(t.line);
      else if (k === '$' || keyEnd(k)) t.x = t.line.length;
      else if (move) t.move(move[0] * c, move[1] * c);
      else if (k === '\x03' && !bb) msg = 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim';
    }
    // the normal mode's cursor stands on a character
    if (!mode) t.x = Math.min(t.x, Math.max(0, t.line.length - 1));
    return code;
  };
  return {
    key(k, o) {
      // typed text comes in runs: each character is a command in normal mode; the screen is drawn once after them
      let code: number | undefined;
      for (const c of k.length > 1 && isText(k) ? k : [k]) if ((code = step(c)) !== undefined) break;
      if (code !== undefined) {
        const [R] = size(o);
        o.out(bb ? at(R) + '\x1b[K' : '\x1b[?1049l');
        return code;
      }
      draw(o);
      return undefined;
    },
  };
}
