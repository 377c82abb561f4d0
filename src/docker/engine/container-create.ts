/**
 * `POST /containers/create`: the image's config merged with the request's (entrypoint and
 * command rules, environment, ports), a unique ID and name, and the defaults inspect shows.
 */
import { ApiError, type ContainerCreateConfig, type ContainerCreateResponse } from '../api';
import { mergeEnv } from './config';
import type { Ctr, Engine } from './engine';
import { joinPath, newDir, splitPath } from './fs';
import * as imgs from './images';
import { checkName, randomName } from './names';
import { mergeHealthcheck, validateHealthcheck } from './health';
import { parseSignal } from './process';
import { STD_PATH } from './shell/sh';
import { checkLogConfig, sortedKeys, verifyHostConfig } from './host-config';

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
    const resourceWarnings = verifyHostConfig(given);
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
    if (name) checkName(this, name);
    const taken = (n: string) => [...this.containers.values()].find((c) => c.name === n);
    let finalName = name?.replace(/^\//, '');
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
