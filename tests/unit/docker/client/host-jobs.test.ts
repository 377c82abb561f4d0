/** `docker … &` at the host's prompt: a client left running in the background, on the simulated clock. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

/** A machine and a runner of one line: what the terminal shows (both streams as they came) and the status. */
function session(seed = 1) {
  const shell = createShell({ seed });
  const run = async (line: string, tty = false): Promise<{ screen: string; exit: number }> => {
    let screen = '';
    const io: TermIO = { out: (t) => void (screen += t), err: (t) => void (screen += t), tty, sleep: () => Promise.resolve() };
    const exit = await shell.run(line, io);
    return { screen, exit };
  };
  return Object.assign(run, { shell });
}
const screen = async (p: Promise<{ screen: string }>) => (await p).screen;

const NGINX = 'docker run --name web -p 8080:80 nginx &';
const LOOP = "docker run -d --name loop alpine sh -c 'while true; do echo tick; sleep 1; done'";

test('run &: the attached client stays Running, shows later log lines, and ends with the container', async () => {
  const run = session();
  assert.match(await screen(run(NGINX)), /^\[1\] \d+\nUnable to find image[^]*start worker process 32\n$/);
  assert.equal(await screen(run('jobs')), '[1]+  Running                 docker run --name web -p 8080:80 nginx &\n');
  // nginx's access log reaches the terminal as the request is served
  assert.match(await screen(run('curl -s localhost:8080 >/dev/null')), /^172\.17\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0" "-"\n$/);
  assert.equal(await screen(run('jobs')), '[1]+  Running                 docker run --name web -p 8080:80 nginx &\n');
  assert.match(await screen(run('docker stop web')), /signal 3 \(SIGQUIT\) received, shutting down\n[^]*\[notice\] 1#1: exit\nweb\n\[1\]\+  Done                    docker run --name web -p 8080:80 nginx\n$/);
  assert.equal(await screen(run('jobs')), '');
});

test('run & and kill %1: the client forwards TERM to the container (nginx exits 0: Done)', async () => {
  const run = session();
  await run(NGINX);
  assert.match(await screen(run('kill %1')), /signal 15 \(SIGTERM\) received, exiting\n[^]*\n\[1\]\+  Done                    docker run --name web -p 8080:80 nginx\n$/);
  assert.match(await screen(run("docker ps -a --format '{{.Status}}'")), /^Exited \(0\) /);
});

test('logs -f &: new lines print at the prompts that follow; kill %1 ends it; it ends by itself when the container stops', async () => {
  const run = session();
  await run(LOOP);
  assert.match(await screen(run('docker logs -f --tail 0 loop &')), /^\[1\] \d+\n$/);
  assert.equal(await screen(run('true')), 'tick\n');
  assert.equal(await screen(run('jobs')), 'tick\n[1]+  Running                 docker logs -f --tail 0 loop &\n');
  // the line that came a second later shows the tick first; docker catches TERM and ends as cancelled: status 0
  assert.deepEqual(await run('kill %1'), { screen: 'tick\n[1]+  Done                    docker logs -f --tail 0 loop\n', exit: 0 });
  assert.equal(await screen(run('true')), '');
  await run('docker logs -f --tail 0 loop &');
  assert.equal(await screen(run('docker stop -t 1 loop')), 'tick\nloop\ntick\n[1]+  Done                    docker logs -f --tail 0 loop\n');
});

test('kill -9 %1: the client dies of the signal and prints no more', async () => {
  const run = session();
  await run(LOOP);
  await run('docker logs -f --tail 0 loop &');
  assert.deepEqual(await run('kill -9 %1'), { screen: 'tick\n[1]+  Killed                  docker logs -f --tail 0 loop\n', exit: 0 });
  assert.equal(await screen(run('sleep 3')), '');
});

test('wait &: it waits without moving the clock, so the container can still be killed; the code prints when it exits', async () => {
  const run = session();
  await run('docker run -d --name sl alpine sleep 100');
  assert.match(await screen(run('docker wait sl &')), /^\[1\] \d+\n$/);
  assert.deepEqual(await run('docker kill sl'), { screen: 'sl\n137\n[1]+  Done                    docker wait sl\n', exit: 0 });
});

test('fg and wait on a docker job move the host clock until it ends', async () => {
  const run = session();
  await run('docker run -d --name sl alpine sleep 30');
  await run('docker wait sl &');
  assert.deepEqual(await run('fg'), { screen: 'docker wait sl\n0\n', exit: 0 });
  await run("docker run --name rr alpine sh -c 'sleep 3; echo fin' &");
  assert.equal(await screen(run('jobs')), "[1]+  Running                 docker run --name rr alpine sh -c 'sleep 3; echo fin' &\n");
  assert.deepEqual(await run('wait %1'), { screen: "fin\n[1]+  Done                    docker run --name rr alpine sh -c 'sleep 3; echo fin'\n", exit: 0 });
});

test('attach & and events &: they follow until the container stops or kill ends them', async () => {
  const run = session();
  await run('docker run -d --name web nginx');
  await run('docker attach web &');
  await run('docker events --filter event=die --format "{{.Action}} {{.Actor.Attributes.name}}" &');
  assert.match(await screen(run('docker stop web')), /\[notice\] 1#1: exit\nweb\ndie web\n\[1\]-  Done                    docker attach web\n$/);
  assert.equal(await screen(run('kill %2')), '[2]+  Done                    docker events --filter event=die --format "{{.Action}} {{.Actor.Attributes.name}}"\n');
});

test('the host\'s sleep in a group or subshell: in the background on the clock, in the foreground as at the prompt', async () => {
  const run = session();
  assert.match(await screen(run('{ sleep 2; echo a; } &')), /^\[1\] \d+\n$/);
  assert.equal(await screen(run('echo b')), 'b\n');
  assert.equal(await screen(run('echo c')), 'a\nc\n[1]+  Done                    { sleep 2; echo a; }\n');
  assert.deepEqual(await run('(sleep 1; echo x)'), { screen: 'x\n', exit: 0 });
  await run('sleep 5 &');
  assert.deepEqual(await run('wait'), { screen: '[1]+  Done                    sleep 5\n', exit: 0 });
});

test('a job still running when the state is saved is dropped; the container goes on', async () => {
  const run = session();
  await run(NGINX);
  const sh = createShell({ state: run.shell.save() });
  let out = '';
  const io: TermIO = { out: (t) => void (out += t), err: (t) => void (out += t), tty: false, sleep: () => Promise.resolve() };
  await sh.run('jobs', io);
  await sh.run("docker ps --format '{{.Names}}'", io);
  assert.equal(out, 'web\n');
});

test('kill %1: TERM kills a group waiting in the host\'s sleep, while a client (stats) catches it and ends at once', async () => {
  const run = session();
  await run('{ sleep 100; echo a; } &');
  assert.equal(await screen(run('kill %1')), '[1]+  Terminated              { sleep 100; echo a; }\n');
  assert.equal(await screen(run('sleep 200')), '');
  await run('docker run -d --name sl alpine sleep 100');
  await run("docker stats --format '{{.Name}}' sl &");
  assert.match(await screen(run('kill %1')), /\[1\]\+  Done                    docker stats --format '\{\{\.Name\}\}' sl\n$/);
});

test('kill with a signal it does not know: said, status 1, and the job left running', async () => {
  const run = session();
  await run('{ sleep 100; echo a; } &');
  assert.deepEqual(await run('kill -FOO %1'), { screen: 'bash: kill: FOO: invalid signal specification\n', exit: 1 });
  assert.equal(await screen(run('jobs')), '[1]+  Running                 { sleep 100; echo a; } &\n');
});

test('what a job prints while a container has the terminal shows there (run & then exec -it)', async () => {
  const run = session();
  await run(NGINX);
  await run('docker exec -it web bash', true);
  assert.match(await screen(run('curl -s localhost > /dev/null', true)), /^127\.0\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1" "-"\n$/);
  await run('exit', true);
  assert.equal(await screen(run('jobs')), '[1]+  Running                 docker run --name web -p 8080:80 nginx &\n');
});

test('wait on a docker job takes its time on a screen, moves the clock, and Ctrl+C ends the wait (130), not the job', async () => {
  const shell = createShell({ seed: 1 });
  const quiet: TermIO = { out: () => {}, err: () => {}, tty: false, sleep: () => Promise.resolve() };
  await shell.run(LOOP, quiet);
  await shell.run('docker logs -f --tail 0 loop &', quiet);
  const ac = new AbortController();
  const slept: number[] = [];
  let screen = '';
  const io: TermIO = { out: (t) => void (screen += t), err: (t) => void (screen += t), tty: false, signal: ac.signal, sleep: async (ms) => void (slept.push(ms) === 3 && ac.abort()) };
  assert.equal(await shell.run('wait', io), 130);
  assert.deepEqual(slept, [1000, 1000, 1000]);
  // one for the second before the line, then one for each second waited
  assert.equal(screen, 'tick\n'.repeat(4));
  let jobs = '';
  await shell.run('jobs', { ...quiet, out: (t) => void (jobs += t) });
  assert.match(jobs, /Running/);
});
