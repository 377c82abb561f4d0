/**
 * A container's mounts, read as moby's linux mount parser and registerMountPoints read them
 * (`--volumes-from`, then `-v` binds, then `--mount`, then the anonymous volumes of the image and
 * of `-v /path`), and put into its filesystem when it runs: volumes and binds as directory trees
 * of their own, so writes under them never reach the writable layer.
 */
import { ApiError, type ContainerCreateConfig, type MountPoint, type MountSpec } from '../api';
import type { Ctr, Engine } from './engine';
import { absPath, joinPath, newDir, Overlay, splitPath, type DirNode, type FileNode, type Fs } from './fs';

const MODES = [['rw', 'ro'], ['z', 'Z'], ['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate'], ['nocopy'], ['consistent', 'cached', 'delegated']];

/** linuxValidMountMode: comma-separated words, at most one of each kind. */
function validMode(mode: string): boolean {
  const kinds = mode ? mode.split(',').map((w) => MODES.findIndex((k) => k.includes(w))) : [];
  return !kinds.includes(-1) && new Set(kinds).size === kinds.length;
}

const badConfig = (type: string, why: string): string => `invalid mount config for type "${type}": ${why}`;

/** The target checks every mount type shares (linuxValidateNotRoot, linuxValidateAbsolute). */
function targetError(type: string, target: string | undefined): string | undefined {
  if (!target) return badConfig(type, 'field Target must not be empty');
  if (absPath('/', target) === '/' && target.startsWith('/')) return badConfig(type, "invalid specification: destination can't be '/'");
  if (!target.startsWith('/')) return badConfig(type, `invalid mount path: '${target}' mount path must be absolute`);
  return undefined;
}

/** The node at a path of the machine, or nothing (a missing or unreadable path on the way). */
function lookup(fs: Fs, path: string) {
  try {
    return fs.resolve(path).node;
  } catch {
    return undefined;
  }
}

const propagation = (mode: string): string => mode.split(',').find((w) => MODES[2].includes(w)) ?? 'rprivate';

