/**
 * Property tests: random command sequences from a small grammar of what a lesson does, checking
 * after every step that nothing threw and the engine's state (seen through the API only) holds
 * together: containers' images exist unless force-removed, names are unique, layer sizes add
 * up, and `ps -s` sizes equal the bytes written into each writable layer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ApiError } from '../../../../src/docker/api';
import { createEngine } from '../../../../src/docker/engine';
import { docker } from '../../../../src/docker/client/cli';
import { HostShell } from '../../../../src/docker/client/shell/host-shell';
import { HOST_PROGRAMS } from '../../../../src/docker/client/shell/programs';
import { Overlay, newDir } from '../../../../src/docker/engine/fs';
import type { TermIO } from '../../../../src/docker/shell';
import { INTERNAL_ERROR } from '../../../../src/docker/index';
import { runs } from '../../fc-runs';

const IMAGES = ['alpine', 'busybox', 'hello-world', 'nginx:alpine', 'alpine:3.19', 'alpine:3.18', 'nginx:1.25-alpine'];
const NAMES = ['c0', 'c1'];
const TAGS = ['mine:v1', 'mine:v2', 'other'];

type Cmd = string;

const image = fc.constantFrom(...IMAGES, ...TAGS);
const name = fc.constantFrom(...NAMES);
const file = fc.constantFrom('/tmp/a', '/tmp/b', '/c');
const net = fc.constantFrom('n1', 'n2', 'bridge', 'none');
const vol = fc.constantFrom('v1', 'v2');
const text = fc.stringMatching(/^[a-z0-9]{0,12}$/);
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

/** A lesson's moves, weighted so that containers live long enough to be written to and committed. */
const command: fc.Arbitrary<Cmd> = fc.oneof(
  weighted(2, image.map((i) => `docker pull ${i}`)),
  weighted(5, fc.tuple(image, name).map(([i, n]) => `docker run -d --name ${n} ${i} sleep 1000`)),
  weighted(1, fc.tuple(image, name).map(([i, n]) => `docker run --name ${n} ${i} echo hi`)),
  weighted(1, fc.tuple(image, name).map(([i, n]) => `docker create --name ${n} ${i} sleep 1000`)),
  weighted(2, name.map((n) => `docker start ${n}`)),
  weighted(1, name.map((n) => `docker stop -t 0 ${n}`)),
  weighted(1, name.map((n) => `docker kill ${n}`)),
  weighted(1, name.map((n) => `docker pause ${n}`)),
  weighted(1, name.map((n) => `docker unpause ${n}`)),
  weighted(1, name.map((n) => `docker rm ${n}`)),
  weighted(1, name.map((n) => `docker rm -f ${n}`)),
  weighted(1, image.map((i) => `docker rmi ${i}`)),
  weighted(1, image.map((i) => `docker rmi -f ${i}`)),
  weighted(2, fc.tuple(name, fc.constantFrom(...TAGS)).map(([n, t]) => `docker commit ${n} ${t}`)),
  weighted(1, fc.tuple(image, fc.constantFrom(...TAGS)).map(([i, t]) => `docker tag ${i} ${t}`)),
  weighted(6, fc.tuple(name, file, text).map(([n, f, t]) => `docker exec ${n} sh -c "echo ${t} > ${f}"`)),
  weighted(2, fc.tuple(name, file).map(([n, f]) => `docker exec ${n} rm -f ${f}`)),
  weighted(1, name.map((n) => `docker run -d --name ${n} redis:alpine`)),
  // an option through an entrypoint script: the program answers and the container exits
  weighted(1, fc.tuple(name, fc.constantFrom('redis:alpine --version', 'nginx:alpine nginx -t', 'mysql --help')).map(([n, a]) => `docker run --name ${n} ${a}`)),
  // detached scripts parked on the clock, woken by later commands, sleeps, stops and saves
  weighted(1, fc.tuple(name, fc.constantFrom('while true; do echo a; sleep 1; done', 'echo a; sleep 3; exit 2', 'while :; do sleep 0.5; done', "trap 'echo b; exit 0' TERM; while :; do sleep 1; done", "trap '' TERM; trap 'exit 3' EXIT; { sleep 2; echo c; } & wait")).map(([n, s]) => `docker run -d --name ${n} alpine sh -c "${s}"`)),
  weighted(1, fc.tuple(name, fc.constantFrom('sleep 2', 'sleep 2; touch /tmp/x')).map(([n, s]) => `docker exec -d ${n} sh -c "${s}"`)),
  weighted(1, fc.tuple(name, text).map(([n, t]) => `docker exec ${n} redis-cli set k ${t}`)),
  weighted(1, fc.tuple(name, vol).map(([n, v]) => `docker run -d --name ${n} -e MYSQL_ROOT_PASSWORD=x -e MYSQL_DATABASE=d -v ${v}:/var/lib/mysql mysql`)),
  weighted(1, fc.tuple(name, fc.constantFrom('create table t (n int primary key)', 'insert into t values (1),(2)', 'select * from t where n > 1', 'update t set n = 3', 'drop table t', 'create database e', 'drop database d', 'select 1/0, now()')).map(([n, q]) => `docker exec ${n} mysql -uroot -px d -e "${q}"`)),
  weighted(1, fc.constant('docker container prune -f')),
  weighted(1, fc.constant('docker image prune -f')),
  weighted(1, fc.constantFrom('until=1h', 'until=0s', 'label=curso', 'label!=curso').map((f) => `docker container prune -f --filter ${f}`)),
  weighted(1, fc.constantFrom('until=1h', 'label=curso', 'label!=curso').map((f) => `docker image prune -a -f --filter ${f}`)),
  weighted(1, fc.tuple(name, fc.constantFrom('-m 64m --memory-swap 128m', '--restart unless-stopped', '--cpus 1 --pids-limit 20', '-m 1m')).map(([n, o]) => `docker update ${o} ${n}`)),
  weighted(1, fc.constant('docker ps -a -s')),
  weighted(1, fc.constant('docker images -a')),
  weighted(1, image.map((i) => `docker save -o /tmp/i.tar ${i}`)),
  weighted(1, fc.constant('docker load -i /tmp/i.tar')),
  weighted(1, name.map((n) => `docker export -o /tmp/c.tar ${n}`)),
  weighted(1, fc.constantFrom(...TAGS).map((t) => `docker import /tmp/c.tar ${t}`)),
  // exploring: tar over the archives, chown and /proc inside the containers
  weighted(1, fc.constantFrom('tar -tvf /tmp/i.tar', 'tar -tf /tmp/c.tar', 'tar -cf /tmp/t.tar /tmp', 'tar -xf /tmp/t.tar -C /', 'tar -tzf /tmp/t.tar')),
  weighted(1, fc.tuple(name, fc.constantFrom('chown nobody /tmp', 'chown -R 1000:1000 /tmp', 'chgrp nope /etc', 'cat /proc/1/status /proc/meminfo', 'tar -czf /tmp/e.tgz /etc', 'top -b -n 1', 'ls -l /proc /etc', 'ps -o pid,comm,x', 'ps -eo pid,args --sort=-pid', 'busybox nope', 'busybox', 'dpkg -l', 'dpkg -s bash nope', 'dpkg -L', 'which -a ls', 'which -x', 'echo x | tee /tmp/t /nope/t', 'ps | grep -xw sh', 'useradd -m ana; adduser -D ana; su ana -c id; su nope', 'stat -c %a%U /etc /nope; stat /tmp', 'passwd nope; umask 077; umask')).map(([n, c]) => `docker exec ${n} sh -c "${c}"`)),
  weighted(1, fc.tuple(name, fc.constantFrom('touch /etc/x; echo a > /root/f', 'cd /tmp && echo a > u && ls -l u && rm u', 'ls -l /root /root/*; cat /etc/shadow', 'mkdir -p /tmp/d/e && tar cf /tmp/t.tar /tmp/d /etc/hostname && tar tvf /tmp/t.tar', 'apt-get install -y curl; apk add tree; pip install -q flask', 'cp /etc/hostname /etc/h; mv /tmp /x; chmod 777 /etc; sed -i s/a/b/ /etc/passwd', 'find /root /tmp; cd /root')).map(([n, c]) => `docker exec -u 1000 ${n} sh -c "${c}"`)),
  weighted(1, fc.tuple(name, fc.constantFrom('ip a', 'ip r', 'ip link show eth1', 'ip nope', 'ifconfig', 'route -n', 'nslookup web', 'nslookup example.com', 'getent hosts web', 'getent passwd 0', 'getent', 'wget -qO- example.com', 'wget -nv -O /dev/null google.com', 'apk --no-cache add -q --virtual .d tree jq', 'apk del .d nope', 'apk info', 'wget -S -O /dev/null google.com', 'ping -c 1 web.n1', 'nslookup nosuch.invalid')).map(([n, c]) => `docker exec ${n} ${c}`)),
  // owners across the host boundary: a bind mount written by root or 1000, then the host user at it
  weighted(1, fc.tuple(image, fc.constantFrom('', '-u 1000')).map(([i, u]) => `docker run --rm ${u} -v "$PWD":/b -v /tmp/r:/r ${i} sh -c "echo x >> /b/f; touch /r/g; ls -ln /b /r"; echo y >> f; ls -l /tmp/r; rm -f f /tmp/r/g`)),
  weighted(1, fc.constant('docker login -u alumno -p x')),
  weighted(1, fc.tuple(fc.constantFrom('', '--limit 3 -f is-official=false ', '-f stars=50 -f is-automated=false ', '--no-trunc --limit -1 '), fc.constantFrom('nginx', 'ub', 'alumno', 'zz')).map(([o, t]) => `docker search ${o}${t}`)),
  weighted(1, image.map((i) => `docker tag ${i} alumno/app`)),
  weighted(1, fc.tuple(name, fc.constantFrom('', '-u 1000 '), fc.constantFrom('dd if=/dev/zero of=/tmp/z bs=1M count=3', 'dd if=/nope of=/x; dd bs=0; dd x', 'truncate -s 2M /tmp/a; fallocate -l 1M /c', 'gzip /tmp/a; zcat /tmp/a.gz; gunzip /tmp/a.gz /nope', 'expr 1 + x; expr 3 \\* 4; expr', 'od -c /tmp/b | head; cksum /c; sum /tmp/a', 'mktemp -d; install -m 700 /etc/hostname /c; link /c /d; unlink /d', 'cmp /tmp/a /c; comm /tmp/a /c; split -l 1 /etc/hostname /tmp/p')).map(([n, u, c]) => `docker exec ${u}${n} sh -c "${c}"`)),
  weighted(1, fc.constantFrom('push', 'pull', 'rmi').map((c) => `docker ${c} alumno/app`)),
  // a private registry: run, stopped or removed while images go to it and come back
  weighted(1, fc.tuple(name, fc.constantFrom('', '-v reg:/var/lib/registry')).map(([n, v]) => `docker run -d -p 5000:5000 ${v} --name ${n} registry:2`)),
  weighted(1, fc.tuple(image, fc.constantFrom('push', 'pull', 'rmi')).map(([i, c]) => `docker tag ${i} localhost:5000/app; docker ${c} localhost:5000/app; curl -s localhost:5000/v2/app/tags/list`)),
  weighted(1, fc.tuple(name, fc.constantFrom('bash', 'sh'), fc.constantFrom('a=(1 "2 3"); a+=(x); echo ${#a[@]} ${a[-1]} ${!a[@]} "${a[@]:1}"', 'declare -A m=([k]=v); m[j]=w; declare -p m; unset m[k]; echo ${!m[@]}', 'a[5]=x; echo ${a[}; a[=1; a[-9]=2; echo ${a[99999999999]}', 'true | false; echo ${PIPESTATUS[@]}; set -o pipefail; false | true', 'read -ra r <<< "a b"; mapfile -t l < /etc/hostname; echo ${r[1]} ${l[0]}; declare -z')).map(([n, s, c]) => `docker exec ${n} ${s} -c '${c}'`)),
  weighted(2, net.map((n) => `docker network create ${n}`)),
  weighted(1, net.map((n) => `docker network rm ${n}`)),
  weighted(2, fc.tuple(net, name).map(([n, c]) => `docker network connect ${n} ${c}`)),
  weighted(1, fc.tuple(net, name).map(([n, c]) => `docker network disconnect ${n} ${c}`)),
  weighted(2, fc.tuple(image, name, net).map(([i, c, n]) => `docker run -d --name ${c} --network ${n} ${i} sleep 1000`)),
  weighted(1, fc.constant('docker network prune -f')),
  weighted(2, fc.tuple(image, name, vol).map(([i, n, v]) => `docker run -d --name ${n} -v ${v}:/data ${i} sleep 1000`)),
  weighted(1, fc.tuple(image, name).map(([i, n]) => `docker run -d --name ${n} -v /data ${i} sleep 1000`)),
  weighted(2, fc.tuple(name, text).map(([n, t]) => `docker exec ${n} sh -c "echo ${t} > /data/x"`)),
  weighted(1, vol.map((v) => `docker volume rm ${v}`)),
  weighted(1, name.map((n) => `docker rm -f -v ${n}`)),
  weighted(1, fc.constantFrom('docker volume prune -f', 'docker volume prune -a -f')),
  weighted(1, fc.tuple(image, name, fc.constantFrom('exit 0', 'exit 1', 'sleep 3')).map(([i, n, t]) => `docker run -d --name ${n} --health-cmd '${t}' --health-interval 1s --health-timeout 2s ${i} sleep 1000`)),
  weighted(1, fc.tuple(image, name).map(([i, n]) => `docker run -d --init --name ${n} --add-host db:10.0.0.5 --dns 1.1.1.1 -u 1000:1000 ${i} sleep 1000`)),
  weighted(1, fc.constantFrom('sleep 3', 'sleep 1')),
  weighted(1, fc.tuple(name, fc.constantFrom('pip install -q flask', 'pip install nope', 'pip install -r /nada', 'pip show flask nope', 'pip install --upgrade pip', 'python -c "import flask"', 'python -m venv /v && . /v/bin/activate && pip install -q flask', 'python -m venv', 'echo [1, | python -m json.tool', 'pip install fla=1 ""', 'python -m')).map(([n, c]) => `docker run --name ${n} python:3.13-alpine sh -c '${c}'`)),
  weighted(1, fc.tuple(name, fc.constantFrom(`-e "require('http').createServer((q, r) => r.end(q.url)).listen(3000)"`, '-p "process.argv"', `-e "throw new Error('x')"`, '-e "process.exit(3)"', '-e "console.log("', 'nope.js', `-e "require('nope')"`)).map(([n, c]) => `docker run -d --name ${n} -p 3000:3000 node:20-alpine node ${c}`)),
  weighted(1, fc.tuple(image, name, text).map(([i, n, t]) => `echo 'echo ${t} > /tmp/a; exit 2' | docker run -i --name ${n} ${i} sh`)),
  weighted(1, fc.tuple(name, file, text).map(([n, f, t]) => `echo ${t} | docker exec -i ${n} sh -c 'cat > ${f}'`)),
  weighted(1, fc.tuple(name, fc.constantFrom("sh -c 'sleep 100 & echo $!'", "sh -c 'sleep 2 & wait; jobs'", 'nginx', "sh -c 'kill %1; true & wait %1'", 'redis-server --daemonize yes')).map(([n, c]) => `docker exec ${n} ${c}`)),
  weighted(1, fc.constantFrom('-sSf', '-v -o /dev/null', '-X POST -d a=1 -w %{http_code}', '-fsSL --max-time 2 -I', '-o /tmp/p -w %{size_download}', '--header', '-sZ', '-O').map((o) => `curl ${o} localhost:3000/x localhost:8080`)),
  weighted(1, fc.tuple(name, fc.constantFrom('wget -qO- localhost', 'wget localhost; wget localhost', 'wget -S --spider localhost:3000', 'curl -s -d x localhost')).map(([n, c]) => `docker exec ${n} sh -c '${c}'`)),
  weighted(1, fc.tuple(name, fc.constantFrom('logs -f', 'wait', 'attach', 'events --filter container=', 'stats')).map(([n, c]) => `docker ${c}${c.endsWith('=') ? '' : ' '}${n} &`)),
  weighted(1, fc.constantFrom('kill %1', 'kill -9 %%', 'kill %2', 'jobs', 'wait %1', 'fg')),
  // links, the cgroup's limits, cp with a trailing slash
  weighted(1, fc.tuple(name, name).map(([n, l]) => `docker run -d --name ${n} --link ${l}:db alpine sh -c "getent hosts db; sleep 100"`)),
  weighted(1, name.map((n) => `docker exec ${n} cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu.max /sys/fs/cgroup/pids.max`)),
  weighted(1, fc.tuple(name, fc.constantFrom('/etc/passwd/', '/tmp/', '/etc/hostname')).map(([n, p]) => `docker cp /tmp/a ${n}:${p}; docker cp ${n}:${p} /tmp/b/`)),
  weighted(1, fc.constantFrom('ubuntu:22.04', 'ubuntu:20.04', 'debian:11').map((i) => `docker run --rm ${i} sh -c "apt list curl; apt-get update; apt-get install -y curl tree; apt list --installed; apt-get remove -y tree"`)),
  weighted(1, fc.constantFrom('sleep 9 & pgrep -a sleep; pkill -e -x nope; pidof sh; pmap 1 9', 'apt-get update -qq; apt-cache policy curl nope; apt-mark hold bash; apt-mark showhold', 'vmstat 1 2; w; dmesg; watch date', "perl -e 'print 1' -v; echo a | perl -pe s/a/b/; envsubst x y; stty -a; tput cols").map((c) => `docker run --rm ubuntu sh -c "${c}"`)),
  // builds, with the mistakes students make: ONBUILD, an unknown USER, SHELL -e, a download, a bad port
  weighted(1, fc.tuple(fc.constantFrom(
    'FROM alpine AS base\\nONBUILD RUN touch /o\\nRUN echo a > /a\\nFROM base\\nUSER nobody\\nCMD ["cat", "/a"]',
    'FROM alpine\\nUSER nope\\nRUN id', 'FROM alpine\\nSHELL ["/bin/sh", "-ec"]\\nRUN false; true',
    'FROM busybox\\nADD http://example.com/i.html /w/\\nEXPOSE 80 x', 'FROM mine:v1\\nHEALTHCHECK CMD true\\nSTOPSIGNAL SIGTERM\\nVOLUME /data',
  ), fc.constantFrom(...TAGS), fc.constantFrom('', '--target base', '--no-cache', '-q')).map(([d, t, o]) => `printf '${d}\\n' > Dockerfile; docker build ${o} -t ${t} .`)),
  weighted(1, fc.tuple(fc.oneof(name, image, net, vol), fc.constantFrom('{{.}}', '{{.State.Health}}', '{{.State.Health.Status}}', '{{json .Mounts}}', '{{(.State) .Status}}', '{{index .Mounts 0}}', '{{.Config}}', '{{.HostConfig}}', '{{.NetworkSettings.Networks}}', '{{.Config.Labels.x}}', '{{.Created}}', '{{.State}')).map(([n, t]) => `docker inspect -f '${t}' ${n}`)),
);

