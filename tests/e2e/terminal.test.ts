// The live terminals in a real Chromium, on a small fixture course built with the real simulator.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildCourse } from '../../src/build/build';
import { deckUrl, launchChromium, openDeck, revealPosition, ROOT, waitForDeck, type OpenedDeck } from './harness';

const OUT = mkdtempSync(join(tmpdir(), 'aula-terminal-e2e-'));
let browser: Browser;

before(async () => {
  const r = await buildCourse({ root: ROOT, slidesDir: join(ROOT, 'tests/e2e/fixtures/terminal/slides'), outDir: OUT });
  assert.ok(r.ok, r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(OUT, { recursive: true, force: true });
});

async function open(hash = '#/1', query = ''): Promise<OpenedDeck> {
  const url = deckUrl('file', 'laboratorio', undefined, '', OUT).replace(/index\.html$/, `index.html${query}`) + hash;
  const deck = await openDeck(browser, url);
  if (!query) await ready(deck.page);
  return deck;
}

/** Every terminal mounted, and the one on the current slide (if any) showing its screen. */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    if ((window.AulaTerminal?.count() ?? 0) < 4) return false;
    const here = document.querySelector('.reveal .slides section.present:not(.stack) .aula-terminal');
    return !here || (!!here.querySelector('.xterm') && window.AulaTerminal!.text(here) !== '');
  });
}

const term = (page: Page, n: number) => page.locator('.aula-terminal').nth(n);

function text(page: Page, n: number): Promise<string> {
  return page.evaluate((i) => window.AulaTerminal!.text(document.querySelectorAll('.aula-terminal')[i]), n);
}

async function waitText(page: Page, n: number, re: RegExp): Promise<string> {
  try {
    await page.waitForFunction(
      ([i, src, flags]) => new RegExp(src as string, flags as string).test(window.AulaTerminal!.text(document.querySelectorAll('.aula-terminal')[i as number])),
      [n, re.source, re.flags] as const,
      { timeout: 20_000 },
    );
  } catch {
    assert.fail(`terminal ${n} never showed ${re}; it shows:\n${await text(page, n)}`);
  }
  return text(page, n);
}

/** Clicks into the terminal and waits until its input has the keyboard. */
async function focus(page: Page, n: number): Promise<void> {
  await term(page, n).locator('.aula-term-screen').click();
  await page.waitForFunction((i) => document.querySelectorAll('.aula-terminal')[i].contains(document.activeElement) && document.activeElement?.tagName === 'TEXTAREA', n);
}

async function idlePrompt(page: Page, n: number): Promise<void> {
  await waitText(page, n, /\$ ?$/);
}

test('typing docker run hello-world shows its text; docker ps -a then lists the container', async () => {
  const deck = await open();
  const { page } = deck;
  await focus(page, 0);
  await page.keyboard.type('docker run hello-world');
  await page.keyboard.press('Enter');
  await waitText(page, 0, /Hello from Docker!/);
  await idlePrompt(page, 0);
  await page.keyboard.type('docker ps -a\n');
  const shown = await waitText(page, 0, /CONTAINER ID[\s\S]*hello-world[\s\S]*Exited \(0\)[\s\S]*\$ ?$/);
  assert.match(shown, /\$ docker ps -a\n/);
  assert.deepEqual(deck.record.errors, []);
  await deck.close();
});

