/** Small text programs of coreutils and busybox: tac, nl, paste, yes, base64, sha256sum. */
import { readInputs } from './coreutils';
import { opts } from './opts';
import { lines } from './text';
import { sha256 } from '../hash';
import type { Command, IO, ShellLike } from './types';
import { b64decode, b64encode } from '../base64';

/** The operands' texts (stdin without any), or the status when none could be read. */
const texts = (files: string[], io: IO, sh: ShellLike, name: string) => {
  const r = readInputs(files, io, sh, name);
  return typeof r === 'number' ? r : r.filter((i) => i.file !== '\u0000failed');
};


/**
 * A file's SHA-256. One the simulation knows only the size of (a binary, an extracted image blob)
 * gets a stable stand-in, or its own name under sha256/: a blob's name is its digest.
 */
function sum(sh: ShellLike, i: { text: string; file?: string }): string {
  const n = i.file && i.file !== '-' ? sh.m.fs.resolve(i.file, sh.cwd).node : undefined;
  if (n?.kind !== 'file' || n.data !== undefined) return sha256(i.text);
  return /(?:^|\/)([0-9a-f]{64})$/.exec(i.file!)?.[1] ?? sha256(`${n.size} ${i.file!.replace(/.*\//, '')}`);
}

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
  // -d's list is used in turn; -s joins each file's lines into one
  paste(args, io, sh) {
    const o = opts(args, 'd');
    const r = texts(o.rest, io, sh, 'paste');
    if (typeof r === 'number') return r;
    const d = o.values.d ?? '\t';
    const join = (row: string[]) => row.map((c, k) => (k ? d[(k - 1) % d.length] ?? '' : '') + c).join('') + '\n';
    const cols = r.map((i) => lines(i.text));
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
  sha256sum(args, io, sh) {
    const o = opts(args);
    const r = texts(o.rest, io, sh, 'sha256sum');
    if (typeof r === 'number') return r;
    if (!o.flags.has('c')) {
      for (const i of r) io.out(`${sum(sh, i)}  ${i.file ?? '-'}\n`);
      return r.length < Math.max(1, o.rest.length) ? 1 : 0;
    }
    // per checklist: a line that is no `HASH  FILE` is misformatted (GNU counts and warns; busybox
    // counts it as a failure); a list with no good line at all is GNU's error for that list
    let bad = 0, all = 0, ugly = 0, none = false;
    for (const i of r) {
      const ok0 = all;
      for (const l of lines(i.text)) {
        const [, want, f] = /^([0-9a-f]{64}) [ *](.*)$/.exec(l) ?? [];
        if (!f) {
          ugly++;
          continue;
        }
        const got = texts([f], { ...io, err: () => {} }, sh, 'sha256sum');
        const ok = typeof got !== 'number' && sum(sh, got[0]) === want;
        all++;
        if (!ok) bad++;
        io.out(`${f}: ${ok ? 'OK' : 'FAILED'}\n`);
      }
      if (all === ok0 && !io.busybox) io.err(`sha256sum: ${i.file ?? '-'}: no properly formatted checksum lines found\n`), (none = true);
    }
    if (io.busybox) bad += ugly;
    else if (ugly && !none) io.err(`sha256sum: WARNING: ${ugly} line${ugly > 1 ? 's are' : ' is'} improperly formatted\n`);
    if (bad) io.err(io.busybox ? `sha256sum: WARNING: ${bad} of ${all} computed checksums did NOT match\n` : `sha256sum: WARNING: ${bad} computed checksum${bad > 1 ? 's' : ''} did NOT match\n`);
    return bad || none ? 1 : 0;
  },
};
