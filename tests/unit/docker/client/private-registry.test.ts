import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';
import { session } from './session';

const V2 = '/var/lib/registry/docker/registry/v2';

test('registry: the images run `registry serve` with the start-up lines of their release', async () => {
  const $ = session();
  assert.equal((await $('docker run -d -p 5000:5000 --name registry registry:2')).exit, 0);
  const log = (await $('docker logs registry')).err.split('\n');
  assert.match(log[0], /^time="2025-\d\d-\d\dT[\d:]+\.\d{9}Z" level=warning msg="No HTTP secret provided - generated random secret\./);
  assert.match(log[4], /^time="[^"]+" level=info msg="listening on \[::\]:5000" go\.version=go1\.20\.8 instance\.id=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12} service=registry version=v2\.8\.3$/);
  assert.match((await $('docker exec registry ps')).out, /1 root +0:00 registry serve \/etc\/docker\/registry\/config\.yml\n/);
  assert.match((await $("docker image inspect registry:2 --format '{{json .Config}}'")).out, /"ExposedPorts":\{"5000\/tcp":\{\}\}.*"Entrypoint":\["\/entrypoint.sh"\],"Cmd":\["\/etc\/docker\/registry\/config.yml"\],"Volumes":\{"\/var\/lib\/registry":\{\}\}/);
  assert.match((await $('docker search registry')).out, /^NAME +DESCRIPTION +STARS +OFFICIAL\nregistry +Distribution implementation for storing and … +4200 +\[OK\]\n/);
  assert.equal((await $('docker run --rm registry:3 --version')).out, 'registry github.com/distribution/distribution/v3 3.0.0\n');
  assert.equal((await $('docker run --rm registry:2 registry --version')).out, 'registry github.com/docker/distribution v2.8.3\n');
  assert.equal((await $('docker run --rm registry:2 cat /etc/docker/registry/config.yml')).out.split('\n')[8], '    rootdirectory: /var/lib/registry');
  // SIGTERM: a graceful shutdown, exit 0
  await $('docker stop registry');
  assert.match((await $('docker logs registry')).err, /msg="stopping server gracefully\. Draining connections for 0s"/);
  assert.match((await $('docker ps -a')).out, /Exited \(0\)/);
});

test('registry: the HTTP API v2 over curl, each request logged', async () => {
  const $ = session();
  await $('docker run -d -p 5000:5000 --name registry registry:2');
  const base = await $('curl -i localhost:5000/v2/');
  assert.match(base.out, /^HTTP\/1\.1 200 OK\r?\nContent-Length: 2\r?\nContent-Type: application\/json; charset=utf-8\r?\nDocker-Distribution-Api-Version: registry\/2\.0\r?\nX-Content-Type-Options: nosniff\r?\nDate: .*GMT\r?\n\r?\n\{\}$/);
  assert.equal((await $('curl -s localhost:5000/v2/_catalog')).out, '{"repositories":[]}\n');
  assert.equal((await $('curl -s localhost:5000/v2/nada/tags/list')).out, '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nada"}}]}\n');
  assert.equal((await $('curl -s localhost:5000/v2/nada/manifests/latest')).out, '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}\n');
  assert.equal((await $('curl -s localhost:5000/v2/nada')).out, '404 page not found\n');
  const logs = await $('docker logs registry');
  assert.match(logs.out, /^172\.17\.0\.1 - - \[[^\]]+\] "GET \/v2\/ HTTP\/1\.1" 200 2 "" "curl\/[\d.]+"\n/);
  assert.match(logs.err, /level=error msg="response completed with error" err\.code="name unknown" go\.version=go1\.20\.8 http\.request\.host="localhost:5000" http\.request\.id=\S+ http\.request\.method=GET http\.request\.remoteaddr="172\.17\.0\.1:\d+" http\.request\.uri="\/v2\/nada\/tags\/list"/);
  // from a container on the same network, by name
  await $('docker network create red');
  await $('docker network connect red registry');
  assert.equal((await $('docker run --rm --network red alpine wget -qO- registry:5000/v2/_catalog')).out, '{"repositories":[]}\n');
});

