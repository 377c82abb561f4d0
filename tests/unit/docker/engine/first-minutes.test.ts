import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inside } from './fixtures';

test('bash expands !!, !N, !-N, !$ and !prefix at the prompt, shows the line, and drops one with a missing event', async () => {
  const { run } = await inside('ubuntu', 'echo hi');
  assert.equal(await run('!!'), 'echo hi\nhi\n');
  assert.equal(await run('!-1 there'), 'echo hi there\nhi there\n');
  assert.equal(await run('ls /etc/hostname >/dev/null'), '');
  assert.equal(await run('echo !$'), 'echo /dev/null\n/dev/null\n');
  assert.equal(await run('!ec'), 'echo /dev/null\n/dev/null\n');
  assert.equal(await run(`echo "a!" 'b!c' x!=1 \\!! !`), `a! b!c x!=1 !! !\n`);
  assert.equal(await run('!zz'), 'bash: !zz: event not found\n');
  assert.equal(await run('!99'), 'bash: !99: event not found\n');
  assert.match(await run('history 1'), /^ +\d+ {2}history 1\n$/);
  // dash and busybox ash have no history expansion
  const a = await inside('alpine', 'echo hi');
  assert.equal(await a.run('!!'), '/bin/sh: !!: not found\n');
});

test("ubuntu's minimized image answers man with its notice; debian has no man", async () => {
  const { run } = await inside('ubuntu');
  assert.equal(await run('man ls; echo $?'), "This system has been minimized by removing packages and content that are\nnot required on a system that users do not log into.\n\nTo restore this content, including manpages, you can run the 'unminimize'\ncommand. You will still need to ensure the 'man-db' package is installed.\n0\n");
  assert.match(await run('ls -l /usr/bin/man'), /^-rwxr-xr-x 1 root root \d+ /);
  const d = await inside('debian');
  assert.equal(await d.run('man ls'), 'bash: man: command not found\n');
});
