/**
 * The simulator's python and node against the real interpreters: every program of
 * tests/real-langs/*.json was run by python3 -c / node -e (see capture.ts) and runs here, by
 * `docker exec`, in one session's containers of python:3.9 to 3.13 and node:20.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS, recording } from '../../../real-langs/capture';
import { simulator } from '../../../real-langs/simulated';

const sim = simulator();

for (const t of TARGETS) {
  test(`${t.name}: the simulated interpreter of ${t.image} prints what the real one does`, async () => {
    const rec = recording(t);
    const { run, expected } = await sim;
    const wrong: string[] = [];
    for (const real of rec.answers) {
      const a = expected(t, real, rec.version);
      const s = await run(t, a.program);
      if (s.out !== a.out || s.err !== a.err || s.exit !== a.exit) wrong.push(`${a.program}\n  real (exit ${a.exit}):\n${a.out}${a.err}\n  simulator (exit ${s.exit}):\n${s.out}${s.err}`);
    }
    assert.equal(wrong.length, 0, `${wrong.length} of ${rec.answers.length} programs differ:\n\n${wrong.slice(0, 10).join('\n')}`);
  });
}
