import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  courseDownloadsHtml,
  courseDownloadsSlot,
  deckDownloadsHtml,
  deckDownloadsSlot,
  fillSlot,
  landingDownloadsAssets,
  ogImageHtml,
  ogImageSlot,
} from '../../../src/build/export/landing';

test('a fresh build shows the share button and no download link', () => {
  const html = deckDownloadsSlot('imagenes', 'Imágenes');
  assert.match(html, /^<!--aula-slot:deck:imagenes-->.*<!--\/aula-slot:deck:imagenes-->$/s);
  assert.match(html, /<button type="button" class="aula-share" data-share-path="imagenes\/index.html"/);
  assert.doesNotMatch(html, /<a /);
  assert.equal(courseDownloadsSlot(), '<!--aula-slot:course--><!--/aula-slot:course-->');
});

test('export fills the slots with links to the files that exist', () => {
  const page = `<head>${ogImageSlot()}</head><ol><li>${deckDownloadsSlot('imagenes', 'Imágenes')}</li><li>${deckDownloadsSlot('capas', 'Capas')}</li></ol>${courseDownloadsSlot()}`;
  let out = fillSlot(page, 'deck:imagenes', deckDownloadsHtml('imagenes', 'Imágenes', { pdf: true, notesPdf: false, html: true, png: true }))!;
  out = fillSlot(out, 'course', courseDownloadsHtml({ pdf: true, notesPdf: false, zip: true }))!;
  out = fillSlot(out, 'og-image', ogImageHtml('export/imagenes.png'))!;
  assert.match(out, /href="export\/imagenes\.pdf" download>PDF</);
  assert.match(out, /href="export\/imagenes\.html" download>/);
  assert.match(out, /<img class="aula-thumb" src="export\/imagenes\.png"/);
  assert.doesNotMatch(out, /imagenes-notas\.pdf/);
  assert.doesNotMatch(out, /export\/capas/);
  assert.match(out, /href="export\/curso\.pdf"/);
  assert.match(out, /href="export\/curso\.zip"/);
  assert.match(out, /<meta property="og:image" content="export\/imagenes\.png">/);
  // filling again replaces, never duplicates
  const again = fillSlot(out, 'deck:imagenes', deckDownloadsHtml('imagenes', 'Imágenes', { pdf: true, notesPdf: true, html: true, png: true }))!;
  assert.equal(again.match(/export\/imagenes\.pdf/g)!.length, 1);
  assert.match(again, /imagenes-notas\.pdf/);
});

test('a page without the slot is reported as such', () => {
  assert.equal(fillSlot('<p>sin zona</p>', 'course', 'x'), null);
});

test('titles are escaped', () => {
  assert.match(deckDownloadsHtml('a', 'Tom & "Jerry" <b>', null), /Tom &amp; &quot;Jerry&quot; &lt;b&gt;/);
});

test('the landing share script is inline (works from file://) and in Spanish', () => {
  const assets = landingDownloadsAssets();
  assert.doesNotMatch(assets, /<script src=/);
  assert.match(assets, /Enlace copiado/);
  assert.match(assets, /role="status"/);
});
