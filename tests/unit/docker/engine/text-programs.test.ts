import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';

async function shell(image: string, cases: [string, string][]) {
  const e = engine();
  await pull(e, image);
  const { type } = await runIt(e, image);
  for (const [line, want] of cases) assert.equal(await type(line), want, line);
}

test('printf: conversions with flags, width and precision, the format reused, %b %q -v, \\c, invalid numbers', async () => {
  await shell('ubuntu', [
    [String.raw`printf '%5s|%-5d|%x|%05.2f|%e|%g|%c|%%\n' ab 42 255 3.14159 12345.678 0.0001 xyz`, '   ab|42   |ff|03.14|1.234568e+04|0.0001|x|%\n'],
    [String.raw`printf '%s-%s\n' a b c`, 'a-b\nc-\n'],
    [String.raw`printf '%d|' 0x1f 010 "'A" -3; echo`, '31|8|65|-3|\n'],
    [String.raw`printf '%d\n' abc; echo $?`, 'bash: printf: abc: invalid number\n0\n1\n'],
    [String.raw`printf '%b|%q\n' 'a\tb' 'a b'`, 'a\tb|a\\ b\n'],
    [String.raw`printf -v out '%03d' 7; echo $out`, '007\n'],
    [String.raw`printf '%.3s|%+d|% d|%#x|%#o|%X|%5.1f|%-4s|\n' abcdef 5 5 255 8 255 2.25 ab`, 'abc|+5| 5|0xff|010|FF|  2.2|ab  |\n'],
    [String.raw`printf 'a\x41\101\c rest'; echo`, 'aAA\n'],
    ['printf', 'printf: usage: printf [-v var] format [arguments]\n'],
  ]);
});

test('seq: LAST, FIRST LAST, FIRST INCREMENT LAST, -s -w -f, decimals as the operands have them, GNU messages', async () => {
  await shell('ubuntu', [
    ['seq 3', '1\n2\n3\n'],
    ['seq 2 2 9', '2\n4\n6\n8\n'],
    ['seq -s, 5', '1,2,3,4,5\n'],
    ['seq -w 8 10', '08\n09\n10\n'],
    ['seq 1 0.5 2', '1.0\n1.5\n2.0\n'],
    ['seq 5 -2 1', '5\n3\n1\n'],
    ['seq 3 1', ''],
    ["seq -f 'n%02g' 2", 'n01\nn02\n'],
    ['seq', "seq: missing operand\nTry 'seq --help' for more information.\n"],
    ['seq a; echo $?', "seq: invalid floating point argument: 'a'\nTry 'seq --help' for more information.\n1\n"],
    ['seq 1 10 | wc -l', '10\n'],
  ]);
});

test('sed: s/// with g, N, p and i, BRE and -E groups, & and \\1, addresses and ranges, -n p, d, q, -i, errors', async () => {
  await shell('ubuntu', [
    ["echo hello world | sed 's/o/0/g'", 'hell0 w0rld\n'],
    ["echo hello world | sed 's/o/0/'", 'hell0 world\n'],
    ["echo hello world | sed 's/o/0/2'", 'hello w0rld\n'],
    [String.raw`echo hello world | sed 's/\(hel\)lo/[\1]/'`, '[hel] world\n'],
    [String.raw`echo hello world | sed -E 's/(w)(o)/\2\1/; s/l+/L/'`, 'heLo owrld\n'],
    ["echo a+b | sed 's/a+/X/'", 'Xb\n'],
    ["echo abc | sed 's/B/&&/I'", 'abbc\n'],
    ["echo /usr/bin | sed 's|/|:|g'", ':usr:bin\n'],
    ["seq 5 | sed -n '2,4p'", '2\n3\n4\n'],
    ["seq 5 | sed '2d;4q'", '1\n3\n4\n'],
    ["seq 5 | sed '/3/,$d'", '1\n2\n'],
    ["seq 3 | sed -n '$p'", '3\n'],
    ["seq 3 | sed '2!d'", '2\n'],
    ["seq 3 | sed -n 's/2/two/p'", 'two\n'],
    ["sed -n '1p' /etc/hostname | wc -l", '1\n'],
    ["echo x > f; sed -i 's/x/y/' f; cat f", 'y\n'],
    ["echo x | sed 'k'", "sed: -e expression #1, char 1: unknown command: `k'\n"],
    ["echo x | sed 's/x/y'", "sed: -e expression #1, char 5: unterminated `s' command\n"],
    ['sed p nope; echo $?', "sed: can't read nope: No such file or directory\n2\n"],
  ]);
  await shell('alpine', [["echo abc | sed 's/b/-/'", 'a-c\n']]);
});

