/**
 * `npm start` in a real browser: the open page reloads after a good change, shows the errors of a
 * failed build over the slides (file:line), keeps the last good deck usable, and clears the errors
 * once the file is fixed.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launchChromium, recordContext, waitForDeck, ROOT } from './harness';

const children: { kill(): void }[] = [];

/** Retries `check` (page reloads make single waits racy) until it passes or a minute goes by. */
async function eventually(check: () => Promise<void>): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() - started > 60_000) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
after(() => children.forEach((c) => c.kill()));

test('npm start: recarga la página al guardar y muestra los errores encima sin perder la presentación', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-dev-'));
  const slides = join(dir, 'slides');
  cpSync(join(ROOT, 'tests', 'fixtures', 'small'), slides, { recursive: true });
  let log = '';
  const child = spawn(process.execPath, [join(ROOT, 'build.mjs'), '--serve', '--port', '0', '--slides', slides, '--out', join(dir, 'dist')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const until = async (re: RegExp) => {
    for (let i = 0; i < 1200 && !re.test(log); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(log, re);
  };
  await until(/Compilado en/);
  const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(log)![0];

  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const record = recordContext(context);
    const page = await context.newPage();
    await page.goto(`${url}uno/index.html`);
    await waitForDeck(page);
    assert.equal(await page.locator('.reveal h1').first().textContent(), 'Uno');

    // a good change: the page reloads by itself and shows it
    const file = join(slides, '01-uno.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('# Uno', '# Uno recargado'));
    await eventually(async () => assert.equal(await page.locator('.reveal h1').first().textContent({ timeout: 1000 }), 'Uno recargado'));
    await waitForDeck(page);

    // a broken file: the errors appear over the slides, which keep working underneath
    writeFileSync(file, good.replace('summary: Primera sección mínima.', '') + '\n```bash\n');
    const overlay = page.locator('#aula-build-errors');
    await overlay.waitFor({ timeout: 60_000 });
    const text = await overlay.innerText();
    assert.match(text, /La compilación falló/);
    assert.match(text, /01-uno\.md:1: falta `summary`/);
    assert.match(text, /01-uno\.md:\d+: bloque de código sin cerrar/);
    await page.locator('#aula-build-errors button').click();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => window.Aula!.reveal.getIndices().h), 1);

    // fixed: the page reloads without the errors
    writeFileSync(file, good);
    await eventually(async () => {
      assert.equal(await page.locator('.reveal h1').first().textContent({ timeout: 1000 }), 'Uno');
      assert.equal(await page.locator('#aula-build-errors').count(), 0);
    });
    await waitForDeck(page);
    assert.deepEqual(record.errors, []);
  } finally {
    await browser.close();
  }
});
