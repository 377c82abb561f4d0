/** `ls` as GNU coreutils and busybox print it: columns on a terminal, one per line otherwise. */
import { columns, uniformColumns } from './columns';
import { FsError, MountDir, may, type DirNode, type Node } from './fs';
import { reason } from './fs';
import { human as toHuman } from './human';
import { opts, usage } from './opts';
import { idNames } from './passwd';
import type { IO, ShellLike } from './types';

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

export function perms(n: Node): string {
  if (n.kind === 'link') return 'lrwxrwxrwx';
  const m = n.kind === 'whiteout' ? 0 : n.mode;
  const bits = 'rwxrwxrwx'.split('').map((c, i) => (m & (1 << (8 - i)) ? c : '-'));
  if (m & 0o4000) bits[2] = bits[2] === 'x' ? 's' : 'S';
  if (m & 0o2000) bits[5] = bits[5] === 'x' ? 's' : 'S';
  if (m & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return (n.kind === 'dir' ? 'd' : n.kind === 'file' && n.rdev ? 'c' : '-') + bits.join('');
}

/** The date of `ls -l`: a recent one with its time, an old one with its year; --time-style's long-iso and full-iso (--full-time) as they say. */
function stamp(ms: number, now: number, style = ''): string {
  const d = new Date(ms);
  const iso = d.toISOString().replace('T', ' ');
  if (style === 'long-iso') return iso.slice(0, 16);
  if (style === 'full-iso') return iso.slice(0, 19) + '.000000000 +0000';
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - ms < 182 * 86400_000 && ms <= now + 3600_000;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${recent ? d.toISOString().slice(11, 16) : ' ' + d.getUTCFullYear()}`;
}

// a link of procfs says its size (0)
export const sizeOf = (n: Node) => (n.kind === 'file' ? n.size : n.kind === 'link' ? (n as { size?: number }).size ?? n.target.length : n instanceof MountDir ? n.size : 4096);

/** GNU ls sorts with the C collation in the images (no locale installed): byte order. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** busybox ls's usage, printed when it is called wrongly (or with --help alone). */
const BB_LS = 'ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n\n' + '1One column output;aInclude names starting with .;ALike -a, but exclude . and ..;xList by lines;dList directory names, not contents;LFollow symlinks;HFollow symlinks on command line;RRecurse;pAppend / to directory names;FAppend indicator (one of */=@|) to names;lLong format;iList inode numbers;nList numeric UIDs and GIDs instead of names;sList allocated blocks;lcList ctime;luList atime;-full-time\tList full date/time;hHuman readable sizes (1K 243M 2G);-group-directories-first;SSort by size;XSort by extension;vSort by version;tSort by mtime;tcSort by ctime;tuSort by atime;rReverse sort order;w NFormat N columns wide;-color[={always,never,auto}]'.split(';').map((o) => '\t-' + o.replace(/^(\w+|\w N)(?=[A-Z])/, '$1\t')).join('\n');

export function ls(args: string[], io: IO, sh: ShellLike): number {
  // busybox knows three long options; musl's getopt_long names any other
  const end = args.indexOf('--');
  const bad = io.busybox && args.slice(1, end < 0 ? undefined : end).find((a) => /^--./.test(a) && !/^--(full-time|group-directories-first|color(=.*)?)$/.test(a));
  if (bad) {
    if (args.length > 2 || bad !== '--help') io.err(`ls: unrecognized option: ${bad.slice(2)}\n`);
    return usage(io, BB_LS), 1;
  }
  const o = opts(args);
  const all = o.flags.has('a') || o.flags.has('--all');
  const almost = o.flags.has('A');
  const long = o.flags.has('l') || o.flags.has('n') || (!io.busybox && o.flags.has('--full-time'));
  const one = o.flags.has('1') || (!io.tty && !long && !o.flags.has('C'));
  const dirOnly = o.flags.has('d');
  const human = o.flags.has('h');
  const reverse = o.flags.has('r') ? -1 : 1;
  // -t: newest first, -S: largest first, then by name
  const order = (a: [string, Node], b: [string, Node]) => (o.flags.has('t') ? (b[1] as DirNode).mtime - (a[1] as DirNode).mtime : o.flags.has('S') ? sizeOf(b[1]) - sizeOf(a[1]) : 0) || byName(a[0], b[0]);
  // -F marks directories, links, programs (and pipes, sockets); -p directories only
  const mark = (n: Node) => (n.kind === 'dir' ? (o.flags.has('F') || o.flags.has('p') ? '/' : '') : !o.flags.has('F') ? '' : n.kind === 'link' ? '@' : n.kind === 'file' && n.mode & 0o111 ? '*' : '');
  // -Q: names in double quotes
  const q = (name: string) => (o.flags.has('Q') ? `"${name}"` : name);
  // -Z: the SELinux context, which no file has here
  const ctx = o.flags.has('Z') ? '? ' : '';
  const fs = sh.m.fs;
  const now = sh.m.now();
  // a node with no owner is root's; names come from the machine's /etc/passwd and /etc/group (-n: the numbers)
  const ids = { passwd: idNames(fs, 'passwd'), group: idNames(fs, 'group') };
  const named = (file: 'passwd' | 'group', id: number) => (o.flags.has('n') ? String(id) : ids[file](id));
  const ownerOf = (n: Node): [string, string] => [named('passwd', (n as DirNode).uid ?? 0), named('group', (n as DirNode).gid ?? 0)];
  const targets = o.rest.length ? o.rest : ['.'];
  let status = 0;
  const files: [string, Node, string[]][] = [];
  const dirs: [string, string[]][] = [];
  for (const t of targets) {
    try {
      const r = fs.resolve(t, sh.cwd, !long || t.endsWith('/'));
      if (!r.node) throw new FsError('ENOENT', t);
      if (r.node.kind === 'dir' && !dirOnly) dirs.push([t, r.parts]);
      else files.push([t, r.node, r.parts]);
    } catch (e) {
      io.err(io.busybox ? `ls: ${t}: ${reason(e)}\n` : `ls: cannot access '${t}': ${reason(e)}\n`);
      status = 2;
    }
  }
  if (io.busybox && status) status = 1;

  const fmtSize = (n: number) => (human ? toHuman(n, io.busybox) : String(n));
  const render = (entries: [string, Node, number][], total: boolean): string => {
    if (!entries.length) return total && long ? 'total 0\n' : '';
    if (!long) {
      const names = entries.map(([n, node]) => ctx + q(n) + mark(node));
      if (one) return names.map((n) => n + '\n').join('');
      return io.busybox ? uniformColumns(names, io.columns ?? 80) : columns(names, io.columns ?? 80, true);
    }
    const rows = entries.map(([name, node, nlink]) => ({
      o: ownerOf(node),
      p: perms(node), l: String(nlink), s: fmtSize(sizeOf(node)), t: stamp(node.kind === 'whiteout' ? now : node.mtime, now, o.flags.has('--full-time') ? 'full-iso' : [...o.flags].find((f) => f.startsWith('--time-style='))?.slice(13)),
      n: q(name) + (node.kind === 'link' ? ' -> ' + q(node.target) : mark(node)),
    }));
    const lw = Math.max(...rows.map((r) => r.l.length));
    // Devices show `major, minor` where the size goes: GNU pads each number to its column,
    // busybox prints them %4u, %3u.
    const devs = entries.map(([, n]) => (n.kind === 'file' ? n.rdev : undefined));
    const majW = Math.max(0, ...devs.map((d) => (d ? String(d[0]).length : 0)));
    const minW = Math.max(0, ...devs.map((d) => (d ? String(d[1]).length : 0)));
    devs.forEach((d, i) => {
      if (d) rows[i].s = io.busybox ? `${String(d[0]).padStart(4)}, ${String(d[1]).padStart(3)}` : `${String(d[0]).padStart(majW)}, ${String(d[1]).padStart(minW)}`;
    });
    const sw = Math.max(...rows.map((r) => r.s.length));
    // GNU pads the owner and group columns to their widest name
    const ow = Math.max(...rows.map((r) => r.o[0].length));
    const gw = Math.max(...rows.map((r) => r.o[1].length));
    // a mounted directory (tmpfs, proc) takes no block of the disk
    const blocks = entries.reduce((a, [, n]) => a + (n.kind === 'file' ? Math.ceil(n.size / 4096) * 4 : n.kind === 'dir' && !(n instanceof MountDir) ? 4 : 0), 0);
    // GNU's -h applies to the total too; busybox leaves it in KiB
    let out = total ? `total ${human && !io.busybox && blocks ? fmtSize(blocks * 1024) : blocks}\n` : '';
    for (const r of rows) {
      out += io.busybox
        ? `${r.p} ${r.l.padStart(4)} ${r.o[0].padEnd(8)} ${r.o[1].padEnd(8)} ${r.s.padStart(human ? 7 : 9)} ${r.t} ${r.n}\n`
        : `${r.p} ${r.l.padStart(lw)} ${r.o[0].padEnd(ow)} ${r.o[1].padEnd(gw)} ${ctx}${r.s.padStart(sw)} ${r.t} ${r.n}\n`;
    }
    return out;
  };
  const nlink = (parts: string[], node: Node) => {
    if (node.kind !== 'dir') return 1;
    const own = fs.links?.(parts);
    if (own !== undefined) return own;
    let n = 2;
    for (const c of fs.list(parts).values()) if (c.kind === 'dir') n++;
    return n;
  };

  let out = render(files.sort((a, b) => reverse * order([a[0], a[1]], [b[0], b[1]])).map(([n, node, parts]) => [n, node, long ? nlink(parts, node) : 1]), false);
  dirs.sort((a, b) => reverse * byName(a[0], b[0]));
  // -R lists each directory's subdirectories after it, depth first, never through a symlink or
  // back into . and ..; every directory is then labelled.
  const recursive = o.flags.has('R') && !dirOnly;
  let shown = 0;
  const show = (label: string, parts: string[]) => {
    if (fs.cred && !may(fs.cred, fs.find(parts), 4)) {
      io.err(io.busybox ? `ls: can't open '${label}': Permission denied\n` : `ls: cannot open directory '${label}': Permission denied\n`);
      status = io.busybox ? 1 : 2;
      return;
    }
    const entries: [string, Node, number][] = [...fs.list(parts)]
      .filter(([n]) => all || almost || !n.startsWith('.'))
      .sort(order)
      .map(([n, node]) => [n, node, long ? nlink([...parts, n], node) : 1]);
    const subdirs = recursive ? entries.filter(([, node]) => node.kind === 'dir').map(([n]) => n) : [];
    if (all) {
      const self = fs.find(parts)!;
      const parent = fs.find(parts.slice(0, -1))!;
      entries.unshift(['.', self, long ? nlink(parts, self) : 1], ['..', parent, long ? nlink(parts.slice(0, -1), parent) : 1]);
    }
    if (reverse < 0) entries.reverse();
    if (out || shown++ > 0) out += '\n';
    // Labelled when ls got several operands, even ones that did not exist.
    if (targets.length > 1 || recursive) out += `${label}:\n`;
    out += render(entries, true);
    for (const n of subdirs) show(label.endsWith('/') ? label + n : `${label}/${n}`, [...parts, n]);
  };
  for (const [label, parts] of dirs) show(label, parts);
  io.out(out.startsWith('\n') ? out.slice(1) : out);
  return status;
}
