// mongosh's queries as mongosh 2.5 and MongoDB 8.0 answer them: filter operators, projections,
// cursors and `it`, update operators and upserts, indexes, aggregation, and the server's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './mongo-session';

/** A mongosh session on a fresh server, with the shop's documents (numeric _ids keep outputs fixed). */
async function shop(state?: string) {
  const { sh, run } = await session(state);
  if (!state) {
    await run('docker run -d --name db mongo');
    await run('docker exec -it db mongosh --quiet');
    await run("db.p.insertMany([{_id: 1, name: 'pan', price: 3, tags: ['a', 'b'], address: {city: 'Madrid'}}, {_id: 2, name: 'Leche', price: 1, tags: ['b']}, {_id: 3, name: 'queso', price: 7, address: {city: 'Lugo'}}])");
  } else await run('docker exec -it db mongosh --quiet');
  return { sh, run };
}
const ids = (s: string) => [...s.matchAll(/_id: (\d+)/g)].map((m) => +m[1]);

test('filter operators: comparisons, $in/$nin, $exists, $regex and /re/, $not, $and/$or/$nor, dotted paths, arrays and $size/$all/$elemMatch', async () => {
  const { run } = await shop();
  const q = async (f: string) => ids(await run(`db.p.find(${f}, {_id: 1})`));
  assert.deepEqual(await q('{price: {$gt: 1}}'), [1, 3]);
  assert.deepEqual(await q('{price: {$gte: 3, $lt: 7}}'), [1]);
  assert.deepEqual(await q('{price: {$lte: 3}}'), [1, 2]);
  assert.deepEqual(await q('{price: {$ne: 3}}'), [2, 3]);
  assert.deepEqual(await q('{price: {$eq: 7}}'), [3]);
  assert.deepEqual(await q('{price: {$in: [1, 7]}}'), [2, 3]);
  assert.deepEqual(await q("{name: {$nin: ['pan']}}"), [2, 3]);
  assert.deepEqual(await q('{tags: {$exists: false}}'), [3]);
  assert.deepEqual(await q("{name: {$regex: '^l', $options: 'i'}}"), [2]);
  assert.deepEqual(await q('{name: /e/}'), [2, 3]);
  assert.deepEqual(await q('{name: {$not: /e/}}'), [1]);
  assert.deepEqual(await q("{name: {$in: [/^q/, 'pan']}}"), [1, 3]);
  assert.deepEqual(await q('{$or: [{price: 1}, {price: 7}]}'), [2, 3]);
  assert.deepEqual(await q("{$and: [{tags: 'b'}, {price: {$gt: 2}}]}"), [1]);
  assert.deepEqual(await q("{'address.city': 'Lugo'}"), [3]);
  // an array matches when an element does, or when it is the whole array
  assert.deepEqual(await q("{tags: 'b'}"), [1, 2]);
  assert.deepEqual(await q("{tags: ['b']}"), [2]);
  assert.deepEqual(await q('{tags: {$size: 2}}'), [1]);
  assert.deepEqual(await q("{tags: {$all: ['b', 'a']}}"), [1]);
  assert.deepEqual(await q("{tags: {$elemMatch: {$eq: 'a'}}}"), [1]);
  assert.deepEqual(await q('{$nor: [{price: 1}, {price: 3}]}'), [3]);
});

test("the server's errors on filters, in mongosh's words", async () => {
  const { run } = await shop();
  assert.equal(await run('db.p.find({price: {$foo: 1}})'), 'MongoServerError[BadValue]: unknown operator: $foo\n');
  assert.equal(await run('db.p.find({price: {$exist: true}})'), 'MongoServerError[BadValue]: unknown operator: $exist\n');
  assert.equal(await run('db.p.find({$in: [1]})'), "MongoServerError[BadValue]: unknown top level operator: $in. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.\n");
  assert.equal(await run('db.p.find({$not: {a: 1}})'), 'MongoServerError[BadValue]: unknown top level operator: $not. If you are trying to negate an entire expression, use $nor.\n');
  assert.equal(await run('db.p.find({price: {$in: 1}})'), 'MongoServerError[BadValue]: $in needs an array\n');
  assert.equal(await run('db.p.find({$or: {a: 1}})'), 'MongoServerError[BadValue]: $or must be an array\n');
  assert.equal(await run('db.p.fooo()'), 'TypeError: db.p.fooo is not a function\n');
  assert.equal(await run('db.p.countDocuments()'), '3\n');
});

