import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, pull, runIt } from './fixtures';

test('bash in ubuntu: prompt with the directory, ls columns, errors as bash and coreutils print them', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { id, h, type } = await runIt(e, 'ubuntu');
  const host = id.slice(0, 12);
  assert.equal(h.prompt(), `root@${host}:/# `);
  assert.equal(await type('ls'), 'bin   dev  home  lib64  mnt  proc  run   srv  tmp  var\nboot  etc  lib   media  opt  root  sbin  sys  usr\n');
  await type('cd /etc');
  assert.equal(h.prompt(), `root@${host}:/etc# `);
  await type('cd');
  assert.equal(h.prompt(), `root@${host}:~# `);
  assert.equal(await type('pwd'), '/root\n');
  assert.equal(await type('foo'), 'bash: foo: command not found\n');
  assert.equal(await type('echo $?'), '127\n');
  assert.equal(await type('cd /nope'), 'bash: cd: /nope: No such file or directory\n');
  assert.equal(await type('cat /nope'), 'cat: /nope: No such file or directory\n');
  assert.equal(await type('ls /nope'), "ls: cannot access '/nope': No such file or directory\n");
  assert.equal(await type('mkdir /etc'), "mkdir: cannot create directory '/etc': File exists\n");
  assert.equal(await type('rm /etc'), "rm: cannot remove '/etc': Is a directory\n");
  assert.equal(await type('hostname'), host + '\n');
  assert.equal(await type('whoami'), 'root\n');
  assert.match(await type('uname -a'), new RegExp(`^Linux ${host} 6\\.8\\.0-60-generic .* x86_64 GNU/Linux\\n$`));
  assert.equal(await type('echo "hola mundo" > a.txt; echo otra >> a.txt; cat a.txt'), 'hola mundo\notra\n');
  assert.equal(await type('cat a.txt | grep otra | wc -l'), '1\n');
  assert.equal(await type('mkdir -p x/y && touch x/y/z && ls x/y'), 'z\n');
  assert.equal(await type('rm -r x && ls x'), "ls: cannot access 'x': No such file or directory\n");
  assert.equal(await type('echo "sin cerrar'), '');
  assert.equal(h.prompt(), '> ', 'an open quote continues on the next line');
  assert.equal(await type('fin"'), 'sin cerrar\nfin\n');
  const env = await type('env');
  assert.match(env, new RegExp(`^HOSTNAME=${host}\\nPWD=/root\\nHOME=/root\\nTERM=xterm\\nSHLVL=1\\nPATH=`));
  assert.match(await type('ps'), /^ {4}PID TTY {10}TIME CMD\n {6}1 pts\/0 {4}00:00:00 bash\n +\d+ pts\/0 {4}00:00:00 ps\n$/);
});

test('ls -l and ls -a', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu');
  const l = await type('ls -l /');
  assert.match(l, /^total \d+\n/);
  // /proc's link count (a link per process of the host) widens the column
  assert.match(l, /\nlrwxrwxrwx   1 root root    7 May 29 04:21 bin -> usr\/bin\n/);
  assert.match(l, /\ndrwxrwxrwt   2 root root 4096 May 29 04:21 tmp\n/);
  const a = await type('ls -a /root');
  assert.equal(a, '.  ..  .bashrc  .profile\n');
});

test('alpine and busybox: ash prompt and busybox messages', async () => {
  const e = engine();
  await pull(e, 'alpine', 'busybox');
  const { h, type } = await runIt(e, 'alpine');
  assert.equal(h.prompt(), '/ # ');
  // busybox ls: one column width for all (longest name + 2), filled down; the minirootfs has no /boot
  assert.equal(await type('ls /'), 'bin    etc    lib    mnt    proc   run    srv    tmp    var\ndev    home   media  opt    root   sbin   sys    usr\n');
  // The image's Cmd is /bin/sh: ash names itself as invoked.
  assert.equal(await type('foo'), '/bin/sh: foo: not found\n');
  assert.equal(await type('bash'), '/bin/sh: bash: not found\n');
  assert.equal(await type('cat /nope'), "cat: can't open '/nope': No such file or directory\n");
  assert.equal(await type('ls /nope'), 'ls: /nope: No such file or directory\n');
  assert.equal(await type('cd /nope'), '/bin/sh: cd: can\'t cd to /nope: No such file or directory\n');
  await type('cd ~');
  assert.equal(h.prompt(), '~ # ');
  assert.match(await type('cat /etc/os-release'), /^NAME="Alpine Linux"/);
  assert.match(await type('ps'), /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 \/bin\/sh\n/);
  const b = await runIt(e, 'busybox');
  assert.equal(b.h.prompt(), '/ # ');
  assert.equal(await b.type('rm /nope'), "rm: can't remove '/nope': No such file or directory\n");
});

