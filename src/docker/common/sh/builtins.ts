/**
 * The shells' builtins: what runs inside the shell itself (cd, exit, export, test, read, set,
 * break, return…), with each dialect's messages; the programs in PATH live in coreutils.ts.
 */
import { may, splitPath, joinPath } from './fs';
import { arith, ArithError } from './arith';
import { test } from './test';
import { historyText } from './text';
import { COREUTILS, unescape } from './coreutils';
import { printf } from './printf';
import { JOB_BUILTINS, jobPids } from './jobs';
import { FATAL, killArgs, parseSignal } from './signals';
import { trap } from './trap';
import { help } from './help';
import { dq, ifsFields, packList } from './arrays';
import { declare, fnList, mapfile, unsetElement, varList } from './declare';
import type { IO } from './types';
import type { Shell } from './sh';

type Builtin = (argv: string[], io: IO, sh: Shell) => number | Promise<number>;

/** dash has no `history`, `[[`, `let`, `source` nor `help` (busybox has them but `history`), and only bash has `declare` or `shopt`; the other builtins are everyone's. */
const SHOPTS = ' autocd assoc_expand_once cdable_vars cdspell checkhash checkjobs checkwinsize cmdhist compat31 compat32 compat40 compat41 compat42 compat43 compat44 complete_fullquote direxpand dirspell dotglob execfail expand_aliases extdebug extglob extquote failglob force_fignore globasciiranges globskipdots globstar gnu_errfmt histappend histreedit histverify hostcomplete huponexit inherit_errexit interactive_comments lastpipe lithist localvar_inherit localvar_unset login_shell mailwarn no_empty_cmd_completion nocaseglob nocasematch noexpand_translation nullglob patsub_replacement progcomp progcomp_alias promptvars restricted_shell shift_verbose sourcepath varredir_close xpg_echo ';

export const isBuiltin = (sh: Shell, n: string) => Object.hasOwn(BUILTINS, n) && (sh.flavor !== 'dash' || !['history', '[[', 'let', 'source', 'help'].includes(n)) && (sh.flavor === 'bash' || !/^(declare|typeset|mapfile|readarray|shopt)$/.test(n));

/**
 * What the shells' describe_command says `n` runs, as `how` tells: `S` a sentence, `t` one word,
 * `r` the name or path to re-use, `p` the path of a file only; bash's `all` goes on past the first
 * found, `force` looks at files only, `nofn` skips the functions. False when nothing was found.
 */
function describe(sh: Shell, n: string, io: IO, how: string, all = false, force = false, nofn = false): boolean {
  const bash = sh.flavor === 'bash';
  let found = false;
  const hit = (t: string, sentence: string, short: string): boolean => {
    found = true;
    if (how !== 'p' || t === 'file') io.out((how === 't' ? t : how === 'S' ? `${n} is ${sentence}` : short) + '\n');
    return !all;
  };
  const alias = sh.aliasing() ? sh.aliases.get(n) : undefined;
  if (!force) {
    if (alias !== undefined && hit('alias', bash ? `aliased to \`${alias}'` : `an alias for ${alias}`, `alias ${n}='${alias.replace(/'/g, "'\\''")}'`)) return true;
    if ((bash ? /^(if|then|else|elif|fi|case|esac|for|while|until|do|done|in|[{}!]|\[\[|]]|function|time|select|coproc)$/ : /^(if|then|else|elif|fi|case|esac|for|while|until|do|done|in|[{}!])$/).test(n) && hit('keyword', 'a shell keyword', n)) return true;
    if (!nofn && sh.funcs.has(n) && hit('function', bash ? `a function\n${sh.fnText(n)}` : 'a shell function', n)) return true;
    // dash and ash tell POSIX's special builtins apart
    if (isBuiltin(sh, n) && hit('builtin', `a ${!bash && ['exit', 'export', 'unset', ':', 'break', 'continue', 'return', 'trap'].includes(n) ? 'special ' : ''}shell builtin`, n)) return true;
  }
  // busybox's describe_command searches PATH afresh and never mentions its table
  const h = n.includes('/') || sh.flavor === 'ash' ? undefined : sh.hashed.get(n);
  if (n.includes('/') || ((!all || force) && h && sh.which(n))) {
    const p = h ?? sh.which(n);
    if (p) hit('file', !h ? n : bash ? `hashed (${h})` : `a tracked alias for ${h}`, p);
    return found;
  }
  for (const p of all ? sh.whichAll(n) : [sh.which(n) ?? []].flat()) if (hit('file', p, p)) break;
  return found;
}

