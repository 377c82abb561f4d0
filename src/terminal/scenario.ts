/**
 * A terminal scenario: what a ```terminal fence declares, as the build checks it and as the
 * browser receives it in `data-scenario`.
 */

export interface ScenarioStep {
  /** The command line typed at the prompt (without the `! ` marker). */
  command: string;
  /** Marked with `! `: expected to exit non-zero. */
  fail?: boolean;
}

export interface Scenario {
  v: 1;
  deck: string;
  /** Terminals of a deck with the same session share one simulated machine. */
  session: string;
  /** Position of this terminal among the deck's terminals of the same session (0-based). */
  index: number;
  title: string;
  rows: number;
  autoplay: boolean;
  /** Seed of a fresh machine: the build's transcript and the live terminal start identical. */
  seed: number;
  setup: string[];
  steps: ScenarioStep[];
}

export const DEFAULT_SESSION = 'principal';
export const DEFAULT_ROWS = 12;
export const MIN_ROWS = 4;
export const MAX_ROWS = 30;
export const OPTION_NAMES = ['title', 'session', 'rows', 'autoplay'] as const;

/** A scenario as written, with the source line of every command (for build errors). */
export interface ParsedScenario {
  title: string;
  session: string;
  rows: number;
  autoplay: boolean;
  setup: { command: string; line: number }[];
  steps: { command: string; fail: boolean; line: number }[];
}

export interface ScenarioProblem {
  line: number;
  message: string;
}

/**
 * Reads the fence options and body. `firstLine` is the source line of the opening fence: body
 * line k (1-based) sits at `firstLine + k`.
 */
export function parseScenario(
  options: Record<string, string>,
  body: string,
  firstLine: number,
): { scenario: ParsedScenario; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  const values = new Map<string, { value: string; line: number }>();
  for (const [key, value] of Object.entries(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) {
      problems.push({ line: firstLine, message: `opción desconocida «${key}» en la terminal (válidas: ${OPTION_NAMES.join(', ')})` });
      continue;
    }
    values.set(key, { value, line: firstLine });
  }

  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const separator = lines.findIndex((l) => l.trim() === '---');
  const setup: ParsedScenario['setup'] = [];
  if (separator >= 0) {
    for (let i = 0; i < separator; i++) {
      const line = firstLine + i + 1;
      const raw = lines[i].trim();
      if (raw === '' || raw === '#' || raw.startsWith('# ')) continue;
      const m = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(raw);
      if (!m) {
        problems.push({ line, message: `línea de cabecera no válida «${raw}»: se espera «setup: <orden>» u otra opción «clave: valor» antes de «---»` });
        continue;
      }
      const key = m[1].toLowerCase();
      const value = m[2].trim();
      if (key === 'setup') {
        if (value === '') problems.push({ line, message: '«setup:» sin orden' });
        else setup.push({ command: value, line });
      } else if ((OPTION_NAMES as readonly string[]).includes(key)) {
        if (values.has(key)) problems.push({ line, message: `la opción «${key}» aparece dos veces` });
        else values.set(key, { value: unquote(value), line });
      } else {
        problems.push({ line, message: `clave de cabecera desconocida «${key}» (válidas: setup, ${OPTION_NAMES.join(', ')})` });
      }
    }
  }

  const steps: ParsedScenario['steps'] = [];
  for (let i = separator + 1; i < lines.length; i++) {
    const line = firstLine + i + 1;
    const raw = lines[i].trim();
    if (raw === '' || raw === '#' || raw.startsWith('# ')) continue;
    if (raw === '---') {
      problems.push({ line, message: 'segundo «---» en la terminal: la cabecera solo puede cerrarse una vez' });
      continue;
    }
    if (raw === '!' || raw.startsWith('! ')) {
      const command = raw.slice(1).trim();
      if (command === '') problems.push({ line, message: '«!» sin orden' });
      else steps.push({ command, fail: true, line });
    } else {
      steps.push({ command: raw, fail: false, line });
    }
  }

  const title = values.get('title')?.value ?? '';
  let session = DEFAULT_SESSION;
  const sessionValue = values.get('session');
  if (sessionValue) {
    if (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(sessionValue.value)) session = sessionValue.value;
    else problems.push({ line: sessionValue.line, message: `nombre de sesión no válido «${sessionValue.value}» (letras, cifras, «-», «_» o «.», hasta 40)` });
  }
  let rows = DEFAULT_ROWS;
  const rowsValue = values.get('rows');
  if (rowsValue) {
    const n = /^\d+$/.test(rowsValue.value) ? Number(rowsValue.value) : NaN;
    if (Number.isInteger(n) && n >= MIN_ROWS && n <= MAX_ROWS) rows = n;
    else problems.push({ line: rowsValue.line, message: `rows=«${rowsValue.value}» no válido: un número entero entre ${MIN_ROWS} y ${MAX_ROWS}` });
  }
  let autoplay = false;
  const autoplayValue = values.get('autoplay');
  if (autoplayValue) {
    const v = autoplayValue.value.toLowerCase();
    if (v === '' || v === 'true' || v === 'autoplay' || v === 'sí' || v === 'si') autoplay = true;
    else if (v === 'false' || v === 'no') autoplay = false;
    else problems.push({ line: autoplayValue.line, message: `autoplay=«${autoplayValue.value}» no válido: se escribe «autoplay» sin valor (o autoplay=false)` });
  }
  if (autoplay && steps.length === 0) problems.push({ line: firstLine, message: 'autoplay en una terminal sin pasos' });

  return { scenario: { title, session, rows, autoplay, setup, steps }, problems };
}

function unquote(v: string): string {
  const m = /^"(.*)"$/.exec(v) ?? /^'(.*)'$/.exec(v);
  return m ? m[1] : v;
}

/** A stable 31-bit seed per deck and session (FNV-1a). */
export function seedFor(deck: string, session: string): number {
  let h = 0x811c9dc5;
  for (const c of `${deck}/${session}`) {
    h ^= c.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 0x7fffffff || 1;
}

/** Reads `data-scenario`; null when it is not a scenario this code understands. */
export function readScenario(json: string | null | undefined): Scenario | null {
  if (!json) return null;
  try {
    const s = JSON.parse(json) as Scenario;
    if (s && s.v === 1 && typeof s.deck === 'string' && typeof s.session === 'string' && Array.isArray(s.steps) && Array.isArray(s.setup)) return s;
  } catch {
    // fall through
  }
  return null;
}
