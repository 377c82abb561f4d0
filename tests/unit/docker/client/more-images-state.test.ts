import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';

const runner = (sh: ReturnType<typeof createShell>) => async (line: string) => {
  const r = { out: '', err: '' };
  await sh.run(line, { out: (t) => { r.out += t; }, err: (t) => { r.err += t; }, tty: false, sleep: () => Promise.resolve() });
  return r;
};

test('the new servers keep running and answering after save and restore', async () => {
  const a = createShell({ seed: 1 });
  const run = runner(a);
  await run('docker run -d --name db -e MARIADB_ROOT_PASSWORD=pw mariadb');
  await run('docker run -d --name mo mongo');
  await run('docker run -d --name web -p 8080:80 php:apache');
  await run(`docker exec web sh -c 'echo "<?= 7 ?>" > n.php'`);
  const b = createShell({ seed: 1, state: a.save() });
  const again = runner(b);
  assert.match((await again('docker ps --format "{{.Names}} {{.Status}}"')).out, /^web Up.*\nmo Up.*\ndb Up/);
  assert.equal((await again('docker exec db mariadb -uroot -ppw -e "select 1"')).out, '1\n1\n');
  assert.equal((await again('curl -s localhost:8080/n.php')).out, '7');
  assert.match((await again('docker stop mo')).out, /^mo\n/);
  assert.match((await again('docker logs mo')).out, /"Shutting down","attr":\{"exitCode":0\}\}\n$/);
});
