/**
 * The client against what the real 28.2.2 client printed: every help text we claim, through
 * every path that reaches it, and every captured error that needs no daemon, byte for byte with
 * its exit code. The captures live in tests/golden/reference (copied verbatim from the shared
 * docker-reference folder, which, when present next to the repository, must still match).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, GROUPS } from '../../../../src/docker/client/command-table';
import { BUILD_BANNER } from '../../../../src/docker/client/help-texts';
import { hostShell, run } from './harness';

export const REF = join(import.meta.dirname, '../../../golden/reference');
const SHARED = join(import.meta.dirname, '../../../../../shared/docker-reference');

function reference(file: string): { text: string; exit: number } {
  // Captured as root: the client's defaults name the user's home, here the simulated user's.
  const raw = readFileSync(join(REF, file), 'utf8').replaceAll('/root/.docker', '/home/alumno/.docker');
  // help/docker.txt was captured without its exit line (exit 0)
  const m = /\[exit code: (\d+)\]\n?$/.exec(raw);
  return m ? { text: raw.slice(0, m.index), exit: Number(m[1]) } : { text: raw, exit: 0 };
}

/** Help file of each command path we implement. */
function helpCases(): [string, string][] {
  // The captures were made with no daemon, when the client assumes experimental features; the
  // simulated daemon has none, so `docker checkpoint --help` refuses (checked in groups.test).
  const groups = Object.keys(GROUPS).filter((g) => g !== 'checkpoint');
  const cases: [string, string][] = [['docker', 'docker.txt'], ...groups.map((g): [string, string] => [`docker ${g}`, `${g}.txt`])];
  for (const name of Object.keys(COMMANDS)) cases.push([`docker ${name}`, `${name}.txt`]);
  for (const [g, subs] of Object.entries(GROUPS)) {
    for (const [alias, spec] of Object.entries(subs)) cases.push([`docker ${g} ${alias}`, `${g}-${spec.name}.txt`]);
  }
  return cases;
}

test('every implemented command prints its help exactly as docker does', async () => {
  const sh = hostShell();
  let n = 0;
  for (const [cmd, file] of helpCases()) {
    const ref = reference('help/' + file);
    for (const form of [`${cmd} --help`, ...(cmd.split(' ').length > 1 && !/run|exec|create$/.test(cmd) ? [`${cmd} -h`] : [])]) {
      const r = await run(sh, form);
      // cobra prints pflag's notice for the deprecated -h shorthand on stdout, before the help
      // (whose template lost its leading newline in 28.0, docker/cli#5730).
      const notice = form.endsWith(' -h') ? 'Flag shorthand -h has been deprecated, use --help\n' : '';
      // The captures hold both streams: build's and builder's deprecation notice goes to stderr.
      const banner = /^docker (image )?build/.test(form) ? BUILD_BANNER : '';
      assert.ok(ref.text.startsWith(banner), form);
      assert.equal(r.stdout, notice + ref.text.slice(banner.length), form);
      assert.equal(r.stderr, banner, form);
      assert.equal(r.exit, ref.exit, form);
      n++;
    }
  }
  assert.ok(n > 70, `${n} help cases`);
  assert.equal((await run(sh, 'docker help run')).stdout, reference('help/run.txt').text);
});

const NEEDS_DAEMON = /noengine/;

test('every captured client-side error is reproduced byte for byte', async () => {
  const files = readdirSync(join(REF, 'errors')).filter((f) => !NEEDS_DAEMON.test(f));
  assert.ok(files.length >= 24);
  for (const f of files) {
    const raw = readFileSync(join(REF, 'errors', f), 'utf8');
    const cmd = raw.slice(2, raw.indexOf('\n'));
    const ref = reference('errors/' + f);
    const expected = ref.text.slice(raw.indexOf('\n') + 1);
    const r = await run(hostShell(), cmd);
    assert.equal(r.both, expected, f);
    assert.equal(r.exit, ref.exit, f);
    // The captures that succeed are `docker`, `docker container` and `docker image` alone: their
    // RunE is command.ShowHelp(dockerCli.Err()), so the help goes to stderr.
    if (ref.exit === 0) assert.equal(r.stdout, '', f);
    else assert.ok(r.stderr.length > 0 && !r.stderr.includes('engine called'), f);
  }
});

