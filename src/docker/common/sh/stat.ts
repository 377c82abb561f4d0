/**
 * `stat` (GNU coreutils 9, busybox): the default report is GNU's own format string, so `-c`
 * shares its directives. An overlay's files sit on an anonymous device (0,59); inode numbers are
 * a hash of the path, stable across calls.
 */
import { perms, sizeOf } from './ls';
import type { Node } from './fs';
import { idNames } from './passwd';
import { fullIso } from '../dates';
import { opts, usage } from './opts';
import type { IO, ShellLike } from './types';

const GNU = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Hd,%Ld\tInode: %-11i Links: %h\nAccess: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n';
// busybox: the device in hex and decimal, the links padded, no birth
const BB = GNU.replace(/Device.*\n/, 'Device: 3bh/59d\tInode: %-10i  Links: %h\n').replace(/ Birth.*\n/, '');

export function stat(args: string[], io: IO, sh: ShellLike): number {
  const o = opts(args.flatMap((a) => (/^--(format|printf)=/.test(a) ? ['-c', a.slice(a.indexOf('=') + 1)] : [a])), 'c');
  if (!o.rest.length) {
    if (io.busybox) usage(io, 'stat [OPTIONS] FILE...\n\nDisplay file (default) or filesystem status\n\n\t-c FMT\tUse the specified format\n\t-f\tDisplay filesystem status\n\t-L\tFollow links\n\t-t\tTerse display');
    else io.err("stat: missing operand\nTry 'stat --help' for more information.\n");
    return 1;
  }
  const fs = sh.m.fs;
  const names = { passwd: idNames(fs, 'passwd', 'UNKNOWN'), group: idNames(fs, 'group', 'UNKNOWN') };
  let status = 0;
  for (const f of o.rest) {
    let n: Node | undefined;
    let parts: string[] = [];
    try {
      ({ node: n, parts } = fs.resolve(f, sh.cwd, o.flags.has('L')));
    } catch { /* missing */ }
    if (!n || n.kind === 'whiteout') {
      io.err(`stat: ${io.busybox ? "can't stat" : 'cannot statx'} '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const node = n;
    const size = sizeOf(node);
    // a node with no owner is root's
    const uid = node.uid ?? 0;
    const gid = node.gid ?? 0;
    const time = fullIso(node.mtime);
    const kind = node.kind === 'dir' ? 'directory' : node.kind === 'link' ? 'symbolic link' : node.rdev ? 'character special file' : size ? 'regular file' : 'regular empty file';
    const hash = [...parts.join('/')].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    const fmt = o.values.c !== undefined ? o.values.c + (args.some((a) => a.startsWith('--printf')) ? '' : '\n') : io.busybox ? BB : GNU;
    // what each directive gives, worked out once per file
    const table: Record<string, string | number> = {
      n: f, N: node.kind === 'link' ? (io.busybox ? `'${f}' -> '${node.target}'` : `${f} -> ${node.target}`) : f, s: size, b: node.kind === 'file' ? Math.ceil(size / 4096) * 8 : node.kind === 'dir' ? 8 : 0, o: 4096, F: kind,
      Hd: 0, Ld: 59, d: 59, D: '3b', i: 1_000_000 + (hash % 3_000_000), h: node.kind === 'dir' ? fs.links?.(parts) ?? 2 + [...fs.list(parts).values()].filter((c) => c.kind === 'dir').length : 1, a: (node.kind === 'link' ? 0o777 : node.mode & 0o7777).toString(8), A: perms(node),
      u: uid, U: names.passwd(uid), g: gid, G: names.group(gid), x: time, y: time, z: time, w: time, X: node.mtime / 1000 | 0, Y: node.mtime / 1000 | 0, Z: node.mtime / 1000 | 0, '%': '%',
    };
    const out = fmt.replace(/%(-?)(0?)(\d*)(?:\.(\d+))?([HL]?[a-zA-Z%])/g, (_m, left, zero, width, prec, d) => {
      const v = table[d] ?? '?';
      const s = prec ? String(v).slice(0, Number(prec)) : String(v);
      return left ? s.padEnd(Number(width)) : s.padStart(Number(width), zero || ' ');
    });
    io.out(out);
  }
  return status;
}
