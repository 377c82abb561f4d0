/**
 * The client's end of the archive commands: reading a tar from a host file or stdin, and writing
 * one to `-o FILE` or to stdout. A file gets the archive's encoding as content and the real tar's
 * size, also when it is stdout redirected (`docker save nginx > nginx.tar`).
 */
import type { TarStream } from '../api';
import { FsError, absPath } from '../common/sh/fs';
import { CliError, type Ctx } from './cli';

/** `os.Open`'s error, as the client prints it. */
export function readHostFile(ctx: Ctx, path: string): string {
  try {
    return ctx.sh.m.fs.readFile(path, ctx.sh.cwd);
  } catch (e) {
    const why = e instanceof FsError && e.code === 'EISDIR' ? 'is a directory' : e instanceof FsError && e.code === 'ENOTDIR' ? 'not a directory' : 'no such file or directory';
    throw new CliError(`open ${path}: ${why}`);
  }
}

/** docker/cli `ValidateOutputPath`, then the whole stream into the file (mode 0600). */
function writeFile(ctx: Ctx, path: string, t: TarStream, what: string): void {
  const fs = ctx.sh.m.fs;
  const abs = absPath(ctx.sh.cwd, path);
  const dir = absPath(abs, '..');
  const fail = (why: string) => new CliError(`failed to ${what}: invalid output path: ${why}`);
  if (fs.resolve(dir, '/').node?.kind !== 'dir') throw fail(`directory ${JSON.stringify(dir)} does not exist`);
  if (fs.resolve(abs, '/').node?.kind === 'dir') throw fail(`${JSON.stringify(path)} must be a directory`);
  fs.putNode(abs, { kind: 'file', size: t.size, data: t.data, mode: 0o600, mtime: ctx.api.now() });
}

/** `save` and `export`: `-o FILE`, else stdout unless it is a terminal. */
export function writeTar(ctx: Ctx, output: string | undefined, get: () => Promise<TarStream>, what: string): Promise<number> {
  if (!output && ctx.io.tty) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  return (async () => {
    const t = await get();
    const sink = ctx.io.out as { file?: string; cwd?: string };
    if (output) writeFile(ctx, output, t, what);
    // A redirected stdout is the file itself: it gets the tar's real size.
    else if (sink.file) ctx.sh.m.fs.putNode(absPath(sink.cwd ?? '/', sink.file), { kind: 'file', size: t.size, data: t.data, mode: 0o644, mtime: ctx.api.now() });
    else ctx.io.out(t.data);
    return 0;
  })();
}
