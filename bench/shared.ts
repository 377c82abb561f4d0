/** What every benchmark area reports, and the small helpers they all use. */
import { resolve } from 'node:path';

export interface BenchRow {
  area: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
}

export const ROOT = resolve(import.meta.dirname, '..');
/** Bytes to kilobytes with one decimal. */
export const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
