import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../src/docker/api';
import { engine, pull, term, type Eng } from './fixtures';

/** Recomputes every layer's reference count from scratch (images, child layers, containers). */
function auditRefs(e: Eng): void {
  const want = new Map<string, number>();
  const hold = (k: string | null) => k && want.set(k, (want.get(k) ?? 0) + 1);
  for (const l of e.layers.layers.values()) hold(l.parent);
  for (const i of e.images.images.values()) hold(i.top);
  for (const c of e.containers.values()) hold(c.top);
  for (const l of e.layers.layers.values()) assert.equal(l.refs, want.get(l.chainId) ?? 0, `refs of ${l.chainId}`);
}

test('a pull prints the layer statuses in order; a second pull is up to date', async () => {
  const e = engine();
  const [first, second] = await pull(e, 'hello-world', 'hello-world');
  assert.equal(first[0], 'latest: Pulling from library/hello-world');
  const id = first[1].split(':')[0];
  assert.match(id, /^[0-9a-f]{12}$/);
  assert.deepEqual(first.slice(1, -2), [`${id}: Pulling fs layer`, `${id}: Verifying Checksum`, `${id}: Download complete`, `${id}: Pull complete`]);
  assert.match(first.at(-2)!, /^Digest: sha256:[0-9a-f]{64}$/);
  assert.equal(first.at(-1), 'Status: Downloaded newer image for hello-world:latest');
  assert.deepEqual(second, ['latest: Pulling from library/hello-world', first.at(-2), 'Status: Image is up to date for hello-world:latest']);
  const [img] = await e.imageList();
  assert.equal(img.Size, 10072);
  assert.deepEqual(img.RepoTags, ['hello-world:latest']);
});

test('shared base layers are stored once and pulls say Already exists', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const before = e.layers.layers.size;
  const [lines] = await pull(e, 'nginx:alpine');
  assert.equal(lines.filter((l) => l.endsWith('Already exists')).length, 1);
  assert.equal(lines[0], 'alpine: Pulling from library/nginx');
  const alpine = (await e.imageInspect('alpine')).RootFS.Layers;
  const nginx = (await e.imageInspect('nginx:alpine')).RootFS.Layers;
  assert.equal(nginx[0], alpine[0]);
  assert.equal(e.layers.layers.size, before + nginx.length - 1);
  // Debian-slim is the base of both nginx and httpd.
  await pull(e, 'nginx');
  const [httpd] = await pull(e, 'httpd:2.4');
  assert.equal(httpd.filter((l) => l.endsWith('Already exists')).length, 1);
  auditRefs(e);
  const sizes = Object.fromEntries((await e.imageList()).map((i) => [i.RepoTags[0], i.Size]));
  assert.ok(Math.abs(sizes['nginx:latest'] - 192e6) < 0.5e6, 'nginx 192MB');
  assert.ok(Math.abs(sizes['httpd:2.4'] - 148e6) < 0.5e6, 'httpd 148MB');
  assert.ok(Math.abs(sizes['alpine:latest'] - 7.83e6) < 0.01e6);
});

