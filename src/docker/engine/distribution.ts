/**
 * The registry images' server (distribution's `registry serve`): its logrus start-up lines, a log
 * entry per request, and the part of the HTTP API v2 a class uses (/v2/, _catalog, tags/list,
 * manifests) over what was pushed into its /var/lib/registry, kept in distribution's own
 * filesystem layout so a volume keeps it and `docker rm` loses it.
 */
import { program, type Launch, type Proc } from './process';
import { clfTime, utcFields } from '../common/dates';
import { sha256 } from '../common/hash';
import { methodOf } from '../common/web';
import type { Fs } from '../common/sh/fs';
import type { HttpReply, HttpRequest } from './shell/types';

const V2 = '/var/lib/registry/docker/registry/v2';
export const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const at = (name: string) => `${V2}/repositories/${name}/`;
/** A blob's data file: blobs/sha256/<first two>/<hex>/data. */
const blob = (d: string) => `${V2}/blobs/sha256/${d.slice(7, 9)}/${d.slice(7)}/data`;

function read(fs: Fs, p: string): string | undefined {
  try {
    return fs.readFile(p);
  } catch {
    return undefined;
  }
}

const names = (fs: Fs, dir: string): string[] => {
  try {
    return [...fs.list(dir.split('/').filter(Boolean)).keys()].sort();
  } catch {
    return [];
  }
};

/** The repositories: the directories holding `_manifests` (a name may have slashes). */
export function catalogOf(fs: Fs, dir = '', out: string[] = []): string[] {
  for (const n of names(fs, `${V2}/repositories/${dir}`)) {
    if (n === '_manifests') out.push(dir.slice(0, -1));
    else if (n[0] !== '_') catalogOf(fs, `${dir}${n}/`, out);
  }
  return out;
}

export const tagsOf = (fs: Fs, name: string) => names(fs, at(name) + '_manifests/tags');

/** A tag's manifest: its digest and JSON text. */
export function manifestOf(fs: Fs, name: string, tag: string): [string, string] | undefined {
  const d = read(fs, `${at(name)}_manifests/tags/${tag}/current/link`);
  const text = d && read(fs, blob(d));
  return text ? [d, text] : undefined;
}

/** Whether the repository links to the blob (it was pushed there). */
export const linked = (fs: Fs, name: string, b: string) => read(fs, `${at(name)}_layers/sha256/${b.slice(7)}/link`) === b;

/** A blob's text (the config blob holds the image as this engine bundles it). */
export const blobOf = (fs: Fs, d: string) => read(fs, blob(d));

/** Keeps a pushed tag: its blobs (a layer's by its size only), the repository's links to them, the tag's link to the manifest. */
export function storeManifest(fs: Fs, name: string, tag: string, d: string, manifest: string, blobs: [string, string | number][], mtime: number): void {
  const put = (p: string, data: string | number) => {
    fs.mkdir(p.slice(0, p.lastIndexOf('/')), '/', true);
    if (typeof data === 'string') fs.writeFile(p, data);
    else fs.putNode(p, { kind: 'file', size: data, mode: 0o644, mtime });
  };
  fs.mkdir(at(name) + '_uploads', '/', true);
  for (const [b, data] of blobs) {
    if (read(fs, blob(b)) === undefined) put(blob(b), data);
    put(`${at(name)}_layers/sha256/${b.slice(7)}/link`, b);
  }
  put(blob(d), manifest);
  for (const p of ['revisions/sha256/' + d.slice(7), `tags/${tag}/index/sha256/${d.slice(7)}`, `tags/${tag}/current`]) put(`${at(name)}_manifests/${p}/link`, d);
}

/** distribution's error body: `{"errors":[…]}` and a newline. */
const failure = (status: number, code: string, message: string, detail: object) =>
  ({ status, body: JSON.stringify({ errors: [{ code, message, detail }] }) + '\n', type: 'application/json; charset=utf-8', head: [API] });

const uuid = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;

/** The release, told by where its image keeps the configuration: 2.8 in /etc/docker/registry (its tags say v2.8.3), 3.0 in /etc/distribution. */
const version = (fs: Fs) => (read(fs, '/etc/distribution/config.yml') === undefined ? 'v2.8.3' : '3.0.0');

/** The registry binary: `serve`, and `--version` as its releases print it. */
export function registryMain(l: Launch): Proc | undefined {
  if (l.argv[1] === 'serve') return registryServer(l);
  const v = version(l.m.fs);
  if (/^-(v|-version)$/.test(l.argv[1])) return program(l, { async boot(o) { o.out(`${l.argv[0]} github.com/${v > 'v' ? 'docker/distribution' : 'distribution/distribution/v3'} ${v}\n`); this.exitCode = 0; } });
}

