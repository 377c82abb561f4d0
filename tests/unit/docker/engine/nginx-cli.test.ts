// nginx typed in its own container, and kill between the container's processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';

async function web() {
  const run = session();
  await run('docker pull -q nginx');
  await run('docker run -d --name web nginx');
  return run;
}

test('nginx -t checks the configuration and the files it includes, naming file:line', async () => {
  const run = await web();
  assert.deepEqual(await run('docker exec web nginx -t'), { out: '', err: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n', exit: 0 });
  await run(`docker exec web sh -c "printf 'server {\\n  listen 81\\n}\\n' > /etc/nginx/conf.d/mal.conf"`);
  assert.deepEqual(await run('docker exec web nginx -t'), { out: '', err: 'nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/mal.conf:3\nnginx: configuration file /etc/nginx/nginx.conf test failed\n', exit: 1 });
  await run(`docker exec web sh -c "printf 'server {\\n  listen 81;\\n' > /etc/nginx/conf.d/mal.conf"`);
  assert.match((await run('docker exec web nginx -t')).err, /^nginx: \[emerg\] unexpected end of file, expecting "}" in \/etc\/nginx\/conf\.d\/mal\.conf:3\n/);
  // a reload with a broken configuration is refused before any signal is sent
  assert.deepEqual((await run('docker exec web nginx -s reload')).exit, 1);
  assert.doesNotMatch((await run('docker logs web')).err, /SIGHUP/);
});

test('nginx -s reload signals the master, which starts new workers; quit stops the container', async () => {
  const run = await web();
  const r = await run('docker exec web nginx -s reload');
  assert.match(r.err, /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] (\d+)#\1: signal process started\n$/);
  const from = /\[notice\] (\d+)#/.exec(r.err)![1];
  assert.match((await run('docker logs web')).err, new RegExp(`\\[notice\\] 1#1: signal 1 \\(SIGHUP\\) received from ${from}, reconfiguring\\n`));
  assert.equal((await run('docker top web')).out.match(/nginx: worker process/g)?.length, 4);
  assert.equal((await run('docker exec web nginx -s quit')).exit, 0);
  assert.match((await run('docker ps -a --format "{{.Status}}"')).out, /^Exited \(0\)/);
});

test('nginx with the master running cannot bind its ports; -s without a master names the pid file', async () => {
  const run = await web();
  const r = await run('docker exec web nginx');
  assert.equal(r.exit, 1);
  assert.equal(r.err.match(/nginx: \[emerg\] bind\(\) to 0\.0\.0\.0:80 failed \(98: Address already in use\)\n/g)?.length, 5);
  assert.match(r.err, /nginx: \[emerg\] still could not bind\(\)\n$/);
  await run('docker run -d --name box nginx sleep 100');
  assert.match((await run('docker exec box nginx -s reload')).err, /\[error\] \d+#\d+: open\(\) "\/var\/run\/nginx\.pid" failed \(2: No such file or directory\)\n$/);
  assert.deepEqual(await run('docker exec web nginx -x'), { out: '', err: 'nginx: invalid option: "x"\n', exit: 1 });
});

test('kill inside a container: nginx stops on TERM, PID 1 ignores SIGKILL from its own namespace, an exec\'d sleep dies', async () => {
  const run = await web();
  assert.deepEqual(await run('docker exec web sh -c "kill -9 1; echo $?"'), { out: '0\n', err: '', exit: 0 });
  assert.match((await run('docker ps --format "{{.Status}}"')).out, /^Up/);
  assert.deepEqual(await run('docker exec web sh -c "kill -FOO 1"'), { out: '', err: 'sh: 1: kill: invalid signal number or name: FOO\n', exit: 1 });
  assert.deepEqual(await run('docker exec web sh -c "kill 999"'), { out: '', err: 'sh: 1: kill: No such process\n', exit: 1 });
  await run('docker exec web sh -c "kill 1"');
  assert.match((await run('docker ps -a --format "{{.Status}}"')).out, /^Exited \(0\)/);
  assert.match((await run('docker logs web')).err, /signal 15 \(SIGTERM\) received from \d+, exiting\n/);
  await run('docker run -d --name ub ubuntu sleep 1000');
  await run('docker exec -d ub sleep 500');
  const pid = /^\S+\s+(\d+) .*sleep 500$/m.exec((await run('docker exec ub ps aux')).out)?.[1];
  assert.ok(pid, 'sleep 500 listed');
  await run(`docker exec ub bash -c "kill ${pid}"`);
  assert.doesNotMatch((await run('docker top ub')).out, /sleep 500/);
  assert.equal((await run('docker exec ub bash -c "kill -l 15 137"')).out, 'TERM\nKILL\n');
  assert.match((await run('docker exec ub bash -c "kill -l"')).out, /^ 1\) SIGHUP\t 2\) SIGINT\t 3\) SIGQUIT\t 4\) SIGILL\t 5\) SIGTRAP\n[^]*\n63\) SIGRTMAX-1\t64\) SIGRTMAX\t\n$/);
});