test('unknown repositories and tags give the registry errors', async () => {
  const e = engine();
  await assert.rejects(e.imagePull('nonexistentimage', () => {}), (err: unknown) => err instanceof ApiError && err.message === "pull access denied for nonexistentimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
  await assert.rejects(e.imagePull('ubuntu:99.99', () => {}), (err: unknown) => err instanceof ApiError && err.message === 'manifest for ubuntu:99.99 not found: manifest unknown: manifest unknown');
  await assert.rejects(e.imagePull('UPPER', () => {}), (err: unknown) => err instanceof ApiError && err.message === 'invalid reference format: repository name (library/UPPER) must be lowercase');
  await assert.rejects(e.imageInspect('nope'), (err: unknown) => err instanceof ApiError && err.status === 404 && err.message === 'No such image: nope:latest');
});

test('rmi: untag while other tags remain, then delete image and its freed layers top first', async () => {
  const e = engine();
  await pull(e, 'alpine', 'nginx:alpine');
  await e.imageTag('alpine', 'mine:v1');
  assert.deepEqual(await e.imageRemove('mine:v1'), [{ Untagged: 'mine:v1' }]);
  const chain = e.layers.chain(e.images.images.get((await e.imageInspect('nginx:alpine')).Id)!.top).map((l) => l.chainId).reverse();
  const id = (await e.imageInspect('nginx:alpine')).Id;
  const res = await e.imageRemove('nginx:alpine');
  assert.equal(res[0].Untagged, 'nginx:alpine');
  assert.match(res[1].Untagged!, /^nginx@sha256:/);
  assert.equal(res[2].Deleted, id);
  // Every layer but the shared alpine base is freed, top first.
  assert.deepEqual(res.slice(3).map((r) => r.Deleted), chain.slice(0, -1));
  auditRefs(e);
  assert.equal((await e.imageList()).length, 1);
});

test('rmi conflicts and -f follow the daemon rules', async () => {
  const e = engine();
  await pull(e, 'hello-world', 'busybox');
  const img = (await e.imageInspect('hello-world')).Id;
  const { Id } = await e.containerCreate({ Image: 'hello-world' });
  await e.containerStart(Id);
  await assert.rejects(e.imageRemove('hello-world'), (err: unknown) => err instanceof ApiError && err.status === 409 &&
    err.message === `conflict: unable to remove repository reference "hello-world" (must force) - container ${Id.slice(0, 12)} is using its referenced image ${img.slice(7, 19)}`);
  await assert.rejects(e.imageRemove(img.slice(7, 19)), (err: unknown) => err instanceof ApiError &&
    err.message === `conflict: unable to delete ${img.slice(7, 19)} (must be forced) - image is being used by stopped container ${Id.slice(0, 12)}`);
  // -f on an image used by a stopped container: untagged and deleted, no layer freed.
  const res = await e.imageRemove('hello-world', { force: true });
  assert.deepEqual(res.map((r) => Object.keys(r)[0]), ['Untagged', 'Untagged', 'Deleted']);
  const [c] = await e.containerList({ all: true });
  assert.equal(c.Image, img, 'ps shows the image ID once the name is gone');
  auditRefs(e);
  // Removing the container frees the layers it kept.
  const layersBefore = e.layers.layers.size;
  await e.containerRemove(Id);
  assert.equal(e.layers.layers.size, layersBefore - 1);
  auditRefs(e);
  // Running container: -f only untags.
  const { Id: run } = await e.containerCreate({ Image: 'busybox', Tty: true });
  await e.containerStart(run);
  const bb = (await e.imageInspect('busybox')).Id;
  await assert.rejects(e.imageRemove(bb.slice(7)), (err: unknown) => err instanceof ApiError && /\(cannot be forced\) - image is being used by running container/.test(err.message));
  const r2 = await e.imageRemove('busybox', { force: true });
  assert.ok(r2.every((r) => r.Untagged));
  assert.ok(e.images.images.has(bb));
  auditRefs(e);
});

test('an image with several tags cannot be deleted by ID without -f', async () => {
  const e = engine();
  await pull(e, 'alpine');
  await e.imageTag('alpine', 'a:1');
  const id = (await e.imageInspect('alpine')).Id;
  await assert.rejects(e.imageRemove(id.slice(7, 19)), (err: unknown) => err instanceof ApiError && err.message === `conflict: unable to delete ${id.slice(7, 19)} (must be forced) - image is referenced in multiple repositories`);
  const res = await e.imageRemove(id.slice(7, 19), { force: true });
  assert.ok(res.some((r) => r.Deleted === id));
  assert.equal(e.layers.layers.size, 0);
});

test('references come in the reference store order: lexical by canonical name', async () => {
  const e = engine();
  const [lines] = await pull(e, 'alpine');
  const manifest = lines.find((l) => l.startsWith('Digest: '))!.slice(8);
  for (const t of ['zz:1', 'a:1', 'localhost:5000/b', 'me/c']) await e.imageTag('alpine', t);
  // docker.io/library/a:1 < docker.io/library/alpine:latest < docker.io/library/alpine@… < docker.io/library/zz:1 < docker.io/me/c:latest < localhost:5000/b:latest
  const want = ['a:1', 'alpine:latest', `alpine@${manifest}`, 'zz:1', 'me/c:latest', 'localhost:5000/b:latest'];
  assert.deepEqual((await e.imageInspect('alpine')).RepoTags, want.filter((r) => !r.includes('@')));
  const res = await e.imageRemove((await e.imageInspect('alpine')).Id.slice(7, 19), { force: true });
  assert.deepEqual(res.flatMap((r) => (r.Untagged ? [r.Untagged] : [])), want);
});

test('image prune removes dangling images; -a removes unused ones', async () => {
  const e = engine();
  await pull(e, 'alpine', 'hello-world');
  const io = term(false);
  const { Id } = await e.containerCreate({ Image: 'alpine', Cmd: ['touch', '/x'] });
  await e.containerStart(Id);
  await e.containerCommit(Id, {});
  assert.equal((await e.imageList({ filters: { dangling: ['true'] } })).length, 1);
  const r = await e.imagesPrune();
  assert.equal(r.ImagesDeleted!.filter((d) => d.Deleted).length, 2, 'the image and its one layer');
  const all = await e.imagesPrune({ dangling: ['false'] });
  assert.ok(all.ImagesDeleted!.some((d) => d.Untagged === 'hello-world:latest'));
  assert.deepEqual((await e.imageList()).map((i) => i.RepoTags[0]), ['alpine:latest'], 'alpine is used by a container');
  auditRefs(e);
  void io;
});

test('history lists newest first with <missing> for layers without a local image', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const h = await e.imageHistory('nginx');
  assert.equal(h[0].Id, (await e.imageInspect('nginx')).Id);
  assert.equal(h[0].CreatedBy, 'CMD ["nginx" "-g" "daemon off;"]');
  assert.ok(h.slice(1).every((x) => x.Id === '<missing>'));
  assert.equal(h.at(-1)!.Comment, 'debuerreotype 0.15');
  assert.equal(h.reduce((a, x) => a + x.Size, 0), (await e.imageInspect('nginx')).Size);
});

