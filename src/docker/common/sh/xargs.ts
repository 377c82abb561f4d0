/** `xargs [-0prt] [-a FILE] [-d DELIM] [-E EOF] [-n N] [-L N] [-s SIZE] [-I REPLACE] [-P N] [COMMAND [ARG]…]` (and GNU's long options): the words of the input as arguments (echo without a command), run one after another. */
import { reason } from './fs';
import { gnuVersion } from './gnu-version';
import { unescape } from './coreutils';
import type { IO, ShellLike } from './types';

// getopt_long's tables: the letters (`:` a value, `::` one only when attached) and, in GNU's
// order, the long options each stands for
const SHORT = '0a:E:e::i::I:l::L:n:prs:txP:d:';
const LONG: Record<string, string> = { help: 'h', version: 'v', null: '0', 'arg-file': 'a', delimiter: 'd', eof: 'e', replace: 'i', 'max-lines': 'l', 'max-args': 'n', 'open-tty': 'o', interactive: 'p', 'no-run-if-empty': 'r', 'max-chars': 's', verbose: 't', 'show-limits': 'S', exit: 'x', 'max-procs': 'P', 'process-slot-var': 'V' };

/** GNU findutils 4.9.0's `xargs --help`. */
const HELP = `Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...
Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.

Mandatory and optional arguments to long options are also
mandatory or optional for the corresponding short option.
  -0, --null                   items are separated by a null, not whitespace;
                                 disables quote and backslash processing and
                                 logical EOF processing
  -a, --arg-file=FILE          read arguments from FILE, not standard input
  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER,
                                 not by whitespace; disables quote and backslash
                                 processing and logical EOF processing
  -E END                       set logical EOF string; if END occurs as a line
                                 of input, the rest of the input is ignored
                                 (ignored if -0 or -d was specified)
  -e, --eof[=END]              equivalent to -E END if END is specified;
                                 otherwise, there is no end-of-file string
  -I R                         same as --replace=R
  -i, --replace[=R]            replace R in INITIAL-ARGS with names read
                                 from standard input, split at newlines;
                                 if R is unspecified, assume {}
  -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per
                                 command line
  -l[MAX-LINES]                similar to -L but defaults to at most one non-
                                 blank input line if MAX-LINES is not specified
  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line
  -o, --open-tty               Reopen stdin as /dev/tty in the child process
                                 before executing the command; useful to run an
                                 interactive application.
  -P, --max-procs=MAX-PROCS    run at most MAX-PROCS processes at a time
  -p, --interactive            prompt before running commands
      --process-slot-var=VAR   set environment variable VAR in child processes
  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND;
                                 if this option is not given, COMMAND will be
                                 run at least once
  -s, --max-chars=MAX-CHARS    limit length of command line to MAX-CHARS
      --show-limits            show limits on command-line length
  -t, --verbose                print commands before executing them
  -x, --exit                   exit if the size (see -s) is exceeded
      --help                   display this help and exit
      --version                output version information and exit

Please see also the documentation at https://www.gnu.org/software/findutils/.
You can report (and track progress on fixing) bugs in the "xargs"
program via the GNU findutils bug-reporting page at
https://savannah.gnu.org/bugs/?group=findutils or, if
you have no web access, by sending email to <bug-findutils@gnu.org>.
`;

