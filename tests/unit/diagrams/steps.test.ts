import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySteps, parseSteps } from '../../../src/diagrams/steps';

// The parts of a placed Mermaid flowchart that steps touch (ids already made unique).
const FLOW =
  '<svg id="mmd-a">' +
  '<g class="cluster" id="mmd-a-G"><rect/></g>' +
  '<path d="M0" id="mmd-a-L_C_M_0" class="flowchart-link"/>' +
  '<path d="M0" id="mmd-a-L_M_R_1_0" class="flowchart-link"/>' +
  '<path d="M0" id="mmd-a-L_G_M_0" class="flowchart-link"/>' +
  '<g class="edgeLabel"><g class="label" data-id="L_M_R_1_0"><text>pull</text></g></g>' +
  '<g class="node default" id="mmd-a-flowchart-C-0"><rect/></g>' +
  '<g class="node default" id="mmd-a-flowchart-M-1"><rect/></g>' +
  '<g class="node default" id="mmd-a-flowchart-R_1-2"><rect/></g>' +
  '</svg>';

/** Step of the element whose tag contains `idPart`: on the tag itself or on a wrapper just inside it. */
function indexOf(svg: string, idPart: string): string | null {
  const found = new RegExp(`<[^>]*${idPart}[^>]*>`).exec(svg);
  const tag = found?.[0] ?? '';
  const m = /data-fragment-index="(\d+)"/.exec(tag);
  if (m && /class="[^"]*\bfragment\b/.test(tag)) return m[1];
  const inner = found ? /^<g class="fragment" data-fragment-index="(\d+)">/.exec(svg.slice(found.index + tag.length)) : null;
  return inner ? inner[1] : null;
}

test('parseSteps: spaces separate steps, + joins parts of one step', () => {
  assert.deepEqual(parseSteps(' A  B+C D '), [['A'], ['B', 'C'], ['D']]);
});

test('flowchart: listed nodes become fragments in order; edges follow their later end', () => {
  const { svg, problems } = applySteps(FLOW, 'mmd-a', 'M R_1');
  assert.deepEqual(problems, []);
  assert.equal(indexOf(svg, 'flowchart-C-0'), null, 'unlisted node visible from the start');
  assert.equal(indexOf(svg, 'flowchart-M-1'), '0');
  assert.equal(indexOf(svg, 'flowchart-R_1-2'), '1');
  assert.equal(indexOf(svg, 'L_C_M_0"'), '0', 'C->M appears with M');
  assert.equal(indexOf(svg, 'id="mmd-a-L_M_R_1_0"'), '1', 'M->R_1 appears with R_1 (ids with _ resolved)');
  assert.equal(indexOf(svg, 'data-id="L_M_R_1_0"'), '1', 'its label too');
});

test('flowchart: subgraphs can be steps as well', () => {
  const { svg, problems } = applySteps(FLOW, 'mmd-a', 'G+M');
  assert.deepEqual(problems, []);
  assert.equal(indexOf(svg, 'id="mmd-a-G"'), '0');
  assert.equal(indexOf(svg, 'L_G_M_0'), '0');
});

// Subgraphs as Mermaid draws them: beside their nodes in one layout (S holds A and B, T nested in
// S holds B), or as a translated group of their own with their nodes (U holds P and Q).
const SUB =
  '<svg id="mmd-s"><style>#mmd-s .node>rect{fill:#fff}</style><g class="root">' +
  '<g class="clusters">' +
  '<g class="cluster" id="mmd-s-S"><rect style="" x="0" y="0" width="300" height="200"></rect><g class="cluster-label" transform="translate(10, 0)"><g><rect class="background"></rect><text>S</text></g></g></g>' +
  '<g class="cluster" id="mmd-s-T"><rect x="150" y="20" width="140" height="160"></rect></g>' +
  '</g>' +
  '<g class="edgePaths">' +
  '<path d="M0" id="mmd-s-L_A_B_0" class="flowchart-link"/>' +
  '<path d="M0" id="mmd-s-L_B_X_0" class="flowchart-link"/>' +
  '<path d="M0" id="mmd-s-L_X_P_0" class="flowchart-link"/>' +
  '<path d="M0" id="mmd-s-L_P_Q_0" class="flowchart-link"/>' +
  '</g>' +
  '<g class="edgeLabels"><g class="edgeLabel"><g class="label" data-id="L_P_Q_0"><text>va</text></g></g></g>' +
  '<g class="nodes">' +
  '<g class="node default" id="mmd-s-flowchart-A-0" transform="translate(60, 100)"><rect x="-20" y="-10" width="40" height="20"></rect></g>' +
  '<g class="node default" id="mmd-s-flowchart-B-1" transform="translate(220, 100)"><rect/></g>' +
  '<g class="node default" id="mmd-s-flowchart-X-2" transform="translate(400, 100)"><rect/></g>' +
  '<g class="root" transform="translate(500, 40)">' +
  '<g class="clusters"><g class="cluster" id="mmd-s-U"><rect x="8" y="8" width="200" height="150"></rect></g></g>' +
  '<g class="nodes">' +
  '<g class="node default" id="mmd-s-flowchart-P-3" transform="translate(100, 50)"><rect/></g>' +
  '<g class="node default" id="mmd-s-flowchart-Q-4" transform="translate(100, 120)"><rect/></g>' +
  '</g></g>' +
  '</g></g></svg>';

