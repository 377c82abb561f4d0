// Database clients typed at a container's shell: the password is not shown, Ctrl+D and quit end
// only the client and give the shell's prompt back; the same keys in clients exec'd directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

function term(): TermIO & { text: () => string } {
  let s = '';
  return { out: (t) => void (s += t), err: (t) => void (s += t), tty: true, columns: 80, sleep: async () => {}, text: () => s };
}

async function session() {
  const sh = createShell({ seed: 3 });
  const run = async (line: string) => {
    const t = term();
    await sh.run(line, t);
    return t.text();
  };
  const eof = async () => {
    const t = term();
    await sh.eof(t);
    return t.text();
  };
  return { sh, run, eof };
}

// mysql on Oracle Linux shows bash's own prompt, postgres Debian's
const SHELL = /^(root@\w+:[/\w]*|bash-5\.1)# $/;

test('mysql -p typed at a shell asks the password without echoing it; a wrong one is refused with status 1', async () => {
  const { sh, run } = await session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql');
  await run('docker exec -it db bash');
  await run('mysql -uroot -p');
  assert.equal(sh.prompt(), 'Enter password: ');
  assert.equal(sh.echo?.(), false);
  assert.equal(await run('nope'), "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n");
  assert.match(sh.prompt(), SHELL);
  assert.equal(sh.echo?.(), true);
  assert.equal(await run('echo $?'), '1\n');
  await run('mysql -uroot -p');
  assert.match(await run('secret'), /^Welcome to the MySQL monitor/);
  assert.equal(sh.prompt(), 'mysql> ');
  assert.equal(sh.echo?.(), true);
});

test('Ctrl+D in mysql and psql typed at a shell says Bye or \\q and gives the shell back, which goes on', async () => {
  const { sh, run, eof } = await session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql');
  await run('docker exec -it db bash');
  await run('mysql -uroot -psecret');
  assert.equal(await eof(), 'Bye\n');
  assert.match(sh.prompt(), SHELL);
  assert.equal(await run('echo still here'), 'still here\n');
  await run('mysql -uroot -psecret');
  assert.equal(await run('quit'), 'Bye\n');
  assert.match(sh.prompt(), SHELL);
  // Ctrl+D at the password question sends an empty one
  await run('mysql -uroot -p');
  assert.equal(await eof(), "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n");
  assert.match(sh.prompt(), SHELL);
  await run('exit');
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=pw postgres');
  await run('docker exec -it pg bash');
  await run('psql -U postgres');
  assert.equal(sh.prompt(), 'postgres=# ');
  assert.equal(await eof(), '\\q\n');
  assert.match(sh.prompt(), SHELL);
  assert.equal(await run('echo $?'), '0\n');
  assert.equal(await eof(), 'exit\n');
  assert.equal(sh.prompt(), '$ ');
});

test('redis-cli without a command at a shell opens its prompt; quit, exit and Ctrl+D return to the shell', async () => {
  const { sh, run, eof } = await session();
  await run('docker run -d --name cache redis');
  await run('docker exec -it cache bash');
  assert.equal(await run('redis-cli'), '');
  assert.equal(sh.prompt(), '127.0.0.1:6379> ');
  assert.equal(await run('set k "a b"'), 'OK\n');
  assert.equal(await run('get k'), '"a b"\n');
  assert.equal(await run('incr k'), '(error) ERR value is not an integer or out of range\n');
  // redis-cli's escapes in double quotes; one it does not know is the character itself
  assert.equal(await run('set e "\\q\\x41\\tz"'), 'OK\n');
  assert.equal(await run('strlen e'), '(integer) 4\n');
  assert.equal(await run('quit'), '');
  assert.match(sh.prompt(), SHELL);
  await run('redis-cli');
  assert.equal(await eof(), '\n');
  assert.match(sh.prompt(), SHELL);
  assert.equal(await run('redis-cli get k'), '"a b"\n');
  await run('redis-cli -p 7000');
  assert.equal(sh.prompt(), 'not connected> ');
  await run('exit');
  assert.match(sh.prompt(), SHELL);
  // from a pipe with nothing in it there is nothing to send
  assert.equal(await run('redis-cli < /dev/null; echo $?'), '0\n');
});

test('clients exec\'d directly: Ctrl+D ends them and gives the host prompt back', async () => {
  const { sh, run, eof } = await session();
  await run('docker run -d --name cache redis');
  await run('docker exec -it cache redis-cli');
  assert.equal(await eof(), '\n');
  assert.equal(sh.prompt(), '$ ');
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql');
  await run('docker exec -it db mysql -uroot -p');
  assert.equal(sh.echo?.(), false);
  assert.equal(await eof(), "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n");
  assert.equal(sh.prompt(), '$ ');
});

test('Ctrl+C in mysql or psql at a shell drops the statement being typed and keeps the client; at the password it ends it', async () => {
  const { sh, run } = await session();
  const int = async () => {
    const t = term();
    await (sh as typeof sh & { interrupt(io: TermIO): Promise<void> }).interrupt(t);
    return t.text();
  };
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql');
  await run('docker exec -it db bash');
  await run('mysql -uroot -psecret');
  await run('SELECT');
  assert.equal(sh.prompt(), '    -> ');
  assert.equal(await int(), '^C\n');
  assert.equal(sh.prompt(), 'mysql> ');
  assert.match(await run('SELECT 2;'), /\| 2 \|/);
  await run('exit');
  await run('mysql -uroot -p');
  assert.equal(await int(), '^C\n');
  assert.match(sh.prompt(), SHELL);
  await run('exit');
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=pw postgres');
  await run('docker exec -it pg bash');
  await run('psql -U postgres');
  await run('SELECT');
  assert.equal(sh.prompt(), 'postgres-# ');
  await int();
  assert.equal(sh.prompt(), 'postgres=# ');
  assert.match(await run('SELECT 2 AS n;'), /^ n \n---\n 2\n\(1 row\)/);
});
