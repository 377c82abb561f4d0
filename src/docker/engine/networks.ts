/**
 * Networks: the three the daemon makes at start (bridge, host, none), user-defined bridges on
 * 172.18.0.0/16, 172.19.0.0/16… as the default address pools hand them out, and containers'
 * endpoints on them. Only user-defined networks have the embedded DNS: there, containers find
 * each other by name and alias; on the default bridge only by address.
 */
import { ApiError, type ContainerCreateConfig, type EndpointConfig, type EndpointResource, type EndpointSettings, type NetworkCreateRequest, type NetworkInspect, type NetworksPruneReport } from '../api';
import { ipNum, ipStr } from '../common/ipv4';
import { rfc3339 } from './clock';
import type { Ctr, Engine } from './engine';
import { invalidFilter, matchKV, pruneLabels, pruneUntil, validateKeys } from './filters';
import { pseudoHex, sha256 } from '../common/hash';

export interface Net {
  id: string;
  name: string;
  driver: string;
  created: number;
  /** `a.b.c.d/n`, its gateway and `--ip-range`; empty for host and none. */
  subnet: string;
  gateway: string;
  ipRange: string;
  /** The subnet was asked for (`--subnet`): only then may containers ask for an address. */
  fixed: boolean;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
}

/** A container's place on one network: what it asked for, and its address while it runs. */
export interface Ep { aliases?: string[]; ip?: string; addr?: string; ep?: string }

export const PREDEFINED = ['bridge', 'host', 'none'];
const BRIDGE_OPTS = {
  'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.enable_icc': 'true', 'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0', 'com.docker.network.bridge.name': 'docker0', 'com.docker.network.driver.mtu': '1500',
};

