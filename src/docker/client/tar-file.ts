/**
 * The client's end of the archive commands: reading a tar from a host file or stdin, and writing
 * one to `-o FILE` or to stdout. A file gets the archive's encoding as content and the real tar's
 * size, also when it is stdout redirected (`docker save nginx > nginx.tar`).
 */
import type { TarStream } from '../api';
import { FsError, absPath, reason, type FileNode } from '../common/sh/fs';
import { CliError, type Ctx } from './cli';

/** A host file's content, or the error of opening (or, for a directory, reading) it. */
export function readHostFile(ctx: Ctx, path: string): string {
  // os.Open of an empty name finds nothing (the shell's fs would read the working directory).
  if (!path) throw new CliError('open : no such file or directory');
  try {
    return ctx.sh.m.fs.readFile(path, ctx.sh.cwd);
  } catch (e) {
    const code = e instanceof FsError ? e.code : '';
    throw new CliError(code === 'EISDIR' ? `read ${path}: is a directory` : `open ${path}: ${code === 'ENOTDIR' ? 'not a directory' : 'no such file or directory'}`);
  }
}

/** docker/cli `ValidateOutputPath` (save, export), before the daemon is asked: the file's directory (as given) must exist. */
function outputDir(ctx: Ctx, path: string, what: string): string {
  const clean = path.replace(/\/+$/, '');
  const dir = clean.includes('/') ? clean.slice(0, clean.lastIndexOf('/')) || '/' : '.';
  let why = '';
  try {
    const node = ctx.sh.m.fs.resolve(absPath(absPath(ctx.sh.cwd, path), '..'), '/').node;
    if (node?.kind !== 'dir') why = node ? 'not a directory' : 'no such file or directory';
  } catch (e) {
    // a file on the way (`/etc/passwd/a/x`)
    if (!(e instanceof FsError)) throw e;
    why = e.code === 'ENOTDIR' ? 'not a directory' : 'no such file or directory';
  }
  if (why) throw new CliError(`failed to ${what}: invalid output path: stat ${dir}: ${why}`);
  return dir;
}

/**
 * CopyToFile: the stream goes to a temporary file beside the target (os.CreateTemp: a random
 * uint32 in its name, mode 0600), which is then renamed over it; a directory refuses the rename.
 */
function writeFile(ctx: Ctx, path: string, dir: string, t: TarStream): void {
  const fs = ctx.sh.m.fs;
  const tmp = `${dir.replace(/\/$/, '')}/.docker_temp_${ctx.api.now() % 4294967296}`;
  const node: FileNode = { kind: 'file', size: t.size, data: t.data, mode: 0o600, mtime: ctx.api.now() };
  try {
    fs.putNode(tmp, node, ctx.sh.cwd);
  } catch (e) {
    throw new CliError(`open ${tmp}: ${reason(e).toLowerCase()}`);
  }
  fs.remove(tmp, ctx.sh.cwd);
  if (fs.resolve(path, ctx.sh.cwd).node?.kind === 'dir') throw new CliError(`rename ${tmp} ${path}: file exists`);
  fs.putNode(path, node, ctx.sh.cwd);
}

/** `save` and `export`: `-o FILE`, else stdout unless it is a terminal. */
export function writeTar(ctx: Ctx, output: string | undefined, get: () => Promise<TarStream>, what: string, toTerminal = false): Promise<number> {
  if (!output && ctx.io.tty && !toTerminal) throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  const dir = output && outputDir(ctx, output, what);
  return (async () => {
    const t = await get();
    const sink = ctx.io.out as { file?: string; cwd?: string };
    if (output) writeFile(ctx, output, dir as string, t);
    // A redirected stdout is the file itself: it gets the tar's real size.
    else if (sink.file) ctx.sh.m.fs.putNode(absPath(sink.cwd ?? '/', sink.file), { kind: 'file', size: t.size, data: t.data, mode: 0o644, mtime: ctx.api.now() });
    else ctx.io.out(t.data);
    return 0;
  })();
}
