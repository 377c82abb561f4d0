/**
 * `docker update` / `docker container update`: new resources and restart policy for each
 * container, printed by name as it succeeds; the daemon's errors after, one per line.
 */
import type { ContainerUpdate } from '../../api';
import { CliError, type Handler } from '../cli';
import { INTS, resourceFlags } from './resources';
import { eachArg, restartPolicy } from './shared';

const OTHERS = ['cpus', 'cpuset-cpus', 'cpuset-mems', 'memory', 'memory-reservation', 'memory-swap', 'restart', 'kernel-memory'];

export const update: Handler = async (ctx, f, args) => {
  if (![...INTS.map(([flag]) => flag), ...OTHERS].some((flag) => f.has(flag))) throw new CliError('you must provide one or more flags when using this command');
  const u: ContainerUpdate = resourceFlags(f);
  const restart = f.str('restart');
  if (restart) {
    try {
      u.RestartPolicy = restartPolicy(restart);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  }
  return eachArg(ctx, args, (a) => ctx.api.containerUpdate(a, u));
};
