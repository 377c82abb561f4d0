/**
 * ```terminal fences: each scenario is replayed through the simulator at build time (fixed seed,
 * one machine per deck and session); the slide gets the live terminal's frame with the scenario
 * in `data-scenario`, plus the static transcript shown in print and in the reading view.
 *
 * Replays are deterministic, so a session whose fences and simulator code did not change since
 * the last build is taken from `.cache/` (rebuilds while writing stay fast).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildContext, BuildError, FenceBlock, FencePlugin, FenceResult } from '../types';
import { createShell } from '../../docker/index';
import { OPTION_NAMES, parseScenario } from '../../terminal/scenario';
import { replayScenarios, type ReplayProblem, type ReplayResult } from '../../terminal/replay';
import { terminalHtml } from '../../terminal/transcript';

const CACHE_FILE = 'terminal-replay.json';
/** Code whose change changes a replay: the simulator and the transcript maker. */
const CODE_DIRS = ['src/docker', 'src/terminal'];

interface CachedGroup {
  results: ReplayResult[];
}

export const terminalPlugin: FencePlugin = {
  lang: 'terminal',
  options: OPTION_NAMES,
  async render(fences: FenceBlock[], ctx: BuildContext) {
    const errors: BuildError[] = [];
    const replayed = new Map<string, ReplayResult>();
    const cache = readCache(ctx);
    const fresh: Record<string, CachedGroup> = {};
    const code = codeHash(ctx.root);

    // One group per deck and session: the unit the simulator replays from a fresh machine.
    const groups = new Map<string, FenceBlock[]>();
    for (const f of fences) {
      const session = parseScenario(f.options, f.body, f.line).scenario.session;
      const key = `${f.deck}\u0000${session}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const ordered = [...group].sort((a, b) => a.line - b.line);
        const key = createHash('sha256')
          .update(code)
          .update(JSON.stringify(ordered.map((f) => [f.file, f.line, f.deck, f.options, f.body])))
          .digest('hex');
        const hit = cache[key];
        if (hit && hit.results.length === ordered.length) {
          ordered.forEach((f, i) => replayed.set(f.id, hit.results[i]));
          fresh[key] = hit;
          return;
        }
        const r = await replayScenarios(ordered, (o) => createShell(o));
        errors.push(...r.problems.map((p: ReplayProblem) => ({ file: p.file, line: p.line, message: p.message })));
        for (const [id, res] of r.results) replayed.set(id, res);
        if (r.problems.length === 0 && ordered.every((f) => r.results.has(f.id))) fresh[key] = { results: ordered.map((f) => r.results.get(f.id)!) };
      }),
    );
    writeCache(ctx, fresh);

    const results = new Map<string, FenceResult>();
    const styled = new Set<string>();
    for (const f of fences) {
      const r = replayed.get(f.id);
      if (!r) continue;
      // The transcript's styles travel with the first terminal of each deck (print needs them
      // even when no script runs).
      const withStyle = !styled.has(f.deck);
      styled.add(f.deck);
      results.set(f.id, {
        html: terminalHtml(r.scenario, r.transcriptHtml, { id: `aula-term-${f.id}`, withStyle, transcriptText: r.transcriptText }),
        needs: ['terminal'],
      });
    }
    return { results, errors };
  },
};

function codeHash(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(name)) h.update(p).update(readFileSync(p));
    }
  };
  for (const d of CODE_DIRS) walk(join(root, d));
  return h.digest('hex');
}

function readCache(ctx: BuildContext): Record<string, CachedGroup> {
  try {
    return JSON.parse(readFileSync(join(ctx.cacheDir, CACHE_FILE), 'utf8')) as Record<string, CachedGroup>;
  } catch {
    return {}; // no cache yet, or an unreadable one: replay everything
  }
}

function writeCache(ctx: BuildContext, groups: Record<string, CachedGroup>): void {
  try {
    mkdirSync(ctx.cacheDir, { recursive: true });
    writeFileSync(join(ctx.cacheDir, CACHE_FILE), JSON.stringify(groups));
  } catch {
    // a read-only checkout still builds, only without the cache
  }
}
