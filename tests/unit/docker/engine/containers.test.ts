import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../src/docker/api';
import { HELLO_TEXT } from '../../../../src/docker/engine/shell/programs';
import { engine, pull, runIt, term } from './fixtures';

test('hello-world exits 0 at once and its whole text is its log', async () => {
  const e = engine();
  await pull(e, 'hello-world');
  const io = term(false);
  const { Id } = await e.containerCreate({ Image: 'hello-world' });
  const h = await e.containerAttach(Id, io, { beforeStart: true });
  await e.containerStart(Id);
  assert.equal(io.text, HELLO_TEXT);
  assert.ok(h.exited);
  assert.equal(h.exitCode, 0);
  assert.equal((await e.containerLogs(Id)).map((l) => l.text).join(''), HELLO_TEXT);
  e.advance(3000);
  const [c] = await e.containerList({ all: true });
  assert.equal(c.Status, 'Exited (0) 3 seconds ago');
  assert.equal(c.Command, '/hello');
  assert.match(c.Names[0], /^\/[a-z]+_[a-z]+$/);
  assert.deepEqual(await e.containerList(), [], 'not running: hidden without -a');
});

test('IDs are 64 hex, hostnames their 12-hex prefix, names unique, IPs per running container', async () => {
  const e = engine();
  await pull(e, 'busybox');
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const { Id } = await e.containerCreate({ Image: 'busybox', Tty: true });
    ids.push(Id);
  }
  assert.ok(ids.every((id) => /^[0-9a-f]{64}$/.test(id)));
  const list = await e.containerList({ all: true });
  const names = list.map((c) => c.Names[0]);
  assert.equal(new Set(names).size, names.length);
  assert.ok(!names.includes('/boring_wozniak'));
  await e.containerStart(ids[0]);
  await e.containerStart(ids[1]);
  const a = await e.containerInspect(ids[0]);
  const b = await e.containerInspect(ids[1]);
  assert.equal(a.Config.Hostname, ids[0].slice(0, 12));
  assert.equal(a.NetworkSettings.IPAddress, '172.17.0.2');
  assert.equal(b.NetworkSettings.IPAddress, '172.17.0.3');
  await e.containerStop(ids[0], { timeout: 0 });
  const c = await e.containerInspect(ids[2]);
  await e.containerStart(ids[2]);
  assert.equal((await e.containerInspect(ids[2])).NetworkSettings.IPAddress, '172.17.0.2', 'freed address reused');
  assert.equal(c.State.Status, 'created');
});

test('name conflicts and invalid names', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const { Id } = await e.containerCreate({ Image: 'alpine' }, 'contenedor1');
  await assert.rejects(e.containerCreate({ Image: 'alpine' }, 'contenedor1'), (err: unknown) => err instanceof ApiError && err.status === 409 &&
    err.message === `Conflict. The container name "/contenedor1" is already in use by container "${Id}". You have to remove (or rename) that container to be able to reuse that name.`);
  await assert.rejects(e.containerCreate({ Image: 'alpine' }, 'bad name!'), (err: unknown) => err instanceof ApiError && err.status === 400);
  await assert.rejects(e.containerCreate({ Image: 'nope' }), (err: unknown) => err instanceof ApiError && err.message === 'No such image: nope:latest');
  await assert.rejects(e.containerInspect('foo'), (err: unknown) => err instanceof ApiError && err.status === 404 && err.message === 'No such container: foo');
});

test('stop: bash ignores SIGTERM and dies of SIGKILL after 10 s (137); nginx quits on SIGQUIT (0)', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'nginx');
  const { id } = await runIt(e, 'ubuntu', 'contenedor1');
  const t0 = e.now();
  const waits: number[] = [];
  await e.containerStop('contenedor1', {}, { sleep: async (ms) => { waits.push(ms); } });
  assert.equal(e.now() - t0, 10_000, 'the simulated clock advanced by the timeout');
  assert.equal(waits.reduce((a, b) => a + b, 0), 10_000);
  assert.equal((await e.containerInspect(id)).State.ExitCode, 137);
  const web = await e.containerCreate({ Image: 'nginx', HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } }, 'web');
  await e.containerStart(web.Id);
  const [s] = await e.containerList();
  assert.equal(s.Command, '/docker-entrypoint.sh nginx -g \'daemon off;\'');
  assert.deepEqual(s.Ports, [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }]);
  const logs = (await e.containerLogs('web')).map((l) => l.text).join('');
  assert.match(logs, /Configuration complete; ready for start up/);
  assert.match(logs, /\[notice\] 1#1: nginx\/1\.27\.5/);
  const t1 = e.now();
  await e.containerStop('web');
  assert.equal(e.now(), t1, 'no wait');
  const w = await e.containerInspect('web');
  assert.equal(w.State.ExitCode, 0);
  assert.equal(w.State.Status, 'exited');
  // A second nginx on the same host port cannot start while the first runs.
  await e.containerStart('web');
  const other = await e.containerCreate({ Image: 'nginx', HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
  await assert.rejects(e.containerStart(other.Id), (err: unknown) => err instanceof ApiError && /Bind for 0\.0\.0\.0:8080 failed: port is already allocated/.test(err.message));
});

test('nginx writes its configuration and cache dirs: docker diff and ps -s show them', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const { Id } = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(Id);
  const diff = await e.containerChanges(Id);
  assert.ok(diff.some((d) => d.Kind === 0 && d.Path === '/etc/nginx/conf.d/default.conf'));
  assert.ok(diff.some((d) => d.Kind === 1 && d.Path === '/var/cache/nginx/client_temp'));
  const [s] = await e.containerList({ size: true });
  assert.ok(s.SizeRw! > 1000 && s.SizeRw! < 1200);
  assert.equal(s.SizeRootFs, s.SizeRw! + (await e.imageInspect('nginx')).Size);
});

