/**
 * docker/cli's list formatting: a `--format` template (or the command's default), where a
 * `table ` prefix means a header row and tabwriter columns; `\t` and `\n` typed literally in the
 * format become a tab and a newline, as the client's `preFormat` does.
 */
import type { Flags } from '../flags';
import { memo } from '../memo';
import { tabwrite } from './table';
import { compile, execute, TemplateError } from './template';

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

/**
 * A listing's `--format`: the command's default table (also for an empty format or a bare
 * `table`), `{{.ID}}` for that table with `-q`, `json` for `{{json .}}`.
 */
export function listFormat(f: Flags, table: string): string {
  const format = f.str('format') || 'table';
  if (format === 'table') return f.bool('quiet') ? '{{.ID}}' : table;
  return format === 'json' ? '{{json .}}' : format;
}

/** The header of a `{{.Label "com.example.name"}}` column: its last dotted part, `-`/`_` as spaces. */
const headerLabel = (name: unknown): string => String(name).split('.').pop()!.replace(/[-_]/g, ' ');

/** Runs a row; the formatter reports a failing row as a template parsing error. */
function row(tpl: Prepared['tpl'], r: object, rowType?: string): string {
  try {
    return execute(tpl, r, rowType);
  } catch (e) {
    if (e instanceof TemplateError && e.message.startsWith('template: ')) throw new TemplateError('template parsing error: ' + e.message);
    throw e;
  }
}

/** What a header row's template reads, per command's header table (made once). */
const headerDots = new WeakMap<Record<string, string>, Record<string, unknown>>();

/** The header row: docker ignores its errors, keeping what was written before one. */
function header(tpl: Prepared['tpl'], headers: Record<string, string>): string {
  let dot = headerDots.get(headers);
  if (!dot) headerDots.set(headers, (dot = { ...headers, Label: headerLabel }));
  try {
    return execute(tpl, dot, undefined, true);
  } catch {
    return '';
  }
}

/**
 * JSON as Go's json.Marshal writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped. The daemon's
 * answers (what `docker inspect` shows) and the listing rows of `{{json .}}` are marshalled so.
 */
export function marshalJson(v: unknown, indent?: number): string {
  return JSON.stringify(v, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function formatList(format: string, rows: object[], headers: Record<string, string>, rowType?: string): string {
  const { table, json, tpl } = prepare(format);
  if (json) {
    // The client marshals a row as a map: keys come out sorted.
    return rows.map((r) => marshalJson(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)))) + '\n').join('');
  }
  if (!table) return rows.map((r) => row(tpl, r, rowType) + '\n').join('');
  const body = rows.map((r) => row(tpl, r, rowType));
  const lines = [header(tpl, headers), ...body];
  return tabwrite(lines.map((l) => l.split('\t')));
}
