/**
 * The daemon's core: the stores, the clock, and what every part needs about a container (its
 * filesystem, its machine, where its output goes, how it ends). The API's operations live in
 * files named for what they do and are added to this class below, so the class stays the one
 * object the client talks to while each file stays small.
 */
import { ApiError, type Clock, type ContainerInspect, type ContainerStateName, type DockerApi, type EngineState, type HostConfig, type LogEntry, type MountPoint, type Names, type PortMap, type Waiter } from '../api';
import type { Fs } from '../common/sh/fs';
import type { TermIO } from '../shell';
// first: the programs and servers it brings lie in the bundle where they gzip smallest
import { mainProcess } from './main-process';
import { attaching } from './attach';
import { committing } from './commit';
import { copying } from './copy';
import { inspecting } from './container-inspect';
import { listing } from './container-list';
import { execing } from './exec';
import { MountDir, Overlay, byteLength, newDir, newFile, type DirNode, type FileNode, type LinkNode, type Node } from './fs';
import { imageApi } from './image-api';
import type * as imgs from './images';
import { lifecycle } from './lifecycle';
import { net } from './network';
import { builtinNetworks, containerNets, networking, type Ep, type Net } from './networks';
import { renaming } from './rename';
import { statting } from './stats';
import { topping } from './top';
import { archiving } from './archive-images';
import { pushing, type Pushed } from './push';
import { searching } from './search';
import { mounting } from './mounts';
import { volumes, type Vol } from './volumes';
import { ShellProc, type Proc } from './process';
import { procfs, sysfs } from './procfs';
import type { Random } from './random';
import type { Machine, Out } from './shell/types';
import { COMMANDS } from './shell/commands';
import { ImageStore, LayerStore } from './store';
import { KERNEL, system } from './system';
import { eventing, type Ev } from './events';
import { updating } from './update';
import { swarming } from './swarm';
import { extraHost, hostsFile } from './etc-files';
import { linkAddr, linkHosts } from './links';
import { ifacesOf } from './interfaces';
import { healthChecks, type Health } from './health';
import { backgrounding } from './background';
import { earliest, timeline, type Sleeper } from './timeline';
// last, for the same reason
import { create } from './container-create';

export interface Ctr {
  id: string;
  name: string;
  created: number;
  image: string;
  imageRef: string;
  path: string;
  args: string[];
  config: ContainerInspect['Config'];
  hostConfig: HostConfig;
  status: ContainerStateName;
  pid: number;
  exitCode: number;
  error: string;
  startedAt: number;
  finishedAt: number;
  upper: DirNode;
  /** Chain ID of the image's top layer, held by this container's RW layer. */
  top: string | null;
  ip: string;
  ports: PortMap;
  logs: LogEntry[];
  nextPid: number;
  /** Network endpoint and sandbox of the current run. */
  endpointId?: string;
  sandboxId?: string;
  /** The writable layer's overlay2 directory name, made once. */
  layerId?: string;
  /** How many times it was started: attach handles follow one run. */
  runs?: number;
  /** The running main process (runtime only). */
  proc?: Proc;
  execs: Proc[];
  sinks: Set<Sink>;
  fs?: Overlay;
  procState?: unknown;
  /** Signals sent while paused, delivered when it is resumed. */
  pending?: number[];
  /** True while `docker run --rm` waits for it to end. */
  autoRemoved?: boolean;
  /** Its endpoints, by network name (absent in state saved before networks: the bridge). */
  nets?: Record<string, Ep>;
  /** Volumes, binds and tmpfs mounts, as inspect shows them. */
  mounts?: MountPoint[];
  /** State.Health while it has a healthcheck (health.ts). */
  health?: Health;
  /** A piped stdin attached before the start, for the next run's process (runtime only). */
  input?: string;
  /** The restart policy's state (moby's restart manager): restarts so far, the last wait, and a stop by hand that ends it. */
  restarts?: number;
  backoff?: number;
  manual?: boolean;
  /** Its main process is a script parked on the clock (timeline.ts). */
  clocked?: boolean;
}

