/**
 * `POST /containers/{id}/update`: moby's checks of the new resources (verifyContainerSettings),
 * then container.UpdateContainer, which keeps what is not given and refuses what conflicts.
 */
import { ApiError, type ContainerUpdate } from '../api';
import { validateRestartPolicy } from './container-create';
import type { Engine } from './engine';

const MIN_MEMORY = 6 * 1024 * 1024;
const NCPU = 4;

/** The resources moby copies when they are non-zero, by HostConfig name. */
const COPIED = ['BlkioWeight', 'CpuShares', 'NanoCpus', 'CpuPeriod', 'CpuQuota', 'CpusetCpus', 'CpusetMems', 'Memory', 'MemorySwap', 'MemoryReservation', 'CpuRealtimePeriod', 'CpuRealtimeRuntime'] as const;

/** parsers.ParseUintList: `0-2,5`, each part a number or a rising range; undefined when it is no list. */
function cpusetList(s: string): number[] | undefined {
  const out: number[] = [];
  for (const part of s ? s.split(',') : []) {
    const m = /^([+-]?\d+)(?:-([+-]?\d+))?$/.exec(part);
    if (!m || (m[2] !== undefined && +m[2] < +m[1])) return undefined;
    for (let i = +m[1]; i <= +(m[2] ?? m[1]) && out.length <= 8192; i++) out.push(i);
  }
  return out;
}

/**
 * Also what `create` checks of the resources it is given (`creating`: a swap limit needs a memory
 * limit). Returns the warnings of this cgroup v2 machine, which has no OOM-killer switch and no
 * swappiness, and discards those settings.
 */
export function verify(u: ContainerUpdate & { MemorySwappiness?: number; OomKillDisable?: boolean }, creating = false): string[] {
  const bad = (m: string): never => {
    throw new ApiError(400, m);
  };
  const warnings: string[] = [];
  if (u.RestartPolicy?.Name) validateRestartPolicy(u.RestartPolicy);
  const { Memory: mem = 0, MemorySwap: swap = 0, MemoryReservation: res = 0, NanoCpus: cpus = 0 } = u;
  if (mem && mem < MIN_MEMORY) bad('Minimum memory limit allowed is 6MB');
  if (mem > 0 && swap > 0 && swap < mem) bad('Minimum memoryswap limit should be larger than memory limit, see usage');
  if (creating && mem === 0 && swap > 0) bad('You should always set the Memory limit when using Memoryswap limit, see usage');
  if ((u.MemorySwappiness ?? -1) !== -1) warnings.push('Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.');
  if (res > 0 && res < MIN_MEMORY) bad('Minimum memory reservation allowed is 6MB');
  if (mem > 0 && res > 0 && mem < res) bad('Minimum memory limit can not be less than memory reservation limit, see usage');
  if (u.OomKillDisable) warnings.push('Your kernel does not support OomKillDisable. OomKillDisable discarded.');
  if (cpus > 0 && (u.CpuPeriod ?? 0) > 0) bad('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (cpus > 0 && (u.CpuQuota ?? 0) > 0) bad('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  if (cpus < 0 || cpus > NCPU * 1e9) bad(`Range of CPUs is from 0.01 to ${NCPU}.00, as there are only ${NCPU} CPUs available`);
  const period = u.CpuPeriod ?? 0;
  if (period && (period < 1000 || period > 1000000)) bad('CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)');
  if ((u.CpuQuota ?? 0) > 0 && u.CpuQuota! < 1000) bad('CPU cfs quota can not be less than 1ms (i.e. 1000)');
  // IsCpusetCpusAvailable / IsCpusetMemsAvailable: this machine has CPUs 0-3 and memory node 0.
  for (const [list, what, available] of [[u.CpusetCpus, 'cpus', NCPU], [u.CpusetMems, 'mems', 1]] as const) {
    const ids = cpusetList(list ?? '');
    if (!ids) bad(`Invalid value ${list} for cpuset ${what}: invalid format: ${list}`);
    if (ids!.some((n) => n >= available)) bad(`Requested ${what === 'cpus' ? 'CPUs' : 'memory nodes'} are not available - requested ${list}, available: ${available > 1 ? `0-${available - 1}` : '0'}`);
  }
  const blkio = u.BlkioWeight ?? 0;
  if (blkio > 0 && (blkio < 10 || blkio > 1000)) bad('Range of blkio weight is from 10 to 1000');
  return warnings;
}

export const updating = {
  async containerUpdate(this: Engine, id: string, u: ContainerUpdate): Promise<{ Warnings: string[] }> {
    this.tick();
    verify(u);
    const c = this.get(id);
    const h = c.hostConfig as Record<string, unknown>;
    const fail = (m: string): never => {
      throw new ApiError(409, `Cannot update container ${c.id}: ${m}`);
    };
    if (c.status === 'removing' || c.status === 'dead') fail('container is marked for removal and cannot be "update"');
    // NanoCPUs and the CFS period/quota are two ways to say the same: one excludes the other.
    const conflicts: [keyof ContainerUpdate, string, string, string][] = [
      ['NanoCpus', 'CpuPeriod', 'Nano CPUs', 'CPU Period'], ['NanoCpus', 'CpuQuota', 'Nano CPUs', 'CPU Quota'],
      ['CpuPeriod', 'NanoCpus', 'CPU Period', 'NanoCPUs'], ['CpuQuota', 'NanoCpus', 'CPU Quota', 'NanoCPUs'],
    ];
    for (const [want, has, a, b] of conflicts) if ((u[want] as number) > 0 && (h[has] as number) > 0) fail(`Conflicting options: ${a} cannot be updated as ${b} has already been set`);
    // Without a new swap limit, the memory may not pass the one set (0 when none was).
    if (u.Memory && u.Memory > (h.MemorySwap as number) && !u.MemorySwap) fail('Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time');
    if (u.RestartPolicy?.Name && c.hostConfig.AutoRemove && u.RestartPolicy.Name !== 'no') fail('Restart policy cannot be updated because AutoRemove is enabled for the container');
    for (const k of COPIED) if (u[k]) h[k] = u[k];
    // The API reads 0 and any negative pids limit as unlimited.
    if (u.PidsLimit !== undefined) h.PidsLimit = Math.max(0, u.PidsLimit);
    if (u.RestartPolicy?.Name) c.hostConfig.RestartPolicy = u.RestartPolicy;
    this.ctrEvent(c, 'update');
    return { Warnings: [] };
  },
};
