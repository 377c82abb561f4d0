/**
 * dd, truncate and fallocate: programs that make files of a given size. A big file keeps only
 * its size (the layer grows as on disk: `docker ps -s`, du, diff and commit see it); a small
 * one of text keeps its content.
 */
import { byteLength, reason, type FileNode } from './fs';
import { human } from './human';
import { opts, usage } from './opts';
import type { Command, IO, ShellLike } from './types';

/** What a program read or will write: its text when known, always its size. */
interface Blob { size: number; text?: string }

/**
 * Sizes with suffixes: K=1024, KB=1000, KiB=1024, and the one-letter ones each program adds
 * (dd's c, w, b; head's b and m); NaN when not a size.
 */
export function sizeArg(s: string, letters = ''): number {
  const m = /^(\d+)(?:([kKMGTPE])(B|iB)?|([cwbm]))?$/.exec(s);
  if (!m || (m[4] && !letters.includes(m[4]))) return NaN;
  const p = m[2] ? 'KMGTPE'.indexOf(m[2].toUpperCase()) + 1 : 0;
  return +m[1] * (m[4] ? { c: 1, w: 2, b: 512, m: 1048576 }[m[4] as 'c']! : (m[3] === 'B' ? 1000 : 1024) ** p);
}

/** Opens `path` for writing, as the program's own error when it cannot (no directory, no permission). */
function create(sh: ShellLike, path: string, b: Blob): void {
  const fs = sh.m.fs;
  const old = fs.resolve(path, sh.cwd).node;
  // a device (of=/dev/null) takes everything and keeps nothing
  if (old?.kind === 'file' && old.rdev) return;
  // content up to 64 KiB is kept; beyond that only the size
  const keep = b.text !== undefined && b.size <= 65536;
  fs.writeFile(path, keep ? b.text! : '', sh.cwd);
  if (!keep) {
    const n = fs.resolve(path, sh.cwd).node as FileNode;
    n.size = b.size;
    delete n.data;
  }
}

/** The file's current content (size only for a binary or a big file). */
function current(sh: ShellLike, path: string): Blob {
  const n = sh.m.fs.resolve(path, sh.cwd).node;
  return n?.kind === 'file' ? { size: n.rdev ? 0 : n.size, text: n.rdev ? '' : n.data } : { size: 0, text: '' };
}

/** `b` cut or padded with NULs to `size` bytes. */
function resize(b: Blob, size: number): Blob {
  return { size, text: b.text === undefined || size > 65536 ? undefined : b.text.slice(0, size).padEnd(size, '\0') };
}

/** printf's %g with 6 significant digits (GNU dd's seconds). */
const g6 = (x: number) => {
  const e = Math.floor(Math.log10(x));
  const s = e < -4 ? x.toExponential(5).replace(/\.?0+e/, 'e').replace(/e([-+])(\d)$/, 'e$10$2') : x.toPrecision(6);
  return s.includes('e') ? s : s.replace(/\.?0+$/, '');
};

/** GNU's human_readable with autoscale and rounding: `10 MB`, `1.0 MiB`, `512 B`. */
function gnuHuman(n: number, base: number, i = ''): string {
  let k = 0;
  while (n >= base && k < 6) (n /= base), k++;
  const v = k && n < 9.95 ? n.toFixed(1) : String(Math.round(n));
  return `${v} ${k ? (base === 1000 && k === 1 ? 'k' : 'KMGTPE'[k - 1]) + i : ''}B`;
}

/** dd's summary on stderr: records, then bytes, time and rate (none for status=noxfer). */
function summary(io: IO, inRec: [number, number], outRec: [number, number], bytes: number, secs: number, xfer: boolean): void {
  let t = `${inRec[0]}+${inRec[1]} records in\n${outRec[0]}+${outRec[1]} records out\n`;
  if (xfer && io.busybox) t += `${bytes} bytes (${human(bytes, true)}B) copied, ${secs.toFixed(6)} seconds, ${human(Math.floor(bytes / secs), true)}B/s\n`;
  else if (xfer) {
    const si = gnuHuman(bytes, 1000), iec = gnuHuman(bytes, 1024, 'i');
    const size = bytes < 1000 ? (bytes === 1 ? '1 byte' : `${bytes} bytes`) : `${bytes} bytes (${si}${bytes < 1024 ? '' : ', ' + iec})`;
    t += `${size} copied, ${g6(secs)} s, ${gnuHuman(bytes / secs, 1000)}/s\n`;
  }
  io.err(t);
}

