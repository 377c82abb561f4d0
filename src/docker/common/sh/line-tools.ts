/** Programs that compare, wrap, shuffle or reorder lines: cmp, comm, fold, shuf, expand, unexpand, tsort, split, factor, numfmt. */
import { readInputs } from './coreutils';
import { readOr, reason } from './fs';
import { opts, usage } from './opts';
import { lines } from './text';
import type { Command, IO, ShellLike } from './types';

/** The operands' texts, or undefined once one could not be read (told already). */
function read(files: string[], io: IO, sh: ShellLike, name: string): string[] | undefined {
  const r = readInputs(files, io, sh, name);
  return typeof r === 'number' || r.some((i) => i.file === '\u0000failed') ? undefined : r.map((i) => i.text);
}

/** GNU's error with its Try line (status 1 unless told). */
const gnuErr = (io: IO, name: string, msg: string) => io.err(`${name}: ${msg}\nTry '${name} --help' for more information.\n`);

/** Each line cut into pieces of `w` columns (a tab to the next multiple of 8); -s breaks after the last blank. */
function fold(line: string, w: number, spaces: boolean): string {
  let out = '', cur = '', col = 0;
  for (const c of line) {
    const next = c === '\t' ? col + 8 - (col % 8) : c === '\b' ? Math.max(0, col - 1) : col + 1;
    if (next > w && cur) {
      const blank = spaces ? Math.max(cur.lastIndexOf(' '), cur.lastIndexOf('\t')) : -1;
      const keep = blank >= 0 ? cur.slice(blank + 1) : '';
      out += (blank >= 0 ? cur.slice(0, blank + 1) : cur) + '\n';
      cur = keep;
      col = [...keep].reduce((k, x) => (x === '\t' ? k + 8 - (k % 8) : k + 1), 0);
      col = c === '\t' ? col + 8 - (col % 8) : col + 1;
    } else col = next;
    cur += c;
  }
  return out + cur;
}

/** A random index below n from the machine's generator, so a --seed replays it. */
/** A number below n from the machine's seeded generator (the runtime's without one). */
export const pick = (sh: ShellLike, n: number) => (sh.m.random?.() ?? Math.floor(Math.random() * 32768)) % n;

