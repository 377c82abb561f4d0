import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../src/docker/api';
import { evalArith } from '../../../../src/docker/engine/shell/programs';
import { engine, pull, runIt, term, typeCases } from './fixtures';
import { hostShell, run } from '../client/harness';

const shell = typeCases;

test('bash: if, for, while, until, case, groups, subshells, functions, break and continue', async () => {
  await shell('ubuntu', undefined, [
    ['for i in 1 2; do echo $i; done', '1\n2\n'],
    ['if [ -d /tmp ]; then echo dir; elif true; then echo no; else echo no; fi', 'dir\n'],
    ['if false; then echo a; elif [ -e /nope ]; then echo b; else echo else; fi', 'else\n'],
    ['if false; then echo a; fi; echo $?', '0\n'],
    ['i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo w$i; done', 'w1\nw2\nw3\n'],
    ['n=0; until [ $n = 2 ]; do n=$((n+1)); done; echo $n', '2\n'],
    ['case hello.txt in *.md|*.html) echo web;; [a-h]*.txt) echo text;; *) echo other;; esac', 'text\n'],
    ['case x in a) echo a;; esac; echo $?', '0\n'],
    ['{ echo g1; echo g2; } | wc -l', '2\n'],
    ['x=1; (x=2; cd /tmp; echo in $x $PWD); echo out $x $PWD', 'in 2 /tmp\nout 1 /\n'],
    ['f() { echo "$# [$1] $@"; return 3; echo no; }; f a "b c"; echo $?', '2 [a] a b c\n3\n'],
    ['g() { for a; do echo "<$a>"; done; }; g "x y" z', '<x y>\n<z>\n'],
    ['function h { echo h$1; }; function k() { echo k; }; h 1; k', 'h1\nk\n'],
    ['for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo c$i; done', 'c1\nc3\n'],
    ['for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done', '1a\n2a\n'],
    ['for i in 1 2 3; do echo b$i; break; done', 'b1\n'],
    ['! false; echo $?; ! true; echo $?', '0\n1\n'],
    ['break', "bash: break: only meaningful in a `for', `while', or `until' loop\n"],
    ['return', "bash: return: can only `return' from a function or sourced script\n"],
    ['x=out; f() { local x=in y; y=2; echo $x $y; }; f; echo $x "[$y]"', 'in 2\nout []\n'],
    ['local z; echo $?', 'bash: local: can only be used in a function\n1\n'],
    ['g() { while [ $# -gt 0 ]; do echo "$1"; shift; done; shift; echo $?; shift x; }; g a "b c"', 'a\nb c\n1\nbash: shift: x: numeric argument required\n'],
    ['type [ test if [[', '[ is a shell builtin\ntest is a shell builtin\nif is a shell keyword\n[[ is a shell keyword\n'],
  ]);
});

