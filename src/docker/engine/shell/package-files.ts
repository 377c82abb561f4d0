/** What the package managers (apt, apk) and npm ask of the filesystem. */
import type { Fs } from '../fs';

/** True when `path` names an entry (a path through a missing or non-directory entry is absent). */
export function exists(fs: Fs, path: string, cwd = '/'): boolean {
  try {
    return !!fs.resolve(path, cwd).node;
  } catch {
    return false;
  }
}
