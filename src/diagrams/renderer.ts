/**
 * Build-time rendering: one headless Chromium, one blank page, the Mermaid render page script
 * (bundled once and kept in .cache), every diagram of the course drawn in a single call.
 * No network: the page is set from a string and the script and fonts are inlined.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { launchChromium } from '../build/chromium';
import { cacheDirFor, mermaidVersion, rendererFingerprint } from './cache';
import type { RenderJob, RenderOutcome } from './render-page';

export type { RenderJob, RenderOutcome };


// The build runs bundled from elsewhere, so paths start at the project root, never at this file.
function sourceDir(root: string): string {
  return join(root, 'src', 'diagrams');
}

/** Path of the render page bundle, building it into the cache when missing. */
export async function renderPageScript(root: string, cacheDir: string): Promise<string> {
  const here = sourceDir(root);
  const h = createHash('sha256').update(`${mermaidVersion(root)} ${rendererFingerprint(root)}`);
  const out = join(cacheDirFor(cacheDir), `render-page.${h.digest('hex').slice(0, 16)}.js`);
  if (existsSync(out)) return out;
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(here, 'render-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    minify: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
  // Older bundles (another Mermaid version or renderer) weigh 5 MB each and will not be used again.
  for (const f of readdirSync(dirname(out))) {
    if (/^render-page\.[0-9a-f]+\.js$/.test(f) && join(dirname(out), f) !== out) rmSync(join(dirname(out), f), { force: true });
  }
  return out;
}

/** @font-face rules with the deck's fonts inlined, so text is measured with the glyphs shown. */
export function fontFaceCss(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  const dir = join(dirname(require.resolve('@fontsource/atkinson-hyperlegible/package.json')), 'files');
  const faces: string[] = [];
  for (const weight of [400, 700]) {
    for (const style of ['normal', 'italic']) {
      for (const subset of ['latin', 'latin-ext']) {
        const file = join(dir, `atkinson-hyperlegible-${subset}-${weight}-${style}.woff2`);
        if (!existsSync(file)) continue;
        const data = readFileSync(file).toString('base64');
        faces.push(
          `@font-face{font-family:"Atkinson Hyperlegible";font-style:${style};font-weight:${weight};` +
            `src:url(data:font/woff2;base64,${data}) format("woff2");}`,
        );
      }
    }
  }
  return faces.join('\n');
}

function pageHtml(root: string): string {
  return (
    '<!doctype html><html lang="es"><head><meta charset="utf-8"><style>' +
    fontFaceCss(root) +
    'html,body{margin:0;background:#fff}#host{position:absolute;left:0;top:0;width:1600px}' +
    '</style></head><body><div id="host"></div></body></html>'
  );
}

/** Draws every job in one browser session. Throws only when the browser itself fails. */
export async function renderInBrowser(jobs: RenderJob[], root: string, cacheDir: string, timeoutMs = 120_000): Promise<RenderOutcome[]> {
  if (jobs.length === 0) return [];
  const script = await renderPageScript(root, cacheDir);
  const browser = await launchChromium();
  // A hung page must not hang the build: closing the browser makes the pending call fail.
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void browser.close();
  }, timeoutMs);
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/*', (route) => route.abort());
    await page.setContent(pageHtml(root), { waitUntil: 'load' });
    await page.addScriptTag({ path: script });
    await page.evaluate(async () => {
      await document.fonts.load('20px "Atkinson Hyperlegible"');
      await document.fonts.load('bold 20px "Atkinson Hyperlegible"');
      await document.fonts.ready;
    });
    const ready = await page.evaluate(() => typeof window.aulaRenderDiagrams === 'function');
    if (!ready) throw new Error(`la página de dibujo de diagramas no arrancó: ${pageErrors.join('; ') || 'sin detalles'}`);
    return await page.evaluate((batch) => window.aulaRenderDiagrams!(batch), jobs);
  } catch (e) {
    if (timedOut) throw new Error(`sin respuesta en ${Math.round(timeoutMs / 1000)} s`);
    throw e;
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}
