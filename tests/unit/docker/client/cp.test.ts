/** docker cp between the host shell's files and a container, as docker/cli and moby do it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

const tty = { tty: true };

test('cp into a container: into a directory, under a new name, a directory and its contents', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  await run('echo hola > f.txt; mkdir -p site/css; echo body > site/css/a.css; echo hi > site/index.html');
  assert.deepEqual(await run('docker cp f.txt box:/tmp/', tty), { out: '', err: 'Successfully copied 2.05kB to box:/tmp/\n', exit: 0 });
  // Without a terminal the progress and its last line are left out.
  assert.deepEqual(await run('docker cp f.txt box:/tmp/g.txt'), { out: '', err: '', exit: 0 });
  assert.equal((await run('docker container cp site box:/srv', tty)).err, 'Successfully copied 4.1kB to box:/srv\n');
  await run('docker cp -q site/. box:/web', tty);
  assert.equal((await run('docker exec box cat /tmp/f.txt /tmp/g.txt /srv/site/css/a.css /web/index.html')).out, 'hola\nhola\nbody\nhi\n');
  // They land in the writable layer.
  assert.deepEqual((await run('docker diff box')).out.split('\n').filter((l) => l.startsWith('A')),
    ['A /srv/site', 'A /srv/site/css', 'A /srv/site/css/a.css', 'A /srv/site/index.html', 'A /tmp/f.txt', 'A /tmp/g.txt', 'A /web', 'A /web/css', 'A /web/css/a.css', 'A /web/index.html']);
  assert.match((await run('docker ps -s --format "{{.Size}}"')).out, /^26B \(virtual /);
  // A stopped container takes files too.
  await run('docker stop -t 0 box');
  await run('docker cp f.txt box:/root/');
  await run('docker start box');
  assert.equal((await run('docker exec box cat /root/f.txt')).out, 'hola\n');
});

test('cp out of a container: to the working directory, renamed, a directory', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  const host = (await run('docker exec box hostname')).out;
  assert.deepEqual(await run('docker cp box:/etc/hostname .', tty), { out: '', err: 'Successfully copied 2.05kB to /home/alumno/.\n', exit: 0 });
  assert.equal((await run('cat hostname')).out, host);
  await run('mkdir out; docker cp box:/etc/hostname out/name');
  assert.equal((await run('cat out/name')).out, host);
  await run('docker exec box sh -c "mkdir -p /data/sub && echo x > /data/sub/y"');
  assert.equal((await run('docker cp box:/data copia', tty)).err, 'Successfully copied 3.07kB to /home/alumno/copia\n');
  assert.equal((await run('cat copia/sub/y')).out, 'x\n');
  await run('docker cp box:/data out');
  assert.equal((await run('cat out/data/sub/y')).out, 'x\n');
});

test('cp errors: missing files on either side, missing parents, bad combinations', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  await run('echo hola > f.txt; mkdir d');
  const cases: [string, string][] = [
    ['docker cp box:/nope .', 'Error response from daemon: Could not find the file /nope in container box\n'],
    ['docker cp nope box:/tmp', 'lstat /home/alumno/nope: no such file or directory\n'],
    ['docker cp no/pe box:/tmp', 'lstat /home/alumno/no: no such file or directory\n'],
    ['docker cp f.txt box:/nope/x', 'Error response from daemon: Could not find the file /nope in container box\n'],
    ['docker cp f.txt box:/nope/', 'no such directory\n'],
    ['docker cp d box:/etc/hostname', 'cannot copy directory\n'],
    ['docker cp box:/etc/hostname /nope/x', 'invalid output path: directory "/nope" does not exist\n'],
    ['docker cp box:/etc/hostname f.txt/x', 'stat /home/alumno/f.txt/x: not a directory\n'],
    ['docker cp f.txt nope:/tmp/x', 'Error response from daemon: No such container: nope\n'],
    ['docker cp f.txt g.txt', 'must specify at least one container source\n'],
    ['docker cp box:/a box:/b', 'copying between containers is not supported\n'],
    ["docker cp '' box:/b", 'source can not be empty\n'],
  ];
  for (const [cmd, err] of cases) assert.deepEqual(await run(cmd, tty), { out: '', err, exit: 1 }, cmd);
  // `./name:with-colon` and absolute paths are local.
  await run('echo c > ./a:b');
  await run('docker cp ./a:b box:/tmp/');
  assert.equal((await run('docker exec box cat /tmp/a:b')).out, 'c\n');
});

test('cp to a symlink copies to what it points to, and says so', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('echo hi > f');
  // Debian's /bin is a link to usr/bin.
  assert.equal((await run('docker cp f web:/bin', tty)).err, 'Successfully copied 2.05kB to web:/usr/bin\n');
  assert.equal((await run('docker exec web cat /usr/bin/f')).out, 'hi\n');
  assert.match((await run('docker exec web ls -ld /bin')).out, /^l.* \/bin -> usr\/bin\n$/);
});

test("cp's argument and flag errors show both lines of its Usage, as cobra's UseLine has them", async () => {
  const run = session();
  const two = '\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n';
  assert.deepEqual(await run('docker cp a'), { out: '', err: `docker: 'docker cp' requires 2 arguments\n\nUsage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n${two}\nRun 'docker cp --help' for more information\n`, exit: 1 });
  assert.equal((await run('docker container cp --foo a b')).err, `unknown flag: --foo\n\nUsage:  docker container cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n${two}\nRun 'docker container cp --help' for more information\n`);
});
