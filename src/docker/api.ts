/**
 * The one door between the Docker client and an engine. It follows the Docker Engine API
 * (v1.50): every method is asynchronous like an HTTP call, takes the parameters the endpoint
 * takes, and returns the JSON shapes the daemon sends (same field names and casing), so a
 * different engine could stand behind the same client.
 *
 * Names and IDs: wherever a method takes `id` it accepts what the daemon accepts: a full or
 * unique-prefix ID, a container name (with or without `/`), or an image reference as typed
 * (`ubuntu`, `nginx:alpine`, `docker.io/library/nginx:alpine`, `sha256:…`).
 *
 * Failures reject with `ApiError`; the client prints `Error response from daemon: <message>`.
 */
import type { TermIO } from './shell';
import type { Fs } from './common/sh/fs';

// ---------------------------------------------------------------------------------------------
// Errors

/** A daemon error: an HTTP-like status and the daemon's exact message. */
export class ApiError extends Error {
  /**
   * @param status 400 bad parameter, 404 not found, 409 conflict, 500 server error.
   * @param message exactly what the daemon says, e.g. `No such container: foo`.
   * @param exitCode for errors that come from a process rather than the daemon (a build step
   *   that returned non-zero, a command that could not be executed) the code the client exits
   *   with; `docker run` maps "executable file not found" start failures to 127.
   * @param inStream true when the error arrived inside a progress stream (build step failure):
   *   the client prints the message alone, without the `Error response from daemon: ` prefix.
   */
  constructor(
    public readonly status: 400 | 403 | 404 | 409 | 500,
    message: string,
    public readonly exitCode?: number,
    public readonly inStream = false,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// ---------------------------------------------------------------------------------------------
// Shared small shapes

/** `"80/tcp"` → `{}` (Go's `map[nat.Port]struct{}`). */
export type PortSet = Record<string, Record<string, never>>;
export interface PortBinding { HostIp: string; HostPort: string }
/** `"80/tcp"` → bindings, or null when exposed but not published. */
export type PortMap = Record<string, PortBinding[] | null>;

/** An OCI image config as the daemon reports it (every field optional). */
export interface ImageConfig {
  User?: string;
  ExposedPorts?: PortSet;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  OnBuild?: string[] | null;
  Shell?: string[];
  Healthcheck?: HealthConfig;
}

/** moby's container.HealthConfig: Test is `["CMD", …]`, `["CMD-SHELL", cmd]` or `["NONE"]`; durations in ns, 0 the default. */
export interface HealthConfig { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number }

/** The progress/stream message of pull and build (`pkg/jsonmessage.JSONMessage`). */
export interface JSONMessage {
  /** Pull: `Pulling fs layer`, `Downloading`, `Pull complete`, `Digest: sha256:…`, … */
  status?: string;
  /** Pull: the 12-hex short digest of the layer the status belongs to. */
  id?: string;
  /** Pull: byte counts for `Downloading` / `Extracting`. */
  progressDetail?: { current?: number; total?: number };
  /** Build (legacy builder): a chunk of text to print as is (ends with `\n`). */
  stream?: string;
  /** Build: `{ ID: "sha256:…" }` of the image just built. */
  aux?: { ID: string };
  error?: string;
  errorDetail?: { code?: number; message: string };
}
export type OnMessage = (m: JSONMessage) => void | Promise<void>;

/** How the engine waits (stop timeouts, `sleep` in a container): `TermIO` fits. */
export interface Waiter {
  /** Resolves after `ms` (at once in Node runs); the engine also advances its clock by `ms`. */
  sleep(ms: number): Promise<void>;
  /** A client in the background: it waits, the clock is the foreground's to move. */
  park?(ms: number, poll?: boolean): Promise<void>;
  /** Ctrl+C: the daemon finishes the work at once (e.g. SIGKILL) and the call resolves. */
  signal?: AbortSignal;
}

// ---------------------------------------------------------------------------------------------
// Images

export interface ImageSummary {
  Id: string;                 // sha256:<64 hex>
  ParentId: string;           // "" for pulled images
  RepoTags: string[];         // ["ubuntu:latest"]; [] when dangling
  RepoDigests: string[];      // ["ubuntu@sha256:…"]; [] for local builds
  Created: number;            // unix seconds
  Size: number;               // bytes, sum of the layers
  SharedSize: number;         // -1 unless from systemDf
  Labels: Record<string, string> | null;
  Containers: number;         // -1 unless from systemDf
}

export interface ImageListOptions {
  /** `-a`: include intermediate images of builds. */
  all?: boolean;
  /** `dangling=true|false`, `reference=<pattern>` (repeatable, any matches), `before`, `since`. */
  filters?: Record<string, string[]>;
}

export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  Parent: string;
  Comment: string;
  Created: string;            // RFC3339Nano
  DockerVersion: string;
  Author: string;
  Config: ImageConfig;
  Architecture: string;
  Os: string;
  Size: number;
  GraphDriver: { Data: Record<string, string>; Name: string };
  RootFS: { Type: 'layers'; Layers: string[] };
  Metadata: { LastTagTime: string };
}

export interface HistoryResponseItem {
  Id: string;                 // sha256:… or "<missing>"
  Created: number;            // unix seconds
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

/** One line of `docker rmi` output. */
export interface ImageDeleteResponseItem { Untagged?: string; Deleted?: string }

export interface ImagesPruneReport { ImagesDeleted: ImageDeleteResponseItem[] | null; SpaceReclaimed: number }

export interface BuildContext {
  /** The Dockerfile text. */
  dockerfile: string;
  /** The build context: path relative to the context root → file content. */
  files: Record<string, string>;
}
export interface BuildOptions {
  /** `-t`: repository[:tag] references to tag the result with. */
  tags?: string[];
  /** `--no-cache`. */
  noCache?: boolean;
  /** `--build-arg K=V`. */
  buildArgs?: Record<string, string>;
  /** `-q`: suppress the stream (only the ID is returned). */
  quiet?: boolean;
  /** `--target`: the last stage to build. */
  target?: string;
}

// ---------------------------------------------------------------------------------------------
// Networks

export interface IPAMConfig { Subnet: string; IPRange?: string; Gateway: string }
/** A container on a network, as `network inspect` lists it (addresses with their prefix). */
export interface EndpointResource { Name: string; EndpointID: string; MacAddress: string; IPv4Address: string; IPv6Address: string }
/** `GET /networks/{id}` (the list returns the same, Containers left empty). */
export interface NetworkInspect {
  Name: string;
  Id: string;                 // 64 hex
  Created: string;            // RFC3339Nano
  Scope: 'local';
  Driver: string;             // bridge, host, null
  EnableIPv4: boolean;
  EnableIPv6: boolean;
  IPAM: { Driver: string; Options: Record<string, string> | null; Config: IPAMConfig[] | null };
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  Containers: Record<string, EndpointResource>;
  Options: Record<string, string>;
  Labels: Record<string, string>;
}
export interface NetworkCreateRequest {
  Name: string;
  Driver?: string;
  Internal?: boolean;
  Attachable?: boolean;
  IPAM?: { Driver: string; Config: IPAMConfig[]; Options: Record<string, string> };
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
}
export interface NetworksPruneReport { NetworksDeleted: string[] | null }

// ---------------------------------------------------------------------------------------------
// Containers

export interface Port { IP?: string; PrivatePort: number; PublicPort?: number; Type: 'tcp' | 'udp' | 'sctp' }

export interface MountPoint { Type: string; Name?: string; Source: string; Destination: string; Driver?: string; Mode: string; RW: boolean; Propagation: string }

export interface EndpointSettings {
  /** `--ip`: the address asked for (`{ IPv4Address }`), null when the network picks one. */
  IPAMConfig: { IPv4Address?: string } | null; Links: null;
  /** `--network-alias` / `--alias` on a user-defined network. */
  Aliases: string[] | null; MacAddress: string; DriverOpts: null; GwPriority: number;
  NetworkID: string; EndpointID: string; Gateway: string; IPAddress: string; IPPrefixLen: number;
  IPv6Gateway: string; GlobalIPv6Address: string; GlobalIPv6PrefixLen: number;
  /** The names the embedded DNS answers for it (user-defined networks only). */
  DNSNames: string[] | null;
}

export type ContainerStateName = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
  Id: string;                 // 64 hex
  Names: string[];            // ["/eager_turing"]
  Image: string;              // as typed (`ubuntu`, `httpd:2.4`), or the 12-hex… full image ID once the name no longer resolves
  ImageID: string;            // sha256:…
  Command: string;            // Path + Args joined, args with spaces quoted '…' (not truncated)
  Created: number;            // unix seconds
  Ports: Port[];              // IPv4 binding then IPv6 (`::`) binding per published port
  SizeRw?: number;            // with size=true
  SizeRootFs?: number;        // with size=true
  Labels: Record<string, string>;
  State: ContainerStateName;
  Status: string;             // `Up 4 minutes`, `Exited (0) 9 minutes ago`, `Created`, … (computed now)
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, EndpointSettings> };
  Mounts: MountPoint[];
}

