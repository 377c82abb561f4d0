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
docker pull php
docker run --rm php php -v
docker run --rm php php -r 'echo "hola\n";'
docker run --rm php php -r 'echo "hola"'
docker run -d --name web -p 8080:80 php:apache
curl -s localhost:8080
docker exec web sh -c 'echo "<h1>Hola</h1><?php echo \"PHP \" . PHP_VERSION; ?>" > index.php'
curl -i localhost:8080
docker logs web
docker pull wordpress
docker run -d --name wp -p 8081:80 wordpress
curl -I localhost:8081
docker logs wp
docker pull httpd:alpine