test('projections, sort, limit, skip, count, toArray, pretty, forEach(printjson), map, print, hasNext/next', async () => {
  const { run } = await shop();
  assert.equal(await run('db.p.find({}, {name: 1, _id: 0}).sort({price: -1}).limit(2)'), "[ { name: 'queso' }, { name: 'pan' } ]\n");
  assert.equal(await run('db.p.find({}, {name: 1, _id: 0}).sort({name: 1}).skip(1).pretty()'), "[ { name: 'pan' }, { name: 'queso' } ]\n");
  // kept fields in the document's order, _id unless excluded; an exclusion removes only its fields
  assert.equal(await run('db.p.find({_id: 1}, {price: 1, name: 1})'), "[ { _id: 1, name: 'pan', price: 3 } ]\n");
  assert.equal(await run('db.p.find({_id: 3}, {_id: 1})'), '[ { _id: 3 } ]\n');
  assert.equal(await run("db.p.find({_id: 3}, {'address.city': 1, _id: 0})"), "[ { address: { city: 'Lugo' } } ]\n");
  assert.equal(await run('db.p.find({_id: 3}, {address: 0, name: 0})'), '[ { _id: 3, price: 7 } ]\n');
  assert.equal(await run('db.p.findOne({_id: 2}, {tags: 0, _id: 0})'), "{ name: 'Leche', price: 1 }\n");
  assert.equal(await run('db.p.find({}, {name: 1, price: 0})'), 'MongoServerError[Location31254]: Cannot do exclusion on field price in inclusion projection\n');
  assert.equal(await run('db.p.find({price: {$gt: 1}}).count()'), '2\n');
  assert.equal(await run('db.p.find({price: 9}).toArray()'), '[]\n');
  assert.equal(await run('db.p.find({price: 9})'), '');
  assert.equal(await run('db.p.find({}, {name: 1}).limit(2).forEach(printjson)'), "{ _id: 1, name: 'pan' }\n{ _id: 2, name: 'Leche' }\n");
  assert.equal(await run("print('total:', db.p.countDocuments())"), 'total: 3\n');
  assert.equal(await run('db.p.find().sort({price: 1}).map((d) => d.name)'), "[ 'Leche', 'pan', 'queso' ]\n");
  await run('var c = db.p.find({}, {_id: 1})');
  assert.equal(await run('while (c.hasNext()) printjson(c.next())'), '{ _id: 1 }\n{ _id: 2 }\n{ _id: 3 }\n');
});

test('more than 20 documents: the first batch, Type "it" for more, then it; no cursor when done', async () => {
  const { run } = await shop();
  await run('for (let i = 0; i < 23; i++) db.n.insertOne({_id: i})');
  const first = await run('db.n.find()');
  assert.match(first, /^\[\n  \{ _id: 0 \},\s+\{ _id: 1 \},[^]*\{ _id: 19 \}\n\]\nType "it" for more\n$/);
  assert.doesNotMatch(first, /_id: 20/);
  assert.equal(await run('it'), '[ { _id: 20 }, { _id: 21 }, { _id: 22 } ]\n');
  assert.equal(await run('it'), 'no cursor\n');
  assert.match(await run('db.n.aggregate([{$match: {}}])'), /Type "it" for more\n$/);
  assert.equal(await run('it'), '[ { _id: 20 }, { _id: 21 }, { _id: 22 } ]\n');
});

