/** The line filters of pipelines: sort, uniq, cut and tr (GNU and busybox agree on their output). */
import { quote, readInputs } from './coreutils';
import { reason } from './fs';

import { opts, bbHead } from './opts';
import { lines } from './text';
import type { IO, ShellLike } from './types';

/** All the operands' text (stdin without any) and whether one could not be read, or the status when none could. */
function input(files: string[], io: IO, sh: ShellLike, name: string): [string, boolean] | number {
  const inputs = readInputs(files, io, sh, name);
  if (typeof inputs === 'number') return inputs;
  return [inputs.map((i) => i.text).join(''), inputs.some((i) => i.file === '\u0000failed')];
}

const missingOperand = (io: IO, name: string) => io.err(`${name}: missing operand\nTry '${name} --help' for more information.\n`);

export function sort(args: string[], io: IO, sh: ShellLike): number {
  const o = opts(args, 'ktoTS');
  const t = o.values.t;
  // a field or a first character numbered 0, a tab of two characters: GNU's refusals
  const zero = (o.all.k ?? []).find((k) => /^0+(\D|$)|,0+(\D|$)|^\d+\.0+(\D|$)/.test(k));
  const bad = zero ? `${/^\d+\.0/.test(zero) ? 'character offset' : 'field number'} is zero: invalid field specification '${zero}'` : t && t.length > 1 && t !== '\\0' ? `multi-character tab '${t}'` : '';
  if (bad && !io.busybox) return io.err(`sort: ${bad}\n`), 2;
  // sort stops at a file it cannot read, before printing anything (busybox dies with 1)
  const read = input(o.rest, io, sh, 'sort');
  if (typeof read === 'number' || read[1]) return io.busybox ? 1 : 2;
  const text = read[0];
  const f = o.flags;
  // each -k F[.C][,F[.C]] with its own ordering letters (n, r, h, g, f, b), else the global ones
  const keys = (o.all.k ?? ['']).map((k) => {
    const [, from, fc = '1', fl = '', to, tc = '0', tl = ''] = /^(\d*)(?:\.(\d+))?([a-zA-Z]*)(?:,(\d+)(?:\.(\d+))?([a-zA-Z]*))?/.exec(k)!;
    const own = fl + tl;
    return { from: +from, fc: +fc, to: +to, tc: +tc, own, has: (c: string) => (own || [...f].join('')).includes(c) };
  });
  // A key runs from its field's character (blanks skipped with b) to the end of its last field,
  // or that field's character; without -t a field starts with the blanks before it.
  const field = (l: string, k: (typeof keys)[0]) => {
    if (!k.from) return k.has('b') ? l.trimStart() : l;
    const fs = t ? l.split(t === '\\0' ? '\0' : t[0]) : l.split(/(?<=\S)(?=\s)/);
    const at = (n: number, skip = k.has('b')) => {
      const i = fs.slice(0, n - 1).reduce((p, x) => p + x.length + (t ? 1 : 0), 0);
      return skip ? i + /^\s*/.exec(l.slice(i))![0].length : i;
    };
    const start = at(k.from) + k.fc - 1;
    return l.slice(start, Math.max(start, !k.to ? l.length : k.tc ? at(k.to) + k.tc : at(k.to, false) + (fs[k.to - 1]?.length ?? 0)));
  };
  const num = (s: string) => parseFloat(/^\s*-?(\d+\.?\d*|\.\d+)/.exec(s)?.[0] ?? '0') || 0;
  // -g: C's strtod (exponents, hex, inf); what is no number goes first, then nan
  const general = (s: string) => {
    const m = /^\s*([-+]?)(inf|nan|0x[\da-f]+|(\d+\.?\d*|\.\d+)(e[-+]?\d+)?)/i.exec(s);
    const w = m?.[2].toLowerCase();
    return !w ? [0, 0] : w === 'nan' ? [1, 0] : [2, (m![1] === '-' ? -1 : 1) * (w === 'inf' ? Infinity : Number(w))];
  };
  // -h: the unit first (none, K, M, G…), then the number
  const human = (s: string) => 'KMGTPE'.indexOf(/^\s*-?[\d.]+([KMGTPE])?/i.exec(s)?.[1]?.toUpperCase() ?? '@') * 1e18 + num(s);
  const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // each line's keys are cut once, not at every comparison it takes part in
  const cut = new Map<string, string[]>();
  const keysOf = (l: string) => {
    let v = cut.get(l);
    if (!v) cut.set(l, (v = keys.map((k) => field(l, k))));
    return v;
  };
  const byKey = (a: string, b: string) => {
    const [ka, kb] = [keysOf(a), keysOf(b)];
    for (const [i, k] of keys.entries()) {
      const [x, y] = [ka[i], kb[i]];
      const [gx, gy] = k.has('g') ? [general(x), general(y)] : [];
      const c = gx && gy ? gx[0] - gy[0] || Math.sign(gx[1] - gy[1]) || 0 : k.has('n') ? num(x) - num(y) : k.has('h') ? human(x) - human(y) : k.has('f') ? bytes(x.toUpperCase(), y.toUpperCase()) : bytes(x, y);
      // a key with letters of its own is not reversed by a global -r
      if (c) return k.own ? (k.has('r') ? -c : c) * (f.has('r') ? -1 : 1) : c;
    }
    return 0;
  };
  // Lines with equal keys are compared whole, as a last resort, except with -u.
  // -z: the records end in NULs
  const end = f.has('z') ? '\0' : '\n';
  // -s: equal keys keep their order
  const cmp = (a: string, b: string) => (byKey(a, b) || (f.has('u') || f.has('s') ? 0 : bytes(a, b))) * (f.has('r') ? -1 : 1);
  const all = f.has('z') ? text.split('\0').slice(0, text.endsWith('\0') || !text ? -1 : undefined) : lines(text);
  // -c (-C quietly): the first line out of order
  if (f.has('c') || f.has('C')) {
    const i = all.findIndex((l, n) => n > 0 && (f.has('u') ? cmp(all[n - 1], l) >= 0 : cmp(all[n - 1], l) > 0));
    if (i > 0 && f.has('c')) io.err(`sort: ${o.rest[0] ?? '-'}:${i + 1}: disorder: ${all[i]}\n`);
    return +(i > 0);
  }
  const sorted = all.sort(cmp);
  const out = f.has('u') ? sorted.filter((l, i) => i === 0 || byKey(sorted[i - 1], l) !== 0) : sorted;
  const result = out.map((l) => l + end).join('');
  // -o FILE is written once all is read, so it may be one of the inputs
  if (o.values.o === undefined) io.out(result);
  else try {
    sh.m.fs.writeFile(o.values.o, result, sh.cwd);
  } catch (e) {
    return io.err(`sort: open failed: ${o.values.o}: ${reason(e)}\n`), 2;
  }
  return 0;
}

