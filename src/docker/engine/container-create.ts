/**
 * `POST /containers/create`: the image's config merged with the request's (entrypoint and
 * command rules, environment, ports), a unique ID and name, and the defaults inspect shows.
 */
import { ApiError, type ContainerCreateConfig, type ContainerCreateResponse, type ContainerUpdate } from '../api';
import { mergeEnv } from './config';
import type { Ctr, Engine } from './engine';
import { absPath, joinPath, newDir, splitPath } from './fs';
import * as imgs from './images';
import { randomName, VALID_NAME } from './names';
import { mergeHealthcheck, validateHealthcheck } from './health';
import { parseSignal } from './process';
import { STD_PATH } from './shell/sh';
import { verify } from './update';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The runtime's default masked and read-only paths (shared: nothing changes them). */
const MASKED_PATHS = ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'];
/** The empty lists of every HostConfig (frozen: shared by all containers). */
const NONE: never[] = Object.freeze([]) as unknown as never[];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

const DEFAULT_PATH = 'PATH=' + STD_PATH;

export const create = {
  async containerCreate(this: Engine, config: ContainerCreateConfig, name?: string): Promise<ContainerCreateResponse> {
    // validateContainerConfig: an absolute working directory (cleaned), then moby/sys/signal's
    // ParseSignal (any positive number passes).
    const wd = config.WorkingDir;
    if (wd && !wd.startsWith('/')) throw new ApiError(400, `the working directory '${wd}' is invalid, it needs to be an absolute path`);
    const stop = config.StopSignal;
    if (stop && (/^\d+$/.test(stop) ? !+stop : parseSignal(stop) === undefined)) throw new ApiError(400, `invalid signal: ${stop}`);
    const restart = config.HostConfig?.RestartPolicy ?? { Name: 'no', MaximumRetryCount: 0 };
    validateRestartPolicy(restart);
    const given = config.HostConfig ?? {};
    for (const key of ['CapAdd', 'CapDrop'] as const) checkCapabilities(key, (given[key] ?? []) as string[]);
    const isolation = (given.Isolation ?? '') as string;
    if (!/^(default)?$/i.test(isolation)) throw new ApiError(400, `invalid isolation '${isolation}' on linux`);
    if (given.Annotations && '' in (given.Annotations as object)) throw new ApiError(400, 'invalid Annotations: the empty string is not permitted as an annotation key');
    // verifyPlatformContainerSettings: the resources, then the namespaces and the OOM score, before the image is looked up.
    const resourceWarnings = verify(given as ContainerUpdate, true);
    const ipc = (given.IpcMode ?? '') as string;
    if (!/^(|none|private|host|shareable|container:.*)$/.test(ipc)) throw new ApiError(400, `invalid IPC mode: ${ipc}`);
    const oom = num(given.OomScoreAdj);
    if (oom < -1000 || oom > 1000) throw new ApiError(400, `Invalid value ${oom}, range for oom score adj is [-1000, 1000]`);
    // The systemd cgroup driver names a parent by its slice; a runtime is one configured here
    // (runc) or a name containerd could find a shim for (`io.containerd.kata.v2`).
    const parent = (given.CgroupParent ?? '') as string;
    if (parent && (parent.length <= 6 || !parent.endsWith('.slice'))) throw new ApiError(400, 'cgroup-parent for systemd cgroup should be a valid slice named as "xxx.slice"');
    const runtime = (given.Runtime ?? '') as string;
    if (runtime && !/^(runc|io\.containerd\.runc\.v2)$/.test(runtime) && !/^[^/.][^/]*\.[^/]*$/.test(runtime)) throw new ApiError(400, `unknown or invalid runtime name: ${runtime}`);
    // ValidateTmpfsMountDestination of each --tmpfs: not the root, and absolute.
    for (const dest of Object.keys((given.Tmpfs ?? {}) as Record<string, string>).map((d) => d.replace(/\\/g, '/'))) {
      if (dest.startsWith('/') && absPath('/', dest) === '/') throw new ApiError(400, "invalid specification: destination can't be '/'");
      if (!dest.startsWith('/')) throw new ApiError(400, `invalid mount path: '${dest}' mount path must be absolute`);
    }
    validateHealthcheck(config.Healthcheck);
    const img = imgs.getImage(this.hostApi(), config.Image);
    const ic = img.config;
    const userCmd = config.Cmd && config.Cmd.length ? config.Cmd : undefined;
    const entrypoint = config.Entrypoint !== undefined ? (config.Entrypoint.length === 1 && config.Entrypoint[0] === '' ? [] : config.Entrypoint) : ic.Entrypoint ?? [];
    const cmd = userCmd ?? (config.Entrypoint !== undefined ? [] : ic.Cmd ?? []);
    const argv = [...entrypoint, ...cmd];
    if (!argv.length) throw new ApiError(400, 'no command specified');
    const log = checkLogConfig(given.LogConfig as { Type?: string; Config?: Record<string, string> } | undefined);
    // The name is reserved after the image is found (a missing image is pulled first, as the
    // client retries) and the command merged: newContainer's generateIDAndName.
    if (name && !VALID_NAME.test(name)) throw new ApiError(400, `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const taken = (n: string) => [...this.containers.values()].find((c) => c.name === n);
    let finalName = name?.replace(/^\//, '');
    const holder = finalName && taken(finalName);
    if (holder) throw new ApiError(409, `Conflict. The container name "/${finalName}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    const env = mergeEnv(ic.Env ?? [DEFAULT_PATH], config.Env ?? []);
    const ports = { ...ic.ExposedPorts, ...config.ExposedPorts };
    const health = mergeHealthcheck(config.Healthcheck, ic.Healthcheck);
    for (const p in config.HostConfig?.PortBindings) ports[p] = {};
    const { mode, nets, warnings } = this.createNets(config);
    const hc = config.HostConfig ?? {};
    const mem = num(hc.Memory);
    // The daemon's default swap limit is as much again as the memory limit.
    const swap = num(hc.MemorySwap) || (mem > 0 ? mem * 2 : 0);
    const mounts = this.planMounts(config, ic.Volumes);
    const volumes = { ...ic.Volumes, ...config.Volumes };
    let id: string;
    do id = this.rng.hex(64);
    while (this.containers.has(id) || /^[0-9]+$/.test(id.slice(0, 12)));
    for (let retry = 0; !finalName; retry++) {
      const n = randomName(this.rng, retry > 5 ? 1 : 0);
      if (!taken(n)) finalName = n;
    }
    // registerLinks, on the default bridge: each child must exist; kept as /child:/parent/alias
    const links = mode === 'bridge' ? ((hc.Links as string[] | undefined) ?? []).map((l) => {
      const [n, alias = n] = l.split(':');
      try {
        return `/${this.get(n).name}:/${finalName}/${alias}`;
      } catch (e) {
        throw new ApiError(400, `could not get container for ${n}: ${(e as Error).message}`);
      }
    }) : [];
    const c: Ctr = {
      id,
      name: finalName,
      created: this.now(),
      image: img.id,
      imageRef: config.Image,
      path: argv[0],
      args: argv.slice(1),
      config: {
        Hostname: config.Hostname || (mode === 'host' ? 'aula' : id.slice(0, 12)), Domainname: config.Domainname ?? '', User: config.User ?? ic.User ?? '',
        AttachStdin: !!config.AttachStdin, AttachStdout: config.AttachStdout ?? true, AttachStderr: config.AttachStderr ?? true,
        ...(Object.keys(ports).length ? { ExposedPorts: ports } : {}),
        Tty: !!config.Tty, OpenStdin: !!config.OpenStdin, StdinOnce: !!config.StdinOnce,
        Env: env, Cmd: cmd.length ? cmd : null, ...(health && { Healthcheck: health }), Image: config.Image, Volumes: Object.keys(volumes).length ? volumes : null,
        WorkingDir: wd ? joinPath(splitPath(wd)) : ic.WorkingDir ?? '', Entrypoint: entrypoint.length ? entrypoint : null, OnBuild: null,
        Labels: { ...ic.Labels, ...config.Labels },
        ...(config.StopSignal ?? ic.StopSignal ? { StopSignal: config.StopSignal ?? ic.StopSignal } : {}),
        ...(config.StopTimeout !== undefined ? { StopTimeout: config.StopTimeout } : {}),
      },
      hostConfig: {
        Binds: hc.Binds ?? null, ContainerIDFile: '', LogConfig: log, NetworkMode: mode,
        PortBindings: config.HostConfig?.PortBindings ?? {}, RestartPolicy: restart,
        AutoRemove: !!config.HostConfig?.AutoRemove, VolumeDriver: '', VolumesFrom: hc.VolumesFrom ?? null, ConsoleSize: [0, 0], ...(hc.Annotations ? { Annotations: sortedKeys(hc.Annotations as Record<string, string>) } : {}),
        CapAdd: hc.CapAdd ?? null, CapDrop: hc.CapDrop ?? null, CgroupnsMode: 'private', Dns: hc.Dns ?? NONE, DnsOptions: hc.DnsOptions ?? NONE, DnsSearch: hc.DnsSearch ?? NONE, ExtraHosts: (hc.ExtraHosts as string[] | undefined)?.length ? hc.ExtraHosts : null,
        GroupAdd: null, IpcMode: hc.IpcMode || 'private', Cgroup: '', Links: links.length ? links : null, OomScoreAdj: num(hc.OomScoreAdj), PidMode: hc.PidMode ?? '', Privileged: !!config.HostConfig?.Privileged,
        PublishAllPorts: !!config.HostConfig?.PublishAllPorts, ReadonlyRootfs: !!hc.ReadonlyRootfs, SecurityOpt: null, ...(hc.Tmpfs && { Tmpfs: hc.Tmpfs }), UTSMode: hc.UTSMode ?? '', UsernsMode: '', ShmSize: num(hc.ShmSize) || 67108864, Runtime: given.Runtime || 'runc',
        // The embedded Resources, in the order moby's struct declares them.
        Isolation: given.Isolation ?? '', CpuShares: num(hc.CpuShares), Memory: mem, NanoCpus: num(hc.NanoCpus), CgroupParent: given.CgroupParent ?? '', BlkioWeight: num(hc.BlkioWeight),
        BlkioWeightDevice: NONE, BlkioDeviceReadBps: NONE, BlkioDeviceWriteBps: NONE, BlkioDeviceReadIOps: NONE, BlkioDeviceWriteIOps: NONE,
        CpuPeriod: num(hc.CpuPeriod), CpuQuota: num(hc.CpuQuota), CpuRealtimePeriod: num(hc.CpuRealtimePeriod), CpuRealtimeRuntime: num(hc.CpuRealtimeRuntime),
        CpusetCpus: hc.CpusetCpus ?? '', CpusetMems: hc.CpusetMems ?? '', Devices: NONE, DeviceCgroupRules: null, DeviceRequests: (hc.DeviceRequests as unknown[] | undefined)?.length ? hc.DeviceRequests : null,
        MemoryReservation: num(hc.MemoryReservation), MemorySwap: swap, MemorySwappiness: null, OomKillDisable: null,
        // 0 and negative pids limits read as unlimited (API 1.41).
        PidsLimit: num(hc.PidsLimit) > 0 ? hc.PidsLimit : null, Ulimits: NONE, CpuCount: 0, CpuPercent: 0, IOMaximumIOps: 0, IOMaximumBandwidth: 0,
        ...(hc.Mounts && { Mounts: hc.Mounts }),
        // adaptContainerSettings: a privileged container gets no masked or read-only paths.
        MaskedPaths: hc.Privileged ? null : MASKED_PATHS,
        ReadonlyPaths: hc.Privileged ? null : READONLY_PATHS,
        ...(hc.Init !== undefined && { Init: !!hc.Init }),
      },
      status: 'created', pid: 0, exitCode: 0, error: '', startedAt: 0, finishedAt: 0,
      upper: newDir(this.now()), top: img.top, ip: '', ports: {}, logs: [], nextPid: 7, execs: [], sinks: new Set(), nets,
    };
    if (mounts.length) c.mounts = mounts;
    this.layers.acquire(img.top);
    this.ctrEvent(c, 'create');
    this.containers.set(id, c);
    return { Id: id, Warnings: [...resourceWarnings, ...warnings] };
  },
};

const sortedKeys = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The daemon's log drivers and the options the file ones take (the others' options are theirs to judge). */
const LOG_DRIVERS = new Set('none json-file local journald syslog gelf fluentd awslogs splunk gcplogs'.split(' '));
const FILE_LOG_OPTS: Record<string, string[]> = {
  'json-file': ['max-file', 'max-size', 'compress', 'labels', 'labels-regex', 'env', 'env-regex', 'tag'],
  local: ['max-file', 'max-size', 'compress'],
};

