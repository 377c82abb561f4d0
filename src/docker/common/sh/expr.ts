/** `expr`: POSIX expressions, as GNU coreutils and busybox evaluate and word their errors. */
import { usage } from './opts';
import type { Command } from './types';

class ExprError extends Error {}

export const expr: Command = (args, io) => {
  const bb = io.busybox;
  const t = args.slice(1);
  if (!t.length) {
    if (bb) return usage(io, 'expr EXPRESSION\n\nPrint the value of EXPRESSION'), 2;
    return io.err("expr: missing operand\nTry 'expr --help' for more information.\n"), 2;
  }
  let i = 0;
  const fail = (gnu: string, busy = 'syntax error'): never => {
    throw new ExprError(bb ? busy : gnu);
  };
  const int = (v: string) => (/^\s*[-+]?\d+$/.test(v) ? BigInt(v) : fail('non-integer argument', 'non-numeric argument'));
  const isInt = (v: string) => /^-?\d+$/.test(v);
  const more = () => (i < t.length ? t[i++] : fail(`syntax error: missing argument after '${t[i - 1]}'`));
  const truth = (v: string) => v !== '' && !/^-?0+$/.test(v);
  // from the loosest operators to the tightest, as GNU's eval1…eval6
  const levels: string[][] = [['|'], ['&'], ['<', '<=', '=', '==', '!=', '>=', '>'], ['+', '-'], ['*', '/', '%'], [':']];
  const binary = (op: string, a: string, b: string): string => {
    if (op === '|') return truth(a) ? a : truth(b) ? b : '0';
    if (op === '&') return truth(a) && truth(b) ? a : '0';
    if (op === ':') {
      const m = new RegExp('^(?:' + b.replace(/\\([(){}|+?])|[(){}|+?]/g, (m, e?: string) => e ?? '\\' + m) + ')').exec(a);
      return /\\\(/.test(b) ? m?.[1] ?? '' : String(m ? m[0].length : 0);
    }
    if (levels[2].includes(op)) {
      const c = isInt(a) && isInt(b) ? Number(BigInt(a) - BigInt(b)) : a < b ? -1 : a > b ? 1 : 0;
      return String(+({ '<': c < 0, '<=': c <= 0, '=': c === 0, '==': c === 0, '!=': c !== 0, '>=': c >= 0, '>': c > 0 } as Record<string, boolean>)[op]);
    }
    const [x, y] = [int(a), int(b)];
    if ((op === '/' || op === '%') && y === 0n) fail('division by zero', 'division by zero');
    return String(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y);
  };
  const unary = (): string => {
    const w = more();
    if (w === '(') {
      const v = level(0);
      if (t[i] !== ')') fail(i < t.length ? `syntax error: expecting ')' instead of '${t[i]}'` : `syntax error: expecting ')' after '${t[i - 1]}'`);
      i++;
      return v;
    }
    if (w === '+') return more();
    if (w === 'length') return String([...unary()].length);
    if (w === 'match') return binary(':', unary(), unary());
    if (w === 'index') {
      const [s, c] = [unary(), unary()];
      return String([...s].findIndex((ch) => c.includes(ch)) + 1);
    }
    if (w === 'substr') {
      const [s, p, n] = [unary(), unary(), unary()];
      const [from, len] = [Number(int(p)), Number(int(n))];
      return from < 1 || len < 1 ? '' : [...s].slice(from - 1, from - 1 + len).join('');
    }
    return w;
  };
  const level = (k: number): string => {
    if (k === levels.length) return unary();
    let v = level(k + 1);
    while (i < t.length && levels[k].includes(t[i])) {
      const op = t[i++];
      if (i >= t.length) fail(`syntax error: missing argument after '${op}'`);
      v = binary(op, v, level(k + 1));
    }
    return v;
  };
  try {
    const v = level(0);
    if (i < t.length) fail(`syntax error: unexpected argument '${t[i]}'`);
    io.out(v + '\n');
    return truth(v) ? 0 : 1;
  } catch (e) {
    // a pattern RegExp refuses is an unbalanced group
    if (!(e instanceof Error) || !(e instanceof ExprError || e instanceof SyntaxError)) throw e;
    io.err(`expr: ${e instanceof ExprError ? e.message : 'Unmatched ( or \\('}\n`);
    return 2;
  }
};
