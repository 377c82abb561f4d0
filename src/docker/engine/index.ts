/** `createEngine`: the simulated Docker daemon behind the API. */
import type { DockerApi, EngineOptions } from '../api';
import { realClock, simulatedClock } from './clock';
import { Engine } from './engine';
import { Random } from './random';
import { loadEngine } from './state';

export function createEngine(opts: EngineOptions = {}): DockerApi & Engine {
  const seeded = opts.seed !== undefined;
  const rng = new Random(seeded ? opts.seed! | 0 : (Math.random() * 0x7fffffff) | 0);
  let clock = opts.clock ?? (seeded ? simulatedClock() : realClock());
  const state = opts.state as { now?: unknown } | undefined;
  if (!opts.clock && seeded && typeof state?.now === 'number') clock = simulatedClock(state.now);
  const e = new Engine(rng, clock, opts.seed);
  if (state !== undefined) loadEngine(e, state);
  return e;
}

export { Engine };
