import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './session';
import { engine, execIt, pull } from '../engine/fixtures';

test('mongo: on ubuntu noble (7.0 on jammy), sharing its layer; config of the official Dockerfile', async () => {
  const run = session();
  await run('docker pull ubuntu');
  const p = await run('docker pull mongo');
  assert.equal(p.exit, 0);
  assert.match(p.out, /^[0-9a-f]{12}: Already exists$/m);
  assert.equal((p.out.match(/Pull complete/g) ?? []).length, 7);
  assert.match((await run('docker images mongo')).out, /mongo +latest +\w+ +.+ +891MB\n/);
  const c = JSON.parse((await run("docker inspect -f '{{json .Config}}' mongo")).out);
  assert.deepEqual([c.Entrypoint, c.Cmd, c.ExposedPorts, Object.keys(c.Volumes)], [['docker-entrypoint.sh'], ['mongod'], { '27017/tcp': {} }, ['/data/configdb', '/data/db']]);
  assert.ok(c.Env.includes('MONGO_VERSION=8.0.10') && c.Env.includes('HOME=/data/db'));
  await run('docker pull ubuntu:22.04');
  assert.match((await run('docker pull mongo:7')).out, /Already exists/);
  assert.match((await run('docker history --no-trunc mongo:7')).out, /RUN \|2 MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org \/bin\/sh -c echo .*jammy/);
});

