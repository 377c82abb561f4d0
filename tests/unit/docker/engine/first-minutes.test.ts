import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inside } from './fixtures';

test('bash expands !!, !N, !-N, !$ and !prefix at the prompt, shows the line, and drops one with a missing event', async () => {
  const { run } = await inside('ubuntu', 'echo hi');
  assert.equal(await run('!!'), 'echo hi\nhi\n');
  assert.equal(await run('!-1 there'), 'echo hi there\nhi there\n');
  assert.equal(await run('ls /etc/hostname >/dev/null'), '');
  assert.equal(await run('echo !$'), 'echo /dev/null\n/dev/null\n');
  assert.equal(await run('!ec'), 'echo /dev/null\n/dev/null\n');
  assert.equal(await run(`echo "a!" 'b!c' x!=1 \\!! !`), `a! b!c x!=1 !! !\n`);
  assert.equal(await run('!zz'), 'bash: !zz: event not found\n');
  assert.equal(await run('echo "#!/bin/sh"'), 'bash: !/bin/sh: event not found\n');
  assert.equal(await run('echo x$! [!a]'), 'x [!a]\n');
  assert.equal(await run('!99'), 'bash: !99: event not found\n');
  assert.match(await run('history 1'), /^ +\d+ {2}history 1\n$/);
  // dash and busybox ash have no history expansion
  const a = await inside('alpine', 'echo hi');
  assert.equal(await a.run('!!'), '/bin/sh: !!: not found\n');
});

test("ubuntu's minimized image answers man with its notice; debian has no man", async () => {
  const { run } = await inside('ubuntu');
  assert.equal(await run('man ls; echo $?'), "This system has been minimized by removing packages and content that are\nnot required on a system that users do not log into.\n\nTo restore this content, including manpages, you can run the 'unminimize'\ncommand. You will still need to ensure the 'man-db' package is installed.\n0\n");
  assert.match(await run('ls -l /usr/bin/man'), /^-rwxr-xr-x 1 root root \d+ /);
  const d = await inside('debian');
  assert.equal(await d.run('man ls'), 'bash: man: command not found\n');
});

test('useradd writes the account files and -m makes the home from /etc/skel; su - opens its shell there', async () => {
  const { sh, run } = await inside('ubuntu');
  assert.equal(await run('useradd -m ana && grep ^ana /etc/passwd /etc/group /etc/gshadow'), '/etc/passwd:ana:x:1001:1001::/home/ana:/bin/sh\n/etc/group:ana:x:1001:\n/etc/gshadow:ana:!::\n');
  assert.match(await run('grep ana: /etc/shadow'), /^ana:!:\d+:0:99999:7:::\n$/);
  assert.match(await run('ls -la /home/ana'), /^total 20\ndrwxr-x--- 2 ana {2}ana {2}4096 .* \.\n.*\n-rw-r--r-- 1 ana {2}ana {3}220 .* \.bash_logout\n/);
  assert.equal(await run('useradd ana; echo $?'), "useradd: user 'ana' already exists\n9\n");
  assert.equal(await run('useradd; echo $?'), 'Usage: useradd [options] LOGIN\n       useradd -D\n       useradd -D [options]\n2\n');
  assert.equal(await run('useradd -r svc; grep svc /etc/passwd'), 'svc:x:999:999::/home/svc:/bin/sh\n');
  // the default shell is /bin/sh: dash, whose login shell is -sh
  assert.equal(await run('su - ana'), '');
  assert.equal(await run('whoami; pwd; echo $HOME $USER $SHELL $PATH'), 'ana\n/home/ana\n/home/ana ana /bin/sh /usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\n');
  assert.equal(await run('useradd bob'), '-sh: 2: useradd: not found\n');
  assert.equal(await run('/usr/sbin/useradd bob; echo $?'), 'useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.\n1\n');
  assert.equal(await run('su -'), '');
  assert.equal(sh.prompt(), 'Password: ');
  assert.equal(sh.echo?.(), false);
  assert.equal(await run('x'), 'su: Authentication failure\n');
  assert.equal(await run('exit'), '');
  assert.equal(await run('whoami'), 'root\n');
});

test('su without - keeps the directory and environment; -c runs one command; unknown and nologin users are refused', async () => {
  const { run } = await inside('ubuntu', 'cd /tmp');
  assert.equal(await run("su ubuntu -c 'id; pwd; echo $HOME $USER $0'"), 'uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu)\n/tmp\n/home/ubuntu ubuntu bash\n');
  assert.equal(await run('su www-data; echo $?'), 'This account is currently not available.\n1\n');
  assert.equal(await run('su zed; echo $?'), 'su: user zed does not exist or the user entry does not contain all the required fields\n1\n');
  assert.equal(await run('logout'), "bash: logout: not login shell: use `exit'\n");
  await run('su ubuntu');
  assert.equal(await run('pwd; whoami'), '/tmp\nubuntu\n');
  assert.equal(await run('exit'), 'exit\n');
  await run('su - ubuntu');
  assert.equal(await run('logout'), 'logout\n');
  assert.equal(await run('whoami'), 'root\n');
});