test('pull progress: Waiting past three downloads, byte counts that grow to the layer size', async () => {
  const e = engine();
  const msgs: { id?: string; status?: string; progressDetail?: { current?: number; total?: number } }[] = [];
  await e.imagePull('nginx', (m) => {
    msgs.push(m);
  });
  const layerIds = [...new Set(msgs.filter((m) => m.status === 'Pulling fs layer').map((m) => m.id))];
  assert.equal(layerIds.length, 7);
  assert.deepEqual(msgs.filter((m) => m.status === 'Waiting').map((m) => m.id), layerIds.slice(3));
  for (const id of layerIds) {
    const dl = msgs.filter((m) => m.id === id && m.status === 'Downloading').map((m) => m.progressDetail!);
    for (let i = 1; i < dl.length; i++) assert.ok(dl[i].current! > dl[i - 1].current!);
    const ex = msgs.filter((m) => m.id === id && m.status === 'Extracting').map((m) => m.progressDetail!);
    assert.equal(ex.at(-1)!.current, ex.at(-1)!.total, 'extraction ends at the full size');
    const order = msgs.filter((m) => m.id === id).map((m) => m.status);
    assert.ok(order.indexOf('Download complete') < order.indexOf('Pull complete'));
  }
});

test('pull by digest, and the errors of other registries', async () => {
  const e = engine();
  const [lines] = await pull(e, 'busybox');
  const manifest = lines.find((l) => l.startsWith('Digest: '))!.slice(8);
  const e2 = engine();
  const [byDigest] = await pull(e2, `busybox@${manifest}`);
  assert.equal(byDigest[0], `${manifest}: Pulling from library/busybox`);
  assert.equal(byDigest.at(-1), `Status: Downloaded newer image for busybox@${manifest}`);
  const [img] = await e2.imageList();
  assert.deepEqual(img.RepoTags, []);
  assert.deepEqual(img.RepoDigests, [`busybox@${manifest}`]);
  // moby lists an untagged image as dangling even when a digest still names it, and prunes it.
  assert.deepEqual((await e2.imageList({ filters: { dangling: ['true'] } })).map((i) => i.Id), [img.Id]);
  assert.deepEqual((await e2.imageList({ filters: { dangling: ['false'] } })).map((i) => i.Id), [img.Id], 'the digest is still a reference');
  await assert.rejects(e2.imagePull(`alpine@${manifest}`, () => {}), (err: unknown) => err instanceof ApiError && err.message === `manifest for alpine@${manifest} not found: manifest unknown: manifest unknown`);
  await assert.rejects(e2.imagePull('localhost:5000/app', () => {}), (err: unknown) => err instanceof ApiError && err.message === 'Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused');
  await assert.rejects(e2.imagePull('registry.example.com/team/app:1', () => {}), (err: unknown) => err instanceof ApiError && /lookup registry\.example\.com on 127\.0\.0\.53:53: no such host$/.test(err.message));
});

