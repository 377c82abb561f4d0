/**
 * Layered filesystem: every image layer is a read-only tree, a container adds one writable
 * (upper) tree on top, as overlay2 does. Reads fall through the layers, writes copy up into the
 * upper tree, deletions of lower entries leave whiteouts, and a directory recreated over a
 * deleted one is opaque (hides everything below it).
 */
import type { FilesystemChange } from '../api';

import { FsError, MountDir, may, byteLength, joinPath, newDir, newFile, splitPath, type DirNode, type FileNode, type FsCode, type Node, type Fs, type Resolved, binaryText } from '../common/sh/fs';

export * from '../common/sh/fs';

function fail(code: FsCode, path: string): never {
  throw new FsError(code, path);
}

/** The last component: the entry's name in its directory. */
const last = (parts: string[]): string => parts[parts.length - 1];

/** Adds `node` at `path` in a tree, creating parent directories (used to build layers). */
export function put(root: DirNode, path: string, node: Node): void {
  const parts = splitPath(path);
  let dir = root;
  for (let i = 0; i < parts.length - 1; i++) {
    let next = dir.children.get(parts[i]);
    if (!next || next.kind !== 'dir') {
      next = newDir(root.mtime);
      dir.children.set(parts[i], next);
    }
    dir = next;
  }
  dir.children.set(parts[parts.length - 1], node);
}

/** Sum of file sizes (and symlink target lengths) in a tree: what `DiffSize` counts. */
export function treeSize(node: Node): number {
  if (node.kind === 'file') return node.size;
  if (node.kind === 'link') return node.target.length;
  if (node.kind === 'whiteout') return 0;
  let n = 0;
  for (const c of node.children.values()) n += treeSize(c);
  return n;
}

export function cloneTree<T extends Node>(node: T): T {
  if (node.kind !== 'dir') return { ...node };
  const c = new Map<string, Node>();
  for (const [k, v] of node.children) c.set(k, cloneTree(v));
  return { ...node, children: c };
}

// --- plain JSON form (for save/load and content addressing)
export type NodeJSON =
  | { c: Record<string, NodeJSON>; m: number; t: number; o?: 1; u?: number[] }
  | { s: number; d?: string; m: number; t: number; u?: number[] }
  | { l: string; t: number; u?: number[] }
  | { w: 1 };

export function toJSON(node: Node): NodeJSON {
  // the owner chown set, if any
  const u = node.kind !== 'whiteout' && node.uid !== undefined ? { u: [node.uid, node.gid ?? 0] } : undefined;
  switch (node.kind) {
    case 'dir': {
      const c: Record<string, NodeJSON> = {};
      for (const k of [...node.children.keys()].sort()) c[k] = toJSON(node.children.get(k)!);
      return { c, m: node.mode, t: node.mtime, ...(node.opaque && { o: 1 }), ...u };
    }
    case 'file':
      return { s: node.size, ...(node.data !== undefined && { d: node.data }), m: node.mode, t: node.mtime, ...u };
    case 'link':
      return { l: node.target, t: node.mtime, ...u };
    default:
      return { w: 1 };
  }
}

export function fromJSON(j: unknown): Node {
  const o = (j && typeof j === 'object' ? j : {}) as Record<string, unknown>;
  const invalid = (what: string): never => {
    throw new Error(`${what} inválido`);
  };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : invalid('número'));
  if ('w' in o) return { kind: 'whiteout' };
  const own = Array.isArray(o.u) ? { uid: num(o.u[0]), gid: num(o.u[1]) } : undefined;
  if ('l' in o) return typeof o.l === 'string' ? { kind: 'link', target: o.l, mtime: num(o.t), ...own } : invalid('enlace');
  if ('s' in o) {
    if (o.d !== undefined && typeof o.d !== 'string') invalid('fichero');
    return { kind: 'file', size: num(o.s), mode: num(o.m), mtime: num(o.t), ...(typeof o.d === 'string' && { data: o.d }), ...own };
  }
  if (!o.c || typeof o.c !== 'object') return invalid('nodo');
  const d: DirNode = { ...newDir(num(o.t), num(o.m)), ...own };
  if (o.o) d.opaque = true;
  for (const [k, v] of Object.entries(o.c)) {
    if (!k || k.includes('/') || k === '.' || k === '..') invalid('nombre');
    d.children.set(k, fromJSON(v));
  }
  return d;
}

