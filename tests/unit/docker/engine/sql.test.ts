import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../../src/docker/engine';
import { engine, execIt, pull, term } from './fixtures';
import { session } from '../client/session';

async function mysqlServer(env = ['MYSQL_ROOT_PASSWORD=secret', 'MYSQL_DATABASE=tienda']) {
  const e = engine();
  await pull(e, 'mysql');
  const { Id } = await e.containerCreate({ Image: 'mysql', Env: env });
  await e.containerStart(Id);
  return { e, Id };
}

test('mysql monitor: banner, prompts, boxed results, Query OK lines, Database changed, Bye', async () => {
  const { e, Id } = await mysqlServer();
  const p = await execIt(e, Id, ['mysql', '-uroot', '-psecret']);
  assert.match(p.start, /^mysql: \[Warning\] Using a password on the command line interface can be insecure\.\nWelcome to the MySQL monitor\. {2}Commands end with ; or \\g\.\nYour MySQL connection id is 8\nServer version: 9\.3\.0 MySQL Community Server - GPL\n\nCopyright \(c\) 2000, 2025, Oracle/);
  assert.equal(p.h.prompt(), 'mysql> ');
  assert.equal(await p.type('show tables;'), 'ERROR 1046 (3D000): No database selected\n');
  assert.equal(await p.type('use nada;'), "ERROR 1049 (42000): Unknown database 'nada'\n");
  assert.equal(await p.type('use tienda;'), 'Database changed\n');
  assert.equal(await p.type('show tables;'), 'Empty set (0.00 sec)\n\n');
  assert.equal(await p.type('create table t (id int primary key auto_increment, nombre varchar(20) not null,'), '');
  assert.equal(p.h.prompt(), '    -> ');
  assert.equal(await p.type('precio decimal(6,2) default 0);'), 'Query OK, 0 rows affected (0.02 sec)\n\n');
  assert.equal(await p.type("insert into t (nombre, precio) values ('pan', 1.5), ('sal', 0.25);"), 'Query OK, 2 rows affected (0.01 sec)\nRecords: 2  Duplicates: 0  Warnings: 0\n\n');
  assert.equal(await p.type("insert into t (nombre) values ('leche');"), 'Query OK, 1 row affected (0.01 sec)\n\n');
  assert.equal(await p.type('select * from t where precio < 1 or nombre like \'P%\' order by id desc;'), '+----+--------+--------+\n| id | nombre | precio |\n+----+--------+--------+\n|  3 | leche  |   0.00 |\n|  2 | sal    |   0.25 |\n|  1 | pan    |   1.50 |\n+----+--------+--------+\n3 rows in set (0.00 sec)\n\n');
  assert.equal(await p.type("update t set precio = 2 where nombre = 'pan';"), 'Query OK, 1 row affected (0.01 sec)\nRows matched: 1  Changed: 1  Warnings: 0\n\n');
  assert.equal(await p.type('delete from t where id > 2;'), 'Query OK, 1 row affected (0.01 sec)\n\n');
  assert.equal(await p.type('select count(*), 1+1, \'hola\' from t limit 1;'), "+----------+-----+------+\n| count(*) | 1+1 | hola |\n+----------+-----+------+\n|        2 |   2 | hola |\n+----------+-----+------+\n1 row in set (0.00 sec)\n\n");
  assert.equal((await p.type('describe t;')).split('\n')[3], '| id     | int          | NO   | PRI | NULL    | auto_increment |');
  assert.equal(await p.type('select * from nada;'), "ERROR 1146 (42S02): Table 'tienda.nada' doesn't exist\n");
  assert.equal(await p.type('select x from t;'), "ERROR 1054 (42S22): Unknown column 'x' in 'field list'\n");
  assert.equal(await p.type('selec 1;'), "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'selec 1' at line 1\n");
  assert.equal(await p.type('alter table t ad c int;'), "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'ad c int' at line 1\n");
  assert.equal(await p.type("insert into t values (1, 'x', 1);"), "ERROR 1062 (23000): Duplicate entry '1' for key 't.PRIMARY'\n");
  assert.equal(await p.type('insert into t (precio) values (1);'), "ERROR 1364 (HY000): Field 'nombre' doesn't have a default value\n");
  assert.equal(await p.type('create table t (a int);'), "ERROR 1050 (42S01): Table 't' already exists\n");
  assert.equal(await p.type('create database tienda;'), "ERROR 1007 (HY000): Can't create database 'tienda'; database exists\n");
  assert.equal(await p.type('drop database tienda;'), 'Query OK, 1 row affected (0.02 sec)\n\n');
  await p.type('quit');
  assert.ok(p.h.exited);
});

