/**
 * Content-addressed storage: layers keyed by chain ID, stored once and reference counted
 * (by the images whose top layer they are, by their child layers, by container RW layers);
 * images keyed by the digest of their config; references (`repo:tag`, `repo@sha256:…`).
 */
import type { ImageConfig } from '../api';
import { digest } from './hash';
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

export const chainOf = (parent: string | null, diffId: string): string =>
  parent === null ? diffId : digest(parent + ' ' + diffId);

export class LayerStore {
  layers = new Map<string, Layer>();

  get(chainId: string): Layer | undefined {
    return this.layers.get(chainId);
  }

  /** The layer for `diffId` on top of `parent`, created (holding its parent) if new; refs unchanged. */
  ensure(parent: string | null, diffId: string, make: () => Omit<Layer, 'chainId' | 'diffId' | 'parent' | 'refs'>): Layer {
    const chainId = chainOf(parent, diffId);
    let l = this.layers.get(chainId);
    if (!l) {
      l = { chainId, diffId, parent, refs: 0, ...make() };
      this.layers.set(chainId, l);
      if (parent) this.layers.get(parent)!.refs++;
    }
    return l;
  }

  acquire(chainId: string | null): void {
    if (chainId) this.layers.get(chainId)!.refs++;
  }

  /** Drops one reference; returns the chain IDs freed, top first. */
  release(chainId: string | null): string[] {
    const freed: string[] = [];
    while (chainId) {
      const l = this.layers.get(chainId);
      if (!l || --l.refs > 0) break;
      this.layers.delete(chainId);
      freed.push(chainId);
      chainId = l.parent;
    }
    return freed;
  }

  /** The layer trees from the top down (what an overlay mounts as lowerdirs). */
  trees(top: string | null): DirNode[] {
    const out: DirNode[] = [];
    for (let c = top; c; ) {
      const l = this.layers.get(c)!;
      out.push(treeOf(l));
      c = l.parent;
    }
    return out;
  }

  chain(top: string | null): Layer[] {
    const out: Layer[] = [];
    for (let c = top; c; c = this.layers.get(c)!.parent) out.push(this.layers.get(c)!);
    return out.reverse();
  }

  /** Sum of the sizes of a chain. */
  size(top: string | null): number {
    let n = 0;
    for (let c = top; c; ) {
      const l = this.layers.get(c)!;
      n += l.size;
      c = l.parent;
    }
    return n;
  }
}

export function treeOf(l: Layer): DirNode {
  if (!l.tree) l.tree = buildTree(l.spec!.files(), l.spec!.size, l.mtime);
  return l.tree;
}

/** The diff ID of a local layer: the digest of its content. */
export const diffIdOf = (tree: DirNode): string => digest(JSON.stringify(toJSON(tree)));

export class ImageStore {
  images = new Map<string, Image>();
  /** Familiar reference (`ubuntu:latest`, `ubuntu@sha256:…`) → image ID, in creation order. */
  refs = new Map<string, string>();

  add(img: Image): Image {
    const existing = this.images.get(img.id);
    if (existing) return existing;
    this.images.set(img.id, img);
    return img;
  }

  referencesOf(id: string): string[] {
    const out: string[] = [];
    for (const [r, i] of this.refs) if (i === id) out.push(r);
    return out;
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
    if (!/^sha256:[0-9a-f]+$/.test(p)) return undefined;
    let found: Image | undefined;
    for (const img of this.images.values()) {
      if (img.id.startsWith(p)) {
        if (found) return 'ambiguous';
        found = img;
      }
    }
    return found;
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
