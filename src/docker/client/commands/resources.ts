/** The resource flags `run`, `create` and `update` share, as the HostConfig fields they set. */
import type { ContainerUpdate } from '../../api';
import type { Flags } from '../flags';

const UNITS = 'kmgtp';

/** go-units RAMInBytes (what opts.MemBytes stores): binary multiples, the fraction cut off. */
export function ramInBytes(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (v === '-1') return -1;
  const m = /^(\d+(?:\.\d+)*) ?([kmgtp])?i?b?$/i.exec(v)!;
  return Math.trunc(parseFloat(m[1]) * 1024 ** (UNITS.indexOf((m[2] ?? '').toLowerCase()) + 1 || 0));
}

/** Integer flags by the HostConfig field they set. */
export const INTS: [string, keyof ContainerUpdate][] = [
  ['blkio-weight', 'BlkioWeight'], ['cpu-period', 'CpuPeriod'], ['cpu-quota', 'CpuQuota'], ['cpu-rt-period', 'CpuRealtimePeriod'],
  ['cpu-rt-runtime', 'CpuRealtimeRuntime'], ['cpu-shares', 'CpuShares'], ['pids-limit', 'PidsLimit'],
];

/** The resources given (zero and empty values are "not given", as the API reads them). */
export function resourceFlags(f: Flags): ContainerUpdate {
  const u: ContainerUpdate = {};
  const set = (k: keyof ContainerUpdate, v: unknown) => v !== undefined && v !== 0 && v !== '' && Object.assign(u, { [k]: v });
  for (const [flag, key] of INTS) if (f.has(flag)) set(key, f.int(flag));
  set('CpusetCpus', f.str('cpuset-cpus'));
  set('CpusetMems', f.str('cpuset-mems'));
  set('Memory', ramInBytes(f.str('memory')));
  set('MemoryReservation', ramInBytes(f.str('memory-reservation')));
  set('MemorySwap', ramInBytes(f.str('memory-swap')));
  const cpus = f.str('cpus');
  if (cpus !== undefined) set('NanoCpus', Math.round((cpus.includes('/') ? Number(cpus.split('/')[0]) / Number(cpus.split('/')[1]) : Number(cpus)) * 1e9));
  return u;
}
