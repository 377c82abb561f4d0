// The distributions under the images: each one's bash (version, prompt), package manager and coreutils.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import type { TermIO } from '../../../../src/docker/shell';

async function session() {
  const sh = createShell({ seed: 5 });
  const run = async (line: string) => {
    let s = '';
    const t: TermIO = { out: (x) => void (s += x), err: (x) => void (s += x), tty: true, columns: 80, sleep: async () => {} };
    await sh.run(line, t);
    return s;
  };
  return { sh, run };
}

test('bash in the Oracle Linux slim images of mysql has no bashrc: its own prompt \\s-\\v\\$ (bash-5.1#, bash-4.2#)', async () => {
  const { sh, run } = await session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql:8');
  await run('docker exec -it db bash');
  assert.equal(sh.prompt(), 'bash-5.1# ');
  assert.equal(await run('echo "$PS1"'), '\\s-\\v\\$ \n');
  await run('cd /tmp');
  assert.equal(sh.prompt(), 'bash-5.1# ');
  await run('exit');
  await run('docker run -d --name old -e MYSQL_ROOT_PASSWORD=x mysql:5.7');
  await run('docker exec -it old bash');
  assert.equal(sh.prompt(), 'bash-4.2# ');
  await run('exit');
  await run('docker run -it --rm debian bash');
  assert.match(sh.prompt(), /^root@\w{12}:\/# $/);
});

test("bash's version follows the distribution, Red Hat's builds with their own build number and triplet", async () => {
  const { run } = await session();
  const want: Record<string, string> = {
    'mysql:8': '5.1.8(1)', 'mysql:5.7': '4.2.46(2)', 'ubuntu:18.04': '4.4.20(1)', 'debian:bullseye': '5.1.4(1)',
    'debian:bookworm': '5.2.15(1)', 'ubuntu:24.04': '5.2.21(1)', 'ubuntu:22.04': '5.1.16(1)', 'ubuntu:20.04': '5.0.17(1)',
  };
  for (const [image, v] of Object.entries(want)) {
    assert.equal(await run(`docker run --rm --entrypoint bash ${image} -c 'echo $BASH_VERSION'`).then((o) => o.split('\n').at(-2)), v + '-release', image);
  }
  assert.match(await run("docker run --rm --entrypoint bash mysql:5.7 --version"), /^GNU bash, version 4\.2\.46\(2\)-release \(x86_64-redhat-linux-gnu\)\nCopyright \(C\) 2011 /);
  assert.match(await run("docker run --rm --entrypoint bash ubuntu:18.04 --version"), /GNU bash, version 4\.4\.20\(1\)-release \(x86_64-pc-linux-gnu\)\nCopyright \(C\) 2016 /);
  // Alpine's is the bash apk installed, built against musl
  await run("docker pull -q alpine");
  assert.match(await run("docker run --rm alpine sh -c 'apk add -q bash && bash --version && bash -c \"echo \\$BASH_VERSION\"'"), /^GNU bash, version 5\.2\.37\(1\)-release \(x86_64-alpine-linux-musl\)\n[^]*\n5\.2\.37\(1\)-release\n$/);
});

test("coreutils' --version names the program and the release's coreutils; busybox's ls does not know the option", async () => {
  const { run } = await session();
  for (const p of ['ls', 'cat', 'mkdir']) {
    assert.equal(await run(`docker run --rm debian ${p} --version`).then((o) => o.slice(o.indexOf(p + ' ('))), `${p} (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`);
  }
  assert.match(await run('docker run --rm ubuntu:22.04 ls --version'), /ls \(GNU coreutils\) 8\.32\n/);
  assert.match(await run('docker run --rm debian ls --help'), /^Usage: ls \[OPTION\]\.\.\. \[FILE\]\.\.\.\n/m);
  const bb = await run('docker run --rm alpine ls --version; echo "[$?]"');
  assert.match(bb, /ls: unrecognized option: version\nBusyBox v1\.37\.0 \([^)]+\) multi-call binary\.\n\nUsage: ls \[-1AaCxdLHRFplinshrSXvctu\] \[-w WIDTH\] \[FILE\]\.\.\.\n\nList directory contents\n\n\t-1\tOne column output\n/);
  assert.match(bb, /\t-F\tAppend indicator \(one of \*\/=@\|\) to names\n/);
});

