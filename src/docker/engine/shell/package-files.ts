/** What the package managers (apt, apk) and npm ask of the filesystem. */
import { osRelease, type Fs } from '../fs';

/** True when `path` names an entry (a path through a missing or non-directory entry is absent). */
export function exists(fs: Fs, path: string, cwd = '/'): boolean {
  try {
    return !!fs.resolve(path, cwd).node;
  } catch {
    return false;
  }
}

/** Which of a program's versions the image's distribution packages: [noble, Alpine 3.21, buster, bookworm, then jammy, focal, bullseye when given]. */
export function packaged(fs: Fs, versions: string[]): string {
  const os = osRelease(fs);
  const i = ['jammy', 'focal', 'bullseye'].findIndex((c) => os.includes(`VERSION_CODENAME=${c}`));
  return (i >= 0 && versions[4 + i]) || versions[/ID=ubuntu/.test(os) ? 0 : /ID=alpine/.test(os) ? 1 : /buster/.test(os) ? 2 : 3];
}
