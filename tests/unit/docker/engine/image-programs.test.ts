import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShell } from '../../../../src/docker/index';
import { inside, screen } from './fixtures';

/** A host shell and what each line it runs shows. */
async function host(...images: string[]) {
  const sh = createShell({ seed: 3 });
  for (const i of images) await sh.run(`docker pull ${i}`, screen());
  return async (line: string) => {
    const t = screen();
    await sh.run(line, t);
    return t.text();
  };
}

test('envsubst: every variable of the environment, or only those its format names; -v lists them', async () => {
  const run = await host('nginx');
  assert.equal(await run(`docker run --rm -e NAME=Ana nginx sh -c 'echo "Hola \\$NAME \\\${NAME} [\\$NADA] \\$HOME" | envsubst'`), 'Hola Ana Ana [] /root\n');
  assert.equal(await run(`docker run --rm -e NAME=Ana nginx sh -c 'echo "\\$NAME \\$HOME" | envsubst "\\$NAME"'`), 'Ana $HOME\n');
  assert.equal(await run(`docker run --rm nginx envsubst -v '$A \${B}'`), 'A\nB\n');
  assert.equal(await run('docker run --rm nginx envsubst a b'), "envsubst: too many arguments\nTry 'envsubst --help' for more information.\n");
});

test("nginx's entrypoint turns /etc/nginx/templates/*.template into conf.d files with the environment's variables only", async () => {
  const run = await host('nginx');
  await run('mkdir templates');
  await run(`printf 'server_name \${SERVER};\\nreturn 200 "$host";\\n' > templates/default.conf.template`);
  await run('docker create --name web -e SERVER=ejemplo.com nginx');
  await run('docker cp templates web:/etc/nginx/templates');
  await run('docker start web');
  assert.match(await run('docker logs web'), /Launching \/docker-entrypoint\.d\/20-envsubst-on-templates\.sh\n20-envsubst-on-templates\.sh: Running envsubst on \/etc\/nginx\/templates\/default\.conf\.template to \/etc\/nginx\/conf\.d\/default\.conf\n\/docker-entrypoint\.sh: Launching \/docker-entrypoint\.d\/30-tune/);
  assert.equal(await run('docker exec web cat /etc/nginx/conf.d/default.conf'), 'server_name ejemplo.com;\nreturn 200 "$host";\n');
});

test('perl: -v banner of the installed perl-base, -e print, -ne and -pe with s///; anything else refused with 255', async () => {
  const { run } = await inside('debian');
  assert.match(await run('perl -v'), /^\nThis is perl 5, version 36, subversion 0 \(v5\.36\.0\) built for x86_64-linux-gnu-thread-multi\n\nCopyright 1987-2022, Larry Wall\n/);
  assert.equal(await run(`perl -e 'print "hola\\tmundo\\n", 42, "\\n"'`), 'hola\tmundo\n42\n');
  assert.equal(await run(`printf 'a1\\nb2\\na3\\n' | perl -ne 'print if /a/'`), 'a1\na3\n');
  assert.equal(await run(`printf 'foo\\nboo\\n' | perl -pe 's/o+/0/'`), 'f0\nb0\n');
  assert.equal(await run(`printf 'ab\\n' | perl -pe 's/(a)(b)/$2$1/g'`), 'ba\n');
  assert.equal(await run(`perl -le 'print "hola"'; printf 'x\\ny\\n' | perl -lne 'print "[$_]"'`), 'hola\n[x]\n[y]\n');
  assert.match(await run(`perl -e 'my $x = 1'; echo $?`), /^perl: [^\n]+\n255\n$/);
  // <> warns about a file it cannot open and reads on
  assert.equal(await run(`echo uno > f; perl -ne 'print' nope f 2>&1; echo $?`), "Can't open nope: No such file or directory.\nuno\n0\n");
});

