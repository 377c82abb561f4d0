// `trap` in bash, dash and busybox ash, and the signals docker stop, docker kill and kill send to
// a script: its actions run between commands, on the clock, and its exit status is the container's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';
import { createEngine } from '../../../../src/docker/engine';
import { engine, inside, pull, runIt, term } from './fixtures';

async function images(...refs: string[]) {
  const run = session();
  for (const r of refs) await run(`docker pull -q ${r}`);
  return run;
}

test('trap lists its actions in each shell: bash quotes with \'\\\'\' and names SIGTERM; dash and busybox use \'"\'"\' and TERM', async () => {
  const run = await images('debian', 'alpine');
  const script = `trap 'echo it'"'"'s' TERM INT; trap 'echo x' 0; trap; trap - INT; trap INT; trap '' HUP`;
  assert.deepEqual(await run(`docker run --rm debian bash -c "${script.replace(/"/g, '\\"')}; trap -p; trap -p TERM"`), {
    out: "trap -- 'echo x' EXIT\ntrap -- 'echo it'\\''s' SIGINT\ntrap -- 'echo it'\\''s' SIGTERM\ntrap -- 'echo x' EXIT\ntrap -- '' SIGHUP\ntrap -- 'echo it'\\''s' SIGTERM\ntrap -- 'echo it'\\''s' SIGTERM\nx\n", err: '', exit: 0,
  });
  const want = `trap -- 'echo x' EXIT\ntrap -- 'echo it'"'"'s' INT\ntrap -- 'echo it'"'"'s' TERM\ntrap -- 'echo x' EXIT\ntrap -- '' HUP\ntrap -- 'echo it'"'"'s' TERM\nx\n`;
  assert.equal((await run(`docker run --rm debian sh -c "${script.replace(/"/g, '\\"')}; trap"`)).out, want);
  assert.equal((await run(`docker run --rm alpine sh -c "${script.replace(/"/g, '\\"')}; trap"`)).out, want);
  assert.match((await run(`docker run --rm debian bash -c "trap -l"`)).out, /^ 1\) SIGHUP\t 2\) SIGINT\t[^]*64\) SIGRTMAX\t\n$/);
  assert.equal((await run(`docker run --rm debian sh -c "type trap; bash -c 'type trap'"`)).out, 'trap is a special shell builtin\ntrap is a shell builtin\n');
});

test('bad conditions and options: each shell its words and status; dash and busybox end the script on an option', async () => {
  const run = await images('debian', 'alpine');
  assert.deepEqual(await run(`docker run --rm debian bash -c "trap x FOO TERM; echo \\$?; trap -p; trap -x; echo \\$?; trap x"`), {
    out: "1\ntrap -- 'x' SIGTERM\n2\n", err: 'bash: line 1: trap: FOO: invalid signal specification\nbash: line 1: trap: -x: invalid option\ntrap: usage: trap [-lp] [[arg] signal_spec ...]\ntrap: usage: trap [-lp] [[arg] signal_spec ...]\n', exit: 2,
  });
  // dash wants names without SIG and stops at the first bad one
  assert.deepEqual(await run(`docker run --rm debian sh -c "trap x SIGINT TERM; echo \\$?; trap; trap -p; echo no"`), { out: '1\n', err: 'trap: SIGINT: bad trap\nsh: 1: trap: Illegal option -p\n', exit: 2 });
  assert.deepEqual(await run(`docker run --rm alpine sh -c "trap x SIGINT FOO; echo \\$?; trap; trap -p; echo no"`), { out: "1\ntrap -- 'x' INT\n", err: 'sh: trap: line 1: FOO: invalid signal specification\nsh: trap: line 1: illegal option -p\n', exit: 2 });
});

test('the EXIT trap runs at the end and on exit N, with $? the status, which stays unless it exits; $? is kept after an action', async () => {
  const run = await images('debian', 'alpine');
  assert.deepEqual(await run(`docker run --rm debian bash -c "trap 'echo bye \\$?; false' EXIT; exit 3"`), { out: 'bye 3\n', err: '', exit: 3 });
  assert.deepEqual(await run(`docker run --rm alpine sh -c "trap 'exit 5' EXIT; echo hi"`), { out: 'hi\n', err: '', exit: 5 });
  assert.deepEqual(await run(`docker run --rm debian sh -c "trap 'echo usr1; false' USR1; true; kill -USR1 \\$\\$; echo \\$?"`), { out: 'usr1\n0\n', err: '', exit: 0 });
});

