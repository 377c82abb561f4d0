/**
 * The daemon's event log (daemon/events): every event is kept in a ring of the last 256, as
 * moby's buffer does, which is what `docker events --since` can replay; a subscriber then gets
 * the new ones as they come, filtered as daemon/events/filter.go filters them.
 */
import { ApiError, type EventMessage, type EventsOptions, type Waiter } from '../api';
import type { Ctr, Engine } from './engine';
import { matchKV } from './filters';

/** One recorded event: the clock's millisecond, nanoseconds after it, and what moby's Actor holds. */
/** `labels`: the actor's labels, under `attrs` (kept apart so that recording an event copies nothing). */
export interface Ev { t: number; n: number; type: string; action: string; id: string; attrs: Record<string, string>; labels?: Record<string, string> }

const attrsOf = (e: Ev): Record<string, string> => (e.labels ? { ...e.labels, ...e.attrs } : e.attrs);

const LIMIT = 256;

/** daemon/events/filter.go: `<type>=` filters name the actor by ID prefix or by its name. */
const NAMED = ['container', 'network', 'volume', 'plugin', 'node', 'service', 'secret', 'config', 'daemon'];

const exact = (f: Record<string, string[]>, key: string, ...v: string[]): boolean => !f[key] || f[key].some((x) => v.includes(x));
const fuzzy = (f: Record<string, string[]>, key: string, ...v: (string | undefined)[]): boolean =>
  !f[key] || f[key].some((x) => v.some((s) => s !== undefined && s.startsWith(x)));
const stripTag = (s: string): string => s.replace(/@.*$/, '').replace(/:[^:/]*$/, '');

function include(f: Record<string, string[]>, e: Ev): boolean {
  // #25798: `event=exec_create` matches `exec_create: sh -c …` (as health_status, exec_start).
  const prefixed = f.event?.some((x) => x === 'exec_create' || x === 'exec_start' || x === 'health_status');
  const img = e.type === 'image' ? e.attrs.name : e.attrs.image;
  return (prefixed ? fuzzy(f, 'event', e.action) : exact(f, 'event', e.action)) && exact(f, 'type', e.type) && exact(f, 'scope', 'local') &&
    NAMED.every((k) => fuzzy(f, k, e.id, e.attrs.name)) &&
    exact(f, 'image', e.id, img ?? '', stripTag(e.id), stripTag(img ?? '')) && matchKV(f.label, attrsOf(e));
}

/** The API's message; container and image events still fill the deprecated status/id/from. */
function message(e: Ev): EventMessage {
  const old = e.type === 'container' ? { status: e.action, id: e.id, from: e.attrs.image } : e.type === 'image' ? { status: e.action, id: e.id } : {};
  const time = Math.floor((e.t + e.n / 1e6) / 1000);
  const attrs = Object.fromEntries(Object.entries(attrsOf(e)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { ...old, Type: e.type, Action: e.action, Actor: { ID: e.id, Attributes: attrs }, scope: 'local', time, timeNano: BigInt(e.t) * 1_000_000n + BigInt(e.n) };
}

/** `since`/`until` as the client sends them (`1718530201.000000000`): nanoseconds, 0 when absent. */
const nanos = (v?: string): bigint => {
  if (!v) return 0n;
  const [s, frac = ''] = v.split('.');
  return BigInt(s) * 1_000_000_000n + BigInt(frac.padEnd(9, '0').slice(0, 9) || 0);
};

export const eventing = {
  /**
   * Records an event of any type (`container`, `image`, `network`, `volume`…): `actor` is the
   * object's ID, `attrs` its attributes (`name`, `container`, `type`…), `at` when it happened.
   */
  emit(this: Engine, type: string, action: string, actor: string, attrs: Record<string, string> = {}, at: number = this.now(), labels?: Record<string, string>): void {
    const last = this.events[this.events.length - 1];
    // The clock moves by whole steps: the nanoseconds after `at` are made up, a random start in
    // its first half second, then a few microseconds to milliseconds per event, always rising.
    const r = Math.imul(Math.min(this.events.length, LIMIT) + at, 2654435761) >>> 0;
    const after = last ? (last.t - at) * 1e6 + last.n + 20_000 + (r % 3_000_000) : 0;
    // An end noticed late (a `sleep` that ran out before this call) still comes after the last event.
    const n = Math.max(after, Math.min(999_999_999 - (at % 1000) * 1e6, Math.max(after, last?.t === at ? 0 : r % 500_000_000)));
    // Attributes are sorted when read (message): most events are never read.
    this.events.push({ t: at, n, type, action, id: actor, attrs, labels });
    // Trimmed in batches (recentEvents() reads the last LIMIT): one splice per LIMIT events, not one each.
    if (this.events.length > 2 * LIMIT) this.events.splice(0, this.events.length - LIMIT);
  },

  /** The buffer as moby keeps it: the last LIMIT events. */
  recentEvents(this: Engine): Ev[] {
    return this.events.length > LIMIT ? this.events.slice(-LIMIT) : this.events;
  },

  /** daemon.LogContainerEventWithAttributes: the container's labels, its image as given, its name. */
  ctrEvent(this: Engine, c: Ctr, action: string, attrs: Record<string, string> = {}, at?: number): void {
    attrs.image = c.config.Image;
    attrs.name = c.name;
    this.emit('container', action, c.id, attrs, at, c.config.Labels);
  },

  /** ImageService.LogImageEvent: the image's labels while it exists, and the name it went by. */
  imageEvent(this: Engine, id: string, name: string, action: string): void {
    const img = this.images.images.get(id) ?? this.images.images.get(this.images.refs.get(id) ?? '');
    this.emit('image', action, id, { ...img?.config.Labels, name });
  },

  async systemEvents(this: Engine, opts: EventsOptions, onEvent: (m: EventMessage) => void, wait?: Waiter): Promise<void> {
    this.tick();
    await this.healthProbes();
    const [since, until] = [nanos(opts.since), nanos(opts.until)];
    // `0` is a time too (1970): only an absent value is no bound.
    const bounded = !!opts.until;
    if (bounded && until < since) throw new ApiError(400, `\`since\` time (${opts.since}) cannot be after \`until\` time (${opts.until})`);
    const f = opts.filters ?? {};
    const stamp = (e: Ev) => BigInt(e.t) * 1_000_000n + BigInt(e.n);
    const send = (evs: Ev[]) => {
      for (const e of evs) if (include(f, e) && (!bounded || stamp(e) <= until)) onEvent(message(e));
    };
    // Without since or until nothing is replayed; with either, the buffer from `since` on.
    send(opts.since || bounded ? this.recentEvents().filter((e) => stamp(e) >= since) : []);
    let last = this.events[this.events.length - 1];
    const past = () => bounded && BigInt(this.now()) * 1_000_000n >= until;
    while (!past() && wait?.signal && !wait.signal.aborted) {
      const left = bounded ? Number(until / 1_000_000n) - this.now() : 1000;
      await this.wait(wait, Math.max(1, Math.min(500, left)));
      this.tick();
      await this.healthProbes();
      const from = last ? this.events.indexOf(last) + 1 : 0;
      send(this.events.slice(from));
      last = this.events[this.events.length - 1];
    }
  },
};
