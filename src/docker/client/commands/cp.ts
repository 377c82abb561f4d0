/**
 * `docker cp` between the host shell's filesystem and a container, with docker/cli's path rules
 * (archive.PrepareArchiveCopy): into an existing directory, or under the destination's name.
 */
import { ApiError, type ArchiveEntry } from '../../api';
import { pack, tarSize, unpack } from '../../archive';
import { FsError, absPath, reason } from '../../common/sh/fs';
import { read as readTar } from '../../common/sh/tar';
import { CliError, type Ctx, type Handler } from '../cli';
import { sizeString } from '../format/units';
import { writeTar } from '../tar-file';

/** splitCpArg: `CONTAINER:PATH`, unless the argument is an absolute or `./` local path. */
function splitArg(arg: string): [string, string] {
  const i = arg.indexOf(':');
  return arg.startsWith('/') || arg.startsWith('.') || i < 0 ? ['', arg] : [arg.slice(0, i), arg.slice(i + 1)];
}

const isDot = (p: string): boolean => /(^|\/)\.\/*$/.test(p);

/** archive.SplitPathDirEntry: the directory and the entry a path names (`.` for `dir/.`). */
function dirEntry(path: string): [string, string] {
  const parts = path.split('/').filter((p) => p && p !== '.');
  const base = isDot(path) ? '.' : (parts.pop() ?? '/');
  return [(path.startsWith('/') ? '/' : '') + parts.join('/') || '.', base];
}

/** resolveLocalPath: absolute, keeping a trailing `/.` or `/` as typed. */
function localPath(ctx: Ctx, p: string): string {
  let abs = absPath(ctx.sh.cwd, p);
  if (isDot(p)) abs += (abs.endsWith('/') ? '' : '/') + '.';
  return p.endsWith('/') && !abs.endsWith('/') ? abs + '/' : abs;
}

/**
 * Where the entries go (PrepareArchiveCopy): into an existing directory as they are, else into the
 * destination's parent, renamed to the destination's base name.
 */
function place(entries: ArchiveEntry[], dst: string, exists: boolean, isDir: boolean): string {
  if (exists && isDir) return dst;
  const dir = entries[0].kind === 'dir';
  if (exists && dir) throw new CliError('cannot copy directory');
  if (!exists && !dir && (dst.endsWith('/') || isDot(dst))) throw new CliError('no such directory');
  const [parent, base] = dirEntry(dst);
  const old = entries[0].name;
  for (const e of entries) e.name = base + e.name.slice(old.length);
  return parent;
}

async function toContainer(ctx: Ctx, quiet: boolean, src: string, ctr: string, dst: string, archive: boolean): Promise<void> {
  const fs = ctx.sh.m.fs;
  // A failed stat is no error yet: the destination may be created.
  const statOf = (p: string) => ctx.api.containerStatPath(ctr, p).catch((e: unknown) => {
    if (e instanceof ApiError) return null;
    throw e;
  });
  let stat = await statOf(dst);
  // A symlink destination is replaced by what it points to.
  if (stat?.linkTarget) stat = await statOf((dst = stat.linkTarget));
  // Go's os.ModeDir, the top bit of the stat's mode
  const isDir = stat !== null && stat.mode >= 0x80000000;
  // `-`: a tar read from stdin, extracted as it is into a directory; its size is not known
  if (src === '-') {
    if (!isDir) throw new CliError(`destination "${ctr}:${dst}" must be a directory`);
    const t = ctx.stdin ? readTar(ctx.stdin) : { entries: [] };
    if (!t) throw new CliError('Error response from daemon: unexpected EOF');
    await ctx.api.containerExtract(ctr, dst, t.entries, archive);
    if (!quiet) ctx.io.err(`Successfully copied 0B to ${ctr}:${dst}\n`);
    return;
  }
  const abs = localPath(ctx, src);
  let entries: ArchiveEntry[];
  try {
    entries = pack(fs, abs);
  } catch {
    // archive.CopyInfoSourcePath lstats the path, after resolving the directories above it.
    const parts = abs.split('/');
    let k = 2;
    while (k < parts.length && fs.resolve(parts.slice(0, k).join('/'), '/', false).node?.kind === 'dir') k++;
    throw new CliError(`lstat ${parts.slice(0, k).join('/')}: no such file or directory`);
  }
  const dir = place(entries, dst, !!stat, isDir);
  await ctx.api.containerExtract(ctr, dir, entries, archive);
  if (!quiet) ctx.io.err(`Successfully copied ${sizeString(tarSize(entries))} to ${ctr}:${dst}\n`);
}

async function fromContainer(ctx: Ctx, quiet: boolean, ctr: string, src: string, dst: string): Promise<void> {
  // `-`: the archive itself to stdout, a terminal included
  if (dst === '-') {
    const { entries } = await ctx.api.containerArchive(ctr, src);
    await writeTar(ctx, undefined, async () => ({ data: JSON.stringify({ aula: 'fs', entries }), size: tarSize(entries) }), 'copy', true);
    return;
  }
  const fs = ctx.sh.m.fs;
  const abs = localPath(ctx, dst);
  const parent = absPath('/', abs + '/..');
  let up;
  try {
    up = fs.resolve(parent, '/').node;
  } catch {
    // a file on the way to it (`/etc/passwd/a/x`): os.Stat's ENOTDIR
    throw new CliError(`stat ${abs}: not a directory`);
  }
  if (!up) throw new CliError(`invalid output path: directory "${parent}" does not exist`);
  let node;
  try {
    node = fs.resolve(abs, '/').node;
  } catch { /* the parent is there but is no directory */ }
  // ValidateOutputPath's os.Stat: a file under its parent, or a file named with a trailing slash
  if (node === undefined ? fs.resolve(parent, '/').node?.kind !== 'dir' : node.kind !== 'dir' && abs.endsWith('/')) throw new CliError(`stat ${abs}: not a directory`);
  const { entries } = await ctx.api.containerArchive(ctr, src);
  try {
    unpack(fs, place(entries, abs, !!node, node?.kind === 'dir'), entries);
  } catch (e) {
    // what the user may not write stops the copy with Go's error (archive.Untar)
    if (!(e instanceof FsError)) throw e;
    throw new CliError(`${entries.find((x) => e.path.endsWith(x.name))?.kind === 'dir' ? 'mkdir' : 'open'} ${e.path}: ${reason(e).toLowerCase()}`);
  }
  if (!quiet) ctx.io.err(`Successfully copied ${sizeString(tarSize(entries))} to ${abs}\n`);
}

export const cp: Handler = async (ctx, f, [src, dst]) => {
  if (!src) throw new CliError('source can not be empty');
  if (!dst) throw new CliError('destination can not be empty');
  // The progress and its closing line are for a terminal only, unless -q is given.
  const quiet = f.has('quiet') ? f.bool('quiet') : !ctx.io.tty;
  const [from, srcPath] = splitArg(src);
  const [to, dstPath] = splitArg(dst);
  if (from && to) throw new CliError('copying between containers is not supported');
  if (from) await fromContainer(ctx, quiet, from, srcPath, dstPath);
  else if (to) await toContainer(ctx, quiet, srcPath, to, dstPath, f.bool('archive'));
  else throw new CliError('must specify at least one container source');
  return 0;
};
