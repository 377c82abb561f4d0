/**
 * Diagrams drawn at build time, in a real Chromium: a fixture deck with diagrams on slides 1, 5
 * and 9. Every SVG has a real size the moment its slide shows, in the overview, in print view and
 * in the scroll view; the deck requests no Mermaid code; ids never clash; a click enlarges a
 * diagram; broken diagrams fail the build with their lines.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildCourse, type BuildResult } from '../../src/build/build';
import { lastStats } from '../../src/diagrams/build';
import { deckUrl, launchChromium, openDeck, ROOT, siteUrl, startStaticServer, type StaticServer } from './harness';

const FIXTURE = join(ROOT, 'tests/e2e/fixtures/diagrams/slides');
const BROKEN = join(ROOT, 'tests/e2e/fixtures/diagrams-broken/slides');
const SLUG = 'diagramas';
/** horizontal indices of the slides with a diagram (slides 1, 5 and 9) */
const DIAGRAM_SLIDES = [0, 4, 8];

let out: string;
let result: BuildResult;
let warnings: string[];
let browser: Browser;
let server: StaticServer;

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'aula-diagrams-'));
  warnings = [];
  result = await buildCourse({ root: ROOT, slidesDir: FIXTURE, outDir: out, log: () => {}, warn: (m) => warnings.push(m) });
  assert.ok(result.ok, result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  browser = await launchChromium();
  server = await startStaticServer(out);
});

after(async () => {
  await server?.close();
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

interface SvgBox {
  w: number;
  h: number;
  /** size of the drawing inside (getBBox), in SVG units */
  innerW: number;
  innerH: number;
}

/** Sizes of the diagram SVGs inside `selector`, measured now. */
async function svgBoxes(page: Page, selector: string): Promise<SvgBox[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<SVGSVGElement>(`${sel} .aula-diagram svg`)].map((svg) => {
      const r = svg.getBoundingClientRect();
      const g = svg.querySelector('g');
      const b = g ? (g as SVGGraphicsElement).getBBox() : { width: 0, height: 0 };
      return { w: r.width, h: r.height, innerW: b.width, innerH: b.height };
    });
  }, selector);
}

/** Not the 16x16 (or 300x150, or empty) trap: a real drawing with a real size. */
function assertRealSize(boxes: SvgBox[], what: string, min = 100): void {
  assert.ok(boxes.length > 0, `${what}: no hay SVG`);
  for (const b of boxes) {
    assert.ok(b.w >= min && b.h >= 40, `${what}: SVG de ${b.w}x${b.h} px`);
    assert.ok(!(Math.round(b.w) === 16 && Math.round(b.h) === 16), `${what}: SVG de 16x16`);
    assert.ok(!(Math.round(b.w) === 300 && Math.round(b.h) === 150), `${what}: SVG con el tamaño por defecto 300x150`);
    assert.ok(b.innerW > 50 && b.innerH > 20, `${what}: dibujo interior de ${b.innerW}x${b.innerH}`);
  }
}

