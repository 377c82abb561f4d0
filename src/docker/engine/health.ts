/**
 * Healthchecks as moby's daemon/health.go runs them: a probe exec'd in the container every
 * interval (the start interval while a start period lasts), State.Health with the last five
 * results, `health_status: …` events when the status changes. The simulated clock only moves
 * between commands, so the probes that came due are run when time moved or someone looks.
 */
import { ApiError, type HealthConfig } from '../api';
import { rfc3339 } from './clock';
import type { Ctr, Engine } from './engine';
import { mergeEnv } from './config';
import { pseudoHex } from '../common/hash';
import { jsonList } from './dockerfile';
import { lookPath, startProgram } from './process';
import { parseGoDuration } from '../common/go-duration';

export interface HealthLog { Start: string; End: string; ExitCode: number; Output: string }
/** State.Health, with when the next probe is due and whether a monitor runs (not shown). */
export interface Health { Status: string; FailingStreak: number; Log: HealthLog[]; next?: number }

const ms = (ns: number | undefined, dflt: number) => (ns ? ns / 1e6 : dflt);

/** The daemon's validateHealthCheck: every duration given is at least 1ms. */
export function validateHealthcheck(h: HealthConfig | undefined): void {
  if (!h) return;
  const fields = ['Interval', 'Timeout', 'StartPeriod', 'StartInterval'] as const;
  for (const k of fields) {
    if (k === 'StartPeriod' && (h.Retries ?? 0) < 0) throw new ApiError(400, 'Retries in Healthcheck cannot be negative');
    if (h[k] && h[k]! < 1e6) throw new ApiError(400, `${k} in Healthcheck cannot be less than 1ms`);
  }
}

/** The image's healthcheck under the container's fields (daemon/commit.go merge). */
export function mergeHealthcheck(user: HealthConfig | undefined, image: HealthConfig | undefined): HealthConfig | undefined {
  if (!user || !image) return user ?? image;
  // In the struct's order, the zero values left out (all omitempty).
  const keys = ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const;
  return Object.fromEntries(keys.map((k) => [k, k === 'Test' ? (user.Test?.length ? user.Test : image.Test) : user[k] || image[k]]).filter(([, v]) => v)) as HealthConfig;
}

const isDue = (c: Ctr, now: number) => c.health?.next !== undefined && c.health.next <= now && c.status === 'running';

const probing = (c: Ctr): HealthConfig | undefined => {
  const h = c.config.Healthcheck;
  return h?.Test?.[0] === 'CMD' || h?.Test?.[0] === 'CMD-SHELL' ? h : undefined;
};

