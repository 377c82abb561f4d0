/**
 * The reading view: every slide of every deck, each with its notes under it as the explanation;
 * the toggle button and `?view=scroll`; the switch on narrow screens; back to slides on the same
 * slide; terminals working again after leaving it; reduced motion.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildCourse } from '../../src/build/build';
import { deckUrl, listDecks, openDeck, revealPosition, ROOT, siteUrl, useSite } from './harness';
import { builtConfig, builtSlides, isScrollView, squashAll, waitScrollView } from './reading-kit';

const decks = listDecks();
const site = useSite();

interface PageInfo {
  h: number;
  v: number;
  slideTop: number;
  slideBottom: number;
  slideHeight: number;
  slideVisible: boolean;
  notes: string | null;
  notesTop: number;
  notesBottom: number;
  notesVisible: boolean;
  pageBottom: number;
  nextTop: number | null;
}

async function readingPages(page: Page): Promise<PageInfo[]> {
  // Measured once fonts are in and the pages have been laid out again for them
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .scroll-page'));
    const st = document.body.scrollTop;
    return pages.map((p, i) => {
      const s = p.querySelector<HTMLElement>('section[data-index-h]')!;
      const sr = s.getBoundingClientRect();
      const n = p.querySelector<HTMLElement>(':scope > .aula-reading-notes');
      const nr = n?.getBoundingClientRect();
      const next = pages[i + 1]?.getBoundingClientRect();
      const style = getComputedStyle(s);
      return {
        h: Number(s.dataset.indexH),
        v: Number(s.dataset.indexV),
        slideTop: sr.top + st,
        slideBottom: sr.bottom + st,
        slideHeight: sr.height,
        slideVisible: style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0,
        notes: n ? n.querySelector('.aula-reading-notes-body')!.textContent : null,
        notesTop: nr ? nr.top + st : 0,
        notesBottom: nr ? nr.bottom + st : 0,
        notesVisible: n ? n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden' : false,
        pageBottom: p.getBoundingClientRect().bottom + st,
        nextTop: next ? next.top + st : null,
      };
    });
  });
}

describe('modo lectura', () => {
  for (const slug of decks) {
    test(`${slug}: ?view=scroll muestra cada diapositiva, en orden, con su explicación debajo`, async () => {
      const expected = builtSlides(slug);
      assert.ok(expected.length >= 3, `${slug}: muy pocas diapositivas en el HTML construido`);
      const deck = await openDeck(site.browser, siteUrl('http', `${slug}/index.html?view=scroll`, site.server));
      const { page, record } = deck;
      try {
        await waitScrollView(page, true);
        await page.waitForFunction(() => document.querySelectorAll('.aula-reading-notes').length > 0 || !document.querySelector('.scroll-page aside.notes'));
        const pages = await readingPages(page);
        assert.deepEqual(
          pages.map((p) => [p.h, p.v]),
          expected.map((s) => [s.h, s.v]),
          'las páginas del modo lectura no son las diapositivas de la presentación',
        );
        for (const [i, p] of pages.entries()) {
          const want = expected[i];
          const where = `${slug} #/${want.h}/${want.v} «${want.title}»`;
          assert.ok(p.slideVisible && p.slideHeight > 50, `${where}: la diapositiva no se ve (${p.slideHeight}px)`);
          if (!want.notes) {
            assert.equal(p.notes, null, `${where}: explicación sin notas`);
            continue;
          }
          assert.ok(p.notes !== null, `${where}: faltan las notas debajo de la diapositiva`);
          assert.equal(squashAll(p.notes), squashAll(want.notes), `${where}: las notas no coinciden`);
          assert.ok(p.notesVisible && p.notesBottom - p.notesTop > 10, `${where}: la explicación no se ve`);
          assert.ok(p.notesTop >= p.slideBottom - 2, `${where}: la explicación no está debajo de la diapositiva (${p.notesTop} < ${p.slideBottom})`);
          if (p.nextTop !== null) assert.ok(p.nextTop >= p.notesBottom - 1, `${where}: la explicación se monta sobre la diapositiva siguiente`);
        }
        // Every fragment is shown while reading
        const hidden = await page.$$eval('.scroll-page .fragment', (fs) => fs.filter((f) => Number(getComputedStyle(f).opacity) < 1 || getComputedStyle(f).visibility === 'hidden').length);
        assert.equal(hidden, 0, 'hay fragmentos ocultos en el modo lectura');
        assert.deepEqual(record.errors, []);
      } finally {
        await deck.close();
      }
    });
  }

  test('el botón «Modo lectura» cambia de vista y vuelve a la misma diapositiva', async () => {
    const slug = decks[0];
    const deck = await openDeck(site.browser, deckUrl('http', slug, site.server, '#/2'), { viewport: { width: 1280, height: 720 } });
    const { page, record } = deck;
    try {
      assert.equal(await isScrollView(page), false);
      const button = page.locator('.aula-toolbar button', { hasText: 'Modo lectura' });
      assert.equal(await button.count(), 1, 'falta el botón «Modo lectura»');
      await button.click();
      await waitScrollView(page, true);
      assert.match(page.url(), /[?&]view=scroll/);
      assert.equal(await page.locator('.aula-toolbar button', { hasText: 'Modo diapositivas' }).count(), 1);
      // The slide that was on screen is the one at the top of the reading view
      const top = await page.evaluate(() => {
        const s = document.querySelector<HTMLElement>('.scroll-page section[data-index-h="2"][data-index-v="0"]')!;
        return s.closest('.scroll-page')!.getBoundingClientRect().top;
      });
      assert.ok(top >= 0 && top < 120, `la diapositiva 3 no quedó arriba al entrar en modo lectura (top ${top})`);
      await page.waitForFunction(() => window.Aula!.reveal.getIndices().h === 2);

      // Scroll on by two slides, then back to slides: the deck shows the slide being read
      await page.evaluate(() => {
        const s = document.querySelector<HTMLElement>('.scroll-page section[data-index-h="4"]')!;
        document.body.scrollTop += s.closest('.scroll-page')!.getBoundingClientRect().top - 60;
      });
      await page.waitForFunction(() => window.Aula!.reveal.getIndices().h === 4);
      await page.waitForFunction(() => /#\/4\b/.test(location.hash));
      await page.locator('.aula-toolbar button', { hasText: 'Modo diapositivas' }).click();
      await waitScrollView(page, false);
      assert.doesNotMatch(page.url(), /view=scroll/);
      assert.deepEqual((await revealPosition(page)).slice(0, 2), [4, 0]);
      assert.ok(await page.locator('.reveal .slides > section.present').first().isVisible());
      assert.equal(await page.locator('.aula-reading-notes').count(), 0, 'las explicaciones siguen en modo diapositivas');

      // R switches too
      await page.keyboard.press('r');
      await waitScrollView(page, true);
      await page.keyboard.press('r');
      await waitScrollView(page, false);
      assert.deepEqual(record.errors, []);
    } finally {
      await deck.close();
    }
  });

  test('en una pantalla estrecha se abre en modo lectura; en una ancha, en diapositivas', async () => {
    const slug = decks[0];
    const narrow = await openDeck(site.browser, deckUrl('http', slug, site.server), { viewport: { width: 375, height: 812 } });
    try {
      await waitScrollView(narrow.page, true);
      assert.ok((await narrow.page.locator('.aula-reading-notes').count()) > 0);
      // The student's explicit choice wins over the width
      await narrow.page.locator('.aula-toolbar button.aula-tool-view').click();
      await waitScrollView(narrow.page, false);
      await narrow.page.setViewportSize({ width: 370, height: 800 });
      await narrow.page.waitForTimeout(200);
      assert.equal(await isScrollView(narrow.page), false, 'el modo diapositivas elegido se perdió al cambiar el tamaño');
    } finally {
      await narrow.close();
    }
    const wide = await openDeck(site.browser, deckUrl('http', slug, site.server), { viewport: { width: 1280, height: 720 } });
    try {
      assert.equal(await isScrollView(wide.page), false);
    } finally {
      await wide.close();
    }
  });

  test('con «reducir movimiento» reveal no anima las transiciones', async () => {
    const context = await site.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(deckUrl('http', decks[0], site.server));
      await page.waitForFunction(() => !!window.Aula?.reveal?.isReady());
      const cfg = await page.evaluate(() => {
        const c = window.Aula!.reveal.getConfig();
        return { transition: c.transition, backgroundTransition: c.backgroundTransition };
      });
      assert.deepEqual(cfg, { transition: 'none', backgroundTransition: 'none' });
    } finally {
      await context.close();
    }
  });
});

describe('terminales y modo lectura', () => {
  const OUT = mkdtempSync(join(tmpdir(), 'aula-reading-term-'));
  let built = false;
  before(async () => {
    const r = await buildCourse({ root: ROOT, slidesDir: join(ROOT, 'tests/e2e/fixtures/terminal/slides'), outDir: OUT, log: () => {}, warn: () => {} });
    assert.ok(r.ok, r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
    built = true;
  });
  after(() => rmSync(OUT, { recursive: true, force: true }));

  test('en modo lectura una transcripción larga se lee entera a tamaño normal: la diapositiva crece', async () => {
    assert.ok(built);
    const deck = await openDeck(site.browser, deckUrl('file', 'laboratorio', undefined, '', OUT).replace(/index\.html$/, 'index.html?view=scroll'), { viewport: { width: 1280, height: 800 } });
    const { page } = deck;
    try {
      await waitScrollView(page, true);
      await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => setTimeout(r, 300))));
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.scroll-page .aula-transcript pre')].map((pre) => {
          const r = pre.getBoundingClientRect();
          const page = pre.closest('.scroll-page')!;
          const box = page.querySelector('.scroll-page-content')!.getBoundingClientRect();
          const notes = page.querySelector(':scope > .aula-reading-notes')?.getBoundingClientRect();
          return {
            title: pre.closest('figure')!.getAttribute('aria-label'),
            px: parseFloat(getComputedStyle(pre).fontSize) * (r.width / pre.offsetWidth),
            columns: getComputedStyle(pre).columnCount,
            cut: r.bottom - box.bottom,
            overNotes: notes ? r.bottom - notes.top : -1,
          };
        }),
      );
      assert.ok(shown.length >= 4, JSON.stringify(shown));
      for (const t of shown) {
        assert.ok(t.px >= 14, `${t.title}: letra de ${t.px.toFixed(1)} px`);
        assert.ok(t.columns === 'auto' || t.columns === '1', `${t.title}: ${t.columns} columnas`);
        assert.ok(t.cut <= 1, `${t.title}: ${t.cut.toFixed(0)} px cortados por su página`);
        assert.ok(t.overNotes <= 1, `${t.title}: tapa la explicación`);
      }
    } finally {
      await deck.close();
    }
  });

  test('al salir del modo lectura las terminales vuelven a funcionar', async (t) => {
    assert.ok(built);
    if (!builtConfig('laboratorio', OUT).scripts?.terminal) {
      t.skip('la construcción todavía no incluye terminales en vivo');
      return;
    }
    const deck = await openDeck(site.browser, deckUrl('file', 'laboratorio', undefined, '#/1', OUT), { viewport: { width: 1280, height: 800 } });
    const { page, record } = deck;
    try {
      await page.waitForFunction(() => (window.AulaTerminal?.count() ?? 0) >= 1);
      await page.locator('.aula-tool-view').click();
      await waitScrollView(page, true);
      // In the reading view the terminal gives way to its transcript
      assert.ok(await page.locator('.scroll-page .aula-transcript').first().isVisible(), 'falta la transcripción en modo lectura');
      await page.locator('.aula-tool-view').click();
      await waitScrollView(page, false);
      await page.waitForFunction(() => (window.AulaTerminal?.count() ?? 0) >= 1);
      const term = page.locator('.reveal .slides > section.present .aula-terminal').first();
      await term.locator('.aula-term-screen').click();
      await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA' && !!document.activeElement.closest('.aula-terminal'));
      await page.keyboard.type('docker run hello-world');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => /Hello from Docker!/.test(window.AulaTerminal!.text(document.querySelector('.reveal .slides > section.present .aula-terminal')!)),
        undefined,
        { timeout: 20_000 },
      );
      assert.deepEqual(await revealPosition(page).then((p) => p.slice(0, 2)), [1, 0], 'escribir en la terminal movió la presentación');
      assert.deepEqual(record.errors, []);
    } finally {
      await deck.close();
    }
  });
});
