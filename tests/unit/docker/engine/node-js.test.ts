/** node's evaluator: regex literals beside comments, destructuring, path/fs, Map/Set/Date. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpreter } from '../../../../src/docker/engine/shell/repl-eval';
import { runCode } from '../../../../src/docker/engine/shell/runtimes';
import { Overlay, newDir } from '../../../../src/docker/engine/fs';

const fs = () => new Overlay(newDir(), [], () => Date.UTC(2025, 5, 1, 12, 30, 5));
const js = (src: string, f = fs(), cwd = '/') => {
  const r = runCode(interpreter({ py: false, fs: f, cwd, env: {}, hostname: 'h', kernel: '6.10', version: 'v22.16.0', random: () => 0.5, exists: () => false, now: () => Date.UTC(2025, 5, 16, 9, 30, 26) }), false, src, 'e', 'v22.16.0');
  return r.out + r.err + (r.code ? `[${r.code}]` : '');
};

test('a // inside a regex literal or a template literal is no comment', () => {
  assert.equal(js("console.log('a/b'.split(/\\//), `http://x`) // c"), "[ 'a', 'b' ] http://x\n");
  assert.equal(js('const r = /a\\/\\/b/; console.log(r.test("xa//b")) /* c */'), 'true\n');
  assert.equal(js('console.log(4 / 2) // 1 / 2'), '2\n');
});
