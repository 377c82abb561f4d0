import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildContext, FenceBlock } from '../../../src/build/types';
import { isSyntaxError, renderMermaidFences, lastStats, MERMAID_RUNTIME_NEED } from '../../../src/diagrams/build';
import { cacheKey, mermaidVersion, normalizeDiagramText, rendererFingerprint, writeCached } from '../../../src/diagrams/cache';
import { canonicalize } from '../../../src/diagrams/svg';
import { MERMAID_CONFIG } from '../../../src/diagrams/theme';
import { mermaidPlugin } from '../../../src/build/fences/mermaid';
import { fencePlugins } from '../../../src/build/fences';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function fence(body: string, line: number, options: Record<string, string> = { alt: 'un diagrama' }, n = line): FenceBlock {
  return { lang: 'mermaid', options, body, file: 'slides/01-prueba.md', line, deck: 'prueba', id: `prueba-f${n}` };
}

function context(cacheDir: string) {
  const warnings: string[] = [];
  const ctx: BuildContext = { root: ROOT, cacheDir, log: () => {}, warn: (m) => warnings.push(m) };
  return { ctx, warnings };
}

async function withoutBrowser<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.AULA_NO_BROWSER;
  process.env.AULA_NO_BROWSER = '1';
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.AULA_NO_BROWSER;
    else process.env.AULA_NO_BROWSER = before;
  }
}

test('the plugin is registered for ```mermaid with its options', () => {
  assert.ok(fencePlugins.includes(mermaidPlugin));
  assert.equal(mermaidPlugin.lang, 'mermaid');
  assert.deepEqual([...mermaidPlugin.options], ['caption', 'alt', 'fragment', 'steps']);
});

test('cached diagrams are inlined without any browser (warm build)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-mermaid-'));
  try {
    const body = 'flowchart LR\n  A --> B';
    const key = cacheKey(normalizeDiagramText(body), MERMAID_CONFIG, mermaidVersion(ROOT), rendererFingerprint(ROOT));
    writeCached(dir, key, canonicalize('<svg id="r0" width="100%" viewBox="0 0 200 80"><g id="r0-a"/></svg>', 'r0').svg);
    const { ctx, warnings } = context(dir);
    const r = await withoutBrowser(() => renderMermaidFences([fence(body, 10), fence(body, 30)], ctx));
    assert.deepEqual(r.errors, []);
    assert.deepEqual(warnings, [], 'no warning: nothing needed a browser');
    assert.equal(lastStats.cached, 2);
    assert.equal(lastStats.browser, false);
    const a = r.results.get('prueba-f10')!;
    const b = r.results.get('prueba-f30')!;
    assert.equal(a.needs, undefined);
    assert.match(a.html, /<svg id="mmd-prueba-f10"/);
    assert.match(b.html, /<svg id="mmd-prueba-f30"/);
    assert.match(a.html, /<g id="mmd-prueba-f10-a"\/>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without a browser: one warning, placeholders with the source, the deck needs the runtime', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-mermaid-'));
  try {
    const { ctx, warnings } = context(dir);
    const r = await withoutBrowser(() =>
      renderMermaidFences([fence('flowchart LR\n  A --> B', 5), fence('sequenceDiagram\n  A->>B: hola', 20), fence('pie\n  "a": 1', 40)], ctx),
    );
    assert.deepEqual(r.errors, []);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /Chromium/);
    assert.match(warnings[0], /CHROMIUM_PATH/);
    for (const res of r.results.values()) {
      assert.deepEqual(res.needs, [MERMAID_RUNTIME_NEED]);
      assert.match(res.html, /aula-diagram-pending/);
      assert.match(res.html, /<pre class="aula-diagram-source" hidden>/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without a browser, syntax errors Mermaid can find in Node still fail the build at their line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-mermaid-'));
  try {
    const { ctx } = context(dir);
    const r = await withoutBrowser(() =>
      renderMermaidFences([fence('flowchart LR\n  A --> B\n  B --> C[', 50), fence('pie\n  "a": 1\n  "b" 2', 70), fence('esto no es mermaid', 90)], ctx),
    );
    const lines = r.errors.map((e) => `${e.file}:${e.line}`);
    assert.deepEqual(lines.sort(), ['slides/01-prueba.md:53', 'slides/01-prueba.md:73', 'slides/01-prueba.md:90']);
    assert.match(r.errors.find((e) => e.line === 73)!.message, /Parse error on line 3/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('empty diagram and bad option values are errors at the fence line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-mermaid-'));
  try {
    const { ctx } = context(dir);
    const r = await withoutBrowser(() => renderMermaidFences([fence('\n  \n', 8), fence('pie\n "a": 1', 12, { alt: '' })], ctx));
    const found = r.errors.map((e) => [e.line, /vacío|necesita un texto/.test(e.message)]).sort((x, y) => Number(x[0]) - Number(y[0]));
    assert.deepEqual(found, [
      [8, true],
      [12, true],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('isSyntaxError: parser errors yes, missing DOM no', () => {
  assert.equal(isSyntaxError(Object.assign(new Error('Parse error on line 2'), { hash: {} })), true);
  assert.equal(isSyntaxError(new Error('Parsing failed: x')), true);
  assert.equal(isSyntaxError(new TypeError('DOMPurify.addHook is not a function')), false);
});

test('a browser that will not start is treated like no browser: warning, viewer fallback, build goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-mermaid-'));
  const before = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = '/bin/false';
  try {
    const { ctx, warnings } = context(dir);
    const r = await renderMermaidFences([fence('flowchart LR\n  A --> B', 5)], ctx);
    assert.deepEqual(r.errors, []);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /Chromium no pudo dibujarlos/);
    assert.deepEqual(r.results.get('prueba-f5')!.needs, [MERMAID_RUNTIME_NEED]);
  } finally {
    if (before === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = before;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a diagram too big for the slide (tiny text once fitted) gets a warning at its line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-mermaid-'));
  try {
    const wide = 'flowchart LR\n  A --> B --> C --> D --> E --> F --> G --> H';
    const fine = 'flowchart LR\n  A --> B';
    for (const [body, w] of [[wide, 2400], [fine, 300]] as const) {
      const key = cacheKey(normalizeDiagramText(body), MERMAID_CONFIG, mermaidVersion(ROOT), rendererFingerprint(ROOT));
      writeCached(dir, key, canonicalize(`<svg id="r0" viewBox="0 0 ${w} 80"><g/></svg>`, 'r0').svg);
    }
    const { ctx, warnings } = context(dir);
    const r = await renderMermaidFences([fence(wide, 14), fence(fine, 30)], ctx);
    assert.deepEqual(r.errors, []);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /^slides\/01-prueba\.md:14: el diagrama \(2400x80 px\) no cabe .* 7\.3 px/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
