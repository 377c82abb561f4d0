// node and python started from a container's shell: the REPL takes the terminal, code of -e/-p/-c
// and of stdin runs through the REPL's evaluator, servers hold the terminal until Ctrl+C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { inside, screen as term } from './fixtures';

test('node typed in a shell opens the REPL with its banner and prompt; .exit gives the shell back', async () => {
  const { sh, run } = await inside('node bash');
  assert.equal(await run('node'), 'Welcome to Node.js v24.2.0.\nType ".help" for more information.\n');
  assert.equal(sh.prompt(), '> ');
  assert.equal(await run('[1, 2].map(n => n * 3)'), '[ 3, 6 ]\n');
  await run('.exit');
  assert.match(sh.prompt(), /^root@\w+:\/# $/);
  assert.equal(await run('echo $?'), '0\n');
});

test('python3 typed in a shell opens its REPL; exit() and Ctrl+D give the shell back', async () => {
  const { sh, run } = await inside('python bash');
  assert.match(await run('python3'), /^Python 3\.13\.3 .*\nType "help"/);
  assert.equal(sh.prompt(), '>>> ');
  assert.equal(await run('print(len("hola"))'), '4\n');
  await run('exit()');
  assert.match(sh.prompt(), /# $/);
  await run('python3');
  await sh.eof(term());
  assert.match(sh.prompt(), /# $/);
});

test('docker exec -it c python3 opens the REPL; without a terminal node and python run their stdin', async () => {
  const sh = createShell({ seed: 2 });
  await sh.run('docker run -d --name web node sleep 1000', term());
  await sh.run('docker run -d --name py python sleep 1000', term());
  const t = term();
  await sh.run('docker exec -it py python3', t);
  assert.match(t.text(), /Type "help", "copyright"/);
  assert.equal(sh.prompt(), '>>> ');
  await sh.run('exit()', term());
  assert.equal(sh.prompt(), '$ ');
  await sh.run('docker exec -i web node', term());
  await sh.run('let x = 6', term());
  await sh.run('foo', term());
  const end = term();
  await sh.eof(end);
  assert.match(end.text(), /^\[stdin\]:2\nfoo\n\^\n\nReferenceError: foo is not defined\n {4}at \[stdin\]:2:1\n/);
  const py = term();
  await sh.run('docker exec -i py python3', py);
  await sh.run('print(2 ** 10)', py);
  await sh.run('foo', py);
  await sh.eof(py);
  assert.equal(py.text(), '1024\nTraceback (most recent call last):\n  File "<stdin>", line 2, in <module>\nNameError: name \'foo\' is not defined\n');
});

test('node -e prints what console.log prints, -p the value; python3 -c what print prints; errors as the runtimes print them', async () => {
  const { run } = await inside('node bash');
  assert.equal(await run("node -e \"let x = 2; console.log('x vale', x * 21)\""), 'x vale 42\n');
  assert.equal(await run("node -e \"[1, 2]\""), '');
  assert.equal(await run('node -p "[1, 2].map(n => n * 2)"'), '[ 2, 4 ]\n');
  assert.equal(await run("node -p \"'hola'\""), 'hola\n');
  assert.match(await run('node -e "foo()"'), /^\[eval\]:1\nfoo\(\)\n\^\n\nReferenceError: foo is not defined\n {4}at \[eval\]:1:1\n[^]*\nNode\.js v24\.2\.0\n$/);
  assert.equal(await run('echo $?'), '1\n');
  assert.equal(await run("echo 'console.log(1 + 1)' | node"), '2\n');
  const py = await inside('python bash');
  assert.equal(await py.run('python3 -c "import math; print(math.sqrt(16), 10 / 4)"'), '4.0 2.5\n');
  assert.equal(await py.run('python3 -c "foo"'), "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n    foo\nNameError: name 'foo' is not defined\n");
  assert.equal(await py.run('echo $?'), '1\n');
  assert.equal(await py.run("echo 'print(2 ** 10)' | python3"), '1024\n');
  await py.run(`printf 'total = 0\\nfor n in range(4):\\n    total += n\\nprint(total)\\nprint(total / 0)\\n' > /suma.py`);
  assert.equal(await py.run('python3 suma.py'), '6\nTraceback (most recent call last):\n  File "/suma.py", line 5, in <module>\n    print(total / 0)\n          ~~~~~~^~~\nZeroDivisionError: division by zero\n');
  assert.equal(await py.run('python3 nada.py'), "python3: can't open file '/nada.py': [Errno 2] No such file or directory\n");
});

test('a node server started from the shell holds the terminal until Ctrl+C: status 130', async () => {
  const { run } = await inside('node bash');
  await run("echo \"require('http').createServer((q, r) => r.end('hola')).listen(3000, () => console.log('escuchando'))\" > /server.js");
  assert.equal(await run('node /server.js; echo no', 3), 'escuchando\n');
  assert.equal(await run('echo $?'), '130\n');
});

test('python3 -m http.server serves until Ctrl+C, then says so and exits 0', async () => {
  const { run } = await inside('python bash');
  assert.equal(await run('python3 -m http.server 8080', 2), 'Serving HTTP on 0.0.0.0 port 8080 (http://0.0.0.0:8080/) ...\n\nKeyboard interrupt received, exiting.\n');
  assert.equal(await run('echo $?'), '0\n');
});

test('exit statuses of sys.exit and process.exit; a distribution python3 says its own release in its REPL', async () => {
  const { run } = await inside('python bash');
  assert.equal(await run('python3 -c "import sys; print(1); sys.exit(3)"; echo $?'), '1\n3\n');
  const js = await inside('node bash');
  assert.equal(await js.run('node -e "process.exit(2)"; echo $?'), '2\n');
  const deb = await inside('debian bash');
  await deb.run('apt-get update');
  await deb.run('apt-get install -y python3');
  assert.match(await deb.run('python3'), /^Python 3\.11\.2 \(main/);
  assert.match(await deb.run('import sys; sys.version'), /^'3\.11\.2 /);
});

test('npm start of a server: Ctrl+C ends it and npm reports the signal', async () => {
  const { run } = await inside('node:22 bash');
  await run('mkdir /app && cd /app');
  await run("echo \"require('http').createServer((q, r) => r.end('hola')).listen(3000, () => console.log('en 3000'))\" > server.js");
  await run('npm init -y');
  const out = await run('npm start', 2);
  assert.match(out, /\n> node server\.js\n\nen 3000\nnpm error path \/app\nnpm error command failed\nnpm error signal SIGINT\nnpm error command sh -c node server\.js\n/);
});