test('awk: fields and -F, patterns, BEGIN/END, sums, arrays with for-in, functions, printf, if/else, next, ternary', async () => {
  await shell('alpine', [
    [`echo "a b c" | awk '{print $2}'`, 'b\n'],
    [`awk -F: '{print $1, $NF}' /etc/passwd | head -2`, 'root /bin/sh\nbin /sbin/nologin\n'],
    [`awk -F: '$3 >= 100 {print NR": "$1}' /etc/passwd`, '15: ntp\n16: guest\n17: nobody\n'],
    [`seq 5 | awk '{s+=$1} END {print s, NR, s/NR}'`, '15 5 3\n'],
    [`printf 'x 1\\ny 2\\nx 3\\n' | awk '{c[$1]+=$2} END {for (k in c) print k, c[k]}'`, 'x 4\ny 2\n'],
    [`echo "hello world" | awk '{print toupper($1), length($2), substr($1,2,3), index($2, "r")}'`, 'HELLO 5 ell 3\n'],
    [`seq 4 | awk 'NR%2==0'`, '2\n4\n'],
    [`seq 3 | awk '/2/ {next} {print "l" $0}'`, 'l1\nl3\n'],
    [`echo "a,b" | awk -F, '{printf "%s-%s\\n", $2, $1}'`, 'b-a\n'],
    [`echo "a b" | awk '{$2="X"; print; print NF}'`, 'a X\n2\n'],
    [`awk 'BEGIN {print 1/3, 2^10, 7%3; n = split("a:b:c", p, ":"); print n, p[3]}'`, '0.333333 1024 1\n3 c\n'],
    [`echo x | awk '{print $1 == "x" ? "y" : "n"}'`, 'y\n'],
    [`echo 3 | awk '{ if ($1 > 2) print "big"; else print "small" }'`, 'big\n'],
    [`echo 10 9 | awk '$1 > $2 {print "num"} "10" < "9" {print "str"}'`, 'num\n'],
    [`echo ab | awk '$0 ~ /b$/ {print "yes"} $0 !~ "a" {print "no"}'`, 'yes\n'],
  ]);
  // Debian and Ubuntu have it as mawk, and awk is mawk through the alternatives
  await shell('ubuntu', [[`echo "1 2" | mawk '{print $2 + 1}'`, '3\n'], [`echo "1 2" | awk '{print $1}'`, '1\n'], ['readlink -f /usr/bin/awk', '/usr/bin/mawk\n']]);
});

test('xargs: the input words as arguments (echo by default), -n batches, -I replaces, a missing program is 127', async () => {
  await shell('ubuntu', [
    ['xargs echo <<< "a b"', 'a b\n'],
    ["printf 'a\\nb c\\n' | xargs -n 1 echo x", 'x a\nx b\nx c\n'],
    [`echo f1 '"f 2"' | xargs touch; ls f1 "f 2" | cat`, 'f 2\nf1\n'],
    ["printf 'uno\\ndos\\n' | xargs -I {} echo '<{}>'", '<uno>\n<dos>\n'],
    ['echo x | xargs nope; echo $?', 'xargs: nope: No such file or directory\n127\n'],
    ['echo a b | xargs', 'a b\n'],
  ]);
});

