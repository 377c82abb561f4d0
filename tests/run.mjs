// Runs one suite (unit or e2e) with Node's test runner: finds every *.test.ts below tests/<suite>.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const suite = process.argv[2] ?? 'unit';
const dir = join('tests', suite);
const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(p);
  }
})(dir);
if (files.length === 0) {
  console.error(`no tests found under ${dir}`);
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-reporter=spec'];
// Browser tests share two cores: one file at a time keeps them from starving each other.
if (suite === 'e2e') args.push('--test-concurrency=1');
const r = spawnSync(process.execPath, [...args, ...process.argv.slice(3), ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