test("mysql monitor: a backslash escapes a quote inside a string, so the statement still ends at its ';'", async () => {
  const { e, Id } = await mysqlServer();
  const p = await execIt(e, Id, ['mysql', '-uroot', '-psecret']);
  assert.equal(await p.type("select 'it\\'s' as x;"), "+------+\n| x    |\n+------+\n| it's |\n+------+\n1 row in set (0.00 sec)\n\n");
  assert.equal(p.h.prompt(), 'mysql> ');
});

test('mysql: wrong password, the password prompt, unknown database, -e boxed on a terminal and tab-separated in a pipe', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret -e MYSQL_DATABASE=tienda mysql');
  assert.deepEqual(await run('docker exec db mysql -uroot -pmal'), { out: '', err: "mysql: [Warning] Using a password on the command line interface can be insecure.\nERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n", exit: 1 });
  assert.equal((await run('docker exec db mysql -uroot -e "select 1"')).err, "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n");
  assert.equal((await run('docker exec db mysql -uroot -psecret nada')).err.split('\n')[1], "ERROR 1049 (42000): Unknown database 'nada'");
  assert.deepEqual(await run('docker exec db mysql -uroot -psecret tienda -e "create table t (n int); insert into t values (1),(2); select n, n*2 as doble from t"'), { out: 'n\tdoble\n1\t2\n2\t4\n', err: 'mysql: [Warning] Using a password on the command line interface can be insecure.\n', exit: 0 });
  const tty = await run('docker exec -t db mysql -uroot -psecret -e "select * from tienda.t"');
  assert.equal(tty.out.replace(/\r/g, ''), 'mysql: [Warning] Using a password on the command line interface can be insecure.\n+------+\n| n    |\n+------+\n|    1 |\n|    2 |\n+------+\n');
  assert.deepEqual(await run('docker exec db mysql -uroot -psecret -e "select * from t"'), { out: '', err: "mysql: [Warning] Using a password on the command line interface can be insecure.\nERROR 1046 (3D000) at line 1: No database selected\n", exit: 1 });
  assert.equal((await run('docker exec db mysql --version')).out, 'mysql  Ver 9.3.0 for Linux on x86_64 (MySQL Community Server - GPL)\n');
  const e = engine();
  await pull(e, 'mysql');
  const { Id } = await e.containerCreate({ Image: 'mysql', Env: ['MYSQL_ROOT_PASSWORD=secret'] });
  await e.containerStart(Id);
  const p = await execIt(e, Id, ['mysql', '-uroot', '-p']);
  assert.equal(p.h.prompt(), 'Enter password: ');
  assert.equal(p.h.echo, false);
  assert.match(await p.type('secret'), /^Welcome to the MySQL monitor/);
  assert.equal(p.h.echo, true);
  const bad = await execIt(e, Id, ['mysql', '-uroot', '-p']);
  assert.equal(await bad.type('x'), "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n");
  assert.equal(bad.h.exitCode, 1);
});

