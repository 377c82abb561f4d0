/**
 * `df`, `du` and `free` in a container. The disk and the memory are the host's (a 64 GB disk,
 * docker info's 8 GB of memory, no swap), with fixed usage so the output stays deterministic;
 * `du` adds up the blocks of the files the simulation keeps.
 */
import { FsError, type Node } from './fs';
import { human } from './human';
import { sizeOf } from './ls';
import { opts } from './opts';
import type { IO, ShellLike } from './types';

const DISK = [61202244, 13568448, 44573684];
const DEV = [65536, 0, 65536];
// tmpfs's default size: half the memory, whole pages
const HALF_RAM = [4064780, 0, 4064780];
// KiB: total, used, free, shared, buff/cache, available
const MEM = [8129564, 787112, 5462208, 3120, 1880244, 7086452];

type Mount = [string, number[], string];

/**
 * The mounts as /proc/mounts lists them with a size (proc, sysfs, devpts, cgroup and mqueue
 * have none). GNU df keeps one of the bind mounts of a device (the shortest mount point) and so
 * drops /dev/null's binds over /proc/kcore, /proc/keys and /proc/timer_list; busybox shows all.
 */
function mounts(busybox: boolean): Mount[] {
  const etc: Mount[] = (busybox ? ['resolv.conf', 'hostname', 'hosts'] : ['hosts']).map((f) => ['/dev/sda1', DISK, '/etc/' + f]);
  const nulls: Mount[] = busybox ? ['kcore', 'keys', 'timer_list'].map((f) => ['tmpfs', DEV, '/proc/' + f]) : [];
  return [['overlay', DISK, '/'], ['tmpfs', DEV, '/dev'], ['shm', DEV, '/dev/shm'], ...etc, ['tmpfs', HALF_RAM, '/proc/acpi'], ...nulls, ['tmpfs', HALF_RAM, '/sys/firmware']];
}

export function df(args: string[], io: IO, sh: ShellLike): number {
  const o = opts(args);
  const h = o.flags.has('h');
  const all = mounts(io.busybox);
  let status = 0;
  const rows: Mount[] = [];
  for (const p of o.rest) {
    try {
      const r = sh.m.fs.resolve(p, sh.cwd);
      if (!r.node) throw new FsError('ENOENT', p);
      const abs = '/' + r.parts.join('/');
      // the mount with the longest prefix of the path
      rows.push(all.filter(([, , m]) => abs === m || abs.startsWith(m === '/' ? '/' : m + '/')).pop()!);
    } catch {
      io.err(io.busybox ? `df: ${p}: can't find mount point\n` : `df: ${p}: No such file or directory\n`);
      status = 1;
    }
  }
  if (!rows.length && status) return status;
  const table = o.rest.length ? rows : all;
  if (io.busybox) {
    // Use%: rounded; names over 20 columns would take a line of their own
    io.out(`Filesystem           ${(h ? '     Size' : '1K-blocks').padEnd(15)}Used Available Use% Mounted on\n`);
    for (const [src, [size, used, avail], mnt] of table) {
      const n = (k: number) => (h ? human(k * 1024, true) : String(k)).padStart(9);
      io.out(`${src.padEnd(20)} ${n(size)} ${n(used)} ${n(avail)} ${String(Math.floor((used * 100 + (used + avail) / 2) / (used + avail))).padStart(3)}% ${mnt}\n`);
    }
    return status;
  }
  // GNU: each column as wide as its widest cell (at least 14 for the name, 5 for numbers, 4
  // for Use%), the percentage rounded up.
  const cells = [h ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on'] : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on']];
  for (const [src, [size, used, avail], mnt] of table) {
    cells.push([src, ...[size, used, avail].map((k) => (h ? human(k * 1024, false) : String(k))), `${Math.ceil((used * 100) / (used + avail))}%`, mnt]);
  }
  const widths = cells[0].map((_, c) => Math.max(c === 0 ? 14 : c === 4 ? 4 : 5, ...cells.map((r) => r[c].length)));
  for (const r of cells) io.out(r.map((v, c) => (c === 5 ? v : c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join(' ') + '\n');
  return status;
}

/** Disk usage in KiB: whole 4 KiB blocks for files and directories, none for a symlink. */
const blocks = (n: Node) => (n.kind === 'file' ? Math.ceil(n.size / 4096) * 4 : n.kind === 'dir' ? 4 : 0);

export function du(args: string[], io: IO, sh: ShellLike): number {
  const o = opts(args, 'd');
  const max = o.flags.has('s') ? 0 : o.values.d !== undefined ? Number(o.values.d) : Infinity;
  const show = (k: number, path: string) => io.out(`${o.flags.has('h') ? human(k * 1024, io.busybox) : k}\t${path}\n`);
  let status = 0;
  let total = 0;
  const walk = (path: string, parts: string[], node: Node, depth: number): number => {
    // -b: the apparent size, in bytes
    let k = o.flags.has('b') ? sizeOf(node) : blocks(node);
    if (node.kind === 'dir') {
      for (const [n, child] of [...sh.m.fs.list(parts)].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        k += walk(path.endsWith('/') ? path + n : `${path}/${n}`, [...parts, n], child, depth + 1);
      }
    }
    // directories down to the depth asked, files with -a, and every operand
    if (depth <= max && (node.kind === 'dir' || o.flags.has('a') || depth === 0)) show(k, path);
    return k;
  };
  for (const p of o.rest.length ? o.rest : ['.']) {
    try {
      const r = sh.m.fs.resolve(p, sh.cwd, false);
      if (!r.node) throw new FsError('ENOENT', p);
      total += walk(p, r.parts, r.node, 0);
    } catch {
      io.err(io.busybox ? `du: ${p}: No such file or directory\n` : `du: cannot access '${p}': No such file or directory\n`);
      status = 1;
    }
  }
  if (o.flags.has('c')) show(total, 'total');
  return status;
}

export function free(args: string[], io: IO): number {
  const f = opts(args).flags;
  const unit = f.has('b') ? 0 : f.has('m') ? 2 : f.has('g') ? 3 : 1;
  const rows: [string, number[]][] = [['Mem:', MEM], ['Swap:', [0, 0, 0]]];
  if (io.busybox) {
    // make_human_readable_str on bytes: K units rounded, -h with one decimal
    const n = (k: number) => (f.has('h') ? human(k * 1024, true) : String(unit ? Math.round(k / 1024 ** (unit - 1)) : k * 1024)).padStart(12);
    io.out(`${''.padEnd(7)}${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((s) => s.padStart(12)).join('')}\n`);
    for (const [name, v] of rows) io.out(name.padEnd(7) + v.map(n).join('') + '\n');
    return 0;
  }
  // procps: truncated to the unit; -h keeps at most 4 characters before the 'i'
  const n = (k: number) => {
    if (!f.has('h')) return String(unit ? Math.floor(k / 1024 ** (unit - 1)) : k * 1024);
    if (k < 1) return '0B';
    for (let i = 1; ; i++) {
      const v = (k * 1024) / 1024 ** i;
      if (v.toFixed(1).length <= 3) return `${v.toFixed(1)}${'KMGT'[i - 1]}i`;
      if (String(Math.floor(v)).length <= 3) return `${Math.floor(v)}${'KMGT'[i - 1]}i`;
    }
  };
  io.out('               total        used        free      shared  buff/cache   available\n');
  for (const [name, v] of rows) io.out(name.padEnd(9) + v.map((k, i) => n(k).padStart(i ? 12 : 11)).join('') + '\n');
  return 0;
}
