/** `docker node|secret|config ls` and `docker swarm leave`: what an engine in no swarm answers. */
import type { Handler } from '../cli';

export const swarmList = (kind: 'nodes' | 'services' | 'secrets' | 'configs'): Handler => async (ctx) => {
  await ctx.api.swarmList(kind);
  return 0;
};

export const swarmLeave: Handler = async (ctx, f) => {
  await ctx.api.swarmLeave(f.bool('force'));
  ctx.io.out('Node left the swarm.\n');
  return 0;
};
