/** SHA-256 over a string's UTF-8 bytes, as 64 lowercase hex: digests are content addresses. */
const K = new Int32Array(64);
const H0 = new Int32Array(8);
// First 32 bits of the fractional parts of the cube (K) and square (H0) roots of the first primes.
for (let p = 2, n = 0; n < 64; p++) {
  let prime = true;
  for (let d = 2; d * d <= p; d++) if (p % d === 0) prime = false;
  if (!prime) continue;
  if (n < 8) H0[n] = (Math.sqrt(p) % 1) * 2 ** 32;
  K[n++] = (Math.cbrt(p) % 1) * 2 ** 32;
}

/** 32-bit rotate right. */
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** Two hex digits per byte value: Number#toString(16) is slow on the doubles above 2^31. */
export const BYTE_HEX = Array.from({ length: 256 }, (_, b) => (b + 0x100).toString(16).slice(1));
const hex8 = (x: number): string => BYTE_HEX[(x >>> 24) & 255] + BYTE_HEX[(x >>> 16) & 255] + BYTE_HEX[(x >>> 8) & 255] + BYTE_HEX[x & 255];

const W = new Int32Array(64);
const H = new Int32Array(8);
const encoder = new TextEncoder();

/** The message, a 1 bit, zeros, and its length in bits: a whole number of 64-byte blocks. */
function pad(text: string, le = false): [DataView, number] {
  const bytes = encoder.encode(text);
  const len = bytes.length;
  const total = ((len + 72) >> 6) << 6;
  const buf = new Uint8Array(total);
  buf.set(bytes);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  // MD5 writes the length low word first, little-endian; the SHAs big-endian
  view.setUint32(total - (le ? 8 : 4), len * 8, le);
  view.setUint32(total - (le ? 4 : 8), len / 2 ** 29, le);
  return [view, total];
}

export function sha256(text: string): string {
  const [view, total] = pad(text);
  H.set(H0);
  // Int32 arrays and `| 0` keep every sum modulo 2^32 in small integers; plain locals and no
  // iterators keep this loop fast (digests are taken for every container and layer).
  const w = W;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15], y = w[i - 2];
      w[i] = w[i - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10));
    }
    let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], hh = H[7];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += hh;
  }
  let hex = '';
  for (let i = 0; i < 8; i++) hex += hex8(H[i]);
  return hex;
}

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
const IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
// MD5's additive constants are the sines of 1..64 and its shifts repeat in fours (RFC 1321)
const MK = Int32Array.from({ length: 64 }, (_, i) => Math.abs(Math.sin(i + 1)) * 2 ** 32);
const MS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/** MD5 (RFC 1321) and SHA-1 (FIPS 180-4) for md5sum and sha1sum: only programs ask for them. */
export function md5(text: string): string {
  const [view, total] = pad(text, true);
  const h = Int32Array.from(IV.slice(0, 4));
  for (let off = 0; off < total; off += 64) {
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i++) {
      const r = i >> 4;
      const f = r === 0 ? (b & c) | (~b & d) : r === 1 ? (d & b) | (~d & c) : r === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = (r === 0 ? i : r === 1 ? 5 * i + 1 : r === 2 ? 3 * i + 5 : 7 * i) & 15;
      const t = d;
      d = c;
      c = b;
      b = (b + rotl((a + f + MK[i] + view.getInt32(off + g * 4, true)) | 0, MS[r * 4 + (i & 3)])) | 0;
      a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
  }
  // the digest is the state words' bytes low first
  return Array.from(h, (x) => BYTE_HEX[x & 255] + BYTE_HEX[(x >> 8) & 255] + BYTE_HEX[(x >> 16) & 255] + BYTE_HEX[x >>> 24]).join('');
}

export function sha1(text: string): string {
  const [view, total] = pad(text);
  const h = Int32Array.from(IV), w = new Int32Array(80);
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 80; i++) w[i] = i < 16 ? view.getInt32(off + i * 4) : rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let [a, b, c, d, e] = h;
    for (let i = 0; i < 80; i++) {
      const r = (i / 20) | 0;
      const f = r === 0 ? (b & c) | (~b & d) : r === 2 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const t = (rotl(a, 5) + f + e + [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6][r] + w[i]) | 0;
      e = d; d = c; c = rotl(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
  }
  return Array.from(h, hex8).join('');
}

/** `sha256:<hex>` of a string. */
export const digest = (text: string): string => 'sha256:' + sha256(text);

/** The 12-character short form Docker prints (`stringid.TruncateID`). */
export const short = (id: string): string => id.slice(id.indexOf(':') + 1, id.indexOf(':') + 13);

/** FNV-1a of a string's UTF-16 code units: a quick 32-bit hash, not a digest. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * 64 hex digits that look random and always come out the same for `text`: the names of runtime
 * things (writable layer directories, sandboxes, endpoints, execs) that address no content, so
 * they need no SHA-256 (which costs many times more, on every container started).
 */
export function pseudoHex(text: string): string {
  let h = fnv1a(text);
  let hex = '';
  for (let i = 0; i < 8; i++) {
    h = (h + 0x9e3779b9) | 0;
    let z = Math.imul(h ^ (h >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    hex += hex8(z ^ (z >>> 15));
  }
  return hex;
}
