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
 * strftime in the C locale and UTC, with glibc's flags (`-` no padding, `_` spaces, `0` zeros, `^`
 * upper case, `#` swapped case) and widths, GNU date's %N (%3N: its first digits) and %:z; an
 * unknown conversion stays as written, as glibc leaves it.
 */
export function strftime(d: Date, fmt: string): string {
  const name = (o: Intl.DateTimeFormatOptions) => d.toLocaleString('en-US', { ...o, timeZone: 'UTC' });
  const t = d.getTime(), Y = d.getUTCFullYear(), h = d.getUTCHours(), wd = d.getUTCDay();
  const yd = Math.floor((t - Date.UTC(Y, 0, 1)) / 864e5);
  // the ISO week is the one of its Thursday, and its year that Thursday's
  const thu = new Date(t + (3 - ((wd + 6) % 7)) * 864e5), G = thu.getUTCFullYear();
  // numbers are [value, width, padding]
  const conv: Record<string, () => string | [number, number, string?]> = {
    Y: () => [Y, 1], C: () => [Math.floor(Y / 100), 2], y: () => [Y % 100, 2], G: () => [G, 1], g: () => [G % 100, 2], m: () => [d.getUTCMonth() + 1, 2],
    d: () => [d.getUTCDate(), 2], e: () => [d.getUTCDate(), 2, ' '], H: () => [h, 2], k: () => [h, 2, ' '], I: () => [h % 12 || 12, 2], l: () => [h % 12 || 12, 2, ' '],
    M: () => [d.getUTCMinutes(), 2], S: () => [d.getUTCSeconds(), 2], j: () => [yd + 1, 3], s: () => [Math.floor(t / 1000), 1], u: () => [wd || 7, 1], w: () => [wd, 1],
    U: () => [Math.floor((yd + 7 - wd) / 7), 2], W: () => [Math.floor((yd + 7 - ((wd + 6) % 7)) / 7), 2], V: () => [Math.floor((thu.getTime() - Date.UTC(G, 0, 1)) / 6048e5) + 1, 2],
    p: () => (h < 12 ? 'AM' : 'PM'), P: () => (h < 12 ? 'am' : 'pm'), a: () => name({ weekday: 'short' }), A: () => name({ weekday: 'long' }), b: () => name({ month: 'short' }),
    h: () => name({ month: 'short' }), B: () => name({ month: 'long' }), Z: () => 'UTC', z: () => '+0000', ':z': () => '+00:00',
    N: () => String(d.getUTCMilliseconds()).padStart(3, '0') + '000000', n: () => '\n', t: () => '\t', '%': () => '%',
    T: () => strftime(d, '%H:%M:%S'), R: () => strftime(d, '%H:%M'), F: () => strftime(d, '%Y-%m-%d'), D: () => strftime(d, '%m/%d/%y'), x: () => strftime(d, '%D'),
    X: () => strftime(d, '%T'), r: () => strftime(d, '%I:%M:%S %p'), c: () => strftime(d, '%a %b %e %T %Y'),
  };
  return fmt.replace(/%([-_0^#]*)(\d*)[EO]?(:?.)/g, (m, flags: string, width: string, c: string) => {
    const v = conv[c]?.();
    if (v === undefined) return m;
    if (c === 'N') return (v as string).slice(0, +width || 9);
    const pad = flags.replace(/[^-_0]/g, '').slice(-1);
    let s = typeof v === 'string' ? v : String(v[0]);
    if (flags.includes('#')) s = /[pZ]/.test(c) ? s.toLowerCase() : s.toUpperCase();
    if (flags.includes('^')) s = s.toUpperCase();
    return pad === '-' ? s : s.padStart(+width || (typeof v === 'string' ? 0 : v[1]), pad === '_' ? ' ' : pad || (typeof v === 'string' ? ' ' : v[2] ?? '0'));
  });
}
