/**
 * The course as the class sees it: every slide of every deck at 1280x720 in Chromium. Fails on a
 * slide whose content does not fit, a console error, a diagram that came out empty or as a
 * placeholder, a terminal missing from its slide, a content slide without speaker notes, and a
 * landing page that does not list the five sections in order with their summaries.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { DIST, ROOT, launchChromium, startStaticServer, openDeck, deckUrl, recordContext, siteUrl, type StaticServer } from './harness';

const slidesDir = join(ROOT, 'slides');

interface Section {
  slug: string;
  title: string;
  summary: string;
  mermaid: number;
  terminals: number;
}

/** What the sources promise, read straight from slides/NN-slug.md. */
function readSections(): Section[] {
  return readdirSync(slidesDir)
    .filter((f) => /^\d+-[a-z0-9-]+\.md$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(slidesDir, f), 'utf8');
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
      assert.ok(fm, `${f}: sin cabecera YAML`);
      const meta = parseYaml(fm[1]) as { title: string; summary: string };
      return {
        slug: f.replace(/^\d+-/, '').replace(/\.md$/, ''),
        title: meta.title,
        summary: meta.summary,
        mermaid: (text.match(/^```mermaid\b/gm) ?? []).length,
        terminals: (text.match(/^```terminal\b/gm) ?? []).length,
      };
    });
}

const sections = readSections();
const EXPECTED_SLUGS = ['arquitectura', 'imagenes', 'contenedores', 'capas', 'dockerfile'];

let browser: Browser;
let server: StaticServer;

before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'falta dist/index.html: ejecute `npm run build` antes de las pruebas e2e');
  server = await startStaticServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('el curso tiene las cinco secciones en el orden previsto', () => {
  assert.deepEqual(
    sections.map((s) => s.slug),
    EXPECTED_SLUGS,
  );
  for (const s of sections) {
    assert.ok(s.mermaid >= 1, `${s.slug}: ninguna figura Mermaid`);
    assert.ok(s.terminals >= 1, `${s.slug}: ninguna terminal`);
  }
});

test('la portada enumera las cinco secciones en orden, con su resumen', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const record = recordContext(context);
  try {
    const page = await context.newPage();
    await page.goto(siteUrl('http', 'index.html', server), { waitUntil: 'load' });
    const items = await page.$$eval('ol.sections li', (lis) =>
      lis.map((li) => ({
        href: li.querySelector('a')?.getAttribute('href') ?? '',
        title: li.querySelector('.section-title')?.textContent ?? '',
        summary: li.querySelector('.section-summary')?.textContent ?? '',
        visible: (li as HTMLElement).offsetHeight > 0,
      })),
    );
    assert.deepEqual(
      items.map((i) => i.href),
      EXPECTED_SLUGS.map((s) => `${s}/index.html`),
      'enlaces a las secciones en la portada',
    );
    for (const [k, s] of sections.entries()) {
      assert.equal(normalize(items[k].title), normalize(s.title), `título de la sección ${k + 1}`);
      assert.equal(normalize(items[k].summary), normalize(s.summary), `resumen de la sección ${k + 1}`);
      assert.ok(items[k].visible, `la sección ${k + 1} no se ve en la portada`);
    }
    assert.deepEqual(record.errors, [], 'errores en la consola de la portada');
    assert.deepEqual(record.failed, [], 'peticiones fallidas en la portada');
  } finally {
    await context.close();
  }
});

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** What the reader sees as a terminal's transcript, and the scenario it replays. */
function terminalsOf(html: string): { scenario: { title?: string; steps: { command: string; fail?: boolean }[] }; transcript: string }[] {
  const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const scenarios = [...html.matchAll(/class="aula-terminal"[^>]*data-scenario="([^"]*)"/g)].map((m) => JSON.parse(unescape(m[1])));
  const transcripts = [...html.matchAll(/<figure class="aula-transcript"[\s\S]*?<\/figure>/g)].map((m) => unescape(m[0].replace(/<[^>]+>/g, '')));
  assert.equal(transcripts.length, scenarios.length, 'cada terminal lleva su transcripción');
  return scenarios.map((scenario, k) => ({ scenario, transcript: transcripts[k] }));
}

// Signs that a step went wrong inside the simulator (a container shell's errors do not stop the build).
const FAILURE_SIGNS = ['command not found', 'No such file or directory', 'Error response from daemon', 'pull access denied', 'unknown flag', 'invalid reference format'];

