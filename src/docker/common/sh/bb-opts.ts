/**
 * The option check busybox's getopt runs before an applet does anything: an option the applet
 * lacks is named as musl words it, then the usage follows and the status is 1.
 */
import { usage } from './opts';
import type { IO } from './types';

/**
 * Applet → its getopt string, its long options after `|`, then its usage. `*` first: plain
 * getopt (head), which has no long options, so `--bar` is the option `-`.
 */
const APPLETS: Record<string, string> = {
  cat: 'etvAnbu||[-nbvteA] [FILE]...\n\nPrint FILEs to stdout\n\n\t-n\tNumber output lines\n\t-b\tNumber nonempty lines\n\t-v\tShow nonprinting characters as ^x or M-x\n\t-t\t...and tabs as ^I\n\t-e\t...and end lines with $\n\t-A\tSame as -vte',
  head: '*n:c:qv||[OPTIONS] [FILE]...\n\nPrint first 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a filename header.\n\n\t-n N[bkm]\tPrint first N lines\n\t-n -N[bkm]\tPrint all except N last lines\n\t-c [-]N[bkm]\tPrint first N bytes\n\t\t\t(b:*512 k:*1024 m:*1024^2)\n\t-q\t\tNever print headers\n\t-v\t\tAlways print headers',
  mkdir: 'm:pv|mode parents verbose|[-m MODE] [-p] DIRECTORY...',
  wc: 'lwmcL||[-cmlwL] [FILE]...',
};

/** The status when busybox refused the arguments of `name` (its message and usage printed); `--help` alone is the usage, status 0. */
export function bbRefused(name: string, args: string[], io: IO): number | undefined {
  const spec = APPLETS[name];
  if (!spec) return;
  const [short, long, text] = spec.split('|');
  const show = (msg: string) => (msg && io.err(`${name}: ${msg}\n`), usage(io, `${name} ${text}`), 1);
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
      if (!long.split(' ').includes(a.slice(2).split('=')[0])) return show(`unrecognized option: ${a.slice(2)}`);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const k = short.indexOf(a[j], +(short[0] === '*'));
      if (k < 0 || a[j] === ':') return show(`unrecognized option: ${a[j]}`);
      if (short[k + 1] === ':') {
        if (j === a.length - 1 && ++i >= args.length) return show(`option requires an argument: ${a[j]}`);
        break;
      }
    }
  }
}
