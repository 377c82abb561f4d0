/**
 * `docker inspect`, `docker container inspect`, `docker image inspect`: the daemon's JSON
 * re-indented with four spaces inside `[ … ]`, or one `--format` line per object.
 */
import { ApiError } from '../../api';
import { CliError, type Ctx, type Handler } from '../cli';
import type { Flags } from '../flags';
import { render } from '../format/template';
import { reportErrors } from './shared';

type Getter = (ref: string) => Promise<unknown>;

async function inspectAll(ctx: Ctx, f: Flags, args: string[], get: (ref: string) => Promise<unknown>, notFound: (ref: string, e: ApiError) => string): Promise<number> {
  const found: unknown[] = [];
  const errors: string[] = [];
  for (const a of args) {
    try {
      found.push(await get(a));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(notFound(a, e));
    }
  }
  const format = f.str('format');
  if (format && format !== 'json') {
    // A template error leaves nothing printed: the lines go out together.
    ctx.io.out(found.map((o) => render(format, o) + '\n').join(''));
  } else {
    ctx.io.out(found.length ? JSON.stringify(found, null, 4) + '\n' : '[]\n');
  }
  return reportErrors(ctx, errors);
}

const daemon = (_: string, e: ApiError): string => `Error response from daemon: ${e.message}`;

export const containerInspect: Handler = (ctx, f, args) =>
  inspectAll(ctx, f, args, (a) => ctx.api.containerInspect(a, { size: f.bool('size') }), daemon);

export const imageInspect: Handler = (ctx, f, args) => inspectAll(ctx, f, args, (a) => ctx.api.imageInspect(a), daemon);

export const inspect: Handler = (ctx, f, args) => {
  const type = f.str('type');
  if (type !== undefined && !['container', 'image'].includes(type)) {
    if (['network', 'node', 'plugin', 'secret', 'config', 'task', 'volume'].includes(type)) {
      return inspectAll(ctx, f, args, () => Promise.reject(new ApiError(404, '')), (a) => `Error: No such ${type}: ${a}`);
    }
    throw new CliError(`"${type}" is not a valid value for --type`);
  }
  const getters: Getter[] = [];
  if (type !== 'image') getters.push((a) => ctx.api.containerInspect(a, { size: f.bool('size') }));
  if (type !== 'container') getters.push((a) => ctx.api.imageInspect(a));
  const get = async (a: string): Promise<unknown> => {
    for (const g of getters) {
      try {
        return await g(a);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 404) throw e;
      }
    }
    throw new ApiError(404, a);
  };
  return inspectAll(ctx, f, args, get, (a, e) => (e.status === 404 ? `Error: No such ${type ?? 'object'}: ${a}` : `Error response from daemon: ${e.message}`));
};
