/**
 * A container's interfaces as its network namespace has them: lo, then a veth per network
 * (eth0, eth1… in the order of the endpoints), with the address, MAC and gateway the
 * endpoint got. `--network host` sees the host's own; `container:` the other's.
 */
import type { Ctr, Engine } from './engine';
import type { Iface } from './shell/types';

const LO: Iface = { name: 'lo', ip: '127.0.0.1', bits: 8, mac: '00:00:00:00:00:00' };
/** The simulated host (`aula`, 10.0.2.15 behind QEMU's user network) and its docker0. */
const HOST: Iface[] = [LO, { name: 'eth0', ip: '10.0.2.15', bits: 24, mac: '52:54:00:12:34:56', gw: '10.0.2.2' }, { name: 'docker0', ip: '172.17.0.1', bits: 16, mac: '02:42:8e:5f:3a:c1' }];

export function ifacesOf(e: Engine, ctr: Ctr): Iface[] {
  const c = e.stackOf(ctr);
  if (c.hostConfig.NetworkMode === 'host') return HOST;
  return [LO, ...Object.entries(e.endpoints(c)).filter(([, x]) => x.IPAddress).map(([name, x], k) => ({
    name: 'eth' + k, ip: x.IPAddress, bits: x.IPPrefixLen, mac: x.MacAddress,
    // the host side of the veth pair: an index per address, as the kernel hands them out in turn
    peer: 2 * Number(x.IPAddress.split('.')[3]) + 3 + k,
    // an internal network gives no default route
    gw: e.netNamed(name)?.internal ? undefined : x.Gateway,
  }))];
}
