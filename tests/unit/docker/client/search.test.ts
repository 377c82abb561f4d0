import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

const names = async ($: ReturnType<typeof session>, line: string) => (await $(line)).out.trim().split('\n');

test('search: the official repository, then its namespace, then repositories named like the term', async () => {
  const $ = session();
  const r = await $('docker search nginx');
  assert.equal(r.exit, 0);
  const lines = r.out.split('\n');
  assert.equal(lines[0], 'NAME                                     DESCRIPTION                                     STARS     OFFICIAL');
  assert.equal(lines[1], 'nginx                                    Official build of Nginx.                        20800     [OK]');
  assert.equal(lines[2], 'nginx/nginx-ingress                      NGINX and  NGINX Plus Ingress Controllers fo…   121       ');
  assert.equal(lines[4], 'nginx/nginxaas-loadbalancer-kubernetes                                                   1         ');
  assert.equal(lines[9], 'linuxserver/nginx                        An Nginx container, brought to you by LinuxS…   236       ');
  assert.ok(lines.length > 12);
  // not sorted by stars: the Hub's relevance order is kept by the client
  assert.deepEqual((await names($, "docker search --format '{{.Name}}' ubuntu")).slice(0, 4), ['ubuntu', 'ubuntu/squid', 'ubuntu/nginx', 'ubuntu/kafka']);
  assert.deepEqual(await names($, "docker search --format '{{.Name}}:{{.StarCount}}' python"), [
    'python:10200', 'circleci/python:95', 'cimg/python:22', 'bitnami/python:29', 'okteto/python:0', 'ubuntu/python:19',
  ]);
});

test('search: partial terms, descriptions, case and the library/ and docker.io/ prefixes', async () => {
  const $ = session();
  const nginx = await $('docker search nginx');
  for (const t of ['ngin', 'NGINX', 'library/nginx', 'docker.io/library/nginx']) assert.equal((await $(`docker search ${t}`)).out, nginx.out, t);
  // Node.js in node's description answers `java` as on the Hub
  assert.deepEqual(await names($, "docker search --format '{{.Name}}' java"), ['node', 'circleci/node']);
  assert.deepEqual(await names($, "docker search --format '{{.Name}}' -f is-official=true mysql"), ['mysql', 'mariadb', 'phpmyadmin']);
  assert.equal((await $('docker search zzzzqqq')).out, 'NAME      DESCRIPTION   STARS     OFFICIAL\n');
  assert.equal((await $('docker search bitnami/redis --format "{{.Name}} {{.Description}}"')).out.split('\n')[0], 'bitnami/redis Bitnami container image for Redis');
});

test('search: --limit caps what the Hub is asked for; filters apply after it; no limit below 1 is sent', async () => {
  const $ = session();
  assert.deepEqual(await names($, "docker search --format '{{.Name}}' --limit 3 -f is-official=false nginx"), ['nginx/nginx-ingress', 'nginx/nginx-prometheus-exporter']);
  assert.deepEqual(await names($, "docker search --format '{{.Name}}' --limit 2 -f stars=100 ubuntu"), ['ubuntu', 'ubuntu/squid']);
  const all = (await $('docker search e')).out;
  assert.equal(all.split('\n').length, 1 + 25 + 1);
  for (const l of ['-3', '0']) assert.equal((await $(`docker search --limit ${l} e`)).out, all);
  assert.ok((await $('docker search --limit 100 e')).out.split('\n').length > 50);
  const r = await $('docker search --limit 101 ubuntu');
  assert.deepEqual([r.out, r.err, r.exit], ['', 'Error response from daemon: limit 101 is outside the range of [1, 100]\n', 1]);
});

test('search: the deprecated is-automated filter warns; true answers nothing, before the limit is checked', async () => {
  const $ = session();
  const warn = 'WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n';
  const t = await $('docker search --limit 500 -f is-automated=true nginx');
  assert.deepEqual([t.out, t.err, t.exit], ['NAME      DESCRIPTION   STARS     OFFICIAL\n', warn, 0]);
  const f = await $('docker search -f is-automated=false nginx');
  assert.deepEqual([f.out, f.err], [(await $('docker search nginx')).out, warn]);
  const bad = await $('docker search -f is-automated=maybe nginx');
  assert.deepEqual([bad.err, bad.exit], [warn + "Error response from daemon: invalid filter 'is-automated=[maybe]'\n", 1]);
});

test('search: the removed IsAutomated placeholder, a term with a scheme, a bad is-official value', async () => {
  const $ = session();
  const a = await $("docker search --format '{{.Name}} {{.IsAutomated}}' nginx");
  assert.deepEqual([a.out, a.err, a.exit], ['', 'template parsing error: template: :1:12: executing "" at <.IsAutomated>: can\'t evaluate field IsAutomated in type *registry.searchContext\n', 1]);
  const s = await $('docker search https://nginx');
  assert.deepEqual([s.err, s.exit], ['Error response from daemon: invalid repository name: repository name (https://nginx) should not have a scheme\n', 1]);
  assert.equal((await $('docker search -f is-official=maybe nginx')).err, "Error response from daemon: invalid filter 'is-official=[maybe]'\n");
});

test('search: anonymous, the same after logout', async () => {
  const $ = session();
  const before = (await $('docker search redis')).out;
  await $('docker login -u ana -p x');
  await $('docker logout');
  assert.equal((await $('docker search redis')).out, before);
  assert.ok(before.includes('\nredis/redis-stack '));
});

test('search: a registry on this machine is asked over the v1 API, which registry:2 lacks', async () => {
  const $ = session();
  const dial = (s: string) => `Get "${s}://localhost:5000/v1/_ping": dial tcp [::1]:5000: connect: connection refused`;
  const off = await $('docker search localhost:5000/app');
  assert.deepEqual([off.out, off.err, off.exit], ['', `Error response from daemon: invalid registry endpoint "http://localhost:5000/v1/". HTTPS attempt: ${dial('https')}. HTTP attempt: ${dial('http')}\n`, 1]);
  await $('docker run -d -p 5000:5000 --name reg registry:2');
  const on = await $('docker search localhost:5000/app');
  assert.deepEqual([on.out, on.err, on.exit], ['', 'Error response from daemon: Unexpected status code 404\n', 1]);
  // the limit is checked before the request goes out
  assert.equal((await $('docker search --limit 0 --limit 101 localhost:5000/app')).err, 'Error response from daemon: limit 101 is outside the range of [1, 100]\n');
  assert.equal((await $('docker search 127.0.0.1:5001/app')).err.split('. HTTP attempt')[0], 'Error response from daemon: invalid registry endpoint "http://127.0.0.1:5001/v1/". HTTPS attempt: Get "https://127.0.0.1:5001/v1/_ping": dial tcp 127.0.0.1:5001: connect: connection refused');
});
