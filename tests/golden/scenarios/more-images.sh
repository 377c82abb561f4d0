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
docker pull mariadb
docker run -d --name nopass mariadb
docker logs nopass
docker run -d --name maria -e MARIADB_ROOT_PASSWORD=s3cret -e MARIADB_DATABASE=shop mariadb
docker logs maria
docker exec maria mariadb -uroot -ps3cret -e 'show databases'
docker exec maria mariadb --version
docker exec maria mysql -uroot -ps3cret
docker run --rm -e MYSQL_ROOT_PASSWORD=x mariadb:10.11 mysql --version
