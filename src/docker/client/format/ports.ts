/** docker/cli `DisplayablePorts`: ranges for unpublished and same-number ports, then host mappings. */
import type { Port } from '../../api';

export function displayablePorts(input: Port[]): string {
  const ports = [...input].sort((a, b) =>
    a.PrivatePort !== b.PrivatePort ? a.PrivatePort - b.PrivatePort
      : (a.IP ?? '') !== (b.IP ?? '') ? ((a.IP ?? '') < (b.IP ?? '') ? -1 : 1)
        : (a.PublicPort ?? 0) !== (b.PublicPort ?? 0) ? (a.PublicPort ?? 0) - (b.PublicPort ?? 0)
          : a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0);
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const p of ports) {
    const current = p.PrivatePort;
    let key: string = p.Type;
    if (p.IP) {
      if ((p.PublicPort ?? 0) !== current) {
        const host = p.IP.includes(':') ? `[${p.IP}]` : p.IP;
        hostMappings.push(`${host}:${p.PublicPort ?? 0}->${p.PrivatePort}/${p.Type}`);
        continue;
      }
      key = `${p.IP}/${p.Type}`;
    }
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === g.last + 1) {
      g.last = current;
      continue;
    }
    result.push(formGroup(key, g.first, g.last));
    // Re-inserting keeps the key's first position, as Go's ordered key list does.
    groups.set(key, { first: current, last: current });
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}

function formGroup(key: string, start: number, last: number): string {
  const parts = key.split('/');
  let type = parts[0];
  let ip = '';
  if (parts.length > 1) {
    ip = parts[0];
    type = parts[1];
  }
  let group = String(start);
  if (start !== last) group += `-${last}`;
  if (ip) group = `${ip}:${group}->${group}`;
  return `${group}/${type}`;
}
