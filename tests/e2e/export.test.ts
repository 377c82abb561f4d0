/**
 * `npm run export` on a small fixture course: PDFs (pages, text, vector diagrams, notes, metadata),
 * the one-file HTML with every request blocked, thumbnails, the landing downloads and curso.zip.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { PDFDocument, PDFName, PDFDict, PDFHexString, PDFString } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { launchChromium, recordContext, ROOT, waitForDeck } from './harness';

const FIXTURE = join(ROOT, 'tests', 'e2e', 'fixtures', 'export');
const SLIDES = join(FIXTURE, 'slides');
const DECKS = ['portada', 'terminal'];

let work = '';
let dist = '';
let exportRun: SpawnSyncReturns<string>;
let browser: Browser;

function build(out: string): void {
  const r = spawnSync(process.execPath, ['build.mjs', '--out', out, '--slides', SLIDES, '--assets', join(FIXTURE, 'assets')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `la compilación del curso de prueba falló:\n${r.stdout}\n${r.stderr}`);
}

function runExport(distDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/build/export/main.ts', '--dist', distDir, '--slides', SLIDES, ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
}

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const pdfPages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [file]))![1]);
const pageText = (file: string, page: number) => tool('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']).replace(/\s+/g, ' ');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What the built deck itself says about its slides, read from reveal in a normal view. */
async function slidesOf(slug: string): Promise<{ total: number; headings: string[]; diagramSlides: number[]; notes: string[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(dist, slug, 'index.html')).href);
    await waitForDeck(page);
    return await page.evaluate(() => {
      const reveal = window.Aula!.reveal;
      const slides = reveal.getSlides() as HTMLElement[];
      return {
        total: reveal.getTotalSlides(),
        headings: slides.map((s) => (s.querySelector('h1,h2')?.textContent ?? '').trim()),
        diagramSlides: slides.flatMap((s, i) => (s.querySelector('figure.aula-diagram svg') ? [i] : [])),
        notes: slides.map((s) => (s.querySelector('aside.notes')?.textContent ?? '').trim()),
      };
    });
  } finally {
    await context.close();
  }
}

/** Every file below dir with its size and mtime, to prove a failed export touched nothing. */
function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  (function walk(d: string) {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name);
      if (name.isDirectory()) walk(p);
      else out.push(`${p.slice(dir.length)} ${readFileSync(p).length}`);
    }
  })(dir);
  return out.sort();
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'aula-export-'));
  dist = join(work, 'dist');
  build(dist);
  exportRun = runExport(dist, ['--notes']);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('one command exports every file, printing its progress', () => {
  assert.equal(exportRun.status, 0, `npm run export falló:\n${exportRun.stdout}\n${exportRun.stderr}`);
  assert.match(exportRun.stdout, /\[1\/2\] \w+: \d+ diapositivas/);
  assert.match(exportRun.stdout, /\[2\/2\] \w+: \d+ diapositivas/);
  assert.match(exportRun.stdout, /Listo en/);
  const files = readdirSync(join(dist, 'export')).sort();
  const expected = ['curso-notas.pdf', 'curso.pdf', 'curso.zip', ...DECKS.flatMap((d) => [`${d}-notas.pdf`, `${d}.html`, `${d}.pdf`, `${d}.png`])].sort();
  assert.deepEqual(files, expected);
  assert.deepEqual(readdirSync(dist).filter((n) => n.startsWith('.')), [], 'no temporary folder left behind');
});

test('each deck PDF has one page per slide and its text can be extracted', async () => {
  for (const slug of DECKS) {
    const info = await slidesOf(slug);
    const pdf = join(dist, 'export', `${slug}.pdf`);
    assert.equal(pdfPages(pdf), info.total, `${slug}: páginas del PDF = diapositivas`);
    info.headings.forEach((h, i) => {
      if (h) assert.ok(pageText(pdf, i + 1).includes(norm(h)), `${slug}: el título «${h}» está en la página ${i + 1}`);
    });
  }
  const portada = join(dist, 'export', 'portada.pdf');
  const last = pdfPages(portada);
  assert.match(pageText(portada, last), /Frase buscable: contenedores efímeros y capas compartidas/);
  // fragments print in their final state: every item of the list is there
  assert.match(pageText(portada, 2), /Primer punto del repaso.*Segundo punto del repaso/);
  // the slide number is printed on the page
  assert.match(pageText(portada, 2), /\b2\b/);
  // a terminal prints as the transcript of its scenario: the command and what Docker answered
  const terminal = pageText(join(dist, 'export', 'terminal.pdf'), 2);
  assert.match(terminal, /\$ docker run hello-world/);
  assert.match(terminal, /Hello from Docker!/);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(tool('pdfinfo', [portada]))!;
  assert.ok(Math.abs(Number(size[1]) / Number(size[2]) - 960 / 700) < 0.01, `proporción de la diapositiva: ${size[0]}`);
});

