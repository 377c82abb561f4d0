import { test } from 'node:test';
import { typeCases } from './fixtures';

const shell = typeCases;

test('${x/pat/rep}: first, every (//), at the start (/#) or the end (/%), longest match; bash 5.2 puts the match at &', async () => {
  await shell('debian', undefined, [
    ['x=hello.world.txt; echo ${x/o/0} ${x//o/0} ${x/#h/H} ${x/%txt/md} ${x/l*/Z} ${x/o}', 'hell0.world.txt hell0.w0rld.txt Hello.world.txt hello.world.md heZ hell.world.txt\n'],
    ['x=aXb; echo ${x/#/>} ${x/%/<} ${x//} ${x/#X/-} ${x/[A-Z]/"_ _"}', '>aXb aXb< aXb aXb a_ _b\n'],
    ['x=hello; echo ${x/l/[&]} ${x//l/\\&}', 'he[l]lo he&&o\n'],
    ['a=(ab cb); echo ${a[@]/b/X} "${a[@]//[ac]}" ${a[1]/#c/C}', 'aX cX b b Cb\n'],
  ]);
  await shell('alpine', undefined, [['x=hello.world; echo ${x//o/0} ${x/%d/D} ${x/l/[&]}', 'hell0.w0rld hello.worlD he[&]lo.world\n']]);
  await shell('debian', ['sh'], [['x=a; echo ${x/a/b}', 'sh: 1: Bad substitution\n']]);
});

test('${x^} ${x^^} ${x,} ${x,,}: bash changes the case of the first or every character the pattern matches', async () => {
  await shell('debian', undefined, [
    ['x=hello; echo ${x^} ${x^^} ${x^^[lo]} ${x,}; y=HELLO; echo ${y,} ${y,,}', 'Hello HELLO heLLO hello\nhELLO hello\n'],
    ['a=(ab cd); echo "${a[@]^}" ${a[1]^^}', 'Ab Cd CD\n'],
  ]);
});

test("$'…': bash and ash read C's escapes; dash keeps the $", async () => {
  await shell('debian', undefined, [
    ["echo $'\\x41\\102\\u0043' $'it\\'s' $'a\\\\b' \"$'x'\"", "ABC it's a\\b $'x'\n"],
    ["printf %s $'a\\tb\\n' | od -An -c", '   a  \\t   b  \\n\n'],
  ]);
  await shell('alpine', undefined, [["echo $'a\\x41'", 'aA\n']]);
  await shell('debian', ['sh'], [["echo $'x'", '$x\n']]);
});

test('unquoted expansions split at IFS: whitespace runs, each other character a field (empty ones kept); unset is blanks, empty is none', async () => {
  await shell('debian', undefined, [
    ['IFS=:; x=a:b::c; set -- $x; echo $#-$3-$4; x=:a:; set -- $x; echo $#-$1', '4--c\n2-\n'],
    ['IFS=" :"; x=" a : : b "; set -- $x; echo "$#|$1|$2|$3"', '3|a||b\n'],
    ['unset IFS; x="a  b"; set -- $x; echo $#; IFS=; set -- $x; echo $#', '2\n1\n'],
    ['IFS=,; a=("x y" z); set -- ${a[*]}; echo $#; echo "${a[*]}"; unset IFS', '2\nx y,z\n'],
    ['IFS=:; for d in $PATH; do echo -n "[$d]"; done; echo; IFS=, read a b <<< "1,2,3"; echo "$a|$b"', '[/usr/local/sbin][/usr/local/bin][/usr/sbin][/usr/bin][/sbin][/bin]\n1|2,3\n'],
  ]);
  await shell('alpine', undefined, [['IFS=:; x=a:b::c; set -- $x; echo $#', '4\n']]);
  await shell('debian', ['sh'], [['IFS=-; x=a-b; set -- $x; echo $# $2', '2 b\n']]);
});

test("bash's syntax errors: `-c: line N:` or the script's name, then the line itself; EOF errors say one line", async () => {
  await shell('debian', undefined, [
    ["bash -c 'echo )'; echo $?", "bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `echo )'\n2\n"],
    ["bash -c 'echo >'", "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `echo >'\n"],
    ["bash -c 'echo \"a'", 'bash: -c: line 1: unexpected EOF while looking for matching `"\'\n'],
    ["printf 'echo 1\\n\\nfoo )\\necho 2\\n' > s.sh; bash s.sh; echo $?", "1\ns.sh: line 3: syntax error near unexpected token `)'\ns.sh: line 3: `foo )'\n2\n"],
    ["printf 'echo 1\\nif true; then\\n echo 2\\n' > t.sh; bash t.sh", '1\nt.sh: line 4: syntax error: unexpected end of file\n'],
    ["printf 'echo 1\\necho \"a\\nb\\n' > q.sh; bash q.sh", '1\nq.sh: line 3: unexpected EOF while looking for matching `"\'\n'],
    ['echo )', "bash: syntax error near unexpected token `)'\n"],
  ]);
  await shell('debian', ['sh'], [["sh -c 'echo )'", 'sh: 1: Syntax error: ")" unexpected\n']]);
});

test('a subshell of an interactive bash is not interactive: its exit says nothing', async () => {
  await shell('debian', undefined, [
    ['(exit 3); echo $?', '3\n'],
    ['x=$(exit 4); echo $?; exit 5 | cat; echo $?', '4\n0\n'],
  ]);
});

test('$@ and $* with an operator take each argument; "$*" joins them with IFS, unquoted ones split at IFS each', async () => {
  await shell('debian', undefined, [
    ['set -- "a b" cd ef; printf "[%s]" "${@/#/-}" "${@^}" ${@%f} "${*/c/C}"; echo', '[-a b][-cd][-ef][A b][Cd][Ef][a][b][cd][e][a b Cd ef]\n'],
    ['set -- "x y" z; IFS=-; echo "$*" $*; IFS=:; set -- $@; echo $#; unset IFS; set --; printf "[%s]" "$*" $*; echo', 'x y-z x y z\n2\n[]\n'],
  ]);
  await shell('alpine', undefined, [['set -- a:b c; IFS=:; set -- $@; echo $#', '3\n']]);
});

test('${#@} and ${#*} count the arguments, as $# does, in every shell', async () => {
  for (const image of ['debian', 'alpine']) {
    await shell(image, ['sh'], [['set -- p q; echo ${#@} ${#*} $#; f() { echo ${#@}; }; f 1 2 3', '2 2 2\n3\n']]);
  }
  await shell('debian', ['bash'], [['set -- uno dos tres; echo ${#@} ${#1}', '3 3\n']]);
});
