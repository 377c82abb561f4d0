/**
 * Every ```mermaid fence of the course, drawn in one go: cached SVGs are reused, the rest are
 * checked and drawn in a single headless Chromium session, and syntax errors come back as
 * `slides/<file>.md:<line>` with Mermaid's own message. Without a browser the build still works:
 * the figures carry their source and the deck draws them in the viewer.
 */
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildContext, BuildError, FenceBlock, FenceResult } from '../build/types';
import { cacheDirFor, cacheKey, mermaidVersion, normalizeDiagramText, readCached, rendererFingerprint, writeCached } from './cache';
import { errorFileLine, mermaidErrorInfo, type MermaidErrorInfo } from './errors';
import { figureHtml, MIN_LEGIBLE_PX, pendingFigureHtml, readOptions, shownFontPx, type DiagramOptions } from './figure';
import type { RenderJob, RenderOutcome } from './renderer';
import { canonicalize, naturalSize } from './svg';
import { DIAGRAM_FONT_SIZE, MERMAID_CONFIG } from './theme';

export const MERMAID_RUNTIME_NEED = 'mermaid-runtime';

export function noBrowserWarning(help: string): string {
  return (
    'Diagramas: no hay navegador para dibujarlos al construir, así que se dibujarán en el navegador de ' +
    'quien abra las diapositivas (más lento: cada sección con diagramas carga Mermaid, unos 5 MB). ' +
    help.replace(/^No se encontró Chromium\. Instálelo/, 'Para dibujarlos al construir, instale Chromium') +
    (process.env.AULA_NO_BROWSER === '1' ? ' (Ahora mismo AULA_NO_BROWSER=1 oculta el navegador a propósito.)' : '')
  );
}

export function browserFailedWarning(reason: string): string {
  return (
    `Diagramas: Chromium no pudo dibujarlos (${reason.split('\n')[0]}), así que se dibujarán en el navegador ` +
    'de quien abra las diapositivas. Compruebe que Chromium arranca (o indique otro en CHROMIUM_PATH).'
  );
}

/** Generous: a cold Chromium on a busy 2-core machine, plus Mermaid's own time per diagram. */
export function browserTimeoutMs(diagrams: number): number {
  return 90_000 + 5_000 * diagrams;
}

interface Prepared {
  fence: FenceBlock;
  text: string;
  key: string;
  options: DiagramOptions;
  source: string;
  svg: string | null;
}

export interface MermaidRenderStats {
  cached: number;
  rendered: number;
  pending: number;
  browser: boolean;
}

/** Last run's numbers, for the benchmark and the build log. */
export const lastStats: MermaidRenderStats = { cached: 0, rendered: 0, pending: 0, browser: false };

