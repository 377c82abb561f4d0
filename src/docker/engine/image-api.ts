/**
 * The image endpoints: listing with its filters, pull, inspect, history, tag, remove, prune,
 * build, and the one way a local image (commit, build step) enters the store.
 */
import { ApiError, type BuildContext, type BuildOptions, type HistoryResponseItem, type ImageConfig, type ImageDeleteResponseItem, type ImageInspect, type ImageListOptions, type ImageSummary, type ImagesPruneReport, type OnMessage, type PullOptions } from '../api';
import { CATALOG } from '../registry/catalog';
import { build } from './build';
import type { Engine } from './engine';
import { cloneTree, treeSize, type DirNode } from './fs';
import { boolFilter, matchKV, pruneLabels, pruneUntil, timestampFilter, validateKeys } from './filters';
import * as imgs from './images';
import { familiarTag, parseReference } from './reference';
import { diffIdOf, repoOf, type Image } from './store';
import { pathMatch } from './path-match';
import { privateTags } from './push';

export const imageApi = {
  async imageList(this: Engine, opts: ImageListOptions = {}): Promise<ImageSummary[]> {
    const f = opts.filters ?? {};
    validateKeys(f, ['dangling', 'label', 'before', 'since', 'reference', 'until']);
    const wantDangling = boolFilter(f, 'dangling');
    const createdOf = (refs: string[] = []) => refs.map((v) => imgs.getImage(this, v).created);
    // Several values narrow the window: the oldest `before`/`until`, the newest `since`.
    const before = Math.min(...createdOf(f.before), ...(f.until ?? []).map((v) => timestampFilter(v, this.now())));
    const since = Math.max(...createdOf(f.since));
    const out: ImageSummary[] = [];
    for (const img of this.images.images.values()) {
      if (img.created >= before || img.created <= since) continue;
      const tags = this.images.tags(img.id);
      const intermediate = !tags.length && this.images.children(img.id).length > 0;
      if (intermediate && !opts.all) continue;
      // moby `Images`: dangling=true keeps the images without tags and without children (a
      // digest alone does not name an image here); dangling=false drops those without any reference.
      if (wantDangling === true && (tags.length || this.images.children(img.id).length)) continue;
      if (wantDangling === false && !imgs.isReferenced(this, img)) continue;
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
        out.push({ ...imgs.imageSummary(this, img), RepoTags, RepoDigests });
        continue;
      }
      if (!matchKV(f.label, img.config.Labels)) continue;
      out.push(imgs.imageSummary(this, img));
    }
    return out.sort((a, b) => b.Created - a.Created || (a.Id < b.Id ? -1 : 1));
  },

  async imagePull(this: Engine, ref: string, onMessage: OnMessage, opts: PullOptions = {}): Promise<void> {
    if (opts.platform) checkPlatform(opts.platform);
    const r = parseReference(ref);
    const tags = !opts.all ? [] : r.domain === 'docker.io' ? CATALOG.filter((i) => 'library/' + i.repo === r.path).flatMap((i) => i.tags).sort() : privateTags(this, r);
    // One tag, or a repository the registry lists no tags of (its error is the pull's).
    if (!tags.length) return void (await imgs.pull(this, ref, onMessage, opts.signal));
    // moby's pullRepository: each tag (registry order, lexical) with its own `Pulling from` and
    // `Digest:`, then one status for the repository.
    let newer = false;
    for (const tag of tags) {
      if (opts.signal?.aborted) return;
      await imgs.pull(this, `${r.name}:${tag}`, async (m) => {
        if (!m.status?.startsWith('Status: ')) return onMessage(m);
        newer ||= m.status.startsWith('Status: Downloaded');
      }, opts.signal);
    }
    if (opts.signal?.aborted) return;
    await onMessage({ status: `Status: ${newer ? 'Downloaded newer image' : 'Image is up to date'} for ${r.name}` });
  },

  async imageInspect(this: Engine, ref: string): Promise<ImageInspect> {
    return imgs.inspectImage(this, imgs.getImage(this, ref));
  },

  async imageHistory(this: Engine, ref: string): Promise<HistoryResponseItem[]> {
    return imgs.history(this, imgs.getImage(this, ref));
  },

  async imageTag(this: Engine, source: string, target: string): Promise<void> {
    const ref = parseReference(target);
    if (ref.name === 'sha256') throw new ApiError(400, 'refusing to create an ambiguous tag using digest algorithm as name');
    const img = imgs.getImage(this, source);
    if (ref.digest) throw new ApiError(400, 'refusing to create a tag with a digest reference');
    imgs.setTag(this, familiarTag(target), img);
  },

  async imageRemove(this: Engine, ref: string, opts: { force?: boolean; noprune?: boolean } = {}): Promise<ImageDeleteResponseItem[]> {
    return imgs.removeImage(this, ref, !!opts.force, !opts.noprune);
  },

  async imagesPrune(this: Engine, filters: Record<string, string[]> = {}): Promise<ImagesPruneReport> {
    validateKeys(filters, ['dangling', 'label', 'label!', 'until']);
    const danglingOnly = boolFilter(filters, 'dangling') ?? true;
    const until = pruneUntil(filters, this.now());
    const r = imgs.pruneImages(this, !danglingOnly, (img) => img.created <= until && pruneLabels(filters, img.config.Labels));
    this.emit('image', 'prune', '', { reclaimed: String(r.reclaimed) });
    return { ImagesDeleted: r.deleted.length ? r.deleted : null, SpaceReclaimed: r.reclaimed };
  },

  async imageBuild(this: Engine, context: BuildContext, opts: BuildOptions, onMessage: OnMessage): Promise<{ Id: string }> {
    return build(this, context, opts, onMessage);
  },

  /** Adds an image made locally (commit, build) on top of `parent`, sharing identical layers. */
  addLocalImage(this: Engine, parent: Image | null, upper: DirNode | null, config: ImageConfig, createdBy: string, extra: { comment?: string; author?: string } = {}): Image {
    const created = this.now();
    const comment = extra.comment ?? '';
    let top = parent?.top ?? null;
    const diffIds = [...(parent?.diffIds ?? [])];
    if (upper) {
      const tree = cloneTree(upper);
      const diffId = diffIdOf(tree);
      top = this.layers.ensure(top, diffId, () => ({ tree, size: treeSize(tree), mtime: created })).chainId;
      diffIds.push(diffId);
    }
    const history = [...(parent?.history ?? []), { created, createdBy, comment, emptyLayer: !upper }];
    return imgs.addImage(this, { config, created, history, diffIds, top, parent: parent?.id ?? '', comment, author: extra.author ?? '', dockerVersion: '28.2.2' });
  },
};

