docker run -d --name web -p 8080:80 nginx
docker logs web
docker logs --tail 2 web
docker run --name hola hello-world
docker logs hola
docker logs nada
docker logs
