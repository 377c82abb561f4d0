/** `docker kill` (SIGKILL unless `-s`). */
import type { Handler } from '../cli';
import { eachArg } from './shared';

export const kill: Handler = (ctx, f, args) => eachArg(ctx, args, (a) => ctx.api.containerKill(a, f.str('signal')));
