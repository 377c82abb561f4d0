import { BYTE_HEX } from '../common/hash';

/** A small seeded PRNG (mulberry32) whose whole state is one number, so it saves as JSON. */
export class Random {
  constructor(public state: number) {}

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  hex(chars: number): string {
    let s = '';
    while (s.length < chars) {
      const x = (this.next() * 0x10000) >>> 0;
      s += BYTE_HEX[x >>> 8] + BYTE_HEX[x & 255];
    }
    return s.slice(0, chars);
  }
}