test('mysql: MYSQL_USER sees only its schema; no server means no socket', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=r -e MYSQL_DATABASE=app -e MYSQL_USER=ana -e MYSQL_PASSWORD=pw mysql');
  assert.match((await run('docker logs db')).out, /\[Entrypoint\]: Creating database app\n.*\[Entrypoint\]: Creating user ana\n.*\[Entrypoint\]: Giving user ana access to schema app\n/);
  assert.equal((await run('docker exec db mysql -uana -ppw -e "show databases"')).out, 'Database\napp\ninformation_schema\nperformance_schema\n');
  assert.equal((await run('docker exec db mysql -uana -ppw mysql')).err.split('\n')[1], "ERROR 1044 (42000): Access denied for user 'ana'@'%' to database 'mysql'");
  assert.deepEqual(await run('docker run --rm mysql mysql -e "select 1"'), { out: '', err: "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n", exit: 1 });
});

test('mysql: rows kept in a volume outlive the container; the state saved keeps them', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s -e MYSQL_DATABASE=tienda -v datos:/var/lib/mysql mysql');
  await run('docker exec db mysql -uroot -ps tienda -e "create table t (n int); insert into t values (7)"');
  await run('docker rm -f db');
  await run('docker run -d --name db2 -e MYSQL_ROOT_PASSWORD=otra -v datos:/var/lib/mysql mysql');
  // the accounts were made on the first start: the new variable changes nothing
  assert.equal((await run('docker exec db2 mysql -uroot -potra -e "select 1"')).exit, 1);
  assert.equal((await run('docker exec db2 mysql -uroot -ps tienda -e "select * from t"')).out, 'n\n7\n');
  const e = engine();
  await pull(e, 'mysql');
  const { Id } = await e.containerCreate({ Image: 'mysql', Env: ['MYSQL_ROOT_PASSWORD=s'] });
  await e.containerStart(Id);
  await (await execIt(e, Id, ['mysql', '-uroot', '-ps'])).type('create database copia;');
  const b = createEngine({ seed: 3, state: JSON.parse(JSON.stringify(e.save())) });
  const p = await execIt(b, Id, ['mysql', '-uroot', '-ps', 'copia']);
  assert.equal(await p.type('show tables;'), 'Empty set (0.00 sec)\n\n');
});

test('mysql batch from a pipe: tab-separated, stops at the first error with its line', async () => {
  const { e, Id } = await mysqlServer();
  const io = term();
  const h = await e.exec(Id, { Cmd: ['mysql', '-uroot', '-psecret', 'tienda'], AttachStdin: true }, io);
  for (const l of ['create table a (n int, s text);', "insert into a values (1, 'x'),", '(2, null);', 'select * from a;', 'select * from zz;', 'select 1;']) await h.input(l, io);
  assert.equal(io.text, 'n\ts\n1\tx\n2\tNULL\n');
  assert.equal(io.errText, "mysql: [Warning] Using a password on the command line interface can be insecure.\nERROR 1146 (42S02) at line 5: Table 'tienda.zz' doesn't exist\n");
  assert.equal(h.exitCode, 1);
});

async function pgServer() {
  const e = engine();
  await pull(e, 'postgres');
  const { Id } = await e.containerCreate({ Image: 'postgres', Env: ['POSTGRES_PASSWORD=x'] });
  await e.containerStart(Id);
  return execIt(e, Id, ['psql', '-U', 'postgres']);
}

