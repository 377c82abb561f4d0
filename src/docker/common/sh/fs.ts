/**
 * The filesystem as the shell and the core programs see it: nodes, errors with their errno
 * names, path helpers, and the `Fs` interface that both a container's overlay (engine) and the
 * host's tree satisfy.
 */
/** `uid`/`gid`: the owner (chown, or a process not root that made it); without them root's. */
export interface DirNode { kind: 'dir'; children: Map<string, Node>; mode: number; mtime: number; opaque?: boolean; uid?: number; gid?: number }
/** A character device (`rdev`: major and minor) reads as empty: /dev/null, /dev/zero… */
export interface FileNode { kind: 'file'; size: number; data?: string; mode: number; mtime: number; rdev?: [number, number]; uid?: number; gid?: number }
export interface LinkNode { kind: 'link'; target: string; mtime: number; uid?: number; gid?: number }
export interface WhiteoutNode { kind: 'whiteout' }
export type Node = DirNode | FileNode | LinkNode | WhiteoutNode;

export type FsCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'ELOOP' | 'EINVAL' | 'ENAMETOOLONG' | 'EROFS' | 'EBUSY' | 'EACCES' | 'EPERM';
export class FsError extends Error {
  constructor(public code: FsCode, public path: string) {
    super(`${code}: ${path}`);
  }
}

/** A directory's entry names, sorted (python's os.listdir, node's readdirSync). */
export function listDir(fs: Fs, p: string, cwd: string): string[] {
  const r = fs.resolve(p, cwd);
  if (r.node?.kind !== 'dir') throw new FsError(r.node ? 'ENOTDIR' : 'ENOENT', p);
  return [...fs.list(r.parts).keys()].sort();
}

/** The C library's text for an error (strerror), ENOENT for anything that is no FsError. */
export const reason = (e: unknown): string => {
  const code = e instanceof FsError ? e.code : 'ENOENT';
  return ({ ENOENT: 'No such file or directory', EEXIST: 'File exists', ENOTDIR: 'Not a directory', EISDIR: 'Is a directory', ENOTEMPTY: 'Directory not empty', ELOOP: 'Too many levels of symbolic links', EINVAL: 'Invalid argument', ENAMETOOLONG: 'File name too long', EROFS: 'Read-only file system', EBUSY: 'Device or resource busy', EACCES: 'Permission denied', EPERM: 'Operation not permitted' } as const)[code];
};

const encoder = new TextEncoder();
// eslint-disable-next-line no-control-regex
export const byteLength = (s: string): number => (/^[\x00-\x7f]*$/.test(s) ? s.length : encoder.encode(s).length);

export const newDir = (mtime = 0, mode = 0o755): DirNode => ({ kind: 'dir', children: new Map(), mode, mtime });
export const newFile = (data: string, mtime = 0, mode = 0o644): FileNode => ({ kind: 'file', size: byteLength(data), data, mode, mtime });

export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}
export const joinPath = (parts: string[]): string => '/' + parts.join('/');

export interface Resolved { parts: string[]; node?: Node }

/** What the shell and the programs may do with a filesystem (paths relative to `cwd`). */
export interface Fs {
  /** The node at exactly these components (no symlink following). */
  find(parts: string[]): Node | undefined;
  /** Directory entries. */
  list(parts: string[]): Map<string, Node>;
  /** Resolves `path`, following symlinks (the last one only if `follow`). */
  resolve(path: string, cwd?: string, follow?: boolean): Resolved;
  readFile(path: string, cwd?: string): string;
  writeFile(path: string, data: string, cwd?: string, append?: boolean, mode?: number): void;
  putNode(path: string, node: Node, cwd?: string): void;
  touch(path: string, cwd?: string): void;
  mkdir(path: string, cwd?: string, parents?: boolean): void;
  remove(path: string, cwd?: string, recursive?: boolean): void;
  rmdir(path: string, cwd?: string): void;
  /** The link count the filesystem reports for a directory, when it is not 2 and a link per subdirectory (overlayfs). */
  links?(parts: string[]): number | undefined;
  /** The view a process of this uid, gid and groups has, checking every access (root: this one). */
  as?(uid: number, groups: number[]): Fs;
  /** Who this view checks for (none: root, which may do anything). */
  cred?: { uid: number; groups: number[] };
}

/** Whether a process of `cred` may `want` (4 read, 2 write, 1 search) the node: its owner's, group's or others' bits; root (no cred) may all. */
export function may(cred: Fs['cred'], n: Node | undefined, want: number): boolean {
  if (!cred || !n || n.kind === 'whiteout' || n.kind === 'link') return true;
  const shift = (n.uid ?? 0) === cred.uid ? 6 : cred.groups.includes(n.gid ?? 0) ? 3 : 0;
  return ((n.mode >> shift) & want) === want;
}

/** What `cat` shows for a file the simulation only knows the size of (an executable, a library). */
export function binaryText(size: number): string {
  return size ? '\u007fELF\u0002\u0001\u0001' : '';
}

/** A file's text, or '' where there is none. */
export function readOr(fs: Fs, path: string): string {
  try {
    return fs.readFile(path);
  } catch {
    return '';
  }
}

/** /etc/os-release, or '' where there is none (the host, a minimal image). */
export const osRelease = (fs: Fs) => readOr(fs, '/etc/os-release');

/** Absolute, normalised path of `p` seen from `cwd` (`..` taken lexically, as `cd` does). */
export function absPath(cwd: string, p: string): string {
  const parts: string[] = [];
  for (const seg of splitPath(p.startsWith('/') ? p : cwd + '/' + p)) {
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return joinPath(parts);
}

/**
 * The root of a mounted filesystem (tmpfs, proc, sysfs): the size, link count and time it
 * reports instead of 4096 bytes, a link per subdirectory and a stored time.
 */
export class MountDir implements DirNode {
  readonly kind = 'dir';
  opaque = true;
  private kids?: Map<string, Node>;
  /** `fill` makes the entries when they are first looked at (most containers never list /dev). */
  constructor(public mode: number, public size: number, public links: () => number, private time: () => number, private fill?: (kids: Map<string, Node>) => void) {}
  get children(): Map<string, Node> {
    if (!this.kids) {
      this.kids = new Map();
      this.fill?.(this.kids);
    }
    return this.kids;
  }
  get mtime(): number {
    return this.time();
  }
  set mtime(_t: number) { /* the mount's own */ }
}
