/**
 * The checks docker/cli's container `parse` makes once all flags are read, beyond what builds the
 * config: each throws its message, and `containerConfig` calls them in the client's order.
 */
import type { Flags } from '../flags';
import { parseNetworkOpt, type NetworkAttachment } from '../opt-values';

/** net.ParseMAC: 6, 8 or 20 bytes as hex pairs split by one of `:` or `-`, or hex quads split by `.`. */
export function checkMac(mac: string): void {
  const s = mac.trim();
  const pairs = /^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2})*$/.test(s) ? (s.length + 1) / 3 : 0;
  const quads = /^[0-9a-fA-F]{4}(\.[0-9a-fA-F]{4})*$/.test(s) ? (2 * (s.length + 1)) / 5 : 0;
  if (![6, 8, 20].includes(pairs || quads)) throw new Error(`${mac} is not a valid mac address`);
}

/** --memory-swappiness: -1 (the default) or 0 to 100. */
export function checkSwappiness(f: Flags): void {
  const v = f.int('memory-swappiness') ?? -1;
  if (v !== -1 && (v < 0 || v > 100)) throw new Error(`invalid value: ${v}. Valid memory swappiness range is 0-100`);
}

/** validateLinuxPath of each --device (a CDI name, vendor/class=name, is left to the daemon). */
export function checkDevices(f: Flags): void {
  for (const d of f.list('device')) {
    if (/^[^/=]+\/[^/=]+=.+$/.test(d)) continue;
    const mode = (m: string) => /^[rwm]+$/.test(m) && new Set(m).size === m.length;
    const split = d.split(':');
    if (split.length > 3 || split[0] === '') throw new Error(`bad format for path: ${d}`);
    if (split.length === 3 && !mode(split[2])) throw new Error(`bad mode specified: ${split[2]}`);
    const path = split.length === 1 || (split.length === 2 && mode(split[1])) ? split[0] : split[1];
    if (!path.startsWith('/')) throw new Error(`${path} is not an absolute path`);
  }
}

/** The namespace modes the client knows: --pid, --uts, --userns and --cgroupns. */
export function checkNamespaces(f: Flags): void {
  const container = (v: string) => v.startsWith('container:') && v.length > 10;
  const modes: [string, string, (v: string) => boolean][] = [
    ['pid', 'PID', (v) => v === 'host' || container(v)],
    ['uts', 'UTS', (v) => v === 'host'],
    ['userns', 'USER', (v) => v === 'host'],
    ['cgroupns', 'CGROUP', (v) => v === 'host' || v === 'private'],
  ];
  for (const [flag, name, ok] of modes) {
    const v = f.str(flag) ?? '';
    if (v && !ok(v)) throw new Error(`--${flag}: invalid ${name} mode`);
  }
}

/** Go's json.Compact errors for the few ways a profile is not JSON. */
function jsonError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    const t = text.trim();
    if (!t) return 'unexpected end of JSON input';
    if (!/^[[{"\d-]|^(true|false|null)/.test(t)) return `invalid character '${t[0]}' looking for beginning of value`;
    for (let end = t.length - 1; end > 0; end--) {
      try {
        JSON.parse(t.slice(0, end));
        return `invalid character '${t.slice(end).trim()[0]}' after top-level value`;
      } catch { /* shorter */ }
    }
    return 'unexpected end of JSON input';
  }
}

/** --log-opt with --log-driver none, --security-opt (a seccomp profile is read from the host) and --storage-opt. */
export function checkDriverOpts(f: Flags, read?: (path: string) => string): void {
  if (f.str('log-driver') === 'none' && f.list('log-opt').length) throw new Error('invalid logging opts for driver none');
  for (const opt of f.list('security-opt')) {
    let sep = opt.indexOf('=');
    if (sep < 0 && opt !== 'no-new-privileges') sep = opt.indexOf(':');
    const k = sep < 0 ? opt : opt.slice(0, sep);
    const v = sep < 0 ? '' : opt.slice(sep + 1);
    if (k !== 'no-new-privileges' && (sep < 0 || v === '')) throw new Error(`Invalid --security-opt: ${JSON.stringify(opt)}`);
    if (k === 'seccomp' && v !== 'builtin' && v !== 'unconfined' && read) {
      let text: string;
      try {
        text = read(v);
      } catch (e) {
        throw new Error(`opening seccomp profile (${v}) failed: ${(e as Error).message}`);
      }
      const bad = jsonError(text);
      if (bad) throw new Error(`compacting json for seccomp profile (${v}) failed: ${bad}`);
    }
  }
  if (f.list('storage-opt').some((o) => !o.includes('='))) throw new Error('invalid storage option');
}

const userDefined = (n: string) => !/^(default|bridge|host|none)$/.test(n) && !/^container:/.test(n);

/**
 * parseNetworkOpts: the --network attachments, the first taking --network-alias, --ip, --ip6,
 * --mac-address and --link-local-ip; aliases only on user-defined networks, a network once, and
 * user-defined networks not mixed with the others.
 */
export function networkAttachments(f: Flags): NetworkAttachment[] {
  const nets = f.has('network') ? f.list('network').map(parseNetworkOpt) : [{ Target: 'default', Aliases: [], LinkLocalIPs: [] } as NetworkAttachment];
  const [first] = nets;
  const conflict = (what: string) => new Error(`conflicting options: cannot specify both ${what}`);
  const aliases = f.list('network-alias');
  const [ip, ip6, mac, local] = [f.str('ip'), f.str('ip6'), f.str('mac-address'), f.list('link-local-ip')];
  if (first.Aliases.length && aliases.length) throw conflict('--network-alias and per-network alias');
  if (first.IPv4Address && ip) throw conflict('--ip and per-network IPv4 address');
  if (first.IPv6Address && ip6) throw conflict('--ip6 and per-network IPv6 address');
  if (first.MacAddress && mac) throw conflict('--mac-address and per-network MAC address');
  if (first.LinkLocalIPs.length && local.length) throw conflict('--link-local-ip and per-network link-local IP addresses');
  if (aliases.length) first.Aliases = aliases;
  if (ip) first.IPv4Address = ip;
  if (ip6) first.IPv6Address = ip6;
  if (mac) first.MacAddress = mac;
  if (local.length) first.LinkLocalIPs = local;
  const seen = new Set<string>();
  for (const n of nets) {
    if (!n.Target.trim()) throw new Error('no name set for network');
    if (!userDefined(n.Target) && n.Aliases.length) throw new Error('network-scoped aliases are only supported for user-defined networks');
    if (n.MacAddress) checkMac(n.MacAddress);
    if (seen.has(n.Target)) throw new Error(`network ${JSON.stringify(n.Target)} is specified multiple times`);
    seen.add(n.Target);
  }
  if (nets.some((n) => userDefined(n.Target)) && nets.some((n) => !userDefined(n.Target))) throw new Error('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
  return nets;
}
