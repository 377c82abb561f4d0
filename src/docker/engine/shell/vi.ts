/** vim (Debian's vim.basic, with defaults.vim's ruler) and busybox vi: normal, insert and `:` modes. */
import { byteLength } from '../../common/sh/fs';
import { exists } from './package-files';
import { arrow, at, isBs, isText, keyEnd, keyHome, size, type Text } from './editor';
import type { FullScreen, Out } from './types';

export function vi(t: Text, read: number | string | undefined, bb: boolean): FullScreen {
  // 0 normal, 1 insert, 2 the `:` command line
  let mode = 0;
  let cmd = '';
  let pending = '';
  let msg = bb || !t.name ? '' : read === undefined ? `"${t.name}" [New]` : typeof read === 'string' ? `"${t.name}" [Permission Denied]` : `"${t.name}" ${read}L, ${byteLength(t.lines.join('\n') + '\n')}B`;
  // vim's ErrorMsg is white on red; busybox's "bold" messages are reverse video
  const err = (m: string) => void (msg = `\x1b[${bb ? 7 : '97;41'}m${m}\x1b[0m`);
  /** An ex command: undefined while the editor stays, the exit status when it ends. */
  const ex = (c: string): number | undefined => {
    if (/^\d+$/.test(c)) return void ([t.y, t.x] = [Math.min(t.lines.length, +c || 1) - 1, 0]);
    const m = /^(wq|w|x|q)a?(!?)(?:\s+(\S+))?$/.exec(c);
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
    if (op === 'q' && t.dirty && !force) return err(bb ? `No write since last change (:${c}! overrides)` : 'E37: No write since last change (add ! to override)');
    return 0;
  };
  const draw = (o: Out) => {
    const [R, C] = size(o);
    let s = t.page(C, 1, R - 1, !bb, bb ? '~' : '\x1b[94m~\x1b[0m') + at(R);
    if (mode === 2) s += ':' + cmd;
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
      if (k === '\r') [mode, code] = [0, ex(cmd.trim())];
      else if (k === '\x1b' || (isBs(k) && !cmd)) mode = 0;
      else if (isBs(k)) cmd = cmd.slice(0, -1);
      else if (isText(k)) cmd += k;
    } else if (mode === 1) {
      if (k === '\x1b') [mode, msg, t.x] = [0, '', Math.max(0, t.x - 1)];
      else if (k === '\r') t.enter();
      else if (isBs(k)) t.backspace();
      else if (k === '\x1b[3~') t.del();
      else if (move) t.move(...move);
      else if (isText(k)) t.insert(k);
    } else if (p + k === 'dd') {
      t.lines.splice(t.y, 1);
      if (!t.lines.length) t.lines.push('');
      [t.y, t.x, t.dirty] = [Math.min(t.y, t.lines.length - 1), 0, true];
    } else if (p + k === 'ZZ') code = ex('x');
    else if (/^[dZ]$/.test(k)) pending = k;
    else if (k === ':') [mode, cmd] = [2, ''];
    else if (/^[iaAIoO]$/.test(k)) {
      mode = 1;
      if (k === 'a') t.x = Math.min(t.x + 1, t.line.length);
      if (k === 'A') t.x = t.line.length;
      if (k === 'I') t.x = t.line.search(/\S|$/);
      if (/[oO]/.test(k)) t.lines.splice((t.y += +(k === 'o')), 0, ''), ([t.x, t.dirty] = [0, true]);
    } else if ((k === 'x' || k === '\x1b[3~') && t.line) t.line = t.line.slice(0, t.x) + t.line.slice(t.x + 1);
    else if (k === 'G') t.y = t.lines.length - 1;
    else if (k === '0' || keyHome(k)) t.x = 0;
    else if (k === '$' || keyEnd(k)) t.x = t.line.length;
    else if (move) t.move(...move);
    else if (k === '\x03' && !bb) msg = 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim';
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
