/**
 * Image references as docker/distribution's `reference` package reads them on the client side:
 * validation with its error texts, the familiar (`nginx:alpine`) and canonical
 * (`docker.io/library/nginx:alpine`) forms.
 */
import { CliError } from './errors';
import { memo } from './memo';

export interface Ref {
  domain: string;
  /** `library/nginx` */
  path: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
/** A host name label: alphanumerics, with hyphens only inside. */
const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const DOMAIN = `${LABEL}(?:\\.${LABEL})*(?::[0-9]+)?`;
const REF = new RegExp(`^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`);

/** Its message is what the client prints when a command has no wording of its own. */
export class RefError extends CliError {}

/** Each reference's parse or its error, remembered: listings parse the same names over and over. */
const parsed = memo((s): Ref | RefError => {
  try {
    return parse(s);
  } catch (e) {
    if (!(e instanceof RefError)) throw e;
    return e;
  }
}, 2048);

/** `reference.ParseNormalizedNamed`; throws `RefError` with the library's message. */
export function parseRef(s: string): Ref {
  const r = parsed(s);
  if (r instanceof RefError) throw r;
  return r;
}

function parse(s: string): Ref {
  if (/^[a-f0-9]{64}$/.test(s)) throw new RefError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  let domain = 'docker.io';
  let rest = s;
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const first = s.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      rest = s.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !rest.includes('/')) rest = 'library/' + rest;
  const remote = rest.slice(0, rest.search(/[:@]|$/));
  if (remote.toLowerCase() !== remote) throw new RefError(`invalid reference format: repository name (${remote}) must be lowercase`);
  const m = REF.exec(domain + '/' + rest);
  if (!s || !m) throw new RefError('invalid reference format');
  if (m[1].length > 255) throw new RefError('invalid reference format: repository name must not be more than 255 characters');
  return { domain, path: m[1].slice(domain.length + 1), tag: m[2], digest: m[3] };
}

/** `reference.FamiliarName`: `nginx`, `user/app`, `quay.io/x/y`. */
export function familiarName(r: Ref): string {
  if (r.domain !== 'docker.io') return `${r.domain}/${r.path}`;
  return r.path.startsWith('library/') && r.path.indexOf('/', 8) < 0 ? r.path.slice(8) : r.path;
}

/** `nginx:alpine`, `ubuntu@sha256:…` */
export function familiarString(r: Ref): string {
  return familiarName(r) + (r.tag ? ':' + r.tag : '') + (r.digest ? '@' + r.digest : '');
}

/** `docker.io/library/nginx:alpine` */
export function canonicalString(r: Ref): string {
  return `${r.domain}/${r.path}` + (r.tag ? ':' + r.tag : '') + (r.digest ? '@' + r.digest : '');
}

/** `reference.TagNameOnly`: adds `:latest` when neither tag nor digest is given. */
export function withLatest(r: Ref): Ref {
  return r.tag || r.digest ? r : { ...r, tag: 'latest' };
}
