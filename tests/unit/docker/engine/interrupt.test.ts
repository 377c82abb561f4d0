// Ctrl+C on programs inside containers: each stops where it stands, prints what the real one
// prints on SIGINT, and leaves the status bash or busybox would show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { inside, screen as term } from './fixtures';

test('ping in alpine (busybox): Ctrl+C after 2 replies prints busybox statistics, status 0', async () => {
  const { run } = await inside('alpine');
  const out = await run('ping -c 100 8.8.8.8', 2);
  assert.match(out, /seq=1 ttl=117 time=[\d.]+ ms\n\n--- 8\.8\.8\.8 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = [\d.]+\/[\d.]+\/[\d.]+ ms\n$/);
  assert.doesNotMatch(out, /seq=2 /);
  assert.equal(await run('echo $?'), '0\n');
});

test('ping in ubuntu (iputils): Ctrl+C after 2 replies prints iputils statistics, status 0', async () => {
  const { run } = await inside('ubuntu', 'apt-get update', 'apt-get install -y iputils-ping');
  const out = await run('ping -c 100 google.com', 2);
  assert.match(out, /icmp_seq=2 ttl=117 time=[\d.]+ ms\n\n--- google\.com ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1000ms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\n$/);
  assert.equal(await run('echo $?'), '0\n');
});

test('apt-get install interrupted while downloading: nothing more printed, nothing installed, $? 130', async () => {
  const { run } = await inside('ubuntu', 'apt-get update');
  const out = await run('apt-get install -y iputils-ping', 1);
  assert.match(out, /\nGet:1 [^\n]+\n$/);
  assert.doesNotMatch(out, /Fetched|Unpacking|Setting up/);
  assert.equal(await run('echo $?'), '130\n');
  assert.equal(await run('ping -c 1 google.com'), 'bash: ping: command not found\n');
  // the next install starts afresh, as dpkg never saw the packages
  assert.match(await run('apt-get install -y iputils-ping'), /NEW packages will be installed:\n {2}iputils-ping libcap2-bin\n[\s\S]*Setting up iputils-ping /);
});

test('apt-get update interrupted stops and gives 130; the rest of the line does not run', async () => {
  const { run } = await inside('debian');
  const out = await run('apt-get update; echo despues', 1);
  assert.match(out, /^Get:1 [^\n]+\n$/);
  assert.equal(await run('echo $?'), '130\n');
});

test('npm install interrupted prints no summary and gives 130', async () => {
  const { run } = await inside('node:22 bash', 'mkdir /app', 'cd /app');
  const out = await run('npm install express', 1);
  assert.doesNotMatch(out, /added \d+ packages/);
  assert.equal(await run('echo $?'), '130\n');
});

test('a foreground sleep in busybox prints nothing on Ctrl+C and gives 130', async () => {
  const { run } = await inside('busybox');
  assert.equal(await run('sleep 100; echo no', 1), '');
  assert.equal(await run('echo $?'), '130\n');
});

test('docker pull stops drawing at Ctrl+C (the CLI cancels its context); docker run still shows what the container prints on SIGINT', async () => {
  const sh = createShell({ seed: 2 });
  const t = term(3);
  await sh.run('docker pull alpine', t);
  assert.match(t.text(), /Downloading[^\n]*$/);
  assert.doesNotMatch(t.text(), /Pull complete|Digest:|Status:|docker\.io\/library\/alpine/);
  // The daemon's pull was cancelled with it: no image, so the run below pulls it first.
  const imgs = term();
  await sh.run('docker images -q alpine', imgs);
  assert.equal(imgs.text(), '');
  await sh.run('docker pull alpine', term());
  const r = term(3);
  await sh.run('docker run alpine ping 8.8.8.8', r);
  assert.match(r.text(), /seq=2 [^\n]+\n\n--- 8\.8\.8\.8 ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\n/);
});

test('docker run of a server in the foreground: Ctrl+C reaches it through the attached client, whose shutdown lines show', async () => {
  const sh = createShell({ seed: 2 });
  await sh.run('docker pull nginx', term());
  const t = term(2);
  await sh.run('docker run --name fg nginx', t);
  assert.match(t.text(), /start worker process \d+\n[^]*\[notice\] 1#1: signal 2 \(SIGINT\) received, exiting\n[^]*\[notice\] 1#1: exit\n$/);
  const ps = term();
  await sh.run('docker ps -a --format "{{.Names}} {{.Status}}"', ps);
  assert.match(ps.text(), /^fg Exited \(0\) /);
});

test('docker start -a forwards Ctrl+C like docker run: the server stops and says so', async () => {
  const sh = createShell({ seed: 2 });
  await sh.run('docker create --name web nginx', term());
  const t = term(2);
  await sh.run('docker start -a web', t);
  assert.match(t.text(), /signal 2 \(SIGINT\) received, exiting\n[^]*\[notice\] 1#1: exit\n$/);
  const ps = term();
  await sh.run('docker ps -a --format "{{.Names}} {{.State}}"', ps);
  assert.equal(ps.text(), 'web exited\n');
});

test('Ctrl+C while docker run pulls: the pull stops drawing and no container is made or entered', async () => {
  const sh = createShell({ seed: 2 });
  const t = term(3);
  await sh.run('docker run -it --name nuevo ubuntu', t);
  assert.match(t.text(), /Downloading[^\n]*$/);
  assert.doesNotMatch(t.text(), /Pull complete|Status:/);
  assert.equal(sh.prompt(), '$ ');
  const ps = term();
  await sh.run('docker ps -aq', ps);
  assert.equal(ps.text(), '');
});

test('fg then Ctrl+C: the job dies of SIGINT, $? 130, no job left; wait interrupted leaves the job running', async () => {
  const { run } = await inside('ubuntu');
  assert.match(await run('sleep 100 &'), /^\[1\] \d+\n$/);
  assert.equal(await run('fg', 2), 'sleep 100\n');
  assert.equal(await run('echo $?'), '130\n');
  assert.equal(await run('jobs'), '');
  assert.doesNotMatch(await run('ps'), /sleep/);
  await run('sleep 200 &');
  await run('wait', 2);
  assert.equal(await run('echo $?'), '130\n');
  assert.equal(await run('jobs'), '[1]+  Running                 sleep 200 &\n');
});
