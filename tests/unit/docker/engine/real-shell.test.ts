/**
 * The container shell against the real bash 5.2.15 and GNU tools of Debian 12: every case of
 * tests/real-shell/*.json was answered by them as `bash -c CASE` in a fresh /tmp/w (see capture.ts),
 * and runs here as `docker exec -w /tmp/w CTR bash -c CASE` in a debian:12 container.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../../../real-shell/capture';
import { debianExec } from './exec-shell';

const DIR = join(import.meta.dirname, '../../../real-shell');

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  const answers = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Answer[];
  test(`${file}: the container shell answers as real bash and GNU tools`, async () => {
    const run = await debianExec();
    const wrong: string[] = [];
    for (const a of answers) {
      const s = await run(a.line);
      if (s.out !== a.out || s.err !== a.err || s.exit !== a.exit) wrong.push(`${a.line}\n  real (exit ${a.exit}):\n${a.out}${a.err}\n  simulator (exit ${s.exit}):\n${s.out}${s.err}`);
    }
    assert.equal(wrong.length, 0, `${wrong.length} of ${answers.length} cases differ:\n\n${wrong.slice(0, 15).join('\n')}`);
  });
}