test('psql: command tags, aligned results, \\c, \\dt, \\d, \\l with the databases created', async () => {
  const p = await pgServer();
  assert.equal(await p.type('select 1;'), ' ?column? \n----------\n        1\n(1 row)\n\n');
  assert.equal(await p.type('CREATE DATABASE tienda;'), 'CREATE DATABASE\n');
  assert.match(await p.type('\\l'), /\n tienda {4}\| postgres \| UTF8 /);
  assert.equal(await p.type('\\c tienda'), 'You are now connected to database "tienda" as user "postgres".\n');
  assert.equal(p.h.prompt(), 'tienda=# ');
  assert.equal(await p.type('\\c nada'), 'connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "nada" does not exist\nPrevious connection kept\n');
  assert.equal(await p.type('create table t (id serial primary key, nombre varchar(10) not null, ok boolean default true);'), 'CREATE TABLE\n');
  assert.equal(await p.type("insert into t (nombre) values ('ana'), ('luis');"), 'INSERT 0 2\n');
  assert.equal(await p.type('select * from t order by nombre desc;'), ' id | nombre | ok \n----+--------+----\n  2 | luis   | t\n  1 | ana    | t\n(2 rows)\n\n');
  assert.equal(await p.type("update t set ok = false where id = 1;"), 'UPDATE 1\n');
  assert.equal(await p.type('select count(*) from t where ok;'), ' count \n-------\n     1\n(1 row)\n\n');
  assert.equal(await p.type('delete from t where nombre is null;'), 'DELETE 0\n');
  assert.equal(await p.type('\\dt'), '        List of relations\n Schema | Name | Type  |  Owner   \n--------+------+-------+----------\n public | t    | table | postgres\n(1 row)\n\n');
  assert.equal(await p.type('\\d t'), '                                   Table "public.t"\n Column |         Type          | Collation | Nullable |            Default            \n--------+-----------------------+-----------+----------+-------------------------------\n id     | integer               |           | not null | nextval(\'t_id_seq\'::regclass)\n nombre | character varying(10) |           | not null | \n ok     | boolean               |           |          | true\nIndexes:\n    "t_pkey" PRIMARY KEY, btree (id)\n\n');
  assert.equal(await p.type('create table if not exists t (a int);'), 'CREATE TABLE\nNOTICE:  relation "t" already exists, skipping\n');
});

test('psql errors: the message, LINE and the caret under the place, DETAIL', async () => {
  const p = await pgServer();
  assert.equal(await p.type('select * from nada;'), 'ERROR:  relation "nada" does not exist\nLINE 1: select * from nada;\n                      ^\n');
  await p.type('create table t (id int primary key, n text not null);');
  await p.type('select id,');
  assert.equal(await p.type('  zz from t;'), 'ERROR:  column "zz" does not exist\nLINE 2:   zz from t;\n          ^\n');
  assert.equal(await p.type('select * from;'), 'ERROR:  syntax error at or near ";"\nLINE 1: select * from;\n                     ^\n');
  assert.equal(await p.type("insert into t values (1, 'a');"), 'INSERT 0 1\n');
  assert.equal(await p.type("insert into t values (1, 'b');"), 'ERROR:  duplicate key value violates unique constraint "t_pkey"\nDETAIL:  Key (id)=(1) already exists.\n');
  assert.equal(await p.type('insert into t values (2, null);'), 'ERROR:  null value in column "n" of relation "t" violates not-null constraint\nDETAIL:  Failing row contains (2, null).\n');
  assert.equal(await p.type("insert into t values ('x', 'b');"), 'ERROR:  invalid input syntax for type integer: "x"\nLINE 1: insert into t values (\'x\', \'b\');\n                              ^\n');
  assert.equal(await p.type('drop table nada;'), 'ERROR:  table "nada" does not exist\n');
  assert.equal(await p.type('drop database postgres;'), 'ERROR:  cannot drop the currently open database\n');
  assert.equal(await p.type('describe t;'), 'ERROR:  syntax error at or near "describe"\nLINE 1: describe t;\n        ^\n');
});

test('psql -c: the result or the error (exit 1); the rows survive the container through a volume', async () => {
  const run = session();
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x -e POSTGRES_DB=app -v pgdata:/var/lib/postgresql/data postgres');
  assert.deepEqual(await run('docker exec pg psql -U postgres -d app -c "create table t (n int)"'), { out: 'CREATE TABLE\n', err: '', exit: 0 });
  await run('docker exec pg psql -U postgres -d app -c "insert into t values (5)"');
  assert.deepEqual(await run('docker exec pg psql -U postgres -c "select * from"'), { out: '', err: 'ERROR:  syntax error at end of input\nLINE 1: select * from\n                     ^\n', exit: 1 });
  await run('docker rm -f pg');
  await run('docker run -d --name pg2 -e POSTGRES_PASSWORD=x -v pgdata:/var/lib/postgresql/data postgres');
  assert.equal((await run('docker exec pg2 psql -U postgres -d app -c "select * from t"')).out, ' n \n---\n 5\n(1 row)\n\n');
});