export interface ContainerListOptions {
  /** `-a` */
  all?: boolean;
  /** `-n N` (implies all); `-l` is limit 1. */
  limit?: number;
  /** `-s` */
  size?: boolean;
  /** `status=`, `name=`, `ancestor=`, `id=`, `exited=`, `label=` (each repeatable). */
  filters?: Record<string, string[]>;
}

export interface ContainerState {
  Status: ContainerStateName;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  StartedAt: string;          // RFC3339Nano, "0001-01-01T00:00:00Z" when never
  FinishedAt: string;
}

export interface HostConfig {
  Binds?: string[] | null;
  Mounts?: MountSpec[];
  Tmpfs?: Record<string, string>;
  VolumesFrom?: string[] | null;
  ReadonlyRootfs?: boolean;
  NetworkMode?: string;
  PortBindings?: PortMap;
  RestartPolicy?: { Name: string; MaximumRetryCount: number };
  AutoRemove?: boolean;
  Privileged?: boolean;
  [key: string]: unknown;
}

/** The body of `POST /containers/create`: the container config plus its HostConfig. */
export interface ContainerCreateConfig {
  Image: string;              // as typed
  Cmd?: string[];             // overrides the image's Cmd when given (non-empty)
  Entrypoint?: string[];      // `--entrypoint`; [""] clears the image's
  Env?: string[];             // `-e K=V` added to the image's Env
  WorkingDir?: string;        // `-w`
  User?: string;
  Hostname?: string;
  Domainname?: string;
  Tty?: boolean;              // `-t`
  OpenStdin?: boolean;        // `-i`
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  StdinOnce?: boolean;
  ExposedPorts?: PortSet;
  Labels?: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
  Healthcheck?: HealthConfig;
  /** `-v /path`: anonymous volumes, added to the image's. */
  Volumes?: Record<string, Record<string, never>>;
  HostConfig?: HostConfig;    // PortBindings from `-p`, AutoRemove from `--rm`
  /** `--ip`, `--network-alias`: the settings of the endpoint on the `--network` network. */
  NetworkingConfig?: { EndpointsConfig: Record<string, EndpointConfig> };
}
/** What a container asks of its endpoint on a network (create, `network connect`). */
export interface EndpointConfig { IPAMConfig?: { IPv4Address?: string } | null; Aliases?: string[] | null }
export interface ContainerCreateResponse { Id: string; Warnings: string[] }

