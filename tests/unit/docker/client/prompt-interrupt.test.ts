/**
 * Ctrl+C at the client's prompts (docker/cli prompt.Confirm and prompt.ReadInput): the prompt ends
 * its line and returns ErrPromptTerminated, an errdefs.Cancelled error, which cmd/docker's main
 * neither prints nor turns into a failure: the status is 0 and nothing was done.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

function term() {
  let text = '';
  const io: TermIO = { out: (t: string) => void (text += t), err: (t: string) => void (text += t), tty: true, columns: 80, sleep: async () => {} };
  const sh = createShell({ seed: 1 });
  const type = async (line: string) => {
    text = '';
    await sh.run(line, io);
    return text;
  };
  const ctrlC = async () => {
    text = '';
    await (sh as typeof sh & { interrupt(t: TermIO): Promise<void> }).interrupt(io);
    return text;
  };
  return { sh, type, ctrlC };
}

test('Ctrl+C at a prune question: ^C and the line ends, exit 0, nothing pruned', async () => {
  for (const [setup, line, left] of [['docker run hello-world', 'docker container prune', 'docker ps -aq | wc -l'], ['docker run hello-world', 'docker system prune', 'docker ps -aq | wc -l']]) {
    const t = term();
    await t.type(setup);
    await t.type(line);
    assert.equal(t.sh.prompt(), 'Are you sure you want to continue? [y/N] ');
    assert.equal(await t.ctrlC(), '^C\n');
    assert.equal(t.sh.prompt(), '$ ');
    assert.equal(await t.type('echo $?'), '0\n');
    assert.equal(await t.type(left), '1\n');
  }
});

test("Ctrl+C at docker login's prompts: exit 0, nothing stored; the password prompt does not echo the ^C", async () => {
  const t = term();
  await t.type('docker login -u alumno');
  assert.equal(t.sh.prompt(), 'Password: ');
  assert.equal(await t.ctrlC(), '\n');
  assert.equal(await t.type('echo $?'), '0\n');
  await t.type('docker login');
  assert.equal(t.sh.prompt(), 'Username: ');
  assert.equal(await t.ctrlC(), '^C\n');
  assert.equal(await t.type('echo $?'), '0\n');
  assert.match(await t.type('cat ~/.docker/config.json'), /No such file/);
});