const DD_USAGE = '[if=FILE] [of=FILE] [ibs=N] [obs=N] [bs=N] [count=N] [skip=N]\n\t[seek=N] [conv=notrunc|noerror|sync|fsync] [iflag=skip_bytes|fullblock]\n\nCopy a file with converting and formatting';

export const dd: Command = async (args, io, sh) => {
  const bb = io.busybox;
  const v: Record<string, string> = {};
  for (const a of args.slice(1)) {
    const [, k, val] = /^(if|of|bs|ibs|obs|count|skip|seek|conv|status|iflag|oflag)=(.*)$/.exec(a) ?? [];
    if (!k) {
      if (bb) return usage(io, 'dd ' + DD_USAGE), 1;
      io.err(`dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n`);
      return 1;
    }
    v[k] = val;
  }
  const num = (k: string, d: number) => (v[k] === undefined ? d : sizeArg(v[k], 'cwb'));
  const [ibs, obs] = [num('ibs', num('bs', 512)), num('obs', num('bs', 512))];
  const [count, skip, seek] = [num('count', Infinity), num('skip', 0), num('seek', 0)];
  const bad = ['bs', 'ibs', 'obs', 'count', 'skip', 'seek'].find((k) => v[k] !== undefined && !(sizeArg(v[k], 'cwb') >= +/bs/.test(k)));
  if (bad) return io.err(bb ? `dd: invalid number '${v[bad]}'\n` : `dd: invalid number: '${v[bad]}'\n`), 1;
  const conv = v.conv?.split(',') ?? [];
  const badConv = conv.find((c) => !/^(notrunc|noerror|sync|fsync|fdatasync|excl|nocreat|swab|ucase|lcase)$/.test(c));
  const [what, val] = badConv !== undefined ? ['conversion', badConv] : v.status !== undefined && !/^(none|noxfer|progress)$/.test(v.status) ? ['status level', v.status] : [];
  if (what) {
    io.err(bb ? `dd: invalid argument '${val}' to '${what === 'conversion' ? 'conv' : 'status'}'\n` : `dd: invalid ${what}: '${val}'\nTry 'dd --help' for more information.\n`);
    return 1;
  }
  const fail = (f: string, e: unknown) => (io.err(bb ? `dd: can't open '${f}': ${reason(e)}\n` : `dd: failed to open '${f}': ${reason(e)}\n`), 1);
  // the input: a device that never ends, a file (its size only for a binary) or stdin
  const dev = /^\/dev\/(zero|u?random|full)$/.test(v.if ?? '');
  let input: Blob;
  if (dev) input = { size: Infinity, text: v.if === '/dev/zero' || v.if === '/dev/full' ? '' : undefined };
  else if (v.if === undefined) input = { size: byteLength(io.stdin ?? ''), text: io.stdin ?? '' };
  else {
    try {
      const text = sh.m.fs.readFile(v.if, sh.cwd);
      input = current(sh, v.if);
      input.text ??= input.size ? undefined : text;
    } catch (e) {
      return fail(v.if, e);
    }
  }
  const start = sh.m.now();
  let blocks = count;
  // an endless input without count= runs until Ctrl+C (dd prints its summary then too)
  if (dev && count === Infinity) {
    while (!io.signal?.aborted) await io.sleep(100);
    blocks = Math.floor(((sh.m.now() - start) * 1e6) / ibs);
  }
  const from = skip * ibs;
  const avail = Math.max(0, Math.min(input.size - from, blocks * ibs));
  const whole = Math.floor(avail / ibs), part = avail % ibs ? 1 : 0;
  const bytes = conv.includes('sync') && part ? (whole + 1) * ibs : avail;
  const text = input.text === undefined ? undefined : dev ? (bytes <= 65536 || v.of === undefined ? '\0'.repeat(Math.min(bytes, 1 << 26)) : undefined) : input.text.slice(from, from + bytes).padEnd(bytes, '\0');
  if (v.of === undefined) io.out(text ?? '\0'.repeat(Math.min(bytes, 1 << 26)));
  else {
    try {
      const at = seek * obs;
      const old = current(sh, v.of);
      const notrunc = conv.includes('notrunc');
      const head = resize(old, at);
      const end = at + bytes;
      const size = notrunc ? Math.max(old.size, end) : end;
      const joined = head.text === undefined || text === undefined || old.text === undefined ? undefined : head.text + text + (notrunc ? old.text.slice(end) : '');
      create(sh, v.of, { size, text: joined });
    } catch (e) {
      return fail(v.of, e);
    }
  }
  // /dev/zero at about 2 GB/s, /dev/urandom at 400 MB/s, files and pipes in between
  const secs = 3e-5 + bytes / (v.if === '/dev/zero' ? 2.1e9 : dev ? 4.3e8 : 1.2e9) + (bytes % 977) * 1e-8;
  if (v.status !== 'none') summary(io, [whole, part], [Math.floor(bytes / obs), bytes % obs ? 1 : 0], bytes, secs, v.status !== 'noxfer');
  return io.signal?.aborted ? 130 : 0;
};