test('gcc, make, ssh, gpg, nodejs, npx, corepack in the node image', async () => {
  const run = await host('node:22');
  const r = (cmd: string) => run(`docker run --rm node:22 sh -c '${cmd}'`);
  assert.match(await r('gcc --version'), /^gcc \(Debian 12\.2\.0-14\+deb12u1\) 12\.2\.0\nCopyright \(C\) 2022 Free Software Foundation, Inc\.\n/);
  assert.equal(await r('gcc; echo $?; g++; echo $?'), 'gcc: fatal error: no input files\ncompilation terminated.\n1\ng++: fatal error: no input files\ncompilation terminated.\n1\n');
  assert.equal(await r('make; echo $?; make all'), 'make: *** No targets specified and no makefile found.  Stop.\n2\nmake: *** No rule to make target \'all\'.  Stop.\n');
  assert.match(await r('make --version'), /^GNU Make 4\.3\nBuilt for x86_64-pc-linux-gnu\n/);
  assert.equal(await r('ssh -V'), 'OpenSSH_9.2p1 Debian-2+deb12u6, OpenSSL 3.0.16 11 Feb 2025\n');
  assert.equal(await r('ssh user@servidor; echo $?'), 'ssh: Could not resolve hostname servidor: Name or service not known\n255\n');
  assert.match(await r('gpg --version'), /^gpg \(GnuPG\) 2\.2\.40\n[^]*\nHome: \/root\/\.gnupg\n/);
  assert.equal(await r('nodejs -v; npx --version; corepack --version'), 'v22.16.0\n10.9.2\n0.32.0\n');
  assert.match(await r('npx cowsay hi'), /^npm warn exec The following package was not found and will be installed: cowsay@1\.6\.0\n ____\n< hi >\n ----\n {8}\\ {3}\^__\^\n/);
  assert.match(await r('npx nada; echo $?'), /^npm error code E404\nnpm error 404 Not Found - GET https:\/\/registry\.npmjs\.org\/nada - Not found\n[^]*npm error A complete log of this run can be found in: \/root\/\.npm\/_logs\/\S+-debug-0\.log\n1\n$/);
});

test('npx on a terminal asks before installing; no is npm error canceled; a local bin runs at once', async () => {
  const { run } = await inside('node:22 bash');
  assert.equal(await run('npx cowsay hola'), 'Need to install the following packages:\ncowsay@1.6.0\n');
  assert.match(await run('y'), /^ ______\n< hola >\n/);
  assert.match(await run('npx cowsay otra'), /^ ______\n< otra >\n/);
  const b = await inside('node:22 bash');
  await b.run('npx cowsay hola');
  assert.match(await b.run('n'), /^npm error canceled\nnpm error A complete log/);
  assert.equal(await b.run('echo $?'), '1\n');
  await b.run(`mkdir -p node_modules/.bin && printf '#!/bin/sh\\necho local "$@"\\n' > node_modules/.bin/hola && chmod +x node_modules/.bin/hola`);
  assert.equal(await b.run('npx hola uno'), 'local uno\n');
});

test('gosu, mysqlsh and microdnf in the mysql image', async () => {
  const run = await host('mysql');
  const r = (cmd: string) => run(`docker run --rm mysql sh -c '${cmd}'`);
  assert.equal(await r('gosu mysql id'), 'uid=999(mysql) gid=999(mysql) groups=999(mysql)\n');
  assert.equal(await r('gosu nadie id; echo $?'), 'error: failed switching to "nadie": unable to find user nadie: no matching entries in passwd file\n1\n');
  assert.equal(await r('gosu mysql nada'), 'error: exec: "nada": executable file not found in $PATH\n');
  assert.match(await r('gosu'), /^Usage: gosu user-spec command \[args\]\n/);
  assert.equal(await r('mysqlsh --version'), 'mysqlsh   Ver 9.3.0 for Linux on x86_64 - for MySQL 9.3.0 (MySQL Community Server (GPL))\n');
  assert.match(await r('microdnf --help'), /^Usage:\n {2}microdnf \[OPTION…\] COMMAND\n\nCommands:\n/);
});

test('stty and tput read the terminal docker run -t gave; without one they say so', async () => {
  const run = await host('ubuntu');
  assert.equal(await run(`docker run --rm -t ubuntu sh -c 'stty size; tput cols; tput lines'`), '24 80\n80\n24\n');
  assert.match(await run(`docker run --rm -t ubuntu stty -a`), /^speed 38400 baud; rows 24; columns 80; line = 0;\nintr = \^C; quit = \^\\; erase = \^\?; kill = \^U; eof = \^D; eol = <undef>;\neol2 = /);
  assert.equal(await run(`docker run --rm ubuntu sh -c 'stty size; echo $?; tput cols; echo $?'`), "stty: 'standard input': Inappropriate ioctl for device\n1\ntput: No value for $TERM and no -T specified\n2\n");
  assert.equal(await run(`docker run --rm -t ubuntu tput nada`), "tput: unknown terminfo capability 'nada'\n");
});
