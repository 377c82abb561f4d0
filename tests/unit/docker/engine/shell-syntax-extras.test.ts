import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull, runIt, term, typeCases } from './fixtures';
import { runs } from '../../fc-runs';

const shell = typeCases;

test('here-strings: bash and busybox ash feed the word and a newline; dash has no such redirection', async () => {
  await shell('ubuntu', undefined, [
    ['cat <<< "hola $HOME"', 'hola /root\n'],
    ['read x y <<< "a b c"; echo "$x|$y"', 'a|b c\n'],
    ['v="1  2"; wc -c <<<$v', '5\n'],
    ['n=0; cat <<< $((n+=1)); echo $n', '1\n1\n'],
  ]);
  await shell('ubuntu', ['sh'], [
    ['cat <<< hola', 'sh: 1: Syntax error: redirection unexpected\n'],
    ['echo $?', '2\n'],
  ]);
  await shell('alpine', undefined, [['cat <<< hola', 'hola\n']]);
});

test("case: bash's ;& falls into the next body, ;;& tests the next patterns; dash and ash reject both", async () => {
  await shell('ubuntu', undefined, [
    ['case a in a) echo A;& b) echo B;; c) echo C;; esac', 'A\nB\n'],
    ['case a in a) echo A;;& *) echo S;; esac', 'A\nS\n'],
    ['case b in a) echo A;;& b) echo B;& c) echo C;;& x) echo X;; *) echo D; esac', 'B\nC\nD\n'],
    ['case z in a) echo A;& *) echo S;& esac; echo $?', 'S\n0\n'],
  ]);
  await shell('ubuntu', ['sh'], [
    ['case a in a) echo A;& b) echo B;; esac', 'sh: 1: Syntax error: "&" unexpected\n'],
    ['case a in a) echo A;;& *) echo S;; esac', 'sh: 2: Syntax error: word unexpected (expecting ")")\n'],
  ]);
  await shell('alpine', undefined, [['case a in a) echo A;& b) echo B;; esac', '/bin/sh: syntax error: unexpected "&"\n']]);
});

test('set -x: PS4 before each command as run, quoted where bash needs it, ++ inside $(…); for heads and (( )) too', async () => {
  await shell('ubuntu', undefined, [
    ['set -x', ''],
    [`echo $((1+2)) $(echo hi) 'a b' "it's" ''`, "++ echo hi\n+ echo 3 hi 'a b' 'it'\\''s' ''\n3 hi a b it's \n"],
    ["x=1 y='a b'", "+ x=1\n+ y='a b'\n"],
    ['for i in 1 $x; do :; done', '+ for i in 1 $x\n+ :\n+ for i in 1 $x\n+ :\n'],
    ['(( x = 2 + 3 ))', '+ (( x = 2 + 3 ))\n'],
    ['PS4="> "; echo $(echo a)', '+ PS4=\'> \'\n>> echo a\n> echo a\na\n'],
    ['set +x', '> set +x\n'],
    ['echo quiet', 'quiet\n'],
    ['printf "echo 1\\n" > s.sh; bash -x s.sh; bash -xc "echo \\"a b\\""', "+ echo 1\n1\n+ echo 'a b'\na b\n"],
  ]);
  // dash prints the words as they are; busybox quotes them as bash does
  await shell('ubuntu', ['sh'], [['set -x; echo "a b" $(echo c)', '+ echo c\n+ echo a b c\na b c\n']]);
  await shell('alpine', undefined, [['set -x; echo "a b"', "+ echo 'a b'\na b\n"]]);
});

test('set -u: an unset variable is an error that drops the line (bash ends a script with 127, dash with 2); -e ends on a failure', async () => {
  await shell('ubuntu', undefined, [
    ['set -u; echo $nope; echo after', 'bash: nope: unbound variable\n'],
    ['echo ${nope:-def} ${nope+set} $#', 'def 0\n'],
    ['echo $1', 'bash: $1: unbound variable\n'],
    ['set +u; echo "[$nope]"', '[]\n'],
    ["bash -c 'set -u; echo $nope; echo after'; echo $?", 'bash: line 1: nope: unbound variable\n127\n'],
    ["sh -uc 'echo $nope; echo after'; echo $?", 'sh: 1: nope: parameter not set\n2\n'],
    ["bash -ec 'echo a; false; echo no'; echo $?", 'a\n1\n'],
    ["bash -ec 'false || echo tested; ! true; echo on'", 'tested\non\n'],
  ]);
  await shell('alpine', undefined, [['set -u; echo $nope', '/bin/sh: nope: parameter not set\n']]);
});