/** `truncate -s [+-<>/%]SIZE FILE...`: each file made that size, created unless -c. */
export const truncate: Command = (args, io, sh) => {
  const o = opts(args, 'sr');
  const bb = io.busybox;
  const [, op, n] = /^([-+<>/%]?)(.*)$/.exec(o.values.s ?? '')!;
  const size = sizeArg(n);
  const tryHelp = "\nTry 'truncate --help' for more information.\n";
  if (o.values.s === undefined || !o.rest.length) {
    if (bb) return usage(io, 'truncate [-c] -s SIZE FILE...\n\nTruncate FILEs to SIZE\n\n\t-c\tDo not create files\n\t-s SIZE'), 1;
    return io.err(`truncate: ${o.values.s === undefined ? "you must specify either '--size' or '--reference'" : 'missing file operand'}${tryHelp}`), 1;
  }
  if (Number.isNaN(size)) return io.err(bb ? `truncate: invalid number '${o.values.s}'\n` : `truncate: Invalid number: '${o.values.s}'\n`), 1;
  let status = 0;
  for (const f of o.rest) {
    try {
      const r = sh.m.fs.resolve(f, sh.cwd);
      if (!r.node && o.flags.has('c')) continue;
      if (r.node?.kind === 'dir') sh.m.fs.writeFile(f, '', sh.cwd);
      const old = current(sh, f);
      const s = old.size;
      const want = op === '+' ? s + size : op === '-' ? Math.max(0, s - size) : op === '<' ? Math.min(s, size) : op === '>' ? Math.max(s, size) : op === '/' ? Math.floor(s / size) * size : op === '%' ? Math.ceil(s / size) * size : size;
      create(sh, f, resize(old, want));
    } catch (e) {
      io.err(bb ? `truncate: can't open '${f}': ${reason(e)}\n` : `truncate: cannot open '${f}' for writing: ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
};

/** util-linux's `fallocate -l LENGTH FILE`: the file grows to at least LENGTH, never shrinks. */
export const fallocate: Command = (args, io, sh) => {
  const o = opts(args, 'lo');
  const f = o.rest[0];
  const len = sizeArg(o.values.l ?? '');
  const bb = io.busybox;
  if (bb && (o.values.l === undefined || !f)) return usage(io, 'fallocate [-o OFS] -l LEN FILE\n\nPreallocate space for FILE\n\n\t-o OFS\tOffset of range\n\t-l LEN\tLength of range'), 1;
  // util-linux parses -l as it reads it, then wants a file, then a length
  if (o.values.l !== undefined && !(len > 0)) return io.err(bb ? `fallocate: invalid number '${o.values.l}'\n` : `fallocate: invalid length value specified: '${o.values.l}'${Number.isNaN(len) ? ': Invalid argument' : ''}\n`), 1;
  if (!f) return io.err("fallocate: no filename specified\nTry 'fallocate --help' for more information.\n"), 1;
  if (o.values.l === undefined) return io.err('fallocate: no length argument specified\n'), 1;
  try {
    const old = current(sh, f);
    create(sh, f, resize(old, Math.max(old.size, len + (sizeArg(o.values.o ?? '0') || 0))));
    return 0;
  } catch (e) {
    io.err(bb ? `fallocate: can't open '${f}': ${reason(e)}\n` : `fallocate: cannot open ${f}: ${reason(e)}\n`);
    return 1;
  }
};