test('flowchart: a subgraph step shows its frame together with every node and edge inside it', () => {
  const { svg, problems } = applySteps(SUB, 'mmd-s', 'X U S');
  assert.deepEqual(problems, []);
  assert.equal(indexOf(svg, 'id="mmd-s-X"') ?? indexOf(svg, 'flowchart-X-2'), '0');
  // nested, translated subgraph: frame, nodes, the edge between them and its label
  assert.equal(indexOf(svg, 'id="mmd-s-U"'), '1');
  assert.equal(indexOf(svg, 'flowchart-P-3'), '1');
  assert.equal(indexOf(svg, 'flowchart-Q-4'), '1');
  assert.equal(indexOf(svg, 'id="mmd-s-L_P_Q_0"'), '1');
  assert.equal(indexOf(svg, 'data-id="L_P_Q_0"'), '1');
  assert.equal(indexOf(svg, 'id="mmd-s-L_X_P_0"'), '1', 'an edge into the subgraph comes with it');
  // flat subgraph: its nodes, the subgraph nested in it, the edges among them
  assert.equal(indexOf(svg, 'id="mmd-s-S"'), '2');
  assert.equal(indexOf(svg, 'id="mmd-s-T"'), '2');
  assert.equal(indexOf(svg, 'flowchart-A-0'), '2');
  assert.equal(indexOf(svg, 'flowchart-B-1'), '2');
  assert.equal(indexOf(svg, 'id="mmd-s-L_A_B_0"'), '2');
  assert.equal(indexOf(svg, 'id="mmd-s-L_B_X_0"'), '2');
});

test('flowchart: a node or inner subgraph named on its own keeps its step; the innermost named subgraph wins', () => {
  const { svg, problems } = applySteps(SUB, 'mmd-s', 'S T A');
  assert.deepEqual(problems, []);
  assert.equal(indexOf(svg, 'id="mmd-s-S"'), '0');
  assert.equal(indexOf(svg, 'id="mmd-s-T"'), '1');
  assert.equal(indexOf(svg, 'flowchart-B-1'), '1', 'B is inside T, itself inside S');
  assert.equal(indexOf(svg, 'flowchart-A-0'), '2');
  assert.equal(indexOf(svg, 'flowchart-X-2'), null, 'outside every subgraph: there from the start');
  assert.equal(indexOf(svg, 'flowchart-P-3'), null);
});

test('flowchart: a translated group keeps its transform; the fragment goes on a wrapper inside it', () => {
  // Reading view and print set `transform: none` on fragments, which in SVG beats the attribute.
  const { svg } = applySteps(SUB, 'mmd-s', 'X U');
  const x = /<g class="node default" id="mmd-s-flowchart-X-2" transform="translate\(400, 100\)"><g class="fragment" data-fragment-index="0"><rect\/><\/g><\/g>/;
  assert.match(svg, x);
  assert.match(svg, /id="mmd-s-flowchart-P-3" transform="translate\(100, 50\)"><g class="fragment" data-fragment-index="1"><rect\/><\/g><\/g>/);
  assert.match(svg, /<g data-fragment-index="1" class="label fragment" data-id="L_P_Q_0"><text>/, 'an untranslated group carries the class itself');
  assert.doesNotMatch(svg, /transform="[^"]*"[^>]*class="[^"]*fragment|class="[^"]*fragment[^"]*"[^>]*transform=/);
  assert.doesNotMatch(svg, /data-aula-step/);
  // the markup stays balanced
  assert.equal((svg.match(/<g\b/g) ?? []).length, (svg.match(/<\/g>/g) ?? []).length);
});

test('flowchart: unknown or repeated nodes are reported with the nodes there are', () => {
  const r = applySteps(FLOW, 'mmd-a', 'M X M');
  assert.equal(r.svg, FLOW);
  assert.match(r.problems[0], /ningún nodo «X» \(tiene: C, G, M, R_1\)/);
  assert.match(r.problems[1], /«M» aparece en dos pasos/);
});

test('sequence: steps=messages makes each message (texts and its line) one step', () => {
  const seq =
    '<svg id="s"><text class="messageText">uno</text><line class="messageLine0"/>' +
    '<text class="messageText">a mí</text><path class="messageLine0" d="M0"/>' +
    '<text class="messageText">dos</text><text class="messageText">líneas</text><line class="messageLine1"/></svg>';
  const { svg, problems } = applySteps(seq, 's', 'messages');
  assert.deepEqual(problems, []);
  const idx = [...svg.matchAll(/data-fragment-index="(\d+)"/g)].map((m) => m[1]);
  assert.deepEqual(idx, ['0', '0', '1', '1', '2', '2', '2']);
  assert.equal((svg.match(/class="[^"]*fragment/g) ?? []).length, 7);
});

test('steps on the wrong kind of diagram, or empty, is a problem', () => {
  assert.match(applySteps('<svg id="s"><g/></svg>', 's', 'A B').problems[0], /solo sirve en diagramas flowchart/);
  assert.match(applySteps(FLOW, 'mmd-a', 'messages').problems[0], /solo sirve en diagramas sequenceDiagram/);
  assert.match(applySteps(FLOW, 'mmd-a', '  ').problems[0], /steps necesita los pasos/);
});

test('sequence: a note is its own step, in source order, though mermaid draws notes first', () => {
  const seq =
    '<svg id="s"><g data-et="note" data-id="i1"><rect class="note"/><text class="noteText">pienso</text></g>' +
    '<g data-et="note" data-id="i3"><rect class="note"/></g>' +
    '<text class="messageText">uno</text><line class="messageLine0" data-id="i0"/>' +
    '<text class="messageText">dos</text><line class="messageLine1" data-id="i2"/></svg>';
  const { svg, problems } = applySteps(seq, 's', 'messages');
  assert.deepEqual(problems, []);
  const idx = [...svg.matchAll(/data-fragment-index="(\d+)"/g)].map((m) => m[1]);
  // note i1, note i3, then message i0 (text, line) and message i2 (text, line)
  assert.deepEqual(idx, ['1', '3', '0', '0', '2', '2']);
});
