/**
 * The option check GNU's getopt_long runs before a coreutils (or grep) program does anything: an
 * option the program lacks is named, `Try 'PROG --help'` follows, and the program's usage status.
 * Long options become their short forms (`--lines=5` is `-n 5`), so each program reads one
 * spelling; those it does not simulate are refused aloud rather than ignored.
 */
import type { IO } from './types';

/**
 * Program → its getopt string (`:` after a letter that takes a value, `::` an optional one, `+`
 * first: options end at the first operand), its usage status, its long options (`name=x` where
 * `-x` is the same) and what of all that the simulator does not do.
 */
const PROGRAMS: Record<string, string> = {
  ls: 'abcdfghiklmnopqrstuvw:xABCDFGHI:LNQRST:UXZ1|2|all=a almost-all=A author escape=b block-size: ignore-backups=B color directory=d dired=D classify=F file-type format: full-time group-directories-first no-group=G human-readable=h si dereference-command-line=H dereference-command-line-symlink-to-dir hide: hyperlink indicator-style: inode=i ignore=I kibibytes=k dereference=L numeric-uid-gid=n literal=N hide-control-chars=q show-control-chars quote-name=Q quoting-style: reverse=r recursive=R size=s sort: time: time-style: tabsize=T width=w context=Z zero|b B c D f g G H i I k L m N o q s T u U v w x X author block-size dereference-command-line-symlink-to-dir file-type format group-directories-first hide hyperlink indicator-style quoting-style show-control-chars si sort time zero',
  cat: 'benstuvAET|1|number=n number-nonblank=b show-all=A show-ends=E show-tabs=T show-nonprinting=v squeeze-blank=s|s',
  cp: 'abdfHilLnprst:uvxPRS:TZ|1|archive=a force=f recursive=R verbose=v|b d H i l L P s S t T u x Z',
  mv: 'bfint:uvS:TZ|1|force=f verbose=v|b i S t T u Z',
  rm: 'dfirvIR|1|force=f recursive=r verbose=v no-preserve-root preserve-root|d i I',
  mkdir: 'pm:vZ|1|mode=m parents=p|v Z',
  touch: 'acd:fhmr:t:|1|date=d|a r t',
  head: 'c:n:qvz0123456789|1|bytes=c lines=n|z',
  tail: 'c:n:fFqs:vz0123456789|1|bytes=c lines=n|f F s z',
  wc: 'clLmw|1|bytes=c chars=m lines=l words=w',
  sort: 'bcCdfghik:mMno:rRsS:t:T:uVyz|2|numeric-sort=n reverse=r key=k field-separator=t unique=u|d M R V',
  cut: 'b:c:d:f:nsz|1|delimiter=d fields=f complement output-delimiter:|z',
  tr: 'cCdst|1|delete=d',
  grep: '0123456789A:B:C:D:EFGHIPTUVX:abcd:e:f:hiLlm:noqRrsuvwxyZz|2|extended-regexp=E ignore-case=i invert-match=v line-number=n recursive=r include: exclude: exclude-dir: files-with-matches=l count=c color colour|0 1 2 3 4 5 6 7 8 9 b d D f L T u U X y z',
  uniq: '0123456789Dcdf:is:uw:z|1|count=c|0 1 2 3 4 5 6 7 8 9 D f s w z',
  date: 'd:f:I::r:Rs:u|1|date=d iso-8601=I rfc-email=R utc=u|f r',
  tee: 'aip|1|append=a',
  id: 'agnruzGZ|1||z Z',
  uname: 'asnrvmpio|1|all=a',
  basename: '+as:z|1||z',
  dirname: 'z|1||z',
  realpath: 'eLmPqsz|1||e L m P q s z',
  readlink: 'efmnqsvz|1||e m q s v z',
  stat: 'c:fLt|1|format=c printf:|f t',
  ln: 'bdfinrst:vFLPS:T|1|force=f symbolic=s|b d F i L n P r S t T',
  chown: 'HLPRcfhv|1|recursive=R|H L P c f v',
  // the letters of modes (`-w`) too
  chmod: 'RcfvrwxXstugoa,=01234567|1|recursive=R|c v',
  du: '0abd:chHklmst:xB:DLPSX:|1|max-depth=d human-readable=h summarize=s|0 B D H l L m P S t x X',
  df: 'aB:iF:vlHhPTt:x:|1|human-readable=h|a B F H i l P t T x',
  seq: '+f:s:w|1|separator=s',
  env: '+iC:Su:v0|125|unset=u|0 C S v',
  whoami: '|1|',
  sleep: '|1|',
};
PROGRAMS.chgrp = PROGRAMS.chown;

