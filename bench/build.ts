/**
 * Build budgets: the full build of the course (`node build.mjs`, target under 1 s on a 2-core
 * machine) and, per deck, the JS and CSS a browser downloads before the first slide shows,
 * minified and gzipped (target under 80 KB of JS for a deck without terminals or live diagrams).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { buildCourse } from '../src/build/build';
import { type BenchRow, ROOT, kb, median } from './shared';

/** Scripts and stylesheets a deck page loads by itself (the lazily loaded ones come after the first slide). */
export function initialAssets(html: string): { js: string[]; css: string[] } {
  const js = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return { js, css };
}

function sizes(dir: string, urls: string[]): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const u of urls) {
    const bytes = readFileSync(join(dir, u));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

export async function bench(): Promise<BenchRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'aula-bench-build-'));
  const rows: BenchRow[] = [];
  try {
    const outDir = join(work, 'dist');
    // What `npm run build` costs: a fresh Node process compiling the build chain and building the course.
    const wall: number[] = [];
    const cpu: number[] = [];
    const report = join(work, 'report.json');
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--out', outDir, '--quiet', '--report', report], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`node build.mjs falló:\n${r.stderr}`);
      wall.push(performance.now() - t);
      cpu.push((JSON.parse(readFileSync(report, 'utf8')) as { cpuMs: number }).cpuMs);
    }
    rows.push({ area: 'build', metric: `full build of the course (node build.mjs, median of 5; load average ${loadavg()[0].toFixed(1)})`, value: Math.round(median(wall)), unit: 'ms', target: '< 1000 ms' });
    rows.push({ area: 'build', metric: 'full build of the course, CPU time of the process (user+system, median of 5)', value: Math.round(median(cpu)), unit: 'ms' });
    // The same after a change to the build chain itself, which build.mjs then recompiles first.
    rmSync(join(ROOT, '.cache', 'build.inputs.json'), { force: true });
    const t = performance.now();
    const cold = spawnSync(process.execPath, [join(ROOT, 'build.mjs'), '--out', outDir, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    if (cold.status !== 0) throw new Error(`node build.mjs falló:\n${cold.stderr}`);
    rows.push({ area: 'build', metric: 'full build after a change to src/build (chain recompiled)', value: Math.round(performance.now() - t), unit: 'ms' });

    const inProcess: number[] = [];
    const phases: Record<string, number[]> = {};
    let decks: { slug: string; needs: string[] }[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await buildCourse({ root: ROOT, outDir, log: () => {}, warn: () => {} });
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
      inProcess.push(r.ms);
      for (const [k, v] of Object.entries(r.timings)) (phases[k] ??= []).push(v);
      decks = r.decks;
    }
    rows.push({ area: 'build', metric: 'build chain in a warm process (median of 5)', value: Math.round(median(inProcess)), unit: 'ms' });
    for (const [k, v] of Object.entries(phases)) rows.push({ area: 'build', metric: `  phase ${k} (median)`, value: median(v), unit: 'ms' });

    for (const d of decks) {
      const page = join(outDir, d.slug);
      const { js, css } = initialAssets(readFileSync(join(page, 'index.html'), 'utf8'));
      const j = sizes(page, js);
      const c = sizes(page, css);
      const heavy = d.needs.includes('terminal') || d.needs.includes('mermaid-runtime');
      rows.push({ area: 'build', metric: `${d.slug}: JS before first slide (gzip; ${kb(j.raw)} KB minified)`, value: kb(j.gz), unit: 'KB', target: heavy ? undefined : '< 80 KB' });
      rows.push({ area: 'build', metric: `${d.slug}: CSS before first slide (gzip; ${kb(c.raw)} KB minified)`, value: kb(c.gz), unit: 'KB' });
      const config = JSON.parse(/<script id="aula-config" type="application\/json">(.*?)<\/script>/s.exec(readFileSync(join(page, 'index.html'), 'utf8'))?.[1] ?? '{}') as { scripts?: Record<string, string> };
      const lazy = Object.values(config.scripts ?? {});
      if (lazy.length) {
        const l = sizes(page, lazy);
        rows.push({ area: 'build', metric: `${d.slug}: JS loaded after the first slide (${Object.keys(config.scripts ?? {}).join(', ')}; gzip)`, value: kb(l.gz), unit: 'KB' });
      }
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
