/**
 * `docker inspect`, `docker container inspect`, `docker image inspect`: the daemon's JSON
 * re-indented with four spaces inside `[ … ]`, or one `--format` line per object.
 */
import { ApiError } from '../../api';
import { CliError, type Ctx, type Handler } from '../cli';
import type { Flags } from '../flags';
import { marshalJson } from '../format/list';
import { parseOwn, renderInspect, TemplateError } from '../format/template';
import { reportErrors } from './shared';

/** An object and the Go type the client decodes it into (container, image, network, volume). */
type Getter = (ref: string) => Promise<[unknown, string]>;

export async function inspectAll(ctx: Ctx, f: Flags, args: string[], get: Getter, notFound: (ref: string, e: ApiError) => string): Promise<number> {
  const format = f.str('format') ?? '';
  const template = format !== '' && format !== 'json';
  // A template that does not parse stops everything (the client's StatusError 64).
  const tpl = template ? parseOwn(format) : [];
  const found: unknown[] = [];
  const errors: string[] = [];
  let out = '';
  for (const a of args) {
    let o: unknown;
    let type = '';
    try {
      [o, type] = await get(a);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(notFound(a, e));
      continue;
    }
    if (!template) found.push(o);
    else {
      try {
        out += renderInspect(tpl, o, type) + '\n';
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        errors.push(e.message.startsWith('template parsing error: ') ? e.message : 'template parsing error: ' + e.message);
      }
    }
  }
  // The template's lines go out together, a lone newline when none succeeded; `json` is compact.
  if (template) ctx.io.out(out || '\n');
  else if (!found.length) ctx.io.out('[]\n');
  else ctx.io.out(marshalJson(found, format === 'json' ? undefined : 4) + '\n');
  return reportErrors(ctx, errors);
}

const daemon = (_: string, e: ApiError): string => `Error response from daemon: ${e.message}`;

const as = (type: string) => (o: unknown): [unknown, string] => [o, type];

export const containerInspect: Handler = (ctx, f, args) =>
  inspectAll(ctx, f, args, (a) => ctx.api.containerInspect(a, { size: f.bool('size') }).then(as('container')), daemon);

export const imageInspect: Handler = (ctx, f, args) => inspectAll(ctx, f, args, (a) => ctx.api.imageInspect(a).then(as('image')), daemon);

export const inspect: Handler = (ctx, f, args) => {
  const type = f.str('type');
  if (type !== undefined && !['container', 'image', 'network', 'volume'].includes(type)) {
    if (['node', 'plugin', 'secret', 'config', 'task', 'service'].includes(type)) {
      return inspectAll(ctx, f, args, () => Promise.reject(new ApiError(404, '')), (a) => `Error: No such ${type}: ${a}`);
    }
    throw new CliError(`unknown type: ${JSON.stringify(type)}: must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"`);
  }
  const getters: Getter[] = [];
  if (!type || type === 'container') getters.push((a) => ctx.api.containerInspect(a, { size: f.bool('size') }).then(as('container')));
  if (!type || type === 'image') getters.push((a) => ctx.api.imageInspect(a).then(as('image')));
  if (!type || type === 'network') getters.push((a) => ctx.api.networkInspect(a).then(as('network')));
  if (!type || type === 'volume') getters.push((a) => ctx.api.volumeInspect(a).then(as('volume')));
  const get = async (a: string): Promise<[unknown, string]> => {
    for (const g of getters) {
      try {
        return await g(a);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 404) throw e;
      }
    }
    throw new ApiError(404, a);
  };
  // With --type the daemon's own error comes through (the client no longer rewrites a 404).
  return inspectAll(ctx, f, args, type ? getters[0] : get, (a, e) => (e.status === 404 && !type ? `Error: No such object: ${a}` : daemon(a, e)));
};

export const networkInspect: Handler = (ctx, f, args) => inspectAll(ctx, f, args, (a) => ctx.api.networkInspect(a).then(as('network')), daemon);