/** A resolved path: the components after following symlinks, and the node there if any. */

/** A directory mounted into a container (volume, bind, tmpfs): its own tree, maybe read-only. */
export interface DirMount { tree: DirNode; ro: boolean }

/** The merged view of a container: an upper tree over read-only lower trees (top first). */
export class Overlay implements Fs {
  /** Directories mounted over the merged view, by path: what lies under them is theirs alone. */
  dirs = new Map<string, DirMount>();
  /** `--read-only`: the root filesystem refuses writes; mounts keep their own mode. */
  ro = false;
  /** Set on a process's view (`as`): the checks then apply; root's needs none (the hot path). */
  cred?: { uid: number; groups: number[] };

  constructor(
    public upper: DirNode,
    public lowers: DirNode[],
    private now: () => number,
    /** Files the runtime bind-mounts (`/etc/hostname`, …): readable and writable, never in the diff. */
    public mounts = new Map<string, FileNode>(),
  ) {}

  /**
   * The node at exactly these components (no symlink following) in each layer from `from` down,
   * top first, ending with the first layer whose entry (or opaque directory) hides the rest;
   * only the topmost when `first`.
   */
  private layersAt(parts: string[], from: number, first: boolean): Node[] {
    const m = this.mountAt(parts);
    if (m) {
      // A mount hides the layers: nothing is below it, and its tree holds no whiteouts.
      let n: Node | undefined = m[0].tree;
      for (const p of m[1]) n = n?.kind === 'dir' ? n.children.get(p) : undefined;
      return n && !from ? [n] : [];
    }
    const out: Node[] = [];
    for (let l = from; l <= this.lowers.length; l++) {
      let n: Node = l ? this.lowers[l - 1] : this.upper;
      let i = 0;
      for (let c; i < parts.length && n.kind === 'dir' && (c = n.children.get(parts[i])); i++) n = c;
      if (i === parts.length && out.push(n) && first) break;
      if (n.kind !== 'dir' || n.opaque) break;
    }
    return out;
  }

  /** The innermost directory mount holding these components, and the components inside it. */
  private mountAt(parts: string[]): [DirMount, string[]] | undefined {
    if (!this.dirs.size) return undefined;
    for (let i = parts.length; i > 0; i--) {
      const m = this.dirs.get(joinPath(parts.slice(0, i)));
      if (m) return [m, parts.slice(i)];
    }
    return undefined;
  }

  /** A process's view of this overlay, sharing its trees (groups[0]: its primary gid). */
  as(uid: number, groups: number[]): Overlay {
    const base: Overlay = this.cred ? Object.getPrototypeOf(this) : this;
    return uid ? Object.assign(Object.create(base) as Overlay, { cred: { uid, groups } }) : base;
  }

  private need(n: Node | undefined, want: number, path: string): void {
    if (!may(this.cred, n, want)) fail('EACCES', path);
  }

  /**
   * Adding or removing an entry of the directory `dir` takes write and search on it; in a
   * sticky one (/tmp) only the entry's or the directory's owner may remove or replace it.
   */
  private change(dir: string[], path: string, old?: Node): void {
    const c = this.cred;
    if (!c) return;
    const d = this.find(dir);
    this.need(d, 3, path);
    if (old && old.kind !== 'whiteout' && d?.kind === 'dir' && d.mode & 0o1000 && (old.uid ?? 0) !== c.uid && (d.uid ?? 0) !== c.uid) fail('EPERM', path);
  }

  /** What a process not root makes is its own. */
  private own<T extends Node>(n: T): T {
    if (this.cred && n.kind !== 'whiteout') Object.assign(n, { uid: this.cred.uid, gid: this.cred.groups[0] });
    return n;
  }