test('awk and sed: a bad regular expression or a division by zero is an error message, never an exception', async () => {
  await shell('alpine', [
    [`echo a | awk '$0 ~ "("'; echo $?`, 'awk: cmd. line:1: Unmatched ( or \\(\n2\n'],
    [`echo a | awk '{print 1/0}'`, 'awk: cmd. line:1: Division by zero\n'],
    [`echo a | awk '{print substr($0)}'`, 'a\n'],
  ]);
  await shell('ubuntu', [
    [`echo a | mawk '{print 1 % 0}'`, 'mawk: division by zero\n'],
    [`echo a | sed -E 's/(/x/'; echo $?`, 'sed: -e expression #1, char 6: Unmatched ( or \\(\n1\n'],
  ]);
});

test('printf: a huge width or precision is bounded, a negative one from * is none', async () => {
  await shell('alpine', [
    ['printf "%.*f|%.*s|%*s|\\n" -1 2.5 -2 abc -3 a', '2.500000|abc|a  |\n'],
    ['printf "%.200f|%099999999d" 1 2 | wc -c', '100063\n'],
  ]);
});

test("busybox awk gives printf's missing arguments as empty, where mawk stops with a run time error", async () => {
  await shell('alpine', [[`awk 'BEGIN { printf "%s-%s-%d|", "a" }'; echo $?`, 'a--0|0\n']]);
  await shell('debian', [[`awk 'BEGIN { printf "%s-%s|", "a" }' 2>/dev/null; echo " $?"`, 'a- 2\n']]);
});

test('a loop of awk or sed that never ends is stopped by the simulation (the page would hang), with a message', async () => {
  await shell('debian', [
    [`awk 'BEGIN { while (1) n++ }'; echo $?`, 'awk: run time error: the simulated awk stops a loop after 1000000 rounds\n\tFILENAME="" FNR=0 NR=0\n2\n'],
    // nested loops share the count, so they stop as soon as one loop would
    [`awk 'BEGIN { for (i = 0; i < 100000; i++) for (j = 0; j < 100000; j++) n++ }'; echo $?`, 'awk: run time error: the simulated awk stops a loop after 1000000 rounds\n\tFILENAME="" FNR=0 NR=0\n2\n'],
    // mawk under a memory limit: its own run time error, status 2
    [`awk 'BEGIN { s = "x"; while (1) s = s s }'; echo $?`, 'awk: run time error: out of memory\n\tFILENAME="" FNR=0 NR=0\n2\n'],
    [`echo x | sed ':a;s/x/x/;ta'; echo $?`, 'sed: the simulated sed stops a loop after 10000000 commands\n4\n'],
    // a pattern space that grows makes each round slower: the guard counts the whole run and the size
    [`echo x | sed ':a;s/^/x/;ta'; echo $?`, 'sed: the simulated sed stops a loop after 10000000 commands\n4\n'],
    [`echo x | sed ':a;s/.*/&&/;ta'; echo $?`, 'sed: the simulated sed stops a loop after 10000000 commands\n4\n'],
    [`echo x | sed ':a;G;h;ba'; echo $?`, 'sed: the simulated sed stops a loop after 10000000 commands\n4\n'],
  ]);
});

test("busybox awk's run time stops say what stopped them, not a regular expression error", async () => {
  await shell('alpine', [
    [`awk 'BEGIN { while (1) n++ }'; echo $?`, 'awk: the simulated awk stops a loop after 1000000 rounds\n2\n'],
    [`awk 'BEGIN { s = "x"; while (1) s = s s }'; echo $?`, 'awk: out of memory\n2\n'],
    [`awk 'BEGIN { print 1 / 0 }'; echo $?`, 'awk: cmd. line:1: Division by zero\n2\n'],
  ]);
});
