/**
 * The simulator against the real docker 28.2.2 client: every line of tests/real-docker/*.json was
 * answered by the real client without a daemon (see capture.ts). Each runs in a fresh session.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../../../real-docker/capture';
import { session } from './session';

const DIR = join(import.meta.dirname, '../../../real-docker');
// How the client refuses a command line before it asks the daemon anything.
const USAGE_ERROR = /^Usage:|unknown flag|unknown shorthand flag|flag needs an argument|invalid argument ".*" for ".*" flag|requires (at least |at most |exactly )?\d+ arguments?/m;

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  const answers = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Answer[];
  test(`${file}: the simulator answers as the real client`, async () => {
    const wrong: string[] = [];
    for (const a of answers) {
      const s = await session(1)(a.line);
      if (a.daemon) {
        if (USAGE_ERROR.test(s.err)) wrong.push(`${a.line}\n  the real client accepts it; the simulator says:\n${s.err}`);
      } else if (s.out !== a.out || s.err !== a.err || s.exit !== a.exit) {
        wrong.push(`${a.line}\n  real (exit ${a.exit}):\n${a.out}${a.err}\n  simulator (exit ${s.exit}):\n${s.out}${s.err}`);
      }
    }
    assert.equal(wrong.length, 0, `${wrong.length} of ${answers.length} lines differ:\n\n${wrong.slice(0, 15).join('\n')}`);
  });
}
