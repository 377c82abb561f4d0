import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../../src/docker/engine/dockerfile';

const fails = (text: string, message: string) => assert.throws(() => parseDockerfile(text), { message });

test('continuation lines join as written: no space added, indentation kept, comments and blank lines skipped', () => {
  const steps = parseDockerfile('FROM alpine\nRUN apk add \\\n    curl \\\n# a comment\n\n    git\nRUN echo a\\\nb\n');
  assert.deepEqual(steps.map((s) => s.original), ['FROM alpine', 'RUN apk add     curl     git', 'RUN echo ab']);
  assert.equal(steps[2].line, 7);
  // Inner whitespace of a line stays as typed in the Step text.
  assert.equal(parseDockerfile('FROM alpine\nRUN echo  "a   b"\n')[1].original, 'RUN echo  "a   b"');
});

test('unknown instructions get buildkit\'s suggestion in the typo\'s case', () => {
  fails('FROM alpine\nRUNN ls\n', 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)');
  fails('FROM alpine\ncopyy a b\n', 'dockerfile parse error on line 2: unknown instruction: copyy (did you mean copy?)');
  fails('FROM alpine\n&& make\n', 'dockerfile parse error on line 2: unknown instruction: &&');
});

test('a Dockerfile with only comments fails to parse; argument counts are checked before any step', () => {
  fails('# nothing here\n\n', 'failed to parse Dockerfile: file with no instructions');
  fails('FROM\n', 'dockerfile parse error on line 1: FROM requires either one or three arguments');
  fails('FROM a b\n', 'dockerfile parse error on line 1: FROM requires either one or three arguments');
  fails('FROM a\nCOPY x\n', 'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined');
  fails('FROM a\nWORKDIR\n', 'dockerfile parse error on line 2: WORKDIR requires exactly one argument');
  fails('FROM a\nEXPOSE\n', 'dockerfile parse error on line 2: EXPOSE requires at least one argument');
  fails('FROM a\nENV A\n', 'failed to parse Dockerfile: ENV must have two arguments');
  assert.equal(parseDockerfile('FROM a AS build\nCMD\n').length, 2, 'CMD may be empty');
});
