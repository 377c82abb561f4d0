/**
 * Docker Hub's side of `docker login` and `docker push` (distribution/push_v2.go): any non-empty
 * user and password log in; a push is accepted into the logged-in user's own namespace only.
 * Each pushed tag is kept on the engine's `hub` as a bundle, so pulling it later (after `rmi`)
 * brings the same image back.
 */
import { ApiError, type OnMessage, type PushOptions, type RegistryAuth } from '../api';
import { CATALOG, type ImageSpec } from '../registry/catalog';
import { bundleOf, installBundle, type Bundle } from './archive-images';
import type { Engine } from './engine';
import { digest, short } from '../common/hash';
import * as imgs from './images';
import { parseReference, tagged, type Reference } from './reference';
import { chainOf, repoOf, type Image } from './store';

export interface Pushed { bundle: Bundle; manifest: string }

const holds = (i: ImageSpec, key: string) => i.history.some(([, l]) => l?.key === key);

/** The official repository a registry layer is mounted from: the image's own (that of its top registry layer) when it has it. */
function mountedFrom(top: string, key: string): string | undefined {
  const repos = CATALOG.filter((i) => holds(i, key));
  return (repos.find((i) => holds(i, top)) ?? repos[0])?.repo;
}

const denied = () => new ApiError(400, 'denied: requested access to the resource is denied', undefined, true);

/** One progress message per layer, keyed by the layer's short diff ID, as push shows them. */
const say = (onMessage: OnMessage, id: string, status: string, progressDetail = {}) => onMessage({ status, id: short(id), progressDetail });

export const pushing = {
  async registryLogin(this: Engine, auth: RegistryAuth): Promise<{ Status: string }> {
    const server = (auth.serveraddress ?? 'https://index.docker.io/v1/').replace(/^https?:\/\//, '').split('/')[0];
    if (!/^(index\.|registry-1\.)?docker\.io$/.test(server)) throw imgs.unreachable(server);
    if (!auth.username || !auth.password) throw new ApiError(400, 'unauthorized: incorrect username or password');
    return { Status: 'Login Succeeded' };
  },

  async imagePush(this: Engine, input: string, onMessage: OnMessage, opts: PushOptions = {}): Promise<void> {
    const ref = parseReference(input);
    await onMessage({ status: `The push refers to repository [${ref.domain}/${ref.path}]` });
    const refs = [...this.images.refs.keys()].filter((r) => !r.includes('@') && repoOf(r) === ref.name);
    if (!refs.length) throw new ApiError(404, `An image does not exist locally with the tag: ${ref.name}`, undefined, true);
    if (ref.domain !== 'docker.io') throw new ApiError(500, imgs.unreachable(ref.domain).message, undefined, true);
    const tags = opts.all ? refs.map((r) => r.slice(ref.name.length + 1)) : [ref.tag ?? 'latest'];
    if (!this.images.refs.has(`${ref.name}:${tags[0]}`)) throw new ApiError(404, `tag does not exist: ${ref.name}:${tags[0]}`, undefined, true);
    for (const tag of tags.sort()) {
      if (opts.signal?.aborted) return;
      await pushTag(this, ref, tag, this.images.images.get(this.images.refs.get(`${ref.name}:${tag}`)!)!, onMessage, opts.auth);
    }
  },

  /** A pull of a repository pushed here; undefined when nothing was pushed under that name. */
  async pullPushed(this: Engine, ref: Reference, tag: string, onMessage: OnMessage): Promise<Image | undefined> {
    const p = this.hub.get(`${ref.path}:${tag}`);
    if (!p) {
      if ([...this.hub.keys()].some((k) => k.startsWith(ref.path + ':'))) throw new ApiError(404, `manifest for ${tagged(ref)} not found: manifest unknown: manifest unknown`);
      return undefined;
    }
    await onMessage({ status: `Pulling from ${ref.path}`, id: tag });
    let chain: string | null = null;
    const present = p.bundle.layers.map((l) => this.layers.layers.has((chain = chainOf(chain, l.diffId))));
    const ids = p.bundle.layers.map((l) => short(l.key ? imgs.blobOfSpec(imgs.REGISTRY_LAYERS.get(l.key)!) : digest('blob:' + l.diffId)));
    const before = this.images.refs.get(tagged(ref));
    for (const i of ids.keys()) if (present[i]) await onMessage({ status: 'Already exists', id: ids[i], progressDetail: {} });
    const todo = [...ids.keys()].filter((i) => !present[i]);
    for (const status of ['Pulling fs layer', 'Download complete', 'Pull complete']) for (const i of todo) await onMessage({ status, id: ids[i], progressDetail: {} });
    const img = installBundle(this, p.bundle, { manifest: p.manifest });
    await onMessage({ status: `Digest: ${p.manifest}` });
    imgs.setTag(this, tagged(ref), img, true);
    this.images.refs.set(`${ref.name}@${p.manifest}`, img.id);
    await onMessage({ status: `Status: ${before === img.id && !todo.length ? 'Image is up to date' : 'Downloaded newer image'} for ${tagged(ref)}` });
    return img;
  },
};

async function pushTag(e: Engine, ref: Reference, tag: string, img: Image, onMessage: OnMessage, auth?: RegistryAuth): Promise<void> {
  const chain = e.layers.chain(img.top).reverse();
  for (const l of chain) await say(onMessage, l.diffId, 'Preparing');
  // Only the user's own namespace takes pushes (`library/…` is Docker's).
  if (!auth?.username || ref.path.split('/')[0] !== auth.username.toLowerCase()) throw denied();
  // Five uploads run at once; the layers beyond wait for a slot.
  for (const l of chain.slice(5)) await say(onMessage, l.diffId, 'Waiting');
  // A blob already in this repository exists; one in another repository is mounted, the
  // user's own repositories first (the daemon tries the most similar names first).
  const here = new Set<string>();
  const mounts = new Map<string, string>();
  for (const [k, p] of e.hub) {
    const repo = k.slice(0, k.lastIndexOf(':'));
    for (const l of p.bundle.layers) if (repo === ref.path) here.add(l.diffId); else if (repo.startsWith(auth.username.toLowerCase() + '/')) mounts.set(l.diffId, repo);
  }
  for (const l of chain) {
    const from = mounts.get(l.diffId) ?? (l.spec && 'library/' + mountedFrom(chain.find((c) => c.spec)!.spec!.key, l.spec.key));
    if (here.has(l.diffId)) await say(onMessage, l.diffId, 'Layer already exists');
    else if (from) await say(onMessage, l.diffId, `Mounted from ${from}`);
    else {
      for (const s of [1, 2, 3]) await say(onMessage, l.diffId, 'Pushing', { current: Math.round((l.size * s) / 3), total: l.size });
      await say(onMessage, l.diffId, 'Pushed');
    }
  }
  const bundle = bundleOf(e, img);
  const manifest = digest(`manifest:${img.id}`);
  // A schema 2 manifest: the config descriptor and one descriptor per layer.
  const size = 316 + chain.reduce((n, l) => n + 202 + String(l.gz ?? Math.round(l.size / 2.6)).length, 0);
  e.hub.set(`${ref.path}:${tag}`, { bundle, manifest });
  e.images.refs.set(`${ref.name}@${manifest}`, img.id);
  await onMessage({ status: `${tag}: digest: ${manifest} size: ${size}` });
}
