/**
 * Course search, from the landing page and inside a deck: accent-insensitive («imagenes» finds
 * «imágenes»), results open the exact slide, from file:// as well (the index is a classic script).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { deckUrl, listDecks, openDeck, recordContext, revealPosition, siteUrl, waitForDeck, type Via, useSite } from './harness';

const decks = listDecks();
const site = useSite();

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
/** reveal writes `#/3` for `#/3/0` once the deck is open. */
const slideHash = (h: number | string, v: number | string) => (Number(v) === 0 ? `#/${h}(?:/0)?$` : `#/${h}/${v}$`);

interface Shown {
  href: string;
  title: string;
  text: string;
}

async function search(page: Page, scope: string, query: string): Promise<Shown[]> {
  const input = page.locator(`${scope} input[type=search]`);
  await input.fill(query);
  const status = page.locator(`${scope} [role=status]`);
  await page.waitForFunction(([sel, q]) => document.querySelector<HTMLElement>(`${sel} .aula-search`)?.dataset.query === q.trim(), [scope, query]);
  assert.ok(await status.innerText());
  return page.$$eval(`${scope} a.aula-search-result`, (as) =>
    as.map((a) => ({ href: a.getAttribute('href')!, title: a.querySelector('.aula-search-title')!.textContent!, text: a.textContent! })),
  );
}

