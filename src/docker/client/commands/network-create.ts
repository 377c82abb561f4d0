/** `docker network create`: the client's checks of the IPAM flags, then the daemon's; prints the new ID. */
import type { IPAMConfig } from '../../api';
import { isGoIp } from '../../common/go-ip';
import { ipNum } from '../../common/ipv4';
import { CliError, type Handler } from '../cli';
import type { Flags } from '../flags';
import { kvMap } from '../opt-values';

/** A `strings` flag: every occurrence, split on commas. */
export const strings = (f: Flags, name: string): string[] => f.list(name).flatMap((v) => v.split(','));

/** docker/cli's consolidateIpam: one gateway and range per subnet, each inside one. */
function ipam(subnets: string[], ranges: string[], gateways: string[], aux: Record<string, string>): IPAMConfig[] {
  if (subnets.length < ranges.length || subnets.length < gateways.length) throw new CliError('every ip-range or gateway must have a corresponding subnet');
  const inside = (ip: string, subnet: string) => {
    const [base, bits] = subnet.split('/');
    const size = 2 ** (32 - Number(bits));
    return Math.floor(ipNum(ip.split('/')[0]) / size) === Math.floor(ipNum(base) / size);
  };
  // The client checks subnets against each other and its ranges and gateways (subnetMatches).
  if (subnets.length > 1 || ranges.length || gateways.length || Object.keys(aux).length) {
    for (const s of subnets) if (!/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(s) || Number(s.split('/')[1]) > 32) throw new CliError(`invalid subnet: invalid CIDR address: ${s}`);
    if (subnets.some((s, k) => subnets.slice(0, k).some((t) => inside(s, t) || inside(t, s)))) throw new CliError('multiple overlapping subnet configuration is not supported');
  }
  const conf: IPAMConfig[] = subnets.map((s) => ({ Subnet: s, Gateway: '' }));
  for (const r of ranges) {
    const c = conf.find((x) => inside(r, x.Subnet));
    if (!c) throw new CliError(`no matching subnet for range ${r}`);
    if (c.IPRange) throw new CliError(`cannot configure multiple ranges (${r}, ${c.IPRange}) on the same subnet (${c.Subnet})`);
    c.IPRange = r;
  }
  for (const g of gateways) {
    const c = conf.find((x) => inside(g, x.Subnet));
    if (!c) throw new CliError(`no matching subnet for gateway ${g}`);
    if (c.Gateway) throw new CliError(`cannot configure multiple gateways (${g}, ${c.Gateway}) for the same subnet (${c.Subnet})`);
    c.Gateway = g;
  }
  // Each auxiliary address (or CIDR, which net.ParseCIDR must read) lies in a subnet; what
  // net.ParseIP refuses, and IPv6, matches none.
  for (const a of Object.values(aux)) {
    const [addr, bits] = a.split('/');
    if (bits !== undefined && !(isGoIp(addr) && /^\d+$/.test(bits) && +bits <= (addr.includes(':') ? 128 : 32))) throw new CliError(`invalid CIDR address: ${a}`);
    if (!isGoIp(addr) || addr.includes(':') || !conf.some((c) => inside(addr, c.Subnet))) throw new CliError(`no matching subnet for aux-address ${a}`);
  }
  return conf.map((c) => (c.IPRange ? { Subnet: c.Subnet, IPRange: c.IPRange, Gateway: c.Gateway } : c));
}

export const networkCreate: Handler = async (ctx, f, [name]) => {
  const r = await ctx.api.networkCreate({
    Name: name, Driver: f.str('driver') ?? 'bridge', Internal: f.bool('internal'), Attachable: f.bool('attachable'),
    IPAM: { Driver: f.str('ipam-driver') ?? 'default', Config: ipam(strings(f, 'subnet'), strings(f, 'ip-range'), strings(f, 'gateway'), kvMap(f.list('aux-address'))), Options: kvMap(f.list('ipam-opt')) },
    Options: kvMap(f.list('opt')), Labels: kvMap(f.list('label')),
  });
  ctx.io.out(r.Id + '\n');
  return 0;
};
