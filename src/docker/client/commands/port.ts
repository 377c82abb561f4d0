/** `docker port`: the published ports of a container, or the bindings of one of them. */
import type { PortBinding } from '../../api';
import { CliError, type Handler } from '../cli';

/** Go's net.JoinHostPort: an IPv6 address goes in brackets. */
const hostPort = (b: PortBinding): string => (b.HostIp.includes(':') ? `[${b.HostIp}]` : b.HostIp) + ':' + b.HostPort;

/**
 * sortorder.NaturalLess: runs of digits compare as numbers (`443/tcp` before `8080/tcp`) and
 * before any other character; the rest compares bytewise (`0.0.0.0` before `[::]`).
 */
export function natural(a: string, b: string): number {
  const x = a.match(/\d+|\D/g) ?? [];
  const y = b.match(/\d+|\D/g) ?? [];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const [p, q] = [x[i], y[i]];
    if (p === q) continue;
    const [dp, dq] = [/\d/.test(p), /\d/.test(q)];
    return dp && dq ? +p - +q || p.length - q.length : dp !== dq ? (dp ? -1 : 1) : p < q ? -1 : 1;
  }
  return a.length - b.length;
}

export const port: Handler = async (ctx, _f, [name, priv]) => {
  const ports = (await ctx.api.containerInspect(name)).NetworkSettings.Ports ?? {};
  let out: string[];
  if (priv !== undefined) {
    const [num, proto = 'tcp'] = priv.split('/');
    const n = /^\d+$/.test(num) ? Number(num) : NaN;
    if (!(n <= 65535)) {
      const why = /^\d+$/.test(num) ? 'value out of range' : 'invalid syntax';
      throw new CliError(`Error: invalid port (${num}): strconv.ParseUint: parsing ${JSON.stringify(num)}: ${why}`);
    }
    const binds = ports[`${num}/${proto || 'tcp'}`];
    if (!binds?.length) throw new CliError(`Error: No public port '${priv}' published for ${name}`);
    out = binds.map(hostPort);
  } else {
    out = Object.entries(ports).flatMap(([key, binds]) => (binds ?? []).map((b) => `${key} -> ${hostPort(b)}`));
  }
  if (out.length) ctx.io.out(out.sort(natural).join('\n') + '\n');
  return 0;
};
