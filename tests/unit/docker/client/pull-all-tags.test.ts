import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

test('pull -a: every tag in lexical order, one status for the repository, the repository printed', async () => {
  const run = session();
  const r = await run('docker pull -a nginx');
  assert.equal(r.exit, 0);
  const heads = r.out.split('\n').filter((l) => l.includes(': Pulling from'));
  assert.deepEqual(heads.map((l) => l.split(':')[0]), ['1.25', '1.25-alpine', '1.25-alpine3.19', '1.25-bookworm', '1.25.5', '1.25.5-alpine', '1.25.5-alpine3.19', '1.25.5-bookworm', '1.26', '1.26-alpine', '1.26-alpine3.20', '1.26-bookworm', '1.26.3', '1.26.3-alpine', '1.26.3-alpine3.20', '1.26.3-bookworm', '1.27', '1.27-alpine', '1.27.5', '1.27.5-alpine', '1.28', '1.28-alpine', '1.28-alpine3.21', '1.28-bookworm', '1.28.0', '1.28.0-alpine', '1.28.0-alpine3.21', '1.28.0-bookworm', 'alpine', 'bookworm', 'latest', 'mainline', 'mainline-alpine', 'stable', 'stable-alpine', 'stable-alpine3.21', 'stable-bookworm']);
  assert.equal(r.out.match(/^Digest: /gm)?.length, 37);
  assert.equal(r.out.match(/^Status: /gm)?.length, 1);
  assert.ok(r.out.endsWith('\nlatest: Pulling from library/nginx\nDigest: sha256:e969a6d37a92146b1efc11cd7e534fc8b4a94b82e2549f62c2ec4240b8c73d41\nmainline: Pulling from library/nginx\nDigest: sha256:e969a6d37a92146b1efc11cd7e534fc8b4a94b82e2549f62c2ec4240b8c73d41\nmainline-alpine: Pulling from library/nginx\nDigest: sha256:388f9a1edd9791b8ee63a168d7f7db60504b9af64c58db24bcce5041a56f0b6f\nstable: Pulling from library/nginx\nDigest: sha256:cb03d0a07ff8ae0ddd9cf41b715091b230c4eb3a46985f590ac9bde51ec67e89\nstable-alpine: Pulling from library/nginx\nDigest: sha256:61bd8cf205373e71a70795d753bbe665c66528ff534d9b9c169b1ebc8a2f5dcd\nstable-alpine3.21: Pulling from library/nginx\nDigest: sha256:61bd8cf205373e71a70795d753bbe665c66528ff534d9b9c169b1ebc8a2f5dcd\nstable-bookworm: Pulling from library/nginx\nDigest: sha256:cb03d0a07ff8ae0ddd9cf41b715091b230c4eb3a46985f590ac9bde51ec67e89\nStatus: Downloaded newer image for nginx\ndocker.io/library/nginx\n'), r.out);
  assert.match((await run('docker pull -a library/nginx')).out, /\nStatus: Image is up to date for nginx\ndocker\.io\/library\/nginx\n$/);
  assert.equal((await run('docker images -q nginx')).out.split('\n').filter(Boolean).length, 37);
  assert.deepEqual(await run('docker pull -a nginx:alpine'), { out: '', err: "tag can't be used with --all-tags/-a\n", exit: 1 });
});

test('pull --platform: containerd refuses a specifier it cannot parse, before any pull', async () => {
  const run = session();
  assert.deepEqual(await run('docker pull --platform foo alpine'), { out: 'Using default tag: latest\n', err: 'Error response from daemon: "foo": unknown operating system or architecture: invalid argument\n', exit: 1 });
  assert.equal((await run('docker pull -q --platform FOO alpine')).err, 'Error response from daemon: "foo": unknown operating system or architecture: invalid argument\n', 'lowercased by the client');
  assert.equal((await run('docker pull -q --platform a/b/c/d alpine')).err, 'Error response from daemon: "a/b/c/d": cannot parse platform specifier: invalid argument\n');
  assert.equal((await run('docker images -q')).out, '');
  assert.equal((await run('docker pull -q --platform linux/amd64 alpine')).out, 'docker.io/library/alpine:latest\n');
  assert.equal((await run('docker pull -q --platform x86_64 alpine')).exit, 0);
});