test('a slide taller than its page prints whole, scaled down, on one page', async () => {
  const info = await slidesOf('portada');
  const i = info.headings.indexOf('Lista larga');
  assert.ok(i >= 0, 'the fixture has a long slide');
  const text = pageText(join(dist, 'export', 'portada.pdf'), i + 1);
  for (const n of [1, 9, 18]) assert.ok(text.includes(`Elemento número ${n} de la lista larga`), `item ${n} printed`);
  assert.match(exportRun.stderr, new RegExp(`portada: diapositiva ${i + 1} \\([^)]*01-portada\\.md:\\d+\\): no cabe en la página: se imprime al \\d+ %`));
});

test('a diagram prints as vectors: its labels are text and its page holds no raster image', async () => {
  const info = await slidesOf('portada');
  assert.ok(info.diagramSlides.length > 0, 'el curso de prueba tiene un diagrama dibujado');
  const pdf = join(dist, 'export', 'portada.pdf');
  for (const i of info.diagramSlides) {
    const list = tool('pdfimages', ['-list', '-f', String(i + 1), '-l', String(i + 1), pdf]).trim().split('\n');
    assert.equal(list.length, 2, `página ${i + 1} sin imágenes rasterizadas:\n${list.join('\n')}`);
    for (const label of ['Ordenador', 'órdenes', 'Servidor']) assert.match(pageText(pdf, i + 1), new RegExp(label));
  }
});

test('the handout puts each slide’s notes under it', async () => {
  const info = await slidesOf('portada');
  const notes = join(dist, 'export', 'portada-notas.pdf');
  assert.equal(pdfPages(notes), info.total);
  info.notes.forEach((n, i) => {
    const text = pageText(notes, i + 1);
    if (info.headings[i]) assert.ok(text.includes(norm(info.headings[i])), `página ${i + 1}: la diapositiva`);
    if (n) assert.ok(text.includes(norm(n)), `página ${i + 1}: sus notas «${n}»`);
  });
  const slide = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(tool('pdfinfo', [join(dist, 'export', 'portada.pdf')]))!;
  const handout = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(tool('pdfinfo', [notes]))!;
  assert.equal(handout[1], slide[1]);
  assert.ok(Number(handout[2]) > Number(slide[2]) * 1.3, 'la página del folleto deja sitio para las notas');
});

test('PDF metadata: title, author and language; the course PDF joins every deck with bookmarks', async () => {
  const info = tool('pdfinfo', [join(dist, 'export', 'portada.pdf')]);
  assert.match(info, /^Title:\s+1\. Portada de prueba · Curso de prueba de exportación$/m);
  assert.match(info, /^Author:\s+Autora de Prueba$/m);
  for (const name of ['portada.pdf', 'curso.pdf']) {
    const doc = await PDFDocument.load(readFileSync(join(dist, 'export', name)));
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    assert.ok(lang instanceof PDFString || lang instanceof PDFHexString, `${name}: /Lang`);
    assert.equal(lang.decodeText(), 'es');
    assert.equal(doc.getAuthor(), 'Autora de Prueba');
  }
  const course = join(dist, 'export', 'curso.pdf');
  assert.equal(pdfPages(course), pdfPages(join(dist, 'export', 'portada.pdf')) + pdfPages(join(dist, 'export', 'terminal.pdf')));
  assert.match(tool('pdfinfo', [course]), /^Title:\s+Curso de prueba de exportación$/m);
  const doc = await PDFDocument.load(readFileSync(course));
  const first = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First'), PDFDict);
  assert.equal((first.lookup(PDFName.of('Title')) as PDFHexString).decodeText(), '1. Portada de prueba');
});

