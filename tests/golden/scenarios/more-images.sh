# Images courses use beyond the basics: mongo on ubuntu's layers, its server's JSON log and its programs
docker pull ubuntu
docker pull mongo
docker run -d --name db mongo
docker logs db
docker exec db mongosh --version
docker exec db mongod --version
docker stop db
docker logs db | tail -2
docker run --rm -e MONGO_INITDB_ROOT_USERNAME=root mongo:7
docker images
