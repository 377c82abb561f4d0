/**
 * `sed [-n] [-E] [-s] [-i[SUFFIX]] [-e SCRIPT]… [SCRIPT] [FILE]…`: GNU sed's commands (`s`, `y`,
 * `a` `i` `c` in their one-line and `a\` forms, `d` `D` `n` `N` `p` `P`, the hold space, `b` `t`
 * `T` and labels, `{…}`, `q` `Q`, `=`, `l`, `r`) after addresses (`N`, `$`, `/re/`, `\%re%`,
 * `first~step`, `0,/re/`, `A,+N`, `A,~N`, `!`), with GNU's messages (busybox's where they differ).
 */
import { bbHead } from './opts';
import { reason } from './fs';
import { lines } from './text';
import type { IO, ShellLike } from './types';

/** An address: a line (`step` for `first~step`), the last one, a regex (null: the last one used), or `+N`/`~N` after a comma. */
interface Addr { n?: number; step?: number; last?: boolean; re?: RegExp | null; plus?: number; mult?: number }
interface SedCmd { a1?: Addr; a2?: Addr; not: boolean; c: string; active?: boolean; end?: number; re?: RegExp | null; rep?: string; global?: boolean; nth?: number; print?: boolean; text?: string; label?: string; jump?: number; code?: number; from?: string; to?: string }

class SedError extends Error {
  constructor(msg: string, readonly status = 1) {
    super(msg);
  }
}

const CLASS: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: '0-9a-zA-Z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~' };

/**
 * A POSIX regular expression, basic (or extended, `-E`), as a JavaScript one: in a BRE `\(` `\)`
 * `\{` `\}` `\|` `\+` `\?` are the operators and the bare ones literal; a bracket expression takes
 * its backslashes literally (but `\n` and `\t`, as sed and awk read them there) and knows
 * `[:digit:]` and the other classes; `\<` `\>` are word edges.
 */
export function posixRegex(src: string, ere: boolean, flags = ''): RegExp {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '[') {
      let j = i + 1;
      let set = '';
      if (src[j] === '^') (set = '^'), j++;
      for (let first = true; j < src.length && (first || src[j] !== ']'); first = false) {
        const cls = /^\[:(\w+):\]/.exec(src.slice(j));
        if (cls && CLASS[cls[1]]) (set += CLASS[cls[1]]), (j += cls[0].length);
        else if (src[j] === '\\' && /[nt]/.test(src[j + 1] ?? '')) (set += '\\' + src[j + 1]), (j += 2);
        else set += /[\\\]\[^]/.test(src[j]) ? '\\' + src[j++] : src[j++];
      }
      // an unclosed bracket is left for RegExp to refuse
      if (j >= src.length) return new RegExp('[', flags);
      out += `[${set}]`;
      i = j;
    } else if (c === '\\' && i + 1 < src.length) {
      const d = src[++i];
      out += !ere && '(){}|+?'.includes(d) ? d : d === 'n' ? '\n' : d === '<' ? '\\b(?=\\w)' : d === '>' ? '\\b(?<=\\w)' : /[\w.*[\]^$\\/(){}|+?]/.test(d) ? '\\' + d : d;
    } else if (c === '*' && !ere && (i === 0 || /(^|[^\\])\\\($|^\^$/.test(src.slice(0, i)))) out += '\\*';
    else out += !ere && '(){}|+?'.includes(c) ? '\\' + c : c;
  }
  return new RegExp(out, flags);
}

