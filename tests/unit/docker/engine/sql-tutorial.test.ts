/** The SQL of a database course beyond the first lesson: joins, grouping, subqueries, keys, ALTER, accounts, mysqldump. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from '../client/session';
import { engine, execIt, pull } from './fixtures';

const W = 'mysql: [Warning] Using a password on the command line interface can be insecure.\n';
const SCHEMA = "create table clientes (id int primary key auto_increment, nombre varchar(20) not null, email varchar(40) unique); create table pedidos (id int primary key auto_increment, cliente_id int, total decimal(6,2) not null default 0, foreign key (cliente_id) references clientes(id)); insert into clientes (nombre, email) values ('Ana','a@x'),('Luis','l@x'),('Eva',null); insert into pedidos (cliente_id, total) values (1, 1.20),(1, 3.50),(2, 10)";

async function shop() {
  const run = session();
  await run('docker run -d --name db -e MYSQL_ROOT_PASSWORD=s -e MYSQL_DATABASE=t mysql');
  const sql = async (q: string, user = '-uroot -ps') => {
    const r = await run(`docker exec db mysql ${user} t -e "${q}"`);
    return { ...r, err: r.err.replace(W, '') };
  };
  await sql(SCHEMA);
  return { run, sql };
}

test('mysql: joins with aliases, GROUP BY with HAVING on an alias, ORDER BY alias and position, LIMIT … OFFSET', async () => {
  const { sql } = await shop();
  assert.equal((await sql('select c.nombre, count(p.id) as n, sum(p.total) total from clientes c left join pedidos p on p.cliente_id = c.id group by c.nombre having n > 0 order by total desc')).out, 'nombre\tn\ttotal\nLuis\t1\t10.00\nAna\t2\t4.70\n');
  assert.equal((await sql('select c.nombre, p.total from pedidos p inner join clientes as c on c.id = p.cliente_id order by 2 limit 2 offset 1')).out, 'nombre\ttotal\nAna\t3.50\nLuis\t10.00\n');
  assert.equal((await sql('select p.id, c.nombre from pedidos p right join clientes c on c.id = p.cliente_id where c.id > 1')).out, 'id\tnombre\n3\tLuis\nNULL\tEva\n');
  assert.equal((await sql('select distinct cliente_id from pedidos limit 5')).out, 'cliente_id\n1\n2\n');
  assert.equal((await sql('select distinct cliente_id from pedidos limit 5', '-t -uroot -ps')).out, '+------------+\n| cliente_id |\n+------------+\n|          1 |\n|          2 |\n+------------+\n');
  assert.deepEqual(await sql('select id from clientes join pedidos on cliente_id = clientes.id'), { out: '', err: "ERROR 1052 (23000) at line 1: Column 'id' in field list is ambiguous\n", exit: 1 });
  assert.equal((await sql('select x.nombre from clientes c')).err, "ERROR 1054 (42S22) at line 1: Unknown column 'x.nombre' in 'field list'\n");
});

test('mysql: subqueries (IN, scalar, correlated, EXISTS), BETWEEN, CASE, IFNULL and COALESCE', async () => {
  const { sql } = await shop();
  assert.equal((await sql("select nombre, case when id = 1 then 'uno' else 'otro' end as c, ifnull(email, '-') e, coalesce(null, 3) from clientes where id between 1 and 3 and id in (select cliente_id from pedidos)")).out, "nombre\tc\te\tcoalesce(null, 3)\nAna\tuno\ta@x\t3\nLuis\totro\tl@x\t3\n");
  assert.equal((await sql('select nombre, (select count(*) from pedidos where cliente_id = clientes.id) as n from clientes where not exists (select 1 from pedidos where cliente_id = clientes.id)')).out, 'nombre\tn\nEva\t0\n');
  assert.equal((await sql('select nombre from clientes where id = (select max(cliente_id) from pedidos)')).out, 'nombre\nLuis\n');
  assert.equal((await sql('select nombre from clientes where id = (select cliente_id from pedidos)')).err, 'ERROR 1242 (21000) at line 1: Subquery returns more than 1 row\n');
  assert.equal((await sql('select (select id, nombre from clientes limit 1)')).err, 'ERROR 1241 (21000) at line 1: Operand should contain 1 column(s)\n');
  assert.equal((await sql('select case 2 when 1 then 10 when 2 then 20 end, round(2.345, 2), if(1 > 2, 1, 0)')).out.split('\n')[1], '20\t2.35\t0');
});

test('mysql: DECIMAL arithmetic keeps its scale (1.20 * 2 is 2.40), SUM too', async () => {
  const { sql } = await shop();
  assert.equal((await sql('select total * 2, total + 1, total * total, total / 3 from pedidos where id = 1')).out, 'total * 2\ttotal + 1\ttotal * total\ttotal / 3\n2.40\t2.20\t1.4400\t0.400000\n');
  assert.equal((await sql('select sum(total), 1.50 + 1, 3 * 2 from pedidos')).out.split('\n')[1], '14.70\t2.50\t6');
});

test('mysql: UNIQUE, NOT NULL and FOREIGN KEY answer as InnoDB does; ON DELETE CASCADE deletes the children', async () => {
  const { sql } = await shop();
  assert.deepEqual(await sql('insert into pedidos (cliente_id, total) values (9, 1)'), { out: '', err: 'ERROR 1452 (23000) at line 1: Cannot add or update a child row: a foreign key constraint fails (`t`.`pedidos`, CONSTRAINT `pedidos_ibfk_1` FOREIGN KEY (`cliente_id`) REFERENCES `clientes` (`id`))\n', exit: 1 });
  assert.equal((await sql("insert into clientes (nombre, email) values ('X', 'a@x')")).err, "ERROR 1062 (23000) at line 1: Duplicate entry 'a@x' for key 'clientes.email'\n");
  assert.equal((await sql('insert into clientes (nombre) values (null)')).err, "ERROR 1048 (23000) at line 1: Column 'nombre' cannot be null\n");
  assert.equal((await sql('delete from clientes where id = 1')).err, 'ERROR 1451 (23000) at line 1: Cannot delete or update a parent row: a foreign key constraint fails (`t`.`pedidos`, CONSTRAINT `pedidos_ibfk_1` FOREIGN KEY (`cliente_id`) REFERENCES `clientes` (`id`))\n');
  assert.equal((await sql('drop table clientes')).err, "ERROR 3730 (HY000) at line 1: Cannot drop table 'clientes' referenced by a foreign key constraint 'pedidos_ibfk_1' on table 'pedidos'.\n");
  assert.equal((await sql('create table l (id int, p int, foreign key (p) references nada(id))')).err, "ERROR 1824 (HY000) at line 1: Failed to open the referenced table 'nada'\n");
  await sql('create table h (id int, c int, foreign key (c) references clientes(id) on delete cascade); insert into h values (1, 3), (2, 3), (3, 2); delete from pedidos where cliente_id = 2; delete from clientes where id = 3');
  assert.equal((await sql('select id from h')).out, 'id\n3\n');
});

test('mysql: ALTER TABLE ADD/DROP/MODIFY/CHANGE/RENAME, IF [NOT] EXISTS with its warning, TRUNCATE, SHOW CREATE TABLE', async () => {
  const { sql } = await shop();
  assert.deepEqual(await sql('alter table clientes add column tel varchar(9) not null after nombre; alter table clientes drop column email; alter table clientes modify nombre varchar(30) not null; alter table clientes change tel telefono char(9); alter table pedidos rename to compras; describe clientes; show tables'), { out: 'Field\tType\tNull\tKey\tDefault\tExtra\nid\tint\tNO\tPRI\tNULL\tauto_increment\nnombre\tvarchar(30)\tNO\t\tNULL\t\ntelefono\tchar(9)\tYES\t\tNULL\t\nTables_in_t\nclientes\ncompras\n', err: '', exit: 0 });
  assert.equal((await sql("select concat('[', telefono, ']') from clientes limit 1")).out, "concat('[', telefono, ']')\n[]\n");
  assert.equal((await sql('create table k (id int, n int); insert into k values (1, 1), (2, 1); alter table k rename column id to c; alter table k add primary key (c); describe k')).out, 'Field\tType\tNull\tKey\tDefault\tExtra\nc\tint\tNO\tPRI\tNULL\t\nn\tint\tYES\t\tNULL\t\n');
  assert.equal((await sql('alter table k add unique (n)')).err, "ERROR 1062 (23000) at line 1: Duplicate entry '1' for key 'k.n'\n");
  assert.equal((await sql('alter table clientes drop column nada')).err, "ERROR 1091 (42000) at line 1: Can't DROP 'nada'; check that column/key exists\n");
  assert.equal((await sql('alter table clientes add nombre int')).err, "ERROR 1060 (42S21) at line 1: Duplicate column name 'nombre'\n");
  assert.equal((await sql('show create table compras')).out, 'Table\tCreate Table\ncompras\tCREATE TABLE `compras` (\\n  `id` int NOT NULL AUTO_INCREMENT,\\n  `cliente_id` int DEFAULT NULL,\\n  `total` decimal(6,2) NOT NULL DEFAULT \'0.00\',\\n  PRIMARY KEY (`id`),\\n  KEY `cliente_id` (`cliente_id`),\\n  CONSTRAINT `pedidos_ibfk_1` FOREIGN KEY (`cliente_id`) REFERENCES `clientes` (`id`)\\n) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci\n');
  assert.match((await sql('show create table clientes\\G')).out, /^\*{27} 1\. row \*{27}\n {7}Table: clientes\nCreate Table: CREATE TABLE `clientes` \(\n {2}`id` int NOT NULL AUTO_INCREMENT,\n/);
  const e = engine();
  await pull(e, 'mysql');
  const { Id } = await e.containerCreate({ Image: 'mysql', Env: ['MYSQL_ROOT_PASSWORD=s', 'MYSQL_DATABASE=t'] });
  await e.containerStart(Id);
  const p = await execIt(e, Id, ['mysql', '-uroot', '-ps', 't']);
  assert.equal(await p.type('drop table if exists nada;'), 'Query OK, 0 rows affected, 1 warning (0.01 sec)\n\n');
  assert.equal(await p.type('create table if not exists a (n int);'), 'Query OK, 0 rows affected (0.02 sec)\n\n');
  assert.equal(await p.type('create table if not exists a (n int);'), 'Query OK, 0 rows affected, 1 warning (0.02 sec)\n\n');
  await p.type('insert into a values (1), (2);');
  assert.equal(await p.type('truncate table a;'), 'Query OK, 0 rows affected (0.01 sec)\n\n');
  assert.equal(await p.type('select * from a;'), 'Empty set (0.00 sec)\n\n');
});

test('mysql: CREATE USER, GRANT on a table, FLUSH PRIVILEGES; the account logs in and is refused other tables (1142); SHOW GRANTS', async () => {
  const { sql } = await shop();
  assert.deepEqual(await sql("create user 'u'@'%' identified by 'p'; grant select, insert on t.clientes to 'u'@'%'; flush privileges; show grants for 'u'@'%'"), { out: 'Grants for u@%\nGRANT USAGE ON *.* TO `u`@`%`\nGRANT SELECT, INSERT ON `t`.`clientes` TO `u`@`%`\n', err: '', exit: 0 });
  assert.equal((await sql('select nombre from clientes where id = 1', '-uu -pp')).out, 'nombre\nAna\n');
  assert.equal((await sql('select * from pedidos', '-uu -pp')).err, "ERROR 1142 (42000) at line 1: SELECT command denied to user 'u'@'localhost' for table 'pedidos'\n");
  assert.equal((await sql('delete from clientes', '-uu -pp')).err, "ERROR 1142 (42000) at line 1: DELETE command denied to user 'u'@'localhost' for table 'clientes'\n");
  assert.equal((await sql("create user 'v'@'%'", '-uu -pp')).err, 'ERROR 1227 (42000) at line 1: Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation\n');
  assert.equal((await sql("create user 'u'@'%' identified by 'q'")).err, "ERROR 1396 (HY000) at line 1: Operation CREATE USER failed for 'u'@'%'\n");
  assert.equal((await sql("grant all on t.* to 'nadie'@'%'")).err, 'ERROR 1410 (42000) at line 1: You are not allowed to create a user with GRANT\n');
  await sql("grant all privileges on t.* to 'u'@'%'; revoke insert on t.clientes from 'u'@'%'; alter user 'u'@'%' identified by 'n'");
  assert.equal((await sql('show grants', '-uu -pn')).out, 'Grants for u@%\nGRANT USAGE ON *.* TO `u`@`%`\nGRANT SELECT ON `t`.`clientes` TO `u`@`%`\nGRANT ALL PRIVILEGES ON `t`.* TO `u`@`%`\n');
  assert.equal((await sql('select count(*) from pedidos', '-uu -pn')).out, 'count(*)\n3\n');
  await sql("drop user 'u'@'%'");
  assert.equal((await sql('select 1', '-uu -pn')).err, "ERROR 1045 (28000): Access denied for user 'u'@'localhost' (using password: YES)\n");
});

test('mysqldump: the dump of a database restores into another server the same', async () => {
  const { run, sql } = await shop();
  await sql("create table notas (n text); insert into notas values ('it''s'), ('a\\\\nb'), (null)");
  await run('docker run -d --name db2 -e MYSQL_ROOT_PASSWORD=s -e MYSQL_DATABASE=t mysql');
  assert.equal((await run('docker exec db mysqldump -uroot -ps t > backup.sql')).exit, 0);
  const dump = { out: (await run('cat backup.sql')).out, err: (await run('docker exec db mysqldump -uroot -ps t > /dev/null')).err };
  assert.equal(dump.err, 'mysqldump: [Warning] Using a password on the command line interface can be insecure.\n');
  assert.match(dump.out, /^-- MySQL dump 10\.13 {2}Distrib 9\.3\.0, for Linux \(x86_64\)\n--\n-- Host: localhost {4}Database: t\n-- -{54}\n-- Server version\t9\.3\.0\n\n\/\*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT \*\/;\n/);
  assert.ok(dump.out.includes("\n--\n-- Dumping data for table `notas`\n--\n\nLOCK TABLES `notas` WRITE;\n/*!40000 ALTER TABLE `notas` DISABLE KEYS */;\nINSERT INTO `notas` VALUES ('it\\'s'),('a\\nb'),(NULL);\n/*!40000 ALTER TABLE `notas` ENABLE KEYS */;\nUNLOCK TABLES;\n"));
  assert.ok(dump.out.includes("INSERT INTO `pedidos` VALUES (1,1,1.20),(2,1,3.50),(3,2,10.00);\n"));
  assert.match(dump.out, /\nUNLOCK TABLES;\n\/\*!40103 SET TIME_ZONE=@OLD_TIME_ZONE \*\/;\n\n\/\*!40101 SET SQL_MODE=@OLD_SQL_MODE \*\/;\n\/\*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS \*\/;\n\/\*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS \*\/;\n\/\*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT \*\/;\n\/\*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS \*\/;\n\/\*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION \*\/;\n\/\*!40111 SET SQL_NOTES=@OLD_SQL_NOTES \*\/;\n\n-- Dump completed on \d{4}-\d\d-\d\d [ \d]\d:\d\d:\d\d\n$/);
  assert.ok(dump.out.includes("/*!50503 SET NAMES utf8mb4 */;\n/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;\n\n--\n-- Table structure for table `clientes`\n--\n\nDROP TABLE IF EXISTS `clientes`;\n/*!40101 SET @saved_cs_client     = @@character_set_client */;\n/*!50503 SET character_set_client = utf8mb4 */;\nCREATE TABLE `clientes` (\n"));
  assert.deepEqual(await run('docker exec -i db2 mysql -uroot -ps t < backup.sql'), { out: '', err: W, exit: 0 });
  for (const q of ['select * from pedidos', 'select * from notas', 'show create table pedidos']) assert.equal((await run(`docker exec db2 mysql -uroot -ps t -e "${q}"`)).out, (await sql(q)).out);
  assert.deepEqual(await run('docker exec db mysqldump -uroot -ps nada'), { out: '', err: "mysqldump: [Warning] Using a password on the command line interface can be insecure.\nmysqldump: Got error: 1049: Unknown database 'nada' when selecting the database\n", exit: 2 });
  assert.equal((await run('docker exec db mysqldump -uroot -ps t nada')).err.split('\n')[1], 'mysqldump: Couldn\'t find table: "nada"');
  assert.equal((await run('docker exec db mysqldump -uroot -px t')).err.split('\n')[1], "mysqldump: Got error: 1045: Access denied for user 'root'@'localhost' (using password: YES) when trying to connect");
  assert.equal((await run('docker exec db mysqldump')).exit, 1);
});