  /** The merged node at exactly these components (no symlink following). */
  find(parts: string[], from = 0): Node | undefined {
    const n = (!from && this.mounted(parts)) || this.layersAt(parts, from, true)[0];
    return n?.kind === 'whiteout' ? undefined : n;
  }

  /** The top directories holding mounts, as of `mounts.size` entries (mounts are only added). */
  private mountTops?: { size: number; names: Set<string> };

  /** The file mounted at exactly `parts`; paths under no mount's top directory are not joined. */
  private mounted(parts: string[]): FileNode | undefined {
    const m = this.mounts;
    if (!m.size || !parts.length) return undefined;
    if (this.mountTops?.size !== m.size) this.mountTops = { size: m.size, names: new Set([...m.keys()].map((k) => k.split('/')[1])) };
    return this.mountTops.names.has(parts[0]) ? m.get(joinPath(parts)) : undefined;
  }

  /** overlayfs reports one link for a merged directory (one in several layers); a mount point its own count. */
  links(parts: string[]): number | undefined {
    const dirs = this.layersAt(parts, 0, false).filter((n): n is DirNode => n.kind === 'dir');
    return dirs.length > 1 ? 1 : dirs[0] instanceof MountDir ? dirs[0].links() : undefined;
  }

  /** Whether an entry exists below the upper layer (decides whiteout vs plain delete, A vs C). */
  inLower(parts: string[]): Node | undefined {
    return this.find(parts, 1);
  }

  /** Merged directory entries (whiteouts applied). */
  list(parts: string[]): Map<string, Node> {
    const out = new Map<string, Node>();
    const hidden = new Set<string>();
    for (const n of this.layersAt(parts, 0, false)) {
      if (n.kind !== 'dir') break;
      for (const [k, v] of n.children) {
        if (out.has(k) || hidden.has(k)) continue;
        if (v.kind === 'whiteout') hidden.add(k);
        else out.set(k, v);
      }
    }
    const dir = joinPath(parts);
    for (const [p, f] of this.mounts) {
      const slash = p.lastIndexOf('/');
      if ((p.slice(0, slash) || '/') === dir && this.find(splitPath(p).slice(0, -1))) out.set(p.slice(slash + 1), f);
    }
    return out;
  }

  /** Resolves `path` relative to `cwd`, following symlinks (the last one only if `follow`). */
  resolve(path: string, cwd = '/', follow = true): Resolved {
    // Linux limits: PATH_MAX 4096, NAME_MAX 255 (and it keeps trees shallow).
    if (path.length >= 4096) fail('ENAMETOOLONG', path);
    let pending = splitPath(path.startsWith('/') ? path : cwd + '/' + path);
    if (pending.some((p) => p.length > 255)) fail('ENAMETOOLONG', path);
    let parts: string[] = [];
    let hops = 0;
    while (pending.length) {
      const name = pending.shift()!;
      if (name === '..') {
        parts.pop();
        continue;
      }
      const next = [...parts, name];
      const node = this.find(next);
      if (!node) {
        if (pending.length) fail('ENOENT', path);
        return { parts: next };
      }
      if (node.kind === 'link' && (pending.length || follow)) {
        if (++hops > 40) fail('ELOOP', path);
        const target = splitPath(node.target);
        if (node.target.startsWith('/')) parts = [];
        pending = [...target, ...pending];
        continue;
      }
      if (pending.length && node.kind !== 'dir') fail('ENOTDIR', path);
      if (this.cred && pending.length) this.need(node, 1, path);
      parts = next;
      if (!pending.length) return { parts, node };
    }
    return { parts, node: this.find(parts) };
  }

