import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheKey, mermaidVersion, normalizeDiagramText, readCached, rendererFingerprint, stableJson, writeCached } from '../../../src/diagrams/cache';
import { MERMAID_CONFIG } from '../../../src/diagrams/theme';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TEXT = 'flowchart LR\n  A --> B';

test('cache key: same diagram, theme and version give the same key', () => {
  assert.equal(cacheKey(TEXT, MERMAID_CONFIG, '12.3.0'), cacheKey(TEXT, structuredClone(MERMAID_CONFIG), '12.3.0'));
  assert.match(cacheKey(TEXT, MERMAID_CONFIG, '12.3.0'), /^[0-9a-f]{64}$/);
});

test('cache key: changes with the text, the theme, the Mermaid version and the renderer', () => {
  const base = cacheKey(TEXT, MERMAID_CONFIG, '12.3.0', 'r1');
  assert.notEqual(cacheKey(TEXT + '\n  B --> C', MERMAID_CONFIG, '12.3.0', 'r1'), base);
  assert.notEqual(cacheKey(TEXT, { ...MERMAID_CONFIG, themeVariables: { ...MERMAID_CONFIG.themeVariables, primaryColor: '#ff0000' } }, '12.3.0', 'r1'), base);
  assert.notEqual(cacheKey(TEXT, { ...MERMAID_CONFIG, look: 'handDrawn' }, '12.3.0', 'r1'), base);
  assert.notEqual(cacheKey(TEXT, MERMAID_CONFIG, '12.3.1', 'r1'), base);
  assert.notEqual(cacheKey(TEXT, MERMAID_CONFIG, '12.3.0', 'r2'), base);
});

test('cache key: line endings and trailing blanks do not matter', () => {
  const base = cacheKey(TEXT, MERMAID_CONFIG, 'v');
  assert.equal(cacheKey('flowchart LR\r\n  A --> B  \n\n', MERMAID_CONFIG, 'v'), base);
  assert.equal(normalizeDiagramText('a  \r\nb\n\n'), 'a\nb');
});

test('stableJson: property order does not change the text', () => {
  assert.equal(stableJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } }), stableJson({ a: { d: [1, { x: 1, y: 2 }] }, b: 1 }));
});

test('mermaid version is read from the installed package; renderer fingerprint is stable', () => {
  assert.match(mermaidVersion(ROOT), /^12\./);
  assert.equal(rendererFingerprint(ROOT), rendererFingerprint(ROOT));
  assert.match(rendererFingerprint(ROOT), /^[0-9a-f]{16}$/);
});

test('cache files: written whole under .cache/mermaid/<key>.svg, broken files are ignored', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aula-mermaid-cache-'));
  try {
    const key = cacheKey(TEXT, MERMAID_CONFIG, 'v');
    assert.equal(readCached(dir, key), null);
    writeCached(dir, key, '<svg id="x"></svg>');
    assert.deepEqual(readdirSync(join(dir, 'mermaid')), [`${key}.svg`]);
    assert.equal(readCached(dir, key), '<svg id="x"></svg>');
    mkdirSync(join(dir, 'mermaid'), { recursive: true });
    writeFileSync(join(dir, 'mermaid', 'bad.svg'), '<svg id="x"><g>');
    assert.equal(readCached(dir, 'bad'), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
