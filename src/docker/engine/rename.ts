/** `POST /containers/{id}/rename`, with moby's checks in moby's order. */
import { ApiError } from '../api';
import type { Engine } from './engine';
import { checkName } from './names';

export const renaming = {
  async containerRename(this: Engine, id: string, name: string): Promise<void> {
    if (!id || !name) throw new ApiError(400, 'Neither old nor new names may be empty');
    const c = this.get(id);
    const wanted = name.startsWith('/') ? name : '/' + name;
    if ('/' + c.name === wanted) throw new ApiError(400, 'Renaming a container with the same name as its current name');
    // reserveName's errors come wrapped by the rename.
    const alloc = 'Error when allocating new name: ';
    checkName(this, wanted, alloc);
    const oldName = '/' + c.name;
    c.name = wanted.slice(1);
    this.ctrEvent(c, 'rename', { oldName });
  },
};
