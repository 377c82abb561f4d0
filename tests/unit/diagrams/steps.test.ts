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

function indexOf(svg: string, idPart: string): string | null {
  const tag = new RegExp(`<[^>]*${idPart}[^>]*>`).exec(svg)?.[0] ?? '';
  const m = /data-fragment-index="(\d+)"/.exec(tag);
  return m && /class="[^"]*\bfragment\b/.test(tag) ? m[1] : null;
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