test('passwd asks twice unseen; a user is asked the current password first', async () => {
  const { sh, run } = await inside('ubuntu');
  await run('passwd ubuntu');
  assert.equal(sh.prompt(), 'New password: ');
  await run('a');
  assert.equal(sh.prompt(), 'Retype new password: ');
  assert.equal(await run('b'), 'Sorry, passwords do not match.\npasswd: Authentication token manipulation error\npasswd: password unchanged\n');
  assert.equal(await run('echo $?'), '10\n');
  await run('passwd ubuntu');
  await run('s3cret');
  assert.equal(await run('s3cret'), 'passwd: password updated successfully\n');
  assert.match(await run('grep ubuntu: /etc/shadow'), /^ubuntu:\$y\$j9T\$\S+:\d+:/);
  assert.equal(await run('passwd nadie'), "passwd: user 'nadie' does not exist\n");
  await run('su ubuntu');
  assert.equal(await run('passwd'), 'Changing password for ubuntu.\n');
  assert.equal(sh.prompt(), 'Current password: ');
  assert.equal(await run('x; echo'), 'passwd: Authentication token manipulation error\npasswd: password unchanged\n');
});

test('busybox adduser -D on Alpine: Linux User gecos, home 2755; su - ana and passwd', async () => {
  const { sh, run } = await inside('alpine');
  assert.equal(await run('adduser -D ana; grep ^ana /etc/passwd /etc/group'), '/etc/passwd:ana:x:1000:1000:Linux User,,,:/home/ana:/bin/sh\n/etc/group:ana:x:1000:\n');
  assert.match(await run('ls -ld /home/ana'), /^drwxr-sr-x +2 ana +ana +4096 /);
  assert.equal(await run('adduser -D ana; echo $?'), "adduser: user 'ana' in use\n1\n");
  assert.equal(await run('su - ana'), '');
  assert.equal(await run('whoami; pwd'), 'ana\n/home/ana\n');
  assert.equal(await run('adduser -D bob'), 'adduser: permission denied (are you root?)\n');
  assert.equal(await run('passwd'), 'Changing password for ana\n');
  assert.equal(sh.prompt(), 'Old password: ');
  assert.equal(await run('x'), 'passwd: incorrect password\n');
  await run('exit');
  assert.equal(await run('su nadie'), 'su: unknown user nadie\n');
});

test('stat prints GNU coreutils’ report (busybox its own) and -c/--format/--printf directives', async () => {
  const { run } = await inside('ubuntu', 'ln -s /etc/passwd /p; touch /e');
  assert.match(await run('stat /etc/passwd'), /^ {2}File: \/etc\/passwd\n {2}Size: 888 {7}\tBlocks: 8 {10}IO Block: 4096 {3}regular file\nDevice: 0,59\tInode: \d+ +Links: 1\nAccess: \(0644\/-rw-r--r--\) {2}Uid: \( {4}0\/ {4}root\) {3}Gid: \( {4}0\/ {4}root\)\nAccess: 2025-05-29 04:21:\d\d\.000000000 \+0000\nModify: .*\nChange: .*\n Birth: .*\n$/);
  assert.match(await run('stat /p'), /^ {2}File: \/p -> \/etc\/passwd\n {2}Size: 11 {8}\tBlocks: 0 {10}IO Block: 4096 {3}symbolic link\n/);
  assert.match(await run('stat /e'), /regular empty file\n/);
  assert.equal(await run("stat -c '%a %A %U:%G %s %n %F' /tmp /usr/bin/ls"), '1777 drwxrwxrwt root:root 4096 /tmp directory\n755 -rwxr-xr-x root:root 50922 /usr/bin/ls regular file\n');
  assert.equal(await run("stat --printf='%s|' /e; stat --format=%h /e"), '0|1\n');
  assert.equal(await run('stat /nope; echo $?'), "stat: cannot statx '/nope': No such file or directory\n1\n");
  assert.equal(await run('stat'), "stat: missing operand\nTry 'stat --help' for more information.\n");
  const a = await inside('alpine');
  assert.match(await a.run('stat /etc/passwd'), /^ {2}File: \/etc\/passwd\n.*\nDevice: 3bh\/59d\tInode: \d+ +Links: 1\nAccess: \(0644\/-rw-r--r--\).*\nAccess: .*\nModify: .*\nChange: .*\n$/);
  assert.match(await a.run('stat /bin/sh'), /^ {2}File: '\/bin\/sh' -> '\/bin\/busybox'\n/);
  assert.equal(await a.run('stat /nope'), "stat: can't stat '/nope': No such file or directory\n");
});

