// nano in a container of a deck's terminal, typed in a real Chromium: it takes the screen and
// the keys (Esc included), Ctrl+O Enter writes, Ctrl+X leaves, and `cat` shows what was typed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildCourse } from '../../src/build/build';
import { deckUrl, launchChromium, openDeck, ROOT } from './harness';

const OUT = mkdtempSync(join(tmpdir(), 'aula-editor-e2e-'));
let browser: Browser;

before(async () => {
  const r = await buildCourse({ root: ROOT, slidesDir: join(ROOT, 'tests/e2e/fixtures/interactive/slides'), outDir: OUT });
  assert.ok(r.ok, r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(OUT, { recursive: true, force: true });
});

const text = (page: Page): Promise<string> => page.evaluate(() => window.AulaTerminal!.text(document.querySelector('.aula-terminal')!));

async function waitText(page: Page, re: RegExp): Promise<string> {
  try {
    await page.waitForFunction(([src, flags]) => new RegExp(src, flags).test(window.AulaTerminal!.text(document.querySelector('.aula-terminal')!)), [re.source, re.flags] as const, { timeout: 30_000 });
  } catch {
    assert.fail(`the terminal never showed ${re}; it shows:\n${await text(page)}`);
  }
  return text(page);
}

test('nano in ubuntu: type, Ctrl+O Enter writes, Esc stays in the terminal, Ctrl+X leaves, cat shows the text', async () => {
  const { page } = await openDeck(browser, deckUrl('file', 'interactivo', undefined, '#/1', OUT));
  await page.waitForFunction(() => (window.AulaTerminal?.count() ?? 0) >= 1 && window.AulaTerminal!.text(document.querySelector('.aula-terminal')!) !== '');
  await page.locator('.aula-term-screen').click();
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await page.keyboard.type('docker run -it ubuntu bash\n');
  await waitText(page, /root@\w+:\/#$/);
  await page.keyboard.type('apt-get update >/dev/null && apt-get install -y nano >/dev/null; echo listo\n');
  await waitText(page, /\nlisto\nroot@\w+:\/#$/);
  await page.keyboard.type('nano /usr/share/hola.txt\n');
  await waitText(page, /GNU nano 7\.2[^]*\[ New File \][^]*\^X Exit/);
  await page.keyboard.type('Hola desde nano');
  await page.keyboard.press('Escape');
  // Esc went to nano: the keyboard is still the terminal's, and its hint says how to leave
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  assert.match(await page.locator('.aula-terminal').innerText(), /Esc es del editor · «Salir del terminal»: volver/);
  await page.keyboard.press('Control+o');
  await waitText(page, /File Name to Write: \/usr\/share\/hola\.txt/);
  await page.keyboard.press('Enter');
  await waitText(page, /\[ Wrote 1 line \]/);
  if (process.env.SHOT_DIR) {
    mkdirSync(process.env.SHOT_DIR, { recursive: true });
    await page.locator('.aula-terminal').screenshot({ path: join(process.env.SHOT_DIR, 'nano.png') });
  }
  await page.keyboard.press('Control+x');
  await waitText(page, /root@\w+:\/#$/);
  await page.keyboard.type('cat /usr/share/hola.txt\n');
  await waitText(page, /cat \/usr\/share\/hola\.txt\nHola desde nano\nroot@\w+:\/#$/);
});
