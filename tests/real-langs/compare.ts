/** Every program where the simulator differs from tests/real-langs/NAME.json, as unified diffs: `node --import tsx tests/real-langs/compare.ts [python-3.12|python|node]`. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { TARGETS, recording } from './capture';
import { simulator } from './simulated';

function udiff(a: string, b: string): string {
  writeFileSync(join(tmpdir(), 'real-' + process.pid), a); writeFileSync(join(tmpdir(), 'sim-' + process.pid), b);
  return spawnSync('diff', ['-U0', join(tmpdir(), 'real-' + process.pid), join(tmpdir(), 'sim-' + process.pid)], { encoding: 'utf8' }).stdout.split('\n').filter((l) => !/^(---|\+\+\+) /.test(l)).join('\n');
}
const sim = await simulator();
const names = process.argv.slice(2);
for (const t of TARGETS.filter((t) => !names.length || names.includes(t.name) || names.includes(t.lang))) {
  const rec = recording(t);
  let bad = 0;
  for (const real of rec.answers) {
    const a = sim.expected(t, real, rec.version);
    const s = await sim.run(t, a.program);
    if (s.out !== a.out || s.err !== a.err || s.exit !== a.exit) {
      bad++;
      console.log(`## ${t.name}: ${JSON.stringify(a.program)}  (exit real ${a.exit}, sim ${s.exit})\n` + udiff(a.out + (a.err ? '[stderr]\n' + a.err : ''), s.out + (s.err ? '[stderr]\n' + s.err : '')));
    }
  }
  console.error(`${t.name}: ${bad} of ${rec.answers.length} differ`);
}