export const healthChecks = {
  /** initHealthMonitor: every start begins `starting` again, the log kept. */
  startHealth(this: Engine, c: Ctr): void {
    const h = probing(c);
    if (!h) return;
    c.health = { Status: 'starting', FailingStreak: 0, Log: c.health?.Log ?? [], next: 0 };
    c.health.next = c.startedAt + this.probeInterval(c, h, c.startedAt);
  },

  /** CloseMonitorChannel: a stopped monitor leaves the container `unhealthy`. */
  stopHealth(this: Engine, c: Ctr): void {
    if (c.health?.next === undefined) return;
    c.health.Status = 'unhealthy';
    c.health.next = undefined;
  },

  /** Unpausing starts the monitor again; the status stays until the next probe. */
  resumeHealth(this: Engine, c: Ctr): void {
    const h = probing(c);
    if (h && c.health && c.health.next === undefined) c.health.next = this.now() + this.probeInterval(c, h, this.now());
  },

  probeInterval(this: Engine, c: Ctr, h: HealthConfig, at: number): number {
    const starting = at - c.startedAt < ms(h.StartPeriod, 0) && c.health?.Status === 'starting';
    return starting ? ms(h.StartInterval, 5000) : ms(h.Interval, 30000);
  },

  /** Runs, in time order, every probe that came due; what to wait for, undefined when nothing runs. */
  healthProbes(this: Engine): Promise<void> | undefined {
    const now = this.now();
    // The common case (no probe due) allocates nothing: this runs on every command.
    let any = false;
    for (const c of this.containers.values()) if ((any = isDue(c, now))) break;
    if (!any) return this.probing;
    const run: Promise<void> = (this.probing ?? Promise.resolve()).then(async () => {
      let budget = 500;
      const due = () => [...this.containers.values()].filter((c) => isDue(c, this.now()));
      for (let list = due(); list.length; list = due()) {
        const c = list.reduce((a, b) => (b.health!.next! < a.health!.next! ? b : a));
        // A long sleep over a tiny interval: the backlog beyond the budget is skipped, not run.
        if (--budget < 0) c.health!.next = this.now() + 1;
        else await this.probe(c, c.health!.next!).catch(() => { c.health!.next = undefined; });
      }
      if (this.probing === run) this.probing = undefined;
    });
    return (this.probing = run);
  },

  /** One probe at `at` (cmdProbe.run and handleProbeResult). */
  async probe(this: Engine, c: Ctr, at: number): Promise<void> {
    const h = probing(c)!;
    const health = c.health!;
    const shell = h.Test![0] === 'CMD-SHELL';
    const argv = shell ? ['/bin/sh', '-c', h.Test!.slice(1).join(' ')] : h.Test!.slice(1);
    const m = this.machine(c);
    const env = mergeEnv(c.config.Env, []);
    const cwd = c.config.WorkingDir || '/';
    const execID = pseudoHex(`health:${c.id}:${at}`);
    this.ctrEvent(c, `exec_create: ${argv.join(' ')}`, { execID }, at);
    this.ctrEvent(c, `exec_start: ${argv.join(' ')}`, { execID }, at);
    const timeout = ms(h.Timeout, 30000);
    let output = '';
    let code = -1;
    let took = 0;
    const no = argv.length ? lookPath(m, env, cwd, argv[0]) : { why: 'exec: no command' };
    if (no) output = `OCI runtime exec failed: exec failed: unable to start container process: ${no.why}: unknown`;
    else {
      const p = startProgram({ pid: m.newPid(), argv, tty: false, start: at, m }, { env, cwd, stdin: false, user: c.config.User || undefined });
      const add = (t: string) => { output += t; };
      // A probe's sleeps take its own time, not the session's.
      await p.boot({ out: add, err: add, sleep: async (d) => { took += d; } });
      took += p.exitCode === null ? (p.deadline ?? Infinity) - at : 0;
      code = p.exitCode ?? 0;
    }
    if (took > timeout) [code, output, took] = [-1, `Health check exceeded timeout (${timeout / 1000}s)`, timeout];
    this.ctrEvent(c, 'exec_die', { execID, exitCode: String(code) }, at + took);
    // The container may have stopped or been removed meanwhile.
    if (c.health !== health || health.next === undefined) return;
    health.Log = [...health.Log, { Start: rfc3339(at), End: rfc3339(at + took), ExitCode: code, Output: output.slice(0, 4096) }].slice(-5);
    const old = health.Status;
    if (code === 0) [health.FailingStreak, health.Status] = [0, 'healthy'];
    else if (health.Status !== 'starting' || at - c.startedAt >= ms(h.StartPeriod, 0)) {
      // Failures inside the start period do not count while the container is still starting.
      if (++health.FailingStreak >= (h.Retries || 3)) health.Status = 'unhealthy';
    }
    if (health.Status !== old) this.ctrEvent(c, 'health_status: ' + health.Status, {}, at + took);
    health.next = at + took + this.probeInterval(c, h, at + took);
  },
};

/** buildkit's parseHealthcheck: `NONE`, or `[--interval=…] CMD` in shell or exec form. */
export function healthcheckOf(args: string): HealthConfig {
  const flags: Record<string, string> = {};
  let rest = args;
  for (let m; (m = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest)); rest = rest.slice(m[0].length)) {
    if (!['interval', 'timeout', 'start-period', 'start-interval', 'retries'].includes(m[1])) throw new Error(`Unknown flag: ${m[1]}`);
    flags[m[1]] = m[2] ?? '';
  }
  const [typ, body = ''] = [rest.split(/\s/)[0].toUpperCase(), rest.replace(/^\S+\s*/, '')];
  if (typ === 'NONE') {
    if (body) throw new Error('HEALTHCHECK NONE takes no arguments');
    return { Test: ['NONE'] };
  }
  if (typ !== 'CMD') throw new Error(`Unknown type "${typ}" in HEALTHCHECK (try CMD)`);
  const exec = jsonList(body);
  if (!(exec ?? body).length) throw new Error('Missing command after HEALTHCHECK CMD');
  const h: HealthConfig = { Test: exec ? ['CMD', ...exec] : ['CMD-SHELL', body] };
  const opt = (k: string, field: 'Interval' | 'Timeout' | 'StartPeriod' | 'StartInterval') => {
    const d = flags[k] ? parseGoDuration(flags[k]) : 0;
    if (d && d < 1e6) throw new Error(`Interval "${k}" cannot be less than 1ms`);
    if (d) h[field] = d;
  };
  opt('interval', 'Interval');
  opt('timeout', 'Timeout');
  opt('start-period', 'StartPeriod');
  opt('start-interval', 'StartInterval');
  if (flags.retries) {
    if (!/^[+-]?\d+$/.test(flags.retries)) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(flags.retries)}: invalid syntax`);
    if (+flags.retries < 0) throw new Error(`--retries cannot be negative (${+flags.retries})`);
    h.Retries = +flags.retries;
  }
  return h;
}