test('mysql and psql typed at a container shell keep their session at its prompt; psql reads a pipe', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s mysql');
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x postgres');
  const tty = { tty: true };
  await run('docker exec -it db bash', tty);
  assert.match((await run('mysql -uroot -ps', tty)).out, /Welcome to the MySQL monitor/);
  await run('show', tty);
  assert.match((await run('databases;', tty)).out, /\| sys {16}\|\n\+-+\+\n4 rows in set/);
  assert.equal((await run('exit', tty)).out, 'Bye\n');
  assert.equal((await run('echo fuera', tty)).out, 'fuera\n');
  await run('exit', tty);
  await run('docker exec -it pg bash', tty);
  assert.match((await run('psql -U postgres', tty)).out, /^psql \(17\.5/);
  assert.equal((await run('select 1 as uno;', tty)).out, ' uno \n-----\n   1\n(1 row)\n\n');
  await run('\\q', tty);
  assert.equal((await run('echo "select 2 as dos;" | psql -U postgres', tty)).out, ' dos \n-----\n   2\n(1 row)\n\n');
});

test('psql from a pipe: errors say the line of the input they come from', async () => {
  const e = engine();
  await pull(e, 'postgres');
  const { Id } = await e.containerCreate({ Image: 'postgres', Env: ['POSTGRES_PASSWORD=x'] });
  await e.containerStart(Id);
  const io = term();
  const h = await e.exec(Id, { Cmd: ['psql', '-U', 'postgres'], AttachStdin: true }, io);
  for (const l of ['create table t (n int);', 'select *', 'from nada;']) await h.input(l, io);
  assert.equal(io.text, 'CREATE TABLE\n');
  assert.equal(io.errText, 'psql:<stdin>:3: ERROR:  relation "nada" does not exist\nLINE 2: from nada;\n             ^\n');
});

test('mysql: names kept as MySQL encodes them on disk, too long a name refused, a quotient with four decimals', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s mysql');
  await run('docker exec db mysql -uroot -ps -e "create database \\`a/b\\`"');
  assert.match((await run('docker exec db ls /var/lib/mysql')).out, /^a@002fb\n/);
  assert.equal((await run(`docker exec db mysql -uroot -ps -e "create database ${'x'.repeat(65)}"`)).err.split('\n')[1], `ERROR 1059 (42000) at line 1: Identifier name '${'x'.repeat(65)}' is too long`);
  assert.equal((await run('docker exec -t db mysql -uroot -ps -e "select 1/4"')).out.replace(/\r/g, '').split('\n')[4], '| 0.2500 |');
});

test('mysql: \\G prints a block per row; MYSQL_RANDOM_ROOT_PASSWORD logs the password it made; an empty one lets root in; psql help and SHOW', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_RANDOM_ROOT_PASSWORD=1 mysql');
  const pw = /GENERATED ROOT PASSWORD: (\S{32})\n/.exec((await run('docker logs db')).out)?.[1];
  assert.ok(pw);
  assert.equal((await run(`docker exec db mysql -uroot -p${pw} -e "select 1"`)).exit, 0);
  const { e, Id } = await mysqlServer(['MYSQL_ALLOW_EMPTY_PASSWORD=yes']);
  const p = await execIt(e, Id, ['mysql']);
  assert.equal(await p.type("select 1 as uno, 'dos' as segundo\\G"), '*************************** 1. row ***************************\n    uno: 1\nsegundo: dos\n1 row in set (0.00 sec)\n\n');
  const q = await pgServer();
  assert.match(await q.type('help'), /^You are using psql, the command-line interface to PostgreSQL\.\nType: {2}\\copyright/);
  assert.equal(await q.type('show tables;'), 'ERROR:  unrecognized configuration parameter "tables"\n');
});

