/**
 * python's random module: once seeded with an int, CPython's Mersenne Twister
 * (Modules/_randommodule.c) and Lib/random.py's use of it, so a seeded program prints the
 * numbers CPython prints; unseeded, the simulator's own generator. What fails inside random.py
 * (an empty range or choice) would show its frames: refused.
 */
import { KW, Thrown, Unsupported } from './repl-eval';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type V = any;

/** MT19937 seeded by init_by_array with the seed's 32-bit words, lowest first. */
function twister(seed: bigint) {
  const mt = new Uint32Array(624);
  const key: number[] = [];
  for (let n = seed < 0n ? -seed : seed; n || !key.length; n >>= 32n) key.push(Number(n & 0xffffffffn));
  mt[0] = 19650218;
  for (let i = 1; i < 624; i++) mt[i] = Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
  let i = 1, j = 0;
  const mix = (m: number, add: number) => {
    mt[i] = (mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), m)) + add;
    if (++i >= 624) (mt[0] = mt[623]), (i = 1);
  };
  for (let k = Math.max(624, key.length); k; k--) {
    mix(1664525, key[j] + j);
    if (++j >= key.length) j = 0;
  }
  for (let k = 623; k; k--) mix(1566083941, -i);
  mt[0] = 0x80000000;
  let at = 624;
  const next = () => {
    if (at >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
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
    /** getrandbits(k): k bits in 32-bit words, lowest first, the last one's top bits */
    bits: (k: number) => {
      let r = 0n;
      for (let w = 0; k > 0; w++, k -= 32) r |= BigInt(next() >>> (k < 32 ? 32 - k : 0)) << BigInt(32 * w);
      return r;
    },
  };
}

export function randomModule(unseeded: () => number) {
  let mt: ReturnType<typeof twister> | undefined;
  const random = () => (mt ? mt.random() : unseeded());
  const no = (): never => { throw new Unsupported('random of this'); };
  const int = (x: V) => (typeof x === 'bigint' || typeof x === 'boolean' ? BigInt(x) : no());
  /** _randbelow: getrandbits of n's length until below n */
  const below = (n: bigint): bigint => {
    if (n <= 0n) no();
    if (!mt) return BigInt(Math.floor(unseeded() * Number(n)));
    const k = n.toString(2).length;
    let r: bigint;
    do r = mt.bits(k);
    while (r >= n);
    return r;
  };
  const seq = (l: V) => (typeof l === 'string' || Array.isArray(l) ? l : no());
  const randrange = (a: V, b?: V, st: V = 1n) => {
    if (b == null) return below(int(a));
    const [x, w, s] = [int(a), int(b) - int(a), int(st)];
    if (!s) no();
    // (python's floor division of the width by the step)
    const t = w + s + (s > 0n ? -1n : 1n), q = t / s;
    return x + s * below(t % s && t < 0n !== s < 0n ? q - 1n : q);
  };
  return {
    seed: (a: V = null) => {
      mt = a === null ? undefined : twister(int(a));
      return null;
    },
    random,
    uniform: (a: V, b: V) => Number(a) + (Number(b) - Number(a)) * random(),
    randrange,
    randint: (a: V, b: V) => randrange(a, int(b) + 1n),
    choice: (l: V) => seq(l)[Number(below(BigInt(l.length)))],
    // (random.py's: an index of random() times the length, or the first cumulative weight over random() times their total)
    choices: Object.assign((l: V, ...a: V[]) => {
      const o = a[a.length - 1]?.[KW] ? a.pop() : {}, n = seq(l).length, w = a[0] ?? o.weights, k = Number(int(o.k ?? 1n));
      let c = o.cum_weights, t = 0;
      if (w != null && c != null) throw new Thrown('TypeError', 'Cannot specify both weights and cumulative weights');
      if (typeof w === 'bigint') throw new Thrown('TypeError', `The number of choices must be a keyword argument: k=${w}`);
      if (w != null) c = [...seq(w)].map((x: V) => (t += typeof x === 'number' ? x : Number(int(x))));
      if (!n) no();
      if (c == null) return Array.from({ length: k }, () => l[Math.floor(random() * n)]);
      if (seq(c).length !== n) throw new Thrown('ValueError', 'The number of weights does not match the population');
      if (!((t = Number(c[n - 1])) > 0)) throw new Thrown('ValueError', 'Total of weights must be greater than zero');
      return Array.from({ length: k }, () => { let i = 0; for (const x = random() * t; i < n - 1 && !(Number(c[i]) > x);) i++; return l[i]; });
    }, { kw: true }),
    shuffle: (l: V) => {
      for (let i = seq(l).length - 1; i > 0; i--) {
        const j = Number(below(BigInt(i + 1)));
        [l[i], l[j]] = [l[j], l[i]];
      }
      return null;
    },
    sample: (l: V, k: V) => {
      const n = seq(l).length, m = Number(int(k));
      if (m < 0 || m > n) no();
      const out: V[] = [];
      // random.py takes from a copy of a small population, and draws indexes of a big one until new
      if (n <= 21 + (m > 5 ? 4 ** Math.ceil(Math.log(m * 3) / Math.log(4)) : 0)) {
        const pool = [...l];
        for (let i = 0; i < m; i++) {
          const j = Number(below(BigInt(n - i)));
          out.push(pool[j]);
          pool[j] = pool[n - i - 1];
        }
      } else {
        const seen = new Set<number>();
        for (let i = 0; i < m; i++) {
          let j: number;
          do j = Number(below(BigInt(n)));
          while (seen.has(j));
          seen.add(j);
          out.push(l[j]);
        }
      }
      return out;
    },
  };
}
