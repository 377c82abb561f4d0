/**
 * `python -m json.tool [--sort-keys] [infile]`: json.load, then json.dump indented by 4 with
 * ensure_ascii; a document json rejects ends it with the decoder's message and position.
 */
import { repr } from './repl-eval';
import type { IO, ShellLike } from './types';

/** json's decoder (the C scanner's messages; 3.13 names a trailing comma): ints stay exact, objects keep their order. */
function load(s: string, v13: boolean): unknown {
  let i = 0;
  const ws = () => {
    while (' \t\n\r'.includes(s[i] || 'x')) i++;
  };
  const fail = (msg: string, at = i): never => {
    throw [msg, at];
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
    for (const [w, v] of [['null', null], ['true', true], ['false', false]] as const) if (s.startsWith(w, i)) return (i += w.length), v;
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

/** json.dumps with indent 4: ensure_ascii escapes all past `~`. */
function dump(v: unknown, sort: boolean, pre = ''): string {
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\x7f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (typeof v === 'number') return Number.isFinite(v) ? repr(v) : v > 0 ? 'Infinity' : '-Infinity';
  if (!v || typeof v !== 'object') return String(v);
  const inner = pre + '    ';
  const list = Array.isArray(v);
  const items = list ? v.map((x) => dump(x, sort, inner)) : [...(v as Map<string, unknown>)].sort(([a], [b]) => (sort ? (a < b ? -1 : a > b ? 1 : 0) : 0)).map(([k, x]) => `${dump(k, sort)}: ${dump(x, sort, inner)}`);
  const [open, close] = list ? '[]' : '{}';
  return items.length ? `${open}\n${inner}${items.join(`,\n${inner}`)}\n${pre}${close}` : open + close;
}

export function jsonTool(args: string[], io: IO, sh: ShellLike, py: string): number {
  const file = args.find((a) => !a.startsWith('-'));
  let text = io.stdin ?? '';
  if (file) {
    try {
      text = sh.m.fs.readFile(file, sh.cwd);
    } catch {
      io.err(`usage: python -m json.tool [-h] [--sort-keys] [--no-ensure-ascii]\n                           [--json-lines]\n                           [--indent INDENT | --tab | --no-indent | --compact]\n                           [infile] [outfile]\npython -m json.tool: error: argument infile: can't open '${file}': [Errno 2] No such file or directory: '${file}'\n`);
      return 2;
    }
  }
  try {
    io.out(dump(load(text, +py.split('.')[1] > 12), args.includes('--sort-keys')) + '\n');
    return 0;
  } catch (e) {
    if (!Array.isArray(e)) throw e;
    const [msg, at] = e as [string, number];
    const lines = text.slice(0, at).split('\n');
    io.err(`${msg}: line ${lines.length} column ${lines[lines.length - 1].length + 1} (char ${at})\n`);
    return 1;
  }
}
