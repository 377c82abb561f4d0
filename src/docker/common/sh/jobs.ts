/**
 * Job control: `cmd &`, `$!`, `jobs`, `wait`, `fg`, `bg`, `kill %1`, and the notice an
 * interactive shell prints before its prompt when a job has ended. A program that keeps running
 * (`sleep`, a server) becomes a process of the machine; anything else runs to its end at once.
 */
import type { AndOr } from './parse';
import type { BgProc, IO } from './types';
import type { Shell } from './sh';
import { isBuiltin } from './builtins';

export interface Job extends BgProc {
  n: number;
  /** The command as `jobs` shows it. */
  text: string;
  /** Where it was started (bash shows `(wd: …)` once the shell has moved). */
  cwd: string;
  /** Run at once: the shell notices its end only after the next line, as it would a quick real job. */
  fresh?: boolean;
}

/** strsignal (glibc and musl agree on these) for the signals a job dies of. */
const DESC: Record<number, string> = { 1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 6: 'Aborted', 9: 'Killed', 10: 'User defined signal 1', 12: 'User defined signal 2', 13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated' };

function stateOf(sh: Shell, code: number | null): string {
  if (code === null) return 'Running';
  if (code > 128 && DESC[code - 128]) return DESC[code - 128];
  return !code ? 'Done' : sh.flavor === 'bash' ? `Exit ${code}` : `Done(${code})`;
}

/** One line of `jobs` and of the notice of an ended job: bash's pretty_print_job, dash's and busybox's showjob. */
export function jobLine(sh: Shell, j: Job, long: boolean): string {
  const mark = j === sh.jobs.at(-1) ? '+' : j === sh.jobs.at(-2) ? '-' : ' ';
  const code = j.status();
  const state = stateOf(sh, code);
  if (sh.flavor === 'bash') {
    const home = sh.getVar('HOME') ?? '';
    const wd = j.cwd === sh.cwd ? '' : `  (wd: ${home.length > 1 && (j.cwd + '/').startsWith(home + '/') ? '~' + j.cwd.slice(home.length) : j.cwd})`;
    return `[${j.n}]${mark} ${long ? String(j.pid).padStart(5) : ''} ${state.padEnd(24)}${j.text}${code === null ? ' &' : ''}${wd}\n`;
  }
  // "[N]   " with the mark two (dash) or three (busybox) from its end, the command at column 33
  const head = `[${j.n}]`;
  const s = (sh.flavor === 'dash' ? `${head} ${mark} ` : `${head}${mark}  `) + (long ? `${j.pid} ` : '') + state;
  return s + ' '.repeat(Math.max(33 - s.length, 1)) + j.text + '\n';
}

/** `items &`: the job starts and the shell goes on; an interactive bash says `[N] PID`. */
export async function background(sh: Shell, items: AndOr[], text: string, io: IO): Promise<number> {
  const n = (sh.jobs.at(-1)?.n ?? 0) + 1;
  // bash prints its commands from the parsed text: a subshell as `( … )`
  if (sh.flavor === 'bash') text = text.replace(/^\(\s*([^]*?)\s*\)$/, '( $1 )');
  // without job control dash and busybox keep no command text
  else if (!sh.interactive) text = '';
  const job: Job = { n, text, cwd: sh.cwd, pid: 0, status: () => null };
  const one = items.length === 1 && !items[0].not && items[0].pipeline.length === 1 ? items[0].pipeline[0] : undefined;
  let proc: BgProc | undefined;
  // what it writes later (a server's shutdown lines) reaches the terminal while its shell is there to show it
  let starting = true;
  const live = () => starting || (sh.interactive && !sh.exited);
  const tty: IO = { ...io, out: (t) => void (live() && io.out(t)), err: (t) => void (live() && io.err(t)) };
  if (one && !one.k && !one.redirs.length) {
    // `X=1 cmd &` finds no program named `X=1` and runs at once, with its variable
    const argv = await sh.expand(one.words, io);
    if (argv.length && !isBuiltin(sh, argv[0]) && !sh.funcs.has(argv[0]) && sh.which(argv[0])) proc = sh.m.background?.(argv, tty, sh.envList(), sh.cwd, sh.ownPid) ?? asleep(sh, argv);
  }
  // a group or subshell is a copy of the shell, a process of its own on a machine that keeps them
  // (ps shows it with its parent's command line), writing where the shell writes (a terminal while it is there)
  const ppid = sh.ownPid;
  const group = proc ? undefined : sh.m.job?.(sh.m.procs().find((p) => p.pid === ppid)?.argv ?? [sh.argv0], (o) => sh.subshell([{ ...items[0], bg: undefined }, ...items.slice(1)], { ...io, ...o, stdin: '', feed: undefined }), sh.interactive ? tty : io, ppid);
  proc ??= group;
  sh.jobs = [...sh.jobs, job];
  job.pid = proc?.pid ?? sh.m.newPid();
  sh.bgPid = String(job.pid);
  if (sh.interactive && sh.flavor === 'bash') io.err(`[${n}] ${job.pid}\n`);
  if (proc) {
    Object.assign(job, { status: () => proc.status(), end: proc.end, kill: proc.kill });
    await proc.run?.();
    starting = false;
    // one that never waited is noticed as a quick real job is
    job.fresh = !!group && proc.status() !== null;
  } else {
    // its own copy of the shell, reading nothing from the terminal; its sleeps do not hold the
    // prompt back (what it prints shows at once) but it runs, for jobs and wait, as long as they last
    let slept = 0;
    const code = await sh.subshell([{ ...items[0], bg: undefined }, ...items.slice(1)], { ...io, stdin: '', feed: undefined, sleep: async (ms) => void (slept += ms) });
    const end = sh.m.now() + slept;
    Object.assign(job, { status: () => (sh.m.now() >= end ? code : null), end, fresh: !slept });
  }
  return 0;
}

/** `sleep N &` on a machine that keeps no processes of its own (the host): it ends on its time. */
function asleep(sh: Shell, argv: string[]): BgProc | undefined {
  if (argv[0] !== 'sleep' || !/^\d+(\.\d+)?$/.test(argv[1] ?? '') || argv.length > 2) return undefined;
  const end = sh.m.now() + Number(argv[1]) * 1000;
  return { pid: sh.m.newPid(), end, status: () => (sh.m.now() >= end ? 0 : null) };
}

/** Before the prompt: the jobs that ended since the last one, then they are forgotten. */
export function notify(sh: Shell, io: IO): void {
  for (const j of sh.jobs) {
    if (j.fresh) j.fresh = false;
    else if (j.status() !== null) {
      io.err(jobLine(sh, j, false));
      forget(sh, j);
    }
  }
}

/** A new list, never the old one changed: a loop over the jobs can forget the one it is at. */
const forget = (sh: Shell, j: Job) => {
  sh.jobs = sh.jobs.filter((x) => x !== j);
};

/** `%1`, `%%`, `%+`, `%-`, `%sle` (a prefix of the command): the job, or the message of why not. */
export function findJob(sh: Shell, spec: string): Job | string {
  const s = spec.replace(/^%/, '');
  const j = s === '' || s === '%' || s === '+' ? sh.jobs.at(-1) : s === '-' ? sh.jobs.at(-2) ?? sh.jobs.at(-1) : /^\d+$/.test(s) ? sh.jobs.find((x) => x.n === +s) : sh.jobs.find((x) => x.text.startsWith(s));
  return j ?? (sh.flavor === 'bash' ? `${s === '' || s === '%' || s === '+' ? 'current' : spec}: no such job` : sh.flavor === 'dash' ? `No such job: ${spec}` : `can't find job ${spec}`);
}

/** Waits for a job to end, or for Ctrl+C (130), or for a signal a trap takes (128+N, its action then runs). */
async function waitFor(j: Job, io: IO, sh: Shell): Promise<number> {
  const now = () => sh.m.now();
  // the host's waits move its clock (its jobs run on meanwhile) and take their time on a screen;
  // a job's own `wait` only waits
  const host = !io.park && sh.m.pass;
  const pass = io.park ?? (host ? (ms: number) => host(ms).then(() => io.sleep(ms)) : io.sleep);
  for (let k = 0; j.status() === null; k++) {
    if (io.signal?.aborted) return 130;
    if (sh.caught?.length) return 128 + sh.caught[0];
    // a job that never ends by itself, with no Ctrl+C to stop the wait: an hour, as `sleep infinity`
    // (on the host, an hour of one-second rounds, as long as it goes on)
    if (j.end === undefined && ((!io.signal && !host) || k > 3600)) {
      if (!io.signal && k <= 3600) await io.sleep(3600_000);
      return 0;
    }
    await pass(j.end !== undefined ? Math.max(1, Math.min(1000, j.end - now())) : 1000);
  }
  return j.status() ?? 0;
}

const err = (sh: Shell, io: IO, cmd: string, text: string, code: number) => (io.err(`${sh.prefix()}: ${cmd}: ${text}\n`), code);

export const JOB_BUILTINS: Record<string, (argv: string[], io: IO, sh: Shell) => number | Promise<number>> = {
  jobs(argv, io, sh) {
    const flags = argv.slice(1).filter((a) => a.startsWith('-')).join('');
    const specs = argv.slice(1).filter((a) => !a.startsWith('-'));
    const list: Job[] = [];
    for (const s of specs) {
      const j = findJob(sh, s);
      if (typeof j === 'string') return err(sh, io, 'jobs', j, 1);
      list.push(j);
    }
    for (const j of specs.length ? list : sh.jobs) io.out(flags.includes('p') ? `${j.pid}\n` : jobLine(sh, j, flags.includes('l')));
    // the ended jobs it showed are not noticed again
    for (const j of specs.length ? list : sh.jobs) if (j.status() !== null) forget(sh, j);
    return 0;
  },
  async wait(argv, io, sh) {
    if (argv.length < 2) {
      for (const j of sh.jobs) {
        const s = await waitFor(j, io, sh);
        if (s > 128 && (io.signal?.aborted || sh.caught?.length)) return s;
      }
      return 0;
    }
    let status = 0;
    for (const a of argv.slice(1)) {
      const j = a.startsWith('%') ? findJob(sh, a) : sh.jobs.find((x) => String(x.pid) === a);
      if (typeof j === 'string') status = err(sh, io, 'wait', j, 127);
      else if (!j) status = /^\d+$/.test(a) ? err(sh, io, 'wait', `pid ${a} is not a child of this shell`, 127) : err(sh, io, 'wait', `\`${a}': not a pid or valid job spec`, 2);
      else {
        status = await waitFor(j, io, sh);
        if (!sh.interactive) forget(sh, j);
      }
    }
    return status;
  },
  /** `fg`: the job takes the terminal until it ends; Ctrl+C is its SIGINT. */
  async fg(argv, io, sh) {
    const j = findJob(sh, argv[1] ?? '%');
    if (typeof j === 'string') return err(sh, io, 'fg', sh.flavor === 'bash' ? j : j.replace('No such job: %', 'No current job'), 1);
    io.out(j.text + '\n');
    let code = await waitFor(j, io, sh);
    if (j.status() === null && j.kill) {
      // a host job takes its Ctrl+C and ends as it does in the foreground
      j.kill(2);
      await sh.m.pass?.(0);
      code = j.status() ?? code;
    } else if (j.status() === null) sh.m.signal?.(j.pid, 2, sh.ownPid);
    forget(sh, j);
    return code;
  },
  bg(argv, io, sh) {
    const j = findJob(sh, argv[1] ?? '%');
    if (typeof j === 'string') return err(sh, io, 'bg', j, 1);
    return sh.flavor === 'bash' ? err(sh, io, 'bg', `job ${j.n} already in background`, 0) : (io.out(`[${j.n}] ${j.text}\n`), 0);
  },
};

/**
 * `kill %1`: the PIDs of the job specs among kill's operands; a spec that names no job is said and
 * dropped. On a machine without processes of its own (the host) the shell's own jobs die here.
 */
export function jobPids(sh: Shell, pids: string[], sig: number, io: IO): { pids: string[]; failed: boolean } {
  let failed = false;
  const out = pids.flatMap((p) => {
    const j = p.startsWith('%') ? findJob(sh, p) : sh.jobs.find((x) => String(x.pid) === p) ?? p;
    if (typeof j !== 'string' && !sh.m.signal) {
      if (j.kill) j.kill(sig);
      else if (j.status() === null) j.status = () => 128 + sig;
      return [];
    }
    if (!p.startsWith('%')) return [p];
    if (typeof j !== 'string') return [String(j.pid)];
    failed = true;
    io.err(`${sh.prefix()}: kill: ${j}\n`);
    return [];
  });
  return { pids: out, failed };
}