test('dash as /bin/sh in Debian images; nested shells stack and return', async () => {
  const e = engine();
  await pull(e, 'debian');
  const { h, type } = await runIt(e, 'debian', undefined, ['sh']);
  assert.equal(h.prompt(), '# ');
  assert.equal(await type('foo'), 'sh: 1: foo: not found\n');
  assert.equal(await type('foo'), 'sh: 2: foo: not found\n');
  await type('bash');
  assert.match(h.prompt(), /^root@[0-9a-f]{12}:\/# $/);
  await type('exit 4');
  assert.equal(h.prompt(), '# ');
  assert.equal(await type('echo $?'), '4\n');
  assert.equal(await type('sh -c "exit 2"; echo $?'), '2\n');
});

test('apt-get: install needs update first, asks before extra packages, and grows the layer', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { id, h, type } = await runIt(e, 'ubuntu');
  assert.match(await type('apt-get install curl'), /E: Unable to locate package curl\n$/);
  assert.match(await type('apt-get update'), /Reading package lists\.\.\. Done\n$/);
  const size0 = (await e.containerList({ size: true }))[0].SizeRw!;
  assert.ok(size0 > 1_000_000);
  assert.match(await type('apt-get install curl'), /The following NEW packages will be installed:/);
  assert.equal(h.prompt(), 'Do you want to continue? [Y/n] ');
  assert.match(await type('y'), /Setting up curl/);
  assert.match(h.prompt(), /^root@/);
  const size1 = (await e.containerList({ size: true }))[0].SizeRw!;
  assert.ok(size1 > size0);
  assert.ok((await e.containerChanges(id)).some((c) => c.Kind === 1 && c.Path === '/usr/bin/curl'));
  assert.equal(await type('which curl'), '/usr/bin/curl\n');
  assert.match(await type('apt-get install -y curl'), /curl is already the newest version/);
  assert.equal(await type('tree'), 'bash: tree: command not found\n');
  assert.match(await type('apt-get install tree'), /Setting up tree/, 'no extra packages: no question');
});

test('curl inside the bridge network reaches nginx by IP and localhost', async () => {
  const e = engine();
  await pull(e, 'nginx', 'alpine');
  const web = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(web.Id);
  const ip = (await e.containerInspect(web.Id)).NetworkSettings.IPAddress;
  // the official Dockerfile installs curl next to gettext-base (for DNS-SD registration)
  let got = '';
  await e.exec(web.Id, { Cmd: ['curl', '-s', 'localhost'] }, { out: (t) => { got += t; }, err: () => {}, tty: false, sleep: async () => {} });
  assert.match(got, /<h1>Welcome to nginx!<\/h1>/);
  const { type } = await runIt(e, 'alpine');
  assert.match(await type(`wget -qO- http://${ip}/`), /<h1>Welcome to nginx!<\/h1>/);
  // an address no container has: no answer (busybox's "bad address" is for names it cannot resolve)
  assert.equal(await type('wget -qO- http://172.17.0.250/'), "wget: can't connect to remote host (172.17.0.250): Host is unreachable\n");
  assert.equal(await type('wget -qO- http://localhost:8080/'), "wget: can't connect to remote host (127.0.0.1): Connection refused\n");
  assert.equal(await type('wget -qO- http://nope/'), "wget: bad address 'nope'\n");
});

test('glob, variables, redirection errors', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu');
  await type('cd /tmp && touch a.txt b.txt c.log');
  assert.equal(await type('ls *.txt'), 'a.txt\nb.txt\n'.replace('\n', '  ').replace('  ', '  '));
  assert.equal(await type('echo *.log'), 'c.log\n');
  assert.equal(await type('X=5; echo "x=$X" \'$X\''), 'x=5 $X\n');
  assert.equal(await type('echo hi > /nope/f'), 'bash: /nope/f: No such file or directory\n');
  assert.equal(await type('cat < nope'), 'bash: nope: No such file or directory\n');
  assert.equal(await type('ls nope 2> /dev/null; echo $?'), '2\n');
  assert.equal(await type('; echo hi'), "bash: syntax error near unexpected token `;'\n");
  assert.equal(await type('echo ok |'), '');
  assert.equal(await type('echo ok'), 'ok\n', 'a line ending in | continues on the next one');
});

