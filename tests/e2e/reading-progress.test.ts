/**
 * Progress: a deck remembers the last slide and offers to resume after a reload; the landing page
 * shows each section as not started / in progress / done, and clears it on request.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { deckUrl, listDecks, recordContext, revealPosition, siteUrl, waitForDeck, useSite } from './harness';
import { waitScrollView } from './reading-kit';

const decks = listDecks();
const site = useSite(2);

async function openIn(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForDeck(page);
  return page;
}

async function badges(page: Page): Promise<Record<string, string>> {
  await page.waitForSelector('.aula-badge');
  return page.$$eval('ol.sections li', (lis) =>
    Object.fromEntries(
      lis.map((li) => [
        (li.querySelector('a')!.getAttribute('href') ?? '').split('/')[0],
        li.querySelector('.aula-badge')?.getAttribute('data-status') ?? 'sin insignia',
      ]),
    ),
  );
}

test('tras recargar, la presentación ofrece continuar donde se dejó y lleva a esa diapositiva', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const record = recordContext(context);
  try {
    const slug = decks[0];
    const page = await openIn(context, deckUrl('http', slug, site.server));
    // First visit: nothing to resume
    assert.equal(await page.locator('.aula-resume').count(), 0);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Aula!.reveal.getIndices().h >= 1);
    const where = await revealPosition(page);
    const total = await page.evaluate(() => window.Aula!.reveal.getTotalSlides());

    // Back without the slide in the address, as a student opening the section again
    await page.goto(deckUrl('http', slug, site.server));
    await waitForDeck(page);
    const prompt = page.locator('.aula-resume');
    await prompt.waitFor();
    assert.match(await prompt.innerText(), /Continuar donde lo dejaste/);
    assert.deepEqual((await revealPosition(page)).slice(0, 2), [0, 0]);

    // A second reload before answering still remembers the place
    await page.reload();
    await waitForDeck(page);
    await prompt.waitFor();
    const label = await prompt.innerText();
    assert.match(label, new RegExp(`de ${total}`));
    await prompt.locator('button', { hasText: 'Continuar donde lo dejaste' }).click();
    await page.waitForFunction(([h, v]) => {
      const i = window.Aula!.reveal.getIndices();
      return i.h === h && (i.v ?? 0) === v;
    }, [where[0], where[1]]);
    assert.equal(await prompt.count(), 0, 'el aviso sigue en pantalla después de continuar');

    // Dismissed, moving on: the new place is what is remembered
    await page.keyboard.press('ArrowRight');
    const after = await revealPosition(page);
    await page.goto(deckUrl('http', slug, site.server));
    await waitForDeck(page);
    await prompt.waitFor();
    await prompt.locator('button', { hasText: 'Continuar donde lo dejaste' }).click();
    await page.waitForFunction(([h, v]) => {
      const i = window.Aula!.reveal.getIndices();
      return i.h === h && (i.v ?? 0) === v;
    }, [after[0], after[1]]);

    // «×» starts from the beginning and the prompt goes away
    await page.goto(deckUrl('http', slug, site.server));
    await waitForDeck(page);
    await prompt.locator('.aula-resume-close').click();
    assert.equal(await prompt.count(), 0);
    assert.deepEqual((await revealPosition(page)).slice(0, 2), [0, 0]);

    // A link to a given slide opens there, without asking
    await page.goto(deckUrl('http', slug, site.server, '#/1'));
    await waitForDeck(page);
    await page.waitForTimeout(200);
    assert.equal(await prompt.count(), 0, 'un enlace a una diapositiva no debe preguntar');
    assert.deepEqual(record.errors, []);
  } finally {
    await context.close();
  }
});

test('en el teléfono (modo lectura) también se ofrece continuar, y lleva a esa diapositiva', async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const record = recordContext(context);
  try {
    const slug = decks[0];
    const page = await openIn(context, deckUrl('http', slug, site.server, '#/4'));
    await waitScrollView(page, true);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem(`aula.progress.${window.Aula!.config.deck}`) ?? 'null')?.h === 4);
    // Reopened from the landing page, in the same tab: the reading view settles at the top
    // without forgetting slide 5
    await page.goto(deckUrl('http', slug, site.server));
    await waitForDeck(page);
    await waitScrollView(page, true);
    const prompt = page.locator('.aula-resume');
    await prompt.waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem(`aula.progress.${window.Aula!.config.deck}`)!).h), 4, 'abrir la sección borró el sitio guardado');
    await prompt.locator('button', { hasText: 'Continuar donde lo dejaste' }).tap();
    await page.waitForFunction(() => window.Aula!.reveal.getIndices().h === 4);
    const top = await page.evaluate(() => document.querySelector('.scroll-page section[data-index-h="4"]')!.closest('.scroll-page')!.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 120, `la diapositiva 5 no quedó arriba (top ${top})`);
    assert.deepEqual(record.errors, []);
  } finally {
    await context.close();
  }
});

test('la portada muestra «Sin empezar», «En curso» y «Terminado», y «Borrar progreso» lo borra', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const record = recordContext(context);
  try {
    const landing = await context.newPage();
    await landing.goto(siteUrl('http', 'index.html', site.server));
    const initial = await badges(landing);
    assert.deepEqual(Object.keys(initial), decks);
    assert.ok(Object.values(initial).every((s) => s === 'not-started'), JSON.stringify(initial));
    assert.match(await landing.locator('.aula-badge').first().innerText(), /Sin empezar/);

    const [first, second] = decks;
    const d1 = await openIn(context, deckUrl('http', first, site.server));
    await d1.keyboard.press('ArrowRight');
    await d1.waitForFunction(() => !!localStorage.getItem(`aula.progress.${window.Aula!.config.deck}`));
    await d1.close();

    // The second deck is read to the end in the reading view
    const d2 = await openIn(context, deckUrl('http', second, site.server).replace('index.html', 'index.html?view=scroll'));
    await waitScrollView(d2, true);
    await d2.evaluate(() => (document.body.scrollTop = document.body.scrollHeight));
    await d2.waitForFunction(() => {
      const p = JSON.parse(localStorage.getItem(`aula.progress.${window.Aula!.config.deck}`) ?? 'null');
      return p && p.done === true;
    });
    await d2.close();

    await landing.reload();
    const now = await badges(landing);
    assert.equal(now[first], 'in-progress');
    assert.equal(now[second], 'done');
    for (const slug of decks.slice(2)) assert.equal(now[slug], 'not-started');
    const text = await landing.locator('ol.sections').innerText();
    assert.match(text, /En curso/);
    assert.match(text, /Terminado/);

    // Going back over the first slides of a finished deck keeps it finished
    const again = await openIn(context, deckUrl('http', second, site.server, '#/1'));
    await again.keyboard.press('ArrowRight');
    await again.close();
    await landing.reload();
    assert.equal((await badges(landing))[second], 'done');

    await landing.locator('button', { hasText: 'Borrar progreso' }).click();
    await landing.locator('button', { hasText: 'Sí, borrar el progreso' }).click();
    await landing.waitForFunction(() => Array.from(document.querySelectorAll('.aula-badge')).every((b) => b.getAttribute('data-status') === 'not-started'));
    assert.match(await landing.locator('.aula-clear [role=status]').innerText(), /Progreso borrado/);
    await landing.reload();
    assert.ok(Object.values(await badges(landing)).every((s) => s === 'not-started'));
    assert.deepEqual(record.errors, []);
  } finally {
    await context.close();
  }
});

test('un valor guardado roto no rompe la presentación ni la portada', async () => {
  const context = await site.browser.newContext();
  const record = recordContext(context);
  try {
    const landing = await context.newPage();
    await landing.goto(siteUrl('http', 'index.html', site.server));
    await landing.evaluate((slug) => localStorage.setItem(`aula.progress.${slug}`, '{"h":"x"'), decks[0]);
    await landing.reload();
    assert.equal((await badges(landing))[decks[0]], 'not-started');
    const deck = await openIn(context, deckUrl('http', decks[0], site.server));
    assert.equal(await deck.locator('.aula-resume').count(), 0);
    assert.deepEqual(record.errors, []);
  } finally {
    await context.close();
  }
});
