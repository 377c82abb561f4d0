/**
 * `xargs [-0rt] [-n N] [-L N] [-I REPLACE] [-d DELIM] [-P N] [COMMAND [ARG]…]`: the words of the
 * input as arguments (echo without a command), the commands run one after another.
 */
import type { IO, ShellLike } from './types';

export async function xargs(args: string[], io: IO, sh: ShellLike): Promise<number> {
  let k = 1;
  let per = Infinity;
  let lines = 0;
  let repl: string | undefined;
  let delim: string | undefined;
  const on = new Set<string>();
  // getopt's `+0a:d:E:I:i::l::L:n:prs:tP:xe::` up to the command
  for (; k < args.length && /^-./.test(args[k]) && args[k] !== '--'; k++) {
    for (let j = 1; j < args[k].length; j++) {
      const f = args[k][j];
      if ('0rtxp'.includes(f)) {
        on.add(f);
        continue;
      }
      if (!'nILdPsaE'.includes(f)) return io.err(`xargs: invalid option -- '${f}'\nTry 'xargs --help' for more information.\n`), 1;
      const v = args[k].length > j + 1 ? args[k].slice(j + 1) : args[++k];
      if (v === undefined) return io.err(`xargs: option requires an argument -- '${f}'\nTry 'xargs --help' for more information.\n`), 1;
      if (f === 'I') repl = v;
      else if (f === 'n') per = Math.max(1, parseInt(v, 10) || 1);
      else if (f === 'L') lines = Math.max(1, parseInt(v, 10) || 1);
      else if (f === 'd') delim = v.replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
      break;
    }
  }
  if (args[k] === '--') k++;
  const cmd = args.length > k ? args.slice(k) : ['echo'];
  // blanks and newlines separate the words; quotes and a backslash keep them together (-0: NULs, -d: DELIM)
  const text = io.stdin ?? '';
  const sep = on.has('0') ? '\0' : delim;
  const raw = sep !== undefined ? text.split(sep).filter((w, i, a) => w !== '' || i < a.length - 1).map((w) => (sep === '\n' || sep === '\0' ? w : w.replace(/\n$/, ''))) : undefined;
  const groups = repl !== undefined || lines ? text.split('\n').filter((l) => l.trim()) : undefined;
  const words = raw ?? groups ?? [...text.matchAll(/"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g)].map((m) => m[1] ?? m[2] ?? m[3].replace(/\\(.)/g, '$1'));
  // GNU xargs runs the command once on an empty input (not with -r)
  const once = !words.length && repl === undefined && per === Infinity && !on.has('r');
  const step = repl !== undefined ? 1 : lines || per;
  let status = 0;
  for (let i = 0; i < words.length || (once && !i); i += step) {
    const argv = once ? cmd : repl !== undefined ? cmd.map((a) => a.split(repl!).join(words[i].trim())) : [...cmd, ...(lines && !raw ? words.slice(i, i + lines).join(' ').split(/\s+/).filter(Boolean) : words.slice(i, i + step))];
    // -t: each command on stderr before it runs
    if (on.has('t')) io.err(argv.join(' ') + '\n');
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
