import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize, ID_TOKEN, instantiate, naturalSize, prefixIds, recloneIds, stripRootSize } from '../../../src/diagrams/svg';

// The shape of what Mermaid 12 returns: ids prefixed with the render id (some with `_`, some
// with `-`), a few bare ids (edges, actors), url(#…) references and a <style> scoped by id.
const RAW =
  '<svg id="dg3" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" style="max-width: 626.8px;" viewBox="0 0 626.8 63" role="graphics-document document" aria-roledescription="flowchart-v2">' +
  '<style>#dg3{font-family:sans-serif;}#dg3 .node rect{fill:#eee;}#dg3 .x{stroke:url(#dg3-gradient);}#actor0{fill:red}</style>' +
  '<g><marker id="dg3_flowchart-v2-pointEnd"><path d="M0 0"/></marker></g>' +
  '<path id="L_A_B_0" marker-end="url(#dg3_flowchart-v2-pointEnd)"/>' +
  '<g id="dg3-flowchart-A-0" class="node"><rect/><text>dg3 no es un id aquí: dg30</text></g>' +
  '<rect id="actor0"/><use href="#actor0"/><use xlink:href="#L_A_B_0"/>' +
  '<linearGradient id="dg3-gradient"/></svg>';

function ids(svg: string): string[] {
  return [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
}

test('canonicalize: every id starts with the token, none with the render id', () => {
  const c = canonicalize(RAW, 'dg3');
  for (const id of ids(c.svg)) assert.ok(id === ID_TOKEN || id.startsWith(`${ID_TOKEN}-`) || id.startsWith(`${ID_TOKEN}_`), id);
  assert.ok(!/\bdg3[-_"]/.test(c.svg.replace(/<text>[^<]*<\/text>/, '')), 'render id left behind');
});

test('canonicalize: references follow the renamed ids', () => {
  const { svg } = canonicalize(RAW, 'dg3');
  const defined = new Set(ids(svg));
  const refs = [
    ...[...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]),
    ...[...svg.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]),
  ];
  assert.equal(refs.length, 4);
  for (const r of refs) assert.ok(defined.has(r), `dangling reference #${r}`);
  assert.match(svg, new RegExp(`#${ID_TOKEN}-actor0\\{fill:red\\}`), 'id selector inside <style> renamed');
});

test('canonicalize: the fixed size goes, the viewBox stays', () => {
  const c = canonicalize(RAW, 'dg3');
  const root = c.svg.slice(0, c.svg.indexOf('>') + 1);
  assert.doesNotMatch(root, /\swidth=/);
  assert.doesNotMatch(root, /\sheight=/);
  assert.doesNotMatch(root, /max-width/);
  assert.match(root, /viewBox="0 0 626.8 63"/);
  assert.deepEqual([c.width, c.height], [626.8, 63]);
});

test('canonicalize: does not touch a longer id that starts like the render id (dg3 vs dg30)', () => {
  const c = canonicalize(RAW, 'dg3');
  assert.match(c.svg, /dg30/);
});

test('instantiate: two diagrams from the same cached SVG share no id', () => {
  const { svg } = canonicalize(RAW, 'dg3');
  const a = instantiate(svg, 'mmd-imagenes-f1', 'Diagrama A');
  const b = instantiate(svg, 'mmd-capas-f2', 'Diagrama B');
  const idsA = new Set(ids(a));
  for (const id of ids(b)) assert.ok(!idsA.has(id), `shared id ${id}`);
  assert.ok(!a.includes(ID_TOKEN) && !b.includes(ID_TOKEN));
  // styles are scoped to each diagram's own id
  assert.match(a, /#mmd-imagenes-f1 \.node rect/);
  assert.match(b, /#mmd-capas-f2 \.node rect/);
});

test('instantiate: accessible name, role img, natural size as CSS variables', () => {
  const { svg } = canonicalize(RAW, 'dg3');
  const out = instantiate(svg, 'mmd-x', 'Cliente, "motor" & registro');
  const root = out.slice(0, out.indexOf('>') + 1);
  assert.match(root, /\srole="img"/);
  assert.match(root, /\saria-label="Cliente, &quot;motor&quot; &amp; registro"/);
  assert.doesNotMatch(root, /aria-roledescription/);
  assert.match(root, /--aula-dw: 626.8px/);
  assert.match(root, /--aula-ar: 9.95/);
});

test('prefixIds: a participant called like a colour does not recolour the styles', () => {
  const svg = '<svg id="p"><style>#p .x{fill:#cafe;}#cafe{stroke:#cafe}</style><g id="cafe"/></svg>';
  assert.equal(prefixIds(svg, 'p'), '<svg id="p"><style>#p .x{fill:#cafe;}#p-cafe{stroke:#cafe}</style><g id="p-cafe"/></svg>');
});

test('prefixIds: leaves ids that already carry the prefix alone', () => {
  const svg = '<svg id="p"><g id="p-a"/><g id="p_b"/><g id="c"/><path fill="url(#c)"/></svg>';
  assert.equal(prefixIds(svg, 'p'), '<svg id="p"><g id="p-a"/><g id="p_b"/><g id="p-c"/><path fill="url(#p-c)"/></svg>');
});

test('stripRootSize: adds a viewBox from width/height when Mermaid gave none', () => {
  const out = stripRootSize('<svg id="a" width="200" height="100"><g/></svg>');
  assert.equal(out, '<svg id="a" viewBox="0 0 200 100"><g/></svg>');
  assert.deepEqual(naturalSize(out), { width: 200, height: 100 });
});

test('recloneIds: an enlarged copy gets ids of its own', () => {
  const placed = instantiate(canonicalize(RAW, 'dg3').svg, 'mmd-a', 'A');
  const copy = recloneIds(placed, 'mmd-a', 'mmd-a-zoom1');
  const original = new Set(ids(placed));
  for (const id of ids(copy)) assert.ok(!original.has(id), id);
});
