/**
 * The checks docker/cli's opts types run as pflag sets each value of `run` and `create` (and
 * `build`'s --ulimit, every --label): a bad value is refused there, before anything else is
 * looked at, with the message each throws here.
 */
import { goParseInt } from '../common/go-strconv';
import { csvRecord } from './csv-record';
import { ramInBytes } from './format/units';

/** opts.ConvertKVStringsToMap: `k=v` pairs, a bare `k` with an empty value. */
export function kvMap(list: string[]): Record<string, string> {
  return Object.fromEntries(list.map((kv) => (kv.includes('=') ? [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] : [kv, ''])));
}

const fail = (msg: string): never => {
  throw new Error(msg);
};


/** go-units ParseUlimit: `name=soft[:hard]`, a name it knows, soft not above hard (-1 hard is unlimited). */
function ulimit(v: string): void {
  const eq = v.indexOf('=');
  if (eq < 0) fail(`invalid ulimit argument: ${v}`);
  const name = v.slice(0, eq);
  if (!/^(core|cpu|data|fsize|locks|memlock|msgqueue|nice|nofile|nproc|rss|rtprio|rttime|sigpending|stack)$/.test(name)) fail(`invalid ulimit type: ${name}`);
  const limits = v.slice(eq + 1).split(':');
  if (limits.length > 2) fail(`too many limit value arguments - ${v.slice(eq + 1)}, can only have up to two, \`soft[:hard]\``);
  const hard = limits.length === 2 ? goParseInt(limits[1], 64, false, true) : undefined;
  const soft = goParseInt(limits[0], 64, false, true);
  if (hard !== undefined && hard !== -1n && soft > hard) fail(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`);
}

/** opts.ValidateSysctl: namespaced kernel settings only. */
function sysctl(v: string): void {
  const parts = v.split('=');
  const ok = /^kernel\.(msgmax|msgmnb|msgmni|sem|shmall|shmmax|shmmni|shm_rmid_forced)$|^net\.|^fs\.mqueue\./.test(parts[0]);
  if (parts.length < 2 || !ok) fail(`sysctl '${v}' is not allowed`);
}

/** opts.ParseLink: `name` or `name:alias`. */
function link(v: string): void {
  if (v === '') fail('empty string specified for links');
  if (v.split(':').length > 2) fail(`bad format for links: ${v}`);
}

/** opts.ValidateLabel: a name before any `=`, without blanks. */
function label(v: string): void {
  const key = v.split('=')[0].replace(/^[ \t]+/, '');
  if (key === '') fail(`invalid label '${v}': empty name`);
  if (/[ \t]/.test(key)) fail(`label '${key}' contains whitespaces`);
}

export interface DeviceRequest { Driver: string; Count: number; DeviceIDs: string[] | null; Capabilities: string[][]; Options: Record<string, string> }

/** opts.GpuOpts: a CSV of `count`, `device`, `driver`, `capabilities`, `options`, or a bare count. */
export function parseGpuRequest(v: string): DeviceRequest {
  const req: DeviceRequest = { Driver: '', Count: 0, DeviceIDs: null, Capabilities: [['gpu']], Options: {} };
  const count = (c: string): number => {
    if (c === 'all') return -1;
    try {
      return Number(goParseInt(c, 64, false, true));
    } catch (e) {
      // strconv.Atoi's error, less its "strconv.Atoi: parsing" prefix
      return fail(`invalid count (${c}): value must be either "all" or an integer: ${(e as Error).message.split(': ').pop()}`);
    }
  };
  const seen = new Set<string>();
  for (const field of csvRecord(v)) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    const val = field.slice(eq + 1);
    if (seen.has(key)) fail(`gpu request key '${key}' can be specified only once`);
    seen.add(key);
    if (eq < 0) {
      seen.add('count');
      req.Count = count(key);
    } else if (key === 'count') req.Count = count(val);
    else if (key === 'driver') req.Driver = val;
    else if (key === 'device') req.DeviceIDs = val.split(',');
    else if (key === 'capabilities') req.Capabilities = [[...val.split(','), 'gpu']];
    else if (key === 'options') {
      let opts: string[] = [];
      try {
        opts = csvRecord(val);
      } catch (e) {
        fail(`failed to read gpu options: ${(e as Error).message}`);
      }
      req.Options = kvMap(opts);
    } else fail(`unexpected key '${key}' in '${field}'`);
  }
  if (!seen.has('count') && !req.DeviceIDs) req.Count = 1;
  return req;
}

/** `/dev/...:value`, as the blkio throttle and weight options split it. */
function deviceValue(v: string): string {
  const colon = v.indexOf(':');
  if (colon <= 0) fail(`bad format: ${v}`);
  if (!v.startsWith('/dev/')) fail(`bad format for device path: ${v}`);
  return v.slice(colon + 1);
}

const bps = (v: string) => {
  const rate = ramInBytes(deviceValue(v));
  if (rate === undefined || rate < 0) fail(`invalid rate for device: ${v}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`);
};
const iops = (v: string) => {
  const rate = deviceValue(v);
  try {
    goParseInt(rate, 64, true, true);
  } catch {
    fail(`invalid rate for device: ${v}. The correct format is <device-path>:<number>. Number must be a positive integer`);
  }
};
const weight = (v: string) => {
  const w = deviceValue(v);
  const n = /^\d+$/.test(w) ? Number(w) : -1;
  if (n < 0 || n > 65535 || (n > 0 && (n < 10 || n > 1000))) fail(`invalid weight for device: ${v}`);
};

export interface NetworkAttachment { Target: string; Aliases: string[]; IPv4Address?: string; IPv6Address?: string; MacAddress?: string; LinkLocalIPs: string[] }

/** NetworkOpt.Set: a network name, or (a `key=value` pair anywhere) the CSV long form, read lowercased. */
export function parseNetworkOpt(v: string): NetworkAttachment {
  const n: NetworkAttachment = { Target: v, Aliases: [], LinkLocalIPs: [] };
  if (!/\w+=\w+(,\w+=\w+)*/.test(v)) return n;
  n.Target = '';
  for (const field of csvRecord(v)) {
    const lower = field.toLowerCase();
    const eq = lower.indexOf('=');
    if (eq <= 0) fail(`invalid field ${field}`);
    const key = lower.slice(0, eq).trim();
    const val = lower.slice(eq + 1).trim();
    if (key === 'name') n.Target = val;
    else if (key === 'alias') n.Aliases.push(val);
    else if (key === 'ip') n.IPv4Address = val;
    else if (key === 'ip6') n.IPv6Address = val;
    else if (key === 'mac-address') n.MacAddress = val;
    else if (key === 'link-local-ip') n.LinkLocalIPs.push(val);
    else if (key === 'driver-opt') {
      if (val.indexOf('=') <= 0) fail('invalid key value pair format in driver options');
    } else if (key === 'gw-priority') {
      if (!/^[+-]?\d+$/.test(val)) fail(`invalid gw-priority (${val}): invalid syntax`);
    } else fail(`invalid field key ${key}`);
  }
  if (!n.Target) fail('network name/id is not specified');
  return n;
}

const CHECKS: Record<string, (v: string) => void> = {
  ulimit, sysctl, link, label, gpus: parseGpuRequest, network: parseNetworkOpt,
  'device-read-bps': bps, 'device-write-bps': bps, 'device-read-iops': iops, 'device-write-iops': iops, 'blkio-weight-device': weight,
  'device-cgroup-rule': (v) => /^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/.test(v) || fail(`invalid device cgroup format '${v}'`),
  attach: (v) => /^(stdin|stdout|stderr)$/i.test(v) || fail('valid streams are STDIN, STDOUT and STDERR'),
};

/** The check of the flag `long` (of value type `type`), if its opts type has one; throws its message. */
export function checkOptValue(long: string, type: string, value: string): void {
  // --attach is a list on run and create, a bool on start; --network a string on build.
  if (type === 'bool' || (long === 'network' && type !== 'network') || (long === 'sysctl' && type !== 'map')) return;
  CHECKS[long]?.(value);
}
