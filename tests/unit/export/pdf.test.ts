import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFArray, PDFDocument, PDFName, PDFDict, PDFNumber, PDFString, PDFHexString } from 'pdf-lib';
import { mergePdfs, withMeta } from '../../../src/build/export/pdf';

async function samplePdf(pages: number, size: [number, number] = [720, 525]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage(size);
  doc.setTitle('Título de Chromium');
  return doc.save();
}

const meta = { title: '2. Imágenes · Aula Docker', author: 'Equipo Aula Docker', lang: 'es', subject: 'Qué es una imagen', keywords: ['Docker'] };

test('title, author, subject and language are written', async () => {
  const out = await PDFDocument.load((await withMeta(await samplePdf(3), meta)).bytes);
  assert.equal(out.getTitle(), meta.title);
  assert.equal(out.getAuthor(), meta.author);
  assert.equal(out.getSubject(), meta.subject);
  const lang = out.catalog.get(PDFName.of('Lang'));
  assert.ok(lang instanceof PDFString || lang instanceof PDFHexString);
  assert.equal(lang.decodeText(), 'es');
  assert.equal(out.getPageCount(), 3);
});

test('the course PDF holds every part in order, with one bookmark per part', async () => {
  const parts = [
    { title: '1. Arquitectura', pdf: await samplePdf(2), labelPrefix: '1.' },
    { title: '2. Imágenes', pdf: await samplePdf(3, [700, 500]), labelPrefix: '2.' },
    { title: '3. Contenedores', pdf: await samplePdf(1), labelPrefix: '3.' },
  ];
  const out = await PDFDocument.load(await mergePdfs(parts, { ...meta, title: 'Aula Docker' }));
  assert.equal(out.getPageCount(), 6);
  assert.equal(out.getPage(2).getWidth(), 700);
  assert.equal(out.getTitle(), 'Aula Docker');
  const outlines = out.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  let item = outlines.lookup(PDFName.of('First'), PDFDict) as PDFDict | undefined;
  while (item) {
    titles.push((item.lookup(PDFName.of('Title')) as PDFHexString).decodeText());
    const dest = item.lookup(PDFName.of('Dest')) as unknown as { get(i: number): unknown };
    const pageRef = dest.get(0);
    titles[titles.length - 1] += ` @${out.getPages().findIndex((p) => p.ref === pageRef)}`;
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  assert.deepEqual(titles, ['1. Arquitectura @0', '2. Imágenes @2', '3. Contenedores @5']);
  // page labels restart per part: «2.1» is the first page of the second part
  const nums = out.catalog.lookup(PDFName.of('PageLabels'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
  const labels: string[] = [];
  for (let i = 0; i < nums.size(); i += 2) {
    const start = (nums.lookup(i, PDFNumber) as PDFNumber).asNumber();
    const prefix = (nums.lookup(i + 1, PDFDict).lookup(PDFName.of('P')) as PDFHexString).decodeText();
    labels.push(`${start}:${prefix}`);
  }
  assert.deepEqual(labels, ['0:1.', '2:2.', '5:3.']);
});