test('a fresh container has an empty writable layer; writes show in ps -s and diff', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { id, type } = await runIt(e, 'ubuntu', 'c1');
  let [s] = await e.containerList({ size: true });
  assert.equal(s.SizeRw, 0);
  await type('echo "000" > file.txt');
  [s] = await e.containerList({ size: true });
  assert.equal(s.SizeRw, 4);
  assert.deepEqual(await e.containerChanges(id), [{ Kind: 1, Path: '/file.txt' }]);
  await type('rm /etc/passwd');
  assert.deepEqual(await e.containerChanges(id), [{ Kind: 0, Path: '/etc' }, { Kind: 2, Path: '/etc/passwd' }, { Kind: 1, Path: '/file.txt' }]);
  await type('exit');
  // Interactive bash saves its history on exit.
  assert.ok((await e.containerChanges(id)).some((d) => d.Path === '/root/.bash_history'));
});

test('exit n stops the container with that code; --rm removes it', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const { id, h, type } = await runIt(e, 'alpine');
  assert.equal(h.prompt(), '/ # ');
  await type('exit 3');
  assert.ok(h.exited);
  assert.equal(h.exitCode, 3);
  assert.equal((await e.containerInspect(id)).State.Status, 'exited');
  const io = term();
  const { Id } = await e.containerCreate({ Image: 'alpine', Tty: true, OpenStdin: true, HostConfig: { AutoRemove: true } });
  const h2 = await e.containerAttach(Id, io, { stdin: true, beforeStart: true });
  await e.containerStart(Id);
  await h2.input('exit', io);
  assert.equal(h2.exitCode, 0);
  await assert.rejects(e.containerInspect(Id), (err: unknown) => err instanceof ApiError && err.status === 404);
});

test('detached bash without a terminal exits at once; with -t it stays up', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const a = await e.containerCreate({ Image: 'ubuntu' });
  await e.containerStart(a.Id);
  assert.equal((await e.containerInspect(a.Id)).State.Status, 'exited');
  const b = await e.containerCreate({ Image: 'ubuntu', Tty: true });
  await e.containerStart(b.Id);
  assert.equal((await e.containerInspect(b.Id)).State.Status, 'running');
});

test('a missing executable fails the start with exit 127 and leaves the container Created', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { Id } = await e.containerCreate({ Image: 'ubuntu', Cmd: ['foo'] });
  await assert.rejects(e.containerStart(Id), (err: unknown) => err instanceof ApiError && err.exitCode === 127 && /exec: "foo": executable file not found in \$PATH: unknown$/.test(err.message));
  const [c] = await e.containerList({ all: true });
  assert.equal(c.Status, 'Created');
});

test('sleep N as PID 1 ends after N simulated seconds; kill, pause and rm rules', async () => {
  const e = engine();
  await pull(e, 'busybox');
  const { Id } = await e.containerCreate({ Image: 'busybox', Cmd: ['sleep', '5'] });
  await e.containerStart(Id);
  e.advance(4000);
  assert.equal((await e.containerInspect(Id)).State.Status, 'running');
  await assert.rejects(e.containerRemove(Id), (err: unknown) => err instanceof ApiError && err.message === `cannot remove container "${Id}": container is running: stop the container before removing or force remove`);
  await e.containerPause(Id);
  assert.equal((await e.containerList())[0].Status, 'Up 4 seconds (Paused)');
  await assert.rejects(e.containerPause(Id), (err: unknown) => err instanceof ApiError && err.message === `Container ${Id} is already paused`);
  await assert.rejects(e.containerRemove(Id), (err: unknown) => err instanceof ApiError && /container is paused and must be unpaused first$/.test(err.message));
  await e.containerUnpause(Id);
  e.advance(2000);
  const s = await e.containerInspect(Id);
  assert.equal(s.State.Status, 'exited');
  assert.equal(s.State.ExitCode, 0);
  await assert.rejects(e.containerKill(Id), (err: unknown) => err instanceof ApiError && err.status === 409);
  const k = await e.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'] });
  await e.containerStart(k.Id);
  await e.containerKill(k.Id);
  assert.equal((await e.containerInspect(k.Id)).State.ExitCode, 137);
  await e.containerRemove(k.Id);
  const p = await e.containersPrune();
  assert.deepEqual(p.ContainersDeleted, [Id]);
});

