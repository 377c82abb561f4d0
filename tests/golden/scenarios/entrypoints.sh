# options through the official images' entrypoint scripts, and the tags of other releases
docker pull -q postgres:16
docker run --rm postgres:16 --version
docker run --rm postgres:16 postgres -V
docker run --rm postgres:16 --help
docker run --rm postgres:16 -c max_connections=5 --version
docker pull -q mysql
docker run --rm mysql --version
docker run --rm mysql --help
docker run --rm mysql mysql --version
docker pull -q redis
docker run --rm redis --version
docker run --rm redis redis-cli --version
docker run -d --name cache redis --appendonly yes
docker exec cache redis-cli ping
docker pull -q nginx
docker run --rm nginx -v
docker run --rm nginx nginx -v
docker run --rm nginx nginx -t
docker pull -q httpd
docker run --rm httpd httpd -v
docker pull -q node
docker run --rm node --version
docker pull -q python
docker run --rm python --version
docker pull nginx:stable
docker pull -q nginx:stable-alpine
docker run --rm nginx:stable-alpine nginx -v
docker pull redis:7
docker pull -q redis:7-alpine
docker run --rm redis:7-alpine --version
docker images
docker pull -q node:14
docker run --rm node:14 sh -c "dpkg -l | head -8"
