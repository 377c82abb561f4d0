/** Byte counts as `-h` prints them: GNU's human_ceiling and busybox's make_human_readable_str. */

const UNITS = ['K', 'M', 'G'];

export function human(n: number, busybox: boolean): string {
  if (n < 1024) return String(n);
  if (busybox) {
    // integer division, the last remainder rounded to one decimal
    let val = n;
    let frac = 0;
    let k = -1;
    while (val >= 1024) {
      frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
      val = Math.floor(val / 1024);
      k++;
    }
    return frac >= 10 ? `${val + 1}.0${UNITS[k]}` : `${val}.${frac}${UNITS[k]}`;
  }
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < 2) {
    v /= 1024;
    u++;
  }
  // rounded up, one decimal below 10 (4.0K)
  const tenths = Math.ceil(v * 10) / 10;
  return (tenths < 10 ? tenths.toFixed(1) : String(Math.ceil(v))) + UNITS[u];
}
