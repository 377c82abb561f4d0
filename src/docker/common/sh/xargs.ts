/** `xargs [-0rt] [-n N] [-L N] [-I REPLACE] [-P N] [COMMAND [ARG]…]`: the words of the input as arguments (echo without a command), run one after another. */
import type { IO, ShellLike } from './types';

export async function xargs(args: string[], io: IO, sh: ShellLike): Promise<number> {
  let k = 1;
  let per = Infinity;
  let repl: string | undefined;
  const on = new Set<string>();
  // getopt up to the command: -0 -r -t alone, -n -L -I -P (and -d -s, not applied) with a value
  for (; k < args.length && /^-./.test(args[k]); k++) {
    for (let j = 1; j < args[k].length; j++) {
      const f = args[k][j];
      if ('0rtx'.includes(f)) {
        on.add(f);
        continue;
      }
      const v = args[k].length > j + 1 ? args[k].slice(j + 1) : args[++k];
      const bad = !'nIPLds'.includes(f) ? `invalid option -- '${f}'` : v === undefined ? `option requires an argument -- '${f}'` : '';
      if (bad) return io.err(`xargs: ${bad}\nTry 'xargs --help' for more information.\n`), 1;
      if (f === 'I') repl = v;
      else if (f === 'n' || f === 'L') (per = Math.max(1, parseInt(v, 10) || 1)), f === 'L' && on.add(f);
      break;
    }
  }
  const cmd = args.length > k ? args.slice(k) : ['echo'];
  // blanks and newlines separate the words; quotes and a backslash keep them together (-0: NULs)
  const text = io.stdin ?? '';
  // -L: whole lines, their words together
  const words = on.has('0') ? text.split('\0').filter(Boolean) : repl !== undefined || on.has('L') ? text.split('\n').filter((l) => l.trim()) : [...text.matchAll(/"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g)].map((m) => m[1] ?? m[2] ?? m[3].replace(/\\(.)/g, '$1'));
  // GNU xargs runs the command once on an empty input (not with -r)
  const once = !words.length && repl === undefined && per === Infinity && !on.has('r');
  let status = 0;
  for (let i = 0; i < words.length || (once && !i); i += repl !== undefined ? 1 : per) {
    const argv = once ? cmd : repl !== undefined ? cmd.map((a) => a.split(repl!).join(words[i].trim())) : [...cmd, ...words.slice(i, i + per).flatMap((w) => (on.has('L') ? w.split(/\s+/).filter(Boolean) : [w]))];
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