test('$RANDOM (from the seeded engine, none in dash), $LINENO, $SECONDS, $BASH_VERSION, $PPID', async () => {
  const { type } = await shell('ubuntu', undefined, [
    ['echo $LINENO $PPID $$ $BASH_VERSION', '1 0 1 5.2.21(1)-release\n'],
    ['echo $SECONDS', '0\n'],
    ['sleep 3; echo $SECONDS', '3\n'],
  ]);
  const dice = (await type('for i in 1 2 3 4 5 6 7 8; do echo $((RANDOM % 6 + 1)); done')).split('\n').slice(0, -1).map(Number);
  assert.ok(dice.every((d) => d >= 1 && d <= 6) && new Set(dice).size > 1, String(dice));
  const again = await shell('ubuntu', undefined, []);
  assert.equal(await again.type('for i in 1 2 3 4 5 6 7 8; do echo $((RANDOM % 6 + 1)); done'), dice.join('\n') + '\n', 'the same seed, the same rolls');
  assert.match(await type('echo $RANDOM'), /^\d{1,5}\n$/);
  await shell('ubuntu', ['sh'], [['echo "[$RANDOM]" $LINENO', '[] 1\n']]);
  await shell('debian:bookworm', undefined, [['echo $BASH_VERSION', '5.2.15(1)-release\n']]);
  await shell('alpine', undefined, [['echo $((RANDOM < 32768)) "[$SECONDS]"', '1 []\n']]);
});

test('ls -la /: the init layer (/.dockerenv, /etc) dated at creation, /dev /proc /sys mounted at start, merged directories with one link', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'busybox');
  const io = term();
  const { Id } = await e.containerCreate({ Image: 'ubuntu', Tty: true, OpenStdin: true, AttachStdin: true, Cmd: ['bash'] });
  e.advance(3 * 60_000);
  const h = await e.containerAttach(Id, io, { stdin: true, beforeStart: true });
  await e.containerStart(Id);
  await h.input('ls -la /', io);
  const rows = Object.fromEntries(io.text.split('\n').slice(1, -1).map((l) => [l.slice(l.lastIndexOf(' ') + 1), l]));
  assert.match(rows['.'], /^drwxr-xr-x   1 root root 4096 \w{3} [ \d]\d \d\d:\d\d \.$/);
  assert.match(rows['.dockerenv'], /^-rwxr-xr-x   1 root root    0 /);
  assert.match(rows.dev, /^drwxr-xr-x   5 root root  340 /);
  assert.match(rows.proc, /^dr-xr-xr-x 181 root root    0 /, 'a base system and the running container');
  assert.match(rows.sys, /^dr-xr-xr-x  13 root root    0 /);
  assert.match(rows.etc, /^drwxr-xr-x   1 root root 4096 /);
  assert.match(rows.home, /^drwxr-xr-x   3 root root 4096 /, 'a directory of one layer keeps its count');
  assert.match(rows.boot, /^drwxr-xr-x   2 root root 4096 /);
  const date = (l: string) => l.split(/ +/).slice(5, 8).join(' ');
  assert.equal(date(rows.dev), date(rows.proc));
  assert.equal(date(rows.etc), date(rows['.dockerenv']));
  assert.notEqual(date(rows.dev), date(rows.etc), 'mounted at start, three minutes after the creation');
  assert.notEqual(date(rows.boot), date(rows.etc), 'the image layer keeps its own date');
  // the blocks on disk: none for the mounts, 4 for each other directory
  const dirs = Object.values(rows).filter((l) => l.startsWith('d') && !/ (dev|proc|sys)$/.test(l)).length;
  assert.match(io.text, new RegExp(`^total ${dirs * 4}\\n`));
  const b = await runIt(e, 'busybox');
  assert.match(await b.type('ls -la / | grep -E " (proc|dev|\\.)$"'), /^drwxr-xr-x    1 root     root          4096 .* \.\ndrwxr-xr-x    5 root     root           340 .* dev\ndr-xr-xr-x  182 root     root             0 .* proc\n$/);
});

