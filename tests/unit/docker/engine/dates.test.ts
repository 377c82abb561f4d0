import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { step } from '../../../../src/docker/client/script';
import { asctime, clfTime, logTime, utcFields } from '../../../../src/docker/common/dates';

const T = Date.UTC(2025, 5, 6, 9, 3, 5, 42);

test("servers' log times and C's asctime read one UTC date: Common Log Format, python's, and the fields Apache and Redis reorder", async () => {
  assert.deepEqual(utcFields(T), ['Fri,', '06', 'Jun', '2025', '09:03:05', 'GMT']);
  assert.equal(logTime(T), '06/Jun/2025 09:03:05');
  assert.equal(clfTime(T), '06/Jun/2025:09:03:05 +0000');
  assert.equal(asctime(T), 'Fri Jun  6 09:03:05 2025');
  assert.equal(asctime(Date.UTC(2025, 5, 16)), 'Mon Jun 16 00:00:00 2025');
  const shell = createShell({ seed: 1 });
  for (const line of ['docker run -d --name web -p 8080:80 httpd:2.4', 'curl -s localhost:8080', 'docker run -d --name kv redis']) await step(shell, line, { tty: false });
  const logs = async (c: string) => {
    const r = await step(shell, 'docker logs ' + c, { tty: false });
    return r.stdout + r.stderr;
  };
  assert.match(await logs('web'), /^\[Mon Jun 16 09:30:0\d\.\d{3}123 2025\] \[mpm_event:notice\] /m);
  assert.match(await logs('web'), /^172\.17\.0\.1 - - \[16\/Jun\/2025:09:30:0\d \+0000\] "GET \/ HTTP\/1\.1" 200 45$/m);
  assert.match(await logs('kv'), /^1:C 16 Jun 2025 09:30:0\d\.\d{3} \* Configuration loaded$/m);
  // procps's lstart and the client's build time print asctime
  assert.match((await step(shell, 'docker run --rm ubuntu ps -o lstart,comm', { tty: false })).stdout, /\nMon Jun 16 09:30:\d\d 2025 ps\n$/);
  assert.match((await step(shell, 'docker version', { tty: false })).stdout, /\n Built: {13}Fri May 30 12:07:14 2025\n/);
});
