/**
 * Save and load: the whole engine as plain JSON (for localStorage). Registry layers are kept
 * by key and rebuilt from the catalogue; local layers and writable layers keep their trees.
 * Loading checks the shape and the bookkeeping (layer chains, reference counts), so corrupt or
 * foreign state is rejected instead of producing a broken engine.
 */
import { InvalidEngineState, type EngineState, type HostConfig } from '../api';
import { Engine, setSaver, type Ctr } from './engine';
import type { Ev } from './events';
import { fromJSON, toJSON, treeSize, type DirNode } from './fs';
import { REGISTRY_LAYERS } from './images';
import type { Pushed } from './push';
import type { Net } from './networks';
import { chainOf, type Image, type Layer } from './store';
import type { Vol } from './volumes';

const FORMAT = 'aula-docker-engine';
const VERSION = 1;

interface SavedLayer { chainId: string; diffId: string; parent: string | null; size: number; refs: number; key?: string; tree?: unknown; mtime: number; blob?: string; gz?: number }
interface SavedCtr extends Omit<Ctr, 'upper' | 'proc' | 'execs' | 'sinks' | 'fs'> { upper: unknown; deadline?: number }

export function saveEngine(e: Engine): EngineState {
  const layers: SavedLayer[] = [...e.layers.layers.values()].map((l) => ({
    chainId: l.chainId, diffId: l.diffId, parent: l.parent, size: l.size, refs: l.refs, mtime: l.mtime,
    ...(l.spec ? { key: l.spec.key, blob: l.blob, gz: l.gz } : { tree: toJSON(l.tree!) }),
  }));
  const containers: SavedCtr[] = [...e.containers.values()].map((c) => {
    const { upper, proc, execs: _x, sinks: _s, fs: _f, ...rest } = c;
    return { ...rest, upper: toJSON(upper), procState: proc ? proc.save() : c.procState, deadline: proc?.deadline };
  });
  return {
    format: FORMAT,
    version: VERSION,
    seed: e.seed ?? null,
    rng: e.rng.state,
    now: e.clock.now(),
    layers,
    images: [...e.images.images.values()],
    refs: [...e.images.refs],
    containers,
    hub: [...e.hub],
    networks: [...e.nets.values()],
    volumes: [...e.volumes.values()].map((v) => ({ ...v, tree: toJSON(v.tree) })),
    cache: [...((e as unknown as Record<symbol, Map<string, string>>)[Symbol.for('aula.buildCache')] ?? new Map())],
    events: e.recentEvents(),
  };
}
setSaver(saveEngine);

const bad = (why: string): never => {
  throw new InvalidEngineState(`estado del motor no válido: ${why}`);
};
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown, what: string): string => (typeof v === 'string' ? v : bad(what));
const num = (v: unknown, what: string): number => (typeof v === 'number' && Number.isFinite(v) ? v : bad(what));
const HEX = /^sha256:[0-9a-f]{64}$/;