export interface ContainerConfig {
  Hostname: string; Domainname: string; User: string;
  AttachStdin: boolean; AttachStdout: boolean; AttachStderr: boolean;
  ExposedPorts?: PortSet;
  Tty: boolean; OpenStdin: boolean; StdinOnce: boolean;
  Env: string[]; Cmd: string[] | null; Image: string;
  Volumes: Record<string, Record<string, never>> | null; WorkingDir: string;
  Entrypoint: string[] | null; OnBuild: string[] | null; Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;       // `--stop-timeout`: the default grace period of stop and restart
  Healthcheck?: HealthConfig;
}

export interface NetworkSettings {
  Bridge: string; SandboxID: string; SandboxKey: string; Ports: PortMap;
  HairpinMode: boolean; LinkLocalIPv6Address: string; LinkLocalIPv6PrefixLen: number;
  SecondaryIPAddresses: null; SecondaryIPv6Addresses: null;
  EndpointID: string; Gateway: string; GlobalIPv6Address: string; GlobalIPv6PrefixLen: number;
  IPAddress: string; IPPrefixLen: number; IPv6Gateway: string; MacAddress: string;
  Networks: Record<string, EndpointSettings>;
}

export interface ContainerInspect {
  Id: string;
  Created: string;
  Path: string;
  Args: string[];
  State: ContainerState;
  Image: string;              // sha256:…
  ResolvConfPath: string;
  HostnamePath: string;
  HostsPath: string;
  LogPath: string;
  Name: string;               // with leading '/'
  RestartCount: number;
  Driver: string;
  Platform: string;
  MountLabel: string;
  ProcessLabel: string;
  AppArmorProfile: string;
  ExecIDs: string[] | null;
  HostConfig: HostConfig;
  GraphDriver: { Data: Record<string, string>; Name: string };
  SizeRw?: number;
  SizeRootFs?: number;
  Mounts: MountPoint[];
  Config: ContainerConfig;
  NetworkSettings: NetworkSettings;
}

/** `docker diff`: Kind 0 = C (modified), 1 = A (added), 2 = D (deleted); sorted by path. */
export interface FilesystemChange { Kind: 0 | 1 | 2; Path: string }

export interface ContainersPruneReport { ContainersDeleted: string[] | null; SpaceReclaimed: number }

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  /** Text as written (a TTY container's lines end with `\r\n`). */
  text: string;
  /** Unix milliseconds, for `--timestamps`/`--since`. */
  time: number;
}
export interface LogsOptions {
  stdout?: boolean;           // default true
  stderr?: boolean;           // default true
  /** Number of lines from the end, or 'all'. */
  tail?: number | 'all';
  /** Unix seconds. */
  since?: number;
  until?: number;
}

export interface CommitOptions {
  /** Repository[:tag] as typed; none leaves a dangling image. */
  reference?: string;
  comment?: string;           // `-m`
  author?: string;            // `-a`
  /** `-c` Dockerfile instructions: `CMD ["x"]`, `ENV K=V`, `EXPOSE 80`, … */
  changes?: string[];
  pause?: boolean;
}

export interface ExecConfig {
  Cmd: string[];
  Tty?: boolean;
  AttachStdin?: boolean;      // `-i`
  Env?: string[];
  WorkingDir?: string;
  User?: string;
  Detach?: boolean;           // `-d`
}

/** The CPU counters of a stats sample (nanoseconds). */
export interface CpuStats { cpu_usage: { total_usage: number }; system_cpu_usage: number; online_cpus: number }

