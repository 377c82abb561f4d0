/**
 * Docker Hub's side of `docker login` and `docker push` (distribution/push_v2.go): any non-empty
 * user and password log in; a push is accepted into the logged-in user's own namespace only.
 * Each pushed tag is kept on the engine's `hub` as a bundle, so pulling it later (after `rmi`)
 * brings the same image back.
 */
import { ApiError, type OnMessage, type PushOptions, type RegistryAuth } from '../api';
import { CATALOG, type ImageSpec } from '../registry/catalog';
import { bundleOf, installBundle, type Bundle } from './archive-images';
import type { Ctr, Engine } from './engine';
import { blobOf, catalogOf, linked, MANIFEST_V2, storeManifest, tagsOf } from './distribution';
import type { HttpReply } from './shell/types';
import { digest, short } from '../common/hash';
import * as imgs from './images';
import { parseReference, tagged, type Reference } from './reference';
import { chainOf, imageConfigJSON, repoOf, type Image } from './store';
import { KERNEL } from './system';

export interface Pushed { bundle: Bundle; manifest: string }

const holds = (i: ImageSpec, key: string) => i.history.some(([, l]) => l?.key === key);

/** The official repository a registry layer is mounted from: the image's own (that of its top registry layer) when it has it. */
function mountedFrom(top: string, key: string): string | undefined {
  const repos = CATALOG.filter((i) => holds(i, key));
  return (repos.find((i) => holds(i, top)) ?? repos[0])?.repo;
}

const denied = () => new ApiError(400, 'denied: requested access to the resource is denied', undefined, true);

/** A layer's blob digest, by the catalogue's key (blobOfSpec's) or from its diff ID. */
const blobOfRec = (l: { key?: string; diffId: string }) => digest('blob:' + (l.key || l.diffId));

/** A registry a container runs here, as the daemon reaches it: `get` logs each request in it. */
interface Private { c: Ctr; get(path: string, method?: string): HttpReply }

/** The running registry container that publishes host port `port`. */
export const registryOn = (e: Engine, port: string) =>
  [...e.containers.values()].find((k) => k.status === 'running' && k.proc?.title?.[0].startsWith('registry serve') && Object.values(k.ports).some((b) => b?.some((x) => x.HostPort === port)));

/**
 * The registry container publishing `domain`'s port. The daemon speaks plain HTTP only to the
 * loopback addresses (its default insecure registries); any other name of this machine is tried over TLS.
 */
function privateRegistry(e: Engine, domain: string): Private {
  const [host, port = '443'] = domain.split(':');
  const c = registryOn(e, port);
  const loop = host === 'localhost' || host === '127.0.0.1';
  const https = `Get "https://${domain}/v2/": `;
  if (!c || !loop) throw loop || !/^(aula|10\.0\.2\.15)$/.test(host) ? imgs.unreachable(domain) : new ApiError(500, https + (c ? 'http: server gave HTTP response to HTTPS client' : `dial tcp 10.0.2.15:${port}: connect: connection refused`));
  const agent = `docker/28.2.2 go/go1.24.3 git-commit/45873be kernel/${KERNEL} os/linux arch/amd64 UpstreamClient(Docker-Client/28.2.2 \\(linux\\))`;
  return { c, get: (path, method) => c.proc!.serve!(5000, path, e.request(c, host, +port, e.gatewayOf(c), { agent, method }))! };
}

/** The tags of a repository in a registry container (`pull -a`). */
export const privateTags = (e: Engine, ref: Reference) => tagsOf(e.fsOf(privateRegistry(e, ref.domain).c), ref.path);

/** One progress message per layer, keyed by the layer's short diff ID, as push shows them. */
const say = (onMessage: OnMessage, id: string, status: string, progressDetail = {}) => onMessage({ status, id: short(id), progressDetail });

