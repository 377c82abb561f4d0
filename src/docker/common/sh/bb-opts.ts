/**
 * The option check busybox's getopt runs before an applet does anything: an option the applet
 * lacks is named as the C library words it (musl on Alpine, glibc in the busybox image), then
 * the usage follows and the status is 1.
 */
import { usage } from './opts';
import type { IO } from './types';

/**
 * Applet → its getopt string, its long options after `|`, then its usage. `*` first: plain
 * getopt (head), which has no long options, so `--bar` is the option `-`.
 */
const APPLETS: Record<string, string> = {
  cp: "pdRfinlsLHarPvuTt:|archive force interactive no-clobber link dereference no-dereference recursive symbolic-link no-target-directory target-directory verbose update remove-destination parents reflink|[-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nCopy SOURCEs to DEST\n\n\t-a\tSame as -dpR\n\t-R,-r\tRecurse\n\t-d,-P\tPreserve symlinks (default if -R)\n\t-L\tFollow all symlinks\n\t-H\tFollow symlinks on command line\n\t-p\tPreserve file attributes if possible\n\t-f\tOverwrite\n\t-i\tPrompt before overwrite\n\t-n\tDon't overwrite\n\t-l,-s\tCreate (sym)links\n\t-T\tRefuse to copy if DEST is a directory\n\t-t DIR\tCopy all SOURCEs into DIR\n\t-u\tCopy only newer files",
  rm: 'fiRrv||[-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse',
  touch: "chr:d:t:amf|no-create no-dereference reference date|[-cham] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n\n\t-c\tDon't create files\n\t-h\tDon't follow links\n\t-a\tChange only atime\n\t-m\tChange only mtime\n\t-d DT\tDate/time to use\n\t-t DT\tDate/time to use\n\t-r FILE\tUse FILE's date/time",
  sort: "nghMVucszbrdfimS:T:o:k:t:||[-nrughMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...\n\nSort lines of text\n\n\t-o FILE\tOutput to FILE\n\t-c\tCheck whether input is sorted\n\t-b\tIgnore leading blanks\n\t-f\tIgnore case\n\t-i\tIgnore unprintable characters\n\t-d\tDictionary order (blank or alphanumeric only)\n\t-n\tSort numbers\n\t-g\tGeneral numerical sort\n\t-h\tSort human readable numbers (2K 1G)\n\t-M\tSort month\n\t-V\tSort version\n\t-t CHAR\tField separator\n\t-k N[,M] Sort by Nth field\n\t-r\tReverse sort order\n\t-s\tStable (don't sort ties alphabetically)\n\t-u\tSuppress duplicate lines\n\t-z\tNUL terminated input and output",
  cat: 'etvAnbu||[-nbvteA] [FILE]...\n\nPrint FILEs to stdout\n\n\t-n\tNumber output lines\n\t-b\tNumber nonempty lines\n\t-v\tShow nonprinting characters as ^x or M-x\n\t-t\t...and tabs as ^I\n\t-e\t...and end lines with $\n\t-A\tSame as -vte',
  head: '*n:c:qv||[OPTIONS] [FILE]...\n\nPrint first 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a filename header.\n\n\t-n N[bkm]\tPrint first N lines\n\t-n -N[bkm]\tPrint all except N last lines\n\t-c [-]N[bkm]\tPrint first N bytes\n\t\t\t(b:*512 k:*1024 m:*1024^2)\n\t-q\t\tNever print headers\n\t-v\t\tAlways print headers',
  mkdir: 'm:pv|mode parents verbose|[-m MODE] [-p] DIRECTORY...',
  wc: 'lwmcL||[-cmlwL] [FILE]...',
};

/** The status when busybox refused the arguments of `name` (its message and usage printed); `--help` alone is the usage, status 0. */
export function bbRefused(name: string, args: string[], io: IO, glibc = false): number | undefined {
  const spec = APPLETS[name];
  if (!spec) return;
  const [short, long, ...rest] = spec.split('|');
  const text = rest.join('|');
  const show = (msg: string) => (msg && io.err(`${name}: ${msg}\n`), usage(io, `${name} ${text}`), 1);
  const bad = (o: string, long = false) => show(glibc ? (long ? `unrecognized option '--${o}'` : `invalid option -- '${o}'`) : `unrecognized option: ${o}`);
  if (args.length === 2 && args[1] === '--help') return show(''), 0;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return;
    // musl's getopt_long looks past operands, plain getopt stops at the first
    if (!a.startsWith('-') || a === '-') {
      if (short[0] === '*') return;
      continue;
    }
    // head's legacy `-5` as its first argument
    if (i === 1 && short[0] === '*' && /^-\d/.test(a)) continue;
    if (a[1] === '-' && short[0] !== '*') {
      // a long option may be shortened to any prefix of one
      const n = a.slice(2).split('=')[0];
      if (!n || !long.split(' ').some((o) => o.startsWith(n))) return bad(a.slice(2), true);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const k = short.indexOf(a[j], +(short[0] === '*'));
      if (k < 0 || a[j] === ':') return bad(a[j]);
      if (short[k + 1] === ':') {
        if (j === a.length - 1 && ++i >= args.length) return show(glibc ? `option requires an argument -- '${a[j]}'` : `option requires an argument: ${a[j]}`);
        break;
      }
    }
  }
}
