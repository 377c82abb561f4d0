/**
 * `docker update` / `docker container update`: new resources and restart policy for each
 * container, printed by name as it succeeds; the daemon's errors after, one per line.
 */
import type { ContainerUpdate } from '../../api';
import { CliError, type Handler } from '../cli';
import { eachArg, restartPolicy } from './shared';

const UNITS = 'kmgtp';

/** go-units RAMInBytes (what opts.MemBytes stores): binary multiples, the fraction cut off. */
function ramInBytes(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (v === '-1') return -1;
  const m = /^(\d+(?:\.\d+)*) ?([kmgtp])?i?b?$/i.exec(v)!;
  return Math.trunc(parseFloat(m[1]) * 1024 ** (UNITS.indexOf((m[2] ?? '').toLowerCase()) + 1 || 0));
}

/** Integer flags by the HostConfig field they set. */
const INTS: [string, keyof ContainerUpdate][] = [
  ['blkio-weight', 'BlkioWeight'], ['cpu-period', 'CpuPeriod'], ['cpu-quota', 'CpuQuota'], ['cpu-rt-period', 'CpuRealtimePeriod'],
  ['cpu-rt-runtime', 'CpuRealtimeRuntime'], ['cpu-shares', 'CpuShares'], ['pids-limit', 'PidsLimit'],
];
const OTHERS = ['cpus', 'cpuset-cpus', 'cpuset-mems', 'memory', 'memory-reservation', 'memory-swap', 'restart', 'kernel-memory'];

export const update: Handler = async (ctx, f, args) => {
  if (![...INTS.map(([flag]) => flag), ...OTHERS].some((flag) => f.has(flag))) throw new CliError('you must provide one or more flags when using this command');
  const u: ContainerUpdate = {};
  const set = (k: keyof ContainerUpdate, v: unknown) => v !== undefined && v !== 0 && v !== '' && Object.assign(u, { [k]: v });
  for (const [flag, key] of INTS) set(key, f.int(flag));
  set('CpusetCpus', f.str('cpuset-cpus'));
  set('CpusetMems', f.str('cpuset-mems'));
  set('Memory', ramInBytes(f.str('memory')));
  set('MemoryReservation', ramInBytes(f.str('memory-reservation')));
  set('MemorySwap', ramInBytes(f.str('memory-swap')));
  const cpus = f.str('cpus');
  if (cpus !== undefined) set('NanoCpus', Math.round((cpus.includes('/') ? Number(cpus.split('/')[0]) / Number(cpus.split('/')[1]) : Number(cpus)) * 1e9));
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
