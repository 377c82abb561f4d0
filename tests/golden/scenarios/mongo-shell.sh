# mongosh against the mongo image's server: a shop's products inserted, found, changed and removed, kept in a volume
docker network create tienda
docker run -d --name db --network tienda -v datos:/data/db mongo
docker exec -it db mongosh
show dbs
use tienda
db.productos.insertOne({ nombre: 'pan', precio: 3 })
db.productos.insertMany([{ nombre: 'leche', precio: 1 }, { nombre: 'queso', precio: 7 }])
db.productos.find({ nombre: 'pan' })
db.productos.findOne({ precio: 7 })
db.productos.countDocuments()
db.productos.updateOne({ nombre: 'pan' }, { $set: { precio: 4 } })
db.productos.deleteOne({ nombre: 'leche' })
db.productos.find()
show collections
db.productos.borrar()
total
exit
docker exec db mongosh tienda --quiet --eval 'db.productos.countDocuments()'
docker rm -f db
docker run -d --name db2 --network tienda -v datos:/data/db -e MONGO_INITDB_ROOT_USERNAME=root -e MONGO_INITDB_ROOT_PASSWORD=secreto mongo
docker run -it --rm --network tienda mongo mongosh mongodb://db2:27017/tienda
db.productos.find()
exit
docker run --rm --network tienda mongo mongosh mongodb://root:secreto@db2:27017/tienda --quiet
docker run -it --rm --network tienda mongo mongosh 'mongodb://root:secreto@db2:27017/tienda?authSource=admin'
db.productos.findOne({ nombre: 'queso' })
exit
docker run --rm mongo mongosh --eval 'db.version()'
echo $?
