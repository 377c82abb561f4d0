# Tags an older tutorial names: their last builds, the versions their programs print
docker pull mysql:5.7
docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql:5.7
docker logs db
docker exec db mysql --version
docker exec -it db mysql -uroot -psecret
SELECT VERSION();
exit
docker pull -q node:16
docker run --rm node:16 sh -c 'node -v && npm -v && cat /etc/debian_version'
docker pull -q ubuntu:18.04
docker run --rm ubuntu:18.04 grep PRETTY /etc/os-release
docker pull -q python:3.10-slim
docker run --rm python:3.10-slim python --version
docker pull -q redis:6
docker pull -q nginx:1.25-alpine
docker pull -q postgres:14
docker images
docker history ubuntu:18.04
