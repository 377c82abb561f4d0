/**
 * Scripts nobody is attached to (`run -d`, `start` without -a, `exec -d`) run on the simulated
 * clock: a `sleep` parks the script until the clock reaches its wake-up time, and whatever moves
 * the clock (a command, the host's `sleep`, a client that follows or waits) first wakes the due
 * sleepers in time order, each at its own time, so `docker logs` shows one line per second.
 */
import type { Ctr, Engine } from './engine';
import type { Proc } from './process';
import type { Out } from './shell/types';

/** A parked script (`p`), or without `p` the restart policy's next start of `c`. */
export interface Sleeper { at: number; n: number; c: Ctr; p?: Proc; go(): Promise<void> }

/**
 * Wake-ups per clock jump: a 0.1 s loop over the host's `sleep 3600` would take 36,000 rounds.
 * Past the cap the due sleepers skip to the jump's end (as on a suspended machine), so a command
 * never stalls and the run stays deterministic.
 */
const ROUNDS = 1000;

/** A script's rounds never end (every one sleeps): a signal never sent keeps its loops from the time cap. */
const NEVER = new AbortController().signal;

let seq = 0;

/** The earliest of the sleepers `ok` takes; on a tie, the first to park. */
export function earliest(list: Sleeper[], ok: (s: Sleeper) => boolean): Sleeper | undefined {
  let next: Sleeper | undefined;
  for (const s of list) if (ok(s) && (!next || s.at < next.at || (s.at === next.at && s.n < next.n))) next = s;
  return next;
}

export const timeline = {
  /**
   * Runs `body` (a process's boot) with an output whose sleeps park it; resolves once it first
   * parks or ends. `ended` runs when it ends after having parked.
   */
  onClock(this: Engine, c: Ctr, p: Proc, base: Out, body: (o: Out) => Promise<void>, ended: () => void): Promise<void> {
    let yielded!: () => void;
    let step = new Promise<void>((r) => (yielded = r));
    let parked = false;
    // the `sleep` it waits in, a process of its own for ps and top
    let nap: { pid: number; argv: string[]; start: number } | undefined;
    const o: Out = {
      ...base,
      signal: NEVER,
      sleep: (ms, argv) => new Promise<void>((wake) => {
        if (!parked) {
          const own = p.children;
          p.children = () => [...(own?.() ?? []), ...(nap ? [{ ...nap, ppid: p.pid, tty: p.tty, user: p.user }] : [])];
        }
        parked = true;
        nap = argv && { pid: c.nextPid++, argv, start: this.now() };
        this.sleepers.push({ at: this.now() + ms, n: seq++, c, p, go: () => {
          nap = undefined;
          step = new Promise<void>((r) => (yielded = r));
          wake();
          return step;
        } });
        yielded();
      }),
    };
    const run = body(o);
    const end = () => {
      nap = undefined;
      if (parked) ended();
      yielded();
    };
    // before it first parks, a failure is the start's (containerStart reports it)
    run.then(end, () => {
      if (!parked) return;
      p.exitCode ??= 1;
      end();
    });
    return Promise.race([step, run]);
  },

  /** Boots a main process nobody is attached to on the clock; the container stops when it ends after parking. */
  async bootDetached(this: Engine, c: Ctr, p: Proc): Promise<void> {
    c.clocked = undefined;
    await this.onClock(c, p, this.out(c), (o) => p.boot(o), () => {
      if (c.proc === p && this.isUp(c)) this.finish(c, p.exitCode ?? 0);
    });
    // a saved session cannot keep a script midway: loading runs it again (state.ts)
    if (p.exitCode === null && this.sleepers.some((s) => s.p === p)) c.clocked = true;
  },

  /**
   * moby's restart manager when the main process ends: `always` and `unless-stopped` start the
   * container again, `on-failure[:N]` after a non-zero exit (N times at most), never after a stop
   * or kill by hand. Each wait doubles from 100 ms up to a minute, back to 100 ms after a run of
   * 10 s; meanwhile the container is `Restarting`.
   */
  planRestart(this: Engine, c: Ctr, code: number, at: number): void {
    const { Name: policy, MaximumRetryCount: max } = c.hostConfig.RestartPolicy ?? { Name: 'no', MaximumRetryCount: 0 };
    const n = c.restarts ?? 0;
    if (c.manual || !(policy === 'always' || policy === 'unless-stopped' || (policy === 'on-failure' && code !== 0 && (!max || n < max)))) return;
    c.backoff = at - c.startedAt >= 10000 || !c.backoff ? 100 : Math.min(c.backoff * 2, 60000);
    c.restarts = n + 1;
    c.status = 'restarting';
    this.sleepers.push({ at: at + c.backoff, n: seq++, c, go: () => this.containerStart(c.id, true).catch(() => { c.status = 'exited'; }) });
  },

  /**
   * Wakes the sleepers due by `to`, earliest first, the time pinned to each one's while it
   * runs; the caller then moves the clock to `to`. Sleepers of a paused container wait for it.
   */
  async wake(this: Engine, to: number): Promise<void> {
    if (this.reviving) await this.reviving;
    this.reviving = undefined;
    let last = 0;
    for (let k = 0; ; k++) {
      this.sleepers = this.sleepers.filter(({ c, p }) => (p ? p.exitCode === null && (c.proc === p || c.execs.includes(p)) && this.isUp(c) : c.status === 'restarting' && this.containers.has(c.id)));
      const next = earliest(this.sleepers, (s) => s.at <= to && s.c.status === (s.p ? 'running' : 'restarting'));
      if (!next) return;
      if (k >= ROUNDS) {
        for (const s of this.sleepers) if (s.at < to) s.at = to;
        return;
      }
      // its own time, even on a clock that has moved by itself past it (a real one): never back
      await this.runSleeper(next, (last = Math.max(next.at, last)));
    }
  },

  /** Takes `s` off the list and runs it with the clock pinned at `at`. */
  async runSleeper(this: Engine, s: Sleeper, at: number): Promise<void> {
    this.sleepers.splice(this.sleepers.indexOf(s), 1);
    this.pinned = at;
    try {
      await s.go();
    } finally {
      this.pinned = undefined;
    }
  },
};