/** `GET /containers/{id}/stats?stream=false`: the part of moby's StatsResponse the client reads. */
export interface ContainerStats {
  name: string;               // "/web"
  id: string;
  cpu_stats: CpuStats;
  /** The sample before (the CPU % is the difference). */
  precpu_stats: CpuStats;
  /** Bytes; empty for a stopped container. */
  memory_stats: { usage?: number; limit?: number };
  networks?: Record<string, { rx_bytes: number; tx_bytes: number }>;
  blkio_stats: { io_service_bytes_recursive: { op: string; value: number }[] | null };
  pids_stats: { current?: number };
}

/** One entry of a `docker cp` archive (see archive.ts): its path in the archive and its content. */
export interface ArchiveEntry {
  name: string;
  kind: 'file' | 'dir' | 'link';
  mode: number;
  mtime: number;
  /** Bytes of a file (0 otherwise); `data` is absent for a file the simulation only knows the size of. */
  size: number;
  data?: string;
  target?: string;
  /** The owner, as a tar header's uid/gid (none: root). */
  uid?: number;
  gid?: number;
}

/** `HEAD /containers/{id}/archive`: the resource at a path (mode as Go's os.FileMode). */
export interface PathStat { name: string; size: number; mode: number; mtime: string; linkTarget: string }

/** A stop/restart call's options (`-t`, `-s`). */
export interface StopOptions { timeout?: number; signal?: string }

export interface PullOptions {
  signal?: AbortSignal;
  /** `--all-tags`: `ref` names a repository alone and every tag the registry lists is pulled. */
  all?: boolean;
  /** `--platform` as given (the client lowercases it); the daemon parses it as containerd does. */
  platform?: string;
}

/**
 * A process inside a container the client is attached to: the container's main process
 * (`run -it`, `start -ai`, `attach`) or an exec'd one (`exec -it`).
 *
 * Output the process writes goes to the TermIO given to the call that made it write
 * (`input`, `eof`, or the `io` of `containerAttach`/`exec` for what it prints on its own).
 */
export interface ProcessHandle {
  /** The container's 64-hex ID. */
  readonly containerId: string;
  /** The terminal what the container prints goes to from now on (each line of an attached session). */
  use?(io: TermIO): void;
  /**
   * The prompt the process shows when it waits for a line: `root@<12 hex>:/# `, `/ # `,
   * `root@…:~# `, a question such as `Do you want to continue? [Y/n] `, or '' when it prints none.
   */
  prompt(): string;
  /** Whether the process reads input (`-i`). Without it, lines are ignored. */
  readonly interactive: boolean;
  /** Sends one line (without the newline) and resolves when the process waits again or exits. */
  input(line: string, io: TermIO): Promise<void>;
  /** Ctrl+D on an empty line: a shell exits as with `exit`. */
  eof(io: TermIO): Promise<void>;
  /**
   * Ctrl+C: interrupts what the process is doing. A shell on a terminal prints `^C` and keeps
   * going (a pending question is dropped); other processes get SIGINT (nginx stops, exit 0).
   */
  interrupt(io: TermIO): Promise<void>;
  /** Ctrl+P Ctrl+Q: stops listening; the process keeps running. */
  detach(): void;
  /** True once the process has ended (for the main process: the container has stopped). */
  readonly exited: boolean;
  /** The exit code once exited, otherwise null. */
  readonly exitCode: number | null;
  /** While it runs: the exit status of the last line a shell ran (its `$?`), 0 for other programs. */
  readonly status: number;
  /** Names for completion inside the container: files of the current directory and commands. */
  complete(word: string): string[];
  /** False while the line it waits for is not shown as typed (a password). */
  readonly echo?: boolean;
  /** True while a full-screen program (nano, vi) holds the terminal. */
  readonly screen?: boolean;
  /** One raw key (or typed text; '' redraws) for that program, drawn on `io` at its size. */
  key?(data: string, io: TermIO): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Volumes

/** moby's volume.Volume (local driver). */
export interface Volume {
  CreatedAt: string;          // RFC3339, seconds
  Driver: string;
  Labels: Record<string, string> | null;
  Mountpoint: string;         // /var/lib/docker/volumes/<name>/_data
  Name: string;
  Options: Record<string, string> | null;
  Scope: 'local';
  /** With systemDf: bytes and how many containers use it. */
  UsageData?: { RefCount: number; Size: number };
}

/** `POST /volumes/create`. */
export interface VolumeCreateOptions { Name?: string; Driver?: string; DriverOpts?: Record<string, string>; Labels?: Record<string, string> }

export interface VolumesPruneReport { VolumesDeleted: string[] | null; SpaceReclaimed: number }

/** A `--mount` as the API carries it (`HostConfig.Mounts`). */
export interface MountSpec {
  Type: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string>; Subpath?: string; DriverConfig?: { Name?: string; Options?: Record<string, string> } };
  BindOptions?: { Propagation?: string; NonRecursive?: boolean; CreateMountpoint?: boolean };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

// ---------------------------------------------------------------------------------------------
// System

export interface SystemDf {
  LayersSize: number;
  Images: ImageSummary[];     // with SharedSize and Containers filled in
  Containers: ContainerSummary[]; // with SizeRw / SizeRootFs
  Volumes: Volume[];         // with UsageData
  BuildCache: unknown[];
}

export interface SystemInfo {
  ID: string; Containers: number; ContainersRunning: number; ContainersPaused: number;
  ContainersStopped: number; Images: number; Driver: string; DriverStatus: [string, string][];
  Plugins: { Volume: string[]; Network: string[]; Authorization: null; Log: string[] };
  MemoryLimit: boolean; SwapLimit: boolean; CpuCfsPeriod: boolean; CpuCfsQuota: boolean;
  CPUShares: boolean; CPUSet: boolean; PidsLimit: boolean; IPv4Forwarding: boolean;
  Debug: boolean; NFd: number; OomKillDisable: boolean; NGoroutines: number; SystemTime: string;
  LoggingDriver: string; CgroupDriver: string; CgroupVersion: string; NEventsListener: number;
  KernelVersion: string; OperatingSystem: string; OSVersion: string; OSType: string;
  Architecture: string; IndexServerAddress: string; NCPU: number; MemTotal: number;
  DockerRootDir: string; HttpProxy: string; HttpsProxy: string; NoProxy: string; Name: string;
  Labels: string[]; ExperimentalBuild: boolean; ServerVersion: string; DefaultRuntime: string;
  Runtimes: Record<string, { path: string }>; LiveRestoreEnabled: boolean; Isolation: string;
  InitBinary: string; ContainerdCommit: { ID: string }; RuncCommit: { ID: string };
  InitCommit: { ID: string }; SecurityOptions: string[]; Warnings: string[] | null;
}

export interface SystemVersion {
  Platform: { Name: string };
  Components: { Name: string; Version: string; Details: Record<string, string> }[];
  Version: string; ApiVersion: string; MinAPIVersion: string; GitCommit: string;
  GoVersion: string; Os: string; Arch: string; KernelVersion: string; BuildTime: string;
}

// ---------------------------------------------------------------------------------------------
// The engine

export interface DockerApi {
  // --- system
  ping(): Promise<'OK'>;
  version(): Promise<SystemVersion>;
  info(): Promise<SystemInfo>;
  systemDf(): Promise<SystemDf>;

