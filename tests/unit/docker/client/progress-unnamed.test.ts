import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageRenderer } from '../../../../src/docker/client/progress';
import { term } from '../engine/fixtures';

test("a progress message without an id (ADD's download) is redrawn in place on a TTY and dropped without one", async () => {
  const m = { status: 'Downloading', progressDetail: { current: 1256, total: 1256 } };
  let tty = '';
  await messageRenderer(term(true), (t) => void (tty += t))(m);
  assert.equal(tty, '\x1b[2K\rDownloading  1.256kB/1.256kB\r');
  let plain = '';
  await messageRenderer(term(false), (t) => void (plain += t))(m);
  assert.equal(plain, '');
});
