import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';
import { createShell } from '../../../../src/docker/index';
import { aptSize } from '../../../../src/docker/engine/shell/deb-versions';

test('aptSize rounds as apt does: bytes below 10000, one decimal below 100 of a unit', () => {
  assert.deepEqual([9490, 34_400, 348_000, 3_568_000, 10_560_000, 152_000_000].map(aptSize), ['9490 B', '34.4 kB', '348 kB', '3568 kB', '10.6 MB', '152 MB']);
});

test('apt-get install: every package with its archive version, size and architecture; one dpkg run', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian');
  const u = await runIt(e, 'ubuntu');
  await u.type('apt-get update');
  const out = await u.type('apt-get install -y curl vim');
  assert.doesNotMatch(out, /1\.0-1|ubuntu1 \[/, 'no made-up versions');
  assert.match(out, /The following additional packages will be installed:\n {2}ca-certificates krb5-locales libbrotli1 /, 'sorted, as apt lists them');
  assert.match(out, /\nGet:\d+ http:\/\/archive\.ubuntu\.com\/ubuntu noble-updates\/main amd64 curl amd64 8\.5\.0-2ubuntu10\.6 \[227 kB\]\n/);
  assert.match(out, /\nGet:\d+ http:\/\/archive\.ubuntu\.com\/ubuntu noble\/main amd64 libkeyutils1 amd64 1\.6\.3-3build1 \[9490 B\]\n/);
  assert.match(out, / ca-certificates all 20240203 \[159 kB\]\n/);
  assert.equal(out.match(/\(Reading database \.\.\./g)?.length, 1);
  assert.match(out, /\nSelecting previously unselected package libcurl4t64:amd64\.\nPreparing to unpack \.\.\.\/\d\d-libcurl4t64_8\.5\.0-2ubuntu10\.6_amd64\.deb \.\.\.\nUnpacking libcurl4t64:amd64 /);
  assert.match(out, /Preparing to unpack \.\.\.\/\d\d-vim_2%3a9\.1\.0016-1ubuntu7\.8_amd64\.deb/, 'the epoch is escaped in the file name');
  assert.match(out, /\nSetting up vim \(2:9\.1\.0016-1ubuntu7\.8\) \.\.\.\n/);
  assert.match(await u.type('apt-get install -y tree'), /Preparing to unpack \.\.\.\/tree_2\.1\.1-2ubuntu3_amd64\.deb/, 'a single archive is not numbered');
  const d = await runIt(e, 'debian');
  await d.type('apt-get update');
  const deb = await d.type('apt-get install -y curl');
  assert.match(deb, / libcurl4 libgssapi-krb5-2\s/, "bookworm's names: no t64");
  assert.match(deb, / libssh2-1\s/);
  assert.match(deb, /Get:\d+ http:\/\/deb\.debian\.org\/debian bookworm\/main amd64 curl amd64 7\.88\.1-10\+deb12u12 \[315 kB\]\n/);
});

test('apt update (not apt-get) ends with the upgrade count', async () => {
  const e = engine();
  await pull(e, 'debian');
  const d = await runIt(e, 'debian');
  assert.match(await d.type('apt-get update'), /\(\d+(\.\d)? [kM]B\/s\)\nReading package lists\.\.\. Done\n$/);
  assert.match(await d.type('apt update'), /\nReading package lists\.\.\. Done\nBuilding dependency tree\.\.\. Done\nReading state information\.\.\. Done\nAll packages are up to date\.\n$/);
});

test('python3 --version: the distribution python apt installs, the python image its PYTHON_VERSION', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian', 'python');
  for (const [image, v] of [['ubuntu', '3.12.3'], ['debian', '3.11.2']]) {
    const c = await runIt(e, image);
    await c.type('apt-get update');
    await c.type('apt-get install -y python3');
    assert.equal(await c.type('python3 --version'), `Python ${v}\n`);
  }
  assert.equal(await (await runIt(e, 'python', undefined, ['bash'])).type('python3 --version'), 'Python 3.13.3\n');
});