  // --- images
  imageList(opts?: ImageListOptions): Promise<ImageSummary[]>;
  /**
   * Pulls `ref` (as typed; no tag means `latest`). Calls `onMessage` for every message in the
   * order the daemon streams them: `{status: 'Pulling from library/x', id: '<tag or digest>'}`
   * (the CLI prints `<id>: <status>`), per-layer statuses with
   * `id` (`Already exists`, `Pulling fs layer`, `Waiting`, `Downloading` with progressDetail,
   * `Verifying Checksum`, `Download complete`, `Extracting` with progressDetail,
   * `Pull complete`), `Digest: sha256:…`, `Status: Downloaded newer image for x:tag` or
   * `Status: Image is up to date for x:tag`. The CLI's own lines (`Using default tag: latest`,
   * the final `docker.io/library/x:tag`) are the client's.
   * Rejects before any message with 404 `pull access denied for x, repository does not exist
   * or may require 'docker login': denied: requested access to the resource is denied` or
   * `manifest for x:tag not found: manifest unknown: manifest unknown`, and with 400
   * `invalid reference format…` for a bad reference.
   */
  imagePull(ref: string, onMessage: OnMessage, opts?: PullOptions): Promise<void>;
  imageInspect(ref: string): Promise<ImageInspect>;
  imageHistory(ref: string): Promise<HistoryResponseItem[]>;
  /** `docker tag SOURCE TARGET`. */
  imageTag(source: string, target: string): Promise<void>;
  /** `docker rmi`: one call per argument; the items in the order the daemon reports them. */
  imageRemove(ref: string, opts?: { force?: boolean; noprune?: boolean }): Promise<ImageDeleteResponseItem[]>;
  /**
   * `docker image prune`: unused images matching the filters (`dangling`, default true: only
   * dangling ones; `false` for `-a`), `label`, `label!`, `until`.
   */
  imagesPrune(filters?: Record<string, string[]>): Promise<ImagesPruneReport>;
  /**
   * Legacy builder (`DOCKER_BUILDKIT=0` output). Streams `{stream}` text chunks exactly as
   * the daemon does: `Step 1/3 : FROM ubuntu\n`, ` ---> 74f2…\n`, ` ---> Using cache\n`,
   * ` ---> Running in 0d1e…\n`, the RUN output, ` ---> Removed intermediate container …\n`,
   * `Successfully built <id12>\n`, `Successfully tagged x:latest\n`; an implicit pull of the
   * FROM image streams pull messages. The client prints `Sending build context to Docker
   * daemon  N` itself. A failing RUN rejects with an ApiError with `inStream` and `exitCode`:
   * `The command '/bin/sh -c foo' returned a non-zero code: 127`.
   */
  imageBuild(context: BuildContext, opts: BuildOptions, onMessage: OnMessage): Promise<{ Id: string }>;

