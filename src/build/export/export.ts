/**
 * `npm run export`: PDF per deck and for the course, one-file HTML per deck, thumbnails, the
 * landing page's downloads and curso.zip. Everything is written into a temporary folder beside
 * dist/export and swapped in at the end, so a failure leaves the previous export untouched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium, NO_BROWSER_HELP } from '../chromium';
import { readCourse, type ExportCourse, type ExportDeck } from './course';
import { inlinePage, localRefsLeft } from './inline';
import { courseDownloadsHtml, deckDownloadsHtml, fillSlot, ogImageHtml, type CourseFiles, type DeckFiles } from './landing';
import { mergePdfs, withMeta } from './pdf';
import { mapLimit } from './pool';
import { renderDeck, RenderError } from './render';
import { siteFiles, zipSite } from './zip';

export interface ExportOptions {
  distDir: string;
  slidesDir: string;
  notes: boolean;
  /** pages printed at once (one browser, several tabs) */
  jobs: number;
  thumbWidth: number;
  timeoutMs: number;
  log: (line: string) => void;
  warn: (line: string) => void;
}

export interface DeckReport {
  slug: string;
  slides: number;
  pdfBytes: number;
  notesPdfBytes: number;
  htmlBytes: number;
  pngBytes: number;
  ms: number;
}

export interface ExportReport {
  decks: DeckReport[];
  coursePdfBytes: number;
  zipBytes: number;
  ms: number;
}

/** Failures the user can act on (no build, no browser): printed without a stack trace. */
export class ExportFailure extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

export const NO_BROWSER_MESSAGE =
  `${NO_BROWSER_HELP} No se ha escrito nada en dist/export.\n` +
  'Chromium was not found: install it (Debian/Ubuntu: `apt-get install chromium`, or `npx playwright install chromium`) ' +
  'or set CHROMIUM_PATH to its executable. Nothing was written to dist/export.';

const kb = (n: number) => `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function checkBuild(course: ExportCourse, distDir: string): void {
  if (course.decks.length === 0) throw new ExportFailure('No hay secciones en slides/: nada que exportar.');
  const missing = course.decks.filter((d) => !existsSync(join(distDir, d.slug, 'index.html')));
  if (!existsSync(join(distDir, 'index.html')) || missing.length) {
    const which = missing.length ? ` (faltan: ${missing.map((d) => `${d.slug}/index.html`).join(', ')})` : '';
    throw new ExportFailure(`No hay un sitio construido en ${distDir}${which}. Ejecute antes \`npm run build\`.`);
  }
}

