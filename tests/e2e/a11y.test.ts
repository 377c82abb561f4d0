/**
 * Accessibility: axe-core finds no serious or critical problem on the landing page and on a deck
 * in both views (and with its dialogs open); pages are in Spanish, headings go in order, images
 * and diagrams have text alternatives, the tools are reachable with the keyboard, and `?` opens
 * the Spanish keyboard help.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { deckUrl, listDecks, openDeck, siteUrl, waitForDeck, useSite } from './harness';
import { describeViolations, ruleViolations, seriousViolations, waitScrollView } from './reading-kit';

const decks = listDecks();
const site = useSite();

/** The deck with the most varied content (diagrams, images, code) makes the strictest check. */
function richestDeck(): string {
  return decks.includes('capas') ? 'capas' : decks[Math.min(1, decks.length - 1)];
}

/** Heading levels in document order that skip a level going down (h2 followed by h4). */
async function headingJumps(page: Page, scope = 'body'): Promise<string[]> {
  return page.$$eval(`${scope} h1, ${scope} h2, ${scope} h3, ${scope} h4, ${scope} h5, ${scope} h6`, (hs) => {
    const jumps: string[] = [];
    let prev = 0;
    for (const h of hs) {
      if (h.closest('aside.notes, [hidden], dialog:not([open])')) continue;
      const level = Number(h.tagName[1]);
      if (prev && level > prev + 1) jumps.push(`h${prev} → h${level} «${h.textContent?.trim().slice(0, 40)}»`);
      prev = level;
    }
    return jumps;
  });
}