  // --- containers
  containerList(opts?: ContainerListOptions): Promise<ContainerSummary[]>;
  /**
   * Creates a container. 404 `No such image: x:latest` when the image is not local (the
   * client pulls and retries, as `docker run` does); 409 name conflict:
   * `Conflict. The container name "/x" is already in use by container "<64 hex>". You have to
   * remove (or rename) that container to be able to reuse that name.`
   */
  containerCreate(config: ContainerCreateConfig, name?: string): Promise<ContainerCreateResponse>;
  containerInspect(id: string, opts?: { size?: boolean }): Promise<ContainerInspect>;
  /**
   * Starts the main process. Anything it prints on starting goes to the logs and to attached
   * handles. A process that ends at once (hello-world, `echo hi`, `bash` without `-i`) leaves
   * the container exited when this resolves. Starting a running container is a no-op (304).
   * A missing executable rejects with 400 `failed to create task for container: failed to
   * create shim task: OCI runtime create failed: runc create failed: unable to start container
   * process: error during container init: exec: "foo": executable file not found in $PATH:
   * unknown` (exitCode 127) and leaves the container `Created` with exit code 127.
   */
  containerStart(id: string): Promise<void>;
  /**
   * Sends the stop signal (image StopSignal, SIGTERM by default); a process that ignores it
   * (bash, sleep as PID 1) is killed after `timeout` seconds (default 10) → exit 137;
   * nginx, httpd, mysql exit 0 at once. The wait goes through `wait.sleep`. Stopping a stopped
   * container is a no-op (304).
   */
  containerStop(id: string, opts?: StopOptions, wait?: Waiter): Promise<void>;
  containerRestart(id: string, opts?: StopOptions, wait?: Waiter): Promise<void>;
  /** Default SIGKILL. 409 `container <64 hex> is not running` when it is not running. */
  containerKill(id: string, signal?: string): Promise<void>;
  /** 409 `container <64 hex> is not running` / `Container <64 hex> is already paused`. */
  containerPause(id: string): Promise<void>;
  /** 409 `Container <64 hex> is not paused` (moby capitalises these two). */
  containerUnpause(id: string): Promise<void>;
  /**
   * 409 `cannot remove container "name": container is running: stop the container before
   * removing or force remove` (or `…: container is paused and must be unpaused first`).
   */
  containerRemove(id: string, opts?: { force?: boolean; volumes?: boolean }): Promise<void>;
  containerLogs(id: string, opts?: LogsOptions): Promise<LogEntry[]>;
  containerChanges(id: string): Promise<FilesystemChange[]>;
  containerCommit(id: string, opts?: CommitOptions): Promise<{ Id: string }>;
  /**
   * Attaches to the main process (call it before `containerStart` for `run -it`/`start -a`, so
   * nothing printed at start is missed: what the process prints goes to `io`).
   * 409 `You cannot attach to a stopped container, start it first` (a created container is fine
   * for `run`/`start -a`, pass `{ beforeStart: true }`), `You cannot attach to a paused
   * container, unpause it first`.
   * `input`: what the client streams into the attached stdin before it closes it (a pipe or a
   * redirection on the host): before the start, the process reads it then EOF (StdinOnce).
   */
  containerAttach(id: string, io: TermIO, opts?: { stdin?: boolean; beforeStart?: boolean; input?: string }): Promise<ProcessHandle>;
  /**
   * Resolves with the exit code once the container stops (at once if already stopped); with
   * `wait.signal` aborted, resolves with null and the container keeps running. A process that
   * ends on its own time (`sleep 5` as PID 1) is waited for through `wait.sleep`; one that never
   * ends by itself (a server, a shell) resolves null at once when there is no `wait.signal`.
   */
  containerWait(id: string, wait?: Waiter): Promise<{ StatusCode: number } | null>;
  /**
   * `docker exec`: runs a process in a running container. What a non-interactive process
   * prints goes to `io` and the handle comes back exited. 409 `container <64 hex> is not
   * running` / `Container <name as given> is paused, unpause the container before exec`; a missing
   * executable rejects with 400/127 as containerStart does (OCI runtime exec failed…).
   * `input`: a piped stdin the client streams with `-i` and then closes; the process reads it then EOF.
   */
  exec(id: string, config: ExecConfig, io: TermIO, input?: string): Promise<ProcessHandle>;
  /** `docker container prune`: stopped containers matching the filters (`label`, `label!`, `until`). */
  containersPrune(filters?: Record<string, string[]>): Promise<ContainersPruneReport>;
  /**
   * `docker rename`: 400 `Renaming a container with the same name as its current name`, 400/409
   * `Error when allocating new name: Invalid container name (/x y)…` / `…: Conflict. …`.
   */
  containerRename(id: string, name: string): Promise<void>;
  /**
   * `docker stats`: one sample (a stopped container's has its name and ID, zeros elsewhere).
   * `stream`: a sample of a live stream, whose numbers move a little from second to second.
   */
  containerStats(id: string, opts?: { stream?: boolean }): Promise<ContainerStats>;
  /**
   * `docker cp`: 404 `Could not find the file <path> in container <name as given>` when the path
   * (for an extraction, the directory) is missing; a relative path is taken from `/`.
   */
  containerStatPath(id: string, path: string): Promise<PathStat>;
  containerArchive(id: string, path: string): Promise<{ stat: PathStat; entries: ArchiveEntry[] }>;
  /**
   * Unpacks the entries under the directory `dir`, into the container's writable layer, with the
   * owners they carry; `copyUIDGID` (`cp -a`) gives them all to the container's `--user`, looked up
   * by name in the daemon's own /etc/passwd (os/user), 500 `user: unknown user <name>` otherwise.
   */
  containerExtract(id: string, dir: string, entries: ArchiveEntry[], copyUIDGID?: boolean): Promise<void>;
  /** `docker top`: the processes of a running container (409 when it is not running). */
  /** `psArgs`: the options for the host's ps (`-ef` when empty), as `docker top c aux` passes them. */
  containerTop?(id: string, psArgs?: string): Promise<{ Titles: string[]; Processes: string[][] }>;
  /**
   * `docker update`: the resources and restart policy of `HostConfig` that are given (unset
   * fields stay). 400 `Restart policy cannot be updated because AutoRemove is enabled for the
   * container`, `Minimum memory limit allowed is 6MB`, `Memory limit should be smaller than
   * already set memoryswap limit, update the memoryswap at the same time`…
   */
  containerUpdate(id: string, update: ContainerUpdate): Promise<{ Warnings: string[] }>;

