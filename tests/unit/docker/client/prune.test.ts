import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

interface Result { out: string; err: string; exit: number }

function session() {
  const sh = createShell({ seed: 7 });
  return async (line: string, tty = false): Promise<Result> => {
    const r = { out: '', err: '', exit: 0 };
    const io: TermIO = { out: (t) => { r.out += t; }, err: (t) => { r.err += t; }, tty, sleep: () => Promise.resolve() };
    r.exit = await sh.run(line, io);
    return r;
  };
}

const names = async (run: (l: string) => Promise<Result>) => (await run('docker ps -a --format "{{.Names}}"')).out.split('\n').filter(Boolean).sort();

test('container prune --filter label= and label!= pick which stopped containers go', async () => {
  const run = session();
  await run('docker run --name uno -l keep=yes alpine true');
  await run('docker run --name dos -l tier=web -l keep=no alpine true');
  await run('docker run --name tres alpine true');
  const web = await run('docker container prune -f --filter label=tier=web');
  assert.match(web.out, /^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
  assert.deepEqual(await names(run), ['tres', 'uno']);
  // `label!=keep` spares every container that has the label, whatever its value.
  await run('docker container prune -f --filter label!=keep');
  assert.deepEqual(await names(run), ['uno']);
  await run('docker container prune -f --filter label=keep=no');
  assert.deepEqual(await names(run), ['uno'], 'a value must match exactly');
});

test('container prune --filter until= keeps containers created after the limit', async () => {
  const run = session();
  await run('docker run --name viejo alpine true');
  await run('sleep 7200');
  await run('docker run --name nuevo alpine true');
  assert.equal((await run('docker container prune -f --filter until=1h')).exit, 0);
  assert.deepEqual(await names(run), ['nuevo']);
});

test('prune filters are validated as the daemon does, after the question is answered', async () => {
  const run = session();
  await run('docker run --name uno alpine true');
  const cases: [string, string][] = [
    ['docker container prune -f --filter foo=bar', "Error response from daemon: invalid filter 'foo'\n"],
    ['docker container prune -f --filter dangling=true', "Error response from daemon: invalid filter 'dangling'\n"],
    ['docker container prune -f --filter until=1h --filter until=2h', 'Error response from daemon: more than one until filter specified\n'],
    ['docker container prune -f --filter until=ayer', 'Error response from daemon: failed to parse value as time or duration: "ayer"\n'],
    ['docker image prune -f --filter status=exited', "Error response from daemon: invalid filter 'status'\n"],
    ['docker image prune -a -f --filter dangling=true', "Error response from daemon: invalid filter 'dangling=[true false]'\n"],
  ];
  for (const [line, err] of cases) {
    const r = await run(line);
    assert.deepEqual([r.err, r.out, r.exit], [err, '', 1], line);
  }
  const asked = await run('docker container prune --filter foo=bar', true);
  assert.equal(asked.out, 'WARNING! This will remove all stopped containers.\n');
  const answered = await run('y', true);
  assert.deepEqual([answered.err, answered.exit], ["Error response from daemon: invalid filter 'foo'\n", 1]);
  assert.match((await run('docker container prune -f --filter bad')).err, /^invalid argument "bad" for "--filter" flag: bad format of filter \(expected name=value\)/);
  assert.deepEqual(await names(run), ['uno'], 'nothing was removed by a refused prune');
});

test('image prune --filter label= and until= narrow the dangling (or, with -a, unused) images', async () => {
  const run = session();
  await run('docker run --name uno alpine true');
  const labelled = (await run('docker commit -c "LABEL curso=docker" uno')).out.trim();
  const plain = (await run('docker commit uno')).out.trim();
  const r = await run('docker image prune -f --filter label=curso');
  assert.equal(r.out, `Deleted Images:\ndeleted: ${labelled}\n\nTotal reclaimed space: 0B\n`);
  assert.equal((await run('docker images -q --no-trunc -f dangling=true')).out, plain + '\n');
  await run('docker pull hello-world');
  await run('docker commit uno mio:1');
  // `until` compares when an image was built: hello-world is years old, mio:1 was made just now
  // and alpine is in use by uno.
  const first = await run('docker image prune -a -f --filter until=1h');
  assert.match(first.out, /untagged: hello-world:latest/);
  assert.doesNotMatch(first.out, /mio/);
  await run('sleep 7200');
  const later = await run('docker image prune -a -f --filter until=1h');
  assert.match(later.out, /untagged: mio:1/);
  assert.equal((await run('docker images --format "{{.Repository}}"')).out, 'alpine\n');
});
