import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt, type Eng } from './fixtures';

/** `docker run -it -u USER IMAGE`. */
const runAs = (e: Eng, image: string, user: string) => runIt(e, image, undefined, undefined, user);

test('--user: a uid the image knows has its name, home and group', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runAs(e, 'ubuntu', '1000');
  assert.match(u.h.prompt(), /^ubuntu@[0-9a-f]{12}:\/\$ $/);
  assert.equal(await u.type('whoami'), 'ubuntu\n');
  assert.equal(await u.type('id'), 'uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu)\n');
  assert.equal(await u.type('echo $HOME'), '/home/ubuntu\n');
  const a = await runAs(e, 'alpine', 'nobody');
  assert.equal(a.h.prompt(), '~ $ ', "nobody's home is /");
  assert.equal(await a.type('id'), 'uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n');
});

test('--user: a uid without a passwd entry has no name, gid 0 and HOME=/', async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runAs(e, 'debian', '1000');
  assert.match(d.h.prompt(), /^I have no name!@[0-9a-f]{12}:\/\$ $/);
  assert.equal(await d.type('whoami'), 'whoami: cannot find name for user ID 1000\n');
  assert.equal(await d.type('id'), 'uid=1000 gid=0(root) groups=0(root)\n');
  assert.equal(await d.type('echo $HOME'), '/\n');
  const a = await runAs(e, 'alpine', '1234');
  assert.equal(a.h.prompt(), '/ $ ');
  assert.equal(await a.type('whoami'), 'whoami: unknown uid 1234\n');
});

test('ps names a uid from /etc/passwd, and keeps the number for one it does not know', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runAs(e, 'ubuntu', '1000');
  assert.match(await u.type('ps aux'), /\nubuntu {9}1 [^\n]+bash\nubuntu {9}\d+ [^\n]+ps aux\n$/);
  assert.match(await u.type('ps -ef'), /\nubuntu {9}1 /);
  const w = await runAs(e, 'ubuntu', '33');
  assert.match(await w.type('ps aux'), /\nwww-data {7}1 /);
  const a = await runAs(e, 'alpine', '1234');
  assert.match(await a.type('ps'), /\n {4}1 1234 {6}0:00 \/bin\/sh\n/);
  const n = await runAs(e, 'alpine', '65534');
  assert.match(await n.type('ps'), /\n {4}1 nobody {4}0:00 \/bin\/sh\n/);
});