  // --- system
  /**
   * `GET /events`: with `since` or `until` (`<unix seconds>.<nanoseconds>`) the recorded events
   * (the last 256) from `since` up to `until`; then, while `wait.signal` is live and `until` has
   * not come, the new ones as they happen (the clock moves through `wait.sleep`). `filters`:
   * `type`, `event`, `container`, `image`, `label`, `network`, `volume`, `daemon`, `scope`…
   */
  systemEvents(opts: EventsOptions, onEvent: (m: EventMessage) => void, wait?: Waiter): Promise<void>;

  // --- swarm and plugins: a single engine in no swarm, without plugins
  /**
   * What only a swarm manager lists (`nodes`, `services`, `secrets`, `configs`): 500 `This node is not a
   * swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm
   * and try again.`
   */
  swarmList(kind: 'nodes' | 'services' | 'secrets' | 'configs'): Promise<never[]>;
  /** `docker swarm leave`: 500 `This node is not part of a swarm`. */
  swarmLeave(force?: boolean): Promise<void>;
  /**
   * `POST /build/prune`: BuildKit's cache, which the legacy builder leaves empty (its cache is
   * the intermediate images), so nothing is reclaimed.
   */
  buildCachePrune(opts?: { all?: boolean; filters?: Record<string, string[]> }): Promise<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>;
  /** `GET /plugins`: none installed; filters `enabled` (a boolean) and `capability`. */
  pluginList(filters?: Record<string, string[]>): Promise<PluginSummary[]>;

  // --- networks
  /** `driver`, `name`, `id`, `label`, `scope`, `type` (custom|builtin), `dangling` filters. */
  networkList(filters?: Record<string, string[]>): Promise<NetworkInspect[]>;
  /** 409 `network with name x already exists`; 403 `operation is not permitted on predefined x network `. */
  networkCreate(req: NetworkCreateRequest): Promise<{ Id: string; Warning: string }>;
  /** By full ID, name or unique ID prefix; 404 `network x not found`. */
  networkInspect(id: string): Promise<NetworkInspect>;
  /** 403 `x is a pre-defined network and cannot be removed`; `…has active endpoints (…)`. */
  networkRemove(id: string): Promise<void>;
  networkConnect(id: string, container: string, config?: EndpointConfig): Promise<void>;
  networkDisconnect(id: string, container: string, force?: boolean): Promise<void>;
  /** Custom networks no running container uses (`until`, `label`, `label!` filters). */
  networksPrune(filters?: Record<string, string[]>): Promise<NetworksPruneReport>;
  // --- volumes
  /**
   * `docker volume create`: an existing name is returned as it is. 400 `create x: "x" includes
   * invalid characters for a local volume name, …`, `create x: invalid option: "foo"`.
   */
  volumeCreate(opts: VolumeCreateOptions): Promise<Volume>;
  /** Filters `dangling`, `name`, `label`, `driver`. */
  volumeList(filters?: Record<string, string[]>): Promise<{ Volumes: Volume[]; Warnings: string[] | null }>;
  /** 404 `get x: no such volume`. */
  volumeInspect(name: string): Promise<Volume>;
  /** 409 `remove x: volume is in use - [<container IDs>]`; with `force` a missing volume is no error. */
  volumeRemove(name: string, force?: boolean): Promise<void>;
  /** Unused volumes: anonymous ones, or every one with `all=true`; `label`, `label!`. */
  volumesPrune(filters?: Record<string, string[]>): Promise<VolumesPruneReport>;