test('cat > file reads the terminal until Ctrl+D; plain cat echoes each line', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { h, io, type } = await runIt(e, 'ubuntu');
  assert.equal(await type('cat > /tmp/nota.txt'), '');
  assert.equal(h.prompt(), '', 'no prompt while cat reads');
  await type('primera línea');
  await type('segunda');
  await h.eof(io);
  assert.match(h.prompt(), /^root@/);
  assert.ok(!h.exited, 'Ctrl+D ended cat, not the shell');
  assert.equal(await type('cat /tmp/nota.txt'), 'primera línea\nsegunda\n');
  await type('cat');
  assert.equal(await type('eco'), 'eco\n');
  io.text = '';
  await h.interrupt(io);
  assert.equal(io.text, '^C\n');
  assert.equal(await type('echo $?'), '130\n');
});

test('cd - in a new shell: bash has no OLDPWD yet, dash and ash stay where they are', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('cd -'), 'bash: cd: OLDPWD not set\n');
  assert.equal(await u.type('echo $?'), '1\n');
  assert.equal(await u.type('cd /tmp; cd -'), '/\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('cd -'), '/\n');
});

test('id: root gets the supplementary groups each image lists it in', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine', 'busybox');
  assert.equal(await (await runIt(e, 'ubuntu')).type('id'), 'uid=0(root) gid=0(root) groups=0(root)\n');
  assert.equal(await (await runIt(e, 'alpine')).type('id'), 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n');
  assert.equal(await (await runIt(e, 'busybox')).type('id'), 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
});

test('ash numbers its history from 0; interactive dash and ash survive exit with a bad number', async () => {
  const e = engine();
  await pull(e, 'alpine', 'debian');
  const a = await runIt(e, 'alpine');
  await a.type('ls /tmp');
  assert.equal(await a.type('history'), '   0 ls /tmp\n   1 history\n');
  assert.equal(await a.type('exit foo'), '/bin/sh: exit: Illegal number: foo\n');
  assert.equal(a.h.prompt(), '/ # ');
  assert.equal(await a.type('echo $?'), '2\n');
  const d = await runIt(e, 'debian', undefined, ['sh']);
  assert.equal(await d.type('exit foo'), 'sh: 1: exit: Illegal number: foo\n');
  assert.equal(await d.type('exit -1'), 'sh: 2: exit: Illegal number: -1\n', 'no sign in dash numbers');
  assert.equal(d.h.prompt(), '# ');
});

test('ls -ld counts a directory\'s links as ls -l of its parent does', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu');
  await type('mkdir -p /tmp/d/a /tmp/d/b');
  assert.match(await type('ls -ld /tmp/d'), /^drwxr-xr-x 4 root root 4096 /);
  assert.match(await type('ls -l /tmp'), /\ndrwxr-xr-x 4 root root 4096 .* d\n/);
});

test('hostname -i and -I print the container address', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('hostname -i'), '172.17.0.2\n');
  assert.equal(await u.type('hostname -I'), '172.17.0.2 \n');
  assert.match(await (await runIt(e, 'alpine')).type('hostname -i'), /^172\.17\.0\.\d+\n$/);
});

test('type: what the shells hashed, special builtins and misses as dash and ash word them', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine', 'debian');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('type ls'), 'ls is /usr/bin/ls\n');
  await u.type('ls');
  assert.equal(await u.type('type ls exit'), 'ls is hashed (/usr/bin/ls)\nexit is a shell builtin\n');
  const a = await runIt(e, 'alpine');
  await a.type('ls');
  assert.equal(await a.type('type ls exit cd'), 'ls is /bin/ls\nexit is a special shell builtin\ncd is a shell builtin\n', 'busybox looks PATH up again');
  const d = await runIt(e, 'debian', undefined, ['sh']);
  await d.type('ls');
  assert.equal(await d.type('type ls'), 'ls is a tracked alias for /usr/bin/ls\n');
  assert.equal(await d.type('type foo'), 'foo: not found\n');
  assert.equal(await d.type('echo $?'), '127\n');
});

