import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { engine, pull, runIt, runOnce, typeCases } from './fixtures';

const shell = typeCases;

test('bash: indexed arrays, their elements, lengths, indices, slices and negative indices', async () => {
  await shell('ubuntu', undefined, [
    ['a=(uno dos "tres cuatro")', ''],
    ['echo ${a[0]} ${a[2]} $a', 'uno tres cuatro uno\n'],
    ['for x in "${a[@]}"; do echo "<$x>"; done', '<uno>\n<dos>\n<tres cuatro>\n'],
    ['for x in ${a[@]}; do echo "<$x>"; done | wc -l', '4\n'],
    ['echo ${#a[@]} ${#a[*]} ${#a[2]} ${!a[@]}', '3 3 11 0 1 2\n'],
    ['a[5]=x; a+=(y); echo ${!a[@]}; echo "${a[@]:1:2}"; echo ${a[-1]} ${a[@]: -2}', '0 1 2 5 6\ndos tres cuatro\ny x y\n'],
    ['echo ${#nope[@]} ${#a[*]} ${#PIPESTATUS[@]}', '0 5 1\n'],
    ['i=1; echo ${a[i+1]} ${a[$i]} ${a[i*0]}', 'tres cuatro dos uno\n'],
    ['b=(1 2 3); echo $((b[1] + b[2])); ((b[0] += 5)); let b[1]++; echo ${b[@]}', '5\n6 3 3\n'],
    ["unset 'a[1]'; declare -p a", 'declare -a a=([0]="uno" [2]="tres cuatro" [5]="x" [6]="y")\n'],
    ['IFS=,; echo "${a[*]}"; unset IFS; echo "${a[*]}"', 'uno,tres cuatro,x,y\nuno tres cuatro x y\n'],
    ['a=x; declare -p a', 'declare -a a=([0]="x" [2]="tres cuatro" [5]="x" [6]="y")\n'],
    ['c=([3]=tres cuatro [1]="u\\"no"); declare -p c', 'declare -a c=([1]="u\\"no" [3]="tres" [4]="cuatro")\n'],
    ['e=(); echo ${#e[@]} "[${e[@]}]"; declare -p e', '0 []\ndeclare -a e=()\n'],
    ['s=hola; echo ${s[0]} ${#s[@]} "[${s[1]}]" ${!s[@]}', 'hola 1 [] 0\n'],
    ['echo ${a[@]#t} ${a[@]%o}', 'x res cuatro x y x tres cuatr x y\n'],
    ['x=hola; echo ${x:1:2} ${x: -1} ${x:1} "[${x: -9}]" ${x:0:-1}; x+=s; echo $x', 'ol a ola [] hol\nholas\n'],
    ['f() { echo "${@:2}" "${@: -1}"; }; f a b c', 'b c c\n'],
    ['l=(a "b', ''],
    ['c" # un comentario', ''],
    ['d); echo ${#l[@]} "${l[1]}"', '3 b\nc\n'],
  ]);
});

test('bash: associative arrays list their keys in bash\'s hash order; declare -p shows them as bash 5.2 does', async () => {
  await shell('ubuntu', undefined, [
    ['declare -A m=([k]=v [uno]=1); m[dos]=2; echo ${m[k]} ${m[dos]} ${#m[@]}; echo ${!m[@]}', 'v 2 3\ndos uno k\n'],
    ['declare -p m', 'declare -A m=([dos]="2" [uno]="1" [k]="v" )\n'],
    ['declare -A c=([a]=1 [b]=2 [c]=3); echo ${!c[@]} "${c[@]}"', 'c b a 3 2 1\n'],
    ['k="a b"; c[$k]=x; c["a b"]+=y; echo "${c[a b]}" "${c[$k]}"; declare -p c', 'xy xy\ndeclare -A c=([c]="3" [b]="2" [a]="1" ["a b"]="xy" )\n'],
    ["unset 'c[b]'; echo ${!c[@]}", 'c a a b\n'],
    ['declare -A p=(k1 v1 k2 "v 2"); declare -p p', 'declare -A p=([k1]="v1" [k2]="v 2" )\n'],
    ['declare -A q; q=(x); declare -p q; q=([a]=1 x); declare -p q', 'declare -A q=([x]="" )\nbash: q: x: must use subscript when assigning associative array\ndeclare -A q=([a]="1" )\n'],
    ['declare -A a; echo $?', '0\n'],
    ['i=(1); declare -A i; echo $?', 'bash: declare: i: cannot convert indexed to associative array\n1\n'],
  ]);
});

