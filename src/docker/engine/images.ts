/**
 * Image operations of the daemon: lookup by reference or ID, pull from the catalogue, tag,
 * remove (moby's `ImageDelete` rules, conflicts and `-f` included), prune, inspect, history.
 */
import { ApiError, type HistoryResponseItem, type ImageDeleteResponseItem, type ImageInspect, type ImageSummary, type JSONMessage, type OnMessage } from '../api';
import { CATALOG, findImage, hasRepository, type ImageSpec, type LayerSpec } from '../registry/catalog';
import { rfc3339 } from './clock';
import { treeSize } from './fs';
import { digest, short } from './hash';
import { parseReference, tagged } from './reference';
import { imageConfigJSON, treeOf, type Image, type ImageStore, type LayerStore } from './store';

/** Every layer of the catalogue by key (registry layers are stored by key, rebuilt on load). */
export const REGISTRY_LAYERS = new Map<string, LayerSpec>();
for (const img of CATALOG) for (const [, l] of img.history) if (l) REGISTRY_LAYERS.set(l.key, l);

/** The manifest digest of a catalogue image (its repo digest). */
export const manifestOf = (spec: ImageSpec) => digest('manifest:' + spec.repo + ':' + spec.tags[0]);

export const diffIdOfSpec = (l: LayerSpec) => digest('diff:' + l.key);
export const blobOfSpec = (l: LayerSpec) => digest('blob:' + l.key);

export interface ImageHost {
  layers: LayerStore;
  images: ImageStore;
  now(): number;
  /** Containers' image IDs and running state (for conflicts). */
  usage(): { id: string; image: string; running: boolean }[];
}

/** Resolves what the user typed to a local image (moby `GetImage`); 404 with `:latest` added. */
export function getImage(h: ImageHost, refOrId: string): Image {
  if (/^sha256:[0-9a-f]{64}$/.test(refOrId) || /^[0-9a-f]{64}$/.test(refOrId)) {
    const img = h.images.images.get(refOrId.startsWith('sha256:') ? refOrId : 'sha256:' + refOrId);
    if (img) return img;
    throw new ApiError(404, `No such image: ${refOrId}`);
  }
  const ref = parseReference(refOrId);
  const key = tagged(ref);
  const id = h.images.refs.get(key);
  if (id) return h.images.images.get(id)!;
  const found = h.images.search(refOrId);
  if (found === 'ambiguous') throw new ApiError(404, `No such image: ${key}`);
  if (found) return found;
  throw new ApiError(404, `No such image: ${key}`);
}

export function imageSize(h: ImageHost, img: Image): number {
  return h.layers.size(img.top);
}

/** Materialises a catalogue image into the stores (layers shared by chain ID). */
export function installSpec(h: ImageHost, spec: ImageSpec): Image {
  let top: string | null = null;
  const diffIds: string[] = [];
  const created = Date.parse(spec.created);
  for (const [, l] of spec.history) {
    if (!l) continue;
    const diffId = diffIdOfSpec(l);
    diffIds.push(diffId);
    const layer = h.layers.ensure(top, diffId, () => {
      const made = { spec: l, blob: blobOfSpec(l), gz: l.gz, mtime: created, size: 0 };
      return made;
    });
    if (!layer.size && !layer.tree) layer.size = treeSize(treeOf(layer));
    top = layer.chainId;
  }
  const history = spec.history.map(([createdBy, l, comment]) => ({ created, createdBy, comment: comment ?? '', emptyLayer: !l }));
  const base = { config: spec.config, created, history, diffIds, top, parent: '', comment: '', author: '', dockerVersion: '' };
  const id = digest(imageConfigJSON(base));
  const existing = h.images.images.get(id);
  if (existing) return existing;
  h.layers.acquire(top);
  const img: Image = { id, ...base, lastTagTime: 0, manifest: manifestOf(spec) };
  h.images.add(img);
  return img;
}

/** Points `name:tag` at an image (moving it from another image, which may become dangling). */
export function setTag(h: ImageHost, ref: string, img: Image, pulled = false): void {
  h.images.refs.delete(ref);
  h.images.refs.set(ref, img.id);
  // Only local tagging (tag, build, commit) stamps LastTagTime; a pull leaves it unset.
  if (!pulled) img.lastTagTime = h.now();
}

