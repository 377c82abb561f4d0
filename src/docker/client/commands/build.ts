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
import { HostFs } from '../shell/host-fs';

/** The legacy builder's deprecation notice, which its help text also starts with. */
export const BUILD_BANNER = HELP.build.slice(0, HELP.build.indexOf('Usage:'));

/** Size of the tar the client sends: a 512-byte header per entry, data in 512-byte blocks, 1 KiB trailer. */
function tarSize(files: Record<string, string>, dirs: number): number {
  let n = 1024 + dirs * 512;
  for (const data of Object.values(files)) n += 512 + Math.ceil(new TextEncoder().encode(data).length / 512) * 512;
  return n;
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
    const root = HostFs.resolve(sh.cwd, path);
    const node = sh.fs.get(root);
    if (!node) throw new CliError(`unable to prepare context: path "${path}" not found`);
    if (!node.dir) throw new CliError(`unable to prepare context: context must be a directory: ${root}`);
    files = sh.fs.files(root);
    const prefix = root === '/' ? '/' : root + '/';
    for (const k of sh.fs.nodes.keys()) if (k.startsWith(prefix) && sh.fs.get(k)!.dir) dirs++;
    const dfPath = fileFlag === '-' ? null : HostFs.resolve(fileFlag ? sh.cwd : root, fileFlag ?? 'Dockerfile');
    if (dfPath === null) dockerfile = ctx.stdin ?? '';
    else {
      const df = sh.fs.get(dfPath);
      if (!df || df.dir) {
        throw new CliError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dfPath}: no such file or directory`);
      }
      dockerfile = df.data;
      if (!dfPath.startsWith(prefix)) files[dfPath.slice(dfPath.lastIndexOf('/') + 1)] = df.data;
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