test('exec runs in a running container; its shell exit leaves the container up', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const { Id } = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(Id);
  const io = term();
  const one = await e.exec(Id, { Cmd: ['cat', '/usr/share/nginx/html/index.html'] }, io);
  assert.ok(one.exited);
  assert.equal(one.exitCode, 0);
  assert.match(io.text, /Welcome to nginx!/);
  const sh = await e.exec(Id, { Cmd: ['bash'], Tty: true, AttachStdin: true }, io);
  assert.equal(sh.prompt(), `root@${Id.slice(0, 12)}:/# `);
  io.text = '';
  await sh.input('ps', io);
  assert.equal(io.errText + io.text, 'bash: ps: command not found\n', 'ps is not installed in Debian images');
  await sh.input('exit', io);
  assert.ok(sh.exited);
  assert.equal((await e.containerInspect(Id)).State.Status, 'running');
  await assert.rejects(e.exec(Id, { Cmd: ['nope'] }, io), (err: unknown) => err instanceof ApiError && err.exitCode === 127);
  await e.containerStop(Id);
  await assert.rejects(e.exec(Id, { Cmd: ['ls'] }, io), (err: unknown) => err instanceof ApiError && err.message === `container ${Id} is not running`);
});

test("a program started without a shell sees dockerd's environment: PATH, HOSTNAME, TERM, the config's, then runc's HOME", async () => {
  const e = engine();
  await pull(e, 'nginx');
  const { Id } = await e.containerCreate({ Image: 'nginx', Env: ['A=1', 'PATH=/usr/bin:/bin'], Tty: true, Cmd: ['env'] });
  await e.containerStart(Id);
  const printed = (await e.containerLogs(Id)).map((l) => l.text).join('').replaceAll('\r\n', '\n');
  const host = Id.slice(0, 12);
  const nginxVars = 'NGINX_VERSION=1.27.5\nNJS_VERSION=0.8.10\nNJS_RELEASE=1~bookworm\nPKG_RELEASE=1~bookworm\nDYNPKG_RELEASE=1~bookworm\n';
  assert.equal(printed, `PATH=/usr/bin:/bin\nHOSTNAME=${host}\nTERM=xterm\n${nginxVars}A=1\nHOME=/root\n`);
  const web = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(web.Id);
  const ex = term();
  await e.exec(web.Id, { Cmd: ['env'], Env: ['B=2'] }, ex);
  assert.equal(ex.text, `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=${web.Id.slice(0, 12)}\n${nginxVars}B=2\nHOME=/root\n`);
});

test('commit turns the writable layer into a new image layer', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { id, type } = await runIt(e, 'ubuntu');
  await type('echo hola > /saludo.txt');
  const { Id } = await e.containerCommit(id, { reference: 'mi-ubuntu:v1', comment: 'con saludo' });
  const base = await e.imageInspect('ubuntu');
  const mine = await e.imageInspect('mi-ubuntu:v1');
  assert.equal(mine.Id, Id);
  assert.equal(mine.Parent, base.Id);
  assert.deepEqual(mine.RootFS.Layers.slice(0, -1), base.RootFS.Layers);
  assert.equal(mine.Size, base.Size + 5);
  const c2 = await e.containerCreate({ Image: 'mi-ubuntu:v1', Cmd: ['cat', '/saludo.txt'] });
  const io = term(false);
  await e.containerAttach(c2.Id, io, { beforeStart: true });
  await e.containerStart(c2.Id);
  assert.equal(io.text, 'hola\n');
  assert.deepEqual(await e.containerChanges(c2.Id), [], 'the committed file is in the image, not the new upper layer');
  const h = await e.imageHistory('mi-ubuntu:v1');
  assert.equal(h[0].Comment, 'con saludo');
  assert.equal(h[0].Size, 5);
});

test('Ctrl+C during a 10 s stop: the daemon kills at once (137) and the call returns', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { id } = await runIt(e, 'ubuntu');
  const ac = new AbortController();
  let waited = 0;
  await e.containerStop(id, {}, { sleep: async (ms) => { waited += ms; if (waited >= 3000) ac.abort(); }, signal: ac.signal });
  assert.equal(waited, 3000);
  const s = await e.containerInspect(id);
  assert.equal(s.State.Status, 'exited');
  assert.equal(s.State.ExitCode, 137);
});

test('restart keeps the writable layer; stop of a paused container waits and kills', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { id, type } = await runIt(e, 'ubuntu');
  await type('echo dato > /dato');
  await e.containerRestart(id, { timeout: 1 });
  const io = term();
  const h = await e.containerAttach(id, io);
  await h.input('cat /dato', io);
  assert.equal(io.text, 'dato\n');
  await e.containerPause(id);
  const t = e.now();
  await e.containerStop(id, { timeout: 2 });
  assert.equal(e.now() - t, 2000);
  assert.equal((await e.containerInspect(id)).State.ExitCode, 137);
});

