/** Text handling that the host's and the containers' coreutils do the same way. */
import { osRelease, readOr, type Fs } from './fs';

/** The lines of a text, without the empty one after a final newline. */
export const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/**
 * What `head` or `tail` prints of a text: `count` lines (or characters, for -c), `-N` all but
 * the last N (head), `+N` from the Nth on (tail). Lines keep their own ends.
 */
export function headOrTail(text: string, count: string, head: boolean, bytes = false): string {
  const units = bytes ? [...text] : text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const k = parseInt(count, 10) || 0;
  if (head) return units.slice(0, k < 0 || count.startsWith('-') ? Math.max(0, units.length + k) : k).join('');
  return units.slice(count.startsWith('+') ? Math.max(0, k - 1) : Math.max(0, units.length - Math.abs(k))).join('');
}

/** `wc` counts: newlines, words, characters (bytes: the images have no locale) and bytes (UTF-8). */
export const wcCounts = (text: string): Record<'l' | 'w' | 'm' | 'c', number> => {
  const c = new TextEncoder().encode(text).length;
  return { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, m: c, c };
};

/** `history` as bash prints it (from entry `from`): the number right-aligned in 5 columns, two spaces, the line. */
export const historyText = (history: string[], from = 0): string => history.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).slice(from).join('');

const BASH: Record<string, string> = { 12: '5.2.15', 11: '5.1.4', 10: '5.0.3', bookworm: '5.1.16', bullseye: '5.0.17', buster: '4.4.20', ol9: '5.1.8', ol7: '4.2.46(2)', alpine: '5.2.37' };

/** The first line of `bash --version` and of `help`: the version and the system bash was built for. */
export const bashBanner = (v: string): string => `GNU bash, version ${v} (x86_64-${/^(5.1.8|4.2)/.test(v) ? 'redhat-linux-gnu' : v.startsWith('5.2.37') ? 'alpine-linux-musl' : 'pc-linux-gnu'})`;

/** The bash of each release by its /etc/debian_version (Ubuntu's names its Debian base) or Oracle Linux's os-release, else Ubuntu 24.04's (the host's too). */
export function bashVersion(fs: Fs): string {
  // \w stops at the dot of `12.5` and the slash of `bookworm/sid`; the host has none
  const key = /^\w+/.exec(readOr(fs, '/etc/debian_version'))?.[0] ?? /ID="(ol)"\nVERSION_ID="(\d)/.exec(osRelease(fs))?.slice(1).join('') ?? (readOr(fs, '/etc/alpine-release') ? 'alpine' : '');
  // Red Hat's builds count 2 on EL7
  return (BASH[key] ?? '5.2.21').replace(/\d$/, '$&(1)') + '-release';
}
