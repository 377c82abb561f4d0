/**
 * `top -b`: one frame per iteration (-n) of procps' top (Ubuntu) or busybox's, from the same
 * processes, memory and load as `ps`, `free` and /proc. Without -b the same screen, held until `q`.
 * `uptime` prints top's first line.
 */
import { BOOT } from '../procfs';
import { withSelf } from '../../common/sh/ps';
import type { Command, IO, Out, ProcInfo, ShellLike } from './types';

// KiB, as free and /proc/meminfo show them
const [TOTAL, FREE, USED, CACHE, AVAIL] = [8129564, 5462208, 787112, 1880244, 7086452];

/** ` 09:30:01 up  2:17,  0 users,  load average: …` (busybox counts no users: no utmp in the image). */
function upLine(now: number, busybox: boolean): string {
  const up = Math.floor((now - BOOT) / 60000);
  const days = up >= 1440 ? `${Math.floor(up / 1440)} day${up >= 2880 ? 's' : ''}, ` : '';
  return `${new Date(now).toISOString().slice(11, 19)} up ${days}${String(Math.floor((up % 1440) / 60)).padStart(2)}:${String(up % 60).padStart(2, '0')},  ${busybox ? '' : '0 users,  '}load average: 0.08, 0.03, 0.01`;
}

export const uptime: Command = (_a, io, sh) => {
  io.out(' ' + upLine(sh.m.now(), io.busybox) + '\n');
  return 0;
};

type Held = ShellLike & { typed?: boolean; stopLine?: boolean; resume?(out: Out): Promise<number> };

export const top: Command = async (args, io, sh) => {
  const a = args.slice(1).join(' ');
  if (!/(^|\s)-\w*b/.test(a)) {
    // procps' top needs a terminal to draw on; busybox's draws anyway
    if ((!io.tty || (io.stdin !== undefined && !sh.direct)) && !io.busybox) return io.err('top: failed tty get\n'), 1;
    frame(args, io, sh);
    // The screen stays until `q` (or Ctrl+C); the rest of a typed line runs after it.
    const s: Held = sh;
    if (io.stdin === undefined && s.typed && sh.ask && s.resume) {
      const hold = (): void => sh.ask!('', async (t, io2) => (t.trim().startsWith('q') ? s.resume!(io2) : (hold(), 0)));
      hold();
      s.stopLine = true;
      return 0;
    }
    // run by runc itself (`docker run -it IMAGE top`): until it is stopped
    while (io.signal && !io.signal.aborted) await io.sleep(3000);
    return 0;
  }
  const n = Number(/-\w*n\s*(\d+)/.exec(a)?.[1] ?? 1);
  for (let i = 0; i < n && !io.signal?.aborted; i++) {
    if (i) await io.sleep(3000);
    frame(args, io, sh);
    if (i < n - 1 && !io.busybox) io.out('\n');
  }
  return 0;
};

/** One screen of top: procps' or busybox's. */
function frame(args: string[], io: IO, sh: ShellLike): void {
  const now = sh.m.now();
  const [procs, self] = withSelf(sh, args, io);
  const user = (p: ProcInfo) => p.user ?? 'root';
  if (io.busybox) {
    io.out(`Mem: ${TOTAL - FREE}K used, ${FREE}K free, 3120K shrd, 98304K buff, 1620020K cached\nCPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\nLoad average: 0.08 0.03 0.01 1/${procs.length + 180} ${self.pid}\n  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n`);
    for (const p of procs) io.out(`${String(p.pid).padStart(5)}${String(p.ppid).padStart(6)} ${user(p).padEnd(8)} ${p === self ? 'R' : 'S'}     ${p === self ? 1628 : 1700}   0%   ${p === self ? 1 : 0}   0% ${p.argv.join(' ')}\n`);
    return;
  }
  const mib = (k: number) => (k / 1024).toFixed(1).padStart(8);
  io.out(`top - ${upLine(now, false)}\n`
    + `Tasks:${String(procs.length).padStart(4)} total,   1 running,${String(procs.length - 1).padStart(4)} sleeping,   0 stopped,   0 zombie\n`
    + '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st \n'
    + `MiB Mem : ${mib(TOTAL)} total, ${mib(FREE)} free, ${mib(USED)} used, ${mib(CACHE)} buff/cache     \n`
    + `MiB Swap: ${mib(0)} total, ${mib(0)} free, ${mib(0)} used. ${mib(AVAIL)} avail Mem \n\n`
    + '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n');
  for (const p of procs) {
    const me = p === self;
    const name = p.argv[0].slice(p.argv[0].lastIndexOf('/') + 1);
    io.out(`${String(p.pid).padStart(7)} ${user(p).padEnd(8)}  20   0 ${(me ? '8856' : '4588').padStart(7)} ${(me ? '4992' : '3840').padStart(6)} ${(me ? '2944' : '3328').padStart(6)} ${me ? 'R' : 'S'}   0.0   ${me ? '0.1' : '0.0'}   0:00.${me ? '00' : '02'} ${name}\n`);
  }
}
