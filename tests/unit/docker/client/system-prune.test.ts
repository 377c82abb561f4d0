import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

interface Result { out: string; err: string; exit: number }

function session() {
  const sh = createShell({ seed: 3 });
  return async (line: string): Promise<Result> => {
    const r = { out: '', err: '', exit: 0 };
    const io: TermIO = { out: (t) => { r.out += t; }, err: (t) => { r.err += t; }, tty: false, sleep: () => Promise.resolve() };
    r.exit = await sh.run(line, io);
    return r;
  };
}

test('system prune lists containers, networks, volumes and images in docker/cli order, then the total', async () => {
  const run = session();
  await run('docker run --name parado -v /datos alpine sh -c "echo hola > /etc/motd"');
  await run('docker run -d --name vivo alpine sleep 1000');
  await run('docker network create libre');
  await run('docker network create usada');
  await run('docker network connect usada vivo');
  await run('docker build -t tmp - <<EOF\nFROM alpine\nRUN echo x > /x\nEOF');
  await run('docker tag alpine otra');
  await run('docker rmi tmp');
  const r = await run('docker system prune -f --volumes');
  assert.equal(r.exit, 0);
  assert.match(r.out, /^Deleted Containers:\n[0-9a-f]{64}\n\nDeleted Networks:\nlibre\n\nDeleted Volumes:\n[0-9a-f]{64}\n\n(Deleted Images:\n(deleted: sha256:[0-9a-f]{64}\n)+\n)?Total reclaimed space: \d/);
  assert.deepEqual((await run('docker ps -a --format "{{.Names}}"')).out, 'vivo\n');
  assert.match((await run('docker network ls --format "{{.Name}}"')).out, /usada/);
  // -a deletes reference by reference, as moby does: the running container's image loses the
  // tags it has others for, and keeps the last one (removing it would be a conflict).
  const a = await run('docker system prune -a -f');
  assert.match(a.out, /^Deleted Images:\nuntagged: alpine:latest\nuntagged: alpine@sha256:[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
  assert.equal((await run('docker images --format "{{.Repository}}"')).out, 'otra\n');
});

test('system prune asks first, naming what goes and the filters; no is no', async () => {
  const run = session();
  await run('docker run --name parado alpine true');
  const q = await run('echo n | docker system prune --filter until=1h --filter label=curso');
  assert.equal(q.out, 'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\n  Items to be pruned will be filtered with:\n  - label=curso\n  - until=1h\n\nAre you sure you want to continue? [y/N] ');
  assert.equal((await run('docker ps -aq')).out.length, 13);
  const v = await run('echo y | docker system prune -a --volumes');
  assert.match(v.out, /^WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all anonymous volumes not used by at least one container\n  - all images without at least one container associated to them\n  - all build cache\n\nAre you sure you want to continue\? \[y\/N\] Deleted Containers:/);
  assert.equal((await run('docker ps -aq')).out, '');
});

test('system prune refuses until with --volumes, as the client does', async () => {
  const run = session();
  const r = await run('docker system prune --volumes --filter until=24h');
  assert.deepEqual([r.out, r.err, r.exit], ['', 'ERROR: The "until" filter is not supported with "--volumes"\n', 1]);
});
