/**
 * `docker events` / `docker system events`: the daemon's events, one line each as docker/cli's
 * prettyPrintEvent writes them, or through `--format`. Without `--until` it follows new events
 * until Ctrl+C (a runner without Ctrl+C gets what `--since` replays, and the command ends).
 */
import type { EventMessage } from '../../api';
import { durationMs } from '../../common/go-duration';
import { CliError, type Handler } from '../cli';
import { compile, execute, TemplateError } from '../format/template';
import { parseFilters } from './shared';

/**
 * api/types/time GetTimestamp: a Go duration before now (whole seconds), a date or date-time
 * (`seconds.nanoseconds`, read as UTC, the client's zone here), or Unix seconds passed as they are.
 */
export function timestamp(v: string, now: number): string {
  const ago = durationMs(v);
  if (ago !== undefined) return String(Math.floor((now - ago) / 1000));
  const date = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2})(?::(\d{2}))?(?::(\d{2}))?(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(v);
  if (date) {
    const [, day, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = date;
    const t = Date.parse(`${day}T${h}:${mi}:${s}${zone.toUpperCase()}`);
    if (!Number.isNaN(t)) return `${Math.floor(t / 1000)}.${frac.padEnd(9, '0')}`;
  }
  if (/^\d+(\.\d{1,9})?$/.test(v) && !v.includes('-')) return v;
  throw new CliError(`failed to parse value as time or duration: ${JSON.stringify(v)}`);
}

/** rfc3339NanoFixed of the event's time (the client's zone: UTC). */
function when(m: EventMessage): string {
  const s = m.timeNano / 1_000_000_000n;
  return `${new Date(Number(s) * 1000).toISOString().slice(0, 19)}.${String(m.timeNano % 1_000_000_000n).padStart(9, '0')}Z`;
}

/** prettyPrintEvent: time, type, action, actor, and the attributes sorted by key. */
function pretty(m: EventMessage): string {
  const attrs = Object.keys(m.Actor.Attributes).sort().map((k) => `${k}=${m.Actor.Attributes[k]}`);
  return `${when(m)} ${m.Type} ${m.Action} ${m.Actor.ID}${attrs.length ? ` (${attrs.join(', ')})` : ''}\n`;
}

/** `{{json .}}` of events.Message: its JSON names, `timeNano` an integer, HTML left unescaped. */
const json = (m: EventMessage): string => JSON.stringify({ ...m, timeNano: 0 }).replace(/0}$/, `${m.timeNano}}`) + '\n';

/** The Go struct a template sees (`.Actor.Attributes.name`, `.TimeNano`). */
const view = (m: Partial<EventMessage>) => ({
  Status: m.status ?? '', ID: m.id ?? '', From: m.from ?? '', Type: m.Type ?? '', Action: m.Action ?? '',
  Actor: { ID: m.Actor?.ID ?? '', Attributes: m.Actor?.Attributes ?? {} }, Scope: m.scope ?? '', Time: m.time ?? 0, TimeNano: String(m.timeNano ?? 0),
});

const TYPE = '*events.Message';

/** makeTemplate: `json` or a template, checked on an empty message; a bad one is StatusError 64. */
function printer(format: string): (m: EventMessage) => string {
  if (!format) return pretty;
  const src = format === 'json' ? '{{json .}}' : format;
  if (/^\{\{\s*json\s+\.\s*\}\}$/.test(src)) return json;
  try {
    const tpl = compile(src);
    execute(tpl, view({}), TYPE);
    return (m) => execute(tpl, view(m), TYPE) + '\n';
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new CliError('Error parsing format: ' + e.message.replace(/^template parsing error: /, ''), 64);
  }
}

export const events: Handler = async (ctx, f) => {
  const { api, io } = ctx;
  const print = printer(f.str('format') ?? '');
  const now = api.now();
  const [since, until] = (['since', 'until'] as const).map((k) => (f.str(k) ? timestamp(f.str(k)!, now) : undefined));
  await api.systemEvents({ since, until, filters: parseFilters(f.list('filter')) }, (m) => io.out(print(m)), { sleep: (ms) => io.sleep(ms), signal: io.signal, park: io.park });
  // Ctrl+C cancels the CLI's context, and docker's main exits 0 on a cancelled command
  return 0;
};
