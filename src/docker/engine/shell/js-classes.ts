/**
 * node's Map, Set and Date for the evaluator, where `new X(…)` is a call. A Date reads the
 * simulated clock and the container's zone (UTC), whatever the zone of the machine running us.
 */
const P = Date.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
class UTCDate extends Date {
  toString() {
    const [w, d, m, y, t] = this.toUTCString().replace(',', '').split(' ');
    return isNaN(+this) ? 'Invalid Date' : `${w} ${m} ${d} ${y} ${t} GMT+0000 (Coordinated Universal Time)`;
  }
  getTimezoneOffset() {
    return 0;
  }
}
const D = UTCDate.prototype as unknown as Record<string, unknown>;
for (const k of Object.getOwnPropertyNames(P)) {
  const m = /^([gs]et)(?!UTC|Time)(\w+)$/.exec(k);
  if (m && P[`${m[1]}UTC${m[2]}`]) D[k] = P[`${m[1]}UTC${m[2]}`];
  if (/^toLocale/.test(k)) D[k] = function (this: Date, l = 'en-US', o = {}) { return P[k].call(this, l, { timeZone: 'UTC', ...o }); };
}

/** A class callable without `new`, whose instanceof still holds. */
const cls = <T>(c: { prototype: T }, make: (...a: unknown[]) => T, statics = {}) => Object.assign(make, { prototype: c.prototype, fname: (c as unknown as { name: string }).name }, statics);

export const jsClasses = (now: () => number) => ({
  Map: cls(Map, (i?: unknown) => new Map(i as Iterable<[unknown, unknown]>)),
  Set: cls(Set, (i?: unknown) => new Set(i as Iterable<unknown>)),
  // fields and a date-time with no zone are the container's local time, UTC
  Date: cls(Date, (...a: unknown[]) => new UTCDate(!a.length ? now() : a.length > 1 ? Date.UTC(...(a as [number])) : typeof a[0] === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+$/.test(a[0]) ? a[0] + 'Z' : (a[0] as number)), { now, UTC: Date.UTC, parse: Date.parse }),
});
