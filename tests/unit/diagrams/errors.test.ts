import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorFileLine, mermaidErrorInfo, sourceLineMap, tidyMessage } from '../../../src/diagrams/errors';

test('sourceLineMap: plain text maps line n to line n', () => {
  assert.deepEqual(sourceLineMap('flowchart LR\n  A --> B\n  B --> C'), [1, 2, 3]);
});

test('sourceLineMap: comment lines and leading blank lines are skipped as Mermaid does', () => {
  const body = '\n\n%% un comentario\nflowchart LR\n  %% otro\n  A --> B\n  B --> C[';
  // parser sees: "flowchart LR", "A --> B", "B --> C["
  assert.deepEqual(sourceLineMap(body), [4, 6, 7]);
});

test('sourceLineMap: front matter is removed before parsing', () => {
  const body = '---\ntitle: Capas\nconfig:\n  theme: base\n---\nflowchart TB\n  A --> B';
  assert.deepEqual(sourceLineMap(body), [6, 7]);
});

test('sourceLineMap: an init directive is removed and its empty line trimmed away', () => {
  const body = "%%{init: {'flowchart': {'curve': 'linear'}}}%%\nflowchart LR\n  A --> B";
  assert.deepEqual(sourceLineMap(body), [2, 3]);
});

test('sourceLineMap: a directive in the middle keeps the following lines in place', () => {
  const body = "flowchart LR\n%%{init: {'theme': 'base'}}%%\n  A --> B";
  assert.deepEqual(sourceLineMap(body), [1, 2, 3]);
});

test('sourceLineMap: CRLF line endings count once', () => {
  assert.deepEqual(sourceLineMap('flowchart LR\r\n  A --> B\r\n  B --> C'), [1, 2, 3]);
});

test('errorFileLine: fence line + the reported line, through the map', () => {
  // fence at line 40; body line k is at 40 + k
  assert.equal(errorFileLine(40, 'flowchart LR\n  A --> B\n  B --> C[', 3), 43);
  assert.equal(errorFileLine(40, '%% nota\nflowchart LR\n  A --> B\n  B --> C[', 3), 44);
});

test('errorFileLine: no reported line means the fence itself', () => {
  assert.equal(errorFileLine(12, 'foo bar', undefined), 12);
  assert.equal(errorFileLine(12, 'foo bar', 0), 12);
});

test('errorFileLine: a line past the end (EOF errors) stays inside the diagram', () => {
  assert.equal(errorFileLine(10, 'flowchart LR\n  A --> B[', 7), 12);
});

test('mermaidErrorInfo: jison errors give the line from hash.loc', () => {
  const err = Object.assign(new Error("Parse error on line 4:\n...A -->  B[\n------^\nExpecting 'SQE', got '1'"), {
    hash: { text: '', line: 3, loc: { first_line: 3, last_line: 4, first_column: 3, last_column: 0 } },
  });
  const info = mermaidErrorInfo(err);
  assert.equal(info.line, 3);
  assert.match(info.message, /^Parse error on line 4:/);
  assert.match(info.message, /Expecting 'SQE'/);
});

test('mermaidErrorInfo: langium errors give the line from the message', () => {
  const info = mermaidErrorInfo(new Error("Parsing failed:  Parse error on line 3, column 6: Expecting token of type ':' but found `2`."));
  assert.equal(info.line, 3);
  assert.equal(info.message, "Parsing failed: Parse error on line 3, column 6: Expecting token of type ':' but found `2`.");
});

test('mermaidErrorInfo: unknown diagram type has no line and does not dump the diagram', () => {
  const e = new Error('No diagram type detected matching given configuration for text: foo bar\nbaz\nqux');
  e.name = 'UnknownDiagramError';
  const info = mermaidErrorInfo(e);
  assert.equal(info.line, undefined);
  assert.equal(info.message, 'No diagram type detected matching given configuration for text');
});

test('tidyMessage: keeps at most four lines and a bounded length', () => {
  const msg = tidyMessage(['a', '', 'b', 'c', 'd', 'e'].join('\n'));
  assert.equal(msg, 'a\nb\nc\nd');
  assert.ok(tidyMessage('x'.repeat(2000)).length <= 600);
});