/** mergeAndVerifyLogConfig: json-file by default, then logger.ValidateLogOpts (mode and max-buffer-size are everyone's). */
function checkLogConfig(given?: { Type?: string; Config?: Record<string, string> }): { Type: string; Config: Record<string, string> } {
  // Go's JSON has a map's keys sorted: kept so, inspect shows them so.
  const log = { Type: given?.Type || 'json-file', Config: sortedKeys(given?.Config ?? {}) };
  if (log.Type === 'none') return log;
  const mode = log.Config.mode ?? '';
  if (!['blocking', 'non-blocking', ''].includes(mode)) throw new ApiError(400, `logger: logging mode not supported: ${mode}`);
  if ('max-buffer-size' in log.Config && mode !== 'non-blocking') throw new ApiError(400, "logger: max-buffer-size option is only supported with 'mode=non-blocking'");
  if (!LOG_DRIVERS.has(log.Type)) throw new ApiError(400, `logger: no log driver named '${log.Type}' is registered`);
  const unknown = Object.keys(log.Config).find((k) => !['mode', 'max-buffer-size', ...(FILE_LOG_OPTS[log.Type] ?? [k])].includes(k));
  if (unknown !== undefined) throw new ApiError(400, `unknown log opt '${unknown}' for ${log.Type} log driver`);
  return log;
}

