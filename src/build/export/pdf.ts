/** PDF metadata and the course PDF (every deck in order, one bookmark per section), with pdf-lib. */
import { PDFDocument, PDFHexString, PDFName, PDFNull, type PDFRef } from 'pdf-lib';

export interface PdfMeta {
  title: string;
  author: string;
  lang: string;
  subject?: string;
  keywords?: string[];
}

function applyMeta(doc: PDFDocument, meta: PdfMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.lang);
  doc.setCreator('Aula Docker (npm run export)');
  const now = new Date();
  doc.setCreationDate(now);
  doc.setModificationDate(now);
}

/** Chromium writes the title from <title> only: author and language are set here. */
export async function withMeta(pdf: Uint8Array, meta: PdfMeta): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  applyMeta(doc, meta);
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}

export interface PdfPart {
  title: string;
  pdf: Uint8Array;
  /** page label prefix, e.g. `2.` so viewers show page «2.5» for slide 5 of section 2 */
  labelPrefix?: string;
}

/** One PDF holding every part in order, with a bookmark to the first page of each. */
export async function mergePdfs(parts: PdfPart[], meta: PdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const starts: { title: string; page: PDFRef }[] = [];
  const labels: { index: number; prefix: string }[] = [];
  for (const part of parts) {
    const src = await PDFDocument.load(part.pdf, { updateMetadata: false });
    const pages = await doc.copyPages(src, src.getPageIndices());
    if (part.labelPrefix !== undefined) labels.push({ index: doc.getPageCount(), prefix: part.labelPrefix });
    pages.forEach((p, i) => {
      doc.addPage(p);
      if (i === 0) starts.push({ title: part.title, page: p.ref });
    });
  }
  addOutline(doc, starts);
  addPageLabels(doc, labels);
  applyMeta(doc, meta);
  return doc.save();
}

function addOutline(doc: PDFDocument, items: { title: string; page: PDFRef }[]): void {
  if (items.length === 0) return;
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs = items.map(() => ctx.nextRef());
  items.forEach((item, i) => {
    const entry = ctx.obj({
      Title: PDFHexString.fromText(item.title),
      Parent: root,
      Dest: [item.page, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
    });
    if (i > 0) entry.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < items.length - 1) entry.set(PDFName.of('Next'), refs[i + 1]);
    ctx.assign(refs[i], entry);
  });
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: items.length }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Page labels restart at 1 in every section, so a viewer's page box matches the printed slide number. */
function addPageLabels(doc: PDFDocument, labels: { index: number; prefix: string }[]): void {
  if (labels.length === 0) return;
  const ctx = doc.context;
  const nums = ctx.obj([]);
  for (const l of labels) {
    nums.push(ctx.obj(l.index));
    nums.push(ctx.obj({ S: 'D', P: PDFHexString.fromText(l.prefix) }));
  }
  doc.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: nums }));
}