test('alias and unalias (expanded where a command starts; not in a bash script), type of an alias, export -p in each dialect', async () => {
  await shell('ubuntu', undefined, [
    ["alias ll='ls -ld' la='ls -A'", ''],
    ['alias', "alias la='ls -A'\nalias ll='ls -ld'\n"],
    ['ll /tmp | cut -c1-10', 'drwxrwxrwt\n'],
    ['type ll', "ll is aliased to `ls -ld'\n"],
    ['alias nope; echo $?', 'bash: alias: nope: not found\n1\n'],
    ['unalias la; unalias la', 'bash: unalias: la: not found\n'],
    // a line is read whole before it runs: its own aliases come into use on the next one
    ["alias x='cd /tmp; pwd'; x", 'bash: x: command not found\n'],
    ['x', '/tmp\n'],
    ['bash -c "alias a=echo; a hi"', 'bash: line 1: a: command not found\n'],
    ['unalias -a; alias', ''],
  ]);
  const { type } = await shell('ubuntu', undefined, []);
  assert.match(await type('export -p'), /^declare -x HOME="\/root"\ndeclare -x HOSTNAME="\w+"\ndeclare -x OLDPWD\ndeclare -x PATH="\/usr\/local\/sbin:[^"]+"\ndeclare -x PWD="\/"\ndeclare -x SHLVL="1"\ndeclare -x TERM="xterm"\n$/);
  assert.equal(await type('X=\'a "$b"\'; export X; export | grep X='), 'declare -x X="a \\"\\$b\\""\n');
  await shell('ubuntu', ['sh'], [
    ["alias ll='ls -ld'; alias; ll /tmp | cut -c1-10; type ll", "ll='ls -ld'\nsh: 1: ll: not found\nll is an alias for ls -ld\n"],
    ["X=\"it's\"; export X; export -p | grep X=", "export X='it'\\''s'\n"],
    ['alias q', 'sh: 3: alias: q not found\n'],
    ['ll /tmp | cut -c1-10', 'drwxrwxrwt\n'],
  ]);
  await shell('alpine', undefined, [["alias l='ls -d'; l /tmp; alias", "/bin/sh: l: not found\nl='ls -d'\n"], ['l /tmp', '/tmp\n']]);
});

test('aliases and functions survive save and load with the shell that defined them', async () => {
  const e = engine(3);
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu', 'c1');
  await type("alias hi='echo hola'");
  await type('saluda() { echo "hola $1"; }');
  const b = createEngine({ seed: 3, state: JSON.parse(JSON.stringify(e.save())) });
  const io = term();
  const h = await b.containerAttach('c1', io);
  await h.input('hi; alias; saluda mundo', io);
  assert.equal(io.text, "hola\nalias hi='echo hola'\nhola mundo\n");
});

test("bash's brace expansion ({a,b}, {1..5}, {01..10..3}, {a..e}, nested, with a prefix and suffix); dash and ash keep the braces", async () => {
  await shell('ubuntu', undefined, [
    ['echo {1..3} {a..c} {01..10..3} x{a,b}y {5..1..2}', '1 2 3 a b c 01 04 07 10 xay xby 5 3 1\n'],
    ['for i in {1..3}; do echo -n $i; done; echo', '123\n'],
    ['mkdir -p /tmp/{a,b}/{c,d}; ls -d /tmp/*/*', '/tmp/a/c  /tmp/a/d  /tmp/b/c  /tmp/b/d\n'],
    [`echo {a,b{1,2}} "{1..2}" '{a,b}' {x} \${HOME}{1,2} {1..a}`, 'a b1 b2 {1..2} {a,b} {x} /root1 /root2 {1..a}\n'],
    ['x={a,b}; echo $x', '{a,b}\n'],
    ["sh -c 'echo {1..3}'", '{1..3}\n'],
  ]);
  await shell('alpine', undefined, [['echo {1..3}', '{1..3}\n']]);
});

test('grep -r walks directories (names shown, . without operands), -l lists the files found', async () => {
  await shell('ubuntu', undefined, [
    ['mkdir -p /tmp/d/e; echo hola > /tmp/d/e/f; echo hola > /tmp/d/g; echo no > /tmp/d/h', ''],
    ['grep -r hola /tmp/d', '/tmp/d/e/f:hola\n/tmp/d/g:hola\n'],
    ['grep -rn hola /tmp/d/', '/tmp/d/e/f:1:hola\n/tmp/d/g:1:hola\n'],
    ['cd /tmp/d; grep -r hola', 'e/f:hola\ng:hola\n'],
    ['grep -rl hola .; grep -l no g h', './e/f\n./g\nh\n'],
    ['grep -r hola g', 'hola\n'],
  ]);
});