test('flag and argument errors follow cobra and pflag', async () => {
  const sh = hostShell();
  const cases: [string, string, number][] = [
    ['docker ps -az', "unknown shorthand flag: 'z' in -z\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n", 125],
    ['docker container list --foo', "unknown flag: --foo\n\nUsage:  docker container ls [OPTIONS]\n\nRun 'docker container ls --help' for more information\n", 125],
    ['docker run --name', "flag needs an argument: --name\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n", 125],
    ['docker ps -n', "flag needs an argument: 'n' in -n\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n", 125],
    ['docker ps -n x', 'invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax\n\nUsage:  docker ps [OPTIONS]\n\nRun \'docker ps --help\' for more information\n', 125],
    ['docker rm --force=maybe x', 'invalid argument "maybe" for "-f, --force" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRun \'docker rm --help\' for more information\n', 125],
    ['docker tag a', "docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n", 1],
    ['docker commit', "docker: 'docker commit' requires at least 1 and at most 2 arguments\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nRun 'docker commit --help' for more information\n", 1],
    ['docker exec c', "docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information\n", 1],
    ['docker image foo', "docker: unknown command: docker image foo\n\nUsage:  docker image\n\nRun 'docker image --help' for more information\n", 1],
    ['docker container ps x', "docker: 'docker container ls' accepts no arguments\n\nUsage:  docker container ls [OPTIONS]\n\nRun 'docker container ls --help' for more information\n", 1],
    ['docker image remove', "docker: 'docker image rm' requires at least 1 argument\n\nUsage:  docker image rm [OPTIONS] IMAGE [IMAGE...]\n\nSee 'docker image rm --help' for more information\n", 1],
    ['docker pull UPPER:tag', 'invalid reference format: repository name (library/UPPER) must be lowercase\n', 1],
    ['docker pull a:b:c', 'invalid reference format\n', 1],
    ['docker run UPPER', "docker: invalid reference format: repository name (library/UPPER) must be lowercase\n\nRun 'docker run --help' for more information\n", 125],
    ['docker run -p 99999:80 nginx', "docker: invalid hostPort: 99999\n\nRun 'docker run --help' for more information\n", 125],
  ];
  for (const [cmd, text, code] of cases) {
    const r = await run(sh, cmd);
    assert.equal(r.stderr, text, cmd);
    assert.equal(r.stdout, '', cmd);
    assert.equal(r.exit, code, cmd);
  }
  assert.equal((await run(sh, 'docker --version')).stdout, 'Docker version 28.2.2, build e6534b4\n');
  assert.equal((await run(sh, 'docker -v')).stdout, 'Docker version 28.2.2, build e6534b4\n');
  // -h is run's --hostname, so it does not ask for help there
  assert.match((await run(sh, 'docker run -h')).stderr, /^flag needs an argument: 'h' in -h/);
});

test('the copied captures are the shared reference, unchanged', { skip: !existsSync(SHARED) && 'no shared reference folder next to the repository' }, () => {
  for (const dir of ['help', 'errors']) {
    for (const f of readdirSync(join(REF, dir))) {
      assert.equal(readFileSync(join(REF, dir, f), 'utf8'), readFileSync(join(SHARED, dir, f), 'utf8'), `${dir}/${f}`);
    }
  }
  assert.equal(readdirSync(join(REF, 'errors')).length, readdirSync(join(SHARED, 'errors')).length);
});

test('global options are parsed as docker parses them, up to the command', async () => {
  const sh = hostShell();
  const root = (msg: string): string => `${msg}\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n`;
  const group = (msg: string, g: string): string => `${msg}\n\nUsage:  docker ${g}\n\nRun 'docker ${g} --help' for more information\n`;
  const cases: [string, string, number][] = [
    ['docker -x', root("unknown shorthand flag: 'x' in -x"), 125],
    ['docker --foo ps', root('unknown flag: --foo'), 125],
    ['docker -l', root("flag needs an argument: 'l' in -l"), 125],
    ['docker --tls=maybe ps', root('invalid argument "maybe" for "--tls" flag: strconv.ParseBool: parsing "maybe": invalid syntax'), 125],
    ['docker container --foo', group('unknown flag: --foo', 'container'), 125],
    ['docker image -x', group("unknown shorthand flag: 'x' in -x", 'image'), 125],
    ['docker help foo', 'unknown help topic: foo\n', 1],
    ['docker -l verbose ps', 'Unable to parse logging level: verbose\n', 1],
    ['docker help run extra', 'unknown help topic: extra\n', 1],
  ];
  for (const [cmd, text, code] of cases) {
    const r = await run(sh, cmd);
    assert.equal(r.stderr, text, cmd);
    assert.equal(r.stdout, '', cmd);
    assert.equal(r.exit, code, cmd);
  }
  // Accepted options reach the command: here its own argument check.
  const pull = (await run(sh, 'docker pull')).stderr;
  for (const cmd of ['docker --config /tmp/x pull', 'docker -lDEBUG -D -c default pull', 'docker --tls --tlsverify=false --tlscacert ca.pem pull', 'docker -H unix:///var/run/docker.sock pull']) {
    assert.equal((await run(sh, cmd)).stderr, pull, cmd);
  }
  // The root's parse writes pflag's -h notice to stderr; --help before a command asks for its help.
  const h = await run(sh, 'docker -h');
  assert.equal(h.stderr, 'Flag shorthand -h has been deprecated, use --help\n');
  assert.equal(h.stdout, reference('help/docker.txt').text);
  assert.equal((await run(sh, 'docker --help ps')).stdout, reference('help/ps.txt').text);
  assert.equal((await run(sh, 'docker --help foo')).stdout, reference('help/docker.txt').text);
  // Alone, the root and the management commands show their help on stderr (exit 0).
  for (const [cmd, file] of [['docker', 'docker'], ['docker system', 'system'], ['docker -D container', 'container']]) {
    const r = await run(sh, cmd);
    assert.deepEqual([r.stdout, r.stderr, r.exit], ['', reference(`help/${file}.txt`).text, 0], cmd);
  }
  assert.equal((await run(sh, 'docker help container ls')).stdout, reference('help/container-ls.txt').text);
  // stop/restart keep --time, hidden and deprecated: pflag's notice on stdout, then the command.
  const t = await run(sh, 'docker stop --time 3');
  assert.equal(t.stdout, 'Flag --time has been deprecated, use --timeout instead\n');
  assert.match(t.stderr, /^docker: 'docker stop' requires at least 1 argument/);
  assert.match((await run(sh, 'docker container restart --time=x c')).stderr, /^invalid argument "x" for "--time" flag: strconv.ParseInt/);
});