test('apk add: every package with its 3.21 version, each after what it needs; bash runs its post-install', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await runIt(e, 'alpine');
  const out = await a.type('apk add bash curl');
  assert.doesNotMatch(out, /1\.0-r0/);
  assert.match(out, /\(3\/13\) Installing readline \(8\.2\.13-r0\)\n\(4\/13\) Installing bash \(5\.2\.37-r0\)\nExecuting bash-5\.2\.37-r0\.post-install\n\(5\/13\) Installing brotli-libs \(1\.1\.0-r2\)\n/);
  assert.match(out, /\(13\/13\) Installing curl \(8\.12\.1-r1\)\nExecuting busybox-1\.37\.0-r12\.trigger\nOK: \d+ MiB in 28 packages\n$/);
});

test('apt-get remove lists what goes, asks, and frees the space; purge marks it with *', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { h, type } = await runIt(e, 'ubuntu');
  await type('apt-get update');
  await type('apt-get install -y tree curl');
  assert.match(await type('apt-get remove tree'), /The following packages will be REMOVED:\n {2}tree\n0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded\.\nAfter this operation, \d+ kB disk space will be freed\.\n$/);
  assert.equal(h.prompt(), 'Do you want to continue? [Y/n] ');
  assert.match(await type('y'), /^\(Reading database \.\.\. \d+ files and directories currently installed\.\)\nRemoving tree \(2\.1\.1-2ubuntu3\) \.\.\.\n$/);
  assert.equal(await type('tree'), 'bash: tree: command not found\n');
  assert.match(await type('apt-get remove -y tree'), /Package 'tree' is not installed, so not removed\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded\.\n$/);
  assert.match(await type('apt-get purge -y curl'), /REMOVED:\n {2}curl\*\n/);
  assert.equal(await type('which curl'), '');
});

test('every package apt-get knows, and every dependency, has a version and size on noble and bookworm', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian');
  const all = 'curl wget vim nano iputils-ping git procps net-tools iproute2 tree less htop python3 jq unzip zip sudo openssh-client nginx ca-certificates';
  for (const image of ['ubuntu', 'debian']) {
    const c = await runIt(e, image);
    await c.type('apt-get update');
    const out = await c.type(`apt-get install -y ${all}`);
    assert.match(out, /Setting up curl /);
    for (const line of out.split('\n').filter((l) => l.startsWith('Get:'))) assert.match(line, / (amd64|all) [^ ]*\d[^ ]* \[\d+(\.\d)? k?B\]$/, line);
    assert.doesNotMatch(out, /\(\)|_ ?_/, `${image}: a package without a version`);
  }
});

test('procps comes with the ubuntu image: apt-get has nothing to install', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  await u.type('apt-get update');
  assert.match(await u.type('apt-get install -y procps'), /\nprocps is already the newest version \(2:4\.0\.4-4ubuntu3\.2\)\.\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded\.\n$/);
});

test("apt --version is the apt of the image's release", async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian');
  assert.equal(await (await runIt(e, 'ubuntu')).type('apt --version'), 'apt 2.7.14 (amd64)\n');
  assert.equal(await (await runIt(e, 'debian')).type('apt --version'), 'apt 2.6.1 (amd64)\n');
});

test("libc-bin's ldconfig trigger runs only when libraries were installed", async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  await u.type('apt-get update');
  assert.match(await u.type('apt-get install -y tree'), /\nSetting up tree \(2\.1\.1-2ubuntu3\) \.\.\.\n$/);
  assert.match(await u.type('apt-get install -y jq'), /\nProcessing triggers for libc-bin \(2\.39-0ubuntu8\.4\) \.\.\.\n$/);
});

test('a second apt-get update finds every list current: Hit lines, nothing fetched', async () => {
  const e = engine();
  await pull(e, 'debian');
  const d = await runIt(e, 'debian');
  await d.type('apt-get update');
  assert.equal(await d.type('apt-get update'), 'Hit:1 http://deb.debian.org/debian bookworm InRelease\nHit:2 http://deb.debian.org/debian bookworm-updates InRelease\nHit:3 http://deb.debian.org/debian-security bookworm-security InRelease\nReading package lists... Done\n');
});

test('apk fetches its indexes once (they stay in /var/cache/apk), every time with --no-cache', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('apk add foo'), /^fetch .*\nfetch .*\nERROR: unable to select packages:\n {2}foo \(no such package\):\n {4}required by: world\[foo\]\n$/);
  assert.match(await a.type('apk add tree'), /^\(1\/1\) Installing tree \(2\.2\.1-r0\)\n/);
  assert.match(await a.type('apk add --no-cache jq'), /^fetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.21\/main\/x86_64\/APKINDEX\.tar\.gz\n/);
});

