/**
 * Plays every terminal scenario of the course through the simulator, as the build does: one
 * machine per deck and session with a fixed seed, setup lines silently, each step recorded into
 * the transcript. A step that fails unexpectedly (or a `! ` step that succeeds) is reported at
 * its source line.
 */
import type { Shell, ShellOptions, TermIO } from '../docker/shell';
import { parseScenario, seedFor, type ParsedScenario, type Scenario } from './scenario';
import { TranscriptRecorder } from './transcript';

export interface ReplayFence {
  id: string;
  file: string;
  line: number;
  deck: string;
  options: Record<string, string>;
  body: string;
}

export interface ReplayProblem {
  file: string;
  line: number;
  message: string;
}

export interface ReplayResult {
  scenario: Scenario;
  transcriptHtml: string;
  /** The same as plain text (to size it for the page). */
  transcriptText: string;
}

/** Longest a single step may run in simulated time before it is taken as never ending. */
const VIRTUAL_LIMIT_MS = 30 * 60 * 1000;
const SLEEP_CALLS_LIMIT = 200_000;
const REAL_LIMIT_MS = 10_000;

export async function replayScenarios(
  fences: ReplayFence[],
  createShell: (o: ShellOptions) => Shell,
): Promise<{ results: Map<string, ReplayResult>; problems: ReplayProblem[] }> {
  const problems: ReplayProblem[] = [];
  const results = new Map<string, ReplayResult>();
  const parsed: { fence: ReplayFence; scenario: ParsedScenario }[] = [];
  for (const fence of fences) {
    const r = parseScenario(fence.options, fence.body, fence.line);
    for (const p of r.problems) problems.push({ file: fence.file, line: p.line, message: p.message });
    if (r.problems.length === 0) parsed.push({ fence, scenario: r.scenario });
  }

  // Deck by deck, session by session, in the order of the source.
  const groups = new Map<string, typeof parsed>();
  const ordered = [...parsed].sort((a, b) => (a.fence.file === b.fence.file ? a.fence.line - b.fence.line : a.fence.file < b.fence.file ? -1 : 1));
  for (const p of ordered) {
    const key = `${p.fence.deck}\u0000${p.scenario.session}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }

  for (const group of groups.values()) {
    const deck = group[0].fence.deck;
    const seed = seedFor(deck, group[0].scenario.session);
    let shell: Shell;
    try {
      shell = createShell({ seed });
    } catch (e) {
      problems.push({ file: group[0].fence.file, line: group[0].fence.line, message: `no se pudo crear el simulador: ${(e as Error).message}` });
      continue;
    }
    let broken = false;
    for (const [index, { fence, scenario: ps }] of group.entries()) {
      const scenario: Scenario = {
        v: 1,
        deck,
        session: ps.session,
        index,
        title: ps.title,
        rows: ps.rows,
        autoplay: ps.autoplay,
        seed,
        setup: ps.setup.map((s) => s.command),
        steps: ps.steps.map((s) => (s.fail ? { command: s.command, fail: true } : { command: s.command })),
      };
      const rec = new TranscriptRecorder();
      if (!broken) {
        for (const s of ps.setup) {
          const r = await runOne(shell, s.command, null);
          if (r.code !== 0) {
            problems.push({ file: fence.file, line: s.line, message: failure(`la preparación «setup: ${s.command}»`, r) });
            broken = true;
            break;
          }
        }
      }
      if (!broken) {
        for (const s of ps.steps) {
          // An answer to a password prompt stays hidden, as the live terminal keeps it
          rec.command(shell.prompt(), shell.echo?.() === false ? '' : s.command);
          const r = await runOne(shell, s.command, rec);
          rec.endLine();
          if (r.timedOut) {
            problems.push({ file: fence.file, line: s.line, message: `el paso «${s.command}» no termina (una orden que espera para siempre no puede ser un paso)` });
            broken = true;
          } else if (s.fail && r.code === 0) {
            problems.push({ file: fence.file, line: s.line, message: `el paso «${s.command}» está marcado con «! » (debe fallar) pero terminó bien` });
            broken = true;
          } else if (!s.fail && r.code !== 0) {
            problems.push({ file: fence.file, line: s.line, message: failure(`el paso «${s.command}»`, r) });
            broken = true;
          }
          if (broken) break;
        }
        // A quote or a `for … do` left open would swallow the next terminal's first lines
        const last = ps.steps.at(-1) ?? ps.setup.at(-1);
        if (!broken && last && shell.prompt() === '> ') {
          problems.push({ file: fence.file, line: last.line, message: `el guion termina con una orden sin acabar tras «${last.command}» (comillas, «for … done» o «if … fi» sin cerrar)` });
          broken = true;
        }
      }
      results.set(fence.id, { scenario, transcriptHtml: rec.screen.html(), transcriptText: rec.screen.text() });
    }
  }
  return { results, problems };
}

interface RunResult {
  code: number;
  output: string;
  timedOut: boolean;
}

async function runOne(shell: Shell, line: string, rec: TranscriptRecorder | null): Promise<RunResult> {
  const control = new AbortController();
  let output = '';
  let virtual = 0;
  let sleeps = 0;
  const io: TermIO = {
    out: (t) => {
      output += t;
      rec?.output(t);
    },
    err: (t) => {
      output += t;
      rec?.output(t);
    },
    tty: rec !== null,
    columns: 80,
    sleep: async (ms) => {
      virtual += Math.max(0, ms);
      if (++sleeps > SLEEP_CALLS_LIMIT || virtual > VIRTUAL_LIMIT_MS) control.abort();
    },
    signal: control.signal,
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), REAL_LIMIT_MS)));
  try {
    const r = await Promise.race([shell.run(line, io), timeout]);
    if (r === 'timeout') return { code: -1, output, timedOut: true };
    return { code: control.signal.aborted ? -1 : r, output, timedOut: control.signal.aborted };
  } catch (e) {
    return { code: -1, output: output + `error interno del simulador: ${(e as Error).message}`, timedOut: false };
  } finally {
    clearTimeout(timer);
  }
}

function failure(what: string, r: RunResult): string {
  const lines = stripAnsi(r.output)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines.find((l) => /error|not found|no such|unknown|invalid|denied|cannot|can't|conflict/i.test(l)) ?? lines[lines.length - 1];
  const detail = last ? `: ${last.length > 240 ? last.slice(0, 240) + '…' : last}` : '';
  return `${what} falló (código de salida ${r.code})${detail}`;
}

export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b./g, '').replace(/\r(?!\n)/g, '\n');
}
