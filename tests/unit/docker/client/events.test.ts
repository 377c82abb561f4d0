import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventMessage } from '../../../../src/docker/api';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull } from '../engine/fixtures';
import { session } from './session';

/** A terminal whose user presses Ctrl+C after `ticks` half-second waits. */
function ctrlCAfter(ticks: number) {
  const ctl = new AbortController();
  let n = 0;
  return { signal: ctl.signal, tty: true, sleep: async () => { if (++n >= ticks) ctl.abort(); } };
}

const ACTIONS = '--format "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}"';

test('events: one line each as prettyPrintEvent writes it, in the order moby logs them', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('docker stop web');
  await run('docker rm web');
  const r = await run('docker events --until 0s');
  assert.equal(r.exit, 0);
  const lines = r.out.trimEnd().split('\n');
  for (const l of lines) assert.match(l, /^2025-06-16T09:\d\d:\d\d\.\d{9}Z (container|image|network) [a-z]+ \S+ \((\w+=[^,]*(, )?)+\)$/);
  assert.match(lines[0], /^\S+ image pull nginx:latest \(maintainer=NGINX Docker Maintainers <docker-maint@nginx\.com>, name=nginx\)$/);
  assert.match(lines[1], /^\S+ container create [0-9a-f]{64} \(image=nginx, maintainer=NGINX Docker Maintainers <docker-maint@nginx\.com>, name=web\)$/);
  // nginx stops on its STOPSIGNAL (SIGQUIT), dies with its exit code and how long it ran
  assert.match(r.out, /container kill [0-9a-f]{64} \(image=nginx, maintainer=[^)]*, name=web, signal=3\)\n.* container die [0-9a-f]{64} \(execDuration=1, exitCode=0, image=nginx, /);
  const actions = (await run(`docker events --until 0s ${ACTIONS}`)).out;
  assert.equal(actions, 'image pull nginx\ncontainer create web\nnetwork connect bridge\ncontainer start web\ncontainer kill web\ncontainer die web\nnetwork disconnect bridge\ncontainer stop web\ncontainer destroy web\n');
  const times = lines.map((l) => l.split(' ')[0]);
  assert.deepEqual([...times].sort(), times, 'times always rise');
});

test('events of a stop that needs SIGKILL, restart, pause, rename, commit, exec, tag and rmi', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  const since = (await run('docker events --until 0s --format "{{.Time}}"')).out.trim().split('\n').pop();
  await run('docker stop box');
  await run('docker stop box');
  await run('docker restart box');
  await run('docker pause box');
  await run('docker unpause box');
  await run('docker rename box caja');
  await run('docker exec caja sh -c "exit 3"');
  await run('docker commit caja snap:1');
  await run('docker rmi -f snap:1');
  const r = await run(`docker events --since ${since} --until 0s --format "{{.Action}} {{json .Actor.Attributes}}"`);
  const got = r.out.trimEnd().split('\n').map((l) => l.replace(/[0-9a-f]{64}/g, 'ID'));
  assert.deepEqual(got.slice(2), [
    'connect {"container":"ID","name":"bridge","type":"bridge"}',
    'start {"image":"alpine","name":"box"}',
    'kill {"image":"alpine","name":"box","signal":"15"}',
    'kill {"image":"alpine","name":"box","signal":"9"}',
    'die {"execDuration":"12","exitCode":"137","image":"alpine","name":"box"}',
    // the cleanup after the die event releases the network endpoint
    'disconnect {"container":"ID","name":"bridge","type":"bridge"}',
    'stop {"image":"alpine","name":"box"}',
    // restarting a stopped container only starts it
    'connect {"container":"ID","name":"bridge","type":"bridge"}',
    'start {"image":"alpine","name":"box"}',
    'restart {"image":"alpine","name":"box"}',
    'pause {"image":"alpine","name":"box"}',
    'unpause {"image":"alpine","name":"box"}',
    'rename {"image":"alpine","name":"caja","oldName":"/box"}',
    'exec_create: sh -c exit 3 {"execID":"ID","image":"alpine","name":"caja"}',
    'exec_start: sh -c exit 3 {"execID":"ID","image":"alpine","name":"caja"}',
    'exec_die {"execID":"ID","exitCode":"3","image":"alpine","name":"caja"}',
    'tag {"name":"snap:1"}',
    'commit {"comment":"","image":"alpine","imageID":"sha256:ID","imageRef":"snap:1","name":"caja"}',
    'untag {"name":"sha256:ID"}',
    'delete {"name":"sha256:ID"}',
  ]);
});

