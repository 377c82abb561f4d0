import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { inside, screen } from './fixtures';

test('busybox as uid 1000: EACCES on /etc, /root, /etc/shadow, /opt and /bin, with busybox and ash texts', async () => {
  const { run } = await inside('-u 1000 alpine');
  assert.equal(await run('touch /etc/x; echo $?'), 'touch: /etc/x: Permission denied\n1\n');
  assert.equal(await run('echo hi > /root/f'), "/bin/sh: can't create /root/f: Permission denied\n");
  assert.equal(await run('cat /etc/shadow; echo $?'), "cat: can't open '/etc/shadow': Permission denied\n1\n");
  assert.equal(await run('mkdir /opt/x; echo $?'), "mkdir: can't create directory '/opt/x': Permission denied\n1\n");
  assert.equal(await run('rm /bin/ls; echo $?'), "rm: can't remove '/bin/ls': Permission denied\n1\n");
  assert.equal(await run('ls /root; echo $?'), "ls: can't open '/root': Permission denied\n1\n");
  assert.equal(await run('cat /root/.ash_history; echo $?'), "cat: can't open '/root/.ash_history': Permission denied\n1\n");
  assert.equal(await run('apk add curl; echo $?'), 'ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n99\n');
  // what it may do it does, and what it makes is its own (no passwd entry: a number, group root)
  assert.equal(await run('cd /tmp && echo a > f && cat f && ls -l f | cut -c1-29'), 'a\n-rw-r--r--    1 1000     root\n');
  assert.match(await run('ls -l /etc/shadow /etc/passwd'), /^-rw-r--r-- +1 root +root .* \/etc\/passwd\n-rw-r----- +1 root +shadow .* \/etc\/shadow\n$/);
});

