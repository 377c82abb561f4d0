/** `docker restart`: stop (signal, then SIGKILL after the timeout) and start again. */
import type { Handler } from '../cli';
import { eachArg } from './shared';
import { stopOptions } from './stop';

export const restart: Handler = (ctx, f, args) =>
  eachArg(ctx, args, (a) => ctx.api.containerRestart(a, stopOptions(f), ctx.io));
