/**
 * Containers' traffic: addresses, published ports as the API lists them (each host address
 * bound at start: both wildcards for a port published without one), and what a GET inside it
 * reaches (curl and wget in containers).
 */
import type { Port, PortMap } from '../api';
import type { Ctr, Engine } from './engine';
import { resolvConf } from './etc-files';
import { site } from '../common/internet';
import type { HttpClient, HttpReply, HttpRequest } from './shell/types';

export const net = {
  /**
   * A GET from a container: itself, the containers it shares a network with (by address, or by
   * name where the network has DNS), the gateway's published ports.
   */
  http(this: Engine, from: Ctr, host: string, port: number, path: string, client?: HttpClient): HttpReply | null {
    let p = port;
    const ip = host === 'host.docker.internal' ? 'gateway' : this.lookup(from, host)?.ip;
    // A container on another's network stack (`--network container:`) reaches that one's localhost.
    const me = this.stackOf(from);
    const to = !ip ? null : ip === '127.0.0.1' || ip === me.ip ? me : ip === 'gateway' ? 'gateway' : this.reaches(from, ip);
    const target = to !== 'gateway' ? to
      : [...this.containers.values()].find((c) => c.status === 'running' && Object.entries(c.ports).some(([k, b]) => b?.some((x) => Number(x.HostPort) === port) && (p = Number(k.split('/')[0])) > 0));
    // a name no network of it knows is the internet's, reachable when some network leads out
    if (!target && !ip && this.online(from)) return site(host, port, this.now());
    if (!target || target.status !== 'running') return null;
    if (port === 0) return { status: 0, body: '', server: '' };
    const req = this.request(target, host, port, ip === '127.0.0.1' ? ip : to === 'gateway' ? this.gatewayOf(target) : me.ip, client);
    return target.proc?.serve?.(p, path, req) ?? this.served(target, p, path, req);
  },

  /**
   * A GET from the host: the host's own names reach the container that publishes the port (on a
   * wildcard or on that address), as docker-proxy forwards it.
   */
  hostHttp(this: Engine, host: string, port: number, path: string, client?: HttpClient): HttpReply | null {
    const local = ['localhost', '127.0.0.1', '0.0.0.0', 'aula', '10.0.2.15'].includes(host);
    if (!local) return site(host, port, this.now());
    for (const c of this.containers.values()) {
      if (c.status !== 'running') continue;
      for (const [key, binds] of Object.entries(c.ports)) {
        const ok = binds?.some((b) => Number(b.HostPort) === port && (!b.HostIp || b.HostIp === '0.0.0.0' || b.HostIp === '::' || b.HostIp === host || (b.HostIp === '127.0.0.1' && host === 'localhost')));
        if (!ok || !key.endsWith('/tcp')) continue;
        // docker-proxy connects from the network's gateway
        const req = this.request(c, host, port, this.gatewayOf(c), client);
        const inner = parseInt(key, 10);
        return c.proc?.serve?.(inner, path, req) ?? this.served(c, inner, path, req) ?? { status: 0, body: '', server: '' };
      }
    }
    // A container on the host's network listens on the host itself.
    for (const c of this.containers.values()) {
      const r = c.status === 'running' && c.hostConfig.NetworkMode === 'host' ? c.proc?.serve?.(port, path, this.request(c, host, port, '127.0.0.1', client)) : null;
      if (r) return r;
    }
    return null;
  },

  /** Where docker-proxy connects to `c` from: the gateway of the network its address is on. */
  gatewayOf(this: Engine, c: Ctr): string {
    const on = Object.entries(this.netsOf(c)).find(([, e]) => e.addr === c.ip)?.[0];
    return (on && this.netNamed(on)?.gateway) || c.ip.replace(/\d+$/, '1');
  },

  /** The request as `c`'s server sees it; it logs to the container's output. */
  request(this: Engine, c: Ctr, host: string, port: number, from: string, client: HttpClient = { agent: '-' }): HttpRequest {
    return { ...client, from, host: port === 80 ? host : `${host}:${port}`, log: this.out(c) };
  },

  portList(this: Engine, c: Ctr): Port[] {
    if (!this.isUp(c)) return [];
    return Object.entries(this.portMap(c)).flatMap(([key, binds]) => {
      const [num, proto] = key.split('/');
      const [PrivatePort, Type] = [Number(num), proto as Port['Type']];
      return binds ? binds.map((b) => ({ IP: b.HostIp, PrivatePort, PublicPort: Number(b.HostPort), Type })) : [{ PrivatePort, Type }];
    });
  },

  /**
   * /etc/resolv.conf: the host's servers on the default bridge; the embedded DNS server when
   * the container's first network is user-defined.
   */
  resolvConf(this: Engine, c: Ctr): string {
    const first = Object.keys(this.netsOf(c)).sort()[0];
    return resolvConf(c, first !== undefined && !['bridge', 'host', 'none'].includes(first));
  },

  /** Every exposed port in port order, with the host addresses bound to it (null: not published). */
  portMap(this: Engine, c: Ctr): PortMap {
    const m: PortMap = {};
    // The host's, none's or another container's network stack: no ports of its own.
    const mode = c.hostConfig.NetworkMode ?? 'bridge';
    if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return m;
    for (const key of Object.keys(c.config.ExposedPorts ?? {}).sort(portOrder)) {
      const b = c.ports[key];
      m[key] = b?.length ? b.flatMap(bound) : null;
    }
    return m;
  },
};

function portOrder(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : 1);
}

/** A binding saved before host addresses were kept has an empty one: it stands for both wildcards. */
function bound(b: { HostIp: string; HostPort: string }): { HostIp: string; HostPort: string }[] {
  return b.HostIp ? [{ HostIp: b.HostIp, HostPort: b.HostPort }] : [{ HostIp: '0.0.0.0', HostPort: b.HostPort }, { HostIp: '::', HostPort: b.HostPort }];
}
