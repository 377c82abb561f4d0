import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';

test('tar on the host lists docker save (the OCI layout) and docker export archives, from a file or a pipe', async () => {
  const run = session();
  await run('docker pull alpine');
  await run('docker save alpine -o a.tar');
  const id = (await run('docker images -q --no-trunc alpine')).out.trim().slice(7);
  const list = (await run('tar -tf a.tar')).out.split('\n');
  assert.deepEqual(list.slice(0, 2), ['blobs/', 'blobs/sha256/']);
  assert.ok(list.includes('blobs/sha256/' + id), 'the config blob is named by the image ID');
  assert.deepEqual(list.slice(-5), ['index.json', 'manifest.json', 'oci-layout', 'repositories', '']);
  assert.equal((await run('docker save alpine | tar -t | wc -l')).out, '9\n');
  assert.match((await run('tar -tvf a.tar oci-layout')).out, /^-rw-r--r-- 0\/0 {14}31 2025-02-14 03:28 oci-layout\n$/);
  await run("docker run --name caja alpine sh -c 'echo hola > /hola'");
  assert.equal((await run('docker export caja | tar -t | head -3')).out, '.dockerenv\nbin/\nbin/arch\n');
  assert.match((await run('docker export caja | tar -tv | grep -E " (hola|proc/)$"')).out, /^-rw-r--r-- 0\/0 {15}5 \d{4}-\d\d-\d\d \d\d:\d\d hola\ndr-xr-xr-x 0\/0 {15}0 .* proc\/\n$/);
});

test('GNU tar on the host: create, list with owners, extract, gzip, and the errors with exit status 2', async () => {
  const run = session();
  await run('echo hola > x.txt; mkdir d; echo b > d/b');
  assert.deepEqual(await run('tar -cvf mio.tar x.txt d'), { out: 'x.txt\nd/\nd/b\n', err: '', exit: 0 });
  assert.match((await run('ls -l mio.tar')).out, / 10240 /);
  assert.match((await run('tar -tvf mio.tar')).out, /^-rw-r--r-- alumno\/alumno     5 \d{4}-\d\d-\d\d \d\d:\d\d x.txt\ndrwxr-xr-x alumno\/alumno     0 .* d\/\n/);
  assert.deepEqual(await run('mkdir out; tar -xf mio.tar -C out d/b; cat out/d/b'), { out: 'b\n', err: '', exit: 0 });
  await run('tar czf mio.tgz x.txt');
  assert.equal((await run('tar -tzf mio.tgz')).out, 'x.txt\n');
  const errs: [string, string][] = [
    ['tar', "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n"],
    ['tar -ctf a b', "tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option\nTry 'tar --help' or 'tar --usage' for more information.\n"],
    ['tar -cf e.tar', "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n"],
    ['tar -cf e.tar nope', 'tar: nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n'],
    ['tar -tf nope.tar', 'tar: nope.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n'],
    ['tar -tf x.txt', 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n'],
    ['tar -tzf mio.tar', 'gzip: stdin: not in gzip format\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n'],
    ['cat mio.tgz | tar -t', 'tar: Archive is compressed. Use -z option\ntar: Error is not recoverable: exiting now\n'],
    ['tar -tf mio.tar nada', 'tar: nada: Not found in archive\ntar: Exiting with failure status due to previous errors\n'],
    ['tar -cf nodir/x.tar x.txt', 'tar: nodir/x.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n'],
    ['tar --nope', "tar: unrecognized option '--nope'\nTry 'tar --help' or 'tar --usage' for more information.\n"],
  ];
  for (const [line, err] of errs) assert.deepEqual(await run(line), { out: '', err, exit: 2 }, line);
  assert.deepEqual(await run('tar -cf d/self.tar d; tar -tf d/self.tar'), { out: 'd/\nd/b\n', err: 'tar: d/self.tar: file is the archive; not dumped\n', exit: 0 });
  assert.match((await run('tar --help')).out, /^Usage: tar \[OPTION\.\.\.\] \[FILE\]\.\.\.\nGNU 'tar' saves/);
  assert.deepEqual(await run('tar -c d', { tty: true }), { out: '', err: 'tar: Refusing to write archive contents to terminal (missing -f option?)\ntar: Error is not recoverable: exiting now\n', exit: 2 });
});

test('busybox tar in alpine: its listing (seconds, %9u sizes) and its messages', async () => {
  const run = session();
  await run('docker pull alpine');
  const r = await run(`docker run --rm alpine sh -c 'tar -czf /tmp/e.tgz /etc/motd; tar -tzvf /tmp/e.tgz; tar -tf /tmp/no.tar; echo $?; tar -xf /tmp/e.tgz -C /nope; echo $?'`);
  assert.match(r.out, /^-rw-r--r-- root\/root       283 2025-02-14 03:28:36 etc\/motd\n1\n1\n$/);
  assert.equal(r.err, "tar: removing leading '/' from member names\ntar: can't open '/tmp/no.tar': No such file or directory\ntar: can't change directory to '/nope': No such file or directory\n");
});

test("tar --version names the release of the machine's /etc/os-release: Ubuntu's 1.35 on the host and in ubuntu, Debian's 1.34", async () => {
  const run = session();
  assert.match((await run('tar --version')).out, /^tar \(GNU tar\) 1\.35\nCopyright \(C\) 2023 /);
  assert.match((await run('docker run --rm ubuntu tar --version')).out, /^tar \(GNU tar\) 1\.35\n/);
  assert.match((await run('docker run --rm debian tar --version')).out, /^tar \(GNU tar\) 1\.34\nCopyright \(C\) 2021 /);
});
