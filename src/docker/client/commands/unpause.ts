/** `docker unpause`. */
import type { Handler } from '../cli';
import { eachArg } from './shared';

export const unpause: Handler = (ctx, _f, args) => eachArg(ctx, args, (a) => ctx.api.containerUnpause(a));