describe('accesibilidad', () => {
  test('portada: idioma, títulos en orden y sin problemas graves (axe)', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(siteUrl('http', 'index.html', site.server));
      await page.waitForSelector('.aula-badge');
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(await headingJumps(page), []);
      let v = await seriousViolations(page);
      assert.deepEqual(v, [], describeViolations(v));
      // With search results on screen
      await page.locator('.aula-landing-tools input[type=search]').fill('contenedor');
      await page.waitForSelector('a.aula-search-result');
      v = await seriousViolations(page);
      assert.deepEqual(v, [], describeViolations(v));
      // Progress badges in every state
      await page.evaluate((slugs) => {
        localStorage.setItem(`aula.progress.${slugs[0]}`, JSON.stringify({ h: 1, v: 0, index: 1, total: 9, done: false, at: 1 }));
        if (slugs[1]) localStorage.setItem(`aula.progress.${slugs[1]}`, JSON.stringify({ h: 8, v: 0, index: 8, total: 9, done: true, at: 1 }));
      }, decks);
      await page.reload();
      await page.waitForSelector('.aula-badge[data-status=in-progress]');
      v = await seriousViolations(page);
      assert.deepEqual(v, [], describeViolations(v));
    } finally {
      await context.close();
    }
  });

  for (const view of ['slides', 'scroll'] as const) {
    test(`presentación en modo ${view === 'scroll' ? 'lectura' : 'diapositivas'}: sin problemas graves (axe), con la ayuda y la búsqueda abiertas también`, async () => {
      const slug = richestDeck();
      const url = view === 'scroll' ? siteUrl('http', `${slug}/index.html?view=scroll`, site.server) : deckUrl('http', slug, site.server);
      const deck = await openDeck(site.browser, url, { viewport: { width: 1280, height: 800 } });
      const { page } = deck;
      try {
        if (view === 'scroll') await waitScrollView(page, true);
        assert.equal(await page.getAttribute('html', 'lang'), 'es');
        // Images and diagrams carry a text alternative
        const unnamed = await page.$$eval('.reveal img, .reveal figure.aula-diagram svg, .reveal svg[role=img]', (els) =>
          els
            .filter((el) => {
              if (el.tagName.toLowerCase() === 'img') return !el.hasAttribute('alt');
              const fig = el.closest('figure');
              const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.querySelector('title')?.textContent?.trim();
              return !named && !(fig?.getAttribute('aria-label') || fig?.querySelector('figcaption')?.textContent?.trim());
            })
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        assert.deepEqual(unnamed, []);
        if (view === 'scroll') assert.deepEqual(await headingJumps(page, '.reveal'), []);
        let v = await seriousViolations(page);
        assert.deepEqual(v, [], describeViolations(v));
        await page.keyboard.press('?');
        await page.waitForSelector('dialog.aula-help[open]');
        v = await seriousViolations(page);
        assert.deepEqual(v, [], describeViolations(v));
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+k');
        await page.locator('dialog.aula-search-dialog input[type=search]').fill('capas');
        await page.waitForSelector('dialog.aula-search-dialog a.aula-search-result');
        v = await seriousViolations(page);
        assert.deepEqual(v, [], describeViolations(v));
      } finally {
        await deck.close();
      }
    });
  }

  test('en todas las secciones los títulos van en orden y las imágenes tienen texto alternativo', async () => {
    for (const slug of decks) {
      const deck = await openDeck(site.browser, siteUrl('http', `${slug}/index.html?view=scroll`, site.server), { viewport: { width: 1280, height: 800 } });
      try {
        await waitScrollView(deck.page, true);
        assert.deepEqual(await headingJumps(deck.page, '.reveal'), [], `${slug}: títulos fuera de orden`);
        const noAlt = await deck.page.$$eval('.reveal img:not([alt])', (is) => is.map((i) => i.getAttribute('src')));
        assert.deepEqual(noAlt, [], `${slug}: imágenes sin alt`);
      } finally {
        await deck.close();
      }
    }
  });

  test('en todas las secciones todo está dentro de un punto de referencia y las tablas tienen encabezados con texto (axe, también los menores)', async () => {
    for (const slug of decks) {
      for (const view of ['slides', 'scroll'] as const) {
        const url = view === 'scroll' ? siteUrl('http', `${slug}/index.html?view=scroll`, site.server) : deckUrl('http', slug, site.server);
        const deck = await openDeck(site.browser, url, { viewport: { width: 1280, height: 800 } });
        try {
          if (view === 'scroll') await waitScrollView(deck.page, true);
          const v = await ruleViolations(deck.page, ['region', 'landmark-unique', 'empty-table-header', 'th-has-data-cells']);
          assert.deepEqual(v, [], `${slug} (${view}): ${describeViolations(v)}`);
        } finally {
          await deck.close();
        }
      }
    }
  });

  test('«?» abre la ayuda de teclado en español con las teclas de reveal y de la terminal; Esc la cierra', async () => {
    const deck = await openDeck(site.browser, deckUrl('http', decks[0], site.server, '#/1'));
    const { page, record } = deck;
    try {
      await page.keyboard.press('?');
      const help = page.locator('dialog.aula-help');
      await help.waitFor();
      const text = await help.innerText();
      for (const want of ['Atajos de teclado', 'En la presentación', 'En una terminal', 'Siguiente diapositiva', 'Vista general', 'Vista del presentador', 'Pantalla completa', 'Historial de órdenes', 'Completar órdenes', 'Salir de la terminal', 'Buscar en todo el curso', 'modo lectura']) {
        assert.ok(text.includes(want), `la ayuda no menciona «${want}»`);
      }
      // reveal's own English help stays closed
      assert.equal(await page.locator('.reveal .overlay-help, .r-overlay-help').count(), 0);
      // Keys pressed while the help is open do not move the deck
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => window.Aula!.reveal.getIndices().h), 1);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog.aula-help[open]'));
      assert.equal(await page.evaluate(() => window.Aula!.reveal.isOverview()), false, 'Esc abrió también la vista general');
      // F1 does the same
      await page.keyboard.press('F1');
      await help.waitFor();
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog.aula-help[open]'));
      assert.deepEqual(record.errors, []);
    } finally {
      await deck.close();
    }
  });

  test('todo se alcanza con el teclado: Tab llega a las herramientas y Intro las usa', async () => {
    const deck = await openDeck(site.browser, deckUrl('http', decks[0], site.server), { viewport: { width: 1280, height: 800 } });
    const { page } = deck;
    try {
      const reached: string[] = [];
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return '';
          const r = el.getBoundingClientRect();
          const visible = r.width > 0 && r.height > 0;
          return `${visible ? '' : '(oculto) '}${el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName}`;
        });
        reached.push(name);
      }
      for (const want of ['Índice', 'Modo lectura', 'Buscar', 'Ayuda']) {
        assert.ok(reached.some((n) => n.includes(want) && !n.startsWith('(oculto)')), `Tab no llega a «${want}»: ${reached.join(' | ')}`);
      }
      // Enter on «Ayuda» opens it; closing gives the focus back to the button
      await page.locator('.aula-toolbar button', { hasText: 'Ayuda' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog.aula-help[open]');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog.aula-help[open]'));
      assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Ayuda/);
      // A focus moved on as the help closes stays where it went: the dialog's 'close' event,
      // a task later, must not pull it back to «Ayuda»
      const kept = await page.evaluate(async () => {
        const tools = Array.from(document.querySelectorAll<HTMLButtonElement>('.aula-toolbar button'));
        tools.find((b) => b.textContent?.includes('Ayuda'))!.click();
        document.querySelector<HTMLDialogElement>('dialog.aula-help')!.close();
        tools.find((b) => b.textContent?.includes('Modo lectura'))!.focus();
        await new Promise((r) => setTimeout(r, 50));
        return document.activeElement?.textContent ?? '';
      });
      assert.match(kept, /Modo lectura/);
      // Enter on «Modo lectura» switches the view
      await page.locator('.aula-toolbar button', { hasText: 'Modo lectura' }).focus();
      await page.keyboard.press('Enter');
      await waitScrollView(page, true);
    } finally {
      await deck.close();
    }
    // The resume prompt is reachable too (in a fresh tab: the reading view chosen above would
    // otherwise put every slide's links before it)
    const again = await openDeck(site.browser, deckUrl('http', decks[0], site.server, '#/2'), { viewport: { width: 1280, height: 800 } });
    try {
      const page2 = again.page;
      await page2.goto(deckUrl('http', decks[0], site.server));
      await waitForDeck(page2);
      await page2.locator('.aula-resume').waitFor();
      let found = false;
      for (let i = 0; i < 60 && !found; i++) {
        await page2.keyboard.press('Tab');
        found = await page2.evaluate(() => !!document.activeElement?.closest('.aula-resume'));
      }
      assert.ok(found, 'Tab no llega al aviso «Continuar donde lo dejaste»');
      await page2.keyboard.press('Enter');
      await page2.waitForFunction(() => window.Aula!.reveal.getIndices().h === 2);
    } finally {
      await again.close();
    }
  });
});
