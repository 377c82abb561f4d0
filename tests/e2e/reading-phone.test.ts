/**
 * Phones (375×812): the landing page and every deck's reading view fit the width (no horizontal
 * scroll), their controls are at least 44px tap targets, and a deck in slide mode scales to fit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { deckUrl, listDecks, recordContext, siteUrl, waitForDeck, useSite } from './harness';
import { waitScrollView } from './reading-kit';

const PHONE = { width: 375, height: 812 };
const decks = listDecks();
const site = useSite();

/**
 * What sticks out sideways: the page's own scroll width, and any visible element (outside the
 * scaled slides, which reveal clips to their frame) whose box leaves the screen.
 */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > w) problems.push(`documento ${doc.scrollWidth}px`);
    if (document.body.scrollWidth > document.body.clientWidth + 1) problems.push(`body ${document.body.scrollWidth}px > ${document.body.clientWidth}px`);
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (el.closest('.scroll-page-content, .reveal .slides > section, .backgrounds, .aula-dialog:not([open]), script, style, svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.position === 'fixed' && r.right <= 0) continue;
      if (r.right > w + 1 || r.left < -1) {
        // Content inside a box that scrolls or clips sideways is fine
        let clipped = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const ox = getComputedStyle(p).overflowX;
          if (ox !== 'visible') {
            const pr = p.getBoundingClientRect();
            if (pr.right <= w + 1 && pr.left >= -1) clipped = true;
            break;
          }
        }
        if (!clipped) problems.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
    }
    return problems.slice(0, 10);
  });
}

/** Controls smaller than 44×44 px (inline links inside running text are exempt, as in WCAG 2.5.8). */
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) =>
    els
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 - 0.5 || r.height < 44 - 0.5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 30)}» ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

test('portada a 375 px: sin desplazamiento horizontal y con objetivos táctiles de 44 px', async () => {
  const context = await site.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const record = recordContext(context);
  const page = await context.newPage();
  try {
    await page.goto(siteUrl('http', 'index.html', site.server));
    await page.waitForSelector('.aula-badge');
    assert.deepEqual(await overflow(page), []);
    // With results listed too
    await page.locator('.aula-landing-tools input[type=search]').fill('imágenes');
    await page.waitForSelector('.aula-landing-tools a.aula-search-result');
    assert.deepEqual(await overflow(page), []);
    assert.deepEqual(await smallTargets(page, 'main ol.sections a, .aula-search input, a.aula-search-result, .aula-clear button, main button'), []);
    assert.deepEqual(record.errors, []);
  } finally {
    await context.close();
  }
});

