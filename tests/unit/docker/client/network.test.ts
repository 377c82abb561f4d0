import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { createEngine } from '../../../../src/docker/engine/index';
import type { TermIO } from '../../../../src/docker/shell';

interface Result { out: string; err: string; exit: number }

function session(seed = 7) {
  const sh = createShell({ seed });
  return async (line: string, tty = false): Promise<Result> => {
    const r = { out: '', err: '', exit: 0 };
    const io: TermIO = { out: (t) => { r.out += t; }, err: (t) => { r.err += t; }, tty, sleep: () => Promise.resolve() };
    r.exit = await sh.run(line, io);
    return r;
  };
}

test('network ls: the three networks of the daemon, sorted by name, IDs stable per seed', async () => {
  const run = session();
  const ls = await run('docker network ls');
  assert.match(ls.out, /^NETWORK ID     NAME      DRIVER    SCOPE\n[0-9a-f]{12}   bridge    bridge    local\n[0-9a-f]{12}   host      host      local\n[0-9a-f]{12}   none      null      local\n$/);
  assert.equal((await session()('docker network ls')).out, ls.out);
  assert.notEqual((await session(8)('docker network ls')).out, ls.out);
  assert.match((await run('docker network ls -q --no-trunc')).out, /^([0-9a-f]{64}\n){3}$/);
  assert.equal((await run('docker network list -f driver=null --format "{{.Name}} {{.IPv4}} {{.Internal}}"')).out, 'none true false\n');
  assert.equal((await run('docker network ls -f type=builtin -f name=o --format "{{.Name}}"')).out, 'host\nnone\n');
  const bad = await run('docker network ls -f type=foo');
  assert.deepEqual([bad.err, bad.exit], ["Error response from daemon: invalid filter: 'type'='foo'\n", 1]);
  assert.equal((await run('docker network ls -f color=red')).err, "Error response from daemon: invalid filter 'color'\n");
});

test('network create: 172.18, 172.19… subnets, the full ID, duplicate and predefined names refused', async () => {
  const run = session();
  const a = await run('docker network create front');
  assert.match(a.out, /^[0-9a-f]{64}\n$/);
  await run('docker network create --label tier=back --internal --attachable back');
  const f = '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Internal}} {{.Attachable}} {{.Labels}}';
  assert.equal((await run(`docker network inspect -f '${f}' front back`)).out, 'front 172.18.0.0/16 172.18.0.1 false false map[]\nback 172.19.0.0/16 172.19.0.1 true true map[tier:back]\n');
  assert.equal((await run('docker network ls -f type=custom -f label=tier --format "{{.Name}}"')).out, 'back\n');
  const dup = await run('docker network create front');
  assert.deepEqual([dup.err, dup.exit], ['Error response from daemon: network with name front already exists\n', 1]);
  assert.equal((await run('docker network create host')).err, 'Error response from daemon: operation is not permitted on predefined host network \n');
  assert.equal((await run('docker network create -d overlay x')).err, 'Error response from daemon: could not find plugin overlay in v1 plugin registry: plugin not found\n');
  const usage = await run('docker network create');
  assert.equal(usage.exit, 1);
  assert.match(usage.err, /^docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create \[OPTIONS\] NETWORK\n/);
});

test('network create: subnet, gateway and ip-range checked by the client, then by the daemon', async () => {
  const run = session();
  const cases: [string, string][] = [
    ['--gateway 10.1.0.1', 'every ip-range or gateway must have a corresponding subnet\n'],
    ['--subnet 10.1.0.0/24 --gateway 10.2.0.1', 'no matching subnet for gateway 10.2.0.1\n'],
    ['--subnet 10.1.0.0/16 --subnet 10.1.2.0/24', 'multiple overlapping subnet configuration is not supported\n'],
    ['--subnet 10.1.0.1/24', 'Error response from daemon: invalid network config:\ninvalid subnet 10.1.0.1/24: it should be 10.1.0.0/24\n'],
    ['--subnet 10.1.0.0/33', 'Error response from daemon: invalid network config:\ninvalid subnet 10.1.0.0/33: invalid CIDR block notation\n'],
  ];
  for (const [flags, err] of cases) {
    const r = await run(`docker network create ${flags} n1`);
    assert.deepEqual([r.err, r.exit], [err, 1], flags);
  }
  assert.equal((await run('docker network create --subnet 10.1.0.0/24 --ip-range 10.1.0.128/25 --gateway 10.1.0.254 lab')).exit, 0);
  assert.equal((await run('docker network create --subnet 10.1.0.0/16 other')).err, 'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n');
  // The range and gateway are used: the first container gets the range's first address.
  await run('docker run -d --name uno --network lab alpine sleep 100');
  assert.equal((await run("docker inspect -f '{{.NetworkSettings.Networks.lab.IPAddress}} {{.NetworkSettings.Networks.lab.Gateway}}' uno")).out, '10.1.0.128 10.1.0.254\n');
});

