/**
 * An option a program accepts but the simulator does not do is refused aloud, never ignored; and
 * `date` cannot set the clock of a container (no CAP_SYS_TIME). What the real tools answer to the
 * options that are simulated is in tests/real-shell/options.txt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debianExec } from './exec-shell';
import { createShell } from '../../../../src/docker/index';
import { step } from '../../../../src/docker/client/script';

test('options that GNU tools have and the simulator lacks are refused with their usage status, not ignored', async () => {
  const run = await debianExec();
  const refused = (prog: string, opt: string, status = 1) => ({ out: '', err: `${prog}: la opción ${opt} no está disponible en el simulador\n`, exit: status });
  for (const [line, prog, opt, status] of [
    ['touch b a; ls -X', 'ls', '-X', 2],
    ['touch a; ls --sort=extension', 'ls', '--sort', 2],
    ['printf "b\\na\\n" | sort -R', 'sort', '-R', 2],
    ['printf "a\\na\\n" | uniq -D', 'uniq', '-D'],
    ['echo x > a; cp -u a b', 'cp', '-u'],
    ['touch a; mkdir d; mv -t d a', 'mv', '-t'],
    ['touch f; chmod -v 700 f', 'chmod', '-v'],
    ['touch f; touch -r f g', 'touch', '-r'],
    ['seq 3 | head --zero-terminated', 'head', '--zero-terminated'],
    ['echo a | grep -b a', 'grep', '-b', 2],
    ['readlink -e /etc', 'readlink', '-e'],
    ['date -f /dev/null', 'date', '-f'],
    ['du -m /etc', 'du', '-m'],
    ['env -C / pwd', 'env', '-C', 125],
  ] as [string, string, string, number?][]) assert.deepEqual(await run(line), refused(prog, opt, status), line);
  // the file system keeps no inode shared by two names
  assert.deepEqual(await run('touch a; ln a b'), { out: '', err: 'ln: los enlaces duros no están disponibles en el simulador\n', exit: 1 });
});

test('date -s and a date to set are refused as the container refuses settimeofday, and the date is still shown', async () => {
  const run = await debianExec();
  // GNU date prints the date it was given and fails (coreutils date.c: "cannot set date")
  assert.deepEqual(await run("date -u -s '2020-01-02 03:04:05'"), { out: 'Thu Jan  2 03:04:05 UTC 2020\n', err: 'date: cannot set date: Operation not permitted\n', exit: 1 });
  assert.deepEqual(await run('date -us @0 +%F'), { out: '1970-01-01\n', err: 'date: cannot set date: Operation not permitted\n', exit: 1 });
  // busybox's date (coreutils/date.c) reports with perror and goes on to print it, status 0
  const shell = createShell({ seed: 1 });
  await step(shell, 'docker pull -q alpine', { tty: false });
  const r = await step(shell, "docker run --rm alpine date -s '2020-01-02 03:04:05'", { tty: false });
  assert.deepEqual([r.stdout, r.stderr], ['Thu Jan  2 03:04:05 UTC 2020\n', "date: can't set date: Operation not permitted\n"]);
  // busybox reads absolute dates only
  const y = await step(shell, 'docker run --rm alpine date -d yesterday', { tty: false });
  assert.equal(y.stderr, "date: invalid date 'yesterday'\n");
  assert.equal((await step(shell, 'docker run --rm alpine date -d @0 -I', { tty: false })).stdout, '1970-01-01\n');
  // busybox's -I writes the zone as %z: `+0000`
  assert.equal((await step(shell, 'docker run --rm alpine date -d @0 -Iseconds', { tty: false })).stdout, '1970-01-01T00:00:00+0000\n');
});

test('a date GNU reads in a form the simulator does not (names of months and days, am/pm, a zone) is refused, never called invalid', async () => {
  const run = await debianExec();
  for (const d of ['next monday', 'Jan 15 2024', '15 Jan 2024', '3pm', '2024-01-15 10:30:00 +0200']) {
    assert.deepEqual(await run(`date -d '${d}'`), { out: '', err: `date: el simulador no lee fechas como '${d}'\n`, exit: 1 }, d);
  }
  assert.deepEqual(await run("touch -d 'last friday' f"), { out: '', err: "touch: el simulador no lee fechas como 'last friday'\n", exit: 1 });
  // (what the simulator cannot read is not only invalid words: these GNU refuses as the simulator does)
  assert.deepEqual(await run('date -d bogus'), { out: '', err: "date: invalid date 'bogus'\n", exit: 1 });
  assert.deepEqual(await run('date -d 2024-13-01'), { out: '', err: "date: invalid date '2024-13-01'\n", exit: 1 });
});
