/** mysqldump: a database as the SQL that makes it again (`mysqldump -uroot -p… db [tables] > backup.sql`). */
import type { Command } from '../shell/types';
import { run, stamp } from './eval';
import { SqlError } from './parse';
import { PASSWORD_WARNING, mysqlArgs, mysqlConnect, serverVersion } from './mysql';

// the session settings the dump saves, changes and puts back: name, version comment, value while it loads
const CS = ['CHARACTER_SET_CLIENT', 'CHARACTER_SET_RESULTS', 'COLLATION_CONNECTION'].map((v) => [v, '40101']);
const [U, F, M, N] = [['UNIQUE_CHECKS', '40014', '0'], ['FOREIGN_KEY_CHECKS', '40014', '0'], ['SQL_MODE', '40101', "'NO_AUTO_VALUE_ON_ZERO'"], ['SQL_NOTES', '40111', '0']];
const save = ([v, n, x]: string[]) => `/*!${n} SET @OLD_${v}=@@${v}${x ? `, ${v}=${x}` : ''} */;\n`;
const HEAD = CS.map(save).join('') + "/*!50503 SET NAMES utf8mb4 */;\n/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n" + [U, F, M, N].map(save).join('');
const FOOT = [M, F, U, ...CS, N].map(([v, n]) => `/*!${n} SET ${v}=@OLD_${v} */;\n`).join('');

export const mysqldump: Command = (args, io, sh) => {
  const env = sh.env().map(([k, v]) => `${k}=${v}`);
  const has = (re: RegExp) => args.some((x) => re.test(x));
  const [noData, all, many] = [has(/^(-d|--no-data)$/), has(/^(-A|--all-databases)$/), has(/^(-B|--databases)$/)];
  const a = mysqlArgs(args.filter((x) => !/^(-d|--no-data|-A|--all-databases|-B|--databases)$/.test(x)));
  const [db, ...only] = a.rest ?? [];
  if (a.bad) return io.err(`mysqldump: [ERROR] unknown option '${a.bad}'.\n`), 7;
  if (!db && !all) return io.err('Usage: mysqldump [OPTIONS] database [tables]\nOR     mysqldump [OPTIONS] --databases [OPTIONS] DB1 [DB2 DB3...]\nOR     mysqldump [OPTIONS] --all-databases [OPTIONS]\nFor more options, use mysqldump --help\n'), 1;
  if (a.pass) io.err(PASSWORD_WARNING.replace('mysql:', 'mysqldump:'));
  const s = mysqlConnect(sh.m, { ...a, db: undefined }, env, () => sh.m.now());
  if (typeof s === 'string') return io.err(`mysqldump: Got error: ${s.slice(6, -1).replace(/ \(\w+\):/, ':')} when trying to connect\n`), 2;
  // --databases and --all-databases name every database and write the CREATE DATABASE and USE that make it again
  const dbs = all ? s.store.dbs().filter((d) => !/^(information_schema|performance_schema|sys)$/.test(d) && s.visible?.(d) !== false) : many ? a.rest! : [db];
  for (const d of dbs) if (!s.store.hasDb(d) || s.visible?.(d) === false) return io.err(`mysqldump: Got error: ${s.store.hasDb(d) ? `1044: Access denied for user '${a.user}'@'%' to database` : '1049: Unknown database'} '${d}' when selecting the database\n`), 2;
  const v = serverVersion(env);
  let out = `-- MySQL dump 10.13  Distrib ${v}, for Linux (x86_64)\n--\n-- Host: localhost    Database: ${db ?? ''}\n-- ------------------------------------------------------\n-- Server version\t${v}\n\n${HEAD}`;
  if (a.user !== 'root') io.err("mysqldump: Error: 'Access denied; you need (at least one of) the PROCESS privilege(s) for this operation' when trying to dump tablespaces\n");
  for (const d of dbs) {
    s.db = d;
    const tables = s.store.tables(d);
    if (all || many) out += `\n--\n-- Current Database: \`${d}\`\n--\n\nCREATE DATABASE /*!32312 IF NOT EXISTS*/ \`${d}\` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */;\n\nUSE \`${d}\`;\n`;
    else for (const t of only) if (!tables.includes(t)) return io.err(`mysqldump: Couldn't find table: "${t}"\n`), 2;
    for (const t of only.length && !many ? only : tables) {
      const q = '`' + t + '`';
      let create: string;
      try {
        create = (run(s, `show create table ${q}`) as { rows: string[][] }).rows[0][1];
      } catch (e) {
        if (!(e instanceof SqlError)) throw e;
        return io.err(`mysqldump: Got error: 1142: ${e.a[0]} command denied to user '${a.user}'@'localhost' for table '${t}' when using LOCK TABLES\n`), 2;
      }
      out += `\n--\n-- Table structure for table ${q}\n--\n\nDROP TABLE IF EXISTS ${q};\n/*!40101 SET @saved_cs_client     = @@character_set_client */;\n/*!50503 SET character_set_client = utf8mb4 */;\n${create};\n/*!40101 SET character_set_client = @saved_cs_client */;\n`;
      if (noData) continue;
      const tb = s.store.table(d, t)!;
      // numbers bare, strings quoted with mysql_real_escape_string's escapes
      const val = (x: unknown, i: number) => (x === null ? 'NULL' : /^(tinyint|smallint|mediumint|int|bigint|decimal|float|double)/.test(tb.cols[i].type) ? String(Number(x === true) || x) : `'${String(x).replace(/[\\'"\n\r\0]/g, (ch) => '\\' + ((({ '\n': 'n', '\r': 'r', '\0': '0' }) as Record<string, string>)[ch] || ch))}'`);
      const rows = tb.rows.map((r) => `(${r.map(val).join(',')})`).join(',');
      out += `\n--\n-- Dumping data for table ${q}\n--\n\nLOCK TABLES ${q} WRITE;\n/*!40000 ALTER TABLE ${q} DISABLE KEYS */;\n${rows ? `INSERT INTO ${q} VALUES ${rows};\n` : ''}/*!40000 ALTER TABLE ${q} ENABLE KEYS */;\nUNLOCK TABLES;\n`;
    }
  }
  // the time as mysqldump writes it: the hour padded with a space
  out += `/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n${FOOT}\n-- Dump completed on ${stamp(sh.m.now()).replace(' 0', '  ')}\n`;
  io.out(out);
  return 0;
};
