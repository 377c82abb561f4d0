import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { createEngine } from '../../../../src/docker/engine';
import type { TermIO } from '../../../../src/docker/shell';

interface Result { out: string; err: string; exit: number }

function session(state?: string) {
  const sh = createShell({ seed: 7, ...(state && { state }) });
  const run = async (line: string, tty = false): Promise<Result> => {
    const r = { out: '', err: '', exit: 0 };
    const io: TermIO = { out: (t) => { r.out += t; }, err: (t) => { r.err += t; }, tty, sleep: () => Promise.resolve() };
    r.exit = await sh.run(line, io);
    return r;
  };
  return Object.assign(run, { sh });
}

const HEX64 = /^[0-9a-f]{64}\n$/;

test('volume create prints the name (random 64-hex without one), ls sorts, -q and filters', async () => {
  const run = session();
  assert.deepEqual(await run('docker volume create data'), { out: 'data\n', err: '', exit: 0 });
  const anon = await run('docker volume create');
  assert.match(anon.out, HEX64);
  await run('docker volume create --label tier=db a10');
  await run('docker volume create a9');
  // The client's natural order: digits before letters, numbers by value.
  assert.equal((await run('docker volume ls')).out, `DRIVER    VOLUME NAME\n${[anon.out.trim(), 'a9', 'a10', 'data'].map((n) => 'local     ' + n + '\n').join('')}`);
  assert.equal((await run('docker volume ls -q -f label=tier')).out, 'a10\n');
  assert.equal((await run('docker volume ls -q -f name=^a')).out, 'a9\na10\n');
  assert.equal((await run('docker volume ls --format "{{.Name}}:{{.Driver}}:{{.Scope}}" -f name=data')).out, 'data:local:local\n');
  assert.deepEqual(await run('docker volume ls -f foo=bar'), { out: '', err: "Error response from daemon: invalid filter 'foo'\n", exit: 1 });
  assert.equal((await run('docker volume create --name x y')).err, 'conflicting options: cannot specify a volume-name through both --name and as a positional arg\n');
  assert.equal((await run('docker volume create a/b')).err, 'Error response from daemon: create a/b: "a/b" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n');
  assert.equal((await run('docker volume create -o foo=1 v2')).err, 'Error response from daemon: create v2: invalid option: "foo"\n');
  assert.equal((await run('docker volume create -d nfs v3')).err, 'Error response from daemon: create v3: error looking up volume plugin nfs: plugin "nfs" not found\n');
  assert.equal((await run('docker volume create -d nfs data')).err, "Error response from daemon: create data: driver 'local' already has volume 'data': volume name must be unique\n");
  assert.deepEqual(await run('docker volume create data'), { out: 'data\n', err: '', exit: 0 });
});