/** The capabilities of this machine's kernel, which --cap-add and --cap-drop may name (with or without CAP_, any case). */
const CAPABILITIES = new Set(('CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW ' +
  'IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE ' +
  'AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ PERFMON BPF CHECKPOINT_RESTORE').split(' ').map((c) => 'CAP_' + c));

/** validateCapabilities: caps.NormalizeLegacyCapabilities of each list (ALL stands for every one). */
function checkCapabilities(key: string, caps: string[]): void {
  for (const c of caps.map((c) => c.toUpperCase())) {
    const cap = c === 'ALL' || c.startsWith('CAP_') ? c : 'CAP_' + c;
    if (cap !== 'ALL' && !CAPABILITIES.has(cap)) throw new ApiError(400, `invalid ${key}: unknown capability: ${JSON.stringify(cap)}`);
  }
}

/** moby's container.ValidateRestartPolicy (an empty name is what daemons before v25 stored). */
export function validateRestartPolicy({ Name: name, MaximumRetryCount: count }: { Name: string; MaximumRetryCount: number }): void {
  const bad = (msg: string) => new ApiError(400, 'invalid restart policy: ' + msg);
  if (['always', 'unless-stopped', 'no'].includes(name)) {
    if (count) throw bad(`maximum retry count can only be used with 'on-failure'${count < 0 ? ' and cannot be negative' : ''}`);
  } else if (name === 'on-failure') {
    if (count < 0) throw bad('maximum retry count cannot be negative');
  } else if (name !== '') {
    throw bad(`unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
}
