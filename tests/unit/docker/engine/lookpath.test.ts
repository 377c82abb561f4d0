import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../src/docker/api';
import { engine, pull, term } from './fixtures';

const RUNC = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';
const EXEC = 'OCI runtime exec failed: exec failed: unable to start container process: ';

test("a start that runc's exec.LookPath refuses: 126 for a directory or a file without x bits, 127 for a missing one", async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const cases: [string, string, number][] = [
    ['/etc/passwd', 'exec: "/etc/passwd": permission denied: unknown', 126],
    ['/etc', 'exec: "/etc": is a directory: unknown: permission denied', 126],
    ['/nope', 'exec: "/nope": stat /nope: no such file or directory: unknown', 127],
    ['/etc/passwd/x', 'exec: "/etc/passwd/x": stat /etc/passwd/x: not a directory: unknown: Are you trying to mount a directory onto a file (or vice-versa)? Check if the specified host path exists and is the expected type', 127],
  ];
  for (const [cmd, why, code] of cases) {
    const { Id } = await e.containerCreate({ Image: 'ubuntu', Cmd: [cmd] });
    await assert.rejects(e.containerStart(Id), (err: unknown) => err instanceof ApiError && err.message === RUNC + why && err.exitCode === code);
    const s = await e.containerInspect(Id);
    assert.equal(s.State.Status, 'created');
    assert.equal(s.State.ExitCode, code);
  }
});

test('exec names the path it could not run, as runc does for the main process', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { Id } = await e.containerCreate({ Image: 'ubuntu', Cmd: ['sleep', '100'] });
  await e.containerStart(Id);
  const io = term(false);
  await assert.rejects(e.exec(Id, { Cmd: ['/bin/nope'] }, io), (err: unknown) => err instanceof ApiError && err.message === EXEC + 'exec: "/bin/nope": stat /bin/nope: no such file or directory: unknown' && err.exitCode === 127);
  await assert.rejects(e.exec(Id, { Cmd: ['/etc/hostname'] }, io), (err: unknown) => err instanceof ApiError && err.message === EXEC + 'exec: "/etc/hostname": permission denied: unknown' && err.exitCode === 126);
  await assert.rejects(e.exec(Id, { Cmd: ['/tmp'] }, io), (err: unknown) => err instanceof ApiError && err.message === EXEC + 'exec: "/tmp": is a directory: unknown: permission denied' && err.exitCode === 126);
  assert.equal((await e.exec(Id, { Cmd: ['/bin/true'] }, io)).exitCode, 0);
});

test('a shell as the command reads its input only with its interactive options; bash --version or a script runs to completion', async () => {
  const { session } = await import('../client/session');
  const run = session();
  await run('docker pull -q ubuntu');
  assert.match((await run('docker run --rm ubuntu bash --version')).out, /^GNU bash, version 5\.2\.21\(1\)-release/);
  assert.deepEqual(await run('docker run --rm ubuntu bash /nope.sh'), { out: '', err: 'bash: /nope.sh: No such file or directory\n', exit: 127 });
  assert.deepEqual(await run('docker run --rm ubuntu bash -l -c "echo $0"'), { out: 'bash\n', err: '', exit: 0 });
  await run('docker run -d --name sh1 ubuntu bash -i');
  assert.match((await run('docker ps -a --format "{{.Names}} {{.Status}}"')).out, /^sh1 Exited \(0\)/);
});
