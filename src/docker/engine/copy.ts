/** `docker cp`'s side of the daemon: stat, archive and extract paths of a container's filesystem. */
import { ApiError, type ArchiveEntry, type PathStat } from '../api';
import { pack, unpack } from '../archive';
import { joinPath } from './fs';
import { ctrLayerDir } from './store';
import { account } from '../common/sh/passwd';
import type { Engine } from './engine';

/** The node at `path` (a relative one from `/`), or moby's containerFileNotFound naming it as given. */
function locate(e: Engine, id: string, path: string, follow = false) {
  const fs = e.fsOf(e.get(id));
  const abs = '/' + path;
  let r;
  try {
    r = fs.resolve(abs, '/', follow);
  } catch { /* a missing or non-directory parent */ }
  if (!r?.node || r.node.kind === 'whiteout') throw new ApiError(404, `Could not find the file ${path} in container ${id}`);
  const n = r.node;
  // A trailing slash asks for a directory: lstat on a file fails, and it is no "not found" (a 500)
  if (n.kind === 'file' && path.endsWith('/')) {
    throw new ApiError(500, `lstat ${ctrLayerDir(e.get(id))}/merged${joinPath(r.parts)}/: not a directory`);
  }
  // Go's os.FileMode: ModeDir and ModeSymlink are high bits over the permissions.
  const stat: PathStat = {
    name: r.parts.at(-1) ?? '/', size: n.kind === 'file' ? n.size : n.kind === 'dir' ? 4096 : n.target.length,
    mode: n.kind === 'dir' ? 0x80000000 + n.mode : n.kind === 'link' ? 0x8000000 + 0o777 : n.mode,
    mtime: new Date(n.mtime).toISOString(),
    // A symlink's target fully resolved, as a path in the container.
    linkTarget: n.kind === 'link' ? joinPath(fs.resolve(abs).parts) : '',
  };
  return { fs, abs, node: n, stat };
}

export const copying = {
  async containerStatPath(this: Engine, id: string, path: string): Promise<PathStat> {
    return locate(this, id, path).stat;
  },

  async containerArchive(this: Engine, id: string, path: string): Promise<{ stat: PathStat; entries: ArchiveEntry[] }> {
    const { fs, abs, stat } = locate(this, id, path);
    return { stat, entries: pack(fs, abs) };
  },

  async containerExtract(this: Engine, id: string, dir: string, entries: ArchiveEntry[], copyUIDGID?: boolean): Promise<void> {
    const { fs, abs, node } = locate(this, id, dir, true);
    if (node.kind !== 'dir') throw new ApiError(400, 'extraction point is not a directory');
    const user = copyUIDGID && this.get(id).config.User;
    if (user) {
      // os/user.Lookup in the daemon: a name of the host's passwd, not a uid
      const a = account(this.hostFs(), user);
      if (a?.name !== user) throw new ApiError(500, `user: unknown user ${user}`);
      entries = entries.map((e) => ({ ...e, uid: a.uid, gid: a.gid }));
    }
    unpack(fs, abs, entries, !!user || undefined);
  },
};