test('psql: joins, HAVING, subqueries, ALTER and TRUNCATE; UNIQUE and FOREIGN KEY errors as PostgreSQL words them; \\d lists the keys', async () => {
  const run = session();
  await run('docker run -d --name pg -e POSTGRES_PASSWORD=s postgres');
  const sql = (q: string) => run(`docker exec pg psql -U postgres -c "${q}"`);
  await sql(SCHEMA.replace('id int primary key auto_increment', 'id serial primary key').replace('id int primary key auto_increment', 'id serial primary key').replace(/decimal/, 'numeric'));
  assert.equal((await sql('select c.nombre, count(p.id) as n, sum(p.total) from clientes c left join pedidos p on p.cliente_id = c.id group by c.nombre having count(p.id) > 0 order by 3 desc')).out, ' nombre | n |  sum  \n--------+---+-------\n Luis   | 1 | 10.00\n Ana    | 2 |  4.70\n(2 rows)\n\n');
  assert.equal((await sql("select nombre, case when id = 1 then 'uno' else 'otro' end, coalesce(email, '-') from clientes where id in (select cliente_id from pedidos) limit 1 offset 1")).out, ' nombre | case | coalesce \n--------+------+----------\n Luis   | otro | l@x\n(1 row)\n\n');
  assert.equal((await sql('select id from clientes, pedidos')).err, 'ERROR:  column reference "id" is ambiguous\nLINE 1: select id from clientes, pedidos\n               ^\n');
  assert.equal((await sql('insert into pedidos (cliente_id, total) values (9, 1)')).err, 'ERROR:  insert or update on table "pedidos" violates foreign key constraint "pedidos_cliente_id_fkey"\nDETAIL:  Key (cliente_id)=(9) is not present in table "clientes".\n');
  assert.equal((await sql("insert into clientes (nombre, email) values ('X', 'a@x')")).err, 'ERROR:  duplicate key value violates unique constraint "clientes_email_key"\nDETAIL:  Key (email)=(a@x) already exists.\n');
  assert.equal((await sql('delete from clientes where id = 1')).err, 'ERROR:  update or delete on table "clientes" violates foreign key constraint "pedidos_cliente_id_fkey" on table "pedidos"\nDETAIL:  Key (id)=(1) is still referenced from table "pedidos".\n');
  assert.equal((await sql('drop table clientes')).err, 'ERROR:  cannot drop table clientes because other objects depend on it\nDETAIL:  constraint pedidos_cliente_id_fkey on table pedidos depends on table clientes\nHINT:  Use DROP ... CASCADE to drop the dependent objects too.\n');
  assert.equal((await sql('\\d pedidos')).out.split('Indexes:\n')[1], '    "pedidos_pkey" PRIMARY KEY, btree (id)\nForeign-key constraints:\n    "pedidos_cliente_id_fkey" FOREIGN KEY (cliente_id) REFERENCES clientes(id)\n\n');
  assert.equal((await sql('alter table clientes add column tel varchar(9)')).out, 'ALTER TABLE\n');
  assert.equal((await sql('alter table clientes drop column nada')).err, 'ERROR:  column "nada" of relation "clientes" does not exist\n');
  assert.equal((await sql('truncate pedidos')).out, 'TRUNCATE TABLE\n');
  assert.equal((await sql('select total * 2 from pedidos')).out, ' ?column? \n----------\n(0 rows)\n\n');
});

