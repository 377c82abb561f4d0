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
