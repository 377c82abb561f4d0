/**
 * Course search budgets: the size of the index a deck or the landing page loads for searching
 * (gzipped, as served) and the time one query takes over the whole course (it runs on every
 * keystroke, so it should stay well within one frame).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCourse } from '../src/build/build';
import { Searcher } from '../src/search/query';
import { SEARCH_INDEX_GLOBAL, type SearchIndex } from '../src/search/types';
import { type BenchRow, ROOT } from './shared';

const QUERIES = ['imagenes', 'imágenes', 'docker run', 'capa', 'contenedor borrar', 'sha256', 'registro docker hub', 'x'];

export async function bench(): Promise<BenchRow[]> {
  const out = mkdtempSync(join(tmpdir(), 'aula-bench-reading-'));
  try {
    const r = await buildCourse({ root: ROOT, outDir: out, log: () => {}, warn: () => {} });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
    const file = readdirSync(join(out, 'assets')).find((f) => /^search-index\.[0-9a-f]+\.js$/.test(f));
    if (!file) throw new Error('la construcción no escribió el índice de búsqueda');
    const bytes = readFileSync(join(out, 'assets', file));
    const g: Record<string, unknown> = {};
    new Function('window', bytes.toString('utf8'))(g);
    const index = g[SEARCH_INDEX_GLOBAL] as SearchIndex;
    const searcher = new Searcher(index);
    for (const q of QUERIES) searcher.search(q); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      for (const q of QUERIES) {
        const t = performance.now();
        searcher.search(q);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))] * 1000) / 1000;
    return [
      { area: 'reading', metric: `índice de búsqueda (${index.entries.length} diapositivas), gzip`, value: Math.round((gzipSync(bytes, { level: 9 }).length / 1024) * 10) / 10, unit: 'KB', target: '< 60 KB' },
      { area: 'reading', metric: 'índice de búsqueda, sin comprimir', value: Math.round((bytes.length / 1024) * 10) / 10, unit: 'KB' },
      { area: 'reading', metric: 'búsqueda en todo el curso, mediana', value: pct(0.5), unit: 'ms', target: '< 16 ms' },
      { area: 'reading', metric: 'búsqueda en todo el curso, p95', value: pct(0.95), unit: 'ms', target: '< 16 ms' },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