test("busybox's ls: --help alone shows its usage (status 0); any long option but its three is refused with the usage", async () => {
  const { run } = await session();
  await run('docker pull -q alpine');
  const out = await run(`docker run --rm alpine sh -c 'ls --help; echo "[$?]"; ls --all /; echo "[$?]"; ls --color=never --full-time -d /; ls -- --x'`);
  assert.match(out, /^BusyBox v1\.37\.0 \([^)]+\) multi-call binary\.\n\nUsage: ls [^]*\n\[0\]\nls: unrecognized option: all\nBusyBox v1\.37\.0[^]*\n\[1\]\n/);
  assert.match(out, /\[1\]\n\/\nls: --x: No such file or directory\n$/);
});

test('microdnf (Oracle Linux 9) and yum (7) install the few packages they know, whose programs then run; unknown ones are refused', async () => {
  const { run } = await session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql:8');
  assert.match(await run('docker exec db ps'), /exec: "ps": executable file not found in \$PATH/);
  const out = await run('docker exec db microdnf install -y procps');
  assert.match(out, /^Downloading metadata\.\.\.\n(.|\n)*Installing:\n procps-ng-3\.3\.17-14\.el9\.x86_64 +ol9_baseos_latest +356\.0 kB\nTransaction Summary:\n Installing: +1 packages\n(.|\n)*\nInstalling: procps-ng;3\.3\.17-14\.el9;x86_64;ol9_baseos_latest\nComplete\.\n$/m);
  assert.match(await run('docker exec db ps'), /PID TTY +TIME CMD\n/);
  assert.match(await run('docker exec db microdnf install -y procps'), /Nothing to do\.\n$/);
  assert.match(await run('docker exec db microdnf install -y nope; echo "[$?]"'), /error: No package matches 'nope'\n\[1\]\n$/);
  await run('docker run -d --name old -e MYSQL_ROOT_PASSWORD=x mysql:5.7');
  assert.match(await run('docker exec old yum install -y nope; echo "[$?]"'), /Loaded plugins: ovl\nNo package nope available\.\nError: Nothing to do\n\[1\]\n$/);
  const y = await run('docker exec old yum install -y net-tools');
  assert.match(y, /---> Package net-tools\.x86_64 0:2\.0-0\.25\.20131004git\.el7 will be installed\n(.|\n)*Install  1 Package\n(.|\n)*Installed:\n  net-tools\.x86_64 0:2\.0-0\.25\.20131004git\.el7\n\nComplete!\n$/);
  assert.match(await run('docker exec old ls /usr/sbin/ifconfig /usr/sbin/netstat'), /^\/usr\/sbin\/ifconfig\n\/usr\/sbin\/netstat\n$/);
  assert.match(await run('docker exec old ifconfig'), /eth0/);
});

test("ubuntu:18.04 has bionic's base packages and installs bionic's versions", async () => {
  const { run } = await session();
  await run('docker run -it --name bio ubuntu:18.04 bash');
  const l = await run('dpkg -l');
  assert.match(l, /\nii  bash +4\.4\.18-2ubuntu1\.3 +amd64 /);
  assert.match(l, /\nii  libapt-pkg5\.0:amd64 +1\.6\.17 /);
  assert.equal(l.split('\n').length, 95);
  await run('apt-get update');
  const out = await run('apt-get install -y curl procps');
  assert.match(out, /Get:\d+ http:\/\/archive\.ubuntu\.com\/ubuntu bionic-updates\/main amd64 curl amd64 7\.58\.0-2ubuntu3\.24 \[/);
  assert.match(out, /libcurl4 /);
  assert.doesNotMatch(out, /libssh-4|libbrotli1/);
  assert.match(await run('dpkg -s curl'), /Version: 7\.58\.0-2ubuntu3\.24\n/);
});

test("busybox applets refuse options they lack as musl's getopt words it, then their usage, status 1", async () => {
  const { run } = await session();
  await run('docker pull -q alpine');
  const out = await run(`docker run --rm alpine sh -c 'cat --version; echo "[$?]"; cat -z /x; echo "[$?]"; mkdir --foo x; echo "[$?]"; head --bar; echo "[$?]"; mkdir -m; echo "[$?]"; mkdir -p --parents a/b && head -1 /etc/hostname >/dev/null; echo "[$?]"; cat --help >/dev/null 2>&1; echo "[$?]"'`);
  assert.match(out, /^cat: unrecognized option: version\nBusyBox v1\.37\.0 \([^)]+\) multi-call binary\.\n\nUsage: cat \[-nbvteA\] \[FILE\]\.\.\.\n\nPrint FILEs to stdout\n\n\t-n\tNumber output lines\n[^]*\t-A\tSame as -vte\n\[1\]\ncat: unrecognized option: z\nBusyBox[^]*?\[1\]\n/);
  assert.match(out, /\nmkdir: unrecognized option: foo\nBusyBox v1\.37\.0 \([^)]+\) multi-call binary\.\n\nUsage: mkdir \[-m MODE\] \[-p\] DIRECTORY\.\.\.\n\[1\]\nhead: unrecognized option: -\nBusyBox[^]*\nUsage: head \[OPTIONS\] \[FILE\]\.\.\.\n\nPrint first 10 lines[^]*?\[1\]\nmkdir: option requires an argument: m\nBusyBox[^]*?\[1\]\n\[0\]\n\[0\]\n$/);
});

