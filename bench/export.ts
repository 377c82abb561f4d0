/**
 * Export budgets: the time `npm run export` takes for the whole course (one Chromium, two pages
 * at once, target under 20 s on a 2-core machine) and what it writes per deck: PDF and one-file
 * HTML sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCourse } from '../src/build/build';
import { runExport } from '../src/build/export/export';
import { type BenchRow, ROOT, kb } from './shared';

export async function bench(): Promise<BenchRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'aula-bench-export-'));
  try {
    const outDir = join(work, 'dist');
    const built = await buildCourse({ root: ROOT, outDir, log: () => {}, warn: () => {} });
    if (!built.ok) throw new Error(`la compilación del curso falló: ${built.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ')}`);
    const report = await runExport({
      distDir: outDir,
      slidesDir: join(ROOT, 'slides'),
      notes: false,
      jobs: 2,
      thumbWidth: 640,
      timeoutMs: 60_000,
      log: () => {},
      warn: () => {},
    });
    const rows: BenchRow[] = [
      { area: 'export', metric: `whole course (${report.decks.length} decks, ${report.decks.reduce((n, d) => n + d.slides, 0)} slides)`, value: Math.round(report.ms) / 1000, unit: 's', target: '< 20 s' },
    ];
    for (const d of report.decks) {
      rows.push({ area: 'export', metric: `${d.slug}.pdf`, value: kb(d.pdfBytes), unit: 'KB' });
      rows.push({ area: 'export', metric: `${d.slug}.html (one file)`, value: kb(d.htmlBytes), unit: 'KB' });
    }
    rows.push({ area: 'export', metric: 'curso.pdf', value: kb(report.coursePdfBytes), unit: 'KB' });
    rows.push({ area: 'export', metric: 'curso.zip', value: kb(report.zipBytes), unit: 'KB' });
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await bench()) console.log(`${r.area.padEnd(8)} ${r.metric.padEnd(48)} ${String(r.value).padStart(10)} ${r.unit}${r.target ? `  (objetivo ${r.target})` : ''}`);
}
