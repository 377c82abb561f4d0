docker run -d --name web nginx
docker run --name hola hello-world
docker rm web
docker pause web
docker rm web
docker unpause web
docker rm -f web
docker rm hola nada
docker container rm
docker ps -a
