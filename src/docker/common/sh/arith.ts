/**
 * One evaluator for the shells' arithmetic (`$(( ))`: integers, C precedence, names read as
 * variables, assignments) and, with `float`, for the REPL demos of python3 and node.
 */

/** `token` is bash's `error token`: the text from the token before the one where it stopped. */
export class ArithError extends Error {
  constructor(message: string, readonly token: string, readonly expr: string) {
    super(message);
  }
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** dash takes a variable's value as a number only; bash and busybox evaluate it as an expression. */
  numbersOnly?(): boolean;
}

const BIN: Record<string, number> = { '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11 };
const TOKEN = /\s*(0x[0-9a-f]+|\d+#[\w@]*|\d+(?:\.\d+)?|[A-Za-z_]\w*(?:\[[^\]]*\])?|\*\*|<<=?|>>=?|[-+*/%&|^<>=!]=|&&|\|\||\+\+|--|\S)?/iy;

export function arith(src: string, vars?: ArithVars, float = false): number {
  let at = 0;
  let start = 0;
  let last = 0;
  let tok = '';
  const next = () => {
    last = start;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src)!;
    at = TOKEN.lastIndex;
    tok = m[1] ?? '';
    start = at - tok.length;
    // the REPL demos know numbers, + - * / ** and parentheses only
    if (float && tok && !/^(\d|[-+*/()]$|\*\*$)/.test(tok)) fail('syntax');
  };
  const fail = (msg: string): never => {
    throw new ArithError(msg, src.slice(last), src);
  };
  const int = (v: number) => (float ? v : Math.trunc(v));
  const apply = (op: string, a: number, b: number): number => {
    if ((op === '/' || op === '%') && b === 0 && !float) fail('division by 0');
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return int(a / b);
      case '%': return a % b;
      case '**': return b < 0 && !float ? fail('exponent less than 0') : a ** b;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      default: return +(op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : op === '>=' ? a >= b : op === '==' ? a === b : op === '!=' ? a !== b : op === '&&' ? a && b : a || b);
    }
  };
  const value = (name: string): number => {
    const v = vars!.get(name)?.trim();
    if (v && vars!.numbersOnly?.() && !/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(v)) throw new ArithError(`Illegal number: ${v}`, '', src);
    return v ? arith(v, vars) : 0;
  };
  const unary = (): number => {
    const before = last;
    const t = tok;
    next();
    if (t === '(') {
      const v = comma();
      if (tok !== ')') fail('missing `)\'');
      next();
      return v;
    }
    if (t === '-' || t === '+') return t === '-' ? -unary() : unary();
    if (t === '!') return +!unary();
    if (t === '~' && !float) return ~unary();
    if (/^\d/.test(t)) {
      if (float) return Number(t);
      if (t.includes('.')) {
        last += t.indexOf('.');
        fail('syntax error: invalid arithmetic operator');
      }
      // a leading 0 is octal
      if (/^0\d*[89]/.test(t)) fail('value too great for base');
      // BASE#DIGITS: bash's digits are 0-9, a-z, A-Z (the same as a-z up to base 36), @ and _
      const [base, digits] = t.split('#');
      if (digits !== undefined) {
        const b = +base;
        if (b < 2 || b > 64) fail(b ? 'invalid arithmetic base' : 'invalid number');
        if (!digits) fail('invalid integer constant');
        let n = 0;
        for (const c of digits) {
          const d = c <= '9' ? +c : c >= 'a' ? c.charCodeAt(0) - 87 : c >= 'A' && c <= 'Z' ? c.charCodeAt(0) - (b > 36 ? 29 : 55) : c === '@' ? 62 : 63;
          if (d >= b) fail('value too great for base');
          n = n * b + d;
        }
        return n;
      }
      return /^0x/i.test(t) ? parseInt(t, 16) : /^0/.test(t) ? parseInt(t, 8) : Number(t);
    }
    if (/^[A-Za-z_]/.test(t) && vars) {
      const op = tok;
      if (op === '++' || op === '--') {
        next();
        const v = value(t);
        vars.set(t, String(v + (op === '++' ? 1 : -1)));
        return v;
      }
      if (/^([-+*/%&|^]|<<|>>)?=$/.test(op)) {
        next();
        const v = op === '=' ? expr() : apply(op.slice(0, -1), value(t), expr());
        vars.set(t, String(v));
        return v;
      }
      return value(t);
    }
    if ((t === '++' || t === '--') && vars && /^[A-Za-z_]/.test(tok)) {
      const name = tok;
      next();
      const v = value(name) + (t === '++' ? 1 : -1);
      vars.set(name, String(v));
      return v;
    }
    last = before;
    return fail('syntax error: operand expected');
  };
  const binary = (min: number): number => {
    let v = unary();
    for (let p = BIN[tok]; p >= min; p = BIN[tok]) {
      const op = tok;
      next();
      // `**` groups to the right, the others to the left
      v = apply(op, v, binary(op === '**' ? p : p + 1));
    }
    return v;
  };
  const expr = (): number => {
    const v = binary(1);
    if (tok !== '?') return v;
    next();
    const a = expr();
    if ((tok as string) !== ':') fail("syntax error: `:' expected for conditional expression");
    next();
    const b = expr();
    return v ? a : b;
  };
  // `a = 1, a + 1`: each in turn, the last one's value
  const comma = (): number => {
    let v = expr();
    while (tok === ',' && !float) {
      next();
      v = expr();
    }
    return v;
  };
  next();
  if (!tok) return 0;
  const v = comma();
  last = start;
  if (tok) fail('syntax error in expression');
  return v;
}

/** + - * / and parentheses over decimal numbers: what a REPL demo needs. */
export const evalArith = (src: string): number => arith(src, undefined, true);