test('registry: push, catalog, tags, manifest, rmi and pull back; a second push finds the layers', async () => {
  const $ = session();
  await $('docker pull alpine');
  await $('docker run -d -p 5000:5000 --name registry registry:2');
  await $('docker tag alpine localhost:5000/mi-alpine');
  const p = await $('docker push localhost:5000/mi-alpine');
  assert.equal(p.exit, 0);
  assert.match(p.out, /^Using default tag: latest\nThe push refers to repository \[localhost:5000\/mi-alpine\]\n6ec4586b641d: Preparing\n6ec4586b641d: Pushed\nlatest: digest: (sha256:[0-9a-f]{64}) size: 527\n$/);
  const d = /digest: (\S+)/.exec(p.out)![1];
  assert.match((await $('docker push localhost:5000/mi-alpine')).out, /6ec4586b641d: Layer already exists\n/);
  await $('docker tag alpine 127.0.0.1:5000/otra:v1');
  assert.match((await $('docker push 127.0.0.1:5000/otra:v1')).out, /6ec4586b641d: Mounted from mi-alpine\nv1: digest: /);
  assert.equal((await $('curl -s localhost:5000/v2/_catalog')).out, '{"repositories":["mi-alpine","otra"]}\n');
  assert.equal((await $('curl -s localhost:5000/v2/mi-alpine/tags/list')).out, '{"name":"mi-alpine","tags":["latest"]}\n');
  const head = (await $('curl -sI localhost:5000/v2/mi-alpine/manifests/latest')).out;
  assert.match(head, new RegExp(`Content-Length: 527\\r?\\nContent-Type: application/vnd.docker.distribution.manifest.v2\\+json\\r?\\nDocker-Content-Digest: ${d}\\r?\\n`));
  const manifest = (await $('curl -s localhost:5000/v2/mi-alpine/manifests/latest')).out;
  assert.equal(JSON.parse(manifest).layers[0].size, 3642000);
  // the digest is the manifest's own sha256
  assert.equal((await $('curl -s localhost:5000/v2/mi-alpine/manifests/latest | sha256sum')).out.slice(0, 64), d.slice(7));
  assert.equal((await $(`docker exec registry cat ${V2}/repositories/mi-alpine/_manifests/tags/latest/current/link`)).out, d);
  assert.match((await $('docker logs registry')).out, /"PUT \/v2\/mi-alpine\/manifests\/latest HTTP\/1\.1" 201 0 "" "docker\/28\.2\.2 /);
  await $('docker rmi localhost:5000/mi-alpine');
  const pull = await $('docker pull localhost:5000/mi-alpine');
  assert.equal(pull.out, `Using default tag: latest\nlatest: Pulling from mi-alpine\n64c6b0fc9534: Already exists\nDigest: ${d}\nStatus: Downloaded newer image for localhost:5000/mi-alpine:latest\nlocalhost:5000/mi-alpine:latest\n`);
  assert.equal((await $('docker pull localhost:5000/nada')).err, 'Error response from daemon: manifest for localhost:5000/nada:latest not found: manifest unknown: manifest unknown\n');
  assert.equal((await $('docker login localhost:5000 -u a -p b')).out, 'Login Succeeded\n');
  // -a: every tag the registry lists
  await $('docker rmi localhost:5000/mi-alpine 127.0.0.1:5000/otra:v1');
  await $('docker tag alpine localhost:5000/otra:v2');
  await $('docker push localhost:5000/otra:v2');
  const all = await $('docker pull -a localhost:5000/otra');
  assert.match(all.out, /^v1: Pulling from otra\n(.*\n)*v2: Pulling from otra\n(.*\n)*Status: Downloaded newer image for localhost:5000\/otra\nlocalhost:5000\/otra\n$/);
});

test('registry: a committed image pulls back whole; stopped, other hosts, the published port', async () => {
  const $ = session();
  await $('docker run -d -p 5001:5000 --name registry registry:3');
  await $("docker run --name cc alpine sh -c 'echo hola > /hola'");
  await $('docker commit cc localhost:5001/hola:1.0');
  const id = (await $('docker images -q localhost:5001/hola')).out;
  assert.match((await $('docker push localhost:5001/hola:1.0')).out, /: Pushed\n6ec4586b641d: Pushed\n1\.0: digest: /);
  await $('docker rm cc');
  await $('docker rmi localhost:5001/hola:1.0 alpine');
  const pull = await $('docker pull localhost:5001/hola:1.0');
  assert.match(pull.out, /1\.0: Pulling from hola\n64c6b0fc9534: Already exists\n[0-9a-f]{12}: Pulling fs layer\n/);
  assert.equal((await $('docker images -q localhost:5001/hola')).out, id);
  assert.equal((await $('docker run --rm localhost:5001/hola:1.0 cat /hola')).out, 'hola\n');
  // plain HTTP is for the loopback only
  await $('docker tag localhost:5001/hola:1.0 10.0.2.15:5001/hola');
  const tls = await $('docker push 10.0.2.15:5001/hola');
  assert.deepEqual([tls.err, tls.exit], ['Get "https://10.0.2.15:5001/v2/": http: server gave HTTP response to HTTPS client\n', 1]);
  assert.equal((await $('docker pull 10.0.2.15:5001/hola')).err, 'Error response from daemon: Get "https://10.0.2.15:5001/v2/": http: server gave HTTP response to HTTPS client\n');
  assert.equal((await $('docker pull localhost:5000/hola')).err, 'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n');
  await $('docker stop registry');
  const off = await $('docker push localhost:5001/hola:1.0');
  assert.deepEqual([off.out, off.err], ['The push refers to repository [localhost:5001/hola]\n', 'Get "http://localhost:5001/v2/": dial tcp [::1]:5001: connect: connection refused\n']);
});

test('registry: what is pushed lives in /var/lib/registry: a named volume keeps it, rm -f of an anonymous one loses it', async () => {
  const $ = session();
  await $('docker pull alpine');
  await $('docker tag alpine localhost:5000/a');
  await $('docker run -d -p 5000:5000 -v datos:/var/lib/registry --name r1 registry');
  await $('docker push localhost:5000/a');
  await $('docker rm -f r1');
  await $('docker run -d -p 5000:5000 -v datos:/var/lib/registry --name r2 registry');
  assert.equal((await $('curl -s localhost:5000/v2/_catalog')).out, '{"repositories":["a"]}\n');
  assert.equal((await $(`docker exec r2 ls ${V2}/repositories`)).out, 'a\n');
  // the layer's blob weighs what its compressed tar does
  assert.equal((await $('docker exec r2 du -sh /var/lib/registry')).out, '3.6M\t/var/lib/registry\n');
  await $('docker rm -f r2');
  await $('docker run -d -p 5000:5000 --name r3 registry');
  assert.equal((await $('curl -s localhost:5000/v2/_catalog')).out, '{"repositories":[]}\n');
});

test('registry: the pushed repositories survive saving and restoring the machine', async () => {
  const $ = session();
  await $('docker run -d -p 5000:5000 --name registry registry:2');
  await $('docker pull alpine');
  await $('docker tag alpine localhost:5000/a');
  await $('docker push localhost:5000/a');
  await $('docker rmi localhost:5000/a');
  const again = createShell({ state: $.shell.save() });
  let out = '';
  const io: TermIO = { out: (t) => { out += t; }, err: () => {}, tty: false, sleep: () => Promise.resolve() };
  assert.equal(await again.run('docker pull -q localhost:5000/a', io), 0);
  assert.equal(await again.run('curl -s localhost:5000/v2/a/tags/list', io), 0);
  assert.equal(out, 'localhost:5000/a:latest\n{"name":"a","tags":["latest"]}\n');
});
