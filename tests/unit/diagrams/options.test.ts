import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagramLabel, figureHtml, pendingFigureHtml, readOptions, shownFontPx, svgIdFor } from '../../../src/diagrams/figure';
import { canonicalize } from '../../../src/diagrams/svg';
import { parseFenceInfo } from '../../../src/build/fence-options';

const opts = (info: string) => readOptions(parseFenceInfo(info).options);

test('caption and alt are read from the fence line, quoted or not', () => {
  const r = opts('mermaid caption="Capas de una imagen" alt=capas');
  assert.deepEqual(r.options, { caption: 'Capas de una imagen', alt: 'capas' });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, []);
});

test('alt defaults to the caption; neither gives a warning, not an error', () => {
  assert.equal(diagramLabel(opts('mermaid caption="Ciclo de vida"').options), 'Ciclo de vida');
  const none = opts('mermaid');
  assert.deepEqual(none.errors, []);
  assert.equal(none.warnings.length, 1);
  assert.match(none.warnings[0], /alt=/);
  assert.equal(diagramLabel(none.options), 'Diagrama');
});

test('empty or bare caption/alt is an error', () => {
  assert.match(opts('mermaid alt=""').errors.join(), /alt necesita un texto/);
  assert.match(opts('mermaid caption').errors.join(), /caption necesita un texto/);
});

test('fragment: bare flag or a reveal fragment style', () => {
  assert.equal(opts('mermaid alt=a fragment').options.fragment, '');
  assert.equal(opts('mermaid alt=a fragment=fade-up').options.fragment, 'fade-up');
  assert.match(opts('mermaid alt=a fragment="fade up!"').errors.join(), /no es un estilo de fragmento/);
});

test('steps: kept as written; empty is an error', () => {
  assert.equal(opts('mermaid alt=a steps="A B+C"').options.steps, 'A B+C');
  assert.equal(opts('mermaid alt=a steps=messages').options.steps, 'messages');
  assert.match(opts('mermaid alt=a steps').errors.join(), /steps necesita los pasos/);
});

test('unknown options are errors that list the allowed ones', () => {
  const r = opts('mermaid alt=a width=300');
  assert.match(r.errors.join(), /opción desconocida «width».*caption, alt, fragment, steps/);
});

const SVG = canonicalize('<svg id="r0" width="100%" viewBox="0 0 300 100" style="max-width: 300px;"><g id="r0-n"/></svg>', 'r0').svg;

test('figure: svg inline in <figure class="aula-diagram"> with escaped caption and a zoom frame', () => {
  const { html } = figureHtml('capas-f2', SVG, { caption: 'Capas <de> "solo" lectura', alt: 'Tres capas' }, 'slides/04-capas.md:46');
  assert.match(html, /^<figure class="aula-diagram" data-source="slides\/04-capas.md:46">/);
  assert.match(html, /<figcaption>Capas &lt;de&gt; &quot;solo&quot; lectura<\/figcaption><\/figure>$/);
  assert.match(html, /<svg id="mmd-capas-f2"[^>]* role="img"[^>]* aria-label="Tres capas"/);
  assert.match(html, /class="aula-diagram-frame" tabindex="0" role="button" aria-label="Ampliar el diagrama: Tres capas"/);
  assert.match(html, /<g id="mmd-capas-f2-n"\/>/);
});

test('figure: no caption, no figcaption; fragment classes on the figure', () => {
  const { html } = figureHtml('a-f1', SVG, { alt: 'x', fragment: 'fade-up' }, 's:1');
  assert.doesNotMatch(html, /figcaption/);
  assert.match(html, /^<figure class="aula-diagram fragment fade-up"/);
});

test('pending figure: escaped source for the viewer, alt text visible meanwhile', () => {
  const html = pendingFigureHtml('a-f1', 'flowchart LR\n  A["<b>x</b>"] --> B', { alt: 'Dos pasos' }, 'slides/01-a.md:3');
  assert.match(html, /class="aula-diagram aula-diagram-pending"/);
  assert.match(html, /data-aula-mermaid="mmd-a-f1"/);
  assert.match(html, /<pre class="aula-diagram-source" hidden>flowchart LR\n {2}A\[&quot;&lt;b&gt;x&lt;\/b&gt;&quot;\] --&gt; B<\/pre>/);
  assert.match(html, /Dibujando el diagrama: Dos pasos/);
  assert.doesNotMatch(html, /<svg/);
});

test('svgIdFor: always a valid id starting with a letter', () => {
  assert.equal(svgIdFor('01-x-f1'), 'mmd-01-x-f1');
  assert.equal(svgIdFor('a b/c'), 'mmd-a_b_c');
});

test('shownFontPx: text size on the slide after fitting the diagram into it', () => {
  assert.equal(shownFontPx(440, 200, 20), 26, 'small diagrams grow up to 1.3x');
  assert.equal(shownFontPx(880, 300, 20), 20);
  assert.equal(shownFontPx(1760, 300, 20), 10, 'twice as wide as the slide: half the size');
  assert.equal(shownFontPx(400, 940, 20), 10, 'twice as tall as the room: half the size');
});
