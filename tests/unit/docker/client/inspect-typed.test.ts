/**
 * `docker inspect -f` runs on moby's typed structs first (nil pointers, nil maps and slices,
 * structs in field order, pointers inside a value as addresses), and only when that fails on the
 * decoded JSON, whose error is reported with Go's line:column.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';
import { goDuration } from '../../../../src/docker/client/format/go-types';

test('inspect -f: omitted and null fields print as their Go type does', async () => {
  const run = session();
  await run('docker run -d --name web -p 8080:80 nginx');
  await run('docker run -d --name c2 --expose 80 nginx');
  const f = async (tpl: string, ref = 'web') => (await run(`docker inspect -f '${tpl}' ${ref}`)).out;
  assert.equal(await f('{{.State.Health}}|{{json .State.Health}}|{{.Config.Healthcheck}}'), '<nil>|null|<nil>\n');
  assert.equal(await f('{{.NetworkSettings.Ports}}', 'c2'), 'map[80/tcp:[]]\n');
  assert.equal(await f('{{.NetworkSettings.Ports}}'), 'map[80/tcp:[{0.0.0.0 8080} {:: 8080}]]\n');
  assert.equal(await f('{{.Config.Volumes}} {{.Config.ExposedPorts}} {{.HostConfig.Binds}} {{.HostConfig.PidsLimit}} {{.ExecIDs}}'), 'map[] map[80/tcp:{}] [] <nil> []\n');
  assert.equal(await f('{{.HostConfig.LogConfig}} {{.HostConfig.RestartPolicy}} {{.HostConfig.PortBindings}}'), '{json-file map[]} {no 0} map[80/tcp:[{ 8080}]]\n');
  // A struct prints its fields in order, the nil Health pointer last; GraphDriver.Data is a map.
  assert.match(await f('{{.State}}'), /^\{running true false false false false \d+ 0  \S+ 0001-01-01T00:00:00Z <nil>\}\n$/);
  assert.match(await f('{{.GraphDriver}}'), /^\{map\[ID:[0-9a-f]{64} LowerDir:\S+ MergedDir:\S+ UpperDir:\S+ WorkDir:\S+\] overlay2\}\n$/);
  // Pointers inside a printed value are addresses; a pointer printed alone is followed.
  assert.match(await f('{{.NetworkSettings.Networks}}'), /^map\[bridge:0xc000[0-9a-f]{6}\]\n$/);
  assert.match(await f('{{index .NetworkSettings.Networks "bridge"}}'), /^\{<nil> \[\] \[\] 02:42:61:a7:59:21 map\[\] 0 /);
  assert.match(await f('{{.}}'), /^\{0xc000[0-9a-f]{6} \[\] 0xc000[0-9a-f]{6} 0xc000[0-9a-f]{6} <nil>\}\n$/);
  // Go field names work on the typed value (ID, CPUShares), JSON keys through the raw retry (Id).
  const id = (await f('{{.Id}}')).trim();
  assert.equal(await f('{{.ID}} {{.HostConfig.CPUShares}}'), `${id} 0\n`);
  assert.equal(await f('{{.Id}} {{.Config.Volumes}}'), `${id} <no value>\n`);
});

test('inspect -f: health, mounts, image, network and volume values', async () => {
  const run = session();
  await run('docker volume create vv');
  await run('docker run -d --name hh --health-cmd true --health-interval 90s -v vv:/data -v /tmp:/t redis');
  const f = async (tpl: string, ref = 'hh') => (await run(`docker inspect -f '${tpl}' ${ref}`)).out;
  assert.equal(await f('{{.Config.Healthcheck}}'), '{[CMD-SHELL true] 1m30s 0s 0s 0s 0}\n');
  assert.equal(await f('{{.State.Health.Status}}'), 'starting\n');
  assert.equal(await f('{{.Mounts}}'), '[{volume vv /var/lib/docker/volumes/vv/_data /data local z true } {bind  /tmp /t   true rprivate}]\n');
  assert.match(await f('{{.Created}} {{.IPAM.Config}} {{.ConfigFrom}}', 'bridge'), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC \[\{172\.17\.0\.0\/16  172\.17\.0\.1 map\[\]\}\] \{\}\n$/);
  assert.match(await f('{{.}}', 'vv'), /^\{<nil> \S+ local map\[\] \/var\/lib\/docker\/volumes\/vv\/_data vv map\[\] local map\[\] <nil>\}\n$/);
  assert.match((await run(`docker image inspect -f '{{.Metadata}} {{.Config.Healthcheck}} {{.Config.Volumes}}' redis`)).out, /^\{0001-01-01 00:00:00 \+0000 UTC\} <nil> map\[\/data:\{\}\]\n$/);
  // --mount specs are mount.Mount structs, their option pointers nil unless given.
  await run('docker run -d --name mm --mount type=volume,src=vv,dst=/data --mount type=bind,src=/tmp,dst=/t,readonly nginx');
  assert.equal(await f('{{.HostConfig.Mounts}}', 'mm'), '[{volume vv /data false  <nil> <nil> <nil> <nil> <nil>} {bind /tmp /t true  <nil> <nil> <nil> <nil> <nil>}]\n');
});

test('inspect -f: execution errors come from the raw retry, with Go texts and columns', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  const err = async (tpl: string) => {
    const r = await run(`docker inspect -f '${tpl}' web`);
    assert.deepEqual([r.out, r.exit], ['\n', 1]);
    return r.err.replace('template parsing error: template: :', '');
  };
  assert.equal(await err('{{.State.Health.Status}}'), '1:8: executing "" at <.State.Health.Status>: map has no entry for key "Health"\n');
  assert.equal(await err('{{(.State) .Status}}'), '1:2: executing "" at <(.State) .Status>: can\'t give argument to non-function .State\n');
  assert.equal(await err('{{.State.Status.Foo}}'), '1:8: executing "" at <.State.Status.Foo>: can\'t evaluate field Foo in type interface {}\n');
  assert.equal(await err('{{index .Mounts 3}}'), '1:2: executing "" at <index .Mounts 3>: error calling index: index out of range: 3\n');
  assert.equal(await err('x {{index .Mounts 0}}'), '1:4: executing "" at <index .Mounts 0>: error calling index: reflect: slice index out of range\n');
  assert.equal(await err('{{.Name "x"}}'), '1:2: executing "" at <.Name>: Name is not a method but has arguments\n');
  // A label map that lacks the key: `<no value>` on the typed value, an error once the retry runs.
  assert.equal((await run(`docker inspect -f '{{.Config.Labels.nope}}' web`)).out, '<no value>\n');
  assert.equal(await err('{{.Id}}{{.Config.Labels.nope}}'), '1:16: executing "" at <.Config.Labels.nope>: map has no entry for key "nope"\n');
  const bad = await run(`docker inspect -f '{{.State' web`);
  assert.deepEqual([bad.err, bad.exit], ['template parsing error: template: :1: unclosed action\n', 64]);
});

test('template parse errors: a stray character is unexpected where the parser of Go meets it', async () => {
  const run = session();
  const parse = async (tpl: string) => {
    const r = await run(`docker inspect -f '${tpl}' web`);
    assert.equal(r.exit, 64);
    return r.err.replace('template parsing error: template: :1: ', '').trimEnd();
  };
  // what touches a name is the lexer's bad character; apart from it, the parser's unexpected one
  assert.equal(await parse('{{.State}'), "bad character U+007D '}'");
  assert.equal(await parse('{{.State }x}}'), 'unexpected "}" in operand');
  assert.equal(await parse('{{# x}}'), 'unexpected "#" in command');
  assert.equal(await parse('{{.State # x}}'), 'unexpected "#" in operand');
  assert.equal(await parse('{{.Name "abc}}'), 'unterminated quoted string');
  assert.equal(await parse('{{.State)}}'), 'unexpected right paren');
  assert.equal(await parse('{{(.State}}'), 'unclosed left paren');
  assert.equal(await parse('{{.Nam€}}'), "bad character U+20AC '€'");
  assert.equal(await parse('{{.Name €}}'), "unrecognized character in action: U+20AC '€'");
  assert.equal(await parse('{{nope .State}}'), 'function "nope" not defined');
});

test('Go durations print as time.Duration does', () => {
  assert.deepEqual([0, 500, 1500, 2e6, 3e9, 90e9, 3600e9, 5400.5e9].map(goDuration), ['0s', '500ns', '1.5µs', '2ms', '3s', '1m30s', '1h0m0s', '1h30m0.5s']);
});