test('volume inspect: moby JSON, templates, the daemon error for a missing one; docker inspect finds volumes', async () => {
  const run = session();
  await run('docker volume create --label a=b data');
  const r = await run('docker volume inspect data');
  const [v] = JSON.parse(r.out);
  assert.deepEqual(Object.keys(v), ['CreatedAt', 'Driver', 'Labels', 'Mountpoint', 'Name', 'Options', 'Scope']);
  assert.deepEqual([v.Labels, v.Mountpoint, v.Options, v.Scope], [{ a: 'b' }, '/var/lib/docker/volumes/data/_data', null, 'local']);
  assert.deepEqual(JSON.parse((await run('docker volume create -o type=tmpfs -o device=tmpfs -o o=size=1m tmp && docker volume inspect tmp')).out.slice(4))[0].Options, { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' });
  assert.match(v.CreatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(await run('docker volume inspect -f "{{.Mountpoint}}" data nope'), { out: '/var/lib/docker/volumes/data/_data\n', err: 'Error response from daemon: get nope: no such volume\n', exit: 1 });
  assert.equal((await run('docker inspect -f "{{.Name}} {{.Driver}}" data')).out, 'data local\n');
  assert.equal((await run('docker inspect --type volume -f "{{.Name}}" data')).out, 'data\n');
  assert.equal((await run('docker inspect --type volume nope')).err, 'Error response from daemon: get nope: no such volume\n');
  assert.deepEqual(await run('docker volume update data'), { out: '', err: 'Can only update cluster volumes\n', exit: 1 });
});

test('a volume outlives its container, is shared, and stays out of the writable layer', async () => {
  const run = session();
  await run('docker run --name w1 -v data:/data alpine sh -c "echo hi > /data/f"');
  assert.equal((await run('docker run --rm -v data:/d alpine cat /d/f')).out, 'hi\n');
  // Only the mount point the runtime made is in the diff, not the file written under it.
  assert.equal((await run('docker diff w1')).out, 'A /data\n');
  assert.equal((await run('docker ps -a -s --format "{{.Size}}" -f name=w1')).out.split(' ')[0], '0B');
  const mounts = JSON.parse((await run('docker inspect -f "{{json .Mounts}}" w1')).out);
  assert.deepEqual(mounts, [{ Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Driver: 'local', Mode: 'z', RW: true, Propagation: '' }]);
  assert.equal((await run('docker inspect -f "{{json .HostConfig.Binds}}" w1')).out, '["data:/data"]\n');
  const inUse = await run('docker volume rm data');
  assert.match(inUse.err, /^Error response from daemon: remove data: volume is in use - \[[0-9a-f]{64}\]\n$/);
  assert.equal(inUse.exit, 1);
  await run('docker rm w1');
  assert.equal((await run('docker run --rm -v data:/d alpine cat /d/f')).out, 'hi\n');
  assert.deepEqual(await run('docker volume rm data'), { out: 'data\n', err: '', exit: 0 });
  assert.deepEqual(await run('docker volume rm data'), { out: '', err: 'Error response from daemon: get data: no such volume\n', exit: 1 });
  assert.deepEqual(await run('docker volume rm -f data'), { out: 'data\n', err: '', exit: 0 });
});

test('read-only mounts and --read-only refuse writes with EROFS; tmpfs is writable and empty', async () => {
  const run = session();
  await run('docker pull alpine');
  await run('docker pull ubuntu');
  const r = await run('docker run --rm -v data:/d:ro alpine touch /d/x');
  assert.deepEqual([r.out, r.err, r.exit], ['', 'touch: /d/x: Read-only file system\n', 1]);
  assert.equal((await run('docker run --rm -v data:/d:ro ubuntu bash -c "echo 1 > /d/x"')).err, 'bash: line 1: /d/x: Read-only file system\n');
  assert.equal((await run('docker run --rm --read-only alpine mkdir /x')).err, "mkdir: can't create directory '/x': Read-only file system\n");
  assert.equal((await run('docker run --rm --read-only --tmpfs /tmp alpine sh -c "echo a > /tmp/a && cat /tmp/a"')).out, 'a\n');
  assert.equal((await run('docker run --rm --mount type=tmpfs,dst=/c alpine sh -c "ls /c; echo 1 > /c/x; cat /c/x"')).out, '1\n');
});

test('a new volume is filled from the image; image VOLUMEs and -v /path make anonymous volumes that rm -v and --rm remove', async () => {
  const run = session();
  assert.match((await run('docker run --rm -v etc:/etc alpine ls /etc')).out, /os-release/);
  assert.match((await run('docker run --rm -v etc:/mnt alpine ls /mnt')).out, /alpine-release/);
  await run('docker run -d --name db mysql:8');
  const anon = (await run('docker volume ls -q')).out.split('\n').filter((n) => /^[0-9a-f]{64}$/.test(n));
  assert.equal(anon.length, 1);
  const [v] = JSON.parse((await run(`docker volume inspect ${anon[0]}`)).out);
  assert.deepEqual([v.Labels, v.Options], [{ 'com.docker.volume.anonymous': '' }, null]);
  assert.equal((await run('docker inspect -f "{{json .Config.Volumes}} {{range .Mounts}}{{.Destination}} {{.Mode}}{{end}}" db')).out, '{"/var/lib/mysql":{}} /var/lib/mysql \n');
  await run('docker rm -f -v db');
  assert.equal((await run('docker volume ls -q')).out, 'etc\n');
  await run('docker run --rm -v /scratch alpine true');
  assert.equal((await run('docker volume ls -q')).out, 'etc\n');
  await run('docker run --name keep -v /scratch alpine true');
  await run('docker rm keep');
  assert.equal((await run('docker volume ls -q')).out.split('\n').filter(Boolean).length, 2);
});

test('volume prune: anonymous unused ones by default, every unused one with -a, y/N question', async () => {
  const run = session();
  await run('docker volume create named');
  await run('docker run --name c1 -v /a alpine true');
  await run('docker rm c1');
  await run('docker run --name c2 -v used:/u alpine true');
  const q = await run('docker volume prune');
  assert.equal(q.out, 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ');
  const r = await run('docker volume prune -f');
  assert.match(r.out, /^Deleted Volumes:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
  assert.equal((await run('docker volume prune -a -f')).out, 'Deleted Volumes:\nnamed\n\nTotal reclaimed space: 0B\n');
  assert.equal((await run('docker volume ls -q')).out, 'used\n');
  assert.equal((await run('docker volume prune -a --filter all=1 -f')).err, 'conflicting options: cannot specify both --all and --filter all=1\n');
});

test('binds come from the machine: host files are seen and changed; ./relative paths are made absolute', async () => {
  const run = session();
  await run('mkdir site && echo hello > site/index.html');
  assert.equal((await run('docker run --name b1 -v ./site:/usr/share/nginx/html alpine sh -c "cat /usr/share/nginx/html/index.html; echo x > /usr/share/nginx/html/new"')).out, 'hello\n');
  assert.equal((await run('cat site/new')).out, 'x\n');
  assert.equal((await run('docker inspect -f "{{json .Mounts}}" b1')).out, '[{"Type":"bind","Source":"/home/alumno/site","Destination":"/usr/share/nginx/html","Mode":"","RW":true,"Propagation":"rprivate"}]\n');
  // -v creates a missing host directory; --mount insists that it exists.
  await run('docker run --rm -v /srv/data:/x alpine touch /x/y');
  assert.equal((await run('ls /srv/data')).out, 'y\n');
  assert.equal((await run('docker run --rm --mount type=bind,src=/nope,dst=/x alpine true')).err, 'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /nope\n\nRun \'docker run --help\' for more information\n');
});

test('invalid -v and --mount specs: the client\'s and the daemon\'s messages', async () => {
  const run = session();
  await run('docker pull alpine');
  const err = async (line: string) => { const r = await run(line); return [r.err.split('\n')[0], r.exit]; };
  assert.deepEqual(await err('docker run --rm -v data:rel alpine true'), [`docker: Error response from daemon: invalid volume specification: 'data:rel': invalid mount config for type "volume": invalid mount path: 'rel' mount path must be absolute`, 125]);
  assert.deepEqual(await err('docker run --rm -v data:/d:xyz alpine true'), ['docker: Error response from daemon: invalid mode: xyz', 125]);
  // A single letter before a colon is a Windows drive to the client: `a:/` would be one anonymous volume.
  assert.deepEqual(await err('docker run --rm -v ab:/ alpine true'), [`docker: Error response from daemon: invalid volume specification: 'ab:/': invalid mount config for type "volume": invalid specification: destination can't be '/'`, 125]);
  assert.deepEqual(await err('docker run --rm -v data/x:/d alpine true'), ['docker: Error response from daemon: create data/x: "data/x" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path', 125]);
  assert.deepEqual(await err('docker run --rm -v aa:/d -v bb:/d alpine true'), ['docker: Error response from daemon: Duplicate mount point: /d', 125]);
  assert.deepEqual(await err('docker run --rm --mount src=a,dst=/d alpine true'), ['docker: Error response from daemon: create a: volume name is too short, names should be at least two alphanumeric characters', 125]);
  assert.deepEqual(await err('docker run --rm -v ab::/d alpine true'), ['docker: invalid spec: ab::/d: empty section between colons', 125]);
  assert.deepEqual(await err('docker run --rm --mount type=bind,src=/x alpine true'), ['invalid argument "type=bind,src=/x" for "--mount" flag: target is required', 125]);
  assert.deepEqual(await err('docker run --rm --mount type=volume,dst=/x,foo=1 alpine true'), [`invalid argument "type=volume,dst=/x,foo=1" for "--mount" flag: unexpected key 'foo' in 'foo=1'`, 125]);
  assert.deepEqual(await err('docker run --rm --mount type=tmpfs,dst=/x,volume-nocopy alpine true'), [`invalid argument "type=tmpfs,dst=/x,volume-nocopy" for "--mount" flag: cannot mix 'volume-*' options with mount type 'tmpfs'`, 125]);
  assert.deepEqual(await err('docker run --rm --mount type=foo,dst=/x alpine true'), ['docker: Error response from daemon: invalid mount config for type "foo": mount type unknown', 125]);
  assert.deepEqual(await err('docker run --rm --mount type=volume,dst=/x,ro alpine true'), ['docker: Error response from daemon: invalid mount config for type "volume": must not set ReadOnly mode when using anonymous volumes', 125]);
  assert.equal((await run('docker volume ls -q')).out, 'aa\n');
});

test('--volumes-from shares the mounts of another container, read-only with :ro', async () => {
  const run = session();
  await run('docker run --name src -v shared:/s alpine sh -c "echo 1 > /s/one"');
  assert.equal((await run('docker run --rm --volumes-from src alpine cat /s/one')).out, '1\n');
  assert.equal((await run('docker run --rm --volumes-from src:ro alpine touch /s/two')).err, 'touch: /s/two: Read-only file system\n');
  assert.equal((await run('docker run --rm --volumes-from nope alpine true')).err.split('\n')[0], 'docker: Error response from daemon: No such container: nope');
});

test('system df counts volumes, their sizes and links; -v lists them', async () => {
  const run = session();
  await run('docker run --name web -v data:/d alpine sh -c "echo 12345 > /d/f"');
  await run('docker volume create idle');
  const df = (await run('docker system df')).out;
  assert.match(df, /\nLocal Volumes {3}2 {9}1 {9}6B {8}0B \(0%\)\n/);
  assert.match((await run('docker system df -v')).out, /Local Volumes space usage:\n\nVOLUME NAME {3}LINKS {5}SIZE\ndata {10}1 {9}6B\nidle {10}0 {9}0B\n/);
});

test('volumes and mounts survive save and restore', async () => {
  const run = session();
  await run('docker run --name web -v data:/d alpine sh -c "echo kept > /d/f"');
  const state = run.sh.save();
  const again = session(state);
  assert.equal((await again('docker run --rm -v data:/d alpine cat /d/f')).out, 'kept\n');
  assert.match((await again('docker volume rm data')).err, /volume is in use/);
  const e = createEngine({ seed: 1 });
  await e.volumeCreate({ Name: 'v1', Labels: { a: 'b' } });
  const back = createEngine({ state: e.save() });
  assert.deepEqual((await back.volumeInspect('v1')).Labels, { a: 'b' });
});

test('a running container keeps seeing the machine\'s files through its bind after a restore', async () => {
  const run = session();
  await run('mkdir -p /tmp/share && echo one > /tmp/share/a');
  await run('docker run -d --name live -v /tmp/share:/s alpine sleep 1000');
  const again = session(run.sh.save());
  await again('echo two > /tmp/share/b');
  assert.equal((await again('docker exec live ls /s')).out, 'a\nb\n');
  await again('docker exec live touch /s/c');
  assert.equal((await again('ls /tmp/share')).out, 'a\nb\nc\n');
});

test('a VOLUME of the Dockerfile: RUN writes under it are lost (legacy builder), run gets an anonymous volume', async () => {
  const run = session();
  await run(`mkdir ctx && printf 'FROM alpine\\nVOLUME /datos\\nRUN echo hola > /datos/x && echo capa > /capa\\n' > ctx/Dockerfile`);
  const b = await run('docker build -q -t vol ctx');
  assert.equal(b.exit, 0, b.err);
  // The build's step containers took their anonymous volumes with them.
  assert.equal((await run('docker volume ls -q')).out, '');
  assert.deepEqual([(await run('docker run --rm vol ls /datos')).out, (await run('docker run --rm vol cat /capa')).out], ['', 'capa\n']);
  await run('docker run --name keeps vol true');
  assert.match((await run('docker volume ls -q')).out, HEX64);
});

test('a mount point cannot be removed: rm -r empties it and reports it busy (musl and glibc wording)', async () => {
  const run = session();
  await run('docker pull alpine');
  await run('docker pull ubuntu');
  assert.equal((await run('docker run --rm -v data:/d alpine sh -c "touch /d/f; rm -rf /d; ls -a /d"')).err, "rm: can't remove '/d': Resource busy\n");
  assert.equal((await run('docker run --rm -v data:/d ubuntu rm -rf /d')).err, "rm: cannot remove '/d': Device or resource busy\n");
  assert.equal((await run('docker run --rm -v data:/d alpine ls /d')).out, '');
});

test('a file of the machine can be bound; --mount keeps mount.Mount\'s field order; ls --format json has every field', async () => {
  const run = session();
  await run('docker pull alpine');
  await run("echo 'nameserver 1.1.1.1' > /tmp/conf");
  assert.equal((await run('docker run --rm -v /tmp/conf:/etc/myconf alpine sh -c "cat /etc/myconf; echo more >> /etc/myconf"')).out, 'nameserver 1.1.1.1\n');
  assert.equal((await run('cat /tmp/conf')).out, 'nameserver 1.1.1.1\nmore\n');
  await run('docker create --name f2 --mount ro,type=volume,src=xx,dst=/y alpine true');
  assert.equal((await run("docker inspect -f '{{json .HostConfig.Mounts}}' f2")).out, '[{"Type":"volume","Source":"xx","Target":"/y","ReadOnly":true}]\n');
  assert.equal((await run('docker volume ls --format json')).out, '{"Availability":"N/A","Driver":"local","Group":"N/A","Labels":"","Links":"N/A","Mountpoint":"/var/lib/docker/volumes/xx/_data","Name":"xx","Scope":"local","Size":"N/A","Status":"N/A"}\n');
});

test('ps --format {{.Mounts}}: volume names or bind sources, cut to 15 characters unless --no-trunc', async () => {
  const run = session();
  await run('docker pull alpine');
  await run('docker create --name m1 -v data:/d -v /srv/a-long-directory:/x alpine true');
  assert.equal((await run("docker ps -a --format '{{.Mounts}}'")).out, 'data,/srv/a-long-di…\n');
  assert.equal((await run("docker ps -a --no-trunc --format '{{.Mounts}}'")).out, 'data,/srv/a-long-directory\n');
});

test('moby\'s volume service: a volume created without a name is anonymous; --mount volumes show mode z; --volumes-from copies no mode', async () => {
  const run = session();
  await run('docker pull alpine');
  const name = (await run('docker volume create')).out.trim();
  assert.equal((await run(`docker volume inspect -f '{{json .Labels}}' ${name}`)).out, '{"com.docker.volume.anonymous":""}\n');
  assert.equal((await run('docker volume create --label z=1 --label a=2 lab && docker volume inspect -f "{{json .Labels}}" lab')).out, 'lab\n{"a":"2","z":"1"}\n');
  await run('docker create --name m1 --mount src=mv,dst=/m,volume-label=k=v -v bv:/b alpine true');
  assert.equal((await run("docker inspect -f '{{range .Mounts}}{{.Name}}:{{.Mode}} {{end}}' m1")).out, 'bv:z mv:z \n');
  assert.equal((await run("docker volume inspect -f '{{json .Labels}}' mv")).out, '{"k":"v"}\n');
  await run('docker create --name m2 --volumes-from m1 alpine true');
  assert.equal((await run("docker inspect -f '{{range .Mounts}}{{.Name}}:{{.Mode}}:{{.RW}} {{end}}' m2")).out, 'bv::true mv::true \n');
  assert.equal((await run('docker create -v x1:/t --tmpfs /t alpine true')).err.split('\n')[0], 'Error response from daemon: Duplicate mount point: /t');
  assert.match((await run('docker volume prune -f')).out, new RegExp(`^Deleted Volumes:\\n${name}\\n`));
});