test('bash: an unfinished compound command reads on with "> "; misplaced words are syntax errors', async () => {
  const { type, h } = await shell('ubuntu', undefined, [
    ['for i in a b', ''],
    ['do', ''],
    ['echo n$i', ''],
  ]);
  assert.equal(h.prompt(), '> ');
  assert.equal(await type('done'), 'na\nnb\n');
  assert.match(h.prompt(), /# $/);
  assert.equal(await type('if true; then'), '');
  assert.equal(await type('echo yes; fi'), 'yes\n');
  assert.equal(await type('history'), '    1  for i in a b; do echo n$i; done\n    2  if true; then echo yes; fi\n    3  history\n', 'one history line each, as bash joins them');
  for (const [line, tok] of [['done', 'done'], ['fi', 'fi'], ['if then', 'then'], ['( )', ')'], ['echo a (b)', '('], ['}', '}'], ['for i in 1; do echo; fi', 'fi'], ['f() echo hi', 'echo']]) {
    assert.equal(await type(line), `bash: syntax error near unexpected token \`${tok}'\n`, line);
    assert.equal(await type('echo $?'), '2\n');
  }
});

test('bash: test, [ and [[ with their errors (status 2)', async () => {
  await shell('ubuntu', undefined, [
    ['touch /f; [ -f /f ] && [ -e /f ] && [ ! -d /f ] && [ -d /etc ] && [ ! -s /f ] && echo files', 'files\n'],
    ['[ -z "" ] && [ -n x ] && [ a = a ] && [ a == a ] && [ a != b ] && echo strings', 'strings\n'],
    ['[ 2 -gt 1 -a 1 -le 1 ] && [ 1 -eq 2 -o 3 -ne 4 ] && [ \\( 1 -lt 2 \\) ] && echo ints', 'ints\n'],
    ['test -x /bin/ls && echo x', 'x\n'],
    ['[ -f /nope ]; echo $?', '1\n'],
    ['[ ]; echo $?; [ x ]; echo $?', '1\n0\n'],
    ['[ a = a; echo $?', "bash: [: missing `]'\n2\n"],
    ['[ a -eq 1 ]; echo $?', 'bash: [: a: integer expression expected\n2\n'],
    ['test a b; echo $?', 'bash: test: a: unary operator expected\n2\n'],
    ['[ a b c ]; echo $?', 'bash: [: b: binary operator expected\n2\n'],
    ['[ a b c d ]; echo $?', 'bash: [: too many arguments\n2\n'],
    ['[[ abc == abc ]] && echo dbl', 'dbl\n'],
  ]);
});

test('bash: [[ ]] reads && || ( ) < > as its own, matches globs and regexps, and neither splits nor globs', async () => {
  await shell('ubuntu', undefined, [
    ['[[ a = a && b = c ]]; echo $?', '1\n'],
    ['[[ a = b || (c = c) ]] && [[ a < b ]] && echo or', 'or\n'],
    ['x=hello; [[ $x == h* ]] && [[ $x != x* ]] && [[ $x =~ ^h.l+o$ ]] && echo match', 'match\n'],
    ['y="a b"; [[ $y = "a b" ]] && [[ -n $z || -z $z ]] && echo words', 'words\n'],
  ]);
});

test('bash: arithmetic expansion, let, and division by zero', async () => {
  await shell('ubuntu', undefined, [
    ['echo $((2+3)) $((2 + 3 * 4)) $(( (2+3)*4 )) $((2**10)) $((7/2)) $((-7%3)) $((1<2)) $((5>3 ? 10 : 20))', '5 14 20 1024 3 -1 1 10\n'],
    ['x=5; echo $((x*2)) $(($x+1)) "a$((x+=1))b" $x', '10 6 a6b 6\n'],
    ['i=0; echo $((i++)) $((++i)) $i', '0 2 2\n'],
    ['let y=3*4; echo $y', '12\n'],
    ['for ((i=0; i<3; i++)); do echo $i; done; for (( ; ; )); do break; done', '0\n1\n2\n'],
    ['n=5; ((n++)); echo $n; (( n > 3 )) && echo big; ((0)); echo $?', '6\nbig\n1\n'],
    ['(( 10 -lt 100 )); echo $?', 'bash: ((: 10 -lt 100 : syntax error in expression (error token is "100 ")\n1\n'],
    ['let y=y/0; echo $?', 'bash: let: y=y/0: division by 0 (error token is "0")\n1\n'],
    ['echo $((1/0)); echo after', 'bash: 1/0: division by 0 (error token is "0")\n'],
    ['echo $?', '1\n'],
    ['echo $(( 1 + ))', 'bash: 1 + : syntax error: operand expected (error token is "+ ")\n'],
    ['echo $((017)) $((0x1f))', '15 31\n'],
    ['a=abc; b=2+3; echo $((a+1)) $((b*2))', '1 10\n'],
    ['echo $(( $(echo 1 2 | wc -w) + $((2*3)) + ${#a} ))', '11\n'],
    ['echo $((08))', 'bash: 08: value too great for base (error token is "08")\n'],
    ['echo $((1.5))', 'bash: 1.5: syntax error: invalid arithmetic operator (error token is ".5")\n'],
  ]);
});

test('parameter expansion: ${#x}, ${x:-d}, ${x:=d}, ${x:+d}, ${x:?m}, ${x#p}, ${x%p}', async () => {
  await shell('ubuntu', undefined, [
    ['x=abc.tar.gz; echo ${#x} ${x#*.} ${x##*.} ${x%.*} ${x%%.*}', '10 tar.gz gz abc.tar abc\n'],
    ['echo "${y:-def}" ${y-d2} ${y:=set} $y', 'def d2 set set\n'],
    ['z=; echo "[${z:-e}]" "[${z-e}]" "[${z:+p}]" "[${x:+p}]" "${w:-$HOME dir}"', '[e] [] [] [p] /root dir\n'],
    ['p=/usr/local/bin; echo ${p##*/} ${p%/*} ${q:-${p}}', 'bin /usr/local /usr/local/bin\n'],
    ['echo ${u:?falta}; echo no', 'bash: u: falta\n'],
    ['echo ${u:?}', 'bash: u: parameter null or not set\n'],
  ]);
  await shell('ubuntu', ['sh'], [['echo ${#HOME} ${u:?}', 'sh: 1: u: parameter not set or null\n']]);
});

test('dash: the same constructs, with dash\'s messages', async () => {
  await shell('ubuntu', ['sh'], [
    ['for i in 1 2; do echo $i; done; if [ 1 -lt 2 ]; then echo lt; fi', '1\n2\nlt\n'],
    ['done', 'sh: 2: Syntax error: "done" unexpected\n'],
    ['for i in 1; do echo $i; fi', 'sh: 3: Syntax error: "fi" unexpected (expecting "done")\n'],
    ['[ a == a ]; echo $?', 'sh: 4: [: ==: unexpected operator\n2\n'],
    ['[ a -eq 1 ]', 'sh: 5: [: Illegal number: a\n'],
    ['[ 1 -eq ]', 'sh: 6: [: -eq: argument expected\n'],
    ['[ a', 'sh: 7: [: missing ]\n'],
    ['[[ a ]]', 'sh: 8: [[: not found\n'],
    ['echo $((1/0))', 'sh: 9: arithmetic expression: division by zero: "1/0"\n'],
    ['echo $?', '2\n'],
    ['x=abc; echo $((x+1))', 'sh: 11: Illegal number: abc\n'],
    ['type break if', 'break is a special shell builtin\nif is a shell keyword\n'],
    ['sh -c \'shift; echo no\'; echo $?; sh -c \'local a; echo no\'', "sh: 1: shift: can't shift that many\n2\nsh: 1: local: not in a function\n"],
    ['sh -c \'if true; then echo\'', 'sh: 1: Syntax error: end of file unexpected (expecting "fi")\n'],
    ['sh -c \'echo $(ls\'; sh -c \'echo "a\'', 'sh: 1: Syntax error: end of file unexpected (expecting ")")\nsh: 1: Syntax error: Unterminated quoted string\n'],
  ]);
});

test('busybox ash: the same constructs, with busybox\'s messages', async () => {
  await shell('alpine', undefined, [
    ['for i in 1 2; do echo $i; done; case $i in 2) echo two;; esac', '1\n2\ntwo\n'],
    ['done', '/bin/sh: syntax error: unexpected "done"\n'],
    ['while true; do echo; fi', '/bin/sh: syntax error: unexpected "fi" (expecting "done")\n'],
    ['[ a == a ] && [[ b = b ]] && echo eq', 'eq\n'],
    ['[ a -eq 1 ]; echo $?', 'sh: a: bad number\n2\n'],
    ['[ a b c ]', 'sh: b: unknown operand\n'],
    ['[ a', 'sh: missing ]\n'],
    ['echo $((1/0))', '/bin/sh: divide by zero\n'],
    ['sh -c \'while true; do echo\'; sh -c "echo \'a"', 'sh: syntax error: unexpected end of file (expecting "done")\nsh: syntax error: unterminated quoted string\n'],
  ]);
});

test('the host shell runs compound commands on one line', async () => {
  const sh = hostShell();
  assert.equal((await run(sh, 'for i in 1 2; do echo $i; done')).stdout, '1\n2\n');
  assert.equal((await run(sh, 'if [ -f nope ]; then echo si; else echo no; fi')).stdout, 'no\n');
  assert.equal((await run(sh, 'echo $((6*7))')).stdout, '42\n');
  assert.equal((await run(sh, 'f() { case $1 in *.txt) echo texto;; *) echo otro;; esac; }; f a.txt; f b')).stdout, 'texto\notro\n');
  assert.equal((await run(sh, 'i=0; while [ $i -lt 2 ]; do i=$((i+1)); done; echo $i ${#i}')).stdout, '2 1\n');
  const t = await run(sh, '[ x -gt 1 ]');
  assert.deepEqual([t.stderr, t.exit], ['bash: [: x: integer expression expected\n', 2]);
  const r = await run(sh, 'done');
  assert.deepEqual([r.stderr, r.exit], ["bash: syntax error near unexpected token `done'\n", 2]);
});

test('docker build: RUN with if, for and [ ]', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  let text = '';
  await e.imageBuild({
    dockerfile: 'FROM ubuntu\nRUN if [ -f /etc/os-release ]; then echo hay; else echo no; fi\nRUN for i in a b; do echo $i >> /l.txt; done; cat /l.txt\n',
    files: {},
  }, { tags: ['t'] }, (m) => { if (m.stream) text += m.stream; });
  assert.match(text, /RUN if \[ -f \/etc\/os-release \]; then echo hay; else echo no; fi\n ---> Running in \w+\nhay\n/);
  assert.match(text, /Running in \w+\na\nb\n/);
  // `set -e` ends the RUN at the first failing command
  text = '';
  await assert.rejects(
    e.imageBuild({ dockerfile: 'FROM ubuntu\nRUN set -eu; if [ -d /etc ]; then echo uno; fi; false; echo nunca\n', files: {} }, {}, (m) => { if (m.stream) text += m.stream; }),
    (err: unknown) => err instanceof ApiError && err.exitCode === 1,
  );
  assert.match(text, /\nuno\n$/);
});

