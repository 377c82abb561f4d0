/**
 * The daemon: containers and their lifecycle on top of the image store, behind the API.
 */
import {
  ApiError, type BuildContext, type BuildOptions, type Clock, type CommitOptions, type ContainerCreateConfig,
  type ContainerCreateResponse, type ContainerInspect, type ContainerListOptions, type ContainerStateName,
  type ContainerSummary, type ContainersPruneReport, type DockerApi, type EndpointSettings, type EngineState,
  type ExecConfig, type FilesystemChange, type HistoryResponseItem, type HostConfig, type ImageConfig,
  type ImageDeleteResponseItem, type ImageInspect, type ImageListOptions, type ImageSummary, type ImagesPruneReport,
  type LogEntry, type LogsOptions, type OnMessage, type Port, type PortMap, type ProcessHandle, type StopOptions,
  type SystemDf, type SystemInfo, type SystemVersion, type Waiter,
} from '../api';
import type { TermIO } from '../shell';
import { build } from './build';
import { rfc3339 } from './clock';
import { FsError, Overlay, newDir, newFile, cloneTree, treeSize, type DirNode, type FileNode } from './fs';
import { digest, short } from './hash';
import * as imgs from './images';
import { randomName, VALID_NAME } from './names';
import { Hello, Httpd, Mysqld, Nginx, NodeApp, OneShot, Repl, ShellProc, parseSignal, type Proc } from './process';
import { npmScript } from './shell/node';
import type { Random } from './random';
import { parseReference } from './reference';
import { Shell, flavorAt } from './shell/sh';
import type { HttpReply, Machine, Out } from './shell/types';
import { ImageStore, LayerStore, diffIdOf, imageConfigJSON, chainOf, type Image } from './store';

export const KERNEL = '6.8.0-60-generic';
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

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
  /** How many times it was started: attach handles follow one run. */
  runs?: number;
  /** The running main process (runtime only). */
  proc?: Proc;
  execs: Proc[];
  sinks: Set<Sink>;
  fs?: Overlay;
  procState?: unknown;
  /** True while `docker run --rm` waits for it to end. */
  autoRemoved?: boolean;
}

interface Sink { io: TermIO }

/** The init layer every container gets: /.dockerenv and the files the runtime bind-mounts. */
const INIT = (() => {
  const d = newDir(0);
  d.children.set('.dockerenv', newFile('', 0, 0o755));
  return d;
})();

export class Engine implements DockerApi {
  layers = new LayerStore();
  images = new ImageStore();
  containers = new Map<string, Ctr>();

  constructor(public rng: Random, public clock: Clock, public seed: number | undefined) {}

  // ------------------------------------------------------------------ internals
  now(): number {
    return this.clock.now();
  }
  advance(ms: number): void {
    this.clock.advance(ms);
    this.tick();
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

  hostApi(): imgs.ImageHost {
    return {
      layers: this.layers,
      images: this.images,
      now: () => this.now(),
      usage: () => [...this.containers.values()].map((c) => ({ id: c.id, image: c.image, running: c.status === 'running' || c.status === 'paused' || c.status === 'restarting' })),
    };
  }

  async wait(w: Waiter | undefined, ms: number): Promise<void> {
    if (w) await w.sleep(ms);
    this.clock.advance(ms);
  }

  /** moby `GetContainer`: full ID, name, unique ID prefix. */
  get(input: string): Ctr {
    if (!input) throw new ApiError(400, 'No container name or ID supplied');
    const byId = this.containers.get(input);
    if (byId) return byId;
    const name = input.replace(/^\//, '');
    for (const c of this.containers.values()) if (c.name === name) return c;
    const matches = /^[0-9a-f]+$/.test(input) ? [...this.containers.values()].filter((c) => c.id.startsWith(input)) : [];
    if (matches.length > 1) throw new ApiError(404, `multiple IDs found with provided prefix: ${input}`);
    if (matches.length === 1) return matches[0];
    throw new ApiError(404, `No such container: ${input}`);
  }

  fsOf(c: Ctr): Overlay {
    if (!c.fs) {
      const mounts = new Map<string, FileNode>([
        ['/etc/hostname', newFile(c.config.Hostname + '\n', c.created)],
        ['/etc/hosts', newFile(`127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${c.ip ? `${c.ip}\t${c.config.Hostname}\n` : ''}`, c.created)],
        ['/etc/resolv.conf', newFile('# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4\nsearch .\n\n# Based on host file: \'/etc/resolv.conf\' (legacy)\n# Overrides: []\n', c.created)],
      ]);
      c.fs = new Overlay(c.upper, [INIT, ...this.layers.trees(c.top)], () => this.now(), mounts);
    }
    return c.fs;
  }

  machine(c: Ctr): Machine {
    return {
      fs: this.fsOf(c),
      hostname: c.config.Hostname,
      ip: c.ip || '172.17.0.2',
      now: () => this.now(),
      kernel: KERNEL,
      procs: () => [c.proc, ...c.execs].filter((p): p is Proc => !!p && p.exitCode === null).map((p) => ({ pid: p.pid, ppid: p.pid === 1 ? 0 : 1, argv: p.argv, tty: p.tty, start: p.start })),
      newPid: () => c.nextPid++,
      http: (host, port, path) => this.http(c, host, port, path),
    };
  }

  /** A GET inside the bridge network: localhost, container IPs, the gateway's published ports. */
  private http(from: Ctr, host: string, port: number, path: string): HttpReply | null {
    let target: Ctr | undefined;
    let p = port;
    if (host === 'localhost' || host === '127.0.0.1' || host === from.config.Hostname) target = from;
    else if (host === '172.17.0.1' || host === 'host.docker.internal') {
      target = [...this.containers.values()].find((c) => c.status === 'running' && Object.entries(c.ports).some(([k, b]) => b?.some((x) => Number(x.HostPort) === port) && (p = Number(k.split('/')[0])) > 0));
    } else target = [...this.containers.values()].find((c) => c.status === 'running' && c.ip === host);
    if (!target || target.status !== 'running') return null;
    if (port === 0) return { status: 0, body: '', server: '' };
    const proc = target.proc;
    if (proc instanceof NodeApp) return proc.port === p ? { status: 200, body: proc.body, server: '' } : null;
    const root = proc instanceof Nginx ? '/usr/share/nginx/html' : proc instanceof Httpd ? '/usr/local/apache2/htdocs' : null;
    if (!root || p !== 80) return null;
    const fs = this.fsOf(target);
    const server = proc instanceof Nginx ? 'nginx/1.27.5' : 'Apache/2.4.63 (Unix)';
    try {
      const file = path.endsWith('/') ? path + 'index.html' : path;
      return { status: 200, body: fs.readFile(root + file), server };
    } catch {
      return {
        status: 404, server,
        body: proc instanceof Nginx
          ? '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n'
          : '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
      };
    }
  }

  /** What the main process writes: the logs and every attached terminal. */
  private out(c: Ctr): Out {
    const write = (stream: 'stdout' | 'stderr', text: string) => {
      if (!text) return;
      c.logs.push({ stream: c.config.Tty ? 'stdout' : stream, text, time: this.now() });
      for (const s of c.sinks) (stream === 'stdout' || c.config.Tty ? s.io.out : s.io.err).call(s.io, text);
    };
    return {
      out: (t) => write('stdout', t),
      err: (t) => write('stderr', t),
      sleep: async (ms) => {
        const s = [...c.sinks][0];
        await this.wait(s?.io, ms);
      },
      signal: [...c.sinks][0]?.io.signal,
    };
  }

  // ------------------------------------------------------------------ system
  async ping(): Promise<'OK'> {
    return 'OK';
  }

  async version(): Promise<SystemVersion> {
    return {
      Platform: { Name: 'Docker Engine - Community' },
      Components: [
        { Name: 'Engine', Version: '28.2.2', Details: { ApiVersion: '1.50', Arch: 'amd64', BuildTime: '2025-05-30T12:07:14.000000000+00:00', Experimental: 'false', GitCommit: '45873be', GoVersion: 'go1.24.3', KernelVersion: KERNEL, MinAPIVersion: '1.24', Os: 'linux' } },
        { Name: 'containerd', Version: '1.7.27', Details: { GitCommit: '05044ec0a9a75232cad458027ca83437aae3f4da' } },
        { Name: 'runc', Version: '1.2.5', Details: { GitCommit: 'v1.2.5-0-g59923ef' } },
        { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: 'de40ad0' } },
      ],
      Version: '28.2.2', ApiVersion: '1.50', MinAPIVersion: '1.24', GitCommit: '45873be', GoVersion: 'go1.24.3',
      Os: 'linux', Arch: 'amd64', KernelVersion: KERNEL, BuildTime: '2025-05-30T12:07:14.000000000+00:00',
    };
  }

  async info(): Promise<SystemInfo> {
    this.tick();
    const cs = [...this.containers.values()];
    const running = cs.filter((c) => c.status === 'running').length;
    const paused = cs.filter((c) => c.status === 'paused').length;
    return {
      ID: '7b1c8d2e-4f3a-4b6c-9d0e-1f2a3b4c5d6e', Containers: cs.length, ContainersRunning: running, ContainersPaused: paused,
      ContainersStopped: cs.length - running - paused, Images: this.images.images.size, Driver: 'overlay2',
      DriverStatus: [['Backing Filesystem', 'extfs'], ['Supports d_type', 'true'], ['Using metacopy', 'false'], ['Native Overlay Diff', 'true'], ['userxattr', 'false']],
      Plugins: { Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null, Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'] },
      MemoryLimit: true, SwapLimit: true, CpuCfsPeriod: true, CpuCfsQuota: true, CPUShares: true, CPUSet: true, PidsLimit: true,
      IPv4Forwarding: true, Debug: false, NFd: 24 + running * 3, OomKillDisable: false, NGoroutines: 41 + running * 6,
      SystemTime: rfc3339(this.now()), LoggingDriver: 'json-file', CgroupDriver: 'systemd', CgroupVersion: '2', NEventsListener: 0,
      KernelVersion: KERNEL, OperatingSystem: 'Ubuntu 24.04.2 LTS', OSVersion: '24.04', OSType: 'linux', Architecture: 'x86_64',
      IndexServerAddress: 'https://index.docker.io/v1/', NCPU: 4, MemTotal: 8324673536, DockerRootDir: '/var/lib/docker',
      HttpProxy: '', HttpsProxy: '', NoProxy: '', Name: 'aula', Labels: [], ExperimentalBuild: false, ServerVersion: '28.2.2',
      DefaultRuntime: 'runc', Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } }, LiveRestoreEnabled: false,
      Isolation: '', InitBinary: 'docker-init', ContainerdCommit: { ID: '05044ec0a9a75232cad458027ca83437aae3f4da' },
      RuncCommit: { ID: 'v1.2.5-0-g59923ef' }, InitCommit: { ID: 'de40ad0' }, SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'], Warnings: null,
    };
  }

