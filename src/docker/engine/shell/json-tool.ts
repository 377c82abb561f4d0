/**
 * `python -m json.tool [infile] [outfile]`: json.load, then json.dump indented by 4 with
 * ensure_ascii; a document json rejects ends it with the decoder's message and position.
 */
import { repr } from './repl-eval';
import type { IO, ShellLike } from './types';

class Bad {
  constructor(public msg: string, public at: number) {}
}

/** json's decoder (the C scanner's messages; 3.13 names a trailing comma): ints stay exact, objects keep their order. */
function load(s: string, v13: boolean): unknown {
  let i = 0;
  const ws = () => {
    while (' \t\n\r'.includes(s[i] || 'x')) i++;
  };
  const fail = (msg: string, at = i): never => {
    throw new Bad(msg, at);
  };
  const str = (): string => {
    const b = i++;
    for (let c; (c = s[i]) !== '"'; i++) {
      if (c === undefined) fail('Unterminated string starting at', b);
      if (c < ' ') fail('Invalid control character at');
      if (c === '\\') {
        const e = s[++i];
        if (e === undefined) fail('Unterminated string starting at', b);
        if (e === 'u' ? !/^[\da-fA-F]{4}$/.test(s.slice(i + 1, i + 5)) : !'"\\/bfnrt'.includes(e)) fail(e === 'u' ? 'Invalid \\uXXXX escape' : 'Invalid \\escape', i - 1);
      }
    }
    return JSON.parse(s.slice(b, ++i));
  };
  // the members of an object or array up to `close`, each read by `item`
  const seq = (close: string, item: () => void, what: string) => {
    i++;
    ws();
    if (s[i] === close) return i++;
    for (;;) {
      item();
      ws();
      if (s[i] === close) return i++;
      if (s[i] !== ',') fail("Expecting ',' delimiter");
      const comma = i++;
      ws();
      if (v13 && s[i] === close) fail(`Illegal trailing comma before end of ${what}`, comma);
    }
  };
  const value = (): unknown => {
    const c = s[i];
    if (c === '"') return str();
    if (c === '{') {
      const o = new Map<string, unknown>();
      seq('}', () => {
        if (s[i] !== '"') fail('Expecting property name enclosed in double quotes');
        const k = str();
        ws();
        if (s[i] !== ':') fail("Expecting ':' delimiter");
        i++;
        ws();
        o.set(k, value());
      }, 'object');
      return o;
    }
    if (c === '[') {
      const a: unknown[] = [];
      seq(']', () => a.push(value()), 'array');
      return a;
    }
    for (const [w, v] of [['null', null], ['true', true], ['false', false], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]] as const) if (s.startsWith(w, i)) return (i += w.length), v;
    const n = /-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
    n.lastIndex = i;
    const m = n.exec(s) ?? fail('Expecting value');
    i = n.lastIndex;
    return m[2] || m[3] ? Number(m[0]) : BigInt(m[0]);
  };
  ws();
  const v = value();
  ws();
  if (i < s.length) fail('Extra data');
  return v;
}

/** json.dumps: `ind` null writes one line; ensure_ascii escapes all past `~`. */
function dump(v: unknown, ind: string | null, sort: boolean, pre = ''): string {
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\x7f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (typeof v === 'number') return Number.isFinite(v) ? repr(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
  if (!v || typeof v !== 'object') return String(v);
  const inner = pre + (ind ?? '');
  const list = Array.isArray(v);
  const items = list ? v.map((x) => dump(x, ind, sort, inner)) : [...(v as Map<string, unknown>)].sort(([a], [b]) => (sort ? (a < b ? -1 : a > b ? 1 : 0) : 0)).map(([k, x]) => `${dump(k, ind, sort)}: ${dump(x, ind, sort, inner)}`);
  const [open, close] = list ? '[]' : '{}';
  if (!items.length) return open + close;
  return ind === null ? open + items.join(', ') + close : `${open}\n${inner}${items.join(`,\n${inner}`)}\n${pre}${close}`;
}

export function jsonTool(args: string[], io: IO, sh: ShellLike, py: string): number {
  const files = args.filter((a, k) => !a.startsWith('-') && args[k - 1] !== '--indent');
  const n = args.indexOf('--indent');
  const ind = args.includes('--compact') || args.includes('--no-indent') ? null : args.includes('--tab') ? '\t' : ' '.repeat(n < 0 ? 4 : +args[n + 1]);
  let text = io.stdin ?? '';
  if (files[0] && files[0] !== '-') {
    try {
      text = sh.m.fs.readFile(files[0], sh.cwd);
    } catch {
      io.err(`usage: python -m json.tool [-h] [--sort-keys] [--no-ensure-ascii]\n                           [--json-lines]\n                           [--indent INDENT | --tab | --no-indent | --compact]\n                           [infile] [outfile]\npython -m json.tool: error: argument infile: can't open '${files[0]}': [Errno 2] No such file or directory: '${files[0]}'\n`);
      return 2;
    }
  }
  try {
    let out = dump(load(text, +py.split('.')[1] > 12), ind, args.includes('--sort-keys')) + '\n';
    if (args.includes('--compact')) out = out.replace(/("(?:[^"\\]|\\.)*")|, |: /g, (m, q: string) => q ?? m.trim());
    if (files[1]) sh.m.fs.writeFile(files[1], out, sh.cwd);
    else io.out(out);
    return 0;
  } catch (e) {
    if (!(e instanceof Bad)) throw e;
    const lines = text.slice(0, e.at).split('\n');
    io.err(`${e.msg}: line ${lines.length} column ${lines[lines.length - 1].length + 1} (char ${e.at})\n`);
    return 1;
  }
}
