import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';

/** Types each line into a fresh container shell (`cmd`: the program run) and checks what it prints. */
async function shell(image: string, cmd: string[] | undefined, cases: [string, string][]) {
  const e = engine();
  await pull(e, image);
  const { type, h } = await runIt(e, image, undefined, cmd);
  for (const [line, want] of cases) assert.equal(await type(line), want, line);
  return { type, h, e };
}

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