test('run --network: an address on that network, name resolution there and not on the default bridge', async () => {
  const run = session();
  await run('docker network create app');
  await run('docker run -d --name web --network app nginx');
  await run('docker run -d --name db --network app --network-alias database alpine sleep 1000');
  const ping = await run('docker run --rm --network app alpine ping -c 1 database');
  assert.match(ping.out, /^PING database \(172\.18\.0\.3\): 56 data bytes\n64 bytes from 172\.18\.0\.3: seq=0 ttl=64/);
  assert.match((await run('docker run --rm --network app alpine wget -qO- web')).out, /Welcome to nginx!/);
  // The default bridge has no DNS: names are unknown there, and the other network is out of reach.
  const bridge = await run('docker run --rm alpine ping -c 1 web');
  assert.deepEqual([bridge.err, bridge.exit], ["ping: bad address 'web'\n", 1]);
  assert.equal((await run('docker run --rm alpine wget -qO- 172.18.0.2')).exit, 1);
  const wget = await run('docker run --rm alpine wget -q web');
  assert.deepEqual([wget.err, wget.exit], ["wget: bad address 'web'\n", 1]);
  const resolv = await run('docker run --rm --network app alpine cat /etc/resolv.conf');
  assert.match(resolv.out, /\nnameserver 127\.0\.0\.11\nsearch \.\noptions ndots:0\n/);
  assert.match((await run('docker run --rm alpine cat /etc/resolv.conf')).out, /\nnameserver 8\.8\.8\.8\n/);
  const nets = JSON.parse((await run("docker inspect -f '{{json .NetworkSettings.Networks}}' db")).out);
  assert.deepEqual(Object.keys(nets), ['app']);
  assert.equal(nets.app.IPAddress, '172.18.0.3');
  assert.equal(nets.app.Gateway, '172.18.0.1');
  assert.deepEqual(nets.app.Aliases, ['database']);
  assert.deepEqual(nets.app.DNSNames.slice(0, 2), ['db', 'database']);
  // The deprecated top-level fields describe the default bridge only.
  assert.equal((await run("docker inspect -f '{{.NetworkSettings.IPAddress}}|{{.HostConfig.NetworkMode}}' db")).out, '|app\n');
  assert.equal((await run('docker ps -f network=app --format "{{.Names}} {{.Networks}}"')).out, 'db app\nweb app\n');
});

test('run --network host drops published ports with the daemon warning; none has no address', async () => {
  const run = session();
  const h = await run('docker run -d --name hostweb --network host -p 8080:80 nginx');
  assert.equal(h.exit, 0);
  assert.equal(h.err.split('\n').filter((l) => l.startsWith('WARNING')).join('\n'), 'WARNING: Published ports are discarded when using host network mode');
  assert.equal((await run('docker ps --format "{{.Names}}|{{.Ports}}"')).out, 'hostweb|\n');
  assert.equal((await run('docker port hostweb')).out, '');
  await run('docker run -d --name lone --network none alpine sleep 100');
  assert.equal((await run("docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}};{{end}}' lone")).out, 'none=;\n');
  assert.doesNotMatch((await run('docker exec lone cat /etc/hosts')).out, /172\./);
});

test('--ip and --network-alias: only on user-defined networks, --ip only with a subnet given', async () => {
  const run = session();
  await run('docker pull alpine');
  await run('docker network create plain');
  await run('docker network create --subnet 10.5.0.0/24 fixed');
  const cases: [string, string][] = [
    ['--ip 172.17.0.9', 'user specified IP address is supported on user defined networks only'],
    ['--network plain --ip 172.18.0.9', 'user specified IP address is supported only when connecting to networks with user configured subnets'],
    ['--network fixed --ip 10.6.0.1', 'no configured subnet or ip-range contain the IP address 10.6.0.1'],
  ];
  for (const [flags, why] of cases) {
    const r = await run(`docker run --rm ${flags} alpine true`);
    assert.deepEqual([r.err, r.exit], [`docker: Error response from daemon: invalid endpoint settings:\n${why}\n\nRun 'docker run --help' for more information\n`, 125], flags);
  }
  // An alias on the default network is refused by the client already (docker/cli's parseNetworkOpts).
  assert.deepEqual(await run('docker run --rm --network-alias x alpine true'), { out: '', err: "docker: network-scoped aliases are only supported for user-defined networks\n\nRun 'docker run --help' for more information\n", exit: 125 });
  await run('docker run -d --name pinned --network fixed --ip 10.5.0.50 alpine sleep 100');
  assert.equal((await run("docker inspect -f '{{.NetworkSettings.Networks.fixed.IPAddress}} {{.NetworkSettings.Networks.fixed.IPAMConfig.IPv4Address}}' pinned")).out, '10.5.0.50 10.5.0.50\n');
  const gone = await run('docker run -d --name lost --network nowhere alpine sleep 1');
  assert.equal(gone.exit, 125);
  assert.match(gone.err, /^docker: Error response from daemon: failed to set up container networking: network nowhere not found\n/);
  assert.equal((await run('docker ps -a -f name=lost --format "{{.Status}}"')).out, 'Created\n');
});