const ESC: Record<string, string> = { n: '\n', t: '\t' };
/** How `l` shows a character that is not printable. */
const SHOWN: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** `starts`: where each -e expression begins in `script`, for the messages' `expression #N, char C`. */
function parse(script: string, ere: boolean, starts = [0]): SedCmd[] {
  const cmds: SedCmd[] = [];
  const open: number[] = [];
  const labels: Record<string, number> = {};
  let i = 0;
  const fail = (what: string, at = i): never => {
    const e = Math.max(1, starts.filter((s) => s < at).length);
    throw new SedError(`-e expression #${e}, char ${at - starts[e - 1]}: ${what}`);
  };
  const blanks = () => {
    while (/[ \t]/.test(script[i] ?? '')) i++;
  };
  /** The text up to the next unescaped `delim`, stepping over it. */
  const until = (delim: string, what: string): string => {
    let s = '';
    for (; i < script.length && script[i] !== delim; i++) {
      if (script[i] === '\\' && script[i + 1] === delim) i++;
      else if (script[i] === '\\') s += script[i++];
      s += script[i];
    }
    if (i >= script.length) fail(what);
    i++;
    return s;
  };
  const regex = (src: string, flags: string) => (src ? posixRegex(src, ere, flags + 's') : null);
  const number = () => {
    const m = /^\d+/.exec(script.slice(i))?.[0];
    if (m) i += m.length;
    return m === undefined ? undefined : +m;
  };
  const addr = (): Addr | undefined => {
    const n = number();
    if (n !== undefined) return script[i] === '~' ? (i++, { n, step: number() ?? 0 }) : { n };
    if (script[i] === '$') return i++, { last: true };
    if (script[i] !== '/' && script[i] !== '\\') return undefined;
    if (script[i++] === '\\') i++;
    const re = until(script[i - 1], 'unterminated address regex');
    let flags = '';
    for (; /[IM]/.test(script[i] ?? ''); i++) if (script[i] === 'I') flags = 'i';
    return { re: regex(re, flags) };
  };
  /** The rest of the line (a label, a file name). */
  const word = (stops: RegExp) => {
    blanks();
    const at = i;
    while (i < script.length && !stops.test(script[i])) i++;
    return script.slice(at, i).trim();
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    if (script[i] === '#') {
      word(/\n/);
      continue;
    }
    const cmd: SedCmd = { not: false, c: '' };
    cmd.a1 = addr();
    if (cmd.a1 && script[i] === ',') {
      i++;
      blanks();
      const rel = /[+~]/.test(script[i]) ? script[i++] : '';
      const n = rel ? number() : undefined;
      cmd.a2 = rel ? (rel === '+' ? { plus: n } : { mult: n }) : addr();
      if (!cmd.a2 || (rel && n === undefined)) fail("unexpected `,'");
    }
    blanks();
    while (script[i] === '!') {
      cmd.not = true;
      i++;
      blanks();
    }
    const c = (cmd.c = script[i++] ?? fail('missing command'));
    if (cmd.a1?.n === 0 && cmd.a1.step === undefined && cmd.a2?.re === undefined) fail('invalid usage of line address 0');
    if (cmd.a2 && /[qQ]/.test(c)) fail('command only uses one address');
    if (c === '{') {
      open.push(cmds.length);
      cmds.push(cmd);
      continue;
    }
    if (c === '}') {
      if (!open.length) fail("unexpected `}'");
      cmds[open.pop()!].jump = cmds.length;
    } else if (c === ':') {
      if (cmd.a1) fail(': doesn\'t want any addresses');
      const l = word(/[;\n]/);
      if (!l) fail('":" lacks a label');
      labels[l] = cmds.length;
    } else if ('aic'.includes(c)) {
      // one-line GNU form (`a text`), `a\` and the text on the next lines, `a\  text` keeping its blanks
      blanks();
      if (script[i] === '\\') {
        i++;
        if (script[i] === '\n') i++;
      } else if (i >= script.length || script[i] === '\n') fail("expected \\ after `a', `c' or `i'");
      let t = '';
      while (i < script.length && script[i] !== '\n') t += script[i] === '\\' ? (i++, ESC[script[i++]] ?? script[i - 1] ?? '') : script[i++];
      cmd.text = t && t + '\n';
    } else if ('btT'.includes(c)) cmd.label = word(/[;\n}]/);
    else if (c === 'r') cmd.text = word(/\n/);
    else if (c === 's') {
      const delim = script[i++] ?? fail("unterminated `s' command");
      const re = until(delim, "unterminated `s' command");
      cmd.rep = until(delim, "unterminated `s' command");
      let flags = 'g';
      for (; i < script.length && !/[\s;}#]/.test(script[i]); i++) {
        const f = script[i];
        if (f === 'g') cmd.global = true;
        else if (f === 'p') cmd.print = true;
        else if (/[iI]/.test(f)) flags += 'i';
        else if (/\d/.test(f)) (cmd.nth = number()), i--;
        else if (f !== 'm' && f !== 'M') fail("unknown option to `s'", i + 1);
      }
      cmd.re = regex(re, flags);
    } else if (c === 'y') {
      const delim = script[i++] ?? fail("unterminated `y' command");
      const un = (s: string) => s.replace(/\\(.)/g, (_m, e: string) => ESC[e] ?? e);
      cmd.from = un(until(delim, "unterminated `y' command"));
      cmd.to = un(until(delim, "unterminated `y' command"));
      if (cmd.from.length !== cmd.to.length) fail("strings for `y' command are different lengths");
    } else if (c === 'q' || c === 'Q') {
      blanks();
      cmd.code = number();
    } else if (!'dDgGhHlnNpPxz='.includes(c)) fail(`unknown command: \`${c}'`);
    blanks();
    if (i < script.length && !/[;\n}#]/.test(script[i])) fail('extra characters after command');
    cmds.push(cmd);
  }
  if (open.length) fail("unmatched `{'", 0);
  for (const c of cmds)
    if (c.label !== undefined) {
      c.jump = c.label ? labels[c.label] : cmds.length;
      if (c.jump === undefined) throw new SedError(`can't find label for jump to \`${c.label}'`, 4);
    }
  return cmds;
}