test('a published port binds only its host address; without one, both wildcards; clashes per protocol and family', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const run = async (key: string, HostIp: string, HostPort: string) => {
    const { Id } = await e.containerCreate({ Image: 'nginx', HostConfig: { PortBindings: { [key]: [{ HostIp, HostPort }] } } });
    await e.containerStart(Id);
    const [s] = (await e.containerList()).filter((c) => c.Id === Id);
    return { ports: s.Ports, map: (await e.containerInspect(Id)).NetworkSettings.Ports };
  };
  const v4 = await run('80/tcp', '127.0.0.1', '8080');
  assert.deepEqual(v4.ports, [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }]);
  assert.deepEqual(v4.map, { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] });
  const v6 = await run('80/tcp', '::1', '8080');
  assert.deepEqual(v6.map, { '80/tcp': [{ HostIp: '::1', HostPort: '8080' }] }, 'another family, same port: no clash');
  const udp = await run('80/udp', '', '8080');
  assert.deepEqual(udp.ports, [{ PrivatePort: 80, Type: 'tcp' }, { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'udp' }, { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'udp' }]);
  assert.deepEqual(udp.map, { '80/tcp': null, '80/udp': [{ HostIp: '0.0.0.0', HostPort: '8080' }, { HostIp: '::', HostPort: '8080' }] });
  await assert.rejects(run('80/tcp', '', '8080'), (err: unknown) => err instanceof ApiError && /Bind for 0\.0\.0\.0:8080 failed: port is already allocated/.test(err.message));
  await assert.rejects(run('80/tcp', '::', '8080'), (err: unknown) => err instanceof ApiError && /Bind for \[::\]:8080 failed/.test(err.message));
  assert.deepEqual((await run('80/tcp', '', '9000-9001')).map, { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '9000' }, { HostIp: '::', HostPort: '9000' }] });
  assert.deepEqual((await run('80/tcp', '', '9000-9001')).map, { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '9001' }, { HostIp: '::', HostPort: '9001' }] }, 'a range takes its first free port');
});

test('ps filters: unknown keys and bad values fail the request as the daemon does', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await e.containerCreate({ Image: 'alpine' }, 'uno');
  const b = await e.containerCreate({ Image: 'alpine' }, 'dos');
  const c = await e.containerCreate({ Image: 'alpine' }, 'tres');
  const fails = (filters: Record<string, string[]>, message: string) =>
    assert.rejects(e.containerList({ all: true, filters }), (err: unknown) => err instanceof ApiError && err.status === 400 && err.message === message);
  await fails({ foo: ['bar'] }, "invalid filter 'foo'");
  await fails({ status: ['bogus'] }, "invalid filter 'status=bogus'");
  await fails({ exited: ['x'] }, 'strconv.Atoi: parsing "x": invalid syntax');
  await fails({ 'is-task': ['maybe'] }, "invalid filter 'is-task=[maybe]'");
  await fails({ health: ['green'] }, 'Unrecognised filter value for health: green');
  await assert.rejects(e.containerList({ filters: { before: ['nada'] } }), /No such container: nada/);
  const names = async (filters: Record<string, string[]>) => (await e.containerList({ all: true, filters })).map((s) => s.Names[0]);
  assert.deepEqual(await names({ status: ['created'] }), ['/tres', '/dos', '/uno']);
  assert.deepEqual(await names({ before: ['tres'] }), ['/dos', '/uno']);
  assert.deepEqual(await names({ since: ['uno'], before: [c.Id] }), ['/dos']);
  assert.deepEqual(await names({ exited: ['0'] }), []);
  assert.ok(a.Id && b.Id);
});

test('ps filters publish, expose, network and volume select by ports and attachments', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const start = async (key: string, HostIp: string, HostPort: string) => {
    const { Id } = await e.containerCreate({ Image: 'nginx', HostConfig: { PortBindings: { [key]: [{ HostIp, HostPort }] } } });
    await e.containerStart(Id);
    return Id;
  };
  const tcp = await start('80/tcp', '', '8080');
  const udp = await start('80/udp', '127.0.0.1', '9000');
  const ids = async (filters: Record<string, string[]>) => (await e.containerList({ filters })).map((s) => s.Id);
  assert.deepEqual(await ids({ publish: ['8080'] }), [tcp]);
  assert.deepEqual(await ids({ publish: ['9000/udp'] }), [udp]);
  assert.deepEqual(await ids({ publish: ['8990-9010/udp'] }), [udp]);
  assert.deepEqual(await ids({ publish: ['9000'] }), [], 'tcp is the default protocol');
  assert.deepEqual(await ids({ expose: ['80/udp'] }), [udp]);
  assert.deepEqual(await ids({ expose: ['80'] }), [udp, tcp]);
  assert.deepEqual(await ids({ network: ['bridge'] }), [udp, tcp]);
  assert.deepEqual(await ids({ network: ['host'] }), []);
  assert.deepEqual(await ids({ volume: ['datos'] }), []);
  // No healthchecks (health is "none") and no swarm tasks
  assert.deepEqual(await ids({ health: ['healthy'] }), []);
  assert.deepEqual(await ids({ health: ['none'] }), [udp, tcp]);
  assert.deepEqual(await ids({ 'is-task': ['true'] }), []);
  assert.deepEqual(await ids({ 'is-task': ['false'] }), [udp, tcp]);
});

