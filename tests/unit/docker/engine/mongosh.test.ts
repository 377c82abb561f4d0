// mongosh against the mongo image's mongod: banner, use/show, the db object's CRUD as mongosh
// prints it, errors in mongosh's words, data kept by the server in /data/db, auth, --eval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './mongo-session';

const OID = /ObjectId\('[0-9a-f]{24}'\)/;

test('docker exec -it mongosh prints the banner and the warning, then the db prompt; use, db and show dbs', async () => {
  const { sh, run } = await session();
  await run('docker run -d --name db mongo');
  const banner = await run('docker exec -it db mongosh');
  assert.match(banner, /^Current Mongosh Log ID:\t[0-9a-f]{24}\nConnecting to:\t\tmongodb:\/\/127\.0\.0\.1:27017\/\?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh\+2\.5\.2\nUsing MongoDB:\t\t8\.0\.10\nUsing Mongosh:\t\t2\.5\.2\n\nFor mongosh info see: https:\/\/www\.mongodb\.com\/docs\/mongodb-shell\/\n\n------\n   The server generated these startup warnings when booting\n   \d{4}-\d\d-\d\dT[\d:.]+\+00:00: Access control is not enabled for the database\. Read and write access to data and configuration is unrestricted\n------\n\n$/);
  assert.equal(sh.prompt(), 'test> ');
  assert.equal(await run('db'), 'test\n');
  assert.equal(await run('show dbs'), 'admin   40.00 KiB\nconfig  12.00 KiB\nlocal   40.00 KiB\n');
  assert.equal(await run('use tienda'), 'switched to db tienda\n');
  assert.equal(await run('use tienda'), 'already on db tienda\n');
  assert.equal(sh.prompt(), 'tienda> ');
  assert.equal(await run('show collections'), '');
});

test('insertOne, insertMany, find, findOne, countDocuments, updateOne with $set, deleteOne, dropDatabase print as mongosh does', async () => {
  const { run } = await session();
  await run('docker run -d --name db mongo');
  await run('docker exec -it db mongosh');
  await run('use tienda');
  const one = await run("db.productos.insertOne({nombre: 'x', precio: 3})");
  assert.match(one, /^\{\n  acknowledged: true,\n  insertedId: ObjectId\('[0-9a-f]{24}'\)\n\}\n$/);
  const id = OID.exec(one)![0];
  assert.match(await run("db.productos.insertMany([{nombre: 'y', precio: 1}, {nombre: 'z', precio: 1}])"), /^\{\n  acknowledged: true,\n  insertedIds: \{\n    '0': ObjectId\('\w+'\),\n    '1': ObjectId\('\w+'\)\n  \}\n\}\n$/);
  assert.equal(await run("db.productos.find({nombre: 'x'})"), `[\n  { _id: ${id}, nombre: 'x', precio: 3 }\n]\n`);
  assert.equal(await run(`db.productos.findOne({_id: ${id}})`), `{ _id: ${id}, nombre: 'x', precio: 3 }\n`);
  assert.equal(await run("db.productos.findOne({nombre: 'nada'})"), 'null\n');
  assert.equal(await run('db.productos.find({precio: 9})'), '');
  assert.equal(await run('db.productos.countDocuments({precio: 1})'), '2\n');
  assert.equal(await run("db.productos.updateOne({nombre: 'x'}, {$set: {precio: 4}})"), '{\n  acknowledged: true,\n  insertedId: null,\n  matchedCount: 1,\n  modifiedCount: 1,\n  upsertedCount: 0\n}\n');
  assert.match(await run("db.productos.updateOne({nombre: 'x'}, {$set: {precio: 4}})"), /matchedCount: 1,\n  modifiedCount: 0,/);
  assert.equal(await run("db.productos.findOne({nombre: 'x'}).precio"), '4\n');
  assert.equal(await run('db.productos.deleteOne({precio: 1})'), '{ acknowledged: true, deletedCount: 1 }\n');
  assert.equal(await run('db.productos.countDocuments()'), '2\n');
  assert.equal(await run('show collections'), 'productos\n');
  assert.equal(await run('show dbs'), 'admin   40.00 KiB\nconfig  12.00 KiB\nlocal   40.00 KiB\ntienda  40.00 KiB\n');
  assert.equal(await run('db.productos'), 'tienda.productos\n');
  assert.equal(await run('db.dropDatabase()'), "{ ok: 1, dropped: 'tienda' }\n");
  assert.equal(await run('show dbs'), 'admin   40.00 KiB\nconfig  12.00 KiB\nlocal   40.00 KiB\n');
});

test("mongosh's errors: unknown names, no such method, an update without operators; an open bracket goes on", async () => {
  const { sh, run } = await session();
  await run('docker run -d --name db mongo');
  await run('docker exec -it db mongosh');
  assert.equal(await run('x'), 'ReferenceError: x is not defined\n');
  assert.equal(await run('db.x.foo()'), 'TypeError: db.x.foo is not a function\n');
  assert.equal(await run('db.x.updateOne({}, {a: 1})'), 'MongoInvalidArgumentError: Update document requires atomic operators\n');
  assert.equal(await run('db.x.find('), '');
  assert.equal(sh.prompt(), '... ');
  assert.equal(await run(')'), '');
  assert.equal(sh.prompt(), 'test> ');
  assert.equal(await run('1 + 2'), '3\n');
});

