/**
 * `GET /images/search` against the simulated Docker Hub (moby registry/search.go): the daemon
 * validates the filters, asks the Hub for `limit` results and filters what comes back, so a
 * filter can leave fewer than `limit` rows.
 */
import { ApiError, type SearchResult } from '../api';
import { HUB_INFO, HUB_REPOS } from '../registry/hub';
import type { Engine } from './engine';
import { atoi, boolFilter, validateKeys } from './filters';
import { unreachable } from './images';
import { registryOn } from './push';

let hub: SearchResult[] | undefined;
const result = (name: string, star_count: number, description: string, is_official: boolean): SearchResult => ({ star_count, is_official, name, is_automated: false, description });

/**
 * How well a repository answers a term, as the Hub's search ranks: the official repository of
 * that name, the term's namespace, repositories named like it, names containing it, then
 * descriptions with a word starting with it. Officials come first in a rank, most starred first.
 */
function rank(r: SearchResult, q: string, i: number): number {
  const [repo, ns] = r.name.split('/').reverse();
  const d = ' ' + r.description.toLowerCase().replace(/[,.(]/g, ' ');
  const tier = [r.name === q, ns === q, repo === q, r.name.includes(q), d.includes(' ' + q)].indexOf(true);
  return tier < 0 ? -1 : tier * 1e6 + (r.is_official ? 1e5 - r.star_count : 2e5 + i);
}

export const searching = {
  async imageSearch(this: Engine, term: string, opts: { limit?: number; filters?: Record<string, string[]> } = {}): Promise<SearchResult[]> {
    const f = opts.filters ?? {};
    validateKeys(f, ['is-automated', 'is-official', 'stars']);
    // `is-automated` is deprecated: Hub results are never automated any more.
    if (boolFilter(f, 'is-automated')) return [];
    const official = boolFilter(f, 'is-official');
    let stars = 0;
    for (const v of f.stars ?? []) {
      try {
        stars = Math.max(stars, atoi(v));
      } catch (e) {
        throw new ApiError(400, `invalid filter 'stars=${v}': ${(e as Error).message}`);
      }
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(term)) throw new ApiError(400, `invalid repository name: repository name (${term}) should not have a scheme`);
    // A registry on this machine is searched over its v1 API, which registry:2 does not have.
    const loc = /^(localhost|127\.0\.0\.1):(\d+)\//.exec(term);
    const up = loc && !!registryOn(this, loc[2]);
    const dial = (s: string) => unreachable(loc![0].slice(0, -1)).message.replace('http:', s + ':').replace('v2/', 'v1/_ping');
    if (loc && !up) throw new ApiError(400, `invalid registry endpoint "http://${loc[0]}v1/". HTTPS attempt: ${dial('https')}. HTTP attempt: ${dial('http')}`);
    const limit = opts.limit || 25;
    if (limit < 1 || limit > 100) throw new ApiError(400, `limit ${limit} is outside the range of [1, 100]`);
    if (up) throw new ApiError(500, 'Unexpected status code 404');
    hub ??= [
      ...Object.entries(HUB_INFO).map(([name, [n, d]]) => result(name, n, d, true)),
      ...HUB_REPOS.split('\n').map((l) => l.match(/^(\S+) (\d+) ?(.*)$/)!).map((m) => result(m[1], +m[2], m[3], false)),
    ];
    const pushed = [...new Set([...this.hub.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))))];
    const q = term.toLowerCase().replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
    return [...hub, ...pushed.map((n) => result(n, 0, '', false))]
      .map((r, i) => [rank(r, q, i), r] as const)
      .filter(([n]) => n >= 0)
      .sort((a, b) => a[0] - b[0])
      .slice(0, limit)
      .map(([, r]) => ({ ...r }))
      .filter((r) => r.star_count >= stars && (official === undefined || r.is_official === official));
  },
};
