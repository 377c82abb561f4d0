/**
 * Templates of inspect, version and info: the client's own error texts and exit codes, and Go's
 * HTML-safe JSON where the client prints marshalled data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, type DockerApi } from '../../../../src/docker/api';
import { hostShell, run } from './harness';

const WEB = { Id: 'a'.repeat(64), Name: '/web', State: { Status: 'running', Pid: 7 }, Config: { Labels: { maintainer: 'NGINX <m@nginx.com>' } } };

const api = {
  now: () => Date.UTC(2025, 5, 1),
  advance: () => {},
  containerInspect: async (ref: string) => {
    if (ref !== 'web') throw new ApiError(404, `No such container: ${ref}`);
    return WEB;
  },
  imageInspect: async (ref: string) => { throw new ApiError(404, `No such image: ${ref}`); },
  networkInspect: async (ref: string) => { throw new ApiError(404, `network ${ref} not found`); },
  volumeInspect: async (ref: string) => { throw new ApiError(404, `get ${ref}: no such volume`); },
  version: async () => ({ Version: '28.2.2', Components: [] }),
  info: async () => ({ Containers: 1, Warnings: [] }),
} as unknown as DockerApi;

test('inspect --format: raw retry errors, exit 64 for a bad template, a lone newline when nothing printed', async () => {
  const sh = hostShell(api);
  // A field path is placed at its second part, as Go's parser places the chained field node.
  let r = await run(sh, `docker inspect -f '{{.State.Foo}}' web`);
  assert.deepEqual([r.stdout, r.stderr, r.exit], ['\n', 'template parsing error: template: :1:8: executing "" at <.State.Foo>: map has no entry for key "Foo"\n', 1]);
  r = await run(sh, `docker inspect -f 'x {{json .Name}} {{.Foo}}' web`);
  assert.equal(r.stderr, 'template parsing error: template: :1:19: executing "" at <.Foo>: map has no entry for key "Foo"\n');
  // A missing key of a map (the labels) is not an error; index gives the map's zero value.
  r = await run(sh, `docker inspect -f '{{.Config.Labels.x}}|{{index .Config.Labels "x"}}|{{.Name}}' web nope web`);
  assert.deepEqual([r.stdout, r.stderr, r.exit], ['<no value>||/web\n<no value>||/web\n', 'Error: No such object: nope\n', 1]);
  r = await run(sh, `docker inspect -f '{{foo}}' web`);
  assert.deepEqual([r.stdout, r.stderr, r.exit], ['', 'template parsing error: template: :1: function "foo" not defined\n', 64]);
  r = await run(sh, `docker inspect -f '{{.Name}}' nope`);
  assert.deepEqual([r.stdout, r.exit], ['\n', 1]);
  // The daemon's JSON is Go-marshalled: HTML characters escaped; `json` is compact; a template's json is not escaped.
  assert.match((await run(sh, 'docker inspect web')).stdout, /"maintainer": "NGINX \\u003cm@nginx.com\\u003e"/);
  assert.match((await run(sh, 'docker inspect -f json web')).stdout, /^\[\{"Id":"a+","Name":"\/web",/);
  assert.equal((await run(sh, `docker inspect -f '{{json .Config.Labels}}' web`)).stdout, '{"maintainer":"NGINX <m@nginx.com>"}\n');
});

test('version and info --format: named template errors, exit 64, an empty format is the usual text', async () => {
  const sh = hostShell(api);
  let r = await run(sh, `docker version -f '{{.Foo}}'`);
  assert.deepEqual([r.stdout, r.stderr, r.exit], ['\n', 'template: version:1:2: executing "version" at <.Foo>: can\'t evaluate field Foo in type system.versionInfo\n', 1]);
  r = await run(sh, `docker version -f '{{foo}}'`);
  assert.deepEqual([r.stderr, r.exit], ['template parsing error: template: version:1: function "foo" not defined\n', 64]);
  r = await run(sh, `docker info -f '{{.Foo}}'`);
  assert.deepEqual([r.stdout, r.stderr, r.exit], ['\n', 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type system.dockerInfo\n', 1]);
  r = await run(sh, `docker info -f '{{.Containers'`);
  assert.deepEqual([r.stderr, r.exit], ['template parsing error: template: :1: unclosed action\n', 64]);
  assert.match((await run(sh, `docker version -f ''`)).stdout, /^Client:\n Version: {11}28\.2\.2\n/);
});

test('run/create: -e NAME takes the exported value of the client shell; --pull is checked first', async () => {
  let created: { Env?: string[] } | undefined;
  const engine = { ...api, containerCreate: async (cfg: { Env?: string[] }) => { created = cfg; throw new ApiError(409, 'stop here'); } } as unknown as DockerApi;
  const sh = hostShell(engine);
  await run(sh, 'export FOO=bar; BAZ=1');
  await run(sh, 'docker create -e FOO -e BAZ -e X= alpine');
  assert.deepEqual(created?.Env, ['FOO=bar', 'BAZ', 'X=']);
  const r = await run(sh, 'docker run --pull sometimes UPPER');
  assert.deepEqual([r.stderr, r.exit], [`docker: invalid pull option: 'sometimes': must be one of "always", "missing" or "never"\n\nRun 'docker run --help' for more information\n`, 125]);
});

test('system df --format: an unknown field is reported against the images row', async () => {
  const sh = hostShell({ ...api, systemDf: async () => ({ Images: [], Containers: [], Volumes: [], LayersSize: 0 }) } as unknown as DockerApi);
  const r = await run(sh, `docker system df --format '{{.Type}} {{.Foo}}'`);
  assert.deepEqual([r.stdout, r.stderr, r.exit], ['', 'template parsing error: template: :1:12: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.diskUsageImagesContext\n', 1]);
});

test('ps --format is checked on an empty container before listing; -q wins over it with a warning', async () => {
  let listed = 0;
  const rows = [{ Id: 'b'.repeat(64), Names: ['/web'], Image: 'nginx', ImageID: 'sha256:' + 'c'.repeat(64), Command: 'nginx', Created: 0, State: 'running', Status: 'Up', Ports: [], Labels: { a: 'x' } }];
  const sh = hostShell({ ...api, containerList: async () => { listed++; return rows; } } as unknown as DockerApi);
  let r = await run(sh, `docker ps --format 'table {{.ID}}\\t{{.RestartCount}}'`);
  assert.deepEqual([r.stdout, r.stderr, r.exit, listed], ['', 'failed to execute template: template: :1:17: executing "" at <.RestartCount>: can\'t evaluate field RestartCount in type *formatter.ContainerContext\n', 1, 0]);
  r = await run(sh, `docker ps --format '{{nope .ID}}'`);
  assert.deepEqual([r.stderr, r.exit], ['failed to parse template: template: :1: function "nope" not defined\n', 1]);
  r = await run(sh, `docker ps -q --format '{{.Names}}'`);
  assert.deepEqual([r.stdout, r.stderr], ['bbbbbbbbbbbb\n', 'WARNING: Ignoring custom format, because both --format and --quiet are set.\n']);
  assert.equal((await run(sh, `docker ps --format '{{.Label "a"}} {{.Names}}'`)).stdout, 'x web\n');
});

test('run/create --restart: the client splits name:count and checks the count; the name is left to the daemon', async () => {
  let policy: unknown;
  const engine = { ...api, containerCreate: async (cfg: { HostConfig?: { RestartPolicy?: unknown } }) => { policy = cfg.HostConfig?.RestartPolicy; throw new ApiError(409, 'stop here'); } } as unknown as DockerApi;
  const sh = hostShell(engine);
  await run(sh, 'docker create --restart on-failure:3 alpine');
  assert.deepEqual(policy, { Name: 'on-failure', MaximumRetryCount: 3 });
  await run(sh, 'docker create alpine');
  assert.deepEqual(policy, { Name: 'no', MaximumRetryCount: 0 });
  await run(sh, 'docker create --restart bogus alpine');
  assert.deepEqual(policy, { Name: 'bogus', MaximumRetryCount: 0 });
  let r = await run(sh, 'docker run --restart on-failure:x alpine');
  assert.deepEqual([r.stderr, r.exit], [`docker: invalid restart policy format: maximum retry count must be an integer\n\nRun 'docker run --help' for more information\n`, 125]);
  r = await run(sh, 'docker create --restart :2 alpine');
  assert.deepEqual([r.stderr, r.exit], [`docker: invalid restart policy format: no policy provided before colon\n\nRun 'docker create --help' for more information\n`, 125]);
});
