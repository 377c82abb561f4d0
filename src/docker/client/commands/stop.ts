/** `docker stop`: the stop signal, then SIGKILL after the timeout; prints each argument. */
import type { StopOptions } from '../../api';
import type { Handler } from '../cli';
import type { Flags } from '../flags';
import { eachArg } from './shared';

export function stopOptions(f: Flags): StopOptions {
  const o: StopOptions = {};
  if (f.has('timeout')) o.timeout = f.int('timeout');
  if (f.has('signal')) o.signal = f.str('signal');
  return o;
}

export const stop: Handler = (ctx, f, args) =>
  eachArg(ctx, args, (a) => ctx.api.containerStop(a, stopOptions(f), ctx.io));
