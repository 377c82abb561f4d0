/** `docker volume inspect`. */
import type { Handler } from '../cli';
import { inspectAll } from './inspect';

export const volumeInspect: Handler = (ctx, f, args) =>
  inspectAll(ctx, f, args, (a) => ctx.api.volumeInspect(a).then((o): [unknown, string] => [o, 'volume']), (_, e) => `Error response from daemon: ${e.message}`);