test('update operators and their results: $inc $unset $push $pull $addToSet $rename, upsert, replaceOne, findOneAndUpdate', async () => {
  const { run } = await shop();
  const res = (m: number, n: number, id = 'null', up = 0) => `{\n  acknowledged: true,\n  insertedId: ${id},\n  matchedCount: ${m},\n  modifiedCount: ${n},\n  upsertedCount: ${up}\n}\n`;
  assert.equal(await run("db.p.updateOne({_id: 1}, {$inc: {price: 2}, $push: {tags: 'c'}, $unset: {address: ''}})"), res(1, 1));
  assert.equal(await run('db.p.findOne({_id: 1})'), "{ _id: 1, name: 'pan', price: 5, tags: [ 'a', 'b', 'c' ] }\n");
  assert.equal(await run("db.p.updateOne({_id: 1}, {$addToSet: {tags: 'a'}})"), res(1, 0));
  assert.equal(await run("db.p.updateMany({}, {$pull: {tags: {$in: ['a', 'b']}}, $rename: {name: 'nombre'}})"), res(3, 3));
  assert.equal(await run("db.p.find({}, {_id: 0, price: 0, address: 0})"), "[\n  { tags: [ 'c' ], nombre: 'pan' },\n  { tags: [], nombre: 'Leche' },\n  { nombre: 'queso' }\n]\n");
  assert.equal(await run("db.p.updateOne({_id: 2}, {$push: {tags: {$each: ['x', 'y']}}, $set: {'stock.madrid': 4}})"), res(1, 1));
  assert.equal(await run('db.p.findOne({_id: 2}, {tags: 1, stock: 1, _id: 0})'), "{ tags: [ 'x', 'y' ], stock: { madrid: 4 } }\n");
  // no match: nothing, or with upsert a new document from the filter's equalities
  assert.equal(await run("db.p.updateOne({nombre: 'vino'}, {$set: {price: 9}})"), res(0, 0));
  const up = await run("db.p.updateOne({nombre: 'vino', price: {$gt: 1}}, {$set: {price: 9}}, {upsert: true})");
  const id = /ObjectId\('[0-9a-f]{24}'\)/.exec(up)![0];
  assert.equal(up, res(0, 0, id, 1));
  assert.equal(await run("db.p.findOne({nombre: 'vino'})"), `{ _id: ${id}, nombre: 'vino', price: 9 }\n`);
  assert.equal(await run("db.p.replaceOne({_id: 3}, {nombre: 'queso azul'})"), res(1, 1));
  assert.equal(await run('db.p.findOne({_id: 3})'), "{ _id: 3, nombre: 'queso azul' }\n");
  assert.equal(await run('db.p.findOneAndUpdate({_id: 2}, {$inc: {price: 1}})'), "{\n  _id: 2,\n  price: 1,\n  tags: [ 'x', 'y' ],\n  nombre: 'Leche',\n  stock: { madrid: 4 }\n}\n");
  assert.match(await run('db.p.findOneAndUpdate({_id: 2}, {$inc: {price: 1}}, {returnNewDocument: true})'), /price: 3,/);
  assert.equal(await run('db.p.findOneAndUpdate({_id: 9}, {$inc: {price: 1}})'), 'null\n');
});

test("update errors: an unknown modifier, $inc on text or by text, a replacement with operators; a regex the server cannot read", async () => {
  const { run } = await shop();
  assert.equal(await run("db.p.updateOne({_id: 1}, {$sett: {a: 1}})"), 'MongoServerError: Unknown modifier: $sett. Expected a valid update modifier or pipeline-style update specified as an array\n');
  assert.equal(await run('db.p.updateOne({_id: 1}, {$inc: {name: 1}})'), "MongoServerError: Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 'name' of non-numeric type string\n");
  assert.equal(await run("db.p.updateOne({_id: 1}, {$inc: {price: '2'}})"), 'MongoServerError: Cannot increment with non-numeric argument: {price: "2"}\n');
  assert.match(await run("db.p.find({name: {$regex: '['}})"), /^MongoServerError: Invalid regular expression/);
  assert.equal(await run('db.p.replaceOne({_id: 1}, {$set: {a: 1}})'), 'MongoInvalidArgumentError: Replacement document must not contain atomic operators\n');
  assert.equal(await run('db.p.findOne({_id: 1}).name'), 'pan\n');
});