for (const via of ['http', 'file'] as Via[]) {
  test(`portada por ${via}: «imagenes» e «imágenes» encuentran lo mismo y el resultado abre la diapositiva exacta`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const record = recordContext(context);
    const page = await context.newPage();
    try {
      await page.goto(siteUrl(via, 'index.html', site.server));
      const plain = await search(page, '.aula-landing-tools', 'imagenes');
      const accented = await search(page, '.aula-landing-tools', 'imágenes');
      const upper = await search(page, '.aula-landing-tools', 'IMÁGENES');
      assert.ok(plain.length > 0, '«imagenes» no encuentra nada');
      assert.deepEqual(accented.map((r) => r.href), plain.map((r) => r.href));
      assert.deepEqual(upper.map((r) => r.href), plain.map((r) => r.href));
      assert.ok(plain.some((r) => /imágenes/i.test(r.text)), 'ningún resultado muestra «imágenes»');
      assert.ok(plain.every((r) => /^[a-z0-9-]+\/index\.html#\/\d+\/\d+$/.test(r.href)), plain.map((r) => r.href).join(' '));
      assert.ok((await page.locator('.aula-landing-tools mark').count()) > 0, 'las coincidencias no se resaltan');

      // A slide whose title carries an accent, searched without it, comes first and opens right there
      const target = await page.evaluate(() => {
        const idx = (window as unknown as { AulaSearchIndex: { decks: { slug: string }[]; entries: { d: number; h: number; v: number; t: string }[] } }).AulaSearchIndex;
        const e = idx.entries.find((x) => /[áéíóúñü]/i.test(x.t) && x.t.length > 8 && idx.entries.filter((y) => y.t === x.t).length === 1);
        return e ? { slug: idx.decks[e.d].slug, h: e.h, v: e.v, title: e.t } : null;
      });
      assert.ok(target, 'el índice no tiene ningún título con tilde');
      const found = await search(page, '.aula-landing-tools', stripAccents(target.title));
      assert.equal(found[0]?.href, `${target.slug}/index.html#/${target.h}/${target.v}`, `«${stripAccents(target.title)}» no pone primero «${target.title}»`);
      const again = await search(page, '.aula-landing-tools', target.title.toUpperCase());
      assert.equal(again[0]?.href, found[0].href);

      await page.locator('.aula-landing-tools a.aula-search-result').first().click();
      await waitForDeck(page);
      assert.match(page.url(), new RegExp(`/${target.slug}/index\\.html${slideHash(target.h, target.v)}`));
      await page.waitForFunction(([h, v]) => {
        const i = window.Aula!.reveal.getIndices();
        return i.h === h && (i.v ?? 0) === v;
      }, [target.h, target.v]);
      const present = await page.locator('.reveal .slides section.present:not(.stack)').first().innerText();
      assert.ok(present.includes(target.title), `la diapositiva abierta no es «${target.title}»: ${present.slice(0, 80)}`);
      assert.equal(await page.locator('.aula-resume').count(), 0, 'abrir un resultado no debe ofrecer continuar');
      assert.deepEqual(record.errors, []);
    } finally {
      await context.close();
    }
  });
}

test('dentro de una presentación: Ctrl+K abre la búsqueda del curso y un resultado lleva a otra sección', async () => {
  const from = decks[0];
  const deck = await openDeck(site.browser, deckUrl('http', from, site.server), { viewport: { width: 1280, height: 800 } });
  const { page, record } = deck;
  try {
    await page.keyboard.press('Control+k');
    const dialog = page.locator('dialog.aula-search-dialog');
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search', 'el cuadro de búsqueda no recibe el foco');
    // Typing in the box never moves the deck behind it
    const results = await search(page, 'dialog.aula-search-dialog', 'contenedor');
    assert.deepEqual((await revealPosition(page)).slice(0, 2), [0, 0]);
    assert.ok(results.length > 0);
    const elsewhere = results.find((r) => r.href.startsWith('../') && !r.href.startsWith(`../${from}/`));
    assert.ok(elsewhere, 'ningún resultado de otra sección');
    const m = /^\.\.\/([a-z0-9-]+)\/index\.html#\/(\d+)\/(\d+)$/.exec(elsewhere.href)!;
    await dialog.locator(`a[href="${elsewhere.href}"]`).first().click();
    await waitForDeck(page);
    assert.match(page.url(), new RegExp(`/${m[1]}/index\\.html${slideHash(m[2], m[3])}`));
    await page.waitForFunction(([h, v]) => {
      const i = window.Aula!.reveal.getIndices();
      return i.h === h && (i.v ?? 0) === v;
    }, [Number(m[2]), Number(m[3])]);

    // A result in the same deck closes the dialog and moves the deck
    await page.locator('.aula-toolbar button', { hasText: 'Buscar' }).click();
    await dialog.waitFor();
    const here = (await search(page, 'dialog.aula-search-dialog', 'docker')).find((r) => r.href.startsWith('#/') && r.href !== `#/${m[2]}/${m[3]}`);
    assert.ok(here, 'ningún resultado en esta misma sección');
    const [, h, v] = /^#\/(\d+)\/(\d+)$/.exec(here.href)!.map(Number);
    await dialog.locator(`a[href="${here.href}"]`).first().click();
    await page.waitForFunction(() => !document.querySelector('dialog.aula-search-dialog[open]'));
    await page.waitForFunction(([hh, vv]) => {
      const i = window.Aula!.reveal.getIndices();
      return i.h === hh && (i.v ?? 0) === vv;
    }, [h, v]);

    // Esc closes it and gives the keyboard back to the deck
    await page.keyboard.press('Control+k');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog.aula-search-dialog[open]'));
    assert.equal(await page.evaluate(() => window.Aula!.reveal.isOverview()), false, 'Esc abrió también la vista general');
    assert.deepEqual(record.errors, []);
  } finally {
    await deck.close();
  }
});

test('un resultado dice el mismo número de diapositiva que el contador al abrirlo', async () => {
  const deck = await openDeck(site.browser, deckUrl('http', decks[0], site.server), { viewport: { width: 1280, height: 800 } });
  const { page } = deck;
  try {
    // a slide below another (v > 0), after a stack: where h.v and the flat count differ most
    const target = await page.evaluate(() => {
      const idx = (window as unknown as { AulaSearchIndex: { decks: { slug: string }[]; entries: { d: number; h: number; v: number; t: string }[] } }).AulaSearchIndex;
      const e = [...idx.entries].reverse().find((x) => x.v > 0 && x.t.length > 8 && idx.entries.filter((y) => y.t === x.t).length === 1);
      return e ? { slug: idx.decks[e.d].slug, h: e.h, v: e.v, title: e.t } : null;
    });
    assert.ok(target, 'el curso no tiene ninguna diapositiva vertical con título');
    await page.goto(deckUrl('http', target.slug, site.server));
    await waitForDeck(page);
    await page.keyboard.press('Control+k');
    const dialog = page.locator('dialog.aula-search-dialog');
    await dialog.waitFor();
    await search(page, 'dialog.aula-search-dialog', target.title);
    const result = dialog.locator(`a.aula-search-result[href="#/${target.h}/${target.v}"]`).first();
    const said = /diapositiva (\S+)/.exec(await result.locator('.aula-search-where').innerText())?.[1];
    await result.click();
    await page.waitForFunction(([h, v]) => {
      const i = window.Aula!.reveal.getIndices();
      return i.h === h && (i.v ?? 0) === v;
    }, [target.h, target.v]);
    const counter = (await page.locator('.reveal .slide-number').innerText()).replace(/\s+/g, '');
    assert.equal(said, counter.split('/')[0], `el resultado dice «diapositiva ${said}» y el contador «${counter}»`);
  } finally {
    await deck.close();
  }
});
