/**
 * python's random after `random.seed(n)`: CPython's Mersenne Twister, seeded by its int's 32-bit
 * words (init_by_array), so a seeded program draws the numbers the real one does.
 */
export function mersenne(seed: bigint): { random(): number; below(n: number): number } {
  const N = 624, mt: number[] = [];
  const key: number[] = [];
  for (let a = seed < 0n ? -seed : seed; a || !key.length; a >>= 32n) key.push(Number(a & 0xffffffffn));
  // (init_genrand(19650218), then the key mixed in)
  mt[0] = 19650218;
  for (let i = 1; i < N; i++) mt[i] = (Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i) >>> 0;
  let i = 1;
  const mix = (f: number, add: number) => {
    mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), f)) + add) >>> 0;
    if (++i >= N) [mt[0], i] = [mt[N - 1], 1];
  };
  for (let k = Math.max(N, key.length), j = 0; k; k--, j = (j + 1) % key.length) mix(1664525, key[j] + j);
  for (let k = N - 1; k; k--) mix(1566083941, -i);
  mt[0] = 0x80000000;
  let at = N;
  const next = () => {
    if (at >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = (mt[(k + 397) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
      }
      at = 0;
    }
    let y = mt[at++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return (y ^ (y >>> 18)) >>> 0;
  };
  return {
    random: () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992,
    // _randbelow: as many bits as n has, drawn again until under n
    below(n) {
      const k = 32 - Math.clz32(n);
      let r;
      do r = k ? next() >>> (32 - k) : 0;
      while (r >= n);
      return r;
    },
  };
}
