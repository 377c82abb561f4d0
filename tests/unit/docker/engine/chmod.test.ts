import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyMode } from '../../../../src/docker/common/sh/chmod';
import { engine, pull, runIt } from './fixtures';

test('chmod modes: octal, symbolic clauses, X, s and t, = clearing the named classes', () => {
  assert.equal(applyMode('750', 0o644, false), 0o750);
  assert.equal(applyMode('u+x', 0o644, false), 0o744);
  assert.equal(applyMode('+x', 0o644, false), 0o755);
  assert.equal(applyMode('go-r', 0o644, false), 0o600);
  assert.equal(applyMode('a=rX', 0o700, true), 0o555);
  assert.equal(applyMode('a=rX', 0o600, false), 0o444);
  assert.equal(applyMode('u+s,g-r', 0o744, false), 0o4704);
  assert.equal(applyMode('+t', 0o777, true), 0o1777);
  assert.equal(applyMode('g=u', 0o740, false), 0o770);
  assert.equal(applyMode('=r', 0o755, false), 0o444);
  assert.equal(applyMode('zz', 0o644, false), null);
  assert.equal(applyMode('u+q', 0o644, false), null);
});

test('chmod changes directories (copied up), -R goes through a tree, ls shows s and t', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  await u.type('mkdir -p /d/e; touch /d/e/f');
  assert.equal(await u.type('chmod 700 /d; ls -ld /d | cut -c1-10'), 'drwx------\n');
  await u.type('chmod -R go+rX /d');
  assert.equal(await u.type('ls -ld /d /d/e /d/e/f | cut -c1-10'), 'drwxr-xr-x\ndrwxr-xr-x\n-rw-r--r--\n');
  assert.equal(await u.type('chmod u+sx,+t /d/e/f; ls -l /d/e/f | cut -c1-10'), '-rwsr--r-T\n');
  assert.equal(await u.type('chmod 755 /usr; ls -ld /usr | cut -c1-10'), 'drwxr-xr-x\n');
  assert.equal(await u.type('chmod zz /d'), "chmod: invalid mode: 'zz'\nTry 'chmod --help' for more information.\n");
  assert.equal(await u.type('chmod 755'), "chmod: missing operand after '755'\nTry 'chmod --help' for more information.\n");
});

test("a dotfile or configuration file whose text the image does not keep reads as empty, not as a program's bytes", async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('cat /root/.bashrc'), '');
  assert.match(await u.type('ls -l /root/.bashrc'), / 3106 /);
});

test('a file written again with > or >> keeps its owner and mode', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  await u.type('touch /f; chown nobody:nogroup /f; chmod 600 /f; echo hi > /f; echo more >> /f');
  assert.match(await u.type('ls -l /f'), /^-rw------- 1 nobody nogroup 8 /);
});