test('create checks the restart policy as moby does and keeps it for inspect', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const policy = (Name: string, MaximumRetryCount = 0) => e.containerCreate({ Image: 'alpine', HostConfig: { RestartPolicy: { Name, MaximumRetryCount } } });
  const refused = (msg: string) => (err: unknown) => err instanceof ApiError && err.status === 400 && err.message === 'invalid restart policy: ' + msg;
  await assert.rejects(policy('bogus'), refused("unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'"));
  await assert.rejects(policy('always', 3), refused("maximum retry count can only be used with 'on-failure'"));
  await assert.rejects(policy('no', -1), refused("maximum retry count can only be used with 'on-failure' and cannot be negative"));
  await assert.rejects(policy('on-failure', -1), refused('maximum retry count cannot be negative'));
  const { Id } = await policy('on-failure', 3);
  assert.deepEqual((await e.containerInspect(Id)).HostConfig.RestartPolicy, { Name: 'on-failure', MaximumRetryCount: 3 });
});

test("kill: the route wraps every error with the name as typed; the signal is checked first; a paused container resumes for its stop signal", async () => {
  const e = engine();
  await pull(e, 'nginx', 'busybox');
  const is = (msg: string) => (err: unknown) => err instanceof ApiError && err.message === msg;
  await assert.rejects(e.containerKill('nope'), is('cannot kill container: nope: No such container: nope'));
  await assert.rejects(e.containerKill('nope', 'FOO'), is('cannot kill container: nope: invalid signal: FOO'));
  const web = await e.containerCreate({ Image: 'nginx' }, 'web');
  await e.containerStart(web.Id);
  await assert.rejects(e.containerKill('web', '0'), is('cannot kill container: web: invalid signal: 0'));
  await assert.rejects(e.containerKill('web', '99'), is('cannot kill container: web: the linux daemon does not support signal 99'));
  await e.containerPause(web.Id);
  await e.containerKill('web', 'HUP');
  assert.equal((await e.containerInspect(web.Id)).State.Status, 'paused', 'a signal other than the stop signal waits in the frozen cgroup');
  await e.containerKill('web', 'SIGQUIT');
  assert.deepEqual([(await e.containerInspect(web.Id)).State.Status, (await e.containerInspect(web.Id)).State.ExitCode], ['exited', 0]);
  const s = await e.containerCreate({ Image: 'busybox', Cmd: ['sleep', '100'] }, 'sl');
  await e.containerStart(s.Id);
  await e.containerPause(s.Id);
  await e.containerKill('sl', 'TERM');
  assert.equal((await e.containerInspect(s.Id)).State.Status, 'running', 'without a STOPSIGNAL any signal resumes it; PID 1 ignores TERM');
  await e.containerKill(s.Id.slice(0, 12));
  await assert.rejects(e.containerKill('sl'), is(`cannot kill container: sl: container ${s.Id} is not running`));
});

test('nginx logs every worker leaving: SIGQUIT gracefully, SIGTERM at once; SIGHUP replaces the workers and keeps running', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const { Id } = await e.containerCreate({ Image: 'nginx' }, 'web');
  await e.containerStart(Id);
  const tail = async (from: number) => (await e.containerLogs(Id)).slice(from).map((l) => l.text.replace(/^\S+ \S+ \[notice\] /, '')).join('');
  // a worker per CPU (4); each leaves on its own, then the master reaps it
  const first = [29, 30, 31, 32];
  const next = [33, 34, 35, 36];
  const leave = (ws: number[], graceful: boolean) => ws.flatMap((w) => [...(graceful ? [`${w}#${w}: gracefully shutting down`] : []), `${w}#${w}: exiting`, `${w}#${w}: exit`]);
  const reap = (ws: number[], end: string) => ws.flatMap((w, i) => [`1#1: signal 17 (SIGCHLD) received from ${w}`, `1#1: worker process ${w} exited with code 0`, i < ws.length - 1 ? '1#1: signal 29 (SIGIO) received' : end]);
  let n = (await e.containerLogs(Id)).length;
  await e.containerKill('web', 'HUP');
  assert.equal((await e.containerInspect(Id)).State.Status, 'running');
  assert.equal(await tail(n), [
    '1#1: signal 1 (SIGHUP) received, reconfiguring', '1#1: reconfiguring', '1#1: using the "epoll" event method', '1#1: start worker processes',
    ...next.map((w) => `1#1: start worker process ${w}`), ...leave(first, true), ...reap(first, '1#1: signal 29 (SIGIO) received'), ''].join('\n'));
  n = (await e.containerLogs(Id)).length;
  await e.containerStop(Id);
  assert.equal(await tail(n), ['1#1: signal 3 (SIGQUIT) received, shutting down', ...leave(next, true), ...reap(next, '1#1: exit'), ''].join('\n'));
  await e.containerStart(Id);
  n = (await e.containerLogs(Id)).length;
  await e.containerKill(Id, 'TERM');
  assert.equal(await tail(n), ['1#1: signal 15 (SIGTERM) received, exiting', ...leave(first, false), ...reap(first, '1#1: exit'), ''].join('\n'));
  assert.equal((await e.containerInspect(Id)).State.ExitCode, 0);
});

