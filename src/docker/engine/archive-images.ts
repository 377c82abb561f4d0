/**
 * Images and filesystems outside the stores: the bundle (config, history and layers of one image)
 * that `docker save` writes, `docker load` reads and Docker Hub keeps for a pushed tag, and the
 * archives of `docker export` / `docker import`. Registry layers travel by key (their content is
 * the catalogue's), local ones with their tree.
 */
import { ApiError, type ArchiveEntry, type ImageConfig, type ImportOptions, type OnMessage, type TarStream } from '../api';
import { pack, tarSize, unpack } from '../archive';
import { applyChange } from './config';
import type { Engine } from './engine';
import { Overlay, fromJSON, newDir, toJSON, treeSize, type DirNode, type NodeJSON } from './fs';
import { short } from '../common/hash';
import * as imgs from './images';
import { familiarTag } from './reference';
import { chainOf, diffIdOf, imageConfigJSON, treeOf, type Image } from './store';

export interface LayerRec { diffId: string; key?: string; tree?: NodeJSON; mtime: number; size: number }
export interface Bundle { image: Omit<Image, 'id' | 'top' | 'lastTagTime' | 'manifest'>; layers: LayerRec[] }

/** What an archive written by this engine holds: images with the tags named, or a filesystem. */
type Archive = { aula: 'images'; images: [Bundle, string[]][] } | { aula: 'fs'; entries: ArchiveEntry[] };

export function bundleOf(e: Engine, img: Image): Bundle {
  const layers = e.layers.chain(img.top).map((l): LayerRec => ({ diffId: l.diffId, mtime: l.mtime, size: l.size, ...(l.spec ? { key: l.spec.key } : { tree: toJSON(l.tree!) }) }));
  const { id: _i, top: _t, lastTagTime: _l, manifest: _m, ...image } = img;
  return { image, layers };
}

/** Puts a bundle's layers and image in the stores (what is there already is shared); the same image gets the same ID. */
export function installBundle(e: Engine, b: Bundle, extra: Pick<Image, 'manifest'> = {}): Image {
  // Everything is read before anything is stored, so a damaged bundle leaves no stray layer.
  const { config, history, diffIds, created } = b.image;
  const ok = config && typeof config === 'object' && Array.isArray(history) && typeof created === 'number' && diffIds.join() === b.layers.map((l) => l.diffId).join();
  if (!ok || !b.layers.every((l) => /^sha256:[0-9a-f]{64}$/.test(l.diffId) && Number.isFinite(l.mtime))) throw new Error('bundle');
  imageConfigJSON({ ...b.image, top: null });
  const makers = b.layers.map((l) => {
    const spec = l.key === undefined ? undefined : imgs.REGISTRY_LAYERS.get(l.key);
    if (spec) return () => ({ spec, blob: imgs.blobOfSpec(spec), gz: spec.gz, mtime: l.mtime, size: treeSize(treeOf({ spec, mtime: l.mtime })) });
    const tree = fromJSON(l.tree);
    if (tree.kind !== 'dir') throw new Error('layer');
    return () => ({ tree, size: treeSize(tree), mtime: l.mtime });
  });
  let top: string | null = null;
  for (const [i, l] of b.layers.entries()) top = e.layers.ensure(top, l.diffId, makers[i]).chainId;
  return imgs.addImage(e, { ...b.image, top }, extra);
}

const parse = (data: string): Archive | undefined => {
  try {
    const a = JSON.parse(data) as Archive;
    return a && (a.aula === 'images' || a.aula === 'fs') ? a : undefined;
  } catch {
    return undefined;
  }
};

/** What reading a stream that is no tar archive says: too short for a header, or a bad one. */
const notTar = (data: string) => new ApiError(500, data.length < 512 ? 'unexpected EOF' : 'archive/tar: invalid tar header');

/** A tar of the entries of each layer plus the metadata files (manifest.json, config, repositories). */
const imagesSize = (bundles: Bundle[]): number => bundles.reduce((n, b) => n + 3072 + b.layers.reduce((m, l) => m + 1536 + Math.ceil(l.size / 512) * 512, 0), 2048);