for (const section of sections) {
  test(`sección «${section.slug}»: las terminales repiten sus pasos sin errores inesperados`, () => {
    const html = readFileSync(join(DIST, section.slug, 'index.html'), 'utf8');
    const terminals = terminalsOf(html);
    assert.equal(terminals.length, section.terminals, `${section.slug}: terminales en la página`);
    for (const { scenario, transcript } of terminals) {
      const where = `${section.slug} «${scenario.title ?? ''}»`;
      for (const step of scenario.steps) assert.ok(transcript.includes(step.command), `${where}: la transcripción no muestra «${step.command}»`);
      if (scenario.steps.some((st) => st.fail)) continue;
      for (const sign of FAILURE_SIGNS) assert.ok(!transcript.includes(sign), `${where}: «${sign}» en la transcripción:\n${transcript}`);
    }
  });
}

interface SlideReport {
  h: number;
  v: number;
  source: string;
  title: string;
  /** how far content sticks out of the 1280x720 slide area, in CSS pixels of the viewport */
  overflow: { top: number; bottom: number; left: number; right: number; tallest: number; slideHeight: number };
  /** the slide's content (margins included) against reveal's slide box, in slide px */
  content: { width: number; height: number; boxWidth: number; boxHeight: number; hiddenFragments: number };
  notes: string;
  diagrams: { width: number; height: number; placeholder: boolean }[];
  terminals: number;
  placeholders: string[];
}

for (const section of sections) {
  test(`sección «${section.slug}»: cada diapositiva cabe, sin errores, con diagramas y notas`, async () => {
    const deck = await openDeck(browser, deckUrl('http', section.slug, server), { viewport: { width: 1280, height: 720 } });
    const { page, record } = deck;
    try {
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // Measured where each slide comes to rest: no slide-in animation between two measurements.
      await page.evaluate(() => window.Aula!.reveal.configure({ transition: 'none', backgroundTransition: 'none' }));

      const indices = await page.evaluate(() => {
        const reveal = window.Aula!.reveal;
        return reveal.getSlides().map((s) => reveal.getIndices(s));
      });
      assert.ok(indices.length >= 5, `${section.slug}: solo ${indices.length} diapositivas`);

      const reports: SlideReport[] = [];
      for (const { h, v } of indices) {
        // Every fragment shown: the slide as it ends up on the projector
        await page.evaluate(({ h, v }) => window.Aula!.reveal.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER), { h, v });
        await settle(page);
        reports.push(await measure(page, h, v ?? 0));
      }

      const problems: string[] = [];
      const where = (r: SlideReport) => `${r.source || `${section.slug} ${r.h}/${r.v}`} «${r.title}»`;
      for (const r of reports) {
        const o = r.overflow;
        if (o.bottom > 1 || o.top > 1) problems.push(`${where(r)}: el contenido se sale de la diapositiva (${Math.round(o.tallest)}px de alto en un área de ${Math.round(o.slideHeight)}px)`);
        const c = r.content;
        if (c.hiddenFragments > 0) problems.push(`${where(r)}: ${c.hiddenFragments} fragmentos sin mostrar al medir`);
        if (c.height > c.boxHeight + 1) problems.push(`${where(r)}: el contenido mide ${c.height}px de alto y la diapositiva ${c.boxHeight}px (sobran ${c.height - c.boxHeight}px)`);
        if (c.width > c.boxWidth + 1) problems.push(`${where(r)}: el contenido mide ${c.width}px de ancho y la diapositiva ${c.boxWidth}px`);
        if (o.left > 1 || o.right > 1) problems.push(`${where(r)}: el contenido se sale por los lados (${Math.round(Math.max(o.left, o.right))}px)`);
        for (const d of r.diagrams) {
          if (d.placeholder) problems.push(`${where(r)}: diagrama sustituido por un aviso`);
          else if (d.width <= 16 || d.height <= 16) problems.push(`${where(r)}: diagrama vacío (${d.width}x${d.height})`);
        }
        for (const p of r.placeholders) problems.push(`${where(r)}: marcador en lugar del contenido: ${p}`);
      }
      // The title slide speaks for itself; every other slide tells the teacher what to say.
      for (const r of reports.slice(1)) if (r.notes.trim().length < 20) problems.push(`${where(r)}: sin notas para el profesor`);

      const diagrams = reports.reduce((n, r) => n + r.diagrams.length, 0);
      const terminals = reports.reduce((n, r) => n + r.terminals, 0);
      if (diagrams !== section.mermaid) problems.push(`${section.slug}: ${diagrams} diagramas en las diapositivas, ${section.mermaid} en el Markdown`);
      if (terminals !== section.terminals) problems.push(`${section.slug}: ${terminals} terminales en las diapositivas, ${section.terminals} en el Markdown`);

      const recap = reports[reports.length - 1];
      const recapFragments = await page.evaluate(() => {
        const reveal = window.Aula!.reveal;
        const slides = reveal.getSlides();
        return slides[slides.length - 1].querySelectorAll('.fragment').length;
      });
      if (!/repaso/i.test(recap.title)) problems.push(`${section.slug}: la última diapositiva no es el repaso («${recap.title}»)`);
      if (recapFragments < 3 || recapFragments > 5) problems.push(`${section.slug}: el repaso tiene ${recapFragments} preguntas (se esperan de 3 a 5)`);

      assert.deepEqual(problems, [], `${section.slug}:\n${problems.join('\n')}`);
      assert.deepEqual(record.errors, [], `${section.slug}: errores en la consola`);
      assert.deepEqual(record.failed, [], `${section.slug}: peticiones fallidas`);
    } finally {
      await deck.close();
    }
  });
}

