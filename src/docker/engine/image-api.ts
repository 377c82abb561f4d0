/**
 * The image endpoints: listing with its filters, pull, inspect, history, tag, remove, prune,
 * build, and the one way a local image (commit, build step) enters the store.
 */
import { ApiError, type BuildContext, type BuildOptions, type HistoryResponseItem, type ImageConfig, type ImageDeleteResponseItem, type ImageInspect, type ImageListOptions, type ImageSummary, type ImagesPruneReport, type OnMessage } from '../api';
import { build } from './build';
import type { Engine } from './engine';
import { cloneTree, treeSize, type DirNode } from './fs';
import { digest } from './hash';
import { boolFilter, timestampFilter, validateKeys } from './filters';
import * as imgs from './images';
import { parseReference } from './reference';
import { diffIdOf, imageConfigJSON, type Image } from './store';

export const imageApi = {
  async imageList(this: Engine, opts: ImageListOptions = {}): Promise<ImageSummary[]> {
    const h = this.hostApi();
    const f = opts.filters ?? {};
    validateKeys(f, ['dangling', 'label', 'before', 'since', 'reference', 'until']);
    const wantDangling = boolFilter(f, 'dangling');
    // Several values narrow the window: the oldest `before`/`until`, the newest `since`.
    let before = Infinity;
    let since = -Infinity;
    for (const v of f.before ?? []) before = Math.min(before, imgs.getImage(h, v).created);
    for (const v of f.until ?? []) before = Math.min(before, timestampFilter(v, this.now()));
    for (const v of f.since ?? []) since = Math.max(since, imgs.getImage(h, v).created);
    const out: ImageSummary[] = [];
    for (const img of this.images.images.values()) {
      if (img.created >= before || img.created <= since) continue;
      const tags = this.images.tags(img.id);
      const intermediate = !tags.length && this.images.children(img.id).length > 0;
      if (intermediate && !opts.all) continue;
      const dangling = !tags.length && !this.images.digests(img.id).length;
      if (wantDangling !== undefined && wantDangling !== (dangling && !intermediate)) continue;
      if (f.reference?.length) {
        // Tags and digests are filtered alike: a digest of another repository must not
        // bring the image back as a `<none>` row of that repository. A tagged pattern is
        // matched against a digest by its repository alone, and keeps the digest only when
        // some tag matched too (moby's `Images`).
        const RepoTags = tags.filter((t) => f.reference.some((p) => refMatch(p, t)));
        const tagged = f.reference.map(taggedName);
        let RepoDigests = this.images.digests(img.id).filter((d) => f.reference.some((p, i) => refMatch(tagged[i] ?? p, d)));
        if (!RepoTags.length && tagged.every((n) => n !== null)) RepoDigests = [];
        if (!RepoTags.length && !RepoDigests.length) continue;
        out.push({ ...imgs.imageSummary(h, img), RepoTags, RepoDigests });
        continue;
      }
      if (f.label?.length && !f.label.every((l) => {
        const [k, v] = l.split('=');
        const labels = img.config.Labels ?? {};
        return v === undefined ? k in labels : labels[k] === v;
      })) continue;
      out.push(imgs.imageSummary(h, img));
    }
    return out.sort((a, b) => b.Created - a.Created || (a.Id < b.Id ? -1 : 1));
  },

  async imagePull(this: Engine, ref: string, onMessage: OnMessage, opts: { signal?: AbortSignal } = {}): Promise<void> {
    await imgs.pull(this.hostApi(), ref, onMessage, opts.signal);
  },

  async imageInspect(this: Engine, ref: string): Promise<ImageInspect> {
    return imgs.inspectImage(this.hostApi(), imgs.getImage(this.hostApi(), ref));
  },

  async imageHistory(this: Engine, ref: string): Promise<HistoryResponseItem[]> {
    return imgs.history(this.hostApi(), imgs.getImage(this.hostApi(), ref));
  },

  async imageTag(this: Engine, source: string, target: string): Promise<void> {
    const img = imgs.getImage(this.hostApi(), source);
    const ref = parseReference(target);
    if (ref.digest) throw new ApiError(400, 'refusing to create a tag with a digest reference');
    imgs.setTag(this.hostApi(), `${ref.name}:${ref.tag ?? 'latest'}`, img);
  },

  async imageRemove(this: Engine, ref: string, opts: { force?: boolean; noprune?: boolean } = {}): Promise<ImageDeleteResponseItem[]> {
    return imgs.removeImage(this.hostApi(), ref, !!opts.force, !opts.noprune);
  },

  async imagesPrune(this: Engine, opts: { all?: boolean } = {}): Promise<ImagesPruneReport> {
    const r = imgs.pruneImages(this.hostApi(), !!opts.all);
    return { ImagesDeleted: r.deleted.length ? r.deleted : null, SpaceReclaimed: r.reclaimed };
  },

  async imageBuild(this: Engine, context: BuildContext, opts: BuildOptions, onMessage: OnMessage): Promise<{ Id: string }> {
    return build(this, context, opts, onMessage);
  },

  /** Adds an image made locally (commit, build) on top of `parent`, sharing identical layers. */
  addLocalImage(this: Engine, parent: Image | null, upper: DirNode | null, config: ImageConfig, createdBy: string, extra: { comment?: string; author?: string; created?: number; emptyLayer?: boolean } = {}): Image {
    const created = extra.created ?? this.now();
    let top = parent?.top ?? null;
    const diffIds = [...(parent?.diffIds ?? [])];
    if (upper) {
      const tree = cloneTree(upper);
      const diffId = diffIdOf(tree);
      const l = this.layers.ensure(top, diffId, () => ({ tree, size: treeSize(tree), mtime: created }));
      top = l.chainId;
      diffIds.push(diffId);
    }
    const history = [...(parent?.history ?? []), { created, createdBy, comment: extra.comment ?? '', emptyLayer: !upper }];
    const base = { config, created, history, diffIds, top, parent: parent?.id ?? '', comment: extra.comment ?? '', author: extra.author ?? '', dockerVersion: '28.2.2' };
    const id = digest(imageConfigJSON(base));
    const existing = this.images.images.get(id);
    if (existing) return existing;
    this.layers.acquire(top);
    return this.images.add({ id, ...base, lastTagTime: 0 });
  },
};