for (const slug of decks) {
  test(`${slug} a 375 px: se abre en modo lectura, cabe en el ancho, y en diapositivas escala sin recortar`, async () => {
    const context = await site.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const record = recordContext(context);
    const page = await context.newPage();
    try {
      await page.goto(deckUrl('http', slug, site.server));
      await waitForDeck(page);
      await waitScrollView(page, true);
      assert.deepEqual(await overflow(page), []);
      // Reading all the way down keeps fitting (the notes of every slide)
      const pages = await page.locator('.scroll-page').count();
      for (let i = 0; i < pages; i += 4) {
        await page.evaluate((n) => document.querySelectorAll('.scroll-page')[n].scrollIntoView(), i);
        assert.deepEqual(await overflow(page), [], `desborda cerca de la página ${i + 1}`);
      }
      const notes = await page.$$eval('.aula-reading-notes', (ns) => ns.map((n) => n.getBoundingClientRect()).filter((r) => r.left < 0 || r.right > 375).length);
      assert.equal(notes, 0, 'alguna explicación se sale de la pantalla');
      // Each slide is scaled into the width
      const slides = await page.$$eval('.scroll-page section[data-index-h]', (ss) => ss.map((s) => s.getBoundingClientRect()).filter((r) => r.left < -1 || r.right > 376).length);
      assert.equal(slides, 0, 'alguna diapositiva es más ancha que la pantalla');
      assert.deepEqual(await smallTargets(page, '.aula-toolbar button, .aula-home, .aula-resume button, .scroll-page section button'), []);
      // Transcripts (with their caption and button) and diagram captions are readable on the
      // phone, not a print layout shrunk with the slide
      const tiny = await page.$$eval('.aula-transcript pre, .aula-transcript figcaption, .aula-transcript-open:not([hidden]), .aula-diagram figcaption', (els) =>
        els
          .map((el) => {
            const h = el as HTMLElement;
            const px = parseFloat(getComputedStyle(h).fontSize) * (h.getBoundingClientRect().width / h.offsetWidth);
            return { name: `${h.tagName.toLowerCase()} «${(h.textContent ?? '').trim().slice(0, 30)}»`, px, cols: getComputedStyle(h).columnCount };
          })
          .filter((t) => t.px < 11.9 || (t.cols !== 'auto' && t.cols !== '1'))
          .map((t) => `${t.name} ${t.px.toFixed(1)}px ${t.cols} columnas`),
      );
      assert.deepEqual(tiny, []);

      // Slide mode on the phone: the whole slide is inside the screen
      await page.locator('.aula-toolbar .aula-tool-view').click();
      await waitScrollView(page, false);
      await page.waitForTimeout(100);
      const fit = await page.evaluate(() => {
        const slide = document.querySelector('.reveal .slides > section.present')!;
        const r = (slide.classList.contains('stack') ? slide.querySelector('section.present')! : slide).getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, w: innerWidth, h: innerHeight };
      });
      assert.ok(fit.left >= -1 && fit.right <= fit.w + 1 && fit.top >= -1 && fit.bottom <= fit.h + 1, `la diapositiva no cabe: ${JSON.stringify(fit)}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
      assert.deepEqual(record.errors, []);
    } finally {
      await context.close();
    }
  });
}

test('en el móvil, un toque en un diagrama ancho lo abre a tamaño legible y se recorre deslizando', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    // the widest diagram of the course: the one that shrinks most on an upright phone
    let best: { slug: string; ratio: number } | null = null;
    for (const slug of decks) {
      await page.goto(deckUrl('file', slug));
      await waitForDeck(page);
      const ratio = await page.evaluate(() => Math.max(0, ...[...document.querySelectorAll<SVGSVGElement>('.aula-diagram svg')].map((s) => s.viewBox.baseVal.width / Math.max(1, s.viewBox.baseVal.height))));
      if (ratio > (best?.ratio ?? 0)) best = { slug, ratio };
    }
    assert.ok(best && best.ratio > 2, 'el curso no tiene ningún diagrama ancho');
    await page.goto(deckUrl('file', best.slug));
    await waitScrollView(page, true);
    const frame = page.locator('.reveal .aula-diagram-frame').filter({ has: page.locator('svg') });
    const n = await frame.count();
    let i = 0;
    for (; i < n; i++) {
      const r = await frame.nth(i).evaluate((f) => { const b = f.querySelector('svg')!.viewBox.baseVal; return b.width / b.height; });
      if (r === best.ratio) break;
    }
    await frame.nth(i).scrollIntoViewIfNeeded();
    await frame.nth(i).tap();
    const zoom = page.locator('.aula-diagram-zoom');
    await zoom.waitFor();
    const shown = await zoom.evaluate((z) => {
      const text = z.querySelector('svg text')!;
      const m = (text as SVGGraphicsElement).getScreenCTM()!;
      const body = z.querySelector<HTMLElement>('.aula-diagram-zoom-body')!;
      return { px: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b), pans: body.scrollWidth > body.clientWidth + 1 };
    });
    assert.ok(shown.px >= 14, `texto del diagrama ampliado: ${shown.px.toFixed(1)} px`);
    assert.ok(shown.pans, 'el diagrama ampliado no se puede recorrer');
    await zoom.locator('.aula-diagram-zoom-close').tap();
    await zoom.waitFor({ state: 'detached' });
  } finally {
    await context.close();
  }
});

test('en un móvil de 390 px el modo lectura compone la diapositiva al ancho de la pantalla: texto de al menos 16 px', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    for (const slug of decks) {
      await page.goto(deckUrl('file', slug));
      await waitScrollView(page, true);
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.scroll-page section > ul > li, .scroll-page section > p')]
          .filter((el) => el.getClientRects().length && !el.closest('aside'))
          .map((el) => parseFloat(getComputedStyle(el).fontSize) * (el.getBoundingClientRect().width / el.offsetWidth)),
      );
      assert.ok(sizes.length > 0, slug);
      const small = sizes.filter((px) => px < 16);
      assert.deepEqual(small.map((px) => px.toFixed(1)), [], `${slug}: texto de menos de 16 px`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, `${slug}: se desborda a lo ancho`);
    }
  } finally {
    await context.close();
  }
});
