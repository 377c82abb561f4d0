/** SHA-256 over a string's UTF-8 bytes, as 64 lowercase hex: digests are content addresses. */
const K = new Uint32Array(64);
const H0 = new Uint32Array(8);
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

export function sha256(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const len = bytes.length;
  // The message, a 1 bit, zeros, and its length in bits: a whole number of 64-byte blocks.
  const total = ((len + 72) >> 6) << 6;
  const buf = new Uint8Array(total);
  buf.set(bytes);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(total - 4, len * 8);
  view.setUint32(total - 8, len / 2 ** 29);
  const h = H0.slice();
  // Typed arrays keep every sum modulo 2^32.
  const w = new Uint32Array(64);
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 64; i++) {
      w[i] = i < 16 ? view.getUint32(off + i * 4)
        : w[i - 16] + (rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3)) + w[i - 7] + (rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10));
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] += v));
  }
  return [...h].map((x) => x.toString(16).padStart(8, '0')).join('');
}

/** `sha256:<hex>` of a string. */
export const digest = (text: string): string => 'sha256:' + sha256(text);

/** The 12-character short form Docker prints (`stringid.TruncateID`). */
export const short = (id: string): string => id.slice(id.indexOf(':') + 1, id.indexOf(':') + 13);
