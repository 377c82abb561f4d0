docker run -it --name jammy ubuntu:22.04 bash
apt-get update
apt-get install -y tree python3
python3 --version
apt list --installed python3*
exit
docker run -it --name bullseye debian:11 bash
apt-get update
apt-get install -y curl
exit
docker pull python:3.12-slim
docker history python:3.12-slim
docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql
docker exec -it db bash
mysql -uroot -p
wrong
mysql -uroot -p
secret
SELECT 1;
^D
exit
docker run -d --name cache redis
docker exec -it cache sh
redis-cli
set visits 1
incr visits
quit
redis-cli
^D
exit
