/**
 * Simulator budgets: commands per second through the client on a mixed script (Node, no
 * pacing), and the size of the simulator alone bundled for the browser, minified and gzipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { createShell as CreateShell } from '../src/docker/index';
import type { TermIO } from '../src/docker/shell';
import { TARGET } from '../src/build/bundle';
import { type BenchRow, ROOT } from './shared';

/** A lesson's worth of commands: listings, lifecycle, errors, formatting and host shell work. */
const MIXED = [
  'docker ps',
  'docker ps -a -s',
  'docker images',
  'docker run -d --name web{n} -p 80{n}:80 nginx',
  'docker run hello-world',
  'docker ps -a --no-trunc',
  'docker inspect -f "{{.State.Status}}" web{n}',
  'docker stop web{n}',
  'docker rm web{n}',
  'docker history nginx',
  'docker images -q',
  'docker ps -q -f status=exited',
  'docker foo',
  'docker run --foo x',
  'docker rm',
  'echo "FROM alpine" > Dockerfile && cat Dockerfile',
  'docker container ls -a',
  'docker image ls --digests',
  'docker system df',
  'docker container prune -f',
];

/**
 * The simulator as it ships (minified by esbuild, as the terminals load it), driven from Node.
 * After a warm-up, the rate is per second of this process's CPU time, so a machine busy with
 * other work does not distort it (the simulator is single-threaded).
 */
async function commandsPerSecond(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'aula-sim-'));
  let createShell: typeof CreateShell;
  try {
    const res = await build({ ...BUNDLE, format: 'esm', platform: 'neutral', globalName: undefined });
    const file = join(dir, 'sim.mjs');
    writeFileSync(file, res.outputFiles[0].contents);
    ({ createShell } = (await import(pathToFileURL(file).href)) as { createShell: typeof CreateShell });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const shell = createShell({ seed: 1 });
  const io: TermIO = { out: () => {}, err: () => {}, tty: false, sleep: () => Promise.resolve() };
  for (const c of ['docker pull nginx', 'docker pull hello-world']) await shell.run(c, io);
  let round = 0;
  const warm = performance.now();
  while (performance.now() - warm < 1500) {
    for (const line of MIXED) await shell.run(line.replaceAll('{n}', String(round % 10)), io);
    round++;
  }
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < 2000) {
    for (const line of MIXED) {
      await shell.run(line.replaceAll('{n}', String(round % 10)), io);
      n++;
    }
    round++;
  }
  const cpu = process.cpuUsage(cpu0);
  return Math.round(n / ((cpu.user + cpu.system) / 1e6));
}

export const BUNDLE = {
  entryPoints: [resolve(ROOT, 'src/docker/index.ts')],
  bundle: true,
  minify: true,
  format: 'iife' as const,
  globalName: 'AulaDocker',
  platform: 'browser' as const,
  // the browsers the decks' bundles are built for, so it measures what ships
  target: TARGET,
  write: false as const,
  logLevel: 'silent' as const,
};

/** The simulator as a browser bundle on its own (client, engine, registry), minified and gzipped. */
export async function simulatorBundleBytes(): Promise<number> {
  const res = await build(BUNDLE);
  return gzipSync(res.outputFiles[0].contents, { level: 9 }).length;
}

export async function bench(): Promise<BenchRow[]> {
  return [
    { area: 'simulador', metric: 'órdenes por segundo (guion mixto, Node)', value: await commandsPerSecond(), unit: 'órdenes/s', target: '> 20000' },
    { area: 'simulador', metric: 'paquete del simulador (min+gz)', value: Math.round((await simulatorBundleBytes()) / 102.4) / 10, unit: 'KB', target: '< 60' },
  ];
}
