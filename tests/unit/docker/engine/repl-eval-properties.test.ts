// Whatever is typed at node's or python's prompt, the evaluator answers with a value or with one
// of its own outcomes (an exception of the program, more input, a construct it does not run):
// nothing escapes as a host exception, and printing the value never fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Exit, Open, Thrown, Unsupported, inspect, interpreter, repr } from '../../../../src/docker/engine/shell/repl-eval';
import { Overlay, newDir } from '../../../../src/docker/engine/fs';

const PIECES = ['1', '2.5', "'a'", '"b"', '`t ${x}`', 'f"v {x}"', 'x', 'y', '=', '==', '+', '-', '*', '/', '//', '%', '**', '(', ')', '[', ']', '{', '}', ',', ':', ';', '.', '...', '=>', '?', 'length', 'map', 'upper', 'len', 'print', 'console.log', 'let', 'const', 'def', 'for', 'in', 'of', 'if', 'else', 'return', 'while', 'function', 'not', 'and', 'None', 'null', 'True', 'import', 'math', 'os', 'sys', 'require', 'process', 'lambda', 'constructor', '__proto__', '\n', '    ', 'range(3)', 'break', 'try', 'catch', 'finally', 'except', 'raise', 'with', 'open', 'global', 'in', '*', '++', 'sorted', 'key=len', 'do', '::', 'continue', 'ValueError', 'instanceof', 'Error'];

for (const py of [false, true]) {
  test(`${py ? 'python' : 'node'}: any input ends in a value or in one of the evaluator's outcomes`, () => {
    const run = interpreter({ py, fs: new Overlay(newDir(), [], () => 0), cwd: '/', env: { HOME: '/root' }, hostname: 'h', kernel: '6.10', version: py ? '3.13.3' : 'v24.2.0', random: () => 0.5, exists: () => false }).run;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const r = run(parts.join(' '));
        if (r.error !== undefined) assert.ok([Thrown, Open, Unsupported, Exit].some((c) => r.error instanceof c), String(r.error));
        else assert.equal(typeof (py ? repr(r.value) : inspect(r.value)), 'string');
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
}