test('scripts get their arguments: sh -c SCRIPT NAME ARG…, bash FILE ARG…, ./FILE ARG…; exec takes the shell\'s place', async () => {
  await shell('ubuntu', undefined, [
    ['sh -c \'echo $0 $# $1 "$@"\' nombre a "b c"; sh -c \'echo $0\'', 'nombre 2 a a b c\nsh\n'],
    ['printf \'#!/bin/sh\\necho "$0: $# [$1]"\\nfor a; do echo "<$a>"; done\\n\' > /s.sh; chmod +x /s.sh; /s.sh x "y z"; bash /s.sh q', '/s.sh: 2 [x]\n<x>\n<y z>\n/s.sh: 1 [q]\n<q>\n'],
    ['printf \'#!/bin/sh\\nset -e\\necho entry\\nexec "$@"\\necho never\\n\' > /e.sh; chmod +x /e.sh; /e.sh echo run; echo $?', 'entry\nrun\n0\n'],
  ]);
});

test('here-documents: the shell reads on up to the delimiter; $ expands unless the delimiter is quoted; <<- drops tabs', async () => {
  const { type, h } = await shell('ubuntu', undefined, [
    ['n=Ana; cat > /app.txt <<EOF', ''],
    ['Hola $n', ''],
    ['  $(echo sub) \\$HOME', ''],
  ]);
  assert.equal(h.prompt(), '> ');
  assert.equal(await type('EOF'), '');
  assert.equal(await type('cat /app.txt'), 'Hola Ana\n  sub $HOME\n');
  assert.equal(await type("cat <<'FIN' | wc -l"), '');
  assert.equal(await type('$n'), '');
  assert.equal(await type('FIN'), '1\n');
  assert.equal(await type("sh -c 'cat <<E\nx\nE\necho after'"), 'x\nafter\n');
  assert.equal(await type('if true; then cat <<-X'), '');
  assert.equal(await type('\tindented'), '');
  assert.equal(await type('\tX'), '');
  assert.equal(await type('fi'), 'indented\n');
});

