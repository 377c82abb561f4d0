import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runOnce } from './fixtures';

const t = '\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d';

test('nginx as a user not root (-u 1000, nobody): the IPv6 script cannot touch default.conf, the "user" directive is ignored, the temp dirs cannot be made: exit 1', async () => {
  const e = engine();
  await pull(e, 'nginx', 'nginx:alpine');
  for (const [image, User] of [['nginx', '1000'], ['nginx:alpine', 'nobody'], ['nginx', 'nginx']]) {
    const r = await runOnce(e, image, undefined, { User });
    assert.match(r.out, /10-listen-on-ipv6-by-default\.sh: info: can not modify \/etc\/nginx\/conf\.d\/default\.conf \(read-only file system\?\)\n\/docker-entrypoint\.sh: Sourcing /);
    const warn = 'the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2';
    const emerg = 'mkdir\\(\\) "/var/cache/nginx/client_temp" failed \\(13: Permission denied\\)';
    assert.match(r.err, new RegExp(`^${t} \\[warn\\] 1#1: ${warn.replace(/[."/]/g, '\\$&')}\\nnginx: \\[warn\\] ${warn.replace(/[."/]/g, '\\$&')}\\n${t} \\[emerg\\] 1#1: ${emerg}\\nnginx: \\[emerg\\] ${emerg}\\n$`));
    assert.equal(r.state.ExitCode, 1);
  }
  // root (by name or number) still serves
  const root = await runOnce(e, 'nginx', ['nginx', '-g', 'daemon off;'], { User: '0:0' });
  assert.match(root.err, /start worker processes/);
});

test('nginx with writable temp dirs but not /var/run: the notices, then the PID file fails', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const { Id } = await e.containerCreate({ Image: 'nginx', Cmd: ['sh', '-c', 'chmod 777 /var/cache/nginx'] });
  await e.containerStart(Id);
  const { Id: img } = await e.containerCommit(Id, { reference: 'opened' });
  const r = await runOnce(e, img, ['nginx', '-g', 'daemon off;'], { User: '1000' });
  assert.match(r.err, /getrlimit\(RLIMIT_NOFILE\): 1048576:1048576\n.* \[emerg\] 1#1: open\(\) "\/var\/run\/nginx\.pid" failed \(13: Permission denied\)\nnginx: \[emerg\] open\(\) "\/var\/run\/nginx\.pid" failed \(13: Permission denied\)\n$/);
  assert.equal(r.state.ExitCode, 1);
});

test('httpd as a user not root: ap_log_pid cannot create logs/httpd.pid and exits 1', async () => {
  const e = engine();
  await pull(e, 'httpd');
  const r = await runOnce(e, 'httpd', undefined, { User: '1000' });
  assert.match(r.err, /^(AH00558: [^\n]*\n){2}\[[^\]]+\] \[core:error\] \[pid 1:tid 1\] \(13\)Permission denied: AH00099: could not create \/usr\/local\/apache2\/logs\/httpd\.pid\n\[[^\]]+\] \[core:error\] \[pid 1:tid 1\] AH00100: httpd: could not log pid to file \/usr\/local\/apache2\/logs\/httpd\.pid\n$/);
  assert.equal(r.state.ExitCode, 1);
});

test('nginx on a read-only root filesystem (--read-only): the IPv6 script cannot touch default.conf, nginx fails with errno 30', async () => {
  const e = engine();
  await pull(e, 'nginx');
  const r = await runOnce(e, 'nginx', undefined, { HostConfig: { ReadonlyRootfs: true } });
  assert.match(r.out, /info: can not modify \/etc\/nginx\/conf\.d\/default\.conf \(read-only file system\?\)\n/);
  assert.match(r.err, new RegExp(`^${t} \\[emerg\\] 1#1: mkdir\\(\\) "/var/cache/nginx/client_temp" failed \\(30: Read-only file system\\)\\nnginx: \\[emerg\\] mkdir\\(\\) "/var/cache/nginx/client_temp" failed \\(30: Read-only file system\\)\\n$`));
  assert.equal(r.state.ExitCode, 1);
});
