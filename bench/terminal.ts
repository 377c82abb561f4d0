/**
 * Terminal budgets: time from Enter to the last byte of `docker ps -a` with 20 containers (the
 * console, the session lock and the real simulator, as in the page, minus xterm's painting), and
 * the gzipped JavaScript a deck with terminals downloads in total.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCourse } from '../src/build/build';
import { createShell } from '../src/docker/index';
import { TerminalConsole, type Timer } from '../src/terminal/console';
import type { Scenario } from '../src/terminal/scenario';
import { SessionRegistry } from '../src/terminal/session';

export interface BenchRow {
  area: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
}

const ROOT = resolve(import.meta.dirname, '..');
const instant: Timer = { sleep: () => Promise.resolve() };

async function enterToLastByte(): Promise<number> {
  const scenario: Scenario = { v: 1, deck: 'bench', session: 'principal', index: 0, title: '', rows: 12, autoplay: false, seed: 1, setup: [], steps: [] };
  const registry = new SessionRegistry((o) => createShell(o), null);
  let lastWrite = 0;
  let waiting: (() => void) | null = null;
  const screen = {
    write: () => {
      lastWrite = performance.now();
    },
    cols: () => 120,
  };
  const con = new TerminalConsole(registry.get(scenario), scenario, screen, instant, { typingDelay: 0 });
  con.onChange = () => {
    if (!con.isBusy() && waiting) waiting();
  };
  con.start();
  const run = (line: string) =>
    new Promise<void>((done) => {
      waiting = () => {
        waiting = null;
        done();
      };
      con.input(line + '\r');
    });
  await run('docker pull alpine');
  for (let i = 0; i < 20; i++) await run(`docker run -d --name c${i} alpine sleep 1000`);
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    await run('docker ps -a');
    samples.push(lastWrite - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

async function terminalDeckJs(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'aula-bench-terminal-'));
  try {
    const r = await buildCourse({ root: ROOT, slidesDir: join(ROOT, 'tests/e2e/fixtures/terminal/slides'), outDir: out });
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
    const pagePath = join(out, 'laboratorio', 'index.html');
    const html = readFileSync(pagePath, 'utf8');
    const config = JSON.parse(/<script id="aula-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]) as { scripts: Record<string, string> };
    const classic = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]);
    const urls = new Set([...classic, ...Object.values(config.scripts)]);
    let total = 0;
    for (const u of urls) total += gzipSync(readFileSync(join(dirname(pagePath), u)), { level: 9 }).length;
    return total / 1024;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function bench(): Promise<BenchRow[]> {
  return [
    { area: 'terminal', metric: 'Enter → último byte de `docker ps -a` (20 contenedores, mediana)', value: Number((await enterToLastByte()).toFixed(2)), unit: 'ms', target: '< 16' },
    { area: 'terminal', metric: 'JS total de un deck con terminales (gzip)', value: Number((await terminalDeckJs()).toFixed(1)), unit: 'KB' },
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'terminal.ts')) {
  for (const row of await bench()) console.log(`${row.metric}: ${row.value} ${row.unit}${row.target ? ` (objetivo ${row.target})` : ''}`);
}
