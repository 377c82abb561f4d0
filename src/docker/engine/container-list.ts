/** `docker ps`: the list with its filters and the STATUS text moby computes. */
import { ApiError, type ContainerListOptions, type ContainerSummary } from '../api';
import { atoi, invalidFilter, matchKV, validateKeys } from './filters';
import type { Ctr, Engine } from './engine';
import * as imgs from './images';
import { humanDuration } from '../common/duration';
import type { Image } from './store';
import { treeSize } from './fs';

export const listing = {
  async containerList(this: Engine, opts: ContainerListOptions = {}): Promise<ContainerSummary[]> {
    this.tick();
    const probes = this.healthProbes();
    if (probes) await probes;
    const f = opts.filters ?? {};
    validateKeys(f, PS_FILTERS);
    for (const v of f.exited ?? []) atoi(v);
    for (const v of f.status ?? []) if (!STATES.includes(v)) throw invalidFilter('status', v);
    isTaskFilter(f);
    for (const v of f.health ?? []) if (!['starting', 'healthy', 'unhealthy', 'none'].includes(v)) throw new ApiError(400, `Unrecognised filter value for health: ${v}`);
    const beforeC = f.before?.map((v) => this.get(v)).at(-1);
    const sinceC = f.since?.map((v) => this.get(v)).at(-1);
    let list = [...this.containers.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
    /** A filter keeps the containers that match any of its values. */
    const keep = (values: string[] | undefined, test: (c: Ctr, value: string) => boolean) => {
      if (values?.length) list = list.filter((c) => values.some((v) => test(c, v)));
    };
    const all = opts.all || (opts.limit ?? 0) > 0 || !!f.status?.length || !!f.exited?.length;
    if (!all) list = list.filter((c) => c.status === 'running' || c.status === 'paused' || c.status === 'restarting');
    // Both are regular expressions; a name is tried with and without its leading slash (moby#37728).
    const names = f.name?.map(safeRegex);
    const ids = f.id?.map(safeRegex);
    if (names?.length) list = list.filter((c) => names.some((re) => re.test(c.name) || re.test('/' + c.name)));
    if (ids?.length) list = list.filter((c) => ids.some((re) => re.test(c.id)));
    // Positions in the newest-first list, as the daemon walks it after the running, name and
    // id checks: `before` skips up to and including its container, `since` stops at its own.
    if (beforeC) list = list.includes(beforeC) ? list.slice(list.indexOf(beforeC) + 1) : [];
    if (sinceC && list.includes(sinceC)) list = list.slice(0, list.indexOf(sinceC));
    keep(f.exited, (c, v) => c.status === 'exited' && atoi(v) === c.exitCode);
    keep(f.status, (c, v) => c.status === v);
    const ancestors = new Set<string>();
    for (const a of f.ancestor ?? []) {
      try {
        const root = imgs.getImage(this.hostApi(), a).id;
        ancestors.add(root);
        for (const img of this.images.images.values()) {
          for (let cur: Image | undefined = img; cur; cur = cur.parent ? this.images.images.get(cur.parent) : undefined) {
            if (cur.id === root) ancestors.add(img.id);
          }
        }
      } catch { /* unknown image matches nothing */ }
    }
    keep(f.ancestor, (c) => ancestors.has(c.image));
    // `publish` matches a bound host port, `expose` a container port, as `port[/proto]` or a range.
    const published = portSet(f.publish ?? []);
    keep(f.publish, (c) => Object.entries(c.ports).some(([k, b]) => (b ?? []).some((x) => published.has(`${x.HostPort}/${k.split('/')[1]}`))));
    const exposed = portSet(f.expose ?? []);
    keep(f.expose, (c) => Object.keys(c.config.ExposedPorts ?? {}).some((k) => exposed.has(k)));
    // A network's name, or a prefix of its ID.
    keep(f.network, (c, n) => Object.entries(this.endpoints(c)).some(([name, e]) => name === n || (!!e.NetworkID && e.NetworkID.startsWith(n))));
    keep(f.volume, () => false);
    // A container without a healthcheck is "none"; none belongs to a swarm task.
    keep(f.health, (c, v) => v === (c.health?.Status ?? 'none'));
    keep(f['is-task'], (_c, v) => v === 'false');
    if (f.label) list = list.filter((c) => matchKV(f.label, c.config.Labels));
    if (opts.limit && opts.limit > 0) list = list.slice(0, opts.limit);
    return list.map((c) => this.summary(c, !!opts.size));
  },

  imageColumn(this: Engine, c: Ctr): string {
    try {
      if (imgs.getImage(this.hostApi(), c.imageRef).id === c.image) return c.imageRef;
    } catch { /* gone */ }
    return c.image;
  },

  summary(this: Engine, c: Ctr, size: boolean): ContainerSummary {
    const engine = this;
    const s: ContainerSummary = {
      Id: c.id,
      Names: ['/' + c.name],
      Image: this.imageColumn(c),
      ImageID: c.image,
      Command: [c.path, ...c.args].map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' '),
      Created: Math.floor(c.created / 1000),
      Ports: this.portList(c),
      Labels: c.config.Labels,
      State: c.status,
      Status: this.statusText(c),
      HostConfig: { NetworkMode: c.hostConfig.NetworkMode ?? 'bridge' },
      // Built when read: most listings never look at it.
      get NetworkSettings() {
        return { Networks: engine.endpoints(c) };
      },
      Mounts: c.mounts ?? [],
    };
    if (size) {
      // The writable layer's bytes: what its tree holds (mount points add none).
      const rw = treeSize(c.upper);
      s.SizeRw = rw;
      s.SizeRootFs = this.layers.size(c.top) + rw;
    }
    return s;
  },

  /** `container/state.go` `String()`. */
  statusText(this: Engine, c: Ctr): string {
    const ago = (ms: number) => humanDuration(this.now() - ms);
    switch (c.status) {
      case 'running':
        // Health.String(): `health: starting`, `healthy`, `unhealthy`.
        return `Up ${ago(c.startedAt)}` + (c.health ? ` (${c.health.Status === 'starting' ? 'health: starting' : c.health.Status})` : '');
      case 'paused':
        return `Up ${ago(c.startedAt)} (Paused)`;
      case 'restarting':
        return `Restarting (${c.exitCode}) ${ago(c.finishedAt)} ago`;
      case 'removing':
        return 'Removal In Progress';
      case 'dead':
        return 'Dead';
      case 'created':
        return 'Created';
      default:
        return c.finishedAt ? `Exited (${c.exitCode}) ${ago(c.finishedAt)} ago` : `Exited (${c.exitCode})`;
    }
  },
};

const PS_FILTERS = ['ancestor', 'before', 'exited', 'id', 'isolation', 'label', 'name', 'status', 'health', 'since', 'volume', 'network', 'is-task', 'publish', 'expose'];
const STATES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited'];

/** `is-task` takes exactly `true` or `false` (daemon/list.go checks it by hand). */
function isTaskFilter(f: Record<string, string[]>): void {
  const v = f['is-task'];
  if (v && !(v.length === 1 && (v[0] === 'true' || v[0] === 'false'))) throw invalidFilter('is-task', `[${v.join(' ')}]`);
}

/** `8080`, `8080/udp`, `8000-8002/tcp` as the set of `port/proto` keys they name. */
function portSet(values: string[]): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    const [range, proto = 'tcp'] = v.split('/');
    const m = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!m || Number(m[2] ?? m[1]) < Number(m[1]) || Number(m[2] ?? m[1]) > 65535) throw new ApiError(400, `invalid port range ${JSON.stringify(range)}`);
    for (let p = Number(m[1]); p <= Number(m[2] ?? m[1]); p++) out.add(`${p}/${proto.toLowerCase()}`);
  }
  return out;
}

function safeRegex(s: string): RegExp {
  try {
    return new RegExp(s);
  } catch {
    return new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}
