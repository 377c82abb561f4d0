/** Every case where the simulated container differs from tests/real-shell/NAME.json, as unified diffs: `node --import tsx tests/real-shell/compare.ts [NAME...]`. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
const root = resolve(import.meta.dirname, '../..');
const { debianExec } = await import(resolve(root, 'tests/unit/docker/engine/exec-shell.ts'));
const DIR = join(root, 'tests/real-shell');
function udiff(a: string, b: string): string {
  writeFileSync(join(tmpdir(), 'real-' + process.pid), a); writeFileSync(join(tmpdir(), 'sim-' + process.pid), b);
  return spawnSync('diff', ['-U0', join(tmpdir(), 'real-' + process.pid), join(tmpdir(), 'sim-' + process.pid)], { encoding: 'utf8' }).stdout.split('\n').filter((l) => !/^(---|\+\+\+) /.test(l)).join('\n');
}
const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
const run = await debianExec();
for (const name of names) {
  const answers = JSON.parse(readFileSync(join(DIR, name + '.json'), 'utf8'));
  let bad = 0;
  for (const a of answers) {
    let s;
    try { s = await run(a.line); } catch (e) { s = { out: '', err: `THROWS ${(e as Error).stack}\n`, exit: -1 }; }
    if (s.out !== a.out || s.err !== a.err || s.exit !== a.exit) {
      bad++;
      console.log(`## ${name}: ${a.line}  (exit real ${a.exit}, sim ${s.exit})\n` + udiff(a.out + (a.err ? '[stderr]\n' + a.err : ''), s.out + (s.err ? '[stderr]\n' + s.err : '')));
    }
  }
  console.error(`${name}: ${bad} of ${answers.length} differ`);
}
