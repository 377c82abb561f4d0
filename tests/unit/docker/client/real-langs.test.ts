/**
 * The simulator's python and node against the real interpreters: every program of
 * tests/real-langs/*.json was run by python3 -c / node -e (see capture.ts) and runs here in one
 * session's python:3.11 and node:20 containers, by `docker exec`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN, type Lang, type Recording } from '../../../real-langs/capture';
import { simulator } from '../../../real-langs/simulated';

const DIR = join(import.meta.dirname, '../../../real-langs');

for (const lang of Object.keys(RUN) as Lang[]) {
  test(`${lang}: the simulated interpreter prints what the real one does`, async () => {
    const rec = JSON.parse(readFileSync(join(DIR, lang + '.json'), 'utf8')) as Recording;
    const sim = await simulator();
    const wrong: string[] = [];
    for (const real of rec.answers) {
      const a = sim.expected(lang, real, rec.version);
      const s = await sim.run(lang, a.program);
      if (s.out !== a.out || s.err !== a.err || s.exit !== a.exit) wrong.push(`${a.program}\n  real (exit ${a.exit}):\n${a.out}${a.err}\n  simulator (exit ${s.exit}):\n${s.out}${s.err}`);
    }
    assert.equal(wrong.length, 0, `${wrong.length} of ${rec.answers.length} programs differ:\n\n${wrong.slice(0, 10).join('\n')}`);
  });
}