test('keys typed in the terminal never reach the deck; Esc gives them back', async () => {
  const deck = await open();
  const { page, context } = deck;
  const before = await revealPosition(page);
  await focus(page, 0);
  const pagesBefore = context.pages().length;
  for (const key of ['f', 's', 'o', 'b', ' ', 'ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'n', 'p', 'PageDown', '.', 'Home', 'End']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  assert.deepEqual(await revealPosition(page), before);
  assert.equal(context.pages().length, pagesBefore, 'no speaker-notes window opened');
  const state = await page.evaluate(() => ({
    overview: document.querySelector('.reveal')!.classList.contains('overview'),
    paused: document.querySelector('.reveal')!.classList.contains('paused'),
    fullscreen: !!document.fullscreenElement,
  }));
  assert.deepEqual(state, { overview: false, paused: false, fullscreen: false });
  // typed into the line instead: letters, space, "n", "p", "." (arrows moved the cursor before the space)
  assert.match(await text(page, 0), /\$ fsobnp\. ?$/);
  // the deck's own shortcuts stay out too: Ctrl+K deletes to the end of the line, no search opens
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+k');
  await page.keyboard.press('?');
  assert.equal(await page.locator('dialog[open]').count(), 0);
  assert.equal(await text(page, 0), '$ ?');
  await page.keyboard.press('Control+u');

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.tagName !== 'TEXTAREA');
  assert.equal(await page.evaluate(() => document.querySelector('.reveal')!.classList.contains('overview')), false, 'Esc only leaves the terminal');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((h) => window.Aula!.reveal.getIndices().h === h + 1, before[0]);
  await deck.close();
});

test('Enter on the focused frame enters the terminal; the "Salir de la terminal" button leaves it', async () => {
  const deck = await open();
  const { page } = deck;
  await term(page, 0).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await term(page, 0).getByRole('button', { name: 'Salir de la terminal' }).click();
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  await deck.close();
});

test('next step types and runs the scenario line; reset goes back to the start', async () => {
  const deck = await open();
  const { page } = deck;
  assert.equal(await text(page, 0), '$'); // the pending step is only a dimmed hint
  // the rows are drawn a frame after the buffer changes
  const rows = page.locator('.aula-terminal').first().locator('.xterm-rows');
  await page.waitForFunction((el) => /\$ docker run hello-world/.test((el as HTMLElement).innerText), await rows.elementHandle(), { timeout: 5000 }).catch(() => {});
  assert.match(await rows.innerText(), /\$ docker run hello-world/);
  await term(page, 0).getByRole('button', { name: 'Siguiente paso' }).click();
  await waitText(page, 0, /Hello from Docker![\s\S]*\n\$$/);
  await focus(page, 0);
  await page.keyboard.press('Control+Enter');
  await waitText(page, 0, /CONTAINER ID[\s\S]*hello-world/);
  await page.waitForFunction(() => (document.querySelector('.aula-term-step') as HTMLButtonElement).disabled);
  await term(page, 0).getByRole('button', { name: 'Reiniciar' }).click();
  const after = await waitText(page, 0, /Terminal reiniciada/);
  assert.doesNotMatch(after, /Hello from Docker/);
  await page.waitForFunction(() => !(document.querySelector('.aula-term-step') as HTMLButtonElement).disabled);
  await focus(page, 0);
  await page.keyboard.type('docker ps -a\n');
  const listed = await waitText(page, 0, /CONTAINER ID.*\n\$/);
  assert.doesNotMatch(listed, /hello-world/);
  await deck.close();
});

test('the machine survives a reload, and a second terminal of the session sees the first one\'s images', async () => {
  const deck = await open();
  const { page } = deck;
  await focus(page, 0);
  await page.keyboard.type('docker pull alpine\n');
  await waitText(page, 0, /Status: Downloaded newer image for alpine:latest[\s\S]*\$ ?$/);
  await page.keyboard.type('docker run --name superviviente alpine\n');
  await idlePrompt(page, 0);
  await page.reload();
  await ready(page);
  // what was done is on the screen again, above the notice
  assert.match(await text(page, 0), /\$ docker pull alpine\n[\s\S]*\$ docker run --name superviviente alpine\n[\s\S]*\(Sesión recuperada/);
  // the notice is news of this load: another reload shows it once, not once per reload
  await page.reload();
  await ready(page);
  assert.equal((await text(page, 0)).match(/Sesión recuperada/g)?.length, 1, await text(page, 0));
  await focus(page, 0);
  await page.keyboard.type('docker ps -a\n');
  await waitText(page, 0, /\$ docker ps -a\nCONTAINER ID[\s\S]*superviviente[\s\S]*\n\$$/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.Aula!.reveal.getIndices().h === 2);
  await focus(page, 1);
  await page.keyboard.type('docker images\n');
  await waitText(page, 1, /alpine\s+latest/);
  // a terminal of another session does not
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.Aula!.reveal.getIndices().h === 3);
  await focus(page, 2);
  await page.keyboard.type('docker ps -a\n');
  const other = await waitText(page, 2, /CONTAINER ID[\s\S]*\$ ?$/);
  assert.doesNotMatch(other, /superviviente/);
  await deck.close();
});

test('a corrupt stored session resets cleanly with a notice', async () => {
  const deck = await open();
  const { page } = deck;
  await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k.startsWith('aula:terminal:')) localStorage.setItem(k, '{"v":1,"deck":"laboratorio","session":"lab","shell":"basura"}');
    }
    localStorage.setItem('aula:terminal:laboratorio:lab', '{"v":1,"deck":"laboratorio","session":"lab","shell":"basura"}');
  });
  await page.reload();
  await ready(page);
  await waitText(page, 0, /no era válido/);
  await focus(page, 0);
  await page.keyboard.type('docker ps\n');
  await waitText(page, 0, /CONTAINER ID/);
  await deck.close();
});