test('docker stop: a trapped SIGTERM ends the script with its action\'s status at its next wake-up; without a trap PID 1 waits the grace and dies 137', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const create = async (script: string, extra = {}) => (await e.containerCreate({ Image: 'alpine', Cmd: ['sh', '-c', script], ...extra })).Id;
  const id = await create("trap 'echo bye; exit 0' TERM; echo start; while true; do sleep 1; done");
  await e.containerStart(id);
  const t0 = e.now();
  await e.containerStop(id);
  assert.ok(e.now() - t0 <= 1000, 'stop returns once the sleep under way has ended');
  const st = (await e.containerInspect(id)).State;
  assert.equal(st.Status, 'exited');
  assert.equal(st.ExitCode, 0);
  assert.equal((await e.containerLogs(id, {})).map((l) => l.text).join(''), 'start\nbye\n');
  const plain = await create('while true; do sleep 1; done');
  await e.containerStart(plain);
  const t1 = e.now();
  await e.containerStop(plain);
  assert.equal(e.now() - t1, 10000);
  assert.equal((await e.containerInspect(plain)).State.ExitCode, 137);
  // tini (--init) hands the signal on: the script is no init, its trap still takes it
  const init = await create("trap 'echo bye; exit 5' TERM; while true; do sleep 1; done", { HostConfig: { Init: true } });
  await e.containerStart(init);
  await e.containerStop(init);
  assert.equal((await e.containerInspect(init)).State.ExitCode, 5);
  assert.equal((await e.containerLogs(init, {})).map((l) => l.text).join(''), 'bye\n');
});

test('a trapped signal interrupts wait at once; kill -s USR1, kill from exec and kill $$ reach the traps; an action without exit lets it run on', async () => {
  const run = await images('alpine', 'debian');
  await run(`docker run -d --name w2 alpine sh -c "trap 'echo bye; exit 0' TERM; sleep infinity & wait"`);
  assert.equal((await run('docker restart w2')).out, 'w2\n');
  assert.equal((await run('docker logs w2')).out, 'bye\n');
  assert.match((await run('docker ps -a --filter name=w2 --format "{{.Status}}"')).out, /^Up/);
  // wait returns 128+N, the action runs, and the script goes on after it
  await run(`docker run -d --name w3 alpine sh -c "trap 'echo usr1' USR1; sleep infinity & wait; echo \\$?"`);
  await run('docker kill -s USR1 w3');
  await run('sleep 2');
  assert.equal((await run('docker logs w3')).out, 'usr1\n138\n');
  assert.match((await run('docker ps -a --filter name=w3 --format "{{.Status}}"')).out, /^Exited \(0\)/);
  await run(`docker run -d --name w1 debian bash -c "trap 'echo term; exit 3' TERM; trap 'echo cleanup' EXIT; while true; do sleep 1; done"`);
  await run('docker exec w1 sh -c "kill -s TERM 1"');
  await run('sleep 2');
  assert.equal((await run('docker ps -a --filter name=w1 --format "{{.Status}}"')).out.slice(0, 10), 'Exited (3)');
  assert.equal((await run('docker logs w1')).out, 'term\ncleanup\n');
});

test('a script exec\'d in a container is no init: TERM kills it (143) unless its trap takes it', async () => {
  const run = await images('alpine');
  await run('docker run -d --name box alpine sleep infinity');
  await run('docker exec -d box sh -c "while true; do sleep 1; done"');
  await run(`docker exec -d box sh -c "trap 'echo caught' TERM; while true; do sleep 1; done"`);
  const pids = (await run('docker exec box ps -o pid,args')).out.split('\n').filter((l) => l.includes('while')).map((l) => l.trim().split(' ')[0]);
  assert.equal(pids.length, 2);
  assert.deepEqual(await run(`docker exec box kill ${pids.join(' ')}`), { out: '', err: '', exit: 0 });
  await run('sleep 2');
  const left = (await run('docker exec box ps -o pid,args')).out;
  assert.doesNotMatch(left, new RegExp(`^ *${pids[0]} `, 'm'));
  assert.match(left, new RegExp(`^ *${pids[1]} .*caught`, 'm'));
});

test('Ctrl+C at an interactive prompt runs the INT trap (busybox right after the ^C); an EXIT trap runs on exit', async () => {
  const e = engine();
  await pull(e, 'alpine', 'ubuntu');
  const bb = await runIt(e, 'alpine', undefined, ['sh']);
  await bb.type("trap 'echo hola' INT");
  const io = term();
  await bb.h.interrupt!(io);
  assert.equal(io.text, '^Chola\n');
  const ub = await runIt(e, 'ubuntu', undefined, ['bash']);
  await ub.type("trap 'echo hola' INT; trap 'echo adios' EXIT");
  const io2 = term();
  await ub.h.interrupt!(io2);
  assert.equal(io2.text, '^C\nhola\n');
  assert.equal(await ub.type('echo $?'), '130\n');
  assert.equal(await ub.type('exit 4'), 'exit\nadios\n');
  assert.equal((await e.containerInspect(ub.id)).State.ExitCode, 4);
});

test('Ctrl+C during a foreground command: the command ends, then the INT trap\'s action runs; $? is 130', async () => {
  const { run } = await inside('ubuntu');
  await run("trap 'echo hola' INT");
  assert.equal(await run('sleep 100', 1), 'hola\n');
  assert.equal(await run('echo $?'), '130\n');
});