test('older releases fetch their own archive: jammy, focal and bullseye indexes, security suites', async () => {
  const e = engine();
  await pull(e, 'ubuntu:22.04', 'ubuntu:20.04', 'debian:11');
  const j = await (await runIt(e, 'ubuntu:22.04')).type('apt-get update');
  assert.match(j, /^Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu jammy InRelease \[270 kB\]\nGet:2 http:\/\/security\.ubuntu\.com\/ubuntu jammy-security InRelease \[129 kB\]\n/);
  assert.match(j, /\nGet:5 http:\/\/archive\.ubuntu\.com\/ubuntu jammy\/universe amd64 Packages \[17\.5 MB\]\n/);
  assert.match(await (await runIt(e, 'ubuntu:20.04')).type('apt-get update'), /^Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu focal InRelease \[265 kB\]\n/);
  const b = await (await runIt(e, 'debian:11')).type('apt-get update');
  assert.match(b, /^Get:1 http:\/\/deb\.debian\.org\/debian bullseye InRelease \[116 kB\]\n/);
  assert.match(b, /\nGet:3 http:\/\/deb\.debian\.org\/debian-security bullseye-security InRelease \[27\.2 kB\]\n/);
  assert.match(b, /\nGet:4 http:\/\/deb\.debian\.org\/debian bullseye\/main amd64 Packages \[8066 kB\]\n/);
});