/** `docker pull`: the message stream of `distribution/pull_v2.go`. */
export async function pull(h: ImageHost, input: string, onMessage: OnMessage, signal?: AbortSignal): Promise<Image> {
  const ref = parseReference(input);
  if (ref.domain !== 'docker.io') {
    const [host, port] = ref.domain.split(':');
    throw new ApiError(500, host === 'localhost' || host === '127.0.0.1'
      ? `Get "http://${ref.domain}/v2/": dial tcp ${host === 'localhost' ? '[::1]' : host}:${port ?? 443}: connect: connection refused`
      : `Get "https://${ref.domain}/v2/": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`);
  }
  const byDigest = !ref.tag && ref.digest ? ref.digest : undefined;
  const tag = ref.tag ?? (byDigest ? undefined : 'latest');
  const repo = ref.path.replace(/^library\//, '');
  const official = ref.path.startsWith('library/') && hasRepository(ref.path);
  const spec = !official ? undefined : byDigest ? CATALOG.find((i) => i.repo === repo && manifestOf(i) === byDigest) : findImage(ref.path, tag!);
  const shown = byDigest ? `${ref.name}@${byDigest}` : `${ref.name}:${tag}`;
  if (!spec) {
    if (!official) {
      throw new ApiError(404, `pull access denied for ${ref.name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
    }
    throw new ApiError(404, `manifest for ${shown} not found: manifest unknown: manifest unknown`);
  }
  const emit = async (m: JSONMessage) => {
    await onMessage(m);
  };
  await emit({ status: `Pulling from ${ref.path}`, id: byDigest ?? tag });
  const layers = spec.history.map(([, l]) => l).filter((l): l is LayerSpec => !!l);
  // Which layers are already here: walk the chain as long as it is present.
  let chain: string | null = null;
  const present: boolean[] = [];
  for (const l of layers) {
    const next: string = chain === null ? diffIdOfSpec(l) : digest(chain + ' ' + diffIdOfSpec(l));
    present.push(h.layers.layers.has(next));
    chain = next;
  }
  const manifest = manifestOf(spec);
  const key = byDigest ? shown : `${ref.name}:${tag}`;
  const before = h.images.refs.get(key);
  const existed = [...h.images.images.values()].some((i) => i.top === chain && i.manifest === manifest);
  const img = installSpec(h, spec);
  const record = () => {
    if (!byDigest) setTag(h, key, img, true);
    h.images.refs.set(`${ref.name}@${manifest}`, img.id);
  };
  if (existed && before !== img.id) {
    // The image is here under another tag: nothing to download.
    await emit({ status: `Digest: ${manifest}` });
    record();
    await emit({ status: `Status: Downloaded newer image for ${shown}` });
    return img;
  }
  if (before === img.id && present.every(Boolean)) {
    await emit({ status: `Digest: ${manifest}` });
    await emit({ status: `Status: Image is up to date for ${shown}` });
    record();
    return img;
  }
  const ids = layers.map((l) => short(blobOfSpec(l)));
  const todo: number[] = [];
  layers.forEach((_l, i) => {
    if (present[i]) return;
    todo.push(i);
  });
  for (let i = 0; i < layers.length; i++) if (present[i]) await emit({ status: 'Already exists', id: ids[i], progressDetail: {} });
  for (const i of todo) await emit({ status: 'Pulling fs layer', id: ids[i], progressDetail: {} });
  for (const i of todo.slice(3)) await emit({ status: 'Waiting', id: ids[i], progressDetail: {} });
  // Downloads run three at a time; extraction is in order.
  for (const i of todo) {
    if (signal?.aborted) break;
    const l = layers[i];
    const steps = l.gz > 1_000_000 ? 5 : l.gz > 50_000 ? 2 : 1;
    for (let s = 1; s <= steps && l.gz > 1000; s++) {
      await emit({ status: 'Downloading', id: ids[i], progressDetail: { current: Math.round((l.gz * s) / (steps + 1)), total: l.gz } });
    }
    await emit({ status: 'Verifying Checksum', id: ids[i], progressDetail: {} });
    await emit({ status: 'Download complete', id: ids[i], progressDetail: {} });
  }
  for (const i of todo) {
    const l = layers[i];
    const steps = l.gz > 1_000_000 ? 4 : 1;
    for (let s = 1; s <= steps; s++) {
      await emit({ status: 'Extracting', id: ids[i], progressDetail: { current: Math.min(l.gz, Math.round((l.gz * s) / steps)), total: l.gz } });
    }
    await emit({ status: 'Pull complete', id: ids[i], progressDetail: {} });
  }
  await emit({ status: `Digest: ${manifest}` });
  record();
  await emit({ status: `Status: Downloaded newer image for ${shown}` });
  return img;
}

/** True when nothing names the image and no image builds on it. */
export function isDangling(h: ImageHost, img: Image): boolean {
  return h.images.tags(img.id).length === 0 && h.images.digests(img.id).length === 0;
}

/** moby `ImageDelete`. */
export function removeImage(h: ImageHost, input: string, force: boolean, prune: boolean): ImageDeleteResponseItem[] {
  const img = getImage(h, input);
  const records: ImageDeleteResponseItem[] = [];
  const isIdPrefix = img.id.startsWith(input) || img.id.slice(7).startsWith(input);
  const usage = h.usage();
  if (!isIdPrefix) {
    if (!force) {
      const c = usage.find((u) => u.image === img.id);
      if (c) {
        throw new ApiError(409, `conflict: unable to remove repository reference "${input}" (must force) - container ${short(c.id)} is using its referenced image ${short(img.id)}`);
      }
    }
    const ref = parseReference(input);
    const key = tagged(ref);
    h.images.refs.delete(key);
    records.push({ Untagged: key });
    if (!ref.digest) {
      const same = h.images.tags(img.id).some((t) => t.slice(0, t.lastIndexOf(':')) === ref.name);
      if (!same) {
        for (const d of h.images.digests(img.id)) {
          if (d.slice(0, d.indexOf('@')) === ref.name) {
            h.images.refs.delete(d);
            records.push({ Untagged: d });
          }
        }
      }
    }
    if (h.images.referencesOf(img.id).length) return records;
    deleteImageRecords(h, img, records, force, prune, true);
    return records;
  }
  const refs = h.images.referencesOf(img.id);
  if (isSingleReference(refs)) {
    const conflict = checkConflict(h, img, force ? HARD : HARD | STOPPED);
    if (conflict) throw conflict;
    for (const r of refs) {
      h.images.refs.delete(r);
      records.push({ Untagged: r });
    }
  }
  deleteImageRecords(h, img, records, force, prune, false);
  return records;
}

const CHILD = 1, RUNNING = 2, REFERENCE = 4, STOPPED = 8;
const HARD = CHILD | RUNNING;

function isSingleReference(refs: string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tags = refs.filter((r) => !r.includes('@'));
  if (tags.length > 1) return false;
  const names = new Set(refs.filter((r) => r.includes('@')).map((r) => r.slice(0, r.indexOf('@'))));
  const single = tags[0] ?? refs[0];
  const name = single.includes('@') ? single.slice(0, single.indexOf('@')) : single.slice(0, single.lastIndexOf(':'));
  return names.size === 1 && names.has(name);
}

class Conflict extends ApiError {
  constructor(public img: Image, public hard: boolean, public used: boolean, what: string) {
    super(409, `conflict: unable to delete ${short(img.id)} (${hard ? 'cannot be forced' : 'must be forced'}) - ${what}`);
  }
}

function checkConflict(h: ImageHost, img: Image, mask: number): Conflict | null {
  if (mask & CHILD && h.images.children(img.id).length) return new Conflict(img, true, false, 'image has dependent child images');
  const usage = h.usage();
  if (mask & RUNNING) {
    const c = usage.find((u) => u.image === img.id && u.running);
    if (c) return new Conflict(img, true, true, `image is being used by running container ${short(c.id)}`);
  }
  if (mask & REFERENCE && h.images.referencesOf(img.id).length) return new Conflict(img, false, false, 'image is referenced in multiple repositories');
  if (mask & STOPPED) {
    const c = usage.find((u) => u.image === img.id && !u.running);
    if (c) return new Conflict(img, false, true, `image is being used by stopped container ${short(c.id)}`);
  }
  return null;
}

function deleteImageRecords(h: ImageHost, img: Image, records: ImageDeleteResponseItem[], force: boolean, prune: boolean, quiet: boolean): void {
  const conflict = checkConflict(h, img, force ? HARD : HARD | REFERENCE | STOPPED);
  if (conflict) {
    if (quiet && (!isDangling(h, img) || conflict.used)) return;
    throw conflict;
  }
  const parent = img.parent ? h.images.images.get(img.parent) : undefined;
  for (const r of h.images.referencesOf(img.id)) {
    h.images.refs.delete(r);
    records.push({ Untagged: r });
  }
  h.images.images.delete(img.id);
  records.push({ Deleted: img.id });
  for (const freed of h.layers.release(img.top)) records.push({ Deleted: freed });
  if (!prune || !parent) return;
  if (isDangling(h, parent)) deleteImageRecords(h, parent, records, false, true, true);
}

/** `docker image prune` (`-a`: also tagged images no container uses). */
export function pruneImages(h: ImageHost, all: boolean): { deleted: ImageDeleteResponseItem[]; reclaimed: number } {
  const deleted: ImageDeleteResponseItem[] = [];
  let reclaimed = 0;
  const before = new Set(h.layers.layers.keys());
  const sizes = new Map([...h.layers.layers].map(([k, l]) => [k, l.size]));
  const used = new Set(h.usage().map((u) => u.image));
  let again = true;
  while (again) {
    again = false;
    for (const img of [...h.images.images.values()]) {
      if (used.has(img.id) || h.images.children(img.id).length) continue;
      if (!all && !isDangling(h, img)) continue;
      const refs = h.images.referencesOf(img.id);
      for (const r of refs) {
        h.images.refs.delete(r);
        deleted.push({ Untagged: r });
      }
      h.images.images.delete(img.id);
      deleted.push({ Deleted: img.id });
      for (const freed of h.layers.release(img.top)) deleted.push({ Deleted: freed });
      again = true;
    }
  }
  for (const k of before) if (!h.layers.layers.has(k)) reclaimed += sizes.get(k) ?? 0;
  return { deleted, reclaimed };
}

export function imageSummary(h: ImageHost, img: Image): ImageSummary {
  return {
    Id: img.id,
    ParentId: img.parent,
    RepoTags: h.images.tags(img.id),
    RepoDigests: h.images.digests(img.id),
    Created: Math.floor(img.created / 1000),
    Size: imageSize(h, img),
    SharedSize: -1,
    Labels: img.config.Labels ?? null,
    Containers: -1,
  };
}

export function inspectImage(h: ImageHost, img: Image): ImageInspect {
  const chain = h.layers.chain(img.top);
  const dirs = chain.map((l) => `/var/lib/docker/overlay2/${l.chainId.slice(7, 32)}${l.diffId.slice(7, 46)}`).reverse();
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
    Config: sortKeys(img.config),
    Architecture: 'amd64',
    Os: 'linux',
    Size: imageSize(h, img),
    GraphDriver: { Data: data, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: img.diffIds },
    Metadata: { LastTagTime: rfc3339(img.lastTagTime) },
  };
}

function sortKeys<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) out[k] = (o as Record<string, unknown>)[k];
  return out as T;
}

/** `docker history`: newest first; entries without a local image show `<missing>`. */
export function history(h: ImageHost, img: Image): HistoryResponseItem[] {
  const out: HistoryResponseItem[] = [];
  const sizes = h.layers.chain(img.top).map((l) => l.size);
  let li = 0;
  const entries = img.history.map((e) => ({ e, size: e.emptyLayer ? 0 : sizes[li++] ?? 0 }));
  // Local images of the chain (parents of builds and commits) show their IDs.
  const ids: string[] = [];
  for (let cur: Image | undefined = img; cur; cur = cur.parent ? h.images.images.get(cur.parent) : undefined) ids.push(cur.id);
  const counts = ids.map((id) => h.images.images.get(id)!.history.length);
  entries.reverse().forEach(({ e, size }, k) => {
    const idx = entries.length - k;
    const owner = counts.findIndex((c) => c === idx);
    const id = owner >= 0 ? ids[owner] : '<missing>';
    out.push({ Id: id, Created: Math.floor(e.created / 1000), CreatedBy: e.createdBy, Tags: id === '<missing>' ? null : h.images.tags(id), Size: size, Comment: e.comment });
  });
  return out;
}