  // --- the simulated machine (not part of the HTTP API)
  /** Unix milliseconds of the simulated clock. */
  now(): number;
  /** Advances the clock (the client: 1 s per command; `sleep N` on the host: N s); a promise while detached scripts wake on the way. */
  advance(ms: number): void | Promise<void>;
  /** Completion: local image references (`ubuntu:latest`, `ubuntu`) and container names/IDs. */
  names(): Names;
  /** The machine's own files (the host shell's), where bind mounts come from. */
  useHostFs?(fs: Fs): void;
  /** Plain JSON of the whole engine (images, layers, containers, clock, PRNG position). */
  save(): EngineState;
}

/** The fields of `POST /containers/{id}/update` (a HostConfig's resources and restart policy). */
export interface ContainerUpdate {
  Memory?: number; MemorySwap?: number; MemoryReservation?: number; NanoCpus?: number; CpuShares?: number;
  CpuPeriod?: number; CpuQuota?: number; CpuRealtimePeriod?: number; CpuRealtimeRuntime?: number;
  CpusetCpus?: string; CpusetMems?: string; BlkioWeight?: number; PidsLimit?: number;
  RestartPolicy?: { Name: string; MaximumRetryCount: number };
}

export interface PluginSummary { Id: string; Name: string; Enabled: boolean; Config: { Description: string } }

export interface EventsOptions { since?: string; until?: string; filters?: Record<string, string[]> }

/** `events.Message`; `timeNano` is an int64 the JSON carries as a number (a bigint here). */
export interface EventMessage {
  status?: string; id?: string; from?: string;
  Type: string; Action: string; Actor: { ID: string; Attributes: Record<string, string> };
  scope: string; time: number; timeNano: bigint;
}

/** Names completion offers, by kind of object. */
export interface Names { images: string[]; containers: string[]; networks: string[]; volumes: string[] }

/** What `save()` returns and `createEngine({ state })` takes back. */
export interface EngineState {
  format: 'aula-docker-engine';
  version: number;
  [key: string]: unknown;
}

export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export interface EngineOptions {
  /** Deterministic IDs, names, PRNG and a fixed start date. */
  seed?: number;
  /** Replaces the default clock (seeded: fixed start date; otherwise the real time). */
  clock?: Clock;
  /** A `save()` value; corrupt or foreign state throws `InvalidEngineState`. */
  state?: unknown;
}

export class InvalidEngineState extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEngineState';
  }
}

/** Signature of `createEngine` exported by `src/docker/engine/index.ts`. */
export type CreateEngine = (opts?: EngineOptions) => DockerApi;

// ---------------------------------------------------------------------------------------------
// Registry and archives

/** Who the client is logged in to Docker Hub as (the decoded X-Registry-Auth header). */
export interface RegistryAuth { username: string; password?: string; serveraddress?: string }

export interface PushOptions {
  /** `--all-tags`: `ref` names a repository and every local tag of it is pushed. */
  all?: boolean;
  auth?: RegistryAuth;
  signal?: AbortSignal;
}

/** One result of `GET /images/search` (`registry.SearchResult`). */
export interface SearchResult { star_count: number; is_official: boolean; name: string; is_automated: boolean; description: string }

/**
 * A tar stream as the API carries it here: `data` is a compact encoding of the archive (what a
 * file written with it holds), `size` the bytes the real tar would have.
 */
export interface TarStream { data: string; size: number }

/** `POST /images/create?fromSrc=-`: `docker import`'s repository, message and `-c` changes. */
export interface ImportOptions { reference?: string; message?: string; changes?: string[] }

/** The registry, archive and login endpoints (see engine/push.ts, engine/archive-images.ts). */
export interface DockerApi {
  /** `POST /auth`: Docker Hub accepts any non-empty user and password here. */
  registryLogin(auth: RegistryAuth): Promise<{ Status: string }>;
  /** `POST /images/{name}/push`: the message stream of distribution/push_v2.go; denied pushes fail inside it. */
  imagePush(ref: string, onMessage: OnMessage, opts?: PushOptions): Promise<void>;
  /** `GET /images/search`. */
  imageSearch(term: string, opts?: { limit?: number; filters?: Record<string, string[]> }): Promise<SearchResult[]>;
  /** `GET /images/get`: the images and the tags named, as one archive. */
  imageSave(names: string[]): Promise<TarStream>;
  /** `POST /images/load`: progress (unless quiet) and `Loaded image: …` stream lines. */
  imageLoad(data: string, onMessage: OnMessage, opts?: { quiet?: boolean }): Promise<void>;
  /** `GET /containers/{id}/export`: the container's whole filesystem. */
  containerExport(id: string): Promise<TarStream>;
  /** `POST /images/create?fromSrc=-`: a one-layer image of the archive's files; reports `sha256:…`. */
  imageImport(data: string, opts: ImportOptions, onMessage: OnMessage): Promise<void>;
}