export async function xargs(args: string[], io: IO, sh: ShellLike): Promise<number> {
  let k = 1;
  let per = Infinity;
  let repl: string | undefined;
  let eof: string | undefined;
  let file: string | undefined;
  let delim: string | undefined;
  let size = Infinity;
  const on = new Set<string>();
  const fail = (what: string) => (io.err(`xargs: ${what}\n${what.startsWith('Invalid input') ? '' : "Try 'xargs --help' for more information.\n"}`), 1);
  const set = (f: string, v: string | undefined): string | undefined => {
    if (f === 'I' || f === 'i') repl = v ?? '{}';
    else if (f === 'E' || f === 'e') eof = v;
    else if (f === 'a') file = v;
    else if (f === 'd') {
      // one character, or an escape (`\n`, `\t`, `\0`, `\x41`)
      delim = v!.length > 1 && v![0] === '\\' ? (v === '\\0' ? '\0' : unescape(v!).text) : v;
      if (delim!.length !== 1) return `Invalid input delimiter specification ${v}: the delimiter must be either a single character or an escape sequence starting with \\.`;
    } else if ('nLlPs'.includes(f) && (f !== 'l' || v !== undefined)) {
      if (!/^\s*[-+]?\d+$/.test(v!)) return `invalid number "${v}" for -${f} option`;
      if (+v! < +(f !== 'P')) {
        // a size too small is told, and then too small for anything
        if (f !== 's') return `value ${v} for -${f} option should be >= ${+(f !== 'P')}`;
        io.err(`xargs: value ${v} for -s option should be >= 1\n`);
      }
      if (f === 's') size = Math.max(1, +v!);
      else if (f !== 'P') per = +v!;
    }
    if ('Ll'.includes(f)) on.add('L'), v === undefined && (per = 1);
    on.add(f);
  };
  // getopt up to the command (a `+` string: the first operand ends the options)
  for (; k < args.length && /^-./.test(args[k]); k++) {
    const a = args[k];
    if (a === '--') {
      k++;
      break;
    }
    if (a[1] === '-') {
      const [n, ...eq] = a.slice(2).split('=');
      const like = Object.keys(LONG).filter((o) => o.startsWith(n));
      const name = like.includes(n) ? n : like.length === 1 ? like[0] : undefined;
      if (!name) return fail(like.length ? `option '${a}' is ambiguous; possibilities:${like.map((o) => ` '--${o}'`).join('')}` : `unrecognized option '${a}'`);
      const f = LONG[name];
      if (f === 'h') return io.out(HELP), 0;
      if (f === 'v') return io.out(gnuVersion('xargs (GNU findutils) 4.9.0', 2022) + '\nWritten by Eric B. Decker, James Youngman, and Kevin Dalley.\n'), 0;
      const takes = SHORT.slice(SHORT.indexOf(f) + 1).match(/^:*/)![0].length;
      let v = eq.length ? eq.join('=') : undefined;
      if (!takes && v !== undefined) return fail(`option '--${name}' doesn't allow an argument`);
      if (takes === 1 && v === undefined && (v = args[++k]) === undefined) return fail(`option '--${name}' requires an argument`);
      const bad = set(f, v);
      if (bad) return fail(bad);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      const at = SHORT.indexOf(f);
      if (at < 0 || f === ':') return fail(`invalid option -- '${f}'`);
      const takes = SHORT.slice(at + 1).match(/^:*/)![0].length;
      const v = !takes ? undefined : a.length > j + 1 ? a.slice(j + 1) : takes === 1 ? args[++k] : undefined;
      if (takes === 1 && v === undefined) return fail(`option requires an argument -- '${f}'`);
      const bad = set(f, v);
      if (bad) return fail(bad);
      if (takes) break;
    }
  }
  const cmd = args.length > k ? args.slice(k) : ['echo'];
  // blanks and newlines separate the words; quotes and a backslash keep them together (-0: NULs)
  let text = io.stdin ?? '';
  if (file !== undefined) {
    try {
      text = sh.m.fs.readFile(file, sh.cwd);
    } catch (e) {
      return io.err(`xargs: Cannot open input file '${file}': ${reason(e)}\n`), 1;
    }
  }
  // -L: whole lines, their words together
  // -0 and -d: every item between separators, the empty ones too, but after the last separator
  if (on.has('0')) delim = '\0';
  const items = delim !== undefined && text.split(delim);
  if (items && items[items.length - 1] === '') items.pop();
  let unmatched = '';
  const words = items || (repl !== undefined || on.has('L') ? text.split('\n').filter((l) => l.trim()) : [...text.matchAll(/(?=((?:"[^"\n]*"|'[^'\n]*'|\\[^]|[^\s"'\\])*))\1(["']?)/g)].filter((m) => m[0] && !unmatched && !(m[2] && (unmatched = m[2] === '"' ? 'double' : 'single'))).map((m) => m[1]).map((w) => w.replace(/"([^"]*)"|'([^']*)'|\\([^])/g, '$1$2$3')));
  // -E: the input ends before the word given (-0 reads it all)
  const end = eof && !items ? words.findIndex((w) => w.split(/\s+/).includes(eof!)) : -1;
  if (end >= 0) {
    const before = words[end].split(/\s+/);
    words.splice(end, Infinity, ...[before.slice(0, before.indexOf(eof!)).join(' ')].filter((w) => w.trim()));
  }
  // GNU xargs runs the command once on an empty input (not with -r)
  const once = !words.length && !unmatched && repl === undefined && per === Infinity && !on.has('r');
  let status = 0;
  // -s: the command line's length, each argument counted with its terminating NUL
  const len = (a: string[]) => a.reduce((n, w) => n + w.length + 1, 0);
  if (len(cmd) > size) return io.err('xargs: cannot fit single argument within argument list size limit\n'), 1;
  for (let i = 0, n = 0; i < words.length || (once && !i); i += n) {
    n = once || repl !== undefined ? 1 : Math.min(per, words.length - i);
    for (let j = 0, used = len(cmd); j < n && i + j < words.length; j++) if ((used += words[i + j].length + 1) > size && j) n = j;
    if (len([...cmd, words[i] ?? '']) > size) return io.err('xargs: argument line too long\n'), 1;
    const argv = once ? cmd : repl !== undefined ? cmd.map((a) => a.split(repl!).join(words[i].trim())) : [...cmd, ...words.slice(i, i + n).flatMap((w) => (on.has('L') ? w.split(/\s+/).filter(Boolean) : [w]))];
    // -t: each command on stderr before it runs
    if (on.has('t')) io.err(argv.join(' ') + '\n');
    // -p asks on the terminal, which a container's programs do not have
    if (on.has('p')) return io.err(`${argv.join(' ')}xargs: failed to open /dev/tty for reading: No such device or address\n`), 1;
    const s = await run(argv, io, sh);
    if (s === 127 || s === 126) return s;
    // a status of 255 stops GNU xargs
    if (s === 255) return io.err(`xargs: ${argv[0]}: exited with status 255; aborting\n`), 124;
    if (s) status = 123;
  }
  if (unmatched) return io.err(`xargs: unmatched ${unmatched} quote; by default quotes are special to xargs unless you use the -0 option\n`), 1;
  return status;
}

async function run(argv: string[], io: IO, sh: ShellLike): Promise<number> {
  // a program in PATH: xargs runs no builtin
  if (!sh.which(argv[0])) {
    io.err(`xargs: ${argv[0]}: No such file or directory\n`);
    return 127;
  }
  return sh.spawn(argv, { ...io, stdin: '' });
}