/** `&` the match, `\1`… its groups, `\n` a newline, `\U` `\L` `\u` `\l` `\E` the case of what follows. */
function replacement(rep: string, m: string[]): string {
  let out = '';
  let mode = '';
  let one = '';
  const add = (s: string) => {
    for (const ch of s) {
      const c = mode === 'U' ? ch.toUpperCase() : mode === 'L' ? ch.toLowerCase() : ch;
      out += one ? (one === 'u' ? c.toUpperCase() : c.toLowerCase()) : c;
      one = '';
    }
  };
  for (const [x, e] of rep.matchAll(/\\([^])|&|[^\\&]+/g)) {
    if (e === undefined) add(x === '&' ? m[0] : x);
    else if (/\d/.test(e)) add(m[+e] ?? '');
    else if (/[ULE]/.test(e)) mode = e;
    else if (/[ul]/.test(e)) one = e;
    else add(ESC[e] ?? e);
  }
  return out;
}

/** What `l` prints: escapes for what is not printable, lines broken at 69 columns with a `\`. */
function shown(s: string): string {
  let out = '';
  let col = 0;
  for (const ch of s) {
    for (const b of unescape(encodeURIComponent(ch))) {
      const e = SHOWN[b] ?? (b < ' ' || b > '~' ? '\\' + b.charCodeAt(0).toString(8).padStart(3, '0') : b);
      if (col + e.length > 69) (out += '\\\n'), (col = 0);
      out += e;
      col += e.length;
    }
  }
  return out + '$\n';
}

