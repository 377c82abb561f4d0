/** bash's `declare` (`typeset`, and `local` in a function), `mapfile` (`readarray`) and `unset 'a[i]'`. */
import { arrayText, declareLine, packList } from './arrays';
import type { IO } from './types';
import type { Shell } from './sh';

/** `bash: declare: -z: invalid option` and the usage line (typeset's has no brackets round its names): status 2. */
const invalid = (argv: string[], o: string, io: IO, sh: Shell): number => {
  const c = argv[0];
  io.err(`${sh.prefix()}: ${c}: ${o}: invalid option\n${c}: usage: ${c} ${c === 'local' ? '[option] name[=value] ...' : /^[mr]/.test(c) ? '[-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]' : `[-aAfFgiIlnrtux] ${c === 'declare' ? '[name[=value] ...]' : 'name[=value] ...'} or ${c} -p [-aAfFilnrtux] [name ...]`}\n`);
  return 2;
};

const badName = (c: string, n: string, io: IO, sh: Shell): number => (io.err(`${sh.prefix()}: ${c}: \`${n}': not a valid identifier\n`), 1);

const sorted = (sh: Shell) => [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1));

/** `set`'s and `declare`'s list of every variable, `a=([0]="x")` for an array; bash quotes a value only when it must, dash and busybox always do. */
export const varList = (sh: Shell): string =>
  sorted(sh).map(([k, o]) => `${k}=${o.a ? arrayText(o) : sh.flavor === 'bash' && /^[\w@%+=:,./-]*$/.test(o.v) ? o.v : `'${o.v.replace(/'/g, "'\\''")}'`}\n`).join('');

/** Every function as bash prints it, after the variables of `set` and `declare`. */
export const fnList = (sh: Shell): string => (sh.flavor === 'bash' ? [...sh.funcs.keys()].sort().map((n) => sh.fnText(n) + '\n').join('') : '');

export function declare(argv: string[], io: IO, sh: Shell): number {
  let on = '';
  let k = 1;
  for (; /^[-+]./.test(argv[k] ?? ''); k++) {
    const bad = /[^aAxgpirfFlnutI]/.exec(argv[k].slice(1));
    if (bad) return invalid(argv, argv[k][0] + bad[0], io, sh);
    on += argv[k][0] === '+' ? 'X' : argv[k].slice(1);
  }
  // alone it lists as `set` does; with options as declarations; -F names the functions, -f shows them
  const f = on.includes('F') ? 'F' : on.includes('f') ? 'f' : undefined;
  if (f) {
    const names = k === argv.length ? [...sh.funcs.keys()].sort() : argv.slice(k);
    for (const n of names) {
      if (!sh.funcs.has(n)) continue;
      // -fx exports the functions (as `export -f`) and says nothing
      if (/x/i.test(on)) sh.xfuncs[on.includes('x') ? 'add' : 'delete'](n);
      else io.out(k < argv.length && f === 'F' ? n + '\n' : f === 'F' ? `declare -f${sh.xfuncs.has(n) ? 'x' : ''} ${n}\n` : sh.fnText(n) + '\n');
    }
    return names.every((n) => sh.funcs.has(n)) ? 0 : 1;
  }
  if (k === argv.length) return io.out(on ? sorted(sh).map(([n, o]) => declareLine(n, o)).join('') : varList(sh) + fnList(sh)), 0;
  let status = 0;
  const A = on.includes('A');
  const frame = on.includes('g') ? undefined : sh.frames[sh.frames.length - 1];
  for (const arg of argv.slice(k)) {
    const m = /^([A-Za-z_]\w*)(\[[^]*\])?(\+?=[^]*)?$/.exec(arg);
    const o = m ? sh.vars.get(m[1]) : undefined;
    if (on.includes('p')) {
      if (o && !m![3]) io.out(declareLine(arg, o));
      else (io.err(`${sh.prefix()}: ${argv[0]}: ${arg}: not found\n`), (status = 1));
    } else if (!m) status = badName(argv[0], arg, io, sh);
    else if (o?.a && o.A !== A && /a/i.test(on)) {
      io.err(`${sh.prefix()}: ${argv[0]}: ${m[1]}: cannot convert ${A ? 'indexed to associative' : 'associative to indexed'} array\n`);
      status = 1;
    } else {
      const [, name, sub = '', value] = m;
      if (frame && !frame.has(name)) {
        frame.set(name, o);
        sh.bump();
        // a local name starts unset
        if (!value) sh.vars.delete(name);
      }
      const v = sh.vars.get(name);
      if (/a/i.test(on) && !v?.a) sh.vars.set(name, { v: v?.v ?? '', x: !!v?.x, a: new Map(v ? [['0', v.v]] : []), ...(A && { A }) });
      if (value && !sh.assign(name + sub + (value[0] === '+' ? '+' : ''), value.slice(value.indexOf('=') + 1), io)) status = 1;
      if (/x/i.test(on)) sh.vars.set(name, { v: '', ...sh.vars.get(name), x: on.includes('x') });
      if (on.includes('r')) sh.vars.set(name, { v: '', x: false, ...sh.vars.get(name), r: true });
    }
  }
  return status;
}

export function mapfile(argv: string[], io: IO, sh: Shell): number {
  const t = argv[1] === '-t';
  const name = argv[t ? 2 : 1] ?? 'MAPFILE';
  if (name[0] === '-') return invalid(argv, name, io, sh);
  if (!/^[A-Za-z_]\w*$/.test(name)) return badName(argv[0], name, io, sh);
  const feed = io.feed ?? { rest: io.stdin ?? '' };
  const lines = feed.rest.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  feed.rest = '';
  sh.vars.delete(name);
  sh.assign(name, packList(lines.map((l) => [null, t ? l.replace(/\n$/, '') : l])), io);
  return 0;
}

/** `unset 'a[i]'`: one element; `a[@]` empties the array; false after the error. */
export function unsetElement(sh: Shell, arg: string, io: IO): boolean {
  const [, name, sub] = /^([A-Za-z_]\w*)\[([^]+)\]$/.exec(arg) ?? [];
  if (!name) return !badName('unset', arg, io, sh);
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
