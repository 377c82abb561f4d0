/** `--help` and `--version` of the programs of dd.ts, file-tools.ts, expr.ts…: GNU's (or the package's); busybox's applets run as called. */
import { osRelease } from './fs';
import type { Command } from './types';
import { gnuVersion } from './gnu-version';

/**
 * The usage lines that open each program's --help, where they are not `NAME [OPTION]... [FILE]...`
 * (`@` stands for `\n  or:  NAME OPTION`).
 */
const USAGE = 'dd [OPERAND]...@|truncate OPTION... FILE...|mktemp [OPTION]... [TEMPLATE]|expr EXPRESSION@|link FILE1 FILE2@|unlink FILE@|mkfifo [OPTION]... NAME...|install [OPTION]... [-T] SOURCE DEST|nohup COMMAND [ARG]...@|nice [OPTION] [COMMAND [ARG]...]|sync [OPTION] [FILE]...|comm [OPTION]... FILE1 FILE2|cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]|shuf [OPTION]... [FILE]|split [OPTION]... [FILE [PREFIX]]|numfmt [OPTION]... [NUMBER]...|factor [NUMBER]...@|tsort [OPTION] [FILE]|arch [OPTION]...|hostid [OPTION]';

/** coreutils of the machine's release: 9.1 (bookworm), 9.4 (noble), 8.32 (jammy, bullseye), 8.30 (focal, buster). */
function coreutils(text: string): [string, number] {
  return /noble/.test(text) ? ['9.4', 2023] : /jammy|bullseye/.test(text) ? ['8.32', 2020] : /focal|buster/.test(text) ? ['8.30', 2018] : ['9.1', 2022];
}

/** The programs with GNU's `--help` and `--version` (of coreutils, or `pkg`'s: `fallocate from util-linux 2.38.1`). */
export function withInfo(table: Record<string, Command>, pkg?: Record<string, string>): Record<string, Command> {
  const out: Record<string, Command> = {};
  for (const [name, run] of Object.entries(table)) {
    out[name] = (args, io, sh) => {
      const a = args[1];
      if (args.length !== 2 || (a !== '--help' && a !== '--version')) return run(args, io, sh);
      // a busybox applet answers --help with the usage it prints when called wrongly, status 0
      if (io.busybox) {
        let usage = false;
        const r = run(args, { ...io, err: (t) => ((usage ||= a === '--help' && t.startsWith('BusyBox')), io.err(t)) }, sh);
        return typeof r === 'number' ? (usage ? 0 : r) : r.then((n) => (usage ? 0 : n));
      }
      const [v, year] = coreutils(osRelease(sh.m.fs));
      const own = pkg?.[name];
      if (a === '--version') {
        io.out(own ? `${name} ${own}\n` : gnuVersion(`${name} (GNU coreutils) ${v}`, year));
      } else {
        const u = USAGE.split('|').find((x) => x.startsWith(name + ' ')) ?? name + ' [OPTION]... [FILE]...';
        io.out(`Usage: ${u.replace('@', `\n  or:  ${name} OPTION`)}\n` + (own ? '' : `\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nFull documentation <https://www.gnu.org/software/coreutils/${name}>\nor available locally via: info '(coreutils) ${name} invocation'\n`));
      }
      return 0;
    };
  }
  return out;
}
