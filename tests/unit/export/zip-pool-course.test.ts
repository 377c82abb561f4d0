import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { siteFiles, zipSite } from '../../../src/build/export/zip';
import { mapLimit } from '../../../src/build/export/pool';
import { readCourse, slugOf } from '../../../src/build/export/course';

test('the zip holds the site below one folder, without the skipped and hidden entries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-zip-'));
  try {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'export'));
    mkdirSync(join(dir, '.export.tmp-1'));
    writeFileSync(join(dir, 'index.html'), '<h1>hola</h1>');
    writeFileSync(join(dir, 'a', 'index.html'), 'deck');
    writeFileSync(join(dir, 'a', 'x.png'), Buffer.from([1, 2, 3]));
    writeFileSync(join(dir, 'export', 'old.pdf'), 'old');
    writeFileSync(join(dir, '.export.tmp-1', 'half.pdf'), 'half');
    const files = siteFiles(dir, ['export']);
    assert.deepEqual(files.map((f) => f.path), ['a/index.html', 'a/x.png', 'index.html']);
    const back = unzipSync(zipSite(files, 'curso'));
    assert.deepEqual(Object.keys(back).sort(), ['curso/a/index.html', 'curso/a/x.png', 'curso/index.html']);
    assert.equal(Buffer.from(back['curso/index.html']).toString(), '<h1>hola</h1>');
    assert.deepEqual([...back['curso/a/x.png']], [1, 2, 3]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mapLimit keeps order, never exceeds its limit, and reports the first failure', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, n * 3));
    running--;
    return n * 10;
  });
  assert.deepEqual(out, [50, 10, 30, 20, 40]);
  assert.equal(peak, 2);
  await assert.rejects(
    mapLimit([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('deck 2');
      return n;
    }),
    /deck 2/,
  );
});

test('the course is read in section order with its metadata', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-course-'));
  try {
    writeFileSync(join(dir, 'course.yml'), 'title: Curso X\nauthor: Ana\nlang: es\ndescription: d\n');
    writeFileSync(join(dir, '10-final.md'), '---\ntitle: Final\nsummary: s10\n---\n# a\n');
    writeFileSync(join(dir, '02-imagenes.md'), '---\ntitle: "Imágenes"\nsummary: s2\n---\n# a\n');
    writeFileSync(join(dir, 'README.md'), 'no');
    const c = readCourse(dir);
    assert.equal(c.title, 'Curso X');
    assert.equal(c.author, 'Ana');
    assert.deepEqual(c.decks.map((d) => [d.slug, d.number, d.title]), [['imagenes', 2, 'Imágenes'], ['final', 10, 'Final']]);
    assert.equal(slugOf('03-contenedores.md'), 'contenedores');
    assert.equal(slugOf('notas.md'), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