export interface Sink { io: TermIO }

/**
 * The init layer of a container: /.dockerenv and /etc (for the files the runtime bind-mounts)
 * made when it is created, and the filesystems runc mounts at each start as `ls -l /` shows
 * them: /dev a tmpfs (340 bytes, 5 links), /proc (a link per process of the host) and /sys.
 */
const DEVICES: [string, number, number][] = [['full', 1, 7], ['null', 1, 3], ['random', 1, 8], ['tty', 5, 0], ['urandom', 1, 9], ['zero', 1, 5]];
const DEV_LINKS = [['core', '/proc/kcore'], ['fd', '/proc/self/fd'], ['ptmx', 'pts/ptmx'], ['stderr', '/proc/self/fd/2'], ['stdin', '/proc/self/fd/0'], ['stdout', '/proc/self/fd/1']];

/** A file the runtime writes at each start, its text made when first read (most never are). */
class LazyFile implements FileNode {
  readonly kind = 'file';
  mode = 0o644;
  private text?: string;
  private bytes?: number;
  constructor(private make: () => string, public mtime: number) {}
  get data(): string {
    return (this.text ??= this.make());
  }
  set data(v: string) {
    this.text = v;
  }
  get size(): number {
    return (this.bytes ??= byteLength(this.data));
  }
  set size(v: number) {
    this.bytes = v;
  }
}

/** A device node of /dev: made at each start, dated by it. */
class Device implements FileNode {
  readonly kind = 'file';
  size = 0;
  data = '';
  mode = 0o666;
  constructor(public rdev: [number, number], private time: () => number) {}
  get mtime(): number {
    return this.time();
  }
  set mtime(_t: number) { /* the start's */ }
}

class DevLink implements LinkNode {
  readonly kind = 'link';
  constructor(public target: string, private time: () => number) {}
  get mtime(): number {
    return this.time();
  }
  set mtime(_t: number) { /* the start's */ }
}

function initLayer(c: Ctr, procs: () => number, machine: () => Machine): DirNode {
  const d = newDir(c.created);
  // mounted afresh at each start
  const started = () => c.startedAt || c.created;
  const mount = (name: string, mode: number, size: number, links: () => number, fill?: (kids: Map<string, Node>) => void) => d.children.set(name, new MountDir(mode, size, links, started, fill));
  d.children.set('.dockerenv', newFile('', c.created, 0o755));
  d.children.set('etc', newDir(c.created));
  // The devices and links runc makes in the container's /dev, dated at the start like the mount.
  mount('dev', 0o755, 340, () => 5, (dev) => {
    for (const [name, major, minor] of DEVICES) dev.set(name, new Device([major, minor], started));
    for (const [name, target] of DEV_LINKS) dev.set(name, new DevLink(target, started));
    dev.set('pts', new MountDir(0o755, 0, () => 2, started));
    for (const name of ['mqueue', 'shm']) dev.set(name, new MountDir(0o1777, 40, () => 2, started));
  });
  d.children.set('proc', procfs(machine, started, procs));
  d.children.set('sys', sysfs(() => c.hostConfig, machine, started));
  return d;
}

export class Engine implements DockerApi {
  layers = new LayerStore();
  images = new ImageStore();
  /** The daemon's event buffer (the last 256). */
  events: Ev[] = [];
  containers = new Map<string, Ctr>();
  /** The port allocator's last port per address, protocol and range. */
  lastPort = new Map<string, number>();
  /** Docker Hub's pushed tags (`user/repo:tag`). */
  hub = new Map<string, Pushed>();
  volumes = new Map<string, Vol>();
  /** The machine's files (bind mount sources). */
  host?: Fs;

  /** The networks by ID, the daemon's own made with the engine. */
  nets: Map<string, Net>;
  /** The healthcheck probes being run (health.ts). */
  probing?: Promise<void>;
  /** Scripts of detached processes parked in a `sleep` until the clock gets there (timeline.ts). */
  sleepers: Sleeper[] = [];
  /** Scripts a loaded session starts again, until they first park. */
  reviving?: Promise<void>;

