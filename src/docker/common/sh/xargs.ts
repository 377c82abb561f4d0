/** `xargs [-0prt] [-a FILE] [-E EOF] [-n N] [-L N] [-I REPLACE] [-P N] [COMMAND [ARG]…]` (and GNU's long options): the words of the input as arguments (echo without a command), run one after another. */
import { reason } from './fs';
import type { IO, ShellLike } from './types';

// getopt_long's tables: the letters (`:` a value, `::` one only when attached) and, in GNU's
// order, the long options each stands for
const SHORT = '0a:E:e::i::I:l::L:n:prs:txP:d:';
const LONG: Record<string, string> = { null: '0', 'arg-file': 'a', delimiter: 'd', eof: 'e', replace: 'i', 'max-lines': 'l', 'max-args': 'n', 'open-tty': 'o', interactive: 'p', 'no-run-if-empty': 'r', 'max-chars': 's', verbose: 't', 'show-limits': 'S', exit: 'x', 'max-procs': 'P', 'process-slot-var': 'V' };

export async function xargs(args: string[], io: IO, sh: ShellLike): Promise<number> {
  let k = 1;
  let per = Infinity;
  let repl: string | undefined;
  let eof: string | undefined;
  let file: string | undefined;
  const on = new Set<string>();
  const fail = (what: string) => (io.err(`xargs: ${what}\nTry 'xargs --help' for more information.\n`), 1);
  const set = (f: string, v: string | undefined): string | undefined => {
    if (f === 'I' || f === 'i') repl = v ?? '{}';
    else if (f === 'E' || f === 'e') eof = v;
    else if (f === 'a') file = v;
    else if ('nLlPs'.includes(f) && (f !== 'l' || v !== undefined)) {
      if (!/^\s*[-+]?\d+$/.test(v!)) return `invalid number "${v}" for -${f} option`;
      if (+v! < +(f !== 'P')) return `value ${v} for -${f} option should be >= ${+(f !== 'P')}`;
      if (f !== 'P' && f !== 's') per = +v!;
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
  const words = on.has('0') ? text.split('\0').filter(Boolean) : repl !== undefined || on.has('L') ? text.split('\n').filter((l) => l.trim()) : [...text.matchAll(/"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g)].map((m) => m[1] ?? m[2] ?? m[3].replace(/\\(.)/g, '$1'));
  // -E: the input ends before the word given (-0 reads it all)
  const end = eof && !on.has('0') ? words.findIndex((w) => w.split(/\s+/).includes(eof!)) : -1;
  if (end >= 0) {
    const before = words[end].split(/\s+/);
    words.splice(end, Infinity, ...[before.slice(0, before.indexOf(eof!)).join(' ')].filter((w) => w.trim()));
  }
  // GNU xargs runs the command once on an empty input (not with -r)
  const once = !words.length && repl === undefined && per === Infinity && !on.has('r');
  let status = 0;
  for (let i = 0; i < words.length || (once && !i); i += repl !== undefined ? 1 : per) {
    const argv = once ? cmd : repl !== undefined ? cmd.map((a) => a.split(repl!).join(words[i].trim())) : [...cmd, ...words.slice(i, i + per).flatMap((w) => (on.has('L') ? w.split(/\s+/).filter(Boolean) : [w]))];
    // -t: each command on stderr before it runs
    if (on.has('t')) io.err(argv.join(' ') + '\n');
    // -p asks on the terminal, which a container's programs do not have
    if (on.has('p')) return io.err(`${argv.join(' ')}xargs: failed to open /dev/tty for reading: No such device or address\n`), 1;
    const s = await run(argv, io, sh);
    if (s === 127 || s === 126) return s;
    if (s) status = 123;
  }
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
