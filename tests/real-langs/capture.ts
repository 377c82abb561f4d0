/**
 * Records what the real interpreters answer to each program of a corpus:
 * `node --import tsx tests/real-langs/capture.ts [python-3.12|node|…]` runs every line of LANG.txt
 * here as `python3 -c LINE` or `node -e LINE` and writes NAME.json beside it. The python corpus is
 * run by each release the images offer (pyenv's interpreters here). The tests run the same
 * programs in the simulated containers of TARGETS.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Answer { program: string; out: string; err: string; exit: number }
export interface Recording { version: string; answers: Answer[] }

const HERE = import.meta.dirname;
/** How each corpus is run: the program follows the flag. */
export const RUN = { python: ['python3', '-c'], node: ['node', '-e'] } as const;
export type Lang = keyof typeof RUN;
/** One recording: its corpus, the image the tests compare it with, and the interpreter here that answered it. */
export interface Target { name: string; lang: Lang; image: string; bin: string }
const PYENV = '/root/.pyenv/versions/';
const pyenv = (minor: string) => PYENV + (readdirSync(PYENV).find((d) => d.startsWith(minor + '.')) ?? minor) + '/bin/python3';
export const TARGETS: Target[] = [
  ...['3.9', '3.10', '3.11', '3.12', '3.13'].map((v): Target => ({ name: 'python-' + v, lang: 'python', image: 'python:' + v, bin: pyenv(v) })),
  { name: 'node', lang: 'node', image: 'node:20', bin: 'node' },
];
/** What the programs may read from their environment; the tests pass the same with `docker exec -e`. */
export const ENV = { SALUDO: 'hola' };

/** A corpus line is one program: `\n` in it is a newline and `\\` a backslash. */
export const program = (line: string) => line.replace(/\\([\\n])/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));

export function corpus(lang: Lang): string[] {
  return readFileSync(join(HERE, lang + '.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map(program);
}

export const recording = (t: Target) => JSON.parse(readFileSync(join(HERE, t.name + '.json'), 'utf8')) as Recording;

function run(bin: string, args: string[]) {
  // The images' working directory is / and their HOME is /root.
  const env = { PATH: process.env.PATH, HOME: '/root', LANG: 'C.UTF-8', ...ENV };
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 10_000, input: '', env, cwd: '/' });
  if (r.error || r.status === null) throw new Error(`${args.join(' ')}: ${r.error?.message ?? 'killed by ' + r.signal}`);
  return r;
}

function main(): void {
  const names = process.argv.slice(2);
  for (const t of TARGETS.filter((t) => !names.length || names.includes(t.name) || names.includes(t.lang))) {
    const version = run(t.bin, ['--version']).stdout.trim() + run(t.bin, ['--version']).stderr.trim();
    // The pythons here are installed elsewhere than in the images: their library's paths are the image's.
    const lib = t.lang === 'python' ? run(t.bin, ['-c', 'import json, os; print(os.path.dirname(os.path.dirname(json.__file__)) + "/")']).stdout.trim() : '';
    const image = `/usr/local/lib/python${t.image.slice(7)}/`;
    const answers = corpus(t.lang).map((p): Answer => {
      const r = run(t.bin, [RUN[t.lang][1], p]);
      const fix = (s: string) => (lib ? s.replaceAll(lib, image) : s);
      return { program: p, out: fix(r.stdout), err: fix(r.stderr), exit: r.status! };
    });
    writeFileSync(join(HERE, t.name + '.json'), JSON.stringify({ version, answers } satisfies Recording, null, 1) + '\n');
    console.log(`${t.name} (${version}): ${answers.length} programs`);
  }
}

if (process.argv[1] === import.meta.filename) main();
