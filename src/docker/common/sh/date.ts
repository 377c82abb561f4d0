/**
 * `date` of GNU coreutils and busybox: now or -d STRING, shown as +FORMAT, -R or -I; the
 * containers' clock is UTC and cannot be set (no CAP_SYS_TIME).
 */
import { strftime } from '../dates';
import type { IO, ShellLike } from './types';

// months, or (negative) milliseconds
const UNIT: Record<string, number> = { year: 12, month: 1, week: -604800e3, day: -86400e3, hour: -3600e3, min: -60e3, minute: -60e3, sec: -1e3, second: -1e3 };

// What GNU's parse_datetime also reads and this does not (month and day names, ordinals, am/pm,
// zone offsets): a date given so is refused, never called invalid
const UNREAD = /^([+-]\d|(\d+(st|nd|rd|th)?,?\s*)?(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tues?(day)?|wed(nes(day)?)?|thu(rs?(day)?)?|fri(day)?|sat(urday)?|sun(day)?|next|last|this|noon|midnight|fortnight|first|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b|\d+\s*[ap]\.?m\b)/;

/**
 * The time (ms) a date string names, as GNU's parse_datetime reads what students write: `@SECONDS`,
 * ISO dates and times, `MM/DD/YYYY`, `YYYYMMDD`, now/today/yesterday/tomorrow and
 * relative items (`2 days ago`, `+1 month`); undefined when it is none, null when it is a form
 * GNU reads that this does not.
 */
export function parseDate(text: string, now: number): number | undefined | null {
  let s = text.trim().toLowerCase();
  const at = /^@(-?\d+(?:[.,]\d+)?)$/.exec(s);
  if (at) return Math.floor(+at[1].replace(',', '.') * 1000);
  const n = new Date(now);
  // (an empty string is the start of today)
  if (!s) return Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), n.getUTCDate());
  let date: number[] | undefined, time: number[] | undefined, months = 0, ms = 0;
  const eat = (re: RegExp) => {
    const m = re.exec(s);
    if (m) s = s.slice(m[0].length).trimStart();
    return m;
  };
  let m;
  while (s) {
    if ((m = eat(/^(\d{4})-(\d\d?)-(\d\d?)t?/) ?? eat(/^(\d{4})(\d\d)(\d\d)(?!\d)/))) date = [+m[1], +m[2], +m[3]];
    else if ((m = eat(/^(\d\d?)\/(\d\d?)\/(\d{4})/))) date = [+m[3], +m[1], +m[2]];
    else if ((m = eat(/^(\d\d?):(\d\d)(?::(\d\d))?/))) {
      time = [+m[1], +m[2], +(m[3] ?? 0)];
      if (time[0] > 23 || time[1] > 59 || time[2] > 60) return;
    } else if ((m = eat(/^([+-]?\d+)?\s*(year|month|week|day|hour|minute|min|second|sec)s?\b\s*(ago\b)?/))) {
      const k = (m[1] ? +m[1] : 1) * (m[3] ? -1 : 1);
      if (UNIT[m[2]] > 0) months += k * UNIT[m[2]];
      else ms -= k * UNIT[m[2]];
    } else if ((m = eat(/^(now|today|yesterday|tomorrow|z|utc|gmt|ut)\b/))) ms += { yesterday: -86400e3, tomorrow: 86400e3 }[m[1]] ?? 0;
    else return UNREAD.test(s) ? null : undefined;
  }
  if (date && (date[1] < 1 || date[1] > 12 || date[2] < 1 || new Date(Date.UTC(date[0], date[1] - 1, date[2])).getUTCDate() !== date[2])) return;
  const [y, mo, d] = date ?? [n.getUTCFullYear(), n.getUTCMonth() + 1, n.getUTCDate()];
  const [h, mi, sec, frac] = time ?? (date ? [0, 0, 0] : [n.getUTCHours(), n.getUTCMinutes(), n.getUTCSeconds(), n.getUTCMilliseconds()]);
  return Date.UTC(y, mo - 1 + months, d, h, mi, sec, frac ?? 0) + ms;
}

const ISO = ['hours', 'minutes', 'date', 'seconds', 'ns'];

export function date(args: string[], io: IO, sh: ShellLike): number {
  const usage = (msg: string) => (io.err(`date: ${msg}\nTry 'date --help' for more information.\n`), 1);
  const now = sh.m.now();
  let when: string | undefined, set: string | undefined, out: string | undefined;
  const ops: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      ops.push(...args.slice(i + 1));
      break;
    }
    if (!/^-./.test(a)) ops.push(a);
    else for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'u') continue;
      // -R, -I[FMT]: RFC 5322 or ISO 8601 (to the date, hours, minutes, seconds or ns)
      if (c === 'R' || c === 'I') {
        const v = c === 'I' ? a.slice(j + 1) : '';
        const k = ISO.findIndex((x) => x.startsWith(v || 'date'));
        if (k < 0) return usage(`invalid argument '${v}' for '--iso-8601'\nValid arguments are:${ISO.map((x) => `\n  - '${x}'`).join('')}`);
        if (out) return (io.err('date: multiple output formats specified\n'), 1);
        // (busybox's zone has no colon)
        out = c === 'R' ? '%a, %d %b %Y %T %z' : ['%FT%H%:z', '%FT%H:%M%:z', '%F', '%FT%T%:z', '%FT%T,%N%:z'][k].replace('%:', io.busybox ? '%' : '%:');
        if (c === 'I') break;
        continue;
      }
      const v = a.slice(j + 1) || args[++i];
      if (c === 'd') when = v;
      else set = v;
      break;
    }
  }
  if (ops.length > 1) return usage(`extra operand '${ops[1]}'`);
  const op = ops[0] ?? '+';
  if (op[0] !== '+' && (set ?? when) !== undefined) return usage(`the argument '${op}' lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'`);
  if (op[0] === '+' && out && ops.length) return (io.err('date: multiple output formats specified\n'), 1);
  // (an operand without `+` would be a date to set, MMDDhhmm[[CC]YY][.ss]: that form is not read)
  if (op[0] !== '+') return (io.err(`date: invalid date '${op}'\n`), 1);
  // busybox reads absolute dates only
  const t = (set ?? when) === undefined ? now : io.busybox && /[a-z]{3}/i.test(set ?? when!) ? undefined : parseDate(set ?? when!, now);
  if (t === null) return (io.err(`date: el simulador no lee fechas como '${set ?? when}'\n`), 1);
  if (t === undefined) return (io.err(`date: invalid date '${set ?? when}'\n`), 1);
  // setting the clock needs CAP_SYS_TIME: the date is printed all the same
  if (set !== undefined) io.err(`date: ${io.busybox ? "can't" : 'cannot'} set date: Operation not permitted\n`);
  io.out(strftime(new Date(t), op.slice(1) || out || '%a %b %e %T %Z %Y') + '\n');
  return set !== undefined && !io.busybox ? 1 : 0;
}
