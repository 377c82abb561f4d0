/** Small text programs of coreutils and busybox: tac, nl, rev, paste, yes, base64, the checksums. */
import { readInputs } from './coreutils';
import { opts } from './opts';
import { lines } from './text';
import { md5, sha1, sha256 } from '../hash';
import type { Command, IO, ShellLike } from './types';
import { b64decode, b64encode } from '../base64';

/** The operands' texts (stdin without any), or the status when none could be read. */
const texts = (files: string[], io: IO, sh: ShellLike, name: string) => {
  const r = readInputs(files, io, sh, name);
  return typeof r === 'number' ? r : r.filter((i) => i.file !== '\u0000failed');
};


/**
 * A file's digest. One the simulation knows only the size of (a binary, an extracted image blob)
 * gets a stable stand-in, or its own name under sha256/: a blob's name is its digest.
 */
function sum(sh: ShellLike, i: { text: string; file?: string }, fn: (s: string) => string): string {
  const n = i.file && i.file !== '-' ? sh.m.fs.resolve(i.file, sh.cwd).node : undefined;
  if (n?.kind !== 'file' || n.data !== undefined) return fn(i.text);
  return (fn === sha256 && /(?:^|\/)([0-9a-f]{64})$/.exec(i.file!)?.[1]) || fn(`${n.size} ${i.file!.replace(/.*\//, '')}`);
}

/**
 * md5sum, sha1sum, sha256sum: GNU's (--tag, -b's `*`, -c with --quiet and --status) or busybox's
 * (-c with -s; -b and -t ignored; every bad line of a list is a failure).
 */
const checksum = (name: string, fn: (s: string) => string, tag: string): Command => (args, io, sh) => {
  const o = opts(args);
  const f = (...x: string[]) => x.some((y) => o.flags.has(y));
  const bb = io.busybox, r = texts(o.rest, io, sh, name);
  if (typeof r === 'number') return r;
  if (!f('c', '--check')) {
    for (const i of r) io.out(f('--tag') && !bb ? `${tag} (${i.file ?? '-'}) = ${sum(sh, i, fn)}\n` : `${sum(sh, i, fn)} ${f('b', '--binary') && !bb ? '*' : ' '}${i.file ?? '-'}\n`);
    return r.length < Math.max(1, o.rest.length) ? 1 : 0;
  }
  const quiet = f('--status') || (bb && f('s')), hex = `([0-9a-fA-F]{${fn('').length}})`, re = new RegExp(`^(?:${tag} \\((.+)\\) = ${hex}|${hex} [ *](.+))$`);
  let status = 0;
  for (const i of r) {
    let bad = 0, all = 0, ugly = 0, unread = 0;
    for (const l of lines(i.text)) {
      // GNU skips comments and empty lines; busybox counts every line
      if (!bb && (!l || l[0] === '#')) continue;
      const [, t, tw, want = tw, file = t] = re.exec(l) ?? [];
      if (!file || (bb && t)) {
        ugly++;
        continue;
      }
      all++;
      const got = texts([file], io, sh, name);
      const miss = typeof got === 'number' && !bb, ok = typeof got !== 'number' && sum(sh, got[0], fn) === (bb ? want : want.toLowerCase());
      if (miss) unread++;
      else if (!ok) bad++;
      if (!quiet && !(ok && f('--quiet'))) io.out(`${file}: ${ok ? 'OK' : miss ? 'FAILED open or read' : 'FAILED'}\n`);
    }
    if (bb) {
      bad += ugly;
      if (bad && !quiet) io.err(`${name}: WARNING: ${bad} of ${all + ugly} computed checksums did NOT match\n`);
      if (!all && !ugly) io.err(`${name}: ${i.file ?? '-'}: no checksum lines found\n`), (bad = 1);
    } else if (!all) io.err(`${name}: ${i.file ?? 'standard input'}: no properly formatted checksum lines found\n`), (bad = 1);
    else if (!quiet) {
      for (const [n, what, how] of [[ugly, 'line', 'is improperly formatted'], [unread, 'listed file', 'could not be read'], [bad, 'computed checksum', 'did NOT match']] as const) {
        if (n) io.err(`${name}: WARNING: ${n} ${what}${n > 1 ? 's ' + how.replace('is ', 'are ') : ' ' + how}\n`);
      }
    }
    if (bad || unread) status = 1;
  }
  return status;
};

