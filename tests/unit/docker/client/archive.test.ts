import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatten } from '../../../../src/docker/client/script';
import { session } from './session';

const TTY = { tty: true };

test('save: refuses a terminal; -o and a redirect both write a file of the real tar size', async () => {
  const $ = session();
  await $('docker pull alpine');
  assert.deepEqual(await $('docker save alpine', TTY), { out: '', err: 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n', exit: 1 });
  assert.equal((await $('docker image save alpine > a.tar', TTY)).exit, 0);
  assert.equal((await $('docker save -o b.tar alpine', TTY)).exit, 0);
  const ls = (await $('ls -l a.tar b.tar')).out;
  assert.match(ls, /^-rw-r--r-- 1 alumno alumno 7840768 .* a\.tar\n-rw------- 1 alumno alumno 7840768 .* b\.tar\n$/);
  assert.equal((await $('docker save -o /nada/x.tar alpine')).err, 'failed to save image: invalid output path: stat /nada: no such file or directory\n');
  assert.equal((await $('docker save -o x.tar nada')).err, 'Error response from daemon: No such image: nada:latest\n');
  assert.equal((await $('ls x.tar')).exit, 2);
});

test('load: brings a removed image back with the same ID, by file, redirect or pipe', async () => {
  const $ = session();
  await $('docker pull alpine');
  const id = (await $('docker images -q --no-trunc alpine')).out;
  await $('docker save -o a.tar alpine');
  await $('docker rmi alpine');
  const tty = await $('docker load -i a.tar', TTY);
  assert.match(flatten(tty.out), /^6ec4586b641d: Loading layer  7.835MB\/7.835MB\nLoaded image: alpine:latest\n$/);
  assert.equal((await $('docker images -q --no-trunc alpine')).out, id);
  await $('docker rmi alpine');
  // Without a terminal (or with -q) the daemon sends no progress.
  assert.deepEqual(await $('docker load < a.tar'), { out: 'Loaded image: alpine:latest\n', err: '', exit: 0 });
  assert.equal((await $('docker load -q -i a.tar', TTY)).out, 'Loaded image: alpine:latest\n');
  assert.equal((await $('docker save alpine | docker image load')).out, 'Loaded image: alpine:latest\n');
  // Saved by ID, the archive names no tag.
  await $(`docker save ${id.slice(7, 19)} > id.tar`);
  assert.equal((await $('docker load -i id.tar')).out, `Loaded image ID: ${id}`);
});

test('load: its errors', async () => {
  const $ = session();
  assert.deepEqual(await $('docker load'), { out: '', err: 'requested load from stdin, but stdin is empty\n', exit: 1 });
  assert.equal((await $('docker load -i nada.tar')).err, 'open nada.tar: no such file or directory\n');
  assert.equal((await $('echo hola | docker load')).err, 'Error response from daemon: unexpected EOF\n');
  assert.equal((await $('docker load x')).exit, 1);
  await $("docker run --name cc alpine true");
  await $('docker export cc > c.tar');
  assert.match((await $('docker load -i c.tar')).err, /^Error response from daemon: open \/var\/lib\/docker\/tmp\/docker-import-\d{10}\/repositories: no such file or directory\n$/);
});

test('export and import: the container\'s files become a one-layer image', async () => {
  const $ = session();
  await $("docker run --name cc alpine sh -c 'echo hola > /hola'");
  assert.equal((await $('docker container export cc', TTY)).err, 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
  assert.equal((await $('docker export -o c.tar cc')).exit, 0);
  assert.match((await $('ls -l c.tar')).out, /^-rw------- 1 alumno alumno \d{7} /);
  assert.equal((await $('docker export -o c.tar nada')).err, 'Error response from daemon: No such container: nada\n');
  const r = await $(`docker import -c 'CMD ["cat", "/hola"]' c.tar mia:1`);
  assert.match(r.out, /^sha256:[0-9a-f]{64}\n$/);
  assert.equal((await $('docker run --rm mia:1')).out, 'hola\n');
  assert.equal((await $("docker history --format '{{.CreatedBy}}|{{.Comment}}' mia:1")).out, '|Imported from -\n');
  assert.equal((await $("docker image inspect -f '{{len .RootFS.Layers}} {{.Comment}}' mia:1")).out, '1 Imported from -\n');
  await $('docker import -m hecho - mib < c.tar');
  assert.equal((await $("docker image inspect -f '{{.Comment}}' mib")).out, 'hecho\n');
  // Without a name the image is dangling.
  await $('docker import c.tar');
  assert.match((await $('docker images')).out, /<none> +<none>/);
  assert.equal((await $('docker import nada.tar')).err, 'open nada.tar: no such file or directory\n');
  // the API client checks the reference before any request: no daemon prefix
  assert.equal((await $('docker import c.tar MAL')).err, 'invalid reference format: repository name (library/MAL) must be lowercase\n');
});

test('an archive edited by hand is a tar the daemon cannot read', async () => {
  const $ = session();
  for (const a of ['{"aula":"images","images":[[{},[]]]}', '{"aula":"images","images":5}', '{"aula":"fs","entries":[{"name":"b","kind":"file"}]}']) {
    await $(`echo '${a}' > x.tar`);
    if (a.includes('images')) assert.equal((await $('docker load -i x.tar')).err, 'Error response from daemon: unexpected EOF\n');
    assert.equal((await $('docker import x.tar')).err, 'Error response from daemon: unexpected EOF\n');
  }
  assert.equal((await $('docker images -a -q')).out, '');
});

test('save -o: the directory as given must exist; a directory is no file to write or read', async () => {
  const $ = session();
  await $('docker pull alpine');
  assert.equal((await $('docker save -o nada/x.tar alpine')).err, 'failed to save image: invalid output path: stat nada: no such file or directory\n');
  // CopyToFile: a temporary file beside the target, renamed over it (a directory refuses)
  assert.match((await $('docker save -o /tmp alpine')).err, /^open \/\.docker_temp_\d+: permission denied\n$/);
  assert.match((await $('mkdir d && docker save -o d alpine')).err, /^rename \.\/\.docker_temp_\d+ d: file exists\n$/);
  assert.equal((await $('ls -A d')).out, '');
  assert.equal((await $('docker load -i /tmp')).err, 'read /tmp: is a directory\n');
});

test("save: the extracted layout reads as moby writes it; the config blob's digest is the image ID and every JSON blob's digest is its content's", async () => {
  const $ = session();
  await $('docker pull -q alpine');
  await $('docker tag alpine alumno/app:v1');
  await $('docker save -o a.tar alpine alumno/app:v1 && mkdir x && tar -xf a.tar -C x');
  const id = (await $('docker images --no-trunc -q alpine')).out.trim().slice(7);
  const manifest = JSON.parse((await $('cat x/manifest.json')).out);
  assert.equal(manifest[0].Config, `blobs/sha256/${id}`);
  assert.deepEqual(manifest[0].RepoTags, ['alpine:latest', 'alumno/app:v1']);
  const layer = manifest[0].Layers[0].slice(13);
  assert.deepEqual(Object.keys(manifest[0].LayerSources[`sha256:${layer}`]), ['mediaType', 'size', 'digest']);
  const index = JSON.parse((await $('cat x/index.json')).out);
  assert.deepEqual(index.manifests.map((m: { annotations: Record<string, string> }) => m.annotations['io.containerd.image.name']), ['docker.io/library/alpine:latest', 'docker.io/alumno/app:v1']);
  const blob = JSON.parse((await $(`cat x/blobs/sha256/${index.manifests[0].digest.slice(7)}`)).out);
  assert.equal(blob.config.digest, `sha256:${id}`);
  assert.equal(JSON.parse((await $(`cat x/blobs/sha256/${id}`)).out).rootfs.diff_ids[0], `sha256:${layer}`);
  assert.deepEqual(JSON.parse((await $('cat x/repositories')).out), { alpine: { latest: layer }, 'alumno/app': { v1: layer } });
  assert.equal((await $('cat x/oci-layout')).out, '{"imageLayoutVersion":"1.0.0"}\n');
  const sums = (await $('cd x/blobs/sha256 && sha256sum *')).out.trim().split('\n').map((l) => l.split('  '));
  for (const [sum, name] of sums) assert.equal(sum, name);
  // saved by ID: no tags, no repositories file
  await $(`docker save -o b.tar ${id.slice(0, 12)} && mkdir y && tar -xf b.tar -C y`);
  assert.equal(JSON.parse((await $('cat y/manifest.json')).out)[0].RepoTags, null);
  assert.match((await $('ls y')).out, /^blobs\s+index\.json\s+manifest\.json\s+oci-layout\n$/);
});