export function uniq(args: string[], io: IO, sh: ShellLike): number {
  const o = opts(args);
  if (o.rest.length > 2 && !io.busybox) return io.err(`uniq: extra operand '${o.rest[2]}'\nTry 'uniq --help' for more information.\n`), 1;
  const read = input(o.rest.slice(0, 1), io, sh, 'uniq');
  if (typeof read === 'number') return 1;
  let out = '';
  const text = read[0];
  const runs: [string, number][] = [];
  for (const l of lines(text)) {
    // -i: case does not count
    if (runs.length && (o.flags.has('i') ? runs[runs.length - 1][0].toLowerCase() === l.toLowerCase() : runs[runs.length - 1][0] === l)) runs[runs.length - 1][1]++;
    else runs.push([l, 1]);
  }
  for (const [l, n] of runs) {
    if ((o.flags.has('d') && n < 2) || (o.flags.has('u') && n > 1)) continue;
    out += (o.flags.has('c') ? `${String(n).padStart(7)} ` : '') + l + '\n';
  }
  // a second operand is the file written
  if (o.rest[1] === undefined || o.rest[1] === '-') io.out(out);
  else try {
    sh.m.fs.writeFile(o.rest[1], out, sh.cwd);
  } catch (e) {
    return io.err(`uniq: ${o.rest[1]}: ${reason(e)}\n`), 1;
  }
  return 0;
}

