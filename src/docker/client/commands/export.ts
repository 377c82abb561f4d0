/** `docker export` / `docker container export`: the container's filesystem as a tar. */
import type { Handler } from '../cli';
import { writeTar } from '../tar-file';

export const exportContainer: Handler = (ctx, f, [name]) => writeTar(ctx, f.str('output'), () => ctx.api.containerExport(name), 'export container');