test("busybox's cp, rm, touch and sort refuse what they lack: musl's words on Alpine, glibc's in the busybox image", async () => {
  const { run } = await session();
  await run('docker pull -q alpine');
  await run('docker pull -q busybox');
  const alpine = await run(`docker run --rm alpine sh -c 'cp --x a b; echo "[$?]"; rm -z f; echo "[$?]"; touch --nope f; echo "[$?]"; sort -y; echo "[$?]"; cp --verb /etc/hostname h && touch -c --no-cr h; echo "[$?]"; ls h'`);
  assert.match(alpine, /^cp: unrecognized option: x\nBusyBox v1\.37\.0 \([^)]+\) multi-call binary\.\n\nUsage: cp \[-arPLHpfinlsTu\] SOURCE DEST\nor: cp \[-arPLHpfinlsu\] SOURCE\.\.\. \{ -t DIRECTORY \| DIRECTORY \}\n\nCopy SOURCEs to DEST\n\n\t-a\tSame as -dpR\n[^]*\t-u\tCopy only newer files\n\[1\]\nrm: unrecognized option: z\nBusyBox[^]*\nUsage: rm \[-irf\] FILE\.\.\.\n\nRemove \(unlink\) FILEs\n[^]*\t-R,-r\tRecurse\n\[1\]\ntouch: unrecognized option: nope\nBusyBox[^]*\nUsage: touch \[-cham\][^]*\t-r FILE\tUse FILE's date\/time\n\[1\]\nsort: unrecognized option: y\nBusyBox[^]*\nUsage: sort \[-nrughMcszbdfiokt\][^]*\t-z\tNUL terminated input and output\n\[1\]\n\[0\]\nh\n$/);
  const bb = await run(`docker run --rm busybox sh -c 'cp --x a b; echo "[$?]"; rm -z f; echo "[$?]"; sort -k; echo "[$?]"'`);
  assert.match(bb, /^cp: unrecognized option '--x'\nBusyBox v1\.37\.0 [^]*\n\[1\]\nrm: invalid option -- 'z'\nBusyBox[^]*\n\[1\]\nsort: option requires an argument -- 'k'\nBusyBox[^]*\nUsage: sort [^]*\n\[1\]\n$/);
});

test("busybox ping resolves names from /etc/hosts as getent does (--add-host, the user's own lines); a silent neighbour is busybox's loss count", async () => {
  const { run } = await session();
  await run('docker pull -q alpine');
  const out = await run(`docker run --rm --add-host web:93.184.216.34 --add-host gone:10.1.2.3 alpine sh -c 'ping -c1 web; echo "1.2.3.4 bar" >> /etc/hosts; ping -c1 bar; echo "[$?]"; ping -c1 gone; echo "[$?]"'`);
  assert.match(out, /^PING web \(93\.184\.216\.34\): 56 data bytes\n64 bytes from 93\.184\.216\.34: seq=0 /);
  assert.match(out, /\nPING bar \(1\.2\.3\.4\): 56 data bytes\n64 bytes from 1\.2\.3\.4: seq=0 [^]*\n\[0\]\n/);
  assert.match(out, /\nPING gone \(10\.1\.2\.3\): 56 data bytes\n\n--- gone ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n\[1\]\n$/);
});
