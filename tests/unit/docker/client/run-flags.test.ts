import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

const help = (cmd: string) => `\n\nRun 'docker ${cmd} --help' for more information\n`;

test('--env-file and --label-file: comments, quotes, a bare name from the host, -e and -l last', async () => {
  const run = session();
  await run(`printf '# c\\n\\n  A=1\\nB="two"\\nHOME\\nNOPE\\n' > env.list`);
  const env = (await run('docker run --rm --env-file env.list -e A=3 alpine env')).out;
  assert.match(env, /\nA=3\nB=two\nHOME=\/home\/\w+\n$/);
  assert.doesNotMatch(env, /NOPE/);
  await run(`printf 'x=1\\ny\\n' > l.list`);
  await run('docker run -d --name lb --label-file l.list -l z=2 alpine sleep 100');
  assert.equal((await run("docker inspect -f '{{json .Config.Labels}}' lb")).out, '{"x":"1","z":"2"}\n');
  assert.match((await run('docker exec --env-file l.list lb env')).out, /\nx=1\n/);
});

test('--env-file errors are the client\'s, before the daemon is asked', async () => {
  const run = session();
  await run(`printf 'a b=1\\n' > bad.list; printf '=1\\n' > bad2.list; mkdir d`);
  const cases: [string, string][] = [
    ['--env-file nope.list', 'open nope.list: no such file or directory'],
    ['--env-file bad.list', "invalid env file (bad.list): variable 'a b' contains whitespaces"],
    ['--env-file bad2.list', "invalid env file (bad2.list): no variable name on line '=1'"],
    ['--env-file d', 'invalid env file (d): read d: is a directory'],
    ['--label-file nope.list', 'open nope.list: no such file or directory'],
  ];
  for (const [flags, msg] of cases) {
    assert.deepEqual(await run(`docker run ${flags} alpine`), { out: '', err: `docker: ${msg}${help('run')}`, exit: 125 }, flags);
  }
  assert.equal((await run('docker ps -aq')).out, '');
});