test('docker stop on an interactive shell whose trap takes SIGTERM: the action runs at once and its exit is the container\'s', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const sh = await runIt(e, 'ubuntu', undefined, ['bash']);
  await sh.type("trap 'echo bye; exit 7' TERM");
  const t0 = e.now();
  await e.containerStop(sh.id);
  assert.ok(e.now() - t0 <= 1000, String(e.now() - t0));
  assert.equal((await e.containerInspect(sh.id)).State.ExitCode, 7);
  assert.match((await e.containerLogs(sh.id, {})).map((l) => l.text).join(''), /bye\r\nexit\r\n$/);
});

test('groups and subshells in the background run on the clock: `{ sleep 2; echo a; } & echo b; wait` prints b first', async () => {
  const run = await images('alpine', 'debian');
  assert.equal((await run('docker run --rm alpine sh -c "{ sleep 2; echo a; } & echo b; wait"')).out, 'b\na\n');
  assert.equal((await run('docker run --rm debian bash -c "{ sleep 3; echo a; } & ( sleep 1; echo b ) & echo c; wait; echo d"')).out, 'c\nb\na\nd\n');
  await run('docker run -d --name bg alpine sh -c "{ sleep 10; echo a; } & echo b; sleep 30"');
  assert.equal((await run('docker logs bg')).out, 'b\n');
  // the subshell is a process of its own, with its parent's command line, and its sleep under it
  assert.match((await run('docker exec bg ps')).out, /\n {4}1 root {6}0:00 sh -c \{ sleep 10[^\n]*\n {4}\d+ root {6}0:00 sh -c \{ sleep 10[^\n]*\n[^]* sleep 10\n/);
  await run('sleep 12');
  assert.equal((await run('docker logs bg')).out, 'b\na\n');
});

test('the traps of an interactive shell survive a saved session', async () => {
  const e = engine(3);
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu', 'caja');
  await type("trap 'echo adios' EXIT");
  const b = createEngine({ seed: 3, state: JSON.parse(JSON.stringify(e.save())) });
  const io = term();
  const h = await b.containerAttach('caja', io);
  await h.input('trap', io);
  assert.equal(io.text, "trap -- 'echo adios' EXIT\n");
});

test('a bash script with only an EXIT trap catches SIGTERM even as PID 1: the trap runs and it exits 143; dash ignores it', async () => {
  const run = await images('debian');
  await run(`docker run -d --name b1 debian bash -c "trap 'echo limpieza' EXIT; while true; do sleep 1; done"`);
  await run(`docker run -d --name d1 debian sh -c "trap 'echo limpieza' EXIT; while true; do sleep 1; done"`);
  await run('docker stop -t 3 b1 d1');
  assert.equal((await run('docker logs b1')).out, 'limpieza\n');
  assert.equal((await run('docker logs d1')).out, '');
  assert.deepEqual((await run('docker inspect -f "{{.State.ExitCode}}" b1 d1')).out, '143\n137\n');
});

test('$$ is the PID of an exec\'d shell (its subshells keep it), and kill $$ ends it with 128+N unless a trap takes the signal; PID 1 and an interactive bash ignore TERM', async () => {
  const run = await images('ubuntu', 'alpine');
  await run('docker run -dit --name uu ubuntu bash');
  assert.deepEqual(await run('docker exec uu sh -c "echo \\$\\$ \\$(echo \\$\\$); kill -TERM \\$\\$; echo vivo"'), { out: '7 7\n', err: '', exit: 143 });
  assert.deepEqual(await run('docker exec uu sh -c "trap \\"echo adios\\" TERM; kill \\$\\$; echo vivo"'), { out: 'adios\nvivo\n', err: '', exit: 0 });
  assert.deepEqual(await run('docker exec uu bash -c "kill -9 \\$\\$; echo vivo"'), { out: '', err: '', exit: 137 });
  assert.deepEqual(await run('docker run --rm alpine sh -c "echo \\$\\$; kill \\$\\$; echo vivo"'), { out: '1\nvivo\n', err: '', exit: 0 });
  const sh = await run('docker exec -it uu bash', { tty: true });
  assert.equal(sh.exit, 0);
  assert.deepEqual(await run('kill $$; echo $$ sigo', { tty: true }), { out: '10 sigo\n', err: '', exit: 0 });
});

test('bash -c with one simple command execs it, as dash and ash do: the program is PID 1', async () => {
  const run = await images('ubuntu', 'alpine');
  await run('docker run -d --name b1 ubuntu bash -c "sleep 1000"');
  await run('docker run -d --name b2 alpine sh -c "sleep 1000"');
  for (const c of ['b1', 'b2']) assert.match((await run(`docker exec ${c} ps -o pid,args`)).out, /^\s*PID\s+COMMAND\n\s+1 sleep 1000\n/);
});