/** Names describe() did not find: bash says so on stderr (status 1), dash and ash on stdout (127). */
function notFound(sh: Shell, io: IO, n: string, c: string, say: boolean): number {
  if (say) sh.flavor === 'bash' ? io.err(`${sh.prefix()}: ${c}: ${n}: not found\n`) : io.out(`${n}: not found\n`);
  return sh.flavor === 'bash' ? 1 : 127;
}

/** A builtin's error: status 1 in bash; in dash and busybox 2, and the end of a script. */
function shellError(sh: Shell): number {
  if (sh.flavor === 'bash') return 1;
  if (!sh.interactive) sh.exit(2);
  return 2;
}

/** `break [N]` and `continue [N]`: out of (or on with) the Nth enclosing loop. */
const loopJump = (k: 'break' | 'continue'): Builtin => (argv, io, sh) => {
  const n = Math.min(Number(argv[1] ?? 1) || 1, sh.loops);
  if (n > 0) sh.jump = { k, n };
  else if (sh.flavor === 'bash') io.err(`${sh.prefix()}: ${k}: only meaningful in a \`for', \`while', or \`until' loop\n`);
  return 0;
};

export const BUILTINS: Record<string, Builtin> = {
  cd(argv, io, sh) {
    if (argv.length > 2 && sh.flavor === 'bash') {
      io.err(`${sh.prefix()}: cd: too many arguments\n`);
      return 1;
    }
    // A new bash has OLDPWD unset; dash and ash then go to "" (the current directory).
    if (argv[1] === '-' && sh.getVar('OLDPWD') === undefined && sh.flavor === 'bash') {
      io.err(`${sh.prefix()}: cd: OLDPWD not set\n`);
      return 1;
    }
    const target = argv[1] === undefined || argv[1] === '~' ? sh.getVar('HOME') ?? '/' : argv[1] === '-' ? sh.getVar('OLDPWD') ?? sh.cwd : argv[1].replace(/^~(?=\/)/, sh.getVar('HOME') ?? '/root');
    let r;
    let why = 'No such file or directory';
    try {
      r = sh.m.fs.resolve(target, sh.cwd);
    } catch (e) {
      if ((e as { code?: string }).code === 'EACCES') why = 'Permission denied';
    }
    // entering a directory takes search (x) on it
    if (!r?.node || r.node.kind !== 'dir' || !may(sh.m.fs.cred, r.node, 1)) {
      if (r?.node) why = r.node.kind === 'dir' ? 'Permission denied' : 'Not a directory';
      if (sh.flavor === 'bash') io.err(`${sh.prefix()}: cd: ${argv[1]}: ${why}\n`);
      else if (sh.flavor === 'dash') io.err(`${sh.prefix()}: cd: can't cd to ${argv[1]}\n`);
      else io.err(`${sh.prefix()}: cd: can't cd to ${argv[1]}: ${why}\n`);
      return sh.flavor === 'dash' ? 2 : 1;
    }
    // Logical path (as typed), like the shells' default `cd -L`.
    const logical = splitPath(target.startsWith('/') ? target : sh.cwd + '/' + target).reduce<string[]>((acc, p) => (p === '..' ? acc.slice(0, -1) : [...acc, p]), []);
    sh.setVar('OLDPWD', sh.cwd, true);
    sh.cwd = joinPath(logical);
    sh.setVar('PWD', sh.cwd, true);
    if (argv[1] === '-') io.out(sh.cwd + '\n');
    return 0;
  },
  pwd(_a, io, sh) {
    io.out(sh.cwd + '\n');
    return 0;
  },
  // the shell's file creation mask, kept and shown (the simulated files are made 0644 whatever it says)
  umask(argv, io, sh) {
    const s = sh as Shell & { mask?: number };
    const m = s.mask ?? 0o22;
    const a = argv.filter((x) => x !== '-S')[1];
    if (a === undefined) {
      io.out(argv.includes('-S') ? [6, 3, 0].map((b, i) => 'ugo'[i] + '=' + 'rwx'.replace(/./g, (c, j) => (m >> b) & (4 >> j) ? '' : c)).join(',') + '\n' : m.toString(8).padStart(4, '0') + '\n');
      return 0;
    }
    if (!/^[0-7]{1,4}$/.test(a)) {
      io.err(`${sh.prefix()}: umask: ${a}: octal number out of range\n`);
      return 1;
    }
    s.mask = parseInt(a, 8);
    return 0;
  },
  // bash's logout ends a login shell (`su -`) only; dash and ash have none
  logout(argv, io, sh) {
    if (sh.flavor === 'bash' && sh.argv0[0] === '-') return BUILTINS.exit(argv, io, sh);
    io.err(sh.flavor === 'bash' ? `${sh.prefix()}: logout: not login shell: use \`exit'\n` : `${sh.prefix()}: logout: not found\n`);
    return sh.flavor === 'bash' ? 1 : 127;
  },
  exit(argv, io, sh) {
    if (sh.interactive && !sh.forked && sh.flavor === 'bash') io.err(sh.argv0[0] === '-' ? 'logout\n' : 'exit\n');
    const n = argv[1] === undefined ? sh.status : Number(argv[1]);
    // dash and ash's number() takes digits only (no sign); bash any integer, modulo 256
    if (!Number.isInteger(n) || (sh.flavor !== 'bash' && argv[1] !== undefined && !/^\d+$/.test(argv[1]))) {
      io.err(sh.flavor === 'bash' ? `${sh.prefix()}: exit: ${argv[1]}: numeric argument required\n` : `${sh.prefix()}: exit: Illegal number: ${argv[1]}\n`);
      // dash and ash raise an error instead, which an interactive shell survives.
      if (sh.flavor === 'bash' || !sh.interactive) sh.exit(2);
      return 2;
    }
    // bash's no_args() fails when more words follow the number: an interactive shell stays, a script ends with 1.
    if (sh.flavor === 'bash' && argv.length > 2) {
      io.err(`${sh.prefix()}: exit: too many arguments\n`);
      if (!sh.interactive) sh.exit(1);
      return 1;
    }
    sh.exit(n);
    return n & 255;
  },
  export(argv, io, sh) {
    // bash's -f: functions that go to the environment (`-n` takes them out)
    if (sh.flavor === 'bash' && /^-n?fn?$/.test(argv[1] ?? '')) {
      let status = 0;
      for (const a of argv.slice(2)) {
        if (!sh.funcs.has(a)) (status = 1), io.err(`${sh.prefix()}: export: ${a}: not a function\n`);
        else sh.xfuncs[argv[1].includes('n') ? 'delete' : 'add'](a);
      }
      return status;
    }
    if (argv.length === 1 || (argv[1] === '-p' && argv.length === 2)) {
      // bash also lists the OLDPWD it exports, unset, from its start
      const vars = [...sh.vars].filter(([, o]) => o.x).map(([k, o]) => [k, o.v] as [string, string | undefined]);
      if (sh.flavor === 'bash' && !sh.vars.has('OLDPWD')) vars.push(['OLDPWD', undefined]);
      io.out(vars.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => (sh.flavor === 'bash' ? `declare -x ${k}${v === undefined ? '' : '=' + dq(v)}\n` : `export ${k}='${v!.replace(/'/g, "'\\''")}'\n`)).join(''));
      return 0;
    }
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      // `export a=(…)` makes the array, which stays out of the environment
      const n = eq > 0 ? a.slice(0, eq).replace(/\+$/, '') : a;
      if (eq > 0) sh.assign(a.slice(0, eq), a.slice(eq + 1));
      sh.setVar(n, sh.getVar(n) ?? '', true);
    }
    return 0;
  },
  alias(argv, io, sh) {
    const show = (k: string) => `${sh.flavor === 'bash' ? 'alias ' : ''}${k}='${sh.aliases.get(k)!.replace(/'/g, "'\\''")}'\n`;
    const p = sh.flavor === 'bash' && argv[1] === '-p';
    if (argv.length === 1 || p) io.out([...sh.aliases.keys()].sort().map(show).join(''));
    let status = 0;
    for (const a of argv.slice(p ? 2 : 1)) {
      const eq = a.indexOf('=');
      // a name is not expanded in the line that defines it (the shells read a line before they run it)
      if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1)), sh.aliasAt.set(a.slice(0, eq), sh.stamp());
      else if (sh.aliases.has(a)) io.out(show(a));
      else {
        io.err(`${sh.prefix()}: alias: ${a}${sh.flavor === 'bash' ? ':' : ''} not found\n`);
        status = 1;
      }
    }
    return status;
  },
  unalias(argv, io, sh) {
    if (argv[1] === '-a') sh.aliases.clear();
    let status = 0;
    for (const a of argv[1] === '-a' ? [] : argv.slice(1)) {
      if (sh.aliases.delete(a)) continue;
      io.err(`${sh.prefix()}: unalias: ${a}${sh.flavor === 'bash' ? ':' : ''} not found\n`);
      status = 1;
    }
    return status;
  },
  unset(argv, io, sh) {
    const f = argv[1] === '-f';
    let status = 0;
    for (const a of argv.slice(f || argv[1] === '-v' ? 2 : 1)) {
      if (f) sh.funcs.delete(a), sh.xfuncs.delete(a);
      else if (sh.vars.get(a)?.r) (sh.readOnly(a, io, 'unset: '), (status = 1));
      else if (sh.flavor === 'bash' && a.includes('[')) status |= +!unsetElement(sh, a, io);
      else sh.unsetVar(a);
    }
    return status;
  },
  history(argv, io, sh) {
    // busybox's lineedit numbers from 0, "%4d %s" (and takes no options)
    if (sh.flavor === 'ash') {
      io.out(sh.history.map((l, i) => `${String(i).padStart(4)} ${l}\n`).join(''));
      return 0;
    }
    if (argv[1] === '-c') {
      sh.history.length = 0;
      return 0;
    }
    // bash: `history N` lists the last N lines, with their numbers.
    const n = argv[1] === undefined ? sh.history.length : Number(argv[1]);
    if (!Number.isInteger(n) || n < 0) {
      io.err(/^-/.test(argv[1]) ? `${sh.prefix()}: history: ${argv[1].slice(0, 2)}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n` : `${sh.prefix()}: history: ${argv[1]}: numeric argument required\n`);
      return /^-/.test(argv[1]) ? 2 : 1;
    }
    io.out(historyText(sh.history, Math.max(0, sh.history.length - n)));
    return 0;
  },
  type(argv, io, sh) {
    let o = '';
    let k = 1;
    // dash and ash take no options
    for (; sh.flavor === 'bash' && /^-./.test(argv[k] ?? ''); k++) {
      if (argv[k] === '--' && ++k) break;
      const bad = /[^aftpP]/.exec(argv[k].slice(1));
      if (bad) return io.err(`${sh.prefix()}: type: -${bad[0]}: invalid option\ntype: usage: type [-afptP] name [name ...]\n`), 2;
      o += argv[k].slice(1);
    }
    // the last of -t, -p and -P says what is printed
    const how = (/[tpP](?!.*[tpP])/.exec(o)?.[0] ?? 'S').replace('P', 'p');
    let status = 0;
    for (const n of argv.slice(k)) if (!describe(sh, n, io, how, o.includes('a'), o.includes('P'), o.includes('f'))) status = notFound(sh, io, n, 'type', how === 'S');
    return status;
  },
  async command(argv, io, sh) {
    // -v: the word a builtin or function is run by, or the path found in PATH; -V: as `type` says
    // it (the last of the two wins); -p: the search goes through the system's standard PATH
    let k = 1, how = '', std = false;
    for (; /^-./.test(argv[k] ?? ''); k++) {
      if (argv[k] === '--') {
        k++;
        break;
      }
      const bad = /[^pvV]/.exec(argv[k].slice(1))?.[0];
      if (bad) return io.err(sh.flavor === 'bash' ? `${sh.prefix()}: command: -${bad}: invalid option\ncommand: usage: command [-pVv] command [arg ...]\n` : `${sh.prefix()}: command: ${sh.flavor === 'dash' ? 'I' : 'i'}llegal option -${bad}\n`), 2;
      for (const c of argv[k].slice(1)) if (c === 'p') std = true; else how = c;
    }
    const names = argv.slice(k);
    const run = async () => {
      if (!how) return names.length ? sh.spawn(names, io) : 0;
      let status = 0;
      for (const n of names) if (!describe(sh, n, io, how === 'v' ? 'r' : 'S')) status = notFound(sh, io, n, 'command', how === 'V');
      return status;
    };
    if (!std) return run();
    const path = sh.getVar('PATH');
    sh.setVar('PATH', { bash: '/bin:/usr/bin', dash: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ash: '/sbin:/usr/sbin:/bin:/usr/bin' }[sh.flavor]);
    try {
      return await run();
    } finally {
      if (path === undefined) sh.unsetVar('PATH');
      else sh.setVar('PATH', path);
    }
  },
  echo(argv, io, sh) {
    if (sh.flavor !== 'dash') return COREUTILS.echo(argv, io, sh);
    // dash's echo knows only -n and always interprets backslash escapes (\c ends the output).
    const nonl = argv[1] === '-n';
    const u = unescape(argv.slice(nonl ? 2 : 1).join(' '));
    io.out(u.text + (nonl || u.stop ? '' : '\n'));
    return 0;
  },
  printf,
  true: COREUTILS.true,
  false: COREUTILS.false,
  ':': COREUTILS.true,
  kill(argv, io, sh) {
    const { spec, pids } = killArgs(argv.slice(1));
    const sig = spec === undefined ? 15 : parseSignal(spec);
    // `-l`, and a signal it does not know (said there, with no job or the shell touched)
    if (/^-[lL]$/.test(argv[1] ?? '') || sig === undefined) return COREUTILS.kill(argv, io, sh);
    const r = jobPids(sh, pids, sig, io);
    // `kill $$` from a shell that is not PID 1 (which the kernel shields): its trap, or its end;
    // an interactive shell ignores TERM, INT and QUIT
    const self = String(sh.ownPid);
    if (sh.ownPid !== 1 && sh.m.signal && r.pids.includes(self)) {
      r.pids = r.pids.filter((p) => p !== self);
      if (sig === 9 || (FATAL.includes(sig) && !sh.trapped(sig) && !(sh.interactive && [2, 3, 15].includes(sig)))) sh.exit(128 + sig);
    }
    // the operands were all jobs (or the shell itself), killed or not found: nothing is left for kill itself
    if (pids.length && !r.pids.length) return +r.failed;
    return Math.max(COREUTILS.kill(['kill', ...(spec === undefined ? [] : ['-s', spec]), '--', ...r.pids], io, sh) as number, +r.failed);
  },
  ...JOB_BUILTINS,
  trap,
  test,
  '[': test,
  '[[': test,
  break: loopJump('break'),
  continue: loopJump('continue'),
  return(argv, io, sh) {
    if (!sh.frames.length && sh.flavor === 'bash') {
      io.err(`${sh.prefix()}: return: can only \`return' from a function or sourced script\n`);
      return 2;
    }
    sh.jump = { k: 'return', n: 1 };
    return argv[1] === undefined ? sh.status : Number(argv[1]) & 255;
  },
  set(argv, io, sh) {
    if (argv.length === 1) {
      io.out(varList(sh) + fnList(sh));
      return 0;
    }
    for (let k = 1; k < argv.length; k++) {
      const a = argv[k];
      if (a === '--' || !/^[-+]/.test(a)) {
        sh.args = argv.slice(a === '--' ? k + 1 : k);
        break;
      }
      // -e, -u, -x and -o pipefail take effect; the other options are taken without theirs
      const flags = a === '-o' || a === '+o' ? ({ errexit: 'e', nounset: 'u', xtrace: 'x', pipefail: '|', noglob: 'f', noclobber: 'C', errtrace: 'E' } as Record<string, string>)[argv[++k]] ?? '' : a.slice(1);
      // dash 0.5.12 has no pipefail (the classic failure of `set -o pipefail` in a Dockerfile's RUN)
      if (flags === '|' && sh.flavor === 'dash') {
        io.err(`${sh.prefix()}: set: Illegal option -o pipefail\n`);
        return shellError(sh);
      }
      if (flags.includes('|')) sh.pipefail = a[0] === '-';
      if (flags.includes('e')) sh.errexit = a[0] === '-';
      if (flags.includes('E')) sh.errtrace = a[0] === '-';
      if (flags.includes('u')) sh.nounset = a[0] === '-';
      if (flags.includes('x')) sh.xtrace = a[0] === '-';
      if (flags.includes('f')) sh.noglob = a[0] === '-';
      if (flags.includes('C')) sh.noclobber = a[0] === '-';
    }
    return 0;
  },
  read(argv, io, sh) {
    let k = 1;
    let raw = false;
    let prompt = '';
    let arr: string | undefined;
    let fd: string | undefined;
    // bash's -a: the fields into an array; -u N reads descriptor N
    for (; /^-[rpau]+$/.test(argv[k] ?? '') && (sh.flavor === 'bash' || !argv[k].includes('a')) && (sh.flavor !== 'dash' || !argv[k].includes('u')); k++) {
      for (const c of argv[k].slice(1)) {
        if (c === 'r') {
          raw = true;
          continue;
        }
        const v = argv[++k];
        if (v === undefined && sh.flavor !== 'ash') return io.err(sh.flavor === 'bash' ? `${sh.prefix()}: read: -${c}: option requires an argument\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n` : `${sh.prefix()}: read: No arg for -${c} option\n`), 2;
        if (c === 'p') prompt = v ?? '';
        else if (c === 'u') fd = v ?? '';
        else arr = v ?? 'REPLY';
      }
    }
    const from = fd && +fd ? io.fds?.[+fd]?.r : io.feed;
    if (fd !== undefined && !/^\d+$/.test(fd)) return io.err(`${sh.prefix()}: read: ${fd}: invalid file descriptor specification\n`), 1;
    if (fd && +fd && !from) {
      io.err(`${sh.prefix()}: read: ${fd}: invalid file descriptor: Bad file descriptor\n`);
      return 1;
    }
    // dash's read knows -p and -r only
    const bad = sh.flavor === 'dash' && /^-[rp]*([^rp])/.exec(argv[k] ?? '');
    if (bad) {
      io.err(`${sh.prefix()}: read: Illegal option -${bad[1]}\n`);
      return shellError(sh);
    }
    const names = argv.length > k ? argv.slice(k) : ['REPLY'];
    // the fields split at IFS, the last name taking the rest; without -r a backslash escapes
    const assign = (line: string) => {
      const text = raw ? line : line.replace(/\\(.)/g, '$1');
      const ifs = sh.getVar('IFS') ?? ' \t\n';
      if (arr !== undefined) return void sh.assign(arr, packList(ifsFields(text, ifs).map((f) => [null, f])));
      const f = ifsFields(text, ifs, names.length);
      names.forEach((n, j) => sh.setVar(n, f[j] ?? ''));
    };
    if (io.stdin === undefined && sh.typed && from === io.feed) {
      // a terminal: the next line typed is the answer
      sh.ask(prompt, async (answer, io2) => {
        assign(answer);
        return sh.resume(io2);
      });
      sh.stopLine = true;
      return 0;
    }
    const feed = from ?? { rest: io.stdin ?? '' };
    const nl = feed.rest.indexOf('\n');
    const line = nl < 0 ? feed.rest : feed.rest.slice(0, nl);
    feed.rest = nl < 0 ? '' : feed.rest.slice(nl + 1);
    assign(line);
    return nl < 0 ? 1 : 0;
  },
  /** `exec CMD…`: the command takes the shell's place, so the shell ends with it. */
  async exec(argv, io, sh) {
    if (argv.length < 2) return 0;
    const s = await sh.spawn(argv.slice(1), io);
    sh.exit(s);
    return s;
  },
  local(argv, io, sh) {
    const frame = sh.frames[sh.frames.length - 1];
    if (!frame) {
      io.err(`${sh.prefix()}: local: ${sh.flavor === 'bash' ? 'can only be used in a function' : 'not in a function'}\n`);
      return shellError(sh);
    }
    if (sh.flavor === 'bash') return declare(argv, io, sh);
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!frame.has(name)) frame.set(name, sh.vars.get(name));
      if (eq > 0) sh.setVar(name, a.slice(eq + 1));
    }
    return 0;
  },
  // getopts SPEC NAME [ARG…]: the next option of the arguments (the positional ones without),
  // OPTIND the next word to read; a `:` first in SPEC reports errors in NAME and OPTARG instead
  getopts(argv, io, sh) {
    const [, spec, name] = argv;
    if (name === undefined) return io.err('getopts: usage: getopts optstring name [arg ...]\n'), 2;
    const args = argv.length > 3 ? argv.slice(3) : sh.args;
    let ind = parseInt(sh.getVar('OPTIND') ?? '') || 1;
    const word = args[ind - 1] ?? '';
    // where in a word of several letters the last call stopped
    let pos = sh.optAt[0] === ind ? sh.optAt[1] : 1;
    const silent = spec[0] === ':';
    const done = (v: string, arg?: string) => {
      sh.setVar(name, v);
      if (arg === undefined) sh.unsetVar('OPTARG');
      else sh.setVar('OPTARG', arg);
      sh.setVar('OPTIND', String(ind));
      sh.optAt = [ind, pos];
    };
    if (!/^-./.test(word) || word === '--') return (ind += +(word === '--')), done('?'), 1;
    const c = word[pos++];
    const k = c === ':' ? -1 : spec.indexOf(c);
    // the value: the rest of the word, else the next word
    const takes = k >= 0 && spec[k + 1] === ':';
    let arg = takes && pos < word.length ? word.slice(pos) : takes && ind < args.length ? args[ind++] : undefined;
    if (takes) pos = word.length;
    if (pos >= word.length) (ind++, (pos = 1));
    if (k < 0 || (spec[k + 1] === ':' && arg === undefined)) {
      if (!silent) io.err(`${sh.argv0}: ${k < 0 ? 'illegal option' : 'option requires an argument'} -- ${c}\n`);
      arg = silent ? c : undefined;
      return done(silent && k >= 0 ? ':' : '?', arg), 0;
    }
    return done(c, arg), 0;
  },
  shift(argv, io, sh) {
    const a = argv[1] ?? '1';
    const n = /^\d+$/.test(a) ? +a : NaN;
    if (!(n <= sh.args.length)) {
      // bash fails quietly when there are too few; dash and busybox say so
      const bad = /^-?\d+$/.test(a) ? (a.startsWith('-') ? `${a}: shift count out of range` : '') : `${a}: numeric argument required`;
      if (sh.flavor !== 'bash') io.err(`${sh.prefix()}: shift: ${n >= 0 ? "can't shift that many" : `Illegal number: ${a}`}\n`);
      else if (bad) io.err(`${sh.prefix()}: shift: ${bad}\n`);
      return shellError(sh);
    }
    sh.args = sh.args.slice(n);
    return 0;
  },
  let(argv, io, sh) {
    if (argv.length < 2) {
      io.err(`${sh.prefix()}: let: expression expected\n`);
      return 1;
    }
    let v = 0;
    try {
      for (const a of argv.slice(1)) v = arith(a, sh.arithVars);
    } catch (e) {
      if (!(e instanceof ArithError)) throw e;
      io.err(`${sh.prefix()}: let: ${sh.arithMessage(e)}\n`);
      return 1;
    }
    return v ? 0 : 1;
  },
  // `. FILE`: its commands run in this shell, whose variables and functions they change
  async '.'(argv, io, sh) {
    const bash = sh.flavor === 'bash';
    // without a file: bash says so, busybox fails quietly, dash does nothing
    if (!argv[1]) return bash ? (io.err(`${sh.prefix()}: ${argv[0]}: filename argument required\n${argv[0]}: usage: ${argv[0]} filename [arguments]\n`), 2) : sh.flavor === 'ash' ? 2 : 0;
    let text;
    try {
      text = sh.m.fs.readFile(argv[1], sh.cwd);
    } catch {
      io.err(`${sh.prefix()}: ${bash ? '' : '.: cannot open '}${argv[1]}${bash ? ': No such file or directory' : ': No such file'}\n`);
      return shellError(sh);
    }
    // the lines it reads are its own: the caller's line number stays
    const line = sh.lineNo;
    try {
      return await sh.run(text, io);
    } finally {
      sh.lineNo = line;
    }
  },
  // `hash -r`: forget where programs were found (activate scripts do it after changing PATH)
  hash(argv, _io, sh) {
    if (argv[1] === '-r') sh.hashed.clear();
    return 0;
  },
  source(argv, io, sh) {
    return BUILTINS['.'](argv, io, sh);
  },
  declare,
  // readonly NAME[=VALUE]…: declare -r, global
  readonly: (argv, io, sh) => {
    let status = 0;
    for (const a of argv.slice(1)) {
      const [, name, value] = /^(\w+)(?:=([^]*))?$/.exec(a) ?? [];
      if (!name) status = (io.err(`${sh.prefix()}: readonly: \`${a}': not a valid identifier\n`), 1);
      else if (value === undefined || sh.assign(name, value, io)) sh.vars.set(name, { v: '', x: false, ...sh.vars.get(name), r: true });
      else status = 1;
    }
    return status;
  },
  typeset: declare,
  // `eval WORDS`: the words joined by spaces, run as a line of this shell (a `return` in them
  // returns from the function eval runs in)
  eval: (argv, io, sh) => (argv.length > 1 ? sh.run(argv.slice(1).join(' '), io, true) : 0),
  // `shopt -s NAME` and `-u`: nullglob and expand_aliases change what the shell does; bash 5.2
  // knows these names
  shopt(argv, io, sh) {
    let status = 0;
    for (const n of argv.slice(1).filter((a) => !a.startsWith('-'))) {
      if (!SHOPTS.includes(` ${n} `)) (status = 1), io.err(`${sh.prefix()}: shopt: ${n}: invalid shell option name\n`);
      else if (argv[1] === '-s') sh.shopts.add(n);
      else if (argv[1] === '-u') sh.shopts.delete(n);
    }
    return status;
  },
  mapfile,
  readarray: mapfile,
  help,
};
