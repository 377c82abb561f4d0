/**
 * docker/cli's list formatting: a `--format` template (or the command's default), where a
 * `table ` prefix means a header row and tabwriter columns; `\t` and `\n` typed literally in the
 * format become a tab and a newline, as the client's `preFormat` does.
 */
import { tabwrite } from './table';
import { compile, execute } from './template';

const cache = new Map<string, ReturnType<typeof compile>>();

function compiled(src: string): ReturnType<typeof compile> {
  let c = cache.get(src);
  if (!c) {
    c = compile(src);
    if (cache.size > 200) cache.clear();
    cache.set(src, c);
  }
  return c;
}

export function formatList(format: string, rows: object[], headers: Record<string, string>, rowType?: string): string {
  const table = format.startsWith('table');
  let src = table ? format.slice(5) : format;
  src = src.replace(/^ +| +$/g, '').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  if (/^\{\{\s*json\s+\.\s*\}\}$/.test(src)) {
    // The client marshals a row as a map: keys come out sorted.
    return rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))) + '\n').join('');
  }
  const tpl = compiled(src);
  if (!table) return rows.map((r) => execute(tpl, r, rowType) + '\n').join('');
  const body = rows.map((r) => execute(tpl, r, rowType));
  const lines = [execute(tpl, headers), ...body];
  return tabwrite(lines.map((l) => l.split('\t')));
}
