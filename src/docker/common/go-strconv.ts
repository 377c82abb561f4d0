/** Go's strconv number parsers, with their error texts: what pflag and docker/cli's opts read flag values with. */

/** strconv's underscoreOK: every `_` stands between two digits, or between the base prefix and a digit. */
function underscoreOK(s: string): boolean {
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
 * 0o, 0b or 0 (octal) prefix, `_` between digits; `bits` wide. Returns a bigint: int64 values
 * go past what a number holds exactly.
 */
export function goParseInt(s: string, bits = 64, unsigned = false): bigint {
  const fail = (why: string): never => {
    throw new Error(`strconv.${unsigned ? 'ParseUint' : 'ParseInt'}: parsing ${JSON.stringify(s)}: ${why}`);
  };
  const m = /^([+-]?)(0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][\d_]*)$/.exec(s);
  if (!m || (unsigned && m[1]) || (s.includes('_') && !underscoreOK(s))) return fail('invalid syntax');
  const digits = m[2].replace(/_/g, '');
  const n = (m[1] === '-' ? -1n : 1n) * BigInt(/^0\d/.test(digits) ? '0o' + digits.slice(1) : digits);
  const max = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  if (n > max || n < (unsigned ? 0n : -max - 1n)) fail('value out of range');
  return n;
}
