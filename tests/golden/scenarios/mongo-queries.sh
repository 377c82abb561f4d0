# mongosh queries on a shop: operators, projections, sorting, batches with it, updates, an index and an aggregation
docker run -d --name db mongo
docker exec -it db mongosh tienda
db.productos.insertMany([{ _id: 1, nombre: 'pan', precio: 3, tags: ['horno'] }, { _id: 2, nombre: 'leche', precio: 1, tags: ['frio'] }, { _id: 3, nombre: 'queso', precio: 7, tags: ['frio', 'curado'] }])
db.productos.find({ precio: { $gte: 2 } }, { nombre: 1, _id: 0 }).sort({ precio: -1 })
db.productos.find({ tags: 'frio', nombre: /^q/ })
db.productos.find({ $or: [{ precio: { $lt: 2 } }, { tags: { $in: ['horno'] } }] }).count()
db.productos.find({ precio: { $mayor: 2 } })
db.productos.updateOne({ nombre: 'pan' }, { $inc: { precio: 1 }, $push: { tags: 'integral' } })
db.productos.updateOne({ nombre: 'vino' }, { $set: { precio: 9 } }, { upsert: true })
db.productos.updateMany({}, { $sett: { stock: 0 } })
db.productos.createIndex({ nombre: 1 })
db.productos.getIndexes()
db.productos.aggregate([{ $unwind: '$tags' }, { $group: { _id: '$tags', total: { $sum: '$precio' } } }, { $sort: { total: -1 } }])
db.productos.distinct('tags')
for (let i = 0; i < 22; i++) db.tickets.insertOne({ _id: i })
db.tickets.find()
it
it
exit
