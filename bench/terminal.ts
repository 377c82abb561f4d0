/**
 * Terminal budgets: time from Enter to the last byte of `docker ps -a` with 20 containers (the
 * console, the session lock and the real simulator, as in the page, minus xterm's painting), and
 * the gzipped JavaScript a deck with terminals downloads in total.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { buildCourse } from '../src/build/build';
import { launchChromium } from '../src/build/chromium';
import { createShell } from '../src/docker/index';
import { TerminalConsole, type Timer } from '../src/terminal/console';
import type { Scenario } from '../src/terminal/scenario';
import { SessionRegistry } from '../src/terminal/session';
import { type BenchRow, ROOT } from './shared';

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
  con.watch(() => {
    if (!con.isBusy() && waiting) waiting();
  });
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

/**
 * The same in Chromium with xterm: from the Enter key to the moment the screen's buffer holds
 * the whole listing and the next prompt (xterm paints it in the following animation frame).
 */
async function enterToScreenInBrowser(site: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(join(site, 'laboratorio', 'index.html')).href + '#/3');
    await page.waitForFunction(() => (window.AulaTerminal?.count() ?? 0) > 0 && !!document.querySelectorAll('.aula-terminal')[2]?.querySelector('.xterm'));
    // Source text, not a function: tsx's transpiler would wrap named closures in `__name(...)`,
    // which does not exist in the page.
    const run = (line: string): Promise<number> =>
      page.evaluate(`new Promise((resolve) => {
        const el = document.querySelectorAll('.aula-terminal')[2];
        const api = window.AulaTerminal;
        const before = api.text(el).split('\\n').length;
        const channel = new MessageChannel();
        const start = performance.now();
        channel.port1.onmessage = () => check();
        function check() {
          const lines = api.text(el).split('\\n');
          if (lines.length > before && lines[lines.length - 1] === '$') resolve(performance.now() - start);
          else channel.port2.postMessage(0);
        }
        api.input(el, ${JSON.stringify(line + '\r')});
        check();
      })`);
    for (let i = 0; i < 20; i++) await run(`docker run -d --name b${i} alpine sleep 1000`);
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) samples.push(await run('docker ps -a'));
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)];
  } finally {
    await browser.close();
  }
}

async function buildFixture(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'aula-bench-terminal-'));
  const r = await buildCourse({ root: ROOT, slidesDir: join(ROOT, 'tests/e2e/fixtures/terminal/slides'), outDir: out });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return out;
}

function terminalDeckJs(out: string): number {
  {
    const pagePath = join(out, 'laboratorio', 'index.html');
    const html = readFileSync(pagePath, 'utf8');
    const config = JSON.parse(/<script id="aula-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]) as { scripts: Record<string, string> };
    const classic = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]);
    const urls = new Set([...classic, ...Object.values(config.scripts)]);
    let total = 0;
    for (const u of urls) total += gzipSync(readFileSync(join(dirname(pagePath), u)), { level: 9 }).length;
    return total / 1024;
  }
}

export async function bench(): Promise<BenchRow[]> {
  const site = await buildFixture();
  try {
    return [
      { area: 'terminal', metric: 'Enter → último byte de `docker ps -a` (20 contenedores, mediana)', value: Number((await enterToLastByte()).toFixed(2)), unit: 'ms', target: '< 16' },
      { area: 'terminal', metric: 'Enter → `docker ps -a` en la pantalla de xterm, Chromium (20 contenedores, mediana)', value: Number((await enterToScreenInBrowser(site)).toFixed(2)), unit: 'ms', target: '< 16' },
      { area: 'terminal', metric: 'JS total de un deck con terminales (gzip)', value: Number(terminalDeckJs(site).toFixed(1)), unit: 'KB' },
    ];
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'terminal.ts')) {
  for (const row of await bench()) console.log(`${row.metric}: ${row.value} ${row.unit}${row.target ? ` (objetivo ${row.target})` : ''}`);
}
