/**
 * Content-addressed storage: layers keyed by chain ID, stored once and reference counted
 * (by the images whose top layer they are, by their child layers, by container RW layers);
 * images keyed by the digest of their config; references (`repo:tag`, `repo@sha256:…`).
 */
import type { ImageConfig } from '../api';
import { digest, pseudoHex, sha256 } from '../common/hash';
import { toJSON, type DirNode } from './fs';
import { buildTree } from '../registry/content';
import type { LayerSpec } from '../registry/catalog';

export interface Layer {
  chainId: string;
  diffId: string;
  parent: string | null;
  size: number;
  refs: number;
  /** Registry layers are rebuilt from their spec; local ones (commit, build) keep their tree. */
  spec?: LayerSpec;
  tree?: DirNode;
  /** Compressed blob digest and size (registry layers). */
  blob?: string;
  gz?: number;
  /** mtime of the files of a registry layer. */
  mtime: number;
}

export interface HistoryEntry { created: number; createdBy: string; comment: string; emptyLayer: boolean }

export interface Image {
  id: string;
  config: ImageConfig;
  created: number;
  history: HistoryEntry[];
  diffIds: string[];
  /** Chain ID of the top layer, null for an image without layers. */
  top: string | null;
  /** Parent image ID (local builds and commits), '' for pulled images. */
  parent: string;
  comment: string;
  author: string;
  dockerVersion: string;
  lastTagTime: number;
  /** `repo@sha256:…` digest of the manifest, for pulled images. */
  manifest?: string;
}

/** The repository of a stored reference: `ubuntu` of `ubuntu:22.04` or `ubuntu@sha256:…`. */
export const repoOf = (ref: string): string => ref.slice(0, ref.includes('@') ? ref.indexOf('@') : ref.lastIndexOf(':'));

/** A Map that counts its changes, so what is computed from it can be kept until the next one. */
class CountingMap<K, V> extends Map<K, V> {
  version = 0;
  override set(key: K, value: V): this {
    this.version++;
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.version++;
    return super.delete(key);
  }
  override clear(): void {
    this.version++;
    super.clear();
  }
}

/** `docker.io/library/ubuntu:22.04` of `ubuntu:22.04`; a reference with a registry host is already canonical. */
function canonical(ref: string): string {
  const first = ref.includes('/') ? ref.slice(0, ref.indexOf('/')) : '';
  return /[.:]|^localhost$/.test(first) ? ref : (first ? 'docker.io/' : 'docker.io/library/') + ref;
}

export const chainOf = (parent: string | null, diffId: string): string =>
  parent === null ? diffId : digest(parent + ' ' + diffId);

export class LayerStore {
  layers = new Map<string, Layer>();

  /** The layer for `diffId` on top of `parent`, created (holding its parent) if new; refs unchanged. */
  ensure(parent: string | null, diffId: string, make: () => Omit<Layer, 'chainId' | 'diffId' | 'parent' | 'refs'>): Layer {
    const chainId = chainOf(parent, diffId);
    let l = this.layers.get(chainId);
    if (!l) {
      l = { chainId, diffId, parent, refs: 0, ...make() };
      this.layers.set(chainId, l);
      this.acquire(parent);
    }
    return l;
  }

  acquire(chainId: string | null): void {
    if (chainId) this.layers.get(chainId)!.refs++;
  }

  /** Drops one reference; returns the chain IDs freed, top first. */
  release(chainId: string | null): string[] {
    const freed: string[] = [];
    for (let l: Layer | undefined; chainId && (l = this.layers.get(chainId)) && --l.refs <= 0; chainId = l.parent) {
      this.layers.delete(chainId);
      freed.push(chainId);
    }
    return freed;
  }

  /** The layers from the bottom up. */
  chain(top: string | null): Layer[] {
    const out: Layer[] = [];
    for (let c = top; c; c = this.layers.get(c)!.parent) out.push(this.layers.get(c)!);
    return out.reverse();
  }

