/**
 * `GET /images/search` against the simulated Docker Hub: the official repositories of the
 * catalogue and the repositories pushed here whose name contains the term, most starred first.
 */
import { ApiError, type SearchResult } from '../api';
import { HUB_INFO } from '../registry/hub';
import type { Engine } from './engine';
import { atoi, boolFilter, validateKeys } from './filters';

export const searching = {
  async imageSearch(this: Engine, term: string, opts: { limit?: number; filters?: Record<string, string[]> } = {}): Promise<SearchResult[]> {
    const limit = opts.limit || 25;
    if (limit < 1 || limit > 100) throw new ApiError(400, `limit ${limit} is outside the range of [1, 100]`);
    const f = opts.filters ?? {};
    validateKeys(f, ['is-automated', 'is-official', 'stars']);
    const automated = boolFilter(f, 'is-automated');
    const official = boolFilter(f, 'is-official');
    let stars = 0;
    for (const v of f.stars ?? []) {
      try {
        stars = Math.max(stars, atoi(v));
      } catch (e) {
        throw new ApiError(400, `invalid filter 'stars=${v}': ${(e as Error).message}`);
      }
    }
    const pushed = [...new Set([...this.hub.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))))];
    const all: SearchResult[] = [
      ...Object.entries(HUB_INFO).map(([name, [star_count, description]]) => ({ star_count, is_official: true, name, is_automated: false, description })),
      ...pushed.map((name) => ({ star_count: 0, is_official: false, name, is_automated: false, description: '' })),
    ];
    const q = term.toLowerCase().replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
    return all
      .filter((r) => r.name.includes(q) && r.star_count >= stars && (official === undefined || r.is_official === official) && automated !== true)
      .sort((a, b) => b.star_count - a.star_count)
      .slice(0, limit);
  },
};