test('bash: PIPESTATUS and set -o pipefail; dash has no pipefail', async () => {
  await shell('ubuntu', undefined, [
    ['true | false | true; echo ${PIPESTATUS[@]} $?', '0 1 0 0\n'],
    ['false; echo $PIPESTATUS ${#PIPESTATUS[@]}', '1 1\n'],
    ['set -o pipefail; true | false | true; echo $?; false | true | sh -c "exit 3" | true; echo $?', '1\n3\n'],
    ['set +o pipefail; true | false | true; echo $?', '0\n'],
  ]);
  const e = engine();
  await pull(e, 'debian');
  const { out, err, state } = await runOnce(e, 'debian', ['sh', '-c', 'set -o pipefail; echo nunca']);
  assert.equal(out + err, 'sh: 1: set: Illegal option -o pipefail\n');
  assert.equal(state.ExitCode, 2);
});

test('bash: read -a, IFS in read, mapfile/readarray with -t', async () => {
  await shell('ubuntu', undefined, [
    ['read -ra r <<< "a b  c"; declare -p r', 'declare -a r=([0]="a" [1]="b" [2]="c")\n'],
    ['IFS=, read -r x y <<< "1,2,3"; echo "$x|$y"; IFS=: read -a p <<< "a::b"; echo ${#p[@]} "${p[1]}"', '1|2,3\n3 \n'],
    ['printf "uno\\ndos\\ntres\\n" > /tmp/l; mapfile -t l < /tmp/l; declare -p l', 'declare -a l=([0]="uno" [1]="dos" [2]="tres")\n'],
    ['readarray l < /tmp/l; printf "[%s]" "${l[@]}"; echo', '[uno\n][dos\n][tres\n]\n'],
    ['mapfile < /tmp/l; echo ${#MAPFILE[@]}; cat /tmp/l | (mapfile -t; echo ${MAPFILE[2]})', '3\ntres\n'],
    ['mapfile -x l', 'bash: mapfile: -x: invalid option\nmapfile: usage: mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]\n'],
  ]);
});

test('bash: declare, local -a/-A, export, subshells, functions and set keep arrays as bash does', async () => {
  await shell('ubuntu', undefined, [
    ['a=(1 2); export a; env | grep -c "^a="; declare -p a', '0\ndeclare -ax a=([0]="1" [1]="2")\n'],
    ['(a[0]=sub; echo ${a[0]}); echo ${a[0]}; echo x | { a[1]=pipe; }; echo ${a[1]}', 'sub\n1\n2\n'],
    ['f() { local -a z=(1 2); local -A w=([k]=v); local y; declare t=3; echo ${z[1]} ${w[k]} "[$y]" $t; }; y=1; f; echo "[${z[@]}] [${w[k]}] $y [$t]"', '2 v [] 3\n[] [] 1 []\n'],
    ['g() { declare -g G=(x); }; g; echo ${G[0]}', 'x\n'],
    // an array changed in place is still copied for a subshell and kept for a function's local
    ['b=(); b[0]=1; (b[1]=2; echo ${b[@]}); b[2]=3; h() { local b=(x); b[1]=y; echo ${b[@]}; }; h; echo ${b[@]} $(b[5]=5; echo ${#b[@]}) ${#b[@]}', '1 2\nx y\n1 3 3 2\n'],
    ['export b=(1) c=2; declare -p b; env | grep -c "^[bc]="', 'declare -ax b=([0]="1")\n1\n'],
    ['set | grep "^a="', 'a=([0]="1" [1]="2")\n'],
    ['declare -p nope; echo $?', 'bash: declare: nope: not found\n1\n'],
    ['declare -z', 'bash: declare: -z: invalid option\ndeclare: usage: declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]\n'],
    ['declare 1x=2; echo $?', "bash: declare: `1x=2': not a valid identifier\n1\n"],
    ['typeset -a t=(7); echo ${t[0]}; type declare', '7\ndeclare is a shell builtin\n'],
    ['set -x; b=(1 2); c[1]=x; set +x', '+ b=(1 2)\n+ c[1]=x\n+ set +x\n'],
  ]);
});

