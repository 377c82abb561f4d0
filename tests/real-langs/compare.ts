/** Every program where the simulator differs from tests/real-langs/LANG.json, as unified diffs: `node --import tsx tests/real-langs/compare.ts [python|node]`. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { RUN, type Lang, type Recording } from './capture';
import { simulator } from './simulated';

function udiff(a: string, b: string): string {
  writeFileSync(join(tmpdir(), 'real-' + process.pid), a); writeFileSync(join(tmpdir(), 'sim-' + process.pid), b);
  return spawnSync('diff', ['-U0', join(tmpdir(), 'real-' + process.pid), join(tmpdir(), 'sim-' + process.pid)], { encoding: 'utf8' }).stdout.split('\n').filter((l) => !/^(---|\+\+\+) /.test(l)).join('\n');
}
const sim = await simulator();
const langs = (process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(RUN)) as Lang[];
for (const lang of langs) {
  const rec = JSON.parse(readFileSync(join(import.meta.dirname, lang + '.json'), 'utf8')) as Recording;
  let bad = 0;
  for (const real of rec.answers) {
    const a = sim.expected(lang, real, rec.version);
    const s = await sim.run(lang, a.program);
    if (s.out !== a.out || s.err !== a.err || s.exit !== a.exit) {
      bad++;
      console.log(`## ${lang}: ${JSON.stringify(a.program)}  (exit real ${a.exit}, sim ${s.exit})\n` + udiff(a.out + (a.err ? '[stderr]\n' + a.err : ''), s.out + (s.err ? '[stderr]\n' + s.err : '')));
    }
  }
  console.error(`${lang}: ${bad} of ${rec.answers.length} differ`);
}
