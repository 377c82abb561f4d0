import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchIndex, extractSlides, searchIndexScript } from '../../../src/build/search-index';
import { Searcher, slideHref } from '../../../src/search/query';
import { SEARCH_INDEX_GLOBAL, type SearchIndex } from '../../../src/search/types';

const DECK_A = `
<div class="reveal"><div class="slides">
<section data-source="slides/01-imagenes.md:5"><h1>Imágenes y contenedores</h1><p>Una <strong>imagen</strong> es una plantilla.</p>
<aside class="notes"><p>Explica la diferencia &amp; pon un ejemplo.</p></aside></section>
<section data-source="slides/01-imagenes.md:12">
  <section><h2>Capas</h2><p>Cada capa es de solo lectura.</p>
    <figure class="aula-diagram"><svg><text>nodo interno</text><style>.x{}</style></svg><figcaption>Capas de una imagen</figcaption></figure>
  </section>
  <section><h2>Capa escribible</h2><p>El contenedor añade una capa fina.</p><img src="a.svg" alt="Diagrama de la capa fina"></section>
</section>
<section><h2>Registro</h2><pre><code>docker pull nginx:1.27</code></pre><!-- <p>comentario</p> -->
<aside class="notes">Docker Hub es el registro por defecto.</aside></section>
</div></div>`;

const DECK_B = `<div class="slides">
<section><h1>Ciclo de vida</h1><p>Crear, arrancar, parar.</p></section>
<section><h2>Imágenes huérfanas</h2><p>docker image prune borra imágenes sin etiqueta.</p></section>
</div>`;

test('extractSlides numbers slides like reveal, vertical stacks included', () => {
  const slides = extractSlides(DECK_A);
  assert.deepEqual(
    slides.map((s) => [s.h, s.v, s.title]),
    [
      [0, 0, 'Imágenes y contenedores'],
      [1, 0, 'Capas'],
      [1, 1, 'Capa escribible'],
      [2, 0, 'Registro'],
    ],
  );
});

test('extractSlides keeps text and notes apart, decodes entities, skips SVG internals and comments', () => {
  const [first, capas, fina, registro] = extractSlides(DECK_A);
  assert.equal(first.text, 'Imágenes y contenedores Una imagen es una plantilla.');
  assert.equal(first.notes, 'Explica la diferencia & pon un ejemplo.');
  assert.match(capas.text, /Capas de una imagen/);
  assert.doesNotMatch(capas.text, /nodo interno|\.x\{\}/);
  assert.match(fina.text, /Diagrama de la capa fina/);
  assert.match(registro.text, /docker pull nginx:1\.27/);
  assert.doesNotMatch(registro.text, /comentario/);
  assert.equal(registro.notes, 'Docker Hub es el registro por defecto.');
});

function index(): SearchIndex {
  return buildSearchIndex([
    { slug: 'imagenes', title: 'Imágenes', html: DECK_A },
    { slug: 'ciclo', title: 'Ciclo de vida', html: DECK_B },
  ]);
}

test('search is accent- and case-insensitive in both directions', () => {
  const s = new Searcher(index());
  const withAccent = s.search('imágenes').map((r) => `${r.deckSlug}#${r.entry.h}/${r.entry.v}`);
  const without = s.search('IMAGENES').map((r) => `${r.deckSlug}#${r.entry.h}/${r.entry.v}`);
  assert.deepEqual(withAccent, without);
  assert.ok(withAccent.includes('ciclo#1/0'));
  assert.ok(withAccent.includes('imagenes#0/0'));
});

test('a title match ranks above a match in the text, and text above notes', () => {
  const s = new Searcher(index());
  const r = s.search('registro');
  assert.equal(r[0].deckSlug, 'imagenes');
  assert.deepEqual([r[0].entry.h, r[0].entry.v], [2, 0]);
  const capa = s.search('capa');
  assert.equal(capa[0].entry.t, 'Capa escribible'); // whole word in the title beats "Capas"
  const notesOnly = s.search('ejemplo');
  assert.equal(notesOnly.length, 1);
  assert.equal(notesOnly[0].fromNotes, true);
});