test('functions: dash and ash say only "is a shell function" and list none in set; help is bash 5.2\'s list, refused elsewhere and for its texts', async () => {
  const e = engine();
  await pull(e, 'alpine', 'debian', 'debian:11');
  const d = await runIt(e, 'debian', undefined, ['sh']);
  await d.type('f() { echo hi; }');
  assert.equal(await d.type('type f; command -V f; command -v f'), 'f is a shell function\nf is a shell function\nf\n');
  assert.equal(await d.type('type -t f'), '-t: not found\nf is a shell function\n', 'dash takes no options');
  assert.equal(await d.type('set | grep -c "^f"'), '0\n');
  assert.match(await d.type('help'), /^sh: \d+: help: not found\n$/);
  const a = await runIt(e, 'alpine');
  await a.type('f() { echo hi; }');
  assert.equal(await a.type('type f'), 'f is a shell function\n');
  const refused = 'help: el simulador solo muestra la lista de órdenes (help), en terminales de hasta 80 columnas\n';
  assert.equal(await a.type('help'), refused, 'busybox has its own list');
  assert.equal(await (await runIt(e, 'debian:11')).type('help'), refused, 'bash 5.1 has other builtins');
  const b = await runIt(e, 'debian');
  assert.equal(await b.type('help cd; help -s cd; help -d cd'), refused.repeat(3));
  assert.match(await b.type('COLUMNS=80 help'), /^GNU bash, version 5\.2\.15\(1\)-release \(x86_64-pc-linux-gnu\)\n[^]*\n help \[-dms\] \[pattern \.\.\.\] {15}\{ COMMANDS ; \}\n$/);
  assert.equal(await b.type('COLUMNS=120 help'), refused, 'a wider list shows more of each synopsis than is kept');
});

test('which -a lists every PATH directory that has the program', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const u = await runIt(e, 'ubuntu');
  assert.equal(await u.type('which -a ls'), '/usr/bin/ls\n/bin/ls\n', 'with merged /usr, /bin is /usr/bin');
  assert.equal(await u.type('which ls'), '/usr/bin/ls\n');
});

test('several ls operands label the directory even when another is missing; busybox mv and chmod errors', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  await u.type('mkdir d; touch d/f');
  assert.equal(await u.type('ls nope d'), "ls: cannot access 'nope': No such file or directory\nd:\nf\n");
  const a = await runIt(e, 'alpine');
  await a.type('mkdir d; touch d/f');
  assert.equal(await a.type('ls nope d'), 'ls: nope: No such file or directory\nd:\nf\n');
  assert.equal(await a.type('mv nope x'), "mv: can't rename 'nope': No such file or directory\n");
  assert.equal(await a.type('chmod 777 nope'), 'chmod: nope: No such file or directory\n');
});

test('bash: exit with more than one word says so and stays', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { h, type } = await runIt(e, 'ubuntu');
  assert.equal(await type('exit 1 2'), 'exit\nbash: exit: too many arguments\n');
  assert.match(h.prompt(), /^root@/);
  assert.equal(await type('echo $?'), '1\n');
});

test('bash history N and -c; command -v; dash has no history builtin', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'debian');
  const { type } = await runIt(e, 'ubuntu');
  await type('pwd');
  assert.equal(await type('history 2'), '    1  pwd\n    2  history 2\n');
  assert.equal(await type('history x'), 'bash: history: x: numeric argument required\n');
  await type('history -c');
  assert.equal(await type('history'), '    1  history\n');
  assert.equal(await type('command -v ls cd nope'), '/usr/bin/ls\ncd\n');
  assert.equal(await type('echo $?'), '1\n');
  const d = await runIt(e, 'debian', undefined, ['sh']);
  assert.equal(await d.type('type history'), 'history: not found\n');
  assert.equal(await d.type('command -v history cd'), 'cd\n');
});

test("dash's echo: only -n is an option, escapes are always interpreted", async () => {
  const e = engine();
  await pull(e, 'debian');
  const d = await runIt(e, 'debian', undefined, ['sh']);
  assert.equal(await d.type('echo -e "x\\ty"'), '-e x\ty\n');
  assert.equal(await d.type('echo "a\\nb"'), 'a\nb\n');
  assert.equal(await d.type('echo -n hi'), 'hi');
  await d.type('bash');
  assert.equal(await d.type('echo -e "x\\ty"'), 'x\ty\n', 'bash keeps its own echo');
});

test('scripts: no x bit is Permission denied; with it the shell runs the text; bash FILE needs none', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const { type } = await runIt(e, 'ubuntu');
  await type('cd /tmp; echo "echo hola; foo" > a.sh');
  assert.equal(await type('./a.sh'), 'bash: ./a.sh: Permission denied\n');
  assert.equal(await type('echo $?'), '126\n');
  assert.equal(await type('bash a.sh'), 'hola\na.sh: line 1: foo: command not found\n');
  assert.equal(await type('sh a.sh'), 'hola\na.sh: 1: foo: not found\n');
  await type('chmod +x a.sh');
  assert.equal(await type('./a.sh'), 'hola\n./a.sh: line 1: foo: command not found\n');
  assert.equal(await type('bash nope.sh; echo $?'), 'bash: nope.sh: No such file or directory\n127\n');
  assert.equal(await type('sh nope.sh; echo $?'), 'sh: 0: cannot open nope.sh: No such file\n2\n');
  // single quotes: in double quotes an interactive bash takes `!/usr…` as a history event
  await type("echo '#!/usr/bin/python3' > p.py; chmod +x p.py");
  assert.equal(await type('./p.py'), 'bash: ./p.py: /usr/bin/python3: bad interpreter: No such file or directory\n');
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type('echo "echo hola" > /tmp/b.sh; chmod +x /tmp/b.sh; /tmp/b.sh'), 'hola\n');
  assert.equal(await a.type("sh nope.sh; echo $?"), "sh: can't open 'nope.sh': No such file or directory\n127\n");
  // a #! script found in PATH gets from the kernel the path it was found at, as its $0
  await type('printf \'#!/bin/sh\\necho $0\\n\' > /usr/local/bin/yo; chmod +x /usr/local/bin/yo');
  assert.equal(await type('yo; cd /usr/local/bin; ./yo'), '/usr/local/bin/yo\n./yo\n');
});