test('egrep and fgrep warn on Ubuntu 24.04 (not on Debian 12, whose grep 3.8-5 dropped the warning, nor on busybox); tty and realpath', async () => {
  const { run } = await inside('ubuntu');
  assert.equal(await run('egrep ^root /etc/passwd'), 'egrep: warning: egrep is obsolescent; using grep -E\nroot:x:0:0:root:/root:/bin/bash\n');
  assert.equal(await run('fgrep -c x: /etc/passwd 2>/dev/null'), '19\n');
  assert.equal(await run('tty; echo | tty; echo $?'), '/dev/pts/0\nnot a tty\n1\n');
  assert.equal(await run('who; users; logname; echo $?'), 'logname: no login name\n1\n');
  assert.equal(await run('cd /tmp && realpath /bin/ls ../etc/./passwd'), '/usr/bin/ls\n/etc/passwd\n');
  const a = await inside('alpine');
  assert.equal(await a.run('egrep -c "^(root|bin):" /etc/passwd'), '2\n');
});

test('umask is a builtin that shows and keeps the mask; Alpine’s /etc/profile runs through', async () => {
  const { run } = await inside('ubuntu');
  assert.equal(await run('umask; umask -S; umask 077; umask; umask -S'), '0022\nu=rwx,g=rx,o=rx\n0077\nu=rwx,g=,o=\n');
  assert.equal(await run('umask 999; echo $?'), 'bash: umask: 999: octal number out of range\n1\n');
  const a = await inside('alpine');
  assert.equal(await a.run('. /etc/profile; umask'), '0022\n');
});

test('~name expands to the home directory /etc/passwd gives that user; an unknown name stays as typed', async () => {
  const { run } = await inside('ubuntu');
  assert.equal(await run('echo ~root ~nadie ~ubuntu/x ~/y a~b; cd ~ubuntu && pwd'), '/root ~nadie /home/ubuntu/x /root/y a~b\n/home/ubuntu\n');
});

test('useradd -m: Debian and Ubuntu 20.04 leave the home 0755 (no HOME_MODE), Ubuntu 22.04 on 0750', async () => {
  for (const [image, mode] of [['debian', 'drwxr-xr-x'], ['ubuntu:20.04', 'drwxr-xr-x'], ['ubuntu:22.04', 'drwxr-x---']]) {
    const { run } = await inside(image);
    assert.match(await run('useradd -m ana && ls -ld /home/ana'), new RegExp(`^${mode} 2 ana ana 4096 `), image);
  }
});

test("a PS1 of one's own shows with bash's and busybox's escapes; dash shows it as it is; Alpine's login shell reads /etc/profile", async () => {
  const { sh, run } = await inside('ubuntu', 'cd /etc');
  await run("PS1='\\u:\\W\\$ '");
  assert.equal(sh.prompt(), 'root:etc# ');
  await run("PS1='[\\h \\w]\\n\\[\\e[32m\\]>\\[\\033[0m\\] '");
  assert.match(sh.prompt(), /^\[[0-9a-f]{12} \/etc\]\n\x1b\[32m>\x1b\[0m $/);
  await run('sh');
  await run("PS1='dash\\$ '");
  assert.equal(sh.prompt(), 'dash\\$ ');
  const a = await inside('alpine', 'adduser -D ana', 'su - ana');
  assert.match(a.sh.prompt(), /^[0-9a-f]{12}:~\$ $/);
  assert.equal(await a.run('echo $BB_ASH_VERSION'), '1.37.0\n');
});

test('su asks a user for the password passwd set, and opens the shell when it is right', async () => {
  const { sh, run } = await inside('ubuntu', 'passwd', 'secreto', 'secreto', 'su - ubuntu');
  assert.equal(await run('su -'), '');
  assert.equal(sh.prompt(), 'Password: ');
  assert.equal(await run('otra'), 'su: Authentication failure\n');
  await run('su -');
  assert.equal(await run('secreto'), '');
  assert.match(sh.prompt(), /^root@[0-9a-f]{12}:~# $/);
  assert.equal(await run('whoami; pwd'), 'root\n/root\n');
});

test('more prints a text that fits the screen and ends; a longer one is left to a real terminal', async () => {
  const { run } = await inside('ubuntu', 'seq 30 > /tmp/n');
  assert.match(await run('more /etc/hostname; echo $?'), /^[0-9a-f]{12}\n0\n$/);
  assert.equal(await run('more /nope; echo $?'), 'more: cannot open /nope: No such file or directory\n1\n');
  assert.match(await run('more /tmp/n'), /^more: /);
  const a = await inside('alpine');
  assert.equal(await a.run('more /nope'), "more: can't open '/nope': No such file or directory\n");
});