export function cut(args: string[], io: IO, sh: ShellLike): number {
  const o = opts(args, 'dfcb');
  const list = o.values.f ?? o.values.c ?? o.values.b;
  if (list === undefined) {
    io.err(io.busybox ? 'cut: expected a list of bytes, characters, or fields\n' : "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  // GNU's checks, in its order: one list, a delimiter only for fields, then each range of the list
  const fields = o.values.f !== undefined;
  const bad = (msg: string) => (io.err(`cut: ${msg}\nTry 'cut --help' for more information.\n`), 1);
  if (!io.busybox) {
    if ((o.all.f?.length ?? 0) + (o.all.c?.length ?? 0) + (o.all.b?.length ?? 0) > 1) return bad('only one list may be specified');
    if (o.values.d !== undefined && !fields) return bad('an input delimiter may be specified only when operating on fields');
  }
  const ranges: number[][] = [];
  for (const r of list.split(',')) {
    const [, a, dash, b] = /^(\d*)(-?)(\d*)$/.exec(r) ?? [];
    if (!io.busybox) {
      if (a === undefined) return bad(`invalid ${fields ? 'field value' : 'byte/character position'} ${quote(sh, r.replace(/^\d*-?/, ''))}`);
      if (r === '-') return bad('invalid range with no endpoint: -');
      if (a === '0' || (!dash && !a)) return bad(`${fields ? 'fields' : 'byte/character positions'} are numbered from 1`);
      if (dash && b && +b < (+a || 1)) return bad('invalid decreasing range');
    }
    ranges.push([+a || 1, dash ? +b || Infinity : +a]);
  }
  // --complement: all but those
  const pick = <T>(items: T[]) => items.filter((_, i) => ranges.some(([a, b]) => i + 1 >= a && i + 1 <= b) !== o.flags.has('--complement'));
  const read = input(o.rest, io, sh, 'cut');
  if (typeof read === 'number') return 1;
  const text = read[0];
  const d = o.values.d?.[0] ?? '\t';
  for (const l of lines(text)) {
    // A line without the delimiter is printed whole (unless -s).
    if (o.values.f !== undefined) {
      if (l.includes(d)) io.out(pick(l.split(d)).join([...o.flags].find((x) => x.startsWith('--output-delimiter='))?.slice(19) ?? d) + '\n');
      else if (!o.flags.has('s')) io.out(l + '\n');
    } else io.out(pick([...l]).join('') + '\n');
  }
  return read[1] ? 1 : 0;
}

const CLASSES: Record<string, string> = { upper: 'A-Z', lower: 'a-z', digit: '0-9', alpha: 'A-Za-z', alnum: 'A-Za-z0-9', space: ' \\t\\n\\r\\v\\f', blank: ' \\t' };

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', a: '\x07', b: '\b', '\\': '\\' };

/** A tr set with its escapes, ranges and [:classes:] spelled out. */
/**
 * A set's characters: classes, escapes and ranges; `[c*n]` is c n times (n octal when it starts
 * with 0) and, in SET2 only (`fill`: SET1's length), `[c*]` is c as many times as SET1 needs.
 * A construct tr refuses throws its message.
 */
function expand(set: string, fill?: number): string[] {
  const parts = set.split(/\[(.)\*([^\]]*)\]/s);
  const out: string[] = [];
  let gap: [number, string] | undefined;
  for (let i = 0; i < parts.length; i += 3) {
    out.push(...plainSet(parts[i]));
    if (i + 1 >= parts.length) break;
    const [c, n] = [parts[i + 1], parts[i + 2]];
    if (!/^(0[0-7]*|\d*)$/.test(n)) throw `invalid repeat count '${n}' in [c*n] construct`;
    const k = parseInt(n || '0', n.startsWith('0') ? 8 : 10);
    if (k) out.push(...Array<string>(k).fill(c));
    else if (fill === undefined) throw 'the [c*] repeat construct may not appear in string1';
    else if (gap) throw 'only one [c*] repeat construct may appear in string2';
    else gap = [out.length, c];
  }
  if (gap) out.splice(gap[0], 0, ...Array<string>(Math.max(0, fill! - out.length)).fill(gap[1]));
  return out;
}

function plainSet(set: string): string[] {
  const s = set.replace(/\[:(\w+):\]/g, (m, c: string) => CLASSES[c] ?? m).replace(/\\([0-7]{1,3}|[ntrvfab\\])/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ESCAPES[c]);
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i]);
  }
  return out;
}

export function tr(args: string[], io: IO): number {
  const o = opts(args);
  const [a, b] = o.rest;
  const del = o.flags.has('d');
  if (a === undefined || (b === undefined && !del && !o.flags.has('s'))) {
    if (io.busybox) io.err(bbHead(io) + 'tr [-cds] STRING1 [STRING2]\n');
    else if (a === undefined) missingOperand(io, 'tr');
    else io.err(`tr: missing operand after '${a}'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  let from: string[], to: string[];
  try {
    from = expand(a);
    to = b === undefined ? [] : expand(b, from.length);
  } catch (e) {
    return io.err(`tr: ${e}\n`), 1;
  }
  // -t: SET1 cut to SET2's length
  if (o.flags.has('t')) from = from.slice(0, to.length);
  let out = '';
  // -c: the complement of SET1, every character not in it (translated to SET2's last)
  const comp = o.flags.has('c') || o.flags.has('C');
  const squeezing = o.flags.has('s') && (b === undefined ? from : to);
  for (const c of io.stdin ?? '') {
    const k = comp ? to.length - 1 : from.indexOf(c);
    const hit = comp ? !from.includes(c) : k >= 0;
    if (del && hit) continue;
    // SET2 shorter than SET1 goes on with its last character
    const t = !del && hit && to.length ? to[Math.min(k, to.length - 1)] : c;
    // -s squeezes repeats of what is in the last set given
    const squeeze = squeezing && squeezing.includes(t);
    if (!(squeeze && out.endsWith(t))) out += t;
  }
  io.out(out);
  return 0;
}
