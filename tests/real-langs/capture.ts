/**
 * Records what the real interpreters answer to each program of a corpus:
 * `node --import tsx tests/real-langs/capture.ts [python|node]` runs every line of NAME.txt here
 * as `python3 -c LINE` or `node -e LINE` and writes NAME.json beside it. The tests run the same
 * programs in the simulated python:3.11 and node:20 containers.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Answer { program: string; out: string; err: string; exit: number }
export interface Recording { version: string; answers: Answer[] }

const HERE = import.meta.dirname;
/** How each corpus is run: the program follows the flag. */
export const RUN = { python: ['python3', '-c'], node: ['node', '-e'] } as const;
export type Lang = keyof typeof RUN;
/** What the programs may read from their environment; the tests pass the same with `docker exec -e`. */
export const ENV = { SALUDO: 'hola' };
/** Where the images install python's standard library (its tracebacks name these files). */
const IMAGE_PYLIB = '/usr/local/lib/python3.11/';

/** A corpus line is one program: `\n` in it is a newline and `\\` a backslash. */
export const program = (line: string) => line.replace(/\\([\\n])/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));

export function corpus(lang: Lang): string[] {
  return readFileSync(join(HERE, lang + '.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map(program);
}

function run(lang: Lang, args: string[]) {
  // The images' working directory is / and their HOME is /root.
  const env = { PATH: process.env.PATH, HOME: '/root', LANG: 'C.UTF-8', ...ENV };
  const r = spawnSync(RUN[lang][0], args, { encoding: 'utf8', timeout: 10_000, input: '', env, cwd: '/' });
  if (r.error || r.status === null) throw new Error(`${args.join(' ')}: ${r.error?.message ?? 'killed by ' + r.signal}`);
  return r;
}

function main(): void {
  const langs = (process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(RUN)) as Lang[];
  for (const lang of langs) {
    const version = run(lang, ['--version']).stdout.trim() + run(lang, ['--version']).stderr.trim();
    // The python here is 3.11 installed elsewhere than in the image: its library's paths are the image's.
    const lib = lang === 'python' ? run(lang, ['-c', 'import json, os; print(os.path.dirname(os.path.dirname(json.__file__)) + "/")']).stdout.trim() : '';
    const answers = corpus(lang).map((p): Answer => {
      const r = run(lang, [RUN[lang][1], p]);
      const fix = (t: string) => (lib ? t.replaceAll(lib, IMAGE_PYLIB) : t);
      return { program: p, out: fix(r.stdout), err: fix(r.stderr), exit: r.status! };
    });
    const rec: Recording = { version, answers };
    writeFileSync(join(HERE, lang + '.json'), JSON.stringify(rec, null, 1) + '\n');
    console.log(`${lang} (${version}): ${answers.length} programs`);
  }
}

if (process.argv[1] === import.meta.filename) main();
