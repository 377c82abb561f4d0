/**
 * What tests/real-shell/fds.txt cannot show, as it runs `bash -c` only: descriptors and aliases in
 * an interactive shell (each line read whole before it runs), and process substitution in dash
 * (none) and busybox ash (which has it since 1.34, with ASH_BASH_COMPAT).
 */
import { test } from 'node:test';
import { typeCases } from './fixtures';

test('an interactive bash keeps the descriptors exec opened from one line to the next', async () => {
  await typeCases('debian', undefined, [
    ['exec 3>/tmp/f', ''],
    ['echo uno >&3', ''],
    ['exec 3>&-', ''],
    ['cat /tmp/f', 'uno\n'],
    ['echo x >&3', 'bash: 3: Bad file descriptor\n'],
    ['alias hi="echo hola"', ''],
    ['hi', 'hola\n'],
  ]);
});

test('an interactive bash keeps what exec did to stdout and stderr; a subshell keeps its own exec to itself', async () => {
  await typeCases('debian', undefined, [
    ['( exec >/dev/null 2>&1 ); echo visible; ls /nope', "visible\nls: cannot access '/nope': No such file or directory\n"],
    ['exec >/tmp/out', ''],
    ['echo gone', ''],
    ['exec >&2', ''],
    ['cat /tmp/out', 'gone\n'],
    ['exec 2>/tmp/err.log', ''],
    ['ls /nope', ''],
    ['cat /tmp/err.log', "ls: cannot access '/nope': No such file or directory\n"],
  ]);
});

test('a closed stdout: python and node print nothing and exit 0, as their stdout is not there (the corpus has the GNU tools)', async () => {
  await typeCases('python:3.12-slim', ['bash'], [["python3 -c 'print(1)' >&-; echo $?", '0\n']]);
  await typeCases('node:18', ['bash'], [['node -e "console.log(1)" >&-; echo $?', '0\n']]);
});

test('process substitution: a syntax error in dash, a file in /dev/fd in busybox ash; dash has no read -u', async () => {
  await typeCases('debian', ['sh'], [
    ["sh -c 'echo <(true)'; echo $?", 'sh: 1: Syntax error: "(" unexpected\n2\n'],
    ["sh -c 'read -u 3 l'; echo $?", 'sh: 1: read: Illegal option -u\n2\n'],
  ]);
  await typeCases('alpine', undefined, [['diff <(echo a) <(echo a) && echo iguales', 'iguales\n']]);
});

test("dash reads one digit before a redirection (10>g is the word 10) and no {name}", async () => {
  await typeCases('debian', ['sh'], [["cd /tmp; echo {fd}>f; cat f; echo x 10>g; cat g", '{fd}\nx 10\n']]);
});
