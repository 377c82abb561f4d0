/** What a student types around the course's steps, as docker/cli 28.2.2 and moby answer it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

test('a bad name is refused after the missing image is pulled, as newContainer reserves it', async () => {
  const run = session();
  const r = await run('docker run -d --name a nginx');
  assert.match(r.err, /^Unable to find image 'nginx:latest' locally\n[^]*Status: Downloaded newer image for nginx:latest\ndocker: Error response from daemon: Invalid container name \(a\), only \[a-zA-Z0-9\]\[a-zA-Z0-9_.-\] are allowed\n/);
  assert.equal(r.exit, 125);
  // "no command specified" comes before the name.
  assert.match((await run('docker create --name @ --entrypoint "" nginx')).err, /no command specified/);
  assert.equal((await run('docker ps -aq')).out, '');
});

test('inspect --type passes the daemon\'s own not-found error through; without it, "No such object"', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  assert.deepEqual(await run('docker inspect --type image -f "{{.Id}}" web'), { out: '\n', err: 'Error response from daemon: No such image: web:latest\n', exit: 1 });
  assert.deepEqual(await run('docker inspect --type container nope'), { out: '[]\n', err: 'Error response from daemon: No such container: nope\n', exit: 1 });
  assert.deepEqual(await run('docker inspect nope'), { out: '[]\n', err: 'Error: No such object: nope\n', exit: 1 });
  assert.equal((await run('docker inspect --type=container -f "{{.Name}}" web')).out, '/web\n');
});

test('printf takes fmt\'s flags, width and precision, and marks a verb that does not fit', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  assert.match((await run(`docker inspect -f '{{ .State.StartedAt | printf "%.10s" }}' web`)).out, /^\d{4}-\d\d-\d\d\n$/);
  assert.equal((await run(`docker inspect -f '{{printf "%-6s|%05d|%.2f|%q|%t|%x|%d%%" .Name 42 3.14159 .Name .State.Running 255 7}}' web`)).out, '/web  |00042|3.14|"/web"|true|ff|7%\n');
  assert.equal((await run(`docker inspect -f '{{printf "%d %s" .Name}}' web`)).out, '%!d(string=/web) %!s(MISSING)\n');
});

test('exec -w to a directory that is not there fails in runc\'s chdir; the user is looked up first', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  const oci = 'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ';
  assert.deepEqual(await run('docker exec -w /nonexistent web pwd'), { out: '', err: `${oci}("/nonexistent") set in config.json failed: no such file or directory: unknown\n`, exit: 127 });
  assert.match((await run('docker exec -w /etc/passwd web pwd')).err, /\("\/etc\/passwd"\) set in config\.json failed: not a directory: unknown: Are you trying to mount/);
  assert.equal((await run('docker exec -w tmp web pwd')).out, '/tmp\n');
  assert.equal((await run('docker exec -u nouser web nosuch')).err, 'Error response from daemon: unable to find user nouser: no matching entries in passwd file\n');
});

test('comparing values of two kinds is Go\'s error, not false', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  assert.deepEqual(await run(`docker inspect -f '{{if eq .State.Running "true"}}up{{end}}' web`),
    { out: '\n', err: 'template parsing error: template: :1:5: executing "" at <eq .State.Running "true">: error calling eq: incompatible types for comparison\n', exit: 1 });
  assert.equal((await run(`docker inspect -f '{{if eq .State.Running true}}up{{end}} {{ne .Name "/x"}} {{lt .State.ExitCode 1}}' web`)).out, 'up true true\n');
  assert.match((await run(`docker inspect -f '{{gt .Name 3}}' web`)).err, /<gt \.Name 3>: error calling gt: incompatible types/);
});

test('a function given the wrong number or kind of arguments fails as Go\'s evalCall does', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  const inspectErr = async (f: string) => (await run(`docker inspect -f '${f}' web`)).err;
  assert.equal(await inspectErr('{{upper}}'), 'template parsing error: template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0\n');
  assert.equal(await inspectErr('{{join .Config.Env}}'), 'template parsing error: template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1\n');
  assert.equal(await inspectErr('{{.Config.Env | join ","}}'), 'template parsing error: template: :1:21: executing "" at <",">: can\'t handle "," for arg of type []string\n');
  assert.equal((await run(`docker inspect -f '{{.Name | upper}} {{.Config.Env | len}} {{join .Config.Env "," | len}}' web`)).out, '/WEB 6 177\n');
  assert.deepEqual(await run(`docker ps --format '{{join .Names ","}}'`),
    { out: '', err: 'failed to execute template: template: :1:7: executing "" at <.Names>: wrong type for value; expected []string; got string\n', exit: 1 });
});

test('ENV or LABEL with nothing after it is the parser\'s error, not a crash', async () => {
  const run = session();
  await run('docker pull alpine');
  for (const ins of ['ENV', 'LABEL']) {
    await run(`printf "FROM alpine\\n${ins}\\n" > Dockerfile`);
    const r = await run('docker build .');
    assert.match(r.err, new RegExp(`Error response from daemon: dockerfile parse error on line 2: ${ins} requires at least one argument\n$`));
    assert.equal(r.exit, 1);
  }
});

test('commit --change: the instruction named as written, HEALTHCHECK and ONBUILD allowed, arguments required', async () => {
  const run = session();
  await run('docker run -d --name web --health-cmd "true" nginx');
  const daemon = (m: string) => ({ out: '', err: `Error response from daemon: ${m}\n`, exit: 1 });
  assert.deepEqual(await run("docker commit -c 'run ls' web x:1"), daemon('run is not a valid change command'));
  assert.deepEqual(await run("docker commit -c 'FOO bar' web x:1"), daemon('FOO is not a valid change command'));
  assert.deepEqual(await run("docker commit -c 'ENV' web x:1"), daemon('dockerfile parse error on line 1: ENV requires at least one argument'));
  assert.deepEqual(await run("docker commit -c 'workdir' web x:1"), daemon('dockerfile parse error on line 1: WORKDIR requires exactly one argument'));
  assert.deepEqual(await run("docker commit -c 'HEALTHCHECK --bogus=1 CMD true' web x:1"), daemon('dockerfile parse error on line 1: Unknown flag: bogus'));
  assert.equal((await run("docker commit -c 'ONBUILD RUN echo hi' -c 'HEALTHCHECK --interval=5s CMD curl -f localhost' web x:2")).exit, 0);
  assert.equal((await run("docker inspect -f '{{json .Config.OnBuild}} {{json .Config.Healthcheck}}' x:2")).out,
    '["RUN echo hi"] {"Test":["CMD-SHELL","curl -f localhost"],"Interval":5000000000}\n');
  // The container's own healthcheck goes into the image.
  await run('docker commit web x:3');
  assert.equal((await run("docker inspect -f '{{json .Config.Healthcheck.Test}}' x:3")).out, '["CMD-SHELL","true"]\n');
});

test('ps name and id filters are regular expressions; a name matches with or without its slash', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('docker run -d --name web2 nginx');
  const names = async (f: string) => (await run(`docker ps --format '{{.Names}}' -f '${f}'`)).out;
  assert.equal(await names('name=^web$'), 'web\n');
  assert.equal(await names('name=^/web$'), 'web\n');
  assert.equal(await names('name=/web'), 'web2\nweb\n');
  const id = (await run("docker inspect -f '{{.Id}}' web")).out.trim();
  assert.equal(await names(`id=${id.slice(20, 30)}`), 'web\n');
  assert.equal(await names(`id=^${id.slice(0, 5)}`), 'web\n');
});

test('--expose takes a range, each port on its own, and refuses what nat cannot parse', async () => {
  const run = session();
  await run('docker run -d -P --expose 3000 --expose 4000-4001/udp --name pp nginx');
  assert.deepEqual(Object.keys(JSON.parse((await run("docker inspect -f '{{json .Config.ExposedPorts}}' pp")).out)), ['80/tcp', '3000/tcp', '4000/udp', '4001/udp']);
  assert.doesNotMatch((await run("docker ps --format '{{.Ports}}'")).out, /NaN|-4001/);
  const bad = async (v: string) => (await run(`docker create --expose ${v} nginx`)).err.split('\n')[0];
  assert.equal(await bad('abc'), 'docker: invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax');
  assert.equal(await bad('8080:80'), 'docker: invalid port format for --expose: 8080:80');
  assert.equal(await bad('5-3'), 'docker: invalid range format for --expose: 5-3, error: invalid range specified for port: 5-3');
  assert.equal((await run('docker create --expose 70000 nginx')).exit, 125);
});

test('ps asks for sizes when its template reads .Size, as {{json .}} does; not for --format json or --size=false', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  const size = async (args: string) => {
    const out = (await run(`docker ps ${args}`)).out.trim();
    return out.startsWith('{') ? JSON.parse(out).Size as string : out;
  };
  assert.match(await size(`--format '{{json .}}'`), /^\S+ \(virtual 192MB\)$/);
  assert.equal(await size('--format json'), '0B');
  assert.equal(await size(`--format '{{.Size}}' --size=false`), '0B');
  assert.match(await size(`--format '{{.Size}}'`), /virtual/);
});

test('Go string literals: escapes read as strconv does; a \\n that --format turned into a line break ends the string', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  assert.deepEqual(await run(`docker ps --format '{{.Names}}{{"\\n"}}'`), { out: '', err: 'template parsing error: template: :1: unterminated quoted string\n', exit: 1 });
  assert.equal((await run(`docker ps --format '{{.Names}}{{"\\t"}}{{.Image}}'`)).out, 'web\tnginx\n');
  assert.equal((await run(`docker inspect -f '{{.Name}}{{"\\n"}}{{"\\x41\\u00e9\\101\\""}}' web`)).out, '/web\nAéA"\n');
});

test('index reads a string by byte and slice checks its bounds, so ps\'s dry run on an empty row fails', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  assert.equal((await run(`docker inspect -f '{{index .Name 1}} {{slice .Id 0 4}}' web`)).out, `119 ${(await run("docker inspect -f '{{.Id}}' web")).out.slice(0, 4)}\n`);
  assert.equal((await run(`docker ps --format '{{slice .ID 0 4}}'`)).err, 'failed to execute template: template: :1:2: executing "" at <slice .ID 0 4>: error calling slice: index out of range: 4\n');
  assert.equal((await run(`docker ps --format '{{index .Names 0}}'`)).err, 'failed to execute template: template: :1:2: executing "" at <index .Names 0>: error calling index: reflect: string index out of range\n');
  assert.match((await run(`docker inspect -f '{{slice .Id 5 4}}' web`)).err, /error calling slice: invalid slice index: 5 > 4\n$/);
  assert.match((await run(`docker images --format '{{slice .ID 0 4}}'`)).out, /^[0-9a-f]{4}\n$/);
});

test('an ambiguous ID prefix is an invalid parameter: inspect does not fall through to images, rm -f fails', async () => {
  const run = session();
  await run('docker pull alpine');
  let ids: string[] = [];
  // enough containers for two to share a first character
  while (new Set(ids.map((i) => i[0])).size === ids.length) {
    await run('docker create alpine');
    ids = (await run('docker ps -aq')).out.trim().split('\n');
  }
  const p = ids.find((i, n) => ids.findIndex((j) => j[0] === i[0]) !== n)![0];
  const err = `Error response from daemon: multiple IDs found with provided prefix: ${p}\n`;
  assert.deepEqual(await run(`docker inspect -f '{{.Id}}' ${p}`), { out: '\n', err, exit: 1 });
  assert.deepEqual(await run(`docker rm -f ${p}`), { out: '', err, exit: 1 });
});
