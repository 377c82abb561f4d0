import type { Clock } from '../api';

/** Fixed start of every seeded session: shortly after the 28.2.2 release. */
export const SEEDED_START = Date.UTC(2025, 5, 16, 9, 30, 0);

/** A clock that only moves when told: deterministic transcripts. */
export function simulatedClock(start = SEEDED_START): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => { t += Math.max(0, ms); } };
}

/** Wall-clock time; waits already take real time, so advancing only adds simulated sleeps. */
export function realClock(): Clock {
  return { now: () => Date.now(), advance: () => {} };
}

/** RFC3339Nano as Go prints it (trailing zeros of the fraction dropped). */
export function rfc3339(ms: number): string {
  if (ms <= 0) return '0001-01-01T00:00:00Z';
  const iso = new Date(ms).toISOString();
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return iso.slice(0, 19) + (frac ? '.' + frac : '') + 'Z';
}
