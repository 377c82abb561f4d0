/** Go's strconv number parsers, with their error texts: what pflag and docker/cli's opts read flag values with. */

/** strconv's underscoreOK: every `_` stands between two digits, or between the base prefix and a digit. */
export function underscoreOK(s: string): boolean {
  const body = s.replace(/^[+-]/, '');
  const prefixed = /^0[xXoObB]/.test(body);
  const hex = /^0[xX]/.test(body);
  let saw = prefixed ? '0' : '^';
  for (const c of prefixed ? body.slice(2) : body) {
    if (/\d/.test(c) || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else if (saw === '_') return false;
    else saw = '!';
  }
  return saw !== '_';
}

/** Go's strconv.ParseFloat on the text of a number: decimal or hex (p exponent), `_` between digits. */
export function goParseFloat(s: string): number {
  const fail = (why: string): never => {
    throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(s)}: ${why}`);
  };
  if (s.includes('_') && !underscoreOK(s)) fail('invalid syntax');
  const t = s.replace(/_/g, '');
  let n: number;
  const h = /^([+-]?)0[xX]([\da-fA-F]*)\.?([\da-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
  if (h && (h[2] || h[3])) n = (h[1] === '-' ? -1 : 1) * parseInt(h[2] + h[3] || '0', 16) / 16 ** h[3].length * 2 ** Number(h[4]);
  else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) n = Number(t);
  else return fail('invalid syntax');
  if (!Number.isFinite(n)) fail('value out of range');
  return n;
}

/**
 * strconv.ParseInt / ParseUint with base 0 (as pflag calls them): a sign (signed only), a 0x,
 * 0o, 0b or 0 (octal) prefix, `_` between digits; `bits` wide. With `decimal`, base 10 (Atoi and
 * docker/cli's own parsers): digits only, `010` is ten. Returns a bigint: int64 values go past
 * what a number holds exactly.
 */
export function goParseInt(s: string, bits = 64, unsigned = false, decimal = false): bigint {
  const fail = (why: string): never => {
    throw new Error(`strconv.${unsigned ? 'ParseUint' : 'ParseInt'}: parsing ${JSON.stringify(s)}: ${why}`);
  };
  const m = decimal ? /^([+-]?)(\d+)$/.exec(s) : /^([+-]?)(0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][\d_]*)$/.exec(s);
  if (!m || (unsigned && m[1]) || (s.includes('_') && !underscoreOK(s))) return fail('invalid syntax');
  const digits = m[2].replace(/_/g, '');
  const n = (m[1] === '-' ? -1n : 1n) * BigInt(!decimal && /^0\d/.test(digits) ? '0o' + digits.slice(1) : digits);
  const max = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  if (n > max || n < (unsigned ? 0n : -max - 1n)) fail('value out of range');
  return n;
}

/** strconv.Quote (Go's %q) for the text users type: JSON's escapes, but \a, \v and \xNN for other control bytes. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([01][0-9a-f])|\x7f/g, (all, hex?: string) => {
    if (!hex) return '\\x7f';
    return hex === '07' ? '\\a' : hex === '0b' ? '\\v' : `\\x${hex}`;
  });
}

/** An unsigned integer with an optional base prefix (0b, 0o, 0x or a leading 0 for octal), as big.Int reads one with base 0. */
function bigUint(s: string): bigint | undefined {
  if (!/^(0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][\d_]*)$/.test(s) || (s.includes('_') && !underscoreOK(s))) return undefined;
  const d = s.replace(/_/g, '');
  return BigInt(/^0\d/.test(d) ? '0o' + d.slice(1) : d);
}

/**
 * big.Rat's SetString: `a/b` (integers, base prefixes allowed), or a number with a fraction and
 * an exponent (`e` for tens, `p` for twos; hex, octal and binary mantissas too). Returns
 * numerator and denominator, or undefined where SetString fails.
 */
export function goParseRat(s: string): [bigint, bigint] | undefined {
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    const a = bigUint(s.slice(sign.length, slash));
    const b = bigUint(s.slice(slash + 1));
    return a === undefined || !b ? undefined : [sign === '-' ? -a : a, b];
  }
  const m = /^([+-]?)(0[xX])([\da-fA-F_]*)(?:\.([\da-fA-F_]*))?(?:([pP])([+-]?\d+))?$/.exec(s) ?? /^([+-]?)(0[oObB])?([\d_]*)(?:\.([\d_]*))?(?:([eEpP])([+-]?\d+))?$/.exec(s);
  if (!m) return undefined;
  const [, sign, prefix = '', int, frac = '', e, exp = '0'] = m;
  const base = ({ x: 16, o: 8, b: 2 } as Record<string, number>)[prefix.slice(1).toLowerCase()] ?? 10;
  const digits = int + frac;
  const valid = new RegExp(`^[${'0123456789abcdef'.slice(0, base)}_]+$`, 'i');
  if (!digits.replace(/_/g, '') || !valid.test(digits) || (digits.includes('_') && !underscoreOK(prefix + int + (frac ? '.' + frac : '')))) return undefined;
  let num = [...digits.replace(/_/g, '')].reduce((n, c) => n * BigInt(base) + BigInt(parseInt(c, base)), 0n);
  let den = BigInt(base) ** BigInt(frac.replace(/_/g, '').length);
  // A far exponent only makes the value huge or sure to be too precise: cap its work.
  const x = Math.max(-400, Math.min(400, Number(exp)));
  const scale = BigInt(/[pP]/.test(e ?? '') ? 2 : 10) ** BigInt(Math.abs(x));
  if (x < 0) den *= scale;
  else num *= scale;
  return [sign === '-' ? -num : num, den];
}
