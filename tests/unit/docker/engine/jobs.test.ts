// Background jobs of the container shells (`cmd &`, jobs, wait, fg, kill %N) and daemons typed in a shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull, runIt } from './fixtures';

async function shell(image: string, cmd = 'bash') {
  const run = session();
  await run(`docker pull -q ${image}`);
  await run(`docker run -it --name box ${image} ${cmd}`, { tty: true });
  // the terminal of the container: stdout and stderr arrive merged, so the line's err is read here apart
  return async (line: string) => {
    const r = await run(line, { tty: true });
    return { out: r.out + r.err, err: r.out + r.err, exit: r.exit };
  };
}

test('bash: cmd & says [N] PID, sets $!, runs as a process ps lists; jobs, jobs -l and kill %1 as bash prints them', async () => {
  const run = await shell('ubuntu');
  const r = await run('sleep 100 &');
  assert.match(r.err, /^\[1\] (\d+)\r?\n$/);
  const pid = /\] (\d+)/.exec(r.err)![1];
  assert.equal((await run('echo $!')).out, pid + '\n');
  assert.equal((await run('jobs')).out, '[1]+  Running                 sleep 100 &\n');
  assert.equal((await run('jobs -l')).out, `[1]+ ${pid.padStart(5)} Running                 sleep 100 &\n`);
  assert.equal((await run('jobs -p')).out, pid + '\n');
  assert.match((await run('ps')).out, new RegExp(`^\\s*${pid} .*sleep$`, 'm'));
  const k = await run('kill %1');
  assert.deepEqual([k.err, k.exit], ['[1]+  Terminated              sleep 100\n', 0]);
  assert.equal((await run('jobs')).out, '');
  assert.deepEqual(await run('kill %1'), { out: 'bash: kill: %1: no such job\n', err: 'bash: kill: %1: no such job\n', exit: 1 });
});

test('bash: a job that ends is noticed before the next prompt; one run at once after the next line; Exit N', async () => {
  const run = await shell('ubuntu');
  await run('sleep 2 &');
  assert.equal((await run('sleep 5')).err, '[1]+  Done                    sleep 2\n');
  const e = await run('echo hi &');
  assert.match(e.out, /^\[1\] \d+\nhi\n$/);
  assert.equal((await run('true')).err, '[1]+  Done                    echo hi\n');
  await run('false &');
  assert.equal((await run('true')).err, '[1]+  Exit 1                  false\n');
});

test('bash: wait for a job and for all, wait errors, fg brings a job back, bg says it runs already', async () => {
  const run = await shell('ubuntu');
  await run('sleep 30 &');
  await run('sleep 40 &');
  assert.equal((await run('jobs')).out, '[1]-  Running                 sleep 30 &\n[2]+  Running                 sleep 40 &\n');
  assert.deepEqual(await run('bg'), { out: 'bash: bg: job 2 already in background\n', err: 'bash: bg: job 2 already in background\n', exit: 0 });
  const w = await run('wait');
  assert.equal(w.exit, 0);
  assert.equal(w.err, '[1]-  Done                    sleep 30\n[2]+  Done                    sleep 40\n');
  assert.deepEqual(await run('wait 999'), { out: 'bash: wait: pid 999 is not a child of this shell\n', err: 'bash: wait: pid 999 is not a child of this shell\n', exit: 127 });
  assert.deepEqual(await run('wait %4'), { out: 'bash: wait: %4: no such job\n', err: 'bash: wait: %4: no such job\n', exit: 127 });
  assert.deepEqual(await run('fg'), { out: 'bash: fg: current: no such job\n', err: 'bash: fg: current: no such job\n', exit: 1 });
  await run('sleep 2 &');
  assert.deepEqual(await run('fg %1'), { out: 'sleep 2\n', err: 'sleep 2\n', exit: 0 });
  assert.equal((await run('jobs')).out, '');
});

test('dash and busybox ash: no [N] PID line, their own jobs columns and Done notices', async () => {
  let run = await shell('debian', 'sh');
  assert.deepEqual(await run('sleep 100 &'), { out: '', err: '', exit: 0 });
  assert.equal((await run('jobs')).out, '[1] + Running                    sleep 100\n');
  assert.equal((await run('kill %1')).err, '[1] + Terminated                 sleep 100\n');
  run = await shell('alpine', 'sh');
  await run('sleep 10 &');
  assert.equal((await run('jobs')).out, '[1]+  Running                    sleep 10\n');
  assert.equal((await run('sleep 20')).err, '[1]+  Done                       sleep 10\n');
});