interface World {
  api: ReturnType<typeof createEngine>;
  sh: HostShell;
  /** Image IDs removed with `rmi -f` while containers still used them. */
  forced: Set<string>;
}

function world(seed: number): World {
  const api = createEngine({ seed });
  const sh: HostShell = new HostShell(() => api.now(), (ms) => api.advance(ms), {
    ...HOST_PROGRAMS,
    docker: (args, io) => docker(args.slice(1), { api, io, stdin: io.stdin ?? null, sh, enter: () => { sh.stopLine = true; } }),
  }, new Overlay(newDir(), [], () => api.now()));
  return { api, sh, forced: new Set() };
}

async function exec(w: World, line: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: TermIO = { out: (t) => { out += t; }, err: (t) => { err += t; }, tty: false, sleep: () => Promise.resolve() };
  if (line.startsWith('docker rmi -f ')) {
    try {
      w.forced.add((await w.api.imageInspect(line.slice(14))).Id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
  await w.api.advance(1000);
  const code = await w.sh.run(line, io);
  return { code, out, err };
}

/** Bytes of the regular files of a writable layer (and of its symlinks, their targets' length, as moby's DiffSize lstat()s them), counted here rather than by the engine. */
function upperBytes(node: { kind: string; size?: number; target?: string; children?: Map<string, unknown> }): number {
  if (node.kind === 'file') return node.size ?? 0;
  if (node.kind === 'link') return node.target!.length;
  if (node.kind !== 'dir') return 0;
  let n = 0;
  for (const child of node.children!.values()) n += upperBytes(child as never);
  return n;
}

async function checkInvariants(w: World, history: string[]): Promise<void> {
  const { api } = w;
  const ctx = history.join('\n');
  const containers = await api.containerList({ all: true, size: true });
  const names = containers.flatMap((c) => c.Names);
  assert.equal(new Set(names).size, names.length, `names unique\n${ctx}`);
  const images = await api.imageList({ all: true });
  const imageIds = new Set(images.map((i) => i.Id));
  for (const c of containers) {
    assert.ok(imageIds.has(c.ImageID) || w.forced.has(c.ImageID), `image of ${c.Names[0]} (${c.ImageID}) in the store\n${ctx}`);
    const inner = api.containers.get(c.Id)!;
    assert.equal(c.SizeRw, upperBytes(inner.upper as never), `ps -s size of ${c.Names[0]} equals the bytes of its writable layer\n${ctx}`);
    assert.equal(c.SizeRootFs, api.layers.size(inner.top) + c.SizeRw!, `virtual size = image chain + writable layer\n${ctx}`);
  }
  // The event log: at most moby's 256, times rising, and a container's last event never its removal.
  // The engine trims its array in batches: what it answers is the last 256, what it holds at most twice that.
  assert.ok(api.events.length <= 512, `event array bounded\n${ctx}`);
  const evs = api.recentEvents();
  assert.ok(evs.length <= 256, `event buffer bounded\n${ctx}`);
  for (let i = 1; i < evs.length; i++) assert.ok(evs[i].t * 1e6 + evs[i].n > evs[i - 1].t * 1e6 + evs[i - 1].n, `event times rise\n${ctx}`);
  for (const c of containers) assert.notEqual(evs.filter((e) => e.id === c.Id).pop()?.action, 'destroy', `${c.Names[0]} not destroyed\n${ctx}`);
  // Layer reference counts: children layers, images whose top it is, containers whose RW layer sits on it.
  const refs = new Map<string, number>();
  const hold = (k: string | null): void => {
    if (k) refs.set(k, (refs.get(k) ?? 0) + 1);
  };
  for (const l of api.layers.layers.values()) hold(l.parent);
  for (const i of api.images.images.values()) hold(i.top);
  for (const c of api.containers.values()) hold(c.top);
  for (const l of api.layers.layers.values()) {
    assert.equal(l.refs, refs.get(l.chainId) ?? 0, `refcount of layer ${l.chainId.slice(7, 19)}\n${ctx}`);
    assert.ok(l.refs > 0, `no unreferenced layer kept\n${ctx}`);
  }
  for (const k of refs.keys()) assert.ok(api.layers.layers.has(k), `referenced layer exists\n${ctx}`);
  // Every network: its running containers, each with an address of its own.
  for (const n of await api.networkList()) {
    const eps = Object.entries((await api.networkInspect(n.Id)).Containers);
    for (const [id] of eps) assert.ok(api.containers.get(id) && api.isUp(api.containers.get(id)!), `endpoint of a running container on ${n.Name}\n${ctx}`);
    const addrs = eps.map(([, e]) => e.IPv4Address).filter(Boolean);
    assert.equal(new Set(addrs).size, addrs.length, `addresses unique on ${n.Name}\n${ctx}`);
  }
  // A volume in use is never removed (rm, prune): every mount names an existing volume.
  for (const c of api.containers.values()) {
    if (!c.health) continue;
    assert.ok(c.health.Log.length <= 5 && ['starting', 'healthy', 'unhealthy'].includes(c.health.Status), `health of ${c.name} kept to five results\n${ctx}`);
    assert.ok(c.config.Healthcheck?.Test?.[0].startsWith('CMD'), `only a container with a probe has a health\n${ctx}`);
  }
  for (const c of api.containers.values()) for (const m of c.mounts ?? []) if (m.Type === 'volume') assert.ok(api.volumes.has(m.Name!), `volume ${m.Name} of ${c.name} exists\n${ctx}`);
  // The saved state loads back (the engine re-checks its own bookkeeping on load).
  createEngine({ seed: 1, state: JSON.parse(JSON.stringify(api.save())) });
}

test('random command sequences keep the engine consistent', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.array(command, { minLength: 1, maxLength: 30 }), async (seed, cmds) => {
      const w = world(seed);
      const history: string[] = [];
      // Every sequence starts with one live container to write into.
      for (const c of ['docker run -d --name c0 alpine sleep 1000', ...cmds]) {
        history.push(c);
        const r = await exec(w, c);
        assert.ok(!r.err.includes(INTERNAL_ERROR), `no exception: ${c}\n${r.err}`);
        await checkInvariants(w, history);
      }
    }),
    runs(60),
  );
});

