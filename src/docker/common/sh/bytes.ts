/** Programs that read a file's bytes: od, cksum and sum. A file known only by its size reads as zeros. */
import { reason } from './fs';
import { opts } from './opts';
import type { Command, IO, ShellLike } from './types';

const enc = new TextEncoder();

/** The operands' bytes ([] for none: stdin) and their total size; undefined when one failed (told). */
function bytes(files: string[], io: IO, sh: ShellLike, name: string): { b: Uint8Array; size: number; each: [string, Uint8Array, number][] } | undefined {
  const each: [string, Uint8Array, number][] = [];
  for (const f of files.length ? files : ['-']) {
    if (f === '-') {
      const b = enc.encode(io.stdin ?? '');
      each.push([f, b, b.length]);
      continue;
    }
    try {
      const text = sh.m.fs.readFile(f, sh.cwd);
      const n = sh.m.fs.resolve(f, sh.cwd).node;
      // known by its size only: zeros (dd's files), a few for od's `*`
      const sized = n?.kind === 'file' && n.data === undefined && !n.rdev;
      const b = sized ? new Uint8Array(Math.min(n.size, 48)) : enc.encode(text);
      each.push([f, b, sized ? n.size : b.length]);
    } catch (e) {
      io.err(io.busybox ? `${name}: can't open '${f}': ${reason(e)}\n` : `${name}: ${f}: ${reason(e)}\n`);
      return undefined;
    }
  }
  const b = new Uint8Array(each.reduce((s, [, x]) => s + x.length, 0));
  let at = 0;
  for (const [, x] of each) b.set(x, at), (at += x.length);
  return { b, size: each.reduce((s, [, , n]) => s + n, 0), each };
}

const C_ESC: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** od's output types: `c`, or a letter (o x d u) and a size in bytes. */
type Fmt = [string, number];

export const BYTE_TOOLS: Record<string, Command> = {
  /** Lines of 16 bytes in each format, an address before them (-A o/d/x/n), `*` for repeated lines (unless -v). */
  od(args, io, sh) {
    const o = opts(args, 'tAjN');
    const fmts: Fmt[] = [...o.flags].filter((f) => 'cxodbs'.includes(f)).map((f) => (f === 'c' ? ['c', 1] : f === 'b' ? ['o', 1] : f === 's' ? ['d', 2] : [f === 'd' ? 'u' : f, 2]));
    for (const t of o.all.t ?? []) {
      const m = /^([oxduc])(\d?)$/.exec(t);
      if (!m) return io.err(`od: invalid type string '${t}'\n`), 1;
      fmts.push([m[1], m[1] === 'c' ? 1 : +(m[2] || 4)]);
    }
    if (!fmts.length) fmts.push(['o', 2]);
    const r = bytes(o.rest, io, sh, 'od');
    if (!r) return 1;
    const skip = +(o.values.j ?? 0);
    const data = r.b.slice(skip, o.values.N === undefined ? undefined : skip + +o.values.N);
    const total = Math.min(r.size - skip, o.values.N === undefined ? Infinity : +o.values.N);
    const radix = o.values.A ?? 'o';
    const addr = (n: number) => (radix === 'n' ? '' : n.toString(radix === 'x' ? 16 : radix === 'd' ? 10 : 8).padStart(7, '0'));
    // every field as wide as the widest format needs per byte (GNU lines the formats up)
    const digits = ([t, s]: Fmt) => (t === 'c' ? 3 : t === 'x' ? s * 2 : t === 'o' ? Math.ceil((s * 8) / 3) : t === 'd' ? String(-(2 ** (s * 8 - 1))).length : String(2 ** (s * 8) - 1).length);
    const perByte = Math.max(...fmts.map((f) => (digits(f) + 1) / f[1]));
    const field = (f: Fmt, line: Uint8Array, k: number) => {
      const [t, s] = f;
      let v = 0;
      for (let x = s - 1; x >= 0; x--) v = v * 256 + (line[k + x] ?? 0);
      if (t === 'd' && v >= 2 ** (s * 8 - 1)) v -= 2 ** (s * 8);
      const c = line[k];
      const text = t === 'c' ? C_ESC[c] ?? (c >= 32 && c < 127 ? String.fromCharCode(c) : c.toString(8).padStart(3, '0')) : t === 'x' ? v.toString(16).padStart(s * 2, '0') : t === 'o' ? v.toString(8).padStart(digits(f), '0') : String(v);
      return text.padStart(perByte * s);
    };
    let out = '';
    let prev = '';
    let starred = false;
    for (let at = 0; at < data.length; at += 16) {
      const line = data.slice(at, at + 16);
      const key = line.join();
      if (key === prev && !o.flags.has('v') && line.length === 16) {
        if (!starred) out += '*\n';
        starred = true;
        continue;
      }
      prev = key;
      starred = false;
      fmts.forEach((f, n) => {
        let row = n ? ' '.repeat(addr(0).length) : addr(at);
        for (let k = 0; k < line.length; k += f[1]) row += field(f, line, k);
        out += row + '\n';
      });
    }
    // a file known by its size goes on with the same zeros to its end
    if (total > data.length && !starred && !o.flags.has('v')) out += '*\n';
    if (radix !== 'n') out += addr(total) + '\n';
    io.out(out);
    return 0;
  },
  /** POSIX CRC-32 of the bytes then of their length, and the size. */
  cksum(args, io, sh) {
    const o = opts(args);
    let status = 0;
    for (const f of o.rest.length ? o.rest : ['-']) {
      const r = bytes([f], io, sh, 'cksum');
      if (!r) {
        status = 1;
        continue;
      }
      let crc = 0;
      const add = (byte: number) => {
        crc ^= byte << 24;
        for (let k = 0; k < 8; k++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
      };
      // a size-only file is zeros past what was read
      r.b.forEach(add);
      for (let k = r.b.length; k < Math.min(r.size, 1 << 22); k++) add(0);
      for (let n = r.size; n > 0; n = Math.floor(n / 256)) add(n & 255);
      io.out(`${(~crc >>> 0)} ${r.size}${f === '-' ? '' : ' ' + f}\n`);
    }
    return status;
  },
  /** BSD's rotating 16-bit sum and 1K blocks (-s: System V's sum and 512-byte blocks). */
  sum(args, io, sh) {
    const o = opts(args);
    const sysv = o.flags.has('s');
    let status = 0;
    for (const f of o.rest.length ? o.rest : ['-']) {
      const r = bytes([f], io, sh, 'sum');
      if (!r) {
        status = 1;
        continue;
      }
      let s = 0;
      for (const c of r.b) s = sysv ? s + c : ((s >> 1) + ((s & 1) << 15) + c) & 0xffff;
      if (sysv) (s = (s & 0xffff) + Math.floor(s / 65536)), (s = (s & 0xffff) + (s >> 16));
      const name = o.rest.length > (sysv ? 0 : 1) ? ' ' + f : '';
      io.out(sysv ? `${s} ${Math.ceil(r.size / 512)}${name}\n` : `${String(s).padStart(5, '0')} ${String(Math.ceil(r.size / 1024)).padStart(5)}${name}\n`);
    }
    return status;
  },
};
