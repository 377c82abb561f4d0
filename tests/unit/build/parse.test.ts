import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, check, html, fm } from './fixture-decks';

test('--- separa diapositivas horizontales y -- verticales', () => {
  const { deck, errors } = parse(fm('\n# Uno\n\n---\n\n## Dos\n\n--\n\n## Dos abajo\n\n--\n\n## Dos más abajo\n\n---\n\n## Tres\n'));
  assert.deepEqual(errors, []);
  assert.deepEqual(deck.stacks.map((s) => s.length), [1, 3, 1]);
  const out = html(deck);
  assert.equal((out.match(/<section/g) ?? []).length, 6, 'una sección envolvente para la pila vertical');
  assert.match(out, /<section>\n<section data-source="slides\/01-prueba\.md:10">\n<h2>Dos<\/h2>/);
});

test('cada diapositiva sabe su línea de origen', () => {
  const { deck } = check('course/01-basico.md');
  const lines = deck.stacks.map((s) => s.map((sl) => sl.line));
  assert.deepEqual(lines, [[7], [16], [26, 37, 47], [56]]);
  assert.match(html(deck), /data-source="tests\/fixtures\/course\/01-basico\.md:47"/);
});

test('los separadores dentro de un bloque de código no parten la diapositiva', () => {
  const { deck, errors } = check('course/01-basico.md');
  assert.deepEqual(errors, []);
  const vertical1 = html({ ...deck, stacks: [[deck.stacks[2][1]]] });
  assert.match(vertical1, /hello-world\n---\n--\n<\/code><\/pre>/);
});

test('--- o -- con texto alrededor o con espacios al final siguen siendo separadores; ---- no', () => {
  const { deck } = parse(fm('\n# A\n---   \n## B\n--\t\n## C\n\n----\n\ntexto\n'));
  assert.deepEqual(deck.stacks.map((s) => s.length), [1, 2]);
  assert.match(html(deck), /<hr>/);
});

test('Note: empieza las notas del orador hasta el final de la diapositiva', () => {
  const { deck } = check('course/01-basico.md');
  const out = html(deck);
  assert.match(out, /<aside class="notes"><p>Notas de la primera diapositiva\.<\/p>\n<\/aside><\/section>/);
  assert.match(out, /<aside class="notes"><p>notas en la misma línea\ny una segunda línea\.<\/p>/);
  // the notes are not part of the slide body
  assert.doesNotMatch(out, /<p>Note:/);
});

test('Notes: y note: también abren notas; dentro de un bloque de código no', () => {
  const { deck } = parse(fm('\n# A\n\n```text\nNote: esto es código\n```\n\nnotes: de verdad\n'));
  const out = html(deck);
  assert.match(out, /Note: esto es código/);
  assert.match(out, /<aside class="notes"><p>de verdad<\/p>/);
});

test('fragmentos con <!-- .element: --> en elementos de lista y párrafos', () => {
  const out = html(check('course/01-basico.md').deck);
  assert.match(out, /<li class="fragment">uno<\/li>/);
  assert.match(out, /<li class="fragment fade-up" data-fragment-index="2">dos<\/li>/);
  assert.match(out, /<p class="fragment">Párrafo entero<\/p>/);
  assert.doesNotMatch(out, /\.element/);
});

test('fragmentos abreviados {.fragment} en párrafo, lista y título, con clases e índice', () => {
  const out = html(check('course/01-basico.md').deck);
  assert.match(out, /<p class="fragment">Un párrafo que aparece<\/p>/);
  assert.match(out, /<li class="fragment fade-up">elemento con atajo<\/li>/);
  assert.match(out, /<li class="fragment" data-fragment-index="3">otro con índice<\/li>/);
  assert.match(out, /<h3 class="fragment">Título que aparece<\/h3>/);
});

test('<!-- .element --> tras una imagen o un enlace va a ese elemento', () => {
  const { deck } = parse(fm('\n# A\n\n![x](img/ballena.svg) <!-- .element: class="fragment" -->\n\n[enlace](https://docs.docker.com) <!-- .element: class="fragment" -->\n'));
  const out = html(deck);
  assert.match(out, /<img src="\.\.\/assets\/img\/ballena\.svg" alt="x" class="fragment">/);
  assert.match(out, /<a href="https:\/\/docs\.docker\.com" class="fragment">enlace<\/a>/);
});

test('<!-- .slide: --> pone atributos en la sección', () => {
  const out = html(check('course/01-basico.md').deck);
  assert.match(out, /<section data-source="[^"]+:56" data-background-color="#ffeeaa">/);
});

test('cabecera YAML: title, summary, subtitle y lang (por defecto es)', () => {
  const { deck } = check('course/01-basico.md');
  assert.deepEqual(deck.meta, { title: 'Lo básico', subtitle: 'Separadores y notas', summary: 'Diapositivas horizontales, verticales, notas y fragmentos.', lang: 'es' });
  assert.equal(parse(fm('# A', 'title: T\nsummary: S\nlang: en')).deck.meta.lang, 'en');
  assert.equal(deck.slug, 'basico');
  assert.equal(deck.number, 1);
});

test('el código se colorea al compilar y los bloques llevan su título', () => {
  const out = html(check('course/01-basico.md').deck);
  assert.match(out, /<code class="hljs language-bash">docker run --<span class="hljs-built_in">rm<\/span>/);
  assert.match(out, /<figure class="aula-code-figure"><figcaption>Dockerfile<\/figcaption><pre class="aula-code"><code class="hljs language-dockerfile"><span class="hljs-keyword">FROM<\/span>/);
});