  async systemDf(): Promise<SystemDf> {
    this.tick();
    const imgsList = await this.imageList({ all: true });
    const counts = new Map<string, number>();
    for (const c of this.containers.values()) counts.set(c.image, (counts.get(c.image) ?? 0) + 1);
    // Shared size: bytes of layers also used by another image.
    const users = new Map<string, number>();
    for (const img of this.images.images.values()) for (const l of this.layers.chain(img.top)) users.set(l.chainId, (users.get(l.chainId) ?? 0) + 1);
    const Images = imgsList.map((s) => {
      const img = this.images.images.get(s.Id)!;
      const shared = this.layers.chain(img.top).filter((l) => (users.get(l.chainId) ?? 0) > 1).reduce((a, l) => a + l.size, 0);
      return { ...s, SharedSize: shared, Containers: counts.get(s.Id) ?? 0 };
    });
    let layersSize = 0;
    for (const l of this.layers.layers.values()) layersSize += l.size;
    return { LayersSize: layersSize, Images, Containers: await this.containerList({ all: true, size: true }), Volumes: [], BuildCache: [] };
  }

  // ------------------------------------------------------------------ images
  async imageList(opts: ImageListOptions = {}): Promise<ImageSummary[]> {
    const h = this.hostApi();
    const f = opts.filters ?? {};
    const out: ImageSummary[] = [];
    for (const img of this.images.images.values()) {
      const tags = this.images.tags(img.id);
      const intermediate = !tags.length && this.images.children(img.id).length > 0;
      if (intermediate && !opts.all) continue;
      const dangling = !tags.length && !this.images.digests(img.id).length;
      if (f.dangling?.length) {
        const want = f.dangling.some((v) => v === 'true' || v === '1');
        if (want !== (dangling && !intermediate)) continue;
      }
      if (f.reference?.length) {
        const matched = tags.filter((t) => f.reference.some((p) => refMatch(p, t)));
        if (!matched.length) continue;
        out.push({ ...imgs.imageSummary(h, img), RepoTags: matched });
        continue;
      }
      if (f.label?.length && !f.label.every((l) => {
        const [k, v] = l.split('=');
        const labels = img.config.Labels ?? {};
        return v === undefined ? k in labels : labels[k] === v;
      })) continue;
      out.push(imgs.imageSummary(h, img));
    }
    return out.sort((a, b) => b.Created - a.Created || (a.Id < b.Id ? -1 : 1));
  }

  async imagePull(ref: string, onMessage: OnMessage, opts: { signal?: AbortSignal } = {}): Promise<void> {
    await imgs.pull(this.hostApi(), ref, onMessage, opts.signal);
  }

  async imageInspect(ref: string): Promise<ImageInspect> {
    return imgs.inspectImage(this.hostApi(), imgs.getImage(this.hostApi(), ref));
  }

  async imageHistory(ref: string): Promise<HistoryResponseItem[]> {
    return imgs.history(this.hostApi(), imgs.getImage(this.hostApi(), ref));
  }