/** The arguments of `name` with its long options made short, or its status when they were refused (the message printed). */
export function gnuArgs(name: string, args: string[], io: IO): string[] | number {
  const spec = PROGRAMS[name];
  if (!spec) return args;
  const [short, code, long, off = ''] = spec.split('|');
  const fail = (msg: string) => (io.err(`${name}: ${msg}\n${name === 'grep' ? 'Usage: grep [OPTION]... PATTERNS [FILE]...\n' : ''}Try '${name} --help' for more information.\n`), +code);
  const refuse = (o: string) => (io.err(`${name}: la opción ${o} no está disponible en el simulador\n`), +code);
  const offs = off.split(' ');
  const out = [args[0]];
  let i = 1;
  for (; i < args.length; i++) {
    const a = args[i];
    // seq's negative numbers are operands
    if (a === '--' || (short[0] === '+' && !/^-[^\d.]/.test(a))) break;
    if (!a.startsWith('-') || a === '-') {
      out.push(a);
      continue;
    }
    if (a[1] === '-') {
      // a long option may be shortened to any prefix that names one alone (or names the same short one)
      const [n, ...v] = a.slice(2).split('=');
      // (`name:` a long option of its own that takes a value)
      const all = (long + ' help version').split(' ');
      const nameOf = (o: string) => o.split('=')[0].replace(/:$/, '');
      const like = all.filter((o) => nameOf(o).startsWith(n));
      const hit = like.find((o) => nameOf(o) === n) ?? like[0];
      const seen = new Map(like.map((o) => [o.split('=')[1] ?? o, o]));
      // ls lists all it knows; elsewhere only those simulated are listed
      if (!hit) return name === 'ls' ? fail(`unrecognized option '${a}'`) : refuse(a.split('=')[0]);
      if (seen.size > 1 && nameOf(hit) !== n) return fail(`option '${a.split('=')[0]}' is ambiguous; possibilities:${[...seen.values()].map((o) => ` '--${nameOf(o)}'`).join('')}`);
      const [full, x] = [nameOf(hit), hit.split('=')[1]];
      // the value of a long option of its own: the next word when not after '=' (getopt asks first)
      if (hit.endsWith(':') && !v.length) {
        if (i + 1 >= args.length) return fail(`option '--${full}' requires an argument`);
        v.push(args[++i]);
      }
      if (offs.includes(full) || offs.includes(x)) return refuse('--' + full);
      const k = x ? short.indexOf(x) : -1;
      if (k < 0) {
        // the program reads it itself, whole
        out.push(v.length ? `--${full}=${v.join('=')}` : `--${full}`);
        continue;
      }
      if (short[k + 1] !== ':') {
        if (v.length) return fail(`option '--${full}' doesn't allow an argument`);
        out.push('-' + x);
      } else if (short[k + 2] === ':') out.push('-' + x + v.join('='));
      else if (v.length || i + 1 < args.length) out.push('-' + x, v.length ? v.join('=') : args[++i]);
      else return fail(`option '--${full}' requires an argument`);
      continue;
    }
    let value: string[] = [];
    for (let j = 1; j < a.length; j++) {
      const k = short.indexOf(a[j]);
      if (k < 0 || a[j] === ':' || a[j] === '+') return fail(`invalid option -- '${a[j]}'`);
      if (offs.includes(a[j])) return refuse('-' + a[j]);
      if (short[k + 1] === ':') {
        if (short[k + 2] !== ':' && j === a.length - 1) {
          if (i + 1 >= args.length) return fail(`option requires an argument -- '${a[j]}'`);
          value = [args[++i]];
        }
        break;
      }
    }
    out.push(a, ...value);
  }
  return [...out, ...args.slice(i)];
}