test('un lenguaje desconocido sale como texto escapado, sin colorear', () => {
  const out = html(parse(fm('\n```lenguajeraro\n<b>hola</b>\n```\n')).deck);
  assert.match(out, /<code class="hljs language-lenguajeraro">&lt;b&gt;hola&lt;\/b&gt;\n<\/code>/);
});

test('mermaid y terminal sin módulo muestran un aviso marcado, nunca el texto en bruto', () => {
  const out = html(check('course/01-basico.md').deck);
  assert.match(out, /<div class="aula-placeholder" role="note" data-lang="mermaid"><p class="aula-placeholder-label">Diagrama · en preparación<\/p><p class="aula-placeholder-title">Cliente y motor<\/p>/);
  assert.match(out, /data-lang="terminal"><p class="aula-placeholder-label">Terminal interactiva · en preparación<\/p><p class="aula-placeholder-title">Primer contenedor<\/p>/);
  assert.doesNotMatch(out, /graph LR/);
  assert.doesNotMatch(out, /docker run hello-world/);
});

test('los bloques de módulos guardan línea, opciones y cuerpo', () => {
  const { deck } = check('course/01-basico.md');
  const fences = deck.stacks.flat().flatMap((s) => s.fences);
  assert.deepEqual(
    fences.map((f) => [f.lang, f.line, f.options, f.body, f.deck]),
    [
      ['mermaid', 60, { caption: 'Cliente y motor', alt: 'El cliente habla con el motor' }, 'graph LR\n  A --> B', 'basico'],
      ['terminal', 65, { title: 'Primer contenedor', session: 'lab', rows: '8', autoplay: 'true' }, 'docker run hello-world', 'basico'],
    ],
  );
  assert.equal(new Set(fences.map((f) => f.id)).size, 2);
});

test('las imágenes apuntan a assets/ desde la carpeta de la sección', () => {
  const { deck } = check('course/01-basico.md');
  assert.match(html(deck), /<img src="\.\.\/assets\/img\/ballena\.svg" alt="Una ballena">/);
  assert.deepEqual(deck.stacks.flat().flatMap((s) => s.images), [{ src: 'img/ballena.svg', assetPath: 'img/ballena.svg', line: 49 }]);
});

test('retorno de carro de Windows y BOM no cambian nada', () => {
  const unix = parse(fm('\n# A\n\n---\n\n## B\n\nNote: n\n'));
  const dos = parse('\uFEFF' + fm('\n# A\n\n---\n\n## B\n\nNote: n\n').replace(/\n/g, '\r\n'));
  assert.deepEqual(dos.errors, []);
  assert.equal(html(dos.deck), html(unix.deck));
});

test('HTML escrito a mano pasa tal cual', () => {
  const out = html(parse(fm('\n<div class="columnas">\n\n**izquierda**\n\n</div>\n')).deck);
  assert.match(out, /<div class="columnas">\n<p><strong>izquierda<\/strong><\/p>\n<\/div>/);
});

test('<!-- .element --> tras una lista va a la lista; sin elemento anterior, a la diapositiva', () => {
  const out = html(parse(fm('\n<!-- .element: data-state="portada" -->\n\n- a\n- b\n<!-- .element: class="fragment" -->\n')).deck);
  assert.match(out, /<section data-source="slides\/01-prueba\.md:6" data-state="portada">/);
  assert.match(out, /<ul class="fragment">\n<li>a<\/li>/);
});

test('los bloques de cuatro comillas pueden contener otros de tres, y ~~~ también sirve', () => {
  const { deck, errors } = parse(fm('\n````markdown\n```bash\n---\n```\n````\n\n~~~text\n--\n~~~\n'));
  assert.deepEqual(errors, []);
  assert.equal(deck.stacks.length, 1);
  assert.equal(deck.stacks[0].length, 1);
});

test('un bloque dentro de una cita o de una lista conserva su lenguaje y sus opciones', () => {
  const { deck, errors } = parse(fm('\n> ```bash title="En cita"\n> echo hola\n> ```\n\n- paso:\n\n  ```terminal title="En lista"\n  docker ps\n  ```\n'));
  assert.deepEqual(errors, []);
  const out = html(deck);
  assert.match(out, /<figcaption>En cita<\/figcaption><pre class="aula-code"><code class="hljs language-bash">/);
  const fences = deck.stacks.flat().flatMap((s) => s.fences);
  assert.deepEqual(fences.map((f) => [f.lang, f.line, f.options.title, f.body]), [['terminal', 12, 'En lista', 'docker ps']]);
});

test('un enlace al archivo de otra sección lleva a su página; si no existe es un error', async () => {
  const { validateDecks } = await import('../../../src/build/validate');
  const { deck } = parse(fm('\n# A\n\nVer [imágenes](02-imagenes.md#/3) y [nada](09-nada.md).\n'));
  assert.match(html(deck), /<a href="\.\.\/imagenes\/index\.html#\/3">imágenes<\/a> y <a href="\.\.\/nada\/index\.html">nada<\/a>/);
  const other = parse(fm('\n# B\n'), 'slides/02-imagenes.md').deck;
  const errors = validateDecks([deck, other], '/nonexistent', () => undefined);
  assert.deepEqual(errors.map((e) => `${e.file}:${e.line}: ${e.message}`), ['slides/01-prueba.md:8: enlace a una sección que no existe: 09-nada.md']);
});