  async imageTag(source: string, target: string): Promise<void> {
    const img = imgs.getImage(this.hostApi(), source);
    const ref = parseReference(target);
    if (ref.digest) throw new ApiError(400, 'refusing to create a tag with a digest reference');
    imgs.setTag(this.hostApi(), `${ref.name}:${ref.tag ?? 'latest'}`, img);
  }

  async imageRemove(ref: string, opts: { force?: boolean; noprune?: boolean } = {}): Promise<ImageDeleteResponseItem[]> {
    return imgs.removeImage(this.hostApi(), ref, !!opts.force, !opts.noprune);
  }

  async imagesPrune(opts: { all?: boolean } = {}): Promise<ImagesPruneReport> {
    const r = imgs.pruneImages(this.hostApi(), !!opts.all);
    return { ImagesDeleted: r.deleted.length ? r.deleted : null, SpaceReclaimed: r.reclaimed };
  }

  async imageBuild(context: BuildContext, opts: BuildOptions, onMessage: OnMessage): Promise<{ Id: string }> {
    return build(this, context, opts, onMessage);
  }

  /** Adds an image made locally (commit, build) on top of `parent`, sharing identical layers. */
  addLocalImage(parent: Image | null, upper: DirNode | null, config: ImageConfig, createdBy: string, extra: { comment?: string; author?: string; created?: number; emptyLayer?: boolean } = {}): Image {
    const created = extra.created ?? this.now();
    let top = parent?.top ?? null;
    const diffIds = [...(parent?.diffIds ?? [])];
    if (upper) {
      const tree = cloneTree(upper);
      const diffId = diffIdOf(tree);
      const l = this.layers.ensure(top, diffId, () => ({ tree, size: treeSize(tree), mtime: created }));
      top = l.chainId;
      diffIds.push(diffId);
    }
    const history = [...(parent?.history ?? []), { created, createdBy, comment: extra.comment ?? '', emptyLayer: !upper }];
    const base = { config, created, history, diffIds, top, parent: parent?.id ?? '', comment: extra.comment ?? '', author: extra.author ?? '', dockerVersion: '28.2.2' };
    const id = digest(imageConfigJSON(base));
    const existing = this.images.images.get(id);
    if (existing) return existing;
    this.layers.acquire(top);
    return this.images.add({ id, ...base, lastTagTime: 0 });
  }

  // ------------------------------------------------------------------ containers
  async containerList(opts: ContainerListOptions = {}): Promise<ContainerSummary[]> {
    this.tick();
    const f = opts.filters ?? {};
    let list = [...this.containers.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
    const all = opts.all || (opts.limit ?? 0) > 0 || !!f.status?.length || !!f.exited?.length;
    if (!all) list = list.filter((c) => c.status === 'running' || c.status === 'paused' || c.status === 'restarting');
    if (f.status?.length) list = list.filter((c) => f.status.includes(c.status));
    if (f.name?.length) list = list.filter((c) => f.name.some((n) => safeRegex(n).test(c.name)));
    if (f.id?.length) list = list.filter((c) => f.id.some((i) => c.id.startsWith(i)));
    if (f.exited?.length) list = list.filter((c) => c.status === 'exited' && f.exited.includes(String(c.exitCode)));
    if (f.ancestor?.length) {
      const ids = new Set<string>();
      for (const a of f.ancestor) {
        try {
          const root = imgs.getImage(this.hostApi(), a).id;
          for (const img of this.images.images.values()) {
            for (let cur: Image | undefined = img; cur; cur = cur.parent ? this.images.images.get(cur.parent) : undefined) {
              if (cur.id === root) ids.add(img.id);
            }
          }
          ids.add(root);
        } catch { /* unknown image matches nothing */ }
      }
      list = list.filter((c) => ids.has(c.image));
    }
    if (f.label?.length) list = list.filter((c) => f.label.every((l) => {
      const [k, v] = l.split('=');
      return v === undefined ? k in c.config.Labels : c.config.Labels[k] === v;
    }));
    if (opts.limit && opts.limit > 0) list = list.slice(0, opts.limit);
    return list.map((c) => this.summary(c, !!opts.size));
  }

  private imageColumn(c: Ctr): string {
    try {
      if (imgs.getImage(this.hostApi(), c.imageRef).id === c.image) return c.imageRef;
    } catch { /* gone */ }
    return c.image;
  }

  private summary(c: Ctr, size: boolean): ContainerSummary {
    const s: ContainerSummary = {
      Id: c.id,
      Names: ['/' + c.name],
      Image: this.imageColumn(c),
      ImageID: c.image,
      Command: [c.path, ...c.args].map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' '),
      Created: Math.floor(c.created / 1000),
      Ports: this.portList(c),
      Labels: c.config.Labels,
      State: c.status,
      Status: this.statusText(c),
      HostConfig: { NetworkMode: 'bridge' },
      NetworkSettings: { Networks: { bridge: this.endpoint(c) } },
      Mounts: [],
    };
    if (size) {
      const rw = this.fsOf(c).sizeRw();
      s.SizeRw = rw;
      s.SizeRootFs = this.layers.size(c.top) + rw;
    }
    return s;
  }

  private portList(c: Ctr): Port[] {
    const out: Port[] = [];
    const running = c.status === 'running' || c.status === 'paused';
    for (const key of Object.keys(c.config.ExposedPorts ?? {}).sort(portOrder)) {
      const [num, proto] = key.split('/');
      const binds = running ? c.ports[key] : null;
      if (!running) continue;
      if (binds?.length) {
        for (const b of binds) {
          out.push({ IP: '0.0.0.0', PrivatePort: Number(num), PublicPort: Number(b.HostPort), Type: proto as Port['Type'] });
          out.push({ IP: '::', PrivatePort: Number(num), PublicPort: Number(b.HostPort), Type: proto as Port['Type'] });
        }
      } else out.push({ PrivatePort: Number(num), Type: proto as Port['Type'] });
    }
    return out;
  }

  private endpoint(c: Ctr): EndpointSettings {
    const on = c.status === 'running' || c.status === 'paused';
    const n = on ? Number(c.ip.split('.')[3]) : 0;
    return {
      IPAMConfig: null, Links: null, Aliases: null, MacAddress: on ? `02:42:ac:11:00:${n.toString(16).padStart(2, '0')}` : '', DriverOpts: null, GwPriority: 0,
      NetworkID: '6d4e1c9a2b3f7e8d5c0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcde', EndpointID: on ? c.endpointId ?? '' : '',
      Gateway: on ? '172.17.0.1' : '', IPAddress: on ? c.ip : '', IPPrefixLen: on ? 16 : 0, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, DNSNames: null,
    };
  }