test('stop of a paused container sends its stop signal and resumes it: nginx leaves at once; another signal waits for the kill', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const { Id } = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(Id);
  await e.containerPause(Id);
  const t = e.now();
  await e.containerStop(Id);
  assert.equal(e.now(), t, 'no wait');
  assert.deepEqual([(await e.containerInspect(Id)).State.Status, (await e.containerInspect(Id)).State.ExitCode], ['exited', 0]);
  await e.containerStart(Id);
  await e.containerPause(Id);
  await e.containerStop(Id, { signal: 'HUP', timeout: 3 });
  assert.equal(e.now() - t, 3000, 'SIGHUP waits in the frozen cgroup until the kill');
  assert.equal((await e.containerInspect(Id)).State.ExitCode, 137);
});

test("a TTY container's log holds what the terminal got: one stream, lines ending in \\r\\n", async () => {
  const e = engine();
  await pull(e, 'busybox');
  const t = await e.containerCreate({ Image: 'busybox', Tty: true, Cmd: ['sh', '-c', 'echo hi; ls /nope'] });
  await e.containerStart(t.Id);
  assert.deepEqual((await e.containerLogs(t.Id)).map((l) => [l.stream, l.text]), [['stdout', 'hi\r\n'], ['stdout', "ls: /nope: No such file or directory\r\n"]]);
  const p = await e.containerCreate({ Image: 'busybox', Cmd: ['sh', '-c', 'echo hi; ls /nope'] });
  await e.containerStart(p.Id);
  assert.deepEqual((await e.containerLogs(p.Id)).map((l) => [l.stream, l.text]), [['stdout', 'hi\n'], ['stderr', "ls: /nope: No such file or directory\n"]]);
});

test("a port from the ephemeral range comes after the last one handed out, so a restart gets a new one", async () => {
  const e = engine();
  await pull(e, 'nginx');
  const hostPort = async (id: string) => (await e.containerInspect(id)).NetworkSettings.Ports['80/tcp']?.[0].HostPort;
  const bind = { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '' }] } };
  const a = await e.containerCreate({ Image: 'nginx', HostConfig: bind });
  await e.containerStart(a.Id);
  assert.equal(await hostPort(a.Id), '32768');
  await e.containerRemove(a.Id, { force: true });
  const b = await e.containerCreate({ Image: 'nginx', HostConfig: bind });
  await e.containerStart(b.Id);
  assert.equal(await hostPort(b.Id), '32769');
  await e.containerRestart(b.Id);
  assert.equal(await hostPort(b.Id), '32770');
});

test("commit: the history names the container's Cmd without the entrypoint; an unchanged container adds no layer", async () => {
  const e = engine();
  await pull(e, 'nginx', 'ubuntu');
  const web = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(web.Id);
  await e.containerCommit(web.Id, { reference: 'web:snap' });
  assert.equal((await e.imageHistory('web:snap'))[0].CreatedBy, "nginx -g daemon off;");
  const s = await e.containerCreate({ Image: 'ubuntu', Cmd: ['sleep', '100'] });
  await e.containerStart(s.Id);
  await e.containerCommit(s.Id, { reference: 'same' });
  const [base, same] = [await e.imageInspect('ubuntu'), await e.imageInspect('same')];
  assert.deepEqual(same.RootFS.Layers, base.RootFS.Layers);
  assert.notEqual(same.Id, base.Id);
  const [h] = await e.imageHistory('same');
  assert.deepEqual([h.CreatedBy, h.Size], ['sleep 100', 0]);
});

test("nginx's IPv6 script edits only the packaged default.conf: a changed one differs, a missing one is reported, a restart finds it done", async () => {
  const e = engine();
  await pull(e, 'nginx');
  const ipv6 = async (id: string) => (await e.containerLogs(id)).map((l) => l.text).filter((t) => t.startsWith('10-listen')).map((t) => t.slice(39, -1));
  // An nginx image whose default.conf a command changed first.
  const nginxAfter = async (cmd: string[]) => {
    const p = await e.containerCreate({ Image: 'nginx', Cmd: cmd, Entrypoint: [] });
    await e.containerStart(p.Id);
    await e.containerCommit(p.Id, { reference: 'prepared', changes: ['ENTRYPOINT ["/docker-entrypoint.sh"]', 'CMD ["nginx", "-g", "daemon off;"]'] });
    const { Id } = await e.containerCreate({ Image: 'prepared' });
    await e.containerStart(Id);
    return ipv6(Id);
  };
  const { Id } = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(Id);
  assert.deepEqual(await ipv6(Id), ['Getting the checksum of /etc/nginx/conf.d/default.conf', 'Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf']);
  await e.containerRestart(Id);
  assert.deepEqual((await ipv6(Id)).slice(2), ['IPv6 listen already enabled']);
  assert.deepEqual(await nginxAfter(['sh', '-c', 'echo "# mine" >> /etc/nginx/conf.d/default.conf']), ['Getting the checksum of /etc/nginx/conf.d/default.conf', '/etc/nginx/conf.d/default.conf differs from the packaged version']);
  assert.deepEqual(await nginxAfter(['rm', '/etc/nginx/conf.d/default.conf']), ['/etc/nginx/conf.d/default.conf is not a file or does not exist']);
});

