/** Who a `--user` value (a name or a uid, before any `:group`) is in the machine's /etc/passwd. */
import { readOr, type Fs } from './fs';

export interface Account { name: string; uid: number; gid: number; home: string; shell?: string }

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
    if (f.length >= 7 && (f[0] === who || f[2] === who)) return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5], shell: f[6] };
  }
  return undefined;
}

/** The name /etc/passwd or /etc/group gives an id, else the number. */
export function idName(fs: Fs, file: 'passwd' | 'group', id: number): string {
  return idNames(fs, file)(id);
}

/** idName for a whole listing: the file is read once, on the first id asked; `unknown` for an id it lacks. */
export function idNames(fs: Fs, file: 'passwd' | 'group', unknown?: string): (id: number) => string {
  let names: Map<string, string> | undefined;
  return (id) => {
    if (!names) {
      names = new Map();
      for (const l of readOr(fs, '/etc/' + file).split('\n')) {
        const [name, , n] = l.split(':');
        if (n !== undefined && !names.has(n)) names.set(n, name);
      }
    }
    return names.get(String(id)) ?? unknown ?? String(id);
  };
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
  const line = readOr(fs, '/etc/group').split('\n').find((l) => l.split(':')[0] === g);
  const a = line ? undefined : account(fs, g);
  return line ? Number(line.split(':')[2]) : a && a.name === g ? a.gid : NaN;
}

/** The entries of /etc/group as [name, gid, members]; none without the file (the host). */
export function groupEntries(fs: Fs): [string, number, string[]][] {
  if (!fs.find(['etc', 'group'])) return [];
  let text = '';
  try {
    text = fs.readFile('/etc/group');
  } catch { /* a directory or a dangling link */ }
  return text.split('\n').map((l) => l.split(':')).filter((f) => f.length >= 4).map((f) => [f[0], Number(f[2]), f[3] ? f[3].split(',') : []]);
}

/**
 * The groups a process of `user` runs with, as runc sets them: the primary group (the one asked
 * with `user:group`, else the passwd entry's, else 0), then every group /etc/group lists the
 * user's name in. Each as [gid, name], the name empty when /etc/group has none.
 */
export function userGroups(fs: Fs, user: string, e = account(fs, user)): [number, string][] {
  const all = groupEntries(fs);
  const name = (gid: number) => all.find((g) => g[1] === gid)?.[0] ?? '';
  const gid = groupOf(fs, user) ?? e?.gid ?? 0;
  const out: [number, string][] = [[gid, name(gid) || (gid === e?.gid && !all.length ? e.name : '')]];
  for (const [n, g, members] of all) if (e && members.includes(e.name) && !out.some((o) => o[0] === g)) out.push([g, n]);
  return out;
}