  /** The upper directory at `parts`, copying up (or creating) each directory on the way. */
  private upperDir(parts: string[]): DirNode {
    const m = this.mountAt(parts);
    if (m) {
      if (m[0].ro) fail('EROFS', joinPath(parts));
      let d = m[0].tree;
      for (const p of m[1]) {
        let next = d.children.get(p);
        if (next?.kind !== 'dir') d.children.set(p, (next = newDir(this.now())));
        d = next;
      }
      return d;
    }
    if (this.ro) fail('EROFS', joinPath(parts));
    let dir = this.upper;
    for (let i = 0; i < parts.length; i++) {
      const existing = dir.children.get(parts[i]);
      if (existing && existing.kind === 'dir') {
        dir = existing;
        continue;
      }
      const merged = this.find(parts.slice(0, i + 1));
      const below = merged?.kind === 'dir' ? merged : undefined;
      const created = newDir(below?.mtime ?? this.now(), below?.mode);
      // copied up, a directory keeps its owner
      if (below?.uid !== undefined) Object.assign(created, { uid: below.uid, gid: below.gid });
      if (existing) created.opaque = true;
      dir.children.set(parts[i], created);
      dir = created;
    }
    return dir;
  }

  private parentOf(r: Resolved, path: string): string[] {
    const parent = r.parts.slice(0, -1);
    const p = this.find(parent);
    if (!p) fail('ENOENT', path);
    if (p.kind !== 'dir') fail('ENOTDIR', path);
    return parent;
  }

  /** The upper directory to hold the entry `r` names (the root cannot be replaced). */
  private holder(r: Resolved, path: string): DirNode {
    if (!r.parts.length) fail('EISDIR', path);
    return this.upperDir(this.parentOf(r, path));
  }

  readFile(path: string, cwd = '/'): string {
    const r = this.resolve(path, cwd);
    if (r.node?.kind === 'dir') fail('EISDIR', path);
    if (r.node?.kind !== 'file') fail('ENOENT', path);
    if (this.cred) this.need(r.node, 4, path);
    return r.node.data ?? binaryText(r.node.size);
  }

  /** Writes (or appends to) a file: the file lands in the upper layer. */
  writeFile(path: string, data: string, cwd = '/', append = false, mode?: number): void {
    const r = this.resolve(path, cwd);
    if (r.node?.kind === 'dir') fail('EISDIR', path);
    if (this.cred) r.node ? this.need(r.node, 2, path) : this.change(r.parts.slice(0, -1), path);
    const key = joinPath(r.parts);
    const mount = this.mounts.get(key);
    if (mount) {
      mount.data = append ? (mount.data ?? '') + data : data;
      mount.size = byteLength(mount.data);
      return;
    }
    const dir = this.holder(r, path);
    const old = r.node?.kind === 'file' ? r.node : undefined;
    let node: FileNode;
    if (append && old) {
      node = old.data === undefined
        ? { kind: 'file', size: old.size + byteLength(data), mode: old.mode, mtime: this.now() }
        : newFile(old.data + data, this.now(), old.mode);
    } else node = newFile(data, this.now(), mode ?? old?.mode ?? 0o644);
    // the same file rewritten: its owner stays (as its mode does)
    if (old?.uid !== undefined) node.uid = old.uid;
    if (old?.gid !== undefined) node.gid = old.gid;
    if (!old) this.own(node);
    dir.children.set(last(r.parts), node);
  }

  /** Places a ready node (a copy, a synthetic binary, a symlink) at `path`. */
  putNode(path: string, node: Node, cwd = '/'): void {
    const r = this.resolve(path, cwd, false);
    const dir = this.holder(r, path);
    const name = last(r.parts);
    const prev = dir.children.get(name);
    if (this.cred) this.change(r.parts.slice(0, -1), path, r.node);
    this.own(node);
    if (node.kind === 'dir' && (prev?.kind === 'whiteout' || (prev === undefined && this.inLower(r.parts)))) node.opaque = true;
    dir.children.set(name, node);
  }

  /** `touch`: creates an empty file or copies up an existing entry with a new mtime. */
  touch(path: string, cwd = '/'): void {
    const r = this.resolve(path, cwd);
    if (!r.node) return this.writeFile(path, '', cwd);
    // new times take the owner or a writer
    if (this.cred && (r.node.kind === 'whiteout' || (r.node.uid ?? 0) !== this.cred.uid)) this.need(r.node, 2, path);
    if (this.mounts.has(joinPath(r.parts)) || !r.parts.length) return;
    // A directory is copied up with its parents; a file is copied up whole.
    if (r.node.kind === 'dir') this.upperDir(r.parts).mtime = this.now();
    else if (r.node.kind === 'file') this.upperDir(r.parts.slice(0, -1)).children.set(last(r.parts), { ...r.node, mtime: this.now() });
  }