test('network rm: predefined and in-use networks refused, -f ignores missing ones, removal of the container frees it', async () => {
  const run = session();
  await run('docker network create app');
  await run('docker run -d --name web --network app nginx');
  const id = (await run("docker network inspect -f '{{range .Containers}}{{.EndpointID}}{{end}}' app")).out.slice(0, 12);
  const busy = await run('docker network rm app');
  assert.deepEqual([busy.out, busy.err, busy.exit], ['', `Error response from daemon: error while removing network: network app has active endpoints (name:"web" id:"${id}")\n`, 1]);
  assert.equal((await run('docker network rm bridge')).err, 'Error response from daemon: bridge is a pre-defined network and cannot be removed\n');
  const missing = await run('docker network rm nope');
  assert.deepEqual([missing.err, missing.exit], ['Error response from daemon: network nope not found\n', 1]);
  await run('docker rm -f web');
  const ok = await run('docker network rm -f nope app');
  assert.deepEqual([ok.out, ok.err, ok.exit], ['app\n', '', 0]);
});

test('network connect/disconnect: a second network, aliases, and the daemon errors', async () => {
  const run = session();
  await run('docker network create app');
  await run('docker run -d --name box alpine sleep 1000');
  assert.deepEqual(await run('docker network connect --alias cache app box'), { out: '', err: '', exit: 0 });
  assert.equal((await run("docker inspect -f '{{.NetworkSettings.IPAddress}} {{len .NetworkSettings.Networks}}' box")).out, '172.17.0.2 2\n');
  assert.match((await run('docker run --rm --network app alpine ping -c 1 cache')).out, /^PING cache \(172\.18\.0\.2\)/);
  const again = await run('docker network connect app box');
  assert.equal(again.err, 'Error response from daemon: endpoint with name box already exists in network app\n');
  assert.equal((await run('docker network disconnect bridge box')).exit, 0);
  const boxId = (await run('docker inspect -f "{{.Id}}" box')).out.trim();
  assert.equal((await run('docker network disconnect bridge box')).err, `Error response from daemon: container ${boxId} is not connected to network bridge\n`);
  assert.equal((await run('docker network connect host box')).err, 'Error response from daemon: container cannot be disconnected from host network or connected to host network\n');
  assert.equal((await run('docker network connect app ghost')).err, 'Error response from daemon: No such container: ghost\n');
  assert.equal((await run("docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}' app")).out, 'box 172.18.0.2/16\n');
});