test('a digest given with a tag wins: the pull and lookups go by the digest alone', async () => {
  const e = engine();
  const [lines] = await pull(e, 'nginx');
  const manifest = lines.find((l) => l.startsWith('Digest: '))!.slice(8);
  const [both] = await pull(e, `nginx:alpine@${manifest}`);
  assert.deepEqual(both, [`${manifest}: Pulling from library/nginx`, `Digest: ${manifest}`, `Status: Image is up to date for nginx@${manifest}`]);
  assert.equal((await e.imageInspect(`nginx:alpine@${manifest}`)).Id, (await e.imageInspect('nginx')).Id);
  const wrong = 'sha256:' + '0'.repeat(64);
  await assert.rejects(e.imagePull(`nginx:latest@${wrong}`, () => {}), (err: unknown) => err instanceof ApiError && err.message === `manifest for nginx@${wrong} not found: manifest unknown: manifest unknown`);
});

test('reference filter keeps only the matching tags and digests, as FamiliarMatch', async () => {
  const e = engine();
  await pull(e, 'alpine');
  await e.imageTag('alpine', 'mi-alpine');
  const mine = await e.imageList({ filters: { reference: ['mi-*'] } });
  assert.equal(mine.length, 1);
  assert.deepEqual(mine[0].RepoTags, ['mi-alpine:latest']);
  assert.deepEqual(mine[0].RepoDigests, [], 'the digest of alpine does not match mi-*');
  const alpine = await e.imageList({ filters: { reference: ['alpine'] } });
  assert.deepEqual(alpine[0].RepoTags, ['alpine:latest']);
  assert.match(alpine[0].RepoDigests[0], /^alpine@sha256:[0-9a-f]{64}$/, 'a digest matches by its name');
  assert.deepEqual((await e.imageList({ filters: { reference: ['alpine:latest'] } }))[0].RepoDigests, alpine[0].RepoDigests, 'a tagged pattern matches digests by name');
  assert.deepEqual(await e.imageList({ filters: { reference: ['alpine:3.19'] } }), [], 'but only alongside a matching tag');
  assert.deepEqual((await e.imageList({ filters: { reference: ['alpine:lat*'] } }))[0].RepoDigests, [], 'a wildcard tag is no reference');
  assert.deepEqual((await e.imageList({ filters: { reference: ['mi-alp?ne:[a-m]*'] } }))[0].RepoTags, ['mi-alpine:latest']);
  assert.deepEqual(await e.imageList({ filters: { reference: ['nada*'] } }), []);
});