function readAsset(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

function singleFile(distDir: string, deck: ExportDeck): string {
  const htmlPath = join(distDir, deck.slug, 'index.html');
  const { html, missing } = inlinePage(readFileSync(htmlPath, 'utf8'), htmlPath, readAsset);
  if (missing.length) throw new RenderError(deck.slug, `faltan archivos del sitio para el HTML de un solo archivo: ${missing.join(', ')}`);
  const left = localRefsLeft(html);
  if (left.length) throw new RenderError(deck.slug, `el HTML de un solo archivo aún depende de archivos externos: ${left.slice(0, 5).join(', ')}`);
  return html;
}

function deckTitle(course: ExportCourse, deck: ExportDeck): string {
  return `${deck.number}. ${deck.title} · ${course.title}`;
}

/** Writes a file next to its destination first, so readers never see half of it. */
function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export async function runExport(opts: ExportOptions): Promise<ExportReport> {
  const started = performance.now();
  const course = readCourse(opts.slidesDir);
  checkBuild(course, opts.distDir);
  if (!findChromium()) throw new ExportFailure(NO_BROWSER_MESSAGE, 2);

  const exportDir = join(opts.distDir, 'export');
  removeAbandoned(opts.distDir);
  const staging = join(opts.distDir, `.export.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(staging, { recursive: true });
  const cleanup = () => rmSync(staging, { recursive: true, force: true });
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let browser: Browser | null = null;
  try {
    const jobs = Math.max(1, Math.min(opts.jobs, course.decks.length));
    opts.log(`Exportando ${course.decks.length} secciones de «${course.title}» (${jobs} a la vez)…`);
    browser = await launchChromium();
    const b = browser;
    const total = course.decks.length;
    let done = 0;
    const pdfs = new Map<string, { pdf: Uint8Array; notes: Uint8Array | null }>();
    const decks = await mapLimit(course.decks, jobs, async (deck): Promise<DeckReport> => {
      const t0 = performance.now();
      const html = singleFile(opts.distDir, deck);
      writeFileSync(join(staging, `${deck.slug}.html`), html);
      const r = await renderDeck(b, deck.slug, join(opts.distDir, deck.slug, 'index.html'), {
        notes: opts.notes,
        thumbWidth: opts.thumbWidth,
        timeoutMs: opts.timeoutMs,
      });
      for (const w of r.warnings) opts.warn(`aviso: ${deck.slug}: ${w}`);
      const meta = { title: deckTitle(course, deck), author: course.author, lang: course.lang, subject: deck.summary, keywords: ['Docker', deck.slug] };
      const printed = await withMeta(r.pdf, meta);
      const pdf = printed.bytes;
      // One page per slide is what readers count on (page 7 is slide 7): anything else is a fault.
      if (printed.pages !== r.slides) throw new RenderError(deck.slug, `el PDF tiene ${printed.pages} páginas para ${r.slides} diapositivas`);
      writeFileSync(join(staging, `${deck.slug}.pdf`), pdf);
      let notes: Uint8Array | null = null;
      if (r.notesPdf) {
        const handout = await withMeta(r.notesPdf, { ...meta, title: `${meta.title} (con notas del ponente)` });
        if (handout.pages !== r.slides) throw new RenderError(deck.slug, `el PDF con notas tiene ${handout.pages} páginas para ${r.slides} diapositivas`);
        notes = handout.bytes;
        writeFileSync(join(staging, `${deck.slug}-notas.pdf`), notes);
      }
      writeFileSync(join(staging, `${deck.slug}.png`), r.png);
      pdfs.set(deck.slug, { pdf, notes });
      const ms = performance.now() - t0;
      done++;
      opts.log(
        `[${done}/${total}] ${deck.slug}: ${r.slides} diapositivas · PDF ${kb(pdf.length)}${notes ? ` · con notas ${kb(notes.length)}` : ''} · HTML ${kb(Buffer.byteLength(html))} · ${secs(ms)}`,
      );
      return {
        slug: deck.slug,
        slides: r.slides,
        pdfBytes: pdf.length,
        notesPdfBytes: notes?.length ?? 0,
        htmlBytes: Buffer.byteLength(html),
        pngBytes: r.png.length,
        ms,
      };
    });
    await browser.close();
    browser = null;

    const courseMeta = { title: course.title, author: course.author, lang: course.lang, subject: course.description, keywords: ['Docker', course.title] };
    const parts = (pick: 'pdf' | 'notes') =>
      course.decks.map((d) => ({ title: `${d.number}. ${d.title}`, pdf: pdfs.get(d.slug)![pick]!, labelPrefix: `${d.number}.` }));
    const coursePdf = await mergePdfs(parts('pdf'), courseMeta);
    writeFileSync(join(staging, 'curso.pdf'), coursePdf);
    if (opts.notes) writeFileSync(join(staging, 'curso-notas.pdf'), await mergePdfs(parts('notes'), { ...courseMeta, title: `${course.title} (con notas del ponente)` }));
    opts.log(`Curso completo: curso.pdf ${kb(coursePdf.length)} (${decks.reduce((n, d) => n + d.slides, 0)} páginas)`);

    // The landing page and deck pages with their slots filled, as they will be once installed.
    const exported = new Set(siteFiles(staging, []).map((e) => e.path));
    const pages = fillPages(opts.distDir, course, (name) => exported.has(name) || name === 'curso.zip', opts.warn);
    // The zip carries the site with its PDFs and thumbnails; the one-file pages would only repeat
    // the site it already is, and the zip cannot hold itself: its landing page links neither.
    const zipped = siteFiles(staging, []).filter((e) => !e.path.endsWith('.html'));
    const zipNames = new Set(zipped.map((e) => e.path));
    const zipPages = fillPages(opts.distDir, course, (name) => zipNames.has(name), () => {});
    const entries = siteFiles(opts.distDir, ['export']).map((e) => (zipPages.has(e.path) ? { path: e.path, bytes: Buffer.from(zipPages.get(e.path)!) } : e));
    for (const e of zipped) entries.push({ path: `export/${e.path}`, bytes: e.bytes });
    const zip = zipSite(entries, 'curso');
    writeFileSync(join(staging, 'curso.zip'), zip);
    opts.log(`Sitio completo: curso.zip ${kb(zip.length)} (${entries.length} archivos)`);

    install(staging, exportDir);
    for (const [rel, html] of pages) writeAtomic(join(opts.distDir, rel), html);
    const ms = performance.now() - started;
    opts.log(`Listo en ${secs(ms)}: ${exportDir}`);
    opts.log(`Las descargas están enlazadas en la portada: ${join(opts.distDir, 'index.html')}`);
    return { decks, coursePdfBytes: coursePdf.length, zipBytes: zip.length, ms };
  } catch (e) {
    cleanup();
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (browser) await browser.close().catch(() => {});
  }
}

/** Temporary folders left by an export that was killed (its process is gone). */
function removeAbandoned(distDir: string): void {
  for (const name of readdirSync(distDir)) {
    const m = /^\.export\.(?:tmp|old)-(\d+)-\d+$/.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    rmSync(join(distDir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Swaps the staging folder in as dist/export; the old export goes only once the new one is there. */
function install(staging: string, exportDir: string): void {
  const old = join(dirname(exportDir), `.${basename(exportDir)}.old-${process.pid}-${Date.now()}`);
  const hadOld = existsSync(exportDir);
  if (hadOld) renameSync(exportDir, old);
  try {
    renameSync(staging, exportDir);
  } catch (e) {
    if (hadOld) renameSync(old, exportDir);
    throw e;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/** The built pages whose slots point at the exported files (landing downloads, og:image). */
function fillPages(distDir: string, course: ExportCourse, has: (name: string) => boolean, warn: (l: string) => void): Map<string, string> {
  const pages = new Map<string, string>();
  let landing = readFileSync(join(distDir, 'index.html'), 'utf8');
  let missingSlots = 0;
  const fill = (html: string, key: string, inner: string) => {
    const next = fillSlot(html, key, inner);
    if (next === null) missingSlots++;
    return next ?? html;
  };
  for (const d of course.decks) {
    const files: DeckFiles = { pdf: has(`${d.slug}.pdf`), notesPdf: has(`${d.slug}-notas.pdf`), html: has(`${d.slug}.html`), png: has(`${d.slug}.png`) };
    landing = fill(landing, `deck:${d.slug}`, deckDownloadsHtml(d.slug, d.title, files));
    const deckPath = `${d.slug}/index.html`;
    const deckHtml = files.png ? fillSlot(readFileSync(join(distDir, deckPath), 'utf8'), 'og-image', ogImageHtml(`../export/${d.slug}.png`)) : null;
    if (deckHtml !== null) pages.set(deckPath, deckHtml);
  }
  const courseFiles: CourseFiles = { pdf: has('curso.pdf'), notesPdf: has('curso-notas.pdf'), zip: has('curso.zip') };
  landing = fill(landing, 'course', courseDownloadsHtml(courseFiles));
  if (course.decks[0] && has(`${course.decks[0].slug}.png`)) landing = fillSlot(landing, 'og-image', ogImageHtml(`export/${course.decks[0].slug}.png`)) ?? landing;
  if (missingSlots) warn('aviso: la portada (dist/index.html) no tiene la zona de descargas: reconstruya con `npm run build`.');
  pages.set('index.html', landing);
  return pages;
}
