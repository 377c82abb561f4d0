/** `docker logs --since/--until`: the client's GetTimestamp reading and its error texts. */
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
