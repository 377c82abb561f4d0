/**
 * File trees of the catalogue's layers. A layer is described by a compact spec: a list of
 * entries plus "filler" directories that receive the bytes the explicit entries do not account
 * for, so a layer's files add up exactly to the size the registry reports.
 *
 * Entry syntax (one per array item):
 *   `/dir/`           directory
 *   `/a>target`       symbolic link
 *   `/f*1234`         executable of 1234 bytes
 *   `/f=1234`         regular file of 1234 bytes
 *   `/f:text`         regular file holding `text` (the rest of the entry, newlines included)
 *   `+/dir name name…` filler files (libraries, data) sharing the remaining bytes
 *   `~/f 1181588034`  the time (seconds) of an entry that kept its own (a file from a tarball)
 */
import { newDir, newFile, put, type DirNode, type Node } from '../engine/fs';
import { fnv1a } from '../common/hash';

/** The programs of procps (Ubuntu's base has them; apt-get installs them elsewhere). */
export const PROCPS = 'ps top free uptime kill pgrep pkill watch w vmstat pmap';

/** Builds the tree of a layer from its spec so that its files add up to `size` bytes. */
/** Paths of files that hold text: what cat shows empty when the text itself is not kept. */
const TEXTUAL = /^\/etc\/|\/\.[^/]+$|\.(conf|cfg|ini|sh|txt|md|list|json|ya?ml|html?|css|js|py|pem|xml)$|\/README[^/]*$/;

export function buildTree(spec: string[], size: number, mtime: number): DirNode {
  const root = newDir(mtime);
  let used = 0;
  const fillers: string[] = [];
  const dates: string[][] = [];
  for (const e of spec) {
    if (e.startsWith('~')) {
      dates.push(e.slice(1).split(' '));
      continue;
    }
    if (e.startsWith('+')) {
      const [dir, ...names] = e.slice(1).split(' ');
      fillers.push(...names.map((n) => dir + '/' + n));
      continue;
    }
    const [, path, kind, arg] = /^([^>*=:]+)([>*=:]?)(.*)$/s.exec(e)!;
    if (!kind) {
      put(root, path, newDir(mtime, path.startsWith('/tmp') ? 0o1777 : path.startsWith('/root') ? 0o700 : 0o755));
    } else if (kind === '>') {
      put(root, path, { kind: 'link', target: arg, mtime });
      used += arg.length;
    } else if (kind === ':' || arg === '0') {
      // Files with text (and empty ones) carry their data, so `cat` prints it.
      const file = newFile(kind === ':' ? arg : '', mtime, /shadow-?$/.test(path) ? 0o640 : arg.startsWith('#!') ? 0o755 : 0o644);
      // the shadow group (42) reads the password hashes, as in Debian and Alpine
      put(root, path, /shadow-?$/.test(path) ? Object.assign(file, { uid: 0, gid: 42 }) : file);
      used += file.size;
    } else {
      // A text file whose text is not kept (configuration, dotfiles, scripts, sources) reads as
      // empty, not as a program's bytes.
      put(root, path, { kind: 'file', size: Number(arg), mode: kind === '*' ? 0o755 : 0o644, mtime, ...(kind === '=' && TEXTUAL.test(path) && { data: '' }) });
      used += Number(arg);
    }
  }
  for (const [path, t] of dates) {
    let n: Node | undefined = root;
    for (const p of path.split('/').filter(Boolean)) n = n?.kind === 'dir' ? n.children.get(p) : undefined;
    if (n && n.kind !== 'whiteout') n.mtime = Number(t) * 1000;
  }
  // The filler files share what is left, in proportions fixed by their names.
  let left = Math.max(0, size - used);
  const weights = fillers.map((n) => 1 + (fnv1a(n) % 9));
  let wsum = weights.reduce((a, b) => a + b, 0);
  fillers.forEach((path, i) => {
    const share = i === fillers.length - 1 ? left : Math.floor((left * weights[i]) / wsum);
    left -= share;
    wsum -= weights[i];
    put(root, path, { kind: 'file', size: share, mode: /\.so/.test(path) ? 0o755 : 0o644, mtime });
  });
  // a home in /home (the node image's) belongs to its user, the first one useradd makes
  const own = (n: Node): void => {
    if (n.kind !== 'whiteout') Object.assign(n, { uid: 1000, gid: 1000 });
    if (n.kind === 'dir') n.children.forEach(own);
  };
  const home = root.children.get('home');
  if (home?.kind === 'dir') home.children.forEach(own);
  return root;
}
