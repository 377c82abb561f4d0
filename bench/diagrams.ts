/**
 * Diagram budgets: a cold build with N diagrams (none cached: one Chromium session draws them
 * all), a warm build of the same course (every diagram cached: no browser; target no slower than
 * the same course without diagrams) and the bytes of inline SVG each diagram adds to its page.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCourse } from '../src/build/build';
import { findChromium } from '../src/build/chromium';
import { lastStats } from '../src/diagrams/build';
import { renderPageScript } from '../src/diagrams/renderer';
import { type BenchRow, ROOT, median } from './shared';

const DECKS = 3;
const PER_DECK = 4;
const N = DECKS * PER_DECK;
const RUNS = 9;

/** A diagram of each kind the course uses, made unique by `tag` so the cache cannot know it. */
function diagram(i: number, tag: string): string {
  switch (i % 3) {
    case 0:
      return `flowchart LR\n  C[Cliente ${i}] -->|órdenes| M[Motor]\n  M -->|pull| R[(Registro ${tag})]\n  M --> K1[contenedor 1]\n  M --> K2[contenedor 2]`;
    case 1:
      return `sequenceDiagram\n  participant U as Cliente\n  participant D as Motor\n  participant R as Registro\n  U->>D: run web-${i}\n  D->>R: pull web-${i}:${tag}\n  R-->>D: capas\n  D-->>U: contenedor en marcha`;
    default:
      return `stateDiagram-v2\n  [*] --> Creado: create ${i}\n  Creado --> EnMarcha: start\n  EnMarcha --> Detenido: stop ${tag}\n  Detenido --> EnMarcha: start\n  Detenido --> [*]: rm`;
  }
}

/** The bench course: DECKS sections of PER_DECK diagram slides (or the same slides without them). */
export function writeCourse(dir: string, tag: string, withDiagrams: boolean): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'course.yml'), 'title: "Banco de pruebas"\nauthor: "Aula"\nlang: es\ndescription: "Diagramas para medir."\n');
  let i = 0;
  for (let d = 1; d <= DECKS; d++) {
    const slides: string[] = [];
    for (let k = 0; k < PER_DECK; k++, i++) {
      const body = withDiagrams
        ? '```mermaid caption="Diagrama ' + i + '" alt="Diagrama de prueba ' + i + '"\n' + diagram(i, tag) + '\n```'
        : `Diagrama ${i} (aquí iría el dibujo).`;
      slides.push(`## Diapositiva ${i}\n\n${body}`);
    }
    const md = `---\ntitle: "Sección ${d}"\nsummary: "Diagramas para medir."\n---\n\n${slides.join('\n\n---\n\n')}\n`;
    writeFileSync(join(dir, `0${d}-seccion-${d}.md`), md);
  }
}

async function timedBuild(slidesDir: string, outDir: string): Promise<number> {
  const t = performance.now();
  const r = await buildCourse({ root: ROOT, slidesDir, outDir, log: () => {}, warn: () => {} });
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return ms;
}

export async function bench(): Promise<BenchRow[]> {
  if (!findChromium()) throw new Error('sin Chromium no se puede medir el dibujo de diagramas al construir');
  const work = mkdtempSync(join(tmpdir(), 'aula-bench-diagrams-'));
  const cache = join(ROOT, '.cache', 'mermaid');
  const before = new Set(safeList(cache));
  const rows: BenchRow[] = [];
  try {
    const tag = randomBytes(4).toString('hex');
    const withDir = join(work, 'con');
    const withoutDir = join(work, 'sin');
    writeCourse(withDir, tag, true);
    writeCourse(withoutDir, tag, false);
    const out = join(work, 'dist');

    // the render page (Mermaid bundled by esbuild) is built once per Mermaid version and kept in
    // .cache: measured on its own, then made sure to exist so the cold row measures the drawing
    const bundleDir = join(work, 'cache');
    const t = performance.now();
    await renderPageScript(ROOT, bundleDir);
    rows.push({ area: 'diagrams', metric: 'render page bundle (esbuild, Mermaid included; once, then cached)', value: Math.round(performance.now() - t), unit: 'ms' });
    await renderPageScript(ROOT, join(ROOT, '.cache'));

    // warm the build chain itself (esbuild, fonts) so the cold row measures the diagrams
    await timedBuild(withoutDir, out);
    const cold = await timedBuild(withDir, out);
    if (lastStats.rendered !== N) throw new Error(`se esperaban ${N} diagramas dibujados, hubo ${lastStats.rendered}`);
    rows.push({ area: 'diagrams', metric: `cold build, ${N} new diagrams (one Chromium session, render page cached)`, value: Math.round(cold), unit: 'ms' });
    rows.push({ area: 'diagrams', metric: 'cold build, per diagram', value: Math.round(cold / N), unit: 'ms' });

    // interleaved, so both see the same machine; the minimum is the least disturbed run
    const warm: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push(await timedBuild(withDir, out));
      if (lastStats.cached !== N || lastStats.browser) throw new Error('la compilación en caliente no salió entera de la caché');
      plain.push(await timedBuild(withoutDir, out));
    }
    const target = `<= build without diagrams + 10%`;
    rows.push({ area: 'diagrams', metric: `warm build, ${N} cached diagrams (median of ${RUNS})`, value: Math.round(median(warm)), unit: 'ms', target });
    rows.push({ area: 'diagrams', metric: `same course without diagrams (median of ${RUNS})`, value: Math.round(median(plain)), unit: 'ms' });
    rows.push({ area: 'diagrams', metric: `warm build, ${N} cached diagrams (fastest of ${RUNS})`, value: Math.round(Math.min(...warm)), unit: 'ms', target });
    rows.push({ area: 'diagrams', metric: `same course without diagrams (fastest of ${RUNS})`, value: Math.round(Math.min(...plain)), unit: 'ms' });

    await timedBuild(withDir, out);
    const svgs: { raw: number; gz: number }[] = [];
    for (let d = 1; d <= DECKS; d++) {
      const html = readFileSync(join(out, `seccion-${d}`, 'index.html'), 'utf8');
      for (const m of html.matchAll(/<svg id="mmd-[\s\S]*?<\/svg>/g)) svgs.push({ raw: Buffer.byteLength(m[0]), gz: gzipSync(m[0], { level: 9 }).length });
    }
    if (svgs.length !== N) throw new Error(`se esperaban ${N} SVG en las páginas, hay ${svgs.length}`);
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    rows.push({ area: 'diagrams', metric: 'inline SVG per diagram (mean)', value: mean(svgs.map((s) => s.raw)), unit: 'bytes' });
    rows.push({ area: 'diagrams', metric: 'inline SVG per diagram (max)', value: Math.max(...svgs.map((s) => s.raw)), unit: 'bytes' });
    rows.push({ area: 'diagrams', metric: 'inline SVG per diagram, gzipped (mean)', value: mean(svgs.map((s) => s.gz)), unit: 'bytes' });
  } finally {
    rmSync(work, { recursive: true, force: true });
    // leave the project's cache as it was: the bench diagrams are of no use to anyone
    for (const f of safeList(cache)) if (!before.has(f) && f.endsWith('.svg')) rmSync(join(cache, f), { force: true });
  }
  return rows;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
