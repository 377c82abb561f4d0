docker pull alpine
docker pull node:22-alpine
docker run --rm node:lts-alpine node -v
docker run -d --name cache -p 6379:6379 redis
docker logs cache
docker exec -it cache redis-cli
SET visitas 0
INCR visitas
GET visitas
KEYS *
hola
QUIT
docker exec cache redis-cli get visitas
docker run -d --name db postgres
docker ps -a --format "{{.Names}} {{.Status}}"
docker logs db
docker rm db
docker run -d --name db -e POSTGRES_PASSWORD=secreto postgres
docker logs db
docker exec -it db psql -U postgres
SELECT version();
\dt
\q
docker stop db cache
docker logs cache
docker images
