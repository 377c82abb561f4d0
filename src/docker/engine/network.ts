/**
 * The bridge network: addresses, published ports as the API lists them (each host address
 * bound at start: both wildcards for a port published without one), and what a GET inside it
 * reaches (curl and wget in containers).
 */
import type { EndpointSettings, Port, PortMap } from '../api';
import type { Ctr, Engine } from './engine';
import type { HttpReply } from './shell/types';

export const net = {
  /** A GET inside the bridge network: localhost, container IPs, the gateway's published ports. */
  http(this: Engine, from: Ctr, host: string, port: number, path: string): HttpReply | null {
    let target: Ctr | undefined;
    let p = port;
    if (host === 'localhost' || host === '127.0.0.1' || host === from.config.Hostname) target = from;
    else if (host === '172.17.0.1' || host === 'host.docker.internal') {
      target = [...this.containers.values()].find((c) => c.status === 'running' && Object.entries(c.ports).some(([k, b]) => b?.some((x) => Number(x.HostPort) === port) && (p = Number(k.split('/')[0])) > 0));
    } else target = [...this.containers.values()].find((c) => c.status === 'running' && c.ip === host);
    if (!target || target.status !== 'running') return null;
    if (port === 0) return { status: 0, body: '', server: '' };
    return target.proc?.serve?.(p, path) ?? null;
  },

  /**
   * A GET from the host: the host's own names reach the container that publishes the port (on a
   * wildcard or on that address), as docker-proxy forwards it.
   */
  hostHttp(this: Engine, host: string, port: number, path: string): HttpReply | null {
    const local = ['localhost', '127.0.0.1', '0.0.0.0', 'aula', '10.0.2.15'].includes(host);
    if (!local) return null;
    for (const c of this.containers.values()) {
      if (c.status !== 'running') continue;
      for (const [key, binds] of Object.entries(c.ports)) {
        const ok = binds?.some((b) => Number(b.HostPort) === port && (!b.HostIp || b.HostIp === '0.0.0.0' || b.HostIp === '::' || b.HostIp === host || (b.HostIp === '127.0.0.1' && host === 'localhost')));
        if (ok && key.endsWith('/tcp')) return c.proc?.serve?.(Number(key.split('/')[0]), path) ?? { status: 0, body: '', server: '' };
      }
    }
    return null;
  },

  portList(this: Engine, c: Ctr): Port[] {
    if (!this.isUp(c)) return [];
    return Object.entries(this.portMap(c)).flatMap(([key, binds]) => {
      const [num, proto] = key.split('/');
      const [PrivatePort, Type] = [Number(num), proto as Port['Type']];
      return binds ? binds.map((b) => ({ IP: b.HostIp, PrivatePort, PublicPort: Number(b.HostPort), Type })) : [{ PrivatePort, Type }];
    });
  },

  endpoint(this: Engine, c: Ctr): EndpointSettings {
    const on = this.isUp(c);
    const n = on ? Number(c.ip.split('.')[3]) : 0;
    return {
      IPAMConfig: null, Links: null, Aliases: null, MacAddress: on ? `02:42:ac:11:00:${n.toString(16).padStart(2, '0')}` : '', DriverOpts: null, GwPriority: 0,
      NetworkID: '6d4e1c9a2b3f7e8d5c0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcde', EndpointID: on ? c.endpointId ?? '' : '',
      Gateway: on ? '172.17.0.1' : '', IPAddress: on ? c.ip : '', IPPrefixLen: on ? 16 : 0, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, DNSNames: null,
    };
  },

  /** Every exposed port in port order, with the host addresses bound to it (null: not published). */
  portMap(this: Engine, c: Ctr): PortMap {
    const m: PortMap = {};
    for (const key of Object.keys(c.config.ExposedPorts ?? {}).sort(portOrder)) {
      const b = c.ports[key];
      m[key] = b?.length ? b.flatMap(bound) : null;
    }
    return m;
  },

  allocateIp(this: Engine): string {
    const used = new Set([...this.containers.values()].filter((c) => c.ip).map((c) => c.ip));
    for (let n = 2; n < 255; n++) if (!used.has(`172.17.0.${n}`)) return `172.17.0.${n}`;
    return '172.17.1.2';
  },
};

function portOrder(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : 1);
}

/** A binding saved before host addresses were kept has an empty one: it stands for both wildcards. */
function bound(b: { HostIp: string; HostPort: string }): { HostIp: string; HostPort: string }[] {
  return b.HostIp ? [{ HostIp: b.HostIp, HostPort: b.HostPort }] : [{ HostIp: '0.0.0.0', HostPort: b.HostPort }, { HostIp: '::', HostPort: b.HostPort }];
}
