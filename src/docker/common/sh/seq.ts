/** `seq [-w] [-s SEP] [-f FORMAT] [FIRST [INCREMENT]] LAST`: GNU coreutils' and busybox's. */
import { usage } from './opts';
import { printf } from './printf';
import type { IO, ShellLike } from './types';

/** So many numbers at most: `seq 1000000000` would hang the page. */
const MAX = 100000;

export function seq(args: string[], io: IO, sh: ShellLike): number {
  let sep = '\n';
  let fmt: string | undefined;
  let wide = false;
  let k = 1;
  // options come before the numbers; a negative number is not one
  for (; k < args.length && /^-[^\d.]/.test(args[k]); k++) {
    const a = args[k];
    if (a === '--') {
      k++;
      break;
    }
    if (a === '-w') wide = true;
    else if (/^-[sf]/.test(a)) {
      const v = a.length > 2 ? a.slice(2) : args[++k] ?? '';
      if (a[1] === 's') sep = v;
      else fmt = v;
    } else {
      io.err(io.busybox ? `seq: unrecognized option '${a}'\n` : `seq: invalid option -- '${a[1]}'\nTry 'seq --help' for more information.\n`);
      return 1;
    }
  }
  // GNU's FORMAT: one floating-point directive (%% aside)
  if (fmt !== undefined && !io.busybox) {
    const dirs = [...fmt.matchAll(/%(%|[-+ #0']*\d*(?:\.\d*)?(.?))/g)].filter((m) => m[1] !== '%');
    const msg = !dirs.length ? 'has no % directive' : !/^[aAeEfFgG]$/.test(dirs[0][2]) ? `has unknown %${dirs[0][2]} directive` : dirs.length > 1 ? 'has too many % directives' : '';
    if (msg) return (io.err(`seq: format '${fmt}' ${msg}\n`), 1);
  }
  const ops = args.slice(k);
  if (!ops.length || ops.length > 3) {
    if (io.busybox) usage(io, 'seq [-w] [-s SEP] [FIRST [INC]] LAST\n\nPrint numbers from FIRST to LAST, in steps of INC.\nFIRST, INC default to 1.\n\n\t-w\tPad to last with leading zeros\n\t-s SEP\tString separator');
    else io.err(`seq: ${ops.length ? `extra operand '${ops[3]}'` : 'missing operand'}\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const bad = ops.find((o) => !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(o));
  if (bad !== undefined) {
    io.err(io.busybox ? `seq: invalid number '${bad}'\n` : `seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const [first, step, last] = ops.length === 1 ? ['1', '1', ops[0]] : ops.length === 2 ? [ops[0], '1', ops[1]] : ops;
  if (Number(step) === 0) {
    io.err(io.busybox ? '' : `seq: invalid Zero increment value: '${step}'\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  // as many decimals as the most precise of FIRST and INCREMENT
  const places = Math.min(20, Math.max(...[first, step].map((o) => (/\.\d/.test(o) ? o.length - o.indexOf('.') - 1 : 0))));
  const nums: string[] = [];
  const a = Number(first);
  const d = Number(step);
  for (let n = 0, v = a; (d > 0 ? v <= Number(last) + 1e-9 : v >= Number(last) - 1e-9) && n < MAX; v = a + d * ++n) nums.push(v.toFixed(places));
  let texts = nums;
  if (fmt !== undefined) {
    texts = nums.map((v) => {
      let s = '';
      // (the ' flag groups thousands, which the C locale has none of)
      printf(['printf', fmt!.replace(/%[-+ #0']+/g, (f) => f.replace(/'/g, '')), v], { ...io, out: (t) => { s += t; } }, sh);
      return s;
    });
  } else if (wide) {
    const w = Math.max(...nums.map((v) => v.replace('-', '').length));
    texts = nums.map((v) => (v.startsWith('-') ? '-' + v.slice(1).padStart(w, '0') : v.padStart(w, '0')));
  }
  if (texts.length) io.out(texts.join(sep) + '\n');
  return 0;
}