/** The daemon's own networks, their IDs drawn once per engine (from the seed when there is one). */
export function builtinNetworks(seed: number | undefined, now: number): Map<string, Net> {
  const salt = seed ?? Math.random();
  const mk = (name: string, driver: string, subnet = '', gateway = '', options: Record<string, string> = {}): [string, Net] => {
    const id = sha256(`network ${name} ${salt}`);
    return [id, { id, name, driver, created: now, subnet, gateway, ipRange: '', fixed: false, internal: false, attachable: false, labels: {}, options }];
  };
  return new Map([mk('bridge', 'bridge', '172.17.0.0/16', '172.17.0.1', BRIDGE_OPTS), mk('host', 'host'), mk('none', 'null')]);
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
/** `a.b.c.d/n` → [first, size], or null when it is no CIDR. */
const CIDRS = new Map<string, [number, number] | null>();
/** A subnet's first address and size (memoized: a few subnets are read at every start). */
function cidr(s: string): [number, number] | null {
  let c = CIDRS.get(s);
  if (c === undefined) {
    const m = /^([\d.]+)\/(\d+)$/.exec(s);
    CIDRS.set(s, (c = !m || !IPV4.test(m[1]) || Number(m[2]) > 32 ? null : [ipNum(m[1]), 2 ** (32 - Number(m[2]))]));
  }
  return c;
}
/** In the same block of the subnet's size as its first address. */
const inside = (ip: string, c: [number, number] | null) => !!c && Math.floor(ipNum(ip) / c[1]) === Math.floor(c[0] / c[1]);
const userDefined = (n: Net) => !PREDEFINED.includes(n.name);

export const networking = {
  /** The network of that name, if any (endpoints are kept by name). */
  netNamed(this: Engine, name: string): Net | undefined {
    for (const n of this.nets.values()) if (n.name === name) return n;
    return undefined;
  },

  /** moby's FindNetwork: full ID, then exact name, then a unique ID prefix. */
  findNet(this: Engine, term: string): Net {
    const hit = this.nets.get(term) ?? this.netNamed(term);
    if (hit) return hit;
    const byId = term ? [...this.nets.values()].filter((n) => n.id.startsWith(term)) : [];
    if (byId.length > 1) throw new ApiError(400, `network ${term} is ambiguous (${byId.length} matches found based on ID prefix)`);
    if (!byId.length) throw new ApiError(404, `network ${term} not found`);
    return byId[0];
  },

  /** The networks a container is on, by name (a container saved before networks: the bridge). */
  netsOf(this: Engine, c: Ctr): Record<string, Ep> {
    if (!c.nets) {
      const mode = c.hostConfig.NetworkMode || 'bridge';
      c.nets = mode.startsWith('container:') ? {} : { [mode]: this.isUp(c) ? { addr: c.ip, ep: c.endpointId } : {} };
    }
    return c.nets;
  },

  /** Containers up with an address on `n`. */
  members(this: Engine, n: Net): [Ctr, Ep][] {
    return [...this.containers.values()].filter((c) => this.isUp(c) && c.nets?.[n.name]?.ep).map((c) => [c, c.nets![n.name]]);
  },

  /** A free address of `n`: from its range, after the gateway, or the one asked for. */
  allocate(this: Engine, c: Ctr, n: Net, want?: string): string {
    if (!n.subnet) return '';
    const used = new Set(this.members(n).filter(([o]) => o !== c).map(([, e]) => e.addr));
    if (want) {
      if (used.has(want)) throw new ApiError(403, `failed to set up container networking: Address already in use`);
      return want;
    }
    // Any address of the range but the subnet's own, its broadcast and the gateway.
    const [base, size] = cidr(n.ipRange || n.subnet)!;
    const [sb, ss] = cidr(n.subnet)!;
    const first = base - (base % size);
    const ends = [sb - (sb % ss), sb - (sb % ss) + ss - 1];
    for (let k = first; k < first + size; k++) {
      const ip = ipStr(k);
      if (!ends.includes(k) && ip !== n.gateway && !used.has(ip)) return ip;
    }
    throw new ApiError(500, `failed to set up container networking: no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`);
  },

  /**
   * Start: every network the container is on gets an endpoint. A network removed meanwhile
   * fails the start, as moby's does.
   */
  joinAll(this: Engine, c: Ctr): void {
    const mode = c.hostConfig.NetworkMode ?? 'bridge';
    if (mode.startsWith('container:')) {
      const other = this.get(mode.slice(10));
      if (!this.isUp(other)) throw new ApiError(409, `cannot join network of a non running container: ${other.id}`);
      c.ip = other.ip;
      return;
    }
    const nets = this.netsOf(c);
    const found = Object.keys(nets).map((name) => {
      try {
        return this.findNet(name);
      } catch (e) {
        throw e instanceof ApiError ? new ApiError(404, `failed to set up container networking: ${e.message}`) : e;
      }
    });
    for (const n of found) this.join(c, n, '-');
    c.ip = found.map((n) => nets[n.name].addr).find(Boolean) ?? '';
  },

  join(this: Engine, c: Ctr, n: Net, ep = pseudoHex(`ep:${c.id}:${n.id}:${c.runs ?? 0}`)): void {
    const e = this.netsOf(c)[n.name];
    e.addr = this.allocate(c, n, e.ip);
    e.ep = ep;
    this.netEvent(n, 'connect', c);
  },

  /** The endpoint IDs of a start: the one drawn for the container, turned for each further network. */
  nameEndpoints(this: Engine, c: Ctr): void {
    Object.keys(c.nets ?? {}).sort().forEach((name, k) => {
      if (c.nets![name].ep) c.nets![name].ep = c.endpointId!.slice(k * 7) + c.endpointId!.slice(0, k * 7);
    });
  },

  /** Stop: the endpoints go, what was asked for stays. */
  leaveAll(this: Engine, c: Ctr): void {
    for (const [name, e] of Object.entries(c.nets ?? {})) {
      if (e.ep) this.netEvent(this.netNamed(name), 'disconnect', c);
      e.addr = e.ep = undefined;
    }
  },

  /** A network event as moby logs it: the network's name and driver, and the container if any. */
  netEvent(this: Engine, n: Net | undefined, action: string, c?: Ctr): void {
    if (n) this.emit('network', action, n.id, c ? { container: c.id, name: n.name, type: n.driver } : { name: n.name, type: n.driver });
  },

  /** NetworkSettings.Networks: one entry per network, addresses only while it runs. */
  endpoints(this: Engine, c: Ctr): Record<string, EndpointSettings> {
    const out: Record<string, EndpointSettings> = {};
    for (const [name, e] of Object.entries(this.netsOf(c)).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const n = this.netNamed(name);
      const on = !!e.ep && this.isUp(c);
      const addr = on ? e.addr ?? '' : '';
      const user = !!n && userDefined(n);
      out[name] = {
        IPAMConfig: e.ip ? { IPv4Address: e.ip } : null, Links: null, Aliases: e.aliases?.length ? e.aliases : null,
        // bridge's CreateEndpoint: 02:42 and four random bytes (GenerateRandomMAC), new at each start
        MacAddress: addr && e.ep ? '02:42:' + pseudoHex('mac' + e.ep).slice(0, 8).replace(/..(?!$)/g, '$&:') : '', DriverOpts: null, GwPriority: 0,
        NetworkID: n?.id ?? '', EndpointID: on ? e.ep! : '', Gateway: addr ? n!.gateway : '', IPAddress: addr, IPPrefixLen: addr ? Number(n!.subnet.split('/')[1] ?? 0) : 0,
        IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
        DNSNames: user ? [...new Set([c.name, ...(e.aliases ?? []), c.id.slice(0, 12), c.config.Hostname])] : null,
      };
    }
    return out;
  },

  /**
   * The one name lookup of a container: itself, then (on user-defined networks only, through
   * the embedded DNS) the running containers it shares a network with, by name, alias or short
   * ID. The answer carries the name a reverse lookup gives (`web.mynet`).
   */
  lookup(this: Engine, ctr: Ctr, host: string): { ip: string; name?: string } | null {
    const from = this.stackOf(ctr);
    if (host === 'localhost') return { ip: '127.0.0.1' };
    if (IPV4.test(host)) return { ip: host };
    if (host === from.config.Hostname && from.ip) return { ip: from.ip };
    // a PTR query (`2.0.18.172.in-addr.arpa`): the container that holds the address
    const ptr = host.endsWith('.in-addr.arpa') ? host.split('.').slice(0, 4).reverse().join('.') : '';
    for (const n of attached(this, from)) {
      if (!userDefined(n)) continue;
      // the embedded DNS also answers `name.network`
      const h = host.endsWith('.' + n.name) ? host.slice(0, -n.name.length - 1) : host;
      for (const [o, e] of this.members(n)) {
        if (ptr ? e.addr === ptr : o.name === h || o.id.slice(0, 12) === h || o.config.Hostname === h || e.aliases?.includes(h)) return { ip: e.addr!, name: `${o.name}.${n.name}` };
      }
    }
    return null;
  },

  /** The container whose network stack `c` uses: its own, or the one `--network container:` names. */
  stackOf(this: Engine, c: Ctr): Ctr {
    const mode = c.hostConfig.NetworkMode ?? '';
    if (!mode.startsWith('container:')) return c;
    try {
      return this.get(mode.slice(10));
    } catch {
      return c;
    }
  },

  /** A way out to the internet: some network that is neither none nor internal (host counts). */
  online(this: Engine, ctr: Ctr): boolean {
    const c = this.stackOf(ctr);
    if (c.hostConfig.NetworkMode === 'host') return true;
    return Object.entries(c.nets ?? {}).some(([name, e]) => e.ep && name !== 'none' && !this.netNamed(name)?.internal);
  },

  /** Whether `from` can reach `ip`: a network in common, or the gateway of one of its own. */
  reaches(this: Engine, ctr: Ctr, ip: string): Ctr | 'gateway' | null {
    const from = this.stackOf(ctr);
    for (const n of attached(this, from)) {
      if (ip === n.gateway) return 'gateway';
      const hit = this.members(n).find(([, e]) => e.addr === ip);
      if (hit) return hit[0];
    }
    return null;
  },

  netJson(this: Engine, n: Net, withContainers: boolean): NetworkInspect {
    const containers: Record<string, EndpointResource> = {};
    if (withContainers) {
      for (const [c] of this.members(n).sort(([a], [b]) => (a.id < b.id ? -1 : 1))) {
        const ep = this.endpoints(c)[n.name];
        containers[c.id] = { Name: c.name, EndpointID: ep.EndpointID, MacAddress: ep.MacAddress, IPv4Address: ep.IPAddress ? `${ep.IPAddress}/${ep.IPPrefixLen}` : '', IPv6Address: '' };
      }
    }
    const user = userDefined(n);
    return {
      Name: n.name, Id: n.id, Created: rfc3339(n.created), Scope: 'local', Driver: n.driver, EnableIPv4: true, EnableIPv6: false,
      IPAM: { Driver: 'default', Options: user ? {} : null, Config: n.subnet ? [{ Subnet: n.subnet, ...(n.ipRange ? { IPRange: n.ipRange } : {}), Gateway: n.gateway }] : user ? [] : null },
      Internal: n.internal, Attachable: n.attachable, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false,
      Containers: containers, Options: { ...n.options }, Labels: { ...n.labels },
    };
  },

  async networkList(this: Engine, filters: Record<string, string[]> = {}): Promise<NetworkInspect[]> {
    validateKeys(filters, ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);
    const f = filters;
    for (const t of f.type ?? []) if (t !== 'custom' && t !== 'builtin') throw new ApiError(400, `invalid filter: 'type'='${t}'`);
    const match = (values: string[] | undefined, s: string, exact = false) => !values || values.some((v) => (exact ? v === s : safe(v).test(s)));
    const dangling = f.dangling?.[0];
    if ((f.dangling?.length ?? 0) > 1) throw new ApiError(400, 'got more than one value for filter key "dangling"');
    if (dangling !== undefined && !['true', '1', 'false', '0'].includes(dangling)) throw new ApiError(400, `invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`);
    return [...this.nets.values()]
      .filter((n) => match(f.driver, n.driver, true) && match(f.name, n.name) && match(f.id, n.id) && match(f.scope, 'local', true) && matchKV(f.label, n.labels) && match(f.type, userDefined(n) ? 'custom' : 'builtin', true) && (dangling === undefined || (userDefined(n) && !this.members(n).length) === (dangling === 'true' || dangling === '1')))
      .map((n) => this.netJson(n, false));
  },

  async networkInspect(this: Engine, id: string): Promise<NetworkInspect> {
    this.tick();
    return this.netJson(this.findNet(id), true);
  },

  async networkCreate(this: Engine, req: NetworkCreateRequest): Promise<{ Id: string; Warning: string }> {
    const name = req.Name;
    if (PREDEFINED.includes(name)) throw new ApiError(403, `operation is not permitted on predefined ${name} network `);
    if (!name) throw new ApiError(400, 'invalid name: ');
    const driver = req.Driver || 'bridge';
    if (['host', 'null'].includes(driver)) throw new ApiError(403, `only one instance of "${driver}" network is allowed`);
    if (driver !== 'bridge') throw new ApiError(404, `could not find plugin ${driver} in v1 plugin registry: plugin not found`);
    const conf = req.IPAM?.Config ?? [];
    // ValidateIPAM: each subnet a canonical CIDR, gateway and range inside it.
    const errs: string[] = [];
    const masked = (c: [number, number], s: string) => ipStr(c[0] - (c[0] % c[1])) + s.slice(s.indexOf('/'));
    for (const cfg of conf) {
      const sub = cidr(cfg.Subnet);
      if (!sub) {
        errs.push(`invalid subnet ${cfg.Subnet}: invalid CIDR block notation`);
        continue;
      }
      if (sub[0] % sub[1]) errs.push(`invalid subnet ${cfg.Subnet}: it should be ${masked(sub, cfg.Subnet)}`);
      const r = cfg.IPRange ? cidr(cfg.IPRange) : undefined;
      if (r === null) errs.push(`invalid ip-range ${cfg.IPRange}: invalid CIDR block notation`);
      else if (r) {
        if (r[1] > sub[1]) errs.push(`invalid ip-range ${cfg.IPRange}: CIDR block is bigger than its parent subnet ${cfg.Subnet}`);
        if (r[0] % r[1]) errs.push(`invalid ip-range ${cfg.IPRange}: it should be ${masked(r, cfg.IPRange!)}`);
        if (!inside(ipStr(r[0]), sub) && !inside(cfg.Subnet.split('/')[0], r)) errs.push(`invalid ip-range ${cfg.IPRange}: parent subnet ${cfg.Subnet} doesn't contain ip-range`);
      }
      if (cfg.Gateway && !IPV4.test(cfg.Gateway)) errs.push(`invalid gateway ${cfg.Gateway}: invalid address`);
      else if (cfg.Gateway && !inside(cfg.Gateway, sub)) errs.push(`invalid gateway ${cfg.Gateway}: parent subnet ${cfg.Subnet} doesn't contain this address`);
    }
    if (errs.length) throw new ApiError(400, 'invalid network config:\n' + joined(errs));
    if (this.netNamed(name)) throw new ApiError(409, `network with name ${name} already exists`);
    const overlaps = (s: string) => [...this.nets.values()].some((n) => n.subnet && (inside(n.subnet.split('/')[0], cidr(s)) || inside(s.split('/')[0], cidr(n.subnet))));
    let { Subnet: subnet = '', Gateway: gateway = '', IPRange: ipRange = '' } = conf[0] ?? {};
    if (subnet && overlaps(subnet)) throw new ApiError(403, 'invalid pool request: Pool overlaps with other one on this address space');
    if (!subnet) {
      // The default pools: 172.17–31.0.0/16, then 192.168.0.0/20 blocks.
      for (let k = 18; k < 32 && !subnet; k++) if (!overlaps(`172.${k}.0.0/16`)) subnet = `172.${k}.0.0/16`;
      for (let k = 0; k < 256 && !subnet; k += 16) if (!overlaps(`192.168.${k}.0/20`)) subnet = `192.168.${k}.0/20`;
      if (!subnet) throw new ApiError(400, 'all predefined address pools have been fully subnetted');
    }
    if (!gateway) gateway = ipStr(ipNum(subnet.split('/')[0]) + 1);
    const id = this.rng.hex(64);
    this.nets.set(id, {
      id, name, driver, created: this.now(), subnet, gateway, ipRange, fixed: conf.length > 0, internal: !!req.Internal, attachable: !!req.Attachable,
      labels: { ...req.Labels }, options: { ...req.Options },
    });
    this.netEvent(this.nets.get(id), 'create');
    return { Id: id, Warning: '' };
  },

  async networkRemove(this: Engine, id: string): Promise<void> {
    const n = this.findNet(id);
    if (PREDEFINED.includes(n.name)) throw new ApiError(403, `${n.name} is a pre-defined network and cannot be removed`);
    const eps = this.members(n);
    if (eps.length) {
      const list = eps.map(([c, e]) => `name:${JSON.stringify(c.name)} id:${JSON.stringify(e.ep!.slice(0, 12))}`).join(', ');
      throw new ApiError(403, `error while removing network: network ${n.name} has active endpoints (${list})`);
    }
    this.nets.delete(n.id);
    this.netEvent(n, 'destroy');
  },

  async networkConnect(this: Engine, id: string, container: string, cfg: EndpointConfig = {}): Promise<void> {
    const n = this.findNet(id);
    const c = this.get(container);
    const mode = c.hostConfig.NetworkMode ?? 'bridge';
    const nets = this.netsOf(c);
    // runconfig's conflicts: the host's stack, another container's, or none with anything else.
    if (mode === 'host' || n.name === 'host') throw new ApiError(400, 'container cannot be disconnected from host network or connected to host network');
    if (mode.startsWith('container:')) throw new ApiError(400, 'container sharing network namespace with another container or host cannot be connected to any other network');
    if (mode === 'none' || n.name === 'none') throw new ApiError(400, 'container cannot be connected to multiple networks with one of the networks in private (none) mode');
    if (nets[n.name]) throw new ApiError(403, `endpoint with name ${c.name} already exists in network ${n.name}`);
    const e: Ep = {};
    this.checkEndpoint(n, cfg, e);
    nets[n.name] = e;
    if (this.isUp(c)) {
      try {
        this.join(c, n);
      } catch (err) {
        delete nets[n.name];
        throw err;
      }
      c.ip ||= e.addr ?? '';
    }
  },

  /** Endpoint settings a network accepts: aliases and `--ip` only on user-defined ones, `--ip` only with a subnet given. */
  checkEndpoint(this: Engine, n: Net, cfg: EndpointConfig, e: Ep): void {
    const ip = cfg.IPAMConfig?.IPv4Address;
    const errs: string[] = [];
    const bad = !ip ? '' : !userDefined(n) ? 'user specified IP address is supported on user defined networks only' : !n.fixed ? 'user specified IP address is supported only when connecting to networks with user configured subnets' : !IPV4.test(ip) ? `invalid IPv4 address: ${ip}` : inside(ip, cidr(n.ipRange || n.subnet)) ? '' : `no configured subnet or ip-range contain the IP address ${ip}`;
    if (bad) errs.push(bad);
    if (cfg.Aliases?.length && !userDefined(n)) errs.push('network-scoped alias is supported only for containers in user defined networks');
    if (errs.length) throw new ApiError(400, 'invalid endpoint settings:\n' + joined(errs));
    if (ip) e.ip = ip;
    if (cfg.Aliases?.length) e.aliases = [...cfg.Aliases];
  },

  async networkDisconnect(this: Engine, id: string, container: string, _force = false): Promise<void> {
    const n = this.findNet(id);
    const c = this.get(container);
    const nets = this.netsOf(c);
    if (n.name === 'host') throw new ApiError(400, 'container cannot be disconnected from host network or connected to host network');
    if (!nets[n.name]) throw new ApiError(403, `container ${c.id} is not connected to network ${n.name}`);
    if (nets[n.name].ep && this.isUp(c)) this.netEvent(n, 'disconnect', c);
    delete nets[n.name];
    if (this.isUp(c)) c.ip = Object.values(nets).map((e) => e.addr).find(Boolean) ?? '';
  },

  async networksPrune(this: Engine, filters: Record<string, string[]> = {}): Promise<NetworksPruneReport> {
    validateKeys(filters, ['label', 'label!', 'until']);
    const until = pruneUntil(filters, this.now());
    const deleted: string[] = [];
    for (const n of [...this.nets.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!userDefined(n) || this.members(n).length || n.created > until || !pruneLabels(filters, n.labels)) continue;
      this.nets.delete(n.id);
      this.netEvent(n, 'destroy');
      deleted.push(n.name);
    }
    return { NetworksDeleted: deleted.length ? deleted : null };
  },
};

/** The networks where `c` has an endpoint now. */
const attached = (engine: Engine, c: Ctr): Net[] => Object.entries(c.nets ?? {}).flatMap(([name, e]) => (e.ep && engine.netNamed(name)) || []);

/** moby's multierror.Join: one error as is, several as a bulleted list. */
const joined = (errs: string[]) => (errs.length === 1 ? errs[0] : '* ' + errs.join('\n* '));

function safe(s: string): RegExp {
  try {
    return new RegExp(s);
  } catch {
    throw invalidFilter('name', s);
  }
}

export const containerNets = {
  /**
   * The network part of a create: `--network` (the default bridge when none), the endpoint
   * settings it accepts, and the daemon's warning for ports a host-network container cannot publish.
   */
  createNets(this: Engine, config: ContainerCreateConfig): { mode: string; nets: Record<string, Ep>; warnings: string[] } {
    // `default` is the daemon's name for its default network, the bridge.
    const mode = config.HostConfig?.NetworkMode === 'default' ? 'bridge' : config.HostConfig?.NetworkMode || 'bridge';
    const warnings = mode === 'host' && Object.keys(config.HostConfig?.PortBindings ?? {}).length ? ['Published ports are discarded when using host network mode'] : [];
    if (mode.startsWith('container:')) return { mode, nets: {}, warnings };
    // the first endpoint is NetworkMode's, the others are further networks to connect
    const eps = Object.entries(config.NetworkingConfig?.EndpointsConfig ?? {});
    const nets: Record<string, Ep> = {};
    for (const [name, cfg] of [[mode, eps[0]?.[1] ?? {}] as const, ...eps.slice(1)]) {
      let n: Net | undefined;
      try {
        n = this.findNet(name);
      } catch { /* a missing network fails the start */ }
      const e: Ep = {};
      if (n) this.checkEndpoint(n, cfg, e);
      else if (cfg.IPAMConfig?.IPv4Address) e.ip = cfg.IPAMConfig.IPv4Address;
      nets[n?.name ?? name] = e;
    }
    return { mode, nets, warnings };
  },
};
