/**
 * The archives of `docker cp` (`GET`/`PUT /containers/{id}/archive`) as plain entries instead of
 * tar bytes, and what both ends do with them: the engine packs and unpacks a container's
 * filesystem, the client the host's. Names are the archive's: the copied resource's base name
 * first (`hostname`, `etc/passwd`, `./a` for the contents of a directory given as `dir/.`).
 */
import type { ArchiveEntry } from './api';
import { FsError, MountDir, joinPath, type Fs, type Node } from './common/sh/fs';

/** The entries of the resource at `path` (not following a last symlink), parents first. */
/** `skipMounts`: what the runtime mounts (tmpfs /dev, /proc, /sys) is left empty, as `docker export` leaves it. */
export function pack(fs: Fs, path: string, skipMounts = false): ArchiveEntry[] {
  const r = fs.resolve(path, '/', false);
  if (!r.node) throw new FsError('ENOENT', path);
  const out: ArchiveEntry[] = [];
  const walk = (n: Node, name: string, parts: string[]): void => {
    if (n.kind === 'whiteout') return;
    const e: ArchiveEntry = { name, kind: n.kind, mode: n.kind === 'link' ? 0o777 : n.mode, mtime: n.mtime, size: 0 };
    if (n.kind === 'file') Object.assign(e, { size: n.size, data: n.data });
    if (n.kind === 'link') e.target = n.target;
    if (n.uid !== undefined) Object.assign(e, { uid: n.uid, gid: n.gid });
    out.push(e);
    if (n.kind === 'dir' && !(skipMounts && n instanceof MountDir)) for (const [k, c] of [...fs.list(parts)].sort()) walk(c, `${name}/${k}`, [...parts, k]);
  };
  walk(r.node, /(^|\/)\.$/.test(path) ? '.' : (r.parts.at(-1) ?? '.'), r.parts);
  return out;
}

/** Writes the entries under the directory `dir` (which must exist). */
/** `keep`: the owners are restored, as root's tar does in a machine with accounts (a user's files are its own; the host keeps none). */
export function unpack(fs: Fs, dir: string, entries: ArchiveEntry[], keep = !fs.cred && !!fs.find(['etc', 'passwd'])): void {
  for (const e of entries) {
    const own = keep && e.uid !== undefined ? { uid: e.uid, gid: e.gid } : {};
    const path = joinPath([dir, e.name].join('/').split('/').filter((p) => p && p !== '.'));
    if (e.kind === 'dir') {
      if (fs.resolve(path, '/', false).node?.kind !== 'dir') fs.putNode(path, { kind: 'dir', children: new Map(), mode: e.mode, mtime: e.mtime, ...own });
    } else fs.putNode(path, e.kind === 'link' ? { kind: 'link', target: e.target ?? '', mtime: e.mtime, ...own } : { kind: 'file', size: e.size, data: e.data, mode: e.mode, mtime: e.mtime, ...own });
  }
}

/** What the tar stream weighs: a 512-byte header per entry, data in 512-byte blocks, two zero blocks. */
export const tarSize = (entries: ArchiveEntry[]): number => entries.reduce((n, e) => n + 512 + Math.ceil(e.size / 512) * 512, 1024);