test('ping ends with the round-trip summary; busybox prints times with three decimals', async () => {
  const e = engine();
  await pull(e, 'alpine');
  const a = await runIt(e, 'alpine');
  const out = await a.type('ping -c 2 google.com');
  assert.match(out, /: seq=0 ttl=117 time=\d+\.\d{3} ms\n/);
  assert.match(out, /\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms\n$/);
});

test('wget of a missing page fails instead of saving the 404 page', async () => {
  const e = engine();
  await pull(e, 'nginx', 'alpine');
  const web = await e.containerCreate({ Image: 'nginx' });
  await e.containerStart(web.Id);
  const ip = (await e.containerInspect(web.Id)).NetworkSettings.IPAddress;
  const a = await runIt(e, 'alpine');
  assert.equal(await a.type(`wget -qO- http://${ip}/nope`), 'wget: server returned error: HTTP/1.1 404 Not Found\n');
  assert.equal(await a.type('echo $?'), '1\n');
  assert.equal(await a.type(`wget http://${ip}/nope`), `Connecting to ${ip} (${ip}:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n`);
  assert.equal(await a.type('ls'), 'bin    etc    lib    mnt    proc   run    srv    tmp    var\ndev    home   media  opt    root   sbin   sys    usr\n', 'nothing saved');
});

test('ls -lh: GNU rounds up with a decimal below 10 and sizes the total; busybox keeps one decimal', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  const u = await runIt(e, 'ubuntu');
  assert.match(await u.type('ls -lah /root'), /^total 16K\ndrwx------ 2 root root 4\.0K .* \.\ndrwxr-xr-x 1 root root 4\.0K .* \.\.\n-rw-r--r-- 1 root root 3\.1K .* \.bashrc\n-rw-r--r-- 1 root root  161 .* \.profile\n$/, '/ is merged by overlayfs: one link');
  const a = await runIt(e, 'alpine');
  assert.match(await a.type('ls -lh /bin/busybox'), /^-rwxr-xr-x {4}1 root {5}root {6}789\.8K /);
  assert.match(await a.type('ls -lhd /tmp'), /^drwxrwxrwt {4}\d root {5}root {8}4\.0K /);
});

test('GNU wc pads its columns to 7 when it reads a pipe', async () => {
  const e = engine();
  await pull(e, 'ubuntu');
  const { type } = await runIt(e, 'ubuntu');
  assert.equal(await type('echo hi | wc'), '      1       1       3\n');
  assert.equal(await type('echo hi | wc -l'), '1\n', 'one count of one input is not padded');
  assert.equal(await type('echo hola > /tmp/f; wc /tmp/f'), '1 1 5 /tmp/f\n');
});

test('hostname NAME inside a container is refused (no CAP_SYS_ADMIN)', async () => {
  const e = engine();
  await pull(e, 'ubuntu', 'alpine');
  assert.equal(await (await runIt(e, 'ubuntu')).type('hostname web; echo $?'), 'hostname: you must be root to change the host name\n1\n');
  assert.equal(await (await runIt(e, 'alpine')).type('hostname web'), 'hostname: sethostname: Operation not permitted\n');
});

test("uname: Debian's and busybox's processor is unknown and -a leaves it out; Ubuntu's coreutils names it", async () => {
  const e = engine();
  await pull(e, 'debian', 'ubuntu');
  const d = await runIt(e, 'debian');
  assert.match(await d.type('uname -a'), / UTC 2025 x86_64 GNU\/Linux\n$/);
  assert.equal(await d.type('uname -p'), 'unknown\n');
  assert.match(await (await runIt(e, 'ubuntu')).type('uname -a'), / UTC 2025 x86_64 x86_64 x86_64 GNU\/Linux\n$/);
});