/** Restores a saved engine into `e` (fresh); throws InvalidEngineState when anything is off. */
export function loadEngine(e: Engine, raw: unknown): void {
  if (!isObj(raw) || raw.format !== FORMAT) bad('formato desconocido');
  const s = raw as Record<string, unknown>;
  if (s.version !== VERSION) bad('versión desconocida');
  e.rng.state = num(s.rng, 'rng') | 0;
  if (!Array.isArray(s.layers) || !Array.isArray(s.images) || !Array.isArray(s.refs) || !Array.isArray(s.containers)) bad('faltan secciones');
  try {
    for (const item of s.layers as unknown[]) {
      if (!isObj(item)) bad('capa');
      const l = item as Record<string, unknown>;
      const parent = l.parent === null ? null : str(l.parent, 'capa padre');
      const layer: Layer = {
        chainId: str(l.chainId, 'capa'), diffId: str(l.diffId, 'capa'), parent, size: num(l.size, 'tamaño'), refs: num(l.refs, 'referencias'), mtime: num(l.mtime, 'fecha'),
      };
      if (!HEX.test(layer.chainId) || !HEX.test(layer.diffId) || chainOf(parent, layer.diffId) !== layer.chainId) bad('identificador de capa');
      if (typeof l.key === 'string') {
        const spec = REGISTRY_LAYERS.get(l.key) ?? bad('capa de registro desconocida');
        layer.spec = spec;
        layer.blob = typeof l.blob === 'string' ? l.blob : undefined;
        layer.gz = spec.gz;
      } else {
        const tree = fromJSON(l.tree);
        if (tree.kind !== 'dir') bad('árbol de capa');
        layer.tree = tree as DirNode;
        if (treeSize(layer.tree) !== layer.size) bad('tamaño de capa');
      }
      e.layers.layers.set(layer.chainId, layer);
    }
    for (const l of e.layers.layers.values()) if (l.parent && !e.layers.layers.has(l.parent)) bad('cadena de capas rota');
    for (const i of s.images as unknown[]) {
      if (!isObj(i)) bad('imagen');
      const img = i as unknown as Image;
      if (!HEX.test(str(img.id, 'imagen')) || (img.top !== null && !e.layers.layers.has(str(img.top, 'capa de imagen')))) bad('imagen');
      if (!isObj(img.config) || !Array.isArray(img.history) || !Array.isArray(img.diffIds)) bad('configuración de imagen');
      num(img.created, 'fecha de imagen');
      e.images.images.set(img.id, img);
    }
    for (const item of s.refs as unknown[]) {
      const r = item as unknown[];
      if (!Array.isArray(r) || typeof r[0] !== 'string' || typeof r[1] !== 'string' || !e.images.images.has(r[1])) bad('referencia');
      e.images.refs.set(r[0] as string, r[1] as string);
    }
    // State saved before networks keeps the engine's own three.
    if (Array.isArray(s.networks)) {
      e.nets.clear();
      for (const n of s.networks as Net[]) {
        if (!isObj(n) || !/^[0-9a-f]{64}$/.test(str(n.id, 'red')) || typeof n.name !== 'string' || typeof n.subnet !== 'string' || !isObj(n.labels) || !isObj(n.options)) bad('red');
        e.nets.set(n.id, n);
      }
    }
    const restart: [Ctr, unknown, number | undefined][] = [];
    for (const c of s.containers as unknown[]) {
      if (!isObj(c)) bad('contenedor');
      const sc = c as unknown as SavedCtr;
      if (!/^[0-9a-f]{64}$/.test(str(sc.id, 'contenedor')) || typeof sc.name !== 'string' || !isObj(sc.config) || !isObj(sc.hostConfig)) bad('contenedor');
      if (sc.top !== null && !e.layers.layers.has(str(sc.top, 'capa de contenedor'))) bad('capa de contenedor');
      if (!['created', 'running', 'paused', 'restarting', 'exited', 'dead'].includes(sc.status)) bad('estado de contenedor');
      const upper = fromJSON(sc.upper);
      if (upper.kind !== 'dir') bad('capa de escritura');
      const { deadline, procState, ...rest } = sc;
      const ctr: Ctr = { ...rest, hostConfig: sc.hostConfig as HostConfig, upper: upper as DirNode, execs: [], sinks: new Set(), logs: Array.isArray(sc.logs) ? sc.logs : [], ports: isObj(sc.ports) ? sc.ports : {} } as Ctr;
      // A healthcheck's state is kept only when it has the shape health.ts works on.
      if (ctr.health !== undefined && !(isObj(ctr.health) && typeof ctr.health.Status === 'string' && Array.isArray(ctr.health.Log))) ctr.health = undefined;
      if (e.containers.has(ctr.id) || [...e.containers.values()].some((o) => o.name === ctr.name)) bad('contenedor duplicado');
      // a wait for the restart policy is not kept: the container stays stopped, as a daemon restart finds it
      if (ctr.status === 'restarting') ctr.status = 'exited';
      e.containers.set(ctr.id, ctr);
      if (e.isUp(ctr)) restart.push([ctr, procState, deadline]);
      else ctr.procState = undefined;
    }
    // Events are optional (states saved before they were recorded have none); odd ones are dropped.
    if (Array.isArray(s.events)) e.events = (s.events as Ev[]).filter((v) => isObj(v) && typeof v.t === 'number' && typeof v.n === 'number' && typeof v.type === 'string' && typeof v.action === 'string' && typeof v.id === 'string' && isObj(v.attrs)).slice(-256);
    // The bookkeeping must add up: every reference of every layer accounted for.
    const refs = new Map<string, number>();
    const hold = (k: string | null) => k && refs.set(k, (refs.get(k) ?? 0) + 1);
    for (const l of e.layers.layers.values()) hold(l.parent);
    for (const i of e.images.images.values()) hold(i.top);
    for (const c of e.containers.values()) hold(c.top);
    for (const l of e.layers.layers.values()) if ((refs.get(l.chainId) ?? 0) !== l.refs) bad('recuento de referencias');
    if (Array.isArray(s.cache)) {
      const cache = new Map<string, string>();
      for (const kv of s.cache) if (Array.isArray(kv) && typeof kv[0] === 'string' && typeof kv[1] === 'string') cache.set(kv[0], kv[1]);
      (e as unknown as Record<symbol, Map<string, string>>)[Symbol.for('aula.buildCache')] = cache;
    }
    // Docker Hub's pushed tags: bundles checked as far as a pull needs them.
    if (Array.isArray(s.hub)) {
      for (const kv of s.hub) {
        const p = Array.isArray(kv) && isObj(kv[1]) ? (kv[1] as unknown as Pushed) : bad('repositorio');
        if (typeof kv[0] !== 'string' || !HEX.test(p.manifest) || !isObj(p.bundle) || !Array.isArray(p.bundle.layers)) bad('repositorio');
        for (const l of p.bundle.layers) if (!HEX.test(l.diffId) || (l.key !== undefined ? !REGISTRY_LAYERS.has(l.key) : fromJSON(l.tree).kind !== 'dir')) bad('repositorio');
        e.hub.set(kv[0] as string, p);
      }
    }
    for (const v of Array.isArray(s.volumes) ? s.volumes : []) {
      const tree = isObj(v) ? fromJSON(v.tree) : undefined;
      if (!isObj(v) || tree?.kind !== 'dir' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(str(v.name, 'volumen'))) bad('volumen');
      const vol = v as unknown as Vol;
      e.volumes.set(vol.name, { name: vol.name, driver: str(vol.driver, 'volumen'), labels: isObj(vol.labels) ? vol.labels : null, options: isObj(vol.options) ? vol.options : null, created: num(vol.created, 'volumen'), tree: tree as DirNode });
    }
    for (const [c, st, deadline] of restart) {
      e.revive(c, st, deadline);
      // a script that was parked on the clock starts again, as after a restart
      if (c.clocked) e.reviving = Promise.all([e.reviving, e.bootDetached(c, c.proc!).catch(() => {})]).then(() => {});
    }
  } catch (err) {
    if (err instanceof InvalidEngineState) throw err;
    bad((err as Error).message);
  }
}
