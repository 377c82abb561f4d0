/** `docker save` / `docker image save`: the images as one tar, to `-o FILE` or a redirected stdout. */
import type { Handler } from '../cli';
import { writeTar } from '../tar-file';

export const save: Handler = (ctx, f, names) => writeTar(ctx, f.str('output'), () => ctx.api.imageSave(names), 'save image');
