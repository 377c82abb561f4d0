/** Owners across the host boundary: the host's files are alumno's (1000), bind mounts share them with containers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { session } from './session';

test('the host user is alumno (1000): its files are its own, the system is root\'s and refuses it', async () => {
  const run = session();
  await run('echo hi > a.txt; mkdir d');
  assert.equal((await run('ls -l')).out, 'total 8\n-rw-r--r-- 1 alumno alumno    3 Jun 16 09:30 a.txt\ndrwxr-xr-x 2 alumno alumno 4096 Jun 16 09:30 d\n');
  assert.equal((await run('ls -ln a.txt')).out, '-rw-r--r-- 1 1000 1000 3 Jun 16 09:30 a.txt\n');
  // Ubuntu's adduser makes homes 0750; /tmp is sticky and open to all
  assert.match((await run('ls -la')).out, /^total 16\ndrwxr-x--- 3 alumno alumno 4096 .* \.\ndrwxr-xr-x 3 root   root   4096 .* \.\.\n/);
  assert.match((await run('ls -ld /tmp')).out, /^drwxrwxrwt 2 root root /);
  assert.deepEqual(await run('mkdir /data'), { out: '', err: 'mkdir: cannot create directory ‘/data’: Permission denied\n', exit: 1 });
  assert.deepEqual(await run('echo x > /etc/motd'), { out: '', err: 'bash: /etc/motd: Permission denied\n', exit: 1 });
  // sudo runs the command as root
  assert.equal((await run('sudo mkdir /data; sudo touch /data/f; ls -l /data')).out, 'total 0\n-rw-r--r-- 1 root root 0 Jun 16 09:30 f\n');
  assert.equal((await run('whoami')).out, 'alumno\n');
  // the laptop's user may use sudo and docker
  assert.equal((await run('id')).out, 'uid=1000(alumno) gid=1000(alumno) groups=1000(alumno),27(sudo),988(docker)\n');
});

test('a bind mount shares owners: the host\'s 1000 is named by the image, root\'s files are root\'s on the host', async () => {
  const run = session();
  await run('echo hi > a.txt');
  assert.match((await run('docker run --rm -v "$PWD":/app alpine ls -ln /app')).out, /-rw-r--r-- {4}1 1000 {5}1000 {13}3 .* a\.txt\n$/);
  assert.match((await run('docker run --rm -v "$PWD":/app node:20 ls -l /app')).out, /-rw-r--r-- 1 node node 3 .* a\.txt\n$/);
  assert.match((await run('docker run --rm -v "$PWD":/app ubuntu:24.04 ls -l /app')).out, /-rw-r--r-- 1 ubuntu ubuntu 3 .* a\.txt\n$/);
  // uid 1000 in the container may write the host user's files (alpine has no entry for it: its group is 0)
  assert.deepEqual(await run('docker run --rm -v "$PWD":/app -u 1000 alpine sh -c "echo y >> /app/a.txt && touch /app/mine"'), { out: '', err: '', exit: 0 });
  await run('docker run --rm -v "$PWD":/app alpine sh -c "echo r > /app/byroot"');
  assert.match((await run('ls -l')).out, /alumno alumno +5 .* a\.txt\n-rw-r--r-- 1 root +root +2 .* byroot\n-rw-r--r-- 1 alumno root +0 .* mine\n/);
  // root's file: alumno may not change it, but may delete it from its own directory
  assert.deepEqual(await run('echo more >> byroot'), { out: '', err: 'bash: byroot: Permission denied\n', exit: 1 });
  assert.equal((await run('rm byroot; ls')).out, 'a.txt\nmine\n');
  // at a terminal rm asks first, for each file the user may not write
  await run('docker run --rm -v "$PWD":/app alpine sh -c "echo r > /app/r1; touch /app/r2"');
  const tty = { tty: true };
  assert.deepEqual(await run('rm r1 mine r2', tty), { out: '', err: '', exit: 0 });
  assert.equal(run.shell.prompt(), "rm: remove write-protected regular file 'r1'? ");
  await run('y', tty);
  assert.equal(run.shell.prompt(), "rm: remove write-protected regular empty file 'r2'? ");
  await run('n', tty);
  assert.equal((await run('ls')).out, 'a.txt\nr2\n');
  assert.equal((await run('rm -f r2; ls')).out, 'a.txt\n');
  // a bind source the daemon creates is root's: the host user cannot write into it
  await run('docker run --rm -v /srv/x:/x alpine true');
  assert.match((await run('ls -l /srv')).out, /drwxr-xr-x 2 root root 4096 .* x\n/);
  assert.deepEqual(await run('touch /srv/x/f'), { out: '', err: "touch: cannot touch '/srv/x/f': Permission denied\n", exit: 1 });
});

test('docker cp: into a container the host owner goes along, out of one the files are the user\'s', async () => {
  const run = session();
  await run('echo hi > f.txt; docker run -d --name box alpine sleep 1000');
  await run('docker cp f.txt box:/tmp/');
  assert.match((await run('docker exec box ls -ln /tmp/f.txt')).out, /^-rw-r--r-- {4}1 1000 {5}1000 /);
  await run('docker exec box sh -c "adduser -D -u 1234 bob; echo z > /tmp/z; chown bob /tmp/z"');
  await run('docker cp box:/tmp/z .');
  assert.match((await run('ls -ln z')).out, /^-rw-r--r-- 1 1000 1000 2 /);
  assert.deepEqual(await run('docker cp box:/tmp/z /'), { out: '', err: 'open /z: permission denied\n', exit: 1 });
  await run('docker exec box mkdir /tmp/dd');
  assert.deepEqual(await run('docker cp box:/tmp/dd /etc'), { out: '', err: 'mkdir /etc/dd: permission denied\n', exit: 1 });
  // export's members carry numbers, no names
  assert.match((await run('docker export box | tar tvf - tmp/')).out, /^drwxrwxrwt 0\/0 .* tmp\/\n(.*\n)*-rw-r--r-- 1234\/0 +2 .* tmp\/z\n$/);
});

test('a volume\'s first mount copies the image directory with its owners and mode', async () => {
  const run = session();
  await run(`printf 'FROM alpine\\nRUN mkdir -p /data/sub && chown -R 1000:1000 /data && chmod 700 /data\\nVOLUME /data\\n' > Dockerfile; docker build -q -t v .`);
  assert.match((await run('docker run --rm -v vol1:/data v ls -lna /data')).out, /drwx------ +3 1000 +1000 .* \.\n.*\ndrwxr-xr-x +2 1000 +1000 .* sub\n$/s);
  assert.match((await run('docker run --rm -v vol1:/data alpine ls -lnd /data')).out, /^drwx------ +3 1000 +1000 /);
});

test('owners survive save and load; a host saved before owners gets its files back as alumno\'s', async () => {
  const run = session();
  await run('echo hi > a.txt; docker run --rm -v "$PWD":/app alpine touch /app/r');
  const again = createShell({ state: run.shell.save() });
  const out = async (line: string) => {
    let o = '';
    await again.run(line, { out: (t) => { o += t; }, err: (t) => { o += t; }, tty: false, sleep: () => Promise.resolve() });
    return o;
  };
  assert.match(await out('ls -l'), /alumno alumno .* a\.txt\n.* root +root .* r\n/);
  assert.match(await out('echo x >> r'), /Permission denied/);
  // the previous host tree: no /etc/passwd, no owners
  const old = JSON.parse(run.shell.save());
  old.host.fs = { c: { home: { c: { alumno: { c: { 'n.txt': { s: 2, d: 'n\n', m: 0o644, t: 0 } }, m: 0o755, t: 0 } }, m: 0o755, t: 0 }, tmp: { c: {}, m: 0o1777, t: 0 } }, m: 0o755, t: 0 };
  const older = createShell({ state: JSON.stringify(old) });
  let o = '';
  const io = { out: (t: string) => { o += t; }, err: (t: string) => { o += t; }, tty: false, sleep: () => Promise.resolve() };
  await older.run('ls -ln; echo y >> n.txt; ls -ldn /tmp /home', io);
  assert.match(o, /^total 4\n-rw-r--r-- 1 1000 1000 2 .* n\.txt\ndrwxr-xr-x 3 0 0 4096 .* \/home\ndrwxrwxrwt 2 0 0 4096 .* \/tmp\n$/);
});

test('rm -r by the host user removes what it may and names each entry it may not; save -o fails on its temporary file', async () => {
  const run = session();
  await run(`docker run --rm -v "$PWD":/app -w /app alpine sh -c 'mkdir -p nm/a ok sec/in emp; touch nm/a/f nm/top sec/in/x; chmod 700 sec emp; echo m > ok/mine; chown -R 1000 ok'`);
  assert.deepEqual(await run('rm -rf nm sec emp ok'), { out: '', err: "rm: cannot remove 'nm/a/f': Permission denied\nrm: cannot remove 'nm/top': Permission denied\nrm: cannot remove 'sec': Permission denied\n", exit: 1 });
  // an unreadable but empty directory goes; one the user owns goes whole
  assert.equal((await run('ls')).out, 'nm\nsec\n');
  // the usual fix: the files back to the user, with sudo
  assert.match((await run('chown -R alumno nm')).err, /^chown: changing ownership of 'nm': Operation not permitted\n/);
  await run('sudo chown -R $USER:$USER nm');
  assert.equal((await run("stat -c '%U:%G %a' nm/a/f")).out, 'alumno:alumno 644\n');
  assert.deepEqual(await run('rm -rf nm; sudo rm -rf sec; ls'), { out: '', err: '', exit: 0 });
  assert.match((await run('docker save -o /img.tar alpine')).err, /^open \/\.docker_temp_\d+: permission denied\n$/);
  assert.match((await run('cd /etc && docker export -o c.tar $(docker create alpine)')).err, /^open \.\/\.docker_temp_\d+: permission denied\n$/);
});

test('docker cp -a gives the files to the container\'s --user, looked up in the daemon\'s own /etc/passwd', async () => {
  const run = session();
  await run('echo hi > f; docker run -d --name ca alpine sleep 1000; docker run -d --name cn -u node node:20 sleep 1000; docker run -d --name cr -u root alpine sleep 1000');
  // no --user: the owners the archive carries, as without -a
  await run('docker cp -a f ca:/tmp/');
  assert.match((await run('docker exec ca ls -ln /tmp/f')).out, /^-rw-r--r-- +1 1000 +1000 /);
  assert.deepEqual(await run('docker cp -a f cn:/tmp/'), { out: '', err: 'Error response from daemon: user: unknown user node\n', exit: 1 });
  await run('docker cp -a f cr:/tmp/');
  assert.match((await run('docker exec cr ls -ln /tmp/f')).out, /^-rw-r--r-- +1 0 +0 /);
});

test('COPY from the build context: root\'s unless --chown, whoever owns the files on the host', async () => {
  const run = session();
  await run(`echo hi > a.txt; printf 'FROM alpine\\nCOPY a.txt /a\\nCOPY --chown=1000:1000 a.txt /b\\n' > Dockerfile; docker build -q -t c .`);
  assert.match((await run('docker run --rm c ls -ln /a /b')).out, /^-rw-r--r-- +1 0 +0 .* \/a\n-rw-r--r-- +1 1000 +1000 .* \/b\n$/);
});

test('docker build stops at what the context holds and the user may not read, unless .dockerignore leaves it out', async () => {
  const run = session();
  await run(`printf 'FROM alpine\\nCOPY . /app\\n' > Dockerfile; docker run --rm -v "$PWD":/w alpine sh -c 'mkdir /w/db; chmod 700 /w/db; echo k > /w/key; chmod 600 /w/key'`);
  const r = await run('docker build -q .');
  assert.equal(r.exit, 1);
  assert.match(r.err, /\nerror checking context: (can't stat '\/home\/alumno\/db'|no permission to read from '\/home\/alumno\/key')\n$/);
  await run('echo key > .dockerignore');
  assert.match((await run('docker build -q .')).err, /\nerror checking context: can't stat '\/home\/alumno\/db'\n$/);
  await run('echo db >> .dockerignore');
  assert.equal((await run('docker build -q .')).exit, 0);
});
