/**
 * Image operations of the daemon: lookup by reference or ID, pull from the catalogue, tag,
 * remove (moby's `ImageDelete` rules, conflicts and `-f` included), prune, inspect, history.
 */
import { ApiError, type HistoryResponseItem, type ImageDeleteResponseItem, type ImageInspect, type ImageSummary, type JSONMessage, type OnMessage } from '../api';
import { CATALOG, findImage, hasRepository, type HistorySpec, type ImageSpec, type LayerSpec } from '../registry/catalog';
import { rfc3339 } from './clock';
import { treeSize } from './fs';
import { digest, short } from '../common/hash';
import { parseReference, tagged, type Reference } from './reference';
import { chainOf, imageConfigJSON, overlayDir, repoOf, treeOf, type Image, type ImageStore, type LayerStore } from './store';

/** Every layer of the catalogue by key (registry layers are stored by key, rebuilt on load). */
export const REGISTRY_LAYERS = new Map<string, LayerSpec>();
for (const img of CATALOG) for (const [, l] of img.history) if (l) REGISTRY_LAYERS.set(l.key, l);

/** The manifest digest of a catalogue image (its repo digest). */
export const manifestOf = (spec: ImageSpec) => digest('manifest:' + spec.repo + ':' + spec.tags[0]);

export const diffIdOfSpec = (l: LayerSpec) => digest('diff:' + l.key);
export const blobOfSpec = (l: LayerSpec) => digest('blob:' + l.key);

/** The layers of a catalogue image, bottom first (history entries without one are metadata). */
const layersOf = (spec: ImageSpec) => spec.history.flatMap(([, l]) => (l ? [l] : []));

export interface ImageHost {
  /** Records an image event (the engine's `imageEvent`). */
  imageEvent?(id: string, name: string, action: string): void;
  layers: LayerStore;
  images: ImageStore;
  now(): number;
  /** Containers' image IDs and running state (for conflicts). */
  usage(): { id: string; image: string; running: boolean }[];
  pullPushed?(ref: Reference, tag: string, onMessage: OnMessage): Promise<Image | undefined>;
}

/** Resolves what the user typed to a local image (moby `GetImage`); 404 with `:latest` added. */
export function getImage(h: ImageHost, refOrId: string): Image {
  // A full ID is only an ID; anything else is a reference first, then an ID prefix.
  const full = /^(sha256:)?[0-9a-f]{64}$/.test(refOrId);
  const shown = full ? refOrId : tagged(parseReference(refOrId));
  const id = full ? undefined : h.images.refs.get(shown);
  const found = id ? h.images.images.get(id) : h.images.search(refOrId);
  if (found && found !== 'ambiguous') return found;
  throw new ApiError(404, `No such image: ${shown}`);
}

/**
 * When each history entry of the catalogue was made: when the smallest image holding it was (the
 * base it comes from, e.g. debian under python), never after the image itself nor before the entry under it.
 */
let bases: Map<HistorySpec, [number, number]> | undefined;
function madeTimes(spec: ImageSpec, created: number): number[] {
  if (!bases) {
    bases = new Map();
    for (const s of CATALOG) {
      const mine: [number, number] = [s.history.length, Date.parse(s.created)];
      for (const h of s.history) {
        const b = bases.get(h);
        if (!b || b[0] > mine[0] || (b[0] === mine[0] && b[1] > mine[1])) bases.set(h, mine);
      }
    }
  }
  let t = 0;
  return spec.history.map((e) => (t = Math.max(t, Math.min(bases!.get(e)?.[1] ?? created, created))));
}

/** Materialises a catalogue image into the stores (layers shared by chain ID). */
export function installSpec(h: ImageHost, spec: ImageSpec): Image {
  let top: string | null = null;
  const created = Date.parse(spec.created);
  const diffIds = layersOf(spec).map((l) => {
    const diffId = diffIdOfSpec(l);
    top = h.layers.ensure(top, diffId, () => {
      const made = { spec: l, blob: blobOfSpec(l), gz: l.gz, mtime: created, size: 0 };
      made.size = treeSize(treeOf(made));
      return made;
    }).chainId;
    return diffId;
  });
  const times = madeTimes(spec, created);
  const history = spec.history.map(([createdBy, l, comment], i) => ({ created: times[i], createdBy, comment: comment ?? '', emptyLayer: !l }));
  return addImage(h, { config: spec.config, created, history, diffIds, top, parent: '', comment: '', author: '', dockerVersion: '' }, { manifest: manifestOf(spec) });
}

/** Stores an image under the digest of its config, unless that image is already here. */
export function addImage(h: ImageHost, base: Omit<Image, 'id' | 'lastTagTime' | 'manifest'>, extra: Pick<Image, 'manifest'> = {}): Image {
  const id = digest(imageConfigJSON(base));
  let img = h.images.images.get(id);
  if (!img) {
    h.layers.acquire(base.top);
    h.images.images.set(id, (img = { id, ...base, lastTagTime: 0, ...extra }));
  }
  return img;
}

