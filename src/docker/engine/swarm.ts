/**
 * Swarm mode, plugins and BuildKit's cache on this engine: it is in no swarm (`docker info`:
 * Swarm: inactive), has no plugins and builds with the legacy builder, so the cluster's calls
 * fail as daemon/cluster answers them and the plugin list and the build cache are empty.
 */
import { ApiError, type PluginSummary } from '../api';
import type { Engine } from './engine';
import { boolFilter, validateKeys } from './filters';

export const swarming = {
  async swarmList(this: Engine, _kind: 'nodes' | 'services' | 'secrets' | 'configs'): Promise<never[]> {
    throw new ApiError(500, 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
  },

  async swarmLeave(this: Engine, _force?: boolean): Promise<void> {
    throw new ApiError(500, 'This node is not part of a swarm');
  },

  async buildCachePrune(this: Engine, _opts?: { all?: boolean; filters?: Record<string, string[]> }): Promise<{ CachesDeleted: string[] | null; SpaceReclaimed: number }> {
    return { CachesDeleted: null, SpaceReclaimed: 0 };
  },

  async pluginList(this: Engine, filters: Record<string, string[]> = {}): Promise<PluginSummary[]> {
    validateKeys(filters, ['enabled', 'capability']);
    boolFilter(filters, 'enabled');
    return [];
  },
};
