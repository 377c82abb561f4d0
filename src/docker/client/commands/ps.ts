/** `docker ps` / `docker container ls`. */
import type { ContainerSummary } from '../../api';
import type { Handler } from '../cli';
import { formatList, listFormat } from '../format/list';
import { compile, execute, TemplateError } from '../format/template';
import { CliError } from '../errors';
import { displayablePorts } from '../format/ports';
import { ellipsis, goQuote } from '../format/table';
import { ago, goTime, shortId, sizeString } from '../format/units';
import { memo } from '../memo';
import { familiarString, parseRef } from '../reference';
import { parseFilters } from './shared';

const DEFAULT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
export const CONTAINER_HEADERS = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED',
  Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS',
  Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES',
};

/** The IMAGE column: the 12-hex ID when the name no longer resolves, else the familiar name. */
export function imageColumn(c: ContainerSummary, trunc: boolean): string {
  if (!c.Image) return '<no image>';
  if (!trunc) return c.Image;
  if (shortId(c.ImageID) === shortId(c.Image)) return shortId(c.ImageID);
  try {
    const r = parseRef(c.Image);
    return familiarString({ ...r, digest: r.tag ? undefined : r.digest });
  } catch {
    return c.Image;
  }
}

const FIELDS: Record<string, (c: ContainerSummary, now: number, trunc: boolean) => string> = {
  ID: (c, _n, trunc) => (trunc ? shortId(c.Id) : c.Id),
  Image: (c, _n, trunc) => imageColumn(c, trunc),
  Command: (c, _n, trunc) => goQuote(trunc ? ellipsis(c.Command, 20) : c.Command),
  CreatedAt: (c) => goTime(c.Created),
  RunningFor: (c, now) => ago(now, c.Created),
  Ports: (c) => displayablePorts(c.Ports ?? []),
  State: (c) => c.State,
  Status: (c) => c.Status,
  Size: (c) => (c.SizeRootFs ? `${sizeString(c.SizeRw ?? 0)} (virtual ${sizeString(c.SizeRootFs)})` : sizeString(c.SizeRw ?? 0)),
  Names: (c) => (c.Names ?? []).map((n) => n.replace(/^\//, '')).filter((n) => !n.includes('/')).join(','),
  Labels: (c) => Object.entries(c.Labels ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
  Mounts: (c, _n, trunc) => (c.Mounts ?? []).map((m) => (trunc ? ellipsis(m.Name || m.Source, 15) : m.Name || m.Source)).join(','),
  Networks: (c) => Object.keys(c.NetworkSettings?.Networks ?? {}).join(','),
  LocalVolumes: (c) => String((c.Mounts ?? []).filter((m) => m.Driver === 'local').length),
};

/** The row of the container formatter; `fields` limits it to what the format uses. */
export function containerRow(c: ContainerSummary, now: number, trunc: boolean, fields: string[] = Object.keys(FIELDS)): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of fields) row[f] = FIELDS[f](c, now, trunc);
  // The formatter's method `{{.Label "name"}}`: one label's value, empty when unset.
  row.Label = (name: unknown) => c.Labels?.[String(name)] ?? '';
  return row;
}

/** Fields a format refers to (all of them when it prints the whole row). */
const fieldsOf = memo((format) =>
  /\{\{[^}]*\.\s*[|}]|\{\{[^}]*\s\.\s/.test(format) ? Object.keys(FIELDS) : Object.keys(FIELDS).filter((f) => format.includes('.' + f)));

const TYPE = '*formatter.ContainerContext';

/**
 * The client checks a given --format before listing anything, by running it on an empty
 * container (buildContainerListOptions), so its errors read 'failed to parse/execute template'
 * and do not depend on what is listed.
 */
function validate(format: string): void {
  try {
    execute(compile(format), { ...Object.fromEntries(Object.keys(FIELDS).map((k) => [k, ''])), Label: () => '' }, TYPE);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    const parse = e.message.startsWith('template parsing error: ');
    throw new CliError(`failed to ${parse ? 'parse' : 'execute'} template: ${parse ? e.message.slice(24) : e.message}`);
  }
}

export const ps: Handler = async (ctx, f) => {
  const last = f.int('last') ?? -1;
  const limit = f.bool('latest') ? 1 : last;
  const size = f.bool('size');
  const given = f.str('format');
  // Since docker 25 -q wins over a custom format, with a warning; the format is still checked.
  if (given && f.bool('quiet')) ctx.io.err('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
  if (given) validate(given);
  const format = f.bool('quiet') ? '{{.ID}}' : listFormat(f, size ? DEFAULT + '\t{{.Size}}' : DEFAULT);
  const list = await ctx.api.containerList({
    all: f.bool('all') || limit > 0,
    limit: limit > 0 ? limit : undefined,
    // Unless --size is given either way, a template that reads .Size asks for sizes: `{{json .}}`
    // reads every field (the client's FieldsUsed, after a dry run of --format as given: `json` is
    // plain text there).
    size: f.has('size') ? size : !f.bool('quiet') && /\.Size\b|json\s+\.[\s)}]/.test(given ?? ''),
    filters: parseFilters(f.list('filter')),
  });
  const now = ctx.api.now();
  const trunc = !f.bool('no-trunc');
  const fields = fieldsOf(format);
  ctx.io.out(formatList(format, list.map((c) => containerRow(c, now, trunc, fields)), CONTAINER_HEADERS, TYPE));
  return 0;
};
