/**
 * The option check GNU's getopt_long runs before a coreutils (or grep) program does anything: an
 * option the program lacks is named, `Try 'PROG --help'` follows, and the program's usage status.
 */
import type { IO } from './types';

/** Program → its getopt string (`:` after a letter that takes a value), its status, and, where listed, its long options. */
const PROGRAMS: Record<string, string> = {
  ls: 'abcdfghiklmnopqrstuvw:xABCDFGHI:LNQRST:UXZ1|2|all almost-all author escape block-size ignore-backups color directory dired classify file-type format full-time group-directories-first no-group human-readable si dereference-command-line dereference-command-line-symlink-to-dir hide hyperlink indicator-style inode ignore kibibytes dereference numeric-uid-gid literal hide-control-chars show-control-chars quote-name quoting-style reverse recursive size sort time time-style tabsize width context zero help version',
  cat: 'benstuvAET|1',
  cp: 'abdfHilLnprst:uvxPRS:TZ|1',
  mv: 'bfint:uvS:TZ|1',
  rm: 'dfirvIR|1',
  mkdir: 'pm:vZ|1',
  touch: 'acd:fhmr:t:|1',
  head: 'c:n:qvz0123456789|1',
  tail: 'c:n:fFqs:vz0123456789|1',
  wc: 'clLmw|1',
  sort: 'bcCdfghik:mMno:rRsS:t:T:uVyz|2',
  cut: 'b:c:d:f:nsz|1',
  tr: 'cCdst|1',
  grep: '0123456789A:B:C:D:EFGHIPTUVX:abcd:e:f:hiLlm:noqRrsuvwxyZz|2',
};

/** The status when the arguments of `name` were refused (the message printed), else undefined. */
export function gnuRefused(name: string, args: string[], io: IO): number | undefined {
  const spec = PROGRAMS[name];
  if (!spec) return;
  const [short, code, long] = spec.split('|');
  const fail = (msg: string) => (io.err(`${name}: ${msg}\n${name === 'grep' ? 'Usage: grep [OPTION]... PATTERNS [FILE]...\n' : ''}Try '${name} --help' for more information.\n`), +code);
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return;
    if (!a.startsWith('-') || a === '-') continue;
    if (a[1] === '-') {
      // a long option may be shortened to any prefix that names one alone
      const n = a.slice(2).split('=')[0];
      const like = long?.split(' ').filter((o) => o.startsWith(n));
      if (!like || like.length === 1 || like.includes(n)) continue;
      return fail(like.length ? `option '${a}' is ambiguous; possibilities:${like.map((o) => ` '--${o}'`).join('')}` : `unrecognized option '${a}'`);
    }
    for (let j = 1; j < a.length; j++) {
      const k = short.indexOf(a[j]);
      if (k < 0) return fail(`invalid option -- '${a[j]}'`);
      if (short[k + 1] === ':') {
        if (j === a.length - 1 && ++i >= args.length) return fail(`option requires an argument -- '${a[j]}'`);
        break;
      }
    }
  }
}