export const TEXT_TOOLS: Record<string, Command> = {
  tac(args, io, sh) {
    const r = texts(args.slice(1), io, sh, 'tac');
    if (typeof r === 'number') return r;
    for (const { text } of r) io.out(lines(text).reverse().map((l) => l + '\n').join(''));
    return 0;
  },
  // -b a numbers every line, the default only those with text; a line left out gets blanks as wide
  nl(args, io, sh) {
    const o = opts(args, 'bwsv');
    const r = texts(o.rest, io, sh, 'nl');
    if (typeof r === 'number') return r;
    const w = +(o.values.w ?? 6), sep = o.values.s ?? '\t';
    let n = +(o.values.v ?? 1);
    for (const l of lines(r.map((i) => i.text).join(''))) io.out((l || o.values.b === 'a' ? String(n++).padStart(w) + sep : ' '.repeat(w + sep.length)) + l + '\n');
    return 0;
  },
  // each line backwards
  rev(args, io, sh) {
    const r = texts(opts(args).rest, io, sh, 'rev');
    if (typeof r === 'number') return r;
    io.out(r.map((i) => lines(i.text).map((l) => [...l].reverse().join('') + '\n').join('')).join(''));
    return 0;
  },
  // -d's list is used in turn; -s joins each file's lines into one
  paste(args, io, sh) {
    const o = opts(args, 'd');
    const r = texts(o.rest, io, sh, 'paste');
    if (typeof r === 'number') return r;
    const d = o.values.d ?? '\t';
    const join = (row: string[]) => row.map((c, k) => (k ? d[(k - 1) % d.length] ?? '' : '') + c).join('') + '\n';
    const cols = r.map((i) => lines(i.text));
    // several `-` take the lines of the standard input in turn
    const dash = o.rest.flatMap((f, i) => (f === '-' ? [i] : []));
    if (dash.length > 1) dash.forEach((c, j) => (cols[c] = cols[c].filter((_x, i) => i % dash.length === j)));
    if (o.flags.has('s')) cols.forEach((c) => io.out(join(c)));
    else for (let k = 0; k < Math.max(0, ...cols.map((c) => c.length)); k++) io.out(join(cols.map((c) => c[k] ?? '')));
    return 0;
  },
  // endless: a pipe gets as much as `head` could want; a terminal until Ctrl+C
  async yes(args, io) {
    const line = (args.slice(1).join(' ') || 'y') + '\n';
    do {
      io.out(line.repeat(io.tty ? 200 : 20000));
      if (io.tty) await io.sleep(100);
    } while (io.tty && io.signal && !io.signal.aborted);
    return io.signal?.aborted ? 130 : 0;
  },
  base64(args, io, sh) {
    const o = opts(args, 'w');
    const r = texts(o.rest, io, sh, 'base64');
    if (typeof r === 'number') return r;
    const text = r.map((i) => i.text).join('');
    if (o.flags.has('d') || o.flags.has('--decode')) {
      try {
        io.out(b64decode(text));
        return 0;
      } catch {
        io.err('base64: invalid input\n');
        return 1;
      }
    }
    const b = b64encode(text);
    const w = +(o.values.w ?? 76);
    io.out(b && (w ? b.match(new RegExp(`.{1,${w}}`, 'g'))!.join('\n') : b) + '\n');
    return 0;
  },
  // the SHA-256 the engine's digests use, so `sha256sum` of a saved blob matches its name
  sha256sum: checksum('sha256sum', sha256, 'SHA256'),
  md5sum: checksum('md5sum', md5, 'MD5'),
  sha1sum: checksum('sha1sum', sha1, 'SHA1'),
};
