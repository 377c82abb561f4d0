import { ApiError } from '../api';

/** A parsed image reference (the rules of distribution/reference, normalised for Docker Hub). */
export interface Reference {
  /** Registry host (`docker.io` for Docker Hub). */
  domain: string;
  /** Repository path as the registry knows it: `library/ubuntu`, `user/app`. */
  path: string;
  /** Familiar repository name: `ubuntu`, `user/app`, `localhost:5000/app`. */
  name: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

const invalid = (detail = '') => new ApiError(400, 'invalid reference format' + detail);

/** Parses `ubuntu`, `nginx:alpine`, `docker.io/library/nginx:1.27@sha256:…`; throws ApiError 400. */
export function parseReference(input: string): Reference {
  if (/^[0-9a-f]{64}$/.test(input)) {
    throw new ApiError(400, `invalid repository name (${input}), cannot specify 64-byte hexadecimal strings`);
  }
  // name[:tag][@digest], split from the right.
  const m = /^(.*?)(?::([^:/@]*))?(?:@(.*))?$/s.exec(input)!;
  const [, rest, tag, digest] = m;
  if ((digest !== undefined && !DIGEST.test(digest)) || (tag !== undefined && !TAG.test(tag)) || !rest) throw invalid();
  const slash = rest.indexOf('/');
  const first = rest.slice(0, slash);
  const hosted = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const domain = !hosted || first === 'index.docker.io' ? 'docker.io' : first;
  let remote = hosted ? rest.slice(slash + 1) : rest;
  if (domain === 'docker.io' && !remote.includes('/')) remote = 'library/' + remote;
  if (remote.toLowerCase() !== remote) {
    throw invalid(`: repository name (${remote}) must be lowercase`);
  }
  if (!remote.split('/').every((c) => COMPONENT.test(c)) || rest.length > 255) throw invalid();
  if (domain !== 'docker.io' && !/^[a-zA-Z0-9.-]+(:\d+)?$/.test(domain)) throw invalid();
  const name = domain === 'docker.io' ? remote.replace(/^library\//, '') : `${domain}/${remote}`;
  return { domain, path: remote, name, tag, digest };
}

/**
 * The stored reference a lookup uses: `name@digest` when there is a digest, even with a tag
 * (the reference store's `favorDigest`), else `name:tag` with `latest` filled in.
 */
export function tagged(ref: Reference): string {
  if (ref.digest) return `${ref.name}@${ref.digest}`;
  return `${ref.name}:${ref.tag ?? 'latest'}`;
}

/** `name:tag` to tag an image with: `latest` when no tag is given (a digest is ignored). */
export function familiarTag(input: string): string {
  const r = parseReference(input);
  return `${r.name}:${r.tag ?? 'latest'}`;
}
