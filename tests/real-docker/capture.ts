/**
 * Records what the real docker client (28.2.2, no daemon running) answers to each command line of
 * a corpus: `node --import tsx tests/real-docker/capture.ts [NAME...]` reads NAME.txt here and
 * writes NAME.json beside it. Lines the client sends on to the daemon are kept as `daemon: true`:
 * the client accepted them, so the simulator must not refuse them as a usage error either.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Answer { line: string; out: string; err: string; exit: number; daemon?: true }

const HERE = import.meta.dirname;
// Answers that need a daemon: the connection error, or what the client asks the daemon first.
const NO_DAEMON = /Cannot connect to the Docker daemon|unknown server OS/;
// checkpoint is experimental: before anything else (flags, arguments, help) the client asks the
// daemon whether it has experimental features, and assumes it has when none answers. A daemon
// without them, as the simulated one, refuses every use: these answers are the daemon's too.
const EXPERIMENTAL = /^docker (-\S+ |help )*checkpoint\b/;
// The simulated host: user alumno, at home.
const HOME = '/home/alumno';

export function corpus(name: string): string[] {
  return readFileSync(join(HERE, name + '.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

function ask(line: string): Answer {
  const env = { PATH: process.env.PATH, HOME, USER: 'alumno', TERM: 'dumb', LANG: 'C.UTF-8' };
  const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', timeout: 10_000, input: '', env, cwd: HOME });
  if (r.error || r.status === null) throw new Error(`${line}: ${r.error?.message ?? 'killed by ' + r.signal}`);
  const a: Answer = { line, out: r.stdout, err: r.stderr, exit: r.status };
  if (NO_DAEMON.test(a.err) || EXPERIMENTAL.test(line)) return { line, out: '', err: '', exit: 0, daemon: true };
  return a;
}

function main(): void {
  const version = spawnSync('docker', ['--version'], { encoding: 'utf8' }).stdout ?? '';
  if (!version.startsWith('Docker version 28.2.2,')) throw new Error(`needs the docker 28.2.2 client, found: ${version || 'none'}`);
  mkdirSync(HOME, { recursive: true });
  const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(HERE).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
  for (const name of names) {
    const answers = corpus(name).map(ask);
    writeFileSync(join(HERE, name + '.json'), JSON.stringify(answers, null, 1) + '\n');
    console.log(`${name}: ${answers.length} lines, ${answers.filter((a) => a.daemon).length} reach the daemon`);
  }
}

if (process.argv[1] === import.meta.filename) main();