test('image list filters: unknown keys and non-boolean dangling fail; before, since and until bound the list', async () => {
  const e = engine();
  await pull(e, 'hello-world', 'alpine');
  const fails = (filters: Record<string, string[]>, message: string) =>
    assert.rejects(e.imageList({ filters }), (err: unknown) => err instanceof ApiError && err.status === 400 && err.message === message);
  await fails({ foo: ['bar'] }, "invalid filter 'foo'");
  await fails({ dangling: ['maybe'] }, "invalid filter 'dangling=[maybe]'");
  await fails({ dangling: ['true', 'false'] }, "invalid filter 'dangling=[true false]'");
  await fails({ until: ['ayer'] }, 'failed to parse value as time or duration: "ayer"');
  await assert.rejects(e.imageList({ filters: { since: ['nada'] } }), /No such image: nada:latest/);
  assert.equal((await e.imageList({ filters: { dangling: ['0'] } })).length, 2);
  const tags = async (filters: Record<string, string[]>) => (await e.imageList({ filters })).map((i) => i.RepoTags[0]);
  const [older, newer] = (await e.imageList()).sort((x, y) => x.Created - y.Created).map((i) => i.RepoTags[0]);
  assert.deepEqual(await tags({ before: [newer] }), [older]);
  assert.deepEqual(await tags({ since: [older] }), [newer]);
  assert.deepEqual(await tags({ until: ['1h'] }), [newer, older]);
  assert.deepEqual(await tags({ until: ['2000-01-01'] }), []);
});

test('pull messages have the JSON stream shape: the tag only in id, never inside status', async () => {
  const e = engine();
  const msgs: object[] = [];
  await e.imagePull('hello-world', (m) => { msgs.push(m); });
  await e.imagePull('hello-world:latest', (m) => { msgs.push(m); });
  const heads = msgs.filter((m) => JSON.stringify(m).includes('Pulling from'));
  assert.deepEqual(heads.map((m) => JSON.stringify(m)), Array(2).fill('{"status":"Pulling from library/hello-world","id":"latest"}'));
  assert.ok(msgs.every((m) => !('status' in m) || !String(m.status).startsWith('latest: ')));
});

test('rmi by name: a container guards only the last name; a parent that is still named or has another child stays quietly', async () => {
  const e = engine();
  await pull(e, 'busybox', 'nginx:alpine');
  await e.imageTag('busybox', 'mybox:1');
  const { Id } = await e.containerCreate({ Image: 'busybox', Cmd: ['sleep', '100'] });
  await e.containerStart(Id);
  assert.deepEqual(await e.imageRemove('mybox:1'), [{ Untagged: 'mybox:1' }], 'busybox:latest still names it');
  // Two builds share the WORKDIR step; removing one stops at the shared parent.
  const dockerfile = 'FROM nginx:alpine\nWORKDIR /usr/share/nginx/html\nCOPY index.html .\n';
  for (const [tag, page] of [['a', 'A'], ['b', 'B']]) await e.imageBuild({ dockerfile, files: { 'index.html': page } }, { tags: [tag] }, () => {});
  const kept = (await e.imageList({ all: true })).length;
  const res = await e.imageRemove('a');
  assert.deepEqual(res.map((r) => Object.keys(r)[0]), ['Untagged', 'Deleted', 'Deleted']);
  assert.equal((await e.imageList({ all: true })).length, kept - 1);
  // A named base with children: untagged, kept as a parent.
  const base = (await e.imageInspect('nginx:alpine')).Id;
  const r2 = await e.imageRemove('nginx:alpine');
  assert.deepEqual(r2.map((r) => r.Untagged?.replace(/@.*/, '@')), ['nginx:alpine', 'nginx@']);
  assert.ok(e.images.images.has(base));
  auditRefs(e);
});