export const pushing = {
  async registryLogin(this: Engine, auth: RegistryAuth): Promise<{ Status: string }> {
    const server = (auth.serveraddress ?? 'https://index.docker.io/v1/').replace(/^https?:\/\//, '').split('/')[0];
    // a registry container here asks for no credentials
    if (!/^(index\.|registry-1\.)?docker\.io$/.test(server)) return privateRegistry(this, server).get('/v2/'), { Status: 'Login Succeeded' };
    if (!auth.username || !auth.password) throw new ApiError(400, 'unauthorized: incorrect username or password');
    return { Status: 'Login Succeeded' };
  },

  async imagePush(this: Engine, input: string, onMessage: OnMessage, opts: PushOptions = {}): Promise<void> {
    const ref = parseReference(input);
    await onMessage({ status: `The push refers to repository [${ref.domain}/${ref.path}]` });
    let reg: Private | undefined;
    const refs = [...this.images.refs.keys()].filter((r) => !r.includes('@') && repoOf(r) === ref.name);
    if (!refs.length) throw new ApiError(404, `An image does not exist locally with the tag: ${ref.name}`, undefined, true);
    try {
      if (ref.domain !== 'docker.io') (reg = privateRegistry(this, ref.domain)).get('/v2/');
    } catch (err) {
      throw new ApiError(500, (err as Error).message, undefined, true);
    }
    const tags = opts.all ? refs.map((r) => r.slice(ref.name.length + 1)) : [ref.tag ?? 'latest'];
    if (!this.images.refs.has(`${ref.name}:${tags[0]}`)) throw new ApiError(404, `tag does not exist: ${ref.name}:${tags[0]}`, undefined, true);
    for (const tag of tags.sort()) {
      if (opts.signal?.aborted) return;
      await pushTag(this, ref, tag, this.images.images.get(this.images.refs.get(`${ref.name}:${tag}`)!)!, onMessage, opts.auth, reg);
    }
  },

  /** A pull of a repository pushed here; undefined when nothing was pushed under that name. */
  async pullPushed(this: Engine, ref: Reference, tag: string, onMessage: OnMessage): Promise<Image | undefined> {
    const unknown = new ApiError(404, `manifest for ${tagged(ref)} not found: manifest unknown: manifest unknown`);
    let p = this.hub.get(`${ref.path}:${tag}`);
    if (ref.domain !== 'docker.io') {
      const reg = privateRegistry(this, ref.domain);
      reg.get('/v2/');
      const r = reg.get(`/v2/${ref.path}/manifests/${tag}`);
      try {
        p = { bundle: JSON.parse(blobOf(this.fsOf(reg.c), JSON.parse(r.body).config.digest)!), manifest: digest(r.body) };
      } catch {
        throw unknown;
      }
    }
    if (!p) {
      if ([...this.hub.keys()].some((k) => k.startsWith(ref.path + ':'))) throw unknown;
      return undefined;
    }
    await onMessage({ status: `Pulling from ${ref.path}`, id: tag });
    let chain: string | null = null;
    const present = p.bundle.layers.map((l) => this.layers.layers.has((chain = chainOf(chain, l.diffId))));
    const ids = p.bundle.layers.map((l) => short(blobOfRec(l)));
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

async function pushTag(e: Engine, ref: Reference, tag: string, img: Image, onMessage: OnMessage, auth?: RegistryAuth, reg?: Private): Promise<void> {
  const bottom = e.layers.chain(img.top);
  const chain = [...bottom].reverse();
  for (const l of chain) await say(onMessage, l.diffId, 'Preparing');
  // Only the user's own namespace takes pushes (`library/…` is Docker's); a plain registry takes any.
  if (!reg && (!auth?.username || ref.path.split('/')[0] !== auth.username.toLowerCase())) throw denied();
  // Five uploads run at once; the layers beyond wait for a slot.
  for (const l of chain.slice(5)) await say(onMessage, l.diffId, 'Waiting');
  // A blob already in this repository exists; one in another repository is mounted, the
  // user's own repositories first (the daemon tries the most similar names first).
  const here = new Set<string>();
  const mounts = new Map<string, string>();
  const fs = reg && e.fsOf(reg.c);
  const blobs = new Map(chain.map((l) => [l.diffId, blobOfRec({ key: l.spec?.key, diffId: l.diffId })]));
  if (fs) for (const repo of catalogOf(fs)) for (const l of chain) if (linked(fs, repo, blobs.get(l.diffId)!)) (repo === ref.path ? here.add(l.diffId) : mounts.set(l.diffId, repo));
  for (const [k, p] of fs ? [] : e.hub) {
    const repo = k.slice(0, k.lastIndexOf(':'));
    for (const l of p.bundle.layers) if (repo === ref.path) here.add(l.diffId); else if (repo.startsWith(auth!.username!.toLowerCase() + '/')) mounts.set(l.diffId, repo);
  }
  for (const l of chain) {
    const from = mounts.get(l.diffId) ?? (!fs && l.spec && 'library/' + mountedFrom(chain.find((c) => c.spec)!.spec!.key, l.spec.key));
    if (here.has(l.diffId)) await say(onMessage, l.diffId, 'Layer already exists');
    else if (from) await say(onMessage, l.diffId, `Mounted from ${from}`);
    else {
      for (const s of [1, 2, 3]) await say(onMessage, l.diffId, 'Pushing', { current: Math.round((l.size * s) / 3), total: l.size });
      await say(onMessage, l.diffId, 'Pushed');
    }
  }
  const bundle = bundleOf(e, img);
  if (fs) {
    // distribution keeps the schema 2 manifest as the daemon wrote it (three-space indent), under its own digest
    const layers = bottom.map((l) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: l.gz ?? Math.round(l.size / 2.6), digest: blobs.get(l.diffId)! }));
    const json = JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST_V2, config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: imageConfigJSON(img).length, digest: img.id }, layers }, null, 3);
    const d = digest(json);
    storeManifest(fs, ref.path, tag, d, json, [[img.id, JSON.stringify(bundle)], ...layers.map((l): [string, number] => [l.digest, l.size])], e.now());
    reg!.get(`/v2/${ref.path}/manifests/${tag}`, 'PUT');
    e.images.refs.set(`${ref.name}@${d}`, img.id);
    return onMessage({ status: `${tag}: digest: ${d} size: ${json.length}` });
  }
  const manifest = digest(`manifest:${img.id}`);
  // A schema 2 manifest: the config descriptor and one descriptor per layer.
  const size = 316 + chain.reduce((n, l) => n + 202 + String(l.gz ?? Math.round(l.size / 2.6)).length, 0);
  e.hub.set(`${ref.path}:${tag}`, { bundle, manifest });
  e.images.refs.set(`${ref.name}@${manifest}`, img.id);
  await onMessage({ status: `${tag}: digest: ${manifest} size: ${size}` });
}
