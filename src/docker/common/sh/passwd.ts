/** Who a `--user` value (a name or a uid, before any `:group`) is in the machine's /etc/passwd. */
import type { Fs } from './fs';

export interface Account { name: string; uid: number; gid: number; home: string }

/** The entry, undefined when /etc/passwd has none, null when there is no /etc/passwd to read (the host). */
export function account(fs: Fs, user: string): Account | undefined | null {
  let text;
  // the host has no /etc/passwd: no exception (a costly one) for every shell it starts
  if (!fs.find(['etc', 'passwd'])) return null;
  try {
    text = fs.readFile('/etc/passwd');
  } catch {
    return null;
  }
  const who = user.split(':')[0];
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 7 && (f[0] === who || f[2] === who)) return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5] };
  }
  return undefined;
}

/**
 * The gid a `--user name:group` value asks for: a number, or a name in /etc/group; undefined
 * without a group, NaN for an unknown name. The catalogue's images ship no /etc/group, so there
 * a group named like a passwd user stands for that user's own group.
 */
export function groupOf(fs: Fs, user: string): number | undefined {
  const g = user.slice(user.indexOf(':') + 1);
  if (!user.includes(':') || !g) return undefined;
  if (/^\d+$/.test(g)) return Number(g);
  let text = '';
  try {
    text = fs.readFile('/etc/group');
  } catch { /* none in the image */ }
  const line = text.split('\n').find((l) => l.split(':')[0] === g);
  const a = line ? undefined : account(fs, g);
  return line ? Number(line.split(':')[2]) : a && a.name === g ? a.gid : NaN;
}