  /** The layer trees from the top down (what an overlay mounts as lowerdirs). */
  trees(top: string | null): DirNode[] {
    return this.chain(top).reverse().map(treeOf);
  }

  /** Sum of the sizes of a chain. */
  size(top: string | null): number {
    let n = 0;
    for (let c = top; c; c = this.layers.get(c)!.parent) n += this.layers.get(c)!.size;
    return n;
  }
}

/** A layer's tree: registry layers build theirs from the spec on first use. */
export function treeOf(l: Pick<Layer, 'spec' | 'tree' | 'mtime'>): DirNode {
  return (l.tree ??= buildTree(l.spec!.files(), l.spec!.size, l.mtime));
}

/** A layer's overlay2 directory (`GraphDriver` of image and container inspect): its cache ID, random-looking and fixed per chain. */
export const overlayDir = (l: Layer): string => {
  let dir = cacheIds.get(l.chainId);
  if (dir === undefined) cacheIds.set(l.chainId, (dir = `/var/lib/docker/overlay2/${sha256('overlay2 ' + l.chainId)}`));
  return dir;
};
const cacheIds = new Map<string, string>();

/** A container's writable layer's overlay2 directory, as random-looking as the image layers'. */
export const ctrLayerDir = (c: { id: string; layerId?: string }): string => `/var/lib/docker/overlay2/${(c.layerId ??= pseudoHex('rw ' + c.id))}`;

/** The diff ID of a local layer: the digest of its content. */
export const diffIdOf = (tree: DirNode): string => digest(JSON.stringify(toJSON(tree)));

export class ImageStore {
  images = new Map<string, Image>();
  /** Familiar reference (`ubuntu:latest`, `ubuntu@sha256:…`) → image ID, in creation order. */
  refs = new CountingMap<string, string>();
  private byImage?: { version: number; refs: Map<string, string[]> };

  /** Sorted as the reference store sorts them: by canonical name (`docker.io/library/…`). */
  referencesOf(id: string): string[] {
    // listings ask for every image's references: they are grouped once per change of the map
    if (this.byImage?.version !== this.refs.version) {
      const refs = new Map<string, [string, string][]>();
      for (const [r, img] of this.refs) {
        const list = refs.get(img) ?? refs.set(img, []).get(img)!;
        list.push([canonical(r), r]);
      }
      this.byImage = { version: this.refs.version, refs: new Map([...refs].map(([img, list]) => [img, list.sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r)])) };
    }
    return [...(this.byImage.refs.get(id) ?? [])];
  }

  tags(id: string): string[] {
    return this.referencesOf(id).filter((r) => !r.includes('@'));
  }

  digests(id: string): string[] {
    return this.referencesOf(id).filter((r) => r.includes('@'));
  }

  children(id: string): Image[] {
    return [...this.images.values()].filter((i) => i.parent === id);
  }

  /** Unique ID prefix search (`74f2`, `sha256:74f2…`). */
  search(prefix: string): Image | undefined | 'ambiguous' {
    const p = prefix.startsWith('sha256:') ? prefix : 'sha256:' + prefix;
    const found = /^sha256:[0-9a-f]+$/.test(p) ? [...this.images.values()].filter((img) => img.id.startsWith(p)) : [];
    return found.length > 1 ? 'ambiguous' : found[0];
  }
}

/** The canonical config JSON of an image, whose digest is the image ID. */
export function imageConfigJSON(img: Omit<Image, 'id' | 'lastTagTime' | 'manifest'>): string {
  return JSON.stringify({
    architecture: 'amd64',
    author: img.author || undefined,
    comment: img.comment || undefined,
    config: img.config,
    created: new Date(img.created).toISOString(),
    history: img.history.map((h) => ({ created: new Date(h.created).toISOString(), created_by: h.createdBy, comment: h.comment || undefined, empty_layer: h.emptyLayer || undefined })),
    os: 'linux',
    parent: img.parent || undefined,
    rootfs: { type: 'layers', diff_ids: img.diffIds },
  });
}
