import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt, type Eng } from './fixtures';

async function shell(e: Eng, image: string, cases: [string, string | RegExp][], user?: string) {
  // the service images get a shell instead of their server
  const { type } = await runIt(e, image, undefined, /nginx|redis|httpd|mysql/.test(image) ? ['sh'] : undefined, user);
  for (const [line, want] of cases) {
    const got = await type(line);
    if (typeof want === 'string') assert.equal(got, want, line);
    else assert.match(got, want, line);
  }
}

test('/etc of the base images: the real names, modes and the texts a class cats', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian', 'alpine', 'busybox');
  await shell(e, 'ubuntu', [
    ['ls /etc | wc -l', '73\n'],
    ['ls -d /etc/adduser.conf /etc/bindresvport.blacklist /etc/rc5.d /etc/update-motd.d /etc/xattr.conf | cat', '/etc/adduser.conf\n/etc/bindresvport.blacklist\n/etc/rc5.d\n/etc/update-motd.d\n/etc/xattr.conf\n'],
    ['cat /etc/issue /etc/issue.net /etc/debian_version', 'Ubuntu 24.04.2 LTS \\n \\l\n\nUbuntu 24.04.2 LTS\ntrixie/sid\n'],
    ['grep -c . /etc/shells; head -3 /etc/group; tail -1 /etc/group', '9\nroot:x:0:\ndaemon:x:1:\nbin:x:2:\nubuntu:x:1000:\n'],
    ['ls -l /etc/shadow /etc/os-release /etc/mtab', /^lrwxrwxrwx 1 root root +19 .* \/etc\/mtab -> \.\.\/proc\/self\/mounts\nlrwxrwxrwx 1 root root +21 .* \/etc\/os-release -> \.\.\/usr\/lib\/os-release\n-rw-r----- 1 root shadow \d+ .* \/etc\/shadow\n$/],
    ['grep ^hosts: /etc/nsswitch.conf; wc -c < /etc/profile', 'hosts:          files dns\n582\n'],
  ]);
  await shell(e, 'debian', [
    ['cat /etc/issue; wc -c < /etc/profile; ls /etc | grep -c ^rc', 'Debian GNU/Linux 12 \\n \\l\n\n769\n8\n'],
    ['readlink /etc/localtime', '/usr/share/zoneinfo/Etc/UTC\n'],
  ]);
  await shell(e, 'alpine', [
    ['ls /etc | tr "\\n" " "', 'alpine-release apk busybox-paths.d conf.d crontabs fstab group hostname hosts init.d inittab issue logrotate.d modprobe.d modules modules-load.d motd mtab network nsswitch.conf opt os-release passwd periodic profile profile.d protocols resolv.conf secfixes.d services shadow shells ssl ssl1.1 sysctl.conf sysctl.d udhcpc '],
    ['cat /etc/alpine-release /etc/shells; head -2 /etc/issue', '3.21.3\n# valid login shells\n/bin/sh\n/bin/ash\nWelcome to Alpine Linux 3.21\nKernel \\r on an \\m (\\l)\n'],
    ['grep ^wheel /etc/group; grep -c nologin /etc/passwd', 'wheel:x:10:root\n13\n'],
  ]);
  await shell(e, 'busybox', [
    ['ls /etc | tr "\\n" " "', 'group hostname hosts localtime network nsswitch.conf passwd resolv.conf shadow '],
    ['grep www-data /etc/passwd /etc/group', '/etc/passwd:www-data:x:33:33:www-data:/var/www:/bin/false\n/etc/group:www-data:x:33:\n'],
  ]);
});

test('group names come from /etc/group: id, groups, ls -l, and the service images\' users', async () => {
  const e = engine();
  await pull(e, 'alpine', 'debian', 'nginx', 'redis');
  await shell(e, 'alpine', [
    ['groups', 'root bin daemon sys adm disk wheel floppy dialout tape video\n'],
    ['groups games; id games', 'games users\nuid=35(games) gid=35(games) groups=35(games),100(users)\n'],
    ['groups nope; echo $?', 'groups: unknown user nope\n1\n'],
  ]);
  await shell(e, 'debian', [
    ['groups www-data; id -gn nobody', 'www-data : www-data\nnogroup\n'],
    ["groups nope; echo $?", "groups: 'nope': no such user\n1\n"],
  ]);
  await shell(e, 'debian', [['cd /tmp; touch f; ls -l f', /^-rw-r--r-- 1 1234 staff 0 /]], '1234:50');
  await shell(e, 'debian', [['cd /tmp; touch f; ls -l f', /^-rw-r--r-- 1 nobody nogroup 0 /]], 'nobody');
  await shell(e, 'nginx', [['id nginx; grep nginx /etc/group', 'uid=101(nginx) gid=101(nginx) groups=101(nginx)\nnginx:x:101:\n']]);
  await shell(e, 'redis', [['id redis', 'uid=999(redis) gid=999(redis) groups=999(redis)\n']]);
  await pull(e, 'mysql');
  await shell(e, 'mysql', [['id mysql; groups mysql', 'uid=999(mysql) gid=999(mysql) groups=999(mysql)\nmysql : mysql\n']]);
});

