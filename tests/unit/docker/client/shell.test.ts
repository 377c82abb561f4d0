import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostShell, run } from './harness';
import { session } from './session';

test('quotes, escapes and variables expand as bash does', async () => {
  const sh = hostShell();
  assert.equal((await run(sh, `echo "a  b" 'c  $HOME' d\\ e $HOME "\${USER}x" ~ ~/f`)).stdout, 'a  b c  $HOME d e /home/alumno alumnox /home/alumno /home/alumno/f\n');
  assert.equal((await run(sh, 'X="1  2"; echo $X "$X"')).stdout, '1 2 1  2\n');
  assert.equal((await run(sh, 'echo "" | wc -l')).stdout, '1\n');
  assert.equal((await run(sh, "echo a'b'\"c\"")).stdout, 'abc\n');
  assert.equal((await run(sh, 'echo $NOPE x')).stdout, 'x\n');
  assert.equal((await run(sh, 'echo "$NOPE" x')).stdout, ' x\n');
  assert.equal((await run(sh, 'echo a # comment')).stdout, 'a\n');
  assert.equal((await run(sh, 'echo $(echo hi there) `echo x`')).stdout, 'hi there x\n');
});

test('; && || and exit codes', async () => {
  const sh = hostShell();
  assert.equal((await run(sh, 'false && echo no; echo $?')).stdout, '1\n');
  assert.equal((await run(sh, 'false || echo yes')).stdout, 'yes\n');
  assert.equal((await run(sh, 'true && echo a && echo b')).stdout, 'a\nb\n');
  const r = await run(sh, 'nope');
  assert.equal(r.stderr, 'bash: nope: command not found\n');
  assert.equal(r.exit, 127);
  assert.equal((await run(sh, 'echo $?')).stdout, '127\n');
});

test('syntax errors are answered with bash messages and status 2', async () => {
  const sh = hostShell();
  for (const [line, msg] of [
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''\n"],
    ['echo "abc', 'bash: unexpected EOF while looking for matching `"\'\n'],
    ['&& ls', "bash: syntax error near unexpected token `&&'\n"],
    ['ls ;; ls', "bash: syntax error near unexpected token `;;'\n"],
    ['echo a >', "bash: syntax error near unexpected token `newline'\n"],
    ['echo $(echo', "bash: unexpected EOF while looking for matching `)'\n"],
  ]) {
    const r = await run(sh, line);
    assert.equal(r.stderr, msg, line);
    assert.equal(r.exit, 2, line);
  }
});

test('redirections write the in-memory host filesystem', async () => {
  const sh = hostShell();
  await run(sh, 'echo "FROM alpine" > Dockerfile');
  await run(sh, 'echo "CMD [\\"echo\\", \\"hola\\"]" >> Dockerfile');
  assert.equal((await run(sh, 'cat Dockerfile')).stdout, 'FROM alpine\nCMD ["echo", "hola"]\n');
  assert.equal((await run(sh, 'ls')).stdout, 'Dockerfile\n');
  assert.equal((await run(sh, 'mkdir app && cd app && pwd')).stdout, '/home/alumno/app\n');
  assert.equal((await run(sh, 'cat nofile')).stderr, 'cat: nofile: No such file or directory\n');
  assert.equal((await run(sh, 'ls nofile')).exit, 2);
  assert.equal((await run(sh, 'echo x > /nodir/f')).stderr, 'bash: /nodir/f: No such file or directory\n');
  assert.equal((await run(sh, 'echo hidden 2>/dev/null >/dev/null; nope 2>&1 | wc -l')).stdout, '1\n');
  assert.equal((await run(sh, 'cd /nodir')).stderr, 'bash: cd: /nodir: No such file or directory\n');
  assert.equal((await run(sh, 'cat < /nofile')).stderr, 'bash: /nofile: No such file or directory\n');
});

test('pipes feed grep, head, tail and wc', async () => {
  const sh = hostShell();
  await run(sh, 'echo -e "uno\\ndos\\ntres" > f');
  assert.equal((await run(sh, 'cat f | grep o')).stdout, 'uno\ndos\n');
  assert.equal((await run(sh, 'cat f | head -n 1')).stdout, 'uno\n');
  assert.equal((await run(sh, 'tail -1 f')).stdout, 'tres\n');
  assert.equal((await run(sh, 'grep -c s f')).stdout, '2\n');
  assert.equal((await run(sh, 'grep zzz f')).exit, 1);
});