test('the one-file HTML works with every request blocked: slides and a live terminal', async () => {
  const file = join(dist, 'export', 'terminal.html');
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const blocked: string[] = [];
    // The file itself may be opened again with a query (reveal's speaker view does): still no network.
    const sameFile = (u: string) => u.split(/[?#]/)[0] === url;
    await context.route('**/*', (route) => {
      if (sameFile(route.request().url())) return route.continue();
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const record = recordContext(context);
    const page = await context.newPage();
    await page.goto(url);
    await waitForDeck(page);
    assert.equal(norm(await page.locator('.reveal .slides section.present h1').innerText()), 'Terminal de prueba');
    await page.keyboard.press('ArrowRight');
    const term = page.locator('.reveal .slides section.present .aula-terminal');
    await term.locator('.aula-term-screen').waitFor({ state: 'visible' });
    // the terminal code came from inside the file: the live terminal mounts and takes the keyboard
    await term.locator('.aula-term-screen').click();
    await page.waitForFunction(() => {
      const t = document.querySelector('.reveal .slides section.present .aula-terminal');
      return !!t && t.contains(document.activeElement) && document.activeElement?.tagName === 'TEXTAREA';
    });
    await page.keyboard.type('docker run hello-world');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => {
        const t = document.querySelector('.reveal .slides section.present .aula-terminal');
        const api = (window as unknown as { AulaTerminal?: { text(el: Element): string } }).AulaTerminal;
        const shown = t ? (api ? api.text(t) : (t.querySelector('.xterm-rows')?.textContent ?? '')) : '';
        return shown.includes('Hello from Docker!');
      },
      null,
      { timeout: 20_000 },
    );
    assert.deepEqual(blocked, [], 'el archivo no pidió nada fuera de sí mismo');
    assert.deepEqual(record.errors, []);
    assert.deepEqual(
      record.requests.filter((u) => !/^(data|blob):/.test(u) && !sameFile(u)),
      [],
    );
  } finally {
    await context.close();
  }
});

test('the one-file HTML, alone, offers no dead link: no way back to the index, other sections marked', async () => {
  const url = pathToFileURL(join(dist, 'export', 'terminal.html')).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitForDeck(page);
    assert.equal(await page.locator('.aula-home').isVisible(), false, '«Índice» lleva a una portada que no viaja con el archivo');
    const link = page.locator('.reveal .slides a', { hasText: 'la portada' });
    assert.equal(await link.getAttribute('href'), null, 'el enlace a otra sección no lleva a ningún sitio');
    assert.equal(await link.getAttribute('aria-disabled'), 'true');
    await page.keyboard.press('Control+k');
    const dialog = page.locator('dialog.aula-search-dialog');
    await dialog.waitFor();
    await dialog.locator('input[type=search]').fill('portada');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('dialog.aula-search-dialog .aula-search')?.dataset.query === 'portada');
    const hrefs = await dialog.locator('a.aula-search-result').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs.filter((h) => !h!.startsWith('#')), [], 'resultados que enlazan fuera del archivo');
    const away = dialog.locator('.aula-search-result.is-unavailable');
    assert.ok((await away.count()) > 0, 'los resultados de la otra sección no se muestran como no disponibles');
    assert.match(await away.first().innerText(), /no está en este archivo/);
    // the site itself keeps its links
    const site = await context.newPage();
    await site.goto(pathToFileURL(join(dist, 'terminal', 'index.html')).href);
    await waitForDeck(site);
    assert.equal(await site.locator('.aula-home').isVisible(), true);
    assert.equal(await site.locator('.reveal .slides a', { hasText: 'la portada' }).getAttribute('href'), '../portada/index.html');
  } finally {
    await context.close();
  }
});

