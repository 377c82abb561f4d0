/**
 * `find` (GNU findutils and busybox): start paths, -name/-iname, -type f|d|l, -maxdepth,
 * -mindepth, -print. Directory order on disk is arbitrary; the simulation walks in byte order.
 */
import { FsError, may, type Node } from './fs';
import { globRe } from './glob';
import type { IO, ShellLike } from './types';

const KIND: Record<string, Node['kind']> = { f: 'file', d: 'dir', l: 'link' };

export function find(args: string[], io: IO, sh: ShellLike): number {
  let k = 1;
  const starts: string[] = [];
  while (k < args.length && !/^[-!(]./.test(args[k])) starts.push(args[k++]);
  const tests: ((name: string, node: Node) => boolean)[] = [];
  let max = Infinity;
  let min = 0;
  for (; k < args.length; k++) {
    const a = args[k];
    if (a === '-print') continue;
    const v = args[k + 1];
    if (!['-name', '-iname', '-type', '-maxdepth', '-mindepth'].includes(a)) {
      io.err(`find: ${a}: esta opción no está disponible en el simulador\n`);
      return 1;
    }
    if (v === undefined) {
      io.err(io.busybox ? `find: ${a} requires an argument\n` : `find: missing argument to '${a}'\n`);
      return 1;
    }
    k++;
    if (a === '-type') {
      if (!KIND[v]) {
        io.err(io.busybox ? `find: invalid argument '${v}' to '-type'\n` : `find: Unknown argument to -type: ${v}\n`);
        return 1;
      }
      tests.push((_n, node) => node.kind === KIND[v]);
    } else if (a.endsWith('depth')) {
      // GNU warns once per global option given after a test (busybox says nothing)
      const after = args.slice(starts.length + 1, k - 1).find((t) => /^-(i?name|type)$/.test(t));
      if (after && !io.busybox) io.err(`find: warning: you have specified the global option ${a} after the argument ${after}, but global options are not positional, i.e., ${a} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n`);
      if (a === '-maxdepth') max = Number(v);
      else min = Number(v);
    } else {
      const re = globRe(v);
      const ci = new RegExp(re.source, 'is');
      tests.push((n) => (a === '-iname' ? ci : re).test(n));
    }
  }
  let status = 0;
  const walk = (path: string, parts: string[], node: Node, depth: number) => {
    // A start point is tested by its own last component ('.' for '.', '/' for '/').
    const name = depth ? parts[parts.length - 1] : path.replace(/(.)\/+$/, '$1').replace(/.*\/(?=.)/, '');
    if (depth >= min && tests.every((t) => t(name, node))) io.out(path + '\n');
    if (node.kind !== 'dir' || depth >= max) return;
    if (!may(sh.m.fs.cred, node, 5)) {
      io.err(io.busybox ? `find: ${path}: Permission denied\n` : `find: '${path}': Permission denied\n`);
      status = 1;
      return;
    }
    for (const [n, child] of [...sh.m.fs.list(parts)].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      walk(path.endsWith('/') ? path + n : `${path}/${n}`, [...parts, n], child, depth + 1);
    }
  };
  for (const start of starts.length ? starts : ['.']) {
    try {
      const r = sh.m.fs.resolve(start, sh.cwd, false);
      if (!r.node) throw new FsError('ENOENT', start);
      walk(start, r.parts, r.node, 0);
    } catch (e) {
      const why = e instanceof FsError && e.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory';
      io.err(io.busybox ? `find: ${start}: ${why}\n` : `find: '${start}': ${why}\n`);
      status = 1;
    }
  }
  return status;
}
