/** A time's UTC fields as an HTTP date names them (`Mon, 16 Jun 2025 09:30:05 GMT`): weekday, day, month, year, time. */
export const utcFields = (ms: number) => new Date(ms).toUTCString().split(' ');

/** How python's servers (http.server, Werkzeug) date a request: `16/Jun/2025 09:30:05`. */
export const logTime = (ms: number, sep = ' ') => {
  const [, day, mon, year, time] = utcFields(ms);
  return `${day}/${mon}/${year}${sep}${time}`;
};

/** The Common Log Format's time (nginx, Apache): `16/Jun/2025:09:30:05 +0000`. */
export const clfTime = (ms: number) => logTime(ms, ':') + ' +0000';

/** GNU's full-iso time (stat, diff -u): `2025-06-16 09:30:05.000000000 +0000`. */
export const fullIso = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000`;
};

/** C's asctime, Go's ANSIC layout: `Fri Jun  6 09:03:05 2025`, the day padded with a space. */
export const asctime = (ms: number) => {
  const [w, day, mon, year, time] = utcFields(ms);
  return `${w.slice(0, 3)} ${mon} ${day.replace(/^0/, ' ')} ${time} ${year}`;
};

/**
 * strftime in the C locale and UTC, with GNU date's %N (%3N: milliseconds) and %:z; an unknown
 * conversion stays as written, as glibc leaves it.
 */
export function strftime(d: Date, fmt: string): string {
  const p = (n: number, w = 2, c = '0') => String(n).padStart(w, c);
  const name = (o: Intl.DateTimeFormatOptions) => d.toLocaleString('en-US', { ...o, timeZone: 'UTC' });
  const h = d.getUTCHours();
  const wd = d.getUTCDay();
  const conv: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()), y: () => p(d.getUTCFullYear() % 100), m: () => p(d.getUTCMonth() + 1), d: () => p(d.getUTCDate()),
    e: () => p(d.getUTCDate(), 2, ' '), H: () => p(h), I: () => p(h % 12 || 12), M: () => p(d.getUTCMinutes()), S: () => p(d.getUTCSeconds()),
    p: () => (h < 12 ? 'AM' : 'PM'), a: () => name({ weekday: 'short' }), A: () => name({ weekday: 'long' }), b: () => name({ month: 'short' }),
    h: () => name({ month: 'short' }), B: () => name({ month: 'long' }), j: () => p(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400_000) + 1, 3),
    s: () => String(Math.floor(d.getTime() / 1000)), u: () => String(wd || 7), w: () => String(wd), Z: () => 'UTC', z: () => '+0000', ':z': () => '+00:00',
    N: () => p(d.getUTCMilliseconds(), 3) + '000000',
    n: () => '\n', t: () => '\t', '%': () => '%', T: () => strftime(d, '%H:%M:%S'), R: () => strftime(d, '%H:%M'), F: () => strftime(d, '%Y-%m-%d'), D: () => strftime(d, '%m/%d/%y'),
  };
  return fmt.replace(/%(\d?)(:?.)/g, (m, width: string, c: string) => (width && c !== 'N' ? m : conv[c]?.().slice(0, +width || undefined) ?? m));
}