  /** `container/state.go` `String()`. */
  statusText(c: Ctr): string {
    const ago = (ms: number) => humanDuration(this.now() - ms);
    switch (c.status) {
      case 'running':
        return `Up ${ago(c.startedAt)}`;
      case 'paused':
        return `Up ${ago(c.startedAt)} (Paused)`;
      case 'restarting':
        return `Restarting (${c.exitCode}) ${ago(c.finishedAt)} ago`;
      case 'removing':
        return 'Removal In Progress';
      case 'dead':
        return 'Dead';
      case 'created':
        return 'Created';
      default:
        return c.finishedAt ? `Exited (${c.exitCode}) ${ago(c.finishedAt)} ago` : `Exited (${c.exitCode})`;
    }
  }

  async containerCreate(config: ContainerCreateConfig, name?: string): Promise<ContainerCreateResponse> {
    const h = this.hostApi();
    if (name !== undefined && name !== '' && !VALID_NAME.test(name)) {
      throw new ApiError(400, `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const img = imgs.getImage(h, config.Image);
    if (name) {
      const clean = name.replace(/^\//, '');
      for (const c of this.containers.values()) {
        if (c.name === clean) throw new ApiError(409, `Conflict. The container name "/${clean}" is already in use by container "${c.id}". You have to remove (or rename) that container to be able to reuse that name.`);
      }
    }
    const ic = img.config;
    const userCmd = config.Cmd && config.Cmd.length ? config.Cmd : undefined;
    const entrypoint = config.Entrypoint !== undefined ? (config.Entrypoint.length === 1 && config.Entrypoint[0] === '' ? [] : config.Entrypoint) : ic.Entrypoint ?? [];
    const cmd = userCmd ?? (config.Entrypoint !== undefined ? [] : ic.Cmd ?? []);
    const argv = [...entrypoint, ...cmd];
    if (!argv.length) throw new ApiError(400, 'no command specified');
    const env = mergeEnv(ic.Env ?? [DEFAULT_PATH], config.Env ?? []);
    const ports = { ...(ic.ExposedPorts ?? {}), ...(config.ExposedPorts ?? {}) };
    for (const p of Object.keys(config.HostConfig?.PortBindings ?? {})) ports[p] = {};
    let id: string;
    do id = this.rng.hex(64);
    while (this.containers.has(id) || /^[0-9]+$/.test(id.slice(0, 12)));
    let finalName = name?.replace(/^\//, '');
    for (let retry = 0; !finalName; retry++) {
      const n = randomName(this.rng, retry > 5 ? 1 : 0);
      if (![...this.containers.values()].some((c) => c.name === n)) finalName = n;
    }
    const c: Ctr = {
      id,
      name: finalName,
      created: this.now(),
      image: img.id,
      imageRef: config.Image,
      path: argv[0],
      args: argv.slice(1),
      config: {
        Hostname: config.Hostname || id.slice(0, 12), Domainname: '', User: config.User ?? ic.User ?? '',
        AttachStdin: !!config.AttachStdin, AttachStdout: config.AttachStdout ?? true, AttachStderr: config.AttachStderr ?? true,
        ...(Object.keys(ports).length ? { ExposedPorts: ports } : {}),
        Tty: !!config.Tty, OpenStdin: !!config.OpenStdin, StdinOnce: !!config.StdinOnce,
        Env: env, Cmd: cmd.length ? cmd : null, Image: config.Image, Volumes: ic.Volumes ?? null,
        WorkingDir: config.WorkingDir ?? ic.WorkingDir ?? '', Entrypoint: entrypoint.length ? entrypoint : null, OnBuild: null,
        Labels: { ...(ic.Labels ?? {}), ...(config.Labels ?? {}) },
        ...(config.StopSignal ?? ic.StopSignal ? { StopSignal: config.StopSignal ?? ic.StopSignal } : {}),
      },
      hostConfig: {
        Binds: null, ContainerIDFile: '', LogConfig: { Type: 'json-file', Config: {} }, NetworkMode: 'bridge',
        PortBindings: config.HostConfig?.PortBindings ?? {}, RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
        AutoRemove: !!config.HostConfig?.AutoRemove, VolumeDriver: '', VolumesFrom: null, ConsoleSize: [0, 0],
        CapAdd: null, CapDrop: null, CgroupnsMode: 'private', Dns: [], DnsOptions: [], DnsSearch: [], ExtraHosts: null,
        GroupAdd: null, IpcMode: 'private', Cgroup: '', Links: null, OomScoreAdj: 0, PidMode: '', Privileged: !!config.HostConfig?.Privileged,
        PublishAllPorts: !!config.HostConfig?.PublishAllPorts, ReadonlyRootfs: false, SecurityOpt: null, UTSMode: '', UsernsMode: '', ShmSize: 67108864, Runtime: 'runc',
        Isolation: '', CpuShares: 0, Memory: 0, NanoCpus: 0, CgroupParent: '', BlkioWeight: 0, Devices: [], MemoryReservation: 0, MemorySwap: 0,
        MemorySwappiness: null, OomKillDisable: null, PidsLimit: null, Ulimits: [], Init: null,
        MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
        ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
      },
      status: 'created', pid: 0, exitCode: 0, error: '', startedAt: 0, finishedAt: 0,
      upper: newDir(this.now()), top: img.top, ip: '', ports: {}, logs: [], nextPid: 7, execs: [], sinks: new Set(),
    };
    this.layers.acquire(img.top);
    this.containers.set(id, c);
    return { Id: id, Warnings: [] };
  }

  async containerInspect(id: string, opts: { size?: boolean } = {}): Promise<ContainerInspect> {
    this.tick();
    const c = this.get(id);
    const dir = `/var/lib/docker/overlay2/${c.id.slice(0, 40)}${c.id.slice(52)}`;
    const lowers = this.layers.chain(c.top).reverse().map((l) => `/var/lib/docker/overlay2/${l.chainId.slice(7, 32)}${l.diffId.slice(7, 46)}/diff`);
    const running = c.status === 'running' || c.status === 'paused';
    const sandbox = running ? (c.sandboxId ??= digest('sb:' + c.id).slice(7)) : '';
    const out: ContainerInspect = {
      Id: c.id,
      Created: rfc3339(c.created),
      Path: c.path,
      Args: c.args,
      State: {
        Status: c.status, Running: running, Paused: c.status === 'paused', Restarting: c.status === 'restarting', OOMKilled: false,
        Dead: c.status === 'dead', Pid: running ? c.pid : 0, ExitCode: c.exitCode, Error: c.error,
        StartedAt: rfc3339(c.startedAt), FinishedAt: rfc3339(c.finishedAt),
      },
      Image: c.image,
      ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
      HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
      HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
      LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
      Name: '/' + c.name,
      RestartCount: 0,
      Driver: 'overlay2',
      Platform: 'linux',
      MountLabel: '',
      ProcessLabel: '',
      AppArmorProfile: 'docker-default',
      ExecIDs: c.execs.filter((e) => e.exitCode === null).length ? c.execs.filter((e) => e.exitCode === null).map((e) => digest('exec:' + c.id + e.pid).slice(7)) : null,
      HostConfig: c.hostConfig,
      GraphDriver: { Data: { ID: c.id, LowerDir: [`${dir}-init/diff`, ...lowers].join(':'), MergedDir: `${dir}/merged`, UpperDir: `${dir}/diff`, WorkDir: `${dir}/work` }, Name: 'overlay2' },
      Mounts: [],
      Config: c.config,
      NetworkSettings: {
        Bridge: '', SandboxID: running ? sandbox : '', SandboxKey: running ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
        Ports: running ? this.portMap(c) : {}, HairpinMode: false, LinkLocalIPv6Address: '', LinkLocalIPv6PrefixLen: 0,
        SecondaryIPAddresses: null, SecondaryIPv6Addresses: null, EndpointID: this.endpoint(c).EndpointID, Gateway: running ? '172.17.0.1' : '',
        GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, IPAddress: running ? c.ip : '', IPPrefixLen: running ? 16 : 0, IPv6Gateway: '',
        MacAddress: this.endpoint(c).MacAddress, Networks: { bridge: this.endpoint(c) },
      },
    };
    if (opts.size) {
      const rw = this.fsOf(c).sizeRw();
      const cfg = out.Config;
      delete (out as Partial<ContainerInspect>).Mounts;
      delete (out as Partial<ContainerInspect>).Config;
      delete (out as Partial<ContainerInspect>).NetworkSettings;
      Object.assign(out, { SizeRw: rw, SizeRootFs: this.layers.size(c.top) + rw, Mounts: [], Config: cfg, NetworkSettings: running ? out.NetworkSettings : { ...out.NetworkSettings } });
    }
    return out;
  }

  private portMap(c: Ctr): PortMap {
    const m: PortMap = {};
    for (const key of Object.keys(c.config.ExposedPorts ?? {}).sort(portOrder)) {
      const b = c.ports[key];
      m[key] = b?.length ? b.flatMap((x) => [{ HostIp: '0.0.0.0', HostPort: x.HostPort }, { HostIp: '::', HostPort: x.HostPort }]) : null;
    }
    return m;
  }

  /** Brings back the main process of a container that was running when the state was saved. */
  revive(c: Ctr, state: unknown, deadline?: number): void {
    const p = this.spawnMain(c);
    p.restore(state);
    if (deadline !== undefined) p.deadline = deadline;
    c.proc = p;
  }

  /** Picks the main program from Path/Args, as the image's entrypoint script would. */
  private spawnMain(c: Ctr): Proc {
    const m = this.machine(c);
    let argv = [c.path, ...c.args];
    const base = (s: string) => s.slice(s.lastIndexOf('/') + 1);
    const tty = c.config.Tty;
    const start = this.now();
    // Entrypoint scripts of the catalogue hand over to their arguments.
    if (base(argv[0]) === 'docker-entrypoint.sh' && argv.length > 1) {
      const next = argv[1];
      if (next === 'nginx' || next === 'nginx-debug') return new Nginx(1, argv, tty, start, m, this.osId(c) === 'alpine');
      if (next === 'mysqld') return new Mysqld(1, ['mysqld'], tty, start, m, c.config.Env);
      if (next.startsWith('-')) argv = ['node', ...argv.slice(1)];
      else argv = argv.slice(1);
    }
    this.requireExecutable(c, argv[0], m);
    const b = base(argv[0]);
    if (b === 'hello') return new Hello(1, argv, tty, start);
    if (b === 'httpd-foreground') return new Httpd(1, argv, tty, start, m);
    if (b === 'node' && argv.length === 1) return new Repl(1, argv, tty, start, 'node', c.config.OpenStdin);
    if (/^python3?(\.\d+)?$/.test(b) && argv.length === 1) return new Repl(1, argv, tty, start, 'python', c.config.OpenStdin);
    const env = c.config.Env;
    const cwd = c.config.WorkingDir || '/';
    const envMap = Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
    if (b === 'node' && argv.length === 2 && !argv[1].startsWith('-')) return new NodeApp(1, argv, tty, start, m, cwd, argv[1], envMap);
    // `npm start` runs its script under npm; a `node file` script becomes the server it starts.
    if (b === 'npm' && (argv[1] === 'start' || (argv[1] === 'run' && argv.length === 3))) {
      const s = npmScript(m.fs, cwd, argv[1] === 'run' ? argv[2] : 'start');
      const file = 'script' in s ? /^node\s+(\S+)$/.exec(s.script.trim())?.[1] : undefined;
      if (file && 'banner' in s) return new NodeApp(1, argv, tty, start, m, cwd, file, envMap, s.banner);
    }
    const user = c.config.User && c.config.User !== '0' && c.config.User !== 'root' ? c.config.User : 'root';
    const shells = ['bash', 'sh', 'dash', 'ash'];
    const path = new Shell(m, 'bash', 'sh', false, env, cwd, tty, user).which(argv[0]) ?? argv[0];
    const flavor = flavorAt(m.fs, path, cwd);
    if (shells.includes(b) && !argv.includes('-c')) {
      const sh = new Shell(m, flavor, argv[0], tty || c.config.OpenStdin ? tty : false, env, cwd, tty, user);
      if (!tty) sh.interactive = false;
      return new ShellProc(1, argv, tty, start, sh, c.config.OpenStdin);
    }
    const sh = new Shell(m, flavor === 'ash' ? 'ash' : 'bash', 'sh', false, env, cwd, tty, user);
    return new OneShot(1, argv, tty, start, sh);
  }

  private osId(c: Ctr): string {
    try {
      return /^ID=(\S+)/m.exec(this.fsOf(c).readFile('/etc/os-release'))?.[1] ?? '';
    } catch {
      return '';
    }
  }

  /** runc's check that the executable exists (exit 127 errors of `docker run`). */
  private requireExecutable(c: Ctr, cmd: string, m: Machine): void {
    const probe = new Shell(m, 'bash', 'sh', false, c.config.Env, c.config.WorkingDir || '/', false);
    if (probe.which(cmd)) return;
    const base = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';
    const why = cmd.includes('/') ? `exec: "${cmd}": stat ${cmd}: no such file or directory` : `exec: "${cmd}": executable file not found in $PATH`;
    throw new ApiError(400, `${base}${why}: unknown`, 127);
  }

  private allocateIp(): string {
    const used = new Set([...this.containers.values()].filter((c) => c.ip).map((c) => c.ip));
    for (let n = 2; n < 255; n++) if (!used.has(`172.17.0.${n}`)) return `172.17.0.${n}`;
    return '172.17.1.2';
  }

  async containerStart(id: string): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (c.status === 'running' || c.status === 'paused') return;
    if (c.status === 'removing' || c.status === 'dead') throw new ApiError(409, `container is marked for removal and cannot be started`);
    // Published ports must be free on the host.
    const ports: PortMap = {};
    const taken = new Set<string>();
    for (const o of this.containers.values()) if (o !== c && o.status !== 'exited' && o.status !== 'created') for (const b of Object.values(o.ports)) for (const x of b ?? []) taken.add(x.HostPort);
    const wanted: PortMap = { ...(c.hostConfig.PortBindings ?? {}) };
    // `-P`: every exposed port that `-p` did not bind gets a free host port.
    if (c.hostConfig.PublishAllPorts) for (const k of Object.keys(c.config.ExposedPorts ?? {})) if (!wanted[k]?.length) wanted[k] = [{ HostIp: '', HostPort: '' }];
    for (const [key, binds] of Object.entries(wanted)) {
      ports[key] = (binds ?? []).map((b) => {
        let hp = b.HostPort;
        if (!hp) for (let p = 32768; ; p++) if (!taken.has(String(p))) { hp = String(p); break; }
        return { HostIp: b.HostIp, HostPort: hp };
      });
      for (const b of ports[key] ?? []) {
        if (taken.has(b.HostPort)) {
          c.error = `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${digest('ep:' + c.id).slice(7)}): Bind for ${b.HostIp || '0.0.0.0'}:${b.HostPort} failed: port is already allocated`;
          throw new ApiError(500, c.error);
        }
        taken.add(b.HostPort);
      }
    }
    c.ip = this.allocateIp();
    c.fs = undefined;
    c.ports = ports;
    let proc: Proc;
    try {
      const wd = c.config.WorkingDir;
      if (wd) {
        const fs = this.fsOf(c);
        if (!fs.resolve(wd).node) fs.mkdir(wd, '/', true);
      }
      proc = this.spawnMain(c);
    } catch (e) {
      c.ip = '';
      c.ports = {};
      if (e instanceof ApiError) {
        c.error = e.message;
        c.exitCode = e.exitCode ?? 128;
      }
      throw e;
    }
    if (c.procState) {
      proc.restore(c.procState);
      c.procState = undefined;
    }
    c.proc = proc;
    c.runs = (c.runs ?? 0) + 1;
    c.endpointId = this.rng.hex(64);
    c.status = 'running';
    c.pid = 4000 + this.rng.int(60000);
    c.startedAt = this.now();
    c.error = '';
    c.exitCode = 0;
    try {
      await proc.boot(this.out(c));
    } catch (e) {
      // A server whose files were broken from inside the container dies like the real one.
      if (!(e instanceof FsError)) throw e;
      this.out(c).err(`${c.path}: ${e.path}: ${e.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory'}\n`);
      proc.exitCode = 1;
    }
    if (proc.exitCode !== null) this.finish(c, proc.exitCode);
  }

  /** The main process ended: the container stops (and goes away with `--rm`). */
  finish(c: Ctr, code: number, at = this.now()): void {
    const p = c.proc;
    if (p instanceof ShellProc && c.config.Tty && p.history().length && p.stack[0].flavor === 'bash') {
      try {
        this.fsOf(c).writeFile('/root/.bash_history', p.history().join('\n') + '\n', '/', true);
      } catch { /* read-only or gone */ }
    }
    for (const e of c.execs) e.exitCode ??= 137;
    c.execs = [];
    c.proc = undefined;
    c.status = 'exited';
    c.exitCode = code;
    c.finishedAt = at;
    c.pid = 0;
    c.ip = '';
    c.ports = {};
    c.fs = undefined;
    c.sinks.clear();
    if (c.hostConfig.AutoRemove) this.destroy(c);
  }

  private destroy(c: Ctr): void {
    if (!this.containers.has(c.id)) return;
    this.containers.delete(c.id);
    this.layers.release(c.top);
    c.status = 'removing';
  }

  async containerStop(id: string, opts: StopOptions = {}, wait?: Waiter): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (c.status !== 'running' && c.status !== 'paused') return;
    const sig = parseSignal(opts.signal ?? c.config.StopSignal ?? 'SIGTERM') ?? 15;
    const timeout = opts.timeout ?? 10;
    const proc = c.proc!;
    if (c.status !== 'paused') {
      const code = proc.signal(sig, this.out(c));
      if (code !== null) {
        this.finish(c, code);
        return;
      }
    }
    if (timeout > 0) {
      const until = this.now() + timeout * 1000;
      while (this.now() < until && (c.status as string) !== 'exited') {
        if (wait?.signal?.aborted) break;
        const step = Math.min(1000, until - this.now());
        await this.wait(wait, step);
        if (proc.deadline !== undefined && proc.deadline <= this.now()) {
          this.tick();
          return;
        }
      }
    }
    if (c.status === 'running' || c.status === 'paused') this.finish(c, 137);
  }