test('tag refuses sha256 as a repository name, before it looks the source up', async () => {
  const e = engine();
  await pull(e, 'alpine');
  for (const [src, t] of [['alpine', 'sha256:sometag'], ['alpine', 'sha256'], ['nope', 'sha256:x']]) {
    await assert.rejects(e.imageTag(src, t), (err: unknown) => err instanceof ApiError && err.status === 400 && err.message === 'refusing to create an ambiguous tag using digest algorithm as name');
  }
  await e.imageTag('alpine', 'sha256x');
  assert.deepEqual((await e.imageInspect('alpine')).RepoTags, ['alpine:latest', 'sha256x:latest']);
});

test('an image named by a digest alone is dangling: listed by dangling=true and pruned, digest untagged first', async () => {
  const e = engine();
  const [lines] = await pull(e, 'busybox');
  const manifest = lines.find((l) => l.startsWith('Digest: '))!.slice(8);
  await e.imageRemove('busybox');
  await pull(e, `busybox@${manifest}`);
  const [img] = await e.imageList({ filters: { dangling: ['true'] } });
  assert.deepEqual(img.RepoDigests, [`busybox@${manifest}`]);
  const r = await e.imagesPrune();
  assert.deepEqual(r.ImagesDeleted!.slice(0, 2), [{ Untagged: `busybox@${manifest}` }, { Deleted: img.Id }]);
  assert.deepEqual(await e.imageList({ all: true }), []);
  auditRefs(e);
});

test('dangling=false with -a leaves out intermediate images, which have no reference', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const { Id } = await e.containerCreate({ Image: 'alpine', Cmd: ['touch', '/x'] });
  await e.containerStart(Id);
  const mid = await e.containerCommit(Id, {});
  const { Id: c2 } = await e.containerCreate({ Image: mid.Id, Cmd: ['touch', '/y'] });
  await e.containerStart(c2);
  await e.containerCommit(c2, { reference: 'top' });
  assert.equal((await e.imageList({ all: true })).length, 3);
  assert.deepEqual((await e.imageList({ all: true, filters: { dangling: ['false'] } })).map((i) => i.RepoTags[0]).sort(), ['alpine:latest', 'top:latest']);
  assert.deepEqual(await e.imageList({ all: true, filters: { dangling: ['true'] } }), [], 'an image with a child is not a head');
});

test('image prune -a removes each image as rmi would: a named parent of a used image loses its names and stays', async () => {
  const e = engine();
  const [lines] = await pull(e, 'alpine');
  const manifest = lines.find((l) => l.startsWith('Digest: '))!.slice(8);
  const { Id } = await e.containerCreate({ Image: 'alpine', Cmd: ['touch', '/x'] });
  await e.containerStart(Id);
  const snap = await e.containerCommit(Id, { reference: 'snap' });
  await e.containerRemove(Id);
  await e.containerCreate({ Image: 'snap' });
  const alpineId = (await e.imageInspect('alpine')).Id;
  const r = await e.imagesPrune({ dangling: ['false'] });
  assert.deepEqual(r.ImagesDeleted, [{ Untagged: 'alpine:latest' }, { Untagged: `alpine@${manifest}` }]);
  assert.equal(r.SpaceReclaimed, 0);
  assert.deepEqual((await e.imageList({ all: true })).map((i) => [i.Id, i.RepoTags]), [[snap.Id, ['snap:latest']], [alpineId, []]]);
  auditRefs(e);
});

test('image inspect writes Config in the DockerOCIImageConfig field order', async () => {
  const e = engine();
  await pull(e, 'nginx');
  assert.deepEqual(Object.keys((await e.imageInspect('nginx')).Config), ['ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Labels', 'StopSignal']);
});
