import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';
import { session } from './session';

const TTY = { tty: true };

test('push: only into the logged-in user\'s namespace; denied inside the stream otherwise', async () => {
  const $ = session();
  await $('docker pull alpine');
  await $('docker tag alpine ana/base:1.0');
  for (const line of ['docker push alpine', 'docker push ana/base:1.0']) {
    const r = await $(line);
    assert.equal(r.exit, 1);
    assert.match(r.out, /^(Using default tag: latest\n)?The push refers to repository \[docker\.io\/(library\/alpine|ana\/base)\]\n6ec4586b641d: Preparing\n$/);
    assert.equal(r.err, 'denied: requested access to the resource is denied\n');
  }
  await $('docker login -u bob -p x');
  assert.equal((await $('docker push ana/base:1.0')).err, 'denied: requested access to the resource is denied\n');
  await $('docker login -u ana -p x');
  const ok = await $('docker push ana/base:1.0');
  assert.equal(ok.exit, 0);
  assert.match(ok.out, /^The push refers to repository \[docker\.io\/ana\/base\]\n6ec4586b641d: Preparing\n6ec4586b641d: Mounted from library\/alpine\n1\.0: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
  assert.match((await $('docker push ana/base:1.0')).out, /6ec4586b641d: Layer already exists\n/);
  // Known in another of the user's repositories, the layer is mounted from there.
  await $('docker tag alpine ana/otra');
  assert.match((await $('docker push ana/otra')).out, /6ec4586b641d: Mounted from ana\/base\n/);
  // The pushed digest becomes a RepoDigest of the local image.
  assert.match((await $('docker images --digests ana/base')).out, /ana\/base +1\.0 +sha256:[0-9a-f]{64}/);
});

test('push: a new layer is pushed; after rmi the image pulls back from Docker Hub with the same ID', async () => {
  const $ = session();
  await $('docker login -u ana -p x');
  await $("docker run --name cc alpine sh -c 'echo hola > /hola'");
  await $('docker commit cc ana/hola');
  const id = (await $('docker images -q ana/hola')).out;
  const r = await $('docker push ana/hola', TTY);
  assert.match(r.out, /^Using default tag: latest\n/);
  assert.match(r.out, /[0-9a-f]{12}: Pushed/);
  await $('docker rmi ana/hola');
  const p = await $('docker pull ana/hola');
  assert.equal(p.exit, 0);
  assert.match(p.out, /latest: Pulling from ana\/hola\n64c6b0fc9534: Already exists\n[0-9a-f]{12}: Pulling fs layer\n/);
  assert.equal((await $('docker images -q ana/hola')).out, id);
  assert.equal((await $('docker run --rm ana/hola cat /hola')).out, 'hola\n');
  const missing = await $('docker pull ana/hola:2');
  assert.equal(missing.err, 'Error response from daemon: manifest for ana/hola:2 not found: manifest unknown: manifest unknown\n');
});

test('push: unknown images, -a, -q and bad references', async () => {
  const $ = session();
  await $('docker login -u ana -p x');
  const none = await $('docker push ana/nada');
  assert.deepEqual([none.out, none.err, none.exit], ['Using default tag: latest\nThe push refers to repository [docker.io/ana/nada]\n', 'An image does not exist locally with the tag: ana/nada\n', 1]);
  await $('docker pull alpine');
  await $('docker tag alpine ana/a:1');
  await $('docker tag alpine ana/a:2');
  assert.equal((await $('docker push ana/a:3')).err, 'tag does not exist: ana/a:3\n');
  const all = await $('docker push -a ana/a');
  assert.match(all.out, /\n1: digest: sha256:([0-9a-f]{64}) size: \d+\n.*\n2: digest: sha256:\1 size: \d+\n$/s);
  assert.equal((await $('docker push -a ana/a:1')).err, "tag can't be used with --all-tags/-a\n");
  assert.deepEqual(await $('docker push -q ana/a:1'), { out: 'docker.io/ana/a:1\n', err: '', exit: 0 });
  const bad = await $('docker push UPPER');
  assert.deepEqual([bad.err, bad.exit], ['invalid reference format: repository name (library/UPPER) must be lowercase\n', 1]);
});

test('login: flags, stdin, warnings and the stored credentials', async () => {
  const $ = session();
  const warn = "\nWARNING! Your credentials are stored unencrypted in '/home/alumno/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";
  assert.deepEqual(await $('docker login -u ana -p secreto'), { out: 'Login Succeeded\n', err: 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n' + warn, exit: 0 });
  assert.equal((await $('cat ~/.docker/config.json')).out, '{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "YW5hOnNlY3JldG8="\n\t\t}\n\t}\n}');
  assert.deepEqual(await $('echo otra | docker login -u bea --password-stdin'), { out: 'Login Succeeded\n', err: warn, exit: 0 });
  assert.match((await $('cat ~/.docker/config.json')).out, /"YmVhOm90cmE="/);
  assert.equal((await $('docker login')).out, "Authenticating with existing credentials... [Username: bea]\nTo login with a different account, run 'docker logout' followed by 'docker login'\n\nLogin Succeeded\n");
  assert.deepEqual(await $('docker login -p x --password-stdin'), { out: '', err: 'conflicting options: cannot specify both --password and --password-stdin\n', exit: 1 });
  assert.equal((await $('docker login --password-stdin')).err, 'the --password-stdin option requires --username to be set\n');
  assert.deepEqual(await $('docker login -u "" -p x'), { out: '', err: 'username is empty\n', exit: 1 });
  assert.deepEqual(await $('docker login -u a -p ""'), { out: '', err: 'password is empty\n', exit: 1 });
  // stdin is no terminal here: without both credentials the client cannot ask
  assert.deepEqual(await $('docker login localhost:5000'), { out: '', err: 'Error: Cannot perform an interactive login from a non TTY device\n', exit: 1 });
  assert.equal((await $('docker login a b')).exit, 1);
  assert.deepEqual(await $('docker logout'), { out: 'Removing login credentials for https://index.docker.io/v1/\n', err: '', exit: 0 });
  assert.equal((await $('cat ~/.docker/config.json')).out, '{\n\t"auths": {}\n}');
  assert.equal((await $('echo x | docker login -u ana')).err, 'Error: Cannot perform an interactive login from a non TTY device\n');
  assert.equal((await $('docker login localhost:5000 -u a -p b')).err.split('\n')[1], 'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused');
  assert.equal((await $('docker logout localhost:5000')).out, 'Removing login credentials for localhost:5000\n');
});

/** Runs lines in a terminal session, keeping what each printed. */
async function terminal(lines: string[]) {
  const sh = createShell({ seed: 2 });
  const seen: { prompt: string; echo: boolean; out: string; err: string; exit: number }[] = [];
  for (const line of lines) {
    const r = { prompt: sh.prompt(), echo: sh.echo?.() !== false, out: '', err: '', exit: 0 };
    const io: TermIO = { out: (t) => { r.out += t; }, err: (t) => { r.err += t; }, tty: true, sleep: () => Promise.resolve() };
    r.exit = await sh.run(line, io);
    seen.push(r);
  }
  return { sh, seen };
}

test('login: the interactive prompts, the password without echo, and their errors', async () => {
  const { sh, seen } = await terminal(['docker login', 'ana', 'secreto', 'echo $?']);
  assert.equal(seen[0].err, 'Failed to start web-based login - falling back to command line login...\n\n');
  assert.match(seen[0].out, /^Log in with your Docker ID or email address/);
  assert.deepEqual([seen[1].prompt, seen[1].echo], ['Username: ', true]);
  assert.match(seen[1].err, /Info → .*A Personal Access Token \(PAT\) can be used instead\./);
  assert.deepEqual([seen[2].prompt, seen[2].echo], ['Password: ', false]);
  assert.equal(seen[2].out, 'Login Succeeded\n');
  assert.equal(seen[3].out, '0\n');
  assert.equal(sh.echo?.(), true);
  const bad = await terminal(['docker login', '', 'echo $?']);
  assert.equal(bad.seen[1].err, 'Error: Non-null Username Required\n');
  assert.equal(bad.seen[2].out, '1\n');
  const nopw = await terminal(['docker login -u ana', '']);
  assert.equal(nopw.seen[0].err.includes('Failed to start'), false);
  assert.equal(nopw.seen[1].err, 'Error: Password Required\n');
  // Without the web-based login the client asks at once.
  const direct = await terminal(['export DOCKER_CLI_DISABLE_OAUTH_LOGIN=1', 'docker login']);
  assert.equal(direct.seen[1].err, '');
});

test('the pushed repositories survive saving and restoring the machine', async () => {
  const { sh } = await terminal(['docker login -u ana -p x', 'docker pull alpine', 'docker tag alpine ana/base', 'docker push ana/base', 'docker rmi ana/base alpine']);
  const again = createShell({ state: sh.save() });
  let out = '';
  const io: TermIO = { out: (t) => { out += t; }, err: () => {}, tty: false, sleep: () => Promise.resolve() };
  assert.equal(await again.run('docker pull -q ana/base', io), 0);
  assert.equal(out, 'docker.io/ana/base:latest\n');
});

test('search: the catalogue and pushed repositories, truncated descriptions, filters, limit and format', async () => {
  const $ = session();
  assert.equal(
    (await $('docker search alp')).out,
    [
      'NAME              DESCRIPTION                                     STARS     OFFICIAL',
      'alpine            A minimal Docker image based on Alpine Linux…   11300     [OK]',
      'alpine/git        A  simple git container running in alpine li…   250       ',
      'alpine/socat      Run socat command in alpine container           100       ',
      'alpine/curl                                                       12        ',
      'alpine/openssl    openssl                                         10        ',
      'grafana/alpine    Alpine Linux with ca-certificates package in…   7         ',
      'jitesoft/alpine   Alpine Linux.                                   1         ',
      '',
    ].join('\n'),
  );
  assert.match((await $('docker search --no-trunc alp')).out, /only 5 MB in size! {3}11300/);
  assert.equal((await $("docker search --format '{{.Name}}' --limit 2 n")).out, 'nginx\nubuntu\n');
  assert.equal((await $("docker search --format '{{.Name}}' -f stars=15000 -f is-official=true u")).out, 'ubuntu\n');
  assert.equal(
    (await $('docker search --format json httpd')).out,
    '{"Description":"The Apache HTTP Server Project","IsOfficial":"true","Name":"httpd","StarCount":"4900"}\n' +
      '{"Description":"","IsOfficial":"false","Name":"centos/httpd","StarCount":"40"}\n' +
      '{"Description":"","IsOfficial":"false","Name":"paketobuildpacks/httpd","StarCount":"0"}\n' +
      '{"Description":"RapidFort optimized, hardened image for Apac…","IsOfficial":"false","Name":"rapidfort/httpd","StarCount":"10"}\n',
  );
  assert.equal((await $('docker search --limit 101 x')).err, 'Error response from daemon: limit 101 is outside the range of [1, 100]\n');
  assert.equal((await $('docker search -f color=red x')).err, "Error response from daemon: invalid filter 'color'\n");
  assert.equal((await $('docker search -f stars=muchas x')).err, 'Error response from daemon: invalid filter \'stars=muchas\': strconv.Atoi: parsing "muchas": invalid syntax\n');
  await $('docker login -u ana -p x');
  await $('docker pull alpine');
  await $('docker tag alpine ana/alpino');
  await $('docker push ana/alpino');
  assert.equal((await $("docker search --format '{{.Name}} {{.StarCount}} [{{.IsOfficial}}]' alpin")).out, 'alpine 11300 [[OK]]\nalpine/git 250 []\nalpine/socat 100 []\nalpine/curl 12 []\nalpine/openssl 10 []\ngrafana/alpine 7 []\njitesoft/alpine 1 []\nana/alpino 0 []\n');
});

test('push: layers are mounted from the repository the image came from; beyond five uploads they wait', async () => {
  const $ = session();
  await $('docker login -u ana -p x');
  await $('docker pull node');
  await $('docker tag node ana/node');
  const r = (await $('docker push ana/node')).out;
  const layers = (r.match(/: Preparing\n/g) ?? []).length;
  assert.ok(layers > 5);
  assert.equal((r.match(/: Waiting\n/g) ?? []).length, layers - 5);
  assert.equal((r.match(/: Mounted from library\/node\n/g) ?? []).length, layers);
});

test('push --platform: the client notes that only that platform\'s manifest is pushed', async () => {
  const $ = session();
  const r = await $('docker push --platform linux/amd64 ana/x');
  assert.ok(r.out.startsWith('\n Info -> Using --platform pushes only the specified platform manifest of a multi-platform image index.\n         Other components, like attestations, will not be included.\n'));
});

test('completion: push and save offer images, import files, login and search nothing', async () => {
  const sh = createShell({ seed: 1 });
  const io: TermIO = { out: () => {}, err: () => {}, tty: false, sleep: () => Promise.resolve() };
  await sh.run('docker pull alpine', io);
  await sh.run("docker run --name caja alpine true; echo x > archivo.tar", io);
  const c = (line: string) => sh.complete(line, line.length).candidates;
  assert.deepEqual(c('docker push al'), ['alpine', 'alpine:latest']);
  assert.deepEqual(c('docker image save al'), ['alpine', 'alpine:latest']);
  assert.deepEqual(c('docker export ca'), ['caja']);
  assert.deepEqual(c('docker import arch'), ['archivo.tar']);
  assert.deepEqual(c('docker login c'), []);
});
