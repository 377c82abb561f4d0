/**
 * `test`, `[` (and bash's and busybox's `[[`): the builtin of every shell, with each one's
 * error messages (status 2): bash `bash: [: a: integer expression expected`, dash
 * `sh: 1: [: Illegal number: a`, busybox `sh: a: bad number`.
 */
import type { IO, ShellLike } from './types';
import { globRe } from './glob';
import { posixRegex } from './sed';
import { packList } from './arrays';

const UNARY = /^-[efdsrwxznLh]$/;
const BINARY = /^(=|!=|==|<|>|-eq|-ne|-lt|-le|-gt|-ge)$/;

class TestError extends Error {}

export function test(argv: string[], io: IO, sh: ShellLike): number {
  const name = argv[0];
  const fl = sh.flavor;
  const fail = (arg: string | undefined, bash: string, dash: string, ash = dash): never => {
    const msg = fl === 'bash' ? bash : fl === 'dash' ? dash : ash;
    throw new TestError(arg === undefined ? msg : fl === 'dash' && msg === 'Illegal number' ? `${msg}: ${arg}` : `${arg}: ${msg}`);
  };
  const close = name === '[' ? ']' : name === '[[' ? ']]' : '';
  const args = argv.slice(1);
  try {
    if (close && args.pop() !== close) fail(undefined, `missing \`${close}'`, `missing ${close}`);
    const dbl = name === '[[';
    const binops = fl === 'dash' ? /^(=|!=|<|>|-eq|-ne|-lt|-le|-gt|-ge)$/ : dbl ? /^(=~|=|!=|==|<|>|-eq|-ne|-lt|-le|-gt|-ge)$/ : BINARY;
    const int = (s: string): number => {
      if (!/^\s*[-+]?\d+\s*$/.test(s)) fail(s, 'integer expression expected', 'Illegal number', 'bad number');
      return Number(s);
    };
    const file = (op: string, path: string): boolean => {
      let node;
      try {
        node = sh.m.fs.resolve(path, sh.cwd, op !== '-L' && op !== '-h').node;
      } catch { /* missing */ }
      if (!node || node.kind === 'whiteout') return false;
      const root = sh.user === 'root' || sh.user === '0' || /^0?:/.test(sh.user);
      const mode = 'mode' in node ? node.mode : 0o777;
      switch (op) {
        case '-f': return node.kind === 'file';
        case '-d': return node.kind === 'dir';
        case '-s': return node.kind === 'dir' || (node.kind === 'file' && node.size > 0);
        case '-L': case '-h': return node.kind === 'link';
        case '-r': return root || !!(mode & 0o444);
        case '-w': return root || !!(mode & 0o222);
        case '-x': return !!(mode & 0o111);
        default: return true;
      }
    };
    const unary = (op: string, a: string): boolean => (op === '-z' ? a === '' : op === '-n' ? a !== '' : file(op, a));
    const binary = (a: string, op: string, b: string): boolean => {
      // in [[ ]] the right side of == and != is a glob pattern, of =~ a regular expression
      if (op === '=' || op === '==' || op === '!=') return (dbl ? globRe(b).test(a) : a === b) !== (op === '!=');
      if (op === '=~') {
        try {
          // bash keeps the match and its groups in BASH_REMATCH
          const m = posixRegex(b, true).exec(a);
          if (fl === 'bash') (sh as { assign?(l: string, v: string): boolean }).assign?.('BASH_REMATCH', packList([...(m ?? [])].map((g) => [null, g ?? ''])));
          return !!m;
        } catch {
          // bash says nothing of a bad expression: the status is 2
          throw new TestError('');
        }
      }
      if (op === '<' || op === '>') return op === '<' ? a < b : a > b;
      const x = int(a);
      const y = int(b);
      return op === '-eq' ? x === y : op === '-ne' ? x !== y : op === '-lt' ? x < y : op === '-le' ? x <= y : op === '-gt' ? x > y : x >= y;
    };
    // bash decides by the number of arguments first (POSIX's rules), then parses.
    const n = args.length;
    if (fl === 'bash' && n === 2 && args[0] !== '!' && !UNARY.test(args[0])) fail(args[0], 'unary operator expected', '');
    if (fl === 'bash' && n === 3 && !binops.test(args[1]) && args[0] !== '!' && args[0] !== '(' && args[1] !== '-a' && args[1] !== '-o') fail(args[1], 'binary operator expected', '');
    let k = 0;
    const primary = (): boolean => {
      const a = args[k++];
      if (a === '(' && k < n) {
        const v = or();
        if (args[k++] !== ')') fail(undefined, "`)' expected", 'closing paren expected');
        return v;
      }
      if (k < n && binops.test(args[k])) {
        const op = args[k++];
        if (k >= n) fail(op, 'argument expected', 'argument expected');
        return binary(a, op, args[k++]);
      }
      if (UNARY.test(a) && k < n) return unary(a, args[k++]);
      return a !== '' && a !== undefined;
    };
    const not = (): boolean => (args[k] === '!' && k + 1 < n ? (k++, !not()) : primary());
    const and = (): boolean => {
      const v = not();
      return args[k] === '-a' && k + 1 < n ? (k++, and() && v) : v;
    };
    const or = (): boolean => {
      const v = and();
      return args[k] === '-o' && k + 1 < n ? (k++, or() || v) : v;
    };
    if (!n) return 1;
    const v = or();
    if (k < n) fail(fl === 'bash' ? undefined : args[k], 'too many arguments', 'unexpected operator', 'unknown operand');
    return v ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    // busybox's applet messages carry the name it was started by (`sh`, not `/bin/sh`)
    if (e.message) io.err(`${fl === 'ash' ? sh.prefix().replace(/^.*\//, '') : `${sh.prefix()}: ${name}`}: ${e.message}\n`);
    return 2;
  }
}
