/**
 * The viewer fallback: the course built with the browser marked unavailable (AULA_NO_BROWSER=1),
 * then opened in Chromium. The build warns once and still succeeds; the deck loads Mermaid
 * lazily and draws every diagram off-screen, so even slides never shown have a full drawing;
 * a diagram only the viewer finds broken shows a visible error box with Mermaid's message.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildCourse, type BuildResult } from '../../src/build/build';
import { cacheDirFor, cacheKey, mermaidVersion, normalizeDiagramText, rendererFingerprint } from '../../src/diagrams/cache';
import { MERMAID_CONFIG } from '../../src/diagrams/theme';
import { deckUrl, launchChromium, openDeck, ROOT, startStaticServer, type StaticServer } from './harness';

const FIXTURE = join(ROOT, 'tests/e2e/fixtures/diagrams-fallback/slides');
const SLUG = 'visor';
const DIAGRAM_SLIDES = [0, 4, 8];
const BROKEN_SLIDE = 10;

let out: string;
let result: BuildResult;
let warnings: string[];
let browser: Browser;
let server: StaticServer;

/** Drops the fixture's diagrams from the build cache, so the build really has nothing drawn. */
function forgetCachedDrawings(): void {
  const md = readFileSync(join(FIXTURE, '01-visor.md'), 'utf8');
  for (const m of md.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)\n```$/gm)) {
    const key = cacheKey(normalizeDiagramText(m[1]), MERMAID_CONFIG, mermaidVersion(ROOT), rendererFingerprint(ROOT));
    rmSync(join(cacheDirFor(join(ROOT, '.cache')), `${key}.svg`), { force: true });
  }
}

before(async () => {
  forgetCachedDrawings();
  out = mkdtempSync(join(tmpdir(), 'aula-diagrams-visor-'));
  warnings = [];
  const before = process.env.AULA_NO_BROWSER;
  process.env.AULA_NO_BROWSER = '1';
  try {
    result = await buildCourse({ root: ROOT, slidesDir: FIXTURE, outDir: out, log: () => {}, warn: (m) => warnings.push(m) });
  } finally {
    if (before === undefined) delete process.env.AULA_NO_BROWSER;
    else process.env.AULA_NO_BROWSER = before;
  }
  assert.ok(result.ok, result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  browser = await launchChromium();
  server = await startStaticServer(out);
});

after(async () => {
  await server?.close();
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

function config(): { needs: string[]; scripts: Record<string, string> } {
  const html = readFileSync(join(out, SLUG, 'index.html'), 'utf8');
  return JSON.parse(/<script id="aula-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]);
}

async function waitDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.aulaDiagrams === 'ready' && !document.querySelector('.aula-diagram-pending'), undefined, {
    timeout: 60_000,
  });
}

interface Drawn {
  /** viewBox size: what Mermaid measured when it drew the diagram */
  vbW: number;
  vbH: number;
  w: number;
  h: number;
}

async function drawnIn(page: Page, selector: string): Promise<Drawn[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<SVGSVGElement>(`${sel} .aula-diagram svg`)].map((svg) => {
      const vb = svg.viewBox.baseVal;
      const r = svg.getBoundingClientRect();
      return { vbW: vb?.width ?? 0, vbH: vb?.height ?? 0, w: r.width, h: r.height };
    });
  }, selector);
}

function assertDrawnWell(d: Drawn[], what: string, shown: boolean): void {
  assert.ok(d.length > 0, `${what}: sin SVG`);
  for (const x of d) {
    assert.ok(x.vbW > 100 && x.vbH > 40, `${what}: dibujado a ${x.vbW}x${x.vbH} (la trampa de 16x16)`);
    if (shown) assert.ok(x.w >= 80 && x.h >= 40, `${what}: se ve a ${x.w}x${x.h} px`);
  }
}

test('the build succeeds with one clear warning and the deck needs the viewer runtime', () => {
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /Diagramas: no hay navegador/);
  assert.match(warnings[0], /apt-get install chromium/);
  const deck = result.decks.find((d) => d.slug === SLUG)!;
  assert.ok(deck.needs.includes('mermaid-runtime'));
  const c = config();
  assert.match(c.scripts.mermaid, /^\.\.\/assets\/mermaid\.[A-Za-z0-9]+\.js$/);
  assert.ok(existsSync(join(out, SLUG, c.scripts.mermaid)));
  const html = readFileSync(join(out, SLUG, 'index.html'), 'utf8');
  assert.equal((html.match(/aula-diagram-pending/g) ?? []).length, 4);
  assert.doesNotMatch(html, /<svg id="mmd-/);
});

test('file://: every diagram is drawn at full size, also on slides never shown', async () => {
  const deck = await openDeck(browser, deckUrl('file', SLUG, undefined, '', out));
  try {
    const { page } = deck;
    await waitDrawn(page);
    // still on slide 1: slides 5 and 9 are hidden, yet were drawn off-screen at full size
    assertDrawnWell(await drawnIn(page, '.reveal .slides'), 'diapositivas ocultas', false);
    for (const h of DIAGRAM_SLIDES) {
      await page.evaluate((h) => window.Aula!.reveal.slide(h, 0), h);
      assertDrawnWell(await drawnIn(page, '.reveal .slides section.present'), `diapositiva ${h + 1}`, true);
      // drawn after reveal laid the slide out: it was laid out again, nothing runs off the bottom
      const fit = await page.evaluate(() => {
        const fig = window.Aula!.reveal.getCurrentSlide().querySelector('.aula-diagram')!.getBoundingClientRect();
        const area = document.querySelector('.reveal .slides')!.getBoundingClientRect();
        return { bottom: fig.bottom, top: fig.top, areaBottom: area.bottom, areaTop: area.top };
      });
      assert.ok(fit.bottom <= fit.areaBottom + 1 && fit.top >= fit.areaTop - 1, `diapositiva ${h + 1}: ${JSON.stringify(fit)}`);
    }
    assert.ok(deck.record.requests.some((u) => /\/assets\/mermaid\.[^/]+\.js$/.test(u)), 'Mermaid cargado por el visor');
    // steps=messages: the viewer marks each message as a fragment too
    const steps = await page.evaluate(() =>
      [...window.Aula!.reveal.getSlide(4)!.querySelectorAll('.aula-diagram svg [class*="messageLine"]')].map((el) => (el as SVGElement).dataset.fragmentIndex),
    );
    assert.deepEqual(steps, ['0', '1']);
  } finally {
    await deck.close();
  }
});

test('a diagram only the viewer finds broken shows a visible error box with the message', async () => {
  const deck = await openDeck(browser, deckUrl('http', SLUG, server, `#/${BROKEN_SLIDE}`, out));
  try {
    const { page } = deck;
    await waitDrawn(page);
    const box = page.locator('.reveal .slides section.present .aula-diagram-error');
    await box.waitFor({ state: 'visible' });
    const text = await box.innerText();
    assert.match(text, /No se pudo dibujar este diagrama/);
    assert.match(text, /Parse error/);
    assert.match(text, /Un diagrama con un error que solo el visor detecta/);
    const r = await box.boundingBox();
    assert.ok(r && r.width > 100 && r.height > 40, 'caja de error visible, no vacía');
  } finally {
    await deck.close();
  }
});