test('garbage, control characters and very long lines never throw', async () => {
  const sh = hostShell();
  const r = await run(sh, '\x01x');
  assert.equal(r.stderr, "bash: $'\\001x': command not found\n");
  assert.equal(r.exit, 127);
  const long = 'echo ' + 'a'.repeat(100 * 1024);
  assert.equal((await run(sh, long)).stdout.length, 100 * 1024 + 1);
  let seed = 7;
  for (let k = 0; k < 300; k++) {
    let line = '';
    for (let j = 0; j < 40; j++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      line += String.fromCharCode(seed % 256);
    }
    await run(sh, line);
    await run(sh, 'docker ' + line);
  }
});

test('sleep advances the clock', async () => {
  let now = 0;
  const sh = hostShell({ now: () => now, advance: (ms: number) => { now += ms; } } as never);
  await run(sh, 'sleep 5');
  assert.equal(now, 5000);
  assert.equal((await run(sh, 'sleep abc')).exit, 1);
});

test('names of Object members are ordinary unknown names', async () => {
  const sh = hostShell();
  for (const w of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const r = await run(sh, w);
    assert.equal(r.stderr, `bash: ${w}: command not found\n`);
    assert.equal(r.exit, 127);
    assert.equal((await run(sh, `echo "[$${w}]"`)).stdout, '[]\n');
    const d = await run(sh, `docker ${w}`);
    assert.equal(d.stderr, `docker: unknown command: docker ${w}\n\nRun 'docker --help' for more information\n`);
    const g = await run(sh, `docker container ${w}`);
    assert.equal(g.exit, 1);
    assert.equal((await run(sh, `docker help ${w}`)).stderr, `unknown help topic: ${w}\n`);
  }
  await run(sh, '__proto__=x; export __proto__=y');
  assert.equal((await run(sh, 'echo ok')).stdout, 'ok\n');
  assert.equal((await run(sh, 'docker - ')).stderr, "docker: unknown command: docker -\n\nRun 'docker --help' for more information\n");
});

test('sudo runs the command as typed', async () => {
  const sh = hostShell();
  assert.equal((await run(sh, 'sudo echo hola')).stdout, 'hola\n');
  assert.equal((await run(sh, 'sudo -E docker --version')).stdout, 'Docker version 28.2.2, build e6534b4\n');
  const r = await run(sh, 'sudo nada');
  assert.equal(r.stderr, 'sudo: nada: command not found\n');
  assert.equal(r.exit, 1);
});

test('ls on a terminal lays names down the columns like GNU ls', async () => {
  const sh = hostShell();
  await run(sh, 'mkdir d && cd d && touch Dockerfile index.html app.js');
  assert.equal((await run(sh, 'ls', true)).stdout, 'Dockerfile  app.js  index.html\n');
  assert.equal((await run(sh, 'ls')).stdout, 'Dockerfile\napp.js\nindex.html\n');
});

test('wc prints each operand in order, its error where the missing file comes, then the total', async () => {
  const sh = hostShell();
  await run(sh, 'echo a > a; printf "x\\ny\\n" > b');
  const r = await run(sh, 'wc -l a nada b');
  assert.equal(r.both, '1 a\nwc: nada: No such file or directory\n2 b\n3 total\n');
  assert.equal(r.exit, 1);
  assert.equal((await run(sh, 'wc -l a')).stdout, '1 a\n');
});

test('the host has tee and which: tee copies its input to files (-a appends), which finds the host programs', async () => {
  const sh = hostShell();
  assert.equal((await run(sh, 'echo hi | tee a.txt')).stdout, 'hi\n');
  assert.equal((await run(sh, 'echo ho | tee -a a.txt b.txt >/dev/null; cat a.txt b.txt')).stdout, 'hi\nho\nho\n');
  assert.deepEqual(await run(sh, 'echo x | tee /nodir/f'), { stdout: 'x\n', stderr: 'tee: /nodir/f: No such file or directory\n', both: 'tee: /nodir/f: No such file or directory\nx\n', exit: 1 });
  assert.equal((await run(sh, 'which docker')).stdout, '/usr/bin/docker\n');
  assert.deepEqual(await run(sh, 'which nope'), { stdout: '', stderr: '', both: '', exit: 1 });
});

