import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostShell, run } from './harness';
import { createEngine } from '../../../../src/docker/engine';
import { BUILD_BANNER } from '../../../../src/docker/client/help-texts';

const usage = "\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nRun 'docker build --help' for more information\n";

test('build flag values are checked as cobra parses them: after the banner, with the usage, exit 125', async () => {
  const sh = hostShell(createEngine({ seed: 3 }));
  await run(sh, 'echo FROM scratch > Dockerfile');
  const tag = await run(sh, 'docker build -t Web .');
  assert.equal(tag.exit, 125);
  assert.equal(tag.stderr, BUILD_BANNER + 'invalid argument "Web" for "-t, --tag" flag: invalid reference format: repository name (library/Web) must be lowercase' + usage);
  const arg = await run(sh, 'docker build --build-arg =1 .');
  assert.equal(arg.exit, 125);
  assert.equal(arg.stderr, BUILD_BANNER + 'invalid argument "=1" for "--build-arg" flag: invalid environment variable: =1' + usage);
  const unknown = await run(sh, 'docker build --nope .');
  assert.equal(unknown.stderr, BUILD_BANNER + 'unknown flag: --nope' + usage);
});

test('--build-arg NAME takes the value the client exports; --target reaches the engine', async () => {
  const sh = hostShell(createEngine({ seed: 3 }));
  await run(sh, 'printf "FROM scratch AS one\\nARG V\\nLABEL v=\\$V\\nFROM scratch\\nLABEL two=2\\n" > Dockerfile');
  await run(sh, 'export V=7');
  const r = await run(sh, 'docker build --build-arg V --target one -t one .');
  assert.match(r.stdout, /Step 3\/3 : LABEL v=\$V\n/);
  assert.equal((await run(sh, "docker inspect -f '{{.Config.Labels}}' one")).stdout, 'map[v:7]\n');
  const bad = await run(sh, 'docker build --target two .');
  assert.equal(bad.stderr.split('\n').at(-2), 'Error response from daemon: failed to reach build target two in Dockerfile');
});

test('a Dockerfile on stdin is sent as a one-file tar; -f - needs the context to be a tar then', async () => {
  const sh = hostShell(createEngine({ seed: 3 }));
  const r = await run(sh, 'printf "FROM scratch\\nLABEL a=b\\n" | docker build -');
  assert.match(r.stdout, /^Sending build context to Docker daemon {2}2\.048kB\nStep 1\/2 : FROM scratch\n/);
  const both = await run(sh, 'printf "FROM scratch\\n" | docker build -f - -');
  assert.equal(both.exit, 1);
  assert.equal(both.stderr, BUILD_BANNER + 'unable to prepare context: build context is not an archive\n');
});

test('ADD unpacks a tar archive of the context into its destination; COPY copies the file', async () => {
  const api = createEngine({ seed: 3 });
  const sh = hostShell(api);
  for (const l of ['mkdir -p app/src', 'cd app', 'echo hi > src/a.txt', 'tar -czf src.tgz src', 'printf "FROM scratch\\nADD src.tgz /x\\nCOPY src.tgz /y/\\n" > Dockerfile']) await run(sh, l);
  const id = (await run(sh, 'docker build -q .')).stdout.trim();
  const c = await api.containerCreate({ Image: id, Cmd: ['x'] });
  const names = async (p: string) => (await api.containerArchive(c.Id, p)).entries.map((e) => e.name);
  assert.deepEqual(await names('/x'), ['x', 'x/src', 'x/src/a.txt']);
  assert.deepEqual(await names('/y'), ['y', 'y/src.tgz']);
});
