/**
 * `chmod` (GNU coreutils, busybox): octal and symbolic modes (`u+x`, `go-w`, `a=rX`, `+t`), on
 * files and directories, `-R` through a tree.
 */
import { bbHead } from './opts';
import { changeAttrs } from './attrs';
import { FsError } from './fs';
import type { IO, ShellLike } from './types';

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };

/** The new mode, or null when `spec` is no mode chmod understands. */
export function applyMode(spec: string, mode: number, dir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let m = mode & 0o7777;
  for (const clause of spec.split(',')) {
    const c = /^([ugoa]*)((?:[-+=][rwxXst]*|[-+=][ugo])+)$/.exec(clause);
    if (!c) return null;
    // no one named: everyone, but the umask (022) keeps its bits
    const who = c[1] ? [...c[1]].reduce((n, w) => n | WHO[w], 0) : 0o7777 & ~0o022;
    for (const [, op, perms] of c[2].matchAll(/([-+=])([rwxXstugo]*)/g)) {
      let bits = 0;
      for (const p of perms) {
        if (p === 'r') bits |= 0o444;
        else if (p === 'w') bits |= 0o222;
        else if (p === 'x' || (p === 'X' && (dir || m & 0o111))) bits |= 0o111;
        else if (p === 's') bits |= 0o6000;
        else if (p === 't') bits |= 0o1000;
        else if ('ugo'.includes(p)) {
          // copies another class's bits: `g=u`
          const shift = p === 'u' ? 6 : p === 'g' ? 3 : 0;
          bits |= ((m >> shift) & 7) * 0o111;
        }
      }
      bits &= who;
      if (op === '+') m |= bits;
      else if (op === '-') m &= ~bits;
      // `=` clears the named classes (all, when none is named) before setting
      else m = (m & ~(c[1] ? who : 0o7777)) | bits;
    }
  }
  return m;
}

export function chmod(args: string[], io: IO, sh: ShellLike): number {
  const bb = io.busybox;
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const a of args.slice(1)) {
    if (!rest.length && /^-[Rvcf]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (!rest.length && a === '--recursive') flags.add('R');
    else if (!rest.length && a === '--') continue;
    else rest.push(a);
  }
  const [spec, ...files] = rest;
  if (!files.length) {
    io.err(bb ? bbHead(io) + 'chmod [-Rcvf] MODE[,MODE]... FILE...\n' : `chmod: missing operand${spec ? ` after '${spec}'` : ''}\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  if (applyMode(spec, 0o644, false) === null) {
    io.err(bb ? `chmod: invalid mode '${spec}'\n` : `chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  let status = 0;
  for (const f of files) {
    try {
      // a link met going through a tree keeps its mode (chmod changes what links point to)
      changeAttrs(sh.m.fs, f, sh.cwd, true, flags.has('R'), (n) => (n.kind === 'link' ? null : { mode: applyMode(spec, n.mode, n.kind === 'dir')! }));
    } catch (e) {
      const why = e instanceof FsError && e.code === 'EROFS' ? 'Read-only file system' : e instanceof FsError && e.code === 'EPERM' ? 'Operation not permitted' : 'No such file or directory';
      io.err(bb ? `chmod: ${f}: ${why}\n` : !why.startsWith('No') ? `chmod: changing permissions of '${f}': ${why}\n` : `chmod: cannot access '${f}': ${why}\n`);
      status = 1;
    }
  }
  return status;
}