export async function renderMermaidFences(
  fences: FenceBlock[],
  ctx: BuildContext,
): Promise<{ results: Map<string, FenceResult>; errors: BuildError[] }> {
  const results = new Map<string, FenceResult>();
  const errors: BuildError[] = [];
  const version = mermaidVersion(ctx.root);
  const renderer = rendererFingerprint(ctx.root);
  const prepared: Prepared[] = [];

  for (const fence of fences) {
    const check = readOptions(fence.options);
    for (const message of check.errors) errors.push({ file: fence.file, line: fence.line, message });
    for (const message of check.warnings) ctx.warn(`${fence.file}:${fence.line}: ${message}`);
    const text = normalizeDiagramText(fence.body);
    if (text.trim() === '') {
      errors.push({ file: fence.file, line: fence.line, message: 'diagrama vacío: escriba el código Mermaid dentro del bloque' });
      continue;
    }
    const key = cacheKey(text, MERMAID_CONFIG, version, renderer);
    prepared.push({ fence, text, key, options: check.options, source: `${fence.file}:${fence.line}`, svg: readCached(ctx.cacheDir, key) });
  }

  const missing = uniqueJobs(prepared.filter((p) => p.svg === null));
  const stats: MermaidRenderStats = { cached: prepared.length - countMissing(prepared), rendered: 0, pending: 0, browser: false };
  const failed = new Map<string, MermaidErrorInfo>();

  if (missing.length > 0) {
    // Loaded only now: Playwright alone costs more than a whole build where every diagram is cached.
    const { findChromium, NO_BROWSER_HELP } = await import('../build/chromium');
    let outcomes: RenderOutcome[] | null = null;
    if (findChromium()) {
      stats.browser = true;
      const { renderInBrowser } = await import('./renderer');
      try {
        outcomes = await renderInBrowser(missing, ctx.root, ctx.cacheDir, browserTimeoutMs(missing.length));
      } catch (e) {
        // A browser that will not start or hangs is treated like no browser: the build goes on.
        ctx.warn(browserFailedWarning((e as Error).message));
      }
    } else {
      ctx.warn(noBrowserWarning(NO_BROWSER_HELP));
    }
    if (outcomes) {
      for (const o of outcomes) {
        if (o.error) {
          failed.set(o.key, o.error);
        } else if (o.svg && o.renderId) {
          const canonical = canonicalize(o.svg, o.renderId);
          if (canonical.width <= 0 || canonical.height <= 0) {
            failed.set(o.key, { message: 'Mermaid devolvió un dibujo vacío (sin tamaño)' });
            continue;
          }
          writeCached(ctx.cacheDir, o.key, canonical.svg);
          for (const p of prepared) if (p.key === o.key) p.svg = canonical.svg;
          stats.rendered++;
        }
      }
    } else {
      for (const [key, info] of await checkSyntaxInNode(missing, ctx)) failed.set(key, info);
    }
  }

  for (const p of prepared) {
    const info = failed.get(p.key);
    if (info) {
      errors.push({ file: p.fence.file, line: errorFileLine(p.fence.line, p.fence.body, info.line), message: info.message });
      continue;
    }
    if (p.svg !== null) {
      const { width, height } = naturalSize(p.svg);
      const px = shownFontPx(width, height, DIAGRAM_FONT_SIZE);
      if (px < MIN_LEGIBLE_PX) {
        ctx.warn(
          `${p.fence.file}:${p.fence.line}: el diagrama (${Math.round(width)}x${Math.round(height)} px) no cabe en la diapositiva ` +
            `sin reducirlo: su texto se verá a ${px} px, poco para un proyector. Pruebe a cambiar de dirección ` +
            `(flowchart LR/TB), acortar textos o partirlo en dos diapositivas.`,
        );
      }
      const figure = figureHtml(p.fence.id, p.svg, p.options, p.source);
      for (const message of figure.problems) errors.push({ file: p.fence.file, line: p.fence.line, message });
      results.set(p.fence.id, { html: figure.html });
    } else {
      stats.pending++;
      results.set(p.fence.id, { html: pendingFigureHtml(p.fence.id, p.text, p.options, p.source), needs: [MERMAID_RUNTIME_NEED] });
    }
  }
  Object.assign(lastStats, stats);
  if (prepared.length) {
    ctx.log(
      `Diagramas: ${prepared.length} (${stats.cached} de la caché, ${stats.rendered} dibujados con Chromium` +
        (stats.pending ? `, ${stats.pending} para dibujar en el visor` : '') +
        ')',
    );
  }
  return { results, errors };
}

function uniqueJobs(items: Prepared[]): RenderJob[] {
  const seen = new Map<string, RenderJob>();
  for (const p of items) if (!seen.has(p.key)) seen.set(p.key, { key: p.key, text: p.text });
  return [...seen.values()];
}

function countMissing(items: Prepared[]): number {
  return items.filter((p) => p.svg === null).length;
}

/**
 * Without a browser, Mermaid can still parse many diagram types in Node. Only genuine syntax
 * errors are reported (parsers that need a DOM fail with unrelated TypeErrors, which the viewer
 * will then show in its error box). Diagrams found correct are remembered in the cache so the
 * next build does not load Mermaid again.
 */
async function checkSyntaxInNode(jobs: RenderJob[], ctx: BuildContext): Promise<Map<string, MermaidErrorInfo>> {
  const failed = new Map<string, MermaidErrorInfo>();
  const dir = cacheDirFor(ctx.cacheDir);
  const todo = jobs.filter((j) => !existsSync(join(dir, `${j.key}.parsed`)));
  if (todo.length === 0) return failed;
  let mermaid: { parse(text: string): Promise<unknown> };
  try {
    mermaid = (await import('mermaid')).default as unknown as typeof mermaid;
  } catch {
    return failed;
  }
  for (const job of todo) {
    try {
      await mermaid.parse(job.text);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${job.key}.parsed`), '');
    } catch (err) {
      if (isSyntaxError(err)) failed.set(job.key, mermaidErrorInfo(err));
    }
  }
  return failed;
}

export function isSyntaxError(err: unknown): boolean {
  const e = err as { name?: unknown; message?: unknown; hash?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.hash && typeof e.hash === 'object') return true;
  if (e.name === 'UnknownDiagramError') return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  return /^(Parse error|Parsing failed|Lexical error|Lexer error)/.test(msg) || /No diagram type detected/.test(msg);
}
