/**
 * docker/cli's list formatting: a `--format` template (or the command's default), where a
 * `table ` prefix means a header row and tabwriter columns; `\t` and `\n` typed literally in the
 * format become a tab and a newline, as the client's `preFormat` does.
 */
import type { Flags } from '../flags';
import { memo } from '../memo';
import { tabwrite } from './table';
import { compile, execute } from './template';

interface Prepared {
  table: boolean;
  /** `{{json .}}`: each row as a JSON object with sorted keys. */
  json: boolean;
  tpl: ReturnType<typeof compile>;
}

const prepare = memo((format: string): Prepared => {
  const table = format.startsWith('table');
  const src = (table ? format.slice(5) : format).replace(/^ +| +$/g, '').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const json = /^\{\{\s*json\s+\.\s*\}\}$/.test(src);
  return { table, json, tpl: json ? [] : compile(src) };
});

/** A listing's `--format`: the command's default table, `{{.ID}}` with `-q`, `json` for `{{json .}}`. */
export function listFormat(f: Flags, table: string): string {
  const format = f.str('format') ?? (f.bool('quiet') ? '{{.ID}}' : table);
  return format === 'json' ? '{{json .}}' : format;
}

export function formatList(format: string, rows: object[], headers: Record<string, string>, rowType?: string): string {
  const { table, json, tpl } = prepare(format);
  if (json) {
    // The client marshals a row as a map: keys come out sorted.
    return rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))) + '\n').join('');
  }
  if (!table) return rows.map((r) => execute(tpl, r, rowType) + '\n').join('');
  const lines = [execute(tpl, headers)];
  for (const r of rows) lines.push(execute(tpl, r, rowType));
  return tabwrite(lines.map((l) => l.split('\t')));
}