test('bad array input answers with bash\'s errors and never throws', async () => {
  await shell('ubuntu', undefined, [
    ['echo ${a[}', 'bash: ${a[}: bad substitution\n'],
    ['a[=1', 'bash: a[=1: command not found\n'],
    ['a=(1 2); echo ${a[-9]}; echo sigue', 'bash: a: bad array subscript\n\nsigue\n'],
    ['a[-9]=1; echo $?', 'bash: a[-9]: bad array subscript\n1\n'],
    ["unset 'a[-9]'; echo $?", 'bash: unset: [-9]: bad array subscript\n1\n'],
    ['a[1]=(x)', 'bash: a[1]: cannot assign list to array member\n'],
    ['a[99999999999]=z; echo ${#a[@]} ${a[99999999999]}', '3 z\n'],
    ['set -u; echo ${a[7]}; set +u', 'bash: a[7]: unbound variable\n'],
    ['echo a=(1)', "bash: syntax error near unexpected token `('\n"],
    ["unset 'a[x'", "bash: unset: `a[x': not a valid identifier\n"],
  ]);
});

test('dash and busybox ash have no arrays: their own syntax errors, with the line in a script', async () => {
  await shell('debian', ['sh'], [
    ['a=(1 2)', 'sh: 1: Syntax error: "(" unexpected\n'],
    ['echo ${a[0]}', 'sh: 2: Bad substitution\n'],
    ['declare -A m', 'sh: 3: declare: not found\n'],
    ['x=hola; echo ${x:1}', 'sh: 4: Bad substitution\n'],
    ['read -ra r < /etc/hostname; echo $?', 'sh: 5: read: Illegal option -a\n2\n'],
    // dash reads a script command by command: what comes before the error runs
    ["printf 'echo uno\\nfor i in 1; do\\n  a=(1 2)\\ndone\\n' > /s.sh; sh /s.sh; echo $?", 'uno\n/s.sh: 3: Syntax error: "(" unexpected\n2\n'],
    ["printf 'echo uno\\nexit 3\\na=(1 2)\\n' > /s.sh; sh /s.sh; echo $?", 'uno\n3\n'],
  ]);
  await shell('alpine', undefined, [
    ['a=(1 2)', '/bin/sh: syntax error: unexpected "("\n'],
    ['x=hola; echo ${x:1:2} ${x: -1}', 'ol a\n'],
    ['mapfile l', '/bin/sh: mapfile: not found\n'],
  ]);
});

test('arrays survive save and restore of the engine', async () => {
  const e = engine(3);
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu', 'c1');
  await type('a=(x "y z"); declare -A m=([k]=v)');
  const b = createEngine({ seed: 3, state: JSON.parse(JSON.stringify(e.save())) });
  const io = { text: '', out(t: string) { this.text += t; }, err(t: string) { this.text += t; }, tty: true, async sleep() {} };
  const h = await b.containerAttach('c1', io);
  await h.input('declare -p a m', io);
  assert.equal(io.text, 'declare -a a=([0]="x" [1]="y z")\ndeclare -A m=([k]="v" )\n');
});
