/**
 * gzip, gunzip and zcat. A compressed file has a plausible compressed size and keeps the
 * original inside its data after gzip's magic, so decompressing gives it back.
 */
import { byteLength, reason, type FileNode } from './fs';
import { opts } from './opts';
import type { Command, IO, ShellLike } from './types';

/** gzip's magic, method and flags: text inside; size-only originals carry their size (`\x01N`). */
const MAGIC = '\x1f\x8b\b\b';

/** The header and trailer gzip writes around the deflated bytes (10, the name and its NUL, 8). */
const frame = (name: string) => 19 + byteLength(name);

/** What deflate makes of it: text to about a third, a file known by its size (zeros) to a thousandth. */
function deflated(n: FileNode): number {
  if (n.data === undefined) return Math.ceil(n.size / 1030) + 8;
  const len = n.size;
  return len < 64 ? len + 2 : Math.ceil(len * 0.3) + 20;
}

/** The original of a gzip node: its text or its size; undefined when it is no gzip data. */
function original(n: FileNode): { text?: string; size: number } | undefined {
  const d = n.data;
  if (d === undefined || !d.startsWith(MAGIC)) return undefined;
  const body = d.slice(MAGIC.length);
  return body[0] === '\x01' ? { size: +body.slice(1) } : { text: body.slice(1), size: byteLength(body) - 1 };
}

export const gzip: Command = (args, io, sh) => {
  const prog = args[0];
  const o = opts(args, 'S');
  const bb = io.busybox;
  const me = bb ? prog : 'gzip';
  const f = (x: string) => o.flags.has(x);
  const down = f('d') || prog !== 'gzip';
  const toOut = f('c') || prog === 'zcat';
  const suffix = o.values.S ?? '.gz';
  const fs = sh.m.fs;
  let status = 0;
  const warn = (t: string) => (io.err(`${me}: ${t}\n`), (status ||= 2));
  if (f('l')) return list(o.rest, io, sh), 0;
  if (!o.rest.length) {
    // stdin to stdout: never compressed data to a terminal
    if (!down && io.tty && !f('f')) return io.err(bb ? 'gzip: compressed data not written to a terminal. Use -f to force compression.\n' : "gzip: compressed data not written to a terminal. Use -f to force compression.\nFor help, type: gzip -h\n"), 1;
    const text = io.stdin ?? '';
    if (!down) return io.out(MAGIC + '\0' + text), 0;
    if (!text.startsWith(MAGIC)) return io.err(bb ? `${me}: invalid magic\n` : 'gzip: stdin: not in gzip format\n'), 1;
    return io.out(text.slice(MAGIC.length + 1)), 0;
  }
  for (const name of o.rest) {
    let src = name;
    // zcat and gunzip find NAME.gz for NAME
    if (down && !name.endsWith(suffix) && !/\.tgz$/.test(name)) {
      try {
        if (fs.resolve(name + suffix, sh.cwd).node) src = name + suffix;
      } catch { /* reported below */ }
    }
    let node;
    try {
      node = fs.resolve(src, sh.cwd).node;
      if (!node) throw new Error();
      if (node.kind === 'file') fs.readFile(src, sh.cwd);
    } catch (e) {
      io.err(bb ? `${me}: can't open '${src}': ${reason(e)}\n` : `gzip: ${src}: ${reason(e)}\n`);
      status = 1;
      continue;
    }
    if (node.kind === 'dir') {
      warn(`${src} is a directory -- ignored`);
      continue;
    }
    if (node.kind !== 'file') continue;
    const plain = down ? src.replace(/\.tgz$/, '.tar') : '';
    const target = down ? (suffix && plain.endsWith(suffix) ? plain.slice(0, -suffix.length) : plain) : src + suffix;
    if (!toOut && down && target === src) {
      warn(`${src}: unknown suffix -- ignored`);
      continue;
    }
    if (!toOut && !down && src.endsWith(suffix)) {
      warn(`${src} already has ${suffix} suffix -- unchanged`);
      continue;
    }
    let made: FileNode;
    if (down) {
      const orig = original(node);
      if (!orig) {
        io.err(bb ? `${me}: invalid magic\n` : `gzip: ${src}: not in gzip format\n`);
        status = 1;
        continue;
      }
      made = { kind: 'file', size: orig.size, data: orig.text, mode: node.mode, mtime: node.mtime };
    } else {
      const base = src.slice(src.lastIndexOf('/') + 1);
      made = { kind: 'file', size: frame(base) + deflated(node), data: MAGIC + (node.data === undefined ? `\x01${node.size}` : '\0' + node.data), mode: node.mode, mtime: node.mtime };
    }
    if (toOut) {
      io.out(made.data ?? '\0'.repeat(Math.min(made.size, 1 << 26)));
      continue;
    }
    try {
      if (fs.resolve(target, sh.cwd).node && !f('f')) {
        if (bb) io.err(`${me}: can't open '${target}': File exists\n`), (status = 1);
        else warn(`${target} already exists;\tnot overwritten`);
        continue;
      }
      fs.writeFile(target, '', sh.cwd);
      const n = fs.resolve(target, sh.cwd).node as FileNode;
      Object.assign(n, made, { uid: n.uid, gid: n.gid });
      if (made.data === undefined) delete n.data;
      if (!f('k')) fs.remove(src, sh.cwd);
      if (f('v') && !bb) io.err(`${src}:\t${ratio(down ? n : node, down ? node : n, (down ? target : src).replace(/.*\//, ''))} -- ${f('k') ? 'created' : 'replaced with'} ${target}\n`);
    } catch (e) {
      io.err(bb ? `${me}: can't open '${target}': ${reason(e)}\n` : `gzip: ${target}: ${reason(e)}\n`);
      status = 1;
    }
  }
  return status;
};

/** How much smaller the deflated data is than the original, as gzip -l and -v print it. */
function ratio(orig: FileNode, gz: FileNode, name: string): string {
  const r = orig.size ? (100 * (orig.size - (gz.size - frame(name)))) / orig.size : 0;
  return (r.toFixed(1) + '%').padStart(5);
}

/** gzip -l: the sizes of each compressed file, the ratio and the name it decompresses to. */
function list(files: string[], io: IO, sh: ShellLike): void {
  let out = '         compressed        uncompressed  ratio uncompressed_name\n';
  for (const f of files) {
    const n = sh.m.fs.resolve(f, sh.cwd).node;
    const orig = n?.kind === 'file' ? original(n) : undefined;
    if (!orig || n?.kind !== 'file') continue;
    const name = f.replace(/\.gz$/, '');
    out += `${String(n.size).padStart(19)} ${String(orig.size).padStart(19)} ${ratio({ ...n, size: orig.size }, n, name.replace(/.*\//, ''))} ${name}\n`;
  }
  io.out(out);
}

export const GZIP: Record<string, Command> = {
  gzip,
  gunzip: gzip,
  zcat: gzip,
};