  constructor(public rng: Random, public clock: Clock, public seed: number | undefined) {
    this.nets = builtinNetworks(seed, clock.now());
  }

  // ------------------------------------------------------------------ internals
  now(): number {
    return this.pinned ?? this.clock.now();
  }
  /** The time a woken script runs at, while it runs (timeline.ts). */
  pinned?: number;
  advance(ms: number): void | Promise<void> {
    // the parked scripts due in the meantime run first, each at its time
    if (!ms && !this.sleepers.length && !this.reviving) return;
    if (this.sleepers.length || this.reviving) {
      const to = this.now() + ms;
      return this.wake(to).then(() => this.moved(to - this.now())).then(() => this.settle());
    }
    this.moved(ms);
    // a process that ended on its time may leave a restart due already
    if (this.sleepers.length) return this.settle();
  }
  /** The restarts that came due while the clock moved (a process that ended on its time), each at its time. */
  private async settle(): Promise<void> {
    for (let k = 0; k < 100; k++) {
      const now = this.now();
      const due = earliest(this.sleepers, (s) => !s.p && s.at <= now && s.c.status === 'restarting');
      if (!due) return;
      await this.runSleeper(due, due.at);
      this.tick();
    }
  }
  private moved(ms: number): void {
    this.clock.advance(ms);
    this.tick();
    // The probes that came due run now; whoever looks at health waits for them.
    void this.healthProbes();
  }

  /** Ends the processes whose time has come (`sleep 5` as PID 1). */
  tick(): void {
    for (const c of this.containers.values()) {
      if (c.status === 'running' && c.proc?.deadline !== undefined && c.proc.deadline <= this.now()) {
        c.proc.exitCode = 0;
        this.finish(c, 0, c.proc.deadline);
      }
    }
  }

  /** The engine is what the image operations work on (kept as a method for their callers). */
  hostApi(): imgs.ImageHost {
    return this;
  }

  /** Containers' image IDs and whether they run (image removal conflicts). */
  usage(): { id: string; image: string; running: boolean }[] {
    return [...this.containers.values()].map((c) => ({ id: c.id, image: c.image, running: c.status === 'running' || c.status === 'paused' || c.status === 'restarting' }));
  }

  /** `poll`: a loop that looks again (a client in the background then looks at every prompt); a process's own sleep does not. */
  async wait(w: Waiter | undefined, ms: number, poll = true): Promise<void> {
    if (w?.park) return w.park(ms, poll);
    const to = this.now() + ms;
    if (w) await w.sleep(ms);
    if (this.sleepers.length || this.reviving) await this.wake(to);
    this.clock.advance(to - this.now());
    if (this.sleepers.length) await this.settle();
  }

