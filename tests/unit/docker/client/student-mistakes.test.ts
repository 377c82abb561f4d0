/** A curious student off the decks' scenarios, answered as docker/cli 28.2.2 and moby do. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

test('exec into a paused container names it as typed, capitalised (moby errExecPaused)', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('docker pause web');
  assert.deepEqual(await run('docker exec web ls'), { out: '', err: 'Error response from daemon: Container web is paused, unpause the container before exec\n', exit: 1 });
});

test('--rm with a restart policy other than no is the client\'s conflict, before any pull', async () => {
  const run = session();
  const conflict = { out: '', err: 'docker: conflicting options: cannot specify both --restart and --rm\n\nRun \'docker run --help\' for more information\n', exit: 125 };
  assert.deepEqual(await run('docker run --rm --restart always nginx'), conflict);
  assert.deepEqual(await run('docker run --rm --restart=foo nginx'), conflict);
  assert.equal((await run('docker create --rm --restart no nginx')).exit, 0);
});

test('COPY . of a context that .dockerignore empties copies the empty root (legacy builder)', async () => {
  const run = session();
  await run("mkdir app && cd app && echo 'print(1)' > app.py && printf '!*.py\\n*\\n' > .dockerignore");
  await run("printf 'FROM alpine\\nCOPY . /app/\\nRUN ls -a /app\\n' > Dockerfile");
  const r = await run('docker build -t vacio .');
  assert.equal(r.exit, 0, r.err);
  assert.match(r.out, /Running in \w+\n\.\n\.\.\n ---> Removed/);
});

test('docker cp: a trailing slash on a file is "not a directory", both ways, and nothing is overwritten', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('echo hi > f.txt');
  // the daemon's lstat fails, so the CLI takes the destination for a missing directory
  assert.deepEqual(await run('docker cp f.txt web:/etc/passwd/'), { out: '', err: 'no such directory\n', exit: 1 });
  assert.match((await run('docker exec web head -1 /etc/passwd')).out, /^root:x:0:0/);
  const id = (await run("docker inspect -f '{{.GraphDriver.Data.MergedDir}}' web")).out.trim();
  assert.deepEqual(await run('docker cp web:/etc/passwd/ .'), { out: '', err: `Error response from daemon: lstat ${id}/etc/passwd/: not a directory\n`, exit: 1 });
  assert.deepEqual(await run('docker cp web:/etc/hostname f.txt/'), { out: '', err: 'stat /home/alumno/f.txt/: not a directory\n', exit: 1 });
  assert.equal((await run('cat f.txt')).out, 'hi\n');
});

test('save/export -o check the output directory before the daemon is asked', async () => {
  const run = session();
  assert.deepEqual(await run('docker save -o /nodir/x.tar nope'), { out: '', err: 'failed to save image: invalid output path: stat /nodir: no such file or directory\n', exit: 1 });
  assert.deepEqual(await run('docker export -o /nodir/c.tar nope'), { out: '', err: 'failed to export container: invalid output path: stat /nodir: no such file or directory\n', exit: 1 });
});

test('/sys/fs/cgroup shows the limits run and update set (cgroup v2, as runc writes them)', async () => {
  const run = session();
  await run('docker run -d -m 64m --cpus 0.5 --pids-limit 50 --name lim nginx');
  const cat = async (c: string, files: string) => (await run(`docker exec ${c} sh -c 'cd /sys/fs/cgroup && cat ${files}'`)).out;
  assert.equal(await cat('lim', 'memory.max memory.swap.max cpu.max pids.max cpu.weight'), '67108864\n67108864\n50000 100000\n50\n100\n');
  await run('docker update -m 128m --memory-swap -1 lim');
  assert.equal(await cat('lim', 'memory.max memory.swap.max'), '134217728\nmax\n');
  assert.equal((await run('docker run --rm --cpu-shares 512 alpine cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max /sys/fs/cgroup/pids.max /sys/fs/cgroup/cpu.weight')).out, 'max\nmax 100000\nmax\n20\n');
  assert.equal((await run('docker run --rm alpine ls /sys')).out, 'block\nbus\nclass\ndev\ndevices\nfirmware\nfs\nhypervisor\nkernel\nmodule\npower\n');
});

test('stats --format with a field it does not have fails on the Go type, as images and ps do', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  assert.deepEqual(await run('docker stats --no-stream --format "{{.Foo}}"'),
    { out: '', err: 'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *container.statsContext\n', exit: 1 });
});

test('-p 0:80 asks for an ephemeral host port, as -p 80 does', async () => {
  const run = session();
  await run('docker run -d -p 0:80 --name web nginx');
  assert.equal((await run('docker port web 80')).out, '0.0.0.0:32768\n[::]:32768\n');
  assert.equal((await run("docker inspect -f '{{json .HostConfig.PortBindings}}' web")).out, '{"80/tcp":[{"HostIp":"","HostPort":"0"}]}\n');
});

test('--link: a missing container fails the create; the alias resolves through /etc/hosts; a stopped child fails the start', async () => {
  const run = session();
  await run('docker pull -q alpine');
  assert.deepEqual(await run('docker run --rm --link nope:x alpine true'),
    { out: '', err: 'docker: Error response from daemon: could not get container for nope: No such container: nope\n\nRun \'docker run --help\' for more information\n', exit: 125 });
  assert.equal((await run('docker ps -aq')).out, '');
  await run('docker run -d --name db redis');
  await run('docker run -d --name web --link db:cache nginx');
  const ip = (await run("docker inspect -f '{{.NetworkSettings.IPAddress}}' db")).out.trim();
  const host = (await run("docker inspect -f '{{.Config.Hostname}}' db")).out.trim();
  assert.match((await run('docker exec web cat /etc/hosts')).out, new RegExp(`\\n${ip}\\tcache ${host} db\\n[\\d.]+\\t\\w+\\n$`));
  assert.equal((await run('docker exec web getent hosts cache')).exit, 0);
  assert.equal((await run("docker inspect -f '{{.HostConfig.Links}}' web")).out, '[/db:/web/cache]\n');
  await run('docker stop db web');
  assert.deepEqual(await run('docker start web'), { out: '', err: 'Error response from daemon: Cannot link to a non running container: /db AS /web/cache\nError: failed to start containers: web\n', exit: 1 });
});

test('a command named with a trailing slash after a file is runc\'s "not a directory", exit 127', async () => {
  const run = session();
  await run('docker pull -q ubuntu');
  const r = await run('docker run --rm ubuntu /etc/passwd/');
  assert.equal(r.exit, 127);
  assert.match(r.err, /error during container init: exec: "\/etc\/passwd\/": stat \/etc\/passwd\/: not a directory: unknown: Are you trying to mount a directory onto a file/);
});

test('--link gives the child\'s address, ports, name and environment as variables (links.ToEnv), after PATH and HOSTNAME', async () => {
  const run = session();
  await run('docker run -d --name db -e CLAVE=x redis');
  const ip = (await run("docker inspect -f '{{.NetworkSettings.IPAddress}}' db")).out.trim();
  const env = (await run('docker run --rm --link db:my-db alpine env')).out.split('\n');
  assert.deepEqual(env.slice(0, 7), [env[0], env[1], `MY_DB_PORT=tcp://${ip}:6379`, `MY_DB_PORT_6379_TCP=tcp://${ip}:6379`, `MY_DB_PORT_6379_TCP_ADDR=${ip}`,
    'MY_DB_PORT_6379_TCP_PORT=6379', 'MY_DB_PORT_6379_TCP_PROTO=tcp']);
  assert.match(env[0] + ' ' + env[1], /^PATH=\S+ HOSTNAME=\w+$/);
  assert.match(env[7], /^MY_DB_NAME=\/\w+\/my-db$/);
  assert.ok(env.includes('MY_DB_ENV_CLAVE=x'));
  assert.ok(!env.some((v) => v.startsWith('MY_DB_ENV_PATH=')));
});
