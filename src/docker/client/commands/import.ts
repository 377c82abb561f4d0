/** `docker import` / `docker image import`: a tarball (file or `-`) becomes a one-layer image. */
import { CliError, type Handler } from '../cli';
import { messageRenderer } from '../progress';
import { parseRef } from '../reference';
import { readHostFile } from '../tar-file';

export const importImage: Handler = async (ctx, f, [source, reference]) => {
  const url = /^https?:\/\//.test(source);
  // The file is opened first; the API client then checks the reference before any request.
  const data = url ? '' : source === '-' ? (ctx.stdin ?? '') : readHostFile(ctx, source);
  if (reference) parseRef(reference);
  if (url) throw new CliError(`Error response from daemon: Get "${source}": dial tcp: lookup ${new URL(source).hostname} on 127.0.0.53:53: no such host`);
  await ctx.api.imageImport(data, { reference, message: f.str('message'), changes: f.list('change') }, messageRenderer(ctx.io, ctx.io.out));
  return 0;
};