test('random bytes as docker arguments never break the client', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('run', 'ps', 'images', 'container', 'image', 'system', 'ls', 'rm', 'inspect', 'build', 'help',
        '-it', '-a', '-q', '--rm', '--name', '-f', '--format', '{{.Id}}', '{{json .}}', '{{', '-p', '8080:80', 'alpine',
        'hello-world', 'constructor', '__proto__', 'toString', '--', '-', '-h', '--help', '.', 'x=y',
        'push', 'save', 'load', 'login', 'logout', 'search', 'import', 'export'),
    ), { maxLength: 6 }), async (args) => {
      const w = world(1);
      let err = '';
      const io: TermIO = { out: () => {}, err: (t) => { err += t; }, tty: false, sleep: () => Promise.resolve() };
      const code = await docker(args, { api: w.api, io, stdin: null, sh: w.sh, enter: () => {} });
      assert.ok(Number.isInteger(code));
      assert.ok(!err.includes(INTERNAL_ERROR));
    }),
    runs(300),
  );
});

test('any input line gets an answer from the host shell, never an exception', async () => {
  const { createShell } = await import('../../../../src/docker/index');
  const shell = createShell({ seed: 9 });
  const pieces = fc.constantFrom('docker', 'run', 'ps', '-a', 'echo', 'cat', 'ls', '|', '||', '&&', ';', '>', '>>', '<', '2>&1', '"', "'", '\\', '$', '$(', ')', '`', '${', '}', '#', '~', '*', 'x=1', '$x', 'alpine', '-it', 'exit', 'cd', '..', 'sleep', '0');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 12 }), async (words) => {
      const line = words.join(' ');
      let err = '';
      const code = await shell.run(line, { out: () => {}, err: (t) => { err += t; }, tty: false, sleep: () => Promise.resolve() });
      assert.ok(Number.isInteger(code), line);
      assert.ok(!err.includes(INTERNAL_ERROR), `${JSON.stringify(line)}: ${err}`);
      if (shell.inContainer()) await shell.eof({ out: () => {}, err: () => {}, tty: false, sleep: () => Promise.resolve() });
    }),
    runs(400),
  );
});
