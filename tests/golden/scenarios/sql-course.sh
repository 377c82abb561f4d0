docker run -d --name db -e MYSQL_ROOT_PASSWORD=secreto -e MYSQL_DATABASE=tienda mysql
docker run -d --name db2 -e MYSQL_ROOT_PASSWORD=secreto -e MYSQL_DATABASE=tienda mysql
sleep 20
docker exec -it db mysql -uroot -psecreto tienda
CREATE TABLE clientes (id INT PRIMARY KEY AUTO_INCREMENT, nombre VARCHAR(30) NOT NULL, email VARCHAR(40) UNIQUE);
CREATE TABLE pedidos (id INT PRIMARY KEY AUTO_INCREMENT, cliente_id INT, precio DECIMAL(6,2) NOT NULL, FOREIGN KEY (cliente_id) REFERENCES clientes(id));
INSERT INTO clientes (nombre, email) VALUES ('Ana', 'ana@x.es'), ('Luis', 'luis@x.es'), ('Eva', NULL);
INSERT INTO pedidos (cliente_id, precio) VALUES (1, 1.20), (1, 3.50), (2, 10.00);
INSERT INTO pedidos (cliente_id, precio) VALUES (7, 1);
SELECT c.nombre, COUNT(p.id) AS pedidos, SUM(p.precio) AS total FROM clientes c LEFT JOIN pedidos p ON p.cliente_id = c.id GROUP BY c.nombre ORDER BY total DESC;
SELECT nombre, precio * 2 AS doble FROM pedidos JOIN clientes ON clientes.id = pedidos.cliente_id WHERE precio BETWEEN 1 AND 5;
SELECT nombre, CASE WHEN email IS NULL THEN 'sin correo' ELSE email END AS correo FROM clientes WHERE id NOT IN (SELECT cliente_id FROM pedidos) \G
ALTER TABLE clientes ADD COLUMN telefono VARCHAR(9) AFTER nombre;
DROP TABLE IF EXISTS viejos;
CREATE USER 'ventas'@'%' IDENTIFIED BY 'clave';
GRANT SELECT ON tienda.clientes TO 'ventas'@'%';
FLUSH PRIVILEGES;
SHOW GRANTS FOR 'ventas'@'%';
SHOW CREATE TABLE pedidos\G
exit
docker exec db mysql -uventas -pclave tienda -e "SELECT * FROM pedidos"
docker exec db mysqldump -uroot -psecreto tienda > backup.sql
docker exec -i db2 mysql -uroot -psecreto tienda < backup.sql
docker exec db2 mysql -uroot -psecreto tienda -e "SELECT * FROM pedidos"
