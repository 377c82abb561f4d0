/** Programs that make, link or remove one file, or run another program: mktemp, link, unlink, mkfifo, install, nohup, nice, sync. */
import { FsError, joinPath, reason, type Node } from './fs';
import { opts, usage } from './opts';
import { pick } from './line-tools';
import type { Command, IO, ShellLike } from './types';

/** GNU's `missing operand` / `extra operand` with the Try line; busybox's usage. */
function operands(io: IO, name: string, got: string[], want: number, bbUsage: string): boolean {
  if (got.length === want) return true;
  if (io.busybox) usage(io, `${name} ${bbUsage}`);
  else io.err(`${name}: ${got.length > want ? `extra operand '${got[want]}'` : `missing operand${got.length ? ` after '${got[got.length - 1]}'` : ''}`}\nTry '${name} --help' for more information.\n`);
  return false;
}

/** Runs `argv` as nohup and nice do: a program that is not there is status 127 (126 when not runnable). */
function run(name: string, argv: string[], io: IO, sh: ShellLike, tty = io): number | Promise<number> {
  if (sh.which(argv[0]) === undefined) {
    tty.err(io.busybox ? `${name}: can't execute '${argv[0]}': No such file or directory\n` : `${name}: ${name === 'nohup' ? 'failed to run command ' : ''}'${argv[0]}': No such file or directory\n`);
    return 127;
  }
  return sh.spawn(argv, io);
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const FILE_TOOLS: Record<string, Command> = {
  /** `mktemp [-d] [-u] [-q] [-p DIR] [-t] [TEMPLATE]`: the trailing X's replaced, made 0600 (a directory 0700). */
  mktemp(args, io, sh) {
    const o = opts(args, 'p');
    const bb = io.busybox;
    const dir = o.values.p ?? (sh.getVar('TMPDIR') || '/tmp');
    const tpl = o.rest[0] ?? (bb ? 'tmp.XXXXXX' : 'tmp.XXXXXXXXXX');
    const xs = /X*$/.exec(tpl)![0].length;
    if (xs < (bb ? 6 : 3)) return io.err(bb ? 'mktemp: Invalid argument\n' : `mktemp: too few X's in template '${tpl}'\n`), 1;
    const rnd = () => ALNUM[pick(sh, 62)];
    const path = (!o.rest.length || o.values.p !== undefined || o.flags.has('t') ? dir.replace(/\/$/, '') + '/' : '') + tpl.slice(0, -xs) + Array.from({ length: xs }, rnd).join('');
    const d = o.flags.has('d') || o.flags.has('--directory');
    try {
      if (!o.flags.has('u')) {
        if (d) {
          sh.m.fs.mkdir(path, sh.cwd);
          const n = sh.m.fs.resolve(path, sh.cwd).node!;
          if (n.kind === 'dir') n.mode = 0o700;
        } else sh.m.fs.writeFile(path, '', sh.cwd, false, 0o600);
      }
    } catch (e) {
      if (!o.flags.has('q')) io.err(bb ? `mktemp: ${reason(e)}\n` : `mktemp: failed to create ${d ? 'directory' : 'file'} via template '${path.slice(0, -xs) + 'X'.repeat(xs)}': ${reason(e)}\n`);
      return 1;
    }
    io.out(path + '\n');
    return 0;
  },
  /** A hard link: the same node under a second name (sharing it until a layer copies it up). */
  link(args, io, sh) {
    const o = opts(args);
    if (!operands(io, 'link', o.rest, 2, 'FILE LINK\n\nCreate hard LINK to FILE')) return 1;
    const [from, to] = o.rest;
    try {
      const n = sh.m.fs.resolve(from, sh.cwd, false).node;
      if (!n) throw new Error();
      if (sh.m.fs.resolve(to, sh.cwd, false).node) throw new FsError('EEXIST', to);
      sh.m.fs.putNode(to, n, sh.cwd);
      return 0;
    } catch (e) {
      io.err(io.busybox ? `link: can't create hard link '${to}' to '${from}': ${reason(e)}\n` : `link: cannot create link '${to}' to '${from}': ${reason(e)}\n`);
      return 1;
    }
  },
  unlink(args, io, sh) {
    const o = opts(args);
    if (!operands(io, 'unlink', o.rest, 1, 'FILE\n\nUnlink FILE')) return 1;
    const f = o.rest[0];
    try {
      if (sh.m.fs.resolve(f, sh.cwd, false).node?.kind === 'dir') throw new FsError('EISDIR', f);
      sh.m.fs.remove(f, sh.cwd);
      return 0;
    } catch (e) {
      io.err(`unlink: ${io.busybox ? "can't delete" : 'cannot unlink'} '${f}': ${reason(e)}\n`);
      return 1;
    }
  },
  /** A named pipe shows as an empty file (the simulated filesystem has no FIFOs). */
  mkfifo(args, io, sh) {
    const o = opts(args, 'm');
    if (!o.rest.length) return operands(io, 'mkfifo', [], 1, '[-m MODE] NAME\n\nCreate named pipe\n\n\t-m MODE\tMode (default a=rw)'), 1;
    let status = 0;
    for (const f of o.rest) {
      try {
        if (sh.m.fs.resolve(f, sh.cwd, false).node) throw new FsError('EEXIST', f);
        sh.m.fs.writeFile(f, '', sh.cwd, false, o.values.m ? parseInt(o.values.m, 8) : 0o644);
      } catch (e) {
        io.err(io.busybox ? `mkfifo: ${f}: ${reason(e)}\n` : `mkfifo: cannot create fifo '${f}': ${reason(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
  /** `install [-m MODE] SOURCE... DEST`, `install -d DIR...`, -D makes DEST's directories. */
  install(args, io, sh) {
    const o = opts(args, 'mogtS');
    const fs = sh.m.fs;
    const mode = o.values.m ? parseInt(o.values.m, 8) : 0o755;
    const bb = io.busybox;
    if (!o.rest.length || (!o.flags.has('d') && o.rest.length < 2)) {
      if (bb) return usage(io, 'install [-cdDsp] [-o USER] [-g GRP] [-m MODE] [-t DIR] [SOURCE]... DEST\n\nCopy files and set attributes'), 1;
      io.err(`install: missing ${o.rest.length ? `destination file operand after '${o.rest[0]}'` : 'file operand'}\nTry 'install --help' for more information.\n`);
      return 1;
    }
    let status = 0;
    if (o.flags.has('d')) {
      for (const d of o.rest) {
        try {
          fs.mkdir(d, sh.cwd, true);
          (fs.resolve(d, sh.cwd).node as Node & { mode: number }).mode = mode;
        } catch (e) {
          io.err(bb ? `install: can't create directory '${d}': ${reason(e)}\n` : `install: cannot create directory '${d}': ${reason(e)}\n`);
          status = 1;
        }
      }
      return status;
    }
    const dest = o.rest[o.rest.length - 1];
    if (o.flags.has('D')) try { fs.mkdir(dest.replace(/\/?[^/]*$/, '') || '.', sh.cwd, true); } catch { /* reported on copy */ }
    let into = o.rest.length > 2;
    try {
      into ||= fs.resolve(dest, sh.cwd).node?.kind === 'dir';
    } catch { /* told when written */ }
    for (const src of o.rest.slice(0, -1)) {
      const r = fs.resolve(src, sh.cwd);
      if (r.node?.kind !== 'file') {
        io.err(r.node ? `install: omitting directory '${src}'\n` : bb ? `install: can't stat '${src}': No such file or directory\n` : `install: cannot stat '${src}': No such file or directory\n`);
        status = 1;
        continue;
      }
      const to = into ? `${dest}/${r.parts[r.parts.length - 1]}` : dest;
      try {
        fs.readFile(joinPath(r.parts));
        fs.putNode(to, { ...r.node, mode, mtime: sh.m.now() }, sh.cwd);
      } catch (e) {
        io.err(bb ? `install: can't create '${to}': ${reason(e)}\n` : `install: cannot create regular file '${to}': ${reason(e)}\n`);
        status = 1;
      }
    }
    return status;
  },
  /**
   * The command with SIGHUP ignored: a terminal on stdout sends its output (and stderr's) to
   * nohup.out, appended; GNU says so on stderr, busybox quietly.
   */
  async nohup(args, io, sh) {
    const argv = args.slice(1);
    if (argv[0] === '--') argv.shift();
    if (!argv.length) {
      if (io.busybox) return usage(io, 'nohup PROG ARGS\n\nRun PROG immune to hangups, with output to a non-tty'), 127;
      return io.err("nohup: missing operand\nTry 'nohup --help' for more information.\n"), 125;
    }
    // a job in the background reads the terminal too (as bash leaves it with job control)
    const input = io.tty && !io.stdin;
    let file = 'nohup.out';
    if (io.tty) {
      try {
        sh.m.fs.writeFile(file, '', sh.cwd, true, 0o600);
      } catch {
        file = `${sh.getVar('HOME') ?? ''}/nohup.out`;
        sh.m.fs.writeFile(file, '', sh.cwd, true, 0o600);
      }
    }
    if (input && !io.busybox) io.err(`nohup: ignoring input${io.tty ? ` and appending output to '${file}'` : ''}\n`);
    else if (io.tty && !io.busybox) io.err(`nohup: appending output to '${file}'\n`);
    const append = (t: string) => sh.m.fs.writeFile(file, t, sh.cwd, true);
    // exec's failure is told on the terminal (nohup kept its stderr for that)
    return run('nohup', argv, { ...io, stdin: input ? '' : io.stdin, ...(io.tty && { tty: false, out: append, err: append }) }, sh, io);
  },
  /** Without a command its niceness (0); `-n N`, `-N` or `--adjustment=N` then the command. */
  nice(args, io, sh) {
    let k = 1;
    let adj = '10';
    const a = args[1] ?? '';
    if (a === '-n') (adj = args[2] ?? ''), (k = 3);
    else if (/^-n./.test(a) || /^--adjustment=/.test(a)) (adj = a.replace(/^-n|^--adjustment=/, '')), (k = 2);
    else if (/^-\S/.test(a) && a !== '--') (adj = a.slice(1)), (k = 2);
    if (!/^[-+]?\d+$/.test(adj)) {
      io.err(io.busybox ? `nice: invalid number '${adj}'\n` : `nice: invalid adjustment '${adj}'\nTry 'nice --help' for more information.\n`);
      return 125;
    }
    if (args[k] === '--') k++;
    if (k >= args.length) {
      if (k > 1 && !io.busybox) return io.err("nice: a command must be given with an adjustment\nTry 'nice --help' for more information.\n"), 125;
      return io.out('0\n'), 0;
    }
    return run('nice', args.slice(k), io, sh);
  },
  sync: () => 0,
};