/**
 * `reference=` filter, as distribution's `FamiliarMatch`: a `path.Match` glob against the whole
 * reference (`name:tag` or `name@digest`), and failing that against the bare name.
 */
function refMatch(pattern: string, ref: string): boolean {
  const re = globRegex(pattern);
  const at = ref.indexOf('@');
  const name = at >= 0 ? ref.slice(0, at) : ref.slice(0, ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.lastIndexOf(':') : ref.length);
  return re.test(ref) || re.test(name);
}

/** The repository of a pattern that parses as `name:tag`; null for anything else. */
function taggedName(pattern: string): string | null {
  try {
    const r = parseReference(pattern);
    return r.tag ? r.name : null;
  } catch {
    return null;
  }
}

/** Go's `path.Match`: `*` and `?` never cross a `/`; `[...]` classes with `^` negation; `\\` escapes. */
function globRegex(pattern: string): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') src += '[^/]*';
    else if (ch === '?') src += '[^/]';
    else if (ch === '\\' && i + 1 < pattern.length) src += esc(pattern[++i]);
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return /(?!)/;
      let body = pattern.slice(i + 1, end);
      const neg = body.startsWith('^');
      if (neg) body = body.slice(1);
      src += `[${neg ? '^/' : ''}${body.replace(/[\]\\^]/g, '\\$&')}]`;
      i = end;
    } else src += esc(ch);
  }
  return new RegExp('^' + src + '$');
}

function esc(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