test('mysql: a data directory without the accounts file lets root in with the container\'s password', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s mysql');
  await run('docker exec db rm /var/lib/mysql/mysql.ibd');
  assert.equal((await run('docker exec db mysql -uroot -ps -e "select 1"')).out, '1\n1\n');
  assert.equal((await run('docker exec db mysql -uroot -pt -e "select 1"')).exit, 1);
  // the accounts start from that root: CREATE USER keeps both
  assert.deepEqual(await run(`docker exec db mysql -uroot -ps -e "create user 'u' identified by 'p'"`), { out: '', err: 'mysql: [Warning] Using a password on the command line interface can be insecure.\n', exit: 0 });
  assert.equal((await run('docker exec db mysql -uu -pp -e "select 2"')).out, '2\n2\n');
  assert.equal((await run('docker exec db mysql -uroot -ps -e "select 3"')).out, '3\n3\n');
});

test('psql -c with several statements shows the last result; a comment line leaves the prompt as it was', async () => {
  const run = session();
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x postgres');
  assert.deepEqual(await run('docker exec pg psql -U postgres -c "create table t (n int); insert into t values (1), (2)"'), { out: 'INSERT 0 2\n', err: '', exit: 0 });
  assert.equal((await run('docker exec pg psql -U postgres -c "select * from nada; select 1"')).err.split('\n')[0], 'ERROR:  relation "nada" does not exist');
  const p = await pgServer();
  await p.type('-- una nota');
  assert.equal(p.h.prompt(), 'postgres=# ');
  const { e, Id } = await mysqlServer();
  const q = await execIt(e, Id, ['mysql', '-uroot', '-psecret']);
  await q.type('-- una nota');
  assert.equal(q.h.prompt(), 'mysql> ');
});

test('dates: a DATE keeps the day, DATETIME and TIMESTAMP the time; what is no date is refused by each server', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s -e MYSQL_DATABASE=d mysql');
  const my = await run(`docker exec db mysql -uroot -ps d -e "create table e (f date, t datetime default current_timestamp); insert into e (f) values ('2025-01-02'); insert into e values (now(), '2024-05-05'); select * from e; insert into e (f) values ('ayer')"`);
  assert.match(my.out, /^f\tt\n2025-01-02\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n\d{4}-\d\d-\d\d\t2024-05-05 00:00:00\n$/);
  assert.equal(my.err.split('\n')[1], "ERROR 1292 (22007) at line 1: Incorrect date value: 'ayer' for column 'f' at row 1");
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x postgres');
  const pg = await run(`docker exec pg psql -U postgres -c "create table e (f date, t timestamp default now()); insert into e (f) values ('2025-01-02'); select * from e;"`);
  assert.match(pg.out.split('\n')[2], /^ 2025-01-02 \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d*123$/);
  assert.equal((await run(`docker exec pg psql -U postgres -c "insert into e (f) values ('ayer')"`)).err, 'ERROR:  invalid input syntax for type date: "ayer"\nLINE 1: insert into e (f) values (\'ayer\')\n                                  ^\n');
});

test('mysql -h: another container reaches the server by name over the network; unknown hosts and closed ports fail as the client says', async () => {
  const run = session();
  await run('docker network create red');
  await run('docker run -d --name db --network red -e MYSQL_ROOT_PASSWORD=s -e MYSQL_DATABASE=tienda mysql');
  assert.equal((await run('docker run --rm --network red mysql mysql -h db -uroot -ps tienda -e "create table t (n int); insert into t values (4); select * from t"')).out, 'n\n4\n');
  assert.equal((await run('docker exec db mysql -uroot -ps tienda -e "select n from t"')).out, 'n\n4\n');
  assert.equal((await run('docker run --rm --network red mysql mysql -h db -uroot -ps -e "select * from t"')).err.split('\n')[1], 'ERROR 1046 (3D000) at line 1: No database selected');
  assert.match((await run('docker run --rm --network red mysql mysql -h db -uroot -pmal -e "select 1"')).err, /ERROR 1045 \(28000\): Access denied for user 'root'@'172\.\d+\.\d+\.\d+' \(using password: YES\)\n$/);
  assert.equal((await run('docker run --rm --network red mysql mysql -h nadie -uroot -e "select 1"')).err, "ERROR 2005 (HY000): Unknown MySQL server host 'nadie' (-2)\n");
  assert.equal((await run('docker run --rm mysql mysql -h 10.0.0.9 -uroot -e "select 1"')).err, "ERROR 2003 (HY000): Can't connect to MySQL server on '10.0.0.9:3306' (111)\n");
});