test('network prune: custom networks without running containers, y/N question, filters', async () => {
  const run = session();
  await run('docker network create used');
  await run('docker network create --label keep=1 idle1');
  await run('docker network create idle2');
  await run('docker run -d --name web --network used nginx');
  const no = await run('docker network prune', false);
  assert.equal(no.out, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
  assert.equal((await run('docker network prune -f --filter label!=keep')).out, 'Deleted Networks:\nidle2\n\n');
  assert.equal((await run('docker network prune', true)).out, 'WARNING! This will remove all custom networks not used by at least one container.\n');
  assert.equal((await run('y', true)).out, 'Deleted Networks:\nidle1\n\n');
  assert.equal((await run('docker network prune -f')).out, '');
  assert.equal((await run('docker network ls --format "{{.Name}}"')).out, 'bridge\nhost\nnone\nused\n');
});

test('inspect finds networks too; --type network; network inspect of a missing one', async () => {
  const run = session();
  await run('docker network create app');
  const [net] = JSON.parse((await run('docker inspect app')).out);
  assert.deepEqual(Object.keys(net), ['Name', 'Id', 'Created', 'Scope', 'Driver', 'EnableIPv4', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress', 'ConfigFrom', 'ConfigOnly', 'Containers', 'Options', 'Labels']);
  assert.deepEqual(net.IPAM, { Driver: 'default', Options: {}, Config: [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }] });
  const [bridge] = JSON.parse((await run('docker network inspect bridge')).out);
  assert.equal(bridge.Options['com.docker.network.bridge.name'], 'docker0');
  assert.equal(bridge.IPAM.Options, null);
  assert.equal((await run('docker inspect --type network -f "{{.Driver}}" none')).out, 'null\n');
  const miss = await run('docker network inspect nope');
  assert.deepEqual([miss.out, miss.err, miss.exit], ['[]\n', 'Error response from daemon: network nope not found\n', 1]);
  assert.equal((await run('docker inspect --type network nope')).err, 'Error response from daemon: network nope not found\n');
});

test('networks and endpoints survive save and restore', async () => {
  const e = createEngine({ seed: 3 });
  const { Id } = await e.networkCreate({ Name: 'app', IPAM: { Driver: 'default', Config: [{ Subnet: '10.9.0.0/24', Gateway: '' }], Options: {} } });
  const { Id: cid } = await e.containerCreate({ Image: 'alpine', Cmd: ['sleep', '100'], HostConfig: { NetworkMode: 'app' }, NetworkingConfig: { EndpointsConfig: { app: { IPAMConfig: { IPv4Address: '10.9.0.7' }, Aliases: ['x1'] } } } }, 'one').catch(async () => {
    await e.imagePull('alpine', () => {});
    return e.containerCreate({ Image: 'alpine', Cmd: ['sleep', '100'], HostConfig: { NetworkMode: 'app' }, NetworkingConfig: { EndpointsConfig: { app: { IPAMConfig: { IPv4Address: '10.9.0.7' }, Aliases: ['x1'] } } } }, 'one');
  });
  await e.containerStart(cid);
  const before = await e.networkInspect('app');
  const back = createEngine({ seed: 3, state: JSON.parse(JSON.stringify(e.save())) });
  assert.deepEqual(await back.networkInspect('app'), before);
  assert.equal(before.Id, Id);
  assert.equal(before.Containers[cid].IPv4Address, '10.9.0.7/24');
  assert.deepEqual((await back.networkList()).map((n) => n.Name).sort(), ['app', 'bridge', 'host', 'none']);
  assert.deepEqual((await back.containerInspect('one')).NetworkSettings.Networks.app.Aliases, ['x1']);
});

test('--network container: shares the other container\'s localhost; none and internal networks have no way out', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  assert.match((await run('docker run --rm --network container:web alpine wget -qO- localhost')).out, /Welcome to nginx!/);
  assert.equal((await run("docker inspect -f '{{len .NetworkSettings.Networks}}' $(docker ps -lq)")).exit, 0);
  await run('docker network create --internal priv');
  for (const net of ['priv', 'none']) {
    const r = await run(`docker run --rm --network ${net} alpine ping -c 1 example.com`);
    assert.deepEqual([r.err, r.exit], ["ping: bad address 'example.com'\n", 1], net);
  }
  assert.equal((await run('docker run --rm --network host alpine ping -c 1 example.com')).exit, 0);
  assert.equal((await run('docker run --rm alpine ping -c 1 example.com')).exit, 0);
});

test('the embedded DNS answers every DNS name of a container: name, alias, short ID, hostname', async () => {
  const run = session();
  await run('docker network create app');
  const id = (await run('docker run -d --name svc --hostname svchost --network app --network-alias api alpine sleep 1000')).out.trim();
  for (const n of ['svc', 'api', id.slice(0, 12), 'svchost']) assert.equal((await run(`docker run --rm --network app alpine ping -c 1 ${n}`)).exit, 0, n);
  assert.equal((await run(`docker inspect -f '{{.NetworkSettings.Networks.app.DNSNames}}' svc`)).out, `[svc api ${id.slice(0, 12)} svchost]\n`);
});

test('--net and --net-alias are the hidden old names; --network default is the bridge', async () => {
  const run = session();
  await run('docker network create app');
  await run('docker run -d --name old --net app --net-alias legacy alpine sleep 1000');
  assert.equal((await run("docker inspect -f '{{.HostConfig.NetworkMode}} {{.NetworkSettings.Networks.app.Aliases}}' old")).out, 'app [legacy]\n');
  await run('docker run -d --name dflt --network default alpine sleep 1000');
  assert.equal((await run("docker inspect -f '{{.HostConfig.NetworkMode}} {{.NetworkSettings.IPAddress}}' dflt")).out, 'bridge 172.17.0.2\n');
});

test('network ls -f dangling: custom networks without running containers', async () => {
  const run = session();
  await run('docker network create used');
  await run('docker network create idle');
  await run('docker run -d --name web --network used nginx');
  assert.equal((await run('docker network ls -f dangling=true --format "{{.Name}}"')).out, 'idle\n');
  assert.equal((await run('docker network ls -f dangling=0 --format "{{.Name}}"')).out, 'bridge\nhost\nnone\nused\n');
  assert.equal((await run('docker network ls -f dangling=maybe')).err, 'Error response from daemon: invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")\n');
});

test('a full subnet: its own address, broadcast and gateway are never handed out', async () => {
  const run = session();
  await run('docker network create --subnet 10.7.0.0/30 tiny');
  await run('docker run -d --name one --network tiny alpine sleep 100');
  assert.equal((await run("docker inspect -f '{{.NetworkSettings.Networks.tiny.IPAddress}}' one")).out, '10.7.0.2\n');
  const full = await run('docker run -d --name two --network tiny alpine sleep 100');
  const id = (await run("docker network inspect -f '{{.Id}}' tiny")).out.trim();
  assert.match(full.err, new RegExp(`failed to set up container networking: no available IPv4 addresses on this network's address pools: tiny \\(${id}\\)`));
});

test('--network host: the host\'s name, and a server listening on the host itself', async () => {
  const run = session();
  await run('docker run -d --name hw --network host nginx');
  assert.match((await run('curl -s localhost')).out, /Welcome to nginx!/);
  assert.equal((await run('docker run --rm --network host alpine hostname')).out, 'aula\n');
  assert.equal((await run("docker inspect -f '{{.Config.Hostname}}' hw")).out, 'aula\n');
  await run('docker rm -f hw');
  assert.equal((await run('curl -sS localhost')).exit, 7);
});

test('Tab completes network and volume names where they are expected', async () => {
  const sh = createShell({ seed: 1 });
  const io: TermIO = { out: () => {}, err: () => {}, tty: false, sleep: () => Promise.resolve() };
  for (const c of ['docker network create red1', 'docker network create red2', 'docker volume create datos', 'docker run -d --name web alpine sleep 100']) await sh.run(c, io);
  const tab = (line: string) => sh.complete(line, line.length).candidates;
  assert.deepEqual(tab('docker network rm re'), ['red1', 'red2']);
  assert.deepEqual(tab('docker network inspect '), ['bridge', 'host', 'none', 'red1', 'red2']);
  assert.deepEqual(tab('docker network connect red1 w'), ['web']);
  assert.deepEqual(tab('docker run --network r'), ['red1', 'red2']);
  assert.deepEqual(tab('docker volume inspect d'), ['datos']);
  assert.deepEqual(tab('docker network create r'), []);
});

test('--network in its CSV form: name and alias (read lowercased), and the clashes the client refuses', async () => {
  const run = session();
  await run('docker pull alpine');
  await run('docker network create net1');
  await run('docker run -d --name n1 --network NAME=Net1,alias=DB alpine sleep 100');
  assert.equal((await run("docker inspect -f '{{.HostConfig.NetworkMode}} {{json .NetworkSettings.Networks.net1.Aliases}}' n1")).out, 'net1 ["db"]\n');
  assert.match((await run('docker run --rm --network net1 alpine ping -c1 db')).out, /^PING db \(172\.18\.0\.2\)/);
  const help = "\n\nRun 'docker run --help' for more information\n";
  assert.deepEqual(await run('docker run --network name=net1,alias=x --network-alias y alpine'), { out: '', err: `docker: conflicting options: cannot specify both --network-alias and per-network alias${help}`, exit: 125 });
  assert.deepEqual(await run('docker run --network net1 --network host alpine'), { out: '', err: `docker: conflicting options: cannot attach both user-defined and non-user-defined network-modes${help}`, exit: 125 });
  assert.equal((await run('docker run --network alias=x alpine')).err.split('\n')[0], 'invalid argument "alias=x" for "--network" flag: network name/id is not specified');
});

test('run --network A --network B: the container is on both, each endpoint with its own aliases', async () => {
  const run = session();
  await run('docker network create front');
  await run('docker network create back');
  assert.equal((await run('docker run -dq --name web --network front --network name=back,alias=api nginx')).exit, 0);
  const f = '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}} {{$v.Aliases}};{{end}}';
  assert.equal((await run(`docker inspect -f '${f}' web`)).out, 'back 172.19.0.2 [api];front 172.18.0.2 [];\n');
  assert.equal((await run("docker network inspect -f '{{len .Containers}}' back")).out, '1\n');
  // a further network that is not there fails the start, as the first one does
  assert.match((await run('docker run --rm --network front --network nope debian true')).err, /network nope not found/);
});