test('counts, distinct, deletes; createIndex names the index, getIndexes lists it, unique keys refuse duplicates', async () => {
  const { run, sh } = await shop();
  assert.equal(await run('db.p.estimatedDocumentCount()'), '3\n');
  assert.equal(await run('db.p.distinct("tags")'), "[ 'a', 'b' ]\n");
  assert.equal(await run("db.p.distinct('address.city', {price: {$gt: 1}})"), "[ 'Lugo', 'Madrid' ]\n");
  assert.equal(await run('db.p.createIndex({name: 1})'), 'name_1\n');
  assert.equal(await run('db.p.createIndex({price: -1, name: 1}, {unique: true})'), 'price_-1_name_1\n');
  assert.equal(await run('db.p.getIndexes()'), "[\n  { v: 2, key: { _id: 1 }, name: '_id_' },\n  { v: 2, key: { name: 1 }, name: 'name_1' },\n  {\n    v: 2,\n    key: { price: -1, name: 1 },\n    name: 'price_-1_name_1',\n    unique: true\n  }\n]\n");
  assert.equal(await run('show collections'), 'p\n');
  assert.equal(await run('db.nada.getIndexes()'), 'MongoServerError[NamespaceNotFound]: ns does not exist: test.nada\n');
  assert.equal(await run("db.p.insertOne({_id: 2, name: 'otro'})"), 'MongoServerError: E11000 duplicate key error collection: test.p index: _id_ dup key: { _id: 2 }\n');
  assert.equal(await run("db.p.insertOne({price: 1})"), 'MongoServerError: E11000 duplicate key error collection: test.p index: price_-1_name_1 dup key: { price: 1 }\n');
  assert.equal(await run('db.p.countDocuments()'), '3\n');
  assert.equal(await run('db.p.deleteMany({price: {$lt: 5}})'), '{ acknowledged: true, deletedCount: 2 }\n');
  assert.equal(await run('db.p.deleteOne({nada: 1})'), '{ acknowledged: true, deletedCount: 0 }\n');
  // the indexes live with the data
  const again = await shop(sh.save());
  assert.match(await again.run('db.p.getIndexes()'), /name: 'name_1'/);
});

test('aggregate: $match, $group with $sum/$avg/$min/$max/$count, $sort, $limit, $project, $unwind, $count; unknown stages', async () => {
  const { run } = await shop();
  assert.equal(await run("db.p.aggregate([{$match: {price: {$gt: 1}}}, {$group: {_id: null, total: {$sum: '$price'}, media: {$avg: '$price'}, n: {$count: {}}, min: {$min: '$price'}, max: {$max: '$price'}}}])"), '[ { _id: null, total: 10, media: 5, n: 2, min: 3, max: 7 } ]\n');
  assert.equal(await run("db.p.aggregate([{$unwind: '$tags'}, {$group: {_id: '$tags', n: {$sum: 1}}}, {$sort: {n: -1, _id: 1}}, {$limit: 1}])"), "[ { _id: 'b', n: 2 } ]\n");
  assert.equal(await run("db.p.aggregate([{$sort: {price: 1}}, {$project: {_id: 0, producto: '$name', price: 1}}])"), "[\n  { price: 1, producto: 'Leche' },\n  { price: 3, producto: 'pan' },\n  { price: 7, producto: 'queso' }\n]\n");
  assert.equal(await run("db.p.aggregate([{$match: {tags: 'b'}}, {$count: 'total'}])"), '[ { total: 2 } ]\n');
  assert.equal(await run('db.p.aggregate([{$foo: {}}])'), "MongoServerError[Location40324]: Unrecognized pipeline stage name: '$foo'\n");
});