test('any line of the new syntax gets an answer from bash, dash and ash, never an exception', async () => {
  const { createShell, INTERNAL_ERROR } = await import('../../../../src/docker/index');
  const shell = createShell({ seed: 5 });
  const quiet = { out: () => {}, err: () => {}, tty: true, sleep: () => Promise.resolve() };
  const pieces = fc.constantFrom('cat', '<<<', '<<', '"a b"', 'read', 'x', 'case', 'a', 'in', 'a)', '*)', ';;', ';&', ';;&', 'esac', '{1..3}', '{a,b}', '{', '}', '{01..5..2}', 'set', '-x', '+x', '-u', '-e', '$nope', '${nope:-d}', '$RANDOM', '$((RANDOM%6))', '$LINENO', '$SECONDS', 'alias', 'll=ls', 'll', 'unalias', 'printf', "'%5.2f|%-3s|%x\\n'", '%q', '%b', '3.14', 'seq', '-s,', '-w', '10', 'sed', "'s/a/b/g'", "'2,3p'", '-n', 'awk', "'{print $1}'", "'BEGIN{x=1'", "'$1>1{print NF}'", '-F:', "'$0~\"[\"'", "'{print 1/0}'", "'{print substr($1,2)}'", "'s/[/x/'", "'/(/p'", '-E', 'xargs', '-I{}', 'grep', '-rl', '/etc', 'ls', '-la', '/', 'export', '-p', '|', ';', '&&', '||', '(', ')', '$(', '`', "'", '"');
  for (const start of ['docker run -it --rm ubuntu bash', 'docker run -it --rm ubuntu sh', 'docker run -it --rm alpine']) {
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 10 }), async (words) => {
        let err = '';
        await shell.run(start, quiet);
        assert.ok(shell.inContainer(), start);
        const io = { ...quiet, err: (t: string) => { err += t; } };
        const code = await shell.run(words.join(' '), io);
        assert.ok(Number.isInteger(code));
        assert.ok(!err.includes(INTERNAL_ERROR), `${JSON.stringify(words.join(' '))}: ${err}`);
        for (let k = 0; k < 3 && shell.inContainer(); k++) await shell.eof(quiet);
      }),
      runs(200),
    );
  }
});

test('an assignment alone fails as its last command substitution did: $? and set -e', async () => {
  await shell('ubuntu', undefined, [
    ['x=$(false); echo $? "[$x]"; y=$(echo a; true); echo $?', '1 []\n0\n'],
    ["bash -c 'set -e; x=$(false); echo no'; echo $?", '1\n'],
    ["bash -c 'set -e; f() { false; echo after; }; f || echo caught; false | true; echo on'", 'after\non\n'],
    ["sh -c 'set -e; x=$(exit 3); echo no'; echo $?", '3\n'],
  ]);
});

test("a script's messages and $LINENO name the line of the command", async () => {
  await shell('ubuntu', undefined, [
    [String.raw`printf 'echo uno\n\nfoo\necho $LINENO\nif true; then\n  bar\nfi\n' > s.sh`, ''],
    ['bash s.sh', 'uno\ns.sh: line 3: foo: command not found\n4\ns.sh: line 6: bar: command not found\n'],
    ['sh s.sh', 'uno\ns.sh: 3: foo: not found\n4\ns.sh: 6: bar: not found\n'],
  ]);
});

test('bash --version and $BASH name the image\'s bash; dash has no long options', async () => {
  await shell('ubuntu', undefined, [
    ['bash --version | head -2', 'GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)\nCopyright (C) 2022 Free Software Foundation, Inc.\n'],
    ['echo $BASH', '/usr/bin/bash\n'],
    ['sh --version; echo $?', 'sh: 0: Illegal option --\n2\n'],
  ]);
  await shell('debian:bookworm', undefined, [['bash --version | head -1', 'GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n']]);
});

test('/dev holds the devices and links runc makes: ls shows major, minor; /dev/null reads empty', async () => {
  const { type } = await shell('ubuntu', undefined, [['cat /dev/null; wc -c < /dev/null', '0\n'], ['ls /dev | tr "\\n" " "', 'core fd full mqueue null ptmx pts random shm stderr stdin stdout tty urandom zero ']]);
  const rows = (await type('ls -l /dev')).split('\n');
  assert.equal(rows[0], 'total 0');
  assert.match(rows[3], /^crw-rw-rw- 1 root root 1, 7 \w{3} [ \d]\d \d\d:\d\d full$/);
  assert.match(rows[4], /^drwxrwxrwt 2 root root   40 .* mqueue$/);
  assert.match(rows[1], /^lrwxrwxrwx 1 root root   11 .* core -> \/proc\/kcore$/);
  const bb = await shell('busybox', undefined, []);
  assert.match((await bb.type('ls -l /dev/null')), /^crw-rw-rw- {4}1 root {5}root {8}1, {3}3 \w{3} [ \d]\d \d\d:\d\d \/dev\/null\n$/);
});

test("bash's time keyword times the whole pipeline on stderr; dash has no such word", async () => {
  const REPORT = (real: string) => `\nreal\t${real}\nuser\t0m0.001s\nsys\t0m0.002s\n`;
  await shell('ubuntu', undefined, [
    ['time sleep 2', REPORT('0m2.003s')],
    ['time echo a | wc -c', `2\n${REPORT('0m0.003s')}`],
    ['time -p sleep 1', 'real 1.00\nuser 0.00\nsys 0.00\n'],
    ['time', '\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n'],
    ['x=time; echo $x time', 'time time\n'],
    ['! time false; echo $?', `${REPORT('0m0.003s')}0\n`],
    ['time ! true; echo $?', `${REPORT('0m0.003s')}1\n`],
  ]);
  await shell('debian', ['sh'], [['time sleep 1', 'sh: 1: time: not found\n']]);
});