test('the one-file HTML carries its fonts and draws its diagram with every request blocked', async () => {
  const url = pathToFileURL(join(dist, 'export', 'portada.html')).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url().split(/[?#]/)[0] === url) return route.continue();
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const record = recordContext(context);
    const page = await context.newPage();
    await page.goto(url);
    await waitForDeck(page);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // every font the page asks for came from inside the file
    const fonts = await page.evaluate(() => Array.from(document.fonts).filter((f) => f.status === 'loaded').map((f) => f.family));
    assert.ok(fonts.some((f) => /Atkinson Hyperlegible/.test(f)), `fuentes cargadas: ${fonts.join(', ')}`);
    const size = await page.evaluate(() => {
      const reveal = window.Aula!.reveal;
      const slide = (reveal.getSlides() as HTMLElement[]).find((s) => s.querySelector('figure.aula-diagram svg'))!;
      const i = reveal.getIndices(slide);
      reveal.slide(i.h, i.v);
      const r = slide.querySelector('figure.aula-diagram svg')!.getBoundingClientRect();
      return [r.width, r.height];
    });
    assert.ok(size[0] > 16 && size[1] > 16, `diagram drawn at ${size}`);
    const img = await page.evaluate(() => {
      const el = document.querySelector<HTMLImageElement>('.reveal img[alt="Un cuadrado de prueba"]')!;
      return [el.src.slice(0, 26), el.naturalWidth];
    });
    assert.equal(img[0], 'data:image/svg+xml;base64,');
    assert.ok(Number(img[1]) > 0);
    assert.deepEqual(blocked, []);
    assert.deepEqual(record.failed, []);
    assert.deepEqual(record.errors, []);
  } finally {
    await context.close();
  }
});

test('thumbnails are PNGs of the first slide, and the landing page links every download', () => {
  for (const slug of DECKS) {
    const png = readFileSync(join(dist, 'export', `${slug}.png`));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(png.readUInt32BE(16), 640, 'ancho de la miniatura');
  }
  const landing = readFileSync(join(dist, 'index.html'), 'utf8');
  for (const slug of DECKS) {
    for (const f of [`${slug}.pdf`, `${slug}-notas.pdf`, `${slug}.html`, `${slug}.png`]) {
      assert.ok(landing.includes(`"export/${f}"`), `la portada enlaza export/${f}`);
    }
    assert.match(landing, new RegExp(`class="aula-share" data-share-path="${slug}/index.html"`));
    assert.match(readFileSync(join(dist, slug, 'index.html'), 'utf8'), new RegExp(`<meta property="og:image" content="../export/${slug}.png">`));
  }
  for (const f of ['curso.pdf', 'curso-notas.pdf', 'curso.zip']) assert.ok(landing.includes(`"export/${f}"`), f);
  assert.match(landing, /<meta property="og:image" content="export\/portada\.png">/);
});

test('curso.zip unpacks to a site that works from disk', async () => {
  const into = join(work, 'unzipped');
  const files = unzipSync(readFileSync(join(dist, 'export', 'curso.zip')));
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), bytes);
  }
  const site = join(into, 'curso');
  for (const f of ['index.html', 'portada/index.html', 'terminal/index.html', 'export/portada.pdf', 'export/curso.pdf', 'export/portada.png']) {
    assert.ok(existsSync(join(site, f)), f);
  }
  assert.ok(!existsSync(join(site, 'export', 'curso.zip')), 'the zip does not contain itself');
  // every link and image of the unpacked landing page leads to a file that is there
  const landing = readFileSync(join(site, 'index.html'), 'utf8');
  const refs = [...landing.matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) => m[1]);
  assert.ok(refs.includes('export/portada.pdf'));
  for (const ref of refs) assert.ok(existsSync(join(site, decodeURIComponent(ref))), `la portada del zip enlaza ${ref}, que no está`);
  const context = await browser.newContext();
  try {
    const record = recordContext(context);
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    await page.locator('a[href="portada/index.html"]').first().click();
    await waitForDeck(page);
    assert.equal(norm(await page.locator('.reveal .slides section.present h1').innerText()), 'Portada de prueba');
    assert.deepEqual(record.failed, []);
    assert.deepEqual(record.errors, []);
  } finally {
    await context.close();
  }
});

test('without a browser: a clear message, a non-zero exit, and dist/export untouched', () => {
  const before = snapshot(join(dist, 'export'));
  const r = runExport(dist, [], { ...process.env, AULA_NO_BROWSER: '1', CHROMIUM_PATH: '/nonexistent/chromium' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /No se encontró Chromium/);
  assert.match(r.stderr, /apt-get install chromium/);
  assert.match(r.stderr, /CHROMIUM_PATH/);
  assert.deepEqual(snapshot(join(dist, 'export')), before);
  assert.deepEqual(readdirSync(dist).filter((n) => n.startsWith('.')), []);
});

test('without a build: says to build first, exits non-zero, writes nothing', () => {
  const empty = join(work, 'empty');
  mkdirSync(empty, { recursive: true });
  const r = runExport(empty);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /npm run build/);
  assert.deepEqual(readdirSync(empty), []);
});

test('a deck that cannot be printed is named with its slide, and nothing is replaced', () => {
  const broken = join(work, 'broken');
  build(broken);
  const first = runExport(broken);
  assert.equal(first.status, 0, first.stderr);
  const before = snapshot(join(broken, 'export'));
  const deckPath = join(broken, 'portada', 'index.html');
  const html = readFileSync(deckPath, 'utf8');
  // the diagram's drawing disappears: the figure stays, empty
  const emptied = html.replace(/(<figure class="aula-diagram[^>]*>)[\s\S]*?<\/svg>/, '$1');
  assert.notEqual(emptied, html, 'the fixture deck has an inline diagram');
  writeFileSync(deckPath, emptied);
  // nothing can draw the emptied figure (no viewer fallback in this build): the export says so at once
  const r = runExport(broken);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /portada: diapositiva 3 \([^)]*slides\/01-portada\.md:\d+\): el diagrama no se ha dibujado/);
  assert.deepEqual(snapshot(join(broken, 'export')), before);
  assert.deepEqual(readdirSync(broken).filter((n) => n.startsWith('.')), []);
});
