/** «Compartir»: in a deck it copies the address of the slide on screen; on the landing page, the deck's address. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, ROOT, startStaticServer, waitForDeck, type StaticServer } from './harness';

const FIXTURE = join(ROOT, 'tests', 'e2e', 'fixtures', 'export');
let work = '';
let dist = '';
let server: StaticServer;
let browser: Browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'aula-share-'));
  dist = join(work, 'dist');
  const r = spawnSync(process.execPath, ['build.mjs', '--out', dist, '--slides', join(FIXTURE, 'slides'), '--assets', join(FIXTURE, 'assets')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  server = await startStaticServer(dist);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function clipboardContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  return context;
}

test('the deck copies the address of the slide on screen', async () => {
  const context = await clipboardContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/portada/index.html#/2`);
    await waitForDeck(page);
    const share = page.getByRole('button', { name: /Compartir/ });
    await share.click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}/portada/index.html#/2`);
    await page.getByRole('status').filter({ hasText: 'Enlace a esta diapositiva copiado' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => location.hash === '#/2/1');
    await share.click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}/portada/index.html#/2/1`);
  } finally {
    await context.close();
  }
});

test('the landing page copies the address of each deck', async () => {
  const context = await clipboardContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.locator('.aula-share[data-share-path="terminal/index.html"]').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}/terminal/index.html`);
    await page.getByRole('status').filter({ hasText: `Enlace copiado: ${server.url}/terminal/index.html` }).waitFor();
  } finally {
    await context.close();
  }
});

test('from file:// sharing still hands over the address (copied, or offered to copy by hand)', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const url = `${pathToFileURL(join(dist, 'portada', 'index.html')).href}#/3`;
    let offered = '';
    page.on('dialog', (d) => {
      offered = d.defaultValue();
      void d.dismiss();
    });
    await page.goto(url);
    await waitForDeck(page);
    await page.getByRole('button', { name: /Compartir/ }).click();
    await page.waitForFunction(() => (document.querySelector('.aula-share-status')?.textContent ?? '') !== '', null, { timeout: 5000 }).catch(() => {});
    const notice = await page.evaluate(() => document.querySelector('.aula-share-status')?.textContent ?? '');
    assert.ok(notice === 'Enlace a esta diapositiva copiado' || offered === url, `aviso «${notice}», enlace ofrecido «${offered}»`);
  } finally {
    await context.close();
  }
});
