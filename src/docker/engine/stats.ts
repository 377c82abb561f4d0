/**
 * `GET /containers/{id}/stats?stream=false`: one sample, with the numbers of a container that
 * idles (a few packets received, next to no CPU). They come from the container's ID, so they are
 * deterministic and stay put from one call to the next; the samples of a stream (`stream=true`)
 * wobble with the clock's second, as a live container's do.
 */
import type { ContainerStats, CpuStats } from '../api';
import type { Engine } from './engine';
import { progName } from './top';

/** No memory limit: the cgroup's is the host's memory (`docker info`'s Total Memory). */
const MEM_TOTAL = 8324673536;

/**
 * What the servers of the official images hold at rest, as `docker stats` shows them: threads
 * each process runs (the PIDS column counts tasks) and resident KiB. Other programs (a shell,
 * sleep) take the small amount the fallback gives.
 */
const FOOTPRINT: Record<string, [threads: number, kib: number]> = {
  mysqld: [37, 440320], postgres: [1, 6400], 'redis-server': [6, 3900], node: [11, 17800],
  python3: [1, 9400], python: [1, 9400], httpd: [27, 2300], nginx: [1, 1400],
};

const cpu = (total: number, system: number): CpuStats => ({ cpu_usage: { total_usage: total }, system_cpu_usage: system, online_cpus: 4 });

export const statting = {
  async containerStats(this: Engine, id: string, opts: { stream?: boolean } = {}): Promise<ContainerStats> {
    this.tick();
    const c = this.get(id);
    const base = { name: '/' + c.name, id: c.id };
    // A stopped container answers with its name and ID only.
    if (!this.isUp(c)) return { ...base, cpu_stats: cpu(0, 0), precpu_stats: cpu(0, 0), memory_stats: {}, blkio_stats: { io_service_bytes_recursive: null }, pids_stats: {} };
    const h = parseInt(c.id.slice(0, 8), 16);
    let pids = 0;
    let kib = 0;
    const procs = this.machine(c).procs();
    const parents = new Set(procs.map((p) => p.ppid));
    for (const p of procs) {
      const [threads, size] = FOOTPRINT[progName(p.argv)] ?? [1, 0];
      // A master that forks workers leaves the threads to them.
      pids += parents.has(p.pid) ? 1 : threads;
      kib += size;
    }
    const system = this.now() * 4e6;
    const used = (this.now() - c.startedAt) * 1e3 * (1 + (h % 5));
    const w = opts.stream ? Math.imul(h ^ Math.floor(this.now() / 1000), 2654435761) >>> 0 : 0;
    return {
      ...base,
      cpu_stats: cpu(used + ((h % 5) + (w % 7)) * 1e5, system + 4e9),
      precpu_stats: cpu(used, system),
      memory_stats: { usage: kib * 1024 + pids * (1 + (h % 7)) * 16384 + (h % 997) * 1024 + ((w >>> 8) % 9) * 4096, limit: (c.hostConfig.Memory as number) || MEM_TOTAL },
      networks: { eth0: { rx_bytes: 872 + (h % 12) * 106, tx_bytes: 0 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'read', value: (h % 4) * 4096 }, { op: 'write', value: 0 }] },
      pids_stats: { current: pids },
    };
  },
};
