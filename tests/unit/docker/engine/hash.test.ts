import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { digest, pseudoHex, sha256, short } from '../../../../src/docker/common/hash';

const reference = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

test('sha256 agrees with node:crypto, block boundaries and UTF-8 included', () => {
  for (let n = 0; n <= 200; n++) assert.equal(sha256('a'.repeat(n)), reference('a'.repeat(n)), `length ${n}`);
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha256(s) === reference(s)), { numRuns: 300 });
});

test('digest and short are the sha256: form and its 12-hex prefix', () => {
  assert.equal(digest(''), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(short(digest('')), 'e3b0c44298fc');
  assert.equal(short('e3b0c44298fc1c149afb'), 'e3b0c44298fc');
});

test('pseudoHex: 64 hex digits, the same for the same text, different for different texts', () => {
  assert.match(pseudoHex('sb:abc'), /^[0-9a-f]{64}$/);
  assert.equal(pseudoHex('sb:abc'), pseudoHex('sb:abc'));
  const seen = new Set(Array.from({ length: 2000 }, (_, i) => pseudoHex('ep:' + i)));
  assert.equal(seen.size, 2000);
});
