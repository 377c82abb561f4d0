/** `docker rm` / `docker container rm`. */
import type { Handler } from '../cli';
import { eachArg } from './shared';

export const rm: Handler = (ctx, f, args) =>
  eachArg(ctx, args, (a) => ctx.api.containerRemove(a, { force: f.bool('force'), volumes: f.bool('volumes') }));