test('read: a line per call from a file, a pipe or the terminal; the last name takes the rest', async () => {
  const { type, h } = await shell('ubuntu', undefined, [
    ['printf "a b c\\nd e\\n" > /f; while read x y; do echo "[$x][$y]"; done < /f', '[a][b c]\n[d][e]\n'],
    ['cat /f | while read l; do echo "<$l>"; done', '<a b c>\n<d e>\n'],
    ['printf "1\\n2" | { read a; read b; echo $a $b $?; }', '1 2 1\n'],
    ['x=old; echo new | read x; cd /tmp | true; echo $x $PWD', 'old /\n'],
    ['echo "x\\\\y z" | { read -r a; echo $a; }', 'x\\y z\n'],
    ['read -p "Nombre: " n; echo Hola $n', ''],
  ]);
  assert.equal(h.prompt(), 'Nombre: ');
  assert.equal(await type('Ana María'), 'Hola Ana María\n');
});

test('set: -e ends the shell at an untested failure, -- sets the arguments, alone it lists the variables', async () => {
  await shell('ubuntu', undefined, [
    ['sh -c "set -e; false || echo ok; if false; then :; fi; ! true; while false; do :; done; echo still; false; echo no"; echo $?', 'ok\nstill\n1\n'],
    ['bash -c "set -e; f() { false; echo no; }; if f; then :; fi; f; echo no"; echo $?', 'no\n1\n'],
    ['sh -c "set -e; (false); echo no"; echo $?', '1\n'],
    ['set -- a "b c"; echo $# "$2"', '2 b c\n'],
    ['A="x y" sh -c \'set\' | grep ^A=; B="x y"; set | grep ^B=', "A='x y'\nB='x y'\n"],
  ]);
});

test('a loop that never ends stops as if interrupted: at once without sleeps, after 10 s of sleeping where no Ctrl+C reaches', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const { type } = await runIt(e, 'alpine');
  assert.equal(await type('while true; do :; done; echo $?'), '130\n');
  const t0 = e.now();
  const c = await e.containerCreate({ Image: 'alpine', Cmd: ['sh', '-c', 'while true; do echo hola; sleep 1; done'] });
  const io = term(false);
  await e.containerAttach(c.Id, io, { beforeStart: true });
  await e.containerStart(c.Id);
  assert.equal(io.text, 'hola\n'.repeat(10));
  assert.ok(e.now() - t0 < 12000, 'the clock does not run for hours');
});

test('the REPL demos share the evaluator in decimal mode, with + - * / ** and parentheses only', () => {
  assert.deepEqual(['7/2', '(1+2)*3', '2**3', '-1.5*2'].map((e) => evalArith(e)), [3.5, 9, 8, -3]);
  for (const e of ['1 < 2', 'x', '7%2']) assert.throws(() => evalArith(e), e);
});
