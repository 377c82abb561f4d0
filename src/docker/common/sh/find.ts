/**
 * `find` (GNU findutils and busybox): start paths, then an expression of tests (-name, -iname,
 * -path, -wholename, -type, -empty, -size, -newer, -mtime, -mmin, -perm, -user, -group,
 * -executable, -true, -false), actions (-print, -print0, -printf, -delete, -exec … ; and … {} +,
 * -prune, -quit) and the operators ! -not -a -o and ( ), with -maxdepth, -mindepth and -depth.
 * Directory order on disk is arbitrary; the simulation walks in byte order.
 */
import { applyMode } from './chmod';
import { FsError, may, type Node } from './fs';
import { globRe } from './glob';
import { sizeOf } from './ls';
import { account, groupEntries } from './passwd';
import type { IO, ShellLike } from './types';

const KIND: Record<string, Node['kind']> = { f: 'file', d: 'dir', l: 'link' };

/** What a test or action sees of one file. */
interface Hit { path: string; name: string; node: Node; parts: string[]; depth: number; prune?: boolean }
type Pred = (h: Hit) => boolean | Promise<boolean>;

class FindError extends Error {}

const mtime = (n: Node) => (n as { mtime?: number }).mtime ?? 0;
const modeOf = (n: Node) => ((n as { mode?: number }).mode ?? 0o777) & 0o7777;

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
      case '-name': case '-iname': case '-path': case '-ipath': case '-wholename': case '-iwholename': {
        const re = globRe(arg(a));
        const test = a[1] === 'i' ? new RegExp(re.source, 'is') : re;
        return (h) => test.test(/^-i?name$/.test(a) ? h.name : h.path);
      }
      case '-true': case '-false': return () => a === '-true';
      case '-prune': return (h) => (h.prune = true);
      case '-depth': depthFirst = true; return () => true;
      // root runs what has an x bit
      case '-executable': return (h) => may(sh.m.fs.cred, h.node, 1) && (!!sh.m.fs.cred || h.node.kind === 'dir' || !!(modeOf(h.node) & 0o111));
      // MODE exactly, -MODE all its bits, /MODE any of them
      case '-perm': {
        const v = arg(a);
        const k = /^[-/]/.test(v) ? v[0] : '';
        const want = applyMode(v.slice(k.length), 0, false) ?? fail(`invalid mode '${v}'`);
        return (h) => (k === '-' ? (modeOf(h.node) & want) === want : k ? !want || !!(modeOf(h.node) & want) : modeOf(h.node) === want);
      }
      case '-user': case '-group': {
        const v = arg(a);
        const id = /^\d+$/.test(v) ? +v : a === '-user' ? account(sh.m.fs, v)?.uid : groupEntries(sh.m.fs).find((g) => g[0] === v)?.[1];
        if (id === undefined) fail(`'${v}' is not the name of ${a === '-user' ? 'a known user' : 'an existing group'}`);
        return (h) => ((h.node as { uid?: number; gid?: number })[a === '-user' ? 'uid' : 'gid'] ?? 0) === id;
      }
      // -size N[ckMG] in units rounded up (512-byte blocks without one), -mtime in whole days,
      // -mmin in minutes: more than +N, less than -N, or N
      case '-size': case '-mtime': case '-mmin': {
        const v = arg(a);
        const m = /^([-+]?)(\d+)([bcwkMG]?)$/.exec(v) ?? fail(`invalid argument \`${v}' to \`${a}'`);
        const unit = a === '-size' ? { c: 1, w: 2, k: 1024, M: 1 << 20, G: 1 << 30 }[m[3]] ?? 512 : a === '-mtime' ? 86400_000 : 60_000;
        return (h) => {
          const n = a === '-size' ? Math.ceil(sizeOf(h.node) / unit) : Math.floor((sh.m.now() - mtime(h.node)) / unit);
          return m[1] === '+' ? n > +m[2] : m[1] === '-' ? n < +m[2] : n === +m[2];
        };
      }
      case '-newer': {
        const f = arg(a);
        let t: number;
        try {
          t = mtime(sh.m.fs.resolve(f, sh.cwd).node ?? fail(''));
        } catch {
          fail(`'${f}': No such file or directory`);
        }
        return (h) => mtime(h.node) > t;
      }
      case '-quit': acts = true; return () => ((quit = true), true);
      // -printf: %p the path, %f the name, %h its directory, %s the size, %m the mode, %d the depth
      case '-printf': {
        acts = true;
        const f = arg(a);
        return (h) => (io.out(f.replace(/%([pfhsmd%])|\\([nt\\])/g, (_m, d: string, e: string) => (e ? { n: '\n', t: '\t', '\\': '\\' }[e]! : { p: h.path, f: h.name, h: h.path.includes('/') ? h.path.replace(/\/[^/]*$/, '') || '/' : '.', s: String(sizeOf(h.node)), m: modeOf(h.node).toString(8), d: String(h.depth), '%': '%' }[d]!))), true);
      }
      case '-type': {
        const v = arg(a);
        if (!KIND[v]) fail(bb ? `invalid argument '${v}' to '-type'` : `Unknown argument to -type: ${v}`);
        return (h) => h.node.kind === KIND[v];
      }
      case '-empty': return (h) => (h.node.kind === 'dir' ? !sh.m.fs.list(h.parts).size : h.node.kind === 'file' && !h.node.size);
      case '-maxdepth': case '-mindepth': {
        const v = arg(a);
        if (!/^\d+$/.test(v) && !bb) fail(`Expected a positive decimal integer argument to ${a}, but got '${v}'`);
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
        // `{} +` at the end runs the command once, on every path found
        for (; k < args.length && args[k] !== ';' && !(args[k] === '+' && cmd[cmd.length - 1] === '{}'); k++) cmd.push(args[k]);
        if (k++ >= args.length || !cmd.length) fail(bb ? '-exec requires an argument' : "missing argument to `-exec'");
        const run = async (argv: string[]) => {
          if (!sh.which(argv[0])) {
            io.err(`find: '${argv[0]}': No such file or directory\n`);
            return false;
          }
          return (await sh.spawn(argv, { ...io, stdin: '' })) === 0;
        };
        if (args[k - 1] === '+') {
          const paths: string[] = [];
          atEnd.push(() => paths.length && run([...cmd.slice(0, -1), ...paths]));
          return (h) => (paths.push(h.path), true);
        }
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
  let quit = false;
  const atEnd: (() => unknown)[] = [];
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
    const hit: Hit = { path, name, node, parts, depth };
    if (depth >= min && !depthFirst && !quit) await test(hit);
    if (node.kind === 'dir' && depth < max && !quit && !hit.prune) {
      if (!may(sh.m.fs.cred, node, 5)) {
        io.err(bb ? `find: ${path}: Permission denied\n` : `find: '${path}': Permission denied\n`);
        status = 1;
      } else {
        for (const [n, child] of [...sh.m.fs.list(parts)].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
          await walk(path.endsWith('/') ? path + n : `${path}/${n}`, [...parts, n], child, depth + 1);
        }
      }
    }
    if (depth >= min && depthFirst && !quit) await test(hit);
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
  // a command of -exec … + that fails makes find fail (one of -exec … ; is only a false test)
  for (const f of atEnd) if ((await f()) === false) status = 1;
  return status;
}
