/**
 * What chmod and chown share: a node's attributes changed in the writable layer. A directory is
 * copied up (its time kept) and changed there, a file or link rewritten; `recurse` goes through
 * a directory's entries without following links, as `-R` does.
 */
import { FsError, absPath, splitPath, type Fs, type Node } from './fs';


export function changeAttrs(fs: Fs, path: string, cwd: string, follow: boolean, recurse: boolean, attrs: (n: Exclude<Node, { kind: 'whiteout' }>) => object | null): void {
  const r = fs.resolve(path, cwd, follow);
  if (!r.node || r.node.kind === 'whiteout') throw new FsError('ENOENT', path);
  // only the owner (or root) changes a node's attributes
  if (fs.cred && (r.node.uid ?? 0) !== fs.cred.uid) throw new FsError('EPERM', path);
  const abs = absPath('/', r.parts.join('/'));
  const set = attrs(r.node);
  if (r.node.kind === 'dir') {
    const t = r.node.mtime;
    if (set) {
      fs.touch(abs);
      const up = fs.find(splitPath(abs));
      if (up?.kind === 'dir') Object.assign(up, set, { mtime: t });
    }
    if (recurse) for (const k of fs.list(r.parts).keys()) changeAttrs(fs, `${abs === '/' ? '' : abs}/${k}`, '/', false, true, attrs);
  } else if (set) fs.putNode(abs, { ...r.node, ...set });
}
