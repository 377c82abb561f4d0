/**
 * `docker stats`: one sample per container, computed and laid out as docker/cli does. Without
 * `--no-stream` the real client redraws the table every half second until Ctrl+C; here it is
 * drawn once and the command returns, as with `--no-stream`.
 */
import { ApiError, type ContainerStats } from '../../api';
import { CliError, type Handler } from '../cli';
import { formatList, listFormat } from '../format/list';
import { bytesSize, shortId, sizeString } from '../format/units';

const DEFAULT = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const HEADERS = {
  Container: 'CONTAINER', Name: 'NAME', ID: 'CONTAINER ID', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS',
};

const percent = (x: number): string => x.toFixed(2) + '%';
const pair = (a: number, b: number): string => `${sizeString(a)} / ${sizeString(b)}`;

/** The formatter's row of one sample (`container` as the user named it, or the listed ID). */
function row(container: string, s: ContainerStats, trunc: boolean): Record<string, string> {
  const cpu = s.cpu_stats.cpu_usage.total_usage - s.precpu_stats.cpu_usage.total_usage;
  const sys = s.cpu_stats.system_cpu_usage - s.precpu_stats.system_cpu_usage;
  const { usage = 0, limit = 0 } = s.memory_stats;
  const net = Object.values(s.networks ?? {});
  const blk = (op: string) => (s.blkio_stats.io_service_bytes_recursive ?? []).filter((e) => e.op.toLowerCase() === op).reduce((n, e) => n + e.value, 0);
  return {
    Container: container,
    Name: s.name.length > 1 ? s.name.slice(1) : '--',
    ID: trunc ? shortId(s.id) : s.id,
    CPUPerc: percent(cpu > 0 && sys > 0 ? (cpu / sys) * s.cpu_stats.online_cpus * 100 : 0),
    MemUsage: `${bytesSize(usage)} / ${bytesSize(limit)}`,
    MemPerc: percent(limit ? (usage / limit) * 100 : 0),
    NetIO: pair(net.reduce((n, e) => n + e.rx_bytes, 0), net.reduce((n, e) => n + e.tx_bytes, 0)),
    BlockIO: pair(blk('read'), blk('write')),
    PIDs: String(s.pids_stats.current ?? 0),
  };
}

export const stats: Handler = async (ctx, f, args) => {
  const { api } = ctx;
  const names = args.length ? args : (await api.containerList({ all: f.bool('all') })).map((c) => c.Id);
  const rows: Record<string, string>[] = [];
  const errors: string[] = [];
  for (const n of names) {
    try {
      rows.push(row(n, await api.containerStats(n), !f.bool('no-trunc')));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(`Error response from daemon: ${e.message}`);
    }
  }
  if (errors.length) throw new CliError(errors.join('\n'));
  ctx.io.out(formatList(listFormat(f, DEFAULT), rows, HEADERS));
  return 0;
};
