/** `docker pause`: freezes every process of the containers. */
import type { Handler } from '../cli';
import { eachArg } from './shared';

export const pause: Handler = (ctx, _f, args) => eachArg(ctx, args, (a) => ctx.api.containerPause(a));
