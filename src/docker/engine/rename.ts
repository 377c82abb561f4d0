/** `POST /containers/{id}/rename`, with moby's checks in moby's order. */
import { ApiError } from '../api';
import type { Engine } from './engine';
import { byName } from './links';
import { VALID_NAME } from './names';

export const renaming = {
  async containerRename(this: Engine, id: string, name: string): Promise<void> {
    if (!id || !name) throw new ApiError(400, 'Neither old nor new names may be empty');
    const c = this.get(id);
    const wanted = name.startsWith('/') ? name : '/' + name;
    if ('/' + c.name === wanted) throw new ApiError(400, 'Renaming a container with the same name as its current name');
    // reserveName's errors come wrapped by the rename.
    const alloc = 'Error when allocating new name: ';
    if (!VALID_NAME.test(wanted)) throw new ApiError(400, `${alloc}Invalid container name (${wanted}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const holder = byName(this, wanted);
    if (holder) throw new ApiError(409, `${alloc}Conflict. The container name "${wanted}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    const oldName = '/' + c.name;
    c.name = wanted.slice(1);
    this.ctrEvent(c, 'rename', { oldName });
  },
};
