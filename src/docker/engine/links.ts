/**
 * Legacy links (`--link name:alias`, default bridge): what a running child gives its parent, an
 * /etc/hosts line and environment variables (moby's buildSandboxOptions and links.ToEnv).
 */
import type { Ctr, Engine } from './engine';

/** The container named `name` (with moby's leading slash). */
export const byName = (e: Engine, name: string): Ctr | undefined => [...e.containers.values()].find((o) => '/' + o.name === name);

/** Each link's child name, its path (`/parent/alias`) and the child, when the child is still there. */
export const linked = (e: Engine, c: Ctr): [string, string, Ctr][] =>
  ((c.hostConfig.Links as string[] | null) ?? []).flatMap((l) => {
    const [name, path] = l.split(':');
    const ch = byName(e, name);
    return ch ? [[name, path, ch]] : [];
  });

/** Each link's path, alias and child, when the child has an address. */
const children = (e: Engine, c: Ctr): [string, string, Ctr][] => linked(e, c).flatMap(([, path, ch]) => (ch.ip ? [[path, path.slice(path.lastIndexOf('/') + 1), ch]] : []));

/** The child's address under the alias, its hostname and its name. */
export const linkHosts = (e: Engine, c: Ctr): string[] =>
  children(e, c).map(([, a, ch]) => `${ch.ip}\t${a} ${ch.config.Hostname}${a === ch.name ? '' : ' ' + ch.name}\n`);

/** A link's address for `host`, its alias, hostname or name, as /etc/hosts gives it. */
export const linkAddr = (e: Engine, c: Ctr, host: string): { ip: string } | undefined => {
  const l = children(e, c).find(([, a, ch]) => a === host || ch.config.Hostname === host || ch.name === host);
  return l && { ip: l[2].ip! };
};

/** ALIAS_PORT, ALIAS_PORT_<port>_<PROTO>{,_ADDR,_PORT,_PROTO} (tcp ports first), ALIAS_NAME and ALIAS_ENV_*. */
const linkEnv = (e: Engine, c: Ctr): string[] =>
  children(e, c).flatMap(([path, a, ch]) => {
    const A = a.toUpperCase().replace(/-/g, '_');
    const ports = Object.keys(ch.config.ExposedPorts ?? {}).map((k) => k.split('/')).sort(([p, t], [q, u]) => +(t !== 'tcp') - +(u !== 'tcp') || t.localeCompare(u) || +p - +q);
    const url = ([p, t]: string[]) => `${t}://${ch.ip}:${p}`;
    return [
      ...(ports.length ? [`${A}_PORT=${url(ports[0])}`] : []),
      ...ports.flatMap(([p, t]) => {
        const k = `${A}_PORT_${p}_${t.toUpperCase()}`;
        return [`${k}=${url([p, t])}`, `${k}_ADDR=${ch.ip}`, `${k}_PORT=${p}`, `${k}_PROTO=${t}`];
      }),
      `${A}_NAME=${path}`,
      ...ch.config.Env.filter((v) => v.includes('=') && !/^(HOME|PATH)=/.test(v)).map((v) => `${A}_ENV_${v}`),
    ];
  });

/** The container's environment: dockerd puts the links' variables before the container's own. */
export const ctrEnv = (e: Engine, c: Ctr): string[] => [...linkEnv(e, c), ...c.config.Env];