test('events filters: type, event (exec_create by prefix), container, image, label', async () => {
  const run = session();
  await run('docker run -d --name web -l tier=front nginx');
  await run('docker run -d --name box alpine sleep 1000');
  await run('docker exec box true');
  const f = async (flt: string) => (await run(`docker events --until 0s ${flt} ${ACTIONS}`)).out;
  assert.equal(await f('-f type=image'), 'image pull nginx\nimage pull alpine\n');
  assert.equal(await f('-f event=start -f event=pull'), 'image pull nginx\ncontainer start web\nimage pull alpine\ncontainer start box\n');
  assert.equal(await f('-f event=exec_create'), 'container exec_create: true  box\n');
  assert.equal(await f('--filter container=bo -f event=create'), 'container create box\n');
  // an image filter names the image as the event does: containers keep the name they were given
  assert.equal(await f('-f image=alpine:latest'), 'image pull alpine\n');
  assert.equal(await f('-f image=alpine'), 'image pull alpine\ncontainer create box\ncontainer start box\ncontainer exec_create: true  box\ncontainer exec_start: true  box\ncontainer exec_die box\n');
  assert.equal(await f('-f label=tier=front -f event=create'), 'container create web\n');
  assert.equal(await f('-f type=volume'), '');
  // prunes log the space they reclaimed, under no actor
  await run('docker stop box');
  await run('docker container prune -f');
  assert.match((await run('docker events --until 0s -f event=prune')).out, /^\S+Z container prune  \(reclaimed=\d+\)\n$/);
});

test('events --format: json as the daemon sends it, templates on events.Message, errors 64', async () => {
  const run = session();
  await run('docker create --name web nginx');
  const j = (await run('docker events --until 0s --format json -f event=create')).out;
  assert.match(j, /^\{"status":"create","id":"([0-9a-f]{64})","from":"nginx","Type":"container","Action":"create","Actor":\{"ID":"\1","Attributes":\{"image":"nginx","maintainer":"NGINX Docker Maintainers <docker-maint@nginx.com>","name":"web"\}\},"scope":"local","time":(\d{10}),"timeNano":\2\d{9}\}\n$/);
  assert.equal((await run('docker events --until 0s --format "{{ json . }}" -f event=create')).out, j);
  const ev = JSON.parse(j) as EventMessage;
  const t = await run('docker events --until 0s --format "{{.Status}} {{.Scope}} {{.Time}} {{.Actor.ID}}" -f event=create');
  assert.equal(t.out, `create local ${ev.time} ${ev.id}\n`);
  const bad = await run('docker events --format "{{.Nope}}"');
  assert.deepEqual(bad, { out: '', err: 'Error parsing format: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *events.Message\n', exit: 64 });
  assert.equal((await run('docker events --format "{{.Type"')).exit, 64);
});

test('events --since/--until: durations, dates, unix seconds; nothing replayed without either', async () => {
  const run = session();
  await run('docker pull alpine');
  await run('docker tag alpine mine');
  assert.deepEqual(await run('docker events'), { out: '', err: '', exit: 0 });
  assert.equal((await run(`docker events --since 1m --until 0s ${ACTIONS}`)).out, 'image pull alpine\nimage tag mine:latest\n');
  assert.equal((await run(`docker events --since 2025-06-16T09:30:01Z --until 2025-06-16 ${ACTIONS}`)).out, '');
  assert.equal((await run(`docker events --since 2025-06-16 --until 2025-06-17T00:00:00Z ${ACTIONS}`)).out.split('\n').length, 3);
  assert.equal((await run(`docker events --since 1750066201.5 --until 9999999999 ${ACTIONS}`)).out, 'image tag mine:latest\n');
  // 0 is 1970: since then, everything; until then, nothing
  assert.equal((await run(`docker events --since 0 --until 0s ${ACTIONS}`)).out, 'image pull alpine\nimage tag mine:latest\n');
  assert.deepEqual(await run('docker events --until 0', { signal: new AbortController().signal }), { out: '', err: '', exit: 0 });
  assert.deepEqual(await run('docker events --since yesterday'), { out: '', err: 'failed to parse value as time or duration: "yesterday"\n', exit: 1 });
  const r = await run('docker events --since 1m --until 2m');
  assert.equal(r.exit, 1);
  assert.match(r.err, /^Error response from daemon: `since` time \(\d+\) cannot be after `until` time \(\d+\)\n$/);
  assert.equal((await run('docker system events --until 0s -f event=tag --format "{{.Action}}"')).out, 'tag\n');
});

