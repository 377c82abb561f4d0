/**
 * The Go types docker/cli decodes `inspect` answers into (moby's container.InspectResponse,
 * image.InspectResponse, network.Inspect, volume.Volume). The client runs an inspect template on
 * these typed values first, so what the JSON leaves out or sends as null still has a type there:
 * a nil pointer prints `<nil>`, a nil map `map[]`, a nil slice `[]`, a struct `{…}` in field order,
 * and a pointer inside a printed value is an address.
 */

import { memo } from '../memo';
import { goDuration } from '../../common/go-duration';

export { goDuration };

/** What the template engine treats as a typed Go value rather than decoded JSON. */
export abstract class GoValue {
  abstract readonly raw: unknown;
  /** JSON of a typed value (the `json` function) is the JSON it was made from. */
  toJSON(): unknown {
    return this.raw;
  }
}

/**
 * A struct of `type` over its JSON object, each field converted when asked for; without a type
 * (a struct this table does not describe) its fields are the JSON's, as they come.
 */
export class GoStruct extends GoValue {
  constructor(readonly type: string, readonly raw: unknown, readonly ptr: boolean) {
    super();
  }
  /** Its fields in declaration order; an embedded struct is an entry without a name. */
  get fields(): [string, unknown][] {
    if (!this.type) return Object.entries(this.raw as object);
    return fieldsOf(this.type).map((f) => [f[0][0] === '^' ? '' : f[0], this.value(f)]);
  }
  get(name: string): unknown {
    const raw = this.raw as Record<string, unknown>;
    if (!this.type) return Object.hasOwn(raw, name) ? raw[name] : MISSING;
    const own = fieldsOf(this.type);
    const f = own.find((x) => x[0] === name);
    if (f) return this.value(f);
    for (const e of own) {
      const got = e[0][0] === '^' || e[1] === '.' ? (this.value(e) as GoStruct).get(name) : MISSING;
      if (got !== MISSING) return got;
    }
    return MISSING;
  }
  private value([go, json, zero, k]: Field): unknown {
    const obj = (this.raw ?? {}) as Record<string, unknown>;
    if (go[0] === '^') return convert(obj, go.slice(1));
    // the JSON of a field embedded by name is its own keys only
    if (json === '.') return convert(Object.fromEntries(fieldsOf(k).filter((f) => Object.hasOwn(obj, f[1])).map((f) => [f[1], obj[f[1]]])), k);
    return Object.hasOwn(obj, json) ? convert(obj[json], k) : k ? convert(null, k) : zero;
  }
}

/** A nil pointer (`*`), map (`m`) or slice (`[`). */
export class GoNil extends GoValue {
  readonly raw = null;
  constructor(readonly kind: string) {
    super();
  }
}

/** A value printed through its String method (time.Time, time.Duration), or a pointer to a scalar (`ptr`). */
export class GoText extends GoValue {
  constructor(readonly text: string, readonly raw: unknown, readonly ptr = false) {
    super();
  }
}

export const MISSING = Symbol('missing');

/**
 * One string per type: fields in order, `Go=Json` where the JSON key differs (beyond CPU and DNS). After `:` the kind:
 * `[`elem slice, `m`elem map, `*`elem pointer, a letter a struct, `@` time.Time, `%` Duration;
 * no kind is a scalar (`!` marks a bool, `#` a number the JSON may leave out). `^T` embeds T;
 * `Name=.:T` embeds T as a field named Name, over the object's own keys.
 */
