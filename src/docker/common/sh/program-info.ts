/** `--help` and `--version` of the programs of dd.ts, file-tools.ts, expr.ts…: GNU's (or the package's); busybox's applets run as called. */
import { osRelease } from './fs';
import type { Command } from './types';

const F = ' [OPTION]... [FILE]...\n';
/** The head of each program's --help (`~` stands for ` [OPTION]... [FILE]...`, `@` for `\n  or:  NAME OPTION`). */
const USAGE: Record<string, string> = {
  dd: ' [OPERAND]...@\nCopy a file, converting and formatting according to the operands.',
  truncate: ' OPTION... FILE...\nShrink or extend the size of each FILE to the specified size',
  mktemp: ' [OPTION]... [TEMPLATE]\nCreate a temporary file or directory, safely, and print its name.',
  expr: ' EXPRESSION@',
  link: ' FILE1 FILE2@\nCall the link function to create a link named FILE2 to an existing FILE1.',
  unlink: ' FILE@\nCall the unlink function to remove the specified FILE.',
  mkfifo: ' [OPTION]... NAME...\nCreate named pipes (FIFOs) with the given NAMEs.',
  install: ' [OPTION]... [-T] SOURCE DEST\n  or:  install [OPTION]... SOURCE... DIRECTORY\n  or:  install [OPTION]... -t DIRECTORY SOURCE...\n  or:  install [OPTION]... -d DIRECTORY...',
  nohup: ' COMMAND [ARG]...@\nRun COMMAND, ignoring hangup signals.',
  nice: ' [OPTION] [COMMAND [ARG]...]\nRun COMMAND with an adjusted niceness, which affects process scheduling.',
  sync: ' [OPTION] [FILE]...\nSynchronize cached writes to persistent storage',
  fold: '~Wrap input lines in each FILE, writing to standard output.',
  cmp: ' [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]\nCompare two files byte by byte.',
  comm: ' [OPTION]... FILE1 FILE2\nCompare sorted files FILE1 and FILE2 line by line.',
  shuf: ' [OPTION]... [FILE]\n  or:  shuf -e [OPTION]... [ARG]...\n  or:  shuf -i LO-HI [OPTION]...\nWrite a random permutation of the input lines to standard output.',
  od: '~  or:  od [-abcdfilosx]... [FILE] [[+]OFFSET[.][b]]\n  or:  od --traditional [OPTION]... [FILE] [[+]OFFSET[.][b] [+][LABEL][.][b]]',
  split: " [OPTION]... [FILE [PREFIX]]\nOutput pieces of FILE to PREFIXaa, PREFIXab, ...;\ndefault size is 1000 lines, and default PREFIX is 'x'.",
  cksum: '~Print or verify checksums.\nBy default use the 32 bit CRC algorithm.',
  sum: '~Print or check BSD (16-bit) checksums.',
  numfmt: ' [OPTION]... [NUMBER]...\nReformat NUMBER(s), or the numbers from standard input if none are specified.',
  factor: ' [NUMBER]...@\nPrint the prime factors of each specified integer NUMBER.  If none\nare specified on the command line, read them from standard input.',
  expand: '~Convert tabs in each FILE to spaces, writing to standard output.',
  unexpand: '~Convert blanks in each FILE to tabs, writing to standard output.',
  tsort: ' [OPTION] [FILE]\nWrite totally ordered list consistent with the partial ordering in FILE.',
  arch: ' [OPTION]...\nPrint machine architecture.',
  hostid: ' [OPTION]\nPrint the numeric identifier (in hexadecimal) for the current host.',
  dir: '~List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort is specified.',
};
USAGE.vdir = USAGE.dir;
USAGE.gzip = USAGE.gunzip = USAGE.zcat = '~Compress or uncompress FILEs (by default, compress FILES in-place).';

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
      if (io.busybox || args.length !== 2 || (a !== '--help' && a !== '--version')) return run(args, io, sh);
      const [v, year] = coreutils(osRelease(sh.m.fs));
      const own = pkg?.[name];
      if (a === '--version') {
        io.out(own ? `${name} ${own}\n` : `${name} (GNU coreutils) ${v}\nCopyright (C) ${year} Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`);
      } else {
        const u = (USAGE[name] ?? ' [OPTION]...').replace('~', F).replace('@', `\n  or:  ${name} OPTION`);
        io.out(`Usage: ${name}${u}\n` + (own ? '' : `\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nFull documentation <https://www.gnu.org/software/coreutils/${name}>\nor available locally via: info '(coreutils) ${name} invocation'\n`));
      }
      return 0;
    };
  }
  return out;
}