test('a failed start keeps the error and exit code 128 (or the runtime\'s), removes a --rm container, and restart wraps it', async () => {
  const e = engine();
  await pull(e, 'nginx', 'ubuntu');
  const bind = { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } };
  const a = await e.containerCreate({ Image: 'nginx', HostConfig: bind }, 'aa');
  await e.containerStart(a.Id);
  await e.containerStop(a.Id);
  const b = await e.containerCreate({ Image: 'nginx', HostConfig: bind });
  await e.containerStart(b.Id);
  await assert.rejects(e.containerRestart('aa'), (err: unknown) => err instanceof ApiError && /^Cannot restart container aa: failed to set up container networking: .*port is already allocated$/.test(err.message));
  const s = (await e.containerInspect(a.Id)).State;
  assert.deepEqual([s.Status, s.ExitCode], ['exited', 128]);
  assert.match(s.Error, /^failed to set up container networking/);
  const rm = await e.containerCreate({ Image: 'ubuntu', Cmd: ['nosuch'], HostConfig: { AutoRemove: true } });
  await assert.rejects(e.containerStart(rm.Id), (err: unknown) => err instanceof ApiError && err.exitCode === 127);
  await assert.rejects(e.containerInspect(rm.Id), (err: unknown) => err instanceof ApiError && err.status === 404);
});

test('start of a paused container is refused; of a running one, a no-op', async () => {
  const e = engine();
  await pull(e, 'busybox');
  const { Id } = await e.containerCreate({ Image: 'busybox', Cmd: ['sleep', '100'] });
  await e.containerStart(Id);
  await e.containerStart(Id);
  await e.containerPause(Id);
  await assert.rejects(e.containerStart(Id), (err: unknown) => err instanceof ApiError && err.status === 409 && err.message === 'cannot start a paused container, try unpause instead');
  assert.equal((await e.containerInspect(Id)).State.Status, 'paused');
});

test('--stop-timeout is the grace period of stop and restart unless -t is given', async () => {
  const e = engine();
  await pull(e, 'busybox');
  const { Id } = await e.containerCreate({ Image: 'busybox', Cmd: ['sleep', '1000'], StopTimeout: 3 });
  assert.equal((await e.containerInspect(Id)).Config.StopTimeout, 3);
  await e.containerStart(Id);
  let t = e.now();
  await e.containerStop(Id);
  assert.equal(e.now() - t, 3000);
  await e.containerStart(Id);
  t = e.now();
  await e.containerStop(Id, { timeout: 1 });
  assert.equal(e.now() - t, 1000);
});

test('a signal sent to a paused container waits in the frozen cgroup and arrives on unpause', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const { Id } = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(Id);
  await e.containerPause(Id);
  await e.containerKill(Id, 'TERM');
  assert.equal((await e.containerInspect(Id)).State.Status, 'paused');
  await e.containerUnpause(Id);
  const s = (await e.containerInspect(Id)).State;
  assert.deepEqual([s.Status, s.ExitCode], ['exited', 0]);
  assert.match((await e.containerLogs(Id)).map((l) => l.text).join(''), /signal 15 \(SIGTERM\) received, exiting/);
});

test('create checks the stop signal as ParseSignal does', async () => {
  const e = engine();
  await pull(e, 'busybox');
  await assert.rejects(e.containerCreate({ Image: 'busybox', StopSignal: 'FOO' }), (err: unknown) => err instanceof ApiError && err.status === 400 && err.message === 'invalid signal: FOO');
  await assert.rejects(e.containerCreate({ Image: 'busybox', StopSignal: '0' }), (err: unknown) => err instanceof ApiError && err.message === 'invalid signal: 0');
  const { Id } = await e.containerCreate({ Image: 'busybox', StopSignal: 'sigint' });
  assert.equal((await e.containerInspect(Id)).Config.StopSignal, 'sigint');
});

test("a TTY shell's log holds its prompts as the terminal showed them: the first one at start, one after each line", async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { id, type } = await runIt(e, 'ubuntu', 'tty1');
  const prompt = `root@${id.slice(0, 12)}:/# `;
  const log = async () => (await e.containerLogs(id)).map((l) => l.text).join('');
  assert.equal(await log(), prompt, 'bash prints its prompt before anything is typed');
  await type('echo hi');
  assert.equal(await log(), `${prompt}echo hi\r\nhi\r\n${prompt}`);
  await type('exit');
  assert.equal(await log(), `${prompt}echo hi\r\nhi\r\n${prompt}exit\r\nexit\r\n`);
});