test('mongo: mongod stays up with its JSON log as the mongodb user, and leaves on docker stop', async () => {
  const run = session();
  assert.equal((await run('docker run -d --name db mongo')).exit, 0);
  const log = (await run('docker logs db')).out;
  assert.match(log, /^\{"t":\{"\$date":"[\d-]+T[\d:.]+\+00:00"\},"s":"I", {2}"c":"CONTROL", {2}"id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":\{"pid":1,"port":27017,"dbPath":"\/data\/db"/m);
  assert.match(log, /"c":"NETWORK", {2}"id":23016, {3}"ctx":"listener","msg":"Waiting for connections","attr":\{"port":27017,"ssl":"off"\}\}\n$/);
  assert.match((await run('docker ps')).out, /Up .* 27017\/tcp +db/);
  assert.match((await run('docker top db')).out, /999 .* mongod --bind_ip_all/);
  assert.equal((await run('docker exec db mongosh --version')).out, '2.5.2\n');
  assert.match((await run('docker exec db mongod --version')).out, /^db version v8\.0\.10\nBuild Info: \{\n {4}"version": "8\.0\.10",/);
  await run('docker stop db');
  assert.match((await run('docker logs db')).out, /"msg":"Shutting down","attr":\{"exitCode":0\}\}\n$/);
  assert.match((await run("docker inspect -f '{{.State.ExitCode}}' db")).out, /^0\n/);
});

test('mongo: a root user needs both MONGO_INITDB_ROOT_ variables; with both, init runs once and auth is on', async () => {
  const run = session();
  await run('docker pull -q mongo');
  const r = await run('docker run -e MONGO_INITDB_ROOT_PASSWORD=x mongo');
  assert.equal(r.err, "\nerror: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created\n\n");
  assert.equal(r.exit, 1);
  await run('docker run -d --name db -e MONGO_INITDB_ROOT_USERNAME=root -e MONGO_INITDB_ROOT_PASSWORD=x mongo');
  const log = (await run('docker logs db')).out;
  assert.match(log, /MongoDB init process complete; ready for start up\.\n/);
  assert.match(log, /"options":\{"net":\{"bindIp":"\*"\},"security":\{"authorization":"enabled"\}\}/);
  await run('docker restart db');
  assert.equal((await run('docker logs db')).out.match(/init process complete/g)?.length, 1);
});

test('mariadb: 11.8 is latest and lts on ubuntu noble; config and labels of its Dockerfile', async () => {
  const run = session();
  await run('docker pull ubuntu');
  const p = await run('docker pull mariadb');
  assert.equal((p.out.match(/Already exists/g) ?? []).length, 1);
  await run('docker pull -q mariadb:lts');
  assert.match((await run('docker images mariadb')).out, /mariadb +latest +(\w+) +.+329MB\nmariadb +lts +\1 /);
  const c = JSON.parse((await run("docker inspect -f '{{json .Config}}' mariadb")).out);
  assert.deepEqual([c.Entrypoint, c.Cmd, c.ExposedPorts, c.Volumes], [['docker-entrypoint.sh'], ['mariadbd'], { '3306/tcp': {} }, { '/var/lib/mysql': {} }]);
  assert.ok(c.Env.includes('MARIADB_VERSION=1:11.8.2+maria~ubu2404'));
  assert.equal(c.Labels['org.opencontainers.image.version'], '11.8.2');
});

test('mariadb: the password check, MYSQL_ and MARIADB_ variables alike, its log, its client and no mysql in 11.x', async () => {
  const run = session();
  await run('docker pull -q mariadb');
  await run('docker run -d --name none mariadb');
  assert.match((await run('docker logs none')).err, /\[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD\n$/);
  assert.match((await run("docker inspect -f '{{.State.ExitCode}}' none")).out, /^1/);
  await run('docker run -d --name db -e MARIADB_ROOT_PASSWORD=s3cret -e MARIADB_DATABASE=shop mariadb');
  const log = await run('docker logs db');
  assert.match(log.out, /\[Note\] \[Entrypoint\]: Creating database shop\n/);
  assert.match(log.out, /MariaDB init process done\. Ready for start up\.\n/);
  assert.match(log.err, /\d{4}-\d\d-\d\d [ \d]\d:\d\d:\d\d 0 \[Note\] mariadbd: ready for connections\.\nVersion: '11\.8\.2-MariaDB-ubu2404'  socket: '\/run\/mysqld\/mysqld\.sock'  port: 3306  mariadb\.org binary distribution\n$/);
  assert.deepEqual(await run('docker exec db mariadb -uroot -ps3cret -e "show databases"'), { out: 'Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n', err: '', exit: 0 });
  assert.equal((await run('docker exec db mariadb --version')).out, 'mariadb from 11.8.2-MariaDB, client 15.2 for debian-linux-gnu (x86_64) using  EditLine wrapper\n');
  assert.match((await run('docker exec db mariadb -uroot -pno')).err, /^ERROR 1045 \(28000\): Access denied for user 'root'@'localhost' \(using password: YES\)\n$/);
  assert.match((await run('docker exec db mariadb -uroot -ps3cret -e "selec 1"')).err, /corresponds to your MariaDB server version/);
  const my = await run('docker exec db mysql -uroot -ps3cret');
  assert.equal([my.exit, my.err].join(' '), '127 OCI runtime exec failed: exec failed: unable to start container process: exec: "mysql": executable file not found in $PATH: unknown\n');
  await run('docker stop db');
  assert.match((await run('docker logs db')).err, /mariadbd: Shutdown complete\n\n$/);
  await run('docker run -d --name old -e MYSQL_ROOT_PASSWORD=x mariadb:10.11');
  assert.equal((await run('docker exec old mysql -uroot -px -e "select version()"')).out, 'version()\n10.11.13-MariaDB-ubu2404\n');
});

test('mariadb: the interactive client names itself, the server and the database in use', async () => {
  const e = engine();
  await pull(e, 'mariadb');
  const { Id } = await e.containerCreate({ Image: 'mariadb', Env: ['MARIADB_ROOT_PASSWORD=pw'] });
  await e.containerStart(Id);
  const p = await execIt(e, Id, ['mariadb', '-uroot', '-ppw']);
  assert.match(p.start, /^Welcome to the MariaDB monitor\. {2}Commands end with ; or \\g\.\nYour MariaDB connection id is \d+\nServer version: 11\.8\.2-MariaDB-ubu2404 mariadb\.org binary distribution\n\nCopyright \(c\) 2000, 2018, Oracle, MariaDB Corporation Ab and others\.\n/);
  assert.equal(p.h.prompt(), 'MariaDB [(none)]> ');
  assert.equal(await p.type('use mysql;'), 'Database changed\n');
  assert.equal(p.h.prompt(), 'MariaDB [mysql]> ');
});

test('php: cli, apache and fpm on debian:bookworm-slim; php -v, -m, -r with echo and print, the parse error of a missing ;', async () => {
  const run = session();
  await run('docker pull debian:bookworm-slim');
  const p = await run('docker pull php');
  assert.equal((p.out.match(/Already exists/g) ?? []).length, 1);
  assert.match((await run('docker images php')).out, /php +latest +\w+ +.+ +469MB\n/);
  const c = JSON.parse((await run("docker inspect -f '{{json .Config}}' php")).out);
  assert.deepEqual([c.Entrypoint, c.Cmd], [['docker-php-entrypoint'], ['php', '-a']]);
  assert.ok(c.Env.includes('PHP_VERSION=8.4.8') && c.Env.includes('PHP_INI_DIR=/usr/local/etc/php'));
  assert.equal((await run('docker run --rm php php -v')).out, 'PHP 8.4.8 (cli) (built: Jun  6 2025 17:51:04) (NTS)\nCopyright (c) The PHP Group\nBuilt by https://github.com/docker-library/php\nZend Engine v4.4.8, Copyright (c) Zend Technologies\n');
  assert.match((await run('docker run --rm php:8.3 php -v')).out, /^PHP 8\.3\.22 \(cli\)[^]*Zend Engine v4\.3\.22/);
  assert.equal((await run(`docker run --rm php php -r 'echo "hola\\n";'`)).out, 'hola\n');
  assert.equal((await run(`docker run --rm php -r 'echo "a", 1.50, PHP_EOL; print "v" . PHP_VERSION . "\\n";'`)).out, 'a1.5\nv8.4.8\n');
  const bad = await run(`docker run --rm php php -r 'echo "hola"'`);
  assert.deepEqual([bad.exit, bad.err, bad.out], [255, 'PHP Parse error:  syntax error, unexpected end of file, expecting "," or ";" in Command line code on line 1\n', '\nParse error: syntax error, unexpected end of file, expecting "," or ";" in Command line code on line 1\n']);
  assert.match((await run('docker run --rm php php -m')).out, /^\[PHP Modules\]\nCore\nctype\n[^]*\nzlib\n\n\[Zend Modules\]\n\n$/);
  await run('docker pull -q php:fpm');
  const f = JSON.parse((await run("docker inspect -f '{{json .Config}}' php:fpm")).out);
  assert.deepEqual([f.Cmd, f.ExposedPorts, f.StopSignal, f.WorkingDir], [['php-fpm'], { '9000/tcp': {} }, 'SIGQUIT', '/var/www/html']);
});

test('php:apache serves /var/www/html: 403 without an index, index.php with its echo, combined log lines', async () => {
  const run = session();
  await run('docker run -d --name web -p 8080:80 php:8.4-apache');
  assert.match((await run('curl -s localhost:8080')).out, /<title>403 Forbidden<\/title>[^]*Apache\/2\.4\.62 \(Debian\) Server at localhost Port 8080/);
  await run(`docker exec web sh -c 'echo "<h1>Hola</h1><?= \\"PHP \\" . phpversion() ?>" > index.php'`);
  const r = await run('curl -si localhost:8080/');
  assert.match(r.out, /X-Powered-By: PHP\/8\.4\.8\r?\n/);
  assert.match(r.out, /\n<h1>Hola<\/h1>PHP 8\.4\.8$/);
  const log = await run('docker logs web');
  assert.match(log.err, /AH00558: apache2: Could not reliably determine[^]*\[mpm_prefork:notice\] \[pid 1:tid 1\] AH00163: Apache\/2\.4\.62 \(Debian\) PHP\/8\.4\.8 configured -- resuming normal operations\n.*AH00094: Command line: 'apache2 -D FOREGROUND'\n$/);
  assert.match(log.out, /"GET \/ HTTP\/1\.1" 200 22 "-" "curl\/[\d.]+"\n$/);
  await run('docker stop web');
  assert.match((await run('docker logs web')).err, /AH00170: caught SIGWINCH, shutting down gracefully\n$/);
});

test('wordpress: on php:8.2-apache\'s layers; the entrypoint copies WordPress in, and without wp-config.php / sends to the installer', async () => {
  const run = session();
  await run('docker pull php:8.2-apache');
  const p = await run('docker pull wordpress');
  assert.equal((p.out.match(/Already exists/g) ?? []).length, 13);
  assert.match((await run('docker images wordpress')).out, / 681MB\n/);
  const c = JSON.parse((await run("docker inspect -f '{{json .Config}}' wordpress")).out);
  assert.deepEqual([c.Entrypoint, c.Cmd, c.Volumes, c.WorkingDir, c.StopSignal], [['docker-entrypoint.sh'], ['apache2-foreground'], { '/var/www/html': {} }, '/var/www/html', 'SIGWINCH']);
  await run('docker run -d --name wp -p 8080:80 wordpress');
  const r = await run('curl -I localhost:8080');
  assert.match(r.out, /^HTTP\/1\.1 302 Found\r?\n/);
  assert.match(r.out, /X-Redirect-By: WordPress\r?\nLocation: http:\/\/localhost:8080\/wp-admin\/setup-config\.php\r?\n/);
  const log = await run('docker logs wp');
  assert.match(log.err, /^WordPress not found in \/var\/www\/html - copying now\.\.\.\nComplete! WordPress has been successfully copied to \/var\/www\/html\nAH00558: apache2: /);
  assert.match(log.out, /"HEAD \/ HTTP\/1\.1" 302 0 "-" "curl\//);
  assert.match((await run('docker exec wp ls')).out, /^index\.php\n[^]*wp-config-sample\.php\n/);
  await run('docker restart wp');
  assert.equal(((await run('docker logs wp')).err.match(/copying now/g) ?? []).length, 1);
});

test('httpd:alpine (2.4-alpine, alpine3.21 tags) on alpine\'s layer, serving as the Debian image does with Alpine\'s www-data', async () => {
  const run = session();
  await run('docker pull alpine');
  assert.equal(((await run('docker pull httpd:alpine')).out.match(/Already exists/g) ?? []).length, 1);
  await run('docker pull -q httpd:2.4-alpine3.21');
  assert.match((await run('docker images httpd')).out, /httpd +2\.4-alpine3\.21 +(\w+) .* 62\.1MB\nhttpd +alpine +\1 /);
  await run('docker run -d --name web -p 8082:80 httpd:alpine');
  assert.equal((await run('curl -s localhost:8082')).out, '<html><body><h1>It works!</h1></body></html>\n');
  assert.match((await run('docker top web')).out, /\n82 .* httpd -DFOREGROUND\n/);
  assert.match((await run("docker inspect -f '{{.Config.StopSignal}} {{.Config.WorkingDir}}' httpd:alpine")).out, /^SIGWINCH \/usr\/local\/apache2\n/);
});
