/**
 * The core programs of every machine, host and containers: GNU coreutils (and bash's builtins of
 * the same names) on the host, Debian and Ubuntu, busybox applets on Alpine/BusyBox
 * (`io.busybox`), each with its own error wording.
 */
import { FsError, joinPath, may, osRelease, reason, splitPath, type Node } from './fs';
import { df, du, free } from './disk-memory';
import { cut, sort, tr, uniq } from './filters';
import { find } from './find';
import { ls } from './ls';
import { globRe } from './glob';
import { stat } from './stat';
import type { Command, IO, ShellLike } from './types';
import { date, parseDate } from './date';
import { applyMode } from './chmod';
import { opts, usage } from './opts';
import { bashBanner, bashVersion, headOrTail, lines, wcCounts } from './text';
import { account, userGroups } from './passwd';
import { killArgs, parseSignal, signalList, signalName } from './signals';
import { printf } from './printf';
import { posixRegex, sed } from './sed';
import { awk } from './awk';
import { xargs } from './xargs';
import { seq } from './seq';
import { tar } from './tar';
import { chown } from './chown';
import { chmod } from './chmod';
import { ps } from './ps';
import { TEXT_TOOLS } from './text-tools';
import { timeout } from './timeout';
import { diff } from './diff';
import { dd, fallocate, sizeArg, truncate } from './dd';
import { expr } from './expr';
import { FILE_TOOLS } from './file-tools';
import { LINE_TOOLS, pick } from './line-tools';
import { BYTE_TOOLS } from './bytes';
import { GZIP } from './gzip';
import { withInfo } from './program-info';
import { uchar } from './parse';

export const isUtf8 = (sh: ShellLike) => /utf-?8/i.test(sh.getVar('LC_ALL') || sh.getVar('LC_CTYPE') || sh.getVar('LANG') || '');

/**
 * Backslash escapes as echo reads them: \0NNN in octal; `oct` (printf's %b) also \NNN; `hex`
 * (bash) also \xHH, \uHHHH and \UHHHHHHHH.
 */
export function unescape(s: string, o: { oct?: boolean; hex?: boolean; utf8?: boolean } = {}): { text: string; stop: boolean } {
  let stop = false;
  const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', r: '\r', e: '\x1b', E: '\x1b', v: '\v', f: '\f' };
  const text = s.replace(/\\(?:0([0-7]{0,3})|([0-7]{1,3})|x([\da-fA-F]{1,2})|u([\da-fA-F]{1,4})|U([\da-fA-F]{1,8})|(.))/gs, (m, z, n, x, u, U, c: string | undefined) => {
    if (z !== undefined || (n && o.oct)) return String.fromCharCode(parseInt(z || n || '0', 8) & 255);
    if (!c) return !o.hex || n ? m : x ? String.fromCharCode(parseInt(x, 16)) : uchar(u || U, !!U, !!o.utf8);
    // `\c` ends the output (and echo's newline): the rest is marked to be cut.
    if (c === 'c' && !stop) {
      stop = true;
      return '\u0000\\c';
    }
    return map[c] ?? m;
  });
  return { text: stop ? text.slice(0, text.indexOf('\u0000\\c')) : text, stop };
}

export function readInputs(args: string[], io: IO, sh: ShellLike, name: string): { text: string; file?: string }[] | number {
  if (!args.length) return [{ text: io.stdin ?? '' }];
  const out: { text: string; file?: string }[] = [];
  let failed = false;
  for (const f of args) {
    if (f === '-') {
      out.push({ text: io.stdin ?? '' });
      continue;
    }
    try {
      out.push({ text: sh.m.fs.readFile(f, sh.cwd), file: f });
    } catch (e) {
      failed = true;
      if (io.busybox) io.err(name === 'cat' && reason(e) === 'Is a directory' ? `cat: read error: Is a directory\n` : `${name}: can't open '${f}': ${reason(e)}\n`);
      else io.err(`${name}: ${name === 'head' || name === 'tail' ? `cannot open '${f}' for reading` : name === 'tac' ? `failed to open '${f}' for reading` : name === 'sort' ? `cannot read: ${f}` : f}: ${reason(e)}\n`);
    }
  }
  return failed && !out.length ? 1 : failed ? [...out, { text: '', file: '\u0000failed' }] : out;
}

/** A program called without its operands: busybox prints the applet's usage, GNU `missing operand`. */
function missing(io: IO, usageLine: string, what = 'operand'): void {
  const name = usageLine.slice(0, usageLine.indexOf(' '));
  if (io.busybox) usage(io, usageLine);
  else io.err(`${name}: missing ${what}\nTry '${name} --help' for more information.\n`);
}

const extra = (io: IO, name: string, op: string) => (io.err(`${name}: extra operand '${op}'\nTry '${name} --help' for more information.\n`), 1);

/** Busybox says "can't" where GNU says "cannot". */
const cannot = (io: IO) => (io.busybox ? "can't" : 'cannot');


/**
 * GNU quotes a name with `quote()` (mkdir, rmdir) in the locale's quotation marks: ‘…’ in a
 * UTF-8 locale (the host's C.UTF-8), '…' in the POSIX locale of the images.
 */
export function quote(sh: ShellLike, s: string): string {
  const locale = sh.getVar('LC_ALL') || sh.getVar('LC_MESSAGES') || sh.getVar('LANG') || '';
  return /utf-?8/i.test(locale) ? `‘${s}’` : `'${s}'`;
}

const WHICH_USAGE = 'which [-a] COMMAND...\n\nLocate COMMAND\n\n\t-a\tShow all matches';