test("httpd's welcome page keeps the date it has in Apache's source tarball", async () => {
  const e = engine();
  await pull(e, 'httpd:2.4');
  await shell(e, 'httpd:2.4', [['ls -l /usr/local/apache2/htdocs', 'total 4\n-rw-r--r-- 1 root root 45 Jun 11  2007 index.html\n'], ['ls -ld /usr/local/apache2/conf', /May 20 17:41 /]]);
});

test('chown and chgrp: names from /etc/passwd and /etc/group, the owner shown by ls -l and kept by save', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const { id, type } = await runIt(e, 'ubuntu', 'box');
  assert.equal(await type('cd /tmp; touch a b; mkdir d; chown www-data a; chown nobody:ubuntu d; chgrp staff b; ls -l'), 'total 4\n-rw-r--r-- 1 www-data root      0 Jun 16 09:30 a\n-rw-r--r-- 1 root     staff     0 Jun 16 09:30 b\ndrwxr-xr-x 2 nobody   ubuntu 4096 Jun 16 09:30 d\n');
  assert.equal(await type('chown 1234:50 a; ls -l a'), '-rw-r--r-- 1 1234 staff 0 Jun 16 09:30 a\n');
  const errs: [string, string][] = [
    ['chown nope a', "chown: invalid user: 'nope'\n"],
    ['chown root:nope a', "chown: invalid group: 'root:nope'\n"],
    ['chgrp nope a', "chgrp: invalid group: 'nope'\n"],
    ['chown root', "chown: missing operand after 'root'\nTry 'chown --help' for more information.\n"],
    ['chown root zz', "chown: cannot access 'zz': No such file or directory\n"],
  ];
  for (const [line, err] of errs) assert.equal(await type(`${line}; echo $?`), err + '1\n', line);
  const { createEngine } = await import('../../../../src/docker/engine');
  const b = createEngine({ seed: 3, state: JSON.parse(JSON.stringify(e.save())) });
  const node = b.fsOf(b.get(id)).find(['tmp', 'd']);
  assert.deepEqual(node?.kind === 'dir' && [node.uid, node.gid], [65534, 1000]);
  await shell(e, 'alpine', [["cd /tmp; touch f; chown root f; echo $?; ls -l f", 'chown: f: Operation not permitted\n1\n-rw-r--r--    1 nobody   nobody           0 Jun 16 09:30 f\n']], 'nobody');
  await shell(e, 'alpine', [['chown nope /tmp', 'chown: unknown user nope\n']]);
});

test('the shadow files hold locked accounts, and the notices and apt sources read as in the images', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian', 'alpine', 'busybox');
  await shell(e, 'ubuntu', [
    ['head -1 /etc/shadow; tail -1 /etc/shadow; tail -1 /etc/gshadow; wc -c < /etc/shadow', 'root:*:20237:0:99999:7:::\nubuntu:!:20237:0:99999:7:::\nubuntu:!::\n502\n'],
    ['wc -c < /etc/legal; cat /etc/environment', '267\nPATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"\n'],
  ]);
  await shell(e, 'debian', [
    ['wc -c < /etc/motd; grep -c ^Types: /etc/apt/sources.list.d/debian.sources; cat /etc/host.conf', '286\n2\nmulti on\n'],
  ]);
  await shell(e, 'alpine', [['head -2 /etc/shadow; head -1 /etc/motd; cat /etc/apk/repositories', 'root:*::0:::::\nbin:!::0:::::\nWelcome to Alpine!\nhttps://dl-cdn.alpinelinux.org/alpine/v3.21/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.21/community\n']]);
  await shell(e, 'ubuntu', [['ls /etc/pam.d | wc -l; ls -1 /etc/ld.so.conf.d', '16\nlibc.conf\nx86_64-linux-gnu.conf\n']]);
  await shell(e, 'busybox', [['head -1 /etc/shadow', 'root:*:::::::\n']]);
});

test('a configuration file whose text is not kept reads as empty, with its size; nginx.conf reads as the packages ship it', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'nginx');
  await shell(e, 'ubuntu', [['cat /etc/login.defs; wc -c < /etc/login.defs; ls -l /etc/login.defs', /^0\n-rw-r--r-- 1 root root 12345 /]]);
  await shell(e, 'nginx', [['wc -c < /etc/nginx/nginx.conf; grep -c include /etc/nginx/nginx.conf; sed -n 2p /etc/nginx/nginx.conf', '648\n2\nuser  nginx;\n']]);
});

test("mysql's Oracle Linux slim base has coreutils-single (sleep, date, head… link to one binary), grep, sed and awk, but no ps", async () => {
  const { session } = await import('../client/session');
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=x mysql');
  assert.deepEqual(await run('docker exec db sh -c "sleep 1; head -1 /etc/os-release | grep -c Oracle; readlink /usr/bin/sleep"'), { out: '1\ncoreutils\n', err: '', exit: 0 });
  assert.match((await run('docker exec db ps')).err, /exec: "ps": executable file not found in \$PATH/);
});
