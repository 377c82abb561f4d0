/**
 * The host's programs around `docker`: the shared coreutils a lesson needs to write a Dockerfile,
 * look at it and filter the client's output, plus `sudo`, and a `sleep` that moves the clock.
 */
import { COREUTILS } from '../../common/sh/coreutils';
import { curl } from '../../common/curl';
import { wget } from '../../common/web';
import type { Program } from './host-shell';

const CORE = ['echo', 'cat', 'ls', 'mkdir', 'touch', 'rm', 'grep', 'head', 'tail', 'wc', 'env', 'printenv', 'clear', 'whoami', 'hostname', 'true', 'false', 'date', 'tar', 'xargs', 'awk', 'sed', 'sort', 'uniq', 'cut', 'tr', 'tee', 'which', 'sha256sum', 'diff', 'id', 'chown', 'chgrp', 'chmod', 'stat'];

/** `sudo cmd…`: the course user may run anything; the command runs as typed, as root. */
const sudo: Program = (args, io, sh) => {
  const argv = args.slice(1).filter((a, i, all) => !(a.startsWith('-') && all.slice(0, i).every((b) => b.startsWith('-'))));
  if (!argv.length) {
    io.err('usage: sudo -h | -K | -k | -V\nusage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [<command>]\n');
    return 1;
  }
  if (!sh.which(argv[0])) {
    io.err(`sudo: ${argv[0]}: command not found\n`);
    return 1;
  }
  const m = Object.create(sh.m, { fs: { value: sh.m.fs.as?.(0, [0]) ?? sh.m.fs } });
  return (Object.create(sh, { m: { value: m }, user: { value: 'root' } }) as typeof sh).spawn(argv, io);
};

/**
 * `sleep` on the host moves the simulated clock (containers' timers, `docker ps` ages, the jobs)
 * and waits at most 3 s; in a job it waits for the clock the foreground moves.
 */
const sleep: Program = (args, io, sh) =>
  COREUTILS.sleep(args, {
    ...io,
    sleep: async (ms) => {
      if (io.park) return io.park(ms);
      await sh.m.pass?.(ms);
      return io.sleep(Math.min(ms, 3000));
    },
  }, sh);

export const HOST_PROGRAMS: Record<string, Program> = {
  ...Object.fromEntries(CORE.map((name) => [name, COREUTILS[name]])),
  sleep,
  sudo,
  curl,
  wget,
};