export const LINE_TOOLS: Record<string, Command> = {
  /** diffutils' cmp: the first differing byte and its line, or EOF on the shorter file; -s silent, -l every byte. */
  cmp(args, io, sh) {
    const o = opts(args, 'in');
    const bb = io.busybox;
    if (o.rest.length < 1 || o.rest.length > 2) {
      if (bb) return usage(io, 'cmp [-ls] [-n NUM] FILE1 [FILE2]\n\nCompare FILE1 with FILE2 (or stdin)'), 2;
      return io.err(`cmp: ${o.rest.length ? `extra operand '${o.rest[2]}'` : "missing operand after 'cmp'"}\ncmp: Try 'cmp --help' for more information.\n`), 2;
    }
    const names = [o.rest[0], o.rest[1] ?? '-'];
    const t: string[] = [];
    for (const f of names) {
      try {
        t.push(f === '-' ? io.stdin ?? '' : sh.m.fs.readFile(f, sh.cwd));
      } catch (e) {
        io.err(bb ? `cmp: can't open '${f}': ${reason(e)}\n` : `cmp: ${f}: ${reason(e)}\n`);
        return 2;
      }
    }
    const [a, b] = t;
    const n = Math.min(a.length, b.length);
    let status = 0;
    for (let k = 0; k < n; k++) {
      if (a[k] === b[k]) continue;
      status = 1;
      if (o.flags.has('s')) return 1;
      if (!o.flags.has('l')) {
        const line = a.slice(0, k).split('\n').length;
        // diffutils says "byte" from 3.9 on (Ubuntu 24.04's); Debian up to 12 has 3.8 or older
        const char = bb || /^(\d|bookworm|bullseye|buster)/.test(readOr(sh.m.fs, '/etc/debian_version'));
        io.out(`${names[0]} ${names[1]} differ: ${char ? 'char' : 'byte'} ${k + 1}, line ${line}\n`);
        return 1;
      }
      io.out(`${String(k + 1).padStart(bb ? 0 : String(n).length)} ${a.charCodeAt(k).toString(8).padStart(3)} ${b.charCodeAt(k).toString(8).padStart(3)}\n`);
    }
    if (a.length !== b.length) {
      if (o.flags.has('s')) return 1;
      const short = names[a.length < b.length ? 0 : 1];
      // the line holding the last byte read
      const s = a.length < b.length ? a : b;
      const line = s.split('\n').length - (s.endsWith('\n') ? 1 : 0);
      io.err(bb ? `cmp: EOF on ${short}\n` : n ? `cmp: EOF on ${short} after byte ${n}${o.flags.has('l') ? '' : `, line ${line}`}\n` : `cmp: EOF on ${short} which is empty\n`);
      return 1;
    }
    return status;
  },
  /** Lines only in FILE1, only in FILE2, and in both, in three columns (-1 -2 -3 drop them); GNU checks the order. */
  comm(args, io, sh) {
    const o = opts(args);
    if (o.rest.length !== 2) {
      if (io.busybox) return usage(io, 'comm [-123] FILE1 FILE2\n\nCompare FILE1 with FILE2\n\n\t-1\tSuppress lines unique to FILE1\n\t-2\tSuppress lines unique to FILE2\n\t-3\tSuppress lines common to both files'), 1;
      return gnuErr(io, 'comm', o.rest.length > 2 ? `extra operand '${o.rest[2]}'` : `missing operand${o.rest.length ? ` after '${o.rest[0]}'` : ''}`), 1;
    }
    const t = read(o.rest, io, sh, 'comm');
    if (!t) return 1;
    const [a, b] = t.map(lines);
    const show = [1, 2, 3].map((k) => !o.flags.has(String(k)));
    const col = (k: number, l: string) => {
      if (show[k]) io.out('\t'.repeat(show.slice(0, k).filter(Boolean).length) + l + '\n');
    };
    let [i, j] = [0, 0];
    const warned = [false, false];
    const check = (f: number, arr: string[], k: number) => {
      if (!io.busybox && k > 0 && k < arr.length && arr[k] < arr[k - 1] && !warned[f]) {
        warned[f] = true;
        io.err(`comm: file ${f + 1} is not in sorted order\n`);
      }
    };
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) col(0, a[i++]), check(0, a, i);
      else if (i >= a.length || b[j] < a[i]) col(1, b[j++]), check(1, b, j);
      else col(2, a[i++]), j++, check(0, a, i), check(1, b, j);
    }
    if (warned[0] || warned[1]) return io.err('comm: input is not in sorted order\n'), 1;
    return 0;
  },
  fold(args, io, sh) {
    const o = opts(args.map((a) => (/^-\d+$/.test(a) ? '-w' + a.slice(1) : a)), 'w');
    const w = +(o.values.w ?? 80);
    if (!(w > 0)) return io.err(io.busybox ? `fold: invalid number '${o.values.w}'\n` : `fold: invalid number of columns: '${o.values.w}'\n`), 1;
    const t = read(o.rest, io, sh, 'fold');
    if (!t) return 1;
    io.out(t.join('').split('\n').map((l) => fold(l, w, o.flags.has('s'))).join('\n'));
    return 0;
  },
  /** The lines (or -e's arguments, or -i's range) in a random order; -n takes the first N, -r repeats. */
  shuf(args, io, sh) {
    const o = opts(args, 'ni');
    let items: string[];
    if (o.values.i !== undefined) {
      const [, lo, hi] = /^(\d+)-(\d+)$/.exec(o.values.i) ?? [];
      if (!lo || +hi < +lo - 1) return io.err(io.busybox ? `shuf: bad range '${o.values.i}'\n` : `shuf: invalid input range: '${o.values.i}'\n`), 1;
      items = Array.from({ length: +hi - +lo + 1 }, (_, k) => String(+lo + k));
    } else if (o.flags.has('e')) items = o.rest;
    else {
      if (o.rest.length > 1) return gnuErr(io, 'shuf', `extra operand '${o.rest[1]}'`), 1;
      const t = read(o.rest, io, sh, 'shuf');
      if (!t) return 1;
      items = lines(t[0]);
    }
    const n = o.values.n === undefined ? (o.flags.has('r') ? Infinity : items.length) : +o.values.n;
    if (Number.isNaN(n) || n < 0) return io.err(`shuf: invalid line count: '${o.values.n}'\n`), 1;
    const out: string[] = [];
    if (o.flags.has('r')) for (let k = 0; k < Math.min(n, 100000) && items.length; k++) out.push(items[pick(sh, items.length)]);
    else {
      for (let k = items.length - 1; k > 0; k--) {
        const r = pick(sh, k + 1);
        [items[k], items[r]] = [items[r], items[k]];
      }
      out.push(...items.slice(0, n));
    }
    io.out(out.map((l) => l + '\n').join(''));
    return 0;
  },
  /** Tabs to spaces (-t N between stops, -i only the leading ones). */
  expand(args, io, sh) {
    const o = opts(args, 't');
    const w = +(o.values.t ?? 8);
    const t = read(o.rest, io, sh, 'expand');
    if (!t) return 1;
    io.out(t.join('').split('\n').map((l) => {
      let col = 0;
      let lead = true;
      return [...l].map((c) => {
        if (c !== '\t' || (o.flags.has('i') && !lead)) return (lead &&= c === ' '), col++, c;
        const n = w - (col % w);
        col += n;
        return ' '.repeat(n);
      }).join('');
    }).join('\n'));
    return 0;
  },
  /** Leading blanks (all with -a) to tabs, every 8 columns (-t N). */
  unexpand(args, io, sh) {
    const o = opts(args, 't');
    const w = +(o.values.t ?? 8);
    const t = read(o.rest, io, sh, 'unexpand');
    if (!t) return 1;
    const all = o.flags.has('a') || o.values.t !== undefined;
    io.out(t.join('').split('\n').map((l) => {
      let out = '', col = 0, blanks = 0, lead = true;
      for (const c of l + '\u0000') {
        if ((c === ' ' || c === '\t') && (lead || all)) {
          const next = c === '\t' ? col + w - (col % w) : col + 1;
          blanks += next - col;
          col = next;
          if (col % w === 0) (out += blanks > 1 || c === '\t' ? '\t' : ' '), (blanks = 0);
          continue;
        }
        out += ' '.repeat(blanks) + c;
        blanks = 0;
        col++;
        lead = false;
      }
      return out.slice(0, -1);
    }).join('\n'));
    return 0;
  },
  /** Pairs `A B` (A before B) in an order that keeps them all; a loop is reported. */
  tsort(args, io, sh) {
    const o = opts(args);
    const name = o.rest[0] ?? '-';
    const t = read(o.rest, io, sh, 'tsort');
    if (!t) return 1;
    const words = t[0].split(/\s+/).filter(Boolean);
    if (words.length % 2) return io.err(`tsort: ${name}: input contains an odd number of tokens\n`), 1;
    const after = new Map<string, string[]>();
    const deps = new Map<string, number>();
    for (let k = 0; k < words.length; k += 2) {
      const [a, b] = [words[k], words[k + 1]];
      for (const w of [a, b]) if (!after.has(w)) after.set(w, []), deps.set(w, 0);
      if (a !== b) after.get(a)!.push(b), deps.set(b, deps.get(b)! + 1);
    }
    const queue = [...deps].filter(([, d]) => !d).map(([w]) => w);
    const out: string[] = [];
    let status = 0;
    while (out.length < deps.size) {
      if (!queue.length) {
        // a loop: GNU names it and goes on from one of its members
        const w = [...deps].find(([x, d]) => d > 0 && !out.includes(x))![0];
        io.err(`tsort: ${name}: input contains a loop:\ntsort: ${w}\n`);
        status = 1;
        deps.set(w, 0);
        queue.push(w);
      }
      const w = queue.shift()!;
      out.push(w);
      for (const b of after.get(w)!) if (deps.set(b, deps.get(b)! - 1).get(b) === 0) queue.push(b);
    }
    io.out(out.map((w) => w + '\n').join(''));
    return status;
  },
  /** Pieces of -l N lines (1000) or -b SIZE bytes named PREFIXaa, PREFIXab… (-d: 00, 01…). */
  split(args, io, sh) {
    const o = opts(args, 'lbaCn');
    const [file = '-', prefix = 'x'] = o.rest;
    const t = read(file === '-' ? [] : [file], { ...io, err: (e) => io.err(e.replace(/^split: .*: /, io.busybox ? `split: can't open '${file}': ` : `split: cannot open '${file}' for reading: `)) }, sh, 'split');
    if (!t) return 1;
    const size = o.values.b === undefined ? 0 : Number(o.values.b.replace(/[kKmMgG]$/, (u) => '*' + 1024 ** ('kmg'.indexOf(u.toLowerCase()) + 1)).split('*').reduce((x, y) => +x * +y, 1));
    const n = +(o.values.l ?? 1000);
    if (!(n > 0) || Number.isNaN(size)) return io.err(`split: invalid number of ${size ? 'bytes' : 'lines'}: '${o.values.b ?? o.values.l}'\n`), 1;
    const pieces: string[] = [];
    if (size) for (let k = 0; k < t[0].length; k += size) pieces.push(t[0].slice(k, k + size));
    else {
      const ls = t[0].match(/[^\n]*\n|[^\n]+$/g) ?? [];
      for (let k = 0; k < ls.length; k += n) pieces.push(ls.slice(k, k + n).join(''));
    }
    const len = +(o.values.a ?? 2);
    const digits = o.flags.has('d');
    pieces.forEach((p, k) => {
      let s = '';
      for (let x = k, d = 0; d < len; d++, x = Math.floor(x / (digits ? 10 : 26))) s = (digits ? String(x % 10) : String.fromCharCode(97 + (x % 26))) + s;
      sh.m.fs.writeFile(prefix + s, p, sh.cwd);
    });
    return 0;
  },
  /** Each number and its prime factors. */
  factor(args, io) {
    const nums = args.slice(1).length ? args.slice(1) : (io.stdin ?? '').split(/\s+/).filter(Boolean);
    let status = 0;
    for (const a of nums) {
      if (!/^\+?\d+$/.test(a)) {
        io.err(io.busybox ? `factor: invalid number '${a}'\n` : `factor: '${a}' is not a valid positive integer\n`);
        status = 1;
        continue;
      }
      let n = BigInt(a);
      const f: bigint[] = [];
      for (let p = 2n; p * p <= n; p += p === 2n ? 1n : 2n) while (n % p === 0n) f.push(p), (n /= p);
      if (n > 1n) f.push(n);
      io.out(`${BigInt(a)}:${f.map((x) => ' ' + x).join('')}\n`);
    }
    return status;
  },
  /** `--to=si|iec|iec-i` and `--from=…`: numbers in units of 1000 or 1024, rounded away from zero. */
  numfmt(args, io) {
    const opt = (k: string) => args.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
    const [to, from] = [opt('to'), opt('from')];
    const units = ' KMGTPEZY';
    const nums = args.slice(1).filter((a) => !a.startsWith('--'));
    let status = 0;
    for (const a of nums.length ? nums : lines(io.stdin ?? '')) {
      const m = /^(-?\d+(?:\.\d+)?)([KMGTPEZY]?)(i?)$/.exec(a.trim());
      if (!m || (m[2] && !from)) {
        io.err(m ? `numfmt: rejecting suffix in input: '${a}' (consider using --from)\n` : `numfmt: invalid number: '${a}'\n`);
        status = 2;
        continue;
      }
      let v = +m[1] * (from === 'si' ? 1000 : 1024) ** units.indexOf(m[2] || ' ');
      if (to === 'si' || to?.startsWith('iec')) {
        const base = to === 'si' ? 1000 : 1024;
        let k = 0;
        while (Math.abs(v) >= base && k < 8) (v /= base), k++;
        const s = k && Math.abs(v) < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v));
        io.out(s + (k ? units[k] + (to === 'iec-i' ? 'i' : '') : '') + '\n');
      } else io.out(Math.ceil(v) + '\n');
    }
    return status;
  },
};