test('remounting (scroll view on and off) never draws a diagram twice', async () => {
  const deck = await openDeck(browser, deckUrl('http', SLUG, server, '', out));
  try {
    const { page } = deck;
    await waitDrawn(page);
    await page.evaluate(() => {
      window.Aula!.remount();
      window.Aula!.remount();
    });
    await waitDrawn(page);
    const perFigure = await page.evaluate(() => [...document.querySelectorAll('.reveal .aula-diagram')].map((f) => f.querySelectorAll('svg[id^="mmd-"]').length));
    assert.deepEqual(perFigure, [1, 1, 1, 0]);
  } finally {
    await deck.close();
  }
});

test('scroll view: diagrams drawn in the viewer have a real size', async () => {
  const deck = await openDeck(browser, deckUrl('http', SLUG, server, '?view=scroll', out));
  try {
    const { page } = deck;
    await page.waitForFunction(() => (window.Aula!.reveal as unknown as { isScrollView(): boolean }).isScrollView());
    await waitDrawn(page);
    const svgs = page.locator('.reveal .aula-diagram svg[id^="mmd-"]');
    assert.equal(await svgs.count(), 3);
    for (let i = 0; i < 3; i++) {
      await svgs.nth(i).scrollIntoViewIfNeeded();
      const d = await svgs.nth(i).evaluate((svg) => {
        const vb = (svg as SVGSVGElement).viewBox.baseVal;
        const r = svg.getBoundingClientRect();
        return { vbW: vb.width, vbH: vb.height, w: r.width, h: r.height };
      });
      assertDrawnWell([d], `vista de lectura, diagrama ${i + 1}`, true);
    }
  } finally {
    await deck.close();
  }
});

test('print view: diagrams drawn in the viewer have a real size', async () => {
  const deck = await openDeck(browser, deckUrl('http', SLUG, server, '?print-pdf', out));
  try {
    const { page } = deck;
    await page.waitForFunction(() => document.documentElement.classList.contains('print-pdf'));
    await waitDrawn(page);
    const d = await drawnIn(page, '.reveal .slides');
    assert.equal(d.length, 3);
    assertDrawnWell(d, 'vista de impresión', true);
    // each page still holds its whole slide once the diagrams arrived
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.pdf-page')]
        .filter((p) => p.querySelector('.aula-diagram svg'))
        .map((p) => {
          const s = p.querySelector<HTMLElement>(':scope > section')!.getBoundingClientRect();
          const r = p.getBoundingClientRect();
          return s.bottom - r.bottom;
        }),
    );
    for (const o of overflow) assert.ok(o <= 1, `la diapositiva se sale ${o} px de su página`);
  } finally {
    await deck.close();
  }
});
