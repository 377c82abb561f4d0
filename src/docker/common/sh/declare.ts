/** bash's `declare` (`typeset`, and `local` in a function), `mapfile` (`readarray`) and `unset 'a[i]'`. */
import { arrayText, declareLine, packList } from './arrays';
import type { IO } from './types';
import type { Shell } from './sh';

const USAGE: Record<string, string> = { local: '[option] name[=value] ...', mapfile: '[-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]' };
USAGE.readarray = USAGE.mapfile;
USAGE.declare = USAGE.typeset = '[-aAfFgiIlnrtux] name[=value] ... or $ -p [-aAfFilnrtux] [name ...]';

/** `bash: declare: -z: invalid option` and the usage line: status 2. */
const invalid = (argv: string[], o: string, io: IO, sh: Shell): number => {
  io.err(`${sh.prefix()}: ${argv[0]}: ${o}: invalid option\n${argv[0]}: usage: ${argv[0]} ${USAGE[argv[0]].replace('$', argv[0])}\n`);
  return 2;
};

const badName = (argv: string[], n: string, io: IO, sh: Shell): number => (io.err(`${sh.prefix()}: ${argv[0]}: \`${n}': not a valid identifier\n`), 1);

/** `set`'s and `declare`'s list of every variable, `a=([0]="x")` for an array; bash quotes a value only when it must, dash and busybox always do. */
export const varList = (sh: Shell): string =>
  [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, o]) => `${k}=${o.a ? arrayText(o) : sh.flavor === 'bash' && /^[\w@%+=:,./-]*$/.test(o.v) ? o.v : `'${o.v.replace(/'/g, "'\\''")}'`}\n`).join('');

export function declare(argv: string[], io: IO, sh: Shell): number {
  let on = '';
  let k = 1;
  for (; /^[-+]./.test(argv[k] ?? '') && argv[k] !== '--'; k++) {
    const bad = /[^aAxgpirfFlnutI]/.exec(argv[k].slice(1));
    if (bad || (argv[0] === 'local' && /[gp]/.test(argv[k]))) return invalid(argv, argv[k][0] + (bad?.[0] ?? argv[k][1]), io, sh);
    on += argv[k][0] === '+' ? argv[k].slice(1).replace('x', 'X') : argv[k].slice(1);
  }
  if (argv[k] === '--') k++;
  const names = argv.slice(k);
  const A = on.includes('A');
  if (!names.length) {
    // `declare` lists as `set` does; `declare -p` (or `-a`, `-A`, `-x`) as declarations, of that kind only
    if (!on) return io.out(varList(sh)), 0;
    io.out([...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1)).filter(([, o]) => (!A || o.A) && (!on.includes('a') || (o.a && !o.A)) && (!on.includes('x') || o.x)).map(([n, o]) => declareLine(n, o)).join(''));
    return 0;
  }
  let status = 0;
  const frame = on.includes('g') ? undefined : sh.frames[sh.frames.length - 1];
  for (const arg of names) {
    const m = /^([A-Za-z_]\w*)(\[[^]*\])?(\+?=[^]*)?$/.exec(arg);
    if (on.includes('p')) {
      const o = m && !m[3] ? sh.vars.get(m[1]) : undefined;
      if (o) io.out(declareLine(arg, o));
      else (io.err(`${sh.prefix()}: ${argv[0]}: ${arg}: not found\n`), (status = 1));
      continue;
    }
    if (!m) {
      status = badName(argv, arg, io, sh);
      continue;
    }
    const [, name, sub, value] = m;
    if (frame && !frame.has(name)) {
      frame.set(name, sh.vars.get(name));
      // a local name starts unset
      if (!value) sh.vars.delete(name);
    }
    const o = sh.vars.get(name);
    if (o?.a && o.A !== A && (A || on.includes('a'))) {
      io.err(`${sh.prefix()}: ${argv[0]}: ${name}: cannot convert ${A ? 'indexed to associative' : 'associative to indexed'} array\n`);
      status = 1;
      continue;
    }
    if ((A || on.includes('a')) && !o?.a) sh.vars.set(name, { v: o?.v ?? '', x: o?.x ?? false, a: new Map(o ? [['0', o.v]] : []), ...(A && { A }) });
    if (value && !sh.assign(name + (sub ?? '') + (value[0] === '+' ? '+' : ''), value.slice(value.indexOf('=') + 1), io)) status = 1;
    const v = sh.vars.get(name);
    if (/[xX]/.test(on)) sh.vars.set(name, { ...(v ?? { v: '' }), x: on.includes('x') });
  }
  return status;
}

export function mapfile(argv: string[], io: IO, sh: Shell): number {
  let trim = false;
  let count = 0;
  let skip = 0;
  let k = 1;
  for (; /^-./.test(argv[k] ?? ''); k++) {
    if (argv[k] === '-t') trim = true;
    else if (/^-[ns]$/.test(argv[k]) && /^\d+$/.test(argv[k + 1] ?? '')) argv[k] === '-n' ? (count = +argv[++k]) : (skip = +argv[++k]);
    else return invalid(argv, argv[k], io, sh);
  }
  const name = argv[k] ?? 'MAPFILE';
  if (!/^[A-Za-z_]\w*$/.test(name)) return badName(argv, name, io, sh);
  const feed = io.feed ?? { rest: io.stdin ?? '' };
  const lines = feed.rest.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const took = lines.slice(0, count ? skip + count : lines.length);
  // what it did not take stays for the next reader
  feed.rest = lines.slice(took.length).join('');
  sh.vars.delete(name);
  sh.assign(name, packList(took.slice(skip).map((l) => [null, trim ? l.replace(/\n$/, '') : l])), io);
  return 0;
}

/** `unset 'a[i]'`: one element; `a[@]` empties the array; false after the error. */
export function unsetElement(sh: Shell, arg: string, io: IO): boolean {
  const [, name, sub] = /^([A-Za-z_]\w*)\[([^]+)\]$/.exec(arg) ?? [];
  if (!name) return !badName(['unset'], arg, io, sh);
  const o = sh.vars.get(name);
  if (!o) return true;
  const key = /^[@*]$/.test(sub) ? '' : sh.keyOf(o, sub, `unset: [${sub}]`, io);
  if (key === undefined) return false;
  const a = new Map(key ? o.a : undefined);
  a.delete(key);
  if (o.a) sh.vars.set(name, { ...o, v: a.get('0') ?? '', a });
  else if (key === '0' || !key) sh.unsetVar(name);
  return true;
}