describe('build', () => {
  test('the deck needs no Mermaid in the browser and no warning was printed', () => {
    const deck = result.decks.find((d) => d.slug === SLUG)!;
    assert.ok(!deck.needs.includes('mermaid-runtime'));
    assert.deepEqual(warnings, []);
    const html = readFileSync(join(out, SLUG, 'index.html'), 'utf8');
    const config = JSON.parse(/<script id="aula-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]);
    assert.equal(config.scripts.mermaid, undefined);
    assert.ok(!readdirSync(join(out, 'assets')).some((f) => /mermaid/i.test(f)), 'no Mermaid bundle in dist/assets');
    assert.equal((html.match(/<figure class="aula-diagram"/g) ?? []).length, 3);
    assert.equal((html.match(/<svg id="mmd-/g) ?? []).length, 3);
  });

  test('a rebuild with no changed diagram starts no browser: it works even with the browser hidden', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aula-diagrams-warm-'));
    const before = process.env.AULA_NO_BROWSER;
    process.env.AULA_NO_BROWSER = '1';
    try {
      const warn: string[] = [];
      const r = await buildCourse({ root: ROOT, slidesDir: FIXTURE, outDir: dir, log: () => {}, warn: (m) => warn.push(m) });
      assert.ok(r.ok);
      assert.deepEqual(warn, [], 'no "no browser" warning: nothing needed drawing');
      assert.deepEqual({ cached: lastStats.cached, rendered: lastStats.rendered, browser: lastStats.browser }, { cached: 3, rendered: 0, browser: false });
      const figures = (html: string) => html.match(/<figure class="aula-diagram[\s\S]*?<\/figure>/g);
      assert.deepEqual(figures(readFileSync(join(dir, SLUG, 'index.html'), 'utf8')), figures(readFileSync(join(out, SLUG, 'index.html'), 'utf8')));
    } finally {
      if (before === undefined) delete process.env.AULA_NO_BROWSER;
      else process.env.AULA_NO_BROWSER = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SVG text is real text (no foreignObject) and ids are unique in the page', () => {
    const html = readFileSync(join(out, SLUG, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<foreignObject/i);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(dup, []);
  });

  test('a broken diagram fails the build, every broken one at its line with Mermaid\'s message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aula-diagrams-broken-'));
    try {
      const r = await buildCourse({ root: ROOT, slidesDir: BROKEN, outDir: dir, log: () => {}, warn: () => {} });
      assert.equal(r.ok, false);
      const file = 'tests/e2e/fixtures/diagrams-broken/slides/01-rotos.md';
      const found = r.errors.map((e) => `${e.file}:${e.line}`);
      assert.deepEqual(found, [`${file}:21`, `${file}:31`]);
      assert.match(r.errors[0].message, /Parse error on line \d+:[\s\S]*Expecting/);
      assert.match(r.errors[1].message, /Parse error on line 3:[\s\S]*Expecting 'TXT'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('in the browser', () => {
  for (const via of ['file', 'http'] as const) {
    test(`${via}: each diagram has a real size the moment its slide shows; no Mermaid request`, async () => {
      const deck = await openDeck(browser, deckUrl(via, SLUG, server, '', out));
      try {
        const { page, record } = deck;
        for (const h of DIAGRAM_SLIDES) {
          // measured synchronously after the slide change, before any other frame
          const boxes = await page.evaluate((h) => {
            const r = window.Aula!.reveal;
            r.slide(h, 0);
            return [...r.getCurrentSlide().querySelectorAll<SVGSVGElement>('.aula-diagram svg')].map((svg) => {
              const b = svg.getBoundingClientRect();
              const g = (svg.querySelector('g') as SVGGraphicsElement).getBBox();
              return { w: b.width, h: b.height, innerW: g.width, innerH: g.height };
            });
          }, h);
          assertRealSize(boxes, `diapositiva ${h + 1}`);
        }
        const mermaidRequests = record.requests.filter((u) => /mermaid/i.test(u));
        assert.deepEqual(mermaidRequests, []);
        assert.deepEqual(record.errors, []);
        assert.deepEqual(record.foreign([server.url]), []);
      } finally {
        await deck.close();
      }
    });
  }

  test('diagrams fit the slide: never wider than it, never running off its bottom', async () => {
    const deck = await openDeck(browser, deckUrl('http', SLUG, server, '', out));
    try {
      for (const h of DIAGRAM_SLIDES) {
        await deck.page.evaluate((h) => window.Aula!.reveal.slide(h, 0), h);
        const fit = await deck.page.evaluate(() => {
          const slide = window.Aula!.reveal.getCurrentSlide();
          const s = slide.getBoundingClientRect();
          const scale = s.width / slide.offsetWidth;
          const svg = slide.querySelector('.aula-diagram svg')!.getBoundingClientRect();
          const fig = slide.querySelector('.aula-diagram')!.getBoundingClientRect();
          // the 960x700 slide area, as reveal scaled it into the window
          const viewport = document.querySelector('.reveal .slides')!.getBoundingClientRect();
          return { svgW: svg.width / scale, slideW: slide.offsetWidth, figBottom: fig.bottom, viewBottom: viewport.bottom, overflowX: slide.scrollWidth > slide.clientWidth + 1 };
        });
        assert.ok(fit.svgW <= fit.slideW + 1, `diapositiva ${h + 1}: ${fit.svgW} > ${fit.slideW}`);
        assert.ok(fit.figBottom <= fit.viewBottom, `diapositiva ${h + 1}: la figura se sale por abajo`);
        assert.equal(fit.overflowX, false);
      }
    } finally {
      await deck.close();
    }
  });

  test('overview: every diagram is drawn at its scaled size', async () => {
    const deck = await openDeck(browser, deckUrl('http', SLUG, server, '', out));
    try {
      await deck.page.evaluate(() => window.Aula!.reveal.toggleOverview(true));
      await deck.page.waitForFunction(() => window.Aula!.reveal.isOverview());
      const ratios = await deck.page.evaluate((slides) =>
        slides.map((h) => {
          const slide = window.Aula!.reveal.getSlide(h) as HTMLElement;
          const svg = slide.querySelector('.aula-diagram svg')!.getBoundingClientRect();
          const s = slide.getBoundingClientRect();
          // tall diagrams are narrow: what matters is the larger of the two proportions
          return Math.max(svg.width / s.width, svg.height / s.height);
        }),
        DIAGRAM_SLIDES,
      );
      for (const r of ratios) assert.ok(r > 0.3, `en la vista general el SVG ocupa ${r} de la diapositiva`);
    } finally {
      await deck.close();
    }
  });

  test('print view (?print-pdf): every diagram has a real size on its page', async () => {
    const deck = await openDeck(browser, deckUrl('http', SLUG, server, '?print-pdf', out));
    try {
      await deck.page.waitForFunction(() => document.documentElement.classList.contains('print-pdf') && document.querySelectorAll('.pdf-page').length > 0);
      const boxes = await svgBoxes(deck.page, '.reveal .slides');
      assert.equal(boxes.length, 3);
      assertRealSize(boxes, 'vista de impresión');
    } finally {
      await deck.close();
    }
  });

  test('scroll view (?view=scroll): every diagram has a real size when scrolled to', async () => {
    const deck = await openDeck(browser, siteUrl('http', `${SLUG}/index.html?view=scroll`, server, out));
    try {
      const { page } = deck;
      await page.waitForFunction(() => (window.Aula!.reveal as unknown as { isScrollView(): boolean }).isScrollView());
      const count = await page.locator('.reveal .aula-diagram svg').count();
      assert.equal(count, 3);
      for (let i = 0; i < count; i++) {
        const svg = page.locator('.reveal .aula-diagram svg').nth(i);
        await svg.scrollIntoViewIfNeeded();
        const b = await svg.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const g = (el.querySelector('g') as SVGGraphicsElement).getBBox();
          return { w: r.width, h: r.height, innerW: g.width, innerH: g.height };
        });
        assertRealSize([b], `vista de lectura, diagrama ${i + 1}`, 80);
      }
    } finally {
      await deck.close();
    }
  });

  // Reading view and print show every step with `transform: none` on fragments: the stepped
  // nodes must stay where the layout put them, not pile up at the drawing's corner.
  const printViews = [
    ['scroll view', '?view=scroll', 'screen'],
    ['PDF export view', '?print-pdf&pdfSeparateFragments=false', 'print'],
    ['browser printing', '', 'print'],
  ] as const;
  for (const [view, query, media] of printViews) {
    test(`${view}: the nodes of a stepped diagram keep their places`, async () => {
      const deck = await openDeck(browser, siteUrl('http', `${SLUG}/index.html${query}`, server, out));
      try {
        const { page } = deck;
        await page.emulateMedia({ media });
        await page.waitForFunction(() => document.querySelectorAll('.reveal .aula-diagram svg g.node').length >= 5);
        await page.locator('.reveal .aula-diagram svg').first().scrollIntoViewIfNeeded();
        const nodes = await page.evaluate(() => {
          const svg = document.querySelector('.reveal .aula-diagram svg')!;
          const frame = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('g.node')].map((g) => {
            const r = g.getBoundingClientRect();
            const st = getComputedStyle(g.querySelector('.fragment') ?? g);
            return { id: g.id.replace(/^.*-flowchart-/, ''), x: r.x + r.width / 2 - frame.x, y: r.y + r.height / 2 - frame.y, w: r.width, shown: st.visibility !== 'hidden' && st.opacity !== '0' };
          });
        });
        assert.equal(nodes.length, 5);
        for (const n of nodes) assert.ok(n.shown && n.w > 20, `${n.id} se ve: ${JSON.stringify(n)}`);
        for (let i = 0; i < nodes.length; i++)
          for (let j = i + 1; j < nodes.length; j++) {
            const [a, b] = [nodes[i], nodes[j]];
            assert.ok(Math.hypot(a.x - b.x, a.y - b.y) > 20, `${a.id} y ${b.id} en el mismo sitio: ${JSON.stringify(nodes)}`);
          }
      } finally {
        await deck.close();
      }
    });
  }

  test('speaker view frames (?receiver) show the diagrams at a real size', async () => {
    const deck = await openDeck(browser, deckUrl('http', SLUG, server, '?receiver#/4', out));
    try {
      const boxes = await deck.page.evaluate(() =>
        [...window.Aula!.reveal.getCurrentSlide().querySelectorAll<SVGSVGElement>('.aula-diagram svg')].map((svg) => {
          const b = svg.getBoundingClientRect();
          const g = (svg.querySelector('g') as SVGGraphicsElement).getBBox();
          return { w: b.width, h: b.height, innerW: g.width, innerH: g.height };
        }),
      );
      assertRealSize(boxes, 'vista del ponente');
    } finally {
      await deck.close();
    }
  });

  test('steps: parts of a diagram appear as reveal fragments, in order', async () => {
    const deck = await openDeck(browser, deckUrl('http', SLUG, server, '', out));
    try {
      const { page } = deck;
      const shown = () =>
        page.evaluate(() => {
          const svg = window.Aula!.reveal.getCurrentSlide().querySelector('.aula-diagram svg')!;
          // no named helper here: the test runner's compiler would wrap it in a function the page lacks
          const selectors = { registro: 'g.node[id*="-flowchart-R-"]', k1: 'g.node[id*="-flowchart-K1-"]', k2: 'g.node[id*="-flowchart-K2-"]', motor: 'g.node[id*="-flowchart-M-"]', pullEdge: 'path[id$="-L_M_R_0"]' };
          return Object.fromEntries(
            Object.entries(selectors).map(([k, sel]) => {
              // a positioned group carries its step on a wrapper just inside it
              const el = svg.querySelector(sel)!;
              const st = getComputedStyle(el.querySelector(':scope > .fragment') ?? el);
              return [k, st.visibility !== 'hidden' && st.opacity !== '0'];
            }),
          );
        });
      await page.evaluate(() => window.Aula!.reveal.slide(0, 0, -1));
      await page.waitForTimeout(400); // fragment transitions
      assert.deepEqual(await shown(), { registro: false, k1: false, k2: false, motor: true, pullEdge: false });
      await page.evaluate(() => window.Aula!.reveal.next());
      await page.waitForTimeout(400);
      assert.deepEqual(await shown(), { registro: true, k1: false, k2: false, motor: true, pullEdge: true });
      await page.evaluate(() => window.Aula!.reveal.next());
      await page.waitForTimeout(400);
      assert.deepEqual(await shown(), { registro: true, k1: true, k2: true, motor: true, pullEdge: true });
      // sequence: one message per step
      await page.evaluate(() => window.Aula!.reveal.slide(4, 0, -1));
      const steps = await page.evaluate(() => {
        const slide = window.Aula!.reveal.getCurrentSlide();
        return [...slide.querySelectorAll('.aula-diagram svg [class*="messageLine"]')].map((el) => (el as SVGElement).dataset.fragmentIndex);
      });
      assert.deepEqual(steps, ['0', '1', '2', '3']);
    } finally {
      await deck.close();
    }
  });

  test('a click enlarges the diagram over the window; Esc closes it and the slide stays', async () => {
    const deck = await openDeck(browser, deckUrl('http', SLUG, server, '#/4', out));
    try {
      const { page } = deck;
      await page.locator('.reveal .slides section.present .aula-diagram-frame').click();
      const zoom = page.locator('.aula-diagram-zoom');
      await zoom.waitFor();
      const size = await zoom.locator('svg').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { w: r.width, h: r.height, vw: innerWidth, vh: innerHeight, id: el.id };
      });
      assert.ok(size.w > size.vw * 0.8 || size.h > size.vh * 0.6, `ampliado: ${size.w}x${size.h} en ${size.vw}x${size.vh}`);
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
      assert.equal(ids.length, new Set(ids).size, 'la copia ampliada tiene ids propios');
      await page.keyboard.press('Escape');
      await zoom.waitFor({ state: 'detached' });
      const idx = await page.evaluate(() => window.Aula!.reveal.getIndices());
      assert.equal(idx.h, 4);
      assert.equal(await page.evaluate(() => window.Aula!.reveal.isOverview()), false);
      // keyboard: focus the diagram and press Enter
      await page.locator('.reveal .slides section.present .aula-diagram-frame').focus();
      await page.keyboard.press('Enter');
      await zoom.waitFor();
      await page.keyboard.press('Escape');
      await zoom.waitFor({ state: 'detached' });
      assert.deepEqual(deck.record.errors, []);
    } finally {
      await deck.close();
    }
  });
});

