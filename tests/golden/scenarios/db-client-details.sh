# database client details: mysql -N, type synonyms, SERIAL, a dump of several databases restored whole; insertMany's bulk write errors
docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret -e MYSQL_DATABASE=tienda mysql
docker exec db mysql -uroot -psecret tienda -e "create table t (id serial, precio real, n int2, ok bool); insert into t (precio, n, ok) values (1.5, 2, true), (3, 4, false)"
docker exec db mysql -uroot -psecret tienda -N -e "select id, precio from t"
docker exec db mysql -uroot -psecret tienda -N -t -e "select n, ok from t"
docker exec db mysql -uroot -psecret tienda -t -e "describe t"
docker exec db mysql -uroot -psecret tienda -e "create table u (id bigserial)"
docker exec db mysql -uroot -psecret -e "create database otra; create table otra.c (s varchar(5)); insert into otra.c values ('hola')"
docker exec db sh -c "mysqldump -uroot -psecret --databases tienda otra > /dump.sql"
docker exec db grep -E "^(-- Host|-- Current|CREATE DATABASE|USE)" /dump.sql
docker exec db mysql -uroot -psecret -e "drop database tienda; drop database otra"
docker exec db sh -c "mysql -uroot -psecret < /dump.sql"
docker exec db mysql -uroot -psecret -e "select * from tienda.t; select * from otra.c"
docker run -d --name mo mongo
docker exec mo mongosh --quiet --eval "db.c.insertMany([{_id: 1}, {_id: 1, a: 'x'}, {_id: 2}])"
docker exec mo mongosh --quiet --eval "db.c.insertMany([{_id: 1}, {_id: 3}], {ordered: false})"
docker exec mo mongosh --quiet --eval "db.c.find()"
