/**
 * Every deck of the built site, from file:// and over http: the first slide shows, the keyboard
 * moves through it, `#/2` deep links, the speaker view opens, the console stays clean and no
 * request leaves the machine.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { listDecks, openDeck, deckUrl, revealPosition, siteUrl, recordContext, type Via, useSite } from './harness';

const decks = listDecks();
const site = useSite();

const later = (a: number[], b: number[]) => a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];

for (const via of ['file', 'http'] as Via[]) {
  describe(`presentaciones por ${via}`, () => {
    test('la página de inicio enlaza todas las secciones y no pide nada fuera', async () => {
      const context = await site.browser.newContext();
      const record = recordContext(context);
      const page = await context.newPage();
      await page.goto(siteUrl(via, 'index.html', site.server), { waitUntil: 'load' });
      const links = await page.$$eval('ol.sections > li > a', (as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, decks.map((d) => `${d}/index.html`));
      await page.click('ol.sections > li > a');
      await page.waitForFunction(() => !!window.Aula?.reveal?.isReady());
      assert.match(page.url(), new RegExp(`/${decks[0]}/index\\.html`));
      assert.deepEqual(record.errors, []);
      assert.deepEqual(record.foreign([site.server.url]), []);
      // Nothing the pages ask for is missing, not even the /favicon.ico browsers look for
      assert.deepEqual(record.failed, []);
      if (via === 'http') {
        await page.goBack({ waitUntil: 'load' });
        await page.waitForTimeout(300);
        assert.deepEqual(site.server.notFound, [], 'peticiones sin respuesta (404)');
      }
      await context.close();
    });

    test('la pausa (tecla B) se deja en español: «Continuar» vuelve a la presentación', async () => {
      const deck = await openDeck(site.browser, deckUrl(via, decks[0], site.server));
      try {
        const { page } = deck;
        await page.keyboard.press('b');
        await page.waitForFunction(() => window.Aula!.reveal.isPaused());
        const resume = page.locator('.reveal .pause-overlay .resume-button');
        await resume.waitFor({ state: 'visible' }); // the black screen fades in
        assert.equal((await resume.textContent())?.trim(), 'Continuar');
        await resume.click();
        await page.waitForFunction(() => !window.Aula!.reveal.isPaused());
      } finally {
        await deck.close();
      }
    });

    for (const slug of decks) {
      test(`${slug}: primera diapositiva, teclado, enlace #/2, notas, sin errores ni peticiones externas`, async () => {
        const deck = await openDeck(site.browser, deckUrl(via, slug, site.server));
        const { page, record, context } = deck;
        try {
          // First slide on screen, with real content inside the viewport.
          assert.deepEqual(await revealPosition(page), [0, 0, -1]);
          const first = page.locator('.reveal .slides > section.present').first();
          assert.ok(await first.isVisible(), 'la primera diapositiva no se ve');
          const box = await first.boundingBox();
          assert.ok(box && box.width > 100 && box.height > 20, `la primera diapositiva no ocupa espacio: ${JSON.stringify(box)}`);
          const text = (await first.innerText()).trim();
          assert.ok(text.length > 0, 'la primera diapositiva está vacía');

          // Projector type: running text of every slide at least 32px at reveal's 960x700.
          const small = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.reveal .slides section > p, .reveal .slides section > ul > li, .reveal .slides section > ol > li')]
              .filter((el) => !el.closest('.aula-placeholder, aside.notes, small, .small'))
              .map((el) => [el.textContent!.trim().slice(0, 40), parseFloat(getComputedStyle(el).fontSize)] as [string, number])
              .filter(([, size]) => size < 32),
          );
          assert.deepEqual(small, [], 'texto de menos de 32px');

          const total = await page.evaluate(() => window.Aula!.reveal.getTotalSlides());
          assert.ok(total >= 3, 'cada sección necesita al menos tres diapositivas');

          // ArrowRight goes forward (a fragment or the next slide), ArrowLeft comes back.
          await page.locator('.reveal').focus().catch(() => {});
          const start = await revealPosition(page);
          await page.keyboard.press('ArrowRight');
          const afterRight = await revealPosition(page);
          assert.ok(later(afterRight, start), `ArrowRight no avanza: ${start} -> ${afterRight}`);
          await page.keyboard.press('ArrowLeft');
          assert.deepEqual(await revealPosition(page), start, 'ArrowLeft no vuelve a la posición inicial');
          await page.keyboard.press('Space');
          const afterSpace = await revealPosition(page);
          assert.ok(later(afterSpace, start), `Espacio no avanza: ${start} -> ${afterSpace}`);
          // reveal writes the address a moment after moving
          await page.waitForFunction(() => {
            const i = window.Aula!.reveal.getIndices();
            if (i.h === 0 && (location.hash === '' || location.hash === '#/')) return true;
            return location.hash === `#/${i.h}` || location.hash.startsWith(`#/${i.h}/`);
          });

          // Ctrl+Shift+F: reveal's search box, in Spanish
          await page.keyboard.press('Control+Shift+F');
          const searchBox = page.locator('.reveal .searchbox input');
          await searchBox.waitFor();
          assert.equal(await searchBox.getAttribute('placeholder'), 'Buscar en esta presentación…');
          // Hiding the box leaves the focus in its input until Chromium's focus fixup task runs; a key
          // sent before that would be typed into the hidden input, so the focus is given back at once.
          await page.evaluate(() => {
            (window.Aula!.reveal.getPlugin('search') as unknown as { close(): void }).close();
            (document.activeElement as HTMLElement | null)?.blur();
          });
          await page.waitForFunction(() => !document.activeElement || document.activeElement === document.body);

          // O opens the overview, Esc closes it.
          await page.keyboard.press('o');
          await page.waitForFunction(() => window.Aula!.reveal.isOverview());
          await page.keyboard.press('Escape');
          await page.waitForFunction(() => !window.Aula!.reveal.isOverview());

          // The speaker view opens in its own window and shows this deck.
          await page.evaluate(() => window.Aula!.reveal.slide(0, 0));
          const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
          await popup.waitForLoadState('load');
          await popup.waitForSelector('#speaker-controls', { state: 'attached' });
          await popup.waitForFunction(() => document.querySelector('#current-slide iframe') !== null);
          assert.equal(await popup.title(), 'Vista del ponente');
          assert.equal((await popup.locator('.speaker-controls-notes .label').textContent())?.trim(), 'Notas');
          const notesExpected = await page.evaluate(() => (document.querySelector('.reveal .slides > section.present aside.notes')?.textContent ?? '').trim());
          if (notesExpected) {
            await popup.waitForFunction((t) => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').includes(t.slice(0, 30)), notesExpected);
          }
          await popup.close();

          assert.deepEqual(record.errors, [], 'errores en la consola');
          assert.deepEqual(record.foreign([site.server.url]), [], 'peticiones fuera de la máquina');
          if (via === 'http') assert.deepEqual(site.server.notFound, [], 'peticiones sin respuesta (404)');
        } finally {
          await deck.close();
        }
      });

      test(`${slug}: #/2 abre la tercera diapositiva`, async () => {
        const deck = await openDeck(site.browser, deckUrl(via, slug, site.server, '#/2'));
        try {
          const [h] = await revealPosition(deck.page);
          assert.equal(h, 2);
          const source = await deck.page.evaluate(() => {
            const present = document.querySelector('.reveal .slides > section.present');
            return present?.getAttribute('data-source') ?? present?.querySelector('section')?.getAttribute('data-source') ?? '';
          });
          const third = await deck.page.evaluate(() => {
            const s = document.querySelectorAll('.reveal .slides > section')[2];
            return s?.getAttribute('data-source') ?? s?.querySelector('section')?.getAttribute('data-source') ?? '';
          });
          assert.ok(source && source === third, `la diapositiva mostrada (${source}) no es la tercera (${third})`);
          assert.ok(await deck.page.locator('.reveal .slides > section.present').first().isVisible());
          assert.deepEqual(deck.record.errors, []);
        } finally {
          await deck.close();
        }
      });
    }
  });
}

describe('window.Aula', () => {
  test('config, registerMount, remount y nuevo montaje al entrar y salir de la vista de lectura', async () => {
    const deck = await openDeck(site.browser, deckUrl('file', decks[0]));
    try {
      const result = await deck.page.evaluate(async () => {
        const aula = window.Aula!;
        const calls: string[] = [];
        aula.registerMount('prueba', (root) => {
          calls.push(root.className);
          root.querySelectorAll('section').forEach((s) => s.setAttribute('data-prueba', '1'));
        });
        const afterRegister = calls.length;
        aula.remount();
        const afterRemount = calls.length;
        const reveal = aula.reveal as unknown as { toggleScrollView(on?: boolean): void };
        reveal.toggleScrollView(true);
        await new Promise((r) => setTimeout(r, 300));
        reveal.toggleScrollView(false);
        await new Promise((r) => setTimeout(r, 300));
        return {
          deck: aula.config.deck,
          hasReveal: typeof aula.reveal.slide === 'function',
          afterRegister,
          afterRemount,
          afterViews: calls.length,
          root: calls[0],
          marked: document.querySelectorAll('.reveal .slides section[data-prueba]').length,
          sections: document.querySelectorAll('.reveal .slides section').length,
        };
      });
      assert.equal(result.deck, decks[0]);
      assert.ok(result.hasReveal);
      assert.equal(result.root, 'slides');
      assert.equal(result.afterRegister, 1, 'registerMount monta enseguida');
      assert.equal(result.afterRemount, 2);
      assert.ok(result.afterViews > 2, 'al rehacer reveal las diapositivas se vuelve a montar');
      assert.equal(result.marked, result.sections, 'el último montaje ve el DOM nuevo');
      assert.deepEqual(deck.record.errors, []);
    } finally {
      await deck.close();
    }
  });

  test('cada sección carga después de la primera diapositiva solo los scripts de su configuración', async () => {
    for (const slug of decks) {
      const deck = await openDeck(site.browser, deckUrl('http', slug, site.server));
      try {
        const scripts = await deck.page.evaluate(() => Object.values(window.Aula!.config.scripts).map((u) => new URL(u, location.href).href));
        const deckScript = await deck.page.evaluate(() => (document.querySelector('script[src*="deck."]') as HTMLScriptElement).src);
        await deck.page.waitForFunction((urls) => urls.every((u) => [...document.scripts].some((s) => s.src === u)), scripts);
        await deck.page.waitForLoadState('networkidle');
        const requested = deck.record.requests.filter((u) => u.endsWith('.js'));
        assert.deepEqual(new Set(requested), new Set([deckScript, ...scripts]), slug);
      } finally {
        await deck.close();
      }
    }
  });
});
