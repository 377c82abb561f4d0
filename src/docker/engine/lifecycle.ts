/**
 * The container state machine: start (ports, network, PID 1), stop with its grace period,
 * restart, kill, pause, wait, remove and prune.
 */
import { ApiError, type ContainersPruneReport, type PortMap, type StopOptions, type Waiter } from '../api';
import type { Ctr, Engine } from './engine';
import { FsError, treeSize } from './fs';
import { pruneLabels, pruneUntil, validateKeys } from './filters';
import { pseudoHex } from '../common/hash';
import { SILENT, ShellProc, feedInput, parseSignal, type Proc } from './process';
import { FATAL } from '../common/sh/signals';
import { linked } from './links';

export const lifecycle = {
  /** Running or paused: it has a main process, an address and its ports. */
  isUp(this: Engine, c: Ctr): boolean {
    return c.status === 'running' || c.status === 'paused';
  },

  /** `byPolicy`: the restart policy starts it again; a start by hand begins its count afresh. */
  async containerStart(this: Engine, id: string, byPolicy = false): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (!byPolicy) Object.assign(c, { restarts: 0, backoff: 0, manual: false });
    const input = c.input;
    c.input = undefined;
    if (c.status === 'paused') throw new ApiError(409, 'cannot start a paused container, try unpause instead');
    if (this.isUp(c)) return;
    if (c.status === 'removing' || c.status === 'dead') throw new ApiError(409, `container is marked for removal and cannot be started`);
    // Published ports must be free on the host, per protocol and address; an empty host IP is
    // bound on both wildcards (0.0.0.0 and ::), an explicit one only on itself.
    const taken: Bound[] = [];
    for (const o of this.containers.values()) {
      if (o !== c && o.status !== 'exited' && o.status !== 'created') taken.push(...bindings(o.ports));
    }
    const busy = (want: Bound) => taken.some((t) => t.proto === want.proto && t.HostPort === want.HostPort && overlaps(t.HostIp, want.HostIp));
    // The host's, none and another container's network stack publish nothing.
    const mode = c.hostConfig.NetworkMode ?? 'bridge';
    const own = mode !== 'host' && mode !== 'none' && !mode.startsWith('container:');
    const wanted: PortMap = own ? { ...c.hostConfig.PortBindings } : {};
    // `-P`: every exposed port that `-p` did not bind gets a free host port.
    if (own && c.hostConfig.PublishAllPorts) for (const k in c.config.ExposedPorts) if (!wanted[k]?.length) wanted[k] = [{ HostIp: '', HostPort: '' }];
    const ports: PortMap = {};
    for (const [key, binds] of Object.entries(wanted)) {
      const proto = protoOf(key);
      ports[key] = (binds ?? []).flatMap((b) => {
        const ips = b.HostIp ? [b.HostIp] : ['0.0.0.0', '::'];
        const free = (port: number) => ips.every((ip) => !busy({ proto, HostIp: ip, HostPort: String(port) }));
        // No host port (or 0): the ephemeral range (ip_local_port_range); a range: its own. moby's port
        // allocator goes on after the last port it handed out in that range (a page reload, like
        // a daemon restart, starts afresh), so a restarted container gets a new port.
        const range = /^0*$/.test(b.HostPort) ? [32768, 60999] : /^(\d+)-(\d+)$/.exec(b.HostPort)?.slice(1).map(Number);
        let port = b.HostPort.split('-')[0];
        if (range) {
          const key = `${ips[0]}/${proto}/${range.join('-')}`;
          for (let i = 0, p = this.lastPort.get(key) ?? range[1]; i <= range[1] - range[0]; i++) {
            p = p >= range[1] ? range[0] : p + 1;
            if (free(p)) {
              port = String(p);
              this.lastPort.set(key, p);
              break;
            }
          }
        }
        return ips.map((ip) => {
          const bound = { proto, HostIp: ip, HostPort: port };
          if (busy(bound)) {
            throw this.startFailed(c, new ApiError(500, `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${pseudoHex('ep:' + c.id)}): Bind for ${ip.includes(':') ? `[${ip}]` : ip}:${port} failed: port is already allocated`));
          }
          taken.push(bound);
          return { HostIp: ip, HostPort: port };
        });
      });
    }
    c.fs = undefined;
    try {
      this.joinAll(c);
    } catch (e) {
      this.leaveAll(c);
      c.ip = '';
      throw e instanceof ApiError ? this.startFailed(c, e) : e;
    }
    c.ports = ports;
    this.volumeEvents(c, 'mount');
    let proc: Proc;
    try {
      // createSpec's setupLinkedContainers: a linked container still there must be running
      for (const [n, alias, ch] of linked(this, c)) if (!this.isUp(ch)) throw new ApiError(500, `Cannot link to a non running container: ${n} AS ${alias}`);
      // and its device requests (--gpus): this machine has no GPU driver to hand them to.
      const gpu = (c.hostConfig.DeviceRequests as { Driver: string; Capabilities: string[][] }[] | null)?.[0];
      if (gpu) throw new ApiError(400, `could not select device driver ${JSON.stringify(gpu.Driver)} with capabilities: [${gpu.Capabilities.map((a) => `[${a.join(' ')}]`).join(' ')}]`);
      const wd = c.config.WorkingDir;
      // moby creates the working directory, parents included, when it is missing.
      if (wd) {
        const fs = this.fsOf(c);
        let there;
        try {
          there = fs.resolve(wd).node;
        } catch { /* a missing parent */ }
        if (!there) fs.mkdir(wd, '/', true);
      }
      // every start is a new PID namespace
      c.nextPid = 7;
      proc = this.spawnMain(c, input);
    } catch (e) {
      c.ip = '';
      c.ports = {};
      this.leaveAll(c);
      throw e instanceof ApiError ? this.startFailed(c, e) : e;
    }
    if (c.procState) {
      proc.restore(c.procState);
      c.procState = undefined;
    }
    c.proc = proc;
    c.runs = (c.runs ?? 0) + 1;
    c.endpointId = this.rng.hex(64);
    this.nameEndpoints(c);
    c.status = 'running';
    c.pid = 4000 + this.rng.int(60000);
    c.startedAt = this.now();
    c.error = '';
    c.exitCode = 0;
    this.ctrEvent(c, 'start');
    this.startHealth(c);
    try {
      // nobody attached: a script runs on the clock (timeline.ts)
      await (c.sinks.size || input !== undefined ? proc.boot(this.out(c)) : this.bootDetached(c, proc));
    } catch (e) {
      // A server whose files were broken from inside the container dies like the real one.
      if (!(e instanceof FsError)) throw e;
      this.out(c).err(`${c.path}: ${e.path}: ${e.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory'}\n`);
      proc.exitCode = 1;
    }
    if (input !== undefined) await feedInput(proc, input, this.out(c));
    if (proc.exitCode !== null) this.finish(c, proc.exitCode);
    else this.logPrompt(c, proc);
  },

  /**
   * moby's containerStart on failure: the error is kept, the exit code is the runtime's or 128
   * when none was set, and a `--rm` container is removed.
   */
  startFailed(this: Engine, c: Ctr, e: ApiError): ApiError {
    c.error = e.message;
    c.exitCode = e.exitCode ?? (c.exitCode || 128);
    if (c.hostConfig.AutoRemove) this.destroy(c);
    return e;
  },

  async containerStop(this: Engine, id: string, opts: StopOptions = {}, wait?: Waiter): Promise<void> {
    this.tick();
    const c = this.get(id);
    try {
      const up = this.isUp(c);
      await this.stopCtr(c, opts, wait);
      if (up) this.ctrEvent(c, 'stop');
    } catch (e) {
      // moby's ContainerStop wraps what its containerStop returns; restart calls the latter.
      throw e instanceof ApiError ? new ApiError(e.status, `cannot stop container: ${id}: ${e.message}`) : e;
    }
  },

  /** moby's containerStop: a stopped container is left alone, whatever `-s` says. */
  async stopCtr(this: Engine, c: Ctr, opts: StopOptions, wait?: Waiter): Promise<void> {
    c.manual = true;
    // waiting to be started again by its policy: the stop cancels that
    if (c.status === 'restarting') c.status = 'exited';
    if (!this.isUp(c)) return;
    const given = opts.signal ? signalArg(opts.signal) : undefined;
    if (opts.signal && !given) throw new ApiError(400, `invalid signal: ${opts.signal}`);
    const sig = parseSignal(String(given)) ?? parseSignal(c.config.StopSignal ?? 'SIGTERM') ?? 15;
    const timeout = opts.timeout ?? c.config.StopTimeout ?? 10;
    const proc = c.proc!;
    this.ctrEvent(c, 'kill', { signal: String(sig) });
    await this.deliver(c, sig);
    if (!this.isUp(c)) return;
    const until = this.now() + timeout * 1000;
    while (this.now() < until && (c.status as string) !== 'exited' && !wait?.signal?.aborted) {
      await this.wait(wait, Math.min(1000, until - this.now()));
      if (proc.deadline !== undefined && proc.deadline <= this.now()) return this.tick();
    }
    if (this.isUp(c)) {
      this.ctrEvent(c, 'kill', { signal: '9' });
      this.finish(c, 137);
    }
  },

  async containerRestart(this: Engine, id: string, opts: StopOptions = {}, wait?: Waiter): Promise<void> {
    const c = this.get(id);
    const auto = c.hostConfig.AutoRemove;
    c.hostConfig.AutoRemove = false;
    try {
      const up = this.isUp(c);
      await this.stopCtr(c, opts, wait);
      if (up) this.ctrEvent(c, 'stop');
      await this.containerStart(c.id);
      this.ctrEvent(c, 'restart');
    } catch (e) {
      // moby's ContainerRestart wraps what goes wrong once the container is found.
      throw e instanceof ApiError ? new ApiError(e.status, `Cannot restart container ${id}: ${e.message}`, e.exitCode) : e;
    } finally {
      c.hostConfig.AutoRemove = auto;
    }
  },

  async containerKill(this: Engine, id: string, signal?: string): Promise<void> {
    this.tick();
    // The API route wraps every error of a kill, an unknown container's included.
    try {
      const n = signal ? signalArg(signal) : 9;
      if (!n) throw new ApiError(400, `invalid signal: ${signal}`);
      const sig = parseSignal(String(n));
      if (sig === undefined) throw new ApiError(400, `the linux daemon does not support signal ${n}`);
      const c = this.get(id);
      if (c.status === 'restarting') throw new ApiError(409, `Container ${c.id} is restarting, wait until the container is running`);
      if (!this.isUp(c)) throw new ApiError(409, `container ${c.id} is not running`);
      // SIGKILL or its stop signal ends the restart policy's care, as moby's ExitOnNext
      if (sig === 9 || sig === (parseSignal(c.config.StopSignal ?? 'SIGTERM') ?? 15)) c.manual = true;
      this.ctrEvent(c, 'kill', { signal: String(sig) });
      await this.deliver(c, sig);
    } catch (e) {
      throw e instanceof ApiError ? new ApiError(e.status, `cannot kill container: ${id}: ${e.message}`) : e;
    }
  },

  /**
   * moby's killWithSignal: a paused container is resumed after SIGKILL or its stop signal (any
   * signal when the image sets none), so `stop` and `kill` work on it; other signals wait in
   * the frozen cgroup until it is resumed.
   */
  async deliver(this: Engine, c: Ctr, sig: number): Promise<void> {
    if (c.status === 'paused') {
      const stop = c.config.StopSignal ? parseSignal(c.config.StopSignal) : undefined;
      if (sig !== 9 && stop !== undefined && stop !== sig) {
        (c.pending ??= []).push(sig);
        return;
      }
      this.resume(c);
    }
    if (!this.isUp(c)) return;
    const p = c.proc!;
    const code = p.signal(sig, this.out(c));
    if (code !== null) return this.finish(c, code);
    if (!p.acting) return;
    // an interactive shell's trap runs its action now: it may exit
    await p.acting;
    p.acting = undefined;
    if (p.exitCode !== null && this.isUp(c) && c.proc === p) this.finish(c, p.exitCode);
  },

  /**
   * A signal one process of the container sends another (`kill`, `nginx -s`). The namespace's
   * init gets only the signals it has a handler for: SIGKILL and SIGSTOP from inside never reach it.
   */
  signalInside(this: Engine, c: Ctr, pid: number, sig: number, from: number): boolean {
    const main = c.proc;
    if (!main || main.exitCode !== null || c.status !== 'running') return false;
    if (pid === main.pid || (pid === 1 && c.hostConfig.Init)) {
      if (pid === 1 && (sig === 9 || sig === 19)) return true;
      const code = main.signal(sig, this.out(c), from);
      if (code !== null) this.finish(c, code);
      return true;
    }
    const p = c.execs.find((e) => e.pid === pid && e.exitCode === null);
    if (p) {
      // not an init: the default action applies, but an interactive shell ignores TERM, INT and QUIT
      const code = p.signal(sig, p.log ?? SILENT, from) ?? (p.traps?.(sig) ? null : p instanceof ShellProc ? (sig === 1 ? 129 : null) : FATAL.includes(sig) ? 128 + sig : null);
      if (code !== null) p.exitCode = code;
      return true;
    }
    return this.machine(c).procs().some((x) => x.pid === pid);
  },

  /** Thaws a paused container: the signals sent while it was frozen arrive now. */
  resume(this: Engine, c: Ctr): void {
    c.status = 'running';
    // a script frozen in its sleep wakes from now on, not in the past
    for (const s of this.sleepers) if (s.c === c) s.at = Math.max(s.at, this.now());
    this.resumeHealth(c);
    const pending = c.pending ?? [];
    c.pending = undefined;
    for (const sig of pending) if (this.isUp(c)) void this.deliver(c, sig);
  },

  async containerPause(this: Engine, id: string): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (c.status === 'paused') throw new ApiError(409, `Container ${c.id} is already paused`);
    if (c.status !== 'running') throw new ApiError(409, `container ${c.id} is not running`);
    c.status = 'paused';
    this.stopHealth(c);
    this.ctrEvent(c, 'pause');
  },

  async containerUnpause(this: Engine, id: string): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (c.status !== 'paused') throw new ApiError(409, `Container ${c.id} is not paused`);
    this.resume(c);
    this.ctrEvent(c, 'unpause');
  },

  async containerRemove(this: Engine, id: string, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (!opts.force) {
      if (c.status === 'paused') throw new ApiError(409, `cannot remove container "${id}": container is paused and must be unpaused first`);
      if (c.status === 'running' || c.status === 'restarting') throw new ApiError(409, `cannot remove container "${id}": container is ${c.status}: stop the container before removing or force remove`);
    }
    if (this.isUp(c)) {
      c.hostConfig.AutoRemove = false;
      this.ctrEvent(c, 'kill', { signal: '9' });
      this.finish(c, 137);
    }
    this.destroy(c, !!opts.volumes);
  },

  async containerWait(this: Engine, id: string, wait?: Waiter): Promise<{ StatusCode: number } | null> {
    const c = this.containers.get(this.get(id).id)!;
    const t0 = this.now();
    for (;;) {
      this.tick();
      if (c.status === 'exited' || c.status === 'created' || !this.containers.has(c.id)) return { StatusCode: c.exitCode };
      if (wait?.signal?.aborted) return null;
      // a parked script's next round; without Ctrl+C, an hour of it at most
      const deadline = c.proc?.deadline ?? (wait?.signal || this.now() - t0 < 3600_000 ? this.sleepers.find((s) => s.p === c.proc)?.at : undefined);
      if (deadline === undefined && !wait?.signal) return null;
      await this.wait(wait, deadline !== undefined ? Math.max(0, Math.min(1000, deadline - this.now())) || 1 : 250);
    }
  },

  async containersPrune(this: Engine, filters: Record<string, string[]> = {}): Promise<ContainersPruneReport> {
    this.tick();
    validateKeys(filters, ['label', 'label!', 'until']);
    const until = pruneUntil(filters, this.now());
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const c of [...this.containers.values()]) {
      if (c.status !== 'exited' && c.status !== 'created' && c.status !== 'dead') continue;
      if (c.created > until || !pruneLabels(filters, c.config.Labels)) continue;
      reclaimed += treeSize(c.upper);
      this.destroy(c);
      deleted.push(c.id);
    }
    this.emit('container', 'prune', '', { reclaimed: String(reclaimed) });
    return { ContainersDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed };
  },
};

/** moby/sys ParseSignal's reading of `-s`: any number (a sign allowed, 0 refused later) or a known name. */
function signalArg(s: string): number | undefined {
  return /^[-+]?\d+$/.test(s) ? +s : parseSignal(s);
}

type Bound = { proto: string; HostIp: string; HostPort: string };

/** The host addresses a container's published ports hold. */
function bindings(ports: PortMap): Bound[] {
  return Object.entries(ports).flatMap(([key, binds]) => (binds ?? []).map((b) => ({ proto: protoOf(key), ...b })));
}

function protoOf(key: string): string {
  return key.slice(key.indexOf('/') + 1) || 'tcp';
}

/** Two bindings clash when one is the wildcard of the other's family, or both are the same address. */
function overlaps(a: string, b: string): boolean {
  if (a === b) return true;
  const v6 = (ip: string) => ip.includes(':');
  if (v6(a) !== v6(b)) return false;
  return a === '0.0.0.0' || a === '::' || b === '0.0.0.0' || b === '::';
}
