/** Client-side details of `docker logs` and `docker images` arguments. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DockerApi, LogsOptions } from '../../../../src/docker/api';
import { hostShell, run } from './harness';

test('logs --since/--until read Go durations and name the option in their error', async () => {
  const now = Date.UTC(2025, 5, 1);
  let got: LogsOptions | undefined;
  const api = { now: () => now, advance: () => {}, containerLogs: async (_: string, o: LogsOptions) => { got = o; return []; } } as unknown as DockerApi;
  const sh = hostShell(api);
  await run(sh, 'docker logs --since 1h30m --until 90s c');
  assert.deepEqual([got?.since, got?.until], [(now - 5400000) / 1000, (now - 90000) / 1000]);
  const r = await run(sh, 'docker logs --until yesterday c');
  assert.deepEqual([r.stderr, r.exit], ['invalid value for "until": failed to parse value as time or duration: "yesterday"\n', 1]);
});

test('docker images NAME: the ambiguity hint of printAmbiguousHint, top-level only', async () => {
  const api = { now: () => 0, advance: () => {}, imageList: async () => [] } as unknown as DockerApi;
  const sh = hostShell(api);
  const hint = (w: string) => `\nNo images found matching "${w}": did you mean "docker image ${w}"?\n`;
  assert.equal((await run(sh, 'docker images -q save')).stderr, hint('save'));
  assert.equal((await run(sh, 'docker images --format json load')).stderr, hint('load'));
  assert.equal((await run(sh, 'docker images remove')).stderr, '');
  assert.equal((await run(sh, 'docker image ls ls')).stderr, '');
});

test('images --digests adds the DIGEST column to a custom table without it', async () => {
  const img = { Id: 'sha256:' + 'a'.repeat(64), RepoTags: ['nginx:latest'], RepoDigests: ['nginx@sha256:' + 'd'.repeat(64)], Created: 0, Size: 1, SharedSize: -1, Containers: -1 };
  const sh = hostShell({ now: () => 0, advance: () => {}, imageList: async () => [img] } as unknown as DockerApi);
  assert.equal((await run(sh, `docker images --digests --format 'table {{.Repository}}'`)).stdout,
    `REPOSITORY   DIGEST\nnginx        sha256:${'d'.repeat(64)}\n`);
});

test('logs --tail that is not a whole number shows everything, as the daemon\'s Atoi fallback', async () => {
  const seen: LogsOptions['tail'][] = [];
  const api = { now: () => 0, advance: () => {}, containerLogs: async (_: string, o: LogsOptions) => { seen.push(o.tail); return [{ stream: 'stdout', text: 'a\n', time: 0 }]; } } as unknown as DockerApi;
  const sh = hostShell(api);
  for (const t of ['abc', '-1', 'all', '2x', '+3', '0']) assert.deepEqual(await run(sh, `docker logs --tail ${t} c`), { stdout: 'a\n', stderr: '', both: 'a\n', exit: 0 });
  assert.deepEqual(seen, [undefined, undefined, undefined, undefined, 3, 0]);
});

test('logs --details puts the (empty) attributes and a space before each line, after the timestamp', async () => {
  const api = { now: () => 0, advance: () => {}, containerLogs: async () => [{ stream: 'stdout', text: 'a\n', time: 0 }] } as unknown as DockerApi;
  const sh = hostShell(api);
  assert.equal((await run(sh, 'docker logs --details c')).stdout, ' a\n');
  assert.equal((await run(sh, 'docker logs --details -t c')).stdout, '1970-01-01T00:00:00.000000000Z  a\n');
});