test('every query word must match; snippets mark the matched words in the original spelling', () => {
  const s = new Searcher(index());
  assert.equal(s.search('imagen inexistente').length, 0);
  const r = s.search('huerfanas prune');
  assert.equal(r.length, 1);
  assert.equal(r[0].deckSlug, 'ciclo');
  const titleHits = r[0].title.filter((p) => p.hit).map((p) => p.text);
  assert.deepEqual(titleHits, ['huérfanas'], JSON.stringify(r[0].title));
  const hits = r[0].snippet.filter((p) => p.hit).map((p) => p.text);
  assert.ok(hits.includes('prune'), JSON.stringify(r[0].snippet));
  // the snippet does not repeat the title
  assert.ok(!r[0].snippet.map((p) => p.text).join('').includes('Imágenes huérfanas'));
  assert.equal(r[0].snippet.map((p) => p.text).join('').includes('docker image prune'), true);
});

test('empty or punctuation-only queries find nothing', () => {
  const s = new Searcher(index());
  assert.deepEqual(s.search(''), []);
  assert.deepEqual(s.search('  ¿? '), []);
});

test('result links point at the exact slide, from a deck or from the landing page', () => {
  const s = new Searcher(index());
  const [r] = s.search('escribible');
  assert.equal(slideHref(r, true), '../imagenes/index.html#/1/1');
  assert.equal(slideHref(r, false), 'imagenes/index.html#/1/1');
});

test('results give the slide number counted flat, as the slide counter and the PDF do', () => {
  const s = new Searcher(index());
  const at = (q: string) => s.search(q).map((r) => [r.deckSlug, r.entry.h, r.entry.v, r.slide]);
  assert.deepEqual(at('escribible'), [['imagenes', 1, 1, 3]]);
  assert.deepEqual(at('registro por defecto'), [['imagenes', 2, 0, 4]]);
  assert.deepEqual(at('huerfanas'), [['ciclo', 1, 0, 2]]);
});

test('a terminal is indexed by its transcript: its frame and its button are not slide text', () => {
  const html =
    '<div class="slides"><section><h2>Descargar</h2>' +
    '<div class="aula-terminal" id="t"><div class="aula-term-head"><span class="aula-term-title">Con etiqueta</span></div><div class="aula-term-screen"></div></div>' +
    '<figure class="aula-transcript"><figcaption>Con etiqueta</figcaption><pre><code>$ docker pull nginx</code></pre><button type="button" class="aula-transcript-open" hidden>Abrir la terminal</button></figure>' +
    '<p>Después.</p></section></div>';
  const [slide] = extractSlides(html);
  assert.equal(slide.text, 'Descargar Con etiqueta $ docker pull nginx Después.');
});

test('snippets show the matched words wherever they are: the notes when they hold more of the query', () => {
  const filler = 'Texto de relleno que no dice nada especial sobre el tema de la diapositiva. '.repeat(4);
  const html =
    `<div class="slides"><section><h2>Uno</h2><p>${filler}Aquí sale el daemon una vez. ${filler}</p>` +
    '<aside class="notes">El daemon pide la imagen al registro cuando no la tiene.</aside></section></div>';
  const s = new Searcher(buildSearchIndex([{ slug: 'a', title: 'A', html }]));
  const [both] = s.search('daemon registro');
  assert.equal(both.fromNotes, true);
  assert.deepEqual(both.snippet.filter((p) => p.hit).map((p) => p.text), ['daemon', 'registro']);
  // one word deep in a long text: the snippet is centred on it, with context on both sides
  const [one] = s.search('daemon');
  const text = one.snippet.map((p) => p.text).join('');
  const at = text.indexOf('daemon');
  assert.equal(one.fromNotes, false);
  assert.ok(at > 50 && text.length - at > 50, `«daemon» en la posición ${at} de ${JSON.stringify(text)}`);
});

test('the index script assigns the global, is content-hashed and cannot close a script tag', () => {
  const idx = buildSearchIndex([{ slug: 'x', title: 'X', html: '<section><p>a &lt;/script&gt; b</p></section>' }]);
  const { fileName, content } = searchIndexScript(idx);
  assert.match(fileName, /^search-index\.[0-9a-f]{8}\.js$/);
  assert.ok(!content.includes('</script'));
  const g: Record<string, unknown> = {};
  new Function('window', content)(g);
  assert.deepEqual(g[SEARCH_INDEX_GLOBAL], idx);
  assert.equal(searchIndexScript(idx).fileName, fileName);
});
