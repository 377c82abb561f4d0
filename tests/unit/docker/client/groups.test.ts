import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostShell, run } from './harness';

const REF = join(import.meta.dirname, '../../../golden/reference');
const help = (g: string) => readFileSync(join(REF, 'help', g + '.txt'), 'utf8').replace(/\[exit code: 0\]\n$/, '');

test('the management groups the engine has nothing for: their help, alone on stderr, asked on stdout', async () => {
  const sh = hostShell();
  for (const g of ['builder', 'config', 'context', 'manifest', 'node', 'plugin', 'secret', 'service', 'stack', 'swarm', 'trust']) {
    assert.deepEqual(await run(sh, `docker ${g}`), { stdout: '', stderr: help(g), both: help(g), exit: 0 }, g);
    assert.equal((await run(sh, `docker ${g} --help`)).stdout, help(g), g);
    assert.equal((await run(sh, `docker help ${g}`)).stdout, help(g), g);
    const unknown = await run(sh, `docker ${g} frobnicate`);
    assert.equal(unknown.stderr, `docker: unknown command: docker ${g} frobnicate\n\nUsage:  docker ${g}\n\nRun 'docker ${g} --help' for more information\n`);
    assert.equal(unknown.exit, 1);
  }
});

test('checkpoint needs an experimental daemon: every use is refused, --help prints the refusal', async () => {
  const sh = hostShell();
  const msg = (p: string) => `${p} is only supported on a Docker daemon with experimental features enabled\n`;
  assert.deepEqual(await run(sh, 'docker checkpoint'), { stdout: '', stderr: msg('docker checkpoint'), both: msg('docker checkpoint'), exit: 1 });
  assert.equal((await run(sh, 'docker checkpoint ls web')).stderr, msg('docker checkpoint ls'));
  assert.equal((await run(sh, 'docker checkpoint list web')).stderr, msg('docker checkpoint ls'));
  assert.equal((await run(sh, 'docker checkpoint --nope')).stderr, msg('docker checkpoint'));
  assert.deepEqual(await run(sh, 'docker checkpoint create --help'), { stdout: msg('docker checkpoint create'), stderr: '', both: msg('docker checkpoint create'), exit: 0 });
  assert.equal((await run(sh, 'docker --help checkpoint')).stdout, msg('docker checkpoint'));
});
