/** The host's stdin (a pipe, `<`, a heredoc) into `docker run -i`, `exec -i`, `start -ai` and `attach`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

const ok = (out: string) => ({ out, err: '', exit: 0 });

test('run -i: the process reads the piped input, then EOF; a shell runs it as a script', async () => {
  const $ = session();
  await $('docker pull -q alpine');
  assert.deepEqual(await $('echo hola | docker run -i --rm alpine cat'), ok('hola\n'));
  assert.deepEqual(await $("echo 'echo hi; exit 3' | docker run -i alpine sh"), { out: 'hi\n', err: '', exit: 3 });
  assert.match((await $('docker ps -a')).out, /Exited \(3\)/);
  await $("printf 'echo uno\\nls / | head -2\\n' > s.sh");
  assert.deepEqual(await $('docker run -i --rm alpine sh < s.sh'), ok('uno\nbin\ndev\n'));
  assert.deepEqual(await $('docker run -i --rm alpine wc -l < s.sh'), ok('2\n'));
  assert.deepEqual(await $("echo hi | docker run -i --rm alpine sh -c 'read x; echo \"got $x\"; cat'"), ok('got hi\n'));
  assert.deepEqual(await $("printf 'a\\nb\\n' | docker run -i --rm alpine sh -c 'read x; echo \"x=$x\"; cat'"), ok('x=a\nb\n'));
  assert.deepEqual(await $('docker run -i --rm alpine sh < /dev/null'), ok(''));
  // the `--rm` containers are gone, the rest of the line ran
  assert.deepEqual(await $('echo x | docker run -i --rm alpine cat; echo fin'), ok('x\nfin\n'));
  assert.equal((await $('docker ps -aq | wc -l')).out, '1\n');
});

test('run -i: a heredoc feeds bash, python and node', async () => {
  const $ = session();
  for (const i of ['ubuntu', 'python:3', 'node:20']) await $(`docker pull -q ${i}`);
  assert.deepEqual(await $('docker run -i --rm ubuntu bash <<EOF\necho "$((6*7))"\nexit 2\nEOF'), { out: '42\n', err: '', exit: 2 });
  assert.deepEqual(await $('cat <<EOF | docker run -i --rm python:3 python3\nfor i in range(3):\n    print(i)\nEOF'), ok('0\n1\n2\n'));
  assert.deepEqual(await $('docker run -i --rm node:20 node <<EOF\nconsole.log(1 + 1)\nEOF'), ok('2\n'));
});

test('without -i the container gets no stdin', async () => {
  const $ = session();
  await $('docker pull -q alpine');
  assert.deepEqual(await $('echo hi | docker run --rm alpine cat'), ok(''));
  assert.deepEqual(await $("echo 'exit 4' | docker run alpine sh"), ok(''));
  assert.match((await $('docker ps -a')).out, /Exited \(0\)/);
});

test('-t with a piped or redirected stdin: the input device is not a TTY, and no container is made', async () => {
  const $ = session();
  await $('docker pull -q alpine');
  const notTty = { out: '', err: 'the input device is not a TTY\n', exit: 1 };
  assert.deepEqual(await $('echo hi | docker run -it alpine cat', { tty: true }), notTty);
  assert.deepEqual(await $('docker run -it alpine sh < /dev/null', { tty: true }), notTty);
  assert.equal((await $('docker ps -aq')).out, '');
  await $('docker run -d --name web alpine sleep 1000');
  assert.deepEqual(await $('echo hi | docker exec -it web cat', { tty: true }), notTty);
  await $('docker create -it --name tt alpine sh');
  assert.deepEqual(await $('echo ls | docker start -ai tt', { tty: true }), notTty);
  // the terminal itself is a TTY: the session opens
  assert.deepEqual(await $('docker start -ai tt', { tty: true }), ok(''));
});

test('exec -i: sh, python3 - and cat read the pipe; without -i they get nothing', async () => {
  const $ = session();
  await $('docker run -d --name py python:3 sleep 1000');
  await $(`printf 'import sys\\nprint("hola", 2 + 3)\\nsys.exit(4)\\n' > x.py`);
  assert.deepEqual(await $('docker exec -i py python3 - < x.py'), { out: 'hola 5\n', err: '', exit: 4 });
  assert.deepEqual(await $('docker exec -i py python3 < x.py'), { out: 'hola 5\n', err: '', exit: 4 });
  assert.deepEqual(await $("docker exec -i py sh -c 'cat; echo fin' < x.py"), ok('import sys\nprint("hola", 2 + 3)\nsys.exit(4)\nfin\n'));
  assert.deepEqual(await $("echo 'echo $((1+1)); exit 6' | docker exec -i py bash"), { out: '2\n', err: '', exit: 6 });
  assert.deepEqual(await $('echo hi | docker exec py cat'), ok(''));
  assert.deepEqual(await $("echo hi | docker exec -di py sh -c 'cat > /tmp/d'"), ok(''));
  assert.deepEqual(await $('docker exec py cat /tmp/d'), ok(''));
  // the exec is over: nothing of it is left in the container
  assert.doesNotMatch((await $('docker top py')).out, /bash|cat/);
});

test('exec -i mysql reads a dump in batch mode: tab-separated results, the last statement without ;, the first error ends it', async () => {
  const $ = session();
  await $('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql');
  await $('sleep 30');
  await $(`printf 'CREATE DATABASE tienda;\\nUSE tienda;\\nCREATE TABLE p (id INT, nombre VARCHAR(20));\\nINSERT INTO p VALUES (1,"pan"),(2,"leche");\\nSELECT * FROM p;\\n' > dump.sql`);
  const warn = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';
  assert.deepEqual(await $('docker exec -i db mysql -uroot -psecret < dump.sql'), { out: 'id\tnombre\n1\tpan\n2\tleche\n', err: warn, exit: 0 });
  assert.deepEqual(await $("echo 'SELECT nombre FROM tienda.p WHERE id=2' | docker exec -i db mysql -uroot -psecret"), { out: 'nombre\nleche\n', err: warn, exit: 0 });
  assert.deepEqual(await $("printf 'SELECT 1;\\nSELECT * FROM nope;\\nSELECT 2;\\n' | docker exec -i db mysql -uroot -psecret tienda"),
    { out: '1\n1\n', err: warn + "ERROR 1146 (42S02) at line 2: Table 'tienda.nope' doesn't exist\n", exit: 1 });
});

test('exec -i psql reads a script from stdin with its aligned output', async () => {
  const $ = session();
  await $('docker run -d --name pg -e POSTGRES_PASSWORD=secret postgres');
  await $('sleep 10');
  await $(`printf "CREATE TABLE p (id INT, nombre TEXT);\\nINSERT INTO p VALUES (1, 'pan');\\nSELECT * FROM p;\\n" > pg.sql`);
  assert.deepEqual(await $('docker exec -i pg psql -U postgres < pg.sql'), ok('CREATE TABLE\nINSERT 0 1\n id | nombre \n----+--------\n  1 | pan\n(1 row)\n\n'));
});

test('start -ai feeds the pipe to the process; start -a alone does not', async () => {
  const $ = session();
  await $('docker create -i --name c1 alpine cat');
  assert.deepEqual(await $('echo hola | docker start -ai c1'), ok('hola\n'));
  assert.deepEqual(await $('echo hola | docker start -a c1'), ok(''));
  await $('docker create -i --name c2 alpine sh');
  assert.deepEqual(await $("echo 'echo dentro; exit 9' | docker start -ai c2"), { out: 'dentro\n', err: '', exit: 9 });
});

test('attach with a pipe: the running process reads it', async () => {
  const $ = session();
  await $('docker run -di --name s1 alpine sh');
  assert.deepEqual(await $("echo 'echo desde fuera; exit 7' | docker attach s1"), { out: 'desde fuera\n', err: '', exit: 7 });
  assert.match((await $('docker ps -a')).out, /Exited \(7\)/);
});

test("docker's output into host pipes and command substitutions", async () => {
  const $ = session();
  await $('docker pull -q alpine');
  assert.deepEqual(await $('docker run --rm alpine cat /etc/os-release | grep ^NAME'), ok('NAME="Alpine Linux"\n'));
  await $("docker run -d --name web alpine sh -c 'echo out; echo err >&2'");
  assert.deepEqual(await $('docker logs web 2>&1 | grep err'), ok('err\n'));
  assert.deepEqual(await $('docker logs web 2>/dev/null | grep -c .'), ok('1\n'));
  await $('docker run -d alpine sleep 1000');
  await $('docker run -d alpine sleep 1000');
  assert.equal((await $('docker ps -q | xargs docker rm -f')).out.split('\n').length, 3);
  assert.equal((await $('docker ps -q | wc -l')).out, '0\n');
  // GNU xargs runs the command once on an empty input: docker rm's usage error, xargs' 123
  const none = await $('docker ps -q | xargs docker rm -f');
  assert.match(none.err, /^docker: 'docker rm' requires at least 1 argument/);
  assert.equal(none.exit, 123);
  await $('docker run -d alpine sleep 1000');
  assert.equal((await $('docker rm -f $(docker ps -aq)')).out.split('\n').length, 3);
  assert.equal((await $('docker ps -aq')).out, '');
  assert.deepEqual(await $("docker images --format '{{.Repository}}' | sort | uniq | tr a-z A-Z"), ok('ALPINE\n'));
});

test('load, import, build - and login --password-stdin still read the host stdin', async () => {
  const $ = session();
  await $('docker pull -q alpine');
  await $('docker save alpine > a.tar');
  await $('docker rmi alpine');
  assert.deepEqual(await $('docker load < a.tar'), ok('Loaded image: alpine:latest\n'));
  await $('docker create --name c alpine');
  await $('docker export c > c.tar');
  assert.match((await $('docker import - mia < c.tar')).out, /^sha256:[0-9a-f]{64}\n$/);
  const b = await $('docker build -q -t desde-stdin - <<EOF\nFROM alpine\nRUN echo hola > /h\nEOF');
  assert.match(b.out, /^sha256:[0-9a-f]{64}\n$/);
  assert.deepEqual(await $('docker run --rm desde-stdin cat /h'), ok('hola\n'));
  assert.equal((await $('echo clave | docker login -u ana --password-stdin')).out, 'Login Succeeded\n');
});

test('a filter with its stdin open waits for it: cat echoes each line, wc and grep answer at EOF', async () => {
  const sh = createShell({ seed: 3 });
  let text = '';
  const io: TermIO = { out: (t) => { text += t; }, err: (t) => { text += t; }, tty: true, sleep: () => Promise.resolve() };
  const $ = async (line: string) => {
    text = '';
    const exit = await sh.run(line, io);
    return { text, exit };
  };
  await $('docker run -di --name gato alpine cat');
  await $('docker run -dt --name tty alpine cat');
  await $('docker run -d --name sin alpine cat');
  assert.deepEqual((await $("docker ps -a --format '{{.Names}} {{.State}}'")).text, 'sin exited\ntty running\ngato running\n');
  await $('docker run -i --rm alpine cat');
  assert.equal((await $('hola')).text, 'hola\n');
  assert.ok(sh.inContainer());
  text = '';
  await sh.eof(io);
  assert.ok(!sh.inContainer());
  assert.deepEqual(await $('echo $?'), { text: '0\n', exit: 0 });
  await $('docker exec -i gato wc -l');
  await $('uno');
  assert.equal((await $('dos')).text, '');
  text = '';
  await sh.eof(io);
  assert.equal(text, '2\n');
  await $("docker exec -i gato grep -c a");
  await $('ab');
  await $('b');
  text = '';
  await sh.eof(io);
  assert.equal(text, '1\n');
  // with a TTY, Ctrl+C ends it: the container exits 130
  await $('docker run -it --name gatito alpine cat');
  assert.equal((await $('miau')).text, 'miau\n');
  text = '';
  await (sh as typeof sh & { interrupt(t: TermIO): Promise<void> }).interrupt(io);
  assert.equal(text, '^C\n');
  assert.ok(!sh.inContainer());
  assert.match((await $('docker ps -a')).text, /Exited \(130\).*gatito/);
    // a file operand: the program does not read its stdin
  assert.deepEqual(await $('docker exec -i gato cat /etc/hostname'), { text: (await $("docker inspect -f '{{.Config.Hostname}}' gato")).text, exit: 0 });
});

test('cp - reads a tar from stdin into a directory; cp CONTAINER:PATH - writes one to stdout', async () => {
  const $ = session();
  await $('docker run -d --name web alpine sleep 1000');
  await $('mkdir d; echo hola > d/f; echo x > g');
  await $('tar -cf a.tar d g');
  assert.deepEqual(await $('docker cp - web:/tmp < a.tar'), ok(''));
  assert.deepEqual(await $('docker exec web cat /tmp/d/f /tmp/g'), ok('hola\nx\n'));
  // on a terminal the summary has no size: stdin's is unknown
  assert.deepEqual(await $('docker cp - web:/root < a.tar', { tty: true }), { out: '', err: 'Successfully copied 0B to web:/root\n', exit: 0 });
  assert.deepEqual(await $('docker cp - web:/nada < a.tar'), { out: '', err: 'destination "web:/nada" must be a directory\n', exit: 1 });
  assert.deepEqual(await $('docker cp - web:/etc/hostname < a.tar'), { out: '', err: 'destination "web:/etc/hostname" must be a directory\n', exit: 1 });
  assert.deepEqual(await $('docker cp - web:/tmp < /dev/null'), ok(''));
  assert.deepEqual(await $('docker cp web:/etc/hostname - | tar -tf -'), ok('hostname\n'));
  await $('docker cp web:/tmp/d - > d.tar');
  assert.deepEqual(await $('tar -tf d.tar'), ok('d/\nd/f\n'));
  assert.deepEqual(await $('docker cp web:/nada -'), { out: '', err: 'Error response from daemon: Could not find the file /nada in container web\n', exit: 1 });
});

test('a shell reading its script from a pipe shares it: read, cat and python3 take the next lines', async () => {
  const $ = session();
  await $('docker pull -q alpine');
  await $('docker pull -q python:3');
  assert.deepEqual(await $(`printf 'read x\\nhola\\necho "x=$x"\\n' | docker run -i --rm alpine sh`), ok('x=hola\n'));
  assert.deepEqual(await $("printf 'echo a\\ncat\\nuno\\ndos\\n' | docker run -i --rm alpine sh"), ok('a\nuno\ndos\n'));
  assert.deepEqual(await $("printf 'cat > /tmp/f\\nxyz\\n' | docker run -i --name k1 alpine sh"), ok(''));
  assert.match((await $('docker ps -a')).out, /Exited \(0\).*k1/);
  await $('docker start k1');
  assert.deepEqual(await $('docker exec k1 cat /tmp/f'), ok('xyz\n'));
  assert.deepEqual(await $("printf 'python3\\nprint(1)\\nimport sys; sys.exit(3)\\n' | docker run -i --rm python:3 sh"), { out: '1\n', err: '', exit: 3 });
});

test('a piped script left unfinished ends in its shell syntax error, exit 2, after what ran before it', async () => {
  const $ = session();
  for (const i of ['alpine', 'ubuntu']) await $(`docker pull -q ${i}`);
  assert.deepEqual(await $("printf 'echo uno\\nif true; then\\n' | docker run -i --rm ubuntu bash"), { out: 'uno\n', err: 'bash: line 3: syntax error: unexpected end of file\n', exit: 2 });
  assert.deepEqual(await $("printf 'echo uno\\nif true; then\\n' | docker run -i --rm ubuntu dash"), { out: 'uno\n', err: 'dash: 3: Syntax error: end of file unexpected (expecting "fi")\n', exit: 2 });
  assert.deepEqual(await $("echo 'if true; then' | docker run -i --rm alpine sh"), { out: '', err: 'sh: syntax error: unexpected end of file (expecting "fi")\n', exit: 2 });
  assert.deepEqual(await $(`printf 'echo "abc\\nd\\n' | docker run -i --rm ubuntu bash`), { out: '', err: 'bash: line 2: unexpected EOF while looking for matching `"\'\n', exit: 2 });
  assert.deepEqual(await $("printf 'set -e\\nfalse\\necho no\\n' | docker run -i --rm alpine sh"), { out: '', err: '', exit: 1 });
});
