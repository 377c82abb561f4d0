/** `docker diff` and `docker commit`: the writable layer read back, and turned into an image. */
import type { CommitOptions, FilesystemChange, ImageConfig } from '../api';
import { applyChange } from './config';
import type { Engine } from './engine';
import * as imgs from './images';
import { familiarTag } from './reference';
import type { Image } from './store';

export const committing = {
  async containerChanges(this: Engine, id: string): Promise<FilesystemChange[]> {
    return this.fsOf(this.get(id)).diff();
  },

  async containerCommit(this: Engine, id: string, opts: CommitOptions = {}): Promise<{ Id: string }> {
    const c = this.get(id);
    // With its image force-removed, the container still holds the layers: the commit builds on them.
    const parent = this.images.images.get(c.image) ?? (c.top ? { id: '', top: c.top, diffIds: this.layers.chain(c.top).map((l) => l.diffId), history: [] } as unknown as Image : null);
    const { User, ExposedPorts, Volumes, StopSignal, Labels, Healthcheck } = c.config;
    // The order of the keys is the image config's (its digest is the image ID).
    const cfg: ImageConfig = {
      ...(User && { User }),
      ...(ExposedPorts && { ExposedPorts }),
      Env: c.config.Env,
      Cmd: c.config.Cmd,
      ...(Healthcheck && { Healthcheck }),
      ...(Volumes && { Volumes }),
      WorkingDir: c.config.WorkingDir,
      Entrypoint: c.config.Entrypoint,
      OnBuild: null,
      Labels: Object.keys(Labels).length ? Labels : null,
      ...(StopSignal && { StopSignal }),
    };
    for (const ch of opts.changes ?? []) applyChange(cfg, ch);
    const tag = opts.reference && familiarTag(opts.reference);
    // moby's NewChildImage: an empty diff adds no layer (EmptyLayer in the history), and the
    // history says the container's Cmd, without its entrypoint.
    const upper = this.fsOf(c).upper;
    const img = this.addLocalImage(parent, upper.children.size ? upper : null, cfg, (c.config.Cmd ?? []).join(' '), opts);
    if (tag) imgs.setTag(this, tag, img);
    this.ctrEvent(c, 'commit', { comment: opts.comment ?? '', imageID: img.id, imageRef: tag ?? '' });
    return { Id: img.id };
  },
};