test('psql -h: another container asks for the password (not shown), PGPASSWORD gives it; wrong ones, unknown hosts and closed ports fail as psql says', async () => {
  const run = session();
  await run('docker network create red');
  await run('docker run -d --name pg --network red -e POSTGRES_PASSWORD=secreto postgres');
  const tty = { tty: true };
  await run('docker run -it --rm --network red postgres psql -h pg -U postgres', tty);
  assert.equal(run.shell.echo?.(), false);
  assert.match((await run('secreto', tty)).out, /^psql \(17\.5/);
  assert.equal(run.shell.echo?.(), true);
  assert.equal((await run('create table t (n int);', tty)).out, 'CREATE TABLE\n');
  await run('\\q', tty);
  assert.equal((await run('docker run --rm --network red -e PGPASSWORD=secreto postgres psql -h pg -U postgres -c "select * from t"')).out, ' n \n---\n(0 rows)\n\n');
  assert.deepEqual(await run('docker run --rm --network red postgres psql -h pg -U postgres -c "select 1"'), { out: '', err: 'psql: error: connection to server at "pg" (172.18.0.2), port 5432 failed: fe_sendauth: no password supplied\n', exit: 2 });
  assert.equal((await run('docker run --rm --network red -e PGPASSWORD=mal postgres psql -h pg -U postgres -c "select 1"')).err, 'psql: error: connection to server at "pg" (172.18.0.2), port 5432 failed: FATAL:  password authentication failed for user "postgres"\n');
  assert.equal((await run('docker run --rm --network red postgres psql -h nadie -c "select 1"')).err, 'psql: error: could not translate host name "nadie" to address: Name or service not known\n');
  assert.equal((await run('docker run --rm postgres psql -h 10.0.0.9 -c "select 1"')).err, 'psql: error: connection to server at "10.0.0.9", port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n');
  const e = engine();
  await pull(e, 'postgres');
  const { Id } = await e.containerCreate({ Image: 'postgres', Env: ['POSTGRES_PASSWORD=x'] });
  await e.containerStart(Id);
  const p = await execIt(e, Id, ['psql', '-h', '127.0.0.1', '-U', 'postgres']);
  assert.equal(p.h.prompt(), 'postgres=# ');
});

test('DISTINCT, IN, NOT IN, BETWEEN and AVG with each server\'s decimals', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s -e MYSQL_DATABASE=d mysql');
  const my = (q: string) => run(`docker exec db mysql -uroot -ps d -e "${q}"`).then((r) => r.out);
  await my("create table t (n int, p decimal(6,2), c varchar(5)); insert into t values (1, 1.00, 'a'), (2, 1.15, 'b'), (2, 2.00, 'a'), (4, null, null)");
  assert.equal(await my('select distinct c from t'), 'c\na\nb\nNULL\n');
  assert.equal(await my('select n from t where n in (1, 4)'), 'n\n1\n4\n');
  assert.equal(await my('select n from t where n not in (1, 4)'), 'n\n2\n2\n');
  assert.equal(await my('select n from t where n between 2 and 3'), 'n\n2\n2\n');
  assert.equal(await my('select avg(n), avg(p) from t'), 'avg(n)\tavg(p)\n2.2500\t1.383333\n');
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x postgres');
  const pg = await run(`docker exec pg psql -U postgres -c "create table t (n int, p numeric(6,2)); insert into t values (1, 1.00), (2, 1.15), (2, 2.00), (4, null); select avg(n), avg(p) from t"`);
  assert.equal(pg.out.split('\n')[2], ' 2.2500000000000000 | 1.3833333333333333');
});