test("apt-get install on jammy, focal and bullseye: each release's package names and versions", async () => {
  const e = engine();
  await pull(e, 'ubuntu:22.04', 'ubuntu:20.04', 'debian:11');
  const j = await runIt(e, 'ubuntu:22.04');
  await j.type('apt-get update');
  const jc = await j.type('apt-get install -y curl python3');
  // the Kerberos libraries come with jammy's image; no 64-bit time_t renames before noble
  assert.match(jc, /additional packages will be installed:\n {2}ca-certificates libbrotli1 libcurl4 libexpat1 libldap-2\.5-0 libldap-common\n/);
  assert.doesNotMatch(jc, /t64|krb5|ubuntu24|2\.39-0ubuntu/);
  assert.match(jc, /\nGet:\d+ http:\/\/archive\.ubuntu\.com\/ubuntu jammy-updates\/main amd64 curl amd64 7\.81\.0-1ubuntu1\.20 \[\d+ kB\]\n/);
  assert.match(jc, /\nGet:\d+ http:\/\/archive\.ubuntu\.com\/ubuntu jammy-updates\/main amd64 python3\.10 amd64 3\.10\.12-1~22\.04\.10 /);
  assert.match(jc, /\nProcessing triggers for libc-bin \(2\.35-0ubuntu3\.10\) \.\.\.\n$/);
  assert.equal(await j.type('python3 --version'), 'Python 3.10.12\n');
  // the last source of the table: every one before it is in its place
  assert.equal(await j.type('apt list nginx'), 'Listing... Done\nnginx/jammy-updates,jammy-security 1.18.0-6ubuntu14.6 amd64\n');
  const f = await runIt(e, 'ubuntu:20.04');
  await f.type('apt-get update');
  const fp = await f.type('apt-get install -y python3 git');
  assert.match(fp, / mime-support all 3\.64ubuntu1 \[/);
  assert.match(fp, /\nSetting up python3\.8 \(3\.8\.10-0ubuntu1~20\.04\.18\) \.\.\.\n/);
  assert.match(fp, /\nSetting up git \(1:2\.25\.1-1ubuntu3\.14\) \.\.\.\n/);
  assert.equal(await f.type('git --version'), 'git version 2.25.1\n');
  const b = await runIt(e, 'debian:11');
  await b.type('apt-get update');
  const bc = await b.type('apt-get install -y curl procps');
  assert.match(bc, /\nThe following NEW packages will be installed:\n {2}ca-certificates curl libbrotli1 libcurl4 libldap-2\.4-2 libldap-common\n {2}libnghttp2-14 libprocps8 libpsl5 librtmp1 libsasl2-2 libsasl2-modules\n {2}libsasl2-modules-db libssh2-1 openssl procps psmisc publicsuffix\n/);
  assert.match(bc, /\nGet:2 http:\/\/deb\.debian\.org\/debian bullseye\/main amd64 curl amd64 7\.74\.0-1\.3\+deb11u14 \[\d+ kB\]\n/);
  assert.match(bc, /\nProcessing triggers for libc-bin \(2\.31-13\+deb11u13\) \.\.\.\n$/);
  assert.equal(await b.type('python3 --version'), 'bash: python3: command not found\n');
  assert.equal(await b.type('apt list nginx openssh-client'), 'Listing... Done\nnginx/oldstable 1.18.0-6.1+deb11u3 amd64\nopenssh-client/oldstable 1:8.4p1-5+deb11u3 amd64\n');
});

test('every package apt-get knows has a version and size of its own on jammy, focal and bullseye', async () => {
  const e = engine();
  await pull(e, 'ubuntu:22.04', 'ubuntu:20.04', 'debian:11');
  const all = 'curl wget vim nano iputils-ping git procps net-tools iproute2 tree less htop python3 jq unzip zip sudo openssh-client nginx ca-certificates';
  for (const image of ['ubuntu:22.04', 'ubuntu:20.04', 'debian:11']) {
    const c = await runIt(e, image);
    await c.type('apt-get update');
    const out = await c.type(`apt-get install -y ${all}`);
    for (const line of out.split('\n').filter((l) => l.startsWith('Get:'))) assert.match(line, / (amd64|all) [^ ]*\d[^ ]* \[\d+(\.\d)? k?B\]$/, line);
    assert.doesNotMatch(out, /\(\)|_ ?_|ubuntu24|deb12u|t64|3\.12|libproc2/, `${image}: a version or name of noble or bookworm`);
  }
});

test('apt list: the suites and version of each package, installed by hand or automatically', async () => {
  const e = engine();
  await pull(e, 'ubuntu:22.04', 'debian:11');
  const j = await runIt(e, 'ubuntu:22.04');
  assert.equal(await j.type('apt list curl'), 'Listing... Done\n', 'no lists yet: nothing known');
  await j.type('apt-get update');
  await j.type('apt-get install -y curl');
  assert.equal(await j.type('apt list curl libcurl* zip'), 'Listing... Done\ncurl/jammy-updates,jammy-security,now 7.81.0-1ubuntu1.20 amd64 [installed]\nlibcurl3-gnutls/jammy-updates,jammy-security 7.81.0-1ubuntu1.20 amd64\nlibcurl4/jammy-updates,jammy-security,now 7.81.0-1ubuntu1.20 amd64 [installed,automatic]\nzip/jammy 3.0-12build2 amd64\n');
  const installed = await j.type('apt list --installed');
  assert.match(installed, /\npublicsuffix\/jammy,now 20211207\.1025-1 all \[installed,automatic\]\n/);
  assert.doesNotMatch(installed, /\nzip\//);
  // the image's own packages come first: apt lists everything dpkg has installed
  assert.equal(await j.type('apt list --installed 2>/dev/null | head -2'), 'Listing...\nadduser/jammy,now 3.118ubuntu5 all [installed]\n');
  assert.equal(await j.type('apt list --installed 2>/dev/null | grep ^ca-'), 'ca-certificates/jammy-updates,jammy-security,now 20240203~22.04.1 all [installed,automatic]\n');
  assert.equal(await j.type('apt-get list'), 'E: Invalid operation list\n');
  const b = await runIt(e, 'debian:11');
  await b.type('apt-get update');
  await b.type('apt-get install -y tree');
  assert.equal(await b.type('apt list tree'), 'Listing... Done\ntree/oldstable,now 1.8.0-1+b1 amd64 [installed]\n');
});

test("apt's progress lines: ... Done on a terminal (focal's apt pads its tree line), bare without one", async () => {
  const sh = createShell({ seed: 4 });
  let text = '';
  const io = { out: (t: string) => void (text += t), err: (t: string) => void (text += t), tty: true, columns: 80, sleep: async () => {} };
  await sh.run('docker run --rm ubuntu:22.04 sh -c "apt-get update >/dev/null; apt-get install -y tree; apt-get upgrade"', io);
  assert.match(text, /\nReading package lists\.\.\.\nBuilding dependency tree\.\.\.\nReading state information\.\.\.\nThe following NEW packages/);
  assert.match(text, /\nCalculating upgrade\.\.\.\n0 upgraded/);
  const e = engine();
  await pull(e, 'ubuntu:20.04');
  const f = await runIt(e, 'ubuntu:20.04');
  assert.equal(await f.type('apt-get install tree'), 'Reading package lists... Done\nBuilding dependency tree       \nReading state information... Done\nE: Unable to locate package tree\n');
});

test("curl -V prints the version block of the release's own curl (Debian 12, Alpine)", async () => {
  const e = engine();
  await pull(e, 'debian', 'alpine');
  const d = await runIt(e, 'debian');
  await d.type('apt-get update');
  await d.type('apt-get install -y curl');
  assert.match(await d.type('curl -V'), /^curl 7\.88\.1 \(x86_64-pc-linux-gnu\) libcurl\/7\.88\.1 OpenSSL\/3\.0\.16 .* libssh2\/1\.10\.0 .*\nRelease-Date: 2023-02-20, security patched: 7\.88\.1-10\+deb12u12\nProtocols: .*\nFeatures: .*\n$/);
  const a = await runIt(e, 'alpine');
  await a.type('apk add curl');
  assert.match(await a.type('curl --version'), /^curl 8\.12\.1 \(x86_64-alpine-linux-musl\) libcurl\/8\.12\.1 .* c-ares\/1\.34\.5 .*\nRelease-Date: 2025-02-13\nProtocols: .* ws wss\nFeatures: .*\n$/);
});

test('/var/lib/dpkg/status lists the base system and what apt-get installs; dpkg -l, -s and -L read it', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian');
  const u = await runIt(e, 'ubuntu');
  assert.match(await u.type('head -7 /var/lib/dpkg/status'), /^Package: apt\nStatus: install ok installed\nPriority: important\nArchitecture: amd64\nVersion: 2\.7\.14build2\nDescription: commandline package manager\n\n$/);
  const list = await u.type('dpkg -l');
  assert.match(list, /^Desired=Unknown\/Install\/Remove\/Purge\/Hold\n\| Status=Not\/Inst\/Conf-files\/Unpacked\/halF-conf\/Half-inst\/trig-aWait\/Trig-pend\n\|\/ Err\?=\(none\)\/Reinst-required \(Status,Err: uppercase=bad\)\n\|\|\/ Name {2,}Version {2,}Architecture Description\n\+\+\+-=+-=+-============-=+\n/);
  assert.match(list, /\nii {2}bash +5\.2\.21-2ubuntu4 +amd64 +GNU Bourne Again SHell\n/);
  assert.match(list, /\nii {2}libc6:amd64 +2\.39-0ubuntu8\.4 +amd64 +GNU C Library: Shared libraries\n/);
  assert.equal(await u.type('dpkg -l bash'), 'Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n||/ Name           Version         Architecture Description\n+++-==============-===============-============-=================================\nii  bash           5.2.21-2ubuntu4 amd64        GNU Bourne Again SHell\n');
  assert.equal(await u.type('dpkg -l nope; echo $?'), 'dpkg-query: no packages found matching nope\n1\n');
  assert.equal(await u.type('dpkg -s curl; echo $?'), "dpkg-query: package 'curl' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n1\n");
  await u.type('apt-get update');
  await u.type('apt-get install -y curl');
  assert.equal(await u.type('dpkg -s curl'), 'Package: curl\nStatus: install ok installed\nPriority: optional\nArchitecture: amd64\nVersion: 8.5.0-2ubuntu10.6\nDescription: command line tool for transferring data with URL syntax\n');
  assert.match(await u.type('dpkg -l libcurl4t64'), /\nii {2}libcurl4t64:amd64 8\.5\.0-2ubuntu10\.6 amd64 /);
  assert.equal(await u.type('dpkg -L curl | head -2'), '/.\n/usr/bin/curl\n');
  await u.type('apt-get remove -y curl');
  assert.equal(await u.type('dpkg -s curl 2>&1 | head -1'), "dpkg-query: package 'curl' is not installed and no information is available\n");
  assert.equal(await u.type('dpkg --print-architecture'), 'amd64\n');
  assert.equal(await u.type('dpkg -L; echo $?'), 'dpkg-query: error: --listfiles needs at least one package name argument\n\nUse --help for help about querying packages.\n2\n');
  assert.match(await u.type('dpkg; echo $?'), /^dpkg: error: need an action option\n\nType dpkg --help[^]*\n2\n$/);
  const d = await runIt(e, 'debian');
  assert.match(await d.type('dpkg -l'), /\nii {2}bash +5\.2\.15-2\+b8 +amd64 +GNU Bourne Again SHell\n[^]*\nii {2}usr-is-merged +37~deb12u1 +all /);
});

test('apt-get -qq says nothing of its own (dpkg still does) and implies -y; -q drops only the progress; -y before the operation counts', async () => {
  const { session } = await import('../client/session');
  const run = session();
  const r = await run('docker run --rm ubuntu sh -c "apt-get -qq update; echo ---; apt-get -qq install tree"');
  assert.match(r.out, /^---\ndebconf: delaying package configuration, since apt-utils is not installed\nSelecting previously unselected package tree\.\n/);
  assert.match(r.out, /\nSetting up tree \(2\.1\.1-2ubuntu3\) \.\.\.\n$/);
  const q = await run('docker run --rm ubuntu sh -c "apt-get -q update | tail -1; apt-get -y -q install tree | head -1"');
  assert.equal(q.out, 'Reading package lists...\nReading package lists...\n');
});

test("node:14 is buster, which Debian archived: its sources.list's mirrors answer 404, apt-get update fails with 100 and nothing installs", async () => {
  const e = engine();
  await pull(e, 'node:14');
  const n = await runIt(e, 'node:14', undefined, ['bash']);
  assert.equal(await n.type('grep ^deb /etc/apt/sources.list'), 'deb http://deb.debian.org/debian buster main\ndeb http://deb.debian.org/debian-security buster/updates main\ndeb http://deb.debian.org/debian buster-updates main\n');
  const repos = ['debian buster', 'debian-security buster/updates', 'debian buster-updates'].map((r) => 'http://deb.debian.org/' + r);
  const note = "N: Updating from such a repository can't be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.\n";
  assert.equal(await n.type('apt-get update; echo $?'), repos.map((r, i) => `Ign:${i + 1} ${r} InRelease\n`).join('') + repos.map((r, i) => `Err:${i + 4} ${r} Release\n  404  Not Found [IP: 151.101.2.132 80]\n`).join('')
    + 'Reading package lists... Done\n' + repos.map((r) => `E: The repository '${r} Release' does not have a Release file.\n${note}`).join('') + '100\n');
  // buster's apt 1.8 pads its dependency tree line, as focal's 2.0
  assert.equal(await n.type('apt-get install -y curl; echo $?'), 'Reading package lists... Done\nBuilding dependency tree       \nReading state information... Done\nE: Unable to locate package curl\n100\n');
  // without a terminal apt runs as with -q: no notices
  const q = await n.type('apt-get update 2>&1 | tail -4');
  assert.equal(q, "Reading package lists...\nE: The repository 'http://deb.debian.org/debian buster Release' does not have a Release file.\nE: The repository 'http://deb.debian.org/debian-security buster/updates Release' does not have a Release file.\nE: The repository 'http://deb.debian.org/debian buster-updates Release' does not have a Release file.\n");
});

test('buster pointed at archive.debian.org updates and installs from there, its security suite buster/updates', async () => {
  const e = engine();
  await pull(e, 'node:14');
  const n = await runIt(e, 'node:14', undefined, ['bash']);
  await n.type("sed -i 's/deb.debian.org/archive.debian.org/' /etc/apt/sources.list");
  const u = await n.type('apt-get update');
  assert.match(u, /^Get:1 http:\/\/archive\.debian\.org\/debian buster InRelease \[122 kB\]\nGet:2 http:\/\/archive\.debian\.org\/debian-security buster\/updates InRelease \[34\.8 kB\]\nGet:3 http:\/\/archive\.debian\.org\/debian buster-updates InRelease /);
  assert.match(u, /\nGet:5 http:\/\/archive\.debian\.org\/debian-security buster\/updates\/main amd64 Packages \[613 kB\]\n/);
  assert.match(await n.type('ls /var/lib/apt/lists'), /^archive\.debian\.org_debian-security_dists_buster_updates_InRelease\n/);
  assert.match(await n.type('apt-get install -y tree'), /\nGet:1 http:\/\/archive\.debian\.org\/debian buster\/main amd64 tree amd64 /);
});

test("buster from archive.debian.org installs buster's last versions and names, its LTS fixes from buster/updates", async () => {
  const e = engine();
  await pull(e, 'node:14');
  const n = await runIt(e, 'node:14', undefined, ['bash']);
  await n.type("sed -i 's/deb.debian.org/archive.debian.org/' /etc/apt/sources.list");
  await n.type('apt-get update');
  const out = await n.type('apt-get install -y curl vim git python3 procps');
  assert.doesNotMatch(out, /deb12u|bookworm|3\.11|libbrotli1|libreadline8|libprocps8|media-types|krb5/, 'nothing of bookworm');
  assert.match(out, /\nGet:\d+ http:\/\/archive\.debian\.org\/debian-security buster\/updates\/main amd64 curl amd64 7\.64\.0-4\+deb10u9 \[315 kB\]\n/);
  assert.match(out, /\nGet:\d+ http:\/\/archive\.debian\.org\/debian-security buster\/updates\/main amd64 vim amd64 2:8\.1\.0875-5\+deb10u6 \[1280 kB\]\n/);
  assert.match(out, /\nGet:\d+ http:\/\/archive\.debian\.org\/debian buster\/main amd64 python3 amd64 3\.7\.3-1 \[/);
  assert.match(out, /\nGet:\d+ http:\/\/archive\.debian\.org\/debian buster\/main amd64 libreadline7 amd64 7\.0-5 \[/);
  assert.match(out, / libprocps7 .* mime-support /s);
  assert.match(out, /\nSetting up git \(1:2\.20\.1-2\+deb10u9\) \.\.\.\n/);
  assert.match(out, /\nSetting up python3\.7 \(3\.7\.3-2\+deb10u7\) \.\.\.\n/);
  assert.match(out, /\nProcessing triggers for libc-bin \(2\.28-10\+deb10u2\) \.\.\.\n$/);
  assert.equal(await n.type('python3 --version; git --version'), 'Python 3.7.3\ngit version 2.20.1\n');
  assert.equal(await n.type('apt list curl nginx 2>/dev/null'), 'Listing... Done\ncurl/oldoldstable,now 7.64.0-4+deb10u9 amd64 [installed]\nnginx/oldoldstable 1.14.2-2+deb10u5 amd64\n');
  // the last source of the table: every one before it is in its place
  assert.match(await n.type('apt list libprotobuf-c1 2>/dev/null'), /\nlibprotobuf-c1\/oldoldstable 1\.3\.1-1\+b1 amd64\n$/);
});

test('dnsutils on jammy, focal and bullseye: BIND of each release, not noble\'s', async () => {
  const e = engine();
  await pull(e, 'ubuntu:22.04', 'ubuntu:20.04', 'debian:11');
  for (const [image, bind, xml] of [['ubuntu:22.04', '1:9.18.30-0ubuntu0.22.04.2', '2.9.13+dfsg-1ubuntu0.7'], ['ubuntu:20.04', '1:9.16.48-0ubuntu0.20.04.1', '2.9.10+dfsg-5ubuntu0.20.04.9'], ['debian:11', '1:9.16.50-1~deb11u5', '2.9.10+dfsg-6.7+deb11u7']]) {
    const c = await runIt(e, image);
    await c.type('apt-get update');
    const out = await c.type('apt-get install -y dnsutils');
    assert.ok(out.includes(`\nSetting up dnsutils (${bind}) ...\n`), image);
    assert.ok(out.includes(`\nSetting up libxml2:amd64 (${xml}) ...\n`), image);
    assert.doesNotMatch(out, /24\.04|deb12u|t64/, image);
    // BIND 9.16 (focal, bullseye) was built without jemalloc
    assert.equal(out.includes('libjemalloc2'), image === 'ubuntu:22.04', image);
  }
});

test("ubuntu:22.04, ubuntu:20.04 and debian:11 list their own base system: dpkg -l and -s answer with each release's versions", async () => {
  const e = engine();
  await pull(e, 'ubuntu:22.04', 'ubuntu:20.04', 'debian:11');
  const j = await runIt(e, 'ubuntu:22.04');
  assert.equal(await j.type('dpkg -l | grep -c ^ii'), '101\n');
  assert.match(await j.type('dpkg -s bash'), /^Package: bash\nStatus: install ok installed\nPriority: required\nArchitecture: amd64\nVersion: 5\.1-6ubuntu1\.1\n/);
  assert.match(await j.type('dpkg -l libc6 libssl3 usrmerge'), /\nii {2}libc6:amd64 +2\.35-0ubuntu3\.10 +amd64 .*\nii {2}libssl3:amd64 +3\.0\.2-0ubuntu1\.19 +amd64 .*\nii {2}usrmerge +25ubuntu2 +all /);
  const f = await runIt(e, 'ubuntu:20.04');
  assert.equal(await f.type('dpkg -l | grep -c ^ii'), '92\n');
  assert.match(await f.type('dpkg -l libnettle7 lsb-base'), /\nii {2}libnettle7:amd64 +3\.5\.1\+really3\.5\.1-2ubuntu0\.2 +amd64 .*\nii {2}lsb-base +11\.1\.0ubuntu2 +all /);
  assert.equal(await f.type("dpkg -s libc-bin | sed -n 's/^Version: //p'"), '2.31-0ubuntu9.18\n');
  const b = await runIt(e, 'debian:11');
  assert.equal(await b.type('dpkg -l | grep -c ^ii'), '97\n');
  assert.match(await b.type('dpkg -l bash libssl1.1 tzdata'), /\nii {2}bash +5\.1-2\+deb11u1 +amd64 .*\nii {2}libssl1\.1:amd64 +1\.1\.1w-0\+deb11u3 +amd64 .*\nii {2}tzdata +2025b-0\+deb11u1 +all /);
  // apt-get's packages join the list with the release's versions
  await b.type('apt-get update');
  await b.type('apt-get install -y tree');
  assert.match(await b.type('dpkg -l tree'), /\nii {2}tree +1\.8\.0-1\+b1 +amd64 /);
});

test("apt list --installed: the image's base packages too, [installed,local] until apt-get update fetches the lists", async () => {
  const e = engine();
  await pull(e, 'ubuntu:22.04', 'debian:11');
  const j = await runIt(e, 'ubuntu:22.04');
  const before = await j.type('apt list --installed 2>/dev/null');
  assert.match(before, /^Listing\.\.\. Done\nadduser\/now 3\.118ubuntu5 all \[installed,local\]\napt\/now 2\.4\.14 amd64 \[installed,local\]\n/);
  assert.equal(before.split('\n').length - 2, 101);
  assert.equal(await j.type('apt list bash 2>/dev/null'), 'Listing... Done\nbash/now 5.1-6ubuntu1.1 amd64 [installed,local]\n');
  await j.type('apt-get update');
  assert.equal(await j.type('apt list bash libc6 2>/dev/null'), 'Listing... Done\nbash/jammy-updates,jammy-security,now 5.1-6ubuntu1.1 amd64 [installed]\nlibc6/jammy-updates,jammy-security,now 2.35-0ubuntu3.10 amd64 [installed]\n');
  const b = await runIt(e, 'debian:11');
  await b.type('apt-get update');
  assert.equal(await b.type('apt list --installed zlib1g tzdata 2>/dev/null'), 'Listing... Done\ntzdata/oldstable,now 2025b-0+deb11u1 all [installed]\nzlib1g/oldstable,now 1:1.2.11.dfsg-2+deb11u2 amd64 [installed]\n');
});

test("curl on ubuntu:20.04 pulls in the Kerberos libraries its image lacks, at focal's versions", async () => {
  const e = engine();
  await pull(e, 'ubuntu:20.04');
  const f = await runIt(e, 'ubuntu:20.04');
  await f.type('apt-get update');
  const out = await f.type('apt-get install -y curl');
  assert.match(out, /\nThe following additional packages will be installed:\n {2}ca-certificates krb5-locales libbrotli1 libcurl4 libgssapi-krb5-2\n/);
  assert.match(out, /\nSetting up libkrb5-3:amd64 \(1\.17-6ubuntu4\.9\) \.\.\.\n/);
  assert.match(out, /\nSetting up krb5-locales \(1\.17-6ubuntu4\.9\) \.\.\.\n/);
});