test('a missing working directory is created at start, parents included', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { Id } = await e.containerCreate({ Image: 'ubuntu', Cmd: ['pwd'], WorkingDir: '/a/b' });
  const io = term(false);
  await e.containerAttach(Id, io, { beforeStart: true });
  await e.containerStart(Id);
  assert.equal(io.text, '/a/b\n');
  assert.deepEqual((await e.containerChanges(Id)).map((ch) => ch.Path), ['/a', '/a/b']);
});

test('create refuses a relative working directory and cleans an absolute one', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  await assert.rejects(e.containerCreate({ Image: 'ubuntu', WorkingDir: 'rel' }), (err: unknown) => err instanceof ApiError && err.status === 400 &&
    err.message === "the working directory 'rel' is invalid, it needs to be an absolute path");
  const { Id } = await e.containerCreate({ Image: 'ubuntu', WorkingDir: '/tmp//x/' });
  assert.equal((await e.containerInspect(Id)).Config.WorkingDir, '/tmp/x');
});

test("an interactive shell leaves its history in the writable layer: bash's and ash's in HOME, dash keeps none", async () => {
  const e = engine();
  await pull(e, 'alpine', 'debian');
  const session = async (image: string, cmd?: string[]) => {
    const { id, type } = await runIt(e, image, undefined, cmd);
    await type('ls');
    await type('exit');
    return (await e.containerChanges(id)).map((c) => `${c.Kind} ${c.Path}`);
  };
  assert.deepEqual(await session('alpine'), ['0 /root', '1 /root/.ash_history']);
  assert.deepEqual(await session('debian', ['sh']), []);
  assert.deepEqual(await session('debian'), ['0 /root', '1 /root/.bash_history']);
});

test('the python REPL answers a name it does not know with a NameError and leaves on a bare exit, as 3.13 does', async () => {
  const e = engine();
  await pull(e, 'python');
  const { id, h, type } = await runIt(e, 'python');
  assert.equal(h.prompt(), '>>> ');
  assert.equal(await type('print("hola")'), 'hola\n');
  assert.equal(await type('2 + 3'), '5\n');
  assert.match(await type('foo'), /NameError: name 'foo' is not defined\n$/);
  await type('exit');
  assert.equal((await e.containerInspect(id)).State.Status, 'exited');
});

test("mysql's server and clients report the image's MYSQL_VERSION: 8.4.5 for mysql:8, 9.3.0 for latest", async () => {
  const e = engine();
  await pull(e, 'mysql:8', 'mysql');
  for (const [image, v] of [['mysql:8', '8.4.5'], ['mysql', '9.3.0']]) {
    const { Id } = await e.containerCreate({ Image: image, Env: ['MYSQL_ROOT_PASSWORD=x'] });
    await e.containerStart(Id);
    const log = (await e.containerLogs(Id)).map((l) => l.text).join('');
    assert.ok(log.includes(`Entrypoint script for MySQL Server ${v}-1.el9 started.`), log);
    assert.ok(log.includes(`ready for connections. Version: '${v}'`), log);
    const io = term(false);
    await e.exec(Id, { Cmd: ['mysql', '--version'] }, io);
    assert.equal(io.text, `mysql  Ver ${v} for Linux on x86_64 (MySQL Community Server - GPL)\n`);
  }
});

test('ps and top see nginx as it renames itself, with its workers; a ps that runc started is listed once', async () => {
  const e = engine();
  await pull(e, 'nginx:alpine', 'alpine');
  const { Id } = await e.containerCreate({ Image: 'nginx:alpine' });
  await e.containerStart(Id);
  const io = term(false);
  await e.exec(Id, { Cmd: ['ps'] }, io);
  const workers = [29, 30, 31, 32].map((w) => `${String(w).padStart(5)} nginx     0:00 nginx: worker process\n`).join('');
  assert.equal(io.text, `PID   USER     TIME  COMMAND\n    1 root      0:00 nginx: master process nginx -g daemon off;\n${workers}   33 root      0:00 ps\n`);
  const top = await e.containerTop(Id);
  assert.deepEqual(top.Processes.map((p) => [p[0], p[7]]), [['root', 'nginx: master process nginx -g daemon off;'], ...[1, 2, 3, 4].map(() => ['101', 'nginx: worker process'])]);
  assert.ok(top.Processes.slice(1).every((p) => p[2] === top.Processes[0][1]), 'the workers are children of the master');
  const one = await e.containerCreate({ Image: 'alpine', Cmd: ['ps'] });
  await e.containerStart(one.Id);
  assert.equal((await e.containerLogs(one.Id)).map((l) => l.text).join(''), 'PID   USER     TIME  COMMAND\n    1 root      0:00 ps\n');
});
