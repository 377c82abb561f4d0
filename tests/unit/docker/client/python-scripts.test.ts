/**
 * python's tracebacks of a script file, whose lines `-c` code does not show before 3.13: what
 * the real 3.10 to 3.13 printed for `python3 /app.py` (tests/real-langs/python-scripts.json: each
 * program and, by release, its stderr) against the simulated python:3.10 to 3.13 images.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { session } from './session';

const CASES = JSON.parse(readFileSync(join(import.meta.dirname, '../../../real-langs/python-scripts.json'), 'utf8')) as [string, Record<string, string>][];

test('a script\'s traceback marks what raised as each python release does (none before 3.11)', async () => {
  const s = session(1);
  const versions = Object.keys(CASES[0][1]);
  for (const v of versions) await s(`docker run -d --name py${v} python:${v} sleep infinity`);
  for (const [program, errs] of CASES) {
    for (const v of versions) {
      await s(`docker exec py${v} sh -c 'echo ${Buffer.from(program).toString('base64')} | base64 -d > /app.py'`);
      const r = await s(`docker exec py${v} python3 /app.py`);
      assert.equal(r.err, errs[v], `python:${v}\n${program}`);
      assert.equal(r.exit, 1);
    }
  }
});