  /** moby `GetContainer`: full ID, name, unique ID prefix. */
  get(input: string): Ctr {
    if (!input) throw new ApiError(400, 'No container name or ID supplied');
    const all = [...this.containers.values()];
    const found = this.containers.get(input) ?? all.find((c) => c.name === input.replace(/^\//, ''));
    if (found) return found;
    const matches = /^[0-9a-f]+$/.test(input) ? all.filter((c) => c.id.startsWith(input)) : [];
    // moby's ErrAmbiguousPrefix is an invalid parameter (400), not a missing container.
    if (matches.length > 1) throw new ApiError(400, `multiple IDs found with provided prefix: ${input}`);
    if (matches.length) return matches[0];
    throw new ApiError(404, `No such container: ${input}`);
  }

  fsOf(c: Ctr): Overlay {
    if (!c.fs) {
      // procfs counts the host's processes: a base system and those of the running containers
      const INIT = initLayer(c, () => [...this.containers.values()].reduce((n, k) => n + (k.status === 'running' ? 1 + k.execs.length : 0), 180), () => this.machine(c));
      const mounts = new Map<string, FileNode>([
        ['/etc/hostname', newFile(c.config.Hostname + '\n', c.created)],
        ['/etc/hosts', new LazyFile(() => hostsFile(c, linkHosts(this, c)), c.created)],
        ['/etc/resolv.conf', new LazyFile(() => this.resolvConf(c), c.created)],
      ]);
      c.fs = new Overlay(c.upper, [INIT, ...this.layers.trees(c.top)], () => this.now(), mounts);
      if (c.mounts?.length || c.hostConfig.Tmpfs || c.hostConfig.ReadonlyRootfs) this.mountInto(c, c.fs);
    }
    return c.fs;
  }

  machine(c: Ctr): Machine {
    const self = this;
    return {
      fs: this.fsOf(c),
      commands: COMMANDS,
      random: () => this.rng.int(32768),
      hostname: c.config.Hostname,
      ip: c.ip || '172.17.0.2',
      now: () => this.now(),
      kernel: KERNEL,
      procs: () => [c.proc, ...c.execs].filter((p): p is Proc => !!p && p.exitCode === null)
        // an exec'd process's parent (the shim) is outside the namespace: the kernel shows 0; the main one under --init is docker-init's
        .flatMap((p) => [{ pid: p.pid, ppid: p.ppid ?? (p === c.proc && p.pid !== 1 ? 1 : 0), argv: p.title ?? p.argv, tty: p.tty, start: p.start, user: p.user, env: p.env, ports: p.ports?.() }, ...(p.children?.() ?? [])])
        .concat(this.initProc(c))
        .sort((a, b) => a.pid - b.pid)
        // an orphan (its shell ended) is reparented to the namespace's init
        .map((p, _, all) => (p.ppid > 1 && !all.some((q) => q.pid === p.ppid) ? { ...p, ppid: 1 } : p)),
      newPid: () => c.nextPid++,
      http: (host, port, path, client) => this.http(c, host, port, path, client),
      resolve: (host) => extraHost(c, host) ?? linkAddr(this, c, host) ?? this.lookup(c, host),
      signal: (pid, sig, from) => this.signalInside(c, pid, sig, from),
      background(argv, out, env, cwd, ppid) {
        return self.background(c, this, argv, out, env, cwd, ppid);
      },
      job: (argv, body, out, ppid) => this.job(c, this.machine(c), argv, body, out, ppid),
      get online() {
        return self.online(c);
      },
      ifaces: () => ifacesOf(this, c),
    };
  }

  /** What the main process writes: the logs and every attached terminal. */
  out(c: Ctr): Out {
    const write = (stream: 'stdout' | 'stderr', text: string) => {
      if (!text) return;
      // A TTY merges the streams, and its line discipline (onlcr) ends lines with \r\n.
      c.logs.push(c.config.Tty ? { stream: 'stdout', text: text.replace(/\r?\n/g, '\r\n'), time: this.now() } : { stream, text, time: this.now() });
      for (const s of c.sinks) (stream === 'stdout' || c.config.Tty ? s.io.out : s.io.err).call(s.io, text);
    };
    return {
      out: (t) => write('stdout', t),
      err: (t) => write('stderr', t),
      sleep: async (ms) => {
        const s = [...c.sinks][0];
        await this.wait(s?.io, ms, false);
      },
      signal: [...c.sinks][0]?.io.signal,
      rows: [...c.sinks][0]?.io.rows,
    };
  }

  /** The main process ended: the container stops (and goes away with `--rm`). */
  finish(c: Ctr, code: number, at = this.now()): void {
    const p = c.proc;
    // An interactive bash saves its history in ~/.bash_history, busybox ash in ~/.ash_history (dash keeps none)
    const history = p instanceof ShellProc ? p.history() : [];
    const top = p instanceof ShellProc ? p.stack[0] : undefined;
    if (top && c.config.Tty && history.length && top.flavor !== 'dash') {
      const home = (top.getVar('HOME') ?? '/root').replace(/\/$/, '');
      try {
        this.fsOf(c).writeFile(`${home}/.${top.flavor}_history`, history.join('\n') + '\n', '/', true);
      } catch { /* read-only or gone */ }
    }
    for (const e of c.execs) e.exitCode ??= 137;
    c.execs = [];
    c.proc = undefined;
    c.pending = undefined;
    c.status = 'exited';
    c.exitCode = code;
    c.finishedAt = at;
    c.pid = 0;
    c.ip = '';
    c.ports = {};
    c.fs = undefined;
    c.sinks.clear();
    this.stopHealth(c);
    this.ctrEvent(c, 'die', { execDuration: String(Math.floor((at - c.startedAt) / 1000)), exitCode: String(code) }, at);
    // Cleanup, after the die event: the network endpoints, then the volumes.
    this.leaveAll(c);
    this.volumeEvents(c, 'unmount');
    if (c.hostConfig.AutoRemove) this.destroy(c);
    else this.planRestart(c, code, at);
  }

  /** Removes the container; with `volumes` (`rm -v`, `--rm`) its anonymous volumes too. */
  destroy(c: Ctr, volumes = !!c.hostConfig.AutoRemove): void {
    if (!this.containers.has(c.id)) return;
    this.containers.delete(c.id);
    if (volumes) this.dropVolumes(c);
    this.layers.release(c.top);
    c.status = 'removing';
    this.ctrEvent(c, 'destroy');
  }

  /** What completion offers: tags (and `latest` ones without it), container names and IDs, networks, volumes. */
  names(): Names {
    const tags = [...this.images.refs.keys()].filter((r) => !r.includes('@'));
    return {
      images: [...new Set(tags.flatMap((t) => (t.endsWith(':latest') ? [t, t.slice(0, -7)] : [t])))].sort(),
      containers: [...this.containers.values()].flatMap((c) => [c.name, c.id.slice(0, 12)]),
      networks: [...this.nets.values()].map((n) => n.name),
      volumes: [...this.volumes.keys()],
    };
  }

  save(): EngineState {
    return saveState(this);
  }
}

// Events, update, and what a single engine in no swarm answers (events.ts, update.ts, swarm.ts).
type SysOps = typeof eventing & typeof updating & typeof swarming;
export interface Engine extends SysOps {}
Object.assign(Engine.prototype, eventing, updating, swarming);

// Filled in by state.ts (kept apart so the engine file stays about behaviour).
let saveState: (e: Engine) => EngineState = () => {
  throw new Error('state module not loaded');
};
export function setSaver(fn: (e: Engine) => EngineState): void {
  saveState = fn;
}

type Ops = typeof attaching & typeof committing & typeof copying & typeof create & typeof inspecting & typeof listing & typeof execing &
  typeof imageApi & typeof lifecycle & typeof mainProcess & typeof net & typeof renaming & typeof statting & typeof system & typeof topping &
  typeof archiving & typeof pushing & typeof searching & typeof volumes & typeof mounting;
// The operations above become methods of Engine (declaration merging types them).
export interface Engine extends Ops {}
Object.assign(Engine.prototype, attaching, committing, copying, create, inspecting, listing, execing, imageApi, lifecycle, mainProcess, net, renaming, statting, system, topping);
Object.assign(Engine.prototype, archiving, pushing, searching, volumes, mounting);

// Healthchecks (health.ts).
export interface Engine extends HealthOps {}
type HealthOps = typeof healthChecks;
Object.assign(Engine.prototype, healthChecks);

// Networks and the containers' endpoints on them (networks.ts).
type NetOps = typeof networking & typeof containerNets;
export interface Engine extends NetOps {}
Object.assign(Engine.prototype, networking, containerNets);

// Processes shells leave running (background.ts).
export interface Engine extends BgOps {}
type BgOps = typeof backgrounding;
Object.assign(Engine.prototype, backgrounding);

// Detached scripts on the simulated clock (timeline.ts).
export interface Engine extends TimeOps {}
type TimeOps = typeof timeline;
Object.assign(Engine.prototype, timeline);
