/**
 * Volumes of the local driver: `POST /volumes/create`, list, inspect, remove, prune. A volume is
 * a directory tree of its own, kept apart from every container's layers, so what is written
 * into it outlives the containers that mount it (mounts.ts puts it into their filesystems).
 */
import { ApiError, type Volume, type VolumeCreateOptions, type VolumesPruneReport } from '../api';
import type { Ctr, Engine } from './engine';
import { boolFilter, matchKV, pruneLabels, validateKeys } from './filters';
import { newDir, treeSize, type DirNode } from './fs';

export interface Vol {
  name: string;
  driver: string;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  created: number;
  tree: DirNode;
}

/** The label moby (API 1.42+) gives anonymous volumes; prune removes only these unless `all`. */
export const ANONYMOUS = 'com.docker.volume.anonymous';

/** names.RestrictedNamePattern, at least two characters. */
const VALID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The local driver's options (volume/local/local_unix.go validOpts). */
const OPTS = ['type', 'o', 'device', 'size'];

const rfc3339s = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** Go's regexp.MatchString for a `name=` filter; a pattern that does not compile matches as text. */
function matches(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern).test(s);
  } catch {
    return s.includes(pattern);
  }
}

export const volumes = {
  /** The containers (IDs) whose mounts use the volume, as the volume store counts references. */
  volumeRefs(this: Engine, name: string): string[] {
    return [...this.containers.values()].filter((c) => c.mounts?.some((m) => m.Type === 'volume' && m.Name === name)).map((c) => c.id);
  },

  volumeJSON(this: Engine, v: Vol): Volume {
    return { CreatedAt: rfc3339s(v.created), Driver: v.driver, Labels: v.labels, Mountpoint: `/var/lib/docker/volumes/${v.name}/_data`, Name: v.name, Options: v.options, Scope: 'local' };
  },

  /**
   * The volume service's Create: an existing volume is returned unchanged; without a name it is
   * anonymous (a random name and the anonymous label), whoever asks for it.
   */
  makeVolume(this: Engine, given: string, o: Omit<VolumeCreateOptions, 'Name'> = {}): Vol {
    const name = given || this.rng.hex(64);
    if (!given) o = { ...o, Labels: { ...o.Labels, [ANONYMOUS]: '' } };
    const old = this.volumes.get(name);
    const driver = o.Driver || 'local';
    if (old && old.driver === driver) return old;
    const fail = (status: 400 | 404 | 409, why: string) => new ApiError(status, `create ${name}: ${why}`);
    // The store's name check comes before the driver is looked up.
    if (old) throw fail(409, `driver '${old.driver}' already has volume '${name}': volume name must be unique`);
    if (driver !== 'local') throw fail(404, `error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    if (name.length === 1) throw fail(400, 'volume name is too short, names should be at least two alphanumeric characters');
    if (!VALID.test(name)) throw fail(400, `"${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
    const opts = o.DriverOpts ?? {};
    for (const k in opts) if (!OPTS.includes(k)) throw fail(400, `invalid option: "${k}"`);
    if ('size' in opts) throw fail(400, 'quota size requested but no quota support');
    if (opts.type || opts.device) {
      if (!opts.type) throw fail(400, 'missing required option: "type"');
      if (!opts.device) throw fail(400, 'missing required option: "device"');
    }
    // Empty maps are stored as none: inspect shows null (as 2024+ daemons print it); Go sorts map keys.
    const some = (m?: Record<string, string>) => (m && Object.keys(m).length ? Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1))) : null);
    const v: Vol = { name, driver, labels: some(o.Labels), options: some(o.DriverOpts), created: this.now(), tree: newDir(this.now()) };
    this.volumes.set(name, v);
    this.emit('volume', 'create', name, { driver });
    return v;
  },

  async volumeCreate(this: Engine, o: VolumeCreateOptions): Promise<Volume> {
    return this.volumeJSON(this.makeVolume(o.Name ?? '', o));
  },

  async volumeInspect(this: Engine, name: string): Promise<Volume> {
    const v = this.volumes.get(name);
    if (!v) throw new ApiError(404, `get ${name}: no such volume`);
    return this.volumeJSON(v);
  },

  async volumeList(this: Engine, filters: Record<string, string[]> = {}): Promise<{ Volumes: Volume[]; Warnings: string[] | null }> {
    validateKeys(filters, ['dangling', 'name', 'driver', 'label']);
    const dangling = boolFilter(filters, 'dangling');
    const list = [...this.volumes.values()].filter((v) =>
      (dangling === undefined || !this.volumeRefs(v.name).length === dangling) &&
      (filters.name ?? []).every((p) => matches(p, v.name)) &&
      (!filters.driver || filters.driver.includes(v.driver)) &&
      matchKV(filters.label, v.labels));
    return { Volumes: list.map((v) => this.volumeJSON(v)), Warnings: null };
  },

  async volumeRemove(this: Engine, name: string, force = false): Promise<void> {
    this.tick();
    if (!this.volumes.has(name)) {
      if (force) return;
      throw new ApiError(404, `get ${name}: no such volume`);
    }
    const refs = this.volumeRefs(name);
    if (refs.length) throw new ApiError(409, `remove ${name}: volume is in use - [${refs.join(', ')}]`);
    this.dropVolume(this.volumes.get(name)!);
  },

  async volumesPrune(this: Engine, filters: Record<string, string[]> = {}): Promise<VolumesPruneReport> {
    this.tick();
    validateKeys(filters, ['label', 'label!', 'all']);
    const all = filters.all ? boolFilter(filters, 'all') : false;
    const deleted: string[] = [];
    let space = 0;
    for (const v of [...this.volumes.values()]) {
      if ((!all && !(v.labels && ANONYMOUS in v.labels)) || !pruneLabels(filters, v.labels) || this.volumeRefs(v.name).length) continue;
      space += treeSize(v.tree);
      this.dropVolume(v);
      deleted.push(v.name);
    }
    return { VolumesDeleted: deleted.length ? deleted : null, SpaceReclaimed: space };
  },

  /** `docker system df`: every volume with its size and how many containers use it. */
  volumeUsage(this: Engine): Volume[] {
    return [...this.volumes.values()].map((v) => ({ ...this.volumeJSON(v), UsageData: { RefCount: this.volumeRefs(v.name).length, Size: treeSize(v.tree) } }));
  },

  /**
   * A container goes: its anonymous volumes go with it when asked (`rm -v`, `run --rm`), unless
   * another container still uses them.
   */
  dropVolumes(this: Engine, c: Ctr): void {
    for (const m of c.mounts ?? []) {
      const v = m.Type === 'volume' && m.Name ? this.volumes.get(m.Name) : undefined;
      if (v?.labels && ANONYMOUS in v.labels && !this.volumeRefs(v.name).length) this.dropVolume(v);
    }
  },

  dropVolume(this: Engine, v: Vol): void {
    this.volumes.delete(v.name);
    this.emit('volume', 'destroy', v.name, { driver: v.driver });
  },

  /** Start and stop: moby logs each volume a container mounts and unmounts (binds are not volumes). */
  volumeEvents(this: Engine, c: Ctr, action: 'mount' | 'unmount'): void {
    for (const m of c.mounts ?? []) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const attrs: Record<string, string> = action === 'mount' ? { destination: m.Destination, propagation: m.Propagation, 'read/write': String(m.RW) } : {};
      this.emit('volume', action, m.Name, { container: c.id, driver: m.Driver ?? 'local', ...attrs });
    }
  },
};
