import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { digest, md5, pseudoHex, sha1, sha256, short } from '../../../../src/docker/common/hash';

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

test('md5 and sha1: the RFC 1321 and FIPS 180 vectors, and node:crypto across block boundaries', () => {
  assert.equal(md5(''), 'd41d8cd98f00b204e9800998ecf8427e');
  assert.equal(md5('message digest'), 'f96b697d7cb7938d525a2f31aaf161d0');
  assert.equal(md5('12345678901234567890123456789012345678901234567890123456789012345678901234567890'), '57edf4a22be3c955ac49da2e2107b67a');
  assert.equal(sha1('abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal(sha1('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  for (const alg of ['md5', 'sha1'] as const) {
    const fn = alg === 'md5' ? md5 : sha1;
    for (let n = 0; n <= 130; n++) assert.equal(fn('é'.repeat(n)), createHash(alg).update('é'.repeat(n), 'utf8').digest('hex'), `${alg} ${n}`);
  }
});
