/**
 * `docker stats`: one sample per container, computed and laid out as docker/cli does. Without
 * `--no-stream` the table is redrawn every half second until Ctrl+C, with a new sample each
 * second; a runner without Ctrl+C (no `io.signal`) gets the first table alone, as `--no-stream`.
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
  const { api, io } = ctx;
  const all = f.bool('all');
  const format = listFormat(f, DEFAULT);
  const trunc = !f.bool('no-trunc');
  // docker/cli 28 names the listed containers by their short ID (`{{.Container}}`).
  const listed = async () => (await api.containerList({ all })).map((c) => c.Id.slice(0, 12));
  let names = args.length ? args : await listed();
  const sample = async (stream: boolean): Promise<Record<string, string>[]> => {
    const rows: Record<string, string>[] = [];
    const errors: string[] = [];
    for (const n of names) {
      try {
        rows.push(row(n, await api.containerStats(n, { stream }), trunc));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errors.length) throw new CliError(errors.join('\n'));
    return rows;
  };
  const stream = !f.bool('no-stream') && !!io.signal;
  let rows = await sample(stream);
  if (!stream) {
    io.out(formatList(format, rows, HEADERS, '*container.statsContext'));
    return 0;
  }
  for (let tick = 1; ; tick++) {
    await (io.park ? io.park(500, true) : io.sleep(500));
    // Ctrl+C cancels the CLI's context: a cancelled command exits 0
    if (io.signal!.aborted) return 0;
    if (tick % 2 === 0) {
      if (!io.park) await api.advance(1000);
      // Without names the list follows the containers that start (and, without -a, die).
      if (!args.length) {
        const now = await listed();
        names = [...names.filter((n) => now.includes(n)), ...now.filter((n) => !names.includes(n))];
      }
      // A named container removed meanwhile keeps its last row.
      rows = await sample(true).catch((e) => {
        if (e instanceof CliError) return rows;
        throw e;
      });
    }
    // docker/cli 28 writes the table at the top left, then (reading back the same buffer) each
    // of its lines again with erase-to-end-of-line, and clears what is left of the screen.
    const frame = '\x1b[H' + formatList(format, rows, HEADERS, '*container.statsContext');
    io.out(frame + frame.split('\n').map((l) => l + '\x1b[K\n').join('') + '\x1b[J');
  }
};