/** Points `name:tag` at an image (moving it from another image, which may become dangling). */
export function setTag(h: ImageHost, ref: string, img: Image, pulled = false): void {
  h.images.refs.delete(ref);
  h.images.refs.set(ref, img.id);
  // Only local tagging (tag, build, commit) stamps LastTagTime; a pull leaves it unset.
  if (!pulled) img.lastTagTime = h.now();
  if (!pulled) h.imageEvent?.(img.id, ref, 'tag');
}

/** A registry other than Docker Hub: a local one is spoken to over plain HTTP and refuses; any other host is unknown. */
export function unreachable(domain: string): ApiError {
  const [host, port = 443] = domain.split(':');
  const local = host === 'localhost' || host === '127.0.0.1';
  return new ApiError(500, `Get "http${local ? '' : 's'}://${domain}/v2/": dial tcp${local
    ? ` ${host === 'localhost' ? '[::1]' : host}:${port}: connect: connection refused`
    : `: lookup ${host} on 127.0.0.53:53: no such host`}`);
}

/** `docker pull`: the message stream of `distribution/pull_v2.go`. */
export async function pull(h: ImageHost, input: string, onMessage: OnMessage, signal?: AbortSignal): Promise<Image> {
  const ref = parseReference(input);
  // another registry: one a container runs here (engine/push.ts), or none
  if (ref.domain !== 'docker.io') return (await h.pullPushed?.(ref, ref.digest ?? ref.tag ?? 'latest', onMessage)) || Promise.reject(unreachable(ref.domain));
  // A digest wins over a tag given with it (`nginx:alpine@sha256:…` is pulled by digest only),
  // as the client sends just the digest (`getAPITagFromNamedRef`).
  const byDigest = ref.digest;
  const tag = byDigest ? undefined : ref.tag ?? 'latest';
  const official = ref.path.startsWith('library/') && hasRepository(ref.path);
  const spec = !official ? undefined : byDigest ? CATALOG.find((i) => 'library/' + i.repo === ref.path && manifestOf(i) === byDigest) : findImage(ref.path, tag!);
  const shown = tagged(ref);
  // A repository pushed to the simulated Docker Hub (engine/push.ts) comes from there.
  const pushed = !official && !byDigest && (await h.pullPushed?.(ref, tag!, onMessage));
  if (pushed) return pushed;
  if (!spec) {
    throw new ApiError(404, official
      ? `manifest for ${shown} not found: manifest unknown: manifest unknown`
      : `pull access denied for ${ref.name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  await onMessage({ status: `Pulling from ${ref.path}`, id: byDigest || tag });
  const layers = layersOf(spec);
  // Which layers are already here: walk the chain as long as it is present.
  let chain: string | null = null;
  const present = layers.map((l) => h.layers.layers.has((chain = chainOf(chain, diffIdOfSpec(l)))));
  const manifest = manifestOf(spec);
  const before = h.images.refs.get(shown);
  // Here under another tag already: nothing to download.
  const existed = [...h.images.images.values()].some((i) => i.top === chain && i.manifest === manifest);
  const count = h.images.images.size;
  const img = installSpec(h, spec);
  const upToDate = before === img.id && !present.includes(false);
  // Ctrl+C closes the client's request, which cancels the daemon's pull: the image it was making
  // is not kept, nor the layers only that image had.
  const send = async (m: JSONMessage): Promise<void> => {
    await onMessage(m);
    if (signal?.aborted) throw INTERRUPTED;
  };
  try {
    await pullLayers();
    await send({ status: `Digest: ${manifest}` });
  } catch (e) {
    if (e !== INTERRUPTED) throw e;
    if (h.images.images.size > count) {
      h.images.images.delete(img.id);
      h.layers.release(img.top);
    }
    return img;
  }
  if (!byDigest) setTag(h, shown, img, true);
  h.images.refs.set(`${ref.name}@${manifest}`, img.id);
  h.imageEvent?.(shown, ref.name, 'pull');
  await onMessage({ status: `Status: ${upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${shown}` });
  return img;

  async function pullLayers(): Promise<void> {
    if (existed || upToDate) return;
    const ids = layers.map((l) => short(blobOfSpec(l)));
    const todo = layers.flatMap((_l, i) => (present[i] ? [] : [i]));
    const say = (status: string, i: number, progressDetail = {}) => send({ status, id: ids[i], progressDetail });
    for (const i of layers.keys()) if (present[i]) await say('Already exists', i);
    for (const i of todo) await say('Pulling fs layer', i);
    for (const i of todo.slice(3)) await say('Waiting', i);
    // Downloads run three at a time; extraction is in order.
    for (const i of todo) {
      const total = layers[i].gz;
      const steps = total > 1_000_000 ? 5 : total > 50_000 ? 2 : 1;
      for (let s = 1; s <= steps && total > 1000; s++) await say('Downloading', i, { current: Math.round((total * s) / (steps + 1)), total });
      await say('Verifying Checksum', i);
      await say('Download complete', i);
    }
    for (const i of todo) {
      const total = layers[i].gz;
      const steps = total > 1_000_000 ? 4 : 1;
      for (let s = 1; s <= steps; s++) await say('Extracting', i, { current: Math.round((total * s) / steps), total });
      await say('Pull complete', i);
    }
  }
}

const INTERRUPTED = new Error('interrupted');

/** True when a tag or digest names the image. */
export const isReferenced = (h: ImageHost, img: Image): boolean => h.images.referencesOf(img.id).length > 0;

/** True when nothing names the image. */
export function isDangling(h: ImageHost, img: Image): boolean {
  return !isReferenced(h, img);
}

/** Removes references, recording each as `Untagged`. */
function untag(h: ImageHost, refs: string[], records: ImageDeleteResponseItem[]): void {
  for (const r of refs) {
    const id = h.images.refs.get(r);
    h.images.refs.delete(r);
    records.push({ Untagged: r });
    if (id) h.imageEvent?.(id, id, 'untag');
  }
}

/** Untags an image, deletes it and releases its layers, recording each step. */
function deleteImage(h: ImageHost, img: Image, records: ImageDeleteResponseItem[]): void {
  untag(h, h.images.referencesOf(img.id), records);
  h.images.images.delete(img.id);
  records.push({ Deleted: img.id });
  h.imageEvent?.(img.id, img.id, 'delete');
  for (const freed of h.layers.release(img.top)) records.push({ Deleted: freed });
}

/** moby `ImageDelete`. */
export function removeImage(h: ImageHost, input: string, force: boolean, prune: boolean): ImageDeleteResponseItem[] {
  const img = getImage(h, input);
  const records: ImageDeleteResponseItem[] = [];
  const refs = h.images.referencesOf(img.id);
  if (img.id.startsWith(input) || img.id.slice(7).startsWith(input)) {
    // By ID: one name (a tag and digests of its repository) goes with the image.
    if (isSingleReference(refs)) {
      const conflict = checkConflict(h, img, force, false);
      if (conflict) throw conflict;
      untag(h, refs, records);
    }
    deleteImageRecords(h, img, records, force, prune, false);
    return records;
  }
  // Only the image's last name (a tag and its repository's digests) is guarded by its containers.
  const c = force || !isSingleReference(refs) ? undefined : h.usage().find((u) => u.image === img.id);
  if (c) throw new ApiError(409, `conflict: unable to remove repository reference "${input}" (must force) - container ${short(c.id)} is using its referenced image ${short(img.id)}`);
  const ref = parseReference(input);
  untag(h, [tagged(ref)], records);
  // The last tag of a repository takes the repository's digests with it.
  if (!ref.digest && !h.images.tags(img.id).some((t) => repoOf(t) === ref.name)) {
    untag(h, h.images.digests(img.id).filter((d) => repoOf(d) === ref.name), records);
  }
  if (!h.images.referencesOf(img.id).length) deleteImageRecords(h, img, records, force, prune, true);
  return records;
}

function isSingleReference(refs: string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tags = refs.filter((r) => !r.includes('@'));
  const names = new Set(refs.filter((r) => r.includes('@')).map(repoOf));
  return tags.length <= 1 && names.size === 1 && names.has(repoOf(tags[0] ?? refs[0]));
}

type Conflict = ApiError & { used: boolean };

/**
 * Why the image cannot go: child images and running containers even with `-f`; without it,
 * also other references (when `references`) and stopped containers.
 */
function checkConflict(h: ImageHost, img: Image, force: boolean, references: boolean): Conflict | undefined {
  const conflict = (hard: boolean, used: boolean, what: string): Conflict =>
    Object.assign(new ApiError(409, `conflict: unable to delete ${short(img.id)} (${hard ? 'cannot' : 'must'} be forced) - ${what}`), { used });
  const user = (running: boolean) => h.usage().find((u) => u.image === img.id && u.running === running);
  let c;
  if (h.images.children(img.id).length) return conflict(true, false, 'image has dependent child images');
  if ((c = user(true))) return conflict(true, true, `image is being used by running container ${short(c.id)}`);
  if (force) return;
  if (references && h.images.referencesOf(img.id).length) return conflict(false, false, 'image is referenced in multiple repositories');
  if ((c = user(false))) return conflict(false, true, `image is being used by stopped container ${short(c.id)}`);
}

function deleteImageRecords(h: ImageHost, img: Image, records: ImageDeleteResponseItem[], force: boolean, prune: boolean, quiet: boolean): void {
  // Quiet deletions (an untagged image, a pruned parent) keep without a word an image a
  // container uses or one that is not dangling: still named, or the parent of another.
  const conflict = checkConflict(h, img, force, true);
  if (conflict) {
    if (quiet && (conflict.used || !isDangling(h, img) || h.images.children(img.id).length)) return;
    throw conflict;
  }
  const parent = h.images.images.get(img.parent);
  deleteImage(h, img, records);
  if (prune && parent && isDangling(h, parent)) deleteImageRecords(h, parent, records, false, true, true);
}

/**
 * moby `ImagePrune`: the images without children (every image with `-a`) except unnamed parents,
 * each removed as `rmi` would remove it without force, by every reference (only when untagged
 * unless `-a`) or by ID; conflicts (containers, children) skip an image or stop after an untag.
 */
export function pruneImages(h: ImageHost, all: boolean, selected: (img: Image) => boolean = () => true): { deleted: ImageDeleteResponseItem[]; reclaimed: number } {
  const deleted: ImageDeleteResponseItem[] = [];
  const sizes = new Map([...h.layers.layers].map(([k, l]) => [k, l.size]));
  const top = [...h.images.images.values()].filter((img) => {
    const parent = h.images.children(img.id).length > 0;
    return (all || !parent) && (isReferenced(h, img) || !parent) && selected(img);
  });
  for (const img of top) {
    const refs = h.images.referencesOf(img.id);
    for (const target of !refs.length ? [img.id.slice(7)] : all || !h.images.tags(img.id).length ? refs : []) {
      try {
        deleted.push(...removeImage(h, target, false, true));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
  }
  return { deleted, reclaimed: deleted.reduce((n, r) => n + (sizes.get(r.Deleted!) ?? 0), 0) };
}

export function imageSummary(h: ImageHost, img: Image): ImageSummary {
  return {
    Id: img.id,
    ParentId: img.parent,
    RepoTags: h.images.tags(img.id),
    RepoDigests: h.images.digests(img.id),
    Created: Math.floor(img.created / 1000),
    Size: h.layers.size(img.top),
    SharedSize: -1,
    Labels: img.config.Labels ?? null,
    Containers: -1,
  };
}

/** The fields of the image config in the order the daemon writes them (DockerOCIImageConfig). */
const CONFIG_ORDER = ['User', 'ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Volumes', 'WorkingDir', 'Labels', 'StopSignal', 'ArgsEscaped', 'Healthcheck', 'OnBuild', 'Shell'];

export function inspectImage(h: ImageHost, img: Image): ImageInspect {
  const dirs = h.layers.chain(img.top).map(overlayDir).reverse();
  const data: Record<string, string> = {};
  if (dirs.length > 1) data.LowerDir = dirs.slice(1).map((d) => d + '/diff').join(':');
  if (dirs.length) Object.assign(data, { MergedDir: dirs[0] + '/merged', UpperDir: dirs[0] + '/diff', WorkDir: dirs[0] + '/work' });
  return {
    Id: img.id,
    RepoTags: h.images.tags(img.id),
    RepoDigests: h.images.digests(img.id),
    Parent: img.parent,
    Comment: img.comment,
    Created: rfc3339(img.created),
    DockerVersion: img.dockerVersion,
    Author: img.author,
    Config: Object.fromEntries(Object.entries(img.config).sort(([a], [b]) => CONFIG_ORDER.indexOf(a) - CONFIG_ORDER.indexOf(b))),
    Architecture: 'amd64',
    Os: 'linux',
    Size: h.layers.size(img.top),
    GraphDriver: { Data: data, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: img.diffIds },
    Metadata: { LastTagTime: rfc3339(img.lastTagTime) },
  };
}

/** `docker history`: newest first; entries without a local image show `<missing>`. */
export function history(h: ImageHost, img: Image): HistoryResponseItem[] {
  const sizes = h.layers.chain(img.top).map((l) => l.size);
  // Each local image of the chain (parents of builds and commits) shows its ID on the entry
  // that ends its own history.
  const owners: string[] = [];
  for (let cur: Image | undefined = img; cur; cur = h.images.images.get(cur.parent)) owners[cur.history.length - 1] ??= cur.id;
  let li = 0;
  return img.history.map((e, i): HistoryResponseItem => ({
    Id: owners[i] ?? '<missing>',
    Created: Math.floor(e.created / 1000),
    CreatedBy: e.createdBy,
    Tags: owners[i] ? h.images.tags(owners[i]) : null,
    Size: e.emptyLayer ? 0 : sizes[li++] ?? 0,
    Comment: e.comment,
  })).reverse();
}