test('GROUP BY: a row per group, aggregates per group, ORDER BY an aggregate or its alias', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s -e MYSQL_DATABASE=d mysql');
  const my = (q: string) => run(`docker exec db mysql -uroot -ps d -e "${q}"`).then((r) => r.out);
  await my("create table v (c varchar(5), n int); insert into v values ('a', 1), ('b', 5), ('a', 2), ('c', 1)");
  assert.equal(await my('select c, count(*), sum(n) from v group by c'), 'c\tcount(*)\tsum(n)\na\t2\t3\nb\t1\t5\nc\t1\t1\n');
  assert.equal(await my('select c, count(*) as total from v group by c order by total desc, c desc limit 2'), 'c\ttotal\na\t2\nc\t1\n');
  assert.equal(await my('select c, max(n) from v where n > 9 group by c'), '');
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=x postgres');
  const pg = await run(`docker exec pg psql -U postgres -c "create table v (c text, n int); insert into v values ('a', 1), ('b', 5), ('a', 2); select c, count(*) from v group by c order by count(*) desc"`);
  assert.equal(pg.out, ' c | count \n---+-------\n a |     2\n b |     1\n(2 rows)\n\n');
});

test('mysql: a table named in a database that does not exist is a missing table, not a crash', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s mysql');
  assert.equal((await run('docker exec db mysql -uroot -ps -e "describe nada.t"')).err.split('\n')[1], "ERROR 1146 (42S02) at line 1: Table 'nada.t' doesn't exist");
  assert.equal((await run('docker exec db mysql -uroot -ps -e "drop table if exists nada.t"')).exit, 0);
});

test('mysql monitor: use and \\u at the start of a line need no semicolon; inside a statement use is SQL', async () => {
  const { e, Id } = await mysqlServer();
  const p = await execIt(e, Id, ['mysql', '-uroot', '-psecret']);
  assert.equal(await p.type('use tienda'), 'Database changed\n');
  assert.equal(p.h.prompt(), 'mysql> ');
  assert.equal(await p.type('\\u mysql'), 'Database changed\n');
  assert.equal(await p.type('use nada'), "ERROR 1049 (42000): Unknown database 'nada'\n");
  assert.equal(await p.type('select 1'), '');
  assert.equal(p.h.prompt(), '    -> ');
});

test('mysql -N / --skip-column-names: batch rows and the -t box without the header row, widths from the values only', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret -e MYSQL_DATABASE=tienda mysql');
  assert.equal((await run('docker exec db mysql -uroot -psecret tienda -N -e "create table t (n int not null, nombre varchar(9)); insert into t values (1, \'pan\'),(22, \'sal\'); select n, n*2 as doble from t"')).out, '1\t2\n22\t44\n');
  assert.equal((await run('docker exec db mysql -uroot -psecret tienda --skip-column-names -t -e "select n, nombre as nombre_largo from t"')).out, '+----+------+\n|  1 | pan  |\n| 22 | sal  |\n+----+------+\n');
});

test('mysql: type synonyms are stored under their MySQL names, SERIAL is a unique bigint unsigned, BIGSERIAL a syntax error', async () => {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret -e MYSQL_DATABASE=tienda mysql');
  const r = await run('docker exec db mysql -uroot -psecret tienda -N -e "create table t (id serial, a real, b float8, c double precision, d float4, e int2, f int8, g integer, h bool, j numeric); describe t; show create table t"');
  assert.equal(r.out.split('\n').slice(0, 10).map((l) => l.split('\t').slice(0, 4).join(' ')).join(','), 'id bigint unsigned NO PRI,a double YES ,b double YES ,c double YES ,d float YES ,e smallint YES ,f bigint YES ,g int YES ,h tinyint(1) YES ,j decimal(10,0) YES ');
  assert.match(r.out, /`id` bigint unsigned NOT NULL AUTO_INCREMENT,\\n {2}`a` double DEFAULT NULL,.*`j` decimal\(10,0\) DEFAULT NULL,\\n {2}UNIQUE KEY `id` \(`id`\)\\n\)/);
  assert.equal((await run('docker exec db mysql -uroot -psecret tienda -e "create table u (id bigserial)"')).err.split('\n')[1], "ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'bigserial)' at line 1");
});
