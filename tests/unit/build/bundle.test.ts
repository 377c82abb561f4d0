import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { bundle, DECK_ENTRY } from '../../../src/build/bundle';
import { ROOT } from './fixture-decks';

test('el código del navegador sale como script clásico (IIFE) minificado con hash; el CSS lleva las letras', async () => {
  const out = mkdtempSync(join(tmpdir(), 'aula-bundle-'));
  const r = await bundle(ROOT, out, [DECK_ENTRY], null);
  assert.match(r.scripts.deck.js, /^deck\.[A-Z0-9]{8}\.js$/);
  const js = readFileSync(join(out, r.scripts.deck.js), 'utf8');
  assert.match(js.slice(0, 40), /^"use strict";\(\(\)=>\{|^\(\(\)=>\{/);
  assert.doesNotMatch(js, /\bimport\s*\(|^import |^export /m, 'nada de módulos ES en el navegador');
  assert.match(r.styles.deck, /^deck\.[A-Z0-9]{8}\.css$/);
  const css = readFileSync(join(out, r.styles.deck), 'utf8');
  const fonts = [...css.matchAll(/url\("?([^")]+\.woff2)"?\)/g)].map((m) => m[1]);
  assert.ok(fonts.length >= 3, 'letras del texto y del código');
  for (const f of fonts) assert.ok(existsSync(join(out, f)), f);
  assert.doesNotMatch(css, /url\(["']?https?:/, 'ninguna letra de un servidor externo');
});

test('la caché de paquetes se reutiliza y se invalida cuando cambia un archivo que esbuild leyó', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'aula-bundle-cache-'));
  const srcDir = join(ROOT, '.cache', `bundle-test-${process.pid}`);
  mkdirSync(srcDir, { recursive: true });
  const entry = join(srcDir, 'main.ts');
  const rel = entry.slice(ROOT.length + 1);
  try {
    writeFileSync(entry, 'console.log("uno");\n');
    const a = mkdtempSync(join(tmpdir(), 'aula-bundle-a-'));
    const first = await bundle(ROOT, a, [{ name: 'prueba', entry: rel }], cache);
    const b = mkdtempSync(join(tmpdir(), 'aula-bundle-b-'));
    const second = await bundle(ROOT, b, [{ name: 'prueba', entry: rel }], cache);
    assert.deepEqual(second, first);
    assert.equal(readFileSync(join(b, second.scripts.prueba.js), 'utf8'), readFileSync(join(a, first.scripts.prueba.js), 'utf8'));
    assert.ok(existsSync(join(b, second.styles.deck)));

    writeFileSync(entry, 'console.log("dos, mas largo");\n');
    const c = mkdtempSync(join(tmpdir(), 'aula-bundle-c-'));
    const third = await bundle(ROOT, c, [{ name: 'prueba', entry: rel }], cache);
    assert.notEqual(third.scripts.prueba.js, first.scripts.prueba.js);
    assert.match(readFileSync(join(c, third.scripts.prueba.js), 'utf8'), /dos, mas largo/);
  } finally {
    rmSync(srcDir, { recursive: true, force: true });
  }
});