test('events follows until Ctrl+C (a cancelled command exits 0): a container ending by itself is seen dying', async () => {
  const run = session();
  await run('docker run -d --rm --name nap alpine sleep 2');
  const r = await run(`docker events ${ACTIONS}`, ctrlCAfter(8));
  assert.equal(r.exit, 0);
  assert.equal(r.out, 'container die nap\nnetwork disconnect bridge\ncontainer destroy nap\n');
  // --until ahead: it follows until then and ends by itself
  await run('docker run -d --name nap2 alpine sleep 1');
  const now = Number((await run('docker events --until 0s --format "{{.Time}}"')).out.trim().split('\n').pop());
  const u = await run(`docker events --since ${now + 1} --until ${now + 4} ${ACTIONS}`, ctrlCAfter(100));
  assert.deepEqual(u, { out: 'container die nap2\nnetwork disconnect bridge\n', err: '', exit: 0 });
});

test('the event buffer keeps the last 256 and survives save/load', async () => {
  const e = engine(3);
  await pull(e, 'alpine');
  for (let i = 0; i < 300; i++) await e.containerCreate({ Image: 'alpine' }, `c${i}`);
  const all = async (api: typeof e) => {
    const got: EventMessage[] = [];
    await api.systemEvents({ until: '9999999999' }, (m) => got.push(m));
    return got;
  };
  const evs = await all(e);
  assert.equal(evs.length, 256);
  assert.equal(evs.at(-1)!.Actor.Attributes.name, 'c299');
  const b = createEngine({ seed: 3, state: JSON.parse(JSON.stringify(e.save())) });
  assert.deepEqual(await all(b as typeof e), evs);
});

test('a container that ended unnoticed still logs its death after what came before it', async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  await run('docker run -d --name nap alpine sleep 2');
  // the stop's ten seconds pass inside the daemon: nap's end is only noticed afterwards
  await run('docker stop box');
  await run('docker ps');
  const r = await run('docker events --since 0 --until 0s -f event=die -f event=stop --format "{{.TimeNano}} {{.Action}} {{.Actor.Attributes.name}}"');
  const lines = r.out.trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => l.split(' ').slice(1).join(' ')), ['die box', 'stop box', 'die nap']);
  const stamps = lines.map((l) => BigInt(l.split(' ')[0]));
  for (let i = 1; i < stamps.length; i++) assert.ok(stamps[i] > stamps[i - 1]);
});

test('network and volume events around a container, in moby order', async () => {
  const run = session();
  await run('docker pull alpine');
  await run('docker network create red');
  await run('docker run -d --name web --network red -v datos:/data alpine sleep 100');
  await run('docker stop web');
  await run('docker rm web');
  await run('docker volume rm datos');
  await run('docker network rm red');
  const r = await run('docker events --since 1h --until 0s -f type=network -f type=volume --format "{{.Type}} {{.Action}} {{json .Actor.Attributes}}"');
  assert.deepEqual(r.out.replace(/[0-9a-f]{64}/g, 'ID').trimEnd().split('\n'), [
    'network create {"name":"red","type":"bridge"}',
    'volume create {"driver":"local"}',
    'network connect {"container":"ID","name":"red","type":"bridge"}',
    'volume mount {"container":"ID","destination":"/data","driver":"local","propagation":"","read/write":"true"}',
    'network disconnect {"container":"ID","name":"red","type":"bridge"}',
    'volume unmount {"container":"ID","driver":"local"}',
    'volume destroy {"driver":"local"}',
    'network destroy {"name":"red","type":"bridge"}',
  ]);
});

test("a running exec's ID is the same in its events and in the container's ExecIDs", async () => {
  const run = session();
  await run('docker run -d --name box alpine sleep 1000');
  await run('docker exec -d box sleep 500');
  const ev = await run('docker events --since 0 --until 0s --filter event=exec_start --format "{{.Actor.Attributes.execID}}"');
  const ids = await run("docker inspect -f '{{json .ExecIDs}}' box");
  assert.match(ev.out, /^[0-9a-f]{64}\n$/);
  assert.equal(ids.out, JSON.stringify([ev.out.trim()]) + '\n');
});
