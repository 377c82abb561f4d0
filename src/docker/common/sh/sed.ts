/**
 * `sed [-n] [-E] [-i[SUFFIX]] [-e SCRIPT]… [SCRIPT] [FILE]…`: `s///` with its flags, `d`, `p`, `q`,
 * `=`, each after an optional address (`N`, `$`, `/re/`, `A,B`, `!`),
 * with GNU's messages (busybox's where they differ).
 */
import { bbHead } from './opts';
import { reason } from './fs';
import { lines } from './text';
import type { IO, ShellLike } from './types';

interface Addr { line?: number; last?: boolean; re?: RegExp }
interface SedCmd { a1?: Addr; a2?: Addr; not: boolean; c: string; re?: RegExp; rep?: string; global?: boolean; nth?: number; print?: boolean; active?: boolean }

class SedError extends Error {}

const CLASS: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: '0-9a-zA-Z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~' };

/**
 * A POSIX regular expression, basic (or extended, `-E`), as a JavaScript one: in a BRE `\(` `\)`
 * `\{` `\}` `\|` `\+` `\?` are the operators and the bare ones literal; a bracket expression takes
 * its backslashes literally and knows `[:digit:]` and the other classes; `\<` `\>` are word edges.
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

function parse(script: string, ere: boolean): SedCmd[] {
  const cmds: SedCmd[] = [];
  let i = 0;
  const fail = (what: string, at = i): never => {
    throw new SedError(`-e expression #1, char ${at}: ${what}`);
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
  const addr = (): Addr | undefined => {
    const m = /^(\d+|\$)/.exec(script.slice(i));
    if (m) {
      i += m[0].length;
      return m[0] === '$' ? { last: true } : { line: Number(m[0]) };
    }
    if (script[i] !== '/') return undefined;
    i++;
    const re = until('/', 'unterminated address regex');
    const I = script[i] === 'I' && ++i;
    return { re: posixRegex(re, ere, I ? 'i' : '') };
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const cmd: SedCmd = { not: false, c: '' };
    cmd.a1 = addr();
    if (cmd.a1 && script[i] === ',') {
      i++;
      cmd.a2 = addr() ?? fail('unexpected `,\'');
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      cmd.not = true;
      i++;
    }
    cmd.c = script[i++] ?? fail('missing command');
    if (cmd.c === 's') {
      const delim = script[i++] ?? fail("unterminated `s' command");
      const re = until(delim, "unterminated `s' command");
      cmd.rep = until(delim, "unterminated `s' command");
      const flags = /^[gipI\d]*/.exec(script.slice(i))![0];
      i += flags.length;
      cmd.global = flags.includes('g');
      cmd.print = flags.includes('p');
      cmd.nth = Number(/\d+/.exec(flags)?.[0] ?? 1);
      cmd.re = posixRegex(re, ere, /[iI]/.test(flags) ? 'gi' : 'g');
    } else if (!'dpq='.includes(cmd.c)) {
      fail(`unknown command: \`${cmd.c}'`);
    }
    while (script[i] === ' ') i++;
    if (i < script.length && !/[;\n}]/.test(script[i])) fail(`extra characters after command`);
    cmds.push(cmd);
  }
  return cmds;
}

/** `&` the match, `\1`… its groups, `\n` a newline, `\t` a tab. */
const replacement = (rep: string, m: string[]): string => rep.replace(/\\(\d|.)|&/g, (x, e: string | undefined) => (x === '&' ? m[0] : /\d/.test(e!) ? m[+e!] ?? '' : ESC[e!] ?? e!));

export function sed(args: string[], io: IO, sh: ShellLike): number {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let ere = false;
  let inPlace = false;
  // -i takes what follows it in the same word as the backup's suffix (`-i.bak`, and `-in` too)
  let suffix = '';
  for (let k = 1; k < args.length; k++) {
    const a = args[k];
    if (a === '-e' || a === '--expression') scripts.push(args[++k] ?? '');
    else if (/^-[nErsi]/.test(a)) {
      const at = a.indexOf('i');
      const opts = at < 0 ? a : a.slice(0, at + 1);
      quiet ||= opts.includes('n');
      ere ||= /[Er]/.test(opts);
      if (at > 0) [inPlace, suffix] = [true, a.slice(at + 1)];
    } else if (a === '--in-place' || a.startsWith('--in-place=')) [inPlace, suffix] = [true, a.slice(11)];
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
    cmds = parse(scripts.join('\n'), ere);
  } catch (e) {
    if (!(e instanceof SedError || e instanceof SyntaxError)) throw e;
    const why = /group/.test(e.message) ? 'Unmatched ( or \\(' : /class/.test(e.message) ? 'Unmatched [, [^, [:, [., or [=' : 'Invalid preceding regular expression';
    io.err(`sed: ${e instanceof SedError ? e.message : `-e expression #1, char ${scripts.join('\n').length}: ${why}`}\n`);
    return 1;
  }
  let status = 0;
  const run = (text: string): [string, boolean] => {
    const all = lines(text);
    let out = '';
    for (let n = 0; n < all.length; n++) {
      let line = all[n];
      let deleted = false;
      let quit = false;
      const at = (a: Addr) => (a.last ? n === all.length - 1 : a.line !== undefined ? n + 1 === a.line : a.re!.test(line));

      for (const c of cmds) {
        let hit = true;
        if (c.a1 && !c.a2) hit = at(c.a1);
        else if (c.a1 && c.a2) {
          // a range: from a line its first address matches to one its second does
          if (!c.active && at(c.a1)) {
            c.active = true;
            if (c.a2.line !== undefined && c.a2.line <= n + 1) c.active = false;
          } else if (c.active) {
            if (c.a2.line !== undefined ? n + 1 >= c.a2.line : at(c.a2)) c.active = false;
          } else hit = false;
        }
        if (hit === c.not) continue;
        if (c.c === 'd') {
          deleted = true;
          break;
        }
        if (c.c === 'p') out += line + '\n';
        else if (c.c === '=') out += n + 1 + '\n';
        else if (c.c === 'q') {
          quit = true;
          break;
        } else if (c.c === 's') {
          // the Nth match (`s/a/b/2`), or it and every later one with g
          let k = 0;
          let done = false;
          const next = line.replace(c.re!, (...m) => {
            if (++k < c.nth! || (k > c.nth! && !c.global)) return m[0] as string;
            done = true;
            return replacement(c.rep!, m.slice(0, -2) as string[]);
          });
          if (done) {
            line = next;
            if (c.print) out += line + '\n';
          }
        }
      }
      if (!deleted && !quiet) out += line + '\n';
      if (quit) return [out, true];
    }
    return [out, false];
  };
  if (!files.length) {
    io.out(run(io.stdin ?? '')[0]);
    return 0;
  }
  for (const f of files) {
    let text: string;
    try {
      text = sh.m.fs.readFile(f, sh.cwd);
    } catch (e) {
      io.err(io.busybox ? `sed: can't open '${f}': ${reason(e)}\n` : `sed: can't read ${f}: ${reason(e)}\n`);
      status = 2;
      continue;
    }
    const [out, quit] = run(text);
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
    if (quit) break;
  }
  return io.busybox && status ? 1 : status;
}