/** The one-word platforms containerd knows: operating systems, then architectures and their aliases. */
const KNOWN_PLATFORM = /^(aix|android|darwin|macos|dragonfly|freebsd|hurd|illumos|ios|js|linux|nacl|netbsd|openbsd|plan9|solaris|windows|zos|i?386|x86[_-]64|amd64(p32)?|arm(be|hf|el|64|64be)?|aarch64|ppc(64(le)?)?|loong64|mips(le|64(le|p32(le)?)?)?|riscv(64)?|s390x?|sparc(64)?|wasm)$/;

/** containerd's `platforms.Parse` as far as its errors go: the daemon answers 400 before pulling. */
function checkPlatform(p: string): void {
  const bad = (why: string) => new ApiError(400, `${JSON.stringify(p)}: ${why}: invalid argument`);
  if (p.includes('*')) throw bad('wildcards not yet supported');
  const parts = p.split('/').length;
  if (parts > 3) throw bad('cannot parse platform specifier');
  if (parts === 1 && !KNOWN_PLATFORM.test(p)) throw bad('unknown operating system or architecture');
}

/**
 * `reference=` filter, as distribution's `FamiliarMatch`: a `path.Match` glob against the whole
 * reference (`name:tag` or `name@digest`), and failing that against the bare name.
 */
function refMatch(pattern: string, ref: string): boolean {
  const re = pathMatch(pattern);
  return re.test(ref) || re.test(repoOf(ref));
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