test('non-interactive shells print no [N] PID nor notices; the process outlives sh -c; exec -d; processes die with the container', async () => {
  const run = session();
  await run('docker pull -q debian');
  assert.deepEqual(await run(`docker run --rm debian sh -c 'sleep 1 & echo x; jobs; wait $!; echo $?'`), { out: 'x\n[1] + Running' + ' '.repeat(20) + '\n0\n', err: '', exit: 0 });
  await run('docker run -d --name dd debian sleep 1000');
  assert.equal((await run(`docker exec dd sh -c 'sleep 100 &'`)).exit, 0);
  await run('docker exec -d dd sleep 50');
  const top = (await run('docker top dd')).out;
  assert.match(top, /sleep 100\n/);
  assert.match(top, /sleep 50\n/);
  assert.equal(JSON.parse((await run('docker inspect -f "{{json .ExecIDs}}" dd')).out).length, 1);
  await run('docker restart -t 0 dd');
  assert.doesNotMatch((await run('docker top dd')).out, /sleep 100\n/);
});

test('nginx typed in a shell daemonizes: master and workers run on, it serves the published port, -s stop ends it', async () => {
  const run = session();
  await run('docker pull -q nginx');
  await run('docker run -d --name web -p 8080:80 nginx sleep infinity');
  const r = await run('docker exec web nginx');
  assert.equal(r.exit, 0);
  assert.doesNotMatch(r.err, /simulador/);
  assert.match(r.err, /\[notice\] (\d+)#\1: start worker processes\n/);
  const top = (await run('docker top web')).out;
  assert.match(top, /nginx: master process nginx\n/);
  assert.equal(top.match(/nginx: worker process/g)?.length, 4);
  assert.match((await run('curl -s localhost:8080')).out, /Welcome to nginx!/);
  assert.match((await run('docker exec web curl -s localhost')).out, /Welcome to nginx!/);
  assert.equal((await run('docker exec web nginx')).exit, 1);
  assert.equal((await run('docker exec web nginx -s stop')).exit, 0);
  assert.doesNotMatch((await run('docker top web')).out, /nginx/);
});

test('python3 -m http.server & and redis-server & serve from the background', async () => {
  const run = await shell('python:3.12-slim');
  const r = await run('python3 -m http.server 8000 &');
  assert.match(r.out, /Serving HTTP on 0\.0\.0\.0 port 8000/);
  assert.equal((await run('jobs')).out, '[1]+  Running                 python3 -m http.server 8000 &\n');
  const run2 = await shell('redis');
  const s = await run2('redis-server &');
  assert.match(s.out, /Ready to accept connections tcp/);
  assert.equal((await run2('redis-cli ping')).out, 'PONG\n');
});

test('redis-server --daemonize yes prints its first lines and leaves the server running; ps shows it', async () => {
  const run = session();
  await run('docker pull -q redis');
  await run('docker run -d --name rd redis sleep 1000');
  const r = await run('docker exec rd redis-server --daemonize yes');
  assert.equal(r.exit, 0);
  assert.match(r.out, /^(\d+):C .* \* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n\1:C .* pid=\1, just started\n\1:C .* \* Configuration loaded\n$/);
  assert.equal((await run('docker exec rd redis-cli ping')).out, 'PONG\n');
  assert.match((await run('docker top rd')).out, /redis-server \*:6379\n/);
});

test('mysqld typed as root refuses to run, with the lines of MySQL 9; --version still answers', async () => {
  const run = session();
  await run('docker pull -q mysql');
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql');
  const r = await run('docker exec db mysqld');
  assert.equal(r.exit, 1);
  const lines = r.err.split('\n').map((l) => l.replace(/^\S+ 0 /, ''));
  assert.deepEqual(lines.slice(0, 3), ['[System] [MY-015015] [Server] MySQL Server - start.', lines[1], '[ERROR] [MY-010123] [Server] Fatal error: Please read "Security" section of the manual to find out how to run mysqld as root!']);
  assert.match(lines[1], /^\[System\] \[MY-010116\] \[Server\] \/usr\/sbin\/mysqld \(mysqld 9\.\d+\.\d+\) starting as process \d+$/);
  assert.deepEqual(lines.slice(3), ['[ERROR] [MY-010119] [Server] Aborting', lines[4], '[System] [MY-015016] [Server] MySQL Server - end.', '']);
  assert.match((await run('docker exec db mysqld --version')).out, /^\/usr\/sbin\/mysqld {2}Ver 9/);
});

test('the host shell: each job its own PID, kill -9 %1 and kill PID end them, kill of an unknown job fails', async () => {
  const run = session();
  assert.equal((await run('sleep 100 &')).err, '[1] 4243\n');
  assert.equal((await run('sleep 50 &')).err, '[2] 4244\n');
  assert.equal((await run('kill -9 %1')).err, '[1]-  Killed                  sleep 100\n');
  assert.equal((await run('kill 4244')).err, '[2]+  Terminated              sleep 50\n');
  assert.deepEqual(await run('kill %3'), { out: '', err: 'bash: kill: %3: no such job\n', exit: 1 });
  assert.equal((await run('kill -9')).exit, 2);
});

test('the host shell: kill -s SIG and -n NUM end a job with that signal', async () => {
  const run = session();
  await run('sleep 100 &');
  await run('sleep 50 &');
  assert.equal((await run('kill -s KILL %1')).err, '[1]-  Killed                  sleep 100\n');
  assert.equal((await run('kill -n 2 %2')).err, '[2]+  Interrupt               sleep 50\n');
});

test('a saved session drops the background processes, as a restart would; the shell comes back with no jobs', async () => {
  const e = engine(3);
  await pull(e, 'ubuntu');
  const { id, type } = await runIt(e, 'ubuntu', 'caja');
  assert.match(await type('sleep 100 &'), /^\[1\] \d+\n$/);
  assert.match((await e.containerTop(id)).Processes.map((p) => p.at(-1)).join('\n'), /sleep 100/);
  const b = createEngine({ seed: 3, state: JSON.parse(JSON.stringify(e.save())) });
  assert.doesNotMatch((await b.containerTop(id)).Processes.map((p) => p.at(-1)).join('\n'), /sleep 100/);
  const io = { text: '', out(t: string) { this.text += t; }, err(t: string) { this.text += t; }, tty: true, async sleep() {} };
  const h = await b.containerAttach('caja', io);
  await h.input('jobs', io);
  assert.equal(io.text, '');
});

test('a subshell in the background runs on the clock: it prints when its sleeps are over; bash shows it as ( … )', async () => {
  const run = await shell('ubuntu');
  assert.match((await run('(sleep 5; echo fin) &')).out, /^\[1\] \d+\n$/);
  assert.equal((await run('jobs')).out, '[1]+  Running                 ( sleep 5; echo fin ) &\n');
  assert.equal((await run('wait')).out, 'fin\n[1]+  Done                    ( sleep 5; echo fin )\n');
});

test('scripts see their jobs: bash lists them and kill $(jobs -p) ends them; dash and busybox keep no command text', async () => {
  const run = session();
  await run('docker pull -q debian');
  assert.deepEqual(await run(`docker run --rm debian bash -c 'sleep 9 & jobs; kill $(jobs -p); echo $?'`), { out: '[1]+  Running                 sleep 9 &\n0\n', err: '', exit: 0 });
  assert.equal((await run(`docker run --rm debian sh -c 'sleep 9 & jobs'`)).out, '[1] + Running' + ' '.repeat(20) + '\n');
});

test('docker exec -d leaves a server running in the container: it answers and top lists it', async () => {
  const run = session();
  await run('docker pull -q redis');
  await run('docker run -d --name rd redis sleep 1000');
  assert.deepEqual(await run('docker exec -d rd redis-server'), { out: '', err: '', exit: 0 });
  assert.equal((await run('docker exec rd redis-cli ping')).out, 'PONG\n');
  assert.match((await run('docker top rd')).out, /redis-server \*:6379\n/);
});

test('a server started with & writes its shutdown lines to its shell; having handled SIGTERM it is Done', async () => {
  const run = await shell('redis');
  const r = await run('redis-server &');
  assert.match(r.out, /^\[1\] (\d+)\n\1:C [^]*\n\1:C .* oO0OoO0OoO0Oo Redis is starting/);
  assert.doesNotMatch(r.out, /Starting Redis Server/);
  const k = await run('kill %1');
  assert.match(k.out, /Received SIGTERM scheduling shutdown\.\.\.\n[^]*Redis is now ready to exit, bye bye\.\.\.\n\[1\]\+  Done                    redis-server\n$/);
});