const TYPES: Record<string, string> = {
  container: '^*b Mounts:[M Config:*K NetworkSettings:*N ImageManifestDescriptor:*',
  b: 'ID=Id Created Path Args:[ State:*S Image ResolvConfPath HostnamePath HostsPath LogPath Name RestartCount# Driver Platform MountLabel ProcessLabel AppArmorProfile ExecIDs:[ HostConfig:*H GraphDriver:D SizeRw:* SizeRootFs:*',
  S: 'Status Running! Paused! Restarting! OOMKilled! Dead! Pid# ExitCode# Error StartedAt FinishedAt Health:*L',
  L: 'Status FailingStreak# Log:[*R',
  R: 'Start:@ End:@ ExitCode# Output',
  K: 'Hostname Domainname User AttachStdin! AttachStdout! AttachStderr! ExposedPorts:mE Tty! OpenStdin! StdinOnce! Env:[ Cmd:[ Healthcheck:*Q ArgsEscaped! Image Volumes:mE WorkingDir Entrypoint:[ NetworkDisabled! MacAddress OnBuild:[ Labels:m StopSignal StopTimeout:* Shell:[',
  Q: 'Test:[ Interval:% Timeout:% StartPeriod:% StartInterval:% Retries#',
  E: '',
  H: 'Binds:[ ContainerIDFile LogConfig:G NetworkMode PortBindings:m[P RestartPolicy:Y AutoRemove! VolumeDriver VolumesFrom:[ ConsoleSize:[ Annotations:m CapAdd:[ CapDrop:[ CgroupnsMode DNS:[ DNSOptions:[ DNSSearch:[ ExtraHosts:[ GroupAdd:[ IpcMode Cgroup Links:[ OomScoreAdj# PidMode Privileged! PublishAllPorts! ReadonlyRootfs! SecurityOpt:[ StorageOpt:m Tmpfs:m UTSMode UsernsMode ShmSize# Sysctls:m Runtime Isolation ^U Mounts:[X2 MaskedPaths:[ ReadonlyPaths:[ Init:*',
  U: 'CPUShares# Memory# NanoCPUs# CgroupParent BlkioWeight# BlkioWeightDevice:[ BlkioDeviceReadBps:[ BlkioDeviceWriteBps:[ BlkioDeviceReadIOps:[ BlkioDeviceWriteIOps:[ CPUPeriod# CPUQuota# CPURealtimePeriod# CPURealtimeRuntime# CpusetCpus CpusetMems Devices:[ DeviceCgroupRules:[ DeviceRequests:[ MemoryReservation# MemorySwap# MemorySwappiness:* OomKillDisable:* PidsLimit:* Ulimits:[ CPUCount# CPUPercent# IOMaximumIOps# IOMaximumBandwidth#',
  X2: 'Type Source Target ReadOnly! Consistency BindOptions:* VolumeOptions:* ImageOptions:* TmpfsOptions:* ClusterOptions:*',
  G: 'Type Config:m',
  Y: 'Name MaximumRetryCount#',
  P: 'HostIP=HostIp HostPort',
  D: 'Data:m Name',
  M: 'Type Name Source Destination Driver Mode RW! Propagation',
  N: '^A ^F Networks:m*W',
  A: 'Bridge SandboxID SandboxKey Ports:m[P HairpinMode! LinkLocalIPv6Address LinkLocalIPv6PrefixLen# SecondaryIPAddresses:[ SecondaryIPv6Addresses:[',
  F: 'EndpointID Gateway GlobalIPv6Address GlobalIPv6PrefixLen# IPAddress IPPrefixLen# IPv6Gateway MacAddress',
  W: 'IPAMConfig:*I Links:[ Aliases:[ MacAddress DriverOpts:m GwPriority# NetworkID EndpointID Gateway IPAddress IPPrefixLen# IPv6Gateway GlobalIPv6Address GlobalIPv6PrefixLen# DNSNames=DNSNames:[',
  I: 'IPv4Address IPv6Address LinkLocalIPs:[',
  image: 'ID=Id RepoTags:[ RepoDigests:[ Parent Comment Created DockerVersion Author Config:*O Architecture Variant Os OsVersion Size# GraphDriver:D RootFS:T Metadata:Z Descriptor:* Manifests:[',
  O: '^V ^X',
  V: 'User ExposedPorts:mE Env:[ Entrypoint:[ Cmd:[ Volumes:mE WorkingDir Labels:m StopSignal ArgsEscaped!',
  X: 'Healthcheck:*Q OnBuild:[ Shell:[',
  T: 'Type Layers:[',
  Z: 'LastTagTime:@',
  network: 'Name ID=Id Created:@ Scope Driver EnableIPv4! EnableIPv6! IPAM:J Internal! Attachable! Ingress! ConfigFrom:C ConfigOnly! Containers:mR2 Options:m Labels:m Peers:[ Services:m',
  J: 'Driver Options:m Config:[B2',
  B2: 'Subnet IPRange Gateway AuxAddress=AuxiliaryAddresses:m',
  C: 'Network',
  R2: 'Name EndpointID MacAddress IPv4Address IPv6Address',
  // docker/cli's context inspect: store.Metadata embedded under its own name, its fields at the top of the JSON
  context: 'Metadata=.:K3 TLSMaterial:m Storage:K6',
  K3: 'Name Metadata:K4 Endpoints:mK5',
  K4: 'Description AdditionalFields:m',
  K5: 'Host SkipTLSVerify!',
  K6: 'MetadataPath TLSPath',
  volume: 'ClusterVolume:* CreatedAt Driver Labels:m Mountpoint Name Options:m Scope Status:m UsageData:*V2',
  V2: 'Size# RefCount#',
};

type Field = [go: string, json: string, zero: unknown, kind: string];

const fieldsOf = memo((type: string): Field[] =>
  TYPES[type].split(' ').filter(Boolean).map((spec) => {
    // moby's JSON spells CPU and DNS as words (CpuShares, NanoCpus, DnsOptions)
    const [, go, json = go.replace(/^CPU|CPUs|^DNS/, (w) => w[0] + w.slice(1).toLowerCase()), mark, kind = ''] = /^([^=:!#]+)(?:=([^:!#]+))?([!#]?)(?::(.*))?$/.exec(spec)!;
    return [go, json, mark === '!' ? false : mark === '#' ? 0 : '', kind];
  }));

/** Go's time.Time String(): `2025-06-16 09:30:05.1 +0000 UTC`. */
const goTime = (s: string): string =>
  s.replace('T', ' ').replace(/Z$/, ' +0000 UTC').replace(/([+-]\d\d):(\d\d)$/, ' $1$2 $1$2');

/** The JSON value `v` as the Go value of `kind` (see TYPES); `ptr` when reached through a pointer. */
function convert(v: unknown, kind: string, ptr = false): unknown {
  const head = kind[0];
  if (head === '*') {
    if (v == null) return new GoNil('*');
    return kind.length > 1 || typeof v === 'object' ? convert(v, kind.slice(1), true) : new GoText(String(v), v, true);
  }
  if (head === '[' || head === 'm') {
    if (v == null) return new GoNil(head);
    const elem = kind.slice(1);
    if (!elem) return v;
    if (Array.isArray(v)) return v.map((x) => convert(x, elem));
    return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, convert(x, elem)]));
  }
  if (head === '@') return new GoText(goTime(String(v ?? '0001-01-01T00:00:00Z')), v);
  if (head === '%') return new GoText(goDuration(Number(v ?? 0)), v ?? 0);
  if (!head && !ptr) return v;
  return new GoStruct(kind, v, ptr);
}

/** The typed value of an inspect answer; `type` is container, image, network or volume. */
export const typed: (raw: unknown, type: string) => unknown = convert;
