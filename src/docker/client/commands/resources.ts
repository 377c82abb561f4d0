/** The resource flags `run`, `create` and `update` share, as the HostConfig fields they set. */
import type { ContainerUpdate } from '../../api';
import type { Flags } from '../flags';
import { ramInBytes } from '../format/units';
import { goParseRat } from '../../common/go-strconv';

/** opts.MemBytes: a size, or -1 (unlimited swap); the flag parser has checked the value. */
const memBytes = (v: string | undefined): number | undefined => (v === undefined ? undefined : v === '-1' ? -1 : ramInBytes(v));

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
  set('Memory', memBytes(f.str('memory')));
  set('MemoryReservation', memBytes(f.str('memory-reservation')));
  set('MemorySwap', memBytes(f.str('memory-swap')));
  const cpus = f.str('cpus');
  const rat = cpus === undefined ? undefined : goParseRat(cpus);
  if (rat) set('NanoCpus', Number((rat[0] * 1_000_000_000n) / rat[1]));
  return u;
}
