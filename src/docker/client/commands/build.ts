/**
 * `docker build` with the legacy builder (no buildx on the captured client): the context comes
 * from the host's in-memory filesystem, the daemon streams `Step N/M : …` text.
 */
import { ApiError } from '../../api';
import { CliError, type Handler } from '../cli';
import { humanSize } from '../format/units';
import { messageRenderer } from '../progress';
import { absPath, binaryText, joinPath, may, type Fs } from '../../common/sh/fs';

/** The legacy builder's deprecation notice, which its help text also starts with. */

/** Size of the tar the client sends: a 512-byte header per entry, data in 512-byte blocks, 1 KiB trailer. */
function tarSize(files: Record<string, string>, dirs: number): number {
  let n = 1024 + dirs * 512;
  for (const data of Object.values(files)) n += 512 + Math.ceil(new TextEncoder().encode(data).length / 512) * 512;
  return n;
}

/**
 * `.dockerignore` as moby/patternmatcher reads it: `*` and `?` stay within a path segment, `**`
 * spans segments, a pattern also excludes what is below a matching directory, `!` re-includes,
 * and the last matching pattern wins.
 */
export function ignorer(text: string): (path: string) => boolean {
  const pats = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => {
    const not = l.startsWith('!');
    const p = (not ? l.slice(1).trim() : l).split('/').filter((x) => x && x !== '.').join('/');
    const body = p.replace(/\*\*\/?|[*?]|[.+^${}()|]/g, (t, at: number) =>
      t === '*' ? '[^/]*' : t === '?' ? '[^/]' : t[0] === '*' ? (at + t.length === p.length ? '.*' : '(.*/)?') : '\\' + t);
    return { not, re: new RegExp(`^${body}$`) };
  });
  return (path) => {
    const parts = path.split('/');
    let hit = false;
    for (const { not, re } of pats) {
      if (not !== hit) continue;
      if (parts.some((_, i) => re.test(parts.slice(0, i + 1).join('/')))) hit = !not;
    }
    return hit;
  };
}

/** The files below a directory that the client sends, keyed by their path relative to it, and how many directories it holds. */
function context(fs: Fs, parts: string[], ignored: (path: string) => boolean): { files: Record<string, string>; dirs: number } {
  const files: Record<string, string> = {};
  let dirs = 0;
  const walk = (at: string[], rel: string): void => {
    for (const [name, node] of fs.list(at)) {
      const path = rel + name;
      const skip = ignored(path);
      // ValidateContextDirectory: what is sent and the user may not read stops the build (a database's data directory)
      if (!skip && !may(fs.cred, node, node.kind === 'dir' ? 5 : 4)) throw new CliError(`error checking context: ${node.kind === 'dir' ? "can't stat" : 'no permission to read from'} '${joinPath([...at, name])}'`);
      if (node.kind === 'dir') {
        if (!skip) dirs++;
        walk([...at, name], path + '/');
      } else if (node.kind === 'file' && !skip) files[path] = node.data ?? binaryText(node.size);
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
  let files: Record<string, string> = {};
  let dockerfile: string;
  let size: string;
  const fileFlag = f.str('file');
  if (path === '-') {
    // GetContextFromReader: a Dockerfile on stdin is sent as a tar holding just it.
    if (fileFlag === '-') throw new CliError('unable to prepare context: build context is not an archive');
    dockerfile = ctx.stdin ?? '';
    size = humanSize(tarSize({ Dockerfile: dockerfile }, 0));
  } else {
    const root = absPath(sh.cwd, path);
    const at = nodeAt(sh.m.fs, root);
    if (!at?.node) throw new CliError(`unable to prepare context: path "${path}" not found`);
    if (at.node.kind !== 'dir') throw new CliError(`unable to prepare context: context must be a directory: ${root}`);
    const prefix = root === '/' ? '/' : root + '/';
    // Without -f a lowercase `dockerfile` is used when `Dockerfile` is missing (getDockerfileRelPath).
    const lower = !fileFlag && !nodeAt(sh.m.fs, prefix + 'Dockerfile')?.node && nodeAt(sh.m.fs, prefix + 'dockerfile')?.node;
    const dfPath = fileFlag === '-' ? null : absPath(fileFlag ? sh.cwd : root, fileFlag ?? (lower ? 'dockerfile' : 'Dockerfile'));
    const ign = nodeAt(sh.m.fs, prefix + '.dockerignore')?.node;
    const ignored = ign?.kind === 'file' ? ignorer(ign.data ?? '') : () => false;
    // The client always sends the Dockerfile and .dockerignore themselves (TrimBuildFilesFromExcludes).
    const kept = ['.dockerignore', dfPath?.startsWith(prefix) ? dfPath.slice(prefix.length) : 'Dockerfile'];
    let dirs: number;
    ({ files, dirs } = context(sh.m.fs, at.parts, (p) => !kept.includes(p) && ignored(p)));
    if (dfPath === null) dockerfile = ctx.stdin ?? '';
    else {
      const df = nodeAt(sh.m.fs, dfPath)?.node;
      if (df?.kind !== 'file') {
        throw new CliError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dfPath}: no such file or directory`);
      }
      dockerfile = df.data ?? binaryText(df.size);
      if (!dfPath.startsWith(prefix)) files[dfPath.slice(dfPath.lastIndexOf('/') + 1)] = dockerfile;
    }
    size = humanSize(tarSize(files, dirs));
    // …and the daemon drops them from the context when the patterns exclude them.
    for (const k of kept) if (ignored(k)) delete files[k];
  }
  const quiet = f.bool('quiet');
  if (!quiet) io.out(`Sending build context to Docker daemon  ${size}\n`);
  const buildArgs: Record<string, string> = {};
  // opts.ValidateEnv: a bare NAME takes the client's exported value, if any.
  const host = new Map(sh.env());
  for (const a of f.list('build-arg')) {
    const eq = a.indexOf('=');
    if (eq > 0) buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
    else if (host.has(a)) buildArgs[a] = host.get(a)!;
  }
  // With -q the output is kept and shown on stderr only if the build fails.
  let log = `Sending build context to Docker daemon  ${size}\n`;
  const render = messageRenderer(io, quiet ? (t) => void (log += t) : io.out);
  try {
    const res = await ctx.api.imageBuild({ dockerfile, files }, { tags: f.list('tag'), noCache: f.bool('no-cache'), buildArgs, target: f.str('target') }, render);
    if (quiet) io.out(res.Id + '\n');
    return 0;
  } catch (e) {
    // Before the stream starts only the upload progress has been kept.
    if (quiet && e instanceof ApiError) io.err(e.inStream ? log : log.slice(0, log.indexOf('\n') + 1));
    if (e instanceof ApiError && e.inStream) throw new CliError(e.message, e.exitCode ?? 1);
    throw e;
  }
};
