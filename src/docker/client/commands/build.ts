/**
 * `docker build` with the legacy builder (no buildx on the captured client): the context comes
 * from the host's in-memory filesystem, the daemon streams `Step N/M : …` text.
 */
import { ApiError } from '../../api';
import { CliError, type Handler } from '../cli';
import { HELP } from '../help-texts';
import { humanSize } from '../format/units';
import { messageRenderer } from '../progress';
import { parseRef, RefError } from '../reference';
import { absPath, binaryText, type Fs } from '../../common/sh/fs';

/** The legacy builder's deprecation notice, which its help text also starts with. */
export const BUILD_BANNER = HELP.build.slice(0, HELP.build.indexOf('Usage:'));

/** Size of the tar the client sends: a 512-byte header per entry, data in 512-byte blocks, 1 KiB trailer. */
function tarSize(files: Record<string, string>, dirs: number): number {
  let n = 1024 + dirs * 512;
  for (const data of Object.values(files)) n += 512 + Math.ceil(new TextEncoder().encode(data).length / 512) * 512;
  return n;
}

/** The regular files below a directory, keyed by their path relative to it, and how many directories it holds. */
function context(fs: Fs, parts: string[]): { files: Record<string, string>; dirs: number } {
  const files: Record<string, string> = {};
  let dirs = 0;
  const walk = (at: string[], rel: string): void => {
    for (const [name, node] of fs.list(at)) {
      if (node.kind === 'dir') {
        dirs++;
        walk([...at, name], rel + name + '/');
      } else if (node.kind === 'file') files[rel + name] = node.data ?? binaryText(node.size);
    }
  };
  walk(parts, '');
  return { files, dirs };
}

/** The node at an absolute path, undefined when it (or a directory on the way) is missing. */
function nodeAt(fs: Fs, path: string) {
  try {
    return fs.resolve(path);
  } catch {
    return undefined;
  }
}

export const build: Handler = async (ctx, f, [path]) => {
  const { sh, io } = ctx;
  for (const t of f.list('tag')) {
    try {
      parseRef(t);
    } catch (e) {
      if (e instanceof RefError) throw new CliError(`invalid argument "${t}" for "-t, --tag" flag: ${e.message}`);
      throw e;
    }
  }
  let files: Record<string, string> = {};
  let dockerfile: string;
  let dirs = 0;
  const fileFlag = f.str('file');
  if (path === '-') {
    dockerfile = ctx.stdin ?? '';
  } else {
    const root = absPath(sh.cwd, path);
    const at = nodeAt(sh.m.fs, root);
    if (!at?.node) throw new CliError(`unable to prepare context: path "${path}" not found`);
    if (at.node.kind !== 'dir') throw new CliError(`unable to prepare context: context must be a directory: ${root}`);
    ({ files, dirs } = context(sh.m.fs, at.parts));
    const prefix = root === '/' ? '/' : root + '/';
    const dfPath = fileFlag === '-' ? null : absPath(fileFlag ? sh.cwd : root, fileFlag ?? 'Dockerfile');
    if (dfPath === null) dockerfile = ctx.stdin ?? '';
    else {
      const df = nodeAt(sh.m.fs, dfPath)?.node;
      if (df?.kind !== 'file') {
        throw new CliError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dfPath}: no such file or directory`);
      }
      dockerfile = df.data ?? binaryText(df.size);
      if (!dfPath.startsWith(prefix)) files[dfPath.slice(dfPath.lastIndexOf('/') + 1)] = dockerfile;
    }
  }
  const quiet = f.bool('quiet');
  if (!quiet) io.out(`Sending build context to Docker daemon  ${humanSize(tarSize(files, dirs))}\n`);
  const buildArgs: Record<string, string> = {};
  for (const a of f.list('build-arg')) {
    const eq = a.indexOf('=');
    if (eq > 0) buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const render = messageRenderer(io, io.out);
  try {
    const res = await ctx.api.imageBuild(
      { dockerfile, files },
      { tags: f.list('tag'), noCache: f.bool('no-cache'), buildArgs, quiet },
      quiet ? () => {} : render,
    );
    if (quiet) io.out(res.Id + '\n');
    return 0;
  } catch (e) {
    if (e instanceof ApiError && e.inStream) throw new CliError(e.message, e.exitCode ?? 1);
    throw e;
  }
};