/** `registry serve` as PID 1: the start-up lines of its release, then the API on port 5000. */
function registryServer(l: Launch): Proc {
  const { m } = l;
  const v = version(m.fs);
  const h = sha256(m.hostname + l.start);
  const own = [`go.version=go${v > 'v' ? '1.20.8' : '1.23.7'}`, `instance.id=${uuid(h)}`, 'service=registry', 'version=' + v];
  // logrus' text lines: the time to the nanosecond, then the fields in name order
  const log = (level: string, msg: string, fields: string[] = []) => `time="${new Date(m.now()).toISOString().slice(0, 23)}${h.slice(40, 46).replace(/\D/g, '7')}Z" level=${level} msg="${msg}" ${[...fields, ...own].sort().join(' ')}\n`;
  const serve = (port: number, path: string, req?: HttpRequest): HttpReply | null => {
    if (port !== 5000) return null;
    const method = methodOf(req);
    // a push's manifest upload: stored already (engine/push.ts), answered 201
    const r = method === 'PUT' ? { status: 201, body: '', type: 'text/plain; charset=utf-8' } : answer(m.fs, path.replace(/\?.*/, ''));
    const size = r.body.length;
    // Go writes the handler's headers sorted, then Date, then the length it counted when the handler set none
    const len = `Content-Length: ${size}`;
    const head = [...(r.sized ? [len] : []), `Content-Type: ${r.type}`, ...(r.head ?? []), 'X-Content-Type-Options: nosniff', `Date: ${utcFields(m.now()).join(' ')}`, ...(r.sized ? [] : [len])];
    if (req) {
      req.log.out(`${req.from} - - [${clfTime(m.now())}] "${method} ${path} HTTP/1.1" ${r.status} ${size} "" "${req.agent}"\n`);
      const f = [`request.host="${req.host}"`, `request.id=${uuid(sha256(path + m.now()))}`, `request.method=${method}`, `request.remoteaddr="${req.from}:${40000 + (m.now() % 20000)}"`, `request.uri="${path}"`, `request.useragent="${req.agent}"`,
        `response.contenttype="${r.type}"`, 'response.duration=1.262ms', `response.status=${r.status}`, `response.written=${size}`].map((x) => 'http.' + x);
      const code = /"code":"(\w+)"/.exec(r.body)?.[1];
      req.log.err(code ? log('error', 'response completed with error', [`err.code="${code.toLowerCase().replace('_', ' ')}"`, ...f]) : log('info', 'response completed', f));
    }
    return { status: r.status, reason: r.status === 201 ? 'Created' : undefined, body: method === 'HEAD' ? '' : r.body, server: '', head };
  };
  return program(l, {
    async boot(o) {
      o.err(log('warning', 'No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.')
        + log('info', 'redis not configured') + log('info', 'using inmemory blob descriptor cache') + log('info', `Starting upload purge in ${(h.charCodeAt(0) % 30) + 1}m0s`) + log('info', 'listening on [::]:5000'));
    },
    // SIGINT and SIGTERM shut the server down (no drain timeout configured) and it leaves with 0
    signal(sig, o) {
      if (sig === 9) return 137;
      if (sig !== 2 && sig !== 15) return null;
      o.err(log('info', 'stopping server gracefully. Draining connections for 0s'));
      return 0;
    },
    serve,
    title: ['registry serve ' + l.argv.at(-1)],
  });
}

const API = 'Docker-Distribution-Api-Version: registry/2.0';

function answer(fs: Fs, path: string): { status: number; body: string; type: string; head?: string[]; sized?: boolean } {
  const json = (body: unknown) => ({ status: 200, body: JSON.stringify(body) + '\n', type: 'application/json', head: [API] });
  if (path === '/v2/' || path === '/v2') return { status: 200, body: '{}', type: 'application/json; charset=utf-8', head: [API], sized: true };
  if (path === '/v2/_catalog') return json({ repositories: catalogOf(fs) });
  const m = /^\/v2\/(.+)\/(tags\/list|manifests\/([^/]+))$/.exec(path);
  if (!m) return { status: 404, body: '404 page not found\n', type: 'text/plain; charset=utf-8' };
  const [, name, , ref] = m;
  const tags = tagsOf(fs, name);
  // an unknown repository is only named so by the tags list; its manifests are just unknown
  if (!ref) return tags.length ? json({ name, tags }) : failure(404, 'NAME_UNKNOWN', 'repository name not known to registry', { name });
  const found = manifestOf(fs, name, ref) ?? tags.map((t) => manifestOf(fs, name, t)).find((x) => x?.[0] === ref);
  if (!found) return failure(404, 'MANIFEST_UNKNOWN', 'manifest unknown', { Tag: ref });
  return { status: 200, body: found[1], type: MANIFEST_V2, head: [`Docker-Content-Digest: ${found[0]}`, API, `Etag: "${found[0]}"`], sized: true };
}
