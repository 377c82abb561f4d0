/** docker/cli `DisplayablePorts`: ranges for unpublished and same-number ports, then host mappings. */
import type { Port } from '../../api';

/** A run of consecutive container ports with one protocol (and one address when published as is). */
interface Group {
  ip: string;
  type: string;
  first: number;
  last: number;
}

export function displayablePorts(input: Port[]): string {
  const cmp = <T>(x: T, y: T): number => (x < y ? -1 : x > y ? 1 : 0);
  // By container port, address, host port, protocol.
  const ports = [...input].sort((a, b) =>
    cmp(a.PrivatePort, b.PrivatePort) || cmp(a.IP ?? '', b.IP ?? '') || cmp(a.PublicPort ?? 0, b.PublicPort ?? 0) || cmp(a.Type, b.Type));
  const groups = new Map<string, Group>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const p of ports) {
    const current = p.PrivatePort;
    const ip = p.IP ?? '';
    if (ip && (p.PublicPort ?? 0) !== current) {
      hostMappings.push(`${ip.includes(':') ? `[${ip}]` : ip}:${p.PublicPort ?? 0}->${current}/${p.Type}`);
      continue;
    }
    const key = ip ? `${ip}/${p.Type}` : p.Type;
    const g = groups.get(key);
    if (g && current === g.last + 1) {
      g.last = current;
      continue;
    }
    if (g) result.push(formGroup(g));
    // Re-inserting keeps the key's first position, as Go's ordered key list does.
    groups.set(key, { ip, type: p.Type, first: current, last: current });
  }
  for (const g of groups.values()) result.push(formGroup(g));
  return [...result, ...hostMappings].join(', ');
}

/** `80/tcp`, `8000-8002/tcp`, or with an address `0.0.0.0:80->80/tcp`. */
function formGroup({ ip, type, first, last }: Group): string {
  const range = first === last ? String(first) : `${first}-${last}`;
  return `${ip ? `${ip}:${range}->${range}` : range}/${type}`;
}
