/** `docker images` / `docker image ls`. */
import type { ImageSummary } from '../../api';
import type { Handler } from '../cli';
import { formatList, listFormat } from '../format/list';
import { ago, goTime, shortId, sizeString } from '../format/units';
import { familiarName, parseRef } from '../reference';
import { parseFilters } from './shared';

const DEFAULT = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const DIGESTS = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
export const IMAGE_HEADERS = {
  Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', Digest: 'DIGEST', CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT', Size: 'SIZE', Containers: 'CONTAINERS', SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE', VirtualSize: 'SIZE',
};

interface Row { img: ImageSummary; repo: string; tag: string; digest: string }

/** Repository → tags (or digests) of an image's references, skipping any the client cannot parse. */
function byRepository(refs: string[] | undefined, part: 'tag' | 'digest'): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of refs ?? []) {
    try {
      const r = parseRef(s);
      const repo = familiarName(r);
      if (r[part]) map.set(repo, [...(map.get(repo) ?? []), r[part]]);
    } catch { /* skipped */ }
  }
  return map;
}

/** One row per repository:tag (per digest with --digests), as the client's image formatter lays them out. */
function rowsOf(img: ImageSummary, digests: boolean): Row[] {
  const tags = byRepository(img.RepoTags, 'tag');
  const dg = byRepository(img.RepoDigests, 'digest');
  const rows: Row[] = [];
  const none = ['<none>'];
  for (const [repo, ts] of tags) {
    const ds = digests ? dg.get(repo) ?? none : none;
    dg.delete(repo);
    for (const tag of ts) for (const digest of ds) rows.push({ img, repo, tag, digest });
  }
  for (const [repo, ds] of dg) for (const digest of digests ? ds : none) rows.push({ img, repo, tag: '<none>', digest });
  if (!tags.size && !dg.size) rows.push({ img, repo: '<none>', tag: '<none>', digest: '<none>' });
  return rows;
}

export const images: Handler = async (ctx, f, args) => {
  const filters = parseFilters(f.list('filter')) ?? {};
  if (args[0] !== undefined) (filters.reference ??= []).push(args[0]);
  const list = await ctx.api.imageList({ all: f.bool('all'), filters: Object.keys(filters).length ? filters : undefined });
  list.sort((a, b) => b.Created - a.Created);
  const trunc = !f.bool('no-trunc');
  const now = ctx.api.now();
  const digests = f.bool('digests');
  let format = listFormat(f, digests ? DIGESTS : DEFAULT);
  // NewImageFormat: --digests adds its column to a custom table that lacks it.
  if (digests && format.startsWith('table') && !format.includes('{{.Digest}}')) format += '\t{{.Digest}}';
  const rows = list.flatMap((img) => rowsOf(img, digests || format.includes('.Digest'))).map((r) => ({
    ID: trunc ? shortId(r.img.Id) : r.img.Id,
    Repository: r.repo,
    Tag: r.tag,
    Digest: r.digest,
    CreatedSince: r.img.Created ? ago(now, r.img.Created) : 'N/A',
    CreatedAt: goTime(r.img.Created),
    Size: sizeString(r.img.Size),
    VirtualSize: sizeString(r.img.Size),
    Containers: r.img.Containers < 0 ? 'N/A' : String(r.img.Containers),
    SharedSize: r.img.SharedSize < 0 ? 'N/A' : sizeString(r.img.SharedSize),
    UniqueSize: r.img.SharedSize < 0 ? 'N/A' : sizeString(r.img.Size - r.img.SharedSize),
  }));
  ctx.io.out(formatList(format, rows, IMAGE_HEADERS, '*formatter.ImageContext'));
  // printAmbiguousHint: only the top-level `docker images`, for the names of `docker image` subcommands.
  if (!list.length && ctx.path === 'docker images' && ['build', 'history', 'import', 'inspect', 'list', 'load', 'ls', 'prune', 'pull', 'push', 'rm', 'save', 'tag'].includes(args[0])) {
    ctx.io.err(`\nNo images found matching "${args[0]}": did you mean "docker image ${args[0]}"?\n`);
  }
  return 0;
};