/** Waits until the current slide stops changing size (terminals and fonts mount lazily). */
async function settle(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() => {
      const s = window.Aula!.reveal.getCurrentSlide();
      const r = s.getBoundingClientRect();
      return `${Math.round(r.width)}x${Math.round(r.height)}x${s.scrollHeight}`;
    });
    if (now === last) return;
    last = now;
    await page.waitForTimeout(100);
  }
}

async function measure(page: Page, h: number, v: number): Promise<SlideReport> {
  return page.evaluate(
    ({ h, v }) => {
      const reveal = window.Aula!.reveal;
      const slide = reveal.getCurrentSlide();
      const area = (document.querySelector('.reveal .slides') as HTMLElement).getBoundingClientRect();
      const scale = reveal.getScale() || 1;
      const box = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
      // Every rendered element counts, fragments included: hidden fragments still take their place.
      for (const el of Array.from(slide.querySelectorAll<HTMLElement>('*'))) {
        if (el.closest('aside.notes')) continue;
        // A terminal or a diagram counts as its own box: xterm parks helpers off-screen, SVG clips its text.
        const widget = el.parentElement?.closest('.aula-terminal, svg');
        if (widget) continue;
        const cs = getComputedStyle(el);
        if (cs.display === 'none' || cs.position === 'fixed') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        box.top = Math.min(box.top, r.top);
        box.bottom = Math.max(box.bottom, r.bottom);
        box.left = Math.min(box.left, r.left);
        box.right = Math.max(box.right, r.right);
      }
      // An empty slide has nothing that could stick out.
      if (!Number.isFinite(box.top)) Object.assign(box, { top: area.top, bottom: area.top, left: area.left, right: area.left });
      const heading = slide.querySelector('h1, h2, h3');
      const diagrams = Array.from(slide.querySelectorAll<HTMLElement>('.aula-diagram')).map((fig) => {
        const svg = fig.querySelector('svg');
        const r = svg?.getBoundingClientRect();
        const placeholder = !svg || fig.querySelector('.aula-placeholder') !== null;
        return { width: Math.round(r?.width ?? 0), height: Math.round(r?.height ?? 0), placeholder };
      });
      // The build's stand-in for a fence whose module is missing: never acceptable in the course.
      const placeholders = Array.from(slide.querySelectorAll<HTMLElement>('.aula-placeholder'))
        .filter((el) => !el.closest('.aula-diagram'))
        .map((el) => `${el.dataset.lang ?? ''} ${(el.textContent ?? '').trim().slice(0, 60)}`);
      return {
        h,
        v,
        source: slide.getAttribute('data-source') ?? '',
        title: (heading?.textContent ?? '').trim(),
        overflow: {
          top: area.top - box.top,
          bottom: box.bottom - area.bottom,
          left: area.left - box.left,
          right: box.right - area.right,
          tallest: (box.bottom - box.top) / scale,
          slideHeight: area.height / scale,
        },
        // Reveal lays the slide out in its own box (960x700) and centres it by its scrollHeight:
        // content taller than the box, trailing margins included, starts at the top and runs off.
        content: {
          width: slide.scrollWidth,
          height: slide.scrollHeight,
          boxWidth: Number(reveal.getConfig().width),
          boxHeight: Number(reveal.getConfig().height),
          hiddenFragments: slide.querySelectorAll('.fragment:not(.visible)').length,
        },
        notes: slide.querySelector('aside.notes')?.textContent ?? '',
        diagrams,
        terminals: slide.querySelectorAll('.aula-terminal').length,
        placeholders,
      };
    },
    { h, v },
  );
}