export const archiving = {
  async imageSave(this: Engine, names: string[]): Promise<TarStream> {
    const byId = new Map<string, [Bundle, string[]]>();
    for (const name of names) {
      const img = imgs.getImage(this, name);
      const entry = byId.get(img.id) ?? byId.set(img.id, [bundleOf(this, img), []]).get(img.id)!;
      // A name that is not the ID keeps its tag in the archive's manifest.
      if (!img.id.startsWith(name) && !img.id.slice(7).startsWith(name)) entry[1].push(familiarTag(name));
    }
    const images = [...byId.values()];
    return { data: JSON.stringify({ aula: 'images', images }), size: imagesSize(images.map(([b]) => b)) };
  },

  async imageLoad(this: Engine, data: string, onMessage: OnMessage, opts: { quiet?: boolean } = {}): Promise<void> {
    return readingArchive(data, () => load(this, data, onMessage, opts));
  },

  async containerExport(this: Engine, id: string): Promise<TarStream> {
    const entries = pack(this.fsOf(this.get(id)), '/', true);
    return { data: JSON.stringify({ aula: 'fs', entries }), size: tarSize(entries) };
  },

  async imageImport(this: Engine, data: string, opts: ImportOptions, onMessage: OnMessage): Promise<void> {
    const tag = opts.reference ? familiarTag(opts.reference) : undefined;
    const cfg = {};
    for (const ch of opts.changes ?? []) applyChange(cfg, ch);
    const img = await readingArchive(data, () => importImage(this, data, cfg, opts.message));
    if (tag) imgs.setTag(this, tag, img);
    await onMessage({ status: img.id });
  },
};

/** A stream this engine did not write, or one edited by hand, is a tar the daemon cannot read. */
async function readingArchive<T>(data: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw notTar(data);
  }
}

async function load(e: Engine, data: string, onMessage: OnMessage, opts: { quiet?: boolean }): Promise<void> {
  const a = parse(data);
  // An archive without manifest.json is read the legacy way, which wants `repositories`.
  if (a?.aula === 'fs') throw new ApiError(500, `open /var/lib/docker/tmp/docker-import-${1e9 + e.rng.int(9e9)}/repositories: no such file or directory`);
  if (!a) throw notTar(data);
  for (const [b, tags] of a.images) {
    let chain: string | null = null;
    for (const l of b.layers) {
      chain = chainOf(chain, l.diffId);
      if (e.layers.layers.has(chain) || opts.quiet) continue;
      const total = 512 + Math.ceil(l.size / 512) * 512;
      for (const current of [total / 2, total]) await onMessage({ status: 'Loading layer', id: short(l.diffId), progressDetail: { current: Math.round(current), total } });
    }
    const img = installBundle(e, b);
    for (const t of tags.map(familiarTag)) {
      const old = e.images.refs.get(t);
      // The tag moves: the image that had it is left without it.
      if (old && old !== img.id) await onMessage({ stream: `The image ${t} already exists, renaming the old one with ID ${old} to empty string\n` });
      imgs.setTag(e, t, img);
      await onMessage({ stream: `Loaded image: ${t}\n` });
    }
    if (!tags.length) await onMessage({ stream: `Loaded image ID: ${img.id}\n` });
  }
}

/** The archive's files, whatever they are (a filesystem, or the files of a saved image), as one layer. */
function importImage(e: Engine, data: string, config: ImageConfig, message?: string): Image {
  const a = parse(data);
  if (!a && data.length) throw notTar(data);
  const fs = new Overlay(newDir(), [], () => e.now());
  const entries = a?.aula === 'fs' ? a.entries : a ? savedFiles(a.images) : [];
  unpack(fs, '/', entries.filter((en) => en.name !== '.'), true);
  // Read back through the saved form, which rejects what no tar could hold (a size that is no number…).
  const tree = fromJSON(JSON.parse(JSON.stringify(toJSON(fs.upper)))) as DirNode;
  const created = e.now();
  const diffId = diffIdOf(tree);
  const top = e.layers.ensure(null, diffId, () => ({ tree, size: treeSize(tree), mtime: created })).chainId;
  const comment = message || 'Imported from -';
  return imgs.addImage(e, {
    config, created, history: [{ created, createdBy: '', comment, emptyLayer: false }],
    diffIds: [diffId], top, parent: '', comment, author: '', dockerVersion: '28.2.2',
  });
}

/** The files `docker save` writes: a directory per layer, the configs, manifest.json and repositories. */
function savedFiles(images: [Bundle, string[]][]): ArchiveEntry[] {
  const file = (name: string, size: number): ArchiveEntry => ({ name, kind: 'file', mode: 0o644, mtime: 0, size });
  return [
    ...images.flatMap(([b]) => b.layers.flatMap((l) => [{ ...file(short(l.diffId), 0), kind: 'dir' as const, mode: 0o755 }, file(`${short(l.diffId)}/layer.tar`, l.size), file(`${short(l.diffId)}/json`, 406)])),
    file('manifest.json', 120 * images.length),
    file('repositories', 90),
  ];
}