export const mounting = {
  /** The machine's files, shared with the host shell when one is attached. */
  hostFs(this: Engine): Fs {
    return (this.host ??= new Overlay(newDir(), [], () => this.now()));
  },

  /** A new view of the machine's files: the binds of running containers follow it. */
  useHostFs(this: Engine, fs: Fs): void {
    this.host = fs;
    for (const c of this.containers.values()) {
      for (const m of c.fs ? c.mounts ?? [] : []) {
        const d = m.Type === 'bind' ? c.fs!.dirs.get(m.Destination) : undefined;
        const n = d ? lookup(fs, m.Source) : undefined;
        if (d && n?.kind === 'dir') d.tree = n;
      }
    }
  },

  /** A volume mount point, creating the volume on first use (anonymous without a name). */
  volumeMount(this: Engine, name: string, dest: string, mode: string, rw: boolean, opts?: MountSpec['VolumeOptions']): MountPoint {
    const v = this.makeVolume(name, { Labels: opts?.Labels, Driver: opts?.DriverConfig?.Name, DriverOpts: opts?.DriverConfig?.Options });
    return { Type: 'volume', Name: v.name, Source: `/var/lib/docker/volumes/${v.name}/_data`, Destination: dest, Driver: v.driver, Mode: mode, RW: rw, Propagation: '' };
  },

  /** Every mount of a new container, or the daemon's 400 for the first one it cannot take. */
  planMounts(this: Engine, config: ContainerCreateConfig, imageVolumes: Record<string, unknown> | null | undefined): MountPoint[] {
    const hc = config.HostConfig ?? {};
    const out = new Map<string, MountPoint>();
    for (const from of hc.VolumesFrom ?? []) {
      const [id, mode = 'rw', extra] = from.split(':');
      if (extra !== undefined || !['rw', 'ro'].includes(mode)) throw new ApiError(400, `invalid mode for volumes-from: ${mode}`);
      for (const m of this.get(id).mounts ?? []) out.set(m.Destination, { ...m, Mode: '', RW: m.RW && mode === 'rw' });
    }
    const taken = new Set<string>();
    const claim = (dest: string) => {
      if (taken.has(dest) || (hc.Tmpfs && dest in hc.Tmpfs)) throw new ApiError(400, `Duplicate mount point: ${dest}`);
      taken.add(dest);
    };
    for (const raw of hc.Binds ?? []) {
      const spec = (why?: string) => new ApiError(400, `invalid volume specification: '${raw}'${why ? ': ' + why : ''}`);
      const arr = raw.split(':');
      if (arr.length > 3 || !arr[0]) throw spec();
      if (arr.length === 2 && validMode(arr[1])) throw spec();
      const [src, dst, mode = ''] = arr.length === 1 ? ['', arr[0]] : arr;
      if (!validMode(mode)) throw new ApiError(400, `invalid mode: ${mode}`);
      const bind = src.startsWith('/');
      const why = targetError(bind ? 'bind' : 'volume', dst);
      if (why) throw spec(why);
      const dest = absPath('/', dst);
      claim(dest);
      const rw = !mode.split(',').includes('ro');
      out.set(dest, bind
        ? { Type: 'bind', Source: absPath('/', src), Destination: dest, Mode: mode, RW: rw, Propagation: propagation(mode) }
        // setBindModeIfNull: a local volume given with -v and no mode shows "z".
        : this.volumeMount(src, dest, mode || 'z', rw));
    }
    for (const m of hc.Mounts ?? []) {
      const t = m.Type;
      const why = targetError(t, m.Target) ?? this.mountError(m);
      if (why) throw new ApiError(400, why);
      const dest = absPath('/', m.Target!);
      claim(dest);
      const rw = !m.ReadOnly;
      out.set(dest, t === 'bind'
        ? { Type: 'bind', Source: absPath('/', m.Source!), Destination: dest, Mode: '', RW: rw, Propagation: m.BindOptions?.Propagation || 'rprivate' }
        : t === 'volume'
          ? this.volumeMount(m.Source ?? '', dest, 'z', rw, m.VolumeOptions)
          : { Type: 'tmpfs', Source: '', Destination: dest, Mode: '', RW: rw, Propagation: '' });
    }
    for (const spec of Object.keys({ ...imageVolumes, ...config.Volumes })) {
      const why = targetError('volume', spec);
      if (why) throw new ApiError(400, `invalid volume specification: '${spec}': ${why}`);
      const dest = absPath('/', spec);
      if (!out.has(dest)) out.set(dest, this.volumeMount('', dest, '', true));
    }
    return [...out.values()];
  },

  /** validateMountConfig of a `--mount` past its target: what each type must and must not have. */
  mountError(this: Engine, m: MountSpec): string | undefined {
    const t = m.Type;
    const extra = (field: string) => badConfig(t, `field ${field} must not be specified`);
    if (t === 'bind') {
      if (!m.Source) return badConfig(t, 'field Source must not be empty');
      if (m.VolumeOptions) return extra('VolumeOptions');
      if (m.TmpfsOptions) return extra('TmpfsOptions');
      if (!m.Source.startsWith('/')) return badConfig(t, `invalid mount path: '${m.Source}' mount path must be absolute`);
      if (!lookup(this.hostFs(), m.Source)) return badConfig(t, `bind source path does not exist: ${m.Source}`);
    } else if (t === 'volume') {
      if (m.BindOptions) return extra('BindOptions');
      if (m.TmpfsOptions) return extra('TmpfsOptions');
      if (m.ReadOnly && !m.Source) return badConfig(t, 'must not set ReadOnly mode when using anonymous volumes');
    } else if (t === 'tmpfs') {
      if (m.Source) return extra('Source');
      if (m.BindOptions) return extra('BindOptions');
      if (m.VolumeOptions) return extra('VolumeOptions');
    } else return badConfig(t, 'mount type unknown');
    return undefined;
  },

  /**
   * Mounts into a fresh view of the container's files, parents before children. The runtime makes
   * missing mount points in the writable layer; an empty volume is first filled with what the
   * image holds at its mount point (unless `volume-nocopy`); a missing bind source directory is
   * created on the machine, as `-v` does.
   */
  mountInto(this: Engine, c: Ctr, fs: Overlay): void {
    const all: [string, MountPoint | string][] = [...(c.mounts ?? []).map((m): [string, MountPoint] => [m.Destination, m]), ...Object.entries(c.hostConfig.Tmpfs ?? {})];
    all.sort((a, b) => splitPath(a[0]).length - splitPath(b[0]).length);
    for (const [dest, m] of all) {
      const parts = splitPath(dest);
      let node: DirNode | FileNode | undefined;
      if (typeof m === 'string' || m.Type === 'tmpfs') node = newDir(this.now(), 0o1777);
      else if (m.Type === 'bind') {
        const host = this.hostFs();
        try {
          if (!lookup(host, m.Source)) host.mkdir(m.Source, '/', true);
        } catch { /* a file on the way: nothing to mount */ }
        const n = lookup(host, m.Source);
        node = n?.kind === 'dir' || n?.kind === 'file' ? n : undefined;
      } else {
        const v = this.volumes.get(m.Name ?? '');
        node = v?.tree;
        const nocopy = m.Mode.split(',').includes('nocopy') || c.hostConfig.Mounts?.some((s) => s.Target && absPath('/', s.Target) === dest && s.VolumeOptions?.NoCopy);
        const below = v && !v.tree.children.size && !nocopy ? lookup(fs, dest) : undefined;
        if (below?.kind === 'dir') copyInto(fs, splitPath(dest), v!.tree);
      }
      if (!node) continue;
      try {
        if (!fs.find(parts)) node.kind === 'dir' ? fs.mkdir(dest, '/', true) : fs.writeFile(dest, '');
      } catch { /* the image has a file there */ }
      const ro = typeof m === 'string' ? m.split(',').includes('ro') : !m.RW;
      if (node.kind === 'dir') fs.dirs.set(joinPath(parts), { tree: node, ro });
      else fs.mounts.set(joinPath(parts), node);
    }
    fs.ro = !!c.hostConfig.ReadonlyRootfs;
  },
};

/** The merged content of a directory, copied into a volume's tree with its modes and owners (copyExistingContents, copyOwnership). */
function copyInto(fs: Overlay, parts: string[], dst: DirNode): void {
  const at = fs.find(parts);
  if (at?.kind === 'dir') Object.assign(dst, { mode: at.mode, uid: at.uid, gid: at.gid });
  for (const [k, n] of fs.list(parts)) {
    if (n.kind === 'dir') {
      const d = newDir(n.mtime);
      dst.children.set(k, d);
      copyInto(fs, [...parts, k], d);
    } else if (n.kind !== 'whiteout') dst.children.set(k, { ...n });
  }
}
