/**
 * Golden transcripts: each scenario in tests/golden/scenarios/<name>.sh is replayed with seed 1
 * (tty, 80 columns) and must print exactly tests/golden/<name>.txt: the prompt and input of each
 * step, the screen it leaves, and `[exit code: N]` after a step that fails (not after a line that
 * only continues an unfinished command: nothing ran).
 * `UPDATE_GOLDEN=1` rewrites the transcripts (read the diff before committing it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createShell, INTERNAL_ERROR } from '../../../../src/docker/index';
import { isComment, step } from '../../../../src/docker/client/script';

const DIR = join(import.meta.dirname, '../../../golden');

export async function goldenTranscript(script: string): Promise<string> {
  const shell = createShell({ seed: 1 });
  let out = '';
  for (const line of script.split('\n')) {
    if (isComment(line, shell)) continue;
    const s = await step(shell, line);
    assert.ok(!s.stderr.includes(INTERNAL_ERROR), `${line}: ${s.stderr}`);
    out += s.prompt + s.input + '\n';
    if (s.screen) out += s.screen.endsWith('\n') ? s.screen : s.screen + '\n';
    if (s.exit !== 0 && shell.prompt() !== '> ') out += `[exit code: ${s.exit}]\n`;
  }
  return out;
}

const scenarios = readdirSync(join(DIR, 'scenarios')).filter((f) => f.endsWith('.sh')).sort();

test('there is a golden transcript per command', () => {
  assert.ok(scenarios.length >= 20, `${scenarios.length} scenarios`);
});

for (const f of scenarios) {
  const name = f.replace(/\.sh$/, '');
  test(`golden: ${name}`, async () => {
    const actual = await goldenTranscript(readFileSync(join(DIR, 'scenarios', f), 'utf8'));
    const file = join(DIR, name + '.txt');
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
    assert.ok(existsSync(file), `missing ${file} (run with UPDATE_GOLDEN=1)`);
    assert.equal(actual, readFileSync(file, 'utf8'));
  });
}