  mkdir(path: string, cwd = '/', parents = false): void {
    if (parents) {
      if (path.length >= 4096) fail('ENAMETOOLONG', path);
      // Component by component, so deep trees cost linear time per level.
      let base: string[] = path.startsWith('/') ? [] : splitPath(cwd);
      for (const comp of splitPath(path)) {
        if (comp === '..') {
          base.pop();
          continue;
        }
        if (comp.length > 255) fail('ENAMETOOLONG', path);
        const next = [...base, comp];
        const node = this.find(next);
        if (!node) {
          this.change(base, path);
          const dir = this.upperDir(base);
          const prev = dir.children.get(comp);
          const made = this.own(newDir(this.now()));
          if (prev) made.opaque = true;
          dir.children.set(comp, made);
          base = next;
        } else if (node.kind === 'link') {
          const r = this.resolve(joinPath(next), '/');
          if (!r.node) fail('ENOENT', path);
          if (r.node.kind !== 'dir') fail('ENOTDIR', path);
          base = r.parts;
        } else if (node.kind === 'dir') base = next;
        else throw new FsError(next.length === splitPath(path).length ? 'EEXIST' : 'ENOTDIR', path);
      }
      return;
    }
    const r = this.resolve(path, cwd);
    if (r.node) fail('EEXIST', path);
    this.parentOf(r, path);
    this.putNode(joinPath(r.parts), newDir(this.now()));
  }

  /** Removes an entry: from the upper layer, leaving a whiteout when lower layers hold it. */
  remove(path: string, cwd = '/', recursive = false): void {
    const r = this.resolve(path, cwd, false);
    if (!r.node) fail('ENOENT', path);
    if (!r.parts.length) fail('EINVAL', path);
    if (r.node.kind === 'dir' && !recursive) fail('EISDIR', path);
    if (this.cred) this.change(r.parts.slice(0, -1), path, r.node);
    const mount = this.dirs.get(joinPath(r.parts));
    if (mount) {
      // A mount point cannot go: `rm -r` empties it and then fails, as on Linux.
      if (!mount.ro) mount.tree.children.clear();
      fail(mount.ro ? 'EROFS' : 'EBUSY', path);
    }
    const parent = this.upperDir(r.parts.slice(0, -1));
    const name = last(r.parts);
    if (this.inLower(r.parts)) parent.children.set(name, { kind: 'whiteout' });
    else parent.children.delete(name);
  }

  rmdir(path: string, cwd = '/'): void {
    const r = this.resolve(path, cwd, false);
    if (!r.node) fail('ENOENT', path);
    if (r.node.kind !== 'dir') fail('ENOTDIR', path);
    if (this.list(r.parts).size) fail('ENOTEMPTY', path);
    this.remove(path, cwd, true);
  }

  /** `docker diff`: A/C/D entries of the upper layer, sorted by path. */
  diff(): FilesystemChange[] {
    const out: FilesystemChange[] = [];
    const walk = (dir: DirNode, parts: string[], added: boolean) => {
      for (const [name, node] of dir.children) {
        const p = [...parts, name];
        // Kind 2: deleted (a whiteout), 1: added, 0: changed.
        const isNew = node.kind !== 'whiteout' && (added || !this.inLower(p));
        out.push({ Kind: node.kind === 'whiteout' ? 2 : isNew ? 1 : 0, Path: joinPath(p) });
        if (node.kind === 'dir') walk(node, p, isNew || !!node.opaque);
      }
    };
    walk(this.upper, [], false);
    return out.sort((a, b) => (a.Path < b.Path ? -1 : 1));
  }

  /** Bytes in the writable layer (`SizeRw`). */
  sizeRw(): number {
    return treeSize(this.upper);
  }
}

