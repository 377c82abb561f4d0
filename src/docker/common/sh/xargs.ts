/** `xargs [-n N] [-I REPLACE] [COMMAND [ARG]…]`: the words of the input as arguments (echo without a command). */
import type { IO, ShellLike } from './types';

export async function xargs(args: string[], io: IO, sh: ShellLike): Promise<number> {
  let k = 1;
  let per = Infinity;
  let repl: string | undefined;
  for (; k < args.length && /^-[nI]/.test(args[k]); k++) {
    const flag = args[k][1];
    const v = args[k].length > 2 ? args[k].slice(2) : args[++k] ?? '';
    if (flag === 'I') repl = v;
    else per = Math.max(1, parseInt(v, 10) || 1);
  }
  const cmd = args.length > k ? args.slice(k) : ['echo'];
  // blanks and newlines separate the words; quotes and a backslash keep them together
  const text = io.stdin ?? '';
  const words = repl !== undefined ? text.split('\n').filter((l) => l.trim()) : [...text.matchAll(/"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g)].map((m) => m[1] ?? m[2] ?? m[3].replace(/\\(.)/g, '$1'));
  // GNU xargs runs the command once on an empty input
  const once = !words.length && repl === undefined && per === Infinity;
  let status = 0;
  for (let i = 0; i < words.length || (once && !i); i += repl !== undefined ? 1 : per) {
    const argv = once ? cmd : repl !== undefined ? cmd.map((a) => a.split(repl!).join(words[i].trim())) : [...cmd, ...words.slice(i, i + per)];
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
