/** Global options that name an endpoint the client cannot use, answered as the real 28.2.2 client does. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

const failed = (why: string) => `Failed to initialize: unable to resolve docker endpoint: ${why}\n`;

test('an endpoint the client cannot resolve ends it when the command first needs the engine', async () => {
  const $ = session(1);
  const nope = failed('context "nope": context not found: open /home/alumno/.docker/contexts/meta/ca3704aa0b06f5954c79ee837faa152d84d6b2d42838f0637a15eda8337dbdce/meta.json: no such file or directory');
  assert.deepEqual(await $('docker -c nope images'), { out: '', err: nope, exit: 1 });
  assert.deepEqual(await $('DOCKER_CONTEXT=nope docker version'), { out: '', err: nope, exit: 1 });
  assert.deepEqual(await $('docker -H tcp://a -H tcp://b ps'), { out: '', err: failed('Specify only one -H'), exit: 1 });
  assert.deepEqual(await $('DOCKER_HOST=bogus://x docker ps'), { out: '', err: failed('invalid bind address format: bogus://x'), exit: 1 });
  assert.deepEqual(await $('docker --tlsverify --tlscacert=/x ps'), { out: '', err: failed('open /x: no such file or directory'), exit: 1 });
  assert.deepEqual(await $('docker --tls -H tcp://x ps'), { out: '', err: failed('open /home/alumno/.docker/ca.pem: no such file or directory'), exit: 1 });
  // Before that: help, flag and argument errors, and what needs no engine.
  assert.equal((await $('docker -c nope ps x')).err.split('\n')[0], "docker: 'docker ps' accepts no arguments");
  assert.equal((await $('docker -H bogus://x ps --help')).exit, 0);
  assert.deepEqual(await $('docker -c nope logout'), { out: 'Removing login credentials for https://index.docker.io/v1/\n', err: '', exit: 0 });
  // The default context and an empty name are the local socket.
  assert.equal((await $("docker --context '' ps")).exit, 0);
  assert.equal((await $('docker -c default ps')).exit, 0);
});

test('--host with --context is refused before anything else', async () => {
  const $ = session(1);
  for (const line of ['docker -c x -H y', 'docker -c x -H y --help', 'docker -c default -H tcp://x ps -z']) {
    assert.deepEqual(await $(line), { out: '', err: 'conflicting options: cannot specify both --host and --context\n', exit: 1 }, line);
  }
});
