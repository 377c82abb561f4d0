/** `docker volume rm`: one call per name; with `-f` a missing volume is not an error. */
import type { Handler } from '../cli';
import { eachArg } from './shared';

export const volumeRm: Handler = (ctx, f, args) => eachArg(ctx, args, (a) => ctx.api.volumeRemove(a, f.bool('force')));