test('GNU programs, bash and dash as a user: their own texts; apt-get wants the dpkg lock (exit 100)', async () => {
  const { run } = await inside('-u 1000 ubuntu');
  assert.equal(await run('touch /etc/x; echo $?'), "touch: cannot touch '/etc/x': Permission denied\n1\n");
  assert.equal(await run('echo hi > /root/f; echo $?'), 'bash: /root/f: Permission denied\n1\n');
  assert.equal(await run("sh -c 'echo hi > /root/f'"), 'sh: 1: cannot create /root/f: Permission denied\n');
  assert.equal(await run('cat /etc/shadow; echo $?'), 'cat: /etc/shadow: Permission denied\n1\n');
  assert.equal(await run('mkdir /opt/x; echo $?'), "mkdir: cannot create directory '/opt/x': Permission denied\n1\n");
  assert.equal(await run('rm -f /usr/bin/ls; echo $?'), "rm: cannot remove '/usr/bin/ls': Permission denied\n1\n");
  assert.equal(await run('ls /root; echo $?'), "ls: cannot open directory '/root': Permission denied\n2\n");
  assert.equal(await run('ls /root/x; echo $?'), "ls: cannot access '/root/x': Permission denied\n2\n");
  // a glob in a directory it may not read matches nothing and stays as typed
  assert.equal(await run('ls /root/*'), "ls: cannot access '/root/*': Permission denied\n");
  assert.equal(await run('apt-get install -y curl; echo $?'), 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n100\n');
  assert.equal(await run('apt-get update; echo $?'), 'Reading package lists... Done\nE: List directory /var/lib/apt/lists/partial is missing. - Acquire (13: Permission denied)\n100\n');
  // image files stay root's whoever looks
  assert.match(await run('ls -l /usr/bin/ls /etc/shadow'), /^-rw-r----- 1 root shadow .*\n-rwxr-xr-x 1 root root {3}.*/);
});

test('/tmp is sticky: a user removes its own files, not root\'s (EPERM); root bypasses every check', async () => {
  const sh = createShell({ seed: 2 });
  await sh.run('docker run -d --name box ubuntu sleep 1000', screen());
  await sh.run('docker exec box useradd -m ana', screen());
  await sh.run('docker exec box sh -c "apt-get update -qq; touch /tmp/rootf"', screen());
  const run = async (line: string) => {
    const t = screen();
    await sh.run(line, t);
    return t.text();
  };
  assert.equal(await run('docker exec -u ana box rm /tmp/rootf'), "rm: cannot remove '/tmp/rootf': Operation not permitted\n");
  assert.equal(await run('docker exec -u ana box sh -c "touch /tmp/mine && rm /tmp/mine && echo gone"'), 'gone\n');
  // the lists' directory exists now: the lock is what a user cannot open
  assert.equal(await run('docker exec -u ana box apt-get update'), 'Reading package lists...\nE: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
  assert.equal(await run('docker exec -u ana box sh -c "cd && touch f && mkdir -p d/e && ls -l"'), 'total 4\ndrwxr-xr-x 3 ana ana 4096 Jun 16 09:30 d\n-rw-r--r-- 1 ana ana    0 Jun 16 09:30 f\n');
  // a user's file is its own when root looks; root may write into it and remove it
  assert.equal(await run('docker exec box sh -c "ls -l /home/ana/f; echo x >> /home/ana/f; cat /root/.bashrc >/dev/null; rm /home/ana/f && echo ok"'), '-rw-r--r-- 1 ana ana 0 Jun 16 09:30 /home/ana/f\nok\n');
  // su is setuid: it reads /etc/shadow for ana (and refuses the wrong password)
  assert.equal(await run('docker exec -u ana box su -c id root < /dev/null; echo $?').then((t) => t.includes('EACCES')), false);
});

test('ownership lasts: the node image\'s home is node\'s, COPY --chown, commit and save/load keep owners', async () => {
  const sh = createShell({ seed: 2 });
  const run = async (line: string) => {
    const t = screen();
    await sh.run(line, t);
    return t.text();
  };
  assert.match(await run('docker run --rm node:20 ls -ld /home/node /home/node/.bashrc'), /drwxr-xr-x 2 node node 4096 .* \/home\/node\n-rw-r--r-- 1 node node 3526 .*\n$/);
  await run('mkdir app && echo hi > app/a.txt');
  await run(String.raw`printf 'FROM node:20\nCOPY --chown=node:node a.txt /srv/x/\nCOPY a.txt /opt/\nUSER node\nRUN touch /srv/x/b && touch /home/node/c\n' > app/Dockerfile`);
  assert.match(await run('docker build -q -t own app'), /^sha256:/m);
  assert.match(await run('docker run --rm own ls -l /srv/x /opt/a.txt'), /^-rw-r--r-- 1 root root 3 .* \/opt\/a\.txt\n\n\/srv\/x:\ntotal 4\n-rw-r--r-- 1 node node 3 .* a\.txt\n-rw-r--r-- 1 node node 0 .* b\n$/);
  assert.equal(await run('docker run --rm own touch /opt/a.txt'), "touch: cannot touch '/opt/a.txt': Permission denied\n");
  await run('docker run --name c1 -u node own touch /home/node/d');
  await run('docker commit c1 own:2');
  await run('docker export -o c1.tar c1 && docker import c1.tar imp');
  assert.match(await run('docker run --rm imp ls -l /home/node/d /etc/hostname'), /^-rw-r--r-- 1 root root \d+ .* \/etc\/hostname\n-rw-r--r-- 1 node node +0 .* \/home\/node\/d\n$/);
  const state = sh.save();
  const b = createShell({ seed: 2, state });
  const t = screen();
  await b.run('docker run --rm own:2 ls -l /home/node/d', t);
  assert.match(t.text(), /^-rw-r--r-- 1 node node +0 .* \/home\/node\/d\n$/);
});

test('cp, mv, chmod, cd, find, tar and sed -i as a user: the write side fails with its own words', async () => {
  const gnu = await inside('-u 1000 ubuntu');
  assert.equal(await gnu.run('cp /etc/hostname /etc/x'), "cp: cannot create regular file '/etc/x': Permission denied\n");
  // a rename is all or nothing: no copy is left behind
  assert.equal(await gnu.run('mv /etc/os-release /tmp/o; ls /tmp'), "mv: cannot move '/etc/os-release' to '/tmp/o': Permission denied\n");
  assert.equal(await gnu.run('chmod 777 /etc/passwd'), "chmod: changing permissions of '/etc/passwd': Operation not permitted\n");
  assert.equal(await gnu.run('cd /root; echo $?'), 'bash: cd: /root: Permission denied\n1\n');
  assert.equal(await gnu.run('find /root; echo $?'), "/root\nfind: '/root': Permission denied\n1\n");
  assert.equal(await gnu.run('tar cf /a.tar /tmp; echo $?'), 'tar: /a.tar: Cannot open: Permission denied\ntar: Error is not recoverable: exiting now\n2\n');
  assert.match(await gnu.run('sed -i s/a/b/ /etc/passwd; echo $?'), /^sed: couldn't open temporary file \/etc\/sed[A-Za-z0-9]{6}: Permission denied\n4\n$/);
  assert.equal(await gnu.run("sed -n 1p /etc/shadow; sh -c 'cd /root'"), "sed: can't read /etc/shadow: Permission denied\nsh: 1: cd: can't cd to /root\n");
  const bb = await inside('-u 1000 alpine');
  assert.equal(await bb.run('cp /etc/hostname /etc/x; chmod 777 /etc/passwd; cd /root'), "cp: can't create '/etc/x': Permission denied\nchmod: /etc/passwd: Operation not permitted\n/bin/sh: cd: can't cd to /root: Permission denied\n");
  assert.match(await bb.run('sed -i s/a/b/ /etc/passwd; echo $?'), /^sed: can't create temp file '\/etc\/passwd[A-Za-z0-9]{6}': Permission denied\n1\n$/);
  // chmod of its own file is the owner's right
  assert.equal(await bb.run('touch /tmp/m && chmod 600 /tmp/m && ls -l /tmp/m | cut -c1-10'), '-rw-------\n');
});

test('tar keeps each member\'s owner: listed by name, restored by root, made the extractor\'s by a user', async () => {
  const sh = createShell({ seed: 2 });
  const run = async (line: string) => {
    const t = screen();
    await sh.run(line, t);
    return t.text();
  };
  await run('docker run -d --name box ubuntu sleep 1000');
  await run('docker exec box useradd -m ana');
  assert.equal(await run('docker exec -u ana box sh -c "cd /tmp && touch f && tar cf a.tar f /etc/hostname && tar tvf a.tar | cut -c1-20"'), "tar: Removing leading `/' from member names\n-rw-r--r-- ana/ana  \n-rw-r--r-- root/root\n");
  assert.equal(await run('docker exec box sh -c "mkdir /x && tar xf /tmp/a.tar -C /x && ls -l /x /x/etc | grep -v total"'), '/x:\ndrwxr-xr-x 2 root root 4096 Jun 16 09:30 etc\n-rw-r--r-- 1 ana  ana     0 Jun 16 09:30 f\n\n/x/etc:\n-rw-r--r-- 1 root root 13 Jun 16 09:30 hostname\n');
  assert.equal(await run('docker exec -u ana box sh -c "mkdir /tmp/y && tar xf /tmp/a.tar -C /tmp/y && ls -l /tmp/y/etc | grep -v total"'), '-rw-r--r-- 1 ana ana 13 Jun 16 09:30 hostname\n');
  // copied out, the files are the host user's
  await run('docker cp box:/tmp/f f');
  assert.match(await run('ls -l f'), /^-rw-r--r-- 1 alumno alumno 0 /);
});

test('npm install as node in a directory root made: EACCES on node_modules, exit 243, the log in the user\'s home', async () => {
  const { run } = await inside('-u node -w /srv node:20 bash');
  const out = await run('npm install express; echo $?');
  assert.match(out, /^npm error code EACCES\nnpm error syscall mkdir\nnpm error path \/srv\/node_modules\nnpm error errno -13\nnpm error Error: EACCES: permission denied, mkdir '\/srv\/node_modules'\n/);
  assert.match(out, /\nnpm error the command again as root\/Administrator\.\nnpm error A complete log of this run can be found in: \/home\/node\/\.npm\/_logs\/\S+-debug-0\.log\n243\n$/);
  assert.match(await run('cd && npm install express >/dev/null; ls -ld node_modules'), /^drwxr-xr-x \d+ node node /);
});

test('pip as a user installs into ~/.local (site-packages is root\'s), or fails on a home it cannot write', async () => {
  const sh = createShell({ seed: 2 });
  const run = async (line: string) => {
    const t = screen();
    await sh.run(line, t);
    return t.text();
  };
  await run('docker run -d --name py python:3.12-slim sleep 1000');
  await run('docker exec py useradd -m app');
  const out = await run('docker exec -u app py pip install --disable-pip-version-check flask');
  assert.match(out, /^Defaulting to user installation because normal site-packages is not writeable\nCollecting flask\n/);
  assert.match(out, /\n {2}WARNING: The script flask is installed in '\/home\/app\/\.local\/bin' which is not on PATH\.\n {2}Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location\.\nSuccessfully installed /);
  assert.equal(await run('docker exec -u app py python -c "import flask; print(1)"'), '1\n');
  assert.match(await run('docker exec -u app py pip list --disable-pip-version-check'), /\nFlask +3\.1\.1\n/);
  assert.match(await run('docker exec -u 1001:1001 py pip install --disable-pip-version-check flask'), /\nERROR: Could not install packages due to an OSError: \[Errno 13\] Permission denied: '\/\.local'\nCheck the permissions\.\n\n$/);
});

test('rm -r as a user: each entry it may not remove is reported and the rest goes; GNU keeps ancestors silently, busybox tries each one', async () => {
  const setup = 'cd /tmp; mkdir -p d/sub d/ok e/x; touch d/sub/f d/top d/ok/h e/x/y; chmod 555 d/sub; chmod 000 e/x; mkdir q; chmod 000 q';
  const gnu = await inside('-u 1000 debian');
  await gnu.run(setup);
  assert.equal(await gnu.run('rm -rf d; echo $?; ls -R d'), "rm: cannot remove 'd/sub/f': Permission denied\n1\nd:\nsub\n\nd/sub:\nf\n");
  // an unreadable directory is named with the open's error; an empty one goes
  assert.equal(await gnu.run('rm -r e q; echo $?; echo *'), "rm: cannot remove 'e/x': Permission denied\n1\nd e\n");
  const bb = await inside('-u 1000 alpine');
  await bb.run(setup);
  assert.equal(await bb.run('rm -rf d; echo $?; ls d'), "rm: can't remove 'd/sub/f': Permission denied\nrm: can't remove 'd/sub': Directory not empty\nrm: can't remove 'd': Directory not empty\n1\nsub\n");
  assert.equal(await bb.run('rm -r e q; echo $?; echo *'), "rm: can't remove 'e': Directory not empty\n1\nd e q\n");
});

test('cp and mv into a directory a user may not write: the target named once, with its slash (GNU and busybox)', async () => {
  const setup = 'cd /tmp; mkdir -p s/t ro; touch s/a; chmod 555 ro';
  const gnu = await inside('-u 1000 debian');
  await gnu.run(setup);
  assert.equal(await gnu.run('cp -r s ro/; cp s/a ro/; mv s ro/; echo $?'), "cp: cannot create directory 'ro/s': Permission denied\ncp: cannot create regular file 'ro/a': Permission denied\nmv: cannot move 's' to 'ro/s': Permission denied\n1\n");
  const bb = await inside('-u 1000 alpine');
  await bb.run(setup);
  assert.equal(await bb.run('cp -r s ro/; cp s/a ro/; mv s ro/; echo $?'), "cp: can't create directory 'ro/s': Permission denied\ncp: can't create 'ro/a': Permission denied\nmv: can't rename 's': Permission denied\n1\n");
});