export function sed(args: string[], io: IO, sh: ShellLike): number {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let ere = false;
  let separate = false;
  let inPlace = false;
  // -i takes what follows it in the same word as the backup's suffix (`-i.bak`, and `-in` too)
  let suffix = '';
  for (let k = 1; k < args.length; k++) {
    const a = args[k];
    if (a === '-e' || a === '--expression') scripts.push(args[++k] ?? '');
    else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
    else if (/^-[nErsi]/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (f === 'i') {
          [inPlace, suffix] = [true, a.slice(j + 1)];
          break;
        }
        if (f === 'e') {
          scripts.push(a.slice(j + 1) || (args[++k] ?? ''));
          break;
        }
        quiet ||= f === 'n';
        ere ||= /[Er]/.test(f);
        separate ||= f === 's';
      }
    } else if (a === '--in-place' || a.startsWith('--in-place=')) [inPlace, suffix] = [true, a.slice(11)];
    else if (/^--(quiet|silent)$/.test(a)) quiet = true;
    else if (a === '--regexp-extended') ere = true;
    else if (a === '--separate') separate = true;
    else files.push(a);
  }
  if (!scripts.length) {
    if (!files.length) {
      io.err(io.busybox ? bbHead(io) + 'sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n' : 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
      return 1;
    }
    scripts.push(files.shift()!);
  }
  let cmds: SedCmd[];
  try {
    cmds = parse(scripts.join('\n'), ere, scripts.map((_s, n) => scripts.slice(0, n).join('\n').length + +!!n));
  } catch (e) {
    if (!(e instanceof SedError || e instanceof SyntaxError)) throw e;
    const why = /group/.test(e.message) ? 'Unmatched ( or \\(' : /class/.test(e.message) ? 'Unmatched [, [^, [:, [., or [=' : 'Invalid preceding regular expression';
    io.err(`sed: ${e instanceof SedError ? e.message : `-e expression #1, char ${scripts.join('\n').length}: ${why}`}\n`);
    return e instanceof SedError ? e.status : 1;
  }
  let status = 0;
  let hold = '';
  // the page would hang on a loop that never ends, or grows a space without bound:
  // the simulation stops it after so many commands in the whole run
  let jumps = 0;
  const stop = () => {
    throw new SedError('the simulated sed stops a loop after 10000000 commands', 4);
  };
  let lastRe: RegExp | undefined;
  // a range from line 0 is open before the first line
  for (const c of cmds) c.active = c.a1?.n === 0 && c.a1.step === undefined;
  /** The output of a script over some lines, and the exit status if it quit. */
  const run = (all: string[]): [string, number | undefined] => {
    let out = '';
    let n = 0;
    let ps = '';
    let again = false;
    let replaced = false;
    const last = () => n >= all.length;
    const re = (r: RegExp | null | undefined) => {
      if (r) lastRe = r;
      if (!lastRe) throw new SedError('-e expression #1, char 0: no previous regular expression');
      lastRe.lastIndex = 0;
      return lastRe;
    };
    const at = (a: Addr) => (a.last ? last() : a.step ? n >= a.n! && (n - a.n!) % a.step === 0 : a.n !== undefined ? n === a.n : re(a.re).test(ps));
    const hit = (c: SedCmd): boolean => {
      if (!c.a1) return true;
      if (!c.a2) return at(c.a1);
      const a = c.a2;
      if (c.active) {
        // a numbered end passed over (by n or N) closes the range without this line
        if (c.end !== undefined ? n >= c.end : at(a)) c.active = false;
        return c.end === undefined || n <= c.end;
      }
      if (!at(c.a1)) return false;
      c.end = a.n ?? (a.plus !== undefined ? n + a.plus : a.mult ? Math.ceil(n / a.mult) * a.mult : a.mult === 0 ? n : undefined);
      c.active = c.end === undefined ? !(a.last && last()) : c.end > n;
      return true;
    };
    for (;;) {
      if (!again) {
        if (last()) break;
        ps = all[n++];
        replaced = false;
      }
      again = false;
      let append = '';
      let print = !quiet;
      let quit: number | undefined;
      let end = false;
      for (let pc = 0; pc < cmds.length && quit === undefined && !end; ) {
        const c = cmds[pc++];
        if (++jumps > 1e7 || ps.length > 1 << 20 || hold.length > 1 << 20) stop();
        if (hit(c) === c.not) {
          if (c.c === '{') pc = c.jump! + 1;
          continue;
        }
        switch (c.c) {
          case '=': out += n + '\n'; break;
          case 'a': append += c.text; break;
          case 'i': out += c.text; break;
          case 'r':
            try {
              append += sh.m.fs.readFile(c.text!, sh.cwd);
            } catch { /* sed reads what it can */ }
            break;
          case 'c':
            // a range changes into one text, at its end
            if (!c.a2 || c.not || !c.active) out += c.text;
            print = false;
            end = true;
            break;
          case 'D':
            if (ps.includes('\n')) {
              ps = ps.slice(ps.indexOf('\n') + 1);
              again = true;
            }
            print = false;
            end = true;
            break;
          case 'd': print = false; end = true; break;
          case 'g': ps = hold; break;
          case 'G': ps += '\n' + hold; break;
          case 'h': hold = ps; break;
          case 'H': hold += '\n' + ps; break;
          case 'x': [ps, hold] = [hold, ps]; break;
          case 'z': ps = ''; break;
          case 'l': out += shown(ps); break;
          case 'p': out += ps + '\n'; break;
          case 'P': out += ps.split('\n')[0] + '\n'; break;
          // without a next line GNU's n and N end the script, printing the pattern space
          case 'n':
            if (last()) quit = 0;
            else {
              if (!quiet) out += ps + '\n';
              out += append;
              append = '';
              ps = all[n++];
            }
            break;
          case 'N':
            if (last()) quit = 0;
            else ps += '\n' + all[n++];
            break;
          case 'q': quit = c.code ?? 0; break;
          case 'Q': quit = c.code ?? 0; print = false; append = ''; break;
          case 'b': pc = c.jump!; break;
          case 't': case 'T':
            if (replaced === (c.c === 't')) pc = c.jump!;
            replaced = false;
            break;
          case 'y': ps = [...ps].map((ch) => c.to![c.from!.indexOf(ch)] ?? ch).join(''); break;
          case 's': {
            // a substitution reads the whole space: a long one costs as many commands as it has 16-byte runs
            jumps += ps.length >> 4;
            // the Nth match (`s/a/b/2`), or it and every later one with g
            let k = 0;
            let done = false;
            const r = c.re ? re(c.re) : new RegExp(re(c.re).source, re(c.re).flags.replace('g', '') + 'g');
            const nth = c.nth ?? 1;
            const next = ps.replace(r, (...m) => {
              if (++k < nth || (k > nth && !c.global)) return m[0] as string;
              done = true;
              return replacement(c.rep!, m.slice(0, -2) as string[]);
            });
            if (done) {
              ps = next;
              replaced = true;
              if (c.print) out += ps + '\n';
            }
          }
        }
      }
      if (print) out += ps + '\n';
      out += append;
      if (quit !== undefined) return [out, quit];
    }
    return [out, undefined];
  };
  const texts: [string, string][] = [];
  for (const f of files.length ? files : ['-']) {
    try {
      texts.push([f, f === '-' ? io.stdin ?? '' : sh.m.fs.readFile(f, sh.cwd)]);
    } catch (e) {
      io.err(io.busybox ? `sed: can't open '${f}': ${reason(e)}\n` : `sed: can't read ${f}: ${reason(e)}\n`);
      status = 2;
    }
  }
  // the files are one stream, unless each is edited in place or -s keeps them apart
  const units = inPlace || separate ? texts : [['', texts.map(([, t]) => t).join('')]];
  try {
    for (const [f, text] of units) {
      const [out, quit] = run(lines(text));
      if (inPlace) {
        try {
          if (suffix) sh.m.fs.writeFile(suffix.includes('*') ? suffix.replace(/\*/g, f) : f + suffix, text, sh.cwd);
          sh.m.fs.writeFile(f, out, sh.cwd);
        } catch (e) {
          // -i writes a temporary file beside the original (mkstemp's random name), then renames it
          const tmp = [...Array(6)].map(() => ((sh.m.random?.() ?? 0) % 36).toString(36)).join('');
          const dir = f.slice(0, f.lastIndexOf('/') + 1) || './';
          io.err(io.busybox ? `sed: can't create temp file '${f}${tmp}': ${reason(e)}\n` : `sed: couldn't open temporary file ${dir}sed${tmp}: ${reason(e)}\n`);
          return io.busybox ? 1 : 4;
        }
      } else io.out(out);
      if (quit !== undefined) return quit;
    }
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    io.err(`sed: ${e.message}\n`);
    return e.status;
  }
  return io.busybox && status ? 1 : status;
}
