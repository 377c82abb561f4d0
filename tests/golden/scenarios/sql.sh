docker volume create datos
docker run -d --name db -e MYSQL_ROOT_PASSWORD=secreto -e MYSQL_DATABASE=tienda -v datos:/var/lib/mysql mysql
docker exec -it db mysql -uroot -p
secreto
SHOW DATABASES;
USE tienda;
CREATE TABLE productos (
  id INT PRIMARY KEY AUTO_INCREMENT,
  nombre VARCHAR(40) NOT NULL,
  precio DECIMAL(6,2) DEFAULT 0
);
INSERT INTO productos (nombre, precio) VALUES ('pan', 1.20), ('leche', 0.95), ('sal', 0.40);
SELECT * FROM productos WHERE precio > 0.5 ORDER BY precio DESC;
UPDATE productos SET precio = 1.10 WHERE nombre = 'leche';
DELETE FROM productos WHERE id = 3;
SELECT COUNT(*) FROM productos;
DESCRIBE productos;
SELECT * FROM clientes;
SELEC 1;
exit
docker exec db mysql -uroot -pmala
docker rm -f db
docker run -d --name db2 -e MYSQL_ROOT_PASSWORD=secreto -v datos:/var/lib/mysql mysql
docker exec db2 mysql -uroot -psecreto tienda -e "SELECT nombre, precio FROM productos"
docker run -d --name pg -e POSTGRES_PASSWORD=x postgres
docker exec -it pg psql -U postgres
CREATE DATABASE escuela;
\c escuela
CREATE TABLE alumnos (id SERIAL PRIMARY KEY, nombre TEXT NOT NULL, nota INT);
INSERT INTO alumnos (nombre, nota) VALUES ('Ana', 9), ('Luis', 6);
SELECT nombre, nota FROM alumnos
WHERE nota >= 5;
\dt
\d alumnos
SELECT * FROM profesores;
\q
docker exec pg psql -U postgres -d escuela -c "SELECT count(*) FROM alumnos"
docker network create red
docker network connect red db2
docker run --rm --network red mysql mysql -h db2 -uroot -psecreto tienda -e "SELECT COUNT(*) AS total FROM productos"
