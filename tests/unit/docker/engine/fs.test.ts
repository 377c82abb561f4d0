import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Overlay, newDir, newFile, put, FsError, toJSON, fromJSON } from '../../../../src/docker/engine/fs';
import { engine, pull, runIt } from './fixtures';

function lower() {
  const root = newDir(1);
  put(root, '/etc/os-release', newFile('ID=test\n', 1));
  put(root, '/etc/passwd', newFile('root:x:0:0::/root:/bin/sh\n', 1));
  put(root, '/usr/bin/ls', { kind: 'file', size: 1000, mode: 0o755, mtime: 1 });
  put(root, '/bin', { kind: 'link', target: 'usr/bin', mtime: 1 });
  put(root, '/tmp', newDir(1));
  put(root, '/data/a/b', newFile('deep', 1));
  return root;
}

test('reads fall through to the lower layers; writes copy up into the upper layer', () => {
  const low = lower();
  const fs = new Overlay(newDir(2), [low], () => 5);
  assert.equal(fs.readFile('/etc/os-release'), 'ID=test\n');
  assert.equal(fs.resolve('/bin/ls').node?.kind, 'file', 'symlinked /bin resolves');
  fs.writeFile('/etc/os-release', 'ID=changed\n');
  assert.equal(fs.readFile('/etc/os-release'), 'ID=changed\n');
  // The lower layer is untouched: it is shared with other containers.
  const again = new Overlay(newDir(2), [low], () => 5);
  assert.equal(again.readFile('/etc/os-release'), 'ID=test\n');
  assert.deepEqual(fs.diff(), [{ Kind: 0, Path: '/etc' }, { Kind: 0, Path: '/etc/os-release' }]);
  assert.equal(fs.sizeRw(), 'ID=changed\n'.length);
});

test('echo "000" > file.txt makes a 4-byte writable layer and an A entry', () => {
  const fs = new Overlay(newDir(2), [lower()], () => 5);
  fs.writeFile('/tmp/file.txt', '000\n');
  assert.equal(fs.sizeRw(), 4);
  assert.deepEqual(fs.diff(), [{ Kind: 0, Path: '/tmp' }, { Kind: 1, Path: '/tmp/file.txt' }]);
});

test('deleting a lower file leaves a whiteout (D) and hides it; recreating a dir makes it opaque', () => {
  const fs = new Overlay(newDir(2), [lower()], () => 5);
  fs.remove('/etc/passwd');
  assert.throws(() => fs.readFile('/etc/passwd'), (e: unknown) => e instanceof FsError && e.code === 'ENOENT');
  assert.ok(!fs.list(['etc']).has('passwd'));
  assert.deepEqual(fs.diff(), [{ Kind: 0, Path: '/etc' }, { Kind: 2, Path: '/etc/passwd' }]);
  assert.equal(fs.sizeRw(), 0, 'whiteouts weigh nothing');
  fs.remove('/data', '/', true);
  assert.throws(() => fs.readFile('/data/a/b'), (e: unknown) => e instanceof FsError && e.code === 'ENOENT');
  fs.mkdir('/data');
  assert.deepEqual([...fs.list(['data']).keys()], [], 'recreated directory does not show the old content');
  fs.writeFile('/data/new', 'x');
  assert.deepEqual(fs.diff().filter((c) => c.Path.startsWith('/data')), [{ Kind: 0, Path: '/data' }, { Kind: 1, Path: '/data/new' }]);
});

test('files created and deleted in the upper layer leave no trace', () => {
  const fs = new Overlay(newDir(2), [lower()], () => 5);
  fs.mkdir('/work/x/y', '/', true);
  fs.writeFile('/work/x/y/z', 'hello');
  fs.remove('/work', '/', true);
  assert.deepEqual(fs.diff(), []);
  assert.equal(fs.sizeRw(), 0);
});

test('errors: missing parent, existing entry, directory where a file is expected', () => {
  const fs = new Overlay(newDir(2), [lower()], () => 5);
  assert.throws(() => fs.writeFile('/nope/x', 'a'), (e: unknown) => e instanceof FsError && e.code === 'ENOENT');
  assert.throws(() => fs.mkdir('/etc'), (e: unknown) => e instanceof FsError && e.code === 'EEXIST');
  assert.throws(() => fs.readFile('/etc'), (e: unknown) => e instanceof FsError && e.code === 'EISDIR');
  assert.throws(() => fs.remove('/etc'), (e: unknown) => e instanceof FsError && e.code === 'EISDIR');
  assert.throws(() => fs.rmdir('/data'), (e: unknown) => e instanceof FsError && e.code === 'ENOTEMPTY');
});

test('appending to a file the simulation knows only by size keeps counting bytes', () => {
  const fs = new Overlay(newDir(2), [lower()], () => 5);
  fs.writeFile('/usr/bin/ls', 'xx', '/', true);
  assert.equal(fs.sizeRw(), 1002);
});

test('trees survive the JSON form; malformed JSON is refused', () => {
  const t = lower();
  assert.deepEqual(toJSON(fromJSON(toJSON(t))), toJSON(t));
  assert.throws(() => fromJSON({ c: { 'a/b': { w: 1 } }, m: 1, t: 1 }));
  assert.throws(() => fromJSON({ s: 'big', m: 1, t: 1 }));
  assert.throws(() => fromJSON(null));
});

test('ubuntu:24.04 has its default user in /etc/passwd; Debian does not', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian');
  assert.equal(await (await runIt(e, 'ubuntu')).type('tail -1 /etc/passwd'), 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n');
  assert.equal(await (await runIt(e, 'debian')).type('tail -1 /etc/passwd'), 'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
});

test('release files read as text: /etc/alpine-release, ubuntu\'s /etc/lsb-release', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  assert.equal(await (await runIt(e, 'alpine')).type('cat /etc/alpine-release'), '3.21.3\n');
  assert.equal(await (await runIt(e, 'ubuntu')).type('cat /etc/lsb-release'), 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION="Ubuntu 24.04.2 LTS"\n');
});