test('exit, quit and Ctrl+D end mongosh; typed at a shell it gives the prompt back', async () => {
  const { sh, run, eof } = await session();
  await run('docker run -d --name db mongo');
  await run('docker exec -it db mongosh');
  await run('exit');
  assert.equal(sh.prompt(), '$ ');
  await run('docker exec -it db mongosh');
  await eof();
  assert.equal(sh.prompt(), '$ ');
  await run('docker exec -it db bash');
  await run('mongosh --quiet');
  assert.equal(sh.prompt(), 'test> ');
  await run('quit()');
  assert.match(sh.prompt(), /^root@\w+:\/# $/);
});

test('the documents live in the server: other sessions see them, a volume keeps them, a saved state too', async () => {
  const { run, sh } = await session();
  await run('docker run -d --name db -v datos:/data/db mongo');
  await run('docker exec -it db mongosh tienda');
  await run("db.p.insertOne({a: 1})");
  await run('exit');
  assert.equal(await run("docker exec db mongosh tienda --quiet --eval 'db.p.countDocuments()'"), '1\n');
  await run('docker rm -f db');
  await run('docker run -d --name db2 -v datos:/data/db mongo');
  await run('docker exec -it db2 mongosh tienda');
  assert.match(await run('db.p.find()'), /^\[ \{ _id: ObjectId\('\w{24}'\), a: 1 \} \]\n$/);
  await run('exit');
  const again = await session(sh.save());
  await again.run('docker exec -it db2 mongosh tienda');
  assert.equal(await again.run('db.p.countDocuments()'), '1\n');
});

test('--eval prints the value and leaves; without a server it says why, with status 1', async () => {
  const { run, sh } = await session();
  await run('docker run -d --name db mongo');
  assert.equal(await run("docker exec db mongosh --quiet --eval 'db.version()'"), '8.0.10\n');
  assert.match(await run("docker exec db mongosh --eval 'db.getName()'"), /Using Mongosh:\t\t2\.5\.2\n\nFor mongosh info see: https:\/\/www\.mongodb\.com\/docs\/mongodb-shell\/\n\ntest\n$/);
  assert.equal(await run("docker exec db mongosh --quiet --eval 'nada'"), 'ReferenceError: nada is not defined\n');
  assert.equal(await run('echo $?'), '1\n');
  // code left open is the parser's error at its end, not a silent success
  assert.equal(await run("docker exec db mongosh --quiet --eval 'db.x.insertOne('"), 'SyntaxError: Unexpected token (1:15)\n');
  assert.equal(await run('echo $?'), '1\n');
  assert.match(await run('docker run --rm mongo mongosh --eval 1'), /\nConnecting to:\t\tmongodb:\/\/127\.0\.0\.1:27017\/\?directConnection=true&serverSelectionTimeoutMS=2000&appName=mongosh\+2\.5\.2\nMongoNetworkError: connect ECONNREFUSED 127\.0\.0\.1:27017\n$/);
  assert.equal(await run('echo $?'), '1\n');
  assert.equal(await run('docker exec db mongosh --version'), '2.5.2\n');
  assert.equal(sh.prompt(), '$ ');
});

test('with MONGO_INITDB_ROOT_* commands need authentication; the root user reaches the server from another container', async () => {
  const { run } = await session();
  await run('docker network create red');
  await run('docker run -d --name db --network red -e MONGO_INITDB_ROOT_USERNAME=root -e MONGO_INITDB_ROOT_PASSWORD=pw mongo');
  await run('docker exec -it db mongosh');
  assert.equal(await run('show dbs'), 'MongoServerError[Unauthorized]: Command listDatabases requires authentication\n');
  assert.equal(await run('db.p.find()'), 'MongoServerError[Unauthorized]: Command find requires authentication\n');
  await run('exit');
  assert.equal(await run("docker exec db mongosh -u root -p mal --quiet --eval 'db'"), 'MongoServerError: Authentication failed.\n');
  assert.equal(await run('echo $?'), '1\n');
  assert.equal(await run("docker exec db mongosh -u root -p pw --quiet --eval 'db.p.insertOne({a: 1}).acknowledged'"), 'true\n');
  const remote = await run('docker run -it --rm --network red mongo mongosh mongodb://root:pw@db:27017');
  assert.match(remote, /\nConnecting to:\t\tmongodb:\/\/<credentials>@db:27017\/\?directConnection=true&appName=mongosh\+2\.5\.2\n/);
  assert.doesNotMatch(remote, /warnings/);
  assert.equal(await run('db.p.countDocuments()'), '1\n');
  await run('exit');
  // root is a user of admin: a URI naming another database authenticates there unless authSource says admin
  assert.equal(await run("docker exec db mongosh mongodb://root:pw@localhost/tienda --quiet --eval 'db'"), 'MongoServerError: Authentication failed.\n');
  assert.match(await run("docker exec db mongosh 'mongodb://root:pw@localhost/tienda?authSource=admin' --eval 'db'"), /\nConnecting to:\t\tmongodb:\/\/<credentials>@localhost\/tienda\?authSource=admin&directConnection=true&appName=mongosh\+2\.5\.2\n[^]*\ntienda\n$/);
  assert.equal(await run("docker exec db mongosh tienda -u root -p pw --authenticationDatabase admin --quiet --eval 'db'"), 'tienda\n');
});
