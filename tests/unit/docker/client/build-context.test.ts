import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostShell, run } from './harness';
import { createEngine } from '../../../../src/docker/engine';
import { ignorer } from '../../../../src/docker/client/commands/build';

test('.dockerignore patterns: segments, **, parent directories, ! exceptions, last match wins', () => {
  const ig = ignorer('# comment\nnode_modules\n!node_modules/keep.txt\n**/*.md\n/secret\ntmp/*\nlogs/**\n');
  const yes = ['node_modules', 'node_modules/a/b.js', 'README.md', 'docs/x/y.md', 'secret', 'tmp/a', 'tmp/a/b', 'logs/x/y'];
  const no = ['node_modules/keep.txt', 'src/a.js', 'tmp', 'secretos', 'a.mdx', 'logs2/x'];
  for (const p of yes) assert.equal(ig(p), true, p);
  for (const p of no) assert.equal(ig(p), false, p);
});

test('the context leaves out what .dockerignore excludes (smaller "Sending build context"), but keeps the Dockerfile', async () => {
  const api = createEngine({ seed: 3 });
  const sh = hostShell(api);
  for (const l of ['mkdir -p app/node_modules/x', 'cd app', 'echo a > node_modules/x/a.js', 'echo hi > index.html',
    'printf "FROM scratch\\nCOPY . /app/\\n" > Dockerfile']) await run(sh, l);
  const before = await run(sh, 'docker build .');
  assert.match(before.stdout, /Sending build context to Docker daemon {2}5\.12kB\n/);
  await run(sh, 'printf "node_modules\\nDockerfile\\n" > .dockerignore');
  const after = await run(sh, 'docker build .');
  assert.match(after.stdout, /Sending build context to Docker daemon {2}4\.096kB\n/);
  const copied = (await api.imageHistory(after.stdout.match(/Successfully built (\w+)/)![1]))[0];
  assert.equal(copied.Size, 'hi\n'.length + 'node_modules\nDockerfile\n'.length, 'index.html and .dockerignore; the daemon drops the excluded Dockerfile');
  const missing = await run(sh, 'printf "FROM scratch\\nCOPY node_modules /\\n" > Dockerfile; docker build .');
  assert.equal(missing.stderr.split('\n').at(-2), 'COPY failed: file not found in build context or excluded by .dockerignore: stat node_modules: file does not exist');
});

test('docker build -q prints only the ID, and the whole log on stderr when the build fails', async () => {
  const api = createEngine({ seed: 3 });
  const sh = hostShell(api);
  await run(sh, 'printf "FROM scratch\\nLABEL a=b\\n" > Dockerfile');
  const ok = await run(sh, 'docker build -q .');
  assert.match(ok.stdout, /^sha256:[0-9a-f]{64}\n$/);
  await run(sh, 'printf "FROM scratch\\nCOPY nada /\\n" > Dockerfile');
  const bad = await run(sh, 'docker build -q .');
  assert.equal(bad.exit, 1);
  assert.equal(bad.stdout, '');
  assert.ok(bad.stderr.endsWith('Sending build context to Docker daemon  2.048kB\nStep 1/2 : FROM scratch\n ---> \nStep 2/2 : COPY nada /\nCOPY failed: file not found in build context or excluded by .dockerignore: stat nada: file does not exist\n'), bad.stderr);
});

test('docker build -q with a Dockerfile the daemon rejects prints the upload line, then the daemon error', async () => {
  const sh = hostShell(createEngine({ seed: 3 }));
  await run(sh, 'printf "FROM scratch\\nRUNN x\\n" > Dockerfile');
  const bad = await run(sh, 'docker build -q .');
  assert.equal(bad.stderr.replace(/^[\s\S]*buildx\/\n\n/, ''), 'Sending build context to Docker daemon  2.048kB\nError response from daemon: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)\n');
});

test('without -f a lowercase dockerfile stands in for a missing Dockerfile', async () => {
  const sh = hostShell(createEngine({ seed: 3 }));
  await run(sh, 'printf "FROM scratch\\nLABEL a=b\\n" > dockerfile');
  const out = await run(sh, 'docker build .');
  assert.equal(out.exit, 0, out.stderr);
  assert.match(out.stdout, /Step 2\/2 : LABEL a=b\n/);
});