test('fast typing right after Enter and a pasted three-line script lose nothing', async () => {
  const deck = await open();
  const { page } = deck;
  await focus(page, 0);
  // the pull animates for a while: everything typed meanwhile must come out in order afterwards
  await page.keyboard.type('docker pull nginx\n', { delay: 0 });
  await page.keyboard.type('docker run --name rapido1 alpine\ndocker run --name rapido2 alpine\ndocker ps -a --format "{{.Names}}"\n', { delay: 0 });
  const typed = await waitText(page, 0, /rapido2\n?[\s\S]*rapido1[\s\S]*\$ ?$/);
  assert.match(typed, /\$ docker pull nginx[\s\S]*\$ docker run --name rapido1 alpine[\s\S]*\$ docker run --name rapido2 alpine[\s\S]*\$ docker ps -a --format "\{\{\.Names\}\}"/);

  await page.evaluate(() => {
    const ta = document.activeElement as HTMLTextAreaElement;
    const data = new DataTransfer();
    data.setData('text/plain', 'docker run --name pegado1 alpine\ndocker run --name pegado2 alpine\ndocker ps -a --format "{{.Names}}"\n');
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const pasted = await waitText(page, 0, /pegado2\npegado1\nrapido2\nrapido1[\s\S]*\$ ?$/);
  assert.match(pasted, /\$ docker run --name pegado1 alpine\n[\s\S]*\$ docker run --name pegado2 alpine\n/);
  await deck.close();
});

test('what a container prints is text: an <img> payload creates no element', async () => {
  const deck = await open();
  const { page } = deck;
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await focus(page, 0);
  await page.keyboard.type('docker run -it ubuntu bash\n');
  await waitText(page, 0, /root@[0-9a-f]{12}:\/#$/);
  await page.keyboard.type("echo '<img src=x onerror=alert(1)>'\n");
  await waitText(page, 0, /^<img src=x onerror=alert\(1\)>$/m);
  assert.equal(await page.locator('.reveal img[src="x"], .aula-terminal img').count(), 0);
  await page.keyboard.press('Control+d');
  await waitText(page, 0, /\n\$ ?$/);
  assert.equal(dialogs, 0);
  await deck.close();
});

test('Ctrl+C interrupts a slow docker stop', async () => {
  const deck = await open();
  const { page } = deck;
  await focus(page, 0);
  // `sleep` as PID 1 ignores SIGTERM: docker stop waits out its grace period
  await page.keyboard.type('docker run -d --name lento ubuntu sleep 1000\n');
  await waitText(page, 0, /\n[0-9a-f]{64}\n\$$/);
  await page.keyboard.type('docker stop lento\n');
  await waitText(page, 0, /\$ docker stop lento$/); // running: no prompt yet
  await page.keyboard.press('Control+c');
  const shown = await waitText(page, 0, /\$ docker stop lento\n\^C\n\$$/);
  assert.doesNotMatch(shown, /\nlento\n/);
  await deck.close();
});

test('the speaker view previews show transcripts and run nothing: a reload still finds the steps pending', async () => {
  const deck = await open('#/1');
  const { page, context } = deck;
  const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('aula:terminal')).sort().map((k) => [k, localStorage.getItem(k)])));
  const before = await stored();
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.waitForFunction(() => document.querySelectorAll('iframe').length >= 2);
  // the "upcoming" preview holds the second terminal of the session, which would catch up the first
  const frames = () => popup.frames().filter((f) => /[?&]receiver/.test(f.url()));
  await popup.waitForFunction(() => frames.length >= 2);
  assert.ok(frames().length >= 2, `iframes: ${popup.frames().map((f) => f.url()).join(', ')}`);
  for (const f of frames()) await f.waitForFunction(() => !!window.AulaTerminal && !!window.Aula?.reveal.isReady());
  await page.waitForTimeout(1500);
  for (const f of frames()) {
    const shown = await f.evaluate(() => {
      const slide = window.Aula!.reveal.getCurrentSlide();
      const transcript = slide.querySelector<HTMLElement>('.aula-transcript');
      return { live: document.querySelectorAll('.xterm').length, mounted: window.AulaTerminal!.count(), transcript: transcript ? transcript.getClientRects().length > 0 && transcript.innerText : null };
    });
    assert.equal(shown.live, 0, f.url());
    assert.equal(shown.mounted, 0, f.url());
    if (shown.transcript !== null) assert.match(String(shown.transcript), /\$ docker/, `${f.url()}: la vista previa muestra la transcripción`);
  }
  assert.deepEqual(await stored(), before, 'the previews saved nothing');
  await popup.close();
  await page.reload();
  await ready(page);
  assert.doesNotMatch(await text(page, 0), /Hello from Docker/);
  assert.equal(await term(page, 0).locator('.aula-term-hint').innerText(), 'Clic o Intro: escribir');
  await deck.close();
});

