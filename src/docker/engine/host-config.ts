/**
 * What moby's verifyContainerSettings checks of a new container's HostConfig beyond its
 * resources (capabilities, isolation, annotations, IPC mode, OOM score, cgroup parent, runtime,
 * tmpfs destinations), and its log configuration, as this Linux machine (cgroup v2, systemd
 * driver) answers them.
 */
import { ApiError, type ContainerUpdate, type HostConfig } from '../api';
import { absPath } from './fs';
import { verify } from './update';

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The checks in moby's order; the resources' warnings are returned. */
export function verifyHostConfig(given: HostConfig): string[] {
  for (const key of ['CapAdd', 'CapDrop'] as const) checkCapabilities(key, (given[key] ?? []) as string[]);
  const isolation = (given.Isolation ?? '') as string;
  if (!/^(default)?$/i.test(isolation)) throw new ApiError(400, `invalid isolation '${isolation}' on linux`);
  if (given.Annotations && '' in (given.Annotations as object)) throw new ApiError(400, 'invalid Annotations: the empty string is not permitted as an annotation key');
  // verifyPlatformContainerSettings: the resources, then the namespaces and the OOM score, before the image is looked up.
  const warnings = verify(given as ContainerUpdate, true);
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
  return warnings;
}

export const sortedKeys = (m: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The daemon's log drivers and the options the file ones take (the others' options are theirs to judge). */
const LOG_DRIVERS = new Set('none json-file local journald syslog gelf fluentd awslogs splunk gcplogs'.split(' '));
const FILE_LOG_OPTS: Record<string, string[]> = {
  'json-file': ['max-file', 'max-size', 'compress', 'labels', 'labels-regex', 'env', 'env-regex', 'tag'],
  local: ['max-file', 'max-size', 'compress'],
};

/** mergeAndVerifyLogConfig: json-file by default, then logger.ValidateLogOpts (mode and max-buffer-size are everyone's). */
export function checkLogConfig(given?: { Type?: string; Config?: Record<string, string> }): { Type: string; Config: Record<string, string> } {
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