  async containerRestart(id: string, opts: StopOptions = {}, wait?: Waiter): Promise<void> {
    const c = this.get(id);
    const auto = c.hostConfig.AutoRemove;
    c.hostConfig.AutoRemove = false;
    try {
      await this.containerStop(id, opts, wait);
    } finally {
      c.hostConfig.AutoRemove = auto;
    }
    await this.containerStart(c.id);
  }

  async containerKill(id: string, signal?: string): Promise<void> {
    this.tick();
    const c = this.get(id);
    const sig = parseSignal(signal ?? 'SIGKILL');
    if (sig === undefined) throw new ApiError(400, `invalid signal: ${signal}`);
    if (c.status !== 'running' && c.status !== 'paused') {
      throw new ApiError(409, `cannot kill container: ${id}: container ${c.id} is not running`);
    }
    if (c.status === 'paused' && sig !== 9) return;
    const code = c.proc!.signal(sig, this.out(c));
    if (code !== null) this.finish(c, code);
  }

  async containerPause(id: string): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (c.status === 'paused') throw new ApiError(409, `container ${c.id} is already paused`);
    if (c.status !== 'running') throw new ApiError(409, `container ${c.id} is not running`);
    c.status = 'paused';
  }

  async containerUnpause(id: string): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (c.status !== 'paused') throw new ApiError(409, `container ${c.id} is not paused`);
    c.status = 'running';
  }

  async containerRemove(id: string, opts: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    this.tick();
    const c = this.get(id);
    if (!opts.force) {
      if (c.status === 'paused') throw new ApiError(409, `cannot remove container "${id}": container is paused and must be unpaused first`);
      if (c.status === 'running' || c.status === 'restarting') throw new ApiError(409, `cannot remove container "${id}": container is ${c.status}: stop the container before removing or force remove`);
    }
    if (c.status === 'running' || c.status === 'paused') {
      c.hostConfig.AutoRemove = false;
      this.finish(c, 137);
    }
    this.destroy(c);
  }

  async containerLogs(id: string, opts: LogsOptions = {}): Promise<LogEntry[]> {
    this.tick();
    const c = this.get(id);
    let logs = c.logs.filter((l) => (l.stream === 'stdout' ? opts.stdout !== false : opts.stderr !== false));
    if (opts.since) logs = logs.filter((l) => l.time >= opts.since! * 1000);
    if (opts.until) logs = logs.filter((l) => l.time <= opts.until! * 1000);
    // Split into lines so `--tail` counts lines, as the json-file driver stores them.
    const lines: LogEntry[] = [];
    for (const l of logs) {
      const parts = l.text.split(/(?<=\n)/);
      for (const p of parts) if (p) lines.push({ ...l, text: p });
    }
    if (opts.tail !== undefined && opts.tail !== 'all') return opts.tail <= 0 ? [] : lines.slice(-opts.tail);
    return lines;
  }

  async containerChanges(id: string): Promise<FilesystemChange[]> {
    const c = this.get(id);
    return this.fsOf(c).diff();
  }

  async containerCommit(id: string, opts: CommitOptions = {}): Promise<{ Id: string }> {
    const c = this.get(id);
    // With its image force-removed, the container still holds the layers: the commit builds on them.
    const parent = this.images.images.get(c.image) ?? (c.top ? { id: '', top: c.top, diffIds: this.layers.chain(c.top).map((l) => l.diffId), history: [] } as unknown as Image : null);
    const cfg: ImageConfig = {
      ...(c.config.User ? { User: c.config.User } : {}),
      ...(c.config.ExposedPorts ? { ExposedPorts: c.config.ExposedPorts } : {}),
      Env: c.config.Env,
      Cmd: c.config.Cmd,
      ...(c.config.Volumes ? { Volumes: c.config.Volumes } : {}),
      WorkingDir: c.config.WorkingDir,
      Entrypoint: c.config.Entrypoint,
      OnBuild: null,
      Labels: Object.keys(c.config.Labels).length ? c.config.Labels : null,
      ...(c.config.StopSignal ? { StopSignal: c.config.StopSignal } : {}),
    };
    for (const ch of opts.changes ?? []) applyChange(cfg, ch);
    let ref: ReturnType<typeof parseReference> | undefined;
    if (opts.reference) ref = parseReference(opts.reference);
    const createdBy = [c.path, ...c.args].join(' ');
    const img = this.addLocalImage(parent, this.fsOf(c).upper, cfg, createdBy, { comment: opts.comment, author: opts.author });
    if (ref) imgs.setTag(this.hostApi(), `${ref.name}:${ref.tag ?? 'latest'}`, img);
    return { Id: img.id };
  }

  async containerAttach(id: string, io: TermIO, opts: { stdin?: boolean; beforeStart?: boolean } = {}): Promise<ProcessHandle> {
    this.tick();
    const c = this.get(id);
    if (!opts.beforeStart || (c.status !== 'created' && c.status !== 'exited')) {
      if (c.status === 'paused') throw new ApiError(409, 'You cannot attach to a paused container, unpause it first');
      if (c.status === 'restarting') throw new ApiError(409, 'You cannot attach to a restarting container, wait until it is running');
      if (c.status !== 'running') throw new ApiError(409, 'You cannot attach to a stopped container, start it first');
    }
    const sink: Sink = { io };
    c.sinks.add(sink);
    const live = () => c.status === 'running' || c.status === 'paused';
    // The run this handle follows: the current one, or the next start.
    const run = live() ? c.runs ?? 0 : (c.runs ?? 0) + 1;
    const engine = this;
    const stdin = opts.stdin !== false && c.config.OpenStdin;
    const mine = () => (c.runs === run && live() ? c.proc : undefined);
    const after = async (p: Proc) => {
      if (p.exitCode !== null && c.proc === p) engine.finish(c, p.exitCode);
      engine.tick();
    };
    const handle: ProcessHandle = {
      containerId: c.id,
      get interactive() {
        return stdin;
      },
      prompt: () => (c.status === 'running' ? mine()?.prompt() ?? '' : ''),
      async input(line, io2) {
        const p = mine();
        if (!p || !stdin || c.status === 'paused') return;
        sink.io = io2;
        if (c.config.Tty) c.logs.push({ stream: 'stdout', text: p.prompt() + line + '\n', time: engine.now() });
        await p.input(line, engine.out(c));
        await after(p);
      },
      async eof(io2) {
        const p = mine();
        if (!p) return;
        sink.io = io2;
        await p.eof(engine.out(c));
        await after(p);
      },
      async interrupt(io2) {
        const p = mine();
        if (!p) return;
        sink.io = io2;
        if (c.config.Tty && p.readsInput) await p.interrupt(engine.out(c));
        else {
          const code = p.signal(2, engine.out(c));
          if (code !== null) engine.finish(c, code);
        }
      },
      detach() {
        c.sinks.delete(sink);
      },
      get exited() {
        return (c.runs ?? 0) >= run && !(c.runs === run && live());
      },
      get exitCode() {
        return handle.exited ? c.exitCode : null;
      },
      complete: (word) => mine()?.complete(word) ?? [],
    };
    return handle;
  }

  async containerWait(id: string, wait?: Waiter): Promise<{ StatusCode: number } | null> {
    const c = this.containers.get(this.get(id).id)!;
    for (;;) {
      this.tick();
      if (c.status === 'exited' || c.status === 'created' || !this.containers.has(c.id)) return { StatusCode: c.exitCode };
      if (wait?.signal?.aborted) return null;
      const deadline = c.proc?.deadline;
      if (deadline === undefined && !wait?.signal) return null;
      await this.wait(wait, deadline !== undefined ? Math.max(0, Math.min(1000, deadline - this.now())) || 1 : 250);
    }
  }

  async exec(id: string, config: ExecConfig, io: TermIO): Promise<ProcessHandle> {
    this.tick();
    const c = this.get(id);
    if (c.status === 'paused') throw new ApiError(409, `container ${c.id} is paused, unpause the container before exec`);
    if (c.status !== 'running') throw new ApiError(409, `container ${c.id} is not running`);
    if (!config.Cmd.length) throw new ApiError(400, 'No exec command specified');
    const m = this.machine(c);
    const env = mergeEnv(c.config.Env, config.Env ?? []);
    const cwd = config.WorkingDir || c.config.WorkingDir || '/';
    const tty = !!config.Tty;
    const probe = new Shell(m, 'bash', 'sh', false, env, cwd, tty);
    const path = probe.which(config.Cmd[0]);
    if (!path) {
      const why = config.Cmd[0].includes('/') ? `stat ${config.Cmd[0]}: no such file or directory` : `exec: "${config.Cmd[0]}": executable file not found in $PATH`;
      throw new ApiError(400, `OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown`, 127);
    }
    const flavor = flavorAt(m.fs, path, cwd);
    const base = config.Cmd[0].slice(config.Cmd[0].lastIndexOf('/') + 1);
    const pid = m.newPid();
    let proc: Proc;
    const stdin = !!config.AttachStdin;
    if (['bash', 'sh', 'dash', 'ash'].includes(base) && !config.Cmd.includes('-c')) {
      const sh = new Shell(m, flavor, config.Cmd[0], tty, env, cwd, tty);
      proc = new ShellProc(pid, config.Cmd, tty, this.now(), sh, stdin);
    } else {
      proc = new OneShot(pid, config.Cmd, tty, this.now(), new Shell(m, flavor === 'ash' ? 'ash' : 'bash', 'sh', false, env, cwd, tty));
    }
    c.execs.push(proc);
    let sinkIo: TermIO = io;
    const out = (): Out => ({
      out: (t) => { if (!config.Detach) sinkIo.out(t); },
      err: (t) => { if (!config.Detach) (tty ? sinkIo.out : sinkIo.err).call(sinkIo, t); },
      sleep: (ms) => this.wait(sinkIo, ms),
      signal: sinkIo.signal,
    });
    const engine = this;
    const reap = () => {
      if (proc.exitCode !== null) c.execs = c.execs.filter((e) => e !== proc);
    };
    await proc.boot(out());
    if (proc instanceof ShellProc && !stdin) proc.exitCode = 0;
    reap();
    return {
      containerId: c.id,
      interactive: stdin,
      prompt: () => (proc.exitCode === null && c.status === 'running' ? proc.prompt() : ''),
      async input(line, io2) {
        if (proc.exitCode !== null || c.status !== 'running') return;
        sinkIo = io2;
        await proc.input(line, out());
        reap();
        engine.tick();
      },
      async eof(io2) {
        sinkIo = io2;
        await proc.eof(out());
        reap();
      },
      async interrupt(io2) {
        sinkIo = io2;
        await proc.interrupt(out());
        reap();
      },
      detach() {},
      get exited() {
        return proc.exitCode !== null || c.status !== 'running';
      },
      get exitCode() {
        return proc.exitCode ?? (c.status !== 'running' ? 137 : null);
      },
      complete: (w) => proc.complete(w),
    };
  }

  async containersPrune(): Promise<ContainersPruneReport> {
    this.tick();
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const c of [...this.containers.values()]) {
      if (c.status !== 'exited' && c.status !== 'created' && c.status !== 'dead') continue;
      reclaimed += this.fsOf(c).sizeRw();
      this.destroy(c);
      deleted.push(c.id);
    }
    return { ContainersDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed };
  }

  async containerTop(id: string): Promise<{ Titles: string[]; Processes: string[][] }> {
    const c = this.get(id);
    if (c.status !== 'running' && c.status !== 'paused') throw new ApiError(409, `container ${c.id} is not running`);
    const t = new Date(c.startedAt).toISOString().slice(11, 16);
    return {
      Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
      Processes: this.machine(c).procs().map((p, i) => ['root', String(c.pid + i * 37), i ? String(c.pid) : String(c.pid - 23), '0', t, p.tty ? 'pts/0' : '?', '00:00:00', p.argv.join(' ')]),
    };
  }

  names(): { images: string[]; containers: string[] } {
    const images = new Set<string>();
    for (const t of this.images.refs.keys()) {
      if (t.includes('@')) continue;
      images.add(t);
      if (t.endsWith(':latest')) images.add(t.slice(0, -7));
    }
    const containers: string[] = [];
    for (const c of this.containers.values()) containers.push(c.name, c.id.slice(0, 12));
    return { images: [...images].sort(), containers };
  }

  save(): EngineState {
    return saveState(this);
  }
}

