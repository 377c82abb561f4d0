/** `docker network connect` / `disconnect`: silent on success. */
import type { Handler } from '../cli';
import { strings } from './network-create';

export const networkConnect: Handler = async (ctx, f, [net, container]) => {
  const ip = f.str('ip');
  const aliases = strings(f, 'alias');
  await ctx.api.networkConnect(net, container, { IPAMConfig: ip ? { IPv4Address: ip } : null, Aliases: aliases.length ? aliases : null });
  return 0;
};

export const networkDisconnect: Handler = async (ctx, f, [net, container]) => {
  await ctx.api.networkDisconnect(net, container, f.bool('force'));
  return 0;
};