test('mysqldump --databases / --all-databases: CREATE DATABASE and USE for each (no system schemas), restored whole by mysql < dump', async () => {
  const { run, sql } = await shop();
  await sql("create database otra; create table otra.u (s varchar(3)); insert into otra.u values ('x')");
  assert.equal((await run('docker exec db sh -c "mysqldump -uroot -ps --all-databases > /all.sql; mysqldump -uroot -ps --databases otra t > /two.sql"')).exit, 0);
  const all = (await run('docker exec db cat /all.sql')).out;
  assert.match(all, /\n-- Host: localhost {4}Database: \n/);
  assert.deepEqual(all.match(/Current Database: `\w+`/g), ['Current Database: `mysql`', 'Current Database: `otra`', 'Current Database: `t`']);
  assert.ok(all.includes("\n--\n-- Current Database: `otra`\n--\n\nCREATE DATABASE /*!32312 IF NOT EXISTS*/ `otra` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */;\n\nUSE `otra`;\n\n--\n-- Table structure for table `u`\n"));
  const two = (await run('docker exec db cat /two.sql')).out;
  assert.match(two, /Database: otra\n/);
  assert.deepEqual(two.match(/USE `\w+`/g), ['USE `otra`', 'USE `t`']);
  await sql('drop database otra; drop database t');
  assert.deepEqual(await run('docker exec db sh -c "mysql -uroot -ps < /two.sql"'), { out: '', err: W, exit: 0 });
  assert.equal((await sql('select * from otra.u; select count(*) from t.pedidos')).out, 's\nx\ncount(*)\n3\n');
  assert.equal((await run('docker exec db mysqldump -uroot -ps --databases otra nada')).err.split('\n')[1], "mysqldump: Got error: 1049: Unknown database 'nada' when selecting the database");
});

test('mysql: -A and --no-auto-rehash (the tutorials\' fast start) are options, not errors', async () => {
  const { sql } = await shop();
  assert.equal((await sql('select 1 as uno', '-A -uroot -ps')).out, 'uno\n1\n');
  assert.equal((await sql('select 1 as uno', '--no-auto-rehash -uroot -ps')).out, 'uno\n1\n');
});
