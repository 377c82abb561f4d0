/** `docker tag SOURCE TARGET`. */
import { CliError, type Handler } from '../cli';
import { parseRef, RefError } from '../reference';

export const tag: Handler = async (ctx, _f, [source, target]) => {
  for (const r of [source, target]) {
    // The source is read as any reference (ParseAnyReference): a full image ID is one too.
    if (r === source && /^[a-f0-9]{64}$/.test(r)) continue;
    try {
      const ref = parseRef(r);
      if (r === target && ref.digest) throw new CliError('refusing to create a tag with a digest reference');
    } catch (e) {
      if (e instanceof RefError) throw new CliError(`Error parsing reference: "${r}" is not a valid repository/tag: ${e.message}`);
      throw e;
    }
  }
  await ctx.api.imageTag(source, target);
  return 0;
};
