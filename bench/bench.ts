/**
 * `npm run bench`: runs every registered area (bench/<area>.ts exporting `bench()`), prints one
 * table and writes bench/results.json. `npm run bench -- build terminal` runs only those areas.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { type BenchRow } from './shared';
export type { BenchRow } from './shared';

type Area = () => Promise<{ bench(): Promise<BenchRow[]> }>;

/** One line per area; add yours here. Loaded one at a time, so a broken area cannot stop the others. */
const AREAS: Record<string, Area> = {
  build: () => import('./build'),
  simulator: () => import('./simulator'),
  terminal: () => import('./terminal'),
  export: () => import('./export'),
  diagrams: () => import('./diagrams'),
  reading: () => import('./reading'),
};

function table(rows: BenchRow[]): string {
  const head = ['área', 'medida', 'valor', 'unidad', 'objetivo'];
  const cells = rows.map((r) => [r.area, r.metric, String(r.value), r.unit, r.target ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 2 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((a) => !(a in AREAS));
  if (unknown.length) {
    console.error(`área desconocida: ${unknown.join(', ')} (hay: ${Object.keys(AREAS).join(', ')})`);
    process.exitCode = 2;
    return;
  }
  const rows: BenchRow[] = [];
  const failures: { area: string; error: string }[] = [];
  for (const [area, run] of Object.entries(AREAS)) {
    if (wanted.length && !wanted.includes(area)) continue;
    const started = performance.now();
    try {
      rows.push(...(await (await run()).bench()));
      console.error(`· ${area}: ${Math.round(performance.now() - started)} ms`);
    } catch (e) {
      failures.push({ area, error: (e as Error).message });
      console.error(`· ${area}: FALLÓ: ${(e as Error).message}`);
    }
  }
  console.log(table(rows));
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    rows,
    failures,
  };
  writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify(wanted.length ? mergeResults(results) : results, null, 2) + '\n');
  if (failures.length) process.exitCode = 1;
}

/** A partial run replaces only its own areas' rows in bench/results.json. */
function mergeResults(fresh: { rows: BenchRow[] } & Record<string, unknown>): unknown {
  try {
    const old = JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as { rows: BenchRow[] };
    const areas = new Set(fresh.rows.map((r) => r.area));
    return { ...fresh, rows: [...old.rows.filter((r) => !areas.has(r.area)), ...fresh.rows] };
  } catch {
    return fresh;
  }
}

await main();