test('the header hint reads from the back of the room and wraps, never cut, under a long title', async () => {
  const deck = await open();
  const { page } = deck;
  const hint = term(page, 0).locator('.aula-term-hint');
  const measure = () =>
    hint.evaluate((el) => {
      // no named helpers in here: the test runner's compiler would wrap them in a function the page lacks
      const [fg, bg] = [getComputedStyle(el).color, getComputedStyle(el.closest('.aula-term-head')!).backgroundColor].map((c) => {
        const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      });
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return {
        px: parseFloat(getComputedStyle(el).fontSize) * (box.width / (el as HTMLElement).offsetWidth),
        contrast: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
        cut: (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1 || text.right > box.right + 1 || text.bottom > box.bottom + 1,
        lines: Math.round(text.height / parseFloat(getComputedStyle(el).lineHeight || '20')),
      };
    });
  const plain = await measure();
  assert.ok(plain.px >= 16, `pista de ${plain.px} px`);
  assert.ok(plain.contrast >= 7, `contraste ${plain.contrast.toFixed(2)}`);
  assert.equal(plain.cut, false);
  await term(page, 0).locator('.aula-term-title').evaluate((el) => (el.textContent = 'Un título muy largo que ocupa casi toda la cabecera de la terminal'));
  const long = await measure();
  assert.equal(long.cut, false, JSON.stringify(long));
  assert.equal(await hint.innerText(), 'Clic o Intro: escribir');
  await deck.close();
});

test('the speaker view lists the terminal\'s steps under the notes: done, next, pending', async () => {
  const deck = await open('#/1');
  const { page, context } = deck;
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  const notes = popup.locator('.speaker-controls-notes .value');
  const listed = async (re: RegExp) => {
    try {
      await popup.waitForFunction(([src, flags]) => new RegExp(src, flags).test(document.querySelector<HTMLElement>('.speaker-controls-notes .value')?.innerText ?? ''), [re.source, re.flags] as const, { timeout: 10_000 });
    } catch {
      assert.fail(`las notas del ponente no muestran ${re}:\n${await notes.innerText().catch(() => '')}`);
    }
  };
  await listed(/Terminal «Hola mundo» · paso 1 de 2\s+▶ siguiente: docker run hello-world\s+○ pendiente: docker ps -a/);
  await term(page, 0).getByRole('button', { name: 'Siguiente paso' }).click();
  await listed(/paso 2 de 2\s+✓ hecho: docker run hello-world\s+▶ siguiente: docker ps -a/);
  await popup.close();
  // the reading view's explanation stays the author's: the steps are for the speaker only
  await page.getByRole('button', { name: 'Modo lectura' }).click();
  await page.locator('.aula-transcript').first().waitFor({ state: 'visible' });
  assert.equal(await page.locator('.aula-reading-notes', { hasText: 'siguiente:' }).count(), 0);
  await deck.close();
});

test('print view shows the build-time transcript instead of the live terminal', async () => {
  const deck = await open('', '?print-pdf');
  const { page } = deck;
  await page.waitForFunction(() => document.documentElement.classList.contains('print-pdf'));
  const transcript = page.locator('.aula-transcript').first();
  await transcript.waitFor({ state: 'visible' });
  const t = await transcript.innerText();
  assert.match(t, /\$ docker run hello-world/);
  assert.match(t, /Hello from Docker!/);
  assert.match(t, /\$ docker ps -a\nCONTAINER ID/);
  assert.equal(await page.locator('.aula-terminal').first().isVisible(), false);
  assert.equal(await page.locator('.xterm').count(), 0);
  // a long transcript keeps a legible size on paper (12px of the slide: 9pt) instead of shrinking into its box
  const sizes = await page.$$eval('.aula-transcript pre', (pres) => pres.map((p) => parseFloat(getComputedStyle(p).fontSize)));
  assert.ok(sizes.length >= 4 && sizes.every((px) => px >= 12), sizes.join(', '));
  await deck.close();
});

test('scroll view shows transcripts; leaving it brings working terminals back', async () => {
  const deck = await open();
  const { page } = deck;
  await focus(page, 0);
  await page.keyboard.type('docker pull alpine\n');
  await waitText(page, 0, /Downloaded newer image[\s\S]*\$ ?$/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Modo lectura' }).click();
  await page.locator('.aula-transcript').first().waitFor({ state: 'visible' });
  assert.equal(await page.locator('.aula-terminal').first().isVisible(), false);
  await page.getByRole('button', { name: 'Modo diapositivas' }).click();
  await page.waitForFunction(() => document.querySelector('.aula-terminal')?.classList.contains('is-live') && !!document.querySelector('.aula-terminal .xterm'));
  await page.evaluate(() => window.Aula!.reveal.slide(1));
  await waitText(page, 0, /Downloaded newer image/); // the screen came back as it was
  await focus(page, 0);
  await page.keyboard.type('docker images\n');
  await waitText(page, 0, /alpine\s+latest/);
  await deck.close();
});

test('an autoplay terminal plays its steps when its slide is shown, and only then', async () => {
  const deck = await open();
  const { page } = deck;
  await page.waitForTimeout(300);
  assert.doesNotMatch(await text(page, 3), /busybox\s+latest/);
  await page.evaluate(() => window.Aula!.reveal.slide(4));
  await waitText(page, 3, /\$ docker images busybox\nREPOSITORY[\s\S]*busybox\s+latest[\s\S]*\$ ?$/);
  await page.waitForFunction(() => (document.querySelectorAll('.aula-term-step')[3] as HTMLButtonElement).disabled);
  await deck.close();
});

test('touch: a tap on the terminal gives it the keyboard; on a phone the reading view opens it over the page', async () => {
  const url = deckUrl('file', 'laboratorio', undefined, '#/1', OUT);
  const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  const page = await tablet.newPage();
  await page.goto(url);
  await waitForDeck(page);
  await page.waitForFunction(() => (window.AulaTerminal?.count() ?? 0) >= 4);
  await term(page, 0).locator('.aula-term-screen').tap();
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await page.keyboard.type('docker ps\n');
  await waitText(page, 0, /CONTAINER ID/);
  await tablet.close();

  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const small = await phone.newPage();
  await small.goto(url);
  await waitForDeck(small);
  await small.waitForFunction(() => document.querySelector('.reveal-scroll') !== null);
  const open = small.locator('.aula-transcript-open').first();
  await open.waitFor({ state: 'visible' });
  await open.tap();
  await small.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA' && !!document.activeElement.closest('dialog[open]'));
  await small.keyboard.type('docker images\n');
  await small.waitForFunction(() => /REPOSITORY/.test(window.AulaTerminal!.text(document.querySelector('dialog .aula-terminal')!)));
  const box = await small.locator('dialog .aula-terminal').boundingBox();
  assert.ok(box && box.width <= 375 && box.width > 300, `the terminal fits the phone (${box?.width})`);
  await small.getByRole('button', { name: 'Cerrar' }).tap();
  await small.waitForFunction(() => document.querySelectorAll('dialog').length === 0);
  await phone.close();
});

test('terminal code loads only on decks with terminals, after the first slide is shown', async () => {
  const html = readFileSync(join(OUT, 'laboratorio', 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src="[^"]*terminal\.[^"]*\.js"/, 'not a script tag of the page: loaded later');
  const deck = await open();
  assert.ok(deck.record.requests.some((u) => /\/assets\/terminal\.[A-Za-z0-9]+\.js$/.test(u)));
  assert.ok(deck.record.requests.some((u) => /\/assets\/terminal\.[A-Za-z0-9]+\.css$/.test(u)));
  await deck.close();

  const plain = await openDeck(browser, deckUrl('file', 'sin-terminales', undefined, '', OUT));
  await plain.page.waitForTimeout(500);
  assert.deepEqual(plain.record.requests.filter((u) => /\/assets\/terminal\./.test(u)), []);
  assert.equal(await plain.page.evaluate(() => typeof window.AulaTerminal), 'undefined');
  await plain.close();
});

test('the overview shows every slide but runs no setup and no autoplay', async () => {
  const deck = await open('#/0');
  const { page } = deck;
  await page.keyboard.press('o');
  await page.waitForFunction(() => document.querySelector('.reveal')!.classList.contains('overview'));
  await page.waitForTimeout(800);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.reveal')!.classList.contains('overview'));
  await page.waitForTimeout(500);
  assert.doesNotMatch(await text(page, 3), /busybox/);
  const stored = await page.evaluate(() => [localStorage.getItem('aula:terminal:laboratorio:principal'), localStorage.getItem('aula:terminal:laboratorio:auto')]);
  for (const s of stored) if (s) assert.deepEqual(JSON.parse(s).setup, []);
  await deck.close();
});

test('Ctrl+R searches the history inside the page (the browser does not reload)', async () => {
  const deck = await open();
  const { page } = deck;
  await focus(page, 0);
  await page.keyboard.type('docker images\n');
  await idlePrompt(page, 0);
  await page.keyboard.type('docker ps\n');
  await idlePrompt(page, 0);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await page.keyboard.press('Control+r');
  await page.keyboard.type('imag');
  await waitText(page, 0, /\(reverse-i-search\)`imag': docker images$/);
  await page.keyboard.press('Enter');
  await waitText(page, 0, /\$ docker ps\n[\s\S]*\$ docker images\nREPOSITORY[\s\S]*\n\$$/);
  assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);
  await deck.close();
});

test('readline keys in the browser: kills and yank, wide characters, Tab Tab and history in a container', async () => {
  const deck = await open();
  const { page } = deck;
  await focus(page, 0);
  // Alt+Backspace stops at the dash, Ctrl+Y gives back what was killed; nothing stale is left
  await page.keyboard.type('echo uno dos -it');
  await page.keyboard.press('Alt+Backspace');
  await page.keyboard.press('Home');
  await page.keyboard.press('Alt+f');
  await page.keyboard.press('Alt+d');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+y');
  // the terminal draws after the keys are handled: wait for the line rather than read it at once
  await waitText(page, 0, /^\$ echo dos - uno$/);
  await page.keyboard.press('Control+u');
  // CJK wraps whole at the edge; editing it leaves no stale cells
  await page.evaluate((d) => window.AulaTerminal!.input(document.querySelector('.aula-terminal')!, d), 'echo ' + '日本'.repeat(30));
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Delete');
  await waitText(page, 0, new RegExp(`^\\$ ${'日本'.repeat(30)}$`));
  await page.keyboard.press('Control+k');
  await waitText(page, 0, /^\$$/);
  // a container's shell: its own empty history, Tab Tab lists last parts of paths
  await page.keyboard.type('docker run -it --name caja ubuntu\n');
  await waitText(page, 0, /root@\w+:\/#$/);
  await page.keyboard.press('ArrowUp');
  assert.match(await text(page, 0), /root@\w+:\/#$/);
  // the first Tab completes "/etc/host" (host.conf, hostname, hosts), the second adds nothing (bell), the third lists
  await page.keyboard.type('ls /etc/ho');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  const listed = await waitText(page, 0, /\nhost\.conf +hostname +hosts\nroot@\w+:\/# ls \/etc\/host$/);
  assert.doesNotMatch(listed, /\/etc\/hostname/);
  await page.keyboard.press('Control+u');
  await page.keyboard.press('Control+d');
  await waitText(page, 0, /\nexit\n\$$/);
  await page.keyboard.press('ArrowUp');
  await waitText(page, 0, /\n\$ docker run -it --name caja ubuntu$/);
  assert.deepEqual(deck.record.errors, []);
  await deck.close();
});
