/** Go's net.ParseIP: a dotted quad (no leading zeros) or an IPv6 address (one `::`, a dotted quad allowed last, no zone). */
export function isGoIp(s: string): boolean {
  const v4 = (q: string) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(q);
  if (!s.includes(':')) return v4(s);
  const halves = s.split('::');
  if (halves.length > 2) return false;
  let groups = 0;
  const parts = halves.map((h) => (h ? h.split(':') : []));
  const all = parts.flat();
  for (const [i, g] of all.entries()) {
    if (i === all.length - 1 && g.includes('.') && (halves.length === 1 || parts[1].length)) {
      if (!v4(g)) return false;
      groups += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) groups++;
    else return false;
  }
  return halves.length === 2 ? groups < 8 : groups === 8;
}