test('the deprecated insert, update, remove and count warn once each, then answer as their successors', async () => {
  const { run } = await shop();
  assert.equal(await run('db.p.count()'), 'DeprecationWarning: Collection.count() is deprecated. Use countDocuments or estimatedDocumentCount.\n3\n');
  assert.equal(await run('db.p.count({price: 1})'), '1\n');
  assert.equal(await run('db.p.insert({_id: 4})'), "DeprecationWarning: Collection.insert() is deprecated. Use insertOne, insertMany, or bulkWrite.\n{ acknowledged: true, insertedIds: { '0': 4 } }\n");
  assert.match(await run('db.p.update({_id: 4}, {$set: {a: 1}})'), /^DeprecationWarning: Collection\.update\(\) is deprecated\. Use updateOne, updateMany, or bulkWrite\.\n\{\n  acknowledged: true,\n  insertedId: null,\n  matchedCount: 1,\n  modifiedCount: 1,/);
  assert.equal(await run('db.p.remove({_id: 4})'), 'DeprecationWarning: Collection.remove() is deprecated. Use deleteOne, deleteMany, findOneAndDelete, or bulkWrite.\n{ acknowledged: true, deletedCount: 1 }\n');
});

test('createCollection and getCollection; regular expression literals in the shell', async () => {
  const { run } = await shop();
  assert.equal(await run("db.createCollection('vacia')"), '{ ok: 1 }\n');
  assert.equal(await run("db.getCollection('p').countDocuments({price: 7})"), '1\n');
  assert.equal(await run('show collections'), 'p\nvacia\n');
  assert.equal(await run('/a+b/gi'), '/a+b/gi\n');
  assert.equal(await run("/^p/.test('pan') && 'pan'.replace(/a/, 'i')"), 'pin\n');
  assert.equal(await run('10 / 2 / 5'), '1\n');
});

test('counts with a filter and of an empty collection; a duplicate inside one insertMany', async () => {
  const { run } = await shop();
  assert.equal(await run('db.p.countDocuments({price: {$gt: 1}})'), '2\n');
  assert.equal(await run('db.nada.countDocuments()'), '0\n');
  assert.equal(await run('db.nada.estimatedDocumentCount()'), '0\n');
  assert.match(await run('db.q.insertMany([{_id: 5}, {_id: 5}])'), /E11000 duplicate key error collection: test\.q index: _id_ dup key: \{ _id: 5 \}\n/);
  assert.equal(await run('db.q.countDocuments()'), '1\n');
});

test('insertMany with a duplicate key: MongoBulkWriteError with its BulkWriteResult and Write Errors; ordered stops, {ordered: false} goes on', async () => {
  const { run } = await shop();
  const E = (id: number) => `E11000 duplicate key error collection: test.d index: _id_ dup key: { _id: ${id} }`;
  const result = (n: number, ids: string) => `Result: BulkWriteResult {\n  insertedCount: ${n},\n  matchedCount: 0,\n  modifiedCount: 0,\n  deletedCount: 0,\n  upsertedCount: 0,\n  upsertedIds: {},\n  insertedIds: ${ids}\n}\n`;
  const werr = (i: number, id: number, op: string) => `  WriteError {\n    err: {\n      index: ${i},\n      code: 11000,\n      errmsg: '${E(id)}',\n      errInfo: undefined,\n      op: ${op}\n    }\n  }`;
  assert.equal(await run("db.d.insertMany([{_id: 1}, {_id: 1, a: 'x'}, {_id: 2}])"), `MongoBulkWriteError: ${E(1)}\n${result(1, "{ '0': 1 }")}Write Errors: [\n${werr(1, 1, "{ _id: 1, a: 'x' }")}\n]\n`);
  assert.equal(await run('db.d.countDocuments()'), '1\n');
  assert.equal(await run('db.d.insertMany([{_id: 1}, {_id: 3}, {_id: 3}, {_id: 4}], {ordered: false})'), `MongoBulkWriteError: ${E(1)}\n${result(2, "{ '1': 3, '3': 4 }")}Write Errors: [\n${werr(0, 1, '{ _id: 1 }')},\n${werr(2, 3, '{ _id: 3 }')}\n]\n`);
  assert.equal(await run('db.d.countDocuments()'), '3\n');
  assert.equal(await run('db.d.insertOne({_id: 4})'), `MongoServerError: ${E(4)}\n`);
});