export const COREUTILS: Record<string, Command> = {
  ls,
  stat,
  find,
  df,
  du,
  free,
  sort,
  uniq,
  cut,
  tr,
  echo(args, io, sh) {
    let i = 1;
    let newline = true;
    let escapes = false;
    while (i < args.length && /^-[neE]+$/.test(args[i])) {
      for (const c of args[i].slice(1)) {
        if (c === 'n') newline = false;
        if (c === 'e') escapes = true;
        if (c === 'E') escapes = false;
      }
      i++;
    }
    let text = args.slice(i).join(' ');
    if (escapes) {
      const u = unescape(text, { hex: !io.busybox, utf8: isUtf8(sh) });
      text = u.text;
      if (u.stop) newline = false;
    }
    io.out(text + (newline ? '\n' : ''));
    return 0;
  },
  printf: (args, io, sh) => printf(args, io, sh),
  tar,
  // the host's four CPUs (docker info's NCPU, /proc/cpuinfo)
  nproc: (_a, io) => (io.out('4\n'), 0),
  chown,
  chgrp: chown,
  seq,
  sed,
  awk,
  mawk: awk,
  xargs,
  cat(args, io, sh) {
    const o = opts(args);
    // Each operand in turn, its error where it comes (GNU and busybox both go on to the next).
    let n = 0;
    let status = 0;
    for (const f of o.rest.length ? o.rest : ['-']) {
      const inputs = readInputs(f === '-' ? [] : [f], io, sh, 'cat');
      if (typeof inputs === 'number') {
        status = 1;
        continue;
      }
      // -n numbers the lines, -b those not empty; -E ends them with $, -T shows tabs as ^I, -v
      // the other control characters as ^X (-A all three, -e -vE, -t -vT)
      const on = (c: string) => o.flags.has(c) || o.flags.has('A');
      const [E, T, V, b] = [on('E') || on('e'), on('T') || on('t'), on('v') || on('e') || on('t'), o.flags.has('b')];
      for (const i of inputs)
        io.out(!(b || E || T || V || o.flags.has('n')) ? i.text : i.text.replace(/[^\n]*(\n|$)/g, (l, end: string) => {
          if (!l) return '';
          let body = l.slice(0, l.length - end.length);
          if (T) body = body.replace(/\t/g, '^I');
          if (V) body = body.replace(/[\0-\x08\x0b-\x1f\x7f]/g, (c) => (c === '\x7f' ? '^?' : '^' + String.fromCharCode(c.charCodeAt(0) + 64)));
          return ((b ? body : o.flags.has('n')) ? `${String(++n).padStart(6)}\t` : '') + body + (end && E ? '$' : '') + end;
        }));
    }
    return status;
  },
  touch(args, io, sh) {
    // -d, -t and -r take a value (never a file to create); -c creates nothing
    const o = opts(args, 'dtr');
    const d = o.values.d;
    const when = d === undefined ? undefined : parseDate(d, sh.m.now());
    if (when === null) return (io.err(`touch: el simulador no lee fechas como '${d}'\n`), 1);
    if (d !== undefined && when === undefined) return (io.err(`touch: invalid date ${io.busybox ? '' : 'format '}'${d}'\n`), 1);
    if (!o.rest.length) {
      missing(io, 'touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...', 'file operand');
      return 1;
    }
    let status = 0;
    for (const f of o.rest) {
      try {
        const there = sh.m.fs.resolve(f, sh.cwd).node;
        if (o.flags.has('c') && !there) continue;
        sh.m.fs.touch(f, sh.cwd);
        // the date goes on what the name leads to (-h: the link itself), a directory too
        const r = sh.m.fs.resolve(f, sh.cwd, !o.flags.has('h'));
        if (when !== undefined && r.node && r.node.kind !== 'whiteout') sh.m.fs.putNode('/' + r.parts.join('/'), { ...r.node, mtime: when });
      } catch (e) {
        io.err(io.busybox ? `touch: ${f}: ${reason(e)}\n` : `touch: cannot touch '${f}': ${reason(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
  rm(args, io, sh) {
    const o = opts(args);
    const recursive = o.flags.has('r') || o.flags.has('R') || o.flags.has('--recursive');
    const force = o.flags.has('f') || o.flags.has('--force');
    if (!o.rest.length && !force) {
      missing(io, 'rm [-irf] FILE...');
      return 1;
    }
    let status = 0;
    const fs = sh.m.fs;
    // `yes`: the file at `i` was asked about and the answer was yes
    const go = (io: IO, i: number, yes?: boolean): number => {
      const fail = (f: string, e: unknown) => {
        if (force && e instanceof FsError && e.code === 'ENOENT') return false;
        // musl (busybox) words EBUSY its own way.
        io.err(`rm: ${cannot(io)} remove '${f}': ${io.busybox && e instanceof FsError && e.code === 'EBUSY' ? 'Resource busy' : reason(e)}\n`);
        return (status = 1), false;
      };
      /**
       * A user not root removes a tree entry by entry, each needing write on its directory: every
       * entry that stays is reported and the rest goes on. A directory it may not read stays (GNU
       * names it; busybox's opendir fails silently). GNU leaves a kept entry's ancestors silently;
       * busybox still tries rmdir on each, which fails as not empty.
       */
      const walk = (f: string, parts: string[]): boolean => {
        const d = fs.find(parts)!, kids = fs.list(parts), readable = may(fs.cred, d, 5);
        let kept = false;
        if (!readable) {
          if (!kids.size && !io.busybox) return remove(f, parts);
          if (io.busybox) status = 1;
          else fail(f, new FsError('EACCES', f));
          return false;
        }
        for (const [name, n] of kids) {
          const sub = f.replace(/\/+$/, '') + '/' + name;
          if (!(n.kind === 'dir' ? walk(sub, [...parts, name]) : remove(sub, [...parts, name]))) kept = true;
        }
        return kept && !io.busybox ? false : remove(f, parts, kept);
      };
      const remove = (f: string, parts: string[], full = false): boolean => {
        try {
          if (full) throw new FsError(may(fs.cred, fs.find(parts.slice(0, -1)), 3) ? 'ENOTEMPTY' : 'EACCES', f);
          fs.remove(f, sh.cwd, true);
          return true;
        } catch (e) {
          return fail(f, e);
        }
      };
      for (; i < o.rest.length; i++, yes = false) {
        const f = o.rest[i];
        try {
          const r = sh.m.fs.resolve(f, sh.cwd, false);
          if (!r.node) throw new FsError('ENOENT', f);
          if (r.node.kind === 'dir' && !recursive) {
            io.err(io.busybox ? `rm: '${f}' is a directory\n` : `rm: cannot remove '${f}': Is a directory\n`);
            status = 1;
            continue;
          }
          if (/(^|\/)\.\.?$/.test(f)) {
            io.err(io.busybox ? `rm: can't remove '.' or '..'\n` : `rm: refusing to remove '.' or '..' directory: skipping '${f}'\n`);
            status = 1;
            continue;
          }
          if (!r.parts.length) {
            io.err(io.busybox ? "rm: can't remove '/'\n" : `rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
            status = 1;
            continue;
          }
          // a file the user may not write, with the terminal as stdin: GNU and busybox ask first
          if (!force && !yes && r.node.kind === 'file' && io.tty && io.stdin === undefined && sh.ask && !may(fs.cred, r.node, 2)) {
            const at = i;
            sh.ask(io.busybox ? `rm: remove '${f}'? ` : `rm: remove write-protected regular ${r.node.size ? '' : 'empty '}file '${f}'? `, async (a, io2) => go(io2, at + +!/^y/i.test(a), /^y/i.test(a)));
            return status;
          }
          if (fs.cred && r.node.kind === 'dir') walk(f, r.parts);
          else {
            // -v names each entry as it goes, a directory after what it held
            const told = (f: string, n: Node | undefined, parts: string[]): void => {
              if (n?.kind === 'dir') for (const [k, c] of fs.list(parts)) told(`${f.replace(/\/+$/, '')}/${k}`, c, [...parts, k]);
              io.out(`removed ${n?.kind === 'dir' ? 'directory ' : ''}'${f}'\n`);
            };
            if (o.flags.has('v')) told(f, r.node, r.parts);
            fs.remove(f, sh.cwd, true);
          }
        } catch (e) {
          fail(f, e);
        }
      }
      return status;
    };
    return go(io, 0);
  },
  mkdir(args, io, sh) {
    const o = opts(args, 'm');
    if (!o.rest.length) {
      missing(io, 'mkdir [-m MODE] [-p] DIRECTORY...');
      return 1;
    }
    const mode = o.values.m === undefined ? undefined : applyMode(o.values.m, 0o777, true);
    if (mode === null) return (io.err(`mkdir: invalid mode ${quote(sh, o.values.m)}\n`), 1);
    let status = 0;
    for (const d of o.rest) {
      try {
        const had = (() => {
          try {
            return !!sh.m.fs.resolve(d, sh.cwd).node;
          } catch {
            return false;
          }
        })();
        sh.m.fs.mkdir(d, sh.cwd, o.flags.has('p'));
        const r = sh.m.fs.resolve(d, sh.cwd);
        // -p leaves the mode of a directory that was already there
        if (mode !== undefined && !had) sh.m.fs.putNode('/' + r.parts.join('/'), { ...r.node!, mode } as Node);
      } catch (e) {
        io.err(`mkdir: ${cannot(io)} create directory ${io.busybox ? `'${d}'` : quote(sh, d)}: ${reason(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
  rmdir(args, io, sh) {
    let status = 0;
    for (const d of opts(args).rest) {
      try {
        sh.m.fs.rmdir(d, sh.cwd);
      } catch (e) {
        io.err(io.busybox ? `rmdir: '${d}': ${reason(e)}\n` : `rmdir: failed to remove ${quote(sh, d)}: ${reason(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
  cp: (args, io, sh) => copyMove('cp', args, io, sh),
  mv: (args, io, sh) => copyMove('mv', args, io, sh),
  ln(args, io, sh) {
    const o = opts(args);
    const rest = o.rest;
    if (rest.length < 2) {
      missing(io, 'ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR', 'file operand');
      return 1;
    }
    // the file system keeps no inode shared by two names
    if (!o.flags.has('s')) return (io.err('ln: los enlaces duros no están disponibles en el simulador\n'), 1);
    const dest = rest[rest.length - 1];
    let status = 0;
    for (const target of rest.slice(0, -1)) {
      // into a directory
      let link = dest;
      try {
        if (sh.m.fs.resolve(dest, sh.cwd).node?.kind === 'dir') link = dest.replace(/\/*$/, '/') + target.replace(/\/+$/, '').replace(/.*\//, '');
        if (sh.m.fs.resolve(link, sh.cwd, false).node && !o.flags.has('f')) throw new FsError('EEXIST', link);
        sh.m.fs.putNode(link, { kind: 'link', target, mtime: sh.m.now() }, sh.cwd);
        if (o.flags.has('v')) io.out(`'${link}' -> '${target}'\n`);
      } catch (e) {
        io.err(`ln: failed to create symbolic link '${link}': ${reason(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
  chmod,
  hostname(args, io, sh) {
    // A new name needs CAP_SYS_ADMIN, which containers do not get: sethostname() fails with EPERM.
    if (args[1] !== undefined && !args[1].startsWith('-') && !sh.m.which) {
      io.err(io.busybox ? 'hostname: sethostname: Operation not permitted\n' : 'hostname: you must be root to change the host name\n');
      return 1;
    }
    // -i: the name's address in /etc/hosts; GNU's -I: every interface's address, each with a space.
    const ip = args[1] === '-i' || (args[1] === '-I' && !io.busybox);
    io.out((ip ? sh.m.ip + (args[1] === '-I' ? ' ' : '') : sh.m.hostname) + '\n');
    return 0;
  },
  whoami(a, io, sh) {
    const op = a[a[1] === '--' ? 2 : 1];
    if (op !== undefined && !io.busybox) return extra(io, 'whoami', op);
    const e = account(sh.m.fs, sh.user);
    if (e === undefined) {
      const uid = sh.user.split(':')[0];
      io.err(io.busybox ? `whoami: unknown uid ${uid}\n` : `whoami: cannot find name for user ID ${uid}\n`);
      return 1;
    }
    io.out((e?.name ?? sh.getVar('USER') ?? 'root') + '\n');
    return 0;
  },
  id(args, io, sh) {
    // A USER operand must have an entry in /etc/passwd (a name or a uid).
    const o = opts(args);
    const who = o.rest[0];
    // GNU prints one of -u, -g and -G
    if (!io.busybox && [...'ugG'].filter((c) => o.flags.has(c))[1]) return io.err('id: cannot print "only" of more than one choice\n'), 1;
    const e = account(sh.m.fs, who ?? sh.user);
    if (who !== undefined && e === undefined) {
      io.err(io.busybox ? `id: unknown user ${who}\n` : `id: '${who}': no such user\n`);
      return 1;
    }
    // [number, name] of the user and its groups, named from /etc/group (a name may be missing).
    const user: [number, string] = e ? [e.uid, e.name] : [Number(sh.user.split(':')[0]) || 0, e === null ? 'root' : ''];
    const groups = userGroups(sh.m.fs, who ?? sh.user, e);
    // -u, -g, -G: numbers, or names with -n (the number when there is none).
    const show = ([n, name]: [number, string]) => (o.flags.has('n') ? name || String(n) : String(n));
    if (o.flags.has('u')) io.out(show(user) + '\n');
    else if (o.flags.has('g')) io.out(show(groups[0]) + '\n');
    else if (o.flags.has('G')) io.out(groups.map(show).join(' ') + '\n');
    else {
      const full = ([n, name]: [number, string]) => (name ? `${n}(${name})` : String(n));
      io.out(`uid=${full(user)} gid=${full(groups[0])} groups=${groups.map(full).join(',')}\n`);
    }
    return 0;
  },
  // GNU prefixes each USER operand's line with its name; busybox prints only the names.
  async groups(args, io, sh) {
    if (args.length < 2) return COREUTILS.id(['id', '-Gn'], io, sh);
    let status = 0;
    for (const who of args.slice(1)) {
      const line = { ...io, out: (t: string) => io.out(io.busybox ? t : `${who} : ${t}`), err: (t: string) => io.err(t.replace(/^id/, 'groups')) };
      status = (await COREUTILS.id(['id', '-Gn', who], line, sh)) || status;
    }
    return status;
  },
  async env(args, io, sh) {
    // options (until the first operand; a lone '-' is -i), NAME=VALUE words, then the program,
    // looked up in the PATH env has set and run with it, this shell's variables put back after
    let i = 1, clear = false;
    const unset: string[] = [];
    for (; /^-./.test(args[i]) && args[i] !== '--' || args[i] === '-'; i++) {
      const a = args[i];
      if (a === '-') clear = true;
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'i') clear = true;
        else {
          unset.push(a.slice(j + 1) || args[++i]);
          break;
        }
      }
    }
    if (args[i] === '--') i++;
    const sets: [string, string][] = [];
    for (; i < args.length && /^[^=]+=/.test(args[i]); i++) sets.push([args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)]);
    const argv = args.slice(i);
    if (!argv.length) {
      const vars = new Map(clear ? [] : sh.env());
      // bash puts the path of the program it runs in `_`, after its own variables
      vars.delete('_');
      if (sh.flavor === 'bash' && !sh.direct && !clear) vars.set('_', sh.which('env') ?? '/usr/bin/env');
      for (const k of unset) vars.delete(k);
      for (const [k, v] of sets) vars.set(k, v);
      for (const [k, v] of vars) io.out(`${k}=${v}\n`);
      return 0;
    }
    const shell = sh as ShellLike & { vars: Map<string, unknown> };
    const [vars, direct] = [new Map(shell.vars), sh.direct];
    try {
      for (const [k] of sh.env()) if (clear || unset.includes(k)) sh.unsetVar(k);
      for (const [k, v] of sets) sh.setVar(k, v, true);
      // what env runs is no child of bash: no `_` of its own
      shell.direct = true;
      // with no PATH at all, execvp searches /bin:/usr/bin (and the program gets no PATH)
      if (sh.getVar('PATH') === undefined) sh.setVar('PATH', '/bin:/usr/bin', false);
      if (!argv[0].includes('/') && !sh.which(argv[0])) return (io.err(`env: '${argv[0]}': No such file or directory\n`), 127);
      return await sh.spawn(argv, io);
    } finally {
      shell.vars.clear();
      for (const [k, v] of vars) shell.vars.set(k, v);
      shell.direct = direct;
    }
  },
  printenv(args, io, sh) {
    if (args.length > 1) {
      const v = sh.env().find(([k]) => k === args[1]);
      if (!v) return 1;
      io.out(v[1] + '\n');
      return 0;
    }
    for (const [k, v] of sh.env()) io.out(`${k}=${v}\n`);
    return 0;
  },
  uname(args, io, sh) {
    const o = opts(args);
    if (o.rest.length && !io.busybox) return extra(io, 'uname', o.rest[0]);
    const k = sh.m.kernel;
    // Processor and platform are 'unknown' to upstream coreutils (Debian) and busybox, and -a
    // leaves them out; Ubuntu's patched coreutils reports the machine.
    const pi = io.busybox || /ID=debian/.test(osRelease(sh.m.fs)) ? 'unknown' : 'x86_64';
    const fields: [string, string][] = [['s', 'Linux'], ['n', sh.m.hostname], ['r', k], ['v', KERNEL_BUILD], ['m', 'x86_64'], ['p', pi], ['i', pi], ['o', io.busybox ? 'Linux' : 'GNU/Linux']];
    const want = o.flags.has('a') ? fields.filter(([, v]) => v !== 'unknown').map(([f]) => f) : [...o.flags];
    const out = fields.filter(([f]) => want.includes(f)).map(([, v]) => v);
    io.out((out.length ? out : ['Linux']).join(' ') + '\n');
    return 0;
  },
  async sleep(args, io) {
    // Operands add up; each may end in s, m, h or d.
    let ms = 0;
    for (const a of args.slice(1 + +(args[1] === '--'))) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
      if (!m && !/^inf(inity)?$/.test(a)) {
        io.err(io.busybox ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      ms += m ? Number(m[1]) * 1000 * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'] : 3600_000;
    }
    if (args.length < 2) {
      missing(io, 'sleep [N]...');
      return 1;
    }
    await io.sleep(ms, args);
    return io.signal?.aborted ? 130 : 0;
  },
  head(args, io, sh) {
    return headTail('head', args, io, sh);
  },
  tail(args, io, sh) {
    return headTail('tail', args, io, sh);
  },
  wc(args, io, sh) {
    const o = opts(args);
    const pick = ['l', 'w', 'm', 'c', 'L'].filter((f) => o.flags.has(f));
    const cols = pick.length ? pick : ['l', 'w', 'c'];
    // Every operand is read first (the widths depend on all counts), then each row or error is
    // printed in operand order, as wc does.
    const rows: ({ counts: Record<string, number>; file?: string } | { error: string })[] = [];
    for (const f of o.rest.length ? o.rest : ['-']) {
      let error = '';
      const inputs = readInputs(f === '-' ? [] : [f], { ...io, err: (t) => { error += t; } }, sh, 'wc');
      if (typeof inputs === 'number') rows.push({ error });
      // -L: the longest line
      else rows.push({ counts: { ...wcCounts(inputs[0].text), L: Math.max(0, ...lines(inputs[0].text).map((l) => [...l].length)) }, file: o.rest.length ? f : undefined });
    }
    const counted = rows.filter((r) => 'counts' in r);
    // Several operands end with their sum (which also sets GNU's column width).
    if (o.rest.length > 1) {
      const sum = (c: string) => counted.reduce((a, r) => a + r.counts[c], 0);
      counted.push({ counts: { l: sum('l'), w: sum('w'), m: sum('m'), c: sum('c'), L: Math.max(...counted.map((r) => r.counts.L)) }, file: 'total' });
      rows.push(counted[counted.length - 1]);
    }
    // GNU sizes the columns by the digits of the regular files' total bytes, at least 7 wide
    // when one input is a pipe.
    const piped = o.rest.length === 0 || o.rest.includes('-');
    const bytes = counted.filter((r) => r.file !== 'total').reduce((a, r) => a + r.counts.c, 0);
    const width = cols.length === 1 && counted.length === 1 ? 0 : io.busybox ? 7 : Math.max(String(bytes).length, piped ? 7 : 1);
    for (const r of rows) {
      if ('error' in r) io.err(r.error);
      else io.out(cols.map((c) => String(r.counts[c]).padStart(width)).join(' ') + (r.file ? ' ' + r.file : '') + '\n');
    }
    return rows.some((r) => 'error' in r) ? 1 : 0;
  },
  grep(args, io, sh) {
    const o = opts(args, 'eABCm');
    // -Z: a NUL after each file name
    const nul = (sep: string) => (o.flags.has('Z') ? '\0' : sep);
    // -A/-B/-C: lines of context after and before each match; -m: stop after N matches
    const num = (k: string) => (o.values[k] === undefined ? undefined : /^\d+$/.test(o.values[k]) ? Number(o.values[k]) : NaN);
    const [after, before, max] = [num('A') ?? num('C') ?? 0, num('B') ?? num('C') ?? 0, num('m') ?? Infinity];
    const bad = ['A', 'B', 'C', 'm'].find((k) => Number.isNaN(num(k)));
    if (bad) {
      const v = o.values[bad];
      io.err(io.busybox ? `grep: invalid number '${v}'\n` : bad === 'm' ? `grep: invalid max count\n` : `grep: ${v}: invalid context length argument\n`);
      return io.busybox ? 1 : 2;
    }
    // each -e is a pattern, and so is each line of one: a line matches if any of them does
    const pattern = o.all.e?.join('\n') ?? o.rest.shift();
    if (pattern === undefined) {
      (io.busybox ? usage(io, 'grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...') : io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"));
      return 2;
    }
    let re: RegExp, every: RegExp;
    try {
      // -P's Perl syntax is JavaScript's for what students write (\d and \w in brackets too)
      const src = pattern.split('\n').map((p) => `(?:${o.flags.has('F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : o.flags.has('P') ? p : posixRegex(p, o.flags.has('E')).source})`).join('|');
      // -x: the whole line must match; -w: the match must stand between non-word characters
      re = new RegExp(o.flags.has('x') ? `^(?:${src})$` : o.flags.has('w') ? `(?<!\\w)(?:${src})(?!\\w)` : src, o.flags.has('i') ? 'i' : '');
      every = new RegExp(re.source, re.flags + 'g');
    } catch {
      io.err(`grep: Unmatched ( or \\(\n`);
      return 2;
    }
    // Each operand in turn; a file that cannot be read makes the status 2 (busybox names it as
    // perror does), unless -q found a line.
    let found = false;
    let failed = false;
    // -r: the files under each directory operand (the current one without operands), in name order
    const rec = o.flags.has('r') || o.flags.has('R');
    // --include, --exclude and --exclude-dir: globs on the names met on the way down
    const globs = (k: string) => [...o.flags].filter((x) => x.startsWith(`--${k}=`)).map((x) => globRe(x.slice(k.length + 3)));
    const [inc, exc, excDir] = [globs('include'), globs('exclude'), globs('exclude-dir')];
    // -r follows only the links named as operands (those met on the way are skipped), -R all of
    // them, and a directory already on the way is a loop (/proc/1/root leads back to /)
    const walk = (f: string, shown: string, top: boolean, above: Set<unknown>): string[] => {
      let r;
      try {
        r = sh.m.fs.resolve(f, sh.cwd, top || o.flags.has('R'));
      } catch { /* reported when read */ }
      if (r?.node?.kind === 'link') return [];
      const base = f.slice(f.lastIndexOf('/') + 1);
      if (r?.node?.kind !== 'dir') return !top && ((inc.length && !inc.some((g) => g.test(base))) || exc.some((g) => g.test(base))) ? [] : [shown];
      if (!top && excDir.some((g) => g.test(base))) return [];
      if (above.has(r.node)) {
        io.err(`grep: ${io.busybox ? '' : 'warning: '}${shown}: recursive directory loop\n`);
        return [];
      }
      const inner = new Set(above).add(r.node);
      return [...sh.m.fs.list(r.parts).keys()].sort().flatMap((n) => walk(`${f}/${n}`, shown ? `${shown.replace(/\/$/, '')}/${n}` : n, false, inner));
    };
    const files = rec ? (o.rest.length ? o.rest : ['']).flatMap((f) => walk(f || '.', f, true, new Set())) : o.rest;
    // -H names the file on each line, -h never
    // (and so does a file found inside a directory operand)
    const many = o.flags.has('H') || (!o.flags.has('h') && (files.length > 1 || (rec && files.some((f) => !o.rest.includes(f)))));
    // a group of context printed already (in any file): the next one that does not touch it gets `--`
    let grouped = false;
    for (const f of files.length ? files : ['-']) {
      // -q stops at the first line found, before opening the next file
      if (found && o.flags.has('q')) break;
      // -s: no word of files that cannot be read
      const inputs = readInputs(f === '-' ? [] : [f], o.flags.has('s') ? { ...io, err: () => {} } : io.busybox ? { ...io, err: (t) => io.err(t.replace(/can't open '(.*)'/, '$1')) } : io, sh, 'grep');
      if (typeof inputs === 'number') {
        failed = true;
        continue;
      }
      const file = f === '-' ? '(standard input)' : f;
      let count = 0;
      const all = lines(inputs[0].text);
      const printing = !o.flags.has('q') && !o.flags.has('c') && !o.flags.has('l');
      // matches print with `:`, context with `-`, and `--` between groups that do not touch
      const head = (n: number, sep: string) => (many ? file + nul(sep) : '') + (o.flags.has('n') ? n + 1 + sep : '');
      // -o: each match on a line of its own (none for -v)
      const only = o.flags.has('o');
      const show = (n: number, sep: string) => (only ? sep === ':' && !o.flags.has('v') && io.out([...all[n].matchAll(every)].filter((m) => m[0]).map((m) => head(n, sep) + m[0] + '\n').join('')) : io.out(head(n, sep) + all[n] + '\n'));
      let last = -1;
      let trailing = 0;
      for (let n = 0; n < all.length && (count < max || trailing > 0); n++) {
        if (count < max && re.test(all[n]) !== o.flags.has('v')) {
          found = true;
          count++;
          if (!printing) continue;
          const from = Math.max(n - before, last + 1);
          if ((before || after) && grouped && (last < 0 || from > last + 1)) io.out('--\n');
          grouped = true;
          for (let k = from; k < n; k++) show(k, '-');
          show(n, ':');
          last = n;
          trailing = after;
        } else if (trailing > 0) {
          if (printing) show(n, '-');
          last = n;
          trailing--;
        }
      }
      if (o.flags.has('c')) io.out((many ? file + nul(':') : '') + count + '\n');
      // -l: the names of the files with a line found
      else if (o.flags.has('l') && count) io.out(file + nul('\n'));
    }
    return found && o.flags.has('q') ? 0 : failed ? 2 : found ? 0 : 1;
  },
  date,
  basename(args, io) {
    // NAME [SUFFIX], or with -a / -s SUFFIX every operand a NAME
    const o = opts(args, 's');
    const multi = o.flags.has('a') || o.values.s !== undefined;
    const names = multi ? o.rest : o.rest.slice(0, 1);
    const suffix = multi ? o.values.s : o.rest[1];
    if (!multi && o.rest.length > 2 && !io.busybox) return (io.err(`basename: extra operand '${o.rest[2]}'\nTry 'basename --help' for more information.\n`), 1);
    if (!names.length) {
      missing(io, 'basename FILE [SUFFIX]');
      return 1;
    }
    for (const name of names) {
      // trailing slashes go, '/' stays; the suffix only if something is left
      const base = name.replace(/(.)\/+$/, '$1').replace(/.*\/(?=.)/, '');
      io.out((suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base) + '\n');
    }
    return 0;
  },
  dirname(args, io) {
    if (args.length < 2) {
      missing(io, 'dirname FILENAME');
      return 1;
    }
    for (const p of args.slice(1 + +(args[1] === '--'))) io.out((p.replace(/\/+$/, '').replace(/[^/]*$/, '').replace(/(.)\/+$/, '$1') || (p.startsWith('/') ? '/' : '.')) + '\n');
    return 0;
  },
  // older greps' egrep and fgrep, and busybox's applets, are grep -E and grep -F
  egrep: (args, io, sh) => COREUTILS.grep(['grep', '-E', ...args.slice(1)], io, sh),
  fgrep: (args, io, sh) => COREUTILS.grep(['grep', '-F', ...args.slice(1)], io, sh),
  realpath: (args, io, sh) => COREUTILS.readlink(['readlink', '-f', ...args.slice(1)], io, sh),
  // a container has no login records (utmp): nobody is logged in
  who: () => 0,
  users: () => 0,
  logname: (_a, io) => (io.err('logname: no login name\n'), 1),
  tty(_a, io) {
    const t = io.tty && io.stdin === undefined;
    io.out(t ? '/dev/pts/0\n' : 'not a tty\n');
    return t ? 0 : 1;
  },
  readlink(args, io, sh) {
    const o = opts(args);
    if (!o.rest.length) {
      missing(io, 'readlink [-fnv] FILE');
      return 1;
    }
    // -f: the canonical path; otherwise the target of a symlink, and nothing (status 1) for anything else
    let status = 0;
    for (const f of o.rest) {
      try {
        const r = sh.m.fs.resolve(f, sh.cwd, o.flags.has('f'));
        if (o.flags.has('f')) io.out(joinPath(r.parts) + '\n');
        else if (r.node?.kind === 'link') io.out(r.node.target + '\n');
        else status = 1;
      } catch {
        status = 1;
      }
    }
    return status;
  },
  which(args, io, sh) {
    // getopts: options until the first operand. debianutils' script (whose $0 is its path) or
    // busybox's applet; no operand is a failure, an unknown option a usage error.
    let i = 1;
    const flags = new Set<string>();
    for (; i < args.length && /^-./.test(args[i]); i++) {
      if (args[i] === '--') {
        i++;
        break;
      }
      for (const f of args[i].slice(1)) {
        if (!(io.busybox ? 'a' : 'as').includes(f)) {
          if (io.busybox) return io.err(`which: unrecognized option: ${f}\n`), usage(io, WHICH_USAGE), 1;
          io.err(`Illegal option -${f}\n`);
          if (!flags.has('s')) io.out(`Usage: ${args[0].includes('/') ? args[0] : sh.which('which') ?? '/usr/bin/which'} [-as] args\n`);
          return 2;
        }
        flags.add(f);
      }
    }
    const names = args.slice(i);
    if (!names.length) return io.busybox ? (usage(io, WHICH_USAGE), 1) : 1;
    let status = 0;
    for (const n of names) {
      // -a: every PATH directory that has it (/usr/bin and /bin both, with merged /usr).
      const found = flags.has('a') && !sh.m.which && !n.includes('/')
        ? (sh.getVar('PATH') ?? '').split(':').map((d) => `${d}/${n}`).filter((p) => {
          try {
            return sh.m.fs.resolve(p).node?.kind === 'file';
          } catch {
            return false;
          }
        })
        : [sh.which(n)].filter((p) => p !== undefined);
      if (!flags.has('s')) for (const p of found) io.out(p + '\n');
      if (!found.length) status = 1;
    }
    return status;
  },
  tee(args, io, sh) {
    // Every FILE is opened (truncated unless -a) before the input is copied to it and to stdout;
    // one that cannot be opened is reported and only makes the status 1.
    const o = opts(args);
    let status = 0;
    const ok = o.rest.filter((f) => {
      try {
        sh.m.fs.writeFile(f, '', sh.cwd, o.flags.has('a'));
        return true;
      } catch (e) {
        io.err(io.busybox ? `tee: can't open '${f}': ${reason(e)}\n` : `tee: ${f}: ${reason(e)}\n`);
        status = 1;
        return false;
      }
    });
    const text = io.stdin ?? '';
    for (const f of ok) sh.m.fs.writeFile(f, text, sh.cwd, true);
    io.out(text);
    return status;
  },
  clear(_a, io) {
    io.out('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
  true: () => 0,
  false: () => 1,
  kill(args, io, sh) {
    let sig = 15;
    if (args[1] === '-l' || args[1] === '-L') {
      if (args.length === 2) return io.out(signalList(sh.flavor)), 0;
      for (const a of args.slice(2)) {
        // a number names its signal (an exit status above 128 the signal that caused it), a name its number
        const n = /^\d+$/.test(a) ? Number(a) % 128 : parseSignal(a);
        const name = n === undefined ? undefined : /^\d+$/.test(a) ? signalName(n) : String(n);
        if (name === undefined) return io.err(`${sh.prefix()}: kill: ${a}: invalid signal specification\n`), 1;
        io.out(name + '\n');
      }
      return 0;
    }
    const { spec, pids } = killArgs(args.slice(1));
    if (spec !== undefined) {
      const n = parseSignal(spec);
      if (n === undefined) {
        io.err(sh.flavor === 'bash' ? `${sh.prefix()}: kill: ${spec}: invalid signal specification\n` : sh.flavor === 'dash' ? `${sh.prefix()}: kill: invalid signal number or name: ${spec}\n` : `${sh.prefix()}: kill: bad signal name '${spec}'\n`);
        return 1;
      }
      sig = n;
    }
    if (!pids.length) {
      io.err(sh.flavor === 'bash' ? 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n' : 'kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n');
      return 2;
    }
    let status = 0;
    for (const p of pids) {
      const known = sh.m.signal ? /^\d+$/.test(p) && sh.m.signal(Number(p), sig, sh.ownPid) : sh.m.procs().some((x) => String(x.pid) === p);
      if (!known) {
        io.err(sh.flavor === 'bash' ? `${sh.prefix()}: kill: (${p}) - No such process\n` : `${sh.prefix()}: kill: No such process\n`);
        status = 1;
      }
    }
    return status;
  },
  ps,
  sh: nestedShell,
  bash: nestedShell,
  dash: nestedShell,
  ash: nestedShell,
  ...TEXT_TOOLS,
  timeout,
  diff,
  ...withInfo({
    dd, truncate, expr, fallocate, ...FILE_TOOLS, ...LINE_TOOLS, ...BYTE_TOOLS, ...GZIP,
    // ls in columns (dir) or long (vdir), escaping as -b does, whatever stdout is
    dir: (a, io, sh) => ls(['ls', '-C', '-b', ...a.slice(1)], io, sh),
    vdir: (a, io, sh) => ls(['ls', '-l', '-b', ...a.slice(1)], io, sh),
    arch: (_a, io) => (io.out('x86_64\n'), 0),
    // gethostid() without /etc/hostid: the host's IPv4 address with its 16-bit halves swapped
    hostid(_a, io, sh) {
      const [a, b, c, d] = sh.m.ip.split('.').map(Number);
      io.out(((((b << 24) | (a << 16) | (d << 8) | c) >>> 0).toString(16).padStart(8, '0')) + '\n');
      return 0;
    },
  }, { fallocate: 'from util-linux 2.38.1', gzip: '1.12', gunzip: '(gzip) 1.12', zcat: '(gzip) 1.12', cmp: '(GNU diffutils) 3.8' }),
};
// GNU's own programs answer --version and --help instead of taking them for files
Object.assign(COREUTILS, withInfo(Object.fromEntries('ls cat mkdir touch rm rmdir cp mv ln chmod chown chgrp head tail wc sort uniq cut tr basename dirname realpath readlink tee uname whoami id nproc du df stat date env printenv logname tty'.split(' ').map((n) => [n, COREUTILS[n]]))));

const KERNEL_BUILD = '#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025';

/** `sh -c '…'` from inside a shell (an interactive nested shell is handled by the process). */
async function nestedShell(args: string[], io: IO, sh: ShellLike): Promise<number> {
  // the shell names itself (and its $0) as it was typed: `/bin/sh: 1: nope: not found`
  const a0 = io.exe ?? args[0];
  if (args[1] === '--version' && args[0] === 'bash') {
    const v = bashVersion(sh.m.fs);
    io.out(`${bashBanner(v)}\nCopyright (C) ${{ '4.2': 2011, '4.4': 2016, '5.0': 2019, '5.1': 2020 }[v.slice(0, 3)] ?? 2022} Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`);
    return 0;
  }
  // busybox answers `APPLET --help` with the applet's usage, exit 0
  if (io.busybox && args[1] === '--help' && args.length === 2) return usage(io, `${args[0]} [-il] [-|+Cabefmnuvx] [-|+o OPT]... [-c 'SCRIPT' [ARG0 ARGS] | FILE ARGS | -s ARGS]\n\nUnix shell interpreter`), 0;
  if (/^--./.test(args[1] ?? '') && args[0] !== 'bash' && !io.busybox) {
    io.err(`${a0}: 0: Illegal option --\n`);
    return 2;
  }
  const c = args.findIndex((a, k) => k > 0 && /^-[eux]*c[eux]*$/.test(a));
  const file = args.slice(1).find((a) => !a.startsWith('-'));
  // `bash -x script`, `sh -ec '…'`: the options as a `set` run first
  const set = args.slice(1, c < 0 ? undefined : c + 1).filter((a) => /^-[euxc]+$/.test(a)).join('').replace(/[-c]/g, '');
  const pre = set ? `set -${set}; ` : '';
  if (c < 0 && file !== undefined) {
    // `bash script.sh`: the file is read (no x bit needed) and runs with its name as $0.
    let text;
    try {
      text = sh.m.fs.readFile(file, sh.cwd);
    } catch (e) {
      const flavor = args[0] === 'bash' ? 'bash' : io.busybox ? 'ash' : 'dash';
      io.err(flavor === 'bash' ? `${a0}: ${file}: ${reason(e)}\n` : flavor === 'dash' ? `${a0}: 0: cannot open ${file}: No such file\n` : `${a0}: can't open '${file}': ${reason(e)}\n`);
      // bash and busybox ash set 127 before the error; dash's error status is 2.
      return flavor === 'dash' ? 2 : 127;
    }
    return sh.spawn(['\u0000script', a0, pre + text, file, ...args.slice(args.indexOf(file) + 1)], io);
  }
  if (c < 0) {
    // A shell reading a script from its input (e.g. `echo ls | sh`).
    if (io.stdin !== undefined) return sh.spawn(['\u0000script', a0, io.stdin], { ...io, stdin: undefined });
    return sh.spawn(['\u0000interactive', a0], io);
  }
  // `sh -c SCRIPT NAME ARG…`: NAME is $0, the ARGs $1…
  return sh.spawn(['\u0000script', a0, pre + (args[c + 1] ?? ''), args[c + 2] ?? a0, ...args.slice(c + 3)], io);
}

function headTail(name: 'head' | 'tail', args: string[], io: IO, sh: ShellLike): number {
  // `-5` is `-n 5`, but not as the value of -n or -c (`head -n -5`)
  const norm = args.map((a, i) => (/^-\d+$/.test(a) && !/^-[nc]$/.test(args[i - 1]) ? '-n' + a.slice(1) : a));
  const o = opts(norm, 'nc');
  const files = o.rest.length ? o.rest : ['-'];
  const given = o.values.c ?? o.values.n;
  // GNU's suffixes multiply (1K, 2MB, 1b is 512); the sign stays for headOrTail
  const sign = /^[-+]?/.exec(given ?? '')![0];
  const n = given === undefined ? 10 : sizeArg(given.slice(sign.length), 'bm');
  if (Number.isNaN(n) && !io.busybox) {
    io.err(`${name}: invalid number of ${o.values.c !== undefined ? 'bytes' : 'lines'}: '${given}'\n`);
    return 1;
  }
  const count = sign + (Number.isNaN(n) ? parseInt(given!.slice(sign.length), 10) || 0 : n);
  // Each operand in turn, its error where it comes; several operands get headers even when
  // some of them fail.
  let status = 0;
  let first = true;
  for (const f of files) {
    const inputs = readInputs(f === '-' ? [] : [f], io, sh, name);
    if (typeof inputs === 'number') {
      status = 1;
      continue;
    }
    // -v: a header even for one file, -q: none
    if ((files.length > 1 && !o.flags.has('q')) || o.flags.has('v')) io.out(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    first = false;
    // /dev/zero and /dev/urandom never end: -c takes its bytes from them (random ones below 128,
    // which the texts here hold as one byte each)
    const dev = name === 'head' && o.values.c !== undefined && !sign && /^\/dev\/(zero|u?random)$/.exec(f);
    const text = dev ? Array.from({ length: Math.min(+count, 1 << 24) }, () => String.fromCharCode(dev[1] === 'zero' ? 0 : pick(sh, 128))).join('') : inputs[0].text;
    io.out(headOrTail(text, count, name === 'head', o.values.c !== undefined));
  }
  return status;
}

function copyMove(name: 'cp' | 'mv', args: string[], io: IO, sh: ShellLike): number {
  const fs = sh.m.fs;
  const o = opts(args);
  const rest = o.rest;
  const recursive = name === 'mv' || o.flags.has('r') || o.flags.has('R') || o.flags.has('a');
  if (rest.length < 2) {
    missing(io, `${name} [-fin] SOURCE... DIRECTORY`, rest.length ? `destination file operand after '${rest[0]}'` : 'file operand');
    return 1;
  }
  const dest = rest[rest.length - 1];
  let destNode: Node | undefined;
  try {
    destNode = fs.resolve(dest, sh.cwd).node;
  } catch { /* missing parent: reported below */ }
  // several sources go into a directory, which must be there
  if (rest.length > 2 && destNode?.kind !== 'dir' && !io.busybox) {
    io.err(`${name}: target '${dest}'${destNode ? ' is not a directory' : ': No such file or directory'}\n`);
    return 1;
  }
  let status = 0;
  for (const src of rest.slice(0, -1)) {
    try {
      const r = fs.resolve(src, sh.cwd, name === 'cp');
      if (!r.node) throw new FsError('ENOENT', src);
      if (r.node.kind === 'dir' && !recursive) {
        io.err(io.busybox ? `cp: omitting directory '${src}'\n` : `cp: -r not specified; omitting directory '${src}'\n`);
        status = 1;
        continue;
      }
      const target = destNode?.kind === 'dir' ? dest.replace(/\/*$/, '/') + (r.parts[r.parts.length - 1] ?? '') : dest;
      const from = joinPath(r.parts);
      const to = joinPath(splitPath(target.startsWith('/') ? target : `${sh.cwd}/${target}`).reduce<string[]>((a, p) => (p === '..' ? a.slice(0, -1) : [...a, p]), []));
      if (r.node.kind === 'dir' && (to === from || to.startsWith(from === '/' ? '/' : from + '/'))) {
        if (name === 'cp') io.err(io.busybox ? `cp: recursion detected, omitting directory '${src}'\n` : `cp: cannot copy a directory, '${src}', into itself, '${target}'\n`);
        else io.err(io.busybox ? `mv: can't rename '${src}': Invalid argument\n` : `mv: cannot move '${src}' to a subdirectory of itself, '${target}'\n`);
        status = 1;
        continue;
      }
      if (to === from && !io.busybox) {
        io.err(`${name}: '${src}' and '${target}' are the same file\n`);
        status = 1;
        continue;
      }
      // -n: nothing is overwritten, silently
      if (o.flags.has('n') && fs.resolve(target, sh.cwd).node) continue;
      try {
        // mv, -p and -a keep the times
        copyNode(sh, from, target, name === 'mv' || o.flags.has('p') || o.flags.has('a'));
        if (name === 'mv') fs.remove(joinPath(r.parts), '/', true);
        if (o.flags.has('v')) io.out(`${name === 'mv' ? 'renamed ' : ''}'${src}' -> '${target}'\n`);
      } catch (e) {
        // the writing side failed (a rename is all or nothing: the copy made goes)
        if (name === 'mv') try { fs.remove(target, sh.cwd, true); } catch { /* none made */ }
        io.err(io.busybox ? (name === 'mv' ? `mv: can't rename '${src}'` : `cp: can't create ${r.node.kind === 'dir' ? 'directory ' : ''}'${target}'`) + `: ${reason(e)}\n` : `${name === 'mv' ? `mv: cannot move '${src}' to '${target}'` : `cp: cannot create ${r.node.kind === 'dir' ? 'directory' : 'regular file'} '${target}'`}: ${reason(e)}\n`);
        status = 1;
      }
    } catch (e) {
      // busybox mv tries rename(2) first and reports that.
      io.err(io.busybox && name === 'mv' ? `mv: can't rename '${src}': ${reason(e)}\n` : `${name}: ${cannot(io)} stat '${src}': ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function copyNode(sh: ShellLike, from: string, to: string, keep = false): void {
  const fs = sh.m.fs;
  const node = fs.resolve(from, '/', false).node!;
  const now = sh.m.now();
  if (node.kind === 'dir') {
    if (!fs.resolve(to, sh.cwd).node) fs.mkdir(to, sh.cwd);
    for (const name of fs.list(splitPath(from)).keys()) copyNode(sh, `${from}/${name}`, `${to}/${name}`, keep);
  } else if (node.kind !== 'whiteout') {
    fs.putNode(to, { ...node, mtime: keep ? node.mtime : now }, sh.cwd);
  }
}