// Filled in by state.ts (kept apart so the engine file stays about behaviour).
let saveState: (e: Engine) => EngineState = () => {
  throw new Error('state module not loaded');
};
export function setSaver(fn: (e: Engine) => EngineState): void {
  saveState = fn;
}

export function mergeEnv(base: string[], extra: string[]): string[] {
  const out = [...base];
  for (const e of extra) {
    const k = e.includes('=') ? e.slice(0, e.indexOf('=')) : e;
    const i = out.findIndex((x) => x.slice(0, x.indexOf('=')) === k);
    if (!e.includes('=')) continue;
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** `docker commit -c` / Dockerfile metadata instructions applied to a config. */
export function applyChange(cfg: ImageConfig, change: string): void {
  const m = /^\s*(\w+)\s+([\s\S]*)$/.exec(change);
  if (!m) throw new ApiError(400, `dockerfile parse error on line 1: unknown instruction: ${change.toUpperCase()}`);
  const [, ins, rest] = m;
  const list = (s: string) => {
    try {
      const v = JSON.parse(s);
      if (Array.isArray(v)) return v.map(String);
    } catch { /* shell form */ }
    return null;
  };
  switch (ins.toUpperCase()) {
    case 'CMD':
      cfg.Cmd = list(rest) ?? ['/bin/sh', '-c', rest];
      break;
    case 'ENTRYPOINT':
      cfg.Entrypoint = list(rest) ?? ['/bin/sh', '-c', rest];
      break;
    case 'ENV': {
      const pairs = /^\S+=/.test(rest) ? [...rest.matchAll(/(\S+?)=("[^"]*"|\S*)/g)].map((x) => `${x[1]}=${x[2].replace(/^"|"$/g, '')}`) : [`${rest.split(/\s+/)[0]}=${rest.split(/\s+/).slice(1).join(' ')}`];
      cfg.Env = mergeEnv(cfg.Env ?? [], pairs);
      break;
    }
    case 'EXPOSE':
      cfg.ExposedPorts = { ...(cfg.ExposedPorts ?? {}) };
      for (const p of rest.split(/\s+/).filter(Boolean)) cfg.ExposedPorts[p.includes('/') ? p : p + '/tcp'] = {};
      break;
    case 'WORKDIR':
      cfg.WorkingDir = rest.startsWith('/') ? rest.trim() : ((cfg.WorkingDir || '/') + '/' + rest.trim()).replace(/\/+/g, '/');
      break;
    case 'USER':
      cfg.User = rest.trim();
      break;
    case 'LABEL':
      cfg.Labels = { ...(cfg.Labels ?? {}) };
      for (const x of rest.matchAll(/(\S+?)=("[^"]*"|\S*)/g)) cfg.Labels[x[1].replace(/^"|"$/g, '')] = x[2].replace(/^"|"$/g, '');
      break;
    case 'STOPSIGNAL':
      cfg.StopSignal = rest.trim();
      break;
    case 'VOLUME':
      cfg.Volumes = { ...(cfg.Volumes ?? {}) };
      for (const v of list(rest) ?? rest.split(/\s+/)) cfg.Volumes[v] = {};
      break;
    default:
      throw new ApiError(400, `${ins.toUpperCase()} is not a valid change command`);
  }
}

function portOrder(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : 1);
}

function safeRegex(s: string): RegExp {
  try {
    return new RegExp(s);
  } catch {
    return new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}

/** `reference=` filter: a pattern with `*` wildcards against `name:tag` (or just the name). */
function refMatch(pattern: string, tag: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '$');
  const name = tag.slice(0, tag.lastIndexOf(':'));
  return re.test(tag) || (!pattern.includes(':') && re.test(name));
}

/** go-units `HumanDuration`. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const min = Math.floor(s / 60);
  if (min === 1) return 'About a minute';
  if (min < 60) return `${min} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(s / 3600 / 24 / 365)} years`;
}

export { chainOf, short };
