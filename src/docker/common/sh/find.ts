/**
 * `find` (GNU findutils and busybox): start paths, then an expression of tests (-name, -iname,
 * -type, -empty), actions (-print, -print0, -delete, -exec … ;) and the operators
 * ! -not -a -o and ( ), with -maxdepth and -mindepth. Directory order on disk is arbitrary; the
 * simulation walks in byte order.
 */
import { FsError, may, type Node } from './fs';
import { globRe } from './glob';
import type { IO, ShellLike } from './types';

const KIND: Record<string, Node['kind']> = { f: 'file', d: 'dir', l: 'link' };

/** What a test or action sees of one file. */
interface Hit { path: string; name: string; node: Node; parts: string[] }
type Pred = (h: Hit) => boolean | Promise<boolean>;

class FindError extends Error {}

export async function find(args: string[], io: IO, sh: ShellLike): Promise<number> {
  const bb = io.busybox;
  let k = 1;
  const starts: string[] = [];
  while (k < args.length && !/^([-!(]|\)$)./.test(args[k]) && !/^[!()]$/.test(args[k])) starts.push(args[k++]);
  let max = Infinity;
  let min = 0;
  // an action anywhere means no -print at the end
  let acts = false;
  let status = 0;
  const fail = (msg: string): never => {
    throw new FindError(msg);
  };
  const print = (h: Hit) => (io.out(h.path + '\n'), true);
  const arg = (a: string) => args[k++] ?? fail(bb ? `${a} requires an argument` : `missing argument to \`${a}'`);

  // the expression, by precedence: -o, then -a (or side by side), then ! and ( )
  const primary = (): Pred => {
    const a = args[k];
    if (!bb && /^-(o|or|a|and)$/.test(a)) fail(`invalid expression; you have used a binary operator '${a}' with nothing before it.`);
    if (a === '!' || a === '-not') {
      if (++k >= args.length && !bb) fail(`expected an expression after '${a}'`);
      const p = primary();
      return async (h) => !(await p(h));
    }
    if (a === '(') {
      k++;
      const p = or();
      if (args[k] !== ')') fail(bb ? 'unexpected end of expression' : "invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      k++;
      return p;
    }
    k++;
    switch (a) {
      case '-print': acts = true; return print;
      case '-print0': acts = true; return (h) => (io.out(h.path + '\0'), true);
      case '-name': case '-iname': {
        const re = globRe(arg(a));
        const test = a === '-iname' ? new RegExp(re.source, 'is') : re;
        return (h) => test.test(h.name);
      }
      case '-type': {
        const v = arg(a);
        if (!KIND[v]) fail(bb ? `invalid argument '${v}' to '-type'` : `Unknown argument to -type: ${v}`);
        return (h) => h.node.kind === KIND[v];
      }
      case '-empty': return (h) => (h.node.kind === 'dir' ? !sh.m.fs.list(h.parts).size : h.node.kind === 'file' && !h.node.size);
      case '-maxdepth': case '-mindepth': {
        const v = arg(a);
        // GNU warns once per global option given after a test (busybox says nothing)
        const after = args.slice(starts.length + 1, k - 2).find((t) => /^-(i?name|type|empty)$/.test(t));
        if (after && !bb) io.err(`find: warning: you have specified the global option ${a} after the argument ${after}, but global options are not positional, i.e., ${a} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n`);
        if (a === '-maxdepth') max = Number(v);
        else min = Number(v);
        return () => true;
      }
      case '-delete': {
        acts = true;
        // -delete implies -depth: the contents go first (the walk visits them first then)
        depthFirst = true;
        return (h) => {
          try {
            // `.` is never removed
            if (h.name === '.') return true;
            if (h.node.kind === 'dir') sh.m.fs.rmdir(h.path, sh.cwd);
            else sh.m.fs.remove(h.path, sh.cwd);
            return true;
          } catch (e) {
            io.err(`find: cannot delete '${h.path}': ${e instanceof FsError && e.code === 'ENOTEMPTY' ? 'Directory not empty' : 'Permission denied'}\n`);
            status = 1;
            return false;
          }
        };
      }
      case '-exec': {
        acts = true;
        const cmd: string[] = [];
        for (; k < args.length && args[k] !== ';'; k++) cmd.push(args[k]);
        if (k++ >= args.length || !cmd.length) fail(bb ? '-exec requires an argument' : "missing argument to `-exec'");
        const run = async (argv: string[]) => {
          if (!sh.which(argv[0])) {
            io.err(`find: '${argv[0]}': No such file or directory\n`);
            return false;
          }
          return (await sh.spawn(argv, { ...io, stdin: '' })) === 0;
        };
        return (h) => run(cmd.map((w) => w.split('{}').join(h.path)));
      }
    }
    return fail(bb ? `unrecognized: ${a}` : /^-/.test(a) ? `unknown predicate \`${a}'` : `paths must precede expression: \`${a}'`);
  };
  const and = (): Pred => {
    let left = primary();
    while (k < args.length && !/^(-o|-or|\))$/.test(args[k])) {
      if (/^(-a|-and)$/.test(args[k]) && ++k >= args.length) fail(`expected an expression after '${args[k - 1]}'`);
      const [l, r] = [left, primary()];
      left = async (h) => (await l(h)) && r(h);
    }
    return left;
  };
  const or = (): Pred => {
    let left = and();
    while (/^(-o|-or)$/.test(args[k] ?? '')) {
      if (++k >= args.length) fail(`expected an expression after '${args[k - 1]}'`);
      const [l, r] = [left, and()];
      left = async (h) => (await l(h)) || r(h);
    }
    return left;
  };
  let depthFirst = false;
  let expr: Pred = () => true;
  try {
    if (k < args.length) expr = or();
    // what is left over is refused as primary() refuses a word it does not know
    if (k < args.length) primary();
  } catch (e) {
    if (!(e instanceof FindError)) throw e;
    io.err(`find: ${e.message}\n`);
    return 1;
  }
  const test = acts ? expr : async (h: Hit) => (await expr(h)) && print(h);

  const walk = async (path: string, parts: string[], node: Node, depth: number) => {
    // A start point is tested by its own last component ('.' for '.', '/' for '/').
    const name = depth ? parts[parts.length - 1] : path.replace(/(.)\/+$/, '$1').replace(/.*\/(?=.)/, '');
    const hit = { path, name, node, parts };
    if (depth >= min && !depthFirst) await test(hit);
    if (node.kind === 'dir' && depth < max) {
      if (!may(sh.m.fs.cred, node, 5)) {
        io.err(bb ? `find: ${path}: Permission denied\n` : `find: '${path}': Permission denied\n`);
        status = 1;
      } else {
        for (const [n, child] of [...sh.m.fs.list(parts)].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
          await walk(path.endsWith('/') ? path + n : `${path}/${n}`, [...parts, n], child, depth + 1);
        }
      }
    }
    if (depth >= min && depthFirst) await test(hit);
  };
  for (const start of starts.length ? starts : ['.']) {
    try {
      const r = sh.m.fs.resolve(start, sh.cwd, false);
      if (!r.node) throw new FsError('ENOENT', start);
      await walk(start, r.parts, r.node, 0);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      const why = e.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory';
      io.err(bb ? `find: ${start}: ${why}\n` : `find: '${start}': ${why}\n`);
      status = 1;
    }
  }
  return status;
}
