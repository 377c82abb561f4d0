/**
 * ```terminal fences: each scenario is replayed through the simulator at build time (fixed seed,
 * one machine per deck and session); the slide gets the live terminal's frame with the scenario
 * in `data-scenario`, plus the static transcript shown in print and in the reading view.
 */
import type { BuildError, FenceBlock, FencePlugin, FenceResult } from '../types';
import { createShell } from '../../docker/index';
import { OPTION_NAMES } from '../../terminal/scenario';
import { replayScenarios } from '../../terminal/replay';
import { terminalHtml } from '../../terminal/transcript';

export const terminalPlugin: FencePlugin = {
  lang: 'terminal',
  options: OPTION_NAMES,
  async render(fences: FenceBlock[]) {
    const { results: replayed, problems } = await replayScenarios(fences, (o) => createShell(o));
    const errors: BuildError[] = problems.map((p) => ({ file: p.file, line: p.line, message: p.message }));
    const results = new Map<string, FenceResult>();
    const styled = new Set<string>();
    for (const f of fences) {
      const r = replayed.get(f.id);
      if (!r) continue;
      // The transcript's styles travel with the first terminal of each deck (print needs them
      // even when no script runs).
      const withStyle = !styled.has(f.deck);
      styled.add(f.deck);
      results.set(f.id, { html: terminalHtml(r.scenario, r.transcriptHtml, { id: `aula-term-${f.id}`, withStyle }), needs: ['terminal'] });
    }
    return { results, errors };
  },
};