test("curl -V on the host is Ubuntu 24.04's curl 8.5.0", async () => {
  const sh = hostShell();
  const r = await run(sh, 'curl --version');
  assert.equal(r.exit, 0);
  assert.match(r.stdout, /^curl 8\.5\.0 \(x86_64-pc-linux-gnu\) libcurl\/8\.5\.0 OpenSSL\/3\.0\.13 .*\nRelease-Date: 2023-12-06, security patched: 8\.5\.0-2ubuntu10\.6\nProtocols: dict file .* tftp\nFeatures: alt-svc .* zstd\n$/);
  assert.equal((await run(sh, 'curl -V')).stdout, r.stdout);
});

test('grep -A/-B/-C print context with - and -- between groups that do not touch; -m stops after N matches (with its trailing context)', async () => {
  const sh = hostShell();
  await run(sh, "printf 'a\\nb\\nerror 1\\nc\\nd\\ne\\nf\\nerror 2\\ng\\n' > log.txt");
  assert.equal((await run(sh, 'grep -A1 error log.txt')).stdout, 'error 1\nc\n--\nerror 2\ng\n');
  assert.equal((await run(sh, 'grep -n -B1 error log.txt')).stdout, '2-b\n3:error 1\n--\n7-f\n8:error 2\n');
  assert.equal((await run(sh, 'grep -C2 error log.txt')).stdout, 'a\nb\nerror 1\nc\nd\ne\nf\nerror 2\ng\n', 'groups that meet print as one');
  assert.equal((await run(sh, 'grep -m1 -A1 error log.txt')).stdout, 'error 1\nc\n');
  assert.equal((await run(sh, 'grep -c -m1 error log.txt')).stdout, '1\n');
  assert.equal((await run(sh, 'cat log.txt log.txt > two.txt; grep -A1 -H "error 2" log.txt two.txt | head -3')).stdout, 'log.txt:error 2\nlog.txt-g\n--\n');
  assert.deepEqual(await run(sh, 'grep -A x error log.txt'), { stdout: '', stderr: 'grep: x: invalid context length argument\n', both: 'grep: x: invalid context length argument\n', exit: 2 });
});

test('grep -e takes several patterns (each line of one too), with -F and -x applying to each', async () => {
  const sh = hostShell();
  await run(sh, "printf 'uno\\ndos\\ntres\\na.b\\naxb\\n' > t.txt");
  assert.equal((await run(sh, 'grep -e uno -e tres t.txt')).stdout, 'uno\ntres\n');
  assert.equal((await run(sh, 'grep -F -e a.b -e zz t.txt')).stdout, 'a.b\n');
  assert.equal((await run(sh, 'grep -x -e un -e dos t.txt')).stdout, 'dos\n');
  assert.equal((await run(sh, "grep -c \"$(printf 'uno\\ndos')\" t.txt")).stdout, '2\n');
});

test('readlink reads each operand, and fails (1) if any is not a link; none is a missing operand', async () => {
  const run = session();
  await run('docker run -d --name rl ubuntu sleep infinity');
  await run('docker exec rl sh -c "ln -s /etc/hostname /a; ln -s /tmp /b"');
  assert.deepEqual(await run('docker exec rl readlink /a /b /etc'), { out: '/etc/hostname\n/tmp\n', err: '', exit: 1 });
  assert.equal((await run('docker exec rl readlink')).err, "readlink: missing operand\nTry 'readlink --help' for more information.\n");
});

test('grep -r skips the links it meets (/proc/1/root leads back to /); -R follows them and stops at a loop', async () => {
  const run = session();
  await run('docker run -d --name gr ubuntu sleep infinity');
  await run('docker exec gr sh -c "mkdir -p /d/s; echo aguja > /d/s/f; ln -s /d /d/s/up; ln -s /d/s/f /d/l"');
  assert.deepEqual(await run('docker exec gr grep -rl aguja /d'), { out: '/d/s/f\n', err: '', exit: 0 });
  assert.deepEqual(await run('docker exec gr grep -Rl aguja /d'), { out: '/d/l\n/d/s/f\n', err: 'grep: warning: /d/s/up: recursive directory loop\n', exit: 0 });
  assert.equal((await run('docker exec gr sh -c "cd / && grep -rl na[d]a; echo \\$?"')).out, '1\n');
});
